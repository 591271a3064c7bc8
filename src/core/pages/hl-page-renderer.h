/* hl-page-renderer.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hl-address.h"
#include "hl-clinic-directory.h"
#include "hl-topic-store.h"

G_BEGIN_DECLS

#define HL_TYPE_PAGE_RENDERER (hl_page_renderer_get_type ())

G_DECLARE_FINAL_TYPE (HlPageRenderer, hl_page_renderer, HL, PAGE_RENDERER, GObject)

/* Builds the HTML of every page the app shows, from the library and the
 * clinic directory, at the addresses hl-address.h reads (hl://home,
 * hl://topic/ID, …). Pages without a lang parameter use the renderer's
 * language. */
HlPageRenderer *hl_page_renderer_new            (HlTopicStore      *store,
                                                 HlClinicDirectory *clinics);
void            hl_page_renderer_set_store      (HlPageRenderer    *self,
                                                 HlTopicStore      *store);
HlTopicStore   *hl_page_renderer_get_store      (HlPageRenderer    *self);
HlClinicDirectory *hl_page_renderer_get_clinics (HlPageRenderer    *self);
/* The topics the user read last (HlTopicRef, the last first), for the home
 * page's Recently Viewed; NULL or empty for none. */
void            hl_page_renderer_set_recent_topics (HlPageRenderer *self,
                                                    GListModel     *topics);
/* The home page says so when the content is older than this many days
 * (by default HL_PAGE_STALE_AFTER_DAYS); 0 never does. */
#define HL_PAGE_STALE_AFTER_DAYS 30
void            hl_page_renderer_set_stale_after_days (HlPageRenderer *self,
                                                       guint           days);
guint           hl_page_renderer_get_stale_after_days (HlPageRenderer *self);
/* The content language for pages that do not name one ("en" or "es"). */
void            hl_page_renderer_set_language   (HlPageRenderer    *self,
                                                 const char        *language);
const char     *hl_page_renderer_get_language   (HlPageRenderer    *self);
/* The clinic this computer is at, by its id in the directory: the home page
 * and every printed page name it. NULL, "" or an id the directory does not
 * have mean none. */
void            hl_page_renderer_set_home_clinic (HlPageRenderer   *self,
                                                  const char       *id);
/* NULL when there is none. */
HlClinic       *hl_page_renderer_get_home_clinic (HlPageRenderer   *self);

/* The page at @uri as a complete HTML document, or NULL with
 * HL_ERROR_NOT_FOUND for an address that has no page (hl-address.h says
 * which addresses have one). */
char           *hl_page_renderer_render         (HlPageRenderer    *self,
                                                 const char        *uri,
                                                 GError           **error);
char           *hl_page_renderer_render_address (HlPageRenderer   *self,
                                                 const HlAddress  *address,
                                                 GError          **error);
/* What the app's scheme serves at @uri: a page (text/html) or, at
 * hl://qr/ID, an image (image/svg+xml), with its type in @content_type; NULL
 * with HL_ERROR_NOT_FOUND when there is nothing there. */
GBytes         *hl_page_renderer_render_resource (HlPageRenderer  *self,
                                                  const char      *uri,
                                                  const char     **content_type,
                                                  GError         **error);
/* A page that explains a problem, with a link home. */
char           *hl_page_renderer_render_message (HlPageRenderer    *self,
                                                 const char        *title,
                                                 const char        *message);

G_END_DECLS
