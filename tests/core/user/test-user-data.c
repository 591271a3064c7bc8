/* test-user-data.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The user's own data: bookmarks and history in user.db, through restarts
 * and library imports; the bookmarks file; a kiosk that keeps nothing; the
 * handout basket; Recently Viewed on the home page. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-basket.h"
#include "hl-bookmarks-file.h"
#include "hl-error.h"
#include "hl-medlineplus-importer.h"
#include "hl-page-renderer.h"
#include "hl-user-data.h"

#include "test-util.h"

typedef struct
{
  char         *dir;
  char         *library;
  char         *user_db;
  HlTopicStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *starter = hl_test_starter_path ();

  fixture->dir = hl_test_scratch_dir ("user-data");
  fixture->library = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->user_db = g_build_filename (fixture->dir, "user.db", NULL);
  hl_test_import_or_die (starter, fixture->library);
  fixture->store = hl_test_open_store (fixture->library);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->library);
  g_free (fixture->user_db);
  g_free (fixture->dir);
}

static HlUserData *
open_user_data (Fixture *fixture)
{
  HlUserData *user = hl_user_data_new (fixture->user_db);
  g_autoptr(GError) error = NULL;

  g_assert_true (hl_user_data_load (user, &error));
  g_assert_no_error (error);
  hl_user_data_set_store (user, fixture->store);
  return user;
}

static HlUserTopic *
item (GListModel *list,
      guint       position)
{
  HlUserTopic *topic = g_list_model_get_item (list, position);

  g_assert_nonnull (topic);
  /* The list keeps its own reference. */
  g_object_unref (topic);
  return topic;
}

static void
bookmark (HlUserData *user,
          int         id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hl_user_data_add_bookmark (user, id, &error));
  g_assert_no_error (error);
}

static void
view (HlUserData *user,
      int         id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hl_user_data_note_viewed (user, id, &error));
  g_assert_no_error (error);
}

