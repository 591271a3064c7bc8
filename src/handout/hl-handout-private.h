/* hl-handout-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "hl-handout-flow.h"
#include "hl-handout.h"
#include "hl-topic.h"

G_BEGIN_DECLS

/* The handout spans hl-handout.c (options, sections, pages, footer, PDF) and
 * hl-handout-content.c (what goes into the flow: header, contents, topics). */

/* Type sizes in points, normal or large print. */
typedef struct
{
  double body;
  double small;
  double title;
  double heading;
  double subheading;
  double organization;
  double helpline;
  double footer;
  double indent;      /* a list level */
  double qr_side;
  double gap;         /* between paragraphs */
} HlHandoutSizes;

/* A topic in one language: what a section of the flow is made of. */
typedef struct
{
  HlTopic *topic;
  guint    number;    /* in the contents, from 1 */
} HlHandoutSection;

struct _HlHandout
{
  GObject             parent_instance;

  HlTopicStore       *store;
  HlClinicDirectory  *clinics;
  GArray             *topic_ids;      /* int */
  char               *home_clinic;
  HlHandoutLanguage   language;
  gboolean            large_print;

  /* The last layout */
  PangoContext       *contexts[2];  /* English, Spanish */
  HlFlow             *flow;
  GPtrArray          *sections;       /* HlHandoutSection */
  GPtrArray          *notes;          /* char *, NULL-terminated */
  gboolean            multilingual;   /* sections in both languages */
  const HlHandoutSizes *sizes;
  double              width;
  double              height;
};

extern const double HL_HANDOUT_TEXT[3];
extern const double HL_HANDOUT_DIM[3];
extern const double HL_HANDOUT_ACCENT[3];
extern const double HL_HANDOUT_WARNING[3];

/* A layout in the handout's type, @size points, in @language. */
PangoLayout *hl_handout_new_layout      (HlHandout        *self,
                                         const char       *language,
                                         double            size,
                                         gboolean          bold);
/* The language's name in itself: "English", "Español". */
const char  *hl_handout_language_name   (const char       *language);

/* hl-handout-content.c */
void         hl_handout_add_header      (HlHandout        *self,
                                         const char       *language);
void         hl_handout_add_contents    (HlHandout        *self,
                                         const char       *language);
void         hl_handout_add_section     (HlHandout        *self,
                                         HlHandoutSection *section);

G_END_DECLS
