/* hl-page-address.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HL_PAGE_OTHER,
  HL_PAGE_HOME,
  HL_PAGE_TOPIC,
  HL_PAGE_GROUP,
  HL_PAGE_INDEX,
  HL_PAGE_SEARCH,
  HL_PAGE_CLINIC,
} HlPageKind;

/* What the window reads from the hl:// address of the page shown: the kind
 * of page, the topic or group, the language asked for. The one place of the
 * window that takes an address apart. */
typedef struct
{
  HlPageKind  kind;
  int         id;        /* of the topic or group, else 0 */
  char       *language;  /* "en" or "es" from ?lang=, or NULL */
} HlPageAddress;

/* FALSE (and @address cleared) when @uri is no hl:// address. */
gboolean hl_page_address_parse (HlPageAddress *address,
                                const char    *uri);
void     hl_page_address_clear (HlPageAddress *address);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HlPageAddress, hl_page_address_clear)

G_END_DECLS
