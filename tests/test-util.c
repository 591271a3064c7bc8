/* test-util.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "hl-error.h"
#include "hl-paths.h"
#include "test-util.h"

void
hl_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        hl_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
hl_test_use_source_data (void)
{
  if (g_getenv ("HEALTH_LIBRARY_DATADIR") == NULL && g_getenv ("G_TEST_SRCDIR") != NULL)
    {
      g_autofree char *data = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", NULL);
      g_setenv ("HEALTH_LIBRARY_DATADIR", data, TRUE);
    }
}

/* Importing */

/* A folder of its own under the per-test data dir, which
 * G_TEST_OPTION_ISOLATE_DIRS makes private to each test and removes
 * afterwards. */
char *
hl_test_scratch_dir (const char *name)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), "importer-tests", name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

char *
hl_test_library_in (const char *dir)
{
  return g_build_filename (dir, "library.db", NULL);
}

char *
hl_test_malformed_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "malformed", name, NULL);
}

char *
hl_test_starter_path (void)
{
  char *path = hl_paths_find_starter_topics ();

  g_assert_nonnull (path);
  return path;
}

HlMedlinePlusImporter *
hl_test_new_importer (const char *topics_path,
                      const char *library_path)
{
  HlMedlinePlusImporter *importer = hl_medlineplus_importer_new (topics_path);

  hl_medlineplus_importer_set_library_path (importer, library_path);
  return importer;
}

gboolean
hl_test_import_file (const char  *topics_path,
                     const char  *library_path,
                     GError     **error)
{
  g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (topics_path, library_path);

  return hl_medlineplus_importer_run (importer, NULL, error);
}

void
hl_test_import_or_die (const char *topics_path,
                       const char *library_path)
{
  g_autoptr(GError) error = NULL;

  if (!hl_test_import_file (topics_path, library_path, &error))
    g_error ("Importing %s failed: %s", topics_path, error->message);
}

GBytes *
hl_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Names in @dir that an unfinished import would leave behind. */
guint
hl_test_count_leftovers (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, IMPORT_PREFIX))
      {
        g_test_message ("left over: %s", name);
        n++;
      }

  return n;
}

gboolean
hl_test_bytes_contain (GBytes     *bytes,
                       const char *needle)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (needle);

  /* The bytes hold NULs: no strstr(). */
  for (gsize i = 0; length <= size && i <= size - length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, length) == 0)
      return TRUE;

  return FALSE;
}

HlTopicStore *
hl_test_open_store (const char *library_path)
{
  g_autoptr(GError) error = NULL;
  HlTopicStore *store = hl_topic_store_open (library_path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
hl_test_assert_counts (const char *library_path,
                       guint       n_en,
                       guint       n_es)
{
  g_autoptr(HlTopicStore) store = hl_test_open_store (library_path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (hl_topic_store_count_topics (store, "en", &error), ==, n_en);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "es", &error), ==, n_es);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL, &error), ==, n_en + n_es);
  g_assert_no_error (error);
}

/* The library file has exactly the bytes it had, still opens and still
 * holds the starter corpus; no half-built library is left next to it. */
void
hl_test_assert_library_unchanged (const char *library_path,
                                  GBytes     *before)
{
  g_autoptr(GBytes) after = hl_test_read_bytes (library_path);
  g_autofree char *dir = g_path_get_dirname (library_path);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (hl_test_count_leftovers (dir), ==, 0);
  hl_test_assert_counts (library_path, STARTER_EN, STARTER_ES);

  /* Reading it must not have changed it either. */
  g_clear_pointer (&after, g_bytes_unref);
  after = hl_test_read_bytes (library_path);
  g_assert_true (g_bytes_equal (before, after));
}

void
hl_test_assert_message_names_file (const GError *error,
                                   const char   *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Shown in a label and printed: valid UTF-8, whatever the file held. */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);
  if (strstr (error->message, display) == NULL)
    g_test_fail_printf ("The message “%s” does not name “%s”", error->message, display);
  /* One message, on one line, not libxml2's multi-line report. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strstr (error->message, "line 0"));
}

/* @line 0: the message has no line; -1: it has one; else that line. */
void
hl_test_assert_message_line (const GError *error,
                             int           line)
{
  g_autofree char *expected = NULL;

  if (line == 0)
    {
      g_assert_null (strstr (error->message, "line "));
      return;
    }

  g_assert_nonnull (strstr (error->message, "line "));
  if (line < 0)
    return;

  expected = g_strdup_printf (", line %d:", line);
  if (strstr (error->message, expected) == NULL)
    g_test_fail_printf ("“%s” is not in “%s”", expected, error->message);
}

