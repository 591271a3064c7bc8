/* test-kiosk.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The waiting-room kiosk as a fleet sets it up: kiosk-mode locked on in a
 * dconf system database (not --kiosk), under a window manager. Every way
 * out is tried with real keys and clicks and refused; every address other
 * than the app's own is refused; a link to another site shows its QR code,
 * which zbarimg reads off the screen; printing goes nowhere unless allowed,
 * and never to a file; a killed web process is back on the kiosk home
 * within a second, twenty times in a row. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <string.h>

#include "hl-kiosk-address.h"
#include "hl-kiosk-home.h"
#include "hl-kiosk-link-page.h"
#include "hl-kiosk-text.h"
#include "hl-settings.h"
#include "hl-window-private.h"
#include "kiosk-fixture.h"
#include "test-util.h"

static GSettings *
settings (void)
{
  return hl_application_get_settings (fixture_app ());
}

static GtkWidget *
window_widget (void)
{
  return GTK_WIDGET (fixture_window ());
}

/* The kiosk is still there, full screen, and alone. */
static void
assert_still_kiosk (const char *after)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture_app ()));

  g_test_message ("after %s", after);
  g_assert_nonnull (g_list_find (windows, fixture_window ()));
  g_assert_true (gtk_widget_get_mapped (window_widget ()));
  g_assert_true (hl_kiosk_get_active (kiosk ()));
  if (!window_is_fullscreen ())
    g_error ("The window left full screen after %s", after);
  if (count_other_windows () != 0)
    g_error ("Another window opened after %s", after);
  if (has_popover (window_widget ()))
    g_error ("A menu opened after %s", after);
}

static gboolean
view_is (gpointer data)
{
  return !webkit_web_view_is_loading (web_view ()) &&
         g_strcmp0 (webkit_web_view_get_uri (web_view ()), data) == 0 &&
         webkit_web_view_get_title (web_view ()) != NULL;
}

static void
show_page (const char *uri)
{
  g_autofree char *what = g_strdup_printf ("the page %s", uri);

  hl_window_open_uri (fixture_window (), uri);
  wait_until (view_is, (gpointer) uri, what);
  wait_until (kiosk_shows, "view", "the page instead of the kiosk home");
}

static GtkWidget *
find_window_controls (GtkWidget *widget)
{
  if (GTK_IS_WINDOW_CONTROLS (widget) && !gtk_window_controls_get_empty (GTK_WINDOW_CONTROLS (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_window_controls (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Turned on by the administrator */

static void
test_locked_key (void)
{
  GtkWidget *menu = GTK_WIDGET (gtk_widget_get_template_child (window_widget (), HL_TYPE_WINDOW,
                                                               "menu_button"));
  GtkWidget *start_over = hl_kiosk_controller_get_start_over_button (kiosk_controller ());
  HlUserData *user = hl_user_session_get_user_data (hl_application_get_user_session (fixture_app ()));
  g_autofree char *both = g_strdup_printf ("%s / %s", "Start over", "Empezar de nuevo");

  /* By the locked key, not by --kiosk. */
  g_assert_false (g_settings_is_writable (settings (), HL_SETTINGS_KIOSK_MODE));
  g_assert_true (g_settings_get_boolean (settings (), HL_SETTINGS_KIOSK_MODE));
  g_assert_true (hl_kiosk_get_active (kiosk ()));
  g_assert_true (hl_kiosk_get_has_code (kiosk ()));

  g_assert_true (window_is_fullscreen ());
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window_widget ())));
  g_assert_null (find_window_controls (window_widget ()));
  g_assert_false (gtk_widget_get_mapped (menu));
  wait_until (kiosk_shows, "kiosk-home", "the kiosk home");

  /* "Start over" in both languages, always. */
  g_assert_true (gtk_widget_get_mapped (start_over));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start_over)), ==, both);

  /* Nothing of a patient is kept. */
  g_assert_false (g_settings_is_writable (settings (), HL_SETTINGS_REMEMBER_HISTORY));
  g_assert_false (g_settings_get_boolean (settings (), HL_SETTINGS_REMEMBER_HISTORY));
  g_assert_true (hl_user_data_get_keep_nothing (user));
  g_assert_true (hl_library_get_defer_updates (app_library ()));
}

/* No way out */

