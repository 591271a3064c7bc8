/* hl-kiosk-controller.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-address.h"
#include "hl-kiosk-address.h"
#include "hl-kiosk-controller-private.h"
#include "hl-kiosk-text.h"
#include "hl-settings.h"
#include "hl-text.h"

G_DEFINE_FINAL_TYPE (HlKioskController, hl_kiosk_controller, G_TYPE_OBJECT)

/* The window's widgets the kiosk takes away; by their template ids. */
static const char *hidden_window_parts[] = { "menu_button", "topic_tools", "basket_section" };
static const char *hidden_sidebar_parts[] = { "bookmarks_section" };

GtkWidget *
hl_kiosk_controller_window_part (HlKioskController *self,
             const char        *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self->window), HL_TYPE_WINDOW,
                                                    name));
}

WebKitWebView *
hl_kiosk_controller_view (HlKioskController *self)
{
  return WEBKIT_WEB_VIEW (self->window->web_view);
}

static gboolean
printing_allowed (HlKioskController *self)
{
  return hl_kiosk_get_allow_printing (self->kiosk) &&
         !hl_lockdown_get_disable_printing (self->window->lockdown);
}

/* What the window shows */

static void
update_print_button (HlKioskController *self)
{
  const char *uri = webkit_web_view_get_uri (hl_kiosk_controller_view (self));
  gboolean topic = uri != NULL && hl_address_topic_id_of (uri) > 0;
  const char *shown = gtk_stack_get_visible_child_name (self->window->content_stack);

  gtk_widget_set_visible (self->print_button, self->applied && printing_allowed (self) &&
                                              topic && g_strcmp0 (shown, "view") == 0);
}

/* On the kiosk home, which has the groups, the search and the language
 * buttons in large, the sidebar and the header's language buttons would be
 * a second set of each: they show with the pages. */
void
hl_kiosk_controller_show_page_chrome (HlKioskController *self,
                  gboolean           shown)
{
  AdwLeaflet *leaflet = self->window->leaflet;
  GtkWidget *sidebar = adw_leaflet_get_child_by_name (leaflet, "sidebar");
  GtkWidget *languages = hl_kiosk_controller_window_part (self, "language_box");

  if (sidebar != NULL)
    {
      GtkWidget *separator = gtk_widget_get_next_sibling (sidebar);

      gtk_widget_set_visible (sidebar, shown);
      /* The line between the sidebar and the page. */
      if (separator != NULL &&
          !adw_leaflet_page_get_navigatable (adw_leaflet_get_page (leaflet, separator)))
        gtk_widget_set_visible (separator, shown);
    }
  if (languages != NULL)
    gtk_widget_set_visible (languages, shown);
}

/* The kiosk home takes the home page's place, the link page a link's. */
void
hl_kiosk_controller_sync_stack (HlKioskController *self)
{
  const char *shown = gtk_stack_get_visible_child_name (self->window->content_stack);
  const char *wanted;

  if (!self->applied || hl_library_get_state (self->window->library) != HL_LIBRARY_STATE_READY)
    return;
  /* Importing, failed: the window's own pages. */
  if (g_strcmp0 (shown, "importing") == 0 || g_strcmp0 (shown, "failed") == 0)
    return;

  if (self->showing_link)
    wanted = LINK_PAGE;
  else if (hl_kiosk_address_is_home (webkit_web_view_get_uri (hl_kiosk_controller_view (self))))
    wanted = HOME_PAGE;
  else
    wanted = "view";

  if (g_strcmp0 (shown, wanted) != 0)
    gtk_stack_set_visible_child_name (self->window->content_stack, wanted);
  hl_kiosk_controller_show_page_chrome (self, !g_str_equal (wanted, HOME_PAGE));
  update_print_button (self);
}

static void
view_uri_cb (HlKioskController *self)
{
  if (!self->applied)
    return;

  self->showing_link = FALSE;
  /* Home shows at once; another page once it is there (load-changed), so
   * that the last page does not flash by. */
  if (hl_kiosk_address_is_home (webkit_web_view_get_uri (hl_kiosk_controller_view (self))))
    hl_kiosk_controller_sync_stack (self);
}

