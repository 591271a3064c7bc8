/* hl-home-page.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-page-builder.h"

G_BEGIN_DECLS

/* hl://home: the groups, the A–Z bar, the clinics and what the library holds. */
char *hl_home_page_render   (const HlPageContext  *ctx,
                             const HlAddress      *address,
                             GError              **error);

G_END_DECLS
