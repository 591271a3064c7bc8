/* hl-clinic-page.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-page-builder.h"

G_BEGIN_DECLS

/* hl://clinic/ID: a clinic, or the home office, with the facts the directory has. */
char *hl_clinic_page_render (const HlPageContext  *ctx,
                             const char           *id,
                             const char           *uri,
                             GError              **error);

G_END_DECLS
