/* test-preferences.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The preferences in the real window: they open from the menu and
 * Ctrl+comma, every row changes its key and the window shows it at once, and
 * the values survive a restart (a keyfile in the test's own home, started
 * again in a new process). The Library page is tested in
 * test-preferences-library.c. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "hl-paths.h"
#include "hl-settings.h"
#include "preferences-fixture.h"
#include "test-util.h"

/* Opening */

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static HlPreferencesWindow *
find_preferences (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture_app ())); l; l = l->next)
    if (HL_IS_PREFERENCES_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* The menu item the way the menu shows it: its label and its action. */
static gboolean
menu_has_item (GMenuModel *model,
               const char *label,
               const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_label = NULL;
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_item (section, label, action))
        return TRUE;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_label, label) && g_str_equal (item_action, action))
        return TRUE;
    }

  return FALSE;
}

static void
test_open (void)
{
  GtkApplication *app = GTK_APPLICATION (fixture_app ());
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "app.preferences");
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, "<Control>comma");
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (find_widget_of_type (GTK_WIDGET (fixture_window ()),
                                                                     GTK_TYPE_MENU_BUTTON));
  g_autoptr(GtkBuilder) overlay = NULL;
  HlPreferencesWindow *prefs;
  gboolean listed = FALSE;

  /* Ctrl+comma is the app's shortcut for them, and nothing else's. */
  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, "app.preferences");

  /* The main menu has the item. */
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_item (gtk_menu_button_get_menu_model (menu_button), _("_Preferences"),
                                "app.preferences"));

  /* The shortcuts window lists it. */
  overlay = gtk_builder_new_from_resource ("/org/phynet/HealthLibrary/hl-help-overlay.ui");
  for (GSList *l = gtk_builder_get_objects (overlay); l != NULL; l = g_slist_delete_link (l, l))
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        g_autofree char *title = NULL;

        g_object_get (l->data, "accelerator", &accelerator, "title", &title, NULL);
        if (g_strcmp0 (accelerator, "<Control>comma") == 0 &&
            g_strcmp0 (title, _("Preferences")) == 0)
          listed = TRUE;
      }
  g_assert_true (listed);

  /* The real keys: Ctrl+comma opens them over the main window, Escape
   * closes them. */
  press_keys (MAIN_WINDOW_X, MAIN_WINDOW_Y, "ctrl+comma");
  prefs = find_preferences ();
  g_assert_nonnull (prefs);
  wait_until (is_mapped, prefs, "the preferences to open on Ctrl+comma");
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  press_keys (200, 200, "Escape");
  wait_until (is_gone, &prefs, "the preferences to close on Escape");

  /* Opened as the menu item does, over the main window; a second time
   * brings back the same window. */
  prefs = open_preferences ();
  g_assert_true (hl_preferences_window_present (fixture_app (), GTK_WINDOW (fixture_window ())) == prefs);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (prefs)), ==, _("Preferences"));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("_Language")));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("_Text size")));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("_Style")));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("_Clinic")));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("_Import a File…")));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("_Restore the Sample Library…")));
  close_preferences (prefs);
}

/* Reading */

static gboolean
language_is (gpointer data)
{
  return g_strcmp0 (hl_window_get_content_language (fixture_window ()), data) == 0;
}

static char *
key_string (const char *key)
{
  return g_settings_get_string (app_settings (), key);
}

