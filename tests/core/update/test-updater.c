/* test-updater.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The previous library and rolling back to it, and HlUpdater run against a
 * web server on 127.0.0.1 (update-server.py): its phases and progress,
 * cancelling, one run at a time. The failures of every kind are covered on
 * the command line (test-update-command.py). */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-error.h"
#include "hl-library-files.h"
#include "hl-update-error.h"
#include "hl-updater.h"

#include "test-util.h"

static GSubprocess *server;
static int port;

static char *
scenario_url (const char *scenario)
{
  return g_strdup_printf ("http://127.0.0.1:%d/%s/xml.html", port, scenario);
}

static void
start_server (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "update-server.py", NULL);
  g_autofree char *sample = hl_test_starter_path ();
  g_autofree char *groups = g_test_build_filename (G_TEST_DIST, "..", "data", "library",
                                                   "mplus_topic_groups.xml", NULL);
  const char *corpus = g_getenv ("HL_TEST_UPDATE_CORPUS");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;

  g_assert_nonnull (corpus);
  /* The server ends when our end of its standard input closes. */
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                             &error, "python3", script, corpus, sample, groups, NULL);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  port = line ? atoi (line) : 0;
  g_assert_cmpint (port, >, 0);
}

/* The previous library */

static void
test_keep_previous (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("previous");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *previous = hl_library_files_get_previous_path (library);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *other = g_test_build_filename (G_TEST_DIST, "data", "full-record.xml", NULL);
  g_autofree char *bad = hl_test_malformed_path ("truncated.xml");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;

  /* The first import has nothing to keep. */
  hl_test_import_or_die (starter, library);
  g_assert_false (g_file_test (previous, G_FILE_TEST_EXISTS));
  first = hl_test_read_bytes (library);

  hl_test_import_or_die (other, library);
  second = hl_test_read_bytes (library);
  kept = hl_test_read_bytes (previous);
  g_assert_true (g_bytes_equal (kept, first));
  g_assert_false (g_bytes_equal (second, first));
  g_clear_pointer (&kept, g_bytes_unref);

  /* A failed import keeps both as they were. */
  g_assert_false (hl_test_import_file (bad, library, &error));
  g_assert_nonnull (error);
  kept = hl_test_read_bytes (previous);
  g_assert_true (g_bytes_equal (kept, first));
  g_clear_pointer (&kept, g_bytes_unref);
  kept = hl_test_read_bytes (library);
  g_assert_true (g_bytes_equal (kept, second));
  g_assert_cmpuint (hl_test_count_leftovers (dir), ==, 0);
}

/* A damaged library is not worth going back to. */
static void
test_damaged_not_kept (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("damaged");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *previous = hl_library_files_get_previous_path (library);
  g_autofree char *starter = hl_test_starter_path ();

  hl_test_write_or_die (library, "not a library", -1);
  hl_test_import_or_die (starter, library);
  g_assert_false (g_file_test (previous, G_FILE_TEST_EXISTS));
}

static gboolean
refuse (HlMedlinePlusImporter  *importer,
        gpointer                user_data,
        GError                **error)
{
  *(guint *) user_data = hl_medlineplus_importer_get_n_topics (importer, NULL);
  g_set_error_literal (error, HL_ERROR, HL_ERROR_INVALID_DATA, "refused");
  return FALSE;
}

/* The check runs on the finished library, before it replaces anything. */
static void
test_check_func (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("check");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *previous = hl_library_files_get_previous_path (library);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *other = g_test_build_filename (G_TEST_DIST, "data", "full-record.xml", NULL);
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  guint seen = 0;

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  importer = hl_test_new_importer (other, library);
  hl_medlineplus_importer_set_check_func (importer, refuse, &seen);
  g_assert_false (hl_medlineplus_importer_run (importer, NULL, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  g_assert_cmpuint (seen, >, 0);
  hl_test_assert_library_unchanged (library, before);
  g_assert_false (g_file_test (previous, G_FILE_TEST_EXISTS));
}

static void
test_rollback (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("rollback");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *previous = hl_library_files_get_previous_path (library);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *other = g_test_build_filename (G_TEST_DIST, "data", "full-record.xml", NULL);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopicStore) store = NULL;
  g_autofree char *date = NULL;
  gboolean sample = FALSE;

  /* Nothing to go back to yet. */
  hl_test_import_or_die (starter, library);
  g_assert_false (hl_update_rollback (library, &error));
  g_assert_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_NO_PREVIOUS);
  g_clear_error (&error);
  g_assert_null (hl_update_dup_previous_date (library, &sample));

  first = hl_test_read_bytes (library);
  hl_test_import_or_die (other, library);
  second = hl_test_read_bytes (library);
  date = hl_update_dup_previous_date (library, &sample);
  g_assert_cmpstr (date, ==, "2026-11-23");
  g_assert_true (sample);

  /* Back, and forth again. */
  g_assert_true (hl_update_rollback (library, &error));
  g_assert_no_error (error);
  now = hl_test_read_bytes (library);
  g_assert_true (g_bytes_equal (now, first));
  store = hl_test_open_store (library);
  g_assert_true (hl_topic_store_is_sample (store));
  g_clear_object (&store);
  g_clear_pointer (&now, g_bytes_unref);
  now = hl_test_read_bytes (previous);
  g_assert_true (g_bytes_equal (now, second));
  g_clear_pointer (&now, g_bytes_unref);

  g_assert_true (hl_update_rollback (library, &error));
  now = hl_test_read_bytes (library);
  g_assert_true (g_bytes_equal (now, second));
  g_assert_cmpuint (hl_test_count_leftovers (dir), ==, 0);
}

