/* hl-handout.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "hl-clinic-directory.h"
#include "hl-topic-store.h"

G_BEGIN_DECLS

/* US Letter, in points: the paper of the clinics the app is made for. */
#define HL_HANDOUT_LETTER_WIDTH  612.0
#define HL_HANDOUT_LETTER_HEIGHT 792.0

typedef enum
{
  HL_HANDOUT_LANGUAGE_AS_CHOSEN,  /* each topic in the language it was chosen in */
  HL_HANDOUT_LANGUAGE_ENGLISH,
  HL_HANDOUT_LANGUAGE_SPANISH,
  HL_HANDOUT_LANGUAGE_BOTH,       /* each topic, then its counterpart */
} HlHandoutLanguage;

#define HL_TYPE_HANDOUT (hl_handout_get_type ())

G_DECLARE_FINAL_TYPE (HlHandout, hl_handout, HL, HANDOUT, GObject)

/* A patient handout of one topic or several: a print layout made with Pango
 * and Cairo, not a web page on paper. The same layout is drawn into a PDF
 * file, for the printer and in the preview, and needs no display.
 *
 * On top of the first page: the organization, its 24/7 helpline and the
 * home clinic with the facts the directory has; a contents list when there
 * are several topics. For each topic: title, also-called, the summary as
 * MedlinePlus published it, the "Start Here" links with their addresses,
 * and a QR code of its MedlinePlus address. At the foot of every page: page
 * N of M, the date of the data, the credit to MedlinePlus and NLM, and the
 * sample-library warning while the sample is in use. */
HlHandout   *hl_handout_new              (HlTopicStore      *store,
                                          HlClinicDirectory *clinics);

/* The same topics and options, not laid out: for another paper. */
HlHandout   *hl_handout_copy             (HlHandout         *self);

void         hl_handout_add_topic        (HlHandout         *self,
                                          int                id);
guint        hl_handout_get_n_topics     (HlHandout         *self);
/* The clinic id of the directory for the header, or NULL/"" for none. */
void         hl_handout_set_home_clinic  (HlHandout         *self,
                                          const char        *clinic_id);
void         hl_handout_set_language     (HlHandout         *self,
                                          HlHandoutLanguage  language);
HlHandoutLanguage hl_handout_get_language (HlHandout        *self);
void         hl_handout_set_large_print  (HlHandout         *self,
                                          gboolean           large_print);
gboolean     hl_handout_get_large_print  (HlHandout         *self);

/* "en", "es" and "both" (any case); FALSE for anything else. */
gboolean     hl_handout_parse_language   (const char        *text,
                                          HlHandoutLanguage *language);

/* Lays the handout out on pages of @width × @height points. Fails with
 * HL_ERROR_NOT_FOUND for a topic the library lacks or, for a single topic,
 * a language it does not have; HL_ERROR_INVALID_DATA without topics. */
gboolean     hl_handout_layout           (HlHandout         *self,
                                          double             width,
                                          double             height,
                                          GError           **error);
/* Of the last layout (0 before one). */
guint        hl_handout_get_n_pages      (HlHandout         *self);
double       hl_handout_get_page_width   (HlHandout         *self);
double       hl_handout_get_page_height  (HlHandout         *self);
/* Draws @page (from 0) of the last layout, its top left corner at the
 * origin, one unit a point. */
void         hl_handout_draw_page        (HlHandout         *self,
                                          cairo_t           *cr,
                                          guint              page);
/* What the last layout could not do as asked, for the person printing:
 * "“Diabetes” is not in the library in Spanish…". NULL-terminated. */
const char * const *hl_handout_get_notes (HlHandout         *self);
/* The title of the first topic of the last layout, for a file name. */
const char  *hl_handout_get_title        (HlHandout         *self);

/* Writes the last layout (or a new one on US Letter) as a PDF file, in
 * place of @file only once it is complete. */
gboolean     hl_handout_write_pdf        (HlHandout         *self,
                                          GFile             *file,
                                          GError           **error);

G_END_DECLS
