/* hl-page-renderer-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-page-renderer.h"

G_BEGIN_DECLS

/* The renderer spans hl-page-renderer.c (frame, home, lists, clinics, search)
 * and hl-topic-page.c (the topic page). */

/* Starts the document: head with its one stylesheet, the organization's
 * banner for printed handouts, and the sample notice when it applies. */
void     hl_page_begin                (HlPageRenderer *self,
                                       GString        *out,
                                       const char     *title,
                                       const char     *language,
                                       const char     *body_class);
/* Ends the document with the credit to MedlinePlus and the data's date. */
void     hl_page_end                  (HlPageRenderer *self,
                                       GString        *out);

/* <a href="…">text</a>, or the text alone when the address is not safe. */
void     hl_page_append_link          (GString        *out,
                                       const char     *href,
                                       const char     *text,
                                       const char     *css_class);
/* "November 23, 2026" in the UI's language, from "2026-11-23[T…]". */
char    *hl_page_format_date          (const char     *iso);

char    *hl_page_render_topic         (HlPageRenderer *self,
                                       int             id,
                                       GError        **error);

G_END_DECLS
