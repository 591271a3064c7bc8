/* test-topic-store.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening a library, its counts and lists, and single topics. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hl-error.h"
#include "hl-medlineplus-importer.h"
#include "hl-paths.h"
#include "hl-topic-store.h"

#include "test-util.h"

/* Opening */

static void
assert_open_fails (const char *path,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopicStore) store = hl_topic_store_open (path, &error);
  g_autofree char *display = g_filename_display_name (path);

  g_assert_null (store);
  g_assert_nonnull (error);
  if (error == NULL)
    return;
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == HL_ERROR);
  /* Only a missing library is "no library yet": anything else at that path
   * must be reported, never quietly replaced by a new one. */
  g_assert_cmpint (error->code, ==, code);
  g_assert_nonnull (strstr (error->message, display));
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_open_errors (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "open", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *text = g_build_filename (dir, "text.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.db", NULL);
  g_autofree char *other_db = g_build_filename (dir, "other.db", NULL);
  g_autofree char *old_format = g_build_filename (dir, "old.db", NULL);
  g_autofree char *starter = hl_paths_find_starter_topics ();
  guint8 noise[4096];

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  assert_open_fails (missing, HL_ERROR_NO_LIBRARY);
  /* A folder where the file should be is reported, not taken for none. */
  assert_open_fails (dir, HL_ERROR_INVALID_FILE);

  g_assert_true (g_file_set_contents (text, "This is not a database.\n", -1, NULL));
  assert_open_fails (text, HL_ERROR_INVALID_FILE);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_open_fails (empty, HL_ERROR_INVALID_FILE);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (i * 7919 + 13) & 0xff;
  g_assert_true (g_file_set_contents (binary, (const char *) noise, sizeof noise, NULL));
  assert_open_fails (binary, HL_ERROR_INVALID_FILE);

  /* The MedlinePlus XML file itself is no library. */
  assert_open_fails (starter, HL_ERROR_INVALID_FILE);

  /* Another application's database, and one of ours in another format. */
  exec_sql (other_db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);");
  assert_open_fails (other_db, HL_ERROR_INVALID_FILE);
  exec_sql (old_format, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                        "INSERT INTO meta VALUES ('format', '0');");
  assert_open_fails (old_format, HL_ERROR_INVALID_FILE);

  /* None of them was changed into a library. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "This is not a database.\n");
  }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Counts and lists */

static void
test_counts (HlStoreFixture *fixture,
             gconstpointer   data)
{
  HlTopicStore *store = fixture->store;

  g_assert_cmpstr (hl_topic_store_get_path (store), ==, fixture->library);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "en", NULL), ==, STARTER_EN);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "es", NULL), ==, STARTER_ES);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "English", NULL), ==, STARTER_EN);
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL, NULL), ==, STARTER_EN + STARTER_ES);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "fr", NULL), ==, 0);
  g_assert_true (hl_topic_store_is_sample (store));
  g_assert_cmpstr (hl_topic_store_get_meta (store, "date-generated"), ==, "2026-11-23T08:25:09");
}

