/* test-store-errors.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a library that fails: every SQLite error reaches the caller as
 * what it is; a library in a read-only folder opens; a file we may not read
 * says so. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hl-error.h"
#include "hl-page-renderer.h"
#include "hl-topic-store.h"

#include "test-util.h"

/* Abdominal Pain: sites, groups, related topics, MeSH, other languages. */
#define TOPIC_ID 3061

static void
assert_damaged (const GError *error,
                const char   *library)
{
  g_assert_nonnull (error);
  if (error == NULL)
    return;
  g_test_message ("%s", error->message);
  g_assert_error (error, HL_ERROR, HL_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, library));
  g_assert_nonnull (strstr (error->message, "is damaged"));
}

/* A starter library in @name under the test's data dir, with the root page
 * of @table (if any) overwritten. */
static char *
damaged_library (const char *name,
                 const char *table)
{
  g_autofree char *dir = hl_test_scratch_dir (name);
  g_autofree char *starter = hl_test_starter_path ();
  char *library = hl_test_library_in (dir);

  hl_test_import_or_die (starter, library);
  if (table != NULL)
    hl_test_corrupt_table (library, table);
  return library;
}

/* The sites of a topic could not be read: the topic is not shown as one
 * without sites (it was). */
static void
test_damaged_sites (void)
{
  g_autofree char *library = damaged_library ("sites", "sites");
  g_autoptr(HlTopicStore) store = hl_test_open_store (library);
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (hl_topic_store_is_damaged (store));
  topic = hl_topic_store_load_topic (store, TOPIC_ID, &error);
  g_assert_null (topic);
  assert_damaged (error, library);
  g_assert_true (hl_topic_store_is_damaged (store));
}

/* Each list a topic has, damaged in turn. */
static void
test_damaged_topic_parts (void)
{
  static const char *tables[] = { "topic_groups", "related_topics", "mesh_headings",
                                  "other_languages" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *library = damaged_library (tables[i], tables[i]);
      g_autoptr(HlTopicStore) store = hl_test_open_store (library);
      g_autoptr(HlTopic) topic = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", tables[i]);
      topic = hl_topic_store_load_topic (store, TOPIC_ID, &error);
      g_assert_null (topic);
      assert_damaged (error, library);
    }
}

/* The topics table could not be read: no "there is no topic", no count of
 * 0, no empty list. */
static void
test_damaged_topics (void)
{
  g_autofree char *library = damaged_library ("topics", "topics");
  g_autoptr(HlTopicStore) store = NULL;

  /* Counts and letters are read from the indexes alone. */
  hl_test_corrupt_table (library, "topics_by_language");
  hl_test_corrupt_table (library, "topics_by_letter");
  store = hl_test_open_store (library);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HlTopic) topic = hl_topic_store_load_topic (store, TOPIC_ID, &error);

    g_assert_null (topic);
    assert_damaged (error, library);
    g_assert_false (g_error_matches (error, HL_ERROR, HL_ERROR_NOT_FOUND));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (hl_topic_store_count_topics (store, "en", &error), ==, 0);
    assert_damaged (error, library);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) list = hl_topic_store_list_topics_by_letter (store, "en", 'A', &error);

    g_assert_null (list);
    assert_damaged (error, library);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *letters = hl_topic_store_dup_index_letters (store, "en", &error);

    g_assert_null (letters);
    assert_damaged (error, library);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HlTopicRef) ref = hl_topic_store_get_topic_ref (store, TOPIC_ID, &error);

    g_assert_null (ref);
    assert_damaged (error, library);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) hits = hl_topic_store_search (store, "abdominal", "en", 10, &error);

    g_assert_null (hits);
    assert_damaged (error, library);
  }
  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) suggestions = hl_topic_store_suggest (store, "abdomnal", "en", 3, &error);

    g_assert_null (suggestions);
    assert_damaged (error, library);
  }
  g_assert_true (hl_topic_store_is_damaged (store));
}

static void
test_damaged_groups (void)
{
  g_autofree char *library = damaged_library ("groups", "groups");
  g_autoptr(HlTopicStore) store = hl_test_open_store (library);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) groups = hl_topic_store_list_groups (store, "en", &error);

    g_assert_null (groups);
    assert_damaged (error, library);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HlGroup) group = hl_topic_store_get_group (store, 2, "en", &error);

    g_assert_null (group);
    assert_damaged (error, library);
  }
}

/* Pages show the error, not "no page" and not half a page. */
static void
test_damaged_pages (void)
{
  g_autofree char *library = damaged_library ("pages", "sites");
  g_autoptr(HlTopicStore) store = hl_test_open_store (library);
  g_autoptr(HlPageRenderer) renderer = hl_page_renderer_new (store, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = hl_page_renderer_render (renderer, "hl://topic/3061", &error);

  g_assert_null (html);
  assert_damaged (error, library);
  g_clear_error (&error);

  {
    g_autofree char *other = damaged_library ("pages-groups", "topic_groups");
    g_autoptr(HlTopicStore) other_store = hl_test_open_store (other);
    g_autoptr(HlPageRenderer) other_renderer = hl_page_renderer_new (other_store, NULL);
    g_autofree char *group = hl_page_renderer_render (other_renderer, "hl://group/2?lang=en", &error);

    g_assert_null (group);
    assert_damaged (error, other);
  }
}

/* An intact library still tells a missing topic from a failed read. */
static void
test_not_found_is_not_an_error (void)
{
  g_autofree char *library = damaged_library ("intact", NULL);
  g_autoptr(HlTopicStore) store = hl_test_open_store (library);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopic) topic = hl_topic_store_load_topic (store, 424242, &error);
  g_autoptr(HlTopicRef) ref = NULL;
  g_autoptr(HlGroup) group = NULL;

  g_assert_null (topic);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ref = hl_topic_store_get_topic_ref (store, 424242, &error);
  g_assert_null (ref);
  g_assert_no_error (error);
  group = hl_topic_store_get_group (store, 424242, "en", &error);
  g_assert_null (group);
  g_assert_no_error (error);
  g_assert_false (hl_topic_store_is_damaged (store));
}

