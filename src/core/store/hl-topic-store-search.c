/* hl-topic-store-search.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hl-error.h"
#include "hl-search-snippet.h"
#include "hl-text.h"
#include "hl-topic-store-private.h"

/* Statements on a language's own full-text indexes. */
typedef enum
{
  LANG_STMT_TITLE,
  LANG_STMT_NAMES,
  LANG_STMT_RANKED,
  LANG_STMT_COUNT,
  N_LANG_STMTS
} LanguageStatement;

/* Statements on the topics table that only searching uses. */
typedef enum
{
  STMT_TITLE_START,
  STMT_TITLES,
  STMT_SUMMARY,
  N_STMTS
} SearchStatement;

/* Search runs in phases, each limited to what is still needed: title
 * matches (ordered by how well the title matched, see hl_tier), then matches
 * in names, both in the small names index; then matches anywhere. BM25
 * weighs the title most. Ranking reads the index alone; the topics are looked
 * up for the hits kept. {L} stands for the language. */
static const char *language_statements[N_LANG_STMTS] = {
  [LANG_STMT_TITLE] =
    "SELECT r.id, t.title FROM"
    " (SELECT rowid AS id, hl_tier (names_{L}) AS tier, bm25 (names_{L}, 10.0, 4.0) AS score"
    "  FROM names_{L} WHERE names_{L} MATCH ?1 ORDER BY tier, score LIMIT ?2) r"
    " JOIN topics t ON t.id = r.id ORDER BY r.tier, r.score, t.sort_key",
  [LANG_STMT_NAMES] =
    "SELECT r.id, t.title FROM"
    " (SELECT rowid AS id, bm25 (names_{L}, 10.0, 4.0) AS score"
    "  FROM names_{L} WHERE names_{L} MATCH ?1 ORDER BY score LIMIT ?2) r"
    " JOIN topics t ON t.id = r.id ORDER BY r.score, t.sort_key",
  [LANG_STMT_RANKED] =
    "SELECT r.id, t.title FROM"
    " (SELECT rowid AS id, bm25 (search_{L}, 10.0, 4.0, 1.0) AS score"
    "  FROM search_{L} WHERE search_{L} MATCH ?1 ORDER BY score LIMIT ?2) r"
    " JOIN topics t ON t.id = r.id ORDER BY r.score, t.sort_key",
  [LANG_STMT_COUNT] =
    "SELECT count(*) FROM search_{L} WHERE search_{L} MATCH ?1",
};

static const char *statements[N_STMTS] = {
  /* One or two letters: the titles that start with them, as in an index. */
  [STMT_TITLE_START] =
    "SELECT id, title FROM topics"
    " WHERE language = ?1 AND sort_key >= ?2 AND sort_key < ?3"
    " ORDER BY sort_key, id LIMIT ?4",
  [STMT_TITLES] = "SELECT title FROM topics WHERE language = ?1",
  /* What the snippets are taken from. */
  [STMT_SUMMARY] = "SELECT summary FROM topics WHERE id = ?1",
};

/* What searching a store needs beyond its records: our SQL functions, the
 * statements above and the title words for suggestions. Made on the first
 * search, kept with the store. */
typedef struct
{
  sqlite3_stmt *language_stmts[2][N_LANG_STMTS];
  sqlite3_stmt *stmts[N_STMTS];
  GHashTable   *vocabularies[2];
} SearchData;

/* About two lines of the sidebar, three of the search page. */
#define SNIPPET_CHARS 150

/* Longer queries are cut: nobody types more, and each word costs a lookup. */
#define MAX_QUERY_WORDS 8

/* Columns of the search table. */
enum { COLUMN_TITLE, COLUMN_SYNONYMS, COLUMN_BODY };

/* hl_tier(search): how well a hit matched, smaller is better.
 *   0  the title is made of exactly the query's words ("diab" → "Diabetes")
 *   1  every query word is in the title
 *   2  every query word is in the title, also-called terms or see-references
 *   3  anything else (some words only in the summary) */
