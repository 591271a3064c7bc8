/* test-topic-store.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hl-error.h"
#include "hl-medlineplus-importer.h"
#include "hl-paths.h"
#include "hl-topic-store.h"
#include "test-util.h"

#define STARTER_EN 39
#define STARTER_ES 17

/* Each test gets a library of its own, built in its private data dir
 * (G_TEST_OPTION_ISOLATE_DIRS removes it afterwards). */
typedef struct
{
  char         *library;
  HlTopicStore *store;
} Fixture;

/* NULL: the installed starter corpus; otherwise a file in tests/data. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->library, g_free);
}

/* Helpers */

static GListModel *
search (HlTopicStore *store,
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

static int
hit_id (GListModel *hits,
        guint       position)
{
  g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, position);

  return ref ? hl_topic_ref_get_id (ref) : 0;
}

/* Where topic @id is in @hits, or -1. */
static int
hit_position (GListModel *hits,
              int         id)
{
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    if (hit_id (hits, i) == id)
      return i;
  return -1;
}

static void
log_hits (const char *query,
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
static void
assert_ranked_before (HlTopicStore *store,
                      const char   *query,
                      const char   *language,
                      int           first,
                      int           second)
{
  g_autoptr(GListModel) hits = search (store, query, language);
  int a = hit_position (hits, first);
  int b = hit_position (hits, second);

  log_hits (query, hits);
  if (a < 0)
    g_test_fail_printf ("“%s” (%s) does not find topic %d", query, language, first);
  else if (b < 0)
    g_test_fail_printf ("“%s” (%s) does not find topic %d", query, language, second);
  else if (a > b)
    g_test_fail_printf ("“%s” (%s) ranks topic %d (at %d) above topic %d (at %d)",
                        query, language, second, b, first, a);
}

static void
assert_first_hit (HlTopicStore *store,
                  const char   *query,
                  const char   *language,
                  int           id)
{
  g_autoptr(GListModel) hits = search (store, query, language);

  log_hits (query, hits);
  if (g_list_model_get_n_items (hits) == 0 || hit_id (hits, 0) != id)
    g_test_fail_printf ("“%s” (%s): topic %d is not the first hit", query, language, id);
}

static GArray *
hit_ids (GListModel *hits)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      int id = hit_id (hits, i);
      g_array_append_val (ids, id);
    }

  return ids;
}

/* Two queries that must find the same topics in the same order. */
static void
assert_same_hits (HlTopicStore *store,
                  const char   *query,
                  const char   *other,
                  const char   *language)
{
  g_autoptr(GListModel) a = search (store, query, language);
  g_autoptr(GListModel) b = search (store, other, language);
  g_autoptr(GArray) ids_a = hit_ids (a);
  g_autoptr(GArray) ids_b = hit_ids (b);

  log_hits (query, a);
  log_hits (other, b);
  g_assert_cmpuint (ids_a->len, >, 0);
  g_assert_cmpmem (ids_a->data, ids_a->len * sizeof (int), ids_b->data, ids_b->len * sizeof (int));
}

