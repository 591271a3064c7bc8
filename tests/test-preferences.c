/* test-preferences.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The preferences in the real window: they open from the menu and
 * Ctrl+comma, every row changes its key and the window shows it at once,
 * the values survive a restart (a keyfile in the test's own home, started
 * again in a new process), and the library is imported, refused, cancelled
 * and restored from the window, and followed when another process imports. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "hl-paths.h"
#include "hl-settings.h"
#include "preferences-fixture.h"
#include "test-util.h"

/* Topics in the corpus made for the import tests. */
#define BIG_TOPICS 1500

static char *big_corpus;

static GSettings *
settings (void)
{
  return hl_application_get_settings (fixture_app ());
}

static HlLibrary *
library (void)
{
  return hl_application_get_library (fixture_app ());
}

static HlImportJob *
import_job (void)
{
  return hl_application_get_import_job (fixture_app ());
}

static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
go_home (void)
{
  g_autofree char *uri = g_strdup_printf ("hl://home?lang=%s",
                                          hl_window_get_content_language (fixture_window ()));

  hl_window_open_uri (fixture_window (), uri);
  wait_until (loaded, NULL, "the home page");
}

/* Opening */

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
  overlay = gtk_builder_new_from_resource ("/org/phynet/HealthLibrary/gtk/help-overlay.ui");
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

  /* Opened as the menu and the shortcut do, over the main window; a second
   * time brings back the same window. */
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
  return g_settings_get_string (settings (), key);
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
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.toggle-language", NULL);
  g_clear_pointer (&value, g_free);
  value = key_string (HL_SETTINGS_CONTENT_LANGUAGE);
  g_assert_cmpstr (value, ==, "en");
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
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), HL_SETTINGS_ZOOM_LEVEL),
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

  /* One source of truth: the shortcuts change the same value. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.zoom-in", NULL);
  assert_zoom (scale, 1.65);
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.zoom-reset", NULL);
  assert_zoom (scale, 1.0);

  /* Below 100 % (Ctrl+minus) the row shows its smallest step and does not
   * write it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), HL_SETTINGS_ZOOM_LEVEL),
                                  1.0 / 1.1, 0.001);
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

static gboolean
page_has (gpointer data)
{
  g_autofree char *html = NULL;

  if (webkit_web_view_is_loading (web_view ()))
    return FALSE;
  html = dup_page_html ();
  return strstr (html, data) != NULL;
}

static gboolean
page_lacks (gpointer data)
{
  g_autofree char *html = NULL;

  if (webkit_web_view_is_loading (web_view ()))
    return FALSE;
  html = dup_page_html ();
  return strstr (html, data) == NULL;
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
  g_settings_set_string (settings (), HL_SETTINGS_HOME_CLINIC, "dallas");
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
  g_settings_reset (settings (), HL_SETTINGS_CONTENT_LANGUAGE);
  g_settings_reset (settings (), HL_SETTINGS_ZOOM_LEVEL);
  g_settings_reset (settings (), HL_SETTINGS_COLOR_SCHEME);
  g_settings_reset (settings (), HL_SETTINGS_HOME_CLINIC);
  wait_until (language_is, "en", "the window in English");
}

/* The library */

