/* hl-web-view.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-address.h"
#include "hl-page-scheme.h"
#include "hl-web-view.h"

struct _HlWebView
{
  WebKitWebView parent_instance;
};

G_DEFINE_FINAL_TYPE (HlWebView, hl_web_view, WEBKIT_TYPE_WEB_VIEW)

enum {
  OPEN_EXTERNAL,
  REFUSED,
  CRASHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
hl_web_view_is_external_uri (const char *uri)
{
  g_autofree char *scheme = uri ? g_uri_parse_scheme (uri) : NULL;

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "tel") == 0);
}

static gboolean
is_page_uri (const char *uri)
{
  return hl_address_has_scheme (uri);
}

static gboolean
hl_web_view_decide_policy (WebKitWebView            *web_view,
                           WebKitPolicyDecision     *decision,
                           WebKitPolicyDecisionType  type)
{
  HlWebView *self = HL_WEB_VIEW (web_view);
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  uri = webkit_uri_request_get_uri (request);

  /* Our pages load in the view, also when a link asks for a new window. */
  if (is_page_uri (uri))
    {
      if (type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
        {
          webkit_policy_decision_ignore (decision);
          hl_web_view_load_page (self, uri);
        }
      else
        webkit_policy_decision_use (decision);
      return TRUE;
    }

  /* Everything else never loads here: web and phone links go to the
   * system's browser or dialer, any other scheme is refused. */
  webkit_policy_decision_ignore (decision);
  if (hl_web_view_is_external_uri (uri))
    g_signal_emit (self, signals[OPEN_EXTERNAL], 0, uri);
  else
    g_signal_emit (self, signals[REFUSED], 0, uri);

  return TRUE;
}

static void
hl_web_view_web_process_terminated (WebKitWebView                     *web_view,
                                    WebKitWebProcessTerminationReason  reason)
{
  g_signal_emit (web_view, signals[CRASHED], 0);
}

static gboolean
hl_web_view_context_menu (WebKitWebView       *web_view,
                          WebKitContextMenu   *menu,
                          WebKitHitTestResult *hit_test_result)
{
  GList *items = webkit_context_menu_get_items (menu);

  /* Keep what a reader needs (copy, back, forward, stop/reload); drop what
   * would open pages or tools outside the app. */
  for (GList *l = items; l != NULL;)
    {
      WebKitContextMenuItem *item = l->data;
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (item);

      l = l->next;
      switch ((int) action)
        {
        case WEBKIT_CONTEXT_MENU_ACTION_GO_BACK:
        case WEBKIT_CONTEXT_MENU_ACTION_GO_FORWARD:
        case WEBKIT_CONTEXT_MENU_ACTION_STOP:
        case WEBKIT_CONTEXT_MENU_ACTION_RELOAD:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
          break;
        default:
          webkit_context_menu_remove (menu, item);
        }
    }

  return webkit_context_menu_get_n_items (menu) == 0;
}

/* Our pages come from the app, not the network: nothing the view does needs
 * to outlive it, so it gets a session that writes nothing to disk (no cache,
 * no cookies, no history), one for the whole app. */
static WebKitNetworkSession *
get_network_session (void)
{
  static WebKitNetworkSession *session;

  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();

  return session;
}

static GObject *
hl_web_view_constructor (GType                  type,
                         guint                  n_params,
                         GObjectConstructParam *params)
{
  /* network-session is construct-only, and the view is made by a template. */
  for (guint i = 0; i < n_params; i++)
    if (g_str_equal (params[i].pspec->name, "network-session") &&
        g_value_get_object (params[i].value) == NULL)
      g_value_set_object (params[i].value, get_network_session ());

  return G_OBJECT_CLASS (hl_web_view_parent_class)->constructor (type, n_params, params);
}

static void
hl_web_view_constructed (GObject *object)
{
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (object);
  WebKitSettings *settings;

  G_OBJECT_CLASS (hl_web_view_parent_class)->constructed (object);

  settings = webkit_web_view_get_settings (web_view);
  webkit_settings_set_enable_javascript (settings, FALSE);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, TRUE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, TRUE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_fullscreen (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  /* Pages of text and links need no GPU compositing: drawing them on the
   * CPU shows the first page sooner and keeps the web process away from
   * the graphics drivers of old clinic PCs (and of machines with none,
   * where the software GL path made the web process crash now and then). */
  webkit_settings_set_hardware_acceleration_policy (settings,
                                                    WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
}

static void
hl_web_view_class_init (HlWebViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WebKitWebViewClass *web_view_class = WEBKIT_WEB_VIEW_CLASS (klass);

  object_class->constructor = hl_web_view_constructor;
  object_class->constructed = hl_web_view_constructed;
  web_view_class->decide_policy = hl_web_view_decide_policy;
  web_view_class->web_process_terminated = hl_web_view_web_process_terminated;
  web_view_class->context_menu = hl_web_view_context_menu;

  /**
   * HlWebView::open-external:
   * @uri: an http, https or tel address
   *
   * A link asked for a page outside the app; it was not loaded.
   */
  signals[OPEN_EXTERNAL] =
    g_signal_new ("open-external", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * HlWebView::refused:
   * @uri: an address of a kind the app does not open (file:, mailto:…)
   */
  signals[REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * HlWebView::crashed:
   *
   * The web process ended; the page must be loaded again.
   */
  signals[CRASHED] =
    g_signal_new ("crashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hl_web_view_init (HlWebView *self)
{
}

GtkWidget *
hl_web_view_new (void)
{
  return g_object_new (HL_TYPE_WEB_VIEW, NULL);
}

const char *
hl_web_view_get_page_uri (HlWebView *self)
{
  const char *uri;

  g_return_val_if_fail (HL_IS_WEB_VIEW (self), NULL);

  uri = webkit_web_view_get_uri (WEBKIT_WEB_VIEW (self));
  return is_page_uri (uri) ? uri : NULL;
}

void
hl_web_view_load_page (HlWebView  *self,
                       const char *uri)
{
  g_return_if_fail (HL_IS_WEB_VIEW (self));
  g_return_if_fail (is_page_uri (uri));

  webkit_web_view_load_uri (WEBKIT_WEB_VIEW (self), uri);
}