static char *
fold_for_test (const char *text)
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
  assert_open_fails (dir, HL_ERROR_NO_LIBRARY);

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
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  HlTopicStore *store = fixture->store;

  g_assert_cmpstr (hl_topic_store_get_path (store), ==, fixture->library);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "en"), ==, STARTER_EN);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "es"), ==, STARTER_ES);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "English"), ==, STARTER_EN);
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL), ==, STARTER_EN + STARTER_ES);
  g_assert_cmpuint (hl_topic_store_count_topics (store, "fr"), ==, 0);
  g_assert_true (hl_topic_store_is_sample (store));
  g_assert_cmpstr (hl_topic_store_get_meta (store, "date-generated"), ==, "2026-11-23T08:25:09");
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  HlTopicStore *store = fixture->store;
  g_autoptr(GListModel) en = hl_topic_store_list_groups (store, "en");
  g_autoptr(GListModel) es = hl_topic_store_list_groups (store, "es");
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
          g_autofree char *a = fold_for_test (hl_group_get_name (previous));
          g_autofree char *b = fold_for_test (hl_group_get_name (group));

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

  infections = hl_topic_store_get_group (store, 12, "en");
  g_assert_nonnull (infections);
  g_assert_cmpint (hl_group_get_id (infections), ==, 12);
  g_assert_cmpstr (hl_group_get_name (infections), ==, "Infections");
  g_assert_cmpstr (hl_group_get_url (infections), ==, "https://medlineplus.gov/infections.html");
  g_assert_cmpuint (hl_group_get_topic_count (infections), ==, 7);

  infecciones = hl_topic_store_get_group (store, 12, "es");
  g_assert_nonnull (infecciones);
  g_assert_cmpstr (hl_group_get_name (infecciones), ==, "Infecciones");
  g_assert_cmpuint (hl_group_get_topic_count (infecciones), ==, 1);
  uri = hl_group_dup_uri (infecciones);
  g_assert_cmpstr (uri, ==, "hl://group/12?lang=es");

  none = hl_topic_store_get_group (store, 424242, "en");
  g_assert_null (none);
  none = hl_topic_store_get_group (store, 12, "fr");
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
test_group_topics (Fixture       *fixture,
                   gconstpointer  data)
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

  list = hl_topic_store_list_group_topics (store, 12, "en");
  assert_titles (list, infections);
  g_clear_object (&list);

  list = hl_topic_store_list_group_topics (store, 2, "en");
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

  list = hl_topic_store_list_group_topics (store, 2, "es");
  assert_titles (list, digestive_es);
  g_clear_object (&list);

  list = hl_topic_store_list_group_topics (store, 28, "es");
  assert_titles (list, poisoning_es);
  g_clear_object (&list);

  list = hl_topic_store_list_group_topics (store, 424242, "en");
  assert_titles (list, nothing);
}

static void
test_index (Fixture       *fixture,
            gconstpointer  data)
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
  g_autofree char *letters_en = hl_topic_store_dup_index_letters (store, "en");
  g_autofree char *letters_es = hl_topic_store_dup_index_letters (store, "es");
  g_autoptr(GListModel) list = NULL;

  g_assert_cmpstr (letters_en, ==, "ABCDFGMNOPSTU");
  g_assert_cmpstr (letters_es, ==, "ACDEMQRST");

  list = hl_topic_store_list_topics_by_letter (store, "en", 'A');
  assert_titles (list, a_en);
  g_clear_object (&list);

  list = hl_topic_store_list_topics_by_letter (store, "en", 'C');
  assert_titles (list, c_en);
  g_clear_object (&list);

  list = hl_topic_store_list_topics_by_letter (store, "es", 'A');
  assert_titles (list, a_es);
  g_clear_object (&list);

  list = hl_topic_store_list_topics_by_letter (store, "en", 'X');
  assert_titles (list, nothing);
  g_clear_object (&list);

  /* Every topic of a language, alphabetical. */
  list = hl_topic_store_list_topics_by_letter (store, "es", 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, STARTER_ES);
  for (guint i = 1; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HlTopicRef) previous = g_list_model_get_item (list, i - 1);
      g_autoptr(HlTopicRef) ref = g_list_model_get_item (list, i);
      g_autofree char *a = fold_for_test (hl_topic_ref_get_title (previous));
      g_autofree char *b = fold_for_test (hl_topic_ref_get_title (ref));

      g_assert_cmpstr (hl_topic_ref_get_language (ref), ==, "es");
      g_assert_cmpstr (a, <, b);
    }
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, STARTER_EN);
}

