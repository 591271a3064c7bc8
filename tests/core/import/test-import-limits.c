/* test-import-limits.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Hostile sizes: every field has a limit, memory stays bounded, bombs are
 * refused at once, ZIP entries are chosen by name, and line numbers are
 * right in full-size files. */

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hl-error.h"
#include "hl-medlineplus-importer.h"
#include "hl-topic-store.h"

#include "test-util.h"

#define PROLOG \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<health-topics total=\"1\" date-generated=\"01/02/2026 03:04:05\">\n"

#define TOPIC_START \
  "<health-topic title=\"Bomb\" url=\"https://medlineplus.gov/bomb.html\" id=\"1\"" \
  " language=\"English\" date-created=\"01/02/2020\">\n"

#define TOPIC_END "</health-topic>\n</health-topics>\n"

static glong
max_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* Imports @path over the starter library, which must fail with @code and
 * a message holding each of @fragments, and leave the library as it was.
 * Returns the seconds it took. */
static double
assert_refused (const char         *dir,
                const char         *path,
                int                 code,
                const char * const *fragments)
{
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  hl_test_import_or_die (starter, library);
  before = hl_test_read_bytes (library);

  start = g_get_monotonic_time ();
  g_assert_false (hl_test_import_file (path, library, &error));
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_nonnull (error);
  if (error == NULL)
    return seconds;

  g_test_message ("%.3f s: %s", seconds, error->message);
  g_assert_error (error, HL_ERROR, code);
  hl_test_assert_message_names_file (error, path);
  for (guint i = 0; fragments != NULL && fragments[i] != NULL; i++)
    if (strstr (error->message, fragments[i]) == NULL)
      g_test_fail_printf ("“%s” is not in “%s”", fragments[i], error->message);

  hl_test_assert_library_unchanged (library, before);
  return seconds;
}

/* A gzip file of @prolog, @unit @count times and @epilog, written as
 * gzip members that each hold @unit many times: libarchive reads the
 * members one after the other, as gzip does, so that a bomb of a gigabyte
 * takes a moment to write. */
static char *
write_gzip_bomb (const char *dir,
                 const char *name,
                 const char *prolog,
                 const char *unit,
                 guint64     size,
                 const char *epilog)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                                     NULL);
  g_autoptr(GString) block = g_string_new (NULL);
  g_autoptr(GBytes) member = NULL;
  guint64 written = 0;
  GError *error = NULL;

  g_assert_nonnull (out);

  /* One member, compressed. */
#define WRITE_MEMBER(text, length)                                                       \
  G_STMT_START {                                                                         \
    g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9); \
    g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();          \
    g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (compressor)); \
    g_assert_true (g_output_stream_write_all (gzip, text, length, NULL, NULL, &error));  \
    g_assert_true (g_output_stream_close (gzip, NULL, &error));                          \
    g_clear_pointer (&member, g_bytes_unref);                                            \
    member = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));    \
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), g_bytes_get_data (member, NULL), \
                                              g_bytes_get_size (member), NULL, NULL, &error)); \
  } G_STMT_END

  WRITE_MEMBER (prolog, strlen (prolog));
  while (block->len < 1024 * 1024)
    g_string_append (block, unit);
  WRITE_MEMBER (block->str, block->len);
  for (written = block->len; written < size; written += block->len)
    g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), g_bytes_get_data (member, NULL),
                                              g_bytes_get_size (member), NULL, NULL, &error));
  WRITE_MEMBER (epilog, strlen (epilog));
#undef WRITE_MEMBER

  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