/* A file cut short at start: damaged, said with the file's name. */
static void
test_truncated_file (void)
{
  g_autofree char *library = damaged_library ("truncated", NULL);
  g_autoptr(GBytes) bytes = hl_test_read_bytes (library);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopicStore) store = NULL;

  hl_test_write_or_die (library, g_bytes_get_data (bytes, NULL), 4096 * 3);
  store = hl_topic_store_open (library, &error);
  if (store != NULL)
    {
      g_autoptr(HlTopic) topic = hl_topic_store_load_topic (store, TOPIC_ID, &error);

      g_assert_null (topic);
    }
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == HL_ERROR);
  g_assert_nonnull (strstr (error->message, library));
  g_assert_false (g_error_matches (error, HL_ERROR, HL_ERROR_NOT_FOUND));
  g_assert_false (g_error_matches (error, HL_ERROR, HL_ERROR_NO_LIBRARY));
}

/* Read-only folders. Root may write anywhere: as root, the checks run in a
 * child that has become "nobody". The folder lives in the system's
 * temporary folder, where that user can reach it. */

#define READ_ONLY_DIR_VARIABLE "HEALTH_LIBRARY_TEST_READ_ONLY_DIR"

static char *
make_read_only_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *starter = hl_test_starter_path ();
  char *dir = g_dir_make_tmp ("health-library-read-only-XXXXXX", &error);
  g_autofree char *library = NULL;

  g_assert_no_error (error);
  library = hl_test_library_in (dir);
  hl_test_import_or_die (starter, library);
  g_assert_cmpint (g_chmod (library, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  return dir;
}

static void
remove_read_only_library (const char *dir)
{
  g_chmod (dir, 0755);
  hl_test_remove_tree (dir);
}

/* In a child, as "nobody" when the tests run as root. */
static void
become_unprivileged (void)
{
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgroups (0, NULL), ==, 0);
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  g_assert_cmpint (geteuid (), !=, 0);
}

static void
check_read_only_library (const char *dir)
{
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *wal = g_strconcat (library, "-wal", NULL);
  g_autofree char *shm = g_strconcat (library, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autofree char *html = NULL;

  /* The folder really is read-only for us. */
  g_assert_cmpint (g_access (dir, W_OK), !=, 0);

  store = hl_topic_store_open (library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (store == NULL)
    return;
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL, &error), ==, STARTER_EN + STARTER_ES);
  g_assert_no_error (error);
  hits = hl_topic_store_search (store, "abdominal", "en", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
  renderer = hl_page_renderer_new (store, NULL);
  html = hl_page_renderer_render (renderer, "hl://topic/3061", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "Abdominal Pain"));

  /* Nothing was, or could have been, written next to it. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      become_unprivileged ();
      check_read_only_library (g_getenv (READ_ONLY_DIR_VARIABLE));
      return;
    }

  dir = make_read_only_library ();
  g_setenv (READ_ONLY_DIR_VARIABLE, dir, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv (READ_ONLY_DIR_VARIABLE);
  remove_read_only_library (dir);
}

/* A library we may not read is said to be one, not "damaged" or "not a
 * library"; the same for a folder we may not enter. */
static void
test_permission_denied (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *library = NULL;
  g_autofree char *inner = NULL;

  if (g_test_subprocess ())
    {
      const char *base = g_getenv (READ_ONLY_DIR_VARIABLE);
      const char *paths[] = { "library.db", "closed/library.db" };

      become_unprivileged ();
      for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
        {
          g_autofree char *path = g_build_filename (base, paths[i], NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(HlTopicStore) store = hl_topic_store_open (path, &error);

          g_assert_null (store);
          g_assert_error (error, HL_ERROR, HL_ERROR_PERMISSION);
          if (error == NULL)
            continue;
          g_test_message ("%s", error->message);
          g_assert_nonnull (strstr (error->message, path));
          g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
        }
      return;
    }

  dir = make_read_only_library ();
  library = hl_test_library_in (dir);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (library, 0000), ==, 0);
  inner = g_build_filename (dir, "closed", NULL);
  g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);

  g_setenv (READ_ONLY_DIR_VARIABLE, dir, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv (READ_ONLY_DIR_VARIABLE);
  remove_read_only_library (dir);
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/store/errors/damaged-sites", test_damaged_sites);
  g_test_add_func ("/core/store/errors/damaged-topic-parts", test_damaged_topic_parts);
  g_test_add_func ("/core/store/errors/damaged-topics", test_damaged_topics);
  g_test_add_func ("/core/store/errors/damaged-groups", test_damaged_groups);
  g_test_add_func ("/core/store/errors/damaged-pages", test_damaged_pages);
  g_test_add_func ("/core/store/errors/not-found", test_not_found_is_not_an_error);
  g_test_add_func ("/core/store/errors/truncated-file", test_truncated_file);
  g_test_add_func ("/core/store/errors/read-only-folder", test_read_only_folder);
  g_test_add_func ("/core/store/errors/permission-denied", test_permission_denied);

  return g_test_run ();
}
