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
/* The content language for pages that do not name one ("en" or "es"). */
void            hl_page_renderer_set_language   (HlPageRenderer    *self,
                                                 const char        *language);
const char     *hl_page_renderer_get_language   (HlPageRenderer    *self);

/* The page at @uri as a complete HTML document, or NULL with
 * HL_ERROR_NOT_FOUND for an address that has no page (hl-address.h says
 * which addresses have one). */
char           *hl_page_renderer_render         (HlPageRenderer    *self,
                                                 const char        *uri,
                                                 GError           **error);
char           *hl_page_renderer_render_address (HlPageRenderer   *self,
                                                 const HlAddress  *address,
                                                 GError          **error);
/* A page that explains a problem, with a link home. */
char           *hl_page_renderer_render_message (HlPageRenderer    *self,
                                                 const char        *title,
                                                 const char        *message);

G_END_DECLS
