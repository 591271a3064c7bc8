/* x11-input.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <X11/XKBlib.h>
#include <X11/Xatom.h>
#include <X11/extensions/XTest.h>
#include <gdk/x11/gdkx.h>
#include <signal.h>
#include <sys/wait.h>

#include "x11-input.h"

static GPid window_manager;

static Display *
get_xdisplay (void)
{
  GdkDisplay *display;

  /* The window manager is started before the app, which initializes GTK. */
  if (gdk_display_get_default () == NULL)
    gtk_init ();
  display = gdk_display_get_default ();

  if (!GDK_IS_X11_DISPLAY (display))
    g_error ("The window tests drive the window through X11: run them under Xvfb "
             "(xvfb-run), not %s", G_OBJECT_TYPE_NAME (display));

  return gdk_x11_display_get_xdisplay (display);
}

static gboolean
has_window_manager (Display *dpy)
{
  Atom check = XInternAtom (dpy, "_NET_SUPPORTING_WM_CHECK", False);
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  gboolean found;

  if (XGetWindowProperty (dpy, DefaultRootWindow (dpy), check, 0, 1, False, XA_WINDOW, &type,
                          &format, &n_items, &after, &data) != Success)
    return FALSE;

  found = type == XA_WINDOW && n_items == 1;
  if (data != NULL)
    XFree (data);
  return found;
}

void
x11_start_window_manager (void)
{
  Display *dpy = get_xdisplay ();
  const char *argv[] = { "openbox", "--sm-disable", NULL };
  g_autoptr(GError) error = NULL;

  if (has_window_manager (dpy))
    return;

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                      G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &window_manager, &error))
    g_error ("Tests of focus and keyboard need a window manager, and openbox could not be "
             "started (install it: see build-aux/debian-packages.txt): %s", error->message);

  for (guint i = 0; i < 200 && !has_window_manager (dpy); i++)
    g_usleep (50 * 1000);
  if (!has_window_manager (dpy))
    g_error ("openbox started but did not take charge of the display");
}

void
x11_stop_window_manager (void)
{
  if (window_manager == 0)
    return;

  kill (window_manager, SIGTERM);
  waitpid (window_manager, NULL, 0);
  g_spawn_close_pid (window_manager);
  window_manager = 0;
}

/* Runs what the main loop has ready, for at most a second: while an
 * animation runs, a frame is always due when frames take long to draw (as
 * under the sanitizers), and the loop would never be idle. */
static void
dispatch_ready (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_main_context_iteration (NULL, FALSE) && g_get_monotonic_time () < until)
    ;
}

void
x11_settle (void)
{
  Display *dpy = get_xdisplay ();

  /* The server has made the events once XSync returns; GDK then reads them
   * from the connection as the main loop runs. */
  for (guint round = 0; round < 5; round++)
    {
      XSync (dpy, False);
      dispatch_ready ();
      g_usleep (10 * 1000);
    }
  dispatch_ready ();
}

/* The keycode that makes @keysym, and whether Shift is needed; a keysym no
 * key makes is given a spare keycode, as xdotool does. */
static KeyCode
keycode_for (Display  *dpy,
             KeySym    keysym,
             gboolean *shift)
{
  KeyCode code = XKeysymToKeycode (dpy, keysym);
  int min, max, per_code;
  KeySym *map;

  *shift = FALSE;
  if (code != 0)
    {
      *shift = XkbKeycodeToKeysym (dpy, code, 0, 0) != keysym &&
               XkbKeycodeToKeysym (dpy, code, 0, 1) == keysym;
      return code;
    }

  XDisplayKeycodes (dpy, &min, &max);
  map = XGetKeyboardMapping (dpy, min, max - min + 1, &per_code);
  for (int c = max; c >= min; c--)
    {
      gboolean empty = TRUE;

      for (int i = 0; i < per_code; i++)
        empty &= map[(c - min) * per_code + i] == NoSymbol;
      if (empty)
        {
          KeySym syms[2] = { keysym, keysym };

          XChangeKeyboardMapping (dpy, c, 2, syms, 1);
          XSync (dpy, False);
          XFree (map);
          return c;
        }
    }
  XFree (map);

  g_error ("No keycode is free for the key %s", XKeysymToString (keysym));
  return 0;
}

