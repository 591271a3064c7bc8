/* hl-topic-store.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "hl-error.h"
#include "hl-library-writer.h"
#include "hl-sqlite.h"
#include "hl-topic-store-private.h"

#define SEP "\x1f"

struct _HlTopicStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  sqlite3_stmt *stmts[HL_N_STMTS];
  GHashTable   *meta;
};

G_DEFINE_FINAL_TYPE (HlTopicStore, hl_topic_store, G_TYPE_OBJECT)

static const char *statements[HL_N_STMTS] = {
  [HL_STMT_COUNT_ALL] = "SELECT count(*) FROM topics",
  [HL_STMT_COUNT_LANGUAGE] = "SELECT count(*) FROM topics WHERE language = ?1",
  [HL_STMT_LIST_GROUPS] =
    "SELECT id, name, url, topic_count FROM groups"
    " WHERE language = ?1 AND topic_count > 0",
  [HL_STMT_GET_GROUP] =
    "SELECT name, url, topic_count FROM groups WHERE id = ?1 AND language = ?2",
  [HL_STMT_GROUP_TOPICS] =
    "SELECT t.id, t.title FROM topic_groups tg JOIN topics t ON t.id = tg.topic_id"
    " WHERE tg.group_id = ?1 AND tg.language = ?2 ORDER BY t.sort_key, t.id",
  [HL_STMT_LETTER_TOPICS] =
    "SELECT id, title FROM topics WHERE language = ?1 AND letter = ?2 ORDER BY sort_key, id",
  [HL_STMT_ALL_TOPICS] =
    "SELECT id, title FROM topics WHERE language = ?1 ORDER BY sort_key, id",
  [HL_STMT_LETTERS] =
    "SELECT DISTINCT letter FROM topics WHERE language = ?1 ORDER BY letter = '#', letter",
  [HL_STMT_TOPIC] =
    "SELECT id, language, title, url, meta_desc, date_created, summary, also_called,"
    " see_references, mapped_id, mapped_language, mapped_title, mapped_url, institute,"
    " institute_url, first_site, n_sites FROM topics WHERE id = ?1",
  [HL_STMT_TOPIC_REF] = "SELECT language, title FROM topics WHERE id = ?1",
  [HL_STMT_TOPIC_GROUPS] =
    "SELECT tg.group_id, g.name, g.url FROM topic_groups tg"
    " LEFT JOIN groups g ON g.id = tg.group_id AND g.language = tg.language"
    " WHERE tg.topic_id = ?1 ORDER BY tg.position",
  [HL_STMT_TOPIC_GROUP_IDS] =
    "SELECT group_id FROM topic_groups WHERE topic_id = ?1 ORDER BY position",
  [HL_STMT_RELATED] =
    "SELECT related_id, title, url FROM related_topics WHERE topic_id = ?1 ORDER BY position",
  [HL_STMT_MESH] =
    "SELECT descriptor_id, descriptor, qualifier_ids, qualifiers FROM mesh_headings"
    " WHERE topic_id = ?1 ORDER BY position",
  [HL_STMT_OTHER_LANGUAGES] =
    "SELECT name, vernacular_name, url FROM other_languages WHERE topic_id = ?1 ORDER BY position",
  [HL_STMT_SITES] =
    "SELECT title, url, mapped_url, categories, organizations, descriptions FROM sites"
    " WHERE id >= ?1 AND id < ?2 ORDER BY id",
  [HL_STMT_BY_URL] = "SELECT id FROM topics WHERE url = ?1 ORDER BY id LIMIT 1",
};

gboolean
hl_topic_store_set_error (HlTopicStore  *self,
                          GError       **error)
{
  g_set_error (error, HL_ERROR, HL_ERROR_DATABASE,
               _("Could not read the library “%s”: %s"),
               self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3 *
hl_topic_store_get_db (HlTopicStore *self)
{
  return self->db;
}

sqlite3_stmt *
hl_topic_store_statement (HlTopicStore     *self,
                          HlStoreStatement  which)
{
  sqlite3_stmt *stmt = self->stmts[which];

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, statements[which], -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        {
          g_critical ("Could not prepare “%s”: %s", statements[which], sqlite3_errmsg (self->db));
          return NULL;
        }
      self->stmts[which] = stmt;
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

static void
hl_topic_store_finalize (GObject *object)
{
  HlTopicStore *self = (HlTopicStore *) object;

  for (guint i = 0; i < HL_N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->meta, g_hash_table_unref);
  g_free (self->path);

  G_OBJECT_CLASS (hl_topic_store_parent_class)->finalize (object);
}

static void
hl_topic_store_class_init (HlTopicStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_topic_store_finalize;
}

static void
hl_topic_store_init (HlTopicStore *self)
{
  self->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
load_meta (HlTopicStore  *self,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *format;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT key, value FROM meta", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is not a Health Library library. Import the MedlinePlus "
                     "health-topic file again."),
                   self->path);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (self->meta,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return hl_topic_store_set_error (self, error);

  format = g_hash_table_lookup (self->meta, "format");
  if (format == NULL || atoi (format) != HL_LIBRARY_FORMAT)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("The library “%s” was made by another version of Health Library. "
                     "Import the MedlinePlus health-topic file again."),
                   self->path);
      return FALSE;
    }

  return TRUE;
}

HlTopicStore *
hl_topic_store_open (const char  *path,
                     GError     **error)
{
  g_autoptr(HlTopicStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HL_TYPE_TOPIC_STORE, NULL);
  self->path = g_strdup (path);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_NO_LIBRARY,
                   _("There is no library at “%s” yet."), path);
      return NULL;
    }

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      hl_topic_store_set_error (self, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);

  if (!load_meta (self, error))
    return NULL;

  /* The library is read, never written: map it, and keep a good part of it
   * in the cache, so that searching does not wait on reads. */
  if (!hl_sqlite_exec (self->db,
                       "PRAGMA mmap_size = 268435456;"
                       "PRAGMA cache_size = -16384;",
                       NULL))
    g_debug ("Could not tune the library's cache: %s", sqlite3_errmsg (self->db));

  return g_steal_pointer (&self);
}

