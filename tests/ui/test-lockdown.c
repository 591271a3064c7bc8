/* test-lockdown.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What an administrator sets and locks, for real: a dconf profile whose
 * system database is compiled with `dconf compile` from a keyfile and a
 * locks folder, GSETTINGS_BACKEND=dconf, and a D-Bus session of the test's
 * own whose dconf-service writes the user database under the test's home.
 * Locked rows show their value, insensitive; no other way changes a locked
 * key; each lockdown key removes what it names. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hl-settings.h"
#include "preferences-fixture.h"
#include "test-util.h"

#define MEDLINEPLUS_LINK "https://medlineplus.gov/abdominalpain.html"

static const char site_keyfile[] =
  "[org/phynet/HealthLibrary]\n"
  "content-language='es'\n"
  "zoom-level=1.5\n"
  "home-clinic='kilgore'\n"
  "\n"
  "[org/phynet/HealthLibrary/lockdown]\n"
  "disable-printing=true\n";

static const char site_locks[] =
  "/org/phynet/HealthLibrary/content-language\n"
  "/org/phynet/HealthLibrary/zoom-level\n"
  "/org/phynet/HealthLibrary/home-clinic\n"
  "/org/phynet/HealthLibrary/lockdown/disable-printing\n";

static char *browser_marker;

static GSettings *
settings (void)
{
  return hl_application_get_settings (fixture_app ());
}

static GSettings *
lockdown_settings (void)
{
  static GSettings *lockdown;

  if (lockdown == NULL)
    lockdown = g_settings_get_child (settings (), HL_SETTINGS_LOCKDOWN);
  return lockdown;
}

static HlLockdown *
lockdown (void)
{
  return hl_application_get_lockdown (fixture_app ());
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || (GTK_IS_BUTTON (root) &&
                         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0) ||
       (GTK_IS_IMAGE (root) &&
        g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), label) == 0)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Locked keys */

static void
test_keys_locked (void)
{
  g_autofree char *writable = NULL;
  g_autofree char *value = NULL;
  g_autofree char *color = NULL;

  g_assert_false (g_settings_is_writable (settings (), HL_SETTINGS_CONTENT_LANGUAGE));
  g_assert_false (g_settings_is_writable (settings (), HL_SETTINGS_ZOOM_LEVEL));
  g_assert_false (g_settings_is_writable (settings (), HL_SETTINGS_HOME_CLINIC));
  g_assert_true (g_settings_is_writable (settings (), HL_SETTINGS_COLOR_SCHEME));
  g_assert_false (g_settings_is_writable (lockdown_settings (), HL_LOCKDOWN_DISABLE_PRINTING));
  g_assert_true (g_settings_is_writable (lockdown_settings (), HL_LOCKDOWN_DISABLE_IMPORT));

  /* The app started with the administrator's values. */
  g_assert_cmpstr (hl_window_get_content_language (fixture_window ()), ==, "es");
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view ()), 1.5, 0.001);
  g_assert_cmpstr (hl_clinic_get_id (hl_page_renderer_get_home_clinic (hl_application_get_renderer (fixture_app ()))),
                   ==, "kilgore");
  g_assert_true (hl_lockdown_get_disable_printing (lockdown ()));

  /* As README.md tells administrators to check it, from a shell. */
  writable = run_for_output ((const char *[]) { "gsettings", "writable", APP_ID,
                                                HL_SETTINGS_CONTENT_LANGUAGE, NULL });
  g_assert_cmpstr (writable, ==, "false");
  value = run_for_output ((const char *[]) { "gsettings", "get", APP_ID,
                                             HL_SETTINGS_CONTENT_LANGUAGE, NULL });
  g_assert_cmpstr (value, ==, "'es'");
  color = run_for_output ((const char *[]) { "gsettings", "writable", APP_ID,
                                             HL_SETTINGS_COLOR_SCHEME, NULL });
  g_assert_cmpstr (color, ==, "true");
}

static void
assert_locked_row (HlPreferencesWindow *prefs,
                   const char          *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (find_pref_row (GTK_WIDGET (prefs), title));
  GtkWidget *icon;

  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, _("Set by your organization"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, _("Set by your organization"));
  icon = find_widget (GTK_WIDGET (row), GTK_TYPE_IMAGE, "changes-prevent-symbolic");
  g_assert_nonnull (icon);
  g_assert_true (gtk_widget_get_visible (icon));
}

