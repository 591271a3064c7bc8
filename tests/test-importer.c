/* test-importer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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

/* The starter corpus in data/library. */
#define STARTER_EN     39
#define STARTER_ES     17
#define STARTER_SITES  197
#define STARTER_GROUPS 23

/* The files in tests/data/malformed were made with
 * tests/gen-corpus.py --topics 8: 4 English and 4 Spanish topics. */
#define SMALL_EN 4
#define SMALL_ES 4

#define IMPORT_PREFIX "library.db.import-"

/* Helpers */

/* A folder of its own under the per-test data dir, which
 * G_TEST_OPTION_ISOLATE_DIRS makes private to each test and removes
 * afterwards. */
static char *
scratch_dir (const char *name)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), "importer-tests", name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static char *
library_in (const char *dir)
{
  return g_build_filename (dir, "library.db", NULL);
}

static char *
malformed_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "malformed", name, NULL);
}

static char *
starter_path (void)
{
  char *path = hl_paths_find_starter_topics ();

  g_assert_nonnull (path);
  return path;
}

static HlMedlinePlusImporter *
new_importer (const char *topics_path,
              const char *library_path)
{
  HlMedlinePlusImporter *importer = hl_medlineplus_importer_new (topics_path);

  hl_medlineplus_importer_set_library_path (importer, library_path);
  return importer;
}

static gboolean
import_file (const char  *topics_path,
             const char  *library_path,
             GError     **error)
{
  g_autoptr(HlMedlinePlusImporter) importer = new_importer (topics_path, library_path);

  return hl_medlineplus_importer_run (importer, NULL, error);
}

static void
import_or_die (const char *topics_path,
               const char *library_path)
{
  g_autoptr(GError) error = NULL;

  if (!import_file (topics_path, library_path, &error))
    g_error ("Importing %s failed: %s", topics_path, error->message);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Names in @dir that an unfinished import would leave behind. */
static guint
count_leftovers (const char *dir_path)
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

static gboolean
bytes_contain (GBytes     *bytes,
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

static HlTopicStore *
open_store (const char *library_path)
{
  g_autoptr(GError) error = NULL;
  HlTopicStore *store = hl_topic_store_open (library_path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
assert_counts (const char *library_path,
               guint       n_en,
               guint       n_es)
{
  g_autoptr(HlTopicStore) store = open_store (library_path);

  g_assert_cmpuint (hl_topic_store_count_topics (store, "en"), ==, n_en);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "es"), ==, n_es);
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL), ==, n_en + n_es);
}

/* The library file has exactly the bytes it had, still opens and still
 * holds the starter corpus; no half-built library is left next to it. */
static void
assert_library_unchanged (const char *library_path,
                          GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (library_path);
  g_autofree char *dir = g_path_get_dirname (library_path);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_leftovers (dir), ==, 0);
  assert_counts (library_path, STARTER_EN, STARTER_ES);

  /* Reading it must not have changed it either. */
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (library_path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
assert_message_names_file (const GError *error,
                           const char   *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_test_message ("%s", error->message);
  if (strstr (error->message, display) == NULL)
    g_test_fail_printf ("The message “%s” does not name “%s”", error->message, display);
  /* One message, on one line, not libxml2's multi-line report. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strstr (error->message, "line 0"));
}

/* @line 0: the message has no line; -1: it has one; else that line. */
static void
assert_message_line (const GError *error,
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

/* Starter corpus */

static void
test_starter_counts (void)
{
  g_autofree char *dir = scratch_dir ("starter");
  g_autofree char *library = library_in (dir);
  g_autofree char *topics = starter_path ();
  g_autoptr(HlMedlinePlusImporter) importer = new_importer (topics, library);
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(GDateTime) imported_at = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *header;
  gsize size;

  g_assert_false (g_file_test (library, G_FILE_TEST_EXISTS));

  g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "en"), ==, STARTER_EN);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "es"), ==, STARTER_ES);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "English"), ==, STARTER_EN);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, NULL), ==,
                    STARTER_EN + STARTER_ES);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_sites (importer), ==, STARTER_SITES);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_groups (importer), ==, STARTER_GROUPS);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_skipped (importer), ==, 0);
  g_assert_cmpfloat (hl_medlineplus_importer_get_seconds (importer), >, 0.0);

  g_assert_true (g_file_test (library, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_leftovers (dir), ==, 0);

  /* A database in write-ahead-log mode: bytes 18 and 19 of the header are 2. */
  bytes = read_bytes (library);
  header = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 100);
  g_assert_cmpmem (header, 16, "SQLite format 3\0", 16);
  g_assert_cmpuint (header[18], ==, 2);
  g_assert_cmpuint (header[19], ==, 2);

  store = open_store (library);
  g_assert_cmpstr (hl_topic_store_get_path (store), ==, library);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "en"), ==, STARTER_EN);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "es"), ==, STARTER_ES);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "Spanish"), ==, STARTER_ES);
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL), ==, STARTER_EN + STARTER_ES);

  g_assert_cmpstr (hl_topic_store_get_meta (store, "date-generated"), ==, "2026-11-23T08:25:09");
  g_assert_cmpstr (hl_topic_store_get_meta (store, "sample"), ==, "1");
  g_assert_true (hl_topic_store_is_sample (store));
  g_assert_cmpstr (hl_topic_store_get_meta (store, "source"), ==, "mplus_topics_starter.xml");
  g_assert_cmpstr (hl_topic_store_get_meta (store, "topics-en"), ==, "39");
  g_assert_cmpstr (hl_topic_store_get_meta (store, "topics-es"), ==, "17");
  g_assert_cmpstr (hl_topic_store_get_meta (store, "sites"), ==, "197");
  g_assert_cmpstr (hl_topic_store_get_meta (store, "declared-total"), ==, "56");
  g_assert_null (hl_topic_store_get_meta (store, "no-such-key"));

  imported_at = g_date_time_new_from_iso8601 (hl_topic_store_get_meta (store, "imported-at"), NULL);
  g_assert_nonnull (imported_at);

  /* Groups with topics, per language. */
  {
    g_autoptr(GListModel) en = hl_topic_store_list_groups (store, "en");
    g_autoptr(GListModel) es = hl_topic_store_list_groups (store, "es");

    g_assert_cmpuint (g_list_model_get_n_items (en), ==, 23);
    g_assert_cmpuint (g_list_model_get_n_items (es), ==, 11);
  }
}

