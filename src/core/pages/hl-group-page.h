/* hl-group-page.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-page-builder.h"

G_BEGIN_DECLS

/* hl://group/ID: a topic group's topics. */
char *hl_group_page_render  (const HlPageContext  *ctx,
                             const HlAddress      *address,
                             const char           *uri,
                             GError              **error);

G_END_DECLS
