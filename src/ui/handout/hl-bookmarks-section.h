/* hl-bookmarks-section.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hl-user-data.h"

G_BEGIN_DECLS

#define HL_TYPE_BOOKMARKS_SECTION (hl_bookmarks_section_get_type ())

G_DECLARE_FINAL_TYPE (HlBookmarksSection, hl_bookmarks_section, HL, BOOKMARKS_SECTION, GtkBox)

/* The bookmarks in the sidebar, by title. A bookmark whose topic the
 * library lacks is shown as missing and cannot be opened, only removed.
 * Shown while there are bookmarks. */
void        hl_bookmarks_section_set_user_data (HlBookmarksSection *self,
                                                HlUserData         *user_data);
GtkListBox *hl_bookmarks_section_get_list      (HlBookmarksSection *self);

G_END_DECLS
