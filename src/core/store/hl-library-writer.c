/* hl-library-writer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "hl-error.h"
#include "hl-library-writer.h"
#include "hl-sqlite.h"
#include "hl-text.h"

/* Multi-valued fields (categories of a site, also-called terms…) are kept in
 * one column, joined by the ASCII unit separator, which no XML text holds. */
#define SEP "\x1f"

enum {
  STMT_TOPIC,
  STMT_SEARCH_EN,
  STMT_SEARCH_ES,
  STMT_NAMES_EN,
  STMT_NAMES_ES,
  STMT_TOPIC_GROUP,
  STMT_GROUP,
  STMT_RELATED,
  STMT_MESH,
  STMT_OTHER_LANGUAGE,
  STMT_SITE,
  STMT_META,
  N_STMTS
};

static const char *statements[N_STMTS] = {
  [STMT_TOPIC] =
    "INSERT INTO topics (id, language, title, sort_key, letter, url, meta_desc, date_created,"
    " summary, also_called, see_references, mapped_id, mapped_language, mapped_title, mapped_url,"
    " institute, institute_url, excerpt, first_site, n_sites)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
  [STMT_SEARCH_EN] =
    "INSERT INTO search_en (rowid, title, synonyms, body) VALUES (?,?,?,?)",
  [STMT_SEARCH_ES] =
    "INSERT INTO search_es (rowid, title, synonyms, body) VALUES (?,?,?,?)",
  [STMT_NAMES_EN] =
    "INSERT INTO names_en (rowid, title, synonyms) VALUES (?,?,?)",
  [STMT_NAMES_ES] =
    "INSERT INTO names_es (rowid, title, synonyms) VALUES (?,?,?)",
  [STMT_TOPIC_GROUP] =
    "INSERT OR IGNORE INTO topic_groups (group_id, language, topic_id, position) VALUES (?,?,?,?)",
  [STMT_GROUP] =
    "INSERT OR IGNORE INTO groups (id, language, name, url, topic_count) VALUES (?,?,?,?,0)",
  [STMT_RELATED] =
    "INSERT INTO related_topics (topic_id, position, related_id, title, url) VALUES (?,?,?,?,?)",
  [STMT_MESH] =
    "INSERT INTO mesh_headings (topic_id, position, descriptor_id, descriptor, qualifier_ids,"
    " qualifiers) VALUES (?,?,?,?,?,?)",
  [STMT_OTHER_LANGUAGE] =
    "INSERT INTO other_languages (topic_id, position, name, vernacular_name, url)"
    " VALUES (?,?,?,?,?)",
  [STMT_SITE] =
    "INSERT INTO sites (id, topic_id, title, url, mapped_url, categories, organizations,"
    " descriptions) VALUES (?,?,?,?,?,?,?,?)",
  [STMT_META] =
    "INSERT OR REPLACE INTO meta (key, value) VALUES (?,?)",
};

