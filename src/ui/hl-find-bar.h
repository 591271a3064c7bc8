/* hl-find-bar.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

#define HL_TYPE_FIND_BAR (hl_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (HlFindBar, hl_find_bar, HL, FIND_BAR, AdwBin)

/* Find in the page shown: a bar above the page with an entry, the number of
 * matches, and previous and next buttons, through WebKitFindController. */
void        hl_find_bar_set_web_view     (HlFindBar     *self,
                                          WebKitWebView *web_view);
/* Shows the bar and puts the focus in its entry, the text selected. */
void        hl_find_bar_open             (HlFindBar     *self);
/* Hides the bar, clears the highlights and gives the focus to the page. */
void        hl_find_bar_close            (HlFindBar     *self);
gboolean    hl_find_bar_get_search_mode  (HlFindBar     *self);
void        hl_find_bar_find_next        (HlFindBar     *self);
void        hl_find_bar_find_previous    (HlFindBar     *self);
/* The matches of the text in the page, as last counted. */
guint       hl_find_bar_get_match_count  (HlFindBar     *self);
/* The text under the entry: "3 matches", "No matches"… */
const char *hl_find_bar_get_status       (HlFindBar     *self);
GtkWidget  *hl_find_bar_get_entry        (HlFindBar     *self);

G_END_DECLS