void
hl_test_write_or_die (const char *path,
                      const char *contents,
                      gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* An archive holding @contents as its one entry: ZIP, or gzip when
 * @entry_name is NULL. */
char *
hl_test_write_archive (const char *dir,
                       const char *name,
                       const char *entry_name,
                       GBytes     *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  struct archive *archive = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();
  gsize size = 0;
  const char *data = g_bytes_get_data (contents, &size);

  if (entry_name != NULL)
    g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  else
    {
      g_assert_cmpint (archive_write_add_filter_gzip (archive), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_set_format_raw (archive), ==, ARCHIVE_OK);
    }
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);

  archive_entry_set_pathname (entry, entry_name ? entry_name : "data");
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (archive, data, size), ==, (la_ssize_t) size);

  archive_entry_free (entry);
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return path;
}

char *
hl_test_generate_corpus (const char *dir,
                         guint       n_topics)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "gen-corpus.py", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n_topics);
  char *out = g_build_filename (dir, "mplus_topics_big.xml", NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, NULL, "--topics", NULL, "--quiet", "--out", NULL, NULL };

  /* python3 is needed to build the app: it is there. */
  g_assert_nonnull (python);
  argv[0] = python;
  argv[1] = script;
  argv[3] = count;
  argv[6] = out;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  return out;
}

void
hl_test_corrupt_table (const char *library_path,
                       const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int page_size = 0;
  int root = 0;
  g_autofree guchar *garbage = NULL;
  int fd;

  g_assert_cmpint (sqlite3_open_v2 (library_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (root, >, 1);

  /* 0xff is no page type: SQLite finds the page damaged when it reads it. */
  garbage = g_malloc (page_size);
  memset (garbage, 0xff, page_size);
  fd = g_open (library_path, O_WRONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, page_size, (off_t) (root - 1) * page_size), ==, page_size);
  close (fd);
}

/* A library to read, for the store tests */


/* NULL: the installed starter corpus; otherwise a file in tests/data. */
void
hl_store_fixture_set_up (HlStoreFixture *fixture,
                         gconstpointer   data)
{
  const char *file = data;
  g_autofree char *topics = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "store-tests", NULL);
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  topics = file ? g_test_build_filename (G_TEST_DIST, "data", file, NULL)
                : hl_paths_find_starter_topics ();
  g_assert_nonnull (topics);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  fixture->library = g_build_filename (dir, "library.db", NULL);

  importer = hl_medlineplus_importer_new (topics);
  hl_medlineplus_importer_set_library_path (importer, fixture->library);
  if (!hl_medlineplus_importer_run (importer, NULL, &error))
    g_error ("Importing %s failed: %s", topics, error->message);

  fixture->store = hl_topic_store_open (fixture->library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

void
hl_store_fixture_tear_down (HlStoreFixture *fixture,
                            gconstpointer   data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->library, g_free);
}

GListModel *
hl_test_search (HlTopicStore *store,
                const char   *query,
                const char   *language)
{
  g_autoptr(GError) error = NULL;
  GListModel *hits = hl_topic_store_search (store, query, language, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  g_assert_true (g_list_model_get_item_type (hits) == HL_TYPE_TOPIC_REF);
  return hits;
}

int
hl_test_hit_id (GListModel *hits,
                guint       position)
{
  g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, position);

  return ref ? hl_topic_ref_get_id (ref) : 0;
}

/* Where topic @id is in @hits, or -1. */
int
hl_test_hit_position (GListModel *hits,
                      int         id)
{
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    if (hl_test_hit_id (hits, i) == id)
      return i;
  return -1;
}

void
hl_test_log_hits (const char *query,
                  GListModel *hits)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (hits) && i < 12; i++)
    {
      g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);

      g_string_append_printf (text, "%s%s (%s)", i ? ", " : "", hl_topic_ref_get_title (ref),
                              hl_topic_ref_get_language (ref));
    }
  g_test_message ("“%s” → %s", query, text->str);
}