static void
test_no_escape (void)
{
  const char *keys[] = {
    "ctrl+q", "ctrl+w", "alt+F4", "F11", "Escape", "F10", "ctrl+comma", "ctrl+o", "ctrl+s",
    "ctrl+p", "ctrl+shift+p", "ctrl+shift+i", "ctrl+shift+d", "ctrl+shift+I", "ctrl+shift+D",
    "F12", "F1", "ctrl+question", "Menu", "shift+F10", "ctrl+b", "ctrl+d", "ctrl+n", "ctrl+t",
    "alt+Tab", "super+d", "ctrl+alt+Delete", "ctrl+alt+BackSpace",
  };
  GActionGroup *app = G_ACTION_GROUP (fixture_app ());

  show_page ("hl://topic/3061");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *what = g_strdup_printf ("pressing %s", keys[i]);

      xdotool ("mousemove", "800", "500", "key", "--clearmodifiers", keys[i], NULL);
      assert_still_kiosk (what);
    }

  /* The context menu: the right button on the page and on the search. */
  xdotool ("mousemove", "800", "500", "click", "3", NULL);
  assert_still_kiosk ("a right click on the page");
  xdotool ("mousemove", "900", "300", "click", "--repeat", "2", "1", NULL);
  assert_still_kiosk ("a double click on the page");

  /* The window manager's close, and the app's own ways. */
  gtk_window_close (GTK_WINDOW (window_widget ()));
  spin (300);
  assert_still_kiosk ("a close request");
  g_assert_false (g_action_group_get_action_enabled (app, "quit"));
  g_assert_false (g_action_group_get_action_enabled (app, "preferences"));
  g_assert_false (g_action_group_get_action_enabled (app, "about"));
  g_action_group_activate_action (app, "quit", NULL);
  g_action_group_activate_action (app, "preferences", NULL);
  g_action_group_activate_action (app, "about", NULL);
  spin (300);
  assert_still_kiosk ("the app's actions");

  /* Minimized by the window manager: it comes back, full screen. */
  {
    g_autofree char *xid = window_xid ();

    xdotool ("windowminimize", xid, NULL);
  }
  spin (1000);
  assert_still_kiosk ("minimizing the window");

  /* The page is still the one read. */
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
}

/* Only the app's own pages */

typedef struct
{
  GSocketService *service;
  guint16         port;
  guint           connections;
} Server;

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             Server            *server)
{
  server->connections++;
  return TRUE;
}

static void
server_start (Server *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  server->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &bound,
                                 &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (server->service, "incoming", G_CALLBACK (incoming_cb), server);
  g_socket_service_start (server->service);
}

static void
test_forbidden_navigation (void)
{
  Server server = { NULL };
  g_autofree char *http = NULL;
  g_autofree char *https = NULL;
  g_autofree char *typed = NULL;
  GtkEditable *home_search;

  server_start (&server);
  http = g_strdup_printf ("http://127.0.0.1:%u/page.html", server.port);
  https = g_strdup_printf ("https://127.0.0.1:%u/", server.port);

  show_page ("hl://topic/3061");

  {
    const char *uris[] = {
      http, https, "file:///etc/hostname", "data:text/html,<h1>Elsewhere</h1>", "about:blank",
      "ftp://127.0.0.1/", "view-source:hl://home",
      "webkit://gpu", "mailto:someone@example.org", "tel:+19035550100",
    };

    /* Loaded, dragged onto the page, typed where an address bar would be:
     * never a link a patient clicked. */
    for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
      {
        g_test_message ("loading %s", uris[i]);
        webkit_web_view_load_uri (web_view (), uris[i]);
        spin (400);
        wait_until (loaded, NULL, "the view to settle");
        g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
        g_assert_cmpstr (kiosk_shown (), ==, "view");
        g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Abdominal Pain");
      }
  }

  /* A javascript: address is not a page: WebKit would run it in the page
   * shown, and JavaScript is off. */
  webkit_web_view_load_uri (web_view (), "javascript:document.title='Elsewhere'");
  spin (600);
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Abdominal Pain");
  g_assert_cmpstr (kiosk_shown (), ==, "view");
  show_page ("hl://topic/3061");

  /* An address typed into the search boxes is searched for, never opened. */
  typed = g_strdup_printf ("http://127.0.0.1:%u/typed", server.port);
  gtk_editable_set_text (GTK_EDITABLE (hl_window_get_search_entry (fixture_window ())), typed);
  g_signal_emit_by_name (hl_window_get_search_entry (fixture_window ()), "activate");
  spin (600);
  wait_until (loaded, NULL, "the view to settle");
  g_assert_true (hl_kiosk_address_is_app_page (webkit_web_view_get_uri (web_view ())));
  gtk_editable_set_text (GTK_EDITABLE (hl_window_get_search_entry (fixture_window ())), "");

  hl_kiosk_start_over (kiosk ());
  wait_until (kiosk_shows, "kiosk-home", "the kiosk home");
  home_search = hl_kiosk_home_get_search_entry (HL_KIOSK_HOME (hl_kiosk_controller_get_home (kiosk_controller ())));
  gtk_editable_set_text (home_search, typed);
  g_signal_emit_by_name (home_search, "activate");
  wait_until (kiosk_shows, "view", "the search results");
  wait_until (loaded, NULL, "the search results");
  g_assert_true (g_str_has_prefix (webkit_web_view_get_uri (web_view ()), "hl://search?q="));

  /* Nothing reached the server, nothing went to the browser. */
  spin (500);
  g_assert_cmpuint (server.connections, ==, 0);
  g_assert_false (g_file_test (browser_marker (), G_FILE_TEST_EXISTS));
  assert_still_kiosk ("the forbidden addresses");

  g_socket_service_stop (server.service);
  g_object_unref (server.service);
}