static void
test_language (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  AdwComboRow *row = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Language")));
  g_autofree char *value = NULL;
  g_autofree char *html = NULL;

  go_home ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* The row: the key, the window, the sidebar and the page follow. */
  adw_combo_row_set_selected (row, 2);
  value = key_string (HL_SETTINGS_CONTENT_LANGUAGE);
  g_assert_cmpstr (value, ==, "es");
  wait_until (language_is, "es", "the window in Spanish");
  wait_until (has_row, "Sistema digestivo", "the Spanish groups");
  wait_until (loaded, NULL, "the Spanish home page");
  html = dup_page_html ();
  g_assert_nonnull (strstr (html, "<html lang=\"es\""));

  /* Ctrl+L and the header toggle move the row too. */
  close_preferences (prefs);
  press_keys (MAIN_WINDOW_X, MAIN_WINDOW_Y, "ctrl+l");
  wait_until (language_is, "en", "Ctrl+L to switch to English");
  g_clear_pointer (&value, g_free);
  value = key_string (HL_SETTINGS_CONTENT_LANGUAGE);
  g_assert_cmpstr (value, ==, "en");
  prefs = open_preferences ();
  row = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Language")));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "es");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);

  /* Back to the desktop's language, which is English here; the toggle then
   * leaves the empty value alone when it means the same. */
  adw_combo_row_set_selected (row, 0);
  g_clear_pointer (&value, g_free);
  value = key_string (HL_SETTINGS_CONTENT_LANGUAGE);
  g_assert_cmpstr (value, ==, "");
  wait_until (language_is, "en", "the window in English");
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "en");
  g_clear_pointer (&value, g_free);
  value = key_string (HL_SETTINGS_CONTENT_LANGUAGE);
  g_assert_cmpstr (value, ==, "");

  close_preferences (prefs);
}

static gboolean
zoom_is (gpointer data)
{
  double level = *(double *) data;

  return G_APPROX_VALUE (webkit_web_view_get_zoom_level (web_view ()), level, 0.001);
}

static void
assert_zoom (GtkRange *scale,
             double    level)
{
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (app_settings (), HL_SETTINGS_ZOOM_LEVEL),
                                  level, 0.001);
  wait_until (zoom_is, &level, "the view's zoom");
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (scale), level, 0.001);
}

static void
test_text_size (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  AdwPreferencesRow *row = find_pref_row (GTK_WIDGET (prefs), _("_Text size"));
  GtkRange *scale = GTK_RANGE (find_widget_of_type (GTK_WIDGET (row), GTK_TYPE_SCALE));
  gboolean handled = FALSE;

  g_assert_nonnull (scale);
  g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_range_get_adjustment (scale)), ==, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_range_get_adjustment (scale)), ==, 3.0);

  gtk_range_set_value (scale, 2.0);
  assert_zoom (scale, 2.0);

  /* Dragging lands on large steps: a quarter at a time. */
  g_signal_emit_by_name (scale, "change-value", GTK_SCROLL_JUMP, 1.62, &handled);
  g_assert_true (handled);
  assert_zoom (scale, 1.5);

  /* One source of truth: the shortcuts change the same value. The keys, on
   * the main window, and the row shows it when the preferences open again. */
  close_preferences (prefs);
  press_keys (MAIN_WINDOW_X, MAIN_WINDOW_Y, "ctrl+plus");
  prefs = open_preferences ();
  row = find_pref_row (GTK_WIDGET (prefs), _("_Text size"));
  scale = GTK_RANGE (find_widget_of_type (GTK_WIDGET (row), GTK_TYPE_SCALE));
  /* The next of the zoom levels Ctrl++ steps through, as GNOME Web's. */
  assert_zoom (scale, 1.7);
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.zoom-reset", NULL);
  assert_zoom (scale, 1.0);

  /* Below 100 % (Ctrl+minus) the row shows its smallest step and does not
   * write it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (app_settings (), HL_SETTINGS_ZOOM_LEVEL),
                                  0.9, 0.001);
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.zoom-reset", NULL);
  assert_zoom (scale, 1.0);

  close_preferences (prefs);
}

typedef struct
{
  gboolean dark;
} Shade;

static gboolean
page_is_dark (gpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  guint brightness;

  if (webkit_web_view_is_loading (web_view ()))
    return FALSE;
  /* The page's own background, at its top left corner. */
  brightness = pixel_brightness (page_pixel (4, 4));
  return dark ? brightness < 64 : brightness > 220;
}

