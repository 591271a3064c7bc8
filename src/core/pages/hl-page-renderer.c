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
  {
    g_autoptr(HlAddress) home = hl_address_new_home (NULL);
    g_autofree char *href = hl_address_to_string (home);

    hl_page_append_link (out, href, P_ (language, "Go to the home page"), NULL);
  }
  g_string_append (out, "</p>\n</div>\n");
  hl_page_end (&self->ctx, out, language);

  return g_string_free (out, FALSE);
}

char *
hl_page_renderer_render_address (HlPageRenderer   *self,
                                 const HlAddress  *address,
                                 GError          **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (address != NULL, NULL);

  uri = hl_address_to_string (address);
  switch (hl_address_get_kind (address))
    {
    case HL_ADDRESS_HOME:
      return hl_home_page_render (&self->ctx, address, error);

    case HL_ADDRESS_TOPIC:
      if (!hl_page_require_store (&self->ctx, error))
        return NULL;
      return hl_topic_page_render (&self->ctx, hl_address_get_id (address), error);

    case HL_ADDRESS_GROUP:
      return hl_group_page_render (&self->ctx, address, uri, error);

    case HL_ADDRESS_INDEX:
      return hl_index_page_render (&self->ctx, address, uri, error);

    case HL_ADDRESS_SEARCH:
      return hl_search_page_render (&self->ctx, address, error);

    case HL_ADDRESS_CLINIC:
      return hl_clinic_page_render (&self->ctx, hl_address_get_clinic_id (address), uri, error);

    case HL_ADDRESS_QR:
    default:
      /* An image, not a page: see hl_page_renderer_render_resource(). */
      hl_page_set_not_found (error, uri);
      return NULL;
    }
}

char *
hl_page_renderer_render (HlPageRenderer  *self,
                         const char      *uri,
                         GError         **error)
{
  g_autoptr(HlAddress) address = NULL;

  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  address = hl_address_parse (uri, error);
  if (address == NULL)
    return NULL;

  return hl_page_renderer_render_address (self, address, error);
}

GBytes *
hl_page_renderer_render_resource (HlPageRenderer  *self,
                                  const char      *uri,
                                  const char     **content_type,
                                  GError         **error)
{
  g_autoptr(HlAddress) address = NULL;
  char *html;

  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (content_type != NULL, NULL);

  address = hl_address_parse (uri, error);
  if (address == NULL)
    return NULL;

  if (hl_address_get_kind (address) == HL_ADDRESS_QR)
    {
      if (!hl_page_require_store (&self->ctx, error))
        return NULL;
      *content_type = "image/svg+xml";
      return hl_topic_qr_render_svg (&self->ctx, hl_address_get_id (address), error);
    }

  html = hl_page_renderer_render_address (self, address, error);
  if (html == NULL)
    return NULL;

  *content_type = "text/html; charset=utf-8";
  return g_bytes_new_take (html, strlen (html));
}
