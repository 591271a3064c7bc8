/* test-library.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The user's library follows its file: an import made elsewhere replaces
 * the open library, at once or when the holder of :defer-updates lets it;
 * an import of our own switches once; what cannot be read is not taken up;
 * and the files a reader holds open are left where they are. */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hl-library.h"
#include "test-util.h"

#define WAIT_SECONDS 10

typedef gboolean (*Condition) (HlLibrary *library);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (HlLibrary  *library,
          Condition   condition,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timeout_cb, &timed_out);

  while (!condition (library) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

/* Runs the main loop for @ms, to see that nothing happens. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_ready (HlLibrary *library)
{
  return hl_library_get_state (library) == HL_LIBRARY_STATE_READY;
}

static gboolean
has_small_library (HlLibrary *library)
{
  HlTopicStore *store = hl_library_get_store (library);

  return store != NULL && hl_topic_store_count_topics (store, "en", NULL) == 1 &&
         hl_topic_store_count_topics (store, "es", NULL) == 1;
}

static gboolean
is_pending (HlLibrary *library)
{
  return hl_library_get_update_pending (library);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* A library of the starter corpus in a folder of its own, loaded. */
static HlLibrary *
load_starter_library (const char *name,
                      char      **library_path)
{
  g_autofree char *dir = hl_test_scratch_dir (name);
  g_autofree char *starter = hl_test_starter_path ();
  HlLibrary *library;

  *library_path = hl_test_library_in (dir);
  hl_test_import_or_die (starter, *library_path);

  library = hl_library_new (*library_path);
  hl_library_load (library);
  g_assert_true (is_ready (library));
  hl_test_assert_counts (*library_path, STARTER_EN, STARTER_ES);
  g_assert_cmpuint (hl_topic_store_count_topics (hl_library_get_store (library), "en", NULL), ==,
                    STARTER_EN);

  return library;
}

static char *
special_characters_path (void)
{
  /* One English and one Spanish topic. */
  return g_test_build_filename (G_TEST_DIST, "data", "special-characters.xml", NULL);
}

static void
test_follows_other_import (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlLibrary) library = load_starter_library ("follows", &path);
  g_autofree char *other = special_characters_path ();
  g_autoptr(HlTopicStore) old_store = g_object_ref (hl_library_get_store (library));
  guint store_changes = 0;

  g_signal_connect (library, "notify::store", G_CALLBACK (count_cb), &store_changes);

  /* Another importer, as a command in a terminal would run it. */
  hl_test_import_or_die (other, path);
  wait_for (library, has_small_library, "the library to follow the new file");

  g_assert_true (hl_library_get_store (library) != old_store);
  g_assert_cmpuint (store_changes, ==, 1);
  g_assert_true (is_ready (library));
  g_assert_false (hl_library_get_update_pending (library));

  /* The old store still reads its own, now unlinked, file. */
  g_assert_cmpuint (hl_topic_store_count_topics (old_store, "en", NULL), ==, STARTER_EN);

  /* Nothing more happens while the file stays as it is. */
  spin (600);
  g_assert_cmpuint (store_changes, ==, 1);
}

static void
test_deferred_update (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlLibrary) library = load_starter_library ("deferred", &path);
  g_autofree char *other = special_characters_path ();
  HlTopicStore *old_store = hl_library_get_store (library);

  hl_library_set_defer_updates (library, TRUE);
  g_assert_true (hl_library_get_defer_updates (library));

  hl_test_import_or_die (other, path);
  wait_for (library, is_pending, "the update to be pending");

  /* The open library stays until the holder of the hook says so. */
  spin (600);
  g_assert_true (hl_library_get_store (library) == old_store);
  g_assert_cmpuint (hl_topic_store_count_topics (old_store, "en", NULL), ==, STARTER_EN);

  g_assert_true (hl_library_apply_update (library));
  g_assert_true (has_small_library (library));
  g_assert_false (hl_library_get_update_pending (library));

  /* Nothing is left to apply. */
  g_assert_false (hl_library_apply_update (library));
}

