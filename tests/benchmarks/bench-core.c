/* bench-core.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Figures for the core on a full-size corpus: import time (against a bare
 * libxml2 parse of the same file), the import's peak memory, the library's
 * size, search latency and page rendering time. It prints figures and never
 * fails on a slow result: see README.md in this folder. */

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hl-medlineplus-importer.h"
#include "hl-topic-store.h"

#include "bench-render.h"
#include "bench-search.h"
#include "bench-util.h"

/* Targets from the performance issue. */
#define TARGET_IMPORT_SECONDS  0.5
#define TARGET_SEARCH_P95_MS   1.0
#define TARGET_RENDER_P95_MS   2.0
/* The import's memory counts as bounded when doubling the file adds less
 * than this share of the extra bytes to the peak. */
#define TARGET_MEMORY_GROWTH   0.25

#define MB(bytes) ((double) (bytes) / 1e6)
/* ru_maxrss and VmHWM are in KiB. */
#define KB_TO_MB(kb) ((double) (kb) * 1024 / 1e6)

/* ------------------------------------------------------------------------ */
/* Options */

static char *opt_corpus = NULL;
static int opt_runs = 5;
static int opt_queries = 300;
static char *opt_import_only = NULL;
static char **opt_rest = NULL;

static const GOptionEntry entries[] = {
  { "corpus", 'c', 0, G_OPTION_ARG_FILENAME, &opt_corpus,
    "MedlinePlus topic XML to use (default: generate one with tests/gen-corpus.py)", "FILE" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs,
    "Number of timed imports (default 5)", "N" },
  { "queries", 'q', 0, G_OPTION_ARG_INT, &opt_queries,
    "Number of search queries (default 300)", "N" },
  /* Internal: one import in a fresh process, for its peak memory. */
  { "import-only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_import_only,
    NULL, "FILE" },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME_ARRAY, &opt_rest,
    NULL, NULL },
  { NULL }
};

static const char *
yes_no (gboolean met)
{
  return met ? "yes" : "NO";
}

/* ------------------------------------------------------------------------ */
/* Import */

typedef struct
{
  guint n_english;
  guint n_spanish;
  guint n_sites;
  guint n_groups;
  guint n_skipped;
} ImportCounts;

static gboolean
import_once (const char    *corpus,
             const char    *library,
             double        *seconds,
             ImportCounts  *counts,
             GError       **error)
{
  g_autoptr(HlMedlinePlusImporter) importer = hl_medlineplus_importer_new (corpus);
  gint64 start;
  gboolean ok;

  hl_medlineplus_importer_set_library_path (importer, library);

  start = g_get_monotonic_time ();
  ok = hl_medlineplus_importer_run (importer, NULL, error);
  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (!ok)
    return FALSE;

  if (counts != NULL)
    {
      counts->n_english = hl_medlineplus_importer_get_n_topics (importer, "en");
      counts->n_spanish = hl_medlineplus_importer_get_n_topics (importer, "es");
      counts->n_sites = hl_medlineplus_importer_get_n_sites (importer);
      counts->n_groups = hl_medlineplus_importer_get_n_groups (importer);
      counts->n_skipped = hl_medlineplus_importer_get_n_skipped (importer);
    }
  return TRUE;
}

/* The hidden child mode: bench-core --import-only FILE LIBRARY. Prints its
 * peak resident set before the import, its own peak (VmHWM) after it and the
 * most SQLite had allocated at any time. */
static int
run_import_only (const char *corpus,
                 const char *library)
{
  g_autoptr(GError) error = NULL;
  long baseline_kb = own_vm_hwm_kb ();
  ImportCounts counts = { 0 };
  double seconds;

  if (baseline_kb < 0)
    {
      struct rusage usage;

      getrusage (RUSAGE_SELF, &usage);
      baseline_kb = usage.ru_maxrss;
    }

  sqlite3_memory_highwater (TRUE);
  if (!import_once (corpus, library, &seconds, &counts, &error))
    {
      g_printerr ("import failed: %s\n", error->message);
      return 1;
    }

  g_print ("baseline-kb %ld hwm-kb %ld sqlite-kb %ld seconds %.4f topics %u\n",
           baseline_kb, own_vm_hwm_kb (), (long) (sqlite3_memory_highwater (FALSE) / 1024),
           seconds, counts.n_english + counts.n_spanish + counts.n_skipped);
  return 0;
}