static void
view_load_changed_cb (HlKioskController *self,
                      WebKitLoadEvent    event)
{
  if (self->applied && (event == WEBKIT_LOAD_COMMITTED || event == WEBKIT_LOAD_FINISHED))
    hl_kiosk_controller_sync_stack (self);
}

static void
library_changed_cb (HlKioskController *self)
{
  hl_kiosk_home_set_store (self->home, hl_library_get_store (self->window->library));
  hl_kiosk_controller_sync_stack (self);
}

/* A patient's language is theirs for the session, not a setting: it changes
 * the window, not the key, and the page shown stays. */
void
hl_kiosk_controller_set_session_language (HlKioskController *self,
                      const char        *language)
{
  if (self->window->language_locked)
    return;

  self->window->session_language = TRUE;
  hl_window_set_content_language (self->window, language);
  self->window->session_language = FALSE;
}

static void
language_changed_cb (HlKioskController *self)
{
  const char *language = hl_window_get_content_language (self->window);

  hl_kiosk_home_set_language (self->home, language);
  hl_kiosk_countdown_set_language (self->countdown, language);
  hl_kiosk_link_page_set_language (self->link_page, language);
  gtk_button_set_label (GTK_BUTTON (self->print_button), P_ (language, "Print"));
}

static void
home_language_chosen_cb (HlKioskController *self,
                         const char        *language)
{
  hl_kiosk_controller_set_session_language (self, language);
}

static void
home_open_uri_cb (HlKioskController *self,
                  const char        *uri)
{
  hl_window_open_uri (self->window, uri);
}

static void
link_back_cb (HlKioskController *self)
{
  self->showing_link = FALSE;
  hl_kiosk_controller_sync_stack (self);
}

gboolean
hl_kiosk_controller_open_external (HlKioskController *self,
                                   const char        *uri)
{
  g_autofree char *shown = NULL;
  HlKioskLinkKind kind;

  g_return_val_if_fail (HL_IS_KIOSK_CONTROLLER (self), FALSE);

  if (!self->applied)
    return FALSE;

  /* The kiosk's own policy has gone first (decide_policy_cb): this is only
   * the last line. */
  kind = hl_kiosk_address_classify (uri, &shown);
  if (kind == HL_KIOSK_LINK_OTHER)
    return TRUE;

  hl_kiosk_link_page_show_link (self->link_page, kind, uri, shown);
  self->showing_link = TRUE;
  hl_kiosk_controller_sync_stack (self);
  return TRUE;
}

/* What the web view may not do in a kiosk */

/* Before the view's own policy: only the app's pages load, as always; a
 * link a patient clicks to another site or a phone number goes to the link
 * page; any other way to another address (one loaded, dropped, submitted,
 * redirected to) is refused. */
