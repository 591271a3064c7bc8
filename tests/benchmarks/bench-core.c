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
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hl-clinic-directory.h"
#include "hl-group.h"
#include "hl-medlineplus-importer.h"
#include "hl-page-renderer.h"
#include "hl-topic-ref.h"
#include "hl-text.h"
#include "hl-topic-store.h"

/* Targets from the performance issue. */
#define TARGET_IMPORT_SECONDS  0.5
#define TARGET_SEARCH_P95_MS   1.0
#define TARGET_RENDER_P95_MS   2.0
/* The import's memory counts as bounded when doubling the file adds less
 * than this share of the extra bytes to the peak. */
#define TARGET_MEMORY_GROWTH   0.25

#define SEARCH_LIMIT           HL_SEARCH_LIST_LIMIT   /* what the search box asks for */
#define PAGE_REPEATS           50
#define MAX_RENDERED_TOPICS    1000
#define QUERY_SEED             20260101

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

/* ------------------------------------------------------------------------ */
/* Clocks and statistics */

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static double
ms_since (gint64 start_ns)
{
  return (now_ns () - start_ns) / 1e6;
}

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

static Stats
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

static const char *
yes_no (gboolean met)
{
  return met ? "yes" : "NO";
}

/* ------------------------------------------------------------------------ */
/* Files and processes */

static goffset
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return st.st_size;
}

static void
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
static const char *
tests_dir (void)
{
  const char *dir = g_getenv ("G_TEST_SRCDIR");

  if (dir != NULL && *dir != '\0')
    return dir;
  return HL_BENCH_TESTS_DIR;
}

static char *
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

static char *
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
static long
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

static gboolean
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
/* Search queries, made from the library's own titles */

typedef enum
{
  KIND_TITLE,
  KIND_WORD,
  KIND_PREFIX,
  KIND_TWO_WORDS,
  KIND_ES_ACCENT,
  KIND_ES_FOLDED,
  KIND_UPPER,
  KIND_TYPO,
  KIND_NO_HIT,
  KIND_ONE_LETTER,
  N_KINDS
} QueryKind;

static const char * const kind_names[N_KINDS] = {
  "full title (en)",
  "title word",
  "prefix 2-4",
  "two words",
  "es with accents",
  "es accents folded",
  "upper case",
  "typo",
  "no hit",
  "one letter",
};

typedef struct
{
  QueryKind   kind;
  char       *text;
  const char *language;
  guint       hits;
  double      ms;
} Query;

static void
query_clear (gpointer data)
{
  Query *query = data;

  g_free (query->text);
}

enum { LANG_EN, LANG_ES, N_LANGS };
static const char * const languages[N_LANGS] = { "en", "es" };

typedef struct
{
  GPtrArray *titles[N_LANGS];
  GPtrArray *words[N_LANGS];     /* distinct lower-case title words, >= 3 letters */
  GPtrArray *accented;           /* Spanish title words with a non-ASCII letter */
  GPtrArray *typo_words;         /* ASCII title words of >= 5 letters */
  GArray    *topic_ids;
} Material;

static void
material_clear (Material *material)
{
  for (guint l = 0; l < N_LANGS; l++)
    {
      g_clear_pointer (&material->titles[l], g_ptr_array_unref);
      g_clear_pointer (&material->words[l], g_ptr_array_unref);
    }
  g_clear_pointer (&material->accented, g_ptr_array_unref);
  g_clear_pointer (&material->typo_words, g_ptr_array_unref);
  g_clear_pointer (&material->topic_ids, g_array_unref);
}

/* The words of @text in lower case. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = hl_text_split_words (text, 0);

  for (guint i = 0; i < words->len; i++)
    {
      char *word = g_ptr_array_index (words, i);

      g_ptr_array_index (words, i) = g_utf8_strdown (word, -1);
      g_free (word);
    }

  return words;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
sorted_keys (GHashTable *set)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (array, g_strdup (key));
  /* Hash order is not stable: sort, so that the queries depend on the
   * library only. */
  g_ptr_array_sort (array, compare_strings);
  return array;
}