/* Accented, quoted and numbered titles, from a hand-written file. */
static void
test_index_accents (Fixture       *fixture,
                    gconstpointer  data)
{
  HlTopicStore *store = fixture->store;
  static const char *u_es[] = { "Úlcera péptica", NULL };
  static const char *a_es[] = { "Ácido fólico", "Acné", "Adicción", NULL };
  static const char *n_es[] = { "Niños sanos", NULL };
  static const char *u_en[] = { "ulcer Care", "Ulcers", NULL };
  static const char *e_en[] = { "Ébola Virus Disease", NULL };
  static const char *p_en[] = { "\"Pink\" Eye", NULL };
  static const char *number_en[] = { "3D Mammography", NULL };
  g_autofree char *letters_en = hl_topic_store_dup_index_letters (store, "en");
  g_autofree char *letters_es = hl_topic_store_dup_index_letters (store, "es");
  g_autoptr(GListModel) list = NULL;

  /* '#' comes last. */
  g_assert_cmpstr (letters_en, ==, "EPUZ#");
  g_assert_cmpstr (letters_es, ==, "ANU");

  list = hl_topic_store_list_topics_by_letter (store, "es", 'U');
  assert_titles (list, u_es);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "es", 'A');
  assert_titles (list, a_es);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "es", 'N');
  assert_titles (list, n_es);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", 'U');
  assert_titles (list, u_en);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", 'E');
  assert_titles (list, e_en);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", 'P');
  assert_titles (list, p_en);
  g_clear_object (&list);
  list = hl_topic_store_list_topics_by_letter (store, "en", '#');
  assert_titles (list, number_en);
  g_clear_object (&list);

  /* The French topic was left out. */
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL), ==, 11);
  g_assert_null (hl_topic_store_get_topic_ref (store, 9300));

  /* Accent folding on both sides, in titles and in text. */
  assert_first_hit (store, "ulcera", "es", 9101);
  assert_first_hit (store, "ÚLCERA", "es", 9101);
  assert_first_hit (store, "acido folico", "es", 9102);
  assert_first_hit (store, "ebola", "en", 9108);
  assert_first_hit (store, "ninos", "es", 9103);
  {
    g_autoptr(GListModel) hits = search (store, "presion cafeina", "es");

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
    g_assert_cmpint (hit_id (hits, 0), ==, 9102);
  }
}

/* Single topics */

static void
test_topic_lookups (Fixture       *fixture,
                    gconstpointer  data)
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

  ref = hl_topic_store_get_topic_ref (store, 3062);
  g_assert_nonnull (ref);
  g_assert_cmpint (hl_topic_ref_get_id (ref), ==, 3062);
  g_assert_cmpstr (hl_topic_ref_get_language (ref), ==, "es");
  g_assert_cmpstr (hl_topic_ref_get_title (ref), ==, "Dolor abdominal");
  g_clear_object (&ref);
  ref = hl_topic_store_get_topic_ref (store, 999999999);
  g_assert_null (ref);

  g_assert_cmpint (hl_topic_store_find_topic_by_url (store, "https://medlineplus.gov/a1c.html"), ==, 6308);
  g_assert_cmpint (hl_topic_store_find_topic_by_url (store,
                                                     "https://medlineplus.gov/spanish/abdominalpain.html"),
                   ==, 3062);
  g_assert_cmpint (hl_topic_store_find_topic_by_url (store, "https://medlineplus.gov/nothing.html"), ==, 0);
  g_assert_cmpint (hl_topic_store_find_topic_by_url (store, ""), ==, 0);
  g_assert_cmpint (hl_topic_store_find_topic_by_url (store, NULL), ==, 0);

  ids = hl_topic_store_get_topic_group_ids (store, 6308);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, int, 0), ==, 25);
  g_assert_cmpint (g_array_index (ids, int, 1), ==, 45);
  g_clear_pointer (&ids, g_array_unref);

  ids = hl_topic_store_get_topic_group_ids (store, 990011);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, int, 0), ==, 12);
  g_assert_cmpint (g_array_index (ids, int, 1), ==, 15);
  g_clear_pointer (&ids, g_array_unref);

  ids = hl_topic_store_get_topic_group_ids (store, 999999999);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 0);
}