static const char schema[] =
  "PRAGMA application_id = 1212958018;" /* "HLIB" */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
  "CREATE TABLE topics ("
  "  id INTEGER PRIMARY KEY,"
  "  language TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  sort_key TEXT NOT NULL,"
  "  letter TEXT NOT NULL,"
  "  url TEXT NOT NULL,"
  "  meta_desc TEXT,"
  "  date_created TEXT,"
  "  summary TEXT NOT NULL,"
  "  also_called TEXT,"
  "  see_references TEXT,"
  "  mapped_id INTEGER,"
  "  mapped_language TEXT,"
  "  mapped_title TEXT,"
  "  mapped_url TEXT,"
  "  institute TEXT,"
  "  institute_url TEXT,"
  /* The start of the summary's text, for lists of search results. */
  "  excerpt TEXT,"
  "  first_site INTEGER NOT NULL,"
  "  n_sites INTEGER NOT NULL);"
  "CREATE TABLE groups ("
  "  id INTEGER NOT NULL,"
  "  language TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  url TEXT,"
  "  topic_count INTEGER NOT NULL,"
  "  PRIMARY KEY (id, language)) WITHOUT ROWID;"
  "CREATE TABLE topic_groups ("
  "  group_id INTEGER NOT NULL,"
  "  language TEXT NOT NULL,"
  "  topic_id INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (group_id, language, topic_id)) WITHOUT ROWID;"
  "CREATE TABLE related_topics ("
  "  topic_id INTEGER NOT NULL, position INTEGER NOT NULL,"
  "  related_id INTEGER, title TEXT, url TEXT,"
  "  PRIMARY KEY (topic_id, position)) WITHOUT ROWID;"
  "CREATE TABLE mesh_headings ("
  "  topic_id INTEGER NOT NULL, position INTEGER NOT NULL,"
  "  descriptor_id TEXT, descriptor TEXT, qualifier_ids TEXT, qualifiers TEXT,"
  "  PRIMARY KEY (topic_id, position)) WITHOUT ROWID;"
  "CREATE TABLE other_languages ("
  "  topic_id INTEGER NOT NULL, position INTEGER NOT NULL,"
  "  name TEXT, vernacular_name TEXT, url TEXT,"
  "  PRIMARY KEY (topic_id, position)) WITHOUT ROWID;"
  /* Sites are many (about 30 a topic). A topic's sites are written one after
   * the other, so their ids follow each other: the topic keeps the first id
   * and the count, and no index on them is needed. */
  "CREATE TABLE sites ("
  "  id INTEGER PRIMARY KEY,"
  "  topic_id INTEGER NOT NULL,"
  "  title TEXT, url TEXT, mapped_url TEXT,"
  "  categories TEXT, organizations TEXT, descriptions TEXT);"
  /* Full-text search, one index per language so that a search in one
   * language never reads the other's: the title, the also-called terms and
   * see-references, and the summary's text. remove_diacritics 2 folds á, ñ,
   * ü… so that "presion" finds "Presión". The names alone again in a small
   * index: a word common in summaries is rare in titles, and searching
   * titles there reads only their short lists. */
  "CREATE VIRTUAL TABLE search_en USING fts5 (title, synonyms, body,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2');"
  "CREATE VIRTUAL TABLE search_es USING fts5 (title, synonyms, body,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2');"
  "CREATE VIRTUAL TABLE names_en USING fts5 (title, synonyms,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2');"
  "CREATE VIRTUAL TABLE names_es USING fts5 (title, synonyms,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2');";

/* Secondary indexes are built once at the end: cheaper than keeping them up
 * to date row by row. */
static const char finish_sql[] =
  "CREATE INDEX topics_by_language ON topics (language, sort_key);"
  "CREATE INDEX topics_by_letter ON topics (language, letter, sort_key);"
  "CREATE INDEX topics_by_url ON topics (url);"
  "CREATE INDEX topic_groups_by_topic ON topic_groups (topic_id);"

  "UPDATE groups SET topic_count ="
  "  (SELECT count(*) FROM topic_groups tg"
  "   WHERE tg.group_id = groups.id AND tg.language = groups.language);"
  "INSERT INTO search_en (search_en) VALUES ('optimize');"
  "INSERT INTO search_es (search_es) VALUES ('optimize');"
  "INSERT INTO names_en (names_en) VALUES ('optimize');"
  "INSERT INTO names_es (names_es) VALUES ('optimize');";

/* No value of ours comes near this (the parser's limits are far lower):
 * SQLite refuses anything longer instead of storing it. */
#define MAX_VALUE_LENGTH (16 * 1024 * 1024)

struct _HlLibraryWriter
{
  char         *path;
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
  GString      *buffer;
  GString      *synonyms;
  gint64        next_site;     /* the id the next site gets */
  gboolean      in_transaction;
  int           bind_rc;       /* the first failed sqlite3_bind_*() since the last step */
};

