/* hl-web-view.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The page area. It takes its place in the window from the first frame, but
 * the WebKitWebView inside it comes from the page engine module (web/), which
 * a thread loads when the first page is asked for, while the window is shown:
 * WebKit is the largest part of the app, and the window need not wait for
 * it. The page is loaded as soon as the engine is there.
 *
 * The thread starts only once the window's templates are built: one thread
 * at a time may load libraries or look up their symbols, and GtkBuilder
 * looks up a symbol for each type it meets for the first time. */

#include "config.h"

#include <gmodule.h>

#include "hl-page-scheme.h"
#include "hl-profile.h"
#include "hl-web-view.h"

struct _HlWebView
{
  AdwBin      parent_instance;

  GtkWidget  *engine_view;
  char       *pending_uri;   /* asked for before the engine was loaded */
  char       *uri;
  char       *title;
  double      zoom_level;
};

G_DEFINE_FINAL_TYPE (HlWebView, hl_web_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_URI,
  PROP_TITLE,
  PROP_ZOOM_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOAD_CHANGED,
  OPEN_EXTERNAL,
  REFUSED,
  CRASHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The engine, for the whole app. */
static GThread           *engine_loader;
static GList             *waiting_views;
static const HlWebEngine *engine;
static gboolean           engine_ready;
static char              *engine_error;
static HlPageSourceFunc   page_source;
static gpointer           page_source_data;

static const char *
engine_dir (void)
{
  /* Running from a build tree, the module is there. */
  const char *dir = g_getenv ("HEALTH_LIBRARY_MODULEDIR");

  return dir != NULL && *dir != '\0' ? dir : PKGLIBDIR;
}

static gpointer
load_engine (gpointer data)
{
  g_autofree char *path = g_build_filename (engine_dir (), HL_WEB_ENGINE_MODULE, NULL);
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  HlWebEngineGetFunc get = NULL;

  if (module == NULL)
    {
      engine_error = g_strdup (g_module_error ());
      return NULL;
    }

  if (!g_module_symbol (module, HL_WEB_ENGINE_SYMBOL, (gpointer *) &get) || get == NULL ||
      get ()->abi != HL_WEB_ENGINE_ABI)
    {
      engine_error = g_strdup_printf ("%s is not the page engine of this version", path);
      g_module_close (module);
      return NULL;
    }

  /* WebKit cannot be unloaded. */
  g_module_make_resident (module);
  engine = get ();
  return NULL;
}

static gboolean ensure_engine_view (HlWebView *self);

static gboolean
engine_loaded_cb (gpointer data)
{
  /* Before the next frame is drawn: the sooner the web process starts, the
   * sooner the first page is there. */
  if (engine_loader != NULL)
    g_thread_join (g_steal_pointer (&engine_loader));
  hl_profile_mark ("web-engine-loaded");

  while (waiting_views != NULL)
    {
      HlWebView *self = waiting_views->data;
      g_autofree char *uri = g_steal_pointer (&self->pending_uri);

      waiting_views = g_list_delete_link (waiting_views, waiting_views);
      if (ensure_engine_view (self))
        engine->load_uri (self->engine_view, uri);
    }

  return G_SOURCE_REMOVE;
}

static gpointer
load_engine_thread (gpointer data)
{
  load_engine (NULL);
  g_idle_add_full (G_PRIORITY_DEFAULT, engine_loaded_cb, NULL, NULL);
  return NULL;
}

void
hl_web_view_set_page_source (HlPageSourceFunc source,
                             gpointer         user_data)
{
  g_return_if_fail (source != NULL);
  g_return_if_fail (page_source == NULL);

  page_source = source;
  page_source_data = user_data;
}

static void
start_loading_engine (void)
{
  if (engine == NULL && engine_loader == NULL)
    engine_loader = g_thread_new ("hl-web-engine", load_engine_thread, NULL);
}

/* The engine, ready for views; NULL when it cannot be loaded. */
static const HlWebEngine *
get_engine (void)
{
  g_return_val_if_fail (page_source != NULL, NULL);
  g_return_val_if_fail (engine_loader == NULL, NULL);

  /* One more try after a failure: Reload asks again. */
  if (engine == NULL)
    {
      g_clear_pointer (&engine_error, g_free);
      load_engine (NULL);
    }
  if (engine == NULL)
    {
      g_warning ("The page viewer could not be loaded: %s. Reinstall Health Library.",
                 engine_error);
      return NULL;
    }

  if (!engine_ready)
    {
      engine->init (HL_PAGE_SCHEME, page_source, page_source_data);
      engine_ready = TRUE;
      hl_profile_mark ("web-engine-ready");
    }

  return engine;
}

static gboolean
is_page_uri (const char *uri)
{
  g_autofree char *scheme = uri ? g_uri_parse_scheme (uri) : NULL;

  return g_strcmp0 (scheme, HL_PAGE_SCHEME) == 0;
}

static void
engine_uri_cb (HlWebView *self)
{
  g_free (self->uri);
  g_object_get (self->engine_view, "uri", &self->uri, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
}

static void
engine_title_cb (HlWebView *self)
{
  g_free (self->title);
  g_object_get (self->engine_view, "title", &self->title, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
engine_load_changed_cb (HlWebView *self,
                        int        event)
{
  g_signal_emit (self, signals[LOAD_CHANGED], 0, event);
}

static void
engine_open_external_cb (HlWebView  *self,
                         const char *uri)
{
  g_signal_emit (self, signals[OPEN_EXTERNAL], 0, uri);
}

static void
engine_refused_cb (HlWebView  *self,
                   const char *uri)
{
  g_signal_emit (self, signals[REFUSED], 0, uri);
}

static void
engine_crashed_cb (HlWebView *self)
{
  g_signal_emit (self, signals[CRASHED], 0);
}

static gboolean
ensure_engine_view (HlWebView *self)
{
  const HlWebEngine *web_engine;

  if (self->engine_view != NULL)
    return TRUE;

  web_engine = get_engine ();
  if (web_engine == NULL)
    {
      g_signal_emit (self, signals[CRASHED], 0);
      return FALSE;
    }

  self->engine_view = web_engine->new_view ();
  g_object_set (self->engine_view,
                "zoom-level", self->zoom_level,
                "hexpand", TRUE,
                "vexpand", TRUE,
                NULL);
  g_signal_connect_object (self->engine_view, "notify::uri", G_CALLBACK (engine_uri_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine_view, "notify::title", G_CALLBACK (engine_title_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine_view, "load-changed", G_CALLBACK (engine_load_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine_view, "open-external",
                           G_CALLBACK (engine_open_external_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine_view, "refused", G_CALLBACK (engine_refused_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->engine_view, "crashed", G_CALLBACK (engine_crashed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (self), self->engine_view);
  hl_profile_mark ("web-view-created");

  return TRUE;
}

GtkWidget *
hl_web_view_new (void)
{
  return g_object_new (HL_TYPE_WEB_VIEW, NULL);
}

const char *
hl_web_view_get_page_uri (HlWebView *self)
{
  g_return_val_if_fail (HL_IS_WEB_VIEW (self), NULL);

  /* A page waiting for the engine is the page of the view already. */
  if (self->pending_uri != NULL)
    return self->pending_uri;

  return is_page_uri (self->uri) ? self->uri : NULL;
}

const char *
hl_web_view_get_title (HlWebView *self)
{
  g_return_val_if_fail (HL_IS_WEB_VIEW (self), NULL);

  return self->title;
}

void
hl_web_view_load_page (HlWebView  *self,
                       const char *uri)
{
  g_return_if_fail (HL_IS_WEB_VIEW (self));
  g_return_if_fail (is_page_uri (uri));

  if (self->engine_view == NULL)
    start_loading_engine ();
  if (self->engine_view == NULL && engine_loader != NULL)
    {
      if (self->pending_uri == NULL)
        waiting_views = g_list_prepend (waiting_views, self);
      g_free (self->pending_uri);
      self->pending_uri = g_strdup (uri);
      return;
    }

  if (ensure_engine_view (self))
    engine->load_uri (self->engine_view, uri);
}

gboolean
hl_web_view_can_go_back (HlWebView *self)
{
  g_return_val_if_fail (HL_IS_WEB_VIEW (self), FALSE);

  return self->engine_view != NULL && engine->can_go_back (self->engine_view);
}

gboolean
hl_web_view_can_go_forward (HlWebView *self)
{
  g_return_val_if_fail (HL_IS_WEB_VIEW (self), FALSE);

  return self->engine_view != NULL && engine->can_go_forward (self->engine_view);
}

void
hl_web_view_go_back (HlWebView *self)
{
  g_return_if_fail (HL_IS_WEB_VIEW (self));

  if (hl_web_view_can_go_back (self))
    engine->go_back (self->engine_view);
}

void
hl_web_view_go_forward (HlWebView *self)
{
  g_return_if_fail (HL_IS_WEB_VIEW (self));

  if (hl_web_view_can_go_forward (self))
    engine->go_forward (self->engine_view);
}

double
hl_web_view_get_zoom_level (HlWebView *self)
{
  g_return_val_if_fail (HL_IS_WEB_VIEW (self), 1.0);

  return self->zoom_level;
}

void
hl_web_view_set_zoom_level (HlWebView *self,
                            double     level)
{
  g_return_if_fail (HL_IS_WEB_VIEW (self));

  if (self->zoom_level == level)
    return;

  self->zoom_level = level;
  if (self->engine_view != NULL)
    g_object_set (self->engine_view, "zoom-level", level, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LEVEL]);
}

void
hl_web_view_print (HlWebView *self,
                   GtkWindow *parent)
{
  g_return_if_fail (HL_IS_WEB_VIEW (self));

  if (self->engine_view != NULL)
    engine->print (self->engine_view, parent);
}

GtkWidget *
hl_web_view_get_engine_view (HlWebView *self)
{
  g_return_val_if_fail (HL_IS_WEB_VIEW (self), NULL);

  return self->engine_view;
}

static void
hl_web_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hl_web_view_parent_class)->map (widget);

  /* Shown before any page was asked for (the library is being built, or
   * cannot be opened): have the engine ready for when one is. */
  start_loading_engine ();
}

static void
hl_web_view_finalize (GObject *object)
{
  HlWebView *self = (HlWebView *) object;

  waiting_views = g_list_remove (waiting_views, self);
  g_free (self->pending_uri);
  g_free (self->uri);
  g_free (self->title);

  G_OBJECT_CLASS (hl_web_view_parent_class)->finalize (object);
}

static void
hl_web_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HlWebView *self = HL_WEB_VIEW (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ZOOM_LEVEL:
      g_value_set_double (value, self->zoom_level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_web_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HlWebView *self = HL_WEB_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM_LEVEL:
      hl_web_view_set_zoom_level (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_web_view_class_init (HlWebViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hl_web_view_finalize;
  widget_class->map = hl_web_view_map;
  object_class->get_property = hl_web_view_get_property;
  object_class->set_property = hl_web_view_set_property;

  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_LEVEL] =
    g_param_spec_double ("zoom-level", NULL, NULL, 0.0, G_MAXDOUBLE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HlWebView::load-changed:
   * @event: an #HlLoadEvent
   */
  signals[LOAD_CHANGED] =
    g_signal_new ("load-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

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
   * The web process ended, or the page engine could not be loaded; the page
   * must be loaded again.
   */
  signals[CRASHED] =
    g_signal_new ("crashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hl_web_view_init (HlWebView *self)
{
  self->zoom_level = 1.0;
}