/* A previous library that does not open is not brought back. */
static void
test_rollback_damaged (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("rollback-damaged");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *previous = hl_library_files_get_previous_path (library);
  g_autofree char *starter = hl_test_starter_path ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);
  hl_test_write_or_die (previous, "damaged", -1);

  g_assert_false (hl_update_rollback (library, &error));
  g_assert_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_NO_PREVIOUS);
  hl_test_assert_library_unchanged (library, before);
}

/* The updater */

typedef struct
{
  GMainLoop      *loop;
  GArray         *phases;
  double          last_download_fraction;
  gboolean        download_went_back;
  gboolean        ok;
  HlUpdateResult  outcome;
  GError         *error;
  GCancellable   *cancel_when_downloading;
} Run;

static void
phase_cb (HlUpdater  *updater,
          GParamSpec *pspec,
          Run        *run)
{
  HlUpdatePhase phase = hl_updater_get_phase (updater);

  if (run->phases->len == 0 ||
      g_array_index (run->phases, HlUpdatePhase, run->phases->len - 1) != phase)
    g_array_append_val (run->phases, phase);
}

static void
fraction_cb (HlUpdater  *updater,
             GParamSpec *pspec,
             Run        *run)
{
  double fraction = hl_updater_get_fraction (updater);

  if (hl_updater_get_phase (updater) != HL_UPDATE_PHASE_DOWNLOADING)
    return;
  if (fraction < run->last_download_fraction)
    run->download_went_back = TRUE;
  run->last_download_fraction = fraction;
  if (run->cancel_when_downloading != NULL && fraction > 0.1)
    g_cancellable_cancel (run->cancel_when_downloading);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->ok = hl_updater_run_finish (HL_UPDATER (source), result, &run->outcome, &run->error);
  g_main_loop_quit (run->loop);
}

static void
run_updater (HlUpdater    *updater,
             GCancellable *cancellable,
             Run          *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->phases = g_array_new (FALSE, FALSE, sizeof (HlUpdatePhase));
  g_signal_connect (updater, "notify::phase", G_CALLBACK (phase_cb), run);
  g_signal_connect (updater, "notify::fraction", G_CALLBACK (fraction_cb), run);
  hl_updater_run_async (updater, cancellable, done_cb, run);
  g_assert_true (hl_updater_is_running (updater));
  g_main_loop_run (run->loop);
  g_signal_handlers_disconnect_by_data (updater, run);
  g_assert_false (hl_updater_is_running (updater));
  g_assert_cmpint (hl_updater_get_phase (updater), ==, HL_UPDATE_PHASE_IDLE);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_pointer (&run->phases, g_array_unref);
  g_clear_error (&run->error);
}