static void
test_groups (HlStoreFixture *fixture,
             gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  g_autoptr(GListModel) en = hl_topic_store_list_groups (store, "en", NULL);
  g_autoptr(GListModel) es = hl_topic_store_list_groups (store, "es", NULL);
  g_autoptr(HlGroup) infections = NULL;
  g_autoptr(HlGroup) infecciones = NULL;
  g_autoptr(HlGroup) none = NULL;
  g_autofree char *uri = NULL;
  guint total = 0;

  g_assert_true (g_list_model_get_item_type (en) == HL_TYPE_GROUP);
  g_assert_cmpuint (g_list_model_get_n_items (en), ==, 23);
  g_assert_cmpuint (g_list_model_get_n_items (es), ==, 11);

  /* By name, as a reader sorts: case and accents do not count. */
  for (guint i = 0; i < g_list_model_get_n_items (en); i++)
    {
      g_autoptr(HlGroup) group = g_list_model_get_item (en, i);

      g_assert_cmpstr (hl_group_get_language (group), ==, "en");
      g_assert_cmpuint (hl_group_get_topic_count (group), >, 0);
      total += hl_group_get_topic_count (group);
      if (i > 0)
        {
          g_autoptr(HlGroup) previous = g_list_model_get_item (en, i - 1);
          g_autofree char *a = hl_test_fold (hl_group_get_name (previous));
          g_autofree char *b = hl_test_fold (hl_group_get_name (group));

          g_assert_cmpstr (a, <, b);
        }
    }
  /* 39 English topics, each in one or two groups. */
  g_assert_cmpuint (total, ==, 55);

  {
    g_autoptr(HlGroup) first = g_list_model_get_item (en, 0);
    g_autoptr(HlGroup) last = g_list_model_get_item (es, 10);

    g_assert_cmpstr (hl_group_get_name (first), ==, "Blood, Heart and Circulation");
    g_assert_cmpstr (hl_group_get_name (last), ==, "Terapias complementarias y alternativas");
  }
  for (guint i = 0; i < g_list_model_get_n_items (es); i++)
    {
      g_autoptr(HlGroup) group = g_list_model_get_item (es, i);

      g_assert_cmpstr (hl_group_get_language (group), ==, "es");
      if (hl_group_get_id (group) == 31)
        {
          g_assert_cmpstr (hl_group_get_name (group), ==, "Síntomas");
          g_assert_cmpuint (hl_group_get_topic_count (group), ==, 3);
        }
    }

  infections = hl_topic_store_get_group (store, 12, "en", NULL);
  g_assert_nonnull (infections);
  g_assert_cmpint (hl_group_get_id (infections), ==, 12);
  g_assert_cmpstr (hl_group_get_name (infections), ==, "Infections");
  g_assert_cmpstr (hl_group_get_url (infections), ==, "https://medlineplus.gov/infections.html");
  g_assert_cmpuint (hl_group_get_topic_count (infections), ==, 7);

  infecciones = hl_topic_store_get_group (store, 12, "es", NULL);
  g_assert_nonnull (infecciones);
  g_assert_cmpstr (hl_group_get_name (infecciones), ==, "Infecciones");
  g_assert_cmpuint (hl_group_get_topic_count (infecciones), ==, 1);
  uri = hl_group_dup_uri (infecciones);
  g_assert_cmpstr (uri, ==, "hl://group/12?lang=es");

  none = hl_topic_store_get_group (store, 424242, "en", NULL);
  g_assert_null (none);
  none = hl_topic_store_get_group (store, 12, "fr", NULL);
  g_assert_null (none);
}

static void
assert_titles (GListModel         *list,
               const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_true (g_list_model_get_item_type (list) == HL_TYPE_TOPIC_REF);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  for (guint i = 0; i < n && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HlTopicRef) ref = g_list_model_get_item (list, i);

      g_assert_cmpstr (hl_topic_ref_get_title (ref), ==, expected[i]);
    }
}

static void
test_group_topics (HlStoreFixture *fixture,
                   gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  static const char *infections[] = {
    "Abscess", "Bacterial Infections", "Flu", "Measles", "Pneumonia", "Tetanus", "Tuberculosis",
    NULL,
  };
  static const char *digestive_en[] = {
    "Abdominal Pain", "Celiac Disease", "Crohn's Disease", "Ulcerative Colitis", NULL,
  };
  static const char *digestive_es[] = {
    "Acidez estomacal", "Colitis ulcerativa", "Dolor abdominal", NULL,
  };
  static const char *poisoning_es[] = {
    "Agua potable", "Arsénico", "Asbesto", "Envenenamiento", "Ruido", NULL,
  };
  static const char *nothing[] = { NULL };
  g_autoptr(GListModel) list = NULL;

  list = hl_topic_store_list_group_topics (store, 12, "en", NULL);
  assert_titles (list, infections);
  g_clear_object (&list);

  list = hl_topic_store_list_group_topics (store, 2, "en", NULL);
  assert_titles (list, digestive_en);
  {
    g_autoptr(HlTopicRef) ref = g_list_model_get_item (list, 0);
    g_autofree char *uri = hl_topic_ref_dup_uri (ref);

    g_assert_cmpint (hl_topic_ref_get_id (ref), ==, 3061);
    g_assert_cmpstr (hl_topic_ref_get_language (ref), ==, "en");
    g_assert_cmpstr (uri, ==, "hl://topic/3061");
    g_assert_null (hl_topic_ref_dup_snippet_html (ref));
  }
  g_clear_object (&list);

  list = hl_topic_store_list_group_topics (store, 2, "es", NULL);
  assert_titles (list, digestive_es);
  g_clear_object (&list);

  list = hl_topic_store_list_group_topics (store, 28, "es", NULL);
  assert_titles (list, poisoning_es);
  g_clear_object (&list);

  list = hl_topic_store_list_group_topics (store, 424242, "en", NULL);
  assert_titles (list, nothing);
}

