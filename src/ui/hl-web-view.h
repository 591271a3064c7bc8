/* hl-web-view.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-web-engine.h"

G_BEGIN_DECLS

#define HL_TYPE_WEB_VIEW (hl_web_view_get_type ())

G_DECLARE_FINAL_TYPE (HlWebView, hl_web_view, HL, WEB_VIEW, AdwBin)

/* Where the pages of every view come from; call once, before the first. */
void        hl_web_view_set_page_source (HlPageSourceFunc  source,
                                         gpointer          user_data);

GtkWidget  *hl_web_view_new             (void);
/* The address of the page shown, when it is one of ours. */
const char *hl_web_view_get_page_uri    (HlWebView        *self);
const char *hl_web_view_get_title       (HlWebView        *self);
void        hl_web_view_load_page       (HlWebView        *self,
                                         const char       *uri);
gboolean    hl_web_view_can_go_back     (HlWebView        *self);
gboolean    hl_web_view_can_go_forward  (HlWebView        *self);
void        hl_web_view_go_back         (HlWebView        *self);
void        hl_web_view_go_forward      (HlWebView        *self);
double      hl_web_view_get_zoom_level  (HlWebView        *self);
void        hl_web_view_set_zoom_level  (HlWebView        *self,
                                         double            level);
void        hl_web_view_print           (HlWebView        *self,
                                         GtkWindow        *parent);
/* The WebKitWebView that shows the pages, or NULL before the first page. */
GtkWidget  *hl_web_view_get_engine_view (HlWebView        *self);

G_END_DECLS