/* Search: ranking */

static void
test_search_title_first (Fixture       *fixture,
                         gconstpointer  data)
{
  HlTopicStore *store = fixture->store;

  assert_first_hit (store, "diabetes", "en", 4);
  assert_ranked_before (store, "diabetes", "en", 4, 5784);   /* Prediabetes */
  assert_ranked_before (store, "diabetes", "en", 4, 6308);   /* A1C */
  assert_first_hit (store, "dolor", "es", 3062);
  assert_first_hit (store, "asthma", "en", 990013);
  assert_first_hit (store, "drinking water", "en", 1435);
  assert_first_hit (store, "tos", "es", 990008);
  assert_ranked_before (store, "cancer", "en", 25, 990002);

  /* In general: every hit whose title has all the words comes before every
   * hit whose title does not, within a language. */
  {
    static const char *queries[] = { "pain", "water", "disease", "infection", "dolor", "test" };

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GListModel) hits = search (store, queries[q], "en");
        g_autofree char *word = fold_for_test (queries[q]);
        gboolean seen_other = FALSE;
        const char *language = NULL;

        log_hits (queries[q], hits);
        for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
          {
            g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);
            g_autofree char *title = fold_for_test (hl_topic_ref_get_title (ref));
            g_autofree char *inner = g_strconcat (" ", word, NULL);
            gboolean in_title = g_str_has_prefix (title, word) || strstr (title, inner) != NULL;

            if (g_strcmp0 (language, hl_topic_ref_get_language (ref)) != 0)
              {
                language = hl_topic_ref_get_language (ref);
                seen_other = FALSE;
              }
            if (!in_title)
              seen_other = TRUE;
            else if (seen_other)
              g_test_fail_printf ("“%s”: “%s” comes after a hit without the word in its title",
                                  queries[q], hl_topic_ref_get_title (ref));
          }
      }
  }
}

static void
test_search_synonyms (Fixture       *fixture,
                      gconstpointer  data)
{
  HlTopicStore *store = fixture->store;

  /* Also-called terms. */
  assert_first_hit (store, "HbA1C", "en", 6308);
  assert_first_hit (store, "Glycohemoglobin", "en", 6308);
  assert_first_hit (store, "glycohemoglobin", "es", 6308);
  assert_ranked_before (store, "psychological", "en", 422, 990014);   /* Stress, Depression */
  assert_ranked_before (store, "induced", "en", 122, 500);            /* Abortion, Noise */
  assert_ranked_before (store, "test", "en", 6308, 990017);           /* A1C, COPD */
  assert_first_hit (store, "bellyache", "en", 3061);
  assert_first_hit (store, "barriga", "es", 3062);

  /* See-references. */
  assert_first_hit (store, "hemoglobin a1c", "en", 6308);
  assert_ranked_before (store, "accident", "en", 485, 990003);        /* Safety, First Aid */
  assert_ranked_before (store, "stomach", "en", 3061, 299);           /* Abdominal Pain, Flu */
  assert_first_hit (store, "asbestosis", "en", 1330);
  assert_ranked_before (store, "estomago", "es", 3062, 2257);         /* Dolor abdominal, Acidez */
  assert_ranked_before (store, "prevencion", "es", 2131, 1867);       /* Seguridad, Agua potable */
  assert_first_hit (store, "pirosis", "es", 2257);
}