run_in_subprocess (void)
{
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The file of the review: 300 MB of summary text split by empty comments
 * (so that no single text node is large), gzipped to well under 1 MB. It
 * used to import "successfully" at 1.8 GB of memory. */
static void
test_summary_bomb (void)
{
  static const char * const fragments[] = {
    "line 4:", "<full-summary>", "topic 1 (“Bomb”)", "256 KB", NULL,
  };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double seconds;
  glong before;
  glong after;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  dir = hl_test_scratch_dir ("summary-bomb");
  path = write_gzip_bomb (dir, "mplus_topics_bomb.xml.gz", PROLOG TOPIC_START "<full-summary>",
                          "lorem ipsum<!---->", G_GUINT64_CONSTANT (300) << 20,
                          "</full-summary>\n" TOPIC_END);
  {
    g_autoptr(GBytes) bytes = hl_test_read_bytes (path);
    g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", path, g_bytes_get_size (bytes));
  }

  before = max_rss_kb ();
  seconds = assert_refused (dir, path, HL_ERROR_TOO_LARGE, fragments);
  after = max_rss_kb ();
  g_printerr ("summary bomb: refused in %.3f s, peak memory grew by %ld KiB\n", seconds,
              after - before);
  /* Refused at the summary's limit, 256 KB in: memory hardly moved. */
  g_assert_cmpint (after - before, <, 32 * 1024);
}

/* Each limit, on a plain file just past it, names what is too large. */
static void
test_field_limits (void)
{
  static const struct {
    const char *name;
    const char *before;     /* the XML before the repeated unit */
    const char *unit;
    guint       count;
    const char *after;
    const char *fragments[4];
  } cases[] = {
    { "summary", PROLOG TOPIC_START "<full-summary>", "&lt;p&gt;word&lt;/p&gt;<!-- -->", 30000,
      "</full-summary>\n" TOPIC_END,
      { "line 4:", "The text of <full-summary> in topic 1 (“Bomb”) is larger than 256 KB", NULL } },
    { "title", PROLOG "<health-topic url=\"https://medlineplus.gov/t.html\" id=\"7\" title=\"",
      "Long title ", 1000, "\" language=\"English\">\n" TOPIC_END,
      { "line 3:", "The “title” attribute of <health-topic> in topic 7 is longer than 8 KB", NULL } },
    { "site-url", PROLOG TOPIC_START "<site title=\"A site\" url=\"https://example.org/", "aaaaaaaaaa",
      1000, "\">\n<information-category>Start Here</information-category>\n</site>\n" TOPIC_END,
      { "line 4:", "The “url” attribute of <site> in topic 1 is longer than 8 KB", NULL } },
    { "also-called", PROLOG TOPIC_START "<also-called>", "synonym ", 2000,
      "</also-called>\n" TOPIC_END,
      { "line 4:", "The text of <also-called> in topic 1 (“Bomb”) is larger than 8 KB", NULL } },
    { "topic-bytes", PROLOG TOPIC_START, "<see-reference>Six thousand bytes of terms, many times "
      "over, every one of them well under the limit of a field but all of them together far past "
      "the limit of a topic, which is one megabyte.</see-reference>\n", 7000, TOPIC_END,
      { "line 3:", "Topic 1 holds more than 1 MB of text", NULL } },
    { "elements", PROLOG TOPIC_START, "<site title=\"s\" url=\"https://example.org/\"/>\n", 10001,
      TOPIC_END,
      { "line 3:", "Topic 1 has more than 10000 elements", NULL } },
    { "run", PROLOG, "        ", 140000, TOPIC_START TOPIC_END,
      { "line 3:", "a text or a tag longer than 1 MB", NULL } },
    { "depth", PROLOG TOPIC_START "<site title=\"s\" url=\"https://example.org/\">", "<x>", 100,
      "</site>" TOPIC_END,
      { "line 4:", "nested far too deeply", NULL } },
    { "root-child", PROLOG, "<x/>", 100, TOPIC_START TOPIC_END,
      { "line 3:", "<x> is not part of a MedlinePlus health-topic file", NULL } },
    /* libxml2 reads what comes before the root element (a DOCTYPE whole)
     * before the reader returns anything. */
    { "prolog", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<!-- a comment, many times -->\n",
      10000, "<health-topics>\n" TOPIC_START TOPIC_END,
      { "The file holds more than 256 KB before its first element", NULL } },
  };
  static const int codes[] = {
    HL_ERROR_TOO_LARGE, HL_ERROR_TOO_LARGE, HL_ERROR_TOO_LARGE, HL_ERROR_TOO_LARGE,
    HL_ERROR_TOO_LARGE, HL_ERROR_TOO_LARGE, HL_ERROR_TOO_LARGE, HL_ERROR_PARSE,
    HL_ERROR_INVALID_FILE, HL_ERROR_TOO_LARGE,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == G_N_ELEMENTS (codes));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = hl_test_scratch_dir (cases[i].name);
      g_autofree char *name = g_strdup_printf ("mplus_topics_%s.xml", cases[i].name);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GString) xml = g_string_new (cases[i].before);

      for (guint n = 0; n < cases[i].count; n++)
        g_string_append (xml, cases[i].unit);
      g_string_append (xml, cases[i].after);
      hl_test_write_or_die (path, xml->str, xml->len);

      g_test_message ("%s", cases[i].name);
      assert_refused (dir, path, codes[i], cases[i].fragments);
    }
}

/* Just under the limits is fine: the limits are far above real data, not
 * at it. */