static void
test_bookmarks (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(HlUserData) user = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  /* Nothing is written before there is something to keep. */
  user = open_user_data (fixture);
  g_assert_false (g_file_test (fixture->user_db, G_FILE_TEST_EXISTS));
  list = hl_user_data_get_bookmarks (user);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  bookmark (user, 4);
  bookmark (user, 3062);
  bookmark (user, 3061);
  bookmark (user, 4);
  g_assert_true (g_file_test (fixture->user_db, G_FILE_TEST_EXISTS));
  /* Readable by its owner only. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (fixture->user_db, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* By title, each once. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpstr (hl_user_topic_get_title (item (list, 0)), ==, "Abdominal Pain");
  g_assert_cmpstr (hl_user_topic_get_title (item (list, 1)), ==, "Diabetes");
  g_assert_cmpstr (hl_user_topic_get_title (item (list, 2)), ==, "Dolor abdominal");
  g_assert_cmpstr (hl_user_topic_get_language (item (list, 2)), ==, "es");
  g_assert_cmpstr (hl_user_topic_get_url (item (list, 1)), ==, "https://medlineplus.gov/diabetes.html");
  g_assert_false (hl_user_topic_get_missing (item (list, 0)));
  g_assert_true (hl_user_data_is_bookmarked (user, 3061));
  g_assert_false (hl_user_data_is_bookmarked (user, 3063));

  g_assert_true (hl_user_data_remove_bookmark (user, 3062, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_false (hl_user_data_is_bookmarked (user, 3062));

  /* A topic the library does not have cannot be bookmarked. */
  g_assert_false (hl_user_data_add_bookmark (user, 424242, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* After a restart, the same. */
  g_clear_object (&user);
  user = open_user_data (fixture);
  list = hl_user_data_get_bookmarks (user);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (hl_user_data_is_bookmarked (user, 4));
  g_assert_true (hl_user_data_is_bookmarked (user, 3061));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(HlUserData) user = open_user_data (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) recent = NULL;
  GListModel *history = hl_user_data_get_history (user);

  view (user, 4);
  view (user, 3061);
  view (user, 990013);
  view (user, 4);

  /* The last read first, each once. */
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  g_assert_cmpint (hl_user_topic_get_id (item (history, 0)), ==, 4);
  g_assert_cmpint (hl_user_topic_get_id (item (history, 1)), ==, 990013);
  g_assert_cmpint (hl_user_topic_get_id (item (history, 2)), ==, 3061);

  recent = hl_user_data_dup_recent_topics (user, 2);
  g_assert_cmpuint (g_list_model_get_n_items (recent), ==, 2);
  {
    g_autoptr(HlTopicRef) first = g_list_model_get_item (recent, 0);

    g_assert_cmpstr (hl_topic_ref_get_title (first), ==, "Diabetes");
  }

  /* Off: nothing more is recorded, nothing is recent. */
  hl_user_data_set_remember_history (user, FALSE);
  view (user, 3062);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  g_clear_object (&recent);
  recent = hl_user_data_dup_recent_topics (user, 10);
  g_assert_cmpuint (g_list_model_get_n_items (recent), ==, 0);
  hl_user_data_set_remember_history (user, TRUE);

  /* Kept across a restart, in order. */
  g_clear_object (&user);
  user = open_user_data (fixture);
  history = hl_user_data_get_history (user);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  g_assert_cmpint (hl_user_topic_get_id (item (history, 0)), ==, 4);
  g_assert_cmpint (hl_user_topic_get_id (item (history, 2)), ==, 3061);

  /* Cleared, also on disk; bookmarks are not history. */
  bookmark (user, 3061);
  g_assert_true (hl_user_data_clear_history (user, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 0);
  g_clear_object (&user);
  user = open_user_data (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (user)), ==, 0);
  g_assert_true (hl_user_data_is_bookmarked (user, 3061));
}

static void
test_history_limit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(HlUserData) user = open_user_data (fixture);
  g_autoptr(GListModel) english = hl_topic_store_list_topics_by_letter (fixture->store, "en", 0, NULL);
  g_autoptr(GListModel) spanish = hl_topic_store_list_topics_by_letter (fixture->store, "es", 0, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (int));
  GListModel *history = hl_user_data_get_history (user);

  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (l == 0 ? english : spanish); i++)
      {
        g_autoptr(HlTopicRef) topic = g_list_model_get_item (l == 0 ? english : spanish, i);
        int id = hl_topic_ref_get_id (topic);

        g_array_append_val (ids, id);
        view (user, id);
      }

  /* More topics than the history keeps: the oldest go. */
  g_assert_cmpuint (ids->len, >, HL_HISTORY_MAX);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, HL_HISTORY_MAX);
  g_assert_cmpint (hl_user_topic_get_id (item (history, 0)), ==,
                   g_array_index (ids, int, ids->len - 1));
  g_assert_cmpint (hl_user_topic_get_id (item (history, HL_HISTORY_MAX - 1)), ==,
                   g_array_index (ids, int, ids->len - HL_HISTORY_MAX));

  g_clear_object (&user);
  user = open_user_data (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (user)), ==, HL_HISTORY_MAX);
}

/* An import replaces the library; the user's data is not in it and stays.
 * A bookmark whose topic the new library lacks is marked missing, and
 * comes back with the topic. */
