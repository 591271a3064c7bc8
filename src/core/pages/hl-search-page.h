/* hl-search-page.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-page-builder.h"

G_BEGIN_DECLS

/* hl://search?q=…: search results, or what to try when nothing matched. */
char *hl_search_page_render (const HlPageContext  *ctx,
                             const HlAddress      *address,
                             GError              **error);

G_END_DECLS
