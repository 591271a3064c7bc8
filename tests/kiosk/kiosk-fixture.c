/* kiosk-fixture.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "hl-window-private.h"
#include "kiosk-fixture.h"

static GSubprocess *window_manager;
static GTestDBus *bus;
static char *marker;

static char *
run_quietly (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_free (out);
      return NULL;
    }
  return out;
}

/* A window manager says so on the root window, with a window of its own
 * that exists as long as it runs (one that quit can leave the first). */
static gboolean
wm_running (void)
{
  g_autofree char *out = run_quietly ((const char *[]) { "xprop", "-root",
                                                         "_NET_SUPPORTING_WM_CHECK", NULL });
  g_autofree char *check = NULL;
  const char *id;

  id = out ? strstr (out, "# ") : NULL;
  if (id == NULL)
    return FALSE;

  check = run_quietly ((const char *[]) { "xprop", "-id", g_strstrip ((char *) id + 2),
                                          "_NET_WM_NAME", NULL });
  return check != NULL;
}

static gboolean
start_openbox (void)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* openbox is in build-aux/debian-packages.txt. */
  window_manager = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                     "openbox", "--sm-disable", NULL);
  g_assert_no_error (error);

  while (!wm_running ())
    {
      /* The main context reaps it. */
      g_main_context_iteration (NULL, FALSE);
      if (g_subprocess_get_identifier (window_manager) == NULL)
        {
          g_clear_object (&window_manager);
          return FALSE;
        }
      if (g_get_monotonic_time () > deadline)
        g_error ("openbox did not start on %s", g_getenv ("DISPLAY"));
      g_usleep (50000);
    }

  return TRUE;
}

void
kiosk_fixture_start_window_manager (void)
{
  if (wm_running ())
    return;

  /* It gives up now and then while the X server is new: a few tries. */
  for (guint i = 0; i < 5; i++)
    {
      if (start_openbox ())
        return;
      g_test_message ("openbox exited as it started; again");
      g_usleep (500000);
    }

  g_error ("openbox does not start on %s", g_getenv ("DISPLAY"));
}

void
kiosk_fixture_stop_window_manager (void)
{
  if (window_manager == NULL)
    return;

  g_subprocess_send_signal (window_manager, SIGTERM);
  g_subprocess_wait (window_manager, NULL, NULL);
  g_clear_object (&window_manager);
}

char *
kiosk_fixture_hash_code (const char *code)
{
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input = g_strdup_printf ("%s\n", code);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  app = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                          G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                          app_binary (), "--hash-kiosk-code", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (app, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (app));
  g_strstrip (out);
  /* Never the code itself. */
  g_assert_null (strstr (out, code));
  return g_steal_pointer (&out);
}

HlKioskController *
kiosk_controller (void)
{
  return fixture_window ()->kiosk;
}

HlKiosk *
kiosk (void)
{
  return hl_application_get_kiosk (fixture_app ());
}

const char *
kiosk_shown (void)
{
  return hl_kiosk_controller_get_shown (kiosk_controller ());
}

gboolean
kiosk_shows (gpointer data)
{
  GtkStack *stack = GTK_STACK (fixture_window ()->content_stack);
  GtkWidget *page = gtk_stack_get_child_by_name (stack, data);

  /* On screen, past the stack's crossfade. */
  return g_strcmp0 (kiosk_shown (), data) == 0 && !gtk_stack_get_transition_running (stack) &&
         page != NULL && gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0;
}

typedef struct
{
  gboolean  done;
  char     *what;
} Run;

static void
xdotool_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    g_error ("%s: %s", run->what, error->message);
  run->done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  Run run = { FALSE, NULL };
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  what = g_strjoinv (" ", (char **) argv->pdata);
  run.what = what;

  /* The app's main loop goes on while it runs: the X server may wait on
   * the app. */
  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, xdotool_done_cb, &run);
  wait_until (is_true, &run.done, what);
  spin (300);
}

char *
window_xid (void)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture_window ()));

  g_assert_nonnull (surface);
  return g_strdup_printf ("0x%lx", (unsigned long) gdk_x11_surface_get_xid (surface));
}

