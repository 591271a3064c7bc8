/* hl-topic-page.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-page-builder.h"

G_BEGIN_DECLS

/* hl://topic/ID: a topic, its summary, links and details. */
char *hl_topic_page_render  (const HlPageContext  *ctx,
                             int                   id,
                             GError              **error);
/* TRUE for the information category MedlinePlus puts first: "Start Here",
 * its Spanish name, and the "Overviews" of older files. */
gboolean hl_topic_page_is_start_here (const char *category);

G_END_DECLS
