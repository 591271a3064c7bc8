/* test-import-atomic.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* All or nothing: cancelling and locking an import. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "hl-error.h"
#include "hl-medlineplus-importer.h"
#include "hl-page-renderer.h"
#include "hl-paths.h"
#include "hl-topic-store.h"

#include "test-util.h"

/* Cancel, lock (killing is in test-import-faults.c) */

static void
test_cancel_before (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("cancel-before");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *bom = hl_test_malformed_path ("bom.xml");
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  g_cancellable_cancel (cancellable);
  importer = hl_test_new_importer (bom, library);
  g_assert_false (hl_medlineplus_importer_run (importer, cancellable, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  hl_test_assert_library_unchanged (library, before);
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  double        cancel_at;
  GThread      *thread;
  gboolean      wrong_thread;
  gboolean      backwards;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  if (fraction < progress->last || fraction < 0.0 || fraction > 1.0)
    progress->backwards = TRUE;
  progress->last = fraction;
  progress->calls++;
  if (progress->thread != NULL && g_thread_self () != progress->thread)
    progress->wrong_thread = TRUE;

  if (progress->cancellable != NULL && fraction >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_cancel_midway (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("cancel-midway");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *bom = hl_test_malformed_path ("bom.xml");
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable, 0.0, 0, 0.3, NULL, FALSE, FALSE };

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  importer = hl_test_new_importer (bom, library);
  hl_medlineplus_importer_set_progress_func (importer, on_progress, &progress, NULL);
  g_assert_false (hl_medlineplus_importer_run (importer, cancellable, &error));
  g_assert_nonnull (error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpfloat (progress.last, <, 1.0);
  hl_test_assert_library_unchanged (library, before);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} AsyncResult;

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = hl_medlineplus_importer_run_finish (HL_MEDLINEPLUS_IMPORTER (source), result,
                                                  &async->error);
  g_main_loop_quit (async->loop);
}

static void
test_async (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("async");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (starter, library);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { loop, FALSE, NULL };
  Progress progress = { NULL, 0.0, 0, 2.0, g_thread_self (), FALSE, FALSE };

  hl_medlineplus_importer_set_progress_func (importer, on_progress, &progress, NULL);
  hl_medlineplus_importer_run_async (importer, NULL, on_import_done, &async);
  g_main_loop_run (loop);

  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "en"), ==, STARTER_EN);

  /* Let the last progress reports through. Reports that come faster than
   * the main loop runs are merged into one: a small file may give just one. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_false (progress.wrong_thread);
  g_assert_false (progress.backwards);
  g_assert_cmpfloat (progress.last, >, 0.5);
  g_assert_cmpfloat (progress.last, <=, 1.0);
  hl_test_assert_counts (library, STARTER_EN, STARTER_ES);
}

static void
test_async_cancel (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("async-cancel");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (starter, library);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GBytes) before = NULL;
  AsyncResult async = { loop, FALSE, NULL };

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  hl_medlineplus_importer_run_async (importer, cancellable, on_import_done, &async);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (loop);

  g_assert_false (async.ok);
  g_assert_nonnull (async.error);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&async.error);
  hl_test_assert_library_unchanged (library, before);
}

/* Only one import at a time may build the library. */
static void
test_locked (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("locked");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *lock_path = g_strconcat (library, ".lock", NULL);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *bom = hl_test_malformed_path ("bom.xml");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  g_assert_false (hl_test_import_file (bom, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_FAILED);
  g_test_message ("%s", error->message);
  hl_test_assert_library_unchanged (library, before);
  g_clear_error (&error);

  close (fd);
  hl_test_import_or_die (bom, library);
  hl_test_assert_counts (library, SMALL_EN, SMALL_ES);
}

/* Imports @topics with @groups as the group file, which must fail with
 * @code (or any HL_ERROR code when @code is -1) and change nothing. */
static void
assert_groups_file_fails (const char *topics,
                          const char *groups,
                          const char *library,
                          GBytes     *before,
                          int         code)
{
  g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (topics, library);
  g_autoptr(GError) error = NULL;

  hl_medlineplus_importer_set_groups_path (importer, groups);
  g_assert_false (hl_medlineplus_importer_run (importer, NULL, &error));
  if (code >= 0)
    g_assert_error (error, HL_ERROR, code);
  else
    g_assert_true (error->domain == HL_ERROR);
  hl_test_assert_message_names_file (error, groups);
  hl_test_assert_library_unchanged (library, before);
}

/* A bad group file fails the import as a whole too. */
static void
test_bad_groups_file (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("groups");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *bom = hl_test_malformed_path ("bom.xml");
  g_autofree char *missing = g_build_filename (dir, "mplus_topic_groups_missing.xml", NULL);
  g_autofree char *truncated = hl_test_malformed_path ("truncated.xml");
  g_autoptr(GBytes) before = NULL;

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  assert_groups_file_fails (bom, missing, library, before, HL_ERROR_NOT_FOUND);
  /* A topics file where the groups should be. */
  assert_groups_file_fails (bom, starter, library, before, HL_ERROR_INVALID_FILE);
  assert_groups_file_fails (bom, truncated, library, before, -1);
}

int
main (int   argc,
      char *argv[])
{
  /* Run straight from the build tree, the data is in the source tree. */
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failed check fails its test and the others still run. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/importer/atomic/cancel-before", test_cancel_before);
  g_test_add_func ("/core/importer/atomic/cancel-midway", test_cancel_midway);
  g_test_add_func ("/core/importer/atomic/async", test_async);
  g_test_add_func ("/core/importer/atomic/async-cancel", test_async_cancel);
  g_test_add_func ("/core/importer/atomic/locked", test_locked);
  g_test_add_func ("/core/importer/atomic/bad-groups-file", test_bad_groups_file);

  return g_test_run ();
}