static void
test_starter_topic_fields (void)
{
  g_autofree char *dir = scratch_dir ("fields");
  g_autofree char *library = library_in (dir);
  g_autofree char *topics = starter_path ();
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  static const char *site_titles[] = {
    "A1C and eAG",
    "A1C test",
    "A1C Test and Diabetes",
    "A1C Test and Race/Ethnicity",
    "ClinicalTrials.gov: Hemoglobin A1C",
    "Hemoglobin A1C (HbA1c) Test",
    "A1C",
    "Understanding A1C",
  };
  HlTopicLink *group;
  HlMeshHeading *mesh;
  HlOtherLanguage *other;
  HlSite *site;

  import_or_die (topics, library);
  store = open_store (library);

  topic = hl_topic_store_load_topic (store, 6308, &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);

  g_assert_cmpint (topic->id, ==, 6308);
  g_assert_cmpstr (topic->language, ==, "en");
  g_assert_cmpstr (topic->title, ==, "A1C");
  g_assert_cmpstr (topic->url, ==, "https://medlineplus.gov/a1c.html");
  g_assert_cmpstr (topic->meta_desc, ==,
                   "If you are being tested for Type 2 diabetes, your doctor gives you an A1C "
                   "test. The test is also used to monitor your A1C levels.");
  g_assert_cmpstr (topic->date_created, ==, "2015-12-22");

  g_assert_cmpuint (topic->also_called->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (topic->also_called, 0), ==, "Glycohemoglobin");
  g_assert_cmpstr (g_ptr_array_index (topic->also_called, 1), ==, "HbA1C");
  g_assert_cmpstr (g_ptr_array_index (topic->also_called, 2), ==, "Hemoglobin A1C test");

  g_assert_cmpuint (topic->see_references->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (topic->see_references, 0), ==, "Hemoglobin A1c");

  /* The summary is kept as sanitized HTML. */
  g_assert_nonnull (topic->summary);
  g_assert_true (g_str_has_prefix (topic->summary, "<p>A1C is a blood test for <a href=\"https://medlineplus.gov/diabetestype2.html\">type 2 diabetes</a>"));
  g_assert_nonnull (strstr (topic->summary, "<li>A normal A1C level is below 5.7%</li>"));
  g_assert_null (strstr (topic->summary, "class="));
  g_assert_null (strstr (topic->summary, "&lt;p"));

  g_assert_cmpuint (topic->groups->len, ==, 2);
  group = g_ptr_array_index (topic->groups, 0);
  g_assert_cmpint (group->id, ==, 25);
  g_assert_cmpstr (group->title, ==, "Diagnostic Tests");
  g_assert_cmpstr (group->url, ==, "https://medlineplus.gov/diagnostictests.html");
  group = g_ptr_array_index (topic->groups, 1);
  g_assert_cmpint (group->id, ==, 45);
  g_assert_cmpstr (group->title, ==, "Diabetes Mellitus");
  g_assert_cmpstr (group->url, ==, "https://medlineplus.gov/diabetesmellitus.html");

  g_assert_nonnull (topic->mapped);
  g_assert_cmpint (topic->mapped->id, ==, 6309);
  g_assert_cmpstr (topic->mapped->language, ==, "es");
  g_assert_cmpstr (topic->mapped->title, ==, "Prueba de hemoglobina glicosilada (HbA1c)");
  g_assert_cmpstr (topic->mapped->url, ==, "https://medlineplus.gov/spanish/a1c.html");

  g_assert_cmpuint (topic->mesh_headings->len, ==, 1);
  mesh = g_ptr_array_index (topic->mesh_headings, 0);
  g_assert_cmpstr (mesh->descriptor_id, ==, "D006442");
  g_assert_cmpstr (mesh->descriptor, ==, "Glycated Hemoglobin");
  g_assert_cmpuint (mesh->qualifiers->len, ==, 0);
  g_assert_cmpuint (mesh->qualifier_ids->len, ==, 0);

  g_assert_cmpuint (topic->other_languages->len, ==, 1);
  other = g_ptr_array_index (topic->other_languages, 0);
  g_assert_cmpstr (other->name, ==, "Spanish");
  g_assert_cmpstr (other->vernacular_name, ==, "español");
  g_assert_cmpstr (other->url, ==, "https://medlineplus.gov/spanish/a1c.html");

  g_assert_cmpstr (topic->institute, ==,
                   "National Institute of Diabetes and Digestive and Kidney Diseases");
  g_assert_cmpstr (topic->institute_url, ==, "https://www.niddk.nih.gov");

  g_assert_cmpuint (topic->related->len, ==, 0);

  /* Every site, in file order. */
  g_assert_cmpuint (topic->sites->len, ==, G_N_ELEMENTS (site_titles));
  for (guint i = 0; i < G_N_ELEMENTS (site_titles); i++)
    {
      site = g_ptr_array_index (topic->sites, i);
      g_assert_cmpstr (site->title, ==, site_titles[i]);
    }

  site = g_ptr_array_index (topic->sites, 0);
  g_assert_cmpstr (site->url, ==, "https://diabetes.org/a1c-eag-conversion-calculator");
  g_assert_cmpstr (site->mapped_url, ==,
                   "http://www.diabetes.org/es/vivir-con-diabetes/tratamiento-y-cuidado/"
                   "el-control-de-la-glucosa-en-la-sangre/a1c-y-eag.html?loc=lwd-es-slabnav");
  g_assert_cmpuint (site->categories->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (site->categories, 0), ==, "Learn More");
  g_assert_cmpuint (site->organizations->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (site->organizations, 0), ==, "American Diabetes Association");
  g_assert_cmpuint (site->descriptions->len, ==, 0);

  site = g_ptr_array_index (topic->sites, 2);
  g_assert_cmpstr (site->url, ==,
                   "https://www.niddk.nih.gov/health-information/diagnostic-tests/a1c-test");
  g_assert_cmpstr (g_ptr_array_index (site->organizations, 0), ==,
                   "National Institute of Diabetes and Digestive and Kidney Diseases");
  g_assert_cmpuint (site->descriptions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (site->descriptions, 0), ==, "NIH");

  /* No language-mapped-url: none is made up. */
  site = g_ptr_array_index (topic->sites, 3);
  g_assert_null (site->mapped_url);

  /* Entities in attributes are decoded. */
  site = g_ptr_array_index (topic->sites, 4);
  g_assert_cmpstr (site->url, ==,
                   "https://clinicaltrials.gov/search?intr=%22Hemoglobin+A1C%22"
                   "&aggFilters=status:not%20rec");
  g_assert_cmpstr (g_ptr_array_index (site->categories, 0), ==, "Clinical Trials");

  /* A site without an organization. */
  site = g_ptr_array_index (topic->sites, 6);
  g_assert_cmpstr (g_ptr_array_index (site->categories, 0), ==, "Journal Articles");
  g_assert_cmpuint (site->organizations->len, ==, 0);
}