/* What went wrong, as what it is: a full disk is not a database error. */
static gboolean
set_error_from_code (HlLibraryWriter  *self,
                     int               rc,
                     GError          **error)
{
  int system_errno = self->db ? sqlite3_system_errno (self->db) : 0;
  const char *what = self->db && rc == sqlite3_extended_errcode (self->db) ? sqlite3_errmsg (self->db)
                                                                           : sqlite3_errstr (rc);
  g_autofree char *dir = g_path_get_dirname (self->path);

  if ((rc & 0xff) == SQLITE_FULL || system_errno == ENOSPC || system_errno == EDQUOT ||
      system_errno == EFBIG)
    g_set_error (error, HL_ERROR, HL_ERROR_NO_SPACE,
                 _("There is not enough space in “%s” to build the library (%s). A full "
                   "MedlinePlus file needs about 30 MB. Free some space and import again."),
                 dir, system_errno != 0 ? g_strerror (system_errno) : what);
  else if ((rc & 0xff) == SQLITE_TOOBIG)
    g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                 _("Could not write the library: a value is larger than %d MB."),
                 MAX_VALUE_LENGTH / (1024 * 1024));
  else if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_PERM ||
           system_errno == EACCES || system_errno == EPERM || system_errno == EROFS)
    g_set_error (error, HL_ERROR, HL_ERROR_PERMISSION,
                 _("Could not write the library in “%s”: %s. The folder may be read-only."),
                 dir, system_errno != 0 ? g_strerror (system_errno) : what);
  else if (system_errno != 0)
    g_set_error (error, HL_ERROR, HL_ERROR_DATABASE,
                 _("Could not write the library: %s (%s)."), what, g_strerror (system_errno));
  else
    g_set_error (error, HL_ERROR, HL_ERROR_DATABASE,
                 _("Could not write the library: %s."), what);
  return FALSE;
}

static gboolean
set_db_error (HlLibraryWriter  *self,
              GError          **error)
{
  return set_error_from_code (self, self->db ? sqlite3_extended_errcode (self->db) : SQLITE_ERROR,
                              error);
}

/* hl_sqlite_exec(), with our messages for a full disk and the like. */
static gboolean
exec (HlLibraryWriter  *self,
      const char       *sql,
      GError          **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_db_error (self, error);
  return TRUE;
}

HlLibraryWriter *
hl_library_writer_new (const char  *path,
                       GError     **error)
{
  g_autoptr(HlLibraryWriter) self = g_new0 (HlLibraryWriter, 1);
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  self->buffer = g_string_new (NULL);
  self->synonyms = g_string_new (NULL);
  self->next_site = 1;

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_code (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_limit (self->db, SQLITE_LIMIT_LENGTH, MAX_VALUE_LENGTH);

  /* Nobody reads this file until it is complete and renamed into place, and a
   * failed import deletes it: no journal is needed while it is built. */
  if (!exec (self,
                       "PRAGMA journal_mode = OFF;"
                       "PRAGMA synchronous = OFF;"
                       "PRAGMA locking_mode = EXCLUSIVE;"
                       "PRAGMA temp_store = MEMORY;"
                       /* Pages beyond this go to the file: memory stays flat
                        * whatever the size of the import. */
                       "PRAGMA cache_size = -4096;",
                       error))
    return NULL;

  if (!exec (self, schema, error))
    return NULL;

  for (guint i = 0; i < N_STMTS; i++)
    if (sqlite3_prepare_v3 (self->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT,
                            &self->stmts[i], NULL) != SQLITE_OK)
      {
        set_db_error (self, error);
        return NULL;
      }

  if (!exec (self, "BEGIN", error))
    return NULL;
  self->in_transaction = TRUE;

  return g_steal_pointer (&self);
}

void
hl_library_writer_free (HlLibraryWriter *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_string_free (self->buffer, TRUE);
  g_string_free (self->synonyms, TRUE);
  g_free (self->path);
  g_free (self);
}

/* Every bind is checked: a failed one would leave a column NULL, or the
 * previous topic's value, unnoticed. */
static void
check_bind (HlLibraryWriter *self,
            int              rc)
{
  if (rc != SQLITE_OK && self->bind_rc == SQLITE_OK)
    self->bind_rc = rc;
}

static void
bind_int (HlLibraryWriter *self,
          sqlite3_stmt    *stmt,
          int              column,
          gint64           value)
{
  check_bind (self, sqlite3_bind_int64 (stmt, column, value));
}

static void
bind_text (HlLibraryWriter *self,
           sqlite3_stmt    *stmt,
           int              column,
           const char      *text)
{
  if (text != NULL)
    check_bind (self, sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC));
  else
    check_bind (self, sqlite3_bind_null (stmt, column));
}