const char *
hl_topic_store_get_path (HlTopicStore *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  return self->path;
}

const char *
hl_topic_store_get_meta (HlTopicStore *self,
                         const char   *key)
{
  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->meta, key);
}

gboolean
hl_topic_store_is_sample (HlTopicStore *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), FALSE);

  return g_strcmp0 (hl_topic_store_get_meta (self, "sample"), "1") == 0;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (column_text (stmt, column));
}

guint
hl_topic_store_count_topics (HlTopicStore *self,
                             const char   *language)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), 0);

  if (language == NULL)
    stmt = hl_topic_store_statement (self, HL_STMT_COUNT_ALL);
  else
    {
      stmt = hl_topic_store_statement (self, HL_STMT_COUNT_LANGUAGE);
      sqlite3_bind_text (stmt, 1, hl_language_normalize (language), -1, SQLITE_STATIC);
    }

  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *keys = user_data;

  return g_strcmp0 (g_hash_table_lookup (keys, a), g_hash_table_lookup (keys, b));
}

GListModel *
hl_topic_store_list_groups (HlTopicStore *self,
                            const char   *language)
{
  GListStore *groups = g_list_store_new (HL_TYPE_GROUP);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  const char *code = hl_language_normalize (language);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  stmt = hl_topic_store_statement (self, HL_STMT_LIST_GROUPS);
  sqlite3_bind_text (stmt, 1, code ? code : "en", -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(HlGroup) group = hl_group_new (sqlite3_column_int (stmt, 0), code ? code : "en",
                                               column_text (stmt, 1), column_text (stmt, 2),
                                               sqlite3_column_int (stmt, 3));

      /* Sorted as a reader expects: accents and case do not count. */
      g_hash_table_insert (keys, group, g_utf8_collate_key (column_text (stmt, 1), -1));
      g_list_store_insert_sorted (groups, group, compare_groups, keys);
    }

  return G_LIST_MODEL (groups);
}