static void
test_search_language_first (Fixture       *fixture,
                            gconstpointer  data)
{
  HlTopicStore *store = fixture->store;
  static const char *queries[] = { "acup", "abdom", "asbest", "diabetes", "agua", "pain" };
  const char *languages[] = { "en", "es" };

  assert_ranked_before (store, "acup", "en", 3071, 3072);
  assert_ranked_before (store, "acup", "es", 3072, 3071);
  assert_ranked_before (store, "abdom", "en", 3061, 3062);
  assert_ranked_before (store, "abdom", "es", 3062, 3061);
  assert_ranked_before (store, "asbest", "es", 1758, 1330);
  assert_ranked_before (store, "asbest", "en", 1330, 1758);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        g_autoptr(GListModel) hits = search (store, queries[q], languages[l]);
        gboolean seen_other = FALSE;

        for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
          {
            g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);

            if (!g_str_equal (hl_topic_ref_get_language (ref), languages[l]))
              seen_other = TRUE;
            else if (seen_other)
              g_test_fail_printf ("“%s” (%s): “%s” comes after a hit in the other language",
                                  queries[q], languages[l], hl_topic_ref_get_title (ref));
          }
      }

  /* "dolor" finds Spanish topics only; they come first in Spanish. */
  {
    g_autoptr(GListModel) hits = search (store, "dolor", "es");

    g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 5);
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);

        g_assert_cmpstr (hl_topic_ref_get_language (ref), ==, "es");
      }
  }
}

/* Search: what matches */

static void
test_search_accents (Fixture       *fixture,
                     gconstpointer  data)
{
  HlTopicStore *store = fixture->store;

  /* English, with accents and case that the text does not have. */
  assert_same_hits (store, "diabetes", "diabétes", "en");
  assert_same_hits (store, "diabetes", "DIABETES", "en");
  assert_same_hits (store, "diabetes", "DiAbÉtEs", "en");
  assert_same_hits (store, "acupuncture", "ACUPÚNCTURE", "en");

  /* Spanish, without the accents the text has. */
  assert_first_hit (store, "cafeina", "es", 1793);
  assert_same_hits (store, "cafeina", "cafeína", "es");
  assert_same_hits (store, "cafeina", "CAFEÍNA", "es");
  assert_same_hits (store, "presion", "presión", "es");
  assert_same_hits (store, "presion", "PRESIÓN", "es");
  assert_same_hits (store, "nino", "niño", "es");
  assert_same_hits (store, "arsenico", "Arsénico", "es");
  assert_first_hit (store, "arsenico", "es", 1756);
  assert_first_hit (store, "quiropractica", "es", 990006);

  /* The marks fall on the words as the text spells them. */
  {
    g_autoptr(GListModel) hits = search (store, "presion", "es");
    g_autoptr(HlTopicRef) first = NULL;
    g_autofree char *snippet = NULL;
    int acupuntura = hit_position (hits, 3072);

    g_assert_cmpint (acupuntura, >=, 0);
    first = g_list_model_get_item (hits, MAX (acupuntura, 0));
    snippet = hl_topic_ref_dup_snippet_html (first);
    g_assert_nonnull (snippet);
    g_assert_nonnull (strstr (snippet, "<mark>presión</mark>"));
  }
  {
    g_autoptr(GListModel) hits = search (store, "nino", "es");
    gboolean marked = FALSE;

    g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 3);
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);
        g_autofree char *snippet = hl_topic_ref_dup_snippet_html (ref);

        marked |= snippet != NULL && strstr (snippet, "<mark>niños</mark>") != NULL;
      }
    g_assert_true (marked);
  }
}

static void
test_search_prefix (Fixture       *fixture,
                    gconstpointer  data)
{
  HlTopicStore *store = fixture->store;

  assert_first_hit (store, "diab", "en", 4);
  assert_first_hit (store, "Diab", "en", 4);
  assert_first_hit (store, "acup", "en", 3071);
  assert_first_hit (store, "acup", "es", 3072);
  assert_first_hit (store, "abdom pa", "en", 3061);
  assert_first_hit (store, "pa abdom", "en", 3061);
  assert_first_hit (store, "dol abd", "es", 3062);
  assert_first_hit (store, "caf", "es", 1793);
  assert_first_hit (store, "caf", "en", 1456);
  assert_first_hit (store, "tuber", "en", 990011);
  assert_first_hit (store, "quiro", "es", 990006);

  /* Every word must be there. */
  {
    g_autoptr(GListModel) hits = search (store, "abdominal zzzzqqq", "en");

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }

  /* A prefix matches words that start with it, not words that contain it. */
  {
    g_autoptr(GListModel) hits = search (store, "iabetes", "en");

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }
}