typedef struct
{
  long   peak_kb;      /* wait4() ru_maxrss of the child */
  long   hwm_kb;       /* the child's own VmHWM, or -1 */
  long   baseline_kb;  /* before the import started */
  long   sqlite_kb;    /* sqlite3_memory_highwater() */
  double seconds;
  guint  n_topics;
} MemoryFigures;

/* Runs one import in a new process (this program in --import-only mode) and
 * collects that process's peak resident set with wait4(). */
static gboolean
measure_import_memory (const char     *self_exe,
                       const char     *corpus,
                       const char     *library,
                       MemoryFigures  *figures,
                       GError        **error)
{
  const char *argv[] = { self_exe, "--import-only", corpus, library, NULL };
  GString *output = g_string_new (NULL);
  g_autofree char *text = NULL;
  struct rusage usage;
  char buffer[4096];
  GPid pid;
  int out_fd;
  int status;
  ssize_t n;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, error))
    {
      g_string_free (output, TRUE);
      return FALSE;
    }

  while ((n = read (out_fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          break;
        }
      g_string_append_len (output, buffer, n);
    }
  close (out_fd);
  text = g_string_free (output, FALSE);

  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "wait4: %s", g_strerror (saved_errno));
          return FALSE;
        }
    }
  g_spawn_close_pid (pid);

  if (!g_spawn_check_wait_status (status, error))
    return FALSE;

  figures->peak_kb = usage.ru_maxrss;
  figures->hwm_kb = -1;
  figures->baseline_kb = -1;
  figures->sqlite_kb = -1;
  figures->seconds = 0;
  figures->n_topics = 0;
  if (sscanf (text, "baseline-kb %ld hwm-kb %ld sqlite-kb %ld seconds %lf topics %u",
              &figures->baseline_kb, &figures->hwm_kb, &figures->sqlite_kb,
              &figures->seconds, &figures->n_topics) != 5)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "unexpected output from the import child: %s", text);
      return FALSE;
    }

  return TRUE;
}

static void
print_memory_line (const char          *label,
                   goffset              file_bytes,
                   const MemoryFigures *figures)
{
  g_print ("  %-15s %5.1f MB XML, %u topics: peak %5.1f MB (own VmHWM %.1f MB), "
           "%.1f MB before the import, SQLite's allocations at most %.1f MB; import %.2f s\n",
           label, MB (file_bytes), figures->n_topics, KB_TO_MB (figures->peak_kb),
           KB_TO_MB (figures->hwm_kb), KB_TO_MB (figures->baseline_kb),
           KB_TO_MB (figures->sqlite_kb), figures->seconds);
}

/* ------------------------------------------------------------------------ */
/* xmllint */

static gboolean
time_xmllint (const char  *xmllint,
              const char  *corpus,
              double      *seconds,
              GError     **error)
{
  const char *argv[] = { xmllint, "--stream", "--noout", corpus, NULL };
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, error))
    return FALSE;
  *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  return g_spawn_check_wait_status (status, error);
}

/* ------------------------------------------------------------------------ */
/* Library size */

typedef struct
{
  goffset db_bytes;
  goffset wal_bytes;
  gint64  fts_bytes;      /* -1 when dbstat is not available */
  GString *breakdown;
} SizeFigures;

