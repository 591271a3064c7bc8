/* hl-page-renderer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "hl-clinic-page.h"
#include "hl-group-page.h"
#include "hl-home-page.h"
#include "hl-html.h"
#include "hl-index-page.h"
#include "hl-page-renderer.h"
#include "hl-pages-resources.h"
#include "hl-search-page.h"
#include "hl-text.h"
#include "hl-topic-page.h"
#include "hl-topic-qr.h"

/* The dispatcher: it parses an address and hands the page to the file that
 * builds it, with the context every page is made from. */
struct _HlPageRenderer
{
  GObject        parent_instance;

  HlPageContext  ctx;
  char          *language;
};

G_DEFINE_FINAL_TYPE (HlPageRenderer, hl_page_renderer, G_TYPE_OBJECT)

static void
hl_page_renderer_finalize (GObject *object)
{
  HlPageRenderer *self = (HlPageRenderer *) object;

  g_clear_object (&self->ctx.store);
  g_clear_object (&self->ctx.clinics);
  g_clear_object (&self->ctx.home_clinic);
  g_clear_pointer (&self->ctx.stylesheet, g_bytes_unref);
  g_clear_object (&self->ctx.recent);
  g_free (self->language);

  G_OBJECT_CLASS (hl_page_renderer_parent_class)->finalize (object);
}

static void
hl_page_renderer_class_init (HlPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_page_renderer_finalize;
}

static void
hl_page_renderer_init (HlPageRenderer *self)
{
  self->language = g_strdup ("en");
  self->ctx.language = self->language;
  self->ctx.stale_after_days = HL_PAGE_STALE_AFTER_DAYS;
  self->ctx.stylesheet = g_resource_lookup_data (hl_pages_get_resource (),
                                             "/org/phynet/HealthLibrary/pages/page.css",
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

HlPageRenderer *
hl_page_renderer_new (HlTopicStore      *store,
                      HlClinicDirectory *clinics)
{
  HlPageRenderer *self = g_object_new (HL_TYPE_PAGE_RENDERER, NULL);

  g_set_object (&self->ctx.store, store);
  g_set_object (&self->ctx.clinics, clinics);

  return self;
}

void
hl_page_renderer_set_store (HlPageRenderer *self,
                            HlTopicStore   *store)
{
  g_return_if_fail (HL_IS_PAGE_RENDERER (self));

  g_set_object (&self->ctx.store, store);
}

HlTopicStore *
hl_page_renderer_get_store (HlPageRenderer *self)
{
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);

  return self->ctx.store;
}

HlClinicDirectory *
hl_page_renderer_get_clinics (HlPageRenderer *self)
{
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);

  return self->ctx.clinics;
}

void
hl_page_renderer_set_recent_topics (HlPageRenderer *self,
                                    GListModel     *topics)
{
  g_return_if_fail (HL_IS_PAGE_RENDERER (self));
  g_return_if_fail (topics == NULL || G_IS_LIST_MODEL (topics));

  g_set_object (&self->ctx.recent, topics);
}

void
hl_page_renderer_set_stale_after_days (HlPageRenderer *self,
                                       guint           days)
{
  g_return_if_fail (HL_IS_PAGE_RENDERER (self));

  self->ctx.stale_after_days = days;
}

guint
hl_page_renderer_get_stale_after_days (HlPageRenderer *self)
{
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), 0);

  return self->ctx.stale_after_days;
}

void
hl_page_renderer_set_language (HlPageRenderer *self,
                               const char     *language)
{
  const char *code = hl_language_normalize (language);

  g_return_if_fail (HL_IS_PAGE_RENDERER (self));

  hl_set_str (&self->language, code ? code : "en");
  self->ctx.language = self->language;
}

const char *
hl_page_renderer_get_language (HlPageRenderer *self)
{
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);

  return self->language;
}

void
hl_page_renderer_set_home_clinic (HlPageRenderer *self,
                                  const char     *id)
{
  HlClinic *clinic = NULL;

  g_return_if_fail (HL_IS_PAGE_RENDERER (self));

  if (id != NULL && *id != '\0' && self->ctx.clinics != NULL)
    clinic = hl_clinic_directory_lookup (self->ctx.clinics, id);

  g_set_object (&self->ctx.home_clinic, clinic);
}

HlClinic *
hl_page_renderer_get_home_clinic (HlPageRenderer *self)
{
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);

  return self->ctx.home_clinic;
}

/* Query parameters of an hl: address. */
static GHashTable *
parse_query (GUri *uri)
{
  const char *query = g_uri_get_query (uri);

  if (query == NULL)
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
}

char *
hl_page_renderer_render_message (HlPageRenderer *self,
                                 const char     *title,
                                 const char     *message)
{
  const char *language;
  GString *out;

  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);

  language = self->language;
  out = g_string_sized_new (4096);
  hl_page_begin (&self->ctx, out, title, NULL, "page-message");
  g_string_append (out, "<div class=\"empty\">\n<h1>");
  hl_html_append_text (out, title);
  g_string_append (out, "</h1>\n<p>");
  hl_html_append_text (out, message);
  g_string_append (out, "</p>\n<p>");
  hl_page_append_link (out, "hl://home", P_ (language, "Go to the home page"), NULL);
  g_string_append (out, "</p>\n</div>\n");
  hl_page_end (&self->ctx, out, language);

  return g_string_free (out, FALSE);
}