gboolean
window_is_fullscreen (void)
{
  GtkWidget *window = GTK_WIDGET (fixture_window ());
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkDisplay *display = gtk_widget_get_display (window);
  GdkMonitor *monitor;
  GdkRectangle geometry;
  g_autofree char *xid = NULL;
  g_autofree char *state = NULL;

  if (surface == NULL || !gtk_window_is_fullscreen (GTK_WINDOW (window)))
    return FALSE;

  monitor = gdk_display_get_monitor_at_surface (display, surface);
  gdk_monitor_get_geometry (monitor, &geometry);
  if (gdk_surface_get_width (surface) != geometry.width ||
      gdk_surface_get_height (surface) != geometry.height)
    return FALSE;

  /* What the window manager itself says. */
  xid = window_xid ();
  state = run_quietly ((const char *[]) { "xprop", "-id", xid, "_NET_WM_STATE", NULL });
  return state != NULL && strstr (state, "_NET_WM_STATE_FULLSCREEN") != NULL;
}

void
save_screenshot (const char *path)
{
  g_autofree char *out = NULL;

  /* imagemagick is in build-aux/debian-packages.txt. */
  out = run_quietly ((const char *[]) { "import", "-window", "root", path, NULL });
  g_assert_nonnull (out);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

char *
screen_qr_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kiosk-screen-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "screen.png", NULL);
  char *text;

  /* Drawn first: what the X server shows is what a phone would see. */
  spin (300);
  save_screenshot (png);
  text = run_quietly ((const char *[]) { "zbarimg", "--quiet", "--raw", png, NULL });
  if (text != NULL)
    g_strchomp (text);
  g_unlink (png);
  g_rmdir (dir);
  return text;
}

static int
parent_of (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return 0;
  line = strstr (status, "\nPPid:");
  return line ? atoi (line + strlen ("\nPPid:")) : 0;
}

GArray *
web_process_pids (void)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  int self = getpid ();

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *comm_path = NULL;
      g_autofree char *comm = NULL;
      int pid = atoi (name);

      if (pid <= 0)
        continue;
      comm_path = g_strdup_printf ("/proc/%d/comm", pid);
      /* The kernel keeps 15 characters of the name. */
      if (!g_file_get_contents (comm_path, &comm, NULL, NULL) ||
          !g_str_has_prefix (comm, "WebKitWebProces"))
        continue;

      /* Ours, through the sandbox's processes in between. */
      for (int ancestor = parent_of (pid); ancestor > 1; ancestor = parent_of (ancestor))
        if (ancestor == self)
          {
            g_array_append_val (pids, pid);
            break;
          }
    }

  return pids;
}

guint
kill_web_processes (void)
{
  g_autoptr(GArray) pids = web_process_pids ();

  for (guint i = 0; i < pids->len; i++)
    g_assert_cmpint (kill (g_array_index (pids, int, i), SIGKILL), ==, 0);
  return pids->len;
}

typedef struct
{
  char *uri;
} Target;

static void
mouse_target_cb (WebKitWebView       *view,
                 WebKitHitTestResult *hit,
                 guint                modifiers,
                 Target              *target)
{
  g_free (target->uri);
  target->uri = webkit_hit_test_result_context_is_link (hit)
                  ? g_strdup (webkit_hit_test_result_get_link_uri (hit)) : NULL;


}