static void
test_survives_import (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HlUserData) user = open_user_data (fixture);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *other = g_test_build_filename (G_TEST_DIST, "data", "special-characters.xml", NULL);
  GListModel *list = hl_user_data_get_bookmarks (user);

  bookmark (user, 3061);
  view (user, 3061);
  view (user, 4);
  before = hl_test_read_bytes (fixture->user_db);

  /* A library without those topics, imported where the library is. */
  g_clear_object (&fixture->store);
  hl_user_data_set_store (user, NULL);
  hl_test_import_or_die (other, fixture->library);
  fixture->store = hl_test_open_store (fixture->library);
  after = hl_test_read_bytes (fixture->user_db);
  g_assert_true (g_bytes_equal (before, after));

  g_clear_object (&user);
  user = open_user_data (fixture);
  list = hl_user_data_get_bookmarks (user);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (hl_user_topic_get_missing (item (list, 0)));
  g_assert_cmpstr (hl_user_topic_get_title (item (list, 0)), ==, "Abdominal Pain");
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (user)), ==, 2);
  {
    g_autoptr(GListModel) recent = hl_user_data_dup_recent_topics (user, 10);

    g_assert_cmpuint (g_list_model_get_n_items (recent), ==, 0);
  }

  /* The sample again: the bookmark is back. */
  g_clear_object (&fixture->store);
  {
    g_autofree char *starter = hl_test_starter_path ();

    hl_test_import_or_die (starter, fixture->library);
  }
  fixture->store = hl_test_open_store (fixture->library);
  hl_user_data_set_store (user, fixture->store);
  g_assert_false (hl_user_topic_get_missing (item (list, 0)));
  g_assert_true (hl_user_data_is_bookmarked (user, 3061));
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(HlUserData) user = open_user_data (fixture);
  g_autoptr(HlUserData) other = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "bookmarks.json", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GListModel *mine, *theirs;
  guint added = 99;

  bookmark (user, 3062);
  bookmark (user, 4);
  bookmark (user, 990013);
  g_assert_true (hl_user_data_export_bookmarks (user, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"format\" : \"health-library-bookmarks\""));
  g_assert_nonnull (strstr (text, "\"version\" : 1"));
  g_assert_nonnull (strstr (text, "\"id\" : 3062"));
  g_assert_nonnull (strstr (text, "\"title\" : \"Dolor abdominal\""));
  g_assert_nonnull (strstr (text, "\"url\" : \"https://medlineplus.gov/spanish/abdominalpain.html\""));

  /* Into another user's data: the same bookmarks, the same times. */
  other = hl_user_data_new (other_db);
  hl_user_data_set_store (other, fixture->store);
  g_assert_true (hl_user_data_import_bookmarks (other, file, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  mine = hl_user_data_get_bookmarks (user);
  theirs = hl_user_data_get_bookmarks (other);
  g_assert_cmpuint (g_list_model_get_n_items (theirs), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      HlUserTopic *a = item (mine, i);
      HlUserTopic *b = item (theirs, i);

      g_assert_cmpint (hl_user_topic_get_id (a), ==, hl_user_topic_get_id (b));
      g_assert_cmpstr (hl_user_topic_get_title (a), ==, hl_user_topic_get_title (b));
      g_assert_cmpstr (hl_user_topic_get_language (a), ==, hl_user_topic_get_language (b));
      g_assert_cmpstr (hl_user_topic_get_url (a), ==, hl_user_topic_get_url (b));
      g_assert_cmpint (hl_user_topic_get_time (a), ==, hl_user_topic_get_time (b));
    }

  /* Again: nothing new. */
  g_assert_true (hl_user_data_import_bookmarks (other, file, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (theirs), ==, 3);

  /* And exported again, the same file. */
  {
    g_autofree char *again_path = g_build_filename (fixture->dir, "again.json", NULL);
    g_autoptr(GFile) again = g_file_new_for_path (again_path);
    g_autofree char *again_text = NULL;

    g_assert_true (hl_user_data_export_bookmarks (other, again, &error));
    g_assert_true (g_file_get_contents (again_path, &again_text, NULL, NULL));
    g_assert_cmpstr (again_text, ==, text);
  }
}

static void
assert_bad_file (HlUserData *user,
                 const char *dir,
                 const char *contents,
                 int         code,
                 const char *words)
{
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (hl_user_data_get_bookmarks (user));
  guint added = 99;

  hl_test_write_or_die (path, contents, -1);
  g_assert_false (hl_user_data_import_bookmarks (user, file, &added, &error));
  g_assert_error (error, HL_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_cmpuint (added, ==, 0);
  /* All or nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_bookmarks (user)), ==, before);
}

static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(HlUserData) user = open_user_data (fixture);

  bookmark (user, 4);
  assert_bad_file (user, fixture->dir, "not json", HL_ERROR_PARSE, NULL);
  assert_bad_file (user, fixture->dir, "{\"bookmarks\": []}", HL_ERROR_INVALID_FILE, "not a Health Library");
  assert_bad_file (user, fixture->dir, "{\"format\": \"health-library-bookmarks\", \"version\": 7, "
                   "\"bookmarks\": []}", HL_ERROR_INVALID_FILE, "newer version");
  assert_bad_file (user, fixture->dir, "{\"format\": \"health-library-bookmarks\", \"version\": 1}",
                   HL_ERROR_INVALID_FILE, "bookmarks");
  assert_bad_file (user, fixture->dir, "{\"format\": \"health-library-bookmarks\", \"version\": 1, "
                   "\"bookmarks\": [{\"id\": 3061, \"title\": \"Abdominal Pain\"}, "
                   "{\"id\": \"x\", \"title\": \"Y\"}]}", HL_ERROR_INVALID_DATA, "bookmark 2");
  assert_bad_file (user, fixture->dir, "{\"format\": \"health-library-bookmarks\", \"version\": 1, "
                   "\"bookmarks\": [{\"id\": 3061}]}", HL_ERROR_INVALID_DATA, "title");
  assert_bad_file (user, fixture->dir, "{\"format\": \"health-library-bookmarks\", \"version\": 1, "
                   "\"bookmarks\": [{\"id\": 3061, \"title\": \"A\", \"url\": \"javascript:x\"}]}",
                   HL_ERROR_INVALID_DATA, "url");
  assert_bad_file (user, fixture->dir, "{\"format\": \"health-library-bookmarks\", \"version\": 1, "
                   "\"bookmarks\": [{\"id\": 3061, \"title\": \"A\", \"language\": \"fr\"}]}",
                   HL_ERROR_INVALID_DATA, "language");

  /* A file written by hand, with a topic this library lacks: kept, missing. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "hand.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    GListModel *list = hl_user_data_get_bookmarks (user);
    guint added = 0;

    hl_test_write_or_die (path, "{\"format\": \"health-library-bookmarks\", \"version\": 1, "
                          "\"note\": \"ignored\", \"bookmarks\": [{\"id\": 777777, "
                          "\"title\": \"Zebra Topic\"}, {\"id\": 777777, \"title\": \"Twice\"}]}", -1);
    g_assert_true (hl_user_data_import_bookmarks (user, file, &added, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
    g_assert_cmpstr (hl_user_topic_get_title (item (list, 1)), ==, "Zebra Topic");
    g_assert_true (hl_user_topic_get_missing (item (list, 1)));
  }
}

/* A kiosk: nothing read or written, nothing to show. */
static void
test_keep_nothing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *kiosk_dir = g_build_filename (fixture->dir, "kiosk", NULL);
  g_autofree char *kiosk_db = g_build_filename (kiosk_dir, "user.db", NULL);
  g_autoptr(HlUserData) user = hl_user_data_new (kiosk_db);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "kiosk.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hl_user_data_set_keep_nothing (user, TRUE);
  g_assert_true (hl_user_data_get_keep_nothing (user));
  g_assert_true (hl_user_data_load (user, &error));
  hl_user_data_set_store (user, fixture->store);

  view (user, 3061);
  g_assert_false (hl_user_data_add_bookmark (user, 3061, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_FAILED);
  g_clear_error (&error);
  hl_test_write_or_die (path, "{\"format\": \"health-library-bookmarks\", \"version\": 1, "
                        "\"bookmarks\": [{\"id\": 4, \"title\": \"Diabetes\"}]}", -1);
  g_assert_false (hl_user_data_import_bookmarks (user, file, NULL, &error));
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (user)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_bookmarks (user)), ==, 0);
  /* Not even the folder. */
  g_assert_false (g_file_test (kiosk_dir, G_FILE_TEST_EXISTS));
}

static void
test_forget_everything (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HlUserData) user = open_user_data (fixture);

  bookmark (user, 3061);
  view (user, 4);
  hl_user_data_forget_everything (user);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (user)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_bookmarks (user)), ==, 0);

  g_clear_object (&user);
  user = open_user_data (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (user)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_bookmarks (user)), ==, 0);
}

