/* hl-search-snippet.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words of a search as the snippets match them: folded like the
 * full-text index, and each word of two letters or more standing for every
 * word that starts with it ("presion arter" → "presión arterial"). */
typedef struct _HlSnippetQuery HlSnippetQuery;

HlSnippetQuery *hl_snippet_query_new      (GPtrArray      *words);
void            hl_snippet_query_free     (HlSnippetQuery *query);
/* Whether a query word stands for every word that starts with it. */
gboolean        hl_snippet_word_is_prefix (const char     *word);

/* @text with the words the query matches between HL_SNIPPET_MARK_START and
 * HL_SNIPPET_MARK_END; NULL for NULL or invalid UTF-8. */
char           *hl_snippet_mark           (HlSnippetQuery *query,
                                           const char     *text);

/* The snippet of a search hit, from its summary as the store keeps it (the
 * sanitizer's HTML): whole words of one real sentence (not a heading, a
 * list's fragment, or the attribution line that ends most MedlinePlus
 * summaries), the first that has a word of the query, else the first of
 * all; at most about @max_chars long, cut between words with "…". The
 * matched words are marked. NULL when the summary has no sentence. */
char           *hl_snippet_make           (HlSnippetQuery *query,
                                           const char     *summary,
                                           guint           max_chars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlSnippetQuery, hl_snippet_query_free)

G_END_DECLS