static void
test_starter_language_pair (void)
{
  g_autofree char *dir = scratch_dir ("pair");
  g_autofree char *library = library_in (dir);
  g_autofree char *topics = starter_path ();
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlTopic) en = NULL;
  g_autoptr(HlTopic) es = NULL;
  g_autoptr(GError) error = NULL;
  HlTopicLink *related;
  HlSite *site;

  import_or_die (topics, library);
  store = open_store (library);

  en = hl_topic_store_load_topic (store, 3061, &error);
  g_assert_no_error (error);
  es = hl_topic_store_load_topic (store, 3062, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (en->title, ==, "Abdominal Pain");
  g_assert_cmpstr (en->language, ==, "en");
  g_assert_cmpstr (en->date_created, ==, "2003-01-07");
  g_assert_nonnull (en->mapped);
  g_assert_cmpint (en->mapped->id, ==, 3062);
  g_assert_cmpstr (en->mapped->language, ==, "es");
  g_assert_cmpstr (en->mapped->title, ==, "Dolor abdominal");
  g_assert_cmpstr (en->mapped->url, ==, "https://medlineplus.gov/spanish/abdominalpain.html");

  g_assert_cmpstr (es->title, ==, "Dolor abdominal");
  g_assert_cmpstr (es->language, ==, "es");
  g_assert_cmpstr (es->date_created, ==, "2003-02-07");
  g_assert_nonnull (es->mapped);
  g_assert_cmpint (es->mapped->id, ==, 3061);
  g_assert_cmpstr (es->mapped->language, ==, "en");
  g_assert_cmpstr (es->mapped->title, ==, "Abdominal Pain");
  g_assert_cmpstr (es->mapped->url, ==, en->url);
  g_assert_cmpstr (en->mapped->url, ==, es->url);

  /* Both are in group 2, each under its own language's name. */
  g_assert_cmpuint (en->groups->len, ==, 2);
  g_assert_cmpuint (es->groups->len, ==, 2);
  g_assert_cmpstr (((HlTopicLink *) g_ptr_array_index (en->groups, 0))->title, ==,
                   "Digestive System");
  g_assert_cmpstr (((HlTopicLink *) g_ptr_array_index (es->groups, 0))->title, ==,
                   "Sistema digestivo");
  g_assert_cmpstr (((HlTopicLink *) g_ptr_array_index (es->groups, 1))->title, ==, "Síntomas");

  g_assert_cmpuint (es->also_called->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (es->also_called, 1), ==, "Dolor de estómago");
  g_assert_cmpuint (en->see_references->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (en->see_references, 1), ==, "Pain, Abdominal");

  /* Related topics keep their ids and urls even when the library lacks them. */
  g_assert_cmpuint (en->related->len, ==, 3);
  related = g_ptr_array_index (en->related, 0);
  g_assert_cmpint (related->id, ==, 4293);
  g_assert_cmpstr (related->title, ==, "Indigestion");
  g_assert_cmpstr (related->url, ==, "https://medlineplus.gov/indigestion.html");
  related = g_ptr_array_index (en->related, 2);
  g_assert_cmpint (related->id, ==, 4486);
  g_assert_cmpstr (related->title, ==, "Pelvic Pain");

  g_assert_cmpuint (en->mesh_headings->len, ==, 1);
  g_assert_cmpstr (((HlMeshHeading *) g_ptr_array_index (en->mesh_headings, 0))->descriptor_id,
                   ==, "D015746");

  /* Sites with several organizations or categories keep them all, in order. */
  g_assert_cmpuint (en->sites->len, ==, 36);
  site = g_ptr_array_index (en->sites, 0);
  g_assert_cmpstr (site->title, ==, "Abdominal and Pelvic CT (Computed Tomography)");
  g_assert_cmpuint (site->organizations->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (site->organizations, 0), ==,
                   "Radiological Society of North America");
  g_assert_cmpstr (g_ptr_array_index (site->organizations, 1), ==, "American College of Radiology");
  g_assert_cmpstr (g_ptr_array_index (site->descriptions, 0), ==, "Video");
  site = g_ptr_array_index (en->sites, 5);
  g_assert_cmpstr (site->title, ==, "Abdominal pain");
  g_assert_cmpuint (site->categories->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (site->categories, 0), ==, "Patient Handouts");
  g_assert_cmpstr (g_ptr_array_index (site->categories, 1), ==, "Encyclopedia");

  g_assert_cmpuint (es->sites->len, ==, 30);
  site = g_ptr_array_index (es->sites, 0);
  g_assert_cmpstr (site->title, ==, "Cólico del lactante");
  g_assert_cmpstr (g_ptr_array_index (site->categories, 0), ==, "Niños");
  g_assert_cmpstr (g_ptr_array_index (site->organizations, 0), ==, "Fundación Nemours");
}