static gboolean
decide_policy_cb (HlKioskController        *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type)
{
  WebKitNavigationAction *action;
  const char *uri;
  g_autofree char *shown = NULL;
  HlKioskLinkKind kind;

  if (!self->applied || type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  if (hl_kiosk_address_is_app_page (uri))
    return FALSE;

  webkit_policy_decision_ignore (decision);
  kind = hl_kiosk_address_classify (uri, &shown);
  if (kind != HL_KIOSK_LINK_OTHER &&
      webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
    {
      hl_kiosk_link_page_show_link (self->link_page, kind, uri, shown);
      self->showing_link = TRUE;
      hl_kiosk_controller_sync_stack (self);
    }

  return TRUE;
}

static gboolean
context_menu_cb (HlKioskController *self)
{
  return self->applied;
}

static gboolean
file_chooser_cb (HlKioskController        *self,
                 WebKitFileChooserRequest *request)
{
  if (!self->applied)
    return FALSE;

  webkit_file_chooser_request_cancel (request);
  return TRUE;
}

static gboolean
permission_cb (HlKioskController      *self,
               WebKitPermissionRequest *request)
{
  if (!self->applied)
    return FALSE;

  webkit_permission_request_deny (request);
  return TRUE;
}

static gboolean
print_requested_cb (HlKioskController *self)
{
  return self->applied && !printing_allowed (self);
}

static void
download_started_cb (HlKioskController *self,
                     WebKitDownload    *download)
{
  if (self->applied)
    webkit_download_cancel (download);
}

/* A web process that crashed or was killed: the kiosk home is a widget of
 * its own and shows at once; the start over loads the next patient's page
 * in a new web process. */
static gboolean
crash_start_over_cb (gpointer data)
{
  HlKioskController *self = data;

  if (self->applied)
    hl_kiosk_start_over (self->kiosk);
  return G_SOURCE_REMOVE;
}

static void
crashed_cb (HlKioskController *self)
{
  if (!self->applied)
    return;

  self->showing_link = FALSE;
  /* At once, without the crossfade. */
  gtk_stack_set_visible_child_full (self->window->content_stack, HOME_PAGE,
                                    GTK_STACK_TRANSITION_TYPE_NONE);
  hl_kiosk_controller_show_page_chrome (self, FALSE);
  /* Once WebKit is done with the old process: a load asked for in the same
   * breath can be lost. */
  g_idle_add_full (G_PRIORITY_LOW, crash_start_over_cb, g_object_ref (self), g_object_unref);
}

/* WebKit opens a connection to a page's server before it asks whether the
 * page may load (to be quicker when it may): in a kiosk, every connection
 * the web view makes goes to a proxy that is not there, on this computer.
 * The app's own pages come from the app, not the network. */
#define NOWHERE_PROXY "http://127.0.0.1:9"

/* WebKit keeps a picture of every page left, for the swipe back gesture,
 * in the UI process (up to 400 MB of them): in a kiosk, pictures of the
 * last patients' pages. No gesture, no pictures. */
static void
set_swipe_back (HlKioskController *self,
                gboolean           allowed)
{
  WebKitSettings *settings = webkit_web_view_get_settings (hl_kiosk_controller_view (self));

  webkit_settings_set_enable_back_forward_navigation_gestures (settings, allowed);
}

static void
set_network_cut (HlKioskController *self,
                 gboolean           cut)
{
  WebKitWebView *view = hl_kiosk_controller_view (self);
  WebKitNetworkSession *session = webkit_web_view_get_network_session (view);
  WebKitNetworkProxySettings *proxy;

  if (session == NULL)
    return;

  if (!cut)
    {
      webkit_network_session_set_proxy_settings (session, WEBKIT_NETWORK_PROXY_MODE_DEFAULT, NULL);
      return;
    }

  proxy = webkit_network_proxy_settings_new (NOWHERE_PROXY, NULL);
  webkit_network_session_set_proxy_settings (session, WEBKIT_NETWORK_PROXY_MODE_CUSTOM, proxy);
  webkit_network_proxy_settings_free (proxy);
}

/* Full screen, always */

static gboolean
refullscreen_cb (gpointer data)
{
  HlKioskController *self = data;

  self->fullscreen_id = 0;
  if (self->applied)
    {
      gtk_window_unminimize (GTK_WINDOW (self->window));
      gtk_window_fullscreen (GTK_WINDOW (self->window));
    }
  return G_SOURCE_REMOVE;
}

void
hl_kiosk_controller_queue_fullscreen (HlKioskController *self)
{
  if (self->fullscreen_id == 0)
    self->fullscreen_id = g_timeout_add (100, refullscreen_cb, self);
}

static void
fullscreened_cb (HlKioskController *self)
{
  if (self->applied && !gtk_window_is_fullscreen (GTK_WINDOW (self->window)))
    hl_kiosk_controller_queue_fullscreen (self);
}

static void
surface_state_cb (HlKioskController *self)
{
  GdkToplevelState state;

  if (!self->applied || self->surface == NULL)
    return;

  state = gdk_toplevel_get_state (GDK_TOPLEVEL (self->surface));
  if (state & GDK_TOPLEVEL_STATE_MINIMIZED)
    hl_kiosk_controller_queue_fullscreen (self);
}

static void
window_realized_cb (HlKioskController *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self->window));

  if (surface == self->surface)
    return;

  if (self->surface != NULL)
    g_signal_handlers_disconnect_by_data (self->surface, self);
  g_set_weak_pointer (&self->surface, surface);
  if (surface != NULL)
    g_signal_connect_object (surface, "notify::state", G_CALLBACK (surface_state_cb), self,
                             G_CONNECT_SWAPPED);
}

