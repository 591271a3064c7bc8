/* hl-topic-tools.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HL_TYPE_TOPIC_TOOLS (hl_topic_tools_get_type ())

G_DECLARE_FINAL_TYPE (HlTopicTools, hl_topic_tools, HL, TOPIC_TOOLS, GtkBox)

/* The header bar's buttons for the topic shown: bookmark it (a star), add
 * it to the handout basket, print a handout of it. They follow the window's
 * actions win.toggle-bookmark, win.add-to-basket and win.print-handout. */
void hl_topic_tools_set_bookmarked (HlTopicTools *self,
                                    gboolean      bookmarked);

G_END_DECLS
