/* hl-kiosk-controller-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-kiosk-controller.h"
#include "hl-kiosk-countdown.h"
#include "hl-kiosk-history.h"
#include "hl-kiosk-home.h"
#include "hl-kiosk-input.h"
#include "hl-kiosk-link-page.h"
#include "hl-kiosk-unlock-dialog.h"
#include "hl-window-private.h"

G_BEGIN_DECLS

/* HlKioskController spans hl-kiosk-controller.c (putting kiosk mode on the
 * window and taking it off, what the window shows, links, the web view's
 * limits, full screen) and hl-kiosk-controller-session.c (the countdown,
 * the start over, the way out). */

/* The countdown never lasts longer than this, nor than the idle time. */
#define COUNTDOWN_SECONDS 15
/* The administrator's corner: the top-left, this many pixels square, held
 * this long without moving more than a finger's width. */
#define CORNER_SIZE       48
#define CORNER_PRESS_MS   3000
#define CORNER_SLACK      24

#define HOME_PAGE "kiosk-home"
#define LINK_PAGE "kiosk-link"

struct _HlKioskController
{
  GObject              parent_instance;

  HlWindow            *window;          /* owns us */
  HlKiosk             *kiosk;
  HlKioskInput        *input;
  HlKioskHistory      *history;

  GtkWidget           *overlay;
  HlKioskHome         *home;
  HlKioskLinkPage     *link_page;
  HlKioskCountdown    *countdown;
  GtkWidget           *start_over_button;
  GtkWidget           *print_button;
  GtkGesture          *corner_press;
  guint                corner_id;
  GtkWindow           *unlock_dialog;   /* weak */
  GdkSurface          *surface;         /* weak: its state is watched */

  gboolean             applied;
  gboolean             showing_link;
  gboolean             in_use;          /* input since the last start over */
  guint                countdown_id;
  guint                countdown_left;
  guint                fullscreen_id;
  guint                follow_id;
};

GtkWidget     *hl_kiosk_controller_window_part          (HlKioskController *self,
                                                        const char        *name);
WebKitWebView *hl_kiosk_controller_view                 (HlKioskController *self);
/* Shows the kiosk home, the link page or the view, as the view's page
 * says. */
void           hl_kiosk_controller_sync_stack           (HlKioskController *self);
void           hl_kiosk_controller_show_page_chrome     (HlKioskController *self,
                                                        gboolean           shown);
/* The patient's language: the window's, not the key's. */
void           hl_kiosk_controller_set_session_language (HlKioskController *self,
                                                        const char        *language);
void           hl_kiosk_controller_queue_fullscreen     (HlKioskController *self);

/* In hl-kiosk-controller-session.c. */
void           hl_kiosk_controller_setup_session        (HlKioskController *self);
void           hl_kiosk_controller_stop_countdown       (HlKioskController *self);
void           hl_kiosk_controller_forget_unlock_dialog (HlKioskController *self);

G_END_DECLS