static void
test_sample_flag (void)
{
  g_autofree char *dir = scratch_dir ("sample");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autofree char *copy = g_build_filename (dir, "mplus_topics_2026-11-23.xml", NULL);
  g_autofree char *bom = malformed_path ("bom.xml");
  g_autoptr(GBytes) bytes = read_bytes (starter);
  g_autoptr(GError) error = NULL;

  /* The same bytes under another name are not the installed sample. */
  g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  import_or_die (copy, library);
  {
    g_autoptr(HlTopicStore) store = open_store (library);

    g_assert_cmpstr (hl_topic_store_get_meta (store, "sample"), ==, "0");
    g_assert_false (hl_topic_store_is_sample (store));
    g_assert_cmpstr (hl_topic_store_get_meta (store, "source"), ==, "mplus_topics_2026-11-23.xml");
    g_assert_cmpuint (hl_topic_store_count_topics (store, NULL), ==, STARTER_EN + STARTER_ES);
  }

  import_or_die (bom, library);
  {
    g_autoptr(HlTopicStore) store = open_store (library);

    g_assert_cmpstr (hl_topic_store_get_meta (store, "sample"), ==, "0");
  }

  /* Asked for explicitly, either way. */
  {
    g_autoptr(HlMedlinePlusImporter) importer = new_importer (bom, library);
    g_autoptr(HlTopicStore) store = NULL;

    hl_medlineplus_importer_set_sample (importer, TRUE);
    g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
    g_assert_no_error (error);
    store = open_store (library);
    g_assert_true (hl_topic_store_is_sample (store));
  }
  {
    g_autoptr(HlMedlinePlusImporter) importer = new_importer (starter, library);
    g_autoptr(HlTopicStore) store = NULL;

    hl_medlineplus_importer_set_sample (importer, FALSE);
    g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
    g_assert_no_error (error);
    store = open_store (library);
    g_assert_false (hl_topic_store_is_sample (store));
  }
}

static void
test_default_library_path (void)
{
  g_autofree char *topics = starter_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "health-library",
                                                "library.db", NULL);
  g_autoptr(HlMedlinePlusImporter) importer = hl_medlineplus_importer_new (topics);
  g_autoptr(GError) error = NULL;
  g_autofree char *library = hl_paths_get_library_path ();

  g_assert_cmpstr (library, ==, expected);
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  assert_counts (expected, STARTER_EN, STARTER_ES);
}

/* A later import replaces the library as a whole. */
static void
test_reimport_replaces (void)
{
  g_autofree char *dir = scratch_dir ("reimport");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autofree char *bom = malformed_path ("bom.xml");
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopic) topic = NULL;

  import_or_die (starter, library);
  import_or_die (bom, library);
  assert_counts (library, SMALL_EN, SMALL_ES);

  store = open_store (library);
  topic = hl_topic_store_load_topic (store, 6308, &error);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_assert_null (topic);
  g_clear_object (&store);
  g_clear_error (&error);

  import_or_die (starter, library);
  assert_counts (library, STARTER_EN, STARTER_ES);
  g_assert_cmpuint (count_leftovers (dir), ==, 0);
}

/* A store opened before an import keeps reading the library it opened;
 * one opened after reads the new one. */
static void
test_replace_while_open (void)
{
  g_autofree char *dir = scratch_dir ("replace-open");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autofree char *bom = malformed_path ("bom.xml");
  g_autoptr(HlTopicStore) old_store = NULL;
  g_autoptr(HlTopicStore) new_store = NULL;
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;

  import_or_die (starter, library);
  old_store = open_store (library);
  g_assert_cmpuint (hl_topic_store_count_topics (old_store, NULL), ==, STARTER_EN + STARTER_ES);

  import_or_die (bom, library);

  g_assert_cmpuint (hl_topic_store_count_topics (old_store, "en"), ==, STARTER_EN);
  topic = hl_topic_store_load_topic (old_store, 6308, &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);
  hits = hl_topic_store_search (old_store, "diabetes", "en", 5, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);

  new_store = open_store (library);
  g_assert_cmpuint (hl_topic_store_count_topics (new_store, "en"), ==, SMALL_EN);
  g_assert_cmpuint (hl_topic_store_count_topics (new_store, "es"), ==, SMALL_ES);
  g_assert_cmpstr (hl_topic_store_get_meta (new_store, "sample"), ==, "0");
}

/* ZIP, gzip, UTF-16 and a byte-order mark all give the same library. */
static void
test_containers_and_encodings (void)
{
  static const char *files[] = { "bom.xml", "zip.zip", "gzip.xml.gz", "utf16.xml" };
  g_autofree char *dir = scratch_dir ("encodings");
  g_autoptr(GPtrArray) reference = NULL;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = malformed_path (files[f]);
      g_autofree char *sub = g_build_filename (dir, files[f], NULL);
      g_autofree char *library = NULL;
      g_autoptr(HlMedlinePlusImporter) importer = NULL;
      g_autoptr(HlTopicStore) store = NULL;
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      const char *languages[] = { "en", "es" };

      g_test_message ("importing %s", files[f]);
      g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
      library = library_in (sub);
      importer = new_importer (path, library);
      g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "en"), ==, SMALL_EN);
      g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "es"), ==, SMALL_ES);

      store = open_store (library);
      g_assert_cmpuint (hl_topic_store_count_topics (store, "en"), ==, SMALL_EN);
      g_assert_cmpuint (hl_topic_store_count_topics (store, "es"), ==, SMALL_ES);
      g_assert_cmpstr (hl_topic_store_get_meta (store, "sample"), ==, "0");
      g_assert_nonnull (hl_topic_store_get_meta (store, "date-generated"));

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          g_autoptr(GListModel) list = hl_topic_store_list_topics_by_letter (store, languages[l], 0);

          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr(HlTopicRef) ref = g_list_model_get_item (list, i);
              g_autoptr(HlTopic) topic = hl_topic_store_load_topic (store, hl_topic_ref_get_id (ref),
                                                                    &error);

              g_assert_no_error (error);
              g_assert_true (g_utf8_validate (topic->title, -1, NULL));
              g_assert_true (g_utf8_validate (topic->summary, -1, NULL));
              g_ptr_array_add (titles, g_strdup_printf ("%d %s %s %u", topic->id, topic->title,
                                                        topic->language, topic->sites->len));
            }
        }

      if (reference == NULL)
        reference = g_steal_pointer (&titles);
      else
        {
          g_assert_cmpuint (titles->len, ==, reference->len);
          for (guint i = 0; i < titles->len; i++)
            g_assert_cmpstr (g_ptr_array_index (titles, i), ==, g_ptr_array_index (reference, i));
        }
    }
}

/* Every element of the format is kept, in file order; white space in text is
 * collapsed; what a record lacks stays empty. */