/* An hl: address taken apart: host, at most one path segment, parameters. */
typedef struct
{
  GUri       *parsed;
  GHashTable *params;
  GStrv       segments;
  const char *host;
  const char *arg;
} Address;

static void
address_clear (Address *address)
{
  g_clear_pointer (&address->parsed, g_uri_unref);
  g_clear_pointer (&address->params, g_hash_table_unref);
  g_clear_pointer (&address->segments, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Address, address_clear)

static gboolean
parse_address (const char  *uri,
               Address     *address,
               GError     **error)
{
  const char *path;

  address->parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (address->parsed == NULL || g_strcmp0 (g_uri_get_scheme (address->parsed), "hl") != 0)
    return hl_page_set_not_found (error, uri);

  address->host = g_uri_get_host (address->parsed);
  path = g_uri_get_path (address->parsed);
  address->segments = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  address->arg = address->segments[0] != NULL && address->segments[0][0] != '\0'
                   ? address->segments[0] : NULL;
  if (address->segments[0] != NULL && address->segments[1] != NULL)
    return hl_page_set_not_found (error, uri);

  address->params = parse_query (address->parsed);
  if (address->params == NULL)
    return hl_page_set_not_found (error, uri);

  return TRUE;
}

/* A topic id from an address, or 0 (with the error set). */
static int
topic_id (HlPageRenderer  *self,
          const Address   *address,
          const char      *uri,
          GError         **error)
{
  gint64 id;

  if (!hl_page_require_store (&self->ctx, error))
    return 0;
  if (address->arg == NULL || !g_ascii_string_to_signed (address->arg, 10, 1, G_MAXINT, &id, NULL))
    {
      hl_page_set_not_found (error, uri);
      return 0;
    }

  return id;
}

static gboolean
is_image (const Address *address)
{
  return g_strcmp0 (address->host, "qr") == 0;
}

static char *
render_page (HlPageRenderer  *self,
             const Address   *address,
             const char      *uri,
             GError         **error)
{
  const char *host = address->host;
  const char *arg = address->arg;
  GHashTable *params = address->params;

  if (g_strcmp0 (host, "home") == 0 && arg == NULL)
    return hl_home_page_render (&self->ctx, params, error);

  if (g_strcmp0 (host, "topic") == 0 && arg != NULL)
    {
      int id = topic_id (self, address, uri, error);

      return id > 0 ? hl_topic_page_render (&self->ctx, id, error) : NULL;
    }

  if (g_strcmp0 (host, "group") == 0 && arg != NULL)
    return hl_group_page_render (&self->ctx, arg, params, uri, error);

  if (g_strcmp0 (host, "index") == 0)
    return hl_index_page_render (&self->ctx, arg, params, uri, error);

  if (g_strcmp0 (host, "search") == 0 && arg == NULL)
    return hl_search_page_render (&self->ctx, params, error);

  if (g_strcmp0 (host, "clinic") == 0 && arg != NULL)
    return hl_clinic_page_render (&self->ctx, arg, uri, error);

  hl_page_set_not_found (error, uri);
  return NULL;
}

char *
hl_page_renderer_render (HlPageRenderer  *self,
                         const char      *uri,
                         GError         **error)
{
  g_auto(Address) address = { 0 };

  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  if (!parse_address (uri, &address, error))
    return NULL;
  if (is_image (&address))
    {
      hl_page_set_not_found (error, uri);
      return NULL;
    }

  return render_page (self, &address, uri, error);
}

int
hl_page_renderer_get_topic_id (const char *uri)
{
  g_auto(Address) address = { 0 };
  gint64 id;

  g_return_val_if_fail (uri != NULL, 0);

  if (!parse_address (uri, &address, NULL) || g_strcmp0 (address.host, "topic") != 0 ||
      address.arg == NULL || !g_ascii_string_to_signed (address.arg, 10, 1, G_MAXINT, &id, NULL))
    return 0;

  return id;
}

GBytes *
hl_page_renderer_render_resource (HlPageRenderer  *self,
                                  const char      *uri,
                                  const char     **content_type,
                                  GError         **error)
{
  g_auto(Address) address = { 0 };
  char *html;

  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (content_type != NULL, NULL);

  if (!parse_address (uri, &address, error))
    return NULL;

  if (is_image (&address))
    {
      int id = topic_id (self, &address, uri, error);

      *content_type = "image/svg+xml";
      return id > 0 ? hl_topic_qr_render_svg (&self->ctx, id, error) : NULL;
    }

  html = render_page (self, &address, uri, error);
  if (html == NULL)
    return NULL;

  *content_type = "text/html; charset=utf-8";
  return g_bytes_new_take (html, strlen (html));
}
