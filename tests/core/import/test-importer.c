/* test-importer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing the starter corpus and the whole format. */

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

/* Starter corpus */

static void
test_starter_counts (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("starter");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *topics = hl_test_starter_path ();
  g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (topics, library);
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
  g_assert_cmpuint (hl_test_count_leftovers (dir), ==, 0);

  /* A database in rollback-journal mode (bytes 18 and 19 of the header are
   * 1): read-only, it needs no -wal or -shm file, which a read-only folder
   * could not hold. */
  bytes = hl_test_read_bytes (library);
  header = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 100);
  g_assert_cmpmem (header, 16, "SQLite format 3\0", 16);
  g_assert_cmpuint (header[18], ==, 1);
  g_assert_cmpuint (header[19], ==, 1);

  store = hl_test_open_store (library);
  g_assert_cmpstr (hl_topic_store_get_path (store), ==, library);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "en", NULL), ==, STARTER_EN);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "es", NULL), ==, STARTER_ES);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "Spanish", NULL), ==, STARTER_ES);
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL, NULL), ==, STARTER_EN + STARTER_ES);

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
    g_autoptr(GListModel) en = hl_topic_store_list_groups (store, "en", NULL);
    g_autoptr(GListModel) es = hl_topic_store_list_groups (store, "es", NULL);

    g_assert_cmpuint (g_list_model_get_n_items (en), ==, 23);
    g_assert_cmpuint (g_list_model_get_n_items (es), ==, 11);
  }
}

static void
test_starter_topic_fields (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("fields");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *topics = hl_test_starter_path ();
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

  hl_test_import_or_die (topics, library);
  store = hl_test_open_store (library);

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
  g_autofree char *dir = hl_test_scratch_dir ("pair");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *topics = hl_test_starter_path ();
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlTopic) en = NULL;
  g_autoptr(HlTopic) es = NULL;
  g_autoptr(GError) error = NULL;
  HlTopicLink *related;
  HlSite *site;

  hl_test_import_or_die (topics, library);
  store = hl_test_open_store (library);

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
  g_autofree char *dir = hl_test_scratch_dir ("sample");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *copy = g_build_filename (dir, "mplus_topics_2026-11-23.xml", NULL);
  g_autofree char *bom = hl_test_malformed_path ("bom.xml");
  g_autoptr(GBytes) bytes = hl_test_read_bytes (starter);
  g_autoptr(GError) error = NULL;

  /* The sample is known by its content: a copy of it under another name,
   * even zipped, is still the sample, and not a MedlinePlus release. */
  g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  hl_test_import_or_die (copy, library);
  {
    g_autoptr(HlTopicStore) store = hl_test_open_store (library);

    g_assert_cmpstr (hl_topic_store_get_meta (store, "sample"), ==, "1");
    g_assert_true (hl_topic_store_is_sample (store));
    g_assert_cmpstr (hl_topic_store_get_meta (store, "source"), ==, "mplus_topics_2026-11-23.xml");
    g_assert_cmpuint (hl_topic_store_count_topics (store, NULL, NULL), ==, STARTER_EN + STARTER_ES);
  }
  {
    g_autofree char *zip = hl_test_write_archive (dir, "mplus_topics_compressed.zip",
                                                  "mplus_topics_2026-11-23.xml", bytes);
    g_autoptr(HlTopicStore) store = NULL;

    hl_test_import_or_die (zip, library);
    store = hl_test_open_store (library);
    g_assert_true (hl_topic_store_is_sample (store));
  }

  /* One byte changed, and it is not the sample any more. */
  {
    g_autofree char *changed = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    char *title = strstr (changed, "title=\"Abdominal Pain\"");
    g_autoptr(HlTopicStore) store = NULL;

    g_assert_nonnull (title);
    title[strlen ("title=\"")] = 'a';
    g_file_set_contents (copy, changed, g_bytes_get_size (bytes), &error);
    g_assert_no_error (error);
    hl_test_import_or_die (copy, library);
    store = hl_test_open_store (library);
    g_assert_cmpstr (hl_topic_store_get_meta (store, "sample"), ==, "0");
    g_assert_false (hl_topic_store_is_sample (store));
  }

  hl_test_import_or_die (bom, library);
  {
    g_autoptr(HlTopicStore) store = hl_test_open_store (library);

    g_assert_cmpstr (hl_topic_store_get_meta (store, "sample"), ==, "0");
  }

  /* Asked for explicitly, either way. */
  {
    g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (bom, library);
    g_autoptr(HlTopicStore) store = NULL;

    hl_medlineplus_importer_set_sample (importer, TRUE);
    g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
    g_assert_no_error (error);
    store = hl_test_open_store (library);
    g_assert_true (hl_topic_store_is_sample (store));
  }
  {
    g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (starter, library);
    g_autoptr(HlTopicStore) store = NULL;

    hl_medlineplus_importer_set_sample (importer, FALSE);
    g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
    g_assert_no_error (error);
    store = hl_test_open_store (library);
    g_assert_false (hl_topic_store_is_sample (store));
  }
}

