/* hl-page-renderer-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-catalog.h"
#include "hl-page-renderer.h"

G_BEGIN_DECLS

/* Page text is in the page's language, not necessarily the UI's. */
#define P_(language, text)                  hl_catalog_gettext (language, text)
#define PC_(language, context, text)        hl_catalog_pgettext (language, context, text)
#define PN_(language, single, plural, n)    hl_catalog_ngettext (language, single, plural, n)

/* The renderer spans hl-page-renderer.c (addresses, the frame of every page,
 * home, groups, A–Z) and one file for each other kind of page. */

/* Starts the document: head with its one stylesheet, the organization's
 * banner for printed handouts, and the sample notice when it applies. */
void     hl_page_begin                (HlPageRenderer *self,
                                       GString        *out,
                                       const char     *title,
                                       const char     *language,
                                       const char     *body_class);
/* Ends the document with the credit to MedlinePlus and the data's date. */
void     hl_page_end                  (HlPageRenderer *self,
                                       GString        *out,
                                       const char     *language);

/* <a href="…">text</a>, or the text alone when the address is not safe. */
void     hl_page_append_link          (GString        *out,
                                       const char     *href,
                                       const char     *text,
                                       const char     *css_class);
/* "November 23, 2026" in @language, from "2026-11-23[T…]". */
char    *hl_page_format_date          (const char     *iso,
                                       const char     *language);

/* The content language a page asks for with ?lang=, or the renderer's. */
const char *hl_page_language          (HlPageRenderer *self,
                                       GHashTable     *params);
gboolean hl_page_set_not_found        (GError        **error,
                                       const char     *uri);
gboolean hl_page_require_store        (HlPageRenderer *self,
                                       GError        **error);
/* "24/7 helpline: <a href=tel:…>(903) 212-7500</a>", when there is one. */
void     hl_page_append_helpline      (HlPageRenderer *self,
                                       GString        *out,
                                       const char     *language);

/* One file a page: hl-topic-page.c, hl-search-page.c, hl-clinic-page.c;
 * home, group and index pages are in hl-page-renderer.c. */
char    *hl_page_render_topic         (HlPageRenderer *self,
                                       int             id,
                                       GError        **error);
char    *hl_page_render_search        (HlPageRenderer *self,
                                       GHashTable     *params,
                                       GError        **error);
char    *hl_page_render_clinic        (HlPageRenderer *self,
                                       const char     *id,
                                       const char     *uri,
                                       GError        **error);

G_END_DECLS
