/* hl-kiosk-controller.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-application.h"
#include "hl-kiosk.h"
#include "hl-window.h"

G_BEGIN_DECLS

#define HL_TYPE_KIOSK_CONTROLLER (hl_kiosk_controller_get_type ())

G_DECLARE_FINAL_TYPE (HlKioskController, hl_kiosk_controller, HL, KIOSK_CONTROLLER, GObject)

/* What kiosk mode does to a window, while the app's HlKiosk is active: full
 * screen with no way out (no close, no quit, no menu, no preferences, no
 * context menu, no file chooser, no download, the keys of HlKioskInput),
 * large targets, the kiosk home in place of the home page, "Start over /
 * Empezar de nuevo" always there, links out of the app on the in-app link
 * page, the idle countdown and the start over itself, a crashed web process
 * back to the kiosk home, and the administrator's way out
 * (Ctrl+Alt+Shift+K, or three seconds' press in the top-left corner). The
 * window owns it. */
HlKioskController *hl_kiosk_controller_new            (HlWindow          *window,
                                                       HlApplication     *application);
/* In the window's class_init: the template's parts the kiosk changes. */
void               hl_kiosk_controller_class_init_window (GtkWidgetClass *widget_class);
gboolean           hl_kiosk_controller_get_applied    (HlKioskController *self);
/* TRUE, and nothing opened, when the kiosk shows @uri (a link to another
 * site or a phone number) on its link page instead. */
gboolean           hl_kiosk_controller_open_external  (HlKioskController *self,
                                                       const char        *uri);
/* Opens the unlock prompt, as the administrator's gesture does. */
void               hl_kiosk_controller_ask_unlock     (HlKioskController *self);

/* For tests and the benchmark. */
/* TRUE once a start over can empty the view's history. */
gboolean           hl_kiosk_controller_get_ready      (HlKioskController *self);
HlKiosk           *hl_kiosk_controller_get_kiosk      (HlKioskController *self);
GtkWidget         *hl_kiosk_controller_get_home       (HlKioskController *self);
GtkWidget         *hl_kiosk_controller_get_link_page  (HlKioskController *self);
GtkWidget         *hl_kiosk_controller_get_countdown  (HlKioskController *self);
GtkWidget         *hl_kiosk_controller_get_start_over_button (HlKioskController *self);
/* The page the window shows: "kiosk-home", "kiosk-link", "view"… */
const char        *hl_kiosk_controller_get_shown      (HlKioskController *self);

G_END_DECLS