HlGroup *
hl_topic_store_get_group (HlTopicStore *self,
                          int           id,
                          const char   *language)
{
  const char *code = hl_language_normalize (language);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  if (code == NULL)
    return NULL;

  stmt = hl_topic_store_statement (self, HL_STMT_GET_GROUP);
  sqlite3_bind_int (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return hl_group_new (id, code, column_text (stmt, 0), column_text (stmt, 1),
                       sqlite3_column_int (stmt, 2));
}

static GListModel *
collect_topic_refs (sqlite3_stmt *stmt,
                    const char   *language)
{
  GListStore *list = g_list_store_new (HL_TYPE_TOPIC_REF);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, hl_topic_ref_new (sqlite3_column_int (stmt, 0), language,
                                              column_text (stmt, 1), NULL));

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

GListModel *
hl_topic_store_list_group_topics (HlTopicStore *self,
                                  int           group_id,
                                  const char   *language)
{
  const char *code = hl_language_normalize (language);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  code = code ? code : "en";
  stmt = hl_topic_store_statement (self, HL_STMT_GROUP_TOPICS);
  sqlite3_bind_int (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  return collect_topic_refs (stmt, code);
}

GListModel *
hl_topic_store_list_topics_by_letter (HlTopicStore *self,
                                      const char   *language,
                                      char          letter)
{
  const char *code = hl_language_normalize (language);
  char letter_text[2] = { letter, 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  code = code ? code : "en";
  if (letter == 0)
    stmt = hl_topic_store_statement (self, HL_STMT_ALL_TOPICS);
  else
    {
      stmt = hl_topic_store_statement (self, HL_STMT_LETTER_TOPICS);
      sqlite3_bind_text (stmt, 2, letter_text, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  return collect_topic_refs (stmt, code);
}

char *
hl_topic_store_dup_index_letters (HlTopicStore *self,
                                  const char   *language)
{
  const char *code = hl_language_normalize (language);
  GString *letters = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  stmt = hl_topic_store_statement (self, HL_STMT_LETTERS);
  sqlite3_bind_text (stmt, 1, code ? code : "en", -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append (letters, column_text (stmt, 0));

  return g_string_free (letters, FALSE);
}

static void
append_split (GPtrArray  *array,
              const char *joined)
{
  g_auto(GStrv) parts = NULL;

  if (joined == NULL || *joined == '\0')
    return;

  parts = g_strsplit (joined, SEP, -1);
  for (guint i = 0; parts[i] != NULL; i++)
    g_ptr_array_add (array, g_steal_pointer (&parts[i]));
}

HlTopic *
hl_topic_store_load_topic (HlTopicStore  *self,
                           int            id,
                           GError       **error)
{
  g_autoptr(HlTopic) topic = NULL;
  sqlite3_stmt *stmt;
  gint64 first_site;
  int n_sites;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  stmt = hl_topic_store_statement (self, HL_STMT_TOPIC);
  sqlite3_bind_int (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND,
                   _("There is no topic %d in the library."), id);
      return NULL;
    }

  topic = hl_topic_new ();
  topic->id = sqlite3_column_int (stmt, 0);
  topic->language = column_dup (stmt, 1);
  topic->title = column_dup (stmt, 2);
  topic->url = column_dup (stmt, 3);
  topic->meta_desc = column_dup (stmt, 4);
  topic->date_created = column_dup (stmt, 5);
  topic->summary = column_dup (stmt, 6);
  append_split (topic->also_called, column_text (stmt, 7));
  append_split (topic->see_references, column_text (stmt, 8));
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL || sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    {
      topic->mapped = hl_topic_link_new ();
      topic->mapped->id = sqlite3_column_int (stmt, 9);
      topic->mapped->language = column_dup (stmt, 10);
      topic->mapped->title = column_dup (stmt, 11);
      topic->mapped->url = column_dup (stmt, 12);
    }
  topic->institute = column_dup (stmt, 13);
  topic->institute_url = column_dup (stmt, 14);
  first_site = sqlite3_column_int64 (stmt, 15);
  n_sites = sqlite3_column_int (stmt, 16);

  stmt = hl_topic_store_statement (self, HL_STMT_TOPIC_GROUPS);
  sqlite3_bind_int (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HlTopicLink *group = hl_topic_link_new ();

      group->id = sqlite3_column_int (stmt, 0);
      group->language = g_strdup (topic->language);
      group->title = column_dup (stmt, 1);
      group->url = column_dup (stmt, 2);
      g_ptr_array_add (topic->groups, group);
    }

  stmt = hl_topic_store_statement (self, HL_STMT_RELATED);
  sqlite3_bind_int (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HlTopicLink *related = hl_topic_link_new ();

      related->id = sqlite3_column_int (stmt, 0);
      related->language = g_strdup (topic->language);
      related->title = column_dup (stmt, 1);
      related->url = column_dup (stmt, 2);
      g_ptr_array_add (topic->related, related);
    }

  stmt = hl_topic_store_statement (self, HL_STMT_MESH);
  sqlite3_bind_int (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HlMeshHeading *mesh = hl_mesh_heading_new ();

      mesh->descriptor_id = column_dup (stmt, 0);
      mesh->descriptor = column_dup (stmt, 1);
      append_split (mesh->qualifier_ids, column_text (stmt, 2));
      append_split (mesh->qualifiers, column_text (stmt, 3));
      g_ptr_array_add (topic->mesh_headings, mesh);
    }

  stmt = hl_topic_store_statement (self, HL_STMT_OTHER_LANGUAGES);
  sqlite3_bind_int (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HlOtherLanguage *other = hl_other_language_new ();

      other->name = column_dup (stmt, 0);
      other->vernacular_name = column_dup (stmt, 1);
      other->url = column_dup (stmt, 2);
      g_ptr_array_add (topic->other_languages, other);
    }

  stmt = hl_topic_store_statement (self, HL_STMT_SITES);
  sqlite3_bind_int64 (stmt, 1, first_site);
  sqlite3_bind_int64 (stmt, 2, first_site + n_sites);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HlSite *site = hl_site_new ();

      site->title = column_dup (stmt, 0);
      site->url = column_dup (stmt, 1);
      site->mapped_url = column_dup (stmt, 2);
      append_split (site->categories, column_text (stmt, 3));
      append_split (site->organizations, column_text (stmt, 4));
      append_split (site->descriptions, column_text (stmt, 5));
      g_ptr_array_add (topic->sites, site);
    }

  return g_steal_pointer (&topic);
}

HlTopicRef *
hl_topic_store_get_topic_ref (HlTopicStore *self,
                              int           id)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  stmt = hl_topic_store_statement (self, HL_STMT_TOPIC_REF);
  sqlite3_bind_int (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return hl_topic_ref_new (id, column_text (stmt, 0), column_text (stmt, 1), NULL);
}

int
hl_topic_store_find_topic_by_url (HlTopicStore *self,
                                  const char   *url)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), 0);

  if (url == NULL)
    return 0;

  stmt = hl_topic_store_statement (self, HL_STMT_BY_URL);
  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

GArray *
hl_topic_store_get_topic_group_ids (HlTopicStore *self,
                                    int           id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), ids);

  stmt = hl_topic_store_statement (self, HL_STMT_TOPIC_GROUP_IDS);
  sqlite3_bind_int (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int group_id = sqlite3_column_int (stmt, 0);
      g_array_append_val (ids, group_id);
    }

  return ids;
}