static void
test_default_library_path (void)
{
  g_autofree char *topics = hl_test_starter_path ();
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
  hl_test_assert_counts (expected, STARTER_EN, STARTER_ES);
}

/* A later import replaces the library as a whole. */
static void
test_reimport_replaces (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("reimport");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *bom = hl_test_malformed_path ("bom.xml");
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopic) topic = NULL;

  hl_test_import_or_die (starter, library);
  hl_test_import_or_die (bom, library);
  hl_test_assert_counts (library, SMALL_EN, SMALL_ES);

  store = hl_test_open_store (library);
  topic = hl_topic_store_load_topic (store, 6308, &error);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_assert_null (topic);
  g_clear_object (&store);
  g_clear_error (&error);

  hl_test_import_or_die (starter, library);
  hl_test_assert_counts (library, STARTER_EN, STARTER_ES);
  g_assert_cmpuint (hl_test_count_leftovers (dir), ==, 0);
}

/* A store opened before an import keeps reading the library it opened;
 * one opened after reads the new one. */
static void
test_replace_while_open (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("replace-open");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autofree char *bom = hl_test_malformed_path ("bom.xml");
  g_autoptr(HlTopicStore) old_store = NULL;
  g_autoptr(HlTopicStore) new_store = NULL;
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;

  hl_test_import_or_die (starter, library);
  old_store = hl_test_open_store (library);
  g_assert_cmpuint (hl_topic_store_count_topics (old_store, NULL, NULL), ==, STARTER_EN + STARTER_ES);

  hl_test_import_or_die (bom, library);

  g_assert_cmpuint (hl_topic_store_count_topics (old_store, "en", NULL), ==, STARTER_EN);
  topic = hl_topic_store_load_topic (old_store, 6308, &error);
  g_assert_no_error (error);
  g_assert_nonnull (topic);
  hits = hl_topic_store_search (old_store, "diabetes", "en", 5, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);

  new_store = hl_test_open_store (library);
  g_assert_cmpuint (hl_topic_store_count_topics (new_store, "en", NULL), ==, SMALL_EN);
  g_assert_cmpuint (hl_topic_store_count_topics (new_store, "es", NULL), ==, SMALL_ES);
  g_assert_cmpstr (hl_topic_store_get_meta (new_store, "sample"), ==, "0");
}

/* ZIP, gzip, UTF-16 and a byte-order mark all give the same library. */
static void
test_containers_and_encodings (void)
{
  static const char *files[] = { "bom.xml", "zip.zip", "gzip.xml.gz", "utf16.xml" };
  g_autofree char *dir = hl_test_scratch_dir ("encodings");
  g_autoptr(GPtrArray) reference = NULL;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = hl_test_malformed_path (files[f]);
      g_autofree char *sub = g_build_filename (dir, files[f], NULL);
      g_autofree char *library = NULL;
      g_autoptr(HlMedlinePlusImporter) importer = NULL;
      g_autoptr(HlTopicStore) store = NULL;
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      const char *languages[] = { "en", "es" };

      g_test_message ("importing %s", files[f]);
      g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
      library = hl_test_library_in (sub);
      importer = hl_test_new_importer (path, library);
      g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "en"), ==, SMALL_EN);
      g_assert_cmpuint (hl_medlineplus_importer_get_n_topics (importer, "es"), ==, SMALL_ES);

      store = hl_test_open_store (library);
      g_assert_cmpuint (hl_topic_store_count_topics (store, "en", NULL), ==, SMALL_EN);
      g_assert_cmpuint (hl_topic_store_count_topics (store, "es", NULL), ==, SMALL_ES);
      g_assert_cmpstr (hl_topic_store_get_meta (store, "sample"), ==, "0");
      g_assert_nonnull (hl_topic_store_get_meta (store, "date-generated"));

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          g_autoptr(GListModel) list = hl_topic_store_list_topics_by_letter (store, languages[l], 0, NULL);

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
  g_autofree char *dir = hl_test_scratch_dir ("full-record");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "full-record.xml", NULL);
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(HlTopic) bare = NULL;
  g_autoptr(GError) error = NULL;
  HlMeshHeading *mesh;
  HlOtherLanguage *other;
  HlTopicLink *link;

  hl_test_import_or_die (path, library);
  store = hl_test_open_store (library);
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
  g_autofree char *dir = hl_test_scratch_dir ("skipped");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "index-letters.xml", NULL);
  g_autoptr(HlMedlinePlusImporter) importer = hl_test_new_importer (path, library);
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopic) topic = NULL;

  g_assert_true (hl_medlineplus_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hl_medlineplus_importer_get_n_skipped (importer), ==, 1);

  store = hl_test_open_store (library);
  topic = hl_topic_store_load_topic (store, 9300, &error);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_assert_null (topic);
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

  return g_test_run ();
}
