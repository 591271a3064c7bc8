/* hl-page-builder.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-address.h"
#include "hl-catalog.h"
#include "hl-clinic-directory.h"
#include "hl-topic-store.h"

G_BEGIN_DECLS

/* Page text is in the page's language, not necessarily the UI's. */
#define P_(language, text)                  hl_catalog_gettext (language, text)
#define PC_(language, context, text)        hl_catalog_pgettext (language, context, text)
#define PN_(language, single, plural, n)    hl_catalog_ngettext (language, single, plural, n)

/* What every page is made from. HlPageRenderer keeps one and hands it to
 * the page files (hl-home-page.c, hl-topic-page.c, …), which build their
 * HTML with the helpers below and never call back into the renderer. */
typedef struct
{
  HlTopicStore      *store;       /* NULL while there is no library */
  HlClinicDirectory *clinics;     /* may be NULL */
  const char        *language;    /* for pages that name none: "en" or "es" */
  GBytes            *stylesheet;  /* page.css */
  HlClinic          *home_clinic; /* the clinic this computer is at, or NULL */
  GListModel        *recent;      /* HlTopicRef the user read last, or NULL */
  guint              stale_after_days;  /* the home page says when content is older; 0: never */
} HlPageContext;

/* Starts the document: head with its one stylesheet, the organization's
 * banner for printed handouts (with the home clinic, when there is one), and
 * the sample notice when it applies.
 * @language NULL is the context's. */
void        hl_page_begin                  (const HlPageContext  *ctx,
                                            GString              *out,
                                            const char           *title,
                                            const char           *language,
                                            const char           *body_class);
/* Ends the document with the credit to MedlinePlus and the data's date. */
void        hl_page_end                    (const HlPageContext  *ctx,
                                            GString              *out,
                                            const char           *language);

/* <a href="…">text</a>, or the text alone when the address is not safe. */
void        hl_page_append_link            (GString              *out,
                                            const char           *href,
                                            const char           *text,
                                            const char           *css_class);
/* "24/7 helpline: <a href=tel:…>(903) 212-7500</a>", when there is one. */
void        hl_page_append_helpline        (const HlPageContext  *ctx,
                                            GString              *out,
                                            const char           *language);
/* What the directory knows of @clinic as a <dl class="facts">: address,
 * phone, fax, hours, and with @services its services. FALSE, and nothing
 * appended, when it knows none of them. */
gboolean    hl_page_append_clinic_facts    (GString              *out,
                                            HlClinic             *clinic,
                                            const char           *language,
                                            gboolean              services);
/* " MedlinePlus data of November 23, 2026." (or the sample's date). */
void        hl_page_append_source_line     (const HlPageContext  *ctx,
                                            GString              *out,
                                            const char           *language);
/* A list of links to the HlTopicRef items of @topics. */
void        hl_page_append_topic_list      (GString              *out,
                                            GListModel           *topics);
/* The A–Z bar of @letters, those that have topics (from
 * hl_topic_store_dup_index_letters()); @current is marked. */
void        hl_page_append_letter_bar      (GString              *out,
                                            const char           *letters,
                                            const char           *language,
                                            char                  current);
/* A link to @page in the other language than @language. */
void        hl_page_append_language_switch (GString              *out,
                                            const HlAddress      *page,
                                            const char           *language);

/* "November 23, 2026" in @language, from "2026-11-23[T…]". */
char       *hl_page_format_date            (const char           *iso,
                                            const char           *language);

/* The content language a page asks for with ?lang=, or the context's. */
const char *hl_page_language               (const HlPageContext  *ctx,
                                            const HlAddress      *address);
gboolean    hl_page_set_not_found          (GError              **error,
                                            const char           *uri);
gboolean    hl_page_require_store          (const HlPageContext  *ctx,
                                            GError              **error);

G_END_DECLS