/* A damaged file is reported and left as it is. */
static void
test_damaged_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HlUserData) user = hl_user_data_new (fixture->user_db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *junk = "This is not a database, but the user's own file all the same.\n";

  hl_test_write_or_die (fixture->user_db, junk, -1);
  g_assert_false (hl_user_data_load (user, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->user_db));
  g_clear_error (&error);
  hl_user_data_set_store (user, fixture->store);
  g_assert_false (hl_user_data_add_bookmark (user, 4, &error));
  g_assert_nonnull (error);

  after = hl_test_read_bytes (fixture->user_db);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), junk, strlen (junk));
}

/* The basket */

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static HlTopicRef *
ref (Fixture *fixture,
     int      id)
{
  HlTopicRef *topic = hl_topic_store_get_topic_ref (fixture->store, id, NULL);

  g_assert_nonnull (topic);
  return topic;
}

static int
basket_id (HlBasket *basket,
           guint     position)
{
  g_autoptr(HlTopicRef) topic = g_list_model_get_item (G_LIST_MODEL (basket), position);

  return hl_topic_ref_get_id (topic);
}

static void
test_basket (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(HlBasket) basket = hl_basket_new ();
  g_autoptr(HlTopicRef) a = ref (fixture, 4);
  g_autoptr(HlTopicRef) b = ref (fixture, 3061);
  g_autoptr(HlTopicRef) c = ref (fixture, 3062);
  g_autoptr(GArray) ids = NULL;
  guint changes = 0;
  guint n_items;

  g_signal_connect (basket, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (basket)) == HL_TYPE_TOPIC_REF);

  g_assert_true (hl_basket_add (basket, a));
  g_assert_true (hl_basket_add (basket, b));
  g_assert_true (hl_basket_add (basket, c));
  g_assert_false (hl_basket_add (basket, b));
  g_assert_cmpuint (changes, ==, 3);
  g_object_get (basket, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 3);

  /* Reordered: the last to the top, then the middle one down. */
  g_assert_true (hl_basket_move (basket, 2, 0));
  g_assert_cmpint (basket_id (basket, 0), ==, 3062);
  g_assert_cmpint (basket_id (basket, 1), ==, 4);
  g_assert_cmpint (basket_id (basket, 2), ==, 3061);
  g_assert_true (hl_basket_move (basket, 1, 2));
  g_assert_false (hl_basket_move (basket, 1, 3));
  ids = hl_basket_dup_ids (basket);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, int, 0), ==, 3062);
  g_assert_cmpint (g_array_index (ids, int, 1), ==, 3061);
  g_assert_cmpint (g_array_index (ids, int, 2), ==, 4);

  g_assert_true (hl_basket_remove (basket, 3061));
  g_assert_false (hl_basket_remove (basket, 3061));
  g_assert_false (hl_basket_contains (basket, 3061));
  g_assert_true (hl_basket_contains (basket, 4));

  /* A new library without the topics: they go. */
  {
    g_autofree char *other = g_test_build_filename (G_TEST_DIST, "data", "special-characters.xml", NULL);
    g_autofree char *library = g_build_filename (fixture->dir, "other.db", NULL);
    g_autoptr(HlTopicStore) store = NULL;

    hl_test_import_or_die (other, library);
    store = hl_test_open_store (library);
    hl_basket_retain_in (basket, fixture->store);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (basket)), ==, 2);
    hl_basket_retain_in (basket, store);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (basket)), ==, 0);
  }

  hl_basket_add (basket, a);
  hl_basket_clear (basket);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (basket)), ==, 0);
  /* It keeps nothing anywhere: a new basket is empty. */
  {
    g_autoptr(HlBasket) fresh = hl_basket_new ();

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, 0);
  }
}

