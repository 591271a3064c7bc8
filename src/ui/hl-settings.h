/* hl-settings.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Keys of the org.phynet.HealthLibrary schema. README.md documents each of
 * them with its values: administrators script them. */
#define HL_SETTINGS_CONTENT_LANGUAGE "content-language"
#define HL_SETTINGS_ZOOM_LEVEL       "zoom-level"
#define HL_SETTINGS_COLOR_SCHEME     "color-scheme"
#define HL_SETTINGS_HOME_CLINIC      "home-clinic"
#define HL_SETTINGS_WINDOW_WIDTH     "window-width"
#define HL_SETTINGS_WINDOW_HEIGHT    "window-height"
#define HL_SETTINGS_WINDOW_MAXIMIZED "window-maximized"
#define HL_SETTINGS_REMEMBER_HISTORY "remember-history"

/* Library updates (hl-update-controller.c, hl-command-line-update.c). */
#define HL_SETTINGS_UPDATE_URL        "update-url"
#define HL_SETTINGS_STALE_AFTER_DAYS  "stale-after-days"
#define HL_SETTINGS_AUTO_UPDATE       "auto-update"
#define HL_SETTINGS_LAST_UPDATE_CHECK "last-update-check"

/* The waiting-room kiosk (src/ui/kiosk/). */
#define HL_SETTINGS_KIOSK_MODE           "kiosk-mode"
#define HL_SETTINGS_KIOSK_IDLE_SECONDS   "kiosk-idle-seconds"
#define HL_SETTINGS_KIOSK_ALLOW_PRINTING "kiosk-allow-printing"
#define HL_SETTINGS_KIOSK_UNLOCK_CODE    "kiosk-unlock-code"

/* The lockdown child schema, org.phynet.HealthLibrary.lockdown: what an
 * administrator turns off. */
#define HL_SETTINGS_LOCKDOWN                "lockdown"
#define HL_LOCKDOWN_DISABLE_IMPORT          "disable-import"
#define HL_LOCKDOWN_DISABLE_PRINTING        "disable-printing"
#define HL_LOCKDOWN_DISABLE_EXTERNAL_LINKS  "disable-external-links"
