/* hl-kiosk-history.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-kiosk-address.h"
#include "hl-kiosk-history.h"

struct _HlKioskHistory
{
  GObject                     parent_instance;

  WebKitWebView              *view;      /* weak */
  WebKitWebView              *maker;     /* loads the home page once */
  WebKitWebViewSessionState  *state;     /* one item: the home page */
  guint                       checks;    /* left to make sure it took */
};

G_DEFINE_FINAL_TYPE (HlKioskHistory, hl_kiosk_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void view_load_changed_cb (WebKitWebView   *view,
                                  WebKitLoadEvent  event,
                                  HlKioskHistory  *self);

static gboolean
drop_maker_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
drop_maker (HlKioskHistory *self)
{
  if (self->maker == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->maker, self);
  /* Not inside its own signal. */
  g_idle_add (drop_maker_cb, g_steal_pointer (&self->maker));
}

static void
maker_load_changed_cb (WebKitWebView   *maker,
                       WebKitLoadEvent  event,
                       HlKioskHistory  *self)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;

  self->state = webkit_web_view_get_session_state (maker);
  drop_maker (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static gboolean
maker_load_failed_cb (WebKitWebView   *maker,
                      WebKitLoadEvent  event,
                      const char      *uri,
                      GError          *error,
                      HlKioskHistory  *self)
{
  g_warning ("The kiosk cannot empty the history: %s", error->message);
  drop_maker (self);
  return TRUE;
}

static void
hl_kiosk_history_dispose (GObject *object)
{
  HlKioskHistory *self = (HlKioskHistory *) object;

  if (self->maker != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->maker, self);
      g_clear_object (&self->maker);
    }
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (hl_kiosk_history_parent_class)->dispose (object);
}

static void
hl_kiosk_history_finalize (GObject *object)
{
  HlKioskHistory *self = (HlKioskHistory *) object;

  g_clear_pointer (&self->state, webkit_web_view_session_state_unref);

  G_OBJECT_CLASS (hl_kiosk_history_parent_class)->finalize (object);
}

static void
hl_kiosk_history_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, HL_KIOSK_HISTORY (object)->state != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_kiosk_history_class_init (HlKioskHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hl_kiosk_history_dispose;
  object_class->finalize = hl_kiosk_history_finalize;
  object_class->get_property = hl_kiosk_history_get_property;

  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_kiosk_history_init (HlKioskHistory *self)
{
}

HlKioskHistory *
hl_kiosk_history_new (WebKitWebView *view)
{
  HlKioskHistory *self;

  g_return_val_if_fail (WEBKIT_IS_WEB_VIEW (view), NULL);

  self = g_object_new (HL_TYPE_KIOSK_HISTORY, NULL);
  g_set_weak_pointer (&self->view, view);
  g_signal_connect_object (view, "load-changed", G_CALLBACK (view_load_changed_cb), self, 0);

  /* In the view's web process and network session, with its settings (no
   * JavaScript); never on screen. */
  self->maker = g_object_ref_sink (g_object_new (WEBKIT_TYPE_WEB_VIEW, "related-view", view,
                                                 "settings", webkit_web_view_get_settings (view),
                                                 NULL));
  g_signal_connect (self->maker, "load-changed", G_CALLBACK (maker_load_changed_cb), self);
  g_signal_connect (self->maker, "load-failed", G_CALLBACK (maker_load_failed_cb), self);
  webkit_web_view_load_uri (self->maker, HL_KIOSK_HOME_ADDRESS);

  return self;
}

gboolean
hl_kiosk_history_get_ready (HlKioskHistory *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_HISTORY (self), FALSE);
  return self->state != NULL;
}

static void
replace_session (HlKioskHistory *self)
{
  WebKitBackForwardList *list;

  webkit_web_view_stop_loading (self->view);
  /* The one-page session becomes the view's; going to its page shows it
   * without adding to it. */
  webkit_web_view_restore_session_state (self->view, self->state);
  list = webkit_web_view_get_back_forward_list (self->view);
  webkit_web_view_go_to_back_forward_list_item (self->view,
                                                webkit_back_forward_list_get_current_item (list));
}

static gboolean
list_is_empty (WebKitWebView *view)
{
  WebKitBackForwardList *list = webkit_web_view_get_back_forward_list (view);
  g_autoptr(GList) back = webkit_back_forward_list_get_back_list (list);
  g_autoptr(GList) forward = webkit_back_forward_list_get_forward_list (list);

  return back == NULL && forward == NULL;
}

/* A load that was under way when the session was replaced can still land in
 * the new one: once the view is done, the session is checked, and replaced
 * again if need be. */
static void
view_load_changed_cb (WebKitWebView   *view,
                      WebKitLoadEvent  event,
                      HlKioskHistory  *self)
{
  if (event != WEBKIT_LOAD_FINISHED || self->checks == 0)
    return;

  if (list_is_empty (view))
    self->checks = 0;
  else if (--self->checks > 0)
    replace_session (self);
}

gboolean
hl_kiosk_history_clear (HlKioskHistory *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_HISTORY (self), FALSE);

  if (self->view == NULL)
    return FALSE;

  if (self->state == NULL)
    {
      webkit_web_view_stop_loading (self->view);
      webkit_web_view_load_uri (self->view, HL_KIOSK_HOME_ADDRESS);
      return FALSE;
    }

  self->checks = 3;
  replace_session (self);
  return TRUE;
}