static void
test_search_operators (Fixture       *fixture,
                       gconstpointer  data)
{
  HlTopicStore *store = fixture->store;
  static const char *queries[] = {
    "AND", "OR", "NOT", "NEAR", "\"", "\"\"", "*", "**", "NEAR(", "NEAR(diabetes pain, 2)", "-",
    "(", ")", "()", "diabetes AND", "AND diabetes", "diabetes OR", "\"diab", "diab\"", "diab*",
    "title:diabetes", "synonyms:hba1c", "{title body}: pain", "^diab", "diabetes -pain",
    "diabetes NOT pain", "+", "::", "\\", "'", "%", "_", "a'b", "[x]", "x|y", "x&y", "<script>",
    "diab* OR x:", "rowid", "search", "\xe2\x80\x9c" "diabetes" "\xe2\x80\x9d", "\xc2\xbf" "dolor?",
    "\t\n\r", "\xff\xfe invalid", "\xc3", "a\xc3(b", "SELECT * FROM topics; --", "1=1", "0",
    "🙂", "東京", "-diabetes", "NOT", "diabetes NEAR/3 pain",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) hits = hl_topic_store_search (store, queries[i], "en", 20, &error);

      if (error != NULL)
        g_test_fail_printf ("“%s” failed: %s", queries[i], error->message);
      g_assert_nonnull (hits);
    }

  /* Operators are ordinary words, not syntax: they do not change what the
   * other words find. */
  assert_same_hits (store, "diabetes", "\"diabetes\"", "en");
  assert_same_hits (store, "diabetes", "diabetes*", "en");
  assert_same_hits (store, "diabetes", "(diabetes)", "en");
  assert_same_hits (store, "diabetes", "diabetes:", "en");
  assert_same_hits (store, "diabetes pain", "diabetes -pain", "en");
  assert_same_hits (store, "diabetes pain", "diabetes AND (pain)", "en");

  /* A very long query, and one of many words. */
  {
    g_autoptr(GString) query = g_string_new (NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) hits = NULL;

    for (guint i = 0; i < 2000; i++)
      g_string_append (query, "diabetes ");
    hits = hl_topic_store_search (store, query->str, "en", 20, &error);
    g_assert_no_error (error);
    g_assert_nonnull (hits);
    g_clear_object (&hits);

    g_string_assign (query, "");
    for (guint i = 0; i < 100000; i++)
      g_string_append_c (query, 'a');
    hits = hl_topic_store_search (store, query->str, "en", 20, &error);
    g_assert_no_error (error);
    g_assert_nonnull (hits);
  }
}

static void
test_search_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  HlTopicStore *store = fixture->store;
  static const char *queries[] = { "", " ", "   ", "\t\n", "!!!", "\"\"", "*", "--", "¿?", "…" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) hits = hl_topic_store_search (store, queries[i], "en", 0, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) hits = hl_topic_store_search (store, NULL, "en", 0, &error);

    g_assert_no_error (error);
    g_assert_nonnull (hits);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }

  /* A word nobody wrote. */
  {
    g_autoptr(GListModel) hits = search (store, "zzzzqqq", "en");

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }
}

