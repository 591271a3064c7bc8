/* test-update-group.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Library page's updates, in a real window: the app starts on the
 * bundled sample, a preferences window holds the update group, and a web
 * server on 127.0.0.1 (tests/update-server.py) plays MedlinePlus. The
 * buttons are clicked and the outcome read back from the rows, the library
 * file and the pages. Run in English and, with LANGUAGE=es, in Spanish; with
 * HL_SCREENSHOT_DIR set it also takes screenshots there (dark with
 * HL_SCREENSHOT_DARK=1). */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hl-content-date.h"
#include "hl-page-builder.h"
#include "hl-paths.h"
#include "hl-settings.h"
#include "hl-text.h"
#include "hl-update-group.h"
#include "test-util.h"
#include "window-fixture.h"

#define CURRENT "2026-11-23"
#define NEWER   "2026-11-30"

static GSubprocess *server;
static int port;
static GtkWidget *preferences;
static GtkWidget *group;

static HlUpdateController *
controller (void)
{
  return hl_application_get_updates (fixture_app ());
}

static char *
scenario_url (const char *scenario)
{
  return g_strdup_printf ("http://127.0.0.1:%d/%s/xml.html", port, scenario);
}

static void
use_scenario (const char *scenario)
{
  g_autofree char *url = scenario_url (scenario);

  g_settings_set_string (hl_application_get_settings (fixture_app ()), HL_SETTINGS_UPDATE_URL,
                         url);
}

static char *
date_text (const char *date)
{
  return hl_page_format_date (date, hl_language_default ());
}

static char *
content_title (const char *date,
               gboolean    sample)
{
  g_autofree char *formatted = date_text (date);

  return g_strdup_printf (sample ? _("Sample content as of %s") : _("Content as of %s"),
                          formatted);
}

/* How many times the server was asked for @path. */
static guint
server_requests (const char *path)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%d/_log", port);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read (session, message, NULL, &error);
  g_autofree char *log = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", path);

  g_assert_no_error (error);
  log = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return hl_test_count_occurrences (log, quoted);
}

static void
start_server (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "update-server.py", NULL);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "library",
                                                   "mplus_topics_starter.xml", NULL);
  g_autofree char *groups = g_test_build_filename (G_TEST_DIST, "..", "data", "library",
                                                   "mplus_topic_groups.xml", NULL);
  const char *corpus = g_getenv ("HL_TEST_UPDATE_CORPUS");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;

  g_assert_nonnull (corpus);
  /* The server ends when our end of its standard input closes. */
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "python3", script, corpus, sample, groups, NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  port = atoi (line);
  g_assert_cmpint (port, >, 0);
}

static gboolean
timeout_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("HL_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (dir == NULL)
    return;

  /* Let the last frames be drawn. */
  wait_ms (400);
  path = g_strdup_printf ("%s/%s-%s%s.png", dir, name, hl_language_default (),
                          g_strcmp0 (g_getenv ("HL_SCREENSHOT_DARK"), "1") == 0 ? "-dark" : "");
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_test_message ("screenshot %s", path);
}

/* The row of the group whose title is @title, or NULL. */
static AdwActionRow *
find_action_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_action_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkProgressBar *
find_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return GTK_PROGRESS_BAR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkProgressBar *found = find_progress_bar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwActionRow *
row (const char *title)
{
  AdwActionRow *found = find_action_row (group, title);

  if (found == NULL)
    g_error ("No row “%s” on the Library page", title);
  return found;
}

static GtkWidget *
button (const char *label)
{
  GtkWidget *found = find_button (group, label);

  if (found == NULL)
    g_error ("No button “%s” on the Library page", label);
  return found;
}

static void
click (const char *label)
{
  GtkWidget *widget = button (label);

  g_assert_true (gtk_widget_is_sensitive (widget));
  g_assert_true (gtk_widget_is_visible (widget));
  /* As a click does; activating a button waits for its pressed look. */
  g_signal_emit_by_name (widget, "clicked");
}

static gboolean
idle (gpointer data)
{
  return !hl_update_controller_get_busy (controller ());
}

static gboolean
downloading (gpointer data)
{
  return hl_update_controller_get_phase (controller ()) == HL_UPDATE_PHASE_DOWNLOADING &&
         hl_update_controller_get_fraction (controller ()) > 0.1;
}

static gboolean
page_ready (gpointer data)
{
  return loaded (NULL) && webkit_web_view_get_title (web_view ()) != NULL;
}

static GBytes *
library_bytes (void)
{
  g_autofree char *path = hl_paths_get_library_path ();

  return hl_test_read_bytes (path);
}