static void
test_locked_rows (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  AdwComboRow *language = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Language")));
  AdwComboRow *clinic = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Clinic")));
  AdwActionRow *style = ADW_ACTION_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Style")));
  GtkRange *scale = GTK_RANGE (find_widget (GTK_WIDGET (prefs), GTK_TYPE_SCALE, NULL));
  g_autoptr(GtkStringObject) chosen = NULL;

  assert_locked_row (prefs, _("_Language"));
  assert_locked_row (prefs, _("_Text size"));
  assert_locked_row (prefs, _("_Clinic"));

  /* Each shows the value the administrator set. */
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 2);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (scale), 1.5, 0.001);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (scale)));
  chosen = g_list_model_get_item (adw_combo_row_get_model (clinic),
                                  adw_combo_row_get_selected (clinic));
  g_assert_cmpstr (gtk_string_object_get_string (chosen), ==, "Kilgore, TX");

  /* A key left free stays free. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (style)));
  g_assert_cmpstr (adw_action_row_get_subtitle (style), ==, _("The pages follow the app"));
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (style), GTK_TYPE_IMAGE,
                                                       "changes-prevent-symbolic")));

  close_preferences (prefs);
}

static void
test_shortcuts_respect_locks (void)
{
  GtkWidget *window = GTK_WIDGET (fixture_window ());
  GtkWidget *english = find_widget (window, GTK_TYPE_TOGGLE_BUTTON, "English");
  g_autofree char *language = NULL;

  hl_window_open_uri (fixture_window (), "hl://topic/3062");
  wait_for_page ("Dolor abdominal");

  /* The header toggle cannot be used, and Ctrl+L and the toggle's action do
   * nothing. */
  g_assert_nonnull (english);
  g_assert_false (gtk_widget_is_sensitive (english));
  gtk_widget_activate_action (window, "win.toggle-language", NULL);
  gtk_widget_activate_action (window, "win.content-language", "s", "en");
  spin (300);
  language = g_settings_get_string (settings (), HL_SETTINGS_CONTENT_LANGUAGE);
  g_assert_cmpstr (language, ==, "es");
  g_assert_cmpstr (hl_window_get_content_language (fixture_window ()), ==, "es");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3062");

  /* Nor do the keys themselves. */
  press_keys (MAIN_WINDOW_X, MAIN_WINDOW_Y, "ctrl+l");
  press_keys (MAIN_WINDOW_X, MAIN_WINDOW_Y, "ctrl+plus");
  press_keys (MAIN_WINDOW_X, MAIN_WINDOW_Y, "ctrl+minus");
  press_keys (MAIN_WINDOW_X, MAIN_WINDOW_Y, "ctrl+0");
  g_clear_pointer (&language, g_free);
  language = g_settings_get_string (settings (), HL_SETTINGS_CONTENT_LANGUAGE);
  g_assert_cmpstr (language, ==, "es");
  g_assert_cmpstr (hl_window_get_content_language (fixture_window ()), ==, "es");

  /* Nor do the zoom actions. */
  gtk_widget_activate_action (window, "win.zoom-in", NULL);
  gtk_widget_activate_action (window, "win.zoom-out", NULL);
  gtk_widget_activate_action (window, "win.zoom-reset", NULL);
  spin (300);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), HL_SETTINGS_ZOOM_LEVEL), 1.5,
                                  0.001);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view ()), 1.5, 0.001);

  /* The page itself can still be read and used. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (web_view ())));
}

static gboolean
color_scheme_is (gpointer data)
{
  g_autofree char *value = g_settings_get_string (settings (), HL_SETTINGS_COLOR_SCHEME);

  return g_str_equal (value, data);
}

/* What a person may still choose goes to their own dconf database, through
 * dconf-service, and another process reads it there. */
static void
test_choice_saved_in_dconf (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  AdwComboRow *style = ADW_COMBO_ROW (find_pref_row (GTK_WIDGET (prefs), _("_Style")));
  g_autofree char *user_db = g_build_filename (g_get_user_config_dir (), "dconf", "user", NULL);
  g_autofree char *read = NULL;

  adw_combo_row_set_selected (style, 2);
  wait_until (color_scheme_is, "dark", "the key to change");
  g_settings_sync ();

  read = run_for_output ((const char *[]) { "dconf", "read",
                                            "/org/phynet/HealthLibrary/color-scheme", NULL });
  g_assert_cmpstr (read, ==, "'dark'");
  /* In the test's home, not the user's. */
  g_assert_true (g_str_has_prefix (user_db, window_fixture_prepare_home ()));
  g_assert_true (g_file_test (user_db, G_FILE_TEST_IS_REGULAR));

  adw_combo_row_set_selected (style, 0);
  wait_until (color_scheme_is, "default", "the key to change back");
  close_preferences (prefs);
}