static void
test_search_limit (Fixture       *fixture,
                   gconstpointer  data)
{
  HlTopicStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = search (store, "and", "en");
  g_autoptr(GListModel) three = hl_topic_store_search (store, "and", "en", 3, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (three), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (hit_id (three, i), ==, hit_id (all, i));
}

/* Everything but the marks is escaped text. */
static void
assert_snippet_html_is_text (const char *snippet)
{
  g_autoptr(GString) rest = g_string_new (snippet);

  g_string_replace (rest, "<mark>", "", 0);
  g_string_replace (rest, "</mark>", "", 0);
  g_assert_null (strchr (rest->str, '<'));
  g_assert_null (strchr (rest->str, '>'));
  g_assert_null (strchr (rest->str, '"'));
  g_assert_null (strchr (rest->str, '\''));
  g_assert_null (strchr (rest->str, '\x02'));
  g_assert_null (strchr (rest->str, '\x03'));
  g_assert_true (g_utf8_validate (snippet, -1, NULL));
}

static void
test_search_snippets (Fixture       *fixture,
                      gconstpointer  data)
{
  HlTopicStore *store = fixture->store;
  static const char *queries[] = { "diabetes", "diab", "blood sugar", "dolor", "can't", "niños" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GListModel) hits = search (store, queries[q], "en");
      guint marked = 0;

      g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);
          g_autofree char *html = hl_topic_ref_dup_snippet_html (ref);
          g_autofree char *text = hl_topic_ref_dup_snippet_text (ref);
          g_autofree char *markup = hl_topic_ref_dup_snippet_markup (ref);

          if (html == NULL)
            continue;
          g_assert_nonnull (text);
          g_assert_nonnull (markup);
          assert_snippet_html_is_text (html);
          g_assert_null (strchr (text, '\x02'));
          g_assert_null (strchr (text, '\x03'));
          g_assert_null (strstr (text, "<mark>"));

          if (strstr (html, "<mark>") != NULL)
            {
              marked++;
              g_assert_nonnull (strstr (html, "</mark>"));
              g_assert_nonnull (strstr (markup, "<b>"));
              g_assert_nonnull (strstr (markup, "</b>"));
            }
        }
      g_assert_cmpuint (marked, >, 0);
    }

  /* The first hit for "diabetes" shows the word marked. */
  {
    g_autoptr(GListModel) hits = search (store, "diabetes", "en");
    g_autoptr(HlTopicRef) first = g_list_model_get_item (hits, 0);
    g_autofree char *html = hl_topic_ref_dup_snippet_html (first);
    g_autofree char *text = hl_topic_ref_dup_snippet_text (first);
    g_autofree char *folded = NULL;

    g_assert_nonnull (html);
    g_assert_true (strstr (html, "<mark>diabetes</mark>") != NULL ||
                   strstr (html, "<mark>Diabetes</mark>") != NULL);
    folded = g_utf8_strdown (text, -1);
    g_assert_nonnull (strstr (folded, "diabetes"));
  }

  /* A prefix marks the whole word. */
  {
    g_autoptr(GListModel) hits = search (store, "diab", "en");
    g_autoptr(HlTopicRef) first = g_list_model_get_item (hits, 0);
    g_autofree char *html = hl_topic_ref_dup_snippet_html (first);

    g_assert_nonnull (html);
    g_assert_true (strstr (html, "<mark>diabetes</mark>") != NULL ||
                   strstr (html, "<mark>Diabetes</mark>") != NULL);
  }

  /* HlTopicRef made by hand. */
  {
    g_autoptr(HlTopicRef) ref = hl_topic_ref_new (7, "en", "T",
                                                  "a <b> & \x02" "c\"d" "\x03 'e'");
    g_autofree char *html = hl_topic_ref_dup_snippet_html (ref);
    g_autofree char *text = hl_topic_ref_dup_snippet_text (ref);
    g_autofree char *markup = hl_topic_ref_dup_snippet_markup (ref);
    g_autoptr(HlTopicRef) bare = hl_topic_ref_new (8, "es", "U", NULL);

    g_assert_cmpstr (html, ==, "a &lt;b&gt; &amp; <mark>c&quot;d</mark> &#39;e&#39;");
    g_assert_cmpstr (text, ==, "a <b> & c\"d 'e'");
    g_assert_nonnull (strstr (markup, "<b>c"));
    g_assert_nonnull (strstr (markup, "&lt;b&gt;"));
    g_assert_null (hl_topic_ref_dup_snippet_html (bare));
    g_assert_null (hl_topic_ref_dup_snippet_text (bare));
  }
}