/* Putting it on and taking it off */

/* A part hidden while the kiosk is on stays hidden: some of them follow the
 * window's width through bindings of :visible. */
static void
part_visible_cb (GtkWidget         *part,
                 GParamSpec        *pspec,
                 HlKioskController *self)
{
  if (self->applied && gtk_widget_get_visible (part))
    gtk_widget_set_visible (part, FALSE);
}

static void
set_part_shown (HlKioskController *self,
                GtkWidget         *part,
                gboolean           shown)
{
  if (part == NULL)
    return;

  if (!shown)
    {
      g_object_set_data (G_OBJECT (part), "hl-kiosk-was-visible",
                         GINT_TO_POINTER (gtk_widget_get_visible (part)));
      gtk_widget_set_visible (part, FALSE);
      g_signal_connect_object (part, "notify::visible", G_CALLBACK (part_visible_cb), self, 0);
    }
  else
    {
      g_signal_handlers_disconnect_by_func (part, part_visible_cb, self);
      gtk_widget_set_visible (part, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (part),
                                                                        "hl-kiosk-was-visible")));
    }
}

static void
set_parts_shown (HlKioskController *self,
                 gboolean           shown)
{
  GtkWidget *menu = hl_kiosk_controller_window_part (self, "menu_button");

  for (guint i = 0; i < G_N_ELEMENTS (hidden_window_parts); i++)
    set_part_shown (self, hl_kiosk_controller_window_part (self, hidden_window_parts[i]), shown);
  for (guint i = 0; i < G_N_ELEMENTS (hidden_sidebar_parts); i++)
    {
      GObject *part = gtk_widget_get_template_child (GTK_WIDGET (self->window->sidebar),
                                                     HL_TYPE_SIDEBAR, hidden_sidebar_parts[i]);

      set_part_shown (self, GTK_WIDGET (part), shown);
    }

  /* The page says what it is in large type; the header keeps its room for
   * the kiosk's buttons, so that the window never folds its sidebar away. */
  set_part_shown (self, GTK_WIDGET (self->window->title_widget), shown);

  /* F10 opens the primary menu even when its button is hidden. */
  if (GTK_IS_MENU_BUTTON (menu))
    {
      gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
      gtk_menu_button_set_primary (GTK_MENU_BUTTON (menu), shown);
    }
}

/* The window's content goes into an overlay, under the countdown. */
static void
wrap_content (HlKioskController *self,
              gboolean           wrap)
{
  AdwApplicationWindow *window = ADW_APPLICATION_WINDOW (self->window);
  GtkWidget *content;

  if (wrap == (adw_application_window_get_content (window) == self->overlay))
    return;

  if (wrap)
    {
      content = g_object_ref (adw_application_window_get_content (window));
      adw_application_window_set_content (window, NULL);
      gtk_overlay_set_child (GTK_OVERLAY (self->overlay), content);
      adw_application_window_set_content (window, self->overlay);
      g_object_unref (content);
    }
  else
    {
      content = g_object_ref (gtk_overlay_get_child (GTK_OVERLAY (self->overlay)));
      adw_application_window_set_content (window, NULL);
      gtk_overlay_set_child (GTK_OVERLAY (self->overlay), NULL);
      adw_application_window_set_content (window, content);
      g_object_unref (content);
    }
}

static void history_ready_cb (HlKioskController *self);

