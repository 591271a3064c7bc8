/* hl-qr-view.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HL_TYPE_QR_VIEW (hl_qr_view_get_type ())

G_DECLARE_FINAL_TYPE (HlQrView, hl_qr_view, HL, QR_VIEW, GtkWidget)

/* A QR code of :text, drawn dark on white with its quiet zone, each module a
 * whole number of pixels so that phones read it off the screen. Empty when
 * the text is NULL or does not fit in a code. */
GtkWidget  *hl_qr_view_new      (void);
void        hl_qr_view_set_text (HlQrView   *self,
                                 const char *text);
const char *hl_qr_view_get_text (HlQrView   *self);
/* Whether :text fits in a QR code (and so something is drawn). */
gboolean    hl_qr_view_has_code (HlQrView   *self);

G_END_DECLS