static void
collect_material (HlTopicStore *store,
                  Material     *material)
{
  g_autoptr(GHashTable) accented = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) typo_words = g_hash_table_new (g_str_hash, g_str_equal);

  material->topic_ids = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint l = 0; l < N_LANGS; l++)
    {
      g_autoptr(GListModel) topics = hl_topic_store_list_topics_by_letter (store, languages[l], 0, NULL);
      g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint n = g_list_model_get_n_items (topics);

      material->titles[l] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (topics, i);
          g_autoptr(GPtrArray) title_words = split_words (hl_topic_ref_get_title (ref));
          int id = hl_topic_ref_get_id (ref);

          g_ptr_array_add (material->titles[l], g_strdup (hl_topic_ref_get_title (ref)));
          g_array_append_val (material->topic_ids, id);

          for (guint w = 0; w < title_words->len; w++)
            {
              char *word = g_ptr_array_index (title_words, w);

              if (g_utf8_strlen (word, -1) >= 3 && !g_hash_table_contains (words, word))
                g_hash_table_add (words, g_strdup (word));
            }
        }
      material->words[l] = sorted_keys (words);
    }

  for (guint i = 0; i < material->words[LANG_ES]->len; i++)
    {
      char *word = g_ptr_array_index (material->words[LANG_ES], i);

      if (!g_str_is_ascii (word))
        g_hash_table_add (accented, word);
    }
  for (guint l = 0; l < N_LANGS; l++)
    for (guint i = 0; i < material->words[l]->len; i++)
      {
        char *word = g_ptr_array_index (material->words[l], i);

        if (g_str_is_ascii (word) && strlen (word) >= 5)
          g_hash_table_add (typo_words, word);
      }
  material->accented = sorted_keys (accented);
  material->typo_words = sorted_keys (typo_words);
}

static const char *
pick (GPtrArray  *array,
      GRand      *rand,
      const char *fallback)
{
  if (array == NULL || array->len == 0)
    return fallback;
  return g_ptr_array_index (array, g_rand_int_range (rand, 0, array->len));
}

/* A made-up word, checked afterwards to find nothing. */
static char *
make_nonsense_word (GRand *rand)
{
  static const char consonants[] = "bcdfgjklmnpqrstvxz";
  static const char vowels[] = "aeiouy";
  GString *word = g_string_new ("q");

  for (guint i = 0; i < 7; i++)
    {
      if (i % 2 == 0)
        g_string_append_c (word, vowels[g_rand_int_range (rand, 0, sizeof vowels - 1)]);
      else
        g_string_append_c (word, consonants[g_rand_int_range (rand, 0, sizeof consonants - 1)]);
    }
  g_string_append_c (word, 'x');
  return g_string_free (word, FALSE);
}