static void
test_index (HlStoreFixture *fixture,
            gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  static const char *a_en[] = {
    "A1C", "Abdominal Pain", "Abortion", "Abscess", "Acupuncture", "Anxiety", "Arsenic",
    "Arthritis", "Asbestos", "Asthma", NULL,
  };
  static const char *c_en[] = {
    "Caffeine", "Cancer", "Celiac Disease", "Chiropractic", "Cholesterol", "COPD",
    "Crohn's Disease", NULL,
  };
  static const char *a_es[] = {
    "Abscesos", "Acidez estomacal", "Acupuntura", "Agua potable", "Ahogo", "Arsénico", "Asbesto",
    NULL,
  };
  static const char *nothing[] = { NULL };
  g_autofree char *letters_en = hl_topic_store_dup_index_letters (store, "en", NULL);
  g_autofree char *letters_es = hl_topic_store_dup_index_letters (store, "es", NULL);
  g_autoptr(GListModel) list = NULL;

  g_assert_cmpstr (letters_en, ==, "ABCDFGMNOPSTU");
  g_assert_cmpstr (letters_es, ==, "ACDEMQRST");

  list = hl_topic_store_list_topics_by_letter (store, "en", 'A', NULL);
  assert_titles (list, a_en);
  g_clear_object (&list);

  list = hl_topic_store_list_topics_by_letter (store, "en", 'C', NULL);
  assert_titles (list, c_en);
  g_clear_object (&list);

  list = hl_topic_store_list_topics_by_letter (store, "es", 'A', NULL);
  assert_titles (list, a_es);
  g_clear_object (&list);

  list = hl_topic_store_list_topics_by_letter (store, "en", 'X', NULL);
  assert_titles (list, nothing);
  g_clear_object (&list);

  /* Every topic of a language, alphabetical. */
  list = hl_topic_store_list_topics_by_letter (store, "es", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, STARTER_ES);
  for (guint i = 1; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HlTopicRef) previous = g_list_model_get_item (list, i - 1);
      g_autoptr(HlTopicRef) ref = g_list_model_get_item (list, i);
      g_autofree char *a = hl_test_fold (hl_topic_ref_get_title (previous));
      g_autofree char *b = hl_test_fold (hl_topic_ref_get_title (ref));

      g_assert_cmpstr (hl_topic_ref_get_language (ref), ==, "es");
      g_assert_cmpstr (a, <, b);
    }
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, STARTER_EN);
}

/* Accented, quoted and numbered titles, from a hand-written file. */
static void
test_index_accents (HlStoreFixture *fixture,
                    gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  static const char *u_es[] = { "Úlcera péptica", NULL };
  static const char *a_es[] = { "Ácido fólico", "Acné", "Adicción", NULL };
  static const char *n_es[] = { "Niños sanos", NULL };
  static const char *u_en[] = { "ulcer Care", "Ulcers", NULL };
  static const char *e_en[] = { "Ébola Virus Disease", NULL };
  static const char *p_en[] = { "\"Pink\" Eye", NULL };
  static const char *number_en[] = { "3D Mammography", NULL };
  g_autofree char *letters_en = hl_topic_store_dup_index_letters (store, "en", NULL);
  g_autofree char *letters_es = hl_topic_store_dup_index_letters (store, "es", NULL);
  g_autoptr(GListModel) list = NULL;

  /* '#' comes last. */
  g_assert_cmpstr (letters_en, ==, "EPUZ#");
  g_assert_cmpstr (letters_es, ==, "ANU");

  list = hl_topic_store_list_topics_by_letter (store, "es", 'U', NULL);
  assert_titles (list, u_es);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "es", 'A', NULL);
  assert_titles (list, a_es);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "es", 'N', NULL);
  assert_titles (list, n_es);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", 'U', NULL);
  assert_titles (list, u_en);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", 'E', NULL);
  assert_titles (list, e_en);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", 'P', NULL);
  assert_titles (list, p_en);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", '#', NULL);
  assert_titles (list, number_en);
  g_clear_object (&list);

  /* The French topic was left out. */
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL, NULL), ==, 11);
  g_assert_null (hl_topic_store_get_topic_ref (store, 9300, NULL));

  /* Accent folding on both sides, in titles and in text. */
  hl_test_assert_first_hit (store, "ulcera", "es", 9101);
  hl_test_assert_first_hit (store, "ÚLCERA", "es", 9101);
  hl_test_assert_first_hit (store, "acido folico", "es", 9102);
  hl_test_assert_first_hit (store, "ebola", "en", 9108);
  hl_test_assert_first_hit (store, "ninos", "es", 9103);
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "presion cafeina", "es");

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
    g_assert_cmpint (hl_test_hit_id (hits, 0), ==, 9102);
  }
}

