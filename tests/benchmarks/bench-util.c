/* bench-util.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The helpers that bench-core's measurements share: clocks, statistics,
 * files and processes. */

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"

/* ------------------------------------------------------------------------ */
/* Clocks and statistics */

gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

double
ms_since (gint64 start_ns)
{
  return (now_ns () - start_ns) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

/* Nearest-rank percentile (@p in percent) of sorted values. */
static double
percentile (const double *sorted,
            guint         n,
            guint         p)
{
  guint64 rank;

  if (n == 0)
    return 0;
  rank = ((guint64) p * n + 99) / 100;
  rank = CLAMP (rank, 1, n);
  return sorted[rank - 1];
}

Stats
compute_stats (const double *values,
               guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, sizeof (double) * MAX (n, 1));
  Stats stats = { 0 };
  double sum = 0;

  if (n == 0)
    return stats;

  qsort (sorted, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += sorted[i];

  stats.n = n;
  stats.min = sorted[0];
  stats.p50 = percentile (sorted, n, 50);
  stats.p95 = percentile (sorted, n, 95);
  stats.p99 = percentile (sorted, n, 99);
  stats.max = sorted[n - 1];
  stats.mean = sum / n;
  return stats;
}

/* ------------------------------------------------------------------------ */
/* Files and processes */

goffset
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return st.st_size;
}

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

/* The folder of the project's tests: G_TEST_SRCDIR under meson, else the one
 * this program was built from. */
const char *
tests_dir (void)
{
  const char *dir = g_getenv ("G_TEST_SRCDIR");

  if (dir != NULL && *dir != '\0')
    return dir;
  return HL_BENCH_TESTS_DIR;
}

char *
self_executable (const char *argv0)
{
  g_autofree char *link = g_file_read_link ("/proc/self/exe", NULL);

  if (link != NULL)
    return g_steal_pointer (&link);
  if (strchr (argv0, G_DIR_SEPARATOR) == NULL)
    return g_find_program_in_path (argv0);
  if (g_path_is_absolute (argv0))
    return g_strdup (argv0);
  return g_canonicalize_filename (argv0, NULL);
}

char *
read_first_line (const char *path)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  g_strchomp (contents);
  if (strchr (contents, '\n') != NULL)
    *strchr (contents, '\n') = '\0';
  return g_steal_pointer (&contents);
}

/* The peak resident set of this process, from Linux's VmHWM, in kB; -1 when
 * unknown. */
long
own_vm_hwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

gboolean
generate_corpus (const char  *path,
                 guint        n_topics,
                 double      *seconds,
                 GError     **error)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = g_build_filename (tests_dir (), "gen-corpus.py", NULL);
  g_autofree char *topics = g_strdup_printf ("%u", n_topics);
  g_autofree char *errors = NULL;
  const char *argv[] = { python, script, "--topics", topics, "--out", path, "--quiet", NULL };
  gint64 start = g_get_monotonic_time ();
  int status;

  if (python == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "python3 is not installed");
      return FALSE;
    }
  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s not found", script);
      return FALSE;
    }

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &errors, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "gen-corpus.py: %s: ", errors ? errors : "");
      return FALSE;
    }

  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return TRUE;
}
