/* hl-user-data.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "hl-bookmarks-file.h"
#include "hl-error.h"
#include "hl-text.h"
#include "hl-user-data.h"

#define SCHEMA_VERSION 1

static const char schema[] =
  "CREATE TABLE IF NOT EXISTS bookmarks ("
  "  topic_id INTEGER PRIMARY KEY, language TEXT NOT NULL, title TEXT NOT NULL,"
  "  url TEXT, added INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS history ("
  "  topic_id INTEGER PRIMARY KEY, language TEXT NOT NULL, title TEXT NOT NULL,"
  "  url TEXT, viewed INTEGER NOT NULL);"
  "PRAGMA user_version = 1;";

struct _HlUserData
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;            /* NULL until there is something to read or write */
  HlTopicStore *store;
  gboolean      keep_nothing;
  gboolean      remember_history;
  GListStore   *bookmarks;     /* HlUserTopic */
  GListStore   *history;       /* HlUserTopic */
};

G_DEFINE_FINAL_TYPE (HlUserData, hl_user_data, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEEP_NOTHING,
  PROP_REMEMBER_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_db_error (HlUserData  *self,
              GError     **error)
{
  g_set_error (error, HL_ERROR, HL_ERROR_DATABASE,
               _("Your bookmarks and history in “%s” could not be saved or read: %s"),
               self->path, self->db ? sqlite3_errmsg (self->db) : g_strerror (errno));
  return FALSE;
}

static gboolean
exec (HlUserData  *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_db_error (self, error);
  return TRUE;
}

/* Opens the file; @create makes it (and its folder) when missing. */
static gboolean
open_db (HlUserData  *self,
         gboolean     create,
         GError     **error)
{
  g_autofree char *dir = NULL;
  gboolean existed;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

  if (self->db != NULL)
    return TRUE;

  existed = g_file_test (self->path, G_FILE_TEST_EXISTS);
  if (!existed && !create)
    return TRUE;

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_db_error (self, error);

  if (sqlite3_open_v2 (self->path, &self->db, flags | (create ? SQLITE_OPEN_CREATE : 0),
                       NULL) != SQLITE_OK)
    {
      set_db_error (self, error);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, 2000);

  /* What the user read is theirs alone. */
  if (!existed)
    g_chmod (self->path, 0600);

  if (!exec (self, schema, error))
    {
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  return TRUE;
}

static void
hl_user_data_finalize (GObject *object)
{
  HlUserData *self = (HlUserData *) object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_object (&self->store);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->history);
  g_free (self->path);

  G_OBJECT_CLASS (hl_user_data_parent_class)->finalize (object);
}

static void
hl_user_data_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HlUserData *self = HL_USER_DATA (object);

  switch (prop_id)
    {
    case PROP_KEEP_NOTHING:
      g_value_set_boolean (value, self->keep_nothing);
      break;
    case PROP_REMEMBER_HISTORY:
      g_value_set_boolean (value, self->remember_history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_user_data_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HlUserData *self = HL_USER_DATA (object);

  switch (prop_id)
    {
    case PROP_KEEP_NOTHING:
      hl_user_data_set_keep_nothing (self, g_value_get_boolean (value));
      break;
    case PROP_REMEMBER_HISTORY:
      hl_user_data_set_remember_history (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_user_data_class_init (HlUserDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_user_data_finalize;
  object_class->get_property = hl_user_data_get_property;
  object_class->set_property = hl_user_data_set_property;

  properties[PROP_KEEP_NOTHING] =
    g_param_spec_boolean ("keep-nothing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMEMBER_HISTORY] =
    g_param_spec_boolean ("remember-history", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_user_data_init (HlUserData *self)
{
  self->remember_history = TRUE;
  self->bookmarks = g_list_store_new (HL_TYPE_USER_TOPIC);
  self->history = g_list_store_new (HL_TYPE_USER_TOPIC);
}

HlUserData *
hl_user_data_new (const char *path)
{
  HlUserData *self = g_object_new (HL_TYPE_USER_DATA, NULL);

  /* The folder is made when the file is: a kiosk that keeps nothing leaves
   * no trace. */
  self->path = path ? g_strdup (path)
                    : g_build_filename (g_get_user_data_dir (), "health-library", "user.db", NULL);
  return self;
}

const char *
hl_user_data_get_path (HlUserData *self)
{
  g_return_val_if_fail (HL_IS_USER_DATA (self), NULL);

  return self->path;
}

/* Lists */

/* A row as the user should see it: with the library's title when it has
 * the topic, marked missing when it does not. */
static HlUserTopic *
resolve (HlUserData *self,
         int         id,
         const char *language,
         const char *title,
         const char *url,
         gint64      time)
{
  g_autoptr(HlTopicRef) ref = self->store ? hl_topic_store_get_topic_ref (self->store, id, NULL) : NULL;
  HlUserTopic *topic;

  topic = hl_user_topic_new (id, ref ? hl_topic_ref_get_language (ref) : language,
                             ref ? hl_topic_ref_get_title (ref) : title, url, time);
  hl_user_topic_set_missing (topic, self->store != NULL && ref == NULL);
  return topic;
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  g_autofree char *x = hl_text_fold (hl_user_topic_get_title (*(HlUserTopic **) a));
  g_autofree char *y = hl_text_fold (hl_user_topic_get_title (*(HlUserTopic **) b));

  return g_strcmp0 (x, y);
}

static void
read_table (HlUserData *self,
            const char *sql,
            GListStore *list,
            gboolean    by_title)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;

  if (self->db != NULL && !self->keep_nothing &&
      sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (items, resolve (self, sqlite3_column_int (stmt, 0),
                                         (const char *) sqlite3_column_text (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2),
                                         (const char *) sqlite3_column_text (stmt, 3),
                                         sqlite3_column_int64 (stmt, 4)));
      sqlite3_finalize (stmt);
    }

  if (by_title)
    g_ptr_array_sort_with_data (items, (GCompareDataFunc) compare_titles, NULL);
  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)), items->pdata,
                       items->len);
}

static void
reload (HlUserData *self)
{
  read_table (self, "SELECT topic_id, language, title, url, added FROM bookmarks", self->bookmarks,
              TRUE);
  read_table (self, "SELECT topic_id, language, title, url, viewed FROM history "
              "ORDER BY viewed DESC", self->history, FALSE);
}

gboolean
hl_user_data_load (HlUserData  *self,
                   GError     **error)
{
  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);

  if (self->keep_nothing)
    return TRUE;

  if (!open_db (self, FALSE, error))
    return FALSE;

  reload (self);
  return TRUE;
}

void
hl_user_data_set_store (HlUserData   *self,
                        HlTopicStore *store)
{
  g_return_if_fail (HL_IS_USER_DATA (self));
  g_return_if_fail (store == NULL || HL_IS_TOPIC_STORE (store));

  if (g_set_object (&self->store, store))
    reload (self);
}

void
hl_user_data_set_keep_nothing (HlUserData *self,
                               gboolean    keep_nothing)
{
  g_return_if_fail (HL_IS_USER_DATA (self));

  keep_nothing = !!keep_nothing;
  if (self->keep_nothing == keep_nothing)
    return;

  self->keep_nothing = keep_nothing;
  if (keep_nothing)
    g_clear_pointer (&self->db, sqlite3_close);
  else
    open_db (self, FALSE, NULL);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_NOTHING]);
}

gboolean
hl_user_data_get_keep_nothing (HlUserData *self)
{
  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);

  return self->keep_nothing;
}

