/* hl-kiosk-input.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HL_TYPE_KIOSK_INPUT (hl_kiosk_input_get_type ())

G_DECLARE_FINAL_TYPE (HlKioskInput, hl_kiosk_input, HL, KIOSK_INPUT, GObject)

/* The kiosk's watch over input, in every window of the app (dialogs too):
 * ::idle when nobody has touched, clicked, moved the pointer or pressed a
 * key for :idle-seconds, then ::input at the next sign of someone; keys
 * outside the kiosk's short list never reach the app (no Ctrl+Q, Ctrl+W,
 * Ctrl+O, F10, the GTK Inspector's Ctrl+Shift+I or D…); and
 * Ctrl+Alt+Shift+K emits ::unlock-requested. */
HlKioskInput *hl_kiosk_input_new               (void);
void          hl_kiosk_input_start             (HlKioskInput *self);
void          hl_kiosk_input_stop              (HlKioskInput *self);
void          hl_kiosk_input_set_idle_seconds  (HlKioskInput *self,
                                                guint         seconds);
/* Let Ctrl+P and Ctrl+Shift+P through. */
void          hl_kiosk_input_set_allow_printing (HlKioskInput *self,
                                                 gboolean      allow);
/* Counts the idle time from now; with @after_input, from the next input
 * instead, which emits ::input (a kiosk that nobody touched since it
 * started over has nothing to count down). */
void          hl_kiosk_input_restart           (HlKioskInput *self,
                                                gboolean      after_input);

/* Whether a key press (@keyval with @state) may reach a kiosk's windows. */
gboolean      hl_kiosk_input_key_allowed       (guint            keyval,
                                                GdkModifierType  state,
                                                gboolean         printing);

G_END_DECLS
