/* hl-topic-store-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "hl-topic-store.h"

G_BEGIN_DECLS

/* The store spans hl-topic-store.c (records and lists) and
 * hl-topic-store-search.c (full-text search and spelling suggestions). */

typedef enum
{
  HL_STMT_COUNT_ALL,
  HL_STMT_COUNT_LANGUAGE,
  HL_STMT_LIST_GROUPS,
  HL_STMT_GET_GROUP,
  HL_STMT_GROUP_TOPICS,
  HL_STMT_LETTER_TOPICS,
  HL_STMT_ALL_TOPICS,
  HL_STMT_LETTERS,
  HL_STMT_TOPIC,
  HL_STMT_TOPIC_REF,
  HL_STMT_TOPIC_GROUPS,
  HL_STMT_TOPIC_GROUP_IDS,
  HL_STMT_RELATED,
  HL_STMT_MESH,
  HL_STMT_OTHER_LANGUAGES,
  HL_STMT_SITES,
  HL_STMT_BY_URL,
  HL_STMT_TITLE_START,
  HL_STMT_TITLES,
  HL_N_STMTS
} HlStoreStatement;

/* Statements on a language's own full-text indexes. */
typedef enum
{
  HL_LANG_STMT_TITLE,
  HL_LANG_STMT_NAMES,
  HL_LANG_STMT_RANKED,
  HL_LANG_STMT_SNIPPET,
  HL_LANG_STMT_COUNT,
  HL_N_LANG_STMTS
} HlLanguageStatement;

sqlite3      *hl_topic_store_get_db              (HlTopicStore     *self);
/* A cached prepared statement, reset and with bindings cleared. */
sqlite3_stmt *hl_topic_store_statement           (HlTopicStore     *self,
                                                  HlStoreStatement  which);
/* The same for @language ("en" or "es"). */
sqlite3_stmt *hl_topic_store_language_statement  (HlTopicStore        *self,
                                                  HlLanguageStatement  which,
                                                  const char          *language);
gboolean      hl_topic_store_set_error           (HlTopicStore     *self,
                                                  GError          **error);

/* Set up by hl-topic-store-search.c when the store opens. */
gboolean      hl_topic_store_register_functions  (HlTopicStore     *self,
                                                  GError          **error);
/* Per-language word lists for suggestions, freed with the store. */
void          hl_topic_store_clear_vocabulary    (HlTopicStore     *self);
GHashTable  **hl_topic_store_get_vocabulary_slot (HlTopicStore     *self,
                                                  const char       *language);

G_END_DECLS