void
hl_user_data_set_remember_history (HlUserData *self,
                                   gboolean    remember)
{
  g_return_if_fail (HL_IS_USER_DATA (self));

  remember = !!remember;
  if (self->remember_history == remember)
    return;

  self->remember_history = remember;
  /* Whoever shows the recent topics reads them again. */
  g_list_model_items_changed (G_LIST_MODEL (self->history), 0, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMEMBER_HISTORY]);
}

gboolean
hl_user_data_get_remember_history (HlUserData *self)
{
  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);

  return self->remember_history;
}

/* Writing */

/* Runs one statement that writes a topic's row, binding id, language,
 * title, url and time. */
static gboolean
write_topic (HlUserData  *self,
             const char  *sql,
             int          id,
             const char  *language,
             const char  *title,
             const char  *url,
             gint64       time,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (self, error);

  sqlite3_bind_int (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, time);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return set_db_error (self, error);
  return TRUE;
}

static gboolean
delete_topic (HlUserData  *self,
              const char  *sql,
              int          id,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (self, error);
  sqlite3_bind_int (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return set_db_error (self, error);
  return TRUE;
}

static gboolean
refuse_if_keeping_nothing (HlUserData  *self,
                           GError     **error)
{
  if (!self->keep_nothing)
    return FALSE;

  g_set_error_literal (error, HL_ERROR, HL_ERROR_FAILED,
                       _("Nothing is kept on this computer: bookmarks are turned off."));
  return TRUE;
}

/* The topic as the library has it, for a new row. */
static HlTopic *
load_topic (HlUserData  *self,
            int          id,
            GError     **error)
{
  if (self->store == NULL)
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_NO_LIBRARY,
                           _("The health library is not available."));
      return NULL;
    }

  return hl_topic_store_load_topic (self->store, id, error);
}

