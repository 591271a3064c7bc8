/* hl-qr.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The white border a reader needs around a code, in modules (the standard's
 * minimum). Drawings add it on every side. */
#define HL_QR_QUIET_ZONE 4

/* A QR code: a square of dark and light modules, made by libqrencode on this
 * machine (no network). The one place the app makes QR codes: pages serve
 * its SVG, the handout draws its modules. */
typedef struct _HlQrCode HlQrCode;

/* Encodes @text (UTF-8, as bytes) with error correction level M, in the
 * smallest version that holds it. Fails with HL_ERROR_TOO_LARGE when it does
 * not fit in a QR code, HL_ERROR_INVALID_DATA for empty text. */
HlQrCode   *hl_qr_code_new         (const char     *text,
                                    GError        **error);
void        hl_qr_code_free        (HlQrCode       *qr);
const char *hl_qr_code_get_text    (const HlQrCode *qr);
/* Modules per side, without the quiet zone (21 for version 1, +4 a version). */
int         hl_qr_code_get_size    (const HlQrCode *qr);
/* TRUE for a dark module; anything outside the code (the quiet zone) is
 * light. */
gboolean    hl_qr_code_get_module  (const HlQrCode *qr,
                                    int             x,
                                    int             y);
/* A standalone SVG document of the code with its quiet zone, one unit a
 * module (it scales to whatever size the page gives it), dark on white,
 * with @title (escaped; NULL for none) as its accessible name. */
char       *hl_qr_code_to_svg      (const HlQrCode *qr,
                                    const char     *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlQrCode, hl_qr_code_free)

G_END_DECLS