static char *
make_query (Material   *material,
            QueryKind   kind,
            guint       lang,
            guint       round,
            GRand      *rand)
{
  if (kind == KIND_TITLE)
    return g_strdup (pick (material->titles[LANG_EN], rand, "health"));

  if (kind == KIND_WORD)
    return g_strdup (pick (material->words[lang], rand, "health"));

  if (kind == KIND_PREFIX)
    {
      const char *word = pick (material->words[lang], rand, "health");
      glong length = MIN (g_utf8_strlen (word, -1), 2 + (glong) (round % 3));

      return g_utf8_substring (word, 0, length);
    }

  if (kind == KIND_TWO_WORDS)
    {
      /* Half of them two neighbouring words of one title (found in titles),
       * half two words of different titles (found in summaries, if at all). */
      if (round % 2 == 0)
        {
          for (guint attempt = 0; attempt < 20; attempt++)
            {
              g_autoptr(GPtrArray) words = split_words (pick (material->titles[lang], rand, ""));

              if (words->len >= 2)
                {
                  guint first = g_rand_int_range (rand, 0, words->len - 1);

                  return g_strdup_printf ("%s %s", (char *) g_ptr_array_index (words, first),
                                          (char *) g_ptr_array_index (words, first + 1));
                }
            }
        }
      return g_strdup_printf ("%s %s", pick (material->words[lang], rand, "health"),
                              pick (material->words[lang], rand, "care"));
    }

  if (kind == KIND_ES_ACCENT)
    return g_strdup (pick (material->accented, rand, "presión"));

  if (kind == KIND_ES_FOLDED)
    return g_str_to_ascii (pick (material->accented, rand, "presión"), "C");

  if (kind == KIND_UPPER)
    {
      if (round % 2 == 0)
        return g_utf8_strup (pick (material->titles[lang], rand, "health"), -1);
      return g_utf8_strup (pick (material->words[lang], rand, "health"), -1);
    }

  if (kind == KIND_TYPO)
    {
      char *word = g_strdup (pick (material->typo_words, rand, "diabetes"));
      gsize length = strlen (word);
      gsize position = 1 + g_rand_int_range (rand, 0, length - 1);
      char c = g_ascii_tolower (word[position]);

      if (c >= 'a' && c <= 'z')
        word[position] = 'a' + (c - 'a' + g_rand_int_range (rand, 1, 26)) % 26;
      else
        word[position] = 'q';
      return word;
    }

  if (kind == KIND_NO_HIT)
    return make_nonsense_word (rand);

  if (kind == KIND_ONE_LETTER)
    return g_strdup_printf ("%c", 'a' + g_rand_int_range (rand, 0, 26));

  g_assert_not_reached ();
}

static GArray *
build_queries (HlTopicStore *store,
               Material     *material,
               guint         n_queries)
{
  GArray *queries = g_array_sized_new (FALSE, TRUE, sizeof (Query), n_queries);
  g_autoptr(GRand) rand = g_rand_new_with_seed (QUERY_SEED);

  g_array_set_clear_func (queries, query_clear);

  for (guint i = 0; i < n_queries; i++)
    {
      guint round = i / N_KINDS;
      Query query = { 0 };

      query.kind = i % N_KINDS;
      /* Languages alternate query by query, and each kind gets both. */
      query.language = languages[(i + round) % N_LANGS];
      query.text = make_query (material, query.kind, (i + round) % N_LANGS, round, rand);

      if (query.kind == KIND_NO_HIT)
        {
          /* Make sure it really finds nothing. */
          for (guint attempt = 0; attempt < 50; attempt++)
            {
              g_autoptr(GListModel) hits = hl_topic_store_search (store, query.text, query.language,
                                                                  SEARCH_LIMIT, NULL);

              if (hits == NULL || g_list_model_get_n_items (hits) == 0)
                break;
              g_free (query.text);
              query.text = make_nonsense_word (rand);
            }
        }

      g_array_append_val (queries, query);
    }

  return queries;
}

static void
print_stats_line (const char  *label,
                  const Stats *stats,
                  double       mean_hits,
                  const Query *worst)
{
  g_print ("  %-18s n=%-4u hits %5.1f  p50 %6.3f  p95 %6.3f  p99 %6.3f  max %6.3f ms",
           label, stats->n, mean_hits, stats->p50, stats->p95, stats->p99, stats->max);
  if (worst != NULL)
    g_print ("  (slowest “%s”, %s)", worst->text, worst->language);
  g_print ("\n");
}

