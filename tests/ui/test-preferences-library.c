/* test-preferences-library.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Library page of the preferences in the real window: a file imported
 * from it reports progress, ends with a toast and switches the sidebar and
 * the page; a malformed file is refused with the core's message and leaves
 * the library byte for byte as it was; Cancel midway changes nothing;
 * Restore asks first; and an import made by another process switches the
 * open window by itself. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "hl-library-files.h"
#include "hl-paths.h"
#include "preferences-fixture.h"
#include "test-util.h"

/* Topics in the corpus made for the import tests. */
#define BIG_TOPICS 1500

static char *big_corpus;

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
  finished_id = g_signal_connect (app_import_job (), "finished", G_CALLBACK (watch_finished_cb), watch);
  fraction_id = g_signal_connect (app_import_job (), "notify::fraction", G_CALLBACK (watch_fraction_cb),
                                  watch);

  g_assert_true (gtk_widget_activate_action (page, "library.import-file", "s", path));
  /* The window goes on working while the file is read. */
  g_assert_true (hl_import_job_get_running (app_import_job ()));
  g_assert_true (gtk_widget_get_visible (progress_row (page)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_pref_row (page, _("_Import a File…")))));

  wait_until (watch_done, watch, "the import to finish");
  g_signal_handler_disconnect (app_import_job (), finished_id);
  g_signal_handler_disconnect (app_import_job (), fraction_id);

  g_assert_false (hl_import_job_get_running (app_import_job ()));
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
  g_assert_true (hl_topic_store_is_sample (hl_library_get_store (app_library ())));
  g_assert_false (has_row ("Brain and Nerves"));

  import_from_window (prefs, big_corpus, &watch);
  g_assert_cmpint (watch.outcome, ==, HL_IMPORT_OUTCOME_DONE);
  g_assert_cmpuint (watch.n_progress, >=, 1);
  g_assert_true (watch.progress_shown);

  /* The new library is in use, with no restart. */
  store = hl_library_get_store (app_library ());
  g_assert_false (hl_topic_store_is_sample (store));
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL, NULL), ==, BIG_TOPICS);
  g_assert_cmpstr (hl_topic_store_get_meta (store, "source"), ==, "mplus_topics_big.xml");

  /* A toast says what came in. */
  expected = g_strdup_printf ("Imported “mplus_topics_big.xml”: %u English topics",
                              hl_topic_store_count_topics (store, "en", NULL));
  g_assert_true (g_str_has_prefix (watch.message, expected));
  toast = wait_for_toast (GTK_WIDGET (prefs), expected);

  /* The sidebar, the page shown and the preferences follow. */
  wait_until (has_row, "Brain and Nerves", "the new library's groups in the sidebar");
  wait_until (page_lacks, "This is the sample library", "the home page of the new library");
  {
    g_autofree char *count = g_strdup_printf ("%u topics in English",
                                              hl_topic_store_count_topics (store, "en", NULL));

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
  HlTopicStore *store = hl_library_get_store (app_library ());
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
  g_assert_true (hl_library_get_store (app_library ()) == store);
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
  HlTopicStore *store = hl_library_get_store (app_library ());
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

  g_assert_true (hl_library_get_store (app_library ()) == store);
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
  HlTopicStore *store = hl_library_get_store (app_library ());
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
  g_assert_false (hl_import_job_get_running (app_import_job ()));
  g_assert_true (hl_library_get_store (app_library ()) == store);

  /* Confirmed: the sample is back, and the window shows it. */
  g_assert_true (gtk_widget_activate_action (page, "library.restore-sample", NULL));
  wait_until (dialog_shown, NULL, "the confirmation");
  dialog = find_message_dialog ();
  finished_id = g_signal_connect (app_import_job (), "finished", G_CALLBACK (watch_finished_cb), &watch);
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (watch_done, &watch, "the sample library");
  g_signal_handler_disconnect (app_import_job (), finished_id);

  g_assert_cmpint (watch.outcome, ==, HL_IMPORT_OUTCOME_DONE);
  g_assert_true (g_str_has_prefix (watch.message, "The sample library is back: 39 English topics"));
  g_assert_true (hl_topic_store_is_sample (hl_library_get_store (app_library ())));
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
  HlTopicStore *store = hl_library_get_store (app_library ());

  return store != NULL && hl_topic_store_count_topics (store, NULL, NULL) == GPOINTER_TO_UINT (data);
}

