/* hl-settings.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Keys of the org.phynet.HealthLibrary schema. */
#define HL_SETTINGS_CONTENT_LANGUAGE "content-language"
#define HL_SETTINGS_ZOOM_LEVEL       "zoom-level"
#define HL_SETTINGS_WINDOW_WIDTH     "window-width"
#define HL_SETTINGS_WINDOW_HEIGHT    "window-height"
#define HL_SETTINGS_WINDOW_MAXIMIZED "window-maximized"
#define HL_SETTINGS_HOME_CLINIC      "home-clinic"
#define HL_SETTINGS_REMEMBER_HISTORY "remember-history"
