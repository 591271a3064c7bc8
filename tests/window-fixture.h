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

G_END_DECLS
