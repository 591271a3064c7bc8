/* test-import-malformed.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Malformed and hostile files: refused with one clear message, or made
 * harmless, and the library left as it was. */

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

/* Malformed and hostile files */

typedef struct
{
  const char *name;
  const char *file;                          /* in tests/data/malformed */
  char     *(*make) (const char *dir);       /* or made at run time */
  HlError     code;
  int         line;       /* where the damage is; 0 for none, -1 for any */
  const char *fragment;   /* what the message must say */
} MalformedCase;

#define PROLOG \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<health-topics total=\"2\" date-generated=\"01/02/2026 03:04:05\">\n"

#define TOPIC_START(id, title) \
  "<health-topic title=\"" title "\" url=\"https://medlineplus.gov/t" #id ".html\" id=\"" #id "\"" \
  " language=\"English\" date-created=\"01/02/2020\">\n"

#define DEPTH 100000

/* Well-formed, but nested 100000 deep: in an unknown element and in a summary. */
static char *
make_deep_nesting (const char *dir)
{
  char *path = g_build_filename (dir, "deep-nesting.xml", NULL);
  GString *xml = g_string_new (PROLOG);

  g_string_append (xml, TOPIC_START (1, "Deep One"));
  g_string_append (xml, "<full-summary>&lt;p&gt;Fine.&lt;/p&gt;</full-summary>\n<nested-extension>");
  for (guint i = 0; i < DEPTH; i++)
    g_string_append (xml, "<level>");
  g_string_append (xml, "bottom");
  for (guint i = 0; i < DEPTH; i++)
    g_string_append (xml, "</level>");
  g_string_append (xml, "</nested-extension>\n</health-topic>\n");
  g_string_append (xml, TOPIC_START (2, "Deep Two"));
  g_string_append (xml, "<full-summary>");
  for (guint i = 0; i < DEPTH; i++)
    g_string_append (xml, "<div>");
  g_string_append (xml, "deep");
  for (guint i = 0; i < DEPTH; i++)
    g_string_append (xml, "</div>");
  g_string_append (xml, "</full-summary>\n</health-topic>\n</health-topics>\n");

  hl_test_write_or_die (path, xml->str, xml->len);
  g_string_free (xml, TRUE);
  return path;
}

/* One <also-called> text of about 20 MB. */
static char *
make_huge_text (const char *dir)
{
  const char *unit = "filler lantern pebble ñandú kettle ";
  char *path = g_build_filename (dir, "huge-text.xml", NULL);
  gsize target = 20 * 1024 * 1024;
  GString *xml = g_string_sized_new (target + 4096);

  g_string_append (xml, PROLOG);
  g_string_append (xml, TOPIC_START (1, "Huge"));
  g_string_append (xml, "<also-called>");
  while (xml->len < target)
    g_string_append (xml, unit);
  g_string_append (xml, "</also-called>\n<full-summary>&lt;p&gt;Fine.&lt;/p&gt;</full-summary>\n"
                        "</health-topic>\n</health-topics>\n");

  hl_test_write_or_die (path, xml->str, xml->len);
  g_string_free (xml, TRUE);
  return path;
}

static char *
make_missing (const char *dir)
{
  return g_build_filename (dir, "mplus_topics_missing.xml", NULL);
}