/* Topic @first is found, and before @second when that is found too. */
void
hl_test_assert_ranked_before (HlTopicStore *store,
                              const char   *query,
                              const char   *language,
                              int           first,
                              int           second)
{
  g_autoptr(GListModel) hits = hl_test_search (store, query, language);
  int a = hl_test_hit_position (hits, first);
  int b = hl_test_hit_position (hits, second);

  hl_test_log_hits (query, hits);
  if (a < 0)
    g_test_fail_printf ("“%s” (%s) does not find topic %d", query, language, first);
  else if (b < 0)
    g_test_fail_printf ("“%s” (%s) does not find topic %d", query, language, second);
  else if (a > b)
    g_test_fail_printf ("“%s” (%s) ranks topic %d (at %d) above topic %d (at %d)",
                        query, language, second, b, first, a);
}

void
hl_test_assert_first_hit (HlTopicStore *store,
                          const char   *query,
                          const char   *language,
                          int           id)
{
  g_autoptr(GListModel) hits = hl_test_search (store, query, language);

  hl_test_log_hits (query, hits);
  if (g_list_model_get_n_items (hits) == 0 || hl_test_hit_id (hits, 0) != id)
    g_test_fail_printf ("“%s” (%s): topic %d is not the first hit", query, language, id);
}

GArray *
hl_test_hit_ids (GListModel *hits)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      int id = hl_test_hit_id (hits, i);
      g_array_append_val (ids, id);
    }

  return ids;
}

/* Two queries that must find the same topics in the same order. */
void
hl_test_assert_same_hits (HlTopicStore *store,
                          const char   *query,
                          const char   *other,
                          const char   *language)
{
  g_autoptr(GListModel) a = hl_test_search (store, query, language);
  g_autoptr(GListModel) b = hl_test_search (store, other, language);
  g_autoptr(GArray) ids_a = hl_test_hit_ids (a);
  g_autoptr(GArray) ids_b = hl_test_hit_ids (b);

  hl_test_log_hits (query, a);
  hl_test_log_hits (other, b);
  g_assert_cmpuint (ids_a->len, >, 0);
  g_assert_cmpmem (ids_a->data, ids_a->len * sizeof (int), ids_b->data, ids_b->len * sizeof (int));
}

char *
hl_test_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autofree char *lower = g_utf8_strdown (decomposed, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x300 || c > 0x36f)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* A renderer, and checks of the pages it makes */


HlTopicStore *
hl_test_import_library (const char *file)
{
  g_autofree char *topics = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "renderer-tests", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  HlTopicStore *store;

  topics = file ? g_test_build_filename (G_TEST_DIST, "data", file, NULL)
                : hl_paths_find_starter_topics ();
  g_assert_nonnull (topics);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  importer = hl_medlineplus_importer_new (topics);
  hl_medlineplus_importer_set_library_path (importer, library);
  if (!hl_medlineplus_importer_run (importer, NULL, &error))
    g_error ("Importing %s failed: %s", topics, error->message);

  store = hl_topic_store_open (library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

HlClinicDirectory *
hl_test_load_clinics (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "clinics.json", NULL);
  g_autoptr(GError) error = NULL;
  HlClinicDirectory *clinics = hl_clinic_directory_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (clinics);
  return clinics;
}

/* NULL: the installed starter corpus; otherwise a file in tests/data. */
void
hl_page_fixture_set_up (HlPageFixture *fixture,
                        gconstpointer  data)
{
  fixture->store = hl_test_import_library (data);
  fixture->clinics = hl_test_load_clinics ();
  fixture->renderer = hl_page_renderer_new (fixture->store, fixture->clinics);
}

void
hl_page_fixture_tear_down (HlPageFixture *fixture,
                           gconstpointer  data)
{
  g_clear_object (&fixture->renderer);
  g_clear_object (&fixture->clinics);
  g_clear_object (&fixture->store);
}

guint
hl_test_count_occurrences (const char *haystack,
                           const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* Where @needle first is in @html, or -1. */
gssize
hl_test_index_of (const char *html,
                  const char *needle)
{
  const char *p = strstr (html, needle);

  return p ? p - html : -1;
}

void
hl_test_assert_contains (const char *uri,
                         const char *html,
                         const char *needle)
{
  if (strstr (html, needle) == NULL)
    g_test_fail_printf ("%s: the page does not contain “%s”", uri, needle);
}

void
hl_test_assert_lacks (const char *uri,
                      const char *html,
                      const char *needle)
{
  if (strstr (html, needle) != NULL)
    g_test_fail_printf ("%s: the page contains “%s”", uri, needle);
}

/* @needles appear in this order. */
void
hl_test_assert_in_order (const char         *uri,
                         const char         *html,
                         const char * const *needles)
{
  gssize last = -1;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      gssize at = hl_test_index_of (html, needles[i]);

      if (at < 0)
        g_test_fail_printf ("%s: the page does not contain “%s”", uri, needles[i]);
      else if (at < last)
        g_test_fail_printf ("%s: “%s” comes before “%s”", uri, needles[i], needles[i - 1]);
      last = MAX (last, at);
    }
}

/* The body may not run code, load anything or restyle the page; every '<'
 * in it starts a real tag, and every '&' an entity. */
/* A jump within the page to one of our own ids: "#section-3". */
static gboolean
is_jump (const char *href)
{
  const char *p = href + 1;

  if (href[0] != '#' || *p == '"')
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '-')
    p++;
  return *p == '"';
}

