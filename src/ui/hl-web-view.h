/* hl-web-view.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

#define HL_TYPE_WEB_VIEW (hl_web_view_get_type ())

G_DECLARE_FINAL_TYPE (HlWebView, hl_web_view, HL, WEB_VIEW, WebKitWebView)

/* The view of our pages: JavaScript off, only hl:// pages load in it; web
 * and telephone links go to the system ("open-external"), other schemes are
 * refused ("refused"), and a crashed web process is reported ("crashed"). */
GtkWidget *hl_web_view_new               (void);
/* The hl:// address of the page shown (or being loaded), or NULL. */
const char *hl_web_view_get_page_uri     (HlWebView  *self);
void        hl_web_view_load_page        (HlWebView  *self,
                                          const char *uri);
/* TRUE for an address the view hands to the system: http, https, tel. */
gboolean    hl_web_view_is_external_uri  (const char *uri);

G_END_DECLS