gboolean
find_link (const char  *prefix,
           int         *x,
           int         *y,
           char       **uri)
{
  GtkWidget *view = GTK_WIDGET (web_view ());
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t on_window;
  Target target = { NULL };
  int width = gtk_widget_get_width (view);
  int height = gtk_widget_get_height (view);
  gulong id;
  gboolean found = FALSE;

  /* The window fills the screen: its points are the screen's. */
  g_assert_true (gtk_widget_compute_point (view, GTK_WIDGET (fixture_window ()), &origin,
                                           &on_window));
  id = g_signal_connect (view, "mouse-target-changed", G_CALLBACK (mouse_target_cb), &target);

  /* Down the page a line of text at a time, across it every 90 pixels
   * (links are words, wider than that); then a screen further down. */
  for (int screen = 0; screen < 4 && !found; screen++)
    {
      if (screen > 0)
        {
          /* The wheel, over the page: ten steps. */
          xdotool ("click", "--repeat", "10", "--delay", "30", "5", NULL);
          /* Past the smooth scrolling. */
          spin (1000);
        }
      for (int row = 10; row < height && !found; row += 12)
        for (int column = 30; column < width && !found; column += 90)
      {
        g_autofree char *sx = g_strdup_printf ("%d", (int) on_window.x + column);
        g_autofree char *sy = g_strdup_printf ("%d", (int) on_window.y + row);
        g_autoptr(GSubprocess) move = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "xdotool",
                                                        "mousemove", sx, sy, NULL);
        gint64 until;

        g_subprocess_wait (move, NULL, NULL);
        until = g_get_monotonic_time () + 50000;
        while (g_get_monotonic_time () < until)
          g_main_context_iteration (NULL, FALSE);

        if (target.uri != NULL && g_str_has_prefix (target.uri, prefix))
          {
            *x = (int) on_window.x + column;
            *y = (int) on_window.y + row;
            found = TRUE;
          }
      }
    }

  g_signal_handler_disconnect (view, id);
  if (found && uri != NULL)
    *uri = g_strdup (target.uri);
  g_free (target.uri);
  return found;
}

guint
count_other_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (fixture_window ()) && gtk_widget_get_visible (window))
        n++;
    }

  return n;
}

gboolean
has_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        return TRUE;
      if (has_popover (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
fullscreen_cb (gpointer data)
{
  return window_is_fullscreen ();
}

static gboolean
ready_cb (gpointer data)
{
  return hl_kiosk_controller_get_ready (kiosk_controller ()) && kiosk_shows ("kiosk-home") &&
         !webkit_web_view_is_loading (web_view ()) &&
         !webkit_web_view_can_go_back (web_view ()) && !webkit_web_view_can_go_forward (web_view ());
}

void
kiosk_fixture_start (const char *more_keys)
{
  const char *home = window_fixture_prepare_home ();
  g_autofree char *code = kiosk_fixture_hash_code (KIOSK_CODE);
  g_autofree char *keyfile = NULL;

  keyfile = g_strdup_printf ("[org/phynet/HealthLibrary]\n"
                             "kiosk-mode=true\n"
                             "remember-history=false\n"
                             "kiosk-unlock-code=%s\n"
                             "%s",
                             code, more_keys ? more_keys : "");
  bus = dconf_fixture_start (keyfile,
                             "/org/phynet/HealthLibrary/kiosk-mode\n"
                             "/org/phynet/HealthLibrary/remember-history\n"
                             "/org/phynet/HealthLibrary/kiosk-unlock-code\n");
  marker = make_stand_in_browser (home);
  kiosk_fixture_start_window_manager ();

  window_fixture_start ();
  wait_until (fullscreen_cb, NULL, "the kiosk to be full screen");
  wait_until (ready_cb, NULL, "the kiosk home, with nothing in Back and Forward");
}

void
kiosk_fixture_stop (void)
{
  window_fixture_stop ();
  kiosk_fixture_stop_window_manager ();
  dconf_fixture_stop (bus);
  g_clear_pointer (&marker, g_free);
}

const char *
browser_marker (void)
{
  return marker;
}

static gboolean
link_page_shown (gpointer data)
{
  return kiosk_shows ("kiosk-link");
}

char *
kiosk_click_link (const char *prefix)
{
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autofree char *uri = NULL;
      g_autofree char *sx = NULL;
      g_autofree char *sy = NULL;
      gint64 until;
      int x, y;

      if (!find_link (prefix, &x, &y, &uri))
        return NULL;

      /* A person points, then clicks. */
      sx = g_strdup_printf ("%d", x);
      sy = g_strdup_printf ("%d", y);
      g_test_message ("clicking %s at %s,%s", uri, sx, sy);
      xdotool ("mousemove", sx, sy, "sleep", "0.3", "click", "1", NULL);
      until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
      while (!link_page_shown (NULL) && g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      if (link_page_shown (NULL))
        return g_steal_pointer (&uri);
      g_test_message ("the click missed the link; again");
    }

  return NULL;
}
