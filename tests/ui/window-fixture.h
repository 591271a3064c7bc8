/* window-fixture.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-application.h"
#include "hl-sidebar.h"
#include "hl-web-view.h"
#include "hl-window.h"

G_BEGIN_DECLS

/* The app of a real-window test: started once on a temporary home (the first
 * start imports the bundled sample), shared by the test cases. */

typedef gboolean (*Condition) (gpointer data);

/* Makes the temporary home (XDG_DATA_HOME, XDG_CONFIG_HOME and
 * XDG_CACHE_HOME under it) before the app starts, for a test that puts
 * something there first; the start functions make it otherwise. With
 * HL_TEST_HOME set, that folder is the home, and is left in place. */
const char     *window_fixture_prepare_home (void);
/* Call right after g_test_init (). */
void            window_fixture_start (void);
/* The same, on a library imported from @topics_file instead of the sample. */
void            window_fixture_start_with_library (const char *topics_file);
/* The same, with a damaged file where the library should be. */
void            window_fixture_start_broken       (void);
/* The same, with a library whose @table is damaged: it opens, and the
 * first page that reads that table fails. */
void            window_fixture_start_damaged      (const char *table);
void            window_fixture_stop  (void);
/* Quits the app and starts it again on the same data folder. */
void            window_fixture_restart (void);
/* The same, with the library's file damaged in between. */
void            window_fixture_restart_broken (void);
/* Call before starting: tests of focus and keys run the window under a
 * window manager, as on a desktop (x11-input.h drives it). */
void            window_fixture_use_window_manager (void);

HlApplication  *fixture_app          (void);
HlWindow       *fixture_window       (void);
WebKitWebView  *web_view             (void);
HlSidebar      *sidebar              (void);

/* Runs the main loop until @condition holds; fails the test after a while. */
void            wait_until           (Condition      condition,
                                      gpointer       data,
                                      const char    *what);
gboolean        loaded               (gpointer       data);
/* Waits until the view finished loading the page titled @title. */
void            wait_for_page        (const char    *title);

GtkListBoxRow  *find_row             (GtkListBox    *list,
                                      const char    *text);
/* Activates the row titled @text in the visible list, as a click would. */
void            activate_row         (const char    *text);
gboolean        row_selected         (gpointer       data);
gboolean        has_row              (gpointer       data);
/* Clicks the link to @uri in the page shown, with the real pointer (moved
 * and clicked through the X server by xdotool); FALSE if no link to @uri is
 * in view. */
gboolean        click_link           (const char    *uri);
/* A visible button labelled @label under @widget. */
GtkWidget      *find_button          (GtkWidget     *widget,
                                      const char    *label);
/* The first visible toplevel window of @type, or NULL. */
GtkWindow      *find_toplevel        (GType          type);

/* The shortcuts a menu's items show, as text ("Ctrl+F"…). */
GPtrArray      *window_fixture_menu_accels            (GtkWidget  *popover);
/* None of @accels is a keypad key's ("Ctrl+KP +"), in any language. */
void            window_fixture_assert_no_keypad_labels (GPtrArray *accels);
/* Whether a widget under @widget has the tooltip @text somewhere in it. */
gboolean        window_fixture_find_tooltip           (GtkWidget  *widget,
                                                       const char *text);

/* A visible button under @widget whose tooltip is @text, or starts with it
 * before its shortcut ("Zoom In (Ctrl++)"). */
GtkWidget      *find_button_by_tooltip                (GtkWidget  *widget,
                                                       const char *text);
/* The web addresses the app has handed to the system, one a line: the
 * tests' own handler writes them down instead of starting a browser (and
 * phone links fail, as on a computer that cannot dial). */
char           *window_fixture_dup_opened_links       (void);
/* Moves the pointer over the page, between @x_from and @x_to, until it is
 * over a link to @uri; FALSE when none was found. */
gboolean        window_fixture_point_at_link          (const char *uri,
                                                       double      x_from,
                                                       double      x_to,
                                                       double     *x,
                                                       double     *y);
/* Whether the page, the pointer moved to (@x, @y), says it is over a link to
 * @uri within @wait_ms. */
gboolean        window_fixture_link_at                (const char *uri,
                                                       double      x,
                                                       double      y,
                                                       int         wait_ms);
/* Lets the window lay itself out and draw itself again (three frames), with
 * its new sizes and styles. */
void            window_fixture_wait_frames            (void);
/* The first widget of @type under @widget, or NULL. */
GtkWidget      *window_fixture_find_widget            (GtkWidget  *widget,
                                                       GType       type);
/* A label on screen under @widget that reads @text, or NULL. */
GtkWidget      *window_fixture_find_label             (GtkWidget  *widget,
                                                       const char *text);

G_END_DECLS