static void
tier_function (const Fts5ExtensionApi *api,
               Fts5Context            *fts,
               sqlite3_context        *result,
               int                     n_values,
               sqlite3_value         **values)
{
  int n_phrases = api->xPhraseCount (fts);
  guint in_title = 0;
  guint in_names = 0;
  int n_inst = 0;
  int title_size = 0;
  guint all;

  if (n_phrases <= 0 || n_phrases > 31 || api->xInstCount (fts, &n_inst) != SQLITE_OK)
    {
      sqlite3_result_int (result, 3);
      return;
    }

  for (int i = 0; i < n_inst; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) != SQLITE_OK)
        continue;
      if (column == COLUMN_TITLE)
        in_title |= 1u << phrase;
      if (column == COLUMN_TITLE || column == COLUMN_SYNONYMS)
        in_names |= 1u << phrase;
    }

  all = (1u << n_phrases) - 1;
  if (in_title == all)
    {
      if (api->xColumnSize (fts, COLUMN_TITLE, &title_size) == SQLITE_OK && title_size == n_phrases)
        sqlite3_result_int (result, 0);
      else
        sqlite3_result_int (result, 1);
    }
  else
    sqlite3_result_int (result, in_names == all ? 2 : 3);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return api;
}

static gboolean
register_functions (sqlite3  *db,
                    GError  **error)
{
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2 ||
      api->xCreateFunction (api, "hl_tier", NULL, tier_function, NULL) != SQLITE_OK)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_DATABASE,
                   _("This system's SQLite has no full-text search (FTS5)."));
      return FALSE;
    }

  return TRUE;
}

static void
search_data_free (SearchData *data)
{
  for (guint l = 0; l < 2; l++)
    {
      for (guint i = 0; i < N_LANG_STMTS; i++)
        g_clear_pointer (&data->language_stmts[l][i], sqlite3_finalize);
      g_clear_pointer (&data->vocabularies[l], g_hash_table_unref);
    }
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&data->stmts[i], sqlite3_finalize);
  g_free (data);
}

static SearchData *
get_search_data (HlTopicStore  *self,
                 GError       **error)
{
  static GQuark quark;
  SearchData *data;

  if (quark == 0)
    quark = g_quark_from_static_string ("hl-topic-store-search");

  data = g_object_get_qdata (G_OBJECT (self), quark);
  if (data != NULL)
    return data;

  if (!register_functions (hl_topic_store_get_db (self), error))
    return NULL;

  /* The store closes its database with sqlite3_close_v2(), which waits for
   * these statements to be finalized. */
  data = g_new0 (SearchData, 1);
  g_object_set_qdata_full (G_OBJECT (self), quark, data, (GDestroyNotify) search_data_free);
  return data;
}

static sqlite3_stmt *
prepare_cached (HlTopicStore  *self,
                sqlite3_stmt **slot,
                const char    *sql,
                GError       **error)
{
  if (*slot == NULL)
    {
      if (sqlite3_prepare_v3 (hl_topic_store_get_db (self), sql, -1, SQLITE_PREPARE_PERSISTENT,
                              slot, NULL) != SQLITE_OK)
        {
          hl_topic_store_set_error (self, error);
          return NULL;
        }
    }
  else
    {
      sqlite3_reset (*slot);
      sqlite3_clear_bindings (*slot);
    }

  return *slot;
}

/* A cached statement on the topics table, reset and with bindings cleared. */
static sqlite3_stmt *
search_statement (HlTopicStore     *self,
                  SearchData       *data,
                  SearchStatement   which,
                  GError          **error)
{
  return prepare_cached (self, &data->stmts[which], statements[which], error);
}

/* The same on @language's ("en" or "es") full-text indexes. */
static sqlite3_stmt *
language_statement (HlTopicStore       *self,
                    SearchData         *data,
                    LanguageStatement   which,
                    const char         *language,
                    GError            **error)
{
  guint index = g_strcmp0 (language, "es") == 0 ? 1 : 0;

  sqlite3_stmt **slot = &data->language_stmts[index][which];
  g_autoptr(GString) sql = NULL;

  if (*slot == NULL)
    {
      sql = g_string_new (language_statements[which]);
      g_string_replace (sql, "{L}", index == 1 ? "es" : "en", 0);
    }

  return prepare_cached (self, slot, sql ? sql->str : NULL, error);
}