static char *
make_directory (const char *dir)
{
  char *path = g_build_filename (dir, "mplus_topics_folder.xml", NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

/* The lines are those of the files: the bad bytes, the raw '<', the last
 * line of the cut-off file, the start of the offending topic or root
 * element. For an entity declaration, any line will do. */
static char *
make_zip_truncated_xml (const char *dir)
{
  g_autofree char *source = hl_test_malformed_path ("truncated.xml");
  g_autoptr(GBytes) contents = hl_test_read_bytes (source);

  return hl_test_write_archive (dir, "mplus_topics_2026-04-27.zip", "mplus_topics_2026-04-27.xml",
                        contents);
}

static char *
make_zip_without_xml (const char *dir)
{
  g_autoptr(GBytes) contents = g_bytes_new_static ("Nothing to see.\n", 16);

  return hl_test_write_archive (dir, "mplus_topics_2026-04-27.zip", "readme.txt", contents);
}

static char *
make_gzip_truncated_xml (const char *dir)
{
  g_autofree char *source = hl_test_malformed_path ("truncated.xml");
  g_autoptr(GBytes) contents = hl_test_read_bytes (source);

  return hl_test_write_archive (dir, "mplus_topics_2026-04-27.xml.gz", NULL, contents);
}

/* The first half of a good archive. */
static char *
cut_in_half (const char *dir,
             const char *file)
{
  g_autofree char *source = hl_test_malformed_path (file);
  g_autoptr(GBytes) contents = hl_test_read_bytes (source);
  char *path = g_build_filename (dir, file, NULL);

  hl_test_write_or_die (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents) / 2);
  return path;
}

static char *
make_zip_cut (const char *dir)
{
  return cut_in_half (dir, "zip.zip");
}

static char *
make_gzip_cut (const char *dir)
{
  return cut_in_half (dir, "gzip.xml.gz");
}

static const MalformedCase malformed_cases[] = {
  { "truncated", "truncated.xml", NULL, HL_ERROR_INVALID_FILE, 609,
    "incomplete" },
  { "bad-utf8", "bad-utf8.xml", NULL, HL_ERROR_PARSE, 514,
    "UTF-8" },
  { "unescaped-lt", "unescaped-lt.xml", NULL, HL_ERROR_PARSE, 515,
    "not valid XML" },
  { "duplicate-ids", "duplicate-ids.xml", NULL, HL_ERROR_INVALID_DATA, 905,
    "already used by the topic on line 7" },
  { "missing-attrs", "missing-attrs.xml", NULL, HL_ERROR_INVALID_DATA, 391,
    "has no “title”" },
  { "billion-laughs", "billion-laughs.xml", NULL, HL_ERROR_UNSAFE, -1,
    "entities" },
  { "empty", "empty.xml", NULL, HL_ERROR_INVALID_FILE, 0,
    "is empty" },
  { "wrong-root", "wrong-root.xml", NULL, HL_ERROR_INVALID_FILE, 5,
    "topic-group file" },
  { "not-xml", "not-xml.xml", NULL, HL_ERROR_INVALID_FILE, 0,
    "PNG" },
  { "deep-nesting", NULL, make_deep_nesting, HL_ERROR_PARSE, 5,
    "nested" },
  { "no-topics", "no-topics.xml", NULL, HL_ERROR_INVALID_DATA, 0,
    "no English or Spanish health topics" },
  { "huge-text", NULL, make_huge_text, HL_ERROR_TOO_LARGE, 4,
    "The text of <also-called> in topic 1 (“Huge”) is larger than 8 KB" },
  { "missing-path", NULL, make_missing, HL_ERROR_NOT_FOUND, 0,
    "does not exist" },
  { "zip-truncated-xml", NULL, make_zip_truncated_xml, HL_ERROR_INVALID_FILE, 609,
    "mplus_topics_2026-04-27.xml" },
  { "zip-without-xml", NULL, make_zip_without_xml, HL_ERROR_INVALID_FILE, 0,
    "holds no MedlinePlus health-topic file" },
  { "zip-cut", NULL, make_zip_cut, HL_ERROR_INVALID_FILE, 0,
    "damaged" },
  { "gzip-truncated-xml", NULL, make_gzip_truncated_xml, HL_ERROR_INVALID_FILE, 609,
    "incomplete" },
  { "gzip-cut", NULL, make_gzip_cut, HL_ERROR_INVALID_FILE, 0,
    "damaged" },
  { "directory", NULL, make_directory, HL_ERROR_INVALID_FILE, 0,
    "folder" },
  /* Found by fuzz-medlineplus: the entity's name, quoted, is not valid UTF-8. */
  { "entity-bad-utf8", "entity-bad-utf8.xml", NULL, HL_ERROR_UNSAFE, 7,
    "The file uses an entity (“&\xef\xbf\xbdt;”)" },
};

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *c = data;
  g_autofree char *dir = hl_test_scratch_dir (c->name);
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *path = NULL;
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gboolean ok;

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  path = c->file ? hl_test_malformed_path (c->file) : c->make (dir);
  importer = hl_test_new_importer (path, library);

  start = g_get_monotonic_time ();
  ok = hl_medlineplus_importer_run (importer, NULL, &error);
  g_test_message ("%s: %.3f s", c->name, (g_get_monotonic_time () - start) / 1e6);

  g_assert_false (ok);
  g_assert_nonnull (error);
  if (ok || error == NULL)
    return;
  if (error->domain != HL_ERROR || error->code != (int) c->code)
    g_test_fail_printf ("%s: expected HL_ERROR %d, got %s %d: %s", c->name, c->code,
                        g_quark_to_string (error->domain), error->code, error->message);
  hl_test_assert_message_names_file (error, path);
  hl_test_assert_message_line (error, c->line);
  if (strstr (error->message, c->fragment) == NULL)
    g_test_fail_printf ("“%s” is not in “%s”", c->fragment, error->message);

  /* A failed import reports nothing. */
  g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, NULL), ==, 0);

  hl_test_assert_library_unchanged (library, before);
}

