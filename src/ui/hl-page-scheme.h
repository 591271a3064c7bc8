/* hl-page-scheme.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

#include "hl-page-renderer.h"

G_BEGIN_DECLS

#define HL_PAGE_SCHEME HL_ADDRESS_SCHEME

/* Serves hl:// pages and images from @renderer to every web view of
 * @context. Call it before the first web view is created; calling it again
 * (another app in the same process) serves the new renderer instead. */
void hl_page_scheme_register (WebKitWebContext *context,
                              HlPageRenderer   *renderer);

G_END_DECLS