/* The FTS5 query: every word required, each quoted so that nothing typed is
 * taken as an operator. The tokenizer folds case and accents on both sides. */
static char *
build_match (GPtrArray *words)
{
  GString *match = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (match, ' ');
      g_string_append_printf (match, "\"%s\"%s", (const char *) g_ptr_array_index (words, i),
                              hl_snippet_word_is_prefix (g_ptr_array_index (words, i)) ? "*" : "");
    }

  return g_string_free (match, FALSE);
}

typedef struct
{
  HlTopicStore *store;
  SearchData   *data;
  GPtrArray    *hits;       /* HlTopicRef */
  GHashTable   *seen;       /* topic ids */
  guint         limit;
  GError       *error;
} Search;

static void
add_hit (Search       *search,
         sqlite3_stmt *stmt,
         const char   *language)
{
  g_ptr_array_add (search->hits,
                   hl_topic_ref_new (sqlite3_column_int (stmt, 0), language,
                                     (const char *) sqlite3_column_text (stmt, 1), NULL));
}

/* Appends up to what is still needed from one phase in one language. */
static void
run_phase (Search              *search,
           LanguageStatement    which,
           const char          *match,
           const char          *language,
           guint                already_in_language)
{
  sqlite3_stmt *stmt;
  int rc;

  if (search->error != NULL || search->hits->len >= search->limit)
    return;

  stmt = language_statement (search->store, search->data, which, language, &search->error);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  /* Earlier phases' hits come again here: ask for that many more. */
  sqlite3_bind_int (stmt, 2, search->limit - search->hits->len + already_in_language);

  rc = SQLITE_DONE;
  while (search->hits->len < search->limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);

      if (!g_hash_table_add (search->seen, GINT_TO_POINTER (id)))
        continue;
      add_hit (search, stmt, language);
    }

  if (rc != SQLITE_ROW)
    hl_topic_store_check_done (search->store, rc, &search->error);
  sqlite3_reset (stmt);
}

/* A word of one or two letters lists the titles that start with it. */
static void
search_title_start (Search     *search,
                    const char *word,
                    const char *language)
{
  g_autofree char *prefix = hl_text_fold (word);
  /* Every string that starts with the prefix sorts below this one. */
  g_autofree char *end = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (search->error != NULL)
    return;

  stmt = search_statement (search->store, search->data, STMT_TITLE_START, &search->error);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, end, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, search->limit - search->hits->len);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_hit (search, stmt, language);
  hl_topic_store_check_done (search->store, rc, &search->error);
  sqlite3_reset (stmt);
}

/* Each hit's snippet: whole words of a sentence of its summary, the first
 * with a word of the query (see hl-search-snippet.c). */
static gboolean
add_snippets (HlTopicStore    *self,
              SearchData      *data,
              GPtrArray       *hits,
              HlSnippetQuery  *query,
              GError         **error)
{
  for (guint i = 0; i < hits->len; i++)
    {
      HlTopicRef *hit = g_ptr_array_index (hits, i);
      sqlite3_stmt *stmt = search_statement (self, data, STMT_SUMMARY, error);
      g_autofree char *snippet = NULL;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, hl_topic_ref_get_id (hit));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        snippet = hl_snippet_make (query, (const char *) sqlite3_column_text (stmt, 0),
                                   SNIPPET_CHARS);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && !hl_topic_store_check_done (self, rc, error))
        return FALSE;

      if (snippet == NULL)
        continue;
      g_ptr_array_index (hits, i) =
        hl_topic_ref_new (hl_topic_ref_get_id (hit), hl_topic_ref_get_language (hit),
                          hl_topic_ref_get_title (hit), snippet);
      g_object_unref (hit);
    }

  return TRUE;
}

