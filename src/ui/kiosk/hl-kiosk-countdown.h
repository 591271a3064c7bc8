/* hl-kiosk-countdown.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HL_TYPE_KIOSK_COUNTDOWN (hl_kiosk_countdown_get_type ())

G_DECLARE_FINAL_TYPE (HlKioskCountdown, hl_kiosk_countdown, HL, KIOSK_COUNTDOWN, AdwBin)

/* The kiosk's "Still reading? Starting over in 15 s", over the whole window,
 * in the patient's language, with a big button to keep reading
 * (::keep-reading). */
GtkWidget *hl_kiosk_countdown_new          (void);
void       hl_kiosk_countdown_set_language (HlKioskCountdown *self,
                                            const char       *language);
void       hl_kiosk_countdown_set_seconds  (HlKioskCountdown *self,
                                            guint             seconds);
/* What it says now, for tests. */
char      *hl_kiosk_countdown_dup_text     (HlKioskCountdown *self);

G_END_DECLS
