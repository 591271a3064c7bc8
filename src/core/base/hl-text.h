/* hl-text.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text in Unicode normalisation form C ("o" + U+0301 → "ó"), invalid bytes
 * replaced: the form the library indexes and searches. */
char     *hl_text_normalize       (const char *text);
/* Lower-cases and strips diacritics ("Presión" → "presion", "Niño" → "nino"),
 * the same folding the full-text index applies, whatever the normalisation
 * form of @text. */
char     *hl_text_fold            (const char *text);
/* The folded first letter of @title for the A–Z index ("Úlcera" → 'U'), or '#'. */
char      hl_text_index_letter    (const char *title);
/* Damerau–Levenshtein distance between two folded words, or max + 1 when it
 * is larger than @max (so callers can bail out early). */
guint     hl_text_edit_distance   (const char *a,
                                   const char *b,
                                   guint       max);
/* Trims and collapses runs of white space to one space; NULL for "". */
char     *hl_text_collapse_space  (const char *text);

/* The words of @text as written, in NFC: runs of letters and digits in any
 * script, as the full-text index sees them; punctuation and operators are
 * dropped.
 * At most @max_words words, or all of them when it is 0. Invalid UTF-8 gives
 * none. */
GPtrArray *hl_text_split_words    (const char *text,
                                   guint       max_words);
/* Replaces *@str_pointer by a copy of @new_str (GLib 2.76's g_set_str). */
gboolean  hl_set_str              (char      **str_pointer,
                                   const char *new_str);

G_END_DECLS
