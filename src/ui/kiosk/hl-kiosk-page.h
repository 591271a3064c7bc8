/* hl-kiosk-page.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HL_TYPE_KIOSK_PAGE (hl_kiosk_page_get_type ())

G_DECLARE_FINAL_TYPE (HlKioskPage, hl_kiosk_page, HL, KIOSK_PAGE, AdwPreferencesPage)

/* The preferences' Kiosk page: kiosk mode, the idle time, printing and the
 * unlock code (set twice, kept as its hash), each row insensitive, "Set by
 * your organization", when the administrator locked its key. Kiosk mode
 * cannot be turned on here before there is a code to leave it with. */
void hl_kiosk_page_setup (HlKioskPage *self,
                          GSettings   *settings);

G_END_DECLS
