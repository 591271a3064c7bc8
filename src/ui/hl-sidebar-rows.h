/* hl-sidebar-rows.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The rows of the sidebar's lists. Each carries its hl:// address as the
 * "uri" data, and its section as "section". */

typedef enum
{
  HL_SIDEBAR_SECTION_CLINICS,
  HL_SIDEBAR_SECTION_TOPICS,
} HlSidebarSection;

/* A title, ellipsized (its tooltip has it whole), and a count. */
GtkWidget *hl_sidebar_row_new      (const char       *title,
                                    const char       *detail,
                                    const char       *uri,
                                    HlSidebarSection  section);
/* A search result: an HlClinic, or an HlTopicRef with its snippet (tagged
 * when it is in another language than @language). */
GtkWidget *hl_sidebar_hit_row_new  (GObject          *item,
                                    const char       *language);
/* The address a search result opens. */
char      *hl_sidebar_item_dup_uri (GObject          *item);
/* "Clinics" and "Health Topics" above the first row of each section. */
void       hl_sidebar_header_func  (GtkListBoxRow    *row,
                                    GtkListBoxRow    *before,
                                    gpointer          user_data);

G_END_DECLS
