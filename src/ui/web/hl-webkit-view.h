/* hl-webkit-view.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

#define HL_TYPE_WEBKIT_VIEW (hl_webkit_view_get_type ())

G_DECLARE_FINAL_TYPE (HlWebKitView, hl_webkit_view, HL, WEBKIT_VIEW, WebKitWebView)

/* The view shows pages of @scheme only; call once, before the first view. */
void       hl_webkit_view_set_page_scheme (const char *scheme);
GtkWidget *hl_webkit_view_new             (void);

G_END_DECLS
