/* test-import-faults.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Faults during an import: killed at each stage, a full disk, a read-only
 * folder. Each leaves the previous library usable, and says what happened
 * when it can. */

#include "config.h"

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hl-error.h"
#include "hl-medlineplus-importer-private.h"
#include "hl-topic-store.h"

#include "test-util.h"

/* The big corpus: 1,500 topics, about 20 MB of XML. */
#define BIG_TOPICS 1500

/* Where the child is stopped or signals, and what it does then. */
typedef enum
{
  POINT_PARSING,     /* half the file read, the writer thread writing: killed at once */
  POINT_FINISHING,   /* the indexes being built: killed at once */
  POINT_REPLACING,   /* complete and synced, not renamed: killed there */
  POINT_REPLACED,    /* renamed into place: killed there */
} KillPoint;

static const char *point_names[] = { "parsing", "finishing", "replacing", "replaced" };

typedef struct
{
  KillPoint point;
  int       fd;
  gboolean  told;
} Child;

/* Tells the parent the point is reached; blocks there when asked to. */
static void
reached (Child    *child,
         gboolean  block)
{
  char c = 'x';

  if (child->told)
    return;
  child->told = TRUE;
  g_assert_cmpint (write (child->fd, &c, 1), ==, 1);
  while (block)
    pause ();
}

static void
child_progress_cb (double   fraction,
                   gpointer user_data)
{
  Child *child = user_data;

  if (child->point == POINT_PARSING && fraction >= 0.5)
    reached (child, FALSE);
}

static void
child_stage_cb (HlImportStage stage,
                gpointer      user_data)
{
  Child *child = user_data;

  if (child->point == POINT_FINISHING && stage == HL_IMPORT_STAGE_FINISHING)
    reached (child, FALSE);
  else if (child->point == POINT_REPLACING && stage == HL_IMPORT_STAGE_REPLACING)
    reached (child, TRUE);
  else if (child->point == POINT_REPLACED && stage == HL_IMPORT_STAGE_REPLACED)
    reached (child, TRUE);
}

/* Starts the import of @topics in a child, waits for it to reach @point,
 * and kills it with SIGKILL. */
static void
kill_import_at (const char *topics,
                const char *library,
                KillPoint   point)
{
  int fds[2];
  struct pollfd poll_fd;
  int status = 0;
  char c;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      HlMedlinePlusImporter *importer = hl_test_new_importer (topics, library);
      Child child = { point, fds[1], FALSE };

      close (fds[0]);
      hl_medlineplus_importer_set_progress_func (importer, child_progress_cb, &child, NULL);
      hl_medlineplus_importer_set_stage_func (importer, child_stage_cb, &child);
      hl_medlineplus_importer_run (importer, NULL, NULL);
      /* Not killed in time: the parent sees an exit, not SIGKILL. */
      _exit (3);
    }

  close (fds[1]);
  poll_fd.fd = fds[0];
  poll_fd.events = POLLIN;
  /* Under valgrind on a busy machine the import can take minutes to get
   * there; the wait ends as soon as it does. */
  g_assert_cmpint (poll (&poll_fd, 1, 300 * 1000), ==, 1);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  close (fds[0]);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (!WIFSIGNALED (status))
    g_test_fail_printf ("the import ended (status %d) before it was killed %s", status,
                        point_names[point]);
  else
    g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

static void
test_kill (gconstpointer data)
{
  KillPoint point = GPOINTER_TO_INT (data);
  g_autofree char *dir = hl_test_scratch_dir (point_names[point]);
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *big = hl_test_generate_corpus (dir, BIG_TOPICS);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint leftovers;

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  kill_import_at (big, library, point);
  leftovers = hl_test_count_leftovers (dir);
  g_test_message ("killed while %s: %u file(s) left over", point_names[point], leftovers);

  if (point == POINT_REPLACED)
    {
      /* Renamed before the kill: the new library, whole. */
      store = hl_test_open_store (library);
      g_assert_cmpuint (hl_topic_store_count_topics (store, NULL, &error), ==, BIG_TOPICS);
      g_assert_no_error (error);
      g_assert_false (hl_topic_store_is_sample (store));
      g_assert_cmpuint (leftovers, ==, 0);
    }
  else
    {
      g_autoptr(GBytes) after = hl_test_read_bytes (library);

      /* The old library, byte for byte, still reading as before; the
       * half-built one beside it. */
      g_assert_true (g_bytes_equal (before, after));
      hl_test_assert_counts (library, STARTER_EN, STARTER_ES);
      g_assert_cmpuint (leftovers, ==, 1);
    }

  /* The next import succeeds and clears what the killed one left. */
  hl_test_import_or_die (starter, library);
  g_assert_cmpuint (hl_test_count_leftovers (dir), ==, 0);
  hl_test_assert_counts (library, STARTER_EN, STARTER_ES);
}

