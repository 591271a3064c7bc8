/* hl-window.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-application.h"

G_BEGIN_DECLS

#define HL_TYPE_WINDOW (hl_window_get_type ())

G_DECLARE_FINAL_TYPE (HlWindow, hl_window, HL, WINDOW, AdwApplicationWindow)

HlWindow   *hl_window_new                  (HlApplication *application);
/* "en" or "es": the language of the topics shown in the sidebar and pages. */
const char *hl_window_get_content_language (HlWindow      *self);
void        hl_window_set_content_language (HlWindow      *self,
                                            const char    *language);
/* Opens an hl:// page. */
void        hl_window_open_uri             (HlWindow      *self,
                                            const char    *uri);

/* For tests and scripted checks. */
GtkWidget  *hl_window_get_web_view         (HlWindow      *self);
GtkWidget  *hl_window_get_sidebar          (HlWindow      *self);
GtkWidget  *hl_window_get_search_entry     (HlWindow      *self);
GtkWidget  *hl_window_get_find_bar         (HlWindow      *self);
GtkWidget  *hl_window_get_menu_button      (HlWindow      *self);
/* The address shown for the link under the pointer, or NULL. */
const char *hl_window_get_link_status      (HlWindow      *self);

G_END_DECLS