/* The message gives the line where the damage is. */
static void
test_malformed_lines (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("lines");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *path = g_build_filename (dir, "broken.xml", NULL);
  g_autoptr(GError) error = NULL;

  hl_test_write_or_die (path,
                PROLOG
                TOPIC_START (1, "One")
                "<full-summary>&lt;p&gt;Fine.&lt;/p&gt;</full-summary>\n"
                "</health-topic>\n"
                TOPIC_START (2, "Two")
                "<full-summary>Raw < here</full-summary>\n"
                "</health-topic>\n"
                "</health-topics>\n", -1);
  g_assert_false (hl_test_import_file (path, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_PARSE);
  hl_test_assert_message_names_file (error, path);
  hl_test_assert_message_line (error, 7);
  g_clear_error (&error);

  /* Duplicate ids name both lines. */
  hl_test_write_or_die (path,
                PROLOG
                TOPIC_START (1, "One")
                "</health-topic>\n"
                TOPIC_START (1, "One again")
                "</health-topic>\n"
                "</health-topics>\n", -1);
  g_assert_false (hl_test_import_file (path, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  hl_test_assert_message_names_file (error, path);
  hl_test_assert_message_line (error, 5);
  g_assert_nonnull (strstr (error->message, "on line 3"));
  g_clear_error (&error);

  /* A topic without a title: the line where the topic starts. */
  hl_test_write_or_die (path,
                PROLOG
                TOPIC_START (1, "One")
                "</health-topic>\n"
                "<health-topic url=\"https://medlineplus.gov/t2.html\" id=\"2\" language=\"English\">\n"
                "<full-summary>&lt;p&gt;Text.&lt;/p&gt;</full-summary>\n"
                "</health-topic>\n"
                "</health-topics>\n", -1);
  g_assert_false (hl_test_import_file (path, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  hl_test_assert_message_names_file (error, path);
  hl_test_assert_message_line (error, 5);
  g_clear_error (&error);

  g_assert_false (g_file_test (library, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (hl_test_count_leftovers (dir), ==, 0);
}

/* libxml2 is handed a file a line at a time, to the line's last '>' (so
 * that it is on the line of the element it returns): damage at the end of
 * a line, and an element on several lines, are reported on their own line
 * and for what they are. */
static void
test_malformed_line_ends (void)
{
  static const struct {
    const char *name;
    const char *xml;
    int         code;
    int         line;
    const char *fragment;
  } cases[] = {
    /* A byte that is not UTF-8 just before the line's last '>': libxml2
     * takes it for a character cut short unless it has what follows. */
    { "bad-utf8-at-line-end",
      PROLOG TOPIC_START (1, "One")
      "<site title=\"Cafe\" url=\"https://example.org/caf\xe9\">\n"
      "<information-category>Start Here</information-category>\n"
      "</site>\n</health-topic>\n</health-topics>\n",
      HL_ERROR_PARSE, 4, "UTF-8" },
    /* The reference is on line 5; the text after it goes on to line 6. */
    { "entity-before-line-break",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE health-topics PUBLIC \"-//NLM//DTD health-topics //EN\" "
      "\"https://medlineplus.gov/xml/mplus_topics.dtd\">\n"
      "<health-topics total=\"1\" date-generated=\"01/02/2026 03:04:05\">\n"
      TOPIC_START (1, "One")
      "<full-summary>&lt;p&gt;Text &nbsp;\nmore text.&lt;/p&gt;</full-summary>\n"
      "</health-topic>\n</health-topics>\n",
      HL_ERROR_UNSAFE, 5, "(“&nbsp;”)" },
    /* An empty root element: libxml2 reads on to the end before the reader
     * returns it. */
    { "empty-root",
      "<?xml version=\"1.0\"?>\n<mplus-topics/>\n\n\n\n",
      HL_ERROR_INVALID_FILE, 2, "its root element is <mplus-topics>" },
    /* A start tag on several lines: the line where it ends. */
    { "tag-on-several-lines",
      PROLOG TOPIC_START (1, "One")
      "</health-topic>\n"
      "<health-topic\n  url=\"https://medlineplus.gov/t2.html\"\n  id=\"2\"\n"
      "  language=\"English\">\n<full-summary>&lt;p&gt;Text.&lt;/p&gt;</full-summary>\n"
      "</health-topic>\n</health-topics>\n",
      HL_ERROR_INVALID_DATA, 8, "Topic 2 has no “title” attribute" },
  };
  g_autofree char *dir = hl_test_scratch_dir ("line-ends");
  g_autofree char *library = hl_test_library_in (dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("mplus_topics_%s.xml", cases[i].name);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);
      hl_test_write_or_die (path, cases[i].xml, -1);
      g_assert_false (hl_test_import_file (path, library, &error));
      g_assert_error (error, HL_ERROR, cases[i].code);
      if (error == NULL)
        continue;
      hl_test_assert_message_names_file (error, path);
      hl_test_assert_message_line (error, cases[i].line);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_test_fail_printf ("“%s” is not in “%s”", cases[i].fragment, error->message);
    }

  g_assert_false (g_file_test (library, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (hl_test_count_leftovers (dir), ==, 0);
}

/* External entities are never read: a file that declares one is refused
 * before anything of it is used. */
static void
test_xxe (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("xxe");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *path = hl_test_malformed_path ("xxe.xml");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) passwd = NULL;
  g_autoptr(GError) error = NULL;

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  g_assert_false (hl_test_import_file (path, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_UNSAFE);
  if (error != NULL)
    {
      hl_test_assert_message_names_file (error, path);
      g_assert_nonnull (strstr (error->message, "line "));
      g_assert_nonnull (strstr (error->message, "entities"));
    }
  hl_test_assert_library_unchanged (library, before);

  /* Nothing of the local file the entity names reached the library or
   * anything next to it (the file is there on every system we run on). */
  g_assert_true (g_file_test ("/etc/passwd", G_FILE_TEST_IS_REGULAR));
    {
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      g_autofree char *first_line = NULL;
      const char *name;

      passwd = hl_test_read_bytes ("/etc/passwd");
      first_line = g_strndup (g_bytes_get_data (passwd, NULL),
                              strcspn (g_bytes_get_data (passwd, NULL), "\n"));
      g_test_message ("looking for “%s”", first_line);
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *file = g_build_filename (dir, name, NULL);
          g_autoptr(GBytes) contents = NULL;

          if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
            continue;
          contents = hl_test_read_bytes (file);
          g_assert_false (hl_test_bytes_contain (contents, "root:"));
          if (*first_line != '\0')
            g_assert_false (hl_test_bytes_contain (contents, first_line));
        }
    }
}

static glong
max_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* In a fresh process, so that the peak memory of earlier tests does not hide
 * what this import takes. */
static void
test_billion_laughs_memory (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *library = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  glong before;
  glong after;
  double seconds;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = hl_test_scratch_dir ("laughs");
  library = hl_test_library_in (dir);
  path = hl_test_malformed_path ("billion-laughs.xml");

  before = max_rss_kb ();
  start = g_get_monotonic_time ();
  g_assert_false (hl_test_import_file (path, library, &error));
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  after = max_rss_kb ();

  g_printerr ("billion-laughs: %.3f s, peak memory %ld KiB, grew by %ld KiB\n",
              seconds, after, after - before);
  g_assert_error (error, HL_ERROR, HL_ERROR_UNSAFE);
  g_assert_cmpfloat (seconds, <, 10.0);
  g_assert_cmpint (after - before, <, 50 * 1024);
  g_assert_false (g_file_test (library, G_FILE_TEST_EXISTS));
}

static void
render_every_topic (const char *library_path,
                    guint      *n_rendered)
{
  g_autoptr(HlTopicStore) store = hl_test_open_store (library_path);
  g_autoptr(HlPageRenderer) renderer = hl_page_renderer_new (store, NULL);
  const char *languages[] = { "en", "es" };

  *n_rendered = 0;
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) list = hl_topic_store_list_topics_by_letter (store, languages[l], 0, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (list, i);
          g_autofree char *uri = hl_topic_ref_dup_uri (ref);
          g_autoptr(GError) error = NULL;
          g_autofree char *html = hl_page_renderer_render (renderer, uri, &error);

          g_assert_no_error (error);
          g_assert_nonnull (html);
          hl_test_assert_body_is_safe (uri, html);
          (*n_rendered)++;
        }
    }
}

static void
test_hostile_content (gconstpointer data)
{
  const char *file = data;
  g_autofree char *dir = hl_test_scratch_dir (file);
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *path = hl_test_malformed_path (file);
  g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (path, library);
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "en", "es" };
  guint n_rendered = 0;

  g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "en"), ==, SMALL_EN);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "es"), ==, SMALL_ES);

  render_every_topic (library, &n_rendered);
  g_assert_cmpuint (n_rendered, ==, SMALL_EN + SMALL_ES);

  /* The stored summaries are sanitized already. */
  store = hl_test_open_store (library);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) list = hl_topic_store_list_topics_by_letter (store, languages[l], 0, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (list, i);
          g_autoptr(HlTopic) topic = hl_topic_store_load_topic (store, hl_topic_ref_get_id (ref),
                                                                &error);
          g_autofree char *summary = NULL;

          g_assert_no_error (error);
          summary = g_ascii_strdown (topic->summary, -1);
          g_assert_null (strstr (summary, "<script"));
          g_assert_null (strstr (summary, "<iframe"));
          g_assert_null (strstr (summary, "javascript:"));
          g_assert_null (strstr (summary, "onerror="));
          g_assert_null (strstr (summary, "style="));
        }
    }
}

