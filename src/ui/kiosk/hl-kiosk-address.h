/* hl-kiosk-address.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The few things the kiosk asks of addresses, in one place; the app's own
 * addresses are read and made by HlAddress (core/base/hl-address.h). */

/* The home page without a language of its own: it shows in the language the
 * window is in, so going back to it never switches the language. */
#define HL_KIOSK_HOME_ADDRESS "hl://home"

typedef enum
{
  HL_KIOSK_LINK_OTHER,   /* anything the kiosk neither shows nor opens */
  HL_KIOSK_LINK_WEB,     /* http or https */
  HL_KIOSK_LINK_PHONE,   /* tel */
} HlKioskLinkKind;

/* Whether @uri is one of the app's own pages (hl://). */
gboolean        hl_kiosk_address_is_app_page (const char *uri);
/* Whether @uri is the app's home page, in any language. */
gboolean        hl_kiosk_address_is_home     (const char *uri);
/* What kind of link @uri is; for a web or phone link, @shown gets what the
 * kiosk shows of it (the address, or the number with its escapes undone). */
HlKioskLinkKind hl_kiosk_address_classify    (const char *uri,
                                              char      **shown);
char           *hl_kiosk_address_for_search  (const char *text,
                                              const char *language);

G_END_DECLS