static char *
generate_corpus (guint n_topics)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "gen-corpus.py", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n_topics);
  char *out = g_build_filename (window_fixture_prepare_home (), "mplus_topics_big.xml", NULL);
  const char *argv[] = { python, script, "--topics", count, "--quiet", "--out", out, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* python3 is in build-aux/debian-packages.txt. */
  g_assert_nonnull (python);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

typedef struct
{
  gboolean  finished;
  int       outcome;
  char     *message;
  guint     n_progress;     /* reports strictly between 0 and 1 */
  gboolean  progress_shown; /* the row showed them */
  gboolean  cancel;         /* cancel at the first report */
  GtkWidget *page;
} Watch;

static void
watch_finished_cb (HlImportJob *job,
                   int          outcome,
                   const char  *message,
                   Watch       *watch)
{
  watch->finished = TRUE;
  watch->outcome = outcome;
  g_free (watch->message);
  watch->message = g_strdup (message);
}

static GtkWidget *
progress_row (GtkWidget *page)
{
  return GTK_WIDGET (find_pref_row (page, _("Importing…")));
}

static void
watch_fraction_cb (HlImportJob *job,
                   GParamSpec  *pspec,
                   Watch       *watch)
{
  double fraction = hl_import_job_get_fraction (job);
  GtkWidget *row = progress_row (watch->page);
  GtkProgressBar *bar = GTK_PROGRESS_BAR (find_widget_of_type (row, GTK_TYPE_PROGRESS_BAR));

  if (fraction <= 0 || fraction >= 1)
    return;

  watch->n_progress++;
  if (gtk_widget_get_visible (row) && gtk_progress_bar_get_fraction (bar) > 0)
    watch->progress_shown = TRUE;

  /* A person presses Cancel midway. */
  if (watch->cancel)
    {
      GtkWidget *cancel = find_widget_of_type (row, GTK_TYPE_BUTTON);

      g_assert_nonnull (cancel);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cancel)), ==, _("_Cancel"));
      g_assert_true (gtk_widget_is_sensitive (cancel));
      watch->cancel = FALSE;
      g_signal_emit_by_name (cancel, "clicked");
    }
}

static gboolean
watch_done (gpointer data)
{
  return ((Watch *) data)->finished;
}

/* Imports @path through the page's action, as the file chooser does. */
static void
import_from_window (HlPreferencesWindow *prefs,
                    const char          *path,
                    Watch               *watch)
{
  GtkWidget *page = GTK_WIDGET (hl_preferences_window_get_library_page (prefs));
  gulong finished_id, fraction_id;

  watch->page = page;
  finished_id = g_signal_connect (import_job (), "finished", G_CALLBACK (watch_finished_cb), watch);
  fraction_id = g_signal_connect (import_job (), "notify::fraction", G_CALLBACK (watch_fraction_cb),
                                  watch);

  g_assert_true (gtk_widget_activate_action (page, "library.import-file", "s", path));
  /* The window goes on working while the file is read. */
  g_assert_true (hl_import_job_get_running (import_job ()));
  g_assert_true (gtk_widget_get_visible (progress_row (page)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_pref_row (page, _("_Import a File…")))));

  wait_until (watch_done, watch, "the import to finish");
  g_signal_handler_disconnect (import_job (), finished_id);
  g_signal_handler_disconnect (import_job (), fraction_id);

  g_assert_false (hl_import_job_get_running (import_job ()));
  g_assert_false (gtk_widget_get_visible (progress_row (page)));
}

static char *
library_path (void)
{
  return hl_paths_get_library_path ();
}

static void
test_import (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  GtkWidget *page = GTK_WIDGET (hl_preferences_window_get_library_page (prefs));
  HlTopicStore *store;
  Watch watch = { 0, };
  g_autofree char *toast = NULL;
  g_autofree char *expected = NULL;

  go_home ();
  g_assert_true (hl_topic_store_is_sample (hl_library_get_store (library ())));
  g_assert_false (has_row ("Brain and Nerves"));

  import_from_window (prefs, big_corpus, &watch);
  g_assert_cmpint (watch.outcome, ==, HL_IMPORT_OUTCOME_DONE);
  g_assert_cmpuint (watch.n_progress, >=, 1);
  g_assert_true (watch.progress_shown);

  /* The new library is in use, with no restart. */
  store = hl_library_get_store (library ());
  g_assert_false (hl_topic_store_is_sample (store));
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL), ==, BIG_TOPICS);
  g_assert_cmpstr (hl_topic_store_get_meta (store, "source"), ==, "mplus_topics_big.xml");

  /* A toast says what came in. */
  expected = g_strdup_printf ("Imported “mplus_topics_big.xml”: %u English topics",
                              hl_topic_store_count_topics (store, "en"));
  g_assert_true (g_str_has_prefix (watch.message, expected));
  toast = wait_for_toast (GTK_WIDGET (prefs), expected);

  /* The sidebar, the page shown and the preferences follow. */
  wait_until (has_row, "Brain and Nerves", "the new library's groups in the sidebar");
  wait_until (page_lacks, "This is the sample library", "the home page of the new library");
  {
    g_autofree char *count = g_strdup_printf ("%u topics in English",
                                              hl_topic_store_count_topics (store, "en"));

    wait_until (page_has, count, "the new library's figures on the home page");
  }
  g_assert_nonnull (find_pref_row (page, _("MedlinePlus date")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_pref_row (page, _("The file could not be imported")))));

  close_preferences (prefs);
  g_free (watch.message);
}