/* The lockdown schema */

static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  GtkWindow *chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  /* Shown: a file chooser keeps one hidden. */
  return chooser != NULL && gtk_widget_get_mapped (GTK_WIDGET (chooser));
}

static gboolean
import_disabled (gpointer data)
{
  return hl_lockdown_get_disable_import (lockdown ()) == GPOINTER_TO_INT (data);
}

static void
test_disable_import (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  GtkWidget *page = GTK_WIDGET (hl_preferences_window_get_library_page (prefs));
  GtkWidget *import_row = GTK_WIDGET (find_pref_row (page, _("_Import a File…")));
  GtkWidget *restore_row = GTK_WIDGET (find_pref_row (page, _("_Restore the Sample Library…")));
  GtkWidget *locked_row = GTK_WIDGET (find_pref_row (page, _("Importing is turned off on this computer")));
  g_autofree char *starter = hl_test_starter_path ();
  HlTopicStore *store = hl_library_get_store (hl_application_get_library (fixture_app ()));
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_get_visible (import_row));
  g_assert_true (gtk_widget_get_visible (restore_row));
  g_assert_false (gtk_widget_get_visible (locked_row));

  /* Turned off while the window is open, as an administrator's dconf
   * update would. */
  g_assert_true (g_settings_set_boolean (lockdown_settings (), HL_LOCKDOWN_DISABLE_IMPORT, TRUE));
  wait_until (import_disabled, GINT_TO_POINTER (TRUE), "the lockdown to take effect");

  g_assert_false (gtk_widget_get_visible (import_row));
  g_assert_false (gtk_widget_get_visible (restore_row));
  g_assert_true (gtk_widget_get_visible (locked_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (locked_row)), ==,
                   _("Set by your organization"));

  /* Asked for anyway: the actions are off, nothing runs, nothing asks. */
  gtk_widget_activate_action (page, "library.import-file", "s", starter);
  gtk_widget_activate_action (page, "library.restore-sample", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.restore-sample", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.import-file", NULL);
  spin (300);
  g_assert_false (chooser_shown (NULL));
  g_assert_false (hl_import_job_get_running (hl_application_get_import_job (fixture_app ())));
  g_assert_true (hl_library_get_store (hl_application_get_library (fixture_app ())) == store);
  g_assert_null (find_message_dialog ());
  g_assert_false (hl_import_job_start (hl_application_get_import_job (fixture_app ()), starter, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, _("Importing is turned off on this computer by your organization."));
  g_assert_false (hl_import_job_get_running (hl_application_get_import_job (fixture_app ())));

  g_assert_true (g_settings_set_boolean (lockdown_settings (), HL_LOCKDOWN_DISABLE_IMPORT, FALSE));
  wait_until (import_disabled, GINT_TO_POINTER (FALSE), "the lockdown to lift");
  g_assert_true (gtk_widget_get_visible (import_row));
  g_assert_true (gtk_widget_get_visible (restore_row));
  g_assert_false (gtk_widget_get_visible (locked_row));

  /* The window's import is back too: the file chooser opens. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.import-file", NULL);
  wait_until (chooser_shown, NULL, "the file chooser");
  gtk_dialog_response (GTK_DIALOG (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)),
                       GTK_RESPONSE_CANCEL);
  spin (300);
  g_assert_false (chooser_shown (NULL));
  g_assert_true (hl_library_get_store (hl_application_get_library (fixture_app ())) == store);

  close_preferences (prefs);
}

static gboolean
menu_item_hidden_when_disabled (GMenuModel *model,
                                const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *item_action = NULL;
      g_autofree char *hidden_when = NULL;

      if (section != NULL && menu_item_hidden_when_disabled (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action) &&
          g_menu_model_get_item_attribute (model, i, "hidden-when", "s", &hidden_when))
        return g_str_equal (hidden_when, "action-disabled");
    }

  return FALSE;
}

static GtkWindow *
find_window_of_type (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static gboolean
print_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog"))
        return TRUE;
    }

  return FALSE;
}

static void
test_disable_printing (void)
{
  GtkWidget *window = GTK_WIDGET (fixture_window ());
  GtkMenuButton *menu = GTK_MENU_BUTTON (find_widget (window, GTK_TYPE_MENU_BUTTON, NULL));

  hl_window_open_uri (fixture_window (), "hl://topic/3062");
  wait_for_page ("Dolor abdominal");

  /* Locked on: no Print item in the menu, and Ctrl+P's action is off. */
  g_assert_true (menu_item_hidden_when_disabled (gtk_menu_button_get_menu_model (menu), "win.print"));
  gtk_widget_activate_action (window, "win.print", NULL);
  spin (300);
  g_assert_false (print_dialog_shown ());

  /* A handout can still be saved as a PDF, not printed. */
  {
    GtkWindow *dialog = NULL;

    gtk_widget_activate_action (window, "win.print-handout", NULL);
    while ((dialog = find_window_of_type ("HlHandoutDialog")) == NULL ||
           !gtk_widget_get_mapped (GTK_WIDGET (dialog)))
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                         _("_Print…"))));
    g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                        _("_Save as PDF…"))));
    gtk_window_destroy (dialog);
  }

  /* The lock holds against a write too. */
  g_assert_false (g_settings_set_boolean (lockdown_settings (), HL_LOCKDOWN_DISABLE_PRINTING, FALSE));
  g_assert_true (hl_lockdown_get_disable_printing (lockdown ()));
}

