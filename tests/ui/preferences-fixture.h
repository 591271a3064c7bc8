/* preferences-fixture.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-preferences-window.h"
#include "window-fixture.h"

G_BEGIN_DECLS

/* What the preferences and lockdown tests read back from the real window:
 * the page the view loaded, its colours, toasts and rows. */

/* Opens the preferences as the menu item does, and waits until they show. */
HlPreferencesWindow *open_preferences     (void);
void                 close_preferences    (HlPreferencesWindow *prefs);
/* The row of the preferences titled @title (with its mnemonic's "_"). */
AdwPreferencesRow   *find_pref_row        (GtkWidget           *root,
                                           const char          *title);
/* The text of the toast on show under @root, or NULL. */
char                *dup_toast_text       (GtkWidget           *root);
/* Waits for a toast under @root whose text holds @needle; returns the text. */
char                *wait_for_toast       (GtkWidget           *root,
                                           const char          *needle);
/* The HTML the view loaded for the page shown. */
char                *dup_page_html        (void);
/* The colour of the page at (@x, @y) as the view drew it, 0xRRGGBB. */
guint32              page_pixel           (int                  x,
                                           int                  y);
/* 0 to 255. */
guint                pixel_brightness     (guint32              rgb);
/* Presses @keys (xdotool's names, "ctrl+comma") with the pointer at (@x,
 * @y) of the screen, which gives the window there the keyboard on a bare X
 * server: the keys go through the toolkit as a person's would. */
void                 press_keys           (int                  x,
                                           int                  y,
                                           const char          *keys);
/* A point on the main window that the preferences do not cover. */
#define MAIN_WINDOW_X 1000
#define MAIN_WINDOW_Y 700
/* Runs the main loop for @ms milliseconds. */
void                 spin                 (guint                ms);
/* The real binary, for a second process. */
const char          *app_binary           (void);
/* Runs the real binary with @args in the test's environment; its exit
 * status must be 0. */
void                 run_app_binary       (const char * const  *args);

GSettings           *app_settings         (void);
HlLibrary           *app_library          (void);
HlImportJob         *app_import_job       (void);
GtkWidget           *find_widget_of_type  (GtkWidget           *root,
                                           GType                type);
/* Runs a program; it must exit 0. Its standard output, stripped. */
char                *run_for_output       (const char * const  *argv);
/* What an administrator sets and locks, for real: a dconf profile whose
 * system database `dconf compile` makes from @site_keyfile and @site_locks
 * (as `dconf update` does from /etc/dconf/db), GSETTINGS_BACKEND=dconf, and
 * a D-Bus session of the test's own whose dconf-service writes the user
 * database under the test's home. Call before the app starts. */
GTestDBus           *dconf_fixture_start  (const char          *site_keyfile,
                                           const char          *site_locks);
void                 dconf_fixture_stop   (GTestDBus           *bus);
/* A "browser" for web and phone links that only writes the address it was
 * asked to open into the file whose path it returns; call before the app
 * starts. */
char                *make_stand_in_browser (const char         *home);
/* Shows the home page in the window's content language. */
void                 go_home              (void);
/* Conditions for wait_until(): the page shown, loaded, holds @data (a
 * string) or not. */
gboolean             page_has             (gpointer             data);
gboolean             page_lacks           (gpointer             data);

G_END_DECLS