static char *
render_home (void)
{
  g_autoptr(GError) error = NULL;
  char *html = hl_page_renderer_render (hl_application_get_renderer (fixture_app ()),
                                        "hl://home", &error);

  g_assert_no_error (error);
  return html;
}

static void
test_sample (void)
{
  g_autofree char *title = content_title (CURRENT, TRUE);
  GtkWidget *rollback;

  /* Run with LANGUAGE=es, the page speaks Spanish. */
  if (g_str_equal (hl_language_default (), "es"))
    {
      g_assert_cmpstr (_("_Check for Updates"), !=, "_Check for Updates");
      g_assert_null (strstr (title, "November"));
    }

  g_assert_nonnull (row (title));
  g_assert_cmpstr (adw_action_row_get_subtitle (row (_("Previous Library"))), ==,
                   _("None yet: an update keeps the library it replaces here"));
  rollback = button (_("_Roll Back"));
  g_assert_false (gtk_widget_is_sensitive (rollback));
  g_assert_true (gtk_widget_is_sensitive (button (_("_Check for Updates"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row (_("The Library Was Not Updated")))));
  screenshot ("library-page-sample");
}

/* A 404: one clear message on the page, and the library as it was. */
static void
test_failure (void)
{
  g_autoptr(GBytes) before = library_bytes ();
  g_autoptr(GBytes) after = NULL;
  g_autofree char *title = content_title (CURRENT, TRUE);
  AdwActionRow *error_row;

  use_scenario ("missing");
  click (_("_Check for Updates"));
  g_assert_true (hl_update_controller_get_busy (controller ()));
  wait_until (idle, NULL, "the update to fail");

  error_row = row (_("The Library Was Not Updated"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (error_row), "404"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (error_row),
                            "mplus_topics_compressed_" NEWER ".zip"));
  g_assert_true (hl_update_controller_get_failed (controller ()));
  g_assert_nonnull (row (title));

  after = library_bytes ();
  g_assert_true (g_bytes_equal (before, after));
  screenshot ("library-page-failure");
}

/* A newer file: progress while it downloads, then the new content
 * everywhere. */
static void
test_update (void)
{
  g_autofree char *title = content_title (NEWER, FALSE);
  g_autofree char *previous = content_title (CURRENT, TRUE);
  g_autofree char *date = date_text (NEWER);
  g_autofree char *status = g_strdup_printf (_("Updated to the MedlinePlus file of %s."), date);
  g_autofree char *html = NULL;
  g_autofree char *home_line = NULL;
  GtkProgressBar *progress;

  use_scenario ("slow");
  click (_("_Check for Updates"));
  wait_until (downloading, NULL, "the download to be under way");

  /* The button gives way to Cancel and a progress bar. */
  g_assert_null (find_button (group, _("_Check for Updates")));
  g_assert_nonnull (find_button (group, _("_Cancel")));
  progress = find_progress_bar (group);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (progress)));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), >, 0.1);
  screenshot ("library-page-downloading");

  wait_until (idle, NULL, "the update to finish");
  g_assert_false (hl_update_controller_get_failed (controller ()));
  g_assert_nonnull (row (title));
  g_assert_cmpstr (adw_action_row_get_subtitle (row (title)), ==, status);
  g_assert_cmpstr (adw_action_row_get_subtitle (row (_("Previous Library"))), ==, previous);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row (_("The Library Was Not Updated")))));
  g_assert_true (gtk_widget_is_sensitive (button (_("_Roll Back"))));
  g_assert_cmpint (g_settings_get_int64 (hl_application_get_settings (fixture_app ()),
                                         HL_SETTINGS_LAST_UPDATE_CHECK), >, 0);

  /* The window shows the new library. */
  wait_until (page_ready, NULL, "the home page of the new library");
  html = render_home ();
  home_line = g_strdup_printf (P_ (hl_language_default (), "Content as of %s"), date);
  g_assert_nonnull (strstr (html, home_line));
  g_assert_cmpuint (hl_topic_store_count_topics (hl_library_get_store (
                      hl_application_get_library (fixture_app ())), NULL, NULL), >, 1000);
  screenshot ("library-page-updated");
}