static Stats
run_search_benchmark (HlTopicStore *store,
                      GArray       *queries,
                      Stats        *without_one_letter)
{
  g_autofree double *all = g_new (double, MAX (queries->len, 1));
  Stats stats;

  /* Warm-up: one untimed pass, which also counts the hits. */
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = &g_array_index (queries, Query, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) hits = hl_topic_store_search (store, query->text, query->language,
                                                          SEARCH_LIMIT, &error);

      if (hits == NULL)
        g_printerr ("search “%s” failed: %s\n", query->text, error->message);
      query->hits = hits ? g_list_model_get_n_items (hits) : 0;
    }

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = &g_array_index (queries, Query, i);
      GListModel *hits;
      gint64 start;

      start = now_ns ();
      hits = hl_topic_store_search (store, query->text, query->language, SEARCH_LIMIT, NULL);
      query->ms = ms_since (start);
      all[i] = query->ms;
      g_clear_object (&hits);
    }

  stats = compute_stats (all, queries->len);

  g_print ("Search (hl_topic_store_search, limit %d, snippets included; %u queries, "
           "en/es alternating, after one untimed pass)\n", SEARCH_LIMIT, queries->len);
  {
    double total_hits = 0;

    for (guint i = 0; i < queries->len; i++)
      total_hits += g_array_index (queries, Query, i).hits;
    print_stats_line ("all", &stats, queries->len ? total_hits / queries->len : 0, NULL);
  }

  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    double total_hits = 0;
    Stats rest;

    for (guint i = 0; i < queries->len; i++)
      {
        Query *query = &g_array_index (queries, Query, i);

        if (query->kind == KIND_ONE_LETTER)
          continue;
        g_array_append_val (times, query->ms);
        total_hits += query->hits;
      }
    rest = compute_stats ((double *) (void *) times->data, times->len);
    *without_one_letter = rest;
    print_stats_line ("all but one letter", &rest, times->len ? total_hits / times->len : 0, NULL);
  }

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      const Query *worst = NULL;
      double total_hits = 0;
      Stats kind_stats;

      for (guint i = 0; i < queries->len; i++)
        {
          Query *query = &g_array_index (queries, Query, i);

          if (query->kind != k)
            continue;
          g_array_append_val (times, query->ms);
          total_hits += query->hits;
          if (worst == NULL || query->ms > worst->ms)
            worst = query;
        }
      if (times->len == 0)
        continue;
      kind_stats = compute_stats ((double *) (void *) times->data, times->len);
      print_stats_line (kind_names[k], &kind_stats, total_hits / times->len, worst);
    }

  /* The slowest queries say where the time goes. */
  {
    g_autofree guint *order = g_new (guint, MAX (queries->len, 1));

    for (guint i = 0; i < queries->len; i++)
      order[i] = i;
    for (guint i = 0; i < queries->len && i < 5; i++)
      {
        guint worst = i;

        for (guint j = i + 1; j < queries->len; j++)
          if (g_array_index (queries, Query, order[j]).ms > g_array_index (queries, Query, order[worst]).ms)
            worst = j;
        {
          guint swap = order[i];
          order[i] = order[worst];
          order[worst] = swap;
        }
      }
    g_print ("  slowest:");
    for (guint i = 0; i < queries->len && i < 5; i++)
      {
        Query *query = &g_array_index (queries, Query, order[i]);

        g_print ("%s “%s” (%s, %u hits) %.3f ms", i ? "," : "", query->text,
                 query->language, query->hits, query->ms);
      }
    g_print ("\n");
  }

  return stats;
}

/* ------------------------------------------------------------------------ */
/* Rendering */

static double
median_page_ms (HlPageRenderer *renderer,
                const char     *uri,
                gsize          *length)
{
  double times[PAGE_REPEATS];
  Stats stats;

  *length = 0;
  for (guint i = 0; i < PAGE_REPEATS; i++)
    {
      g_autoptr(GError) error = NULL;
      char *html;
      gint64 start;

      start = now_ns ();
      html = hl_page_renderer_render (renderer, uri, &error);
      times[i] = ms_since (start);
      if (html == NULL)
        {
          g_printerr ("rendering %s failed: %s\n", uri, error->message);
          return -1;
        }
      *length = strlen (html);
      g_free (html);
    }

  stats = compute_stats (times, PAGE_REPEATS);
  return stats.p50;
}