typedef struct
{
  gboolean started;
  gboolean failed;
  char    *destination;
} DownloadWatch;

static void
download_failed_cb (WebKitDownload *download,
                    GError         *error,
                    DownloadWatch  *watch)
{
  watch->failed = TRUE;
}

static void
download_started_cb (WebKitNetworkSession *session,
                     WebKitDownload       *download,
                     DownloadWatch        *watch)
{
  watch->started = TRUE;
  g_signal_connect (download, "failed", G_CALLBACK (download_failed_cb), watch);
}

static gboolean
download_over (gpointer data)
{
  return ((DownloadWatch *) data)->failed;
}

/* Nothing is saved to disk from the view, however it is asked. */
static void
test_no_download (void)
{
  WebKitNetworkSession *session = webkit_web_view_get_network_session (web_view ());
  DownloadWatch watch = { FALSE, FALSE, NULL };
  gulong id = g_signal_connect (session, "download-started", G_CALLBACK (download_started_cb),
                                &watch);
  g_autoptr(WebKitDownload) download = webkit_web_view_download_uri (web_view (), "hl://topic/3061");

  wait_until (download_over, &watch, "the download to be refused");
  g_assert_true (watch.started);
  g_assert_null (webkit_download_get_destination (download));
  g_signal_handler_disconnect (session, id);
  assert_still_kiosk ("a download");
}

/* A link out of the app */

static void
click_at (int x,
          int y)
{
  g_autofree char *sx = g_strdup_printf ("%d", x);
  g_autofree char *sy = g_strdup_printf ("%d", y);

  xdotool ("mousemove", sx, sy, "click", "1", NULL);
}

static void
click_widget (GtkWidget *widget)
{
  graphene_point_t center = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                 gtk_widget_get_height (widget) / 2.0);
  graphene_point_t point;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_point (widget, window_widget (), &center, &point));
  g_test_message ("clicking %s at %d,%d", G_OBJECT_TYPE_NAME (widget), (int) point.x, (int) point.y);
  click_at ((int) point.x, (int) point.y);
}

static HlKioskLinkPage *
link_page (void)
{
  return HL_KIOSK_LINK_PAGE (hl_kiosk_controller_get_link_page (kiosk_controller ()));
}

static void
test_external_link (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *read = NULL;

  show_page ("hl://topic/3061");
  uri = kiosk_click_link ("https://");
  if (uri == NULL)
    g_error ("No link to another site on the topic page, or no link page for it");
  g_assert_cmpstr (hl_kiosk_link_page_get_shown (link_page ()), ==, uri);

  /* The code on the screen is the address, for a phone. */
  read = screen_qr_text ();
  g_assert_cmpstr (read, ==, uri);

  /* Nothing was opened, and the page read is where it was. */
  g_assert_false (g_file_test (browser_marker (), G_FILE_TEST_EXISTS));
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
  assert_still_kiosk ("a link to another site");

  click_widget (find_button (hl_kiosk_controller_get_link_page (kiosk_controller ()),
                             P_ ("en", "Back to the Page")));
  wait_until (kiosk_shows, "view", "the page again");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
}

static void
test_phone_link (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *read = NULL;

  show_page ("hl://clinic/kilgore");
  uri = kiosk_click_link ("tel:");
  if (uri == NULL)
    g_error ("No phone number on the clinic page, or no link page for it");
  /* The number large, without "tel:"; the code dials it. */
  g_assert_cmpstr (hl_kiosk_link_page_get_shown (link_page ()), ==, uri + strlen ("tel:"));
  read = screen_qr_text ();
  g_assert_cmpstr (read, ==, uri);
  g_assert_false (g_file_test (browser_marker (), G_FILE_TEST_EXISTS));
  assert_still_kiosk ("a phone number");

  /* A start over leaves it too. */
  click_widget (hl_kiosk_controller_get_start_over_button (kiosk_controller ()));
  wait_until (kiosk_shows, "kiosk-home", "the kiosk home");
}

/* Printing */

static gboolean
print_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          window != G_OBJECT (fixture_window ()))
        return TRUE;
    }

  return FALSE;
}

