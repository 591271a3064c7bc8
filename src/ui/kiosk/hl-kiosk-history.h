/* hl-kiosk-history.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

#define HL_TYPE_KIOSK_HISTORY (hl_kiosk_history_get_type ())

G_DECLARE_FINAL_TYPE (HlKioskHistory, hl_kiosk_history, HL, KIOSK_HISTORY, GObject)

/* Empties a view's Back and Forward lists, which WebKit has no call for: a
 * second, hidden view loads the home page once, and its one-page session
 * replaces the view's whenever the kiosk starts over. :ready says when that
 * session is there. */
HlKioskHistory *hl_kiosk_history_new       (WebKitWebView  *view);
gboolean        hl_kiosk_history_get_ready (HlKioskHistory *self);
/* Leaves @view on the home page with nothing before or after it; FALSE (and
 * the home page loaded the usual way) while not ready. */
gboolean        hl_kiosk_history_clear     (HlKioskHistory *self);

G_END_DECLS