static int
find (GListModel *list,
      int         id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HlUserTopic) topic = g_list_model_get_item (list, i);

      if (hl_user_topic_get_id (topic) == id)
        return i;
    }
  return -1;
}

GListModel *
hl_user_data_get_bookmarks (HlUserData *self)
{
  g_return_val_if_fail (HL_IS_USER_DATA (self), NULL);

  return G_LIST_MODEL (self->bookmarks);
}

gboolean
hl_user_data_is_bookmarked (HlUserData *self,
                            int         id)
{
  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);

  return find (G_LIST_MODEL (self->bookmarks), id) >= 0;
}

gboolean
hl_user_data_add_bookmark (HlUserData  *self,
                           int          id,
                           GError     **error)
{
  g_autoptr(HlTopic) topic = NULL;

  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);

  if (refuse_if_keeping_nothing (self, error))
    return FALSE;
  if (hl_user_data_is_bookmarked (self, id))
    return TRUE;

  topic = load_topic (self, id, error);
  if (topic == NULL || !open_db (self, TRUE, error))
    return FALSE;

  if (!write_topic (self, "INSERT OR REPLACE INTO bookmarks VALUES (?, ?, ?, ?, ?)", id,
                    topic->language, topic->title, topic->url, g_get_real_time (), error))
    return FALSE;

  read_table (self, "SELECT topic_id, language, title, url, added FROM bookmarks",
              self->bookmarks, TRUE);
  return TRUE;
}

gboolean
hl_user_data_remove_bookmark (HlUserData  *self,
                              int          id,
                              GError     **error)
{
  int position;

  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);

  position = find (G_LIST_MODEL (self->bookmarks), id);
  if (position < 0)
    return TRUE;

  if (!delete_topic (self, "DELETE FROM bookmarks WHERE topic_id = ?", id, error))
    return FALSE;

  g_list_store_remove (self->bookmarks, position);
  return TRUE;
}