static void
apply (HlKioskController *self)
{
  GtkWindow *window = GTK_WINDOW (self->window);

  self->applied = TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (window), "kiosk");
  set_parts_shown (self, FALSE);
  wrap_content (self, TRUE);
  gtk_widget_set_visible (self->start_over_button, TRUE);
  hl_kiosk_home_set_language_locked (self->home, self->window->language_locked);

  if (self->history == NULL)
    {
      self->history = hl_kiosk_history_new (hl_kiosk_controller_view (self));
      g_signal_connect_object (self->history, "notify::ready", G_CALLBACK (history_ready_cb),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_window_set_deletable (window, FALSE);
  gtk_window_fullscreen (window);
  set_network_cut (self, TRUE);
  set_swipe_back (self, FALSE);

  hl_kiosk_input_set_idle_seconds (self->input, hl_kiosk_get_idle_seconds (self->kiosk));
  hl_kiosk_input_set_allow_printing (self->input, printing_allowed (self));
  hl_kiosk_input_start (self->input);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->corner_press),
                                              GTK_PHASE_CAPTURE);

  /* The first patient starts as every next one will (the history is
   * emptied once the kiosk can, see history_ready_cb()). */
  if (hl_library_get_state (self->window->library) == HL_LIBRARY_STATE_READY)
    hl_kiosk_start_over (self->kiosk);
  else
    {
      self->in_use = FALSE;
      hl_kiosk_input_restart (self->input, TRUE);
      hl_kiosk_controller_sync_stack (self);
    }
}

static void
unapply (HlKioskController *self)
{
  GtkWindow *window = GTK_WINDOW (self->window);
  const char *shown = gtk_stack_get_visible_child_name (self->window->content_stack);

  self->applied = FALSE;
  hl_kiosk_controller_stop_countdown (self);
  g_clear_handle_id (&self->fullscreen_id, g_source_remove);
  if (self->unlock_dialog != NULL)
    gtk_window_destroy (self->unlock_dialog);

  hl_kiosk_input_stop (self->input);
  g_clear_handle_id (&self->corner_id, g_source_remove);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->corner_press),
                                              GTK_PHASE_NONE);

  gtk_widget_remove_css_class (GTK_WIDGET (window), "kiosk");
  set_parts_shown (self, TRUE);
  wrap_content (self, FALSE);
  gtk_widget_set_visible (self->start_over_button, FALSE);
  gtk_widget_set_visible (self->print_button, FALSE);
  self->showing_link = FALSE;
  hl_kiosk_controller_show_page_chrome (self, TRUE);
  if (g_strcmp0 (shown, HOME_PAGE) == 0 || g_strcmp0 (shown, LINK_PAGE) == 0)
    gtk_stack_set_visible_child_name (self->window->content_stack, "view");

  gtk_window_set_deletable (window, TRUE);
  gtk_window_unfullscreen (window);
  set_network_cut (self, FALSE);
  set_swipe_back (self, TRUE);
}

static void
follow_kiosk (HlKioskController *self)
{
  gboolean active = hl_kiosk_get_active (self->kiosk);

  if (active && !self->applied)
    apply (self);
  else if (!active && self->applied)
    unapply (self);
}

static gboolean
follow_kiosk_cb (gpointer data)
{
  HlKioskController *self = data;

  self->follow_id = 0;
  follow_kiosk (self);
  return G_SOURCE_REMOVE;
}

/* Not in the middle of whatever changed the key (the preferences' switch,
 * whose window the kiosk's start over closes). */
static void
active_changed_cb (HlKioskController *self)
{
  if (self->follow_id == 0)
    self->follow_id = g_idle_add (follow_kiosk_cb, self);
}

static void
kiosk_settings_cb (HlKioskController *self)
{
  hl_kiosk_home_set_language_locked (self->home, self->window->language_locked);
  hl_kiosk_input_set_idle_seconds (self->input, hl_kiosk_get_idle_seconds (self->kiosk));
  hl_kiosk_input_set_allow_printing (self->input, printing_allowed (self));
  update_print_button (self);
}