/* Single topics */

static void
test_topic_lookups (HlStoreFixture *fixture,
                    gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(HlTopicRef) ref = NULL;
  g_autoptr(GArray) ids = NULL;

  topic = hl_topic_store_load_topic (store, 999999999, &error);
  g_assert_null (topic);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  topic = hl_topic_store_load_topic (store, 0, &error);
  g_assert_null (topic);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  topic = hl_topic_store_load_topic (store, -1, &error);
  g_assert_null (topic);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A topic the file mentions but does not hold. */
  topic = hl_topic_store_load_topic (store, 6309, &error);
  g_assert_null (topic);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ref = hl_topic_store_get_topic_ref (store, 3062, NULL);
  g_assert_nonnull (ref);
  g_assert_cmpint (hl_topic_ref_get_id (ref), ==, 3062);
  g_assert_cmpstr (hl_topic_ref_get_language (ref), ==, "es");
  g_assert_cmpstr (hl_topic_ref_get_title (ref), ==, "Dolor abdominal");
  g_clear_object (&ref);
  ref = hl_topic_store_get_topic_ref (store, 999999999, NULL);
  g_assert_null (ref);

  g_assert_cmpint (hl_topic_store_find_topic_by_url (store, "https://medlineplus.gov/a1c.html", NULL), ==, 6308);
  g_assert_cmpint (hl_topic_store_find_topic_by_url (store,
                                                     "https://medlineplus.gov/spanish/abdominalpain.html", NULL),
                   ==, 3062);
  g_assert_cmpint (hl_topic_store_find_topic_by_url (store, "https://medlineplus.gov/nothing.html", NULL), ==, 0);
  g_assert_cmpint (hl_topic_store_find_topic_by_url (store, "", NULL), ==, 0);
  g_assert_cmpint (hl_topic_store_find_topic_by_url (store, NULL, NULL), ==, 0);

  ids = hl_topic_store_get_topic_group_ids (store, 6308, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, int, 0), ==, 25);
  g_assert_cmpint (g_array_index (ids, int, 1), ==, 45);
  g_clear_pointer (&ids, g_array_unref);

  ids = hl_topic_store_get_topic_group_ids (store, 990011, NULL);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, int, 0), ==, 12);
  g_assert_cmpint (g_array_index (ids, int, 1), ==, 15);
  g_clear_pointer (&ids, g_array_unref);

  ids = hl_topic_store_get_topic_group_ids (store, 999999999, NULL);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, file, func) \
  g_test_add ("/core/store/" path, HlStoreFixture, file, hl_store_fixture_set_up, func, \
              hl_store_fixture_tear_down)

  g_test_add_func ("/core/store/open-errors", test_open_errors);
  ADD ("counts", NULL, test_counts);
  ADD ("groups", NULL, test_groups);
  ADD ("group-topics", NULL, test_group_topics);
  ADD ("index", NULL, test_index);
  ADD ("index-accents", "index-letters.xml", test_index_accents);
  ADD ("topic-lookups", NULL, test_topic_lookups);

#undef ADD

  return g_test_run ();
}
