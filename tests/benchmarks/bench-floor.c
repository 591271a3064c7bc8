/* bench-floor.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The floor of bench-startup: the least a libadwaita app with a sidebar and
 * a web view does to show one page. An AdwApplicationWindow of the app's
 * size, an AdwLeaflet with a sidebar (a header bar with a search entry over
 * a list) and a content pane (a header bar over a WebKitWebView with default
 * settings) that loads one page from a custom URI scheme. Nothing is lazy or
 * tuned: it is what a straightforward app does.
 *
 * With HEALTH_LIBRARY_PROFILE=1 it prints the app's milestones, measured
 * the same way (hl-profile.c): "profile: window-presented …" after the first
 * frame and "profile: first-page-loaded …" when the page finished loading. */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <webkit/webkit.h>

#include "hl-profile.h"

#define FLOOR_SCHEME "floor"
#define SIDEBAR_ROWS 40

/* About the size and shape of the app's home page: a title, a paragraph and
 * a list of links, with a little style. */
static char *
make_page (void)
{
  GString *html = g_string_new ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                "<title>Floor</title><style>"
                                "html{font-family:sans-serif;line-height:1.5;margin:0 2em}"
                                "h1{font-size:1.6em}ul{columns:2}a{color:#1a5fb4}"
                                "</style></head><body><h1>Floor</h1>"
                                "<p>One page from a custom URI scheme, with a list of links as "
                                "a home page has.</p><ul>");

  for (int i = 1; i <= SIDEBAR_ROWS; i++)
    g_string_append_printf (html, "<li><a href=\"" FLOOR_SCHEME "://page/%d\">Link number %d</a>"
                                  " <span>(%d)</span></li>", i, i, i * 7);
  g_string_append (html, "</ul></body></html>");

  return g_string_free (html, FALSE);
}

static void
handle_request (WebKitURISchemeRequest *request,
                gpointer                user_data)
{
  char *html = make_page ();
  gsize length = strlen (html);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (html, length, g_free);

  webkit_uri_scheme_request_finish (request, stream, length, "text/html");
}

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_FINISHED)
    hl_profile_mark ("first-page-loaded");
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  hl_profile_mark ("window-presented");
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
}

static void
map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static GtkWidget *
make_sidebar (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_size_request (box, 300, -1);
  gtk_widget_set_hexpand (entry, TRUE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), entry);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (int i = 1; i <= SIDEBAR_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Row number %d", i);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  return box;
}

static GtkWidget *
make_content (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *view = webkit_web_view_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Floor", NULL));
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_set_vexpand (view, TRUE);
  g_signal_connect (view, "load-changed", G_CALLBACK (load_changed_cb), NULL);
  gtk_box_append (GTK_BOX (box), view);
  webkit_web_view_load_uri (WEBKIT_WEB_VIEW (view), FLOOR_SCHEME "://page");

  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *leaflet = adw_leaflet_new ();

  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);

  adw_leaflet_append (ADW_LEAFLET (leaflet), make_sidebar ());
  adw_leaflet_append (ADW_LEAFLET (leaflet), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_append (ADW_LEAFLET (leaflet), make_content ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), leaflet);

  if (hl_profile_enabled ())
    g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
startup_cb (GApplication *app)
{
  /* The scheme must exist before the first web view does. */
  webkit_web_context_register_uri_scheme (webkit_web_context_get_default (), FLOOR_SCHEME,
                                          handle_request, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  hl_profile_init ();
  app = adw_application_new ("org.phynet.HealthLibrary.Floor", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