static gboolean
browser_opened (gpointer data)
{
  return g_file_test (browser_marker, G_FILE_TEST_EXISTS);
}

static gboolean
links_disabled (gpointer data)
{
  return hl_lockdown_get_disable_external_links (lockdown ()) == GPOINTER_TO_INT (data);
}

static void
test_disable_external_links (void)
{
  g_autofree char *opened = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *expected = NULL;

  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");

  /* Allowed: the link goes to the browser, and the page stays. */
  g_assert_false (hl_lockdown_get_disable_external_links (lockdown ()));
  webkit_web_view_load_uri (web_view (), MEDLINEPLUS_LINK);
  wait_until (browser_opened, NULL, "the browser to be asked");
  g_assert_true (g_file_get_contents (browser_marker, &opened, NULL, NULL));
  g_assert_cmpstr (opened, ==, MEDLINEPLUS_LINK);
  g_assert_cmpint (g_unlink (browser_marker), ==, 0);

  /* Turned off: no browser, and the reader is told, with the address. */
  g_assert_true (g_settings_set_boolean (lockdown_settings (), HL_LOCKDOWN_DISABLE_EXTERNAL_LINKS, TRUE));
  wait_until (links_disabled, GINT_TO_POINTER (TRUE), "the lockdown to take effect");
  webkit_web_view_load_uri (web_view (), MEDLINEPLUS_LINK);
  expected = g_strdup_printf (_("Other web sites cannot be opened on this computer. The address "
                                "is %s"), MEDLINEPLUS_LINK);
  toast = wait_for_toast (GTK_WIDGET (fixture_window ()), expected);
  g_assert_cmpstr (toast, ==, expected);

  webkit_web_view_load_uri (web_view (), "tel:+19032127500");
  g_free (wait_for_toast (GTK_WIDGET (fixture_window ()), "+19032127500"));

  spin (1500);
  g_assert_false (browser_opened (NULL));
  wait_until (loaded, NULL, "the view to settle");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Abdominal Pain");

  g_assert_true (g_settings_set_boolean (lockdown_settings (), HL_LOCKDOWN_DISABLE_EXTERNAL_LINKS, FALSE));
  wait_until (links_disabled, GINT_TO_POINTER (FALSE), "the lockdown to lift");
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  const char *home;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Everything under a home of the test's own: the data, the user's dconf
   * database and its runtime folder, the administrator's database. */
  home = window_fixture_prepare_home ();
  bus = dconf_fixture_start (site_keyfile, site_locks);
  browser_marker = make_stand_in_browser (home);

  window_fixture_start ();

  g_test_add_func ("/ui/lockdown/keys-locked", test_keys_locked);
  g_test_add_func ("/ui/lockdown/locked-rows", test_locked_rows);
  g_test_add_func ("/ui/lockdown/shortcuts-respect-locks", test_shortcuts_respect_locks);
  g_test_add_func ("/ui/lockdown/choice-saved-in-dconf", test_choice_saved_in_dconf);
  g_test_add_func ("/ui/lockdown/disable-import", test_disable_import);
  g_test_add_func ("/ui/lockdown/disable-printing", test_disable_printing);
  g_test_add_func ("/ui/lockdown/disable-external-links", test_disable_external_links);

  status = g_test_run ();

  window_fixture_stop ();
  dconf_fixture_stop (bus);
  return status;
}