static void
test_under_limits (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("under-limits");
  g_autofree char *path = g_build_filename (dir, "mplus_topics_large.xml", NULL);
  g_autofree char *library = hl_test_library_in (dir);
  g_autoptr(GString) xml = g_string_new (PROLOG TOPIC_START "<full-summary>");
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(GError) error = NULL;

  /* 200 KB of summary, forty times the largest real one. */
  while (xml->len < 200 * 1024)
    g_string_append (xml, "&lt;p&gt;A paragraph of a long summary.&lt;/p&gt;\n");
  g_string_append (xml, "</full-summary>\n");
  for (guint i = 0; i < 500; i++)
    g_string_append_printf (xml, "<site title=\"Site %u\" url=\"https://example.org/%u\">\n"
                                 "<information-category>Start Here</information-category>\n"
                                 "</site>\n", i, i);
  g_string_append (xml, TOPIC_END);
  hl_test_write_or_die (path, xml->str, xml->len);

  hl_test_import_or_die (path, library);
  store = hl_test_open_store (library);
  topic = hl_topic_store_load_topic (store, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);
  g_assert_cmpuint (topic->sites->len, ==, 500);
  g_assert_cmpuint (strlen (topic->summary), >, 150 * 1024);
}

/* A gzip file of a gigabyte of <x/>, about 1 MB on disk. It used to run to
 * the old 1 GiB cap, 30 to 54 s, before it was refused; now the first <x/>
 * stops it, on line 3. */
static void
test_element_bomb (void)
{
  static const char * const fragments[] = {
    "line 3:", "<x> is not part of a MedlinePlus health-topic file", NULL,
  };
  g_autofree char *dir = hl_test_scratch_dir ("element-bomb");
  g_autofree char *path = write_gzip_bomb (dir, "mplus_topics_x.xml.gz",
                                           "<?xml version=\"1.0\"?>\n<health-topics>\n",
                                           "<x/>", G_GUINT64_CONSTANT (1) << 30,
                                           "</health-topics>\n");
  assert_refused (dir, path, HL_ERROR_INVALID_FILE, fragments);
}

/* Well-formed XML that expands far beyond what XML compresses to: refused
 * by its ratio, once 16 MB have come out, not at the size cap (which would
 * say "expands to more than 200 MB"). */
static void
test_ratio_bomb (void)
{
  static const char * const fragments[] = { "expands to more than 50 times its size", NULL };
  g_autofree char *dir = hl_test_scratch_dir ("ratio-bomb");
  g_autofree char *path = write_gzip_bomb (dir, "mplus_topics_comments.xml.gz",
                                           "<?xml version=\"1.0\"?>\n<health-topics>\n",
                                           "<!-- a comment -->\n", G_GUINT64_CONSTANT (1) << 30,
                                           "</health-topics>\n");
  assert_refused (dir, path, HL_ERROR_UNSAFE, fragments);
}

/* A file larger than the cap is refused before anything is read. */
static void
test_size_cap (void)
{
  static const char * const fragments[] = { "is too large (", NULL };
  g_autofree char *dir = hl_test_scratch_dir ("size-cap");
  g_autofree char *path = g_build_filename (dir, "mplus_topics_huge.xml", NULL);
  FILE *file = g_fopen (path, "w");

  /* Sparse: nothing is written but the size. */
  g_assert_nonnull (file);
  fputs ("<?xml version=\"1.0\"?>\n", file);
  g_assert_cmpint (ftruncate (fileno (file), 201 * 1024 * 1024), ==, 0);
  fclose (file);

  assert_refused (dir, path, HL_ERROR_TOO_LARGE, fragments);
}

/* A ZIP archive of @n entries named @names holding @contents. */
static char *
write_zip (const char         *dir,
           const char         *name,
           const char * const *names,
           GBytes * const     *contents,
           guint               n)
{
  char *path = g_build_filename (dir, name, NULL);
  struct archive *archive = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size = 0;
      const char *data = g_bytes_get_data (contents[i], &size);

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_size (entry, size);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (archive, data, size), ==, (la_ssize_t) size);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return path;
}

/* The topics entry is found by its name, in any case and folder; the first
 * entry is never taken just for being first. */
