/* hl-index-page.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-page-builder.h"

G_BEGIN_DECLS

/* hl://index[/LETTER]: the topics that start with a letter. */
char *hl_index_page_render  (const HlPageContext  *ctx,
                             const HlAddress      *address,
                             const char           *uri,
                             GError              **error);

G_END_DECLS
