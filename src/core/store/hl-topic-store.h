/* hl-topic-store.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-group.h"
#include "hl-topic.h"
#include "hl-topic-ref.h"

G_BEGIN_DECLS

#define HL_TYPE_TOPIC_STORE (hl_topic_store_get_type ())

G_DECLARE_FINAL_TYPE (HlTopicStore, hl_topic_store, HL, TOPIC_STORE, GObject)

/* Reads a library built by HlMedlinePlusImporter. The library is opened
 * read-only: an import replaces the whole file, it never edits it, so a
 * library in a read-only folder opens, and nothing is written next to it.
 * Fails with HL_ERROR_NO_LIBRARY when there is no library at @path yet,
 * HL_ERROR_PERMISSION when it may not be read, HL_ERROR_INVALID_FILE when
 * the file there is not a library or from another version of the app, and
 * HL_ERROR_DATABASE when it is damaged or cannot be read.
 *
 * Every read below reports SQLite's errors as what they are (a damaged
 * file, a failing disk…) with HL_ERROR_DATABASE: NULL or 0 with @error
 * set. A NULL without an error means there is no such record. */
HlTopicStore *hl_topic_store_open                  (const char    *path,
                                                    GError       **error);
const char   *hl_topic_store_get_path              (HlTopicStore  *self);

/* What the library was built from: "source", "date-generated" (ISO 8601),
 * "imported-at", "sample" ("1" for the bundled sample), "topics-en"… */
const char   *hl_topic_store_get_meta              (HlTopicStore  *self,
                                                    const char    *key);
gboolean      hl_topic_store_is_sample             (HlTopicStore  *self);
/* Topics in @language ("en"/"es"), or in all languages when NULL. */
guint         hl_topic_store_count_topics          (HlTopicStore  *self,
                                                    const char    *language,
                                                    GError       **error);
/* Whether a read found the file damaged (see :damaged). */
gboolean      hl_topic_store_is_damaged            (HlTopicStore  *self);

/* HlGroup items with at least one topic in @language, by name. */
GListModel   *hl_topic_store_list_groups           (HlTopicStore  *self,
                                                    const char    *language,
                                                    GError       **error);
HlGroup      *hl_topic_store_get_group             (HlTopicStore  *self,
                                                    int            id,
                                                    const char    *language,
                                                    GError       **error);
/* HlTopicRef items of a group, alphabetical. */
GListModel   *hl_topic_store_list_group_topics     (HlTopicStore  *self,
                                                    int            group_id,
                                                    const char    *language,
                                                    GError       **error);
/* HlTopicRef items whose title starts with @letter ('A'–'Z' or '#'),
 * alphabetical; every topic in @language when @letter is 0. */
GListModel   *hl_topic_store_list_topics_by_letter (HlTopicStore  *self,
                                                    const char    *language,
                                                    char           letter,
                                                    GError       **error);
/* The index letters that have topics in @language, e.g. "ABCDFG…". */
char         *hl_topic_store_dup_index_letters     (HlTopicStore  *self,
                                                    const char    *language,
                                                    GError       **error);

/* The whole record, or NULL with HL_ERROR_NOT_FOUND. */
HlTopic      *hl_topic_store_load_topic            (HlTopicStore  *self,
                                                    int            id,
                                                    GError       **error);
/* Id, language and title only; NULL when there is no such topic. */
HlTopicRef   *hl_topic_store_get_topic_ref         (HlTopicStore  *self,
                                                    int            id,
                                                    GError       **error);
/* The topic whose MedlinePlus page is @url, or 0. */
int           hl_topic_store_find_topic_by_url     (HlTopicStore  *self,
                                                    const char    *url,
                                                    GError       **error);
/* The ids of the groups a topic belongs to, in file order. */
GArray       *hl_topic_store_get_topic_group_ids   (HlTopicStore  *self,
                                                    int            id,
                                                    GError       **error);

/* How many hits the app's list of search results shows: about three
 * screenfuls of a sidebar. */
#define HL_SEARCH_LIST_LIMIT 30

/* Full-text search, accent-insensitive, every word a prefix. Hits in
 * @language come first; within a language, title matches, then also-called
 * and see-references, then the summary. HlTopicRef items with snippets. */
GListModel   *hl_topic_store_search                (HlTopicStore  *self,
                                                    const char    *query,
                                                    const char    *language,
                                                    guint          limit,
                                                    GError       **error);
/* Other spellings of @query, made of words from the library's titles, each of
 * which finds something; NULL-terminated, at most @max. */
char        **hl_topic_store_suggest               (HlTopicStore  *self,
                                                    const char    *query,
                                                    const char    *language,
                                                    guint          max,
                                                    GError       **error);

G_END_DECLS