static void
test_full_record (void)
{
  g_autofree char *dir = scratch_dir ("full-record");
  g_autofree char *library = library_in (dir);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "full-record.xml", NULL);
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(HlTopic) bare = NULL;
  g_autoptr(GError) error = NULL;
  HlMeshHeading *mesh;
  HlOtherLanguage *other;
  HlTopicLink *link;

  import_or_die (path, library);
  store = open_store (library);
  g_assert_cmpstr (hl_topic_store_get_meta (store, "date-generated"), ==, "2026-07-08T09:10:11");

  topic = hl_topic_store_load_topic (store, 9401, &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);
  if (topic == NULL)
    return;

  g_assert_cmpstr (topic->title, ==, "Section Order");
  g_assert_cmpstr (topic->meta_desc, ==, "A description over lines.");
  g_assert_cmpstr (topic->date_created, ==, "2026-07-08");
  g_assert_cmpuint (topic->also_called->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (topic->also_called, 0), ==, "Many spaces here");
  g_assert_cmpstr (g_ptr_array_index (topic->also_called, 1), ==, "Second Name");
  g_assert_null (topic->mapped);

  g_assert_cmpuint (topic->groups->len, ==, 2);
  g_assert_cmpint (((HlTopicLink *) g_ptr_array_index (topic->groups, 1))->id, ==, 31);

  g_assert_cmpuint (topic->mesh_headings->len, ==, 2);
  mesh = g_ptr_array_index (topic->mesh_headings, 0);
  g_assert_cmpstr (mesh->descriptor_id, ==, "D000001");
  g_assert_cmpstr (mesh->descriptor, ==, "Descriptor One");
  g_assert_cmpuint (mesh->qualifier_ids->len, ==, 2);
  g_assert_cmpuint (mesh->qualifiers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (mesh->qualifier_ids, 0), ==, "Q000175");
  g_assert_cmpstr (g_ptr_array_index (mesh->qualifier_ids, 1), ==, "Q000628");
  g_assert_cmpstr (g_ptr_array_index (mesh->qualifiers, 0), ==, "diagnosis");
  g_assert_cmpstr (g_ptr_array_index (mesh->qualifiers, 1), ==, "therapy");
  mesh = g_ptr_array_index (topic->mesh_headings, 1);
  g_assert_cmpstr (mesh->descriptor_id, ==, "D000002");
  g_assert_cmpuint (mesh->qualifiers->len, ==, 0);

  g_assert_cmpuint (topic->other_languages->len, ==, 3);
  other = g_ptr_array_index (topic->other_languages, 1);
  g_assert_cmpstr (other->name, ==, "Chinese");
  g_assert_cmpstr (other->vernacular_name, ==, "中文");
  g_assert_cmpstr (other->url, ==, "https://medlineplus.gov/languages/chinese.html");
  other = g_ptr_array_index (topic->other_languages, 2);
  g_assert_cmpstr (other->name, ==, "French");

  g_assert_cmpstr (topic->institute, ==, "Institute Name");
  g_assert_cmpstr (topic->institute_url, ==, "https://www.niddk.nih.gov");

  g_assert_cmpuint (topic->related->len, ==, 2);
  link = g_ptr_array_index (topic->related, 0);
  g_assert_cmpint (link->id, ==, 424242);
  g_assert_cmpstr (link->title, ==, "Not In Library");
  g_assert_cmpstr (link->url, ==, "https://medlineplus.gov/notinlibrary.html");
  link = g_ptr_array_index (topic->related, 1);
  g_assert_cmpint (link->id, ==, 9402);

  g_assert_cmpuint (topic->see_references->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (topic->see_references, 1), ==, "Second Reference");
  g_assert_cmpuint (topic->sites->len, ==, 10);

  /* A topic with the required attributes only. */
  bare = hl_topic_store_load_topic (store, 9402, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bare);
  if (bare == NULL)
    return;
  g_assert_cmpstr (bare->title, ==, "Bare Topic");
  g_assert_null (bare->meta_desc);
  g_assert_null (bare->date_created);
  g_assert_null (bare->mapped);
  g_assert_null (bare->institute);
  g_assert_nonnull (bare->summary);
  g_assert_cmpuint (bare->also_called->len, ==, 0);
  g_assert_cmpuint (bare->groups->len, ==, 0);
  g_assert_cmpuint (bare->sites->len, ==, 0);
  g_assert_cmpuint (bare->mesh_headings->len, ==, 0);
}

/* Topics in other languages are left out and counted. */
static void
test_skipped_languages (void)
{
  g_autofree char *dir = scratch_dir ("skipped");
  g_autofree char *library = library_in (dir);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "index-letters.xml", NULL);
  g_autoptr(HlMedlinePlusImporter) importer = new_importer (path, library);
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopic) topic = NULL;

  g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_skipped (importer), ==, 1);

  store = open_store (library);
  topic = hl_topic_store_load_topic (store, 9300, &error);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_assert_null (topic);
}

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

static void
write_or_die (const char *path,
              const char *contents,
              gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

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

  write_or_die (path, xml->str, xml->len);
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

  write_or_die (path, xml->str, xml->len);
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
/* An archive holding @contents as its one entry: ZIP, or gzip when
 * @entry_name is NULL. */
static char *
write_archive (const char *dir,
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

static char *
make_zip_truncated_xml (const char *dir)
{
  g_autofree char *source = malformed_path ("truncated.xml");
  g_autoptr(GBytes) contents = read_bytes (source);

  return write_archive (dir, "mplus_topics_2026-04-27.zip", "mplus_topics_2026-04-27.xml",
                        contents);
}

static char *
make_zip_without_xml (const char *dir)
{
  g_autoptr(GBytes) contents = g_bytes_new_static ("Nothing to see.\n", 16);

  return write_archive (dir, "mplus_topics_2026-04-27.zip", "readme.txt", contents);
}

static char *
make_gzip_truncated_xml (const char *dir)
{
  g_autofree char *source = malformed_path ("truncated.xml");
  g_autoptr(GBytes) contents = read_bytes (source);

  return write_archive (dir, "mplus_topics_2026-04-27.xml.gz", NULL, contents);
}

/* The first half of a good archive. */
static char *
cut_in_half (const char *dir,
             const char *file)
{
  g_autofree char *source = malformed_path (file);
  g_autoptr(GBytes) contents = read_bytes (source);
  char *path = g_build_filename (dir, file, NULL);

  write_or_die (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents) / 2);
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
  { "huge-text", NULL, make_huge_text, HL_ERROR_PARSE, 4,
    "too long" },
  { "missing-path", NULL, make_missing, HL_ERROR_NOT_FOUND, 0,
    "does not exist" },
  { "zip-truncated-xml", NULL, make_zip_truncated_xml, HL_ERROR_INVALID_FILE, 609,
    "mplus_topics_2026-04-27.xml" },
  { "zip-without-xml", NULL, make_zip_without_xml, HL_ERROR_INVALID_FILE, 0,
    "holds no XML file" },
  { "zip-cut", NULL, make_zip_cut, HL_ERROR_INVALID_FILE, 0,
    "damaged" },
  { "gzip-truncated-xml", NULL, make_gzip_truncated_xml, HL_ERROR_INVALID_FILE, 609,
    "incomplete" },
  { "gzip-cut", NULL, make_gzip_cut, HL_ERROR_INVALID_FILE, 0,
    "damaged" },
  { "directory", NULL, make_directory, HL_ERROR_INVALID_FILE, 0,
    "folder" },
};

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *c = data;
  g_autofree char *dir = scratch_dir (c->name);
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autofree char *path = NULL;
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gboolean ok;

  import_or_die (starter, library);
  before = read_bytes (library);

  path = c->file ? malformed_path (c->file) : c->make (dir);
  importer = new_importer (path, library);

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
  assert_message_names_file (error, path);
  assert_message_line (error, c->line);
  if (strstr (error->message, c->fragment) == NULL)
    g_test_fail_printf ("“%s” is not in “%s”", c->fragment, error->message);

  /* A failed import reports nothing. */
  g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, NULL), ==, 0);

  assert_library_unchanged (library, before);
}

