/* hl-kiosk-link-page.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-kiosk-address.h"

G_BEGIN_DECLS

#define HL_TYPE_KIOSK_LINK_PAGE (hl_kiosk_link_page_get_type ())

G_DECLARE_FINAL_TYPE (HlKioskLinkPage, hl_kiosk_link_page, HL, KIOSK_LINK_PAGE, AdwBin)

/* Where a link out of the kiosk goes instead: a web address in large text
 * with a QR code of it, for the patient's own phone; a phone number in large
 * text (with a code that dials it). Nothing is opened. "Back to the page"
 * emits ::back. */
GtkWidget  *hl_kiosk_link_page_new          (void);
/* @uri is the link as clicked, @shown what to show of it (see
 * hl_kiosk_address_classify()). */
void        hl_kiosk_link_page_show_link    (HlKioskLinkPage *self,
                                             HlKioskLinkKind  kind,
                                             const char      *uri,
                                             const char      *shown);
void        hl_kiosk_link_page_set_language (HlKioskLinkPage *self,
                                             const char      *language);
/* For tests: the text in large type, and the code's text. */
const char *hl_kiosk_link_page_get_shown    (HlKioskLinkPage *self);
GtkWidget  *hl_kiosk_link_page_get_qr_view  (HlKioskLinkPage *self);

G_END_DECLS