/* The same date again: nothing is downloaded. */
static void
test_same_date (void)
{
  const char *zip = "/newer/xml/mplus_topics_compressed_" NEWER ".zip";
  g_autoptr(GBytes) before = library_bytes ();
  g_autoptr(GBytes) after = NULL;
  g_autofree char *date = date_text (NEWER);
  g_autofree char *status = g_strdup_printf (_("Up to date: the newest MedlinePlus file is of %s."),
                                             date);
  g_autofree char *title = content_title (NEWER, FALSE);
  guint asked = server_requests (zip);

  use_scenario ("newer");
  click (_("_Check for Updates"));
  wait_until (idle, NULL, "the check to finish");
  g_assert_cmpstr (adw_action_row_get_subtitle (row (title)), ==, status);
  g_assert_cmpuint (server_requests ("/newer/xml.html"), >=, 1);
  g_assert_cmpuint (server_requests (zip), ==, asked);

  after = library_bytes ();
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_rollback (void)
{
  g_autofree char *title = content_title (CURRENT, TRUE);
  g_autofree char *previous = content_title (NEWER, FALSE);

  click (_("_Roll Back"));
  g_assert_nonnull (row (title));
  g_assert_cmpstr (adw_action_row_get_subtitle (row (_("Previous Library"))), ==, previous);
  g_assert_true (hl_topic_store_is_sample (hl_library_get_store (
                   hl_application_get_library (fixture_app ()))));
  wait_until (page_ready, NULL, "the home page of the sample");
}

/* With the sample back, a stalled download is cancelled: Cancel, and the
 * library stays the sample. */
static void
test_cancel_download (void)
{
  g_autoptr(GBytes) before = library_bytes ();
  g_autoptr(GBytes) after = NULL;
  g_autofree char *title = content_title (CURRENT, TRUE);

  use_scenario ("stall");
  click (_("_Check for Updates"));
  wait_until (downloading, NULL, "the download to start");
  click (_("_Cancel"));
  wait_until (idle, NULL, "the update to stop");
  g_assert_cmpstr (adw_action_row_get_subtitle (row (title)), ==,
                   _("The update was cancelled. The library was not changed."));
  g_assert_false (hl_update_controller_get_failed (controller ()));
  after = library_bytes ();
  g_assert_true (g_bytes_equal (before, after));
}

static gboolean
never_safe (gpointer data)
{
  (*(guint *) data)++;
  return FALSE;
}

static gboolean
always_safe (gpointer data)
{
  (*(guint *) data)++;
  return TRUE;
}

static gboolean
auto_update_on (gpointer data)
{
  return g_settings_get_boolean (data, HL_SETTINGS_AUTO_UPDATE);
}

/* The automatic check: once a day at most, never with import disabled,
 * and only at a moment the kiosk says is safe. */
static void
test_automatic (void)
{
  GSettings *settings = hl_application_get_settings (fixture_app ());
  g_autoptr(GSettings) lockdown = g_settings_new (APP_ID ".lockdown");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint asked = 0;

  use_scenario ("current");
  g_settings_set_int64 (settings, HL_SETTINGS_LAST_UPDATE_CHECK, 0);

  /* Off by default. */
  g_assert_false (g_settings_get_boolean (settings, HL_SETTINGS_AUTO_UPDATE));
  g_assert_false (hl_update_controller_run_due_check (controller ()));

  /* The switch on the page turns it on (at the end of its animation). */
  gtk_widget_activate (GTK_WIDGET (row (_("Update _Automatically"))));
  wait_until (auto_update_on, settings, "the switch to turn automatic updates on");

  /* Locked down: no check, and the buttons and the switch are off. */
  g_settings_set_boolean (lockdown, HL_LOCKDOWN_DISABLE_IMPORT, TRUE);
  g_assert_true (hl_update_controller_get_locked (controller ()));
  g_assert_false (hl_update_controller_run_due_check (controller ()));
  g_assert_false (gtk_widget_is_sensitive (button (_("_Check for Updates"))));
  g_assert_false (gtk_widget_is_sensitive (button (_("_Roll Back"))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (row (_("Update _Automatically")))));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   _("Your administrator has turned off changes to the library on this "
                     "computer."));
  screenshot ("library-page-locked");
  g_settings_set_boolean (lockdown, HL_LOCKDOWN_DISABLE_IMPORT, FALSE);
  g_assert_true (gtk_widget_is_sensitive (button (_("_Check for Updates"))));

  /* Checked an hour ago: not due. */
  g_settings_set_int64 (settings, HL_SETTINGS_LAST_UPDATE_CHECK, now - 3600);
  g_assert_false (hl_update_controller_run_due_check (controller ()));

  /* Due, but the kiosk is in a session: it waits. */
  g_settings_set_int64 (settings, HL_SETTINGS_LAST_UPDATE_CHECK, now - 25 * 3600);
  hl_update_controller_set_safe_func (controller (), never_safe, &asked, NULL);
  g_assert_false (hl_update_controller_run_due_check (controller ()));
  g_assert_cmpuint (asked, ==, 1);
  g_assert_false (hl_update_controller_get_busy (controller ()));

  /* At the reset it runs. */
  hl_update_controller_set_safe_func (controller (), always_safe, &asked, NULL);
  hl_update_controller_safe_moment (controller ());
  g_assert_cmpuint (asked, ==, 2);
  g_assert_true (hl_update_controller_get_busy (controller ()));
  wait_until (idle, NULL, "the automatic update");
  g_assert_false (hl_update_controller_get_failed (controller ()));
  g_assert_false (hl_topic_store_is_sample (hl_library_get_store (
                    hl_application_get_library (fixture_app ()))));
  g_assert_cmpint (g_settings_get_int64 (settings, HL_SETTINGS_LAST_UPDATE_CHECK), >=, now);

  /* Just checked: not due again today. */
  g_assert_false (hl_update_controller_run_due_check (controller ()));
  hl_update_controller_set_safe_func (controller (), NULL, NULL, NULL);
  g_settings_set_boolean (settings, HL_SETTINGS_AUTO_UPDATE, FALSE);
}