/* The script kind's hostile title and also-called text appear as text. */
static void
test_script_title_escaped (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("script-title");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *path = hl_test_malformed_path ("script.xml");
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopicRef) hit = NULL;
  g_autoptr(HlTopic) topic = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *html = NULL;

  hl_test_import_or_die (path, library);
  store = hl_test_open_store (library);
  renderer = hl_page_renderer_new (store, NULL);

  /* The title keeps what the file says; the page escapes it. */
  hits = hl_topic_store_search (store, "alert title", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 1);
  hit = g_list_model_get_item (hits, 0);
  topic = hl_topic_store_load_topic (store, hl_topic_ref_get_id (hit), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (topic->title, "<script>alert('title')</script>"));

  uri = hl_topic_ref_dup_uri (hit);
  html = hl_page_renderer_render (renderer, uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&quot;&gt;&lt;script&gt;alert(16)&lt;/script&gt;"));
  hl_test_assert_body_is_safe (uri, html);
}

/* Links with scripts or data in them are shown as text, not links. */
static void
test_javascript_url_links (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("javascript-url-links");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *path = hl_test_malformed_path ("javascript-url.xml");
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autoptr(GListModel) list = NULL;
  guint n_victims = 0;

  hl_test_import_or_die (path, library);
  store = hl_test_open_store (library);
  renderer = hl_page_renderer_new (store, NULL);
  list = hl_topic_store_list_topics_by_letter (store, "en", 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HlTopicRef) ref = g_list_model_get_item (list, i);
      g_autofree char *uri = hl_topic_ref_dup_uri (ref);
      g_autoptr(GError) error = NULL;
      g_autofree char *html = hl_page_renderer_render (renderer, uri, &error);
      g_autoptr(HlTopic) topic = NULL;
      guint n_links = 0;

      g_assert_no_error (error);
      if (html == NULL || strstr (html, "Harmless-looking link") == NULL)
        continue;
      n_victims++;

      /* The seven bad sites keep their titles, without a link. */
      for (const char *p = html; (p = strstr (p, "<li>Harmless-looking link ")) != NULL; p++)
        n_links++;
      g_assert_cmpuint (n_links, ==, 7);
      g_assert_nonnull (strstr (html, "<li>Harmless Related Topic</li>"));

      /* The record keeps the URLs as given: only the page leaves them out. */
      topic = hl_topic_store_load_topic (store, hl_topic_ref_get_id (ref), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (topic->institute_url, ==, "javascript:alert(13)");
      hl_test_assert_body_is_safe (uri, html);
    }

  g_assert_cmpuint (n_victims, ==, 1);
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

  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/importer/malformed/%s",
                                               malformed_cases[i].name);
      g_test_add_data_func (path, &malformed_cases[i], test_malformed);
    }
  g_test_add_func ("/core/importer/malformed/lines", test_malformed_lines);
  g_test_add_func ("/core/importer/malformed/line-ends", test_malformed_line_ends);
  g_test_add_func ("/core/importer/malformed/xxe", test_xxe);
  g_test_add_func ("/core/importer/malformed/billion-laughs-memory", test_billion_laughs_memory);
  g_test_add_data_func ("/core/importer/hostile/script", "script.xml", test_hostile_content);
  g_test_add_data_func ("/core/importer/hostile/javascript-url", "javascript-url.xml",
                        test_hostile_content);
  g_test_add_func ("/core/importer/hostile/script-title", test_script_title_escaped);
  g_test_add_func ("/core/importer/hostile/javascript-url-links", test_javascript_url_links);

  return g_test_run ();
}