static void
measure_library_size (const char  *library,
                      SizeFigures *figures)
{
  g_autofree char *wal = g_strconcat (library, "-wal", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint shown = 0;

  figures->db_bytes = file_size (library);
  figures->wal_bytes = MAX (file_size (wal), 0);
  figures->fts_bytes = -1;
  figures->breakdown = g_string_new (NULL);

  /* The dbstat virtual table is compiled into Debian's SQLite; elsewhere it
   * may be missing, and then this is skipped. */
  if (sqlite3_open_v2 (library, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "SELECT name, sum(pgsize) FROM dbstat"
                          " GROUP BY name ORDER BY 2 DESC",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_string_append_printf (figures->breakdown, "  (dbstat not available: %s)\n",
                              db ? sqlite3_errmsg (db) : "cannot open");
      sqlite3_close (db);
      return;
    }

  figures->fts_bytes = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      gint64 bytes = sqlite3_column_int64 (stmt, 1);

      /* The FTS5 tables search_en, search_es, names_en, names_es and their
       * shadow tables (…_data, …_idx, …_content, …_docsize, …_config). */
      if (g_str_has_prefix (name, "search_") || g_str_has_prefix (name, "names_"))
        figures->fts_bytes += bytes;
      if (shown++ < 8)
        g_string_append_printf (figures->breakdown, "    %-24s %7.2f MB\n", name, MB (bytes));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* ------------------------------------------------------------------------ */

/* How busy the machine was: the other engineers' builds share it. */
typedef struct
{
  guint64 busy;    /* clock ticks, all processors */
  guint64 total;
  double  own;     /* CPU seconds of this process and its children */
  gint64  wall;    /* microseconds */
} CpuSample;

static gboolean
sample_cpu (CpuSample *sample)
{
  g_autofree char *line = read_first_line ("/proc/stat");
  guint64 v[8] = { 0 };
  struct rusage self_usage, children_usage;

  sample->wall = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &self_usage);
  getrusage (RUSAGE_CHILDREN, &children_usage);
  sample->own = self_usage.ru_utime.tv_sec + self_usage.ru_utime.tv_usec / 1e6 +
                self_usage.ru_stime.tv_sec + self_usage.ru_stime.tv_usec / 1e6 +
                children_usage.ru_utime.tv_sec + children_usage.ru_utime.tv_usec / 1e6 +
                children_usage.ru_stime.tv_sec + children_usage.ru_stime.tv_usec / 1e6;

  /* cpu  user nice system idle iowait irq softirq steal */
  if (line == NULL ||
      sscanf (line, "cpu %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
              " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
              " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
              &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]) < 5)
    return FALSE;

  sample->total = v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7];
  sample->busy = sample->total - v[3] - v[4];
  return TRUE;
}

/* The share of all processors that other processes used between two
 * samples, in percent; negative when unknown. */
static double
others_cpu_percent (const CpuSample *start,
                    const CpuSample *end)
{
  long ticks = sysconf (_SC_CLK_TCK);
  double busy, total, own;

  if (ticks <= 0 || end->total <= start->total)
    return -1;
  busy = (double) (end->busy - start->busy) / ticks;
  total = (double) (end->total - start->total) / ticks;
  own = end->own - start->own;
  return 100 * MAX (busy - own, 0) / total;
}

static void
print_others (gboolean         have_start,
              const CpuSample *start)
{
  CpuSample end;

  if (have_start && sample_cpu (&end) && others_cpu_percent (start, &end) >= 0)
    g_print ("  machine            other processes used %.0f%% of the processors meanwhile\n",
             others_cpu_percent (start, &end));
}

/* Queries and results are UTF-8: write them as they are whatever the locale
 * (g_print() would turn “é” into “?” under the C locale meson may use). */
