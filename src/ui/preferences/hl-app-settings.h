/* hl-app-settings.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-page-renderer.h"

G_BEGIN_DECLS

/* Makes the whole app follow @settings from now on: the colour scheme
 * (AdwStyleManager, which the pages follow too) and the home clinic that
 * @renderer names on pages. */
void hl_app_settings_follow (GSettings      *settings,
                             HlPageRenderer *renderer);

G_END_DECLS
