/* bench-util.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Clocks and statistics */

typedef struct
{
  guint  n;
  double min;
  double p50;
  double p95;
  double p99;
  double max;
  double mean;
} Stats;

/* The monotonic clock, in nanoseconds. */
gint64 now_ns (void);
/* The milliseconds since @start_ns, a value of now_ns(). */
double ms_since (gint64 start_ns);
/* The count, minimum, nearest-rank percentiles, maximum and mean of @n values. */
Stats compute_stats (const double *values,
                     guint         n);

/* Files and processes */

/* The size of the file at @path in bytes, or -1 when it cannot be read. */
goffset file_size (const char *path);
/* Deletes @path and everything below it (never following links). */
void remove_tree (const char *path);
/* The folder of the project's tests (G_TEST_SRCDIR, else the source tree's). */
const char *tests_dir (void);
/* The path of this program, for starting it again; NULL when not found. */
char *self_executable (const char *argv0);
/* The first line of the file at @path, or NULL when it cannot be read. */
char *read_first_line (const char *path);
/* The peak resident set of this process (VmHWM) in kB, or -1 when unknown. */
long own_vm_hwm_kb (void);
/* Writes a corpus of @n_topics topics to @path with tests/gen-corpus.py. */
gboolean generate_corpus (const char  *path,
                          guint        n_topics,
                          double      *seconds,
                          GError     **error);

G_END_DECLS
