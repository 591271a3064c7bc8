/* hl-sidebar.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-clinic-directory.h"
#include "hl-topic-store.h"

G_BEGIN_DECLS

#define HL_TYPE_SIDEBAR (hl_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (HlSidebar, hl_sidebar, HL, SIDEBAR, AdwBin)

/* The sidebar: clinics and topic groups, a group's topics with a filter,
 * and search results. Choosing a row emits ::open-uri. */
GtkWidget  *hl_sidebar_new                   (void);
void        hl_sidebar_set_store             (HlSidebar         *self,
                                              HlTopicStore      *store);
void        hl_sidebar_set_clinics           (HlSidebar         *self,
                                              HlClinicDirectory *clinics);
void        hl_sidebar_set_language          (HlSidebar         *self,
                                              const char        *language);
/* Shows the results for @text, or what was there before when it is empty. */
void        hl_sidebar_search                (HlSidebar         *self,
                                              const char        *text);
/* Opens the best hit; FALSE when there is none. */
gboolean    hl_sidebar_activate_first_result (HlSidebar         *self);
/* Moves the keyboard focus into the visible list. */
gboolean    hl_sidebar_focus_list            (HlSidebar         *self);
/* Brings the sidebar in step with the page at @uri: shows the topic's group
 * and selects its row, selects a clinic… */
void        hl_sidebar_select_uri            (HlSidebar         *self,
                                              const char        *uri);
/* What the results shown are for, or NULL when none are shown. */
const char *hl_sidebar_get_search_text       (HlSidebar         *self);
/* The visible part: "browse", "group" or "search". */
const char *hl_sidebar_get_mode              (HlSidebar         *self);
/* The list that is visible, for keyboard handling and tests. */
GtkListBox *hl_sidebar_get_visible_list      (HlSidebar         *self);
/* The width the sidebar asks for, whatever the length of its rows' names
 * (they are ellipsized, and their tooltip has them whole). */
void        hl_sidebar_set_natural_width     (HlSidebar         *self,
                                              int                width);
/* How long the last search took, in milliseconds (query and list). */
double      hl_sidebar_get_last_search_ms    (HlSidebar         *self);

G_END_DECLS