static void
test_deferred_then_released (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlLibrary) library = load_starter_library ("released", &path);
  g_autofree char *other = special_characters_path ();

  g_object_set (library, "defer-updates", TRUE, NULL);
  hl_test_import_or_die (other, path);
  wait_for (library, is_pending, "the update to be pending");
  g_assert_cmpuint (hl_topic_store_count_topics (hl_library_get_store (library), "en", NULL), ==,
                    STARTER_EN);

  /* Turning the hook off takes up what waited. */
  hl_library_set_defer_updates (library, FALSE);
  g_assert_true (has_small_library (library));
  g_assert_false (hl_library_get_update_pending (library));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hl_library_import_finish (HL_LIBRARY (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_own_import_switches_once (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlLibrary) library = load_starter_library ("own", &path);
  g_autofree char *other = special_characters_path ();
  guint store_changes = 0;
  gboolean done = FALSE;

  g_signal_connect (library, "notify::store", G_CALLBACK (count_cb), &store_changes);
  hl_library_import_async (library, other, NULL, import_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (has_small_library (library));
  g_assert_cmpuint (store_changes, ==, 1);

  /* The watcher sees the rename, and knows the file is the one open. */
  spin (600);
  g_assert_cmpuint (store_changes, ==, 1);
}

static void
test_unreadable_file_not_taken (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlLibrary) library = load_starter_library ("unreadable", &path);
  g_autofree char *junk = g_strconcat (path, ".junk", NULL);
  HlTopicStore *old_store = hl_library_get_store (library);
  guint store_changes = 0;

  g_signal_connect (library, "notify::store", G_CALLBACK (count_cb), &store_changes);

  hl_test_write_or_die (junk, "This is not a library.\n", -1);
  g_assert_cmpint (g_rename (junk, path), ==, 0);
  spin (800);

  g_assert_cmpuint (store_changes, ==, 0);
  g_assert_true (hl_library_get_store (library) == old_store);
  g_assert_true (is_ready (library));
  g_assert_cmpuint (hl_topic_store_count_topics (old_store, "en", NULL), ==, STARTER_EN);
}

static void
test_broken_library_recovers (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("recovers");
  g_autofree char *path = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autoptr(HlLibrary) library = NULL;

  hl_test_write_or_die (path, "This is not a library.\n", -1);
  library = hl_library_new (path);
  hl_library_load (library);
  g_assert_cmpint (hl_library_get_state (library), ==, HL_LIBRARY_STATE_FAILED);

  /* Someone imports a good file from a terminal: the app can read again. */
  hl_test_import_or_die (starter, path);
  wait_for (library, is_ready, "the library to become readable");
  g_assert_cmpuint (hl_topic_store_count_topics (hl_library_get_store (library), "en", NULL), ==,
                    STARTER_EN);
}

static gboolean
stat_file (const char *path,
           GStatBuf   *buf)
{
  return g_stat (path, buf) == 0;
}

static void
test_keeps_open_journal_files (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlLibrary) library = load_starter_library ("journal", &path);
  g_autofree char *other = special_characters_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(HlTopicStore) reader = NULL;
  GStatBuf wal_before, shm_before, wal_after, shm_after;
  int wal_fd, shm_fd;

  /* Libraries are read as immutable, so none is paired with these files
   * now; an older version, which read in WAL mode, left them, and a process
   * of that version may still hold them open (and the index mapped). */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  wal_fd = g_open (wal, O_RDWR | O_CREAT, 0600);
  shm_fd = g_open (shm, O_RDWR | O_CREAT, 0600);
  g_assert_cmpint (wal_fd, >=, 0);
  g_assert_cmpint (shm_fd, >=, 0);
  g_assert_true (stat_file (wal, &wal_before));
  g_assert_true (stat_file (shm, &shm_before));

  hl_test_import_or_die (other, path);

  /* They are the same files, not deleted under that process. */
  g_assert_true (stat_file (wal, &wal_after));
  g_assert_true (stat_file (shm, &shm_after));
  g_assert_cmpuint (wal_after.st_ino, ==, wal_before.st_ino);
  g_assert_cmpuint (shm_after.st_ino, ==, shm_before.st_ino);
  g_assert_cmpint (wal_after.st_size, ==, 0);
  close (wal_fd);
  close (shm_fd);

  /* The reader of the old file and a reader of the new one both work. */
  g_assert_cmpuint (hl_topic_store_count_topics (hl_library_get_store (library), "en", NULL), ==,
                    STARTER_EN);
  reader = hl_test_open_store (path);
  g_assert_cmpuint (hl_topic_store_count_topics (reader, "en", NULL), ==, 1);

  wait_for (library, has_small_library, "the library to follow the new file");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  hl_test_use_source_data ();

  g_test_add_func ("/core/library/follows-other-import", test_follows_other_import);
  g_test_add_func ("/core/library/deferred-update", test_deferred_update);
  g_test_add_func ("/core/library/deferred-then-released", test_deferred_then_released);
  g_test_add_func ("/core/library/own-import-switches-once", test_own_import_switches_once);
  g_test_add_func ("/core/library/unreadable-file-not-taken", test_unreadable_file_not_taken);
  g_test_add_func ("/core/library/broken-library-recovers", test_broken_library_recovers);
  g_test_add_func ("/core/library/keeps-open-journal-files", test_keeps_open_journal_files);

  return g_test_run ();
}