/* An old library: the home page says so, calmly. */
static void
test_stale_banner (void)
{
  g_autofree char *old = g_test_build_filename (G_TEST_DIST, "data", "full-record.xml", NULL);
  g_autofree char *library = hl_paths_get_library_path ();
  HlLibrary *lib = hl_application_get_library (fixture_app ());
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;

  hl_test_import_or_die (old, library);
  g_assert_true (hl_library_reopen (lib, &error));
  g_assert_no_error (error);
  wait_until (page_ready, NULL, "the home page of the old library");

  html = render_home ();
  date = date_text ("2026-07-08");
  line = g_strdup_printf (P_ (hl_language_default (), "Content as of %s"), date);
  g_assert_nonnull (strstr (html, line));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf (PN_ (hl_language_default (),
                               "This content is more than %u day old. MedlinePlus may have "
                               "published newer information since.",
                               "This content is more than %u days old. MedlinePlus may have "
                               "published newer information since.", 30), 30);
  g_assert_nonnull (strstr (html, line));

  /* Later than the setting: no banner. */
  g_settings_set_uint (hl_application_get_settings (fixture_app ()),
                       HL_SETTINGS_STALE_AFTER_DAYS, 3650);
  g_clear_pointer (&html, g_free);
  html = render_home ();
  g_assert_null (strstr (html, "class=\"notice stale\""));
  g_settings_set_uint (hl_application_get_settings (fixture_app ()),
                       HL_SETTINGS_STALE_AFTER_DAYS, 30);

  gtk_widget_set_visible (preferences, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.home", NULL);
  wait_until (page_ready, NULL, "the home page");
  screenshot ("home-stale-banner");
  gtk_widget_set_visible (preferences, TRUE);
}

static void
open_preferences (void)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  /* As the app's preferences will be: one of its windows, which gives the
   * buttons the app's actions. */
  preferences = adw_preferences_window_new ();
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (fixture_app ()));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (fixture_window ()));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 560);
  adw_preferences_page_set_title (page, _("Library"));
  adw_preferences_page_set_icon_name (page, "org.phynet.HealthLibrary-symbolic");
  group = hl_update_group_new (controller (), hl_application_get_settings (fixture_app ()));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), page);
  gtk_window_present (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("HEALTH_LIBRARY_NETWORK_TIMEOUT", "20", TRUE);
  g_test_init (&argc, &argv, NULL);
  start_server ();
  window_fixture_start ();
  /* Screenshots of the dark style too. */
  if (g_strcmp0 (g_getenv ("HL_SCREENSHOT_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  open_preferences ();

  g_test_add_func ("/ui/update-group/sample", test_sample);
  g_test_add_func ("/ui/update-group/failure", test_failure);
  g_test_add_func ("/ui/update-group/update", test_update);
  g_test_add_func ("/ui/update-group/same-date", test_same_date);
  g_test_add_func ("/ui/update-group/rollback", test_rollback);
  g_test_add_func ("/ui/update-group/cancel", test_cancel_download);
  g_test_add_func ("/ui/update-group/automatic", test_automatic);
  g_test_add_func ("/ui/update-group/stale-banner", test_stale_banner);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (preferences));
  window_fixture_stop ();
  g_subprocess_force_exit (server);
  return status;
}