static void
test_phases (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("phases");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *url = scenario_url ("slow");
  g_autoptr(HlUpdater) updater = hl_updater_new (library);
  g_autoptr(HlTopicStore) store = NULL;
  static const HlUpdatePhase expected[] = {
    HL_UPDATE_PHASE_CHECKING, HL_UPDATE_PHASE_DOWNLOADING, HL_UPDATE_PHASE_IMPORTING,
    HL_UPDATE_PHASE_IDLE,
  };
  Run run = { 0 };

  hl_test_import_or_die (starter, library);
  hl_updater_set_url (updater, url);
  g_assert_cmpstr (hl_updater_get_url (updater), ==, url);
  run_updater (updater, NULL, &run);

  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  g_assert_cmpint (run.outcome, ==, HL_UPDATE_RESULT_UPDATED);
  g_assert_cmpuint (run.phases->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (run.phases, HlUpdatePhase, i), ==, expected[i]);
  g_assert_false (run.download_went_back);
  g_assert_cmpfloat (run.last_download_fraction, ==, 1.0);

  g_assert_cmpstr (hl_updater_get_offered_date (updater), ==, "2026-11-30");
  g_assert_cmpstr (hl_updater_get_file_name (updater), ==,
                   "mplus_topics_compressed_2026-11-30.zip");
  g_assert_cmpuint (hl_updater_get_n_topics (updater, "en"), >=, 500);
  g_assert_cmpuint (hl_updater_get_n_topics (updater, "es"), >=, 500);
  g_assert_cmpuint (hl_updater_get_n_groups (updater), >, 0);

  /* The library records the file it came from. */
  store = hl_test_open_store (library);
  g_assert_cmpstr (hl_topic_store_get_meta (store, "source"), ==,
                   "mplus_topics_compressed_2026-11-30.zip");
  g_assert_cmpstr (hl_topic_store_get_meta (store, "groups-source"), ==,
                   "mplus_topic_groups_2026-11-30.xml");
  g_assert_false (hl_topic_store_is_sample (store));
  run_clear (&run);
}

static void
test_cancel (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("cancel");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *url = scenario_url ("slow");
  g_autoptr(HlUpdater) updater = hl_updater_new (library);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  Run run = { 0 };

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);
  hl_updater_set_url (updater, url);
  run.cancel_when_downloading = cancellable;
  run_updater (updater, cancellable, &run);

  g_assert_false (run.ok);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  hl_test_assert_library_unchanged (library, before);
  run_clear (&run);
}

static void
busy_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (hl_updater_run_finish (HL_UPDATER (source), result, NULL, error));
}

/* One run at a time; a second is refused, not queued. */
static void
test_busy (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("busy");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *url = scenario_url ("newer");
  g_autoptr(HlUpdater) updater = hl_updater_new (library);
  g_autoptr(GError) busy = NULL;
  Run run = { 0 };

  hl_test_import_or_die (starter, library);
  hl_updater_set_url (updater, url);
  run.loop = g_main_loop_new (NULL, FALSE);
  run.phases = g_array_new (FALSE, FALSE, sizeof (HlUpdatePhase));
  hl_updater_run_async (updater, NULL, done_cb, &run);
  hl_updater_run_async (updater, NULL, busy_cb, &busy);
  g_main_loop_run (run.loop);

  g_assert_error (busy, HL_UPDATE_ERROR, HL_UPDATE_ERROR_BUSY);
  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  run_clear (&run);
}

/* Not a web address: refused before anything. */
static void
test_invalid_url (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("invalid");
  g_autofree char *library = hl_test_library_in (dir);
  g_autoptr(HlUpdater) updater = hl_updater_new (library);
  Run run = { 0 };

  hl_updater_set_url (updater, "file:///etc/passwd");
  run_updater (updater, NULL, &run);
  g_assert_error (run.error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_INVALID_URL);
  g_assert_false (g_file_test (library, G_FILE_TEST_EXISTS));
  run_clear (&run);

  /* An empty address is the default one. */
  hl_updater_set_url (updater, "");
  g_assert_cmpstr (hl_updater_get_url (updater), ==, HL_UPDATE_DEFAULT_URL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hl_test_use_source_data ();
  /* The isolated folders hide the system's settings schemas, which GNOME's
   * proxy module reads; the server is on 127.0.0.1 and needs no proxy. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  start_server ();

  g_test_add_func ("/core/update/previous/kept", test_keep_previous);
  g_test_add_func ("/core/update/previous/damaged-not-kept", test_damaged_not_kept);
  g_test_add_func ("/core/update/previous/check-func", test_check_func);
  g_test_add_func ("/core/update/rollback", test_rollback);
  g_test_add_func ("/core/update/rollback-damaged", test_rollback_damaged);
  g_test_add_func ("/core/update/updater/phases", test_phases);
  g_test_add_func ("/core/update/updater/cancel", test_cancel);
  g_test_add_func ("/core/update/updater/busy", test_busy);
  g_test_add_func ("/core/update/updater/invalid-url", test_invalid_url);

  status = g_test_run ();
  g_subprocess_force_exit (server);
  return status;
}