void
hl_test_assert_body_is_safe (const char *uri,
                             const char *html)
{
  static const char *forbidden_tags[] = {
    "<script", "<iframe", "<svg", "<object", "<form", "<embed", "<math", "<style",
    "<input", "<button", "<link", "<meta", "<base", "<frame", "<textarea", "<select",
  };
  static const char *forbidden_in_tags[] = {
    "onerror", "onmouseover", "onload", "onclick", "javascript:", "vbscript:", "data:",
    "style=", "srcdoc", "src=",
  };
  g_autofree char *lower = NULL;
  const char *body = strstr (html, "<body");

  if (body == NULL)
    {
      g_test_fail_printf ("%s: the page has no body", uri);
      return;
    }
  lower = g_ascii_strdown (body, -1);

  for (guint i = 0; i < G_N_ELEMENTS (forbidden_tags); i++)
    if (strstr (lower, forbidden_tags[i]) != NULL)
      g_test_fail_printf ("%s: the body has “%s”", uri, forbidden_tags[i]);

  for (const char *p = strchr (lower, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      const char *next = strchr (p + 1, '<');
      g_autofree char *tag = NULL;
      const char *href;

      if (end == NULL || (next != NULL && next < end))
        {
          g_test_fail_printf ("%s: a '<' in the body does not start a tag", uri);
          return;
        }
      tag = g_strndup (p, end - p + 1);

      /* Images come from the app's own scheme only, and are its QR codes. */
      if (g_str_has_prefix (tag, "<img"))
        {
          const char *src = strstr (tag, " src=\"");

          if (src == NULL || !g_str_has_prefix (src, " src=\"hl://qr/") ||
              strstr (src + strlen (" src=\""), "src=") != NULL || strstr (tag, " alt=\"") == NULL)
            g_test_fail_printf ("%s: the image “%s” is not one of ours", uri, tag);
          g_strlcpy (strstr (tag, " src=\""), ">", 2);
        }

      for (guint i = 0; i < G_N_ELEMENTS (forbidden_in_tags); i++)
        if (strstr (tag, forbidden_in_tags[i]) != NULL)
          g_test_fail_printf ("%s: the tag “%s” has “%s”", uri, tag, forbidden_in_tags[i]);

      href = strstr (tag, "href=\"");
      if (href != NULL)
        {
          href += strlen ("href=\"");
          if (!g_str_has_prefix (href, "hl://") && !g_str_has_prefix (href, "https://") &&
              !g_str_has_prefix (href, "http://") && !g_str_has_prefix (href, "tel:") &&
              !is_jump (href))
            g_test_fail_printf ("%s: the link “%s” is not allowed", uri, tag);
        }
    }

  for (const char *p = strchr (body, '&'); p != NULL; p = strchr (p + 1, '&'))
    {
      gsize n = 1;

      if (p[1] == '#')
        {
          n = 2;
          while (g_ascii_isdigit (p[n]))
            n++;
        }
      else
        while (g_ascii_isalpha (p[n]))
          n++;

      if (n < 2 || p[n] != ';')
        {
          g_autofree char *context = g_strndup (p, 24);

          g_test_fail_printf ("%s: a raw '&' in the body: “%s”", uri, context);
          return;
        }
    }
}

/* What every page must be: one complete UTF-8 document with our one style
 * sheet and the content security policy, balanced and safe. */
void
hl_test_assert_valid_page (const char *uri,
                           const char *html)
{
  static const char *pairs[][2] = {
    { "<a ", "</a>" }, { "<section", "</section>" }, { "<ul", "</ul>" }, { "<ol", "</ol>" },
    { "<li", "</li>" }, { "<dl", "</dl>" }, { "<nav", "</nav>" }, { "<main", "</main>" },
    { "<h1", "</h1>" }, { "<h2", "</h2>" }, { "<p>", NULL }, { "<title>", "</title>" },
    { "<mark>", "</mark>" }, { "<strong", "</strong>" }, { "<span", "</span>" },
  };

  g_assert_nonnull (html);
  if (html == NULL)
    return;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));
  g_assert_cmpuint (hl_test_count_occurrences (html, "<style"), ==, 1);
  g_assert_cmpuint (hl_test_count_occurrences (html, "</style>"), ==, 1);
  g_assert_cmpuint (hl_test_count_occurrences (html, "<body"), ==, 1);
  g_assert_cmpuint (hl_test_count_occurrences (html, "<html lang=\""), ==, 1);
  g_assert_cmpuint (hl_test_count_occurrences (html, "<meta charset=\"utf-8\">"), ==, 1);
  g_assert_cmpuint (hl_test_count_occurrences (html, "http-equiv=\"Content-Security-Policy\""), ==, 1);
  hl_test_assert_contains (uri, html, "default-src 'none'");
  g_assert_true (hl_test_index_of (html, "Content-Security-Policy") < hl_test_index_of (html, "<body"));
  g_assert_true (hl_test_index_of (html, "<style") < hl_test_index_of (html, "<body"));

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (pairs[i][1] != NULL &&
        hl_test_count_occurrences (html, pairs[i][0]) != hl_test_count_occurrences (html, pairs[i][1]))
      g_test_fail_printf ("%s: %u “%s” but %u “%s”", uri, hl_test_count_occurrences (html, pairs[i][0]),
                          pairs[i][0], hl_test_count_occurrences (html, pairs[i][1]), pairs[i][1]);

  hl_test_assert_body_is_safe (uri, html);
}

