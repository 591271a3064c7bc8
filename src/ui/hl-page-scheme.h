/* hl-page-scheme.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-page-renderer.h"

G_BEGIN_DECLS

#define HL_PAGE_SCHEME "hl"

/* The page for a request of the hl: scheme, with its HTTP status in
 * @status: the page, or a page that says why there is none. Never NULL. */
char *hl_page_scheme_render (HlPageRenderer *renderer,
                             const char     *uri,
                             int            *status);

G_END_DECLS