static void
history_ready_cb (HlKioskController *self)
{
  /* The window's first page is in the history with a language of its own:
   * while nobody has read anything yet, it goes. */
  if (self->applied && !self->in_use &&
      hl_kiosk_address_is_home (webkit_web_view_get_uri (hl_kiosk_controller_view (self))))
    hl_kiosk_history_clear (self->history);
}

static void
print_clicked_cb (HlKioskController *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.print-handout", NULL);
}

void
hl_kiosk_controller_class_init_window (GtkWidgetClass *widget_class)
{
  /* Found by name when kiosk mode hides them or adds to them. */
  gtk_widget_class_bind_template_child_full (widget_class, "menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "content_header", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "language_box", FALSE, 0);
}

/* Building */

static GtkWidget *
make_start_over_button (HlKioskController *self)
{
  g_autofree char *label = hl_kiosk_text_both (N_("Start over"));
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "kiosk-start-over");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (button, FALSE);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (hl_kiosk_start_over), self->kiosk);
  return button;
}

static void
build (HlKioskController *self)
{
  HlWindow *window = self->window;
  GtkWidget *header = hl_kiosk_controller_window_part (self, "content_header");
  GtkStackPage *page;

  /* The kiosk's large pages must not widen the window when no kiosk shows
   * them: the stack takes the size of the page it shows. */
  gtk_stack_set_hhomogeneous (window->content_stack, FALSE);
  gtk_stack_set_vhomogeneous (window->content_stack, FALSE);
  self->home = HL_KIOSK_HOME (hl_kiosk_home_new ());
  page = gtk_stack_add_named (window->content_stack, GTK_WIDGET (self->home), HOME_PAGE);
  gtk_stack_page_set_title (page, _("Kiosk Home"));
  g_signal_connect_object (self->home, "open-uri", G_CALLBACK (home_open_uri_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->home, "language-chosen", G_CALLBACK (home_language_chosen_cb),
                           self, G_CONNECT_SWAPPED);

  self->link_page = HL_KIOSK_LINK_PAGE (hl_kiosk_link_page_new ());
  gtk_stack_add_named (window->content_stack, GTK_WIDGET (self->link_page), LINK_PAGE);
  g_signal_connect_object (self->link_page, "back", G_CALLBACK (link_back_cb), self,
                           G_CONNECT_SWAPPED);

  self->countdown = HL_KIOSK_COUNTDOWN (hl_kiosk_countdown_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->countdown), FALSE);
  self->overlay = g_object_ref_sink (gtk_overlay_new ());
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->countdown));

  self->start_over_button = make_start_over_button (self);
  self->print_button = gtk_button_new_with_label (P_ ("en", "Print"));
  gtk_widget_add_css_class (self->print_button, "pill");
  gtk_widget_set_valign (self->print_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->print_button, FALSE);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self);
  if (ADW_IS_HEADER_BAR (header))
    {
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->start_over_button);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->print_button);
    }
  else
    g_warning ("The window has no content header: the kiosk has no Start over button");

}

