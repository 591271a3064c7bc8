/* hl-topic-store.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
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
  gboolean      damaged;
};

G_DEFINE_FINAL_TYPE (HlTopicStore, hl_topic_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAMAGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
mark_damaged (HlTopicStore *self)
{
  if (self->damaged)
    return;

  self->damaged = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
}

/* What SQLite said, as what it is: a damaged file, a file we may not read,
 * a failing disk. */
static void
set_sqlite_error (HlTopicStore  *self,
                  int            rc,
                  GError       **error)
{
  const char *what = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int system_errno = self->db ? sqlite3_system_errno (self->db) : 0;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      mark_damaged (self);
      g_set_error (error, HL_ERROR, HL_ERROR_DATABASE,
                   _("The library “%s” is damaged (%s). Import the MedlinePlus health-topic "
                     "file again, or restore the sample library."),
                   self->path, what);
      break;

    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      if (system_errno == EACCES || system_errno == EPERM)
        {
          g_set_error (error, HL_ERROR, HL_ERROR_PERMISSION,
                       _("You may not read the library “%s” (%s). Ask whoever looks after "
                         "this computer to let you read it."),
                       self->path, g_strerror (system_errno));
          break;
        }
      if (system_errno != 0)
        {
          g_set_error (error, HL_ERROR, HL_ERROR_DATABASE,
                       _("Could not read the library “%s”: %s (%s)."),
                       self->path, what, g_strerror (system_errno));
          break;
        }
      G_GNUC_FALLTHROUGH;

    default:
      g_set_error (error, HL_ERROR, HL_ERROR_DATABASE,
                   _("Could not read the library “%s”: %s."), self->path, what);
      break;
    }
}

gboolean
hl_topic_store_set_error (HlTopicStore  *self,
                          GError       **error)
{
  set_sqlite_error (self, sqlite3_extended_errcode (self->db), error);
  return FALSE;
}

gboolean
hl_topic_store_check_done (HlTopicStore  *self,
                           int            rc,
                           GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  set_sqlite_error (self, rc, error);
  return FALSE;
}

gboolean
hl_topic_store_is_damaged (HlTopicStore *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), FALSE);

  return self->damaged;
}

sqlite3 *
hl_topic_store_get_db (HlTopicStore *self)
{
  return self->db;
}