static void
test_dark_pages (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  AdwComboRow *row = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Style")));
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *value = NULL;

  go_home ();
  /* This desktop asks for nothing, so the app starts light. */
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_false (adw_style_manager_get_dark (style));
  wait_until (page_is_dark, GINT_TO_POINTER (FALSE), "a light page");

  adw_combo_row_set_selected (row, 2);
  value = key_string (HL_SETTINGS_COLOR_SCHEME);
  g_assert_cmpstr (value, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  /* The page itself turns dark, not only the window around it. */
  wait_until (page_is_dark, GINT_TO_POINTER (TRUE), "the page's dark background");

  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_until (page_is_dark, GINT_TO_POINTER (FALSE), "the page's light background");

  adw_combo_row_set_selected (row, 0);
  g_clear_pointer (&value, g_free);
  value = key_string (HL_SETTINGS_COLOR_SCHEME);
  g_assert_cmpstr (value, ==, "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  close_preferences (prefs);
}

/* This Clinic */

static guint
model_position (GListModel *model,
                const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        return i;
    }

  g_error ("No “%s” in the list", text);
}

static void
print_finished_cb (WebKitPrintOperation *operation,
                   gboolean             *done)
{
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The text of the page shown, as it comes out of the printer. */
static char *
print_to_text (void)
{
  g_autoptr(WebKitPrintOperation) operation = webkit_print_operation_new (web_view ());
  g_autoptr(GtkPrintSettings) print = gtk_print_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("test-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "handout.txt", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, txt, NULL };
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  char *text = NULL;
  int status = 0;

  gtk_print_settings_set_printer (print, "Print to File");
  gtk_print_settings_set (print, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (print, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  webkit_print_operation_set_print_settings (operation, print);
  g_signal_connect (operation, "finished", G_CALLBACK (print_finished_cb), &done);
  webkit_print_operation_print (operation);
  wait_until (is_true, &done, "the printout");

  /* poppler-utils is in build-aux/debian-packages.txt. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));

  g_unlink (txt);
  g_unlink (pdf);
  g_rmdir (dir);
  return text;
}

static void
test_home_clinic (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  AdwComboRow *row = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Clinic")));
  GListModel *model = adw_combo_row_get_model (row);
  g_autofree char *value = NULL;
  g_autofree char *printed = NULL;

  go_home ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_null (find_pref_row (GTK_WIDGET (prefs), _("Town")));
  /* "None", the ten clinics, the home office. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);

  adw_combo_row_set_selected (row, model_position (model, "Kilgore, TX"));
  value = key_string (HL_SETTINGS_HOME_CLINIC);
  g_assert_cmpstr (value, ==, "kilgore");

  /* The home page on screen names it at once. */
  wait_until (page_has, "<a href=\"hl://clinic/kilgore\">Kilgore</a>", "the home clinic");
  wait_until (page_has, "<p class=\"place\">Kilgore, TX</p>", "the clinic's town");

  /* The row below says what the pages will say, and no more. */
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("Town")));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("24/7 helpline")));
  g_assert_null (find_pref_row (GTK_WIDGET (prefs), _("Phone")));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("Address, phone and hours")));

  /* A printed topic carries it. */
  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");
  printed = print_to_text ();
  g_assert_nonnull (strstr (printed, "PhyNet Health"));
  g_assert_nonnull (strstr (printed, "Your clinic: Kilgore, Kilgore, TX"));
  g_assert_nonnull (strstr (printed, "(903) 212-7500"));

  /* A clinic the directory no longer has is none: the row says so and
   * leaves the value as the administrator wrote it. */
  go_home ();
  g_settings_set_string (app_settings (), HL_SETTINGS_HOME_CLINIC, "dallas");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_clear_pointer (&value, g_free);
  value = key_string (HL_SETTINGS_HOME_CLINIC);
  g_assert_cmpstr (value, ==, "dallas");
  g_assert_null (hl_page_renderer_get_home_clinic (hl_application_get_renderer (fixture_app ())));
  wait_until (page_lacks, "class=\"callout home-clinic\"", "the home page without a clinic");

  /* Another choice, with its facts: the home office. */
  adw_combo_row_set_selected (row, model_position (model, _("Home office")));
  wait_until (page_has, "4002 Technology Center", "the home office's address");
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("Address")));
  g_assert_nonnull (find_pref_row (GTK_WIDGET (prefs), _("Phone")));

  adw_combo_row_set_selected (row, 0);
  g_clear_pointer (&value, g_free);
  value = key_string (HL_SETTINGS_HOME_CLINIC);
  g_assert_cmpstr (value, ==, "");
  wait_until (page_lacks, "class=\"callout home-clinic\"", "the home page without a clinic");

  close_preferences (prefs);
}

