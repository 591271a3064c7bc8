/* bench-render.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hl-topic-store.h"

#include "bench-search.h"
#include "bench-util.h"

G_BEGIN_DECLS

/* Times the topic pages and one page of each other kind; prints the figures. */
Stats run_render_benchmark (HlTopicStore *store,
                            Material     *material,
                            const char   *search_word,
                            const char   *typo_word);

G_END_DECLS