static void
test_zip_entries (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("zip-entries");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *small_path = hl_test_malformed_path ("bom.xml");
  g_autofree char *groups_path = g_test_build_filename (G_TEST_DIST, "..", "data", "library",
                                                        "mplus_topic_groups.xml", NULL);
  g_autoptr(GBytes) small = hl_test_read_bytes (small_path);
  g_autoptr(GBytes) groups = hl_test_read_bytes (groups_path);
  g_autoptr(GBytes) readme = g_bytes_new_static ("Read me.\n", 9);
  g_autoptr(GBytes) other = g_bytes_new_static ("<?xml version=\"1.0\"?>\n<other/>\n", 30);

  /* Behind a readme and another XML file, in a folder, in capitals. */
  {
    const char *names[] = { "readme.txt", "other.xml", "nlm/MPLUS_TOPICS_2026-04-27.XML" };
    GBytes *contents[] = { readme, other, small };
    g_autofree char *zip = write_zip (dir, "mplus_topics_compressed.zip", names, contents, 3);
    g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (zip, library);
    g_autoptr(GError) error = NULL;

    g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
    g_assert_no_error (error);
    hl_test_assert_counts (library, SMALL_EN, SMALL_ES);
  }

  /* The group list zipped, with the topics file beside it. */
  {
    const char *names[] = { "mplus_topics_2026-04-27.xml", "mplus_topic_groups_2026-04-27.xml" };
    GBytes *contents[] = { small, groups };
    g_autofree char *zip = write_zip (dir, "both.zip", names, contents, 2);
    g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (zip, library);
    g_autoptr(GError) error = NULL;

    hl_medlineplus_importer_set_groups_path (importer, zip);
    g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
    g_assert_no_error (error);
    hl_test_assert_counts (library, SMALL_EN, SMALL_ES);
  }

  /* Two candidates: which one was meant is not guessed. */
  {
    static const char * const fragments[] = {
      "several files", "mplus_topics_2026-04-26.xml, mplus_topics_2026-04-27.xml", NULL,
    };
    const char *names[] = { "mplus_topics_2026-04-26.xml", "mplus_topics_2026-04-27.xml" };
    GBytes *contents[] = { small, small };
    g_autofree char *sub = g_build_filename (dir, "two", NULL);
    g_autofree char *zip = NULL;

    g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
    zip = write_zip (sub, "two.zip", names, contents, 2);
    assert_refused (sub, zip, HL_ERROR_INVALID_FILE, fragments);
  }

  /* Only files of other names: refused, even if one is XML. */
  {
    static const char * const fragments[] = { "holds no MedlinePlus health-topic file", NULL };
    const char *names[] = { "topics.xml" };
    GBytes *contents[] = { small };
    g_autofree char *sub = g_build_filename (dir, "other", NULL);
    g_autofree char *zip = NULL;

    g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
    zip = write_zip (sub, "topics.zip", names, contents, 1);
    assert_refused (sub, zip, HL_ERROR_INVALID_FILE, fragments);
  }
}

/* A duplicate id deep in a full-size file is reported at its own line:
 * lines used to stop at 65,535. */
static void
test_big_line_numbers (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("big-lines");
  g_autofree char *corpus = hl_test_generate_corpus (dir, 2050);
  g_autofree char *path = g_build_filename (dir, "mplus_topics_duplicate.xml", NULL);
  g_autofree char *library = hl_test_library_in (dir);
  g_autoptr(GBytes) bytes = hl_test_read_bytes (corpus);
  g_autoptr(GString) xml = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_id = NULL;
  const char *first;
  char *victim = xml->str;
  int first_line = 1;
  int line = 1;

  /* The first topic, and the first topic from line 169,402 on. */
  first = strstr (xml->str, "<health-topic ");
  g_assert_nonnull (first);
  for (const char *p = xml->str; p < first; p++)
    first_line += *p == '\n';
  first_id = g_strndup (strstr (first, " id=\"") + 5, strcspn (strstr (first, " id=\"") + 5, "\""));

  /* memchr(), bounded: strchr() on 27 MB costs a strlen() a call under
   * AddressSanitizer's strict string checks. */
  while (line < 169402 || !g_str_has_prefix (victim, "<health-topic "))
    {
      victim = memchr (victim, '\n', xml->str + xml->len - victim);
      g_assert_nonnull (victim);
      victim++;
      line++;
    }
  g_test_message ("giving the topic on line %d the id %s of the topic on line %d",
                  line, first_id, first_line);
  {
    char *id = strstr (victim, " id=\"") + 5;
    gsize length = strcspn (id, "\"");

    g_string_erase (xml, id - xml->str, length);
    g_string_insert (xml, id - xml->str, first_id);
  }
  hl_test_write_or_die (path, xml->str, xml->len);

  g_assert_false (hl_test_import_file (path, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  expected = g_strdup_printf (", line %d: This topic has the id %s, already used by the topic "
                              "on line %d.", line, first_id, first_line);
  if (strstr (error->message, expected) == NULL)
    g_test_fail_printf ("“%s” is not in “%s”", expected, error->message);
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/importer/limits/summary-bomb", test_summary_bomb);
  g_test_add_func ("/core/importer/limits/fields", test_field_limits);
  g_test_add_func ("/core/importer/limits/under-limits", test_under_limits);
  g_test_add_func ("/core/importer/limits/element-bomb", test_element_bomb);
  g_test_add_func ("/core/importer/limits/ratio-bomb", test_ratio_bomb);
  g_test_add_func ("/core/importer/limits/size-cap", test_size_cap);
  g_test_add_func ("/core/importer/limits/zip-entries", test_zip_entries);
  g_test_add_func ("/core/importer/limits/big-line-numbers", test_big_line_numbers);

  return g_test_run ();
}