sqlite3_stmt *
hl_topic_store_statement (HlTopicStore      *self,
                          HlStoreStatement   which,
                          GError           **error)
{
  sqlite3_stmt *stmt = self->stmts[which];

  if (stmt == NULL)
    {
      /* A library whose tables cannot be read fails here. */
      if (sqlite3_prepare_v3 (self->db, statements[which], -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        {
          hl_topic_store_set_error (self, error);
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
hl_topic_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HlTopicStore *self = HL_TOPIC_STORE (object);

  switch (prop_id)
    {
    case PROP_DAMAGED:
      g_value_set_boolean (value, self->damaged);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_topic_store_class_init (HlTopicStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_topic_store_finalize;
  object_class->get_property = hl_topic_store_get_property;

  /**
   * HlTopicStore:damaged:
   *
   * Set once a read found the file damaged; it stays set.
   */
  properties[PROP_DAMAGED] =
    g_param_spec_boolean ("damaged", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

  rc = sqlite3_prepare_v2 (self->db, "SELECT key, value FROM meta", -1, &stmt, NULL);
  if (rc == SQLITE_ERROR || rc == SQLITE_NOTADB)
    {
      /* An SQLite file without our table, or not an SQLite file at all. */
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is not a Health Library library. Import the MedlinePlus "
                     "health-topic file again, or restore the sample library."),
                   self->path);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, sqlite3_extended_errcode (self->db), error);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (self->meta,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);

  if (!hl_topic_store_check_done (self, rc, error))
    return FALSE;

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

/* There is a file to read at @path: "no library yet" only when there is
 * none, and a folder we may not enter said as such. */
static gboolean
check_file (const char  *path,
            GError     **error)
{
  GStatBuf st;
  int saved_errno;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISREG (st.st_mode))
        return TRUE;
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is not a file. Move it out of the way, or import the MedlinePlus "
                     "health-topic file again."),
                   path);
      return FALSE;
    }

  saved_errno = errno;
  if (saved_errno == ENOENT)
    g_set_error (error, HL_ERROR, HL_ERROR_NO_LIBRARY,
                 _("There is no library at “%s” yet."), path);
  else if (saved_errno == EACCES || saved_errno == EPERM)
    g_set_error (error, HL_ERROR, HL_ERROR_PERMISSION,
                 _("You may not read the library “%s” (%s). Ask whoever looks after this "
                   "computer to let you read it."),
                 path, g_strerror (saved_errno));
  else
    g_set_error (error, HL_ERROR, HL_ERROR_FAILED,
                 _("Could not read the library “%s”: %s."), path, g_strerror (saved_errno));
  return FALSE;
}

HlTopicStore *
hl_topic_store_open (const char  *path,
                     GError     **error)
{
  g_autoptr(HlTopicStore) self = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HL_TYPE_TOPIC_STORE, NULL);
  self->path = g_strdup (path);

  if (!check_file (path, error))
    return NULL;

  /* The file is never changed in place (an import renames a new one over
   * it): SQLite may read it as immutable, which takes no lock and needs no
   * -wal or -shm file, so that a library in a read-only folder opens. */
  escaped = g_uri_escape_string (path, "/", TRUE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &self->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, self->db ? sqlite3_extended_errcode (self->db) : rc, error);
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
hl_topic_store_count_topics (HlTopicStore  *self,
                             const char    *language,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  guint count;
  int rc;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), 0);

  if (language == NULL)
    stmt = hl_topic_store_statement (self, HL_STMT_COUNT_ALL, error);
  else
    {
      stmt = hl_topic_store_statement (self, HL_STMT_COUNT_LANGUAGE, error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, hl_language_normalize (language), -1, SQLITE_STATIC);
    }
  if (stmt == NULL)
    return 0;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      hl_topic_store_check_done (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return 0;
    }

  count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
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
hl_topic_store_list_groups (HlTopicStore  *self,
                            const char    *language,
                            GError       **error)
{
  g_autoptr(GListStore) groups = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  const char *code = hl_language_normalize (language);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  stmt = hl_topic_store_statement (self, HL_STMT_LIST_GROUPS, error);
  if (stmt == NULL)
    return NULL;

  groups = g_list_store_new (HL_TYPE_GROUP);
  sqlite3_bind_text (stmt, 1, code ? code : "en", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(HlGroup) group = hl_group_new (sqlite3_column_int (stmt, 0), code ? code : "en",
                                               column_text (stmt, 1), column_text (stmt, 2),
                                               sqlite3_column_int (stmt, 3));

      /* Sorted as a reader expects: accents and case do not count. */
      g_hash_table_insert (keys, group, g_utf8_collate_key (column_text (stmt, 1), -1));
      g_list_store_insert_sorted (groups, group, compare_groups, keys);
    }

  if (!hl_topic_store_check_done (self, rc, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&groups));
}

HlGroup *
hl_topic_store_get_group (HlTopicStore  *self,
                          int            id,
                          const char    *language,
                          GError       **error)
{
  const char *code = hl_language_normalize (language);
  sqlite3_stmt *stmt;
  HlGroup *group;
  int rc;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  if (code == NULL)
    return NULL;

  stmt = hl_topic_store_statement (self, HL_STMT_GET_GROUP, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      hl_topic_store_check_done (self, rc, error);
      return NULL;
    }

  group = hl_group_new (id, code, column_text (stmt, 0), column_text (stmt, 1),
                        sqlite3_column_int (stmt, 2));
  sqlite3_reset (stmt);
  return group;
}

static GListModel *
collect_topic_refs (HlTopicStore  *self,
                    sqlite3_stmt  *stmt,
                    const char    *language,
                    GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *list;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, hl_topic_ref_new (sqlite3_column_int (stmt, 0), language,
                                              column_text (stmt, 1), NULL));

  if (!hl_topic_store_check_done (self, rc, error))
    return NULL;

  list = g_list_store_new (HL_TYPE_TOPIC_REF);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

GListModel *
hl_topic_store_list_group_topics (HlTopicStore  *self,
                                  int            group_id,
                                  const char    *language,
                                  GError       **error)
{
  const char *code = hl_language_normalize (language);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  code = code ? code : "en";
  stmt = hl_topic_store_statement (self, HL_STMT_GROUP_TOPICS, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  return collect_topic_refs (self, stmt, code, error);
}

GListModel *
hl_topic_store_list_topics_by_letter (HlTopicStore  *self,
                                      const char    *language,
                                      char           letter,
                                      GError       **error)
{
  const char *code = hl_language_normalize (language);
  char letter_text[2] = { letter, 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  code = code ? code : "en";
  stmt = hl_topic_store_statement (self, letter == 0 ? HL_STMT_ALL_TOPICS : HL_STMT_LETTER_TOPICS,
                                   error);
  if (stmt == NULL)
    return NULL;

  if (letter != 0)
    sqlite3_bind_text (stmt, 2, letter_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  return collect_topic_refs (self, stmt, code, error);
}

char *
hl_topic_store_dup_index_letters (HlTopicStore  *self,
                                  const char    *language,
                                  GError       **error)
{
  const char *code = hl_language_normalize (language);
  g_autoptr(GString) letters = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  stmt = hl_topic_store_statement (self, HL_STMT_LETTERS, error);
  if (stmt == NULL)
    return NULL;

  letters = g_string_new (NULL);
  sqlite3_bind_text (stmt, 1, code ? code : "en", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append (letters, column_text (stmt, 0));

  if (!hl_topic_store_check_done (self, rc, error))
    return NULL;

  return g_string_free (g_steal_pointer (&letters), FALSE);
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

/* The rows of @which for topic @id, each handed to @add; FALSE when reading
 * them failed part way. */
typedef void (*AddRowFunc) (HlTopic      *topic,
                            sqlite3_stmt *stmt);

static gboolean
load_rows (HlTopicStore      *self,
           HlStoreStatement   which,
           int                id,
           HlTopic           *topic,
           AddRowFunc         add,
           GError           **error)
{
  sqlite3_stmt *stmt = hl_topic_store_statement (self, which, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add (topic, stmt);

  return hl_topic_store_check_done (self, rc, error);
}

static void
add_group_row (HlTopic      *topic,
               sqlite3_stmt *stmt)
{
  HlTopicLink *group = hl_topic_link_new ();

  group->id = sqlite3_column_int (stmt, 0);
  group->language = g_strdup (topic->language);
  group->title = column_dup (stmt, 1);
  group->url = column_dup (stmt, 2);
  g_ptr_array_add (topic->groups, group);
}

static void
add_related_row (HlTopic      *topic,
                 sqlite3_stmt *stmt)
{
  HlTopicLink *related = hl_topic_link_new ();

  related->id = sqlite3_column_int (stmt, 0);
  related->language = g_strdup (topic->language);
  related->title = column_dup (stmt, 1);
  related->url = column_dup (stmt, 2);
  g_ptr_array_add (topic->related, related);
}

static void
add_mesh_row (HlTopic      *topic,
              sqlite3_stmt *stmt)
{
  HlMeshHeading *mesh = hl_mesh_heading_new ();

  mesh->descriptor_id = column_dup (stmt, 0);
  mesh->descriptor = column_dup (stmt, 1);
  append_split (mesh->qualifier_ids, column_text (stmt, 2));
  append_split (mesh->qualifiers, column_text (stmt, 3));
  g_ptr_array_add (topic->mesh_headings, mesh);
}

static void
add_other_language_row (HlTopic      *topic,
                        sqlite3_stmt *stmt)
{
  HlOtherLanguage *other = hl_other_language_new ();

  other->name = column_dup (stmt, 0);
  other->vernacular_name = column_dup (stmt, 1);
  other->url = column_dup (stmt, 2);
  g_ptr_array_add (topic->other_languages, other);
}

static gboolean
load_sites (HlTopicStore  *self,
            HlTopic       *topic,
            gint64         first_site,
            int            n_sites,
            GError       **error)
{
  sqlite3_stmt *stmt = hl_topic_store_statement (self, HL_STMT_SITES, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, first_site);
  sqlite3_bind_int64 (stmt, 2, first_site + n_sites);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
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

  if (!hl_topic_store_check_done (self, rc, error))
    return FALSE;

  /* The topic says how many sites it has: fewer is a damaged file. */
  if (topic->sites->len != (guint) n_sites)
    {
      set_sqlite_error (self, SQLITE_CORRUPT, error);
      return FALSE;
    }

  return TRUE;
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
  int rc;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  stmt = hl_topic_store_statement (self, HL_STMT_TOPIC, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND,
                   _("There is no topic %d in the library."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      hl_topic_store_check_done (self, rc, error);
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
  sqlite3_reset (stmt);

  /* NOT NULL columns that came back NULL: the row is damaged. */
  if (topic->language == NULL || topic->title == NULL || topic->url == NULL ||
      topic->summary == NULL || n_sites < 0)
    {
      set_sqlite_error (self, SQLITE_CORRUPT, error);
      return NULL;
    }

  if (!load_rows (self, HL_STMT_TOPIC_GROUPS, id, topic, add_group_row, error) ||
      !load_rows (self, HL_STMT_RELATED, id, topic, add_related_row, error) ||
      !load_rows (self, HL_STMT_MESH, id, topic, add_mesh_row, error) ||
      !load_rows (self, HL_STMT_OTHER_LANGUAGES, id, topic, add_other_language_row, error) ||
      !load_sites (self, topic, first_site, n_sites, error))
    return NULL;

  return g_steal_pointer (&topic);
}

HlTopicRef *
hl_topic_store_get_topic_ref (HlTopicStore  *self,
                              int            id,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  HlTopicRef *ref;
  int rc;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  stmt = hl_topic_store_statement (self, HL_STMT_TOPIC_REF, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      hl_topic_store_check_done (self, rc, error);
      return NULL;
    }

  ref = hl_topic_ref_new (id, column_text (stmt, 0), column_text (stmt, 1), NULL);
  sqlite3_reset (stmt);
  return ref;
}

int
hl_topic_store_find_topic_by_url (HlTopicStore  *self,
                                  const char    *url,
                                  GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;
  int id;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), 0);

  if (url == NULL)
    return 0;

  stmt = hl_topic_store_statement (self, HL_STMT_BY_URL, error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      hl_topic_store_check_done (self, rc, error);
      return 0;
    }

  id = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

GArray *
hl_topic_store_get_topic_group_ids (HlTopicStore  *self,
                                    int            id,
                                    GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  stmt = hl_topic_store_statement (self, HL_STMT_TOPIC_GROUP_IDS, error);
  if (stmt == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_bind_int (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int group_id = sqlite3_column_int (stmt, 0);
      g_array_append_val (ids, group_id);
    }

  if (!hl_topic_store_check_done (self, rc, error))
    return NULL;

  return g_steal_pointer (&ids);
}
