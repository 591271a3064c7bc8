/* bench-search.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hl-topic-store.h"

#include "bench-util.h"

G_BEGIN_DECLS

/* Search queries, made from the library's own titles */

typedef enum
{
  KIND_TITLE,
  KIND_WORD,
  KIND_PREFIX,
  KIND_TWO_WORDS,
  KIND_ES_ACCENT,
  KIND_ES_FOLDED,
  KIND_UPPER,
  KIND_TYPO,
  KIND_NO_HIT,
  KIND_ONE_LETTER,
  N_KINDS
} QueryKind;

typedef struct
{
  QueryKind   kind;
  char       *text;
  const char *language;
  guint       hits;
  double      ms;
} Query;

enum { LANG_EN, LANG_ES, N_LANGS };

typedef struct
{
  GPtrArray *titles[N_LANGS];
  GPtrArray *words[N_LANGS];     /* distinct lower-case title words, >= 3 letters */
  GPtrArray *accented;           /* Spanish title words with a non-ASCII letter */
  GPtrArray *typo_words;         /* ASCII title words of >= 5 letters */
  GArray    *topic_ids;
} Material;

/* Frees what collect_material() put in @material. */
void material_clear (Material *material);
/* Fills @material with the titles, words and topic ids of the library. */
void collect_material (HlTopicStore *store,
                       Material     *material);
/* @n_queries queries of every kind in turn, the same for the same library. */
GArray *build_queries (HlTopicStore *store,
                       Material     *material,
                       guint         n_queries);
/* Times @queries and prints the figures; sets @without_one_letter too. */
Stats run_search_benchmark (HlTopicStore *store,
                            GArray       *queries,
                            Stats        *without_one_letter);

G_END_DECLS