static void
press_modifiers (Display         *dpy,
                 GdkModifierType  modifiers,
                 gboolean         down)
{
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, XK_Control_L), down, CurrentTime);
  if (modifiers & GDK_ALT_MASK)
    XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, XK_Alt_L), down, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, XK_Shift_L), down, CurrentTime);
}

void
x11_key (guint           keyval,
         GdkModifierType modifiers)
{
  Display *dpy = get_xdisplay ();
  gboolean shift;
  KeyCode code = keycode_for (dpy, keyval, &shift);

  if (shift)
    modifiers |= GDK_SHIFT_MASK;

  press_modifiers (dpy, modifiers, True);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  press_modifiers (dpy, modifiers, False);
  XFlush (dpy);
  x11_settle ();
}

void
x11_type (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    x11_key (gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

static void
move_pointer (GtkWidget *widget,
              double     x,
              double     y);

void
x11_move_pointer (GtkWidget *widget,
                  double     x,
                  double     y)
{
  move_pointer (widget, x, y);
  x11_settle ();
}

void
x11_move_pointer_quickly (GtkWidget *widget,
                          double     x,
                          double     y)
{
  move_pointer (widget, x, y);
}

/* Where @x, @y of @widget (its middle if both are negative) lie on the
 * screen. */
static void
root_point (GtkWidget *widget,
            double     x,
            double     y,
            int       *out_x,
            int       *out_y)
{
  Display *dpy = get_xdisplay ();
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point, in_native;
  double surface_x, surface_y;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_get_mapped (widget));
  if (x < 0 && y < 0)
    {
      x = gtk_widget_get_width (widget) / 2.0;
      y = gtk_widget_get_height (widget) / 2.0;
    }

  point = GRAPHENE_POINT_INIT (x, y);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &point, &in_native));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (dpy, gdk_x11_surface_get_xid (surface), DefaultRootWindow (dpy), 0, 0,
                         &root_x, &root_y, &child);

  root_x += (int) (surface_x + in_native.x);
  root_y += (int) (surface_y + in_native.y);
  /* The pointer cannot go off the screen: a click there would land on
   * whatever lies at the screen's edge. */
  if (root_x < 0 || root_y < 0 || root_x >= DisplayWidth (dpy, DefaultScreen (dpy)) ||
      root_y >= DisplayHeight (dpy, DefaultScreen (dpy)))
    g_error ("A %s at %d,%d lies off the %d×%d screen", G_OBJECT_TYPE_NAME (widget),
             root_x, root_y, DisplayWidth (dpy, DefaultScreen (dpy)),
             DisplayHeight (dpy, DefaultScreen (dpy)));
  *out_x = root_x;
  *out_y = root_y;
}

static void
move_pointer (GtkWidget *widget,
              double     x,
              double     y)
{
  Display *dpy = get_xdisplay ();
  int root_x, root_y;

  root_point (widget, x, y, &root_x, &root_y);
  XTestFakeMotionEvent (dpy, -1, root_x, root_y, CurrentTime);
  XFlush (dpy);
}

void
x11_click (GtkWidget *widget,
           double     x,
           double     y)
{
  Display *dpy = get_xdisplay ();
  int last_x = -1, last_y = -1;

  /* A person aims at where the widget is, not where it was: while the
   * window still lays itself out (a pane unfolding after a resize), the
   * pointer follows the widget until it stays put. */
  for (guint tries = 0; tries < 20; tries++)
    {
      int root_x, root_y;

      root_point (widget, x, y, &root_x, &root_y);
      if (root_x == last_x && root_y == last_y)
        break;
      x11_move_pointer (widget, x, y);
      last_x = root_x;
      last_y = root_y;
    }
  /* As a finger would: the button is let go a moment after. */
  XTestFakeButtonEvent (dpy, 1, True, CurrentTime);
  XTestFakeButtonEvent (dpy, 1, False, 30);
  XFlush (dpy);
  x11_settle ();
}

void
x11_resize (GtkWindow *window,
            int        width,
            int        height)
{
  Display *dpy = get_xdisplay ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  XResizeWindow (dpy, gdk_x11_surface_get_xid (surface), width, height);
  XFlush (dpy);
  x11_settle ();
}
