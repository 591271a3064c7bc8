/* hl-window-handout.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-application.h"
#include "hl-window.h"

G_BEGIN_DECLS

/* The window's part in handouts, the basket, bookmarks and history:
 *   win.print-handout (Ctrl+Shift+P)  the handout dialog for the topic shown
 *   win.add-to-basket (Ctrl+B)        the topic shown into the basket
 *   win.print-basket, win.save-basket, win.empty-basket (with Undo)
 *   win.toggle-bookmark (Ctrl+D), win.export-bookmarks, win.import-bookmarks
 *   win.clear-history
 *   win.open-page (s)                 shows an hl:// page, for the sidebar's sections
 * Every topic shown goes into the history. */
void hl_window_handout_class_init (GtkWidgetClass *widget_class);
/* Once the window has its application. */
void hl_window_handout_setup      (HlWindow       *self,
                                   HlApplication  *application);

G_END_DECLS