/* A full disk. A small tmpfs is mounted in a child's own mount namespace
 * (as root, or in a user namespace otherwise); where neither can be had,
 * the child's file size limit (RLIMIT_FSIZE) makes writes fail the same way
 * at the same size. */

#define DISK_BYTES (3 * 1024 * 1024)

static const char *
limit_disk (const char *dir)
{
  g_autofree char *options = g_strdup_printf ("size=%d,mode=0700", DISK_BYTES);
  struct rlimit limit = { DISK_BYTES, DISK_BYTES };

  if (unshare (CLONE_NEWNS) != 0)
    {
      uid_t uid = getuid ();
      gid_t gid = getgid ();

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) == 0)
        {
          g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) uid);
          g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) gid);

          g_file_set_contents ("/proc/self/setgroups", "deny", -1, NULL);
          g_file_set_contents ("/proc/self/uid_map", uid_map, -1, NULL);
          g_file_set_contents ("/proc/self/gid_map", gid_map, -1, NULL);
        }
    }

  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
      mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) == 0)
    return "a tmpfs of 3 MB";

  /* Writes past the limit then fail with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  return "RLIMIT_FSIZE of 3 MB";
}

static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *library = NULL;
  g_autofree char *starter = NULL;
  g_autofree char *big = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  const char *how;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = hl_test_scratch_dir ("disk-full");
  big = hl_test_generate_corpus (dir, BIG_TOPICS);
  disk = g_build_filename (dir, "disk", NULL);
  g_assert_cmpint (g_mkdir_with_parents (disk, 0700), ==, 0);
  how = limit_disk (disk);
  g_printerr ("disk full: %s\n", how);

  library = hl_test_library_in (disk);
  starter = hl_test_starter_path ();
  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  /* The big library does not fit next to the small one. */
  g_assert_false (hl_test_import_file (big, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_NO_SPACE);
  if (error != NULL)
    {
      g_printerr ("disk full: %s\n", error->message);
      g_assert_nonnull (strstr (error->message, disk));
      g_assert_nonnull (strstr (error->message, "not enough space"));
    }
  hl_test_assert_library_unchanged (library, before);

  /* The half-built file is gone, so the space is free again. */
  hl_test_import_or_die (starter, library);
  hl_test_assert_counts (library, STARTER_EN, STARTER_ES);
}

/* An import into a folder we may not write (as "nobody" when the tests run
 * as root) says so and changes nothing. */

#define READ_ONLY_DIR_VARIABLE "HEALTH_LIBRARY_TEST_READ_ONLY_DIR"

static void
test_read_only_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *library = NULL;
  g_autofree char *starter = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) before = NULL;
      g_autofree char *bom = hl_test_malformed_path ("bom.xml");

      dir = g_strdup (g_getenv (READ_ONLY_DIR_VARIABLE));
      library = hl_test_library_in (dir);
      before = hl_test_read_bytes (library);
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgroups (0, NULL), ==, 0);
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }

      g_assert_false (hl_test_import_file (bom, library, &error));
      g_assert_error (error, HL_ERROR, HL_ERROR_PERMISSION);
      if (error != NULL)
        {
          g_printerr ("read-only folder: %s\n", error->message);
          g_assert_nonnull (strstr (error->message, dir));
          g_assert_nonnull (strstr (error->message, "read-only"));
        }
      hl_test_assert_library_unchanged (library, before);
      return;
    }

  dir = g_dir_make_tmp ("health-library-read-only-XXXXXX", &error);
  g_assert_no_error (error);
  library = hl_test_library_in (dir);
  starter = hl_test_starter_path ();
  hl_test_import_or_die (starter, library);
  /* No lock file yet: the child may not make one. */
  {
    g_autofree char *lock = g_strconcat (library, ".lock", NULL);
    g_unlink (lock);
  }
  g_assert_cmpint (g_chmod (library, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_setenv (READ_ONLY_DIR_VARIABLE, dir, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv (READ_ONLY_DIR_VARIABLE);

  g_chmod (dir, 0755);
  hl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (point_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/importer/faults/kill-%s", point_names[i]);

      g_test_add_data_func (path, GINT_TO_POINTER (i), test_kill);
    }
  g_test_add_func ("/core/importer/faults/disk-full", test_disk_full);
  g_test_add_func ("/core/importer/faults/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