static Stats
run_render_benchmark (HlTopicStore *store,
                      Material     *material,
                      const char   *search_word,
                      const char   *typo_word)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlClinicDirectory) clinics = hl_clinic_directory_new_default (&error);
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree double *times = NULL;
  guint n_topics = material->topic_ids->len;
  guint n_render;
  gsize total_bytes = 0;
  Stats stats;

  if (clinics == NULL)
    g_print ("  (no clinic directory: %s)\n", error->message);
  renderer = hl_page_renderer_new (store, clinics);

  /* Every topic when there are few, else an even spread over all of them. */
  n_render = n_topics <= MAX_RENDERED_TOPICS ? n_topics : MAX_RENDERED_TOPICS;
  for (guint i = 0; i < n_render; i++)
    {
      int id = g_array_index (material->topic_ids, int, (guint64) i * n_topics / n_render);

      g_array_append_val (ids, id);
    }
  times = g_new (double, MAX (ids->len, 1));

  /* Warm-up pass, untimed. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *uri = g_strdup_printf ("hl://topic/%d", g_array_index (ids, int, i));
      g_autofree char *html = hl_page_renderer_render (renderer, uri, NULL);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *uri = g_strdup_printf ("hl://topic/%d", g_array_index (ids, int, i));
      g_autoptr(GError) render_error = NULL;
      char *html;
      gint64 start;

      start = now_ns ();
      html = hl_page_renderer_render (renderer, uri, &render_error);
      times[i] = ms_since (start);
      if (html == NULL)
        g_printerr ("rendering %s failed: %s\n", uri, render_error->message);
      else
        total_bytes += strlen (html);
      g_free (html);
    }

  stats = compute_stats (times, ids->len);
  g_print ("Rendering (hl_page_renderer_render, with the clinic directory)\n");
  g_print ("  topic pages        n=%-4u (of %u topics)  p50 %6.3f  p95 %6.3f  p99 %6.3f  max %6.3f ms"
           "  (%.0f kB HTML on average)\n",
           stats.n, n_topics, stats.p50, stats.p95, stats.p99, stats.max,
           stats.n ? total_bytes / 1e3 / stats.n : 0);

  {
    g_autoptr(GListModel) groups = hl_topic_store_list_groups (store, "en", NULL);
    g_autofree char *escaped_word = g_uri_escape_string (search_word, NULL, TRUE);
    g_autofree char *escaped_typo = g_uri_escape_string (typo_word, NULL, TRUE);
    g_autofree char *group_uri = NULL;
    g_autofree char *search_uri = g_strdup_printf ("hl://search?q=%s&lang=en", escaped_word);
    g_autofree char *typo_uri = g_strdup_printf ("hl://search?q=%s&lang=en", escaped_typo);
    guint biggest = 0;
    int group_id = 0;
    const char *pages[6][2] = {
      { "home", "hl://home?lang=en" },
      { "group (largest)", NULL },
      { "index letter A", "hl://index/A?lang=en" },
      { "search page", search_uri },
      { "search, no hit", typo_uri },
      { NULL, NULL },
    };

    for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
      {
        g_autoptr(HlGroup) group = g_list_model_get_item (groups, i);

        if (hl_group_get_topic_count (group) > biggest)
          {
            biggest = hl_group_get_topic_count (group);
            group_id = hl_group_get_id (group);
          }
      }
    group_uri = g_strdup_printf ("hl://group/%d?lang=en", group_id);
    pages[1][1] = group_uri;

    for (guint i = 0; pages[i][0] != NULL; i++)
      {
        gsize length;
        double ms = median_page_ms (renderer, pages[i][1], &length);

        g_print ("  %-18s median of %d %6.3f ms  (%s, %.0f kB)\n", pages[i][0], PAGE_REPEATS,
                 ms, pages[i][1], length / 1e3);
      }
  }

  return stats;
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
