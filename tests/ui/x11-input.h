/* x11-input.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Real input for the window tests: keys, pointer moves and clicks go through
 * the X server (XTest), as a person's would, and reach the widget that has
 * the focus or lies under the pointer. Keyboard focus needs a window manager:
 * x11_start_window_manager() runs one (openbox) when the display has none. */

void     x11_start_window_manager  (void);
void     x11_stop_window_manager   (void);

/* Presses and releases @keyval (a GDK key name: GDK_KEY_Tab…) with
 * @modifiers held (GDK_CONTROL_MASK, GDK_SHIFT_MASK, GDK_ALT_MASK). */
void     x11_key                   (guint            keyval,
                                    GdkModifierType  modifiers);
/* Types @text, one key a character. */
void     x11_type                  (const char      *text);
/* Moves the pointer to (@x, @y) in @widget's coordinates, or its middle
 * when both are negative. */
void     x11_move_pointer          (GtkWidget       *widget,
                                    double           x,
                                    double           y);
/* The same without waiting for the events to be handled. */
void     x11_move_pointer_quickly  (GtkWidget       *widget,
                                    double           x,
                                    double           y);
/* Moves there and clicks the first button. */
void     x11_click                 (GtkWidget       *widget,
                                    double           x,
                                    double           y);
/* Asks for @window to be resized, as a person dragging its edge would; the
 * window manager keeps it within the window's own limits. */
void     x11_resize                (GtkWindow       *window,
                                    int              width,
                                    int              height);
/* Lets the events sent so far arrive and be handled. */
void     x11_settle                (void);

G_END_DECLS