/* An import made in a terminal while the app runs: the window switches to
 * it by itself. */
static void
test_other_process_import (void)
{
  g_autofree char *letters = g_test_build_filename (G_TEST_DIST, "data", "index-letters.xml", NULL);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *toast = NULL;
  HlTopicStore *before = hl_library_get_store (app_library ());
  gulong id;

  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");

  run_app_binary ((const char *[]) { "--import", letters, NULL });
  /* Six English and five Spanish topics; the French one is left out. */
  wait_until (library_has_topics, GUINT_TO_POINTER (11), "the library imported by the command");
  g_assert_true (hl_library_get_store (app_library ()) != before);
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
  before = hl_library_get_store (app_library ());
  run_app_binary ((const char *[]) { "--import", starter, NULL });
  wait_until (library_has_topics, GUINT_TO_POINTER (STARTER_EN + STARTER_ES), "the sample");
  while (hl_library_get_store (app_library ()) == before)
    g_main_context_iteration (NULL, TRUE);
  while (n_loads == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (web_view (), id);
  wait_for_page ("Abdominal Pain");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
}

/* The Library page holds the updates too: Roll Back, on the app's action,
 * brings back the library that the last import replaced. */
static gboolean
imported_at_is (gpointer data)
{
  HlTopicStore *store = hl_library_get_store (app_library ());

  return store != NULL && g_strcmp0 (hl_topic_store_get_meta (store, "imported-at"), data) == 0;
}

static void
test_updates_on_page (void)
{
  HlPreferencesWindow *prefs = open_preferences ();
  GtkWidget *page = GTK_WIDGET (hl_preferences_window_get_library_page (prefs));
  g_autofree char *library = library_path ();
  g_autofree char *previous = hl_library_files_get_previous_path (library);
  g_autoptr(HlTopicStore) previous_store = NULL;
  g_autofree char *previous_import = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesRow *previous_row;
  GtkWidget *rollback;

  previous_row = find_pref_row (page, _("Previous Library"));
  g_assert_nonnull (previous_row);
  rollback = find_widget_of_type (GTK_WIDGET (previous_row), GTK_TYPE_BUTTON);
  g_assert_nonnull (rollback);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (rollback)), ==, _("_Roll Back"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (rollback)), ==,
                   "app.rollback-library");

  /* The imports before this test left a previous library. */
  previous_store = hl_topic_store_open (previous, &error);
  g_assert_no_error (error);
  previous_import = g_strdup (hl_topic_store_get_meta (previous_store, "imported-at"));
  g_clear_object (&previous_store);
  g_assert_false (imported_at_is (previous_import));
  wait_until ((Condition) gtk_widget_is_sensitive, rollback, "Roll Back to be offered");

  g_signal_emit_by_name (rollback, "clicked");
  wait_until (imported_at_is, previous_import, "the previous library to be back");

  close_preferences (prefs);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  window_fixture_prepare_home ();
  big_corpus = generate_corpus (BIG_TOPICS);
  window_fixture_start ();

  g_test_add_func ("/ui/preferences-library/import", test_import);
  g_test_add_func ("/ui/preferences-library/import-malformed", test_import_malformed);
  g_test_add_func ("/ui/preferences-library/import-cancel", test_import_cancel);
  g_test_add_func ("/ui/preferences-library/restore-sample", test_restore_sample);
  g_test_add_func ("/ui/preferences-library/other-process-import", test_other_process_import);
  g_test_add_func ("/ui/preferences-library/updates-on-page", test_updates_on_page);

  status = g_test_run ();

  window_fixture_stop ();
  g_free (big_corpus);
  return status;
}