/* Text for the full-text indexes, in NFC so that a decomposed accent is
 * found like a composed one. */
static void
bind_indexed_text (HlLibraryWriter *self,
                   sqlite3_stmt    *stmt,
                   int              column,
                   const char      *text)
{
  g_autofree char *normalized = hl_text_normalize (text ? text : "");

  check_bind (self, sqlite3_bind_text (stmt, column, normalized, -1, SQLITE_TRANSIENT));
}

static void
bind_joined (HlLibraryWriter *self,
             sqlite3_stmt    *stmt,
             int              column,
             GPtrArray       *values,
             GString         *buffer)
{
  if (values == NULL || values->len == 0)
    {
      check_bind (self, sqlite3_bind_null (stmt, column));
      return;
    }

  g_string_truncate (buffer, 0);
  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append (buffer, SEP);
      g_string_append (buffer, g_ptr_array_index (values, i));
    }
  /* SQLITE_TRANSIENT: the same buffer is reused for the next column. */
  check_bind (self, sqlite3_bind_text (stmt, column, buffer->str, buffer->len, SQLITE_TRANSIENT));
}

#define EXCERPT_LENGTH 200

/* The first sentences of @text, cut at a word, with "…" when cut. */
static void
bind_excerpt (HlLibraryWriter *self,
              sqlite3_stmt    *stmt,
              int              column,
              const char      *text)
{
  const char *end;
  g_autofree char *excerpt = NULL;

  if (text == NULL || *text == '\0')
    {
      check_bind (self, sqlite3_bind_null (stmt, column));
      return;
    }

  if (strlen (text) <= EXCERPT_LENGTH)
    {
      excerpt = hl_text_collapse_space (text);
      check_bind (self, sqlite3_bind_text (stmt, column, excerpt, -1, SQLITE_TRANSIENT));
      return;
    }

  end = g_utf8_find_prev_char (text, text + EXCERPT_LENGTH);
  while (end > text && !g_ascii_isspace (*end))
    end--;
  if (end == text)
    end = g_utf8_find_prev_char (text, text + EXCERPT_LENGTH);

  {
    g_autofree char *cut = g_strndup (text, end - text);
    g_autofree char *collapsed = hl_text_collapse_space (cut);

    excerpt = g_strconcat (collapsed ? collapsed : "", "…", NULL);
  }
  check_bind (self, sqlite3_bind_text (stmt, column, excerpt, -1, SQLITE_TRANSIENT));
}

/* Runs @stmt once with what was bound; SQLITE_DONE, or the code of the
 * failed bind or step. */
static int
run (HlLibraryWriter *self,
     sqlite3_stmt    *stmt)
{
  int rc = self->bind_rc;

  self->bind_rc = SQLITE_OK;
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc;
}

static gboolean
step (HlLibraryWriter  *self,
      sqlite3_stmt     *stmt,
      GError          **error)
{
  int rc = run (self, stmt);

  if (rc != SQLITE_DONE)
    return set_error_from_code (self, rc, error);
  return TRUE;
}