/* Surviving a restart */

/* Runs in a new process started by test_restart, on the same home. */
static void
test_after_restart (void)
{
  HlPreferencesWindow *prefs;
  double zoom = 1.5;

  /* As the first run left them. */
  g_assert_cmpstr (hl_window_get_content_language (fixture_window ()), ==, "es");
  wait_until (zoom_is, &zoom, "the zoom of the last run");
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  wait_until (page_is_dark, GINT_TO_POINTER (TRUE), "a dark page");
  wait_until (page_has, "<a href=\"hl://clinic/kilgore\">Kilgore</a>", "the home clinic");
  wait_until (page_has, ">Esta clínica</p>", "the home page in Spanish");

  prefs = open_preferences ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs),
                                                                                _("_Language")))),
                    ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs),
                                                                                _("_Style")))),
                    ==, 2);
  close_preferences (prefs);
}

static void
test_restart (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-preferences", NULL);
  const char *argv[] = { self, "--tap", "-p", "/ui/preferences/after-restart", NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *contents = NULL;
  int status = 0;

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Language"))), 2);
  gtk_range_set_value (GTK_RANGE (find_widget_of_type (GTK_WIDGET (prefs), GTK_TYPE_SCALE)), 1.5);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Style"))), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Clinic"))),
                              model_position (adw_combo_row_get_model (ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Clinic")))),
                                              "Kilgore, TX"));
  close_preferences (prefs);
  g_settings_sync ();

  /* On disk, in the test's own configuration folder. */
  keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
  g_assert_true (g_str_has_prefix (keyfile, window_fixture_prepare_home ()));
  g_assert_true (g_file_get_contents (keyfile, &contents, NULL, NULL));
  g_test_message ("%s", contents);
  g_assert_nonnull (strstr (contents, "content-language='es'"));
  g_assert_nonnull (strstr (contents, "zoom-level=1.5"));
  g_assert_nonnull (strstr (contents, "color-scheme='dark'"));
  g_assert_nonnull (strstr (contents, "home-clinic='kilgore'"));

  /* The app again, in a new process, on the same home. */
  env = g_environ_setenv (env, "HL_TEST_HOME", window_fixture_prepare_home (), TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_test_message ("The restarted app:\n%s", out);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "ok 1 /ui/preferences/after-restart"));

  /* The next cases start from the defaults. */
  g_settings_reset (app_settings (), HL_SETTINGS_CONTENT_LANGUAGE);
  g_settings_reset (app_settings (), HL_SETTINGS_ZOOM_LEVEL);
  g_settings_reset (app_settings (), HL_SETTINGS_COLOR_SCHEME);
  g_settings_reset (app_settings (), HL_SETTINGS_HOME_CLINIC);
  wait_until (language_is, "en", "the window in English");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Settings that last: a keyfile in the test's own home, never the user's
   * settings (window_fixture_prepare_home points XDG_CONFIG_HOME there). */
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  if (g_getenv ("HL_TEST_HOME") != NULL)
    {
      /* The second process of test_restart. */
      window_fixture_start ();
      g_test_add_func ("/ui/preferences/after-restart", test_after_restart);
      status = g_test_run ();
      window_fixture_stop ();
      return status;
    }

  window_fixture_start ();

  g_test_add_func ("/ui/preferences/open", test_open);
  g_test_add_func ("/ui/preferences/language", test_language);
  g_test_add_func ("/ui/preferences/text-size", test_text_size);
  g_test_add_func ("/ui/preferences/dark-pages", test_dark_pages);
  g_test_add_func ("/ui/preferences/home-clinic", test_home_clinic);
  g_test_add_func ("/ui/preferences/restart", test_restart);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
