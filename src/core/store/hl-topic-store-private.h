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
 * hl-topic-store-search.c (full-text search and spelling suggestions). The
 * search file uses what is declared here; the records file never calls the
 * search file. */

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
  HL_N_STMTS
} HlStoreStatement;

sqlite3      *hl_topic_store_get_db              (HlTopicStore     *self);
/* A cached prepared statement, reset and with bindings cleared; NULL with
 * @error when it cannot be prepared. */
sqlite3_stmt *hl_topic_store_statement           (HlTopicStore     *self,
                                                  HlStoreStatement  which,
                                                  GError          **error);
/* The database's last error as a GError; always FALSE. */
gboolean      hl_topic_store_set_error           (HlTopicStore     *self,
                                                  GError          **error);
/* TRUE when a step ended with SQLITE_DONE; otherwise sets @error from @rc. */
gboolean      hl_topic_store_check_done          (HlTopicStore     *self,
                                                  int               rc,
                                                  GError          **error);

G_END_DECLS