static void
print_utf8 (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

static void
print_environment (void)
{
  g_autofree char *load = read_first_line ("/proc/loadavg");

  g_print ("Machine: %u processors, load average %s\n", g_get_num_processors (),
           load ? load : "unknown");
  g_print ("Libraries: GLib %u.%u.%u, SQLite %s\n", glib_major_version, glib_minor_version,
           glib_micro_version, sqlite3_libversion ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *double_corpus = NULL;
  g_autofree char *library = NULL;
  g_autofree char *self_exe = NULL;
  g_autofree char *xmllint = NULL;
  g_autofree double *import_times = NULL;
  g_autofree double *xmllint_times = NULL;
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(GArray) queries = NULL;
  Material material = { 0 };
  CpuSample cpu_start = { 0 };
  CpuSample cpu_end = { 0 };
  gboolean have_cpu;
  CpuSample phase_cpu = { 0 };
  gboolean have_phase_cpu;
  ImportCounts counts = { 0 };
  MemoryFigures memory = { 0 };
  MemoryFigures double_memory = { 0 };
  SizeFigures size = { 0 };
  Stats import_stats;
  Stats xmllint_stats = { 0 };
  Stats search_stats;
  Stats search_rest_stats = { 0 };
  Stats render_stats;
  gboolean have_memory = FALSE;
  gboolean have_double = FALSE;
  goffset corpus_bytes;
  goffset double_bytes = 0;
  const char *search_word;
  const char *typo_word;
  guint n_topics;

  g_set_print_handler (print_utf8);

  context = g_option_context_new ("- Health Library core benchmark");
  g_option_context_set_summary (context,
                                "Times the import, search and page rendering on a full-size corpus\n"
                                "and prints the figures (it never fails on a slow result).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* Like the tests: the data (topic groups, clinics) of the source tree. */
  if (g_getenv ("HEALTH_LIBRARY_DATADIR") == NULL)
    {
      g_autofree char *data_dir = g_build_filename (tests_dir (), "..", "data", NULL);

      g_setenv ("HEALTH_LIBRARY_DATADIR", data_dir, TRUE);
    }

  if (opt_import_only != NULL)
    {
      if (opt_rest == NULL || opt_rest[0] == NULL)
        {
          g_printerr ("--import-only FILE LIBRARY\n");
          return 2;
        }
      return run_import_only (opt_import_only, opt_rest[0]);
    }

  opt_runs = MAX (opt_runs, 1);
  opt_queries = MAX (opt_queries, N_KINDS);

  print_environment ();
  have_cpu = sample_cpu (&cpu_start);

  tmp_dir = g_dir_make_tmp ("hl-bench-XXXXXX", &error);
  if (tmp_dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  library = g_build_filename (tmp_dir, "library.db", NULL);
  self_exe = self_executable (argv[0]);

  /* The corpus */
  if (opt_corpus != NULL)
    corpus = g_strdup (opt_corpus);
  else
    {
      double seconds;

      corpus = g_build_filename (tmp_dir, "mplus_topics_synthetic.xml", NULL);
      if (!generate_corpus (corpus, 2050, &seconds, &error))
        {
          g_printerr ("Could not generate the corpus: %s\n", error->message);
          remove_tree (tmp_dir);
          return 1;
        }
      g_print ("Corpus: generated by tests/gen-corpus.py --topics 2050 in %.1f s\n", seconds);
    }
  corpus_bytes = file_size (corpus);
  if (corpus_bytes < 0)
    {
      g_printerr ("%s: not found\n", corpus);
      remove_tree (tmp_dir);
      return 1;
    }
  g_print ("Corpus: %s, %.1f MB\n\n", opt_corpus ? corpus : "synthetic", MB (corpus_bytes));

  /* Peak memory first, while this process is still small: Linux carries a
   * process's high-water mark over exec(), and GLib may spawn with vfork(),
   * so a child started by a big parent could report the parent's peak. */
  if (self_exe == NULL)
    g_print ("Import peak memory: skipped (cannot find this program)\n\n");
  else
    {
      g_autofree char *memory_library = g_build_filename (tmp_dir, "memory.db", NULL);

      if (!measure_import_memory (self_exe, corpus, memory_library, &memory, &error))
        {
          g_print ("Import peak memory: skipped (%s)\n\n", error->message);
          g_clear_error (&error);
        }
      else
        have_memory = TRUE;

      if (have_memory)
        {
          double seconds;

          /* The same kind of file with twice as many topics. */
          double_corpus = g_build_filename (tmp_dir, "mplus_topics_double.xml", NULL);
          if (!generate_corpus (double_corpus, MAX (memory.n_topics, 1) * 2, &seconds, &error))
            {
              g_print ("Import peak memory, twice as large: skipped (%s)\n", error->message);
              g_clear_error (&error);
            }
          else
            {
              double_bytes = file_size (double_corpus);
              if (!measure_import_memory (self_exe, double_corpus, memory_library, &double_memory, &error))
                {
                  g_print ("Import peak memory, twice as large: skipped (%s)\n", error->message);
                  g_clear_error (&error);
                }
              else
                have_double = TRUE;
            }
          g_unlink (double_corpus);
        }
      g_unlink (memory_library);
    }

  if (have_memory)
    {
      g_print ("Import peak memory (one import in a fresh process: ru_maxrss from wait4)\n");
      print_memory_line ("corpus", corpus_bytes, &memory);
      if (have_double)
        print_memory_line ("twice as large", double_bytes, &double_memory);
      g_print ("\n");
    }

  /* Import */
  import_times = g_new (double, opt_runs);
  have_phase_cpu = sample_cpu (&phase_cpu);
  for (int i = 0; i < opt_runs; i++)
    {
      if (!import_once (corpus, library, &import_times[i], &counts, &error))
        {
          g_printerr ("Import failed: %s\n", error->message);
          remove_tree (tmp_dir);
          return 1;
        }
    }
  import_stats = compute_stats (import_times, opt_runs);
  n_topics = counts.n_english + counts.n_spanish;

  g_print ("Import (hl_medlineplus_importer_run, %d runs, file in the page cache)\n", opt_runs);
  g_print ("  wall               min %.3f  median %.3f  max %.3f s\n",
           import_stats.min, import_stats.p50, import_stats.max);
  g_print ("  runs              ");
  for (int i = 0; i < opt_runs; i++)
    g_print (" %.3f", import_times[i]);
  g_print (" s\n");
  g_print ("  content            %u topics (%u en, %u es), %u sites, %u groups, %u skipped\n",
           n_topics, counts.n_english, counts.n_spanish, counts.n_sites, counts.n_groups,
           counts.n_skipped);
  g_print ("  throughput         %.1f MB/s\n", MB (corpus_bytes) / import_stats.p50);
  print_others (have_phase_cpu, &phase_cpu);

  xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL)
    g_print ("  xmllint            skipped: xmllint is not installed\n");
  else
    {
      xmllint_times = g_new (double, opt_runs);
      for (int i = 0; i < opt_runs && xmllint != NULL; i++)
        {
          if (!time_xmllint (xmllint, corpus, &xmllint_times[i], &error))
            {
              g_print ("  xmllint            skipped: %s\n", error->message);
              g_clear_error (&error);
              g_clear_pointer (&xmllint, g_free);
            }
        }
      if (xmllint != NULL)
        {
          xmllint_stats = compute_stats (xmllint_times, opt_runs);
          g_print ("  xmllint --stream --noout  min %.3f  median %.3f  max %.3f s\n",
                   xmllint_stats.min, xmllint_stats.p50, xmllint_stats.max);
          g_print ("  ratio import/xmllint  %.2f (medians)\n", import_stats.p50 / xmllint_stats.p50);
        }
    }
  g_print ("\n");

  /* Library size */
  measure_library_size (library, &size);
  g_print ("Library on disk\n");
  g_print ("  %.2f MB (%.2f MB database + %.2f MB WAL), %.2f× the XML\n",
           MB (size.db_bytes + size.wal_bytes), MB (size.db_bytes), MB (size.wal_bytes),
           (double) (size.db_bytes + size.wal_bytes) / corpus_bytes);
  if (size.fts_bytes >= 0)
    g_print ("  full-text indexes (search_*, names_*): %.2f MB, %.0f%% of the file; largest objects:\n",
             MB (size.fts_bytes), 100.0 * size.fts_bytes / MAX (size.db_bytes, 1));
  g_print ("%s\n", size.breakdown->str);

  /* Search */
  store = hl_topic_store_open (library, &error);
  if (store == NULL)
    {
      g_printerr ("Could not open the library: %s\n", error->message);
      remove_tree (tmp_dir);
      return 1;
    }
  collect_material (store, &material);
  queries = build_queries (store, &material, opt_queries);
  have_phase_cpu = sample_cpu (&phase_cpu);
  search_stats = run_search_benchmark (store, queries, &search_rest_stats);
  print_others (have_phase_cpu, &phase_cpu);
  g_print ("\n");

  /* Render */
  search_word = "health";
  typo_word = "diabetos";
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = &g_array_index (queries, Query, i);

      if (query->kind == KIND_WORD && query->hits >= 20 && g_str_equal (query->language, "en"))
        {
          search_word = query->text;
          break;
        }
    }
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = &g_array_index (queries, Query, i);

      if (query->kind == KIND_TYPO && query->hits == 0)
        {
          typo_word = query->text;
          break;
        }
    }
  have_phase_cpu = sample_cpu (&phase_cpu);
  render_stats = run_render_benchmark (store, &material, search_word, typo_word);
  print_others (have_phase_cpu, &phase_cpu);
  g_print ("\n");

  /* Summary */
  g_print ("Summary (paste into the README's performance table)\n");
  g_print ("| Measure | Result | Target |\n");
  g_print ("|---|---|---|\n");
  g_print ("| Import, %u topics, %.1f MB XML | %.2f s median of %d (min %.2f) | < %.1f s |\n",
           n_topics, MB (corpus_bytes), import_stats.p50, opt_runs, import_stats.min,
           TARGET_IMPORT_SECONDS);
  if (xmllint_stats.n > 0)
    g_print ("| `xmllint --stream --noout`, same file | %.2f s (import is %.1f×) | |\n",
             xmllint_stats.p50, import_stats.p50 / xmllint_stats.p50);
  g_print ("| Search, %u queries, p50 / p95 / max | %.2f / %.2f / %.2f ms | p95 < %.0f ms |\n",
           search_stats.n, search_stats.p50, search_stats.p95, search_stats.max, TARGET_SEARCH_P95_MS);
  g_print ("| Search without one-letter queries, p50 / p95 | %.2f / %.2f ms | |\n",
           search_rest_stats.p50, search_rest_stats.p95);
  g_print ("| Topic page, %u pages, p50 / p95 / max | %.2f / %.2f / %.2f ms | p95 < %.0f ms |\n",
           render_stats.n, render_stats.p50, render_stats.p95, render_stats.max, TARGET_RENDER_P95_MS);
  if (size.fts_bytes >= 0)
    g_print ("| Library on disk | %.1f MB (full-text index %.0f%%) | |\n",
             MB (size.db_bytes + size.wal_bytes), 100.0 * size.fts_bytes / MAX (size.db_bytes, 1));
  else
    g_print ("| Library on disk | %.1f MB | |\n", MB (size.db_bytes + size.wal_bytes));
  if (have_memory && have_double)
    g_print ("| Import peak memory, %.0f MB / %.0f MB XML | %.0f MB / %.0f MB | bounded |\n",
             MB (corpus_bytes), MB (double_bytes),
             KB_TO_MB (memory.peak_kb), KB_TO_MB (double_memory.peak_kb));
  else if (have_memory)
    g_print ("| Import peak memory, %.0f MB XML | %.0f MB | bounded |\n",
             MB (corpus_bytes), KB_TO_MB (memory.peak_kb));
  g_print ("\n");

  {
    g_autofree char *load = read_first_line ("/proc/loadavg");

    if (have_cpu && sample_cpu (&cpu_end) && others_cpu_percent (&cpu_start, &cpu_end) >= 0)
      g_print ("Targets (load average now: %s; other processes used %.0f%% of the processors "
               "during the run)\n", load ? load : "unknown",
               others_cpu_percent (&cpu_start, &cpu_end));
    else
      g_print ("Targets (load average now: %s)\n", load ? load : "unknown");
  }
  g_print ("  import < %.1f s: %s (%.2f s median)\n", TARGET_IMPORT_SECONDS,
           yes_no (import_stats.p50 < TARGET_IMPORT_SECONDS), import_stats.p50);
  g_print ("  search p95 < %.0f ms: %s (%.3f ms)\n", TARGET_SEARCH_P95_MS,
           yes_no (search_stats.p95 < TARGET_SEARCH_P95_MS), search_stats.p95);
  g_print ("  topic page p95 < %.0f ms: %s (%.3f ms)\n", TARGET_RENDER_P95_MS,
           yes_no (render_stats.p95 < TARGET_RENDER_P95_MS), render_stats.p95);
  if (have_memory && have_double)
    {
      double extra_file = MB (double_bytes - corpus_bytes);
      double extra_peak = KB_TO_MB (double_memory.peak_kb - memory.peak_kb);

      g_print ("  import memory bounded (peak grows < %.0f%% of the extra file size): %s "
               "(%.1f MB → %.1f MB for %.1f MB more XML, %.0f%%; outside SQLite %.1f → %.1f MB)\n",
               100 * TARGET_MEMORY_GROWTH,
               yes_no (extra_peak < TARGET_MEMORY_GROWTH * extra_file),
               KB_TO_MB (memory.peak_kb), KB_TO_MB (double_memory.peak_kb),
               extra_file, extra_file > 0 ? 100 * extra_peak / extra_file : 0,
               KB_TO_MB (memory.peak_kb - memory.sqlite_kb),
               KB_TO_MB (double_memory.peak_kb - double_memory.sqlite_kb));
    }
  else
    g_print ("  import memory bounded: not measured\n");

  g_string_free (size.breakdown, TRUE);
  material_clear (&material);
  g_clear_pointer (&queries, g_array_unref);
  g_clear_object (&store);
  remove_tree (tmp_dir);

  return 0;
}
