/* hl-zoom-row.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HL_TYPE_ZOOM_ROW (hl_zoom_row_get_type ())

G_DECLARE_FINAL_TYPE (HlZoomRow, hl_zoom_row, HL, ZOOM_ROW, GtkBox)

/* The main menu's zoom row: − 100 % +, as in GNOME Web and Text Editor. Its
 * buttons run win.zoom-out, win.zoom-reset and win.zoom-in. */
GtkWidget  *hl_zoom_row_new        (void);
void        hl_zoom_row_set_level  (HlZoomRow *self,
                                    double     level);
double      hl_zoom_row_get_level  (HlZoomRow *self);
/* What the middle button reads: "100%", "120%"… */
const char *hl_zoom_row_get_text   (HlZoomRow *self);

G_END_DECLS