static void
test_import_malformed (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  GtkWidget *page = GTK_WIDGET (hl_preferences_window_get_library_page (prefs));
  g_autofree char *bad = hl_test_malformed_path ("unescaped-lt.xml");
  g_autofree char *path = library_path ();
  g_autoptr(GBytes) before = hl_test_read_bytes (path);
  HlTopicStore *store = hl_library_get_store (library ());
  AdwActionRow *error_row;
  Watch watch = { 0, };
  g_autofree char *toast = NULL;

  import_from_window (prefs, bad, &watch);
  g_assert_cmpint (watch.outcome, ==, HL_IMPORT_OUTCOME_FAILED);

  /* The core's one line: the file and the line. */
  g_test_message ("%s", watch.message);
  g_assert_nonnull (strstr (watch.message, "unescaped-lt.xml"));
  g_assert_nonnull (strstr (watch.message, "line 515"));
  error_row = ADW_ACTION_ROW (find_pref_row (page, _("The file could not be imported")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (error_row), ==, watch.message);
  toast = wait_for_toast (GTK_WIDGET (prefs),
                         _("The file could not be imported. The library has not changed."));

  /* Nothing changed: the same library, byte for byte, still in use. */
  g_assert_true (hl_library_get_store (library ()) == store);
  {
    g_autoptr(GBytes) after = hl_test_read_bytes (path);

    g_assert_true (g_bytes_equal (before, after));
  }
  g_assert_true (has_row ("Brain and Nerves"));

  close_preferences (prefs);
  g_free (watch.message);
}

static void
test_import_cancel (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  g_autofree char *path = library_path ();
  g_autoptr(GBytes) before = hl_test_read_bytes (path);
  HlTopicStore *store = hl_library_get_store (library ());
  g_autofree char *again = g_build_filename (window_fixture_prepare_home (), "mplus_topics_again.xml",
                                             NULL);
  Watch watch = { 0, };

  /* Another file than the one in use, so that a finished import would show. */
  g_assert_cmpint (link (big_corpus, again), ==, 0);
  watch.cancel = TRUE;
  import_from_window (prefs, again, &watch);

  g_assert_cmpint (watch.outcome, ==, HL_IMPORT_OUTCOME_CANCELLED);
  g_assert_cmpuint (watch.n_progress, >=, 1);
  g_free (wait_for_toast (GTK_WIDGET (prefs), _("The import was cancelled. The library has not changed.")));

  g_assert_true (hl_library_get_store (library ()) == store);
  g_assert_cmpstr (hl_topic_store_get_meta (store, "source"), ==, "mplus_topics_big.xml");
  {
    g_autoptr(GBytes) after = hl_test_read_bytes (path);

    g_assert_true (g_bytes_equal (before, after));
  }
  {
    g_autofree char *dir = g_path_get_dirname (path);

    g_assert_cmpuint (hl_test_count_leftovers (dir), ==, 0);
  }

  close_preferences (prefs);
  g_unlink (again);
  g_free (watch.message);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static void
test_restore_sample (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  GtkWidget *page = GTK_WIDGET (hl_preferences_window_get_library_page (prefs));
  HlTopicStore *store = hl_library_get_store (library ());
  AdwMessageDialog *dialog;
  gulong finished_id;
  Watch watch = { 0, };

  /* It asks first, and says what would go. */
  g_assert_true (gtk_widget_activate_action (page, "library.restore-sample", NULL));
  wait_until (dialog_shown, NULL, "the confirmation");
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Restore the Sample Library?"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "mplus_topics_big.xml"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (prefs));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (200);
  g_assert_false (hl_import_job_get_running (import_job ()));
  g_assert_true (hl_library_get_store (library ()) == store);

  /* Confirmed: the sample is back, and the window shows it. */
  g_assert_true (gtk_widget_activate_action (page, "library.restore-sample", NULL));
  wait_until (dialog_shown, NULL, "the confirmation");
  dialog = find_message_dialog ();
  finished_id = g_signal_connect (import_job (), "finished", G_CALLBACK (watch_finished_cb), &watch);
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (watch_done, &watch, "the sample library");
  g_signal_handler_disconnect (import_job (), finished_id);

  g_assert_cmpint (watch.outcome, ==, HL_IMPORT_OUTCOME_DONE);
  g_assert_true (g_str_has_prefix (watch.message, "The sample library is back: 39 English topics"));
  g_assert_true (hl_topic_store_is_sample (hl_library_get_store (library ())));
  wait_until (page_has, "This is the sample library", "the sample's home page");
  g_assert_false (has_row ("Brain and Nerves"));

  close_preferences (prefs);
  g_free (watch.message);
}

static guint n_loads;

static void
load_finished_cb (WebKitWebView   *view,
                  WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_FINISHED)
    n_loads++;
}

static gboolean
library_has_topics (gpointer data)
{
  HlTopicStore *store = hl_library_get_store (library ());

  return store != NULL && hl_topic_store_count_topics (store, NULL) == GPOINTER_TO_UINT (data);
}

/* An import made in a terminal while the app runs: the window switches to
 * it by itself. */
static void
test_other_process_import (void)
{
  g_autofree char *letters = g_test_build_filename (G_TEST_DIST, "data", "index-letters.xml", NULL);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *toast = NULL;
  HlTopicStore *before = hl_library_get_store (library ());
  gulong id;

  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");

  run_app_binary ((const char *[]) { "--import", letters, NULL });
  /* Six English and five Spanish topics; the French one is left out. */
  wait_until (library_has_topics, GUINT_TO_POINTER (11), "the library imported by the command");
  g_assert_true (hl_library_get_store (library ()) != before);
  toast = wait_for_toast (GTK_WIDGET (fixture_window ()), "The library was updated");
  /* The topic shown is not in the new library: the home page is. */
  wait_for_page (_("Health Library"));
  g_assert_false (has_row ("Blood, Heart and Circulation"));

  /* The same topics again, in a new file: the page shown stays, read anew
   * from the new file. */
  run_app_binary ((const char *[]) { "--import", starter, NULL });
  wait_until (library_has_topics, GUINT_TO_POINTER (STARTER_EN + STARTER_ES), "the sample again");
  wait_until (has_row, "Blood, Heart and Circulation", "the sample's groups");
  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");

  id = g_signal_connect (web_view (), "load-changed", G_CALLBACK (load_finished_cb), NULL);
  n_loads = 0;
  before = hl_library_get_store (library ());
  run_app_binary ((const char *[]) { "--import", starter, NULL });
  wait_until (library_has_topics, GUINT_TO_POINTER (STARTER_EN + STARTER_ES), "the sample");
  while (hl_library_get_store (library ()) == before)
    g_main_context_iteration (NULL, TRUE);
  while (n_loads == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (web_view (), id);
  wait_for_page ("Abdominal Pain");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
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

  window_fixture_prepare_home ();
  big_corpus = generate_corpus (BIG_TOPICS);
  window_fixture_start ();

  g_test_add_func ("/ui/preferences/open", test_open);
  g_test_add_func ("/ui/preferences/language", test_language);
  g_test_add_func ("/ui/preferences/text-size", test_text_size);
  g_test_add_func ("/ui/preferences/dark-pages", test_dark_pages);
  g_test_add_func ("/ui/preferences/home-clinic", test_home_clinic);
  g_test_add_func ("/ui/preferences/restart", test_restart);
  g_test_add_func ("/ui/preferences/import", test_import);
  g_test_add_func ("/ui/preferences/import-malformed", test_import_malformed);
  g_test_add_func ("/ui/preferences/import-cancel", test_import_cancel);
  g_test_add_func ("/ui/preferences/restore-sample", test_restore_sample);
  g_test_add_func ("/ui/preferences/other-process-import", test_other_process_import);

  status = g_test_run ();

  window_fixture_stop ();
  g_free (big_corpus);
  return status;
}