gboolean
hl_library_writer_add_topic (HlLibraryWriter  *self,
                             const HlTopic    *topic,
                             const char       *search_body,
                             GError          **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *sort_key = NULL;
  char letter[2] = { 0, 0 };
  gboolean spanish;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);

  sort_key = hl_text_fold (topic->title);
  letter[0] = hl_text_index_letter (topic->title);

  stmt = self->stmts[STMT_TOPIC];
  bind_int (self, stmt, 1, topic->id);
  bind_text (self, stmt, 2, topic->language);
  bind_text (self, stmt, 3, topic->title);
  bind_text (self, stmt, 4, sort_key);
  bind_text (self, stmt, 5, letter);
  bind_text (self, stmt, 6, topic->url);
  bind_text (self, stmt, 7, topic->meta_desc);
  bind_text (self, stmt, 8, topic->date_created);
  bind_text (self, stmt, 9, topic->summary ? topic->summary : "");
  bind_joined (self, stmt, 10, topic->also_called, self->buffer);
  bind_joined (self, stmt, 11, topic->see_references, self->buffer);
  if (topic->mapped != NULL)
    {
      if (topic->mapped->id > 0)
        bind_int (self, stmt, 12, topic->mapped->id);
      bind_text (self, stmt, 13, topic->mapped->language);
      bind_text (self, stmt, 14, topic->mapped->title);
      bind_text (self, stmt, 15, topic->mapped->url);
    }
  bind_text (self, stmt, 16, topic->institute);
  bind_text (self, stmt, 17, topic->institute_url);
  bind_excerpt (self, stmt, 18, search_body);
  bind_int (self, stmt, 19, self->next_site);
  bind_int (self, stmt, 20, topic->sites->len);

  rc = run (self, stmt);
  if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("Two topics have the id %d."), topic->id);
      return FALSE;
    }
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      /* A topic the parser should not have let through: say which. */
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("Could not write topic %d to the library: %s."), topic->id,
                   sqlite3_errmsg (self->db));
      return FALSE;
    }
  else if (rc != SQLITE_DONE)
    return set_error_from_code (self, rc, error);

  /* Also-called terms and see-references rank between title and summary. */
  g_string_truncate (self->synonyms, 0);
  for (guint i = 0; i < topic->also_called->len; i++)
    g_string_append_printf (self->synonyms, "%s\n", (char *) g_ptr_array_index (topic->also_called, i));
  for (guint i = 0; i < topic->see_references->len; i++)
    g_string_append_printf (self->synonyms, "%s\n", (char *) g_ptr_array_index (topic->see_references, i));

  spanish = g_str_equal (topic->language, "es");
  stmt = self->stmts[spanish ? STMT_SEARCH_ES : STMT_SEARCH_EN];
  bind_int (self, stmt, 1, topic->id);
  bind_indexed_text (self, stmt, 2, topic->title);
  bind_indexed_text (self, stmt, 3, self->synonyms->str);
  bind_indexed_text (self, stmt, 4, search_body);
  if (!step (self, stmt, error))
    return FALSE;

  stmt = self->stmts[spanish ? STMT_NAMES_ES : STMT_NAMES_EN];
  bind_int (self, stmt, 1, topic->id);
  bind_indexed_text (self, stmt, 2, topic->title);
  bind_indexed_text (self, stmt, 3, self->synonyms->str);
  if (!step (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < topic->groups->len; i++)
    {
      const HlTopicLink *group = g_ptr_array_index (topic->groups, i);

      if (group->id <= 0)
        continue;

      stmt = self->stmts[STMT_TOPIC_GROUP];
      bind_int (self, stmt, 1, group->id);
      bind_text (self, stmt, 2, topic->language);
      bind_int (self, stmt, 3, topic->id);
      bind_int (self, stmt, 4, i);
      if (!step (self, stmt, error))
        return FALSE;

      if (group->title != NULL &&
          !hl_library_writer_add_group (self, group->id, topic->language,
                                        group->title, group->url, error))
        return FALSE;
    }

  for (guint i = 0; i < topic->related->len; i++)
    {
      const HlTopicLink *related = g_ptr_array_index (topic->related, i);

      stmt = self->stmts[STMT_RELATED];
      bind_int (self, stmt, 1, topic->id);
      bind_int (self, stmt, 2, i);
      if (related->id > 0)
        bind_int (self, stmt, 3, related->id);
      bind_text (self, stmt, 4, related->title);
      bind_text (self, stmt, 5, related->url);
      if (!step (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < topic->mesh_headings->len; i++)
    {
      const HlMeshHeading *mesh = g_ptr_array_index (topic->mesh_headings, i);

      stmt = self->stmts[STMT_MESH];
      bind_int (self, stmt, 1, topic->id);
      bind_int (self, stmt, 2, i);
      bind_text (self, stmt, 3, mesh->descriptor_id);
      bind_text (self, stmt, 4, mesh->descriptor);
      bind_joined (self, stmt, 5, mesh->qualifier_ids, self->buffer);
      bind_joined (self, stmt, 6, mesh->qualifiers, self->buffer);
      if (!step (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < topic->other_languages->len; i++)
    {
      const HlOtherLanguage *other = g_ptr_array_index (topic->other_languages, i);

      stmt = self->stmts[STMT_OTHER_LANGUAGE];
      bind_int (self, stmt, 1, topic->id);
      bind_int (self, stmt, 2, i);
      bind_text (self, stmt, 3, other->name);
      bind_text (self, stmt, 4, other->vernacular_name);
      bind_text (self, stmt, 5, other->url);
      if (!step (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < topic->sites->len; i++)
    {
      const HlSite *site = g_ptr_array_index (topic->sites, i);

      stmt = self->stmts[STMT_SITE];
      bind_int (self, stmt, 1, self->next_site++);
      bind_int (self, stmt, 2, topic->id);
      bind_text (self, stmt, 3, site->title);
      bind_text (self, stmt, 4, site->url);
      bind_text (self, stmt, 5, site->mapped_url);
      bind_joined (self, stmt, 6, site->categories, self->buffer);
      bind_joined (self, stmt, 7, site->organizations, self->buffer);
      bind_joined (self, stmt, 8, site->descriptions, self->buffer);
      if (!step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
hl_library_writer_add_group (HlLibraryWriter  *self,
                             int               id,
                             const char       *language,
                             const char       *name,
                             const char       *url,
                             GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  if (id <= 0 || language == NULL || name == NULL)
    return TRUE;

  stmt = self->stmts[STMT_GROUP];
  bind_int (self, stmt, 1, id);
  bind_text (self, stmt, 2, language);
  bind_text (self, stmt, 3, name);
  bind_text (self, stmt, 4, url);
  return step (self, stmt, error);
}

gboolean
hl_library_writer_set_meta (HlLibraryWriter  *self,
                            const char       *key,
                            const char       *value,
                            GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = self->stmts[STMT_META];
  bind_text (self, stmt, 1, key);
  bind_text (self, stmt, 2, value);
  return step (self, stmt, error);
}

gboolean
hl_library_writer_finish (HlLibraryWriter  *self,
                          guint            *n_groups,
                          GError          **error)
{
  g_autofree char *format = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  format = g_strdup_printf ("%d", HL_LIBRARY_FORMAT);
  if (!hl_library_writer_set_meta (self, "format", format, error))
    return FALSE;

  if (!exec (self, finish_sql, error))
    return FALSE;

  if (n_groups != NULL)
    {
      int rc;

      if (sqlite3_prepare_v2 (self->db,
                              "SELECT count(DISTINCT id) FROM groups WHERE topic_count > 0",
                              -1, &stmt, NULL) != SQLITE_OK)
        return set_db_error (self, error);
      rc = sqlite3_step (stmt);
      *n_groups = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        return set_error_from_code (self, rc, error);
    }

  if (!exec (self, "COMMIT", error))
    return FALSE;
  self->in_transaction = FALSE;

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);

  /* The finished file stays in rollback-journal mode: it is only ever read,
   * and a reader in WAL mode would need -wal and -shm files next to it,
   * which a read-only folder cannot hold. */
  if (!exec (self, "PRAGMA locking_mode = NORMAL;", error))
    return FALSE;

  if (sqlite3_close (self->db) != SQLITE_OK)
    return set_db_error (self, error);
  self->db = NULL;

  return TRUE;
}