gboolean
hl_user_data_export_bookmarks (HlUserData  *self,
                               GFile       *file,
                               GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* As kept, not as the library in use calls them: another computer may
   * have another library. */
  if (self->db != NULL && !self->keep_nothing)
    {
      if (sqlite3_prepare_v2 (self->db, "SELECT topic_id, language, title, url, added "
                              "FROM bookmarks ORDER BY added", -1, &stmt, NULL) != SQLITE_OK)
        return set_db_error (self, error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (items, hl_user_topic_new (sqlite3_column_int (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1),
                                                   (const char *) sqlite3_column_text (stmt, 2),
                                                   (const char *) sqlite3_column_text (stmt, 3),
                                                   sqlite3_column_int64 (stmt, 4)));
      sqlite3_finalize (stmt);
    }

  text = hl_bookmarks_file_write (items);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
hl_user_data_import_bookmarks (HlUserData  *self,
                               GFile       *file,
                               guint       *n_added,
                               GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gsize length;
  guint added = 0;

  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (refuse_if_keeping_nothing (self, error))
    return FALSE;

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  if (info != NULL && g_file_info_get_size (info) > HL_BOOKMARKS_MAX_SIZE)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a bookmarks file."), name);
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND, _("Could not read “%s”: %s"), name,
                   local_error->message);
      return FALSE;
    }

  bookmarks = hl_bookmarks_file_read (contents, length, name, error);
  if (bookmarks == NULL || !open_db (self, TRUE, error) || !exec (self, "BEGIN", error))
    return FALSE;

  for (guint i = 0; i < bookmarks->len; i++)
    {
      HlUserTopic *topic = g_ptr_array_index (bookmarks, i);

      if (hl_user_data_is_bookmarked (self, hl_user_topic_get_id (topic)))
        continue;
      if (!write_topic (self, "INSERT OR IGNORE INTO bookmarks VALUES (?, ?, ?, ?, ?)",
                        hl_user_topic_get_id (topic), hl_user_topic_get_language (topic),
                        hl_user_topic_get_title (topic), hl_user_topic_get_url (topic),
                        hl_user_topic_get_time (topic), error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      added += sqlite3_changes (self->db);
    }

  if (!exec (self, "COMMIT", error))
    {
      exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  read_table (self, "SELECT topic_id, language, title, url, added FROM bookmarks",
              self->bookmarks, TRUE);
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

/* History */

GListModel *
hl_user_data_get_history (HlUserData *self)
{
  g_return_val_if_fail (HL_IS_USER_DATA (self), NULL);

  return G_LIST_MODEL (self->history);
}

gboolean
hl_user_data_note_viewed (HlUserData  *self,
                          int          id,
                          GError     **error)
{
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(HlUserTopic) item = NULL;
  gint64 now = g_get_real_time ();
  int position;

  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);

  if (self->keep_nothing || !self->remember_history)
    return TRUE;

  topic = load_topic (self, id, error);
  if (topic == NULL || !open_db (self, TRUE, error))
    return FALSE;

  /* Two topics read within the same microsecond still keep their order. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0)
    {
      g_autoptr(HlUserTopic) last = g_list_model_get_item (G_LIST_MODEL (self->history), 0);

      now = MAX (now, hl_user_topic_get_time (last) + 1);
    }

  if (!write_topic (self, "INSERT OR REPLACE INTO history VALUES (?, ?, ?, ?, ?)", id,
                    topic->language, topic->title, topic->url, now, error))
    return FALSE;
  if (!exec (self, "DELETE FROM history WHERE topic_id NOT IN (SELECT topic_id FROM history "
             "ORDER BY viewed DESC LIMIT " G_STRINGIFY (HL_HISTORY_MAX) ")", error))
    return FALSE;

  /* The list follows the table: the topic moves to the top. */
  position = find (G_LIST_MODEL (self->history), id);
  if (position >= 0)
    g_list_store_remove (self->history, position);
  item = resolve (self, id, topic->language, topic->title, topic->url, now);
  g_list_store_insert (self->history, 0, item);
  while (g_list_model_get_n_items (G_LIST_MODEL (self->history)) > HL_HISTORY_MAX)
    g_list_store_remove (self->history, HL_HISTORY_MAX);

  return TRUE;
}

gboolean
hl_user_data_clear_history (HlUserData  *self,
                            GError     **error)
{
  g_return_val_if_fail (HL_IS_USER_DATA (self), FALSE);

  if (self->db != NULL && !exec (self, "DELETE FROM history", error))
    return FALSE;

  g_list_store_remove_all (self->history);
  return TRUE;
}

GListModel *
hl_user_data_dup_recent_topics (HlUserData *self,
                                guint       max)
{
  GListStore *recent = g_list_store_new (HL_TYPE_TOPIC_REF);
  GListModel *history;

  g_return_val_if_fail (HL_IS_USER_DATA (self), NULL);

  history = G_LIST_MODEL (self->history);
  for (guint i = 0; self->remember_history && i < g_list_model_get_n_items (history) &&
                    g_list_model_get_n_items (G_LIST_MODEL (recent)) < max; i++)
    {
      g_autoptr(HlUserTopic) topic = g_list_model_get_item (history, i);
      g_autoptr(HlTopicRef) ref = NULL;

      if (hl_user_topic_get_missing (topic) || self->store == NULL)
        continue;
      ref = hl_topic_store_get_topic_ref (self->store, hl_user_topic_get_id (topic), NULL);
      if (ref != NULL)
        g_list_store_append (recent, ref);
    }

  return G_LIST_MODEL (recent);
}

void
hl_user_data_forget_everything (HlUserData *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HL_IS_USER_DATA (self));

  if (self->db != NULL && !exec (self, "DELETE FROM history; DELETE FROM bookmarks;", &error))
    g_warning ("%s", error->message);

  g_list_store_remove_all (self->history);
  g_list_store_remove_all (self->bookmarks);
}