/* The message gives the line where the damage is. */
static void
test_malformed_lines (void)
{
  g_autofree char *dir = scratch_dir ("lines");
  g_autofree char *library = library_in (dir);
  g_autofree char *path = g_build_filename (dir, "broken.xml", NULL);
  g_autoptr(GError) error = NULL;

  write_or_die (path,
                PROLOG
                TOPIC_START (1, "One")
                "<full-summary>&lt;p&gt;Fine.&lt;/p&gt;</full-summary>\n"
                "</health-topic>\n"
                TOPIC_START (2, "Two")
                "<full-summary>Raw < here</full-summary>\n"
                "</health-topic>\n"
                "</health-topics>\n", -1);
  g_assert_false (import_file (path, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_PARSE);
  assert_message_names_file (error, path);
  assert_message_line (error, 7);
  g_clear_error (&error);

  /* Duplicate ids name both lines. */
  write_or_die (path,
                PROLOG
                TOPIC_START (1, "One")
                "</health-topic>\n"
                TOPIC_START (1, "One again")
                "</health-topic>\n"
                "</health-topics>\n", -1);
  g_assert_false (import_file (path, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  assert_message_names_file (error, path);
  assert_message_line (error, 5);
  g_assert_nonnull (strstr (error->message, "on line 3"));
  g_clear_error (&error);

  /* A topic without a title: the line where the topic starts. */
  write_or_die (path,
                PROLOG
                TOPIC_START (1, "One")
                "</health-topic>\n"
                "<health-topic url=\"https://medlineplus.gov/t2.html\" id=\"2\" language=\"English\">\n"
                "<full-summary>&lt;p&gt;Text.&lt;/p&gt;</full-summary>\n"
                "</health-topic>\n"
                "</health-topics>\n", -1);
  g_assert_false (import_file (path, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  assert_message_names_file (error, path);
  assert_message_line (error, 5);
  g_clear_error (&error);

  g_assert_false (g_file_test (library, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_leftovers (dir), ==, 0);
}

/* External entities are never read: rejected, or left unexpanded. */
static void
test_xxe (void)
{
  g_autofree char *dir = scratch_dir ("xxe");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autofree char *path = malformed_path ("xxe.xml");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) passwd = NULL;
  g_autoptr(GError) error = NULL;

  import_or_die (starter, library);
  before = read_bytes (library);

  if (import_file (path, library, &error))
    {
      g_autoptr(GBytes) after = read_bytes (library);

      g_test_message ("xxe.xml was imported; checking the entity was not expanded");
      g_assert_false (bytes_contain (after, "root:"));
      g_assert_false (bytes_contain (after, "/bin/"));
      assert_counts (library, SMALL_EN, SMALL_ES);
    }
  else
    {
      g_assert_error (error, HL_ERROR, HL_ERROR_UNSAFE);
      assert_message_names_file (error, path);
      g_assert_nonnull (strstr (error->message, "line "));
      assert_library_unchanged (library, before);
    }

  /* Whatever happened, nothing of the local file reached the library or
   * anything next to it. */
  if (g_file_test ("/etc/passwd", G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      g_autofree char *first_line = NULL;
      const char *name;

      passwd = read_bytes ("/etc/passwd");
      first_line = g_strndup (g_bytes_get_data (passwd, NULL),
                              strcspn (g_bytes_get_data (passwd, NULL), "\n"));
      g_test_message ("looking for “%s”", first_line);
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *file = g_build_filename (dir, name, NULL);
          g_autoptr(GBytes) contents = NULL;

          if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
            continue;
          contents = read_bytes (file);
          g_assert_false (bytes_contain (contents, "root:"));
          if (*first_line != '\0')
            g_assert_false (bytes_contain (contents, first_line));
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

  dir = scratch_dir ("laughs");
  library = library_in (dir);
  path = malformed_path ("billion-laughs.xml");

  before = max_rss_kb ();
  start = g_get_monotonic_time ();
  g_assert_false (import_file (path, library, &error));
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  after = max_rss_kb ();

  g_printerr ("billion-laughs: %.3f s, peak memory %ld KiB, grew by %ld KiB\n",
              seconds, after, after - before);
  g_assert_error (error, HL_ERROR, HL_ERROR_UNSAFE);
  g_assert_cmpfloat (seconds, <, 10.0);
  g_assert_cmpint (after - before, <, 50 * 1024);
  g_assert_false (g_file_test (library, G_FILE_TEST_EXISTS));
}

/* The allow-list, seen from the page: no markup of the page's body may run
 * code, load anything or restyle the page. Escaped text (&lt;script&gt;) is
 * harmless and allowed; every '<' in the body starts a real tag. */
static void
assert_body_is_safe (const char *uri,
                     const char *html)
{
  static const char *forbidden_tags[] = {
    "<script", "<iframe", "<svg", "<object", "<form", "<embed", "<math", "<style",
    "<img", "<input", "<button", "<link", "<meta", "<base", "<frame",
  };
  static const char *forbidden_in_tags[] = {
    "onerror", "onmouseover", "onload", "onclick", "javascript:", "vbscript:", "data:",
    "style=", "srcdoc", "src=",
  };
  const char *body;
  g_autofree char *lower = NULL;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  body = strstr (html, "<body");
  g_assert_nonnull (body);
  lower = g_ascii_strdown (body, -1);

  for (guint i = 0; i < G_N_ELEMENTS (forbidden_tags); i++)
    if (strstr (lower, forbidden_tags[i]) != NULL)
      g_test_fail_printf ("%s: the body has “%s”", uri, forbidden_tags[i]);

  for (const char *p = strchr (lower, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      g_autofree char *tag = NULL;

      if (end == NULL)
        {
          g_test_fail_printf ("%s: a tag is not closed", uri);
          return;
        }
      tag = g_strndup (p, end - p + 1);
      for (guint i = 0; i < G_N_ELEMENTS (forbidden_in_tags); i++)
        if (strstr (tag, forbidden_in_tags[i]) != NULL)
          g_test_fail_printf ("%s: the tag “%s” has “%s”", uri, tag, forbidden_in_tags[i]);

      /* Every link goes to the app, the web or a phone. */
      {
        const char *href = strstr (tag, "href=\"");

        if (href != NULL)
          {
            href += strlen ("href=\"");
            if (!g_str_has_prefix (href, "hl://") && !g_str_has_prefix (href, "https://") &&
                !g_str_has_prefix (href, "http://") && !g_str_has_prefix (href, "tel:"))
              g_test_fail_printf ("%s: the link “%s” is not allowed", uri, tag);
          }
      }
    }
}

static void
render_every_topic (const char *library_path,
                    guint      *n_rendered)
{
  g_autoptr(HlTopicStore) store = open_store (library_path);
  g_autoptr(HlPageRenderer) renderer = hl_page_renderer_new (store, NULL);
  const char *languages[] = { "en", "es" };

  *n_rendered = 0;
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) list = hl_topic_store_list_topics_by_letter (store, languages[l], 0);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (list, i);
          g_autofree char *uri = hl_topic_ref_dup_uri (ref);
          g_autoptr(GError) error = NULL;
          g_autofree char *html = hl_page_renderer_render (renderer, uri, &error);

          g_assert_no_error (error);
          g_assert_nonnull (html);
          assert_body_is_safe (uri, html);
          (*n_rendered)++;
        }
    }
}

static void
test_hostile_content (gconstpointer data)
{
  const char *file = data;
  g_autofree char *dir = scratch_dir (file);
  g_autofree char *library = library_in (dir);
  g_autofree char *path = malformed_path (file);
  g_autoptr(HlMedlinePlusImporter) importer = new_importer (path, library);
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
  store = open_store (library);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) list = hl_topic_store_list_topics_by_letter (store, languages[l], 0);

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
  g_autofree char *dir = scratch_dir ("script-title");
  g_autofree char *library = library_in (dir);
  g_autofree char *path = malformed_path ("script.xml");
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopicRef) hit = NULL;
  g_autoptr(HlTopic) topic = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *html = NULL;

  import_or_die (path, library);
  store = open_store (library);
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
  assert_body_is_safe (uri, html);
}

/* Links with scripts or data in them are shown as text, not links. */
static void
test_javascript_url_links (void)
{
  g_autofree char *dir = scratch_dir ("javascript-url-links");
  g_autofree char *library = library_in (dir);
  g_autofree char *path = malformed_path ("javascript-url.xml");
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autoptr(GListModel) list = NULL;
  guint n_victims = 0;

  import_or_die (path, library);
  store = open_store (library);
  renderer = hl_page_renderer_new (store, NULL);
  list = hl_topic_store_list_topics_by_letter (store, "en", 0);

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
      assert_body_is_safe (uri, html);
    }

  g_assert_cmpuint (n_victims, ==, 1);
}

/* Kill, cancel, lock */

static char *
generate_corpus (const char *dir,
                 guint       n_topics)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "gen-corpus.py", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n_topics);
  char *out = g_build_filename (dir, "mplus_topics_big.xml", NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, NULL, "--topics", NULL, "--quiet", "--out", NULL, NULL };

  if (python == NULL)
    {
      g_free (out);
      return NULL;
    }

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

static void
test_kill_mid_import (void)
{
  /* The import takes about half a second here; the first kill normally
   * lands in the middle of it. */
  static const guint delays_ms[] = { 50, 20, 80, 10, 120, 5 };
  g_autofree char *dir = scratch_dir ("kill");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autofree char *big = NULL;
  g_autoptr(GBytes) before = NULL;
  gboolean killed_mid_import = FALSE;

  big = generate_corpus (dir, 1500);
  if (big == NULL)
    {
      g_test_skip ("python3 is needed to make a large corpus");
      return;
    }

  import_or_die (starter, library);
  before = read_bytes (library);

  for (guint d = 0; d < G_N_ELEMENTS (delays_ms) && !killed_mid_import; d++)
    {
      int status = 0;
      pid_t pid;
      guint leftovers;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          HlMedlinePlusImporter *importer = new_importer (big, library);
          gboolean ok = hl_medlineplus_importer_run (importer, NULL, NULL);

          _exit (ok ? 0 : 1);
        }

      g_usleep (delays_ms[d] * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      if (WIFEXITED (status))
        {
          /* Finished before the kill: put the old library back, try sooner. */
          g_test_message ("the import ended (%d) within %u ms", WEXITSTATUS (status),
                          delays_ms[d]);
          import_or_die (starter, library);
          g_clear_pointer (&before, g_bytes_unref);
          before = read_bytes (library);
          continue;
        }
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      leftovers = count_leftovers (dir);
      g_test_message ("killed after %u ms; %u file(s) left over", delays_ms[d], leftovers);

      /* The old library, exactly, whenever the kill came. */
      {
        g_autoptr(GBytes) after = read_bytes (library);

        g_assert_true (g_bytes_equal (before, after));
      }
      assert_counts (library, STARTER_EN, STARTER_ES);

      /* The import had started writing its new library. */
      killed_mid_import = leftovers > 0;
    }

  if (!killed_mid_import)
    {
      g_test_skip ("could not kill the import while it was writing");
      return;
    }

  /* The next import succeeds and clears what the killed one left. */
  import_or_die (starter, library);
  g_assert_cmpuint (count_leftovers (dir), ==, 0);
  assert_counts (library, STARTER_EN, STARTER_ES);
}

static void
test_cancel_before (void)
{
  g_autofree char *dir = scratch_dir ("cancel-before");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autofree char *bom = malformed_path ("bom.xml");
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  import_or_die (starter, library);
  before = read_bytes (library);

  g_cancellable_cancel (cancellable);
  importer = new_importer (bom, library);
  g_assert_false (hl_medlineplus_importer_run (importer, cancellable, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_library_unchanged (library, before);
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
  g_autofree char *dir = scratch_dir ("cancel-midway");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autofree char *bom = malformed_path ("bom.xml");
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable, 0.0, 0, 0.3, NULL, FALSE, FALSE };

  import_or_die (starter, library);
  before = read_bytes (library);

  importer = new_importer (bom, library);
  hl_medlineplus_importer_set_progress_func (importer, on_progress, &progress, NULL);
  g_assert_false (hl_medlineplus_importer_run (importer, cancellable, &error));
  g_assert_nonnull (error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpfloat (progress.last, <, 1.0);
  assert_library_unchanged (library, before);
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
  g_autofree char *dir = scratch_dir ("async");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autoptr(HlMedlinePlusImporter) importer = new_importer (starter, library);
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
  assert_counts (library, STARTER_EN, STARTER_ES);
}

static void
test_async_cancel (void)
{
  g_autofree char *dir = scratch_dir ("async-cancel");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autoptr(HlMedlinePlusImporter) importer = new_importer (starter, library);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GBytes) before = NULL;
  AsyncResult async = { loop, FALSE, NULL };

  import_or_die (starter, library);
  before = read_bytes (library);

  hl_medlineplus_importer_run_async (importer, cancellable, on_import_done, &async);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (loop);

  g_assert_false (async.ok);
  g_assert_nonnull (async.error);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&async.error);
  assert_library_unchanged (library, before);
}

/* Only one import at a time may build the library. */
static void
test_locked (void)
{
  g_autofree char *dir = scratch_dir ("locked");
  g_autofree char *library = library_in (dir);
  g_autofree char *lock_path = g_strconcat (library, ".lock", NULL);
  g_autofree char *starter = starter_path ();
  g_autofree char *bom = malformed_path ("bom.xml");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  import_or_die (starter, library);
  before = read_bytes (library);

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  g_assert_false (import_file (bom, library, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_FAILED);
  g_test_message ("%s", error->message);
  assert_library_unchanged (library, before);
  g_clear_error (&error);

  close (fd);
  import_or_die (bom, library);
  assert_counts (library, SMALL_EN, SMALL_ES);
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
  g_autoptr(HlMedlinePlusImporter) importer = new_importer (topics, library);
  g_autoptr(GError) error = NULL;

  hl_medlineplus_importer_set_groups_path (importer, groups);
  g_assert_false (hl_medlineplus_importer_run (importer, NULL, &error));
  if (code >= 0)
    g_assert_error (error, HL_ERROR, code);
  else
    g_assert_true (error->domain == HL_ERROR);
  assert_message_names_file (error, groups);
  assert_library_unchanged (library, before);
}

/* A bad group file fails the import as a whole too. */
static void
test_bad_groups_file (void)
{
  g_autofree char *dir = scratch_dir ("groups");
  g_autofree char *library = library_in (dir);
  g_autofree char *starter = starter_path ();
  g_autofree char *bom = malformed_path ("bom.xml");
  g_autofree char *missing = g_build_filename (dir, "mplus_topic_groups_missing.xml", NULL);
  g_autofree char *truncated = malformed_path ("truncated.xml");
  g_autoptr(GBytes) before = NULL;

  import_or_die (starter, library);
  before = read_bytes (library);

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

  g_test_add_func ("/core/importer/starter/counts", test_starter_counts);
  g_test_add_func ("/core/importer/starter/topic-fields", test_starter_topic_fields);
  g_test_add_func ("/core/importer/starter/language-pair", test_starter_language_pair);
  g_test_add_func ("/core/importer/starter/sample-flag", test_sample_flag);
  g_test_add_func ("/core/importer/default-library-path", test_default_library_path);
  g_test_add_func ("/core/importer/reimport-replaces", test_reimport_replaces);
  g_test_add_func ("/core/importer/replace-while-open", test_replace_while_open);
  g_test_add_func ("/core/importer/containers-and-encodings", test_containers_and_encodings);
  g_test_add_func ("/core/importer/skipped-languages", test_skipped_languages);
  g_test_add_func ("/core/importer/full-record", test_full_record);

  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/importer/malformed/%s",
                                               malformed_cases[i].name);
      g_test_add_data_func (path, &malformed_cases[i], test_malformed);
    }
  g_test_add_func ("/core/importer/malformed/lines", test_malformed_lines);
  g_test_add_func ("/core/importer/malformed/xxe", test_xxe);
  g_test_add_func ("/core/importer/malformed/billion-laughs-memory", test_billion_laughs_memory);
  g_test_add_data_func ("/core/importer/hostile/script", "script.xml", test_hostile_content);
  g_test_add_data_func ("/core/importer/hostile/javascript-url", "javascript-url.xml",
                        test_hostile_content);
  g_test_add_func ("/core/importer/hostile/script-title", test_script_title_escaped);
  g_test_add_func ("/core/importer/hostile/javascript-url-links", test_javascript_url_links);

  g_test_add_func ("/core/importer/atomic/kill-mid-import", test_kill_mid_import);
  g_test_add_func ("/core/importer/atomic/cancel-before", test_cancel_before);
  g_test_add_func ("/core/importer/atomic/cancel-midway", test_cancel_midway);
  g_test_add_func ("/core/importer/atomic/async", test_async);
  g_test_add_func ("/core/importer/atomic/async-cancel", test_async_cancel);
  g_test_add_func ("/core/importer/atomic/locked", test_locked);
  g_test_add_func ("/core/importer/atomic/bad-groups-file", test_bad_groups_file);

  return g_test_run ();
}
