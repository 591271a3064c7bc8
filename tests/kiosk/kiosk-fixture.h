/* kiosk-fixture.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-kiosk-controller.h"
#include "preferences-fixture.h"

G_BEGIN_DECLS

/* What the kiosk tests share: a window manager (bare Xvfb ignores full
 * screen), the real binary's --hash-kiosk-code, real input with xdotool,
 * the screen read back with imagemagick and zbarimg, and the web
 * processes. */

/* The administrator's code in the kiosk tests. */
#define KIOSK_CODE "kiosk-2468"

/* Starts the app as a fleet's kiosk starts it: kiosk-mode, remember-history
 * and the unlock code (KIOSK_CODE, hashed by the real binary) set and locked
 * in a dconf system database, @more_keys (lines of the
 * [org/phynet/HealthLibrary] group, or NULL) set without a lock; a window
 * manager; then waits until the window is full screen. */
void               kiosk_fixture_start (const char *more_keys);
void               kiosk_fixture_stop  (void);
/* The stand-in browser's note: the address it was asked to open. */
const char        *browser_marker      (void);

/* Starts openbox on the display, unless a window manager already runs, and
 * waits until it manages windows. */
void               kiosk_fixture_start_window_manager (void);
void               kiosk_fixture_stop_window_manager  (void);
/* The value --hash-kiosk-code prints for @code: a quoted string, as a
 * dconf keyfile takes it. */
char              *kiosk_fixture_hash_code            (const char *code);

HlKioskController *kiosk_controller   (void);
HlKiosk           *kiosk              (void);
/* The page the window shows: "kiosk-home", "kiosk-link", "view"… */
const char        *kiosk_shown        (void);
gboolean           kiosk_shows        (gpointer data);

/* Runs xdotool with the arguments (NULL-terminated) while the main loop
 * goes on, then lets the events arrive. */
void               xdotool            (const char *first,
                                       ...) G_GNUC_NULL_TERMINATED;
/* The main window's X window, for xdotool: "0x…". */
char              *window_xid         (void);
/* The window manager's view: _NET_WM_STATE holds _NET_WM_STATE_FULLSCREEN,
 * and the window covers the whole screen. */
gboolean           window_is_fullscreen (void);
/* The screen as the X server shows it, and what zbarimg reads in it (NULL
 * when no code). */
char              *screen_qr_text     (void);
void               save_screenshot    (const char *path);
/* The web processes the app started (WebKitWebProcess), and kills them. */
GArray            *web_process_pids   (void);
guint              kill_web_processes (void);
/* Moves the pointer over the web view until it is on a link whose address
 * starts with @prefix; its point on the screen. FALSE when there is none in
 * sight. */
gboolean           find_link          (const char *prefix,
                                       int        *x,
                                       int        *y,
                                       char      **uri);
/* Finds a link whose address starts with @prefix, as find_link() does, and
 * clicks it until the link page shows; its address, or NULL. */
char              *kiosk_click_link   (const char *prefix);
/* The windows on screen other than the main one. */
guint              count_other_windows (void);
/* A visible popover under @widget (a context menu, a menu). */
gboolean           has_popover        (GtkWidget  *widget);

G_END_DECLS
