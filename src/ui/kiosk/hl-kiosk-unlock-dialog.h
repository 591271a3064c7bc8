/* hl-kiosk-unlock-dialog.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-kiosk.h"

G_BEGIN_DECLS

#define HL_TYPE_KIOSK_UNLOCK_DIALOG (hl_kiosk_unlock_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HlKioskUnlockDialog, hl_kiosk_unlock_dialog, HL, KIOSK_UNLOCK_DIALOG,
                      AdwWindow)

/* "Leave Kiosk Mode": the administrator's unlock code. A wrong code is
 * refused, and after HL_KIOSK_FREE_TRIES of them the next try waits; the
 * right one leaves kiosk mode (and the kiosk's start over closes this
 * dialog). With no usable code set, it says how to set one. */
HlKioskUnlockDialog *hl_kiosk_unlock_dialog_new (GtkWindow *parent,
                                                 HlKiosk   *kiosk);

G_END_DECLS