static gboolean
virtual_printer_cb (GtkPrinter *printer,
                    gpointer    data)
{
  if (gtk_printer_is_virtual (printer))
    *(gboolean *) data = TRUE;
  return FALSE;
}

static gboolean
has_print_to_file (void)
{
  gboolean found = FALSE;

  gtk_enumerate_printers (virtual_printer_cb, &found, NULL, TRUE);
  return found;
}

static GtkWindow *
find_handout_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "HlHandoutDialog"))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static void
test_printing (void)
{
  GtkWidget *print_button;
  GtkWindow *dialog;

  /* Off by default: no button, and Ctrl+P does nothing. */
  g_assert_false (hl_kiosk_get_allow_printing (kiosk ()));
  show_page ("hl://topic/3061");
  print_button = find_button (window_widget (), P_ ("en", "Print"));
  g_assert_null (print_button);
  xdotool ("mousemove", "800", "500", "key", "--clearmodifiers", "ctrl+p", NULL);
  g_assert_false (print_dialog_shown ());

  /* Allowed: a Print button for the handout, which cannot be saved. */
  g_assert_true (g_settings_set_boolean (settings (), HL_SETTINGS_KIOSK_ALLOW_PRINTING, TRUE));
  while (!hl_kiosk_get_allow_printing (kiosk ()))
    g_main_context_iteration (NULL, TRUE);
  spin (200);
  print_button = find_button (window_widget (), P_ ("en", "Print"));
  g_assert_nonnull (print_button);
  click_widget (print_button);
  while ((dialog = find_handout_dialog ()) == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), _("_Print…")));
  g_assert_null (find_button (GTK_WIDGET (dialog), _("_Save as PDF…")));

  /* The printers are the computer's: no Print to File. */
  g_assert_false (has_print_to_file ());

  /* The start over closes it. */
  hl_kiosk_start_over (kiosk ());
  wait_until (kiosk_shows, "kiosk-home", "the kiosk home");
  g_assert_false (print_dialog_shown ());

  g_assert_true (g_settings_set_boolean (settings (), HL_SETTINGS_KIOSK_ALLOW_PRINTING, FALSE));
  while (hl_kiosk_get_allow_printing (kiosk ()))
    g_main_context_iteration (NULL, TRUE);
}

/* A web process that dies */

static gboolean
fresh_start (gpointer data)
{
  return !webkit_web_view_is_loading (web_view ()) &&
         hl_kiosk_address_is_home (webkit_web_view_get_uri (web_view ())) &&
         !webkit_web_view_can_go_back (web_view ()) && !webkit_web_view_can_go_forward (web_view ()) &&
         webkit_web_view_get_title (web_view ()) != NULL;
}

static void
test_web_process_killed (void)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double total = 0, longest = 0;

  for (guint i = 0; i < 20; i++)
    {
      gint64 killed, deadline;
      double ms;

      /* A patient is reading a page. */
      show_page (i % 2 ? "hl://topic/3061" : "hl://group/2?lang=en");
      g_assert_cmpuint (kill_web_processes (), >=, 1);
      killed = g_get_monotonic_time ();

      /* Back on the kiosk home within a second: on screen. */
      deadline = killed + G_USEC_PER_SEC;
      while (!kiosk_shows ("kiosk-home") && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      ms = (g_get_monotonic_time () - killed) / 1000.0;
      if (!kiosk_shows ("kiosk-home"))
        g_error ("Kill %u: the kiosk home is not on screen a second later (the window shows "
                 "“%s”)", i + 1, kiosk_shown ());
      g_array_append_val (times, ms);
      total += ms;
      longest = MAX (longest, ms);

      /* And ready for the next patient, with a new web process and nothing
       * in Back. */
      wait_until (fresh_start, NULL, "a fresh start after the crash");
      assert_still_kiosk ("a killed web process");
    }

  g_test_message ("killed 20 times: the kiosk home back in %.1f ms on average, %.1f ms at most",
                  total / times->len, longest);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  kiosk_fixture_start (NULL);

  g_test_add_func ("/ui/kiosk/locked-key", test_locked_key);
  g_test_add_func ("/ui/kiosk/no-escape", test_no_escape);
  g_test_add_func ("/ui/kiosk/forbidden-navigation", test_forbidden_navigation);
  g_test_add_func ("/ui/kiosk/no-download", test_no_download);
  g_test_add_func ("/ui/kiosk/external-link", test_external_link);
  g_test_add_func ("/ui/kiosk/phone-link", test_phone_link);
  g_test_add_func ("/ui/kiosk/printing", test_printing);
  g_test_add_func ("/ui/kiosk/web-process-killed", test_web_process_killed);

  status = g_test_run ();

  kiosk_fixture_stop ();
  return status;
}