GListModel *
hl_topic_store_search (HlTopicStore  *self,
                       const char    *query,
                       const char    *language,
                       guint          limit,
                       GError       **error)
{
  GListStore *results = g_list_store_new (HL_TYPE_TOPIC_REF);
  /* The words come out in NFC, as the index holds them. */
  g_autoptr(GPtrArray) words = hl_text_split_words (query, MAX_QUERY_WORDS);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree char *match = NULL;
  g_autofree char *in_title = NULL;
  g_autoptr(HlSnippetQuery) query_words = NULL;
  const char *languages[2];
  Search search = { self, NULL, hits, seen, limit > 0 ? MIN (limit, G_MAXINT / 2) : G_MAXINT / 2 };

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  search.data = get_search_data (self, error);
  if (search.data == NULL)
    {
      g_object_unref (results);
      return NULL;
    }

  if (words->len == 0)
    return G_LIST_MODEL (results);

  query_words = hl_snippet_query_new (words);

  /* Hits in the chosen language first, then in the other. */
  languages[0] = hl_language_normalize (language) ? hl_language_normalize (language) : "en";
  languages[1] = hl_language_other (languages[0]);

  if (words->len == 1 && g_utf8_strlen (g_ptr_array_index (words, 0), -1) < 3)
    {
      for (guint l = 0; l < G_N_ELEMENTS (languages) && hits->len < search.limit; l++)
        search_title_start (&search, g_ptr_array_index (words, 0), languages[l]);
      if (search.error != NULL)
        {
          g_propagate_error (error, search.error);
          g_object_unref (results);
          return NULL;
        }
    }
  else
    {
      match = build_match (words);
      in_title = g_strdup_printf ("{title} : (%s)", match);

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          guint before = hits->len;

          run_phase (&search, LANG_STMT_TITLE, in_title, languages[l], 0);
          run_phase (&search, LANG_STMT_NAMES, match, languages[l], hits->len - before);
          run_phase (&search, LANG_STMT_RANKED, match, languages[l], hits->len - before);
        }

      if (search.error != NULL)
        {
          g_propagate_error (error, search.error);
          g_object_unref (results);
          return NULL;
        }

    }

  /* A title that starts with one or two letters is no match to mark in
   * the summary. */
  if (match == NULL)
    {
      hl_snippet_query_free (query_words);
      query_words = hl_snippet_query_new (NULL);
    }
  if (!add_snippets (self, search.data, hits, query_words, error))
    {
      g_object_unref (results);
      return NULL;
    }

  g_list_store_splice (results, 0, 0, hits->pdata, hits->len);
  return G_LIST_MODEL (results);
}

static guint
count_matches (HlTopicStore  *self,
               SearchData    *data,
               GPtrArray     *words,
               GError       **error)
{
  g_autofree char *match = build_match (words);
  const char *languages[] = { "en", "es" };
  guint count = 0;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      sqlite3_stmt *stmt = language_statement (self, data, LANG_STMT_COUNT, languages[l], error);
      int rc;

      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        count += sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          hl_topic_store_check_done (self, rc, error);
          return 0;
        }
    }

  return count;
}

/* Folded title word → the word as a title spells it (lower case, accents kept). */
static GHashTable *
ensure_vocabulary (HlTopicStore  *self,
                   SearchData    *data,
                   const char    *language,
                   GError       **error)
{
  GHashTable **slot = &data->vocabularies[g_strcmp0 (language, "es") == 0 ? 1 : 0];
  g_autoptr(GHashTable) vocabulary = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (*slot != NULL)
    return *slot;

  stmt = search_statement (self, data, STMT_TITLES, error);
  if (stmt == NULL)
    return NULL;

  vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_bind_text (stmt, 1, language, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) words = hl_text_split_words ((const char *) sqlite3_column_text (stmt, 0), 0);

      for (guint i = 0; i < words->len; i++)
        {
          const char *word = g_ptr_array_index (words, i);
          char *folded;

          if (g_utf8_strlen (word, -1) < 3)
            continue;
          folded = hl_text_fold (word);
          if (g_hash_table_contains (vocabulary, folded))
            g_free (folded);
          else
            g_hash_table_insert (vocabulary, folded, g_utf8_strdown (word, -1));
        }
    }
  sqlite3_reset (stmt);
  if (!hl_topic_store_check_done (self, rc, error))
    return NULL;

  *slot = g_steal_pointer (&vocabulary);
  return *slot;
}