static void
connect_signals (HlKioskController *self,
                 HlApplication     *application)
{
  HlWindow *window = self->window;
  WebKitWebView *view = hl_kiosk_controller_view (self);
  WebKitNetworkSession *session = webkit_web_view_get_network_session (view);

  g_signal_connect_object (self->kiosk, "notify::active", G_CALLBACK (active_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kiosk, "notify::idle-seconds", G_CALLBACK (kiosk_settings_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kiosk, "notify::allow-printing",
                           G_CALLBACK (kiosk_settings_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window->lockdown, "notify", G_CALLBACK (kiosk_settings_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (view, "notify::uri", G_CALLBACK (view_uri_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "load-changed", G_CALLBACK (view_load_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "crashed", G_CALLBACK (crashed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "decide-policy", G_CALLBACK (decide_policy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "context-menu", G_CALLBACK (context_menu_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "run-file-chooser", G_CALLBACK (file_chooser_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "permission-request", G_CALLBACK (permission_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "print", G_CALLBACK (print_requested_cb), self,
                           G_CONNECT_SWAPPED);
  if (session != NULL)
    g_signal_connect_object (session, "download-started", G_CALLBACK (download_started_cb), self,
                             G_CONNECT_SWAPPED);

  g_signal_connect_object (window, "notify::content-language", G_CALLBACK (language_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::fullscreened", G_CALLBACK (fullscreened_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "realize", G_CALLBACK (window_realized_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window->library, "notify::store", G_CALLBACK (library_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window->library, "notify::state", G_CALLBACK (library_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* A locked language locks the kiosk home's buttons too. */
  g_signal_connect_object (window->settings, "writable-changed::" HL_SETTINGS_CONTENT_LANGUAGE,
                           G_CALLBACK (kiosk_settings_cb), self, G_CONNECT_SWAPPED);
}

static void
hl_kiosk_controller_dispose (GObject *object)
{
  HlKioskController *self = (HlKioskController *) object;

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_handle_id (&self->fullscreen_id, g_source_remove);
  g_clear_handle_id (&self->corner_id, g_source_remove);
  g_clear_handle_id (&self->follow_id, g_source_remove);
  hl_kiosk_controller_forget_unlock_dialog (self);
  if (self->input != NULL)
    hl_kiosk_input_stop (self->input);
  g_clear_weak_pointer (&self->surface);
  g_clear_object (&self->input);
  g_clear_object (&self->history);
  g_clear_object (&self->overlay);
  g_clear_object (&self->kiosk);

  G_OBJECT_CLASS (hl_kiosk_controller_parent_class)->dispose (object);
}

static void
hl_kiosk_controller_class_init (HlKioskControllerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hl_kiosk_controller_dispose;
}

static void
hl_kiosk_controller_init (HlKioskController *self)
{
}

HlKioskController *
hl_kiosk_controller_new (HlWindow      *window,
                         HlApplication *application)
{
  HlKioskController *self;

  g_return_val_if_fail (HL_IS_WINDOW (window), NULL);
  g_return_val_if_fail (HL_IS_APPLICATION (application), NULL);

  self = g_object_new (HL_TYPE_KIOSK_CONTROLLER, NULL);
  self->window = window;
  self->kiosk = g_object_ref (hl_application_get_kiosk (application));
  self->input = hl_kiosk_input_new ();

  build (self);
  connect_signals (self, application);
  hl_kiosk_controller_setup_session (self);
  language_changed_cb (self);
  library_changed_cb (self);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realized_cb (self);
  /* A kiosk starts as one. */
  follow_kiosk (self);

  return self;
}

gboolean
hl_kiosk_controller_get_ready (HlKioskController *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_CONTROLLER (self), FALSE);
  return self->history != NULL && hl_kiosk_history_get_ready (self->history);
}

gboolean
hl_kiosk_controller_get_applied (HlKioskController *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_CONTROLLER (self), FALSE);
  return self->applied;
}

HlKiosk *
hl_kiosk_controller_get_kiosk (HlKioskController *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_CONTROLLER (self), NULL);
  return self->kiosk;
}

GtkWidget *
hl_kiosk_controller_get_home (HlKioskController *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_CONTROLLER (self), NULL);
  return GTK_WIDGET (self->home);
}

GtkWidget *
hl_kiosk_controller_get_link_page (HlKioskController *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_CONTROLLER (self), NULL);
  return GTK_WIDGET (self->link_page);
}

GtkWidget *
hl_kiosk_controller_get_countdown (HlKioskController *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_CONTROLLER (self), NULL);
  return GTK_WIDGET (self->countdown);
}

GtkWidget *
hl_kiosk_controller_get_start_over_button (HlKioskController *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_CONTROLLER (self), NULL);
  return self->start_over_button;
}

const char *
hl_kiosk_controller_get_shown (HlKioskController *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_CONTROLLER (self), NULL);
  return gtk_stack_get_visible_child_name (self->window->content_stack);
}