/* Recently Viewed on the home page */

static void
test_recent_on_home (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HlUserData) user = open_user_data (fixture);
  g_autoptr(HlPageRenderer) renderer = hl_page_renderer_new (fixture->store, NULL);
  g_autoptr(GListModel) recent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *spanish = NULL;

  before = hl_page_renderer_render (renderer, "hl://home", &error);
  hl_test_assert_lacks ("hl://home", before, "Recently Viewed");

  view (user, 3061);
  view (user, 3062);
  recent = hl_user_data_dup_recent_topics (user, 8);
  hl_page_renderer_set_recent_topics (renderer, recent);
  after = hl_page_renderer_render (renderer, "hl://home", &error);
  g_assert_no_error (error);
  hl_test_assert_valid_page ("hl://home", after);
  {
    static const char *order[] = {
      "<h2>Recently Viewed</h2>", "<a href=\"hl://topic/3062\">Dolor abdominal</a> "
      "<span class=\"badge\">Spanish</span>", "<a href=\"hl://topic/3061\">Abdominal Pain</a></li>",
      "<h2>Health Topics</h2>", NULL,
    };

    hl_test_assert_in_order ("hl://home", after, order);
  }

  spanish = hl_page_renderer_render (renderer, "hl://home?lang=es", &error);
  hl_test_assert_contains ("hl://home?lang=es", spanish, "<a href=\"hl://topic/3062\">Dolor abdominal</a></li>");
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/user/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("bookmarks", test_bookmarks);
  ADD ("history", test_history);
  ADD ("history-limit", test_history_limit);
  ADD ("survives-import", test_survives_import);
  ADD ("export-import", test_export_import);
  ADD ("import-errors", test_import_errors);
  ADD ("keep-nothing", test_keep_nothing);
  ADD ("forget-everything", test_forget_everything);
  ADD ("damaged-file", test_damaged_file);
  ADD ("basket", test_basket);
  ADD ("recent-on-home", test_recent_on_home);

#undef ADD

  return g_test_run ();
}