/* Search: suggestions */

static void
assert_suggests (HlTopicStore *store,
                 const char   *query,
                 const char   *language,
                 const char   *expected)
{
  g_autoptr(GListModel) hits = search (store, query, language);
  g_auto(GStrv) suggestions = hl_topic_store_suggest (store, query, language, 5);
  g_autofree char *joined = NULL;

  g_assert_nonnull (suggestions);
  joined = g_strjoinv (", ", suggestions);
  g_test_message ("“%s” (%s) → %s", query, language, joined);

  /* The misspelling finds nothing by itself. */
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);

  if (!g_strv_contains ((const char * const *) suggestions, expected))
    g_test_fail_printf ("“%s” (%s) does not suggest “%s” but “%s”", query, language, expected,
                        joined);
  g_assert_cmpuint (g_strv_length (suggestions), <=, 5);

  /* Every suggestion finds something. */
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GListModel) found = search (store, suggestions[i], language);

      g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
      g_assert_cmpstr (suggestions[i], !=, query);
    }
}

static void
test_suggest (Fixture       *fixture,
              gconstpointer  data)
{
  HlTopicStore *store = fixture->store;

  assert_suggests (store, "diabetis", "en", "diabetes");
  assert_suggests (store, "diabetis", "es", "diabetes");
  assert_suggests (store, "acupunture", "en", "acupuncture");
  assert_suggests (store, "acupunture", "es", "acupuntura");
  assert_suggests (store, "abdominl pain", "en", "abdominal pain");
  assert_suggests (store, "dolr", "es", "dolor");
  assert_suggests (store, "cafena", "es", "cafeína");
  assert_suggests (store, "tuberculsis", "en", "tuberculosis");
  assert_suggests (store, "osteoporsis", "en", "osteoporosis");

  /* The chosen language's spelling first. */
  {
    g_auto(GStrv) en = hl_topic_store_suggest (store, "acupunture", "en", 5);
    g_auto(GStrv) es = hl_topic_store_suggest (store, "acupunture", "es", 5);

    g_assert_cmpstr (en[0], ==, "acupuncture");
    g_assert_cmpstr (es[0], ==, "acupuntura");
  }

  /* At most as many as asked for. */
  {
    g_auto(GStrv) one = hl_topic_store_suggest (store, "acupunture", "en", 1);

    g_assert_cmpuint (g_strv_length (one), ==, 1);
  }

  /* Nothing to suggest for a word that is fine, or for noise. */
  {
    static const char *queries[] = { "diabetes", "zzzzqqq", "", "   ", "\"*(", "xy" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_auto(GStrv) none = hl_topic_store_suggest (store, queries[i], "en", 5);

        g_assert_nonnull (none);
        g_assert_cmpuint (g_strv_length (none), ==, 0);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, file, func) \
  g_test_add ("/core/store/" path, Fixture, file, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/core/store/open-errors", test_open_errors);
  ADD ("counts", NULL, test_counts);
  ADD ("groups", NULL, test_groups);
  ADD ("group-topics", NULL, test_group_topics);
  ADD ("index", NULL, test_index);
  ADD ("index-accents", "index-letters.xml", test_index_accents);
  ADD ("topic-lookups", NULL, test_topic_lookups);
  ADD ("search/title-first", NULL, test_search_title_first);
  ADD ("search/synonyms", NULL, test_search_synonyms);
  ADD ("search/language-first", NULL, test_search_language_first);
  ADD ("search/accents", NULL, test_search_accents);
  ADD ("search/prefix", NULL, test_search_prefix);
  ADD ("search/operators", NULL, test_search_operators);
  ADD ("search/empty", NULL, test_search_empty);
  ADD ("search/limit", NULL, test_search_limit);
  ADD ("search/snippets", NULL, test_search_snippets);
  ADD ("search/suggest", NULL, test_suggest);

#undef ADD

  return g_test_run ();
}