char *
hl_test_render (HlPageFixture *fixture,
                const char    *uri)
{
  g_autoptr(GError) error = NULL;
  char *html = hl_page_renderer_render (fixture->renderer, uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (html);
  if (html == NULL)
    return g_strdup ("");
  hl_test_assert_valid_page (uri, html);
  return html;
}

void
hl_test_assert_not_found (HlPageRenderer *renderer,
                          const char     *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = hl_page_renderer_render (renderer, uri, &error);

  if (html != NULL)
    g_test_fail_printf ("“%s” has a page", uri);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
}

/* The language of the topic at every hl://topic/ID link in @html. */
void
hl_test_assert_topic_links_in (const char   *uri,
                               const char   *html,
                               HlTopicStore *store,
                               const char   *language,
                               guint         expected)
{
  const char *p = html;
  guint n = 0;

  while ((p = strstr (p, "href=\"hl://topic/")) != NULL)
    {
      g_autoptr(HlTopicRef) ref = NULL;
      int id;

      p += strlen ("href=\"hl://topic/");
      id = atoi (p);
      ref = hl_topic_store_get_topic_ref (store, id, NULL);
      if (ref == NULL)
        g_test_fail_printf ("%s: a link to topic %d, which is not in the library", uri, id);
      else if (!g_str_equal (hl_topic_ref_get_language (ref), language))
        g_test_fail_printf ("%s: a link to “%s”, which is not in %s", uri,
                            hl_topic_ref_get_title (ref), language);
      n++;
    }

  g_assert_cmpuint (n, ==, expected);
}