typedef struct
{
  const char *word;      /* as titles spell it */
  guint       distance;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->distance != cb->distance)
    return ca->distance < cb->distance ? -1 : 1;
  return g_strcmp0 (ca->word, cb->word);
}

/* Title words within a small edit distance of @folded, closest first. */
static GArray *
find_candidates (GHashTable *vocabulary,
                 const char *folded)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  glong length = g_utf8_strlen (folded, -1);
  guint max = length <= 4 ? 1 : 2;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, vocabulary);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint distance;
      glong other_length = g_utf8_strlen (key, -1);

      if (ABS (other_length - length) > (glong) max)
        continue;
      distance = hl_text_edit_distance (folded, key, max);
      if (distance > 0 && distance <= max)
        {
          Candidate candidate = { value, distance };
          g_array_append_val (candidates, candidate);
        }
    }

  g_array_sort (candidates, compare_candidates);
  return candidates;
}

char **
hl_topic_store_suggest (HlTopicStore  *self,
                        const char    *query,
                        const char    *language,
                        guint          max,
                        GError       **error)
{
  g_autoptr(GPtrArray) words = hl_text_split_words (query, MAX_QUERY_WORDS);
  g_autoptr(GPtrArray) suggestions = g_ptr_array_new_with_free_func (g_free);
  const char *codes[2];
  GHashTable *vocabularies[2];
  SearchData *data;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (self), NULL);

  data = get_search_data (self, error);
  if (data == NULL)
    return NULL;

  codes[0] = hl_language_normalize (language) ? hl_language_normalize (language) : "en";
  codes[1] = hl_language_other (codes[0]);
  vocabularies[0] = ensure_vocabulary (self, data, codes[0], error);
  vocabularies[1] = vocabularies[0] ? ensure_vocabulary (self, data, codes[1], error) : NULL;
  if (vocabularies[1] == NULL)
    return NULL;

  /* Each misspelt word is replaced by its nearest title words, one word at a
   * time; a spelling is offered only if it finds something. */
  for (guint w = 0; w < words->len && suggestions->len < max; w++)
    {
      g_autofree char *folded = hl_text_fold (g_ptr_array_index (words, w));

      if (g_hash_table_contains (vocabularies[0], folded) ||
          g_hash_table_contains (vocabularies[1], folded) ||
          g_utf8_strlen (folded, -1) < 3)
        continue;

      for (guint v = 0; v < G_N_ELEMENTS (vocabularies) && suggestions->len < max; v++)
        {
          g_autoptr(GArray) candidates = find_candidates (vocabularies[v], folded);

          for (guint c = 0; c < candidates->len && suggestions->len < max; c++)
            {
              const Candidate *candidate = &g_array_index (candidates, Candidate, c);
              g_autoptr(GPtrArray) attempt = g_ptr_array_new ();
              g_autofree char *text = NULL;
              gboolean seen = FALSE;

              for (guint i = 0; i < words->len; i++)
                g_ptr_array_add (attempt, i == w ? (gpointer) candidate->word
                                                 : g_ptr_array_index (words, i));
              g_ptr_array_add (attempt, NULL);
              text = g_strjoinv (" ", (char **) attempt->pdata);
              g_ptr_array_set_size (attempt, attempt->len - 1);

              for (guint s = 0; s < suggestions->len; s++)
                seen |= g_strcmp0 (g_ptr_array_index (suggestions, s), text) == 0;

              if (!seen)
                {
                  GError *local_error = NULL;
                  guint count = count_matches (self, data, attempt, &local_error);

                  if (local_error != NULL)
                    {
                      g_propagate_error (error, local_error);
                      return NULL;
                    }
                  if (count > 0)
                    g_ptr_array_add (suggestions, g_steal_pointer (&text));
                }
            }
        }
    }

  g_ptr_array_add (suggestions, NULL);
  return (char **) g_ptr_array_steal (suggestions, NULL);
}
