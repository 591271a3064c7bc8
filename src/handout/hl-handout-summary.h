/* hl-handout-summary.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* A topic's summary for paper: the stored, sanitized HTML taken apart into
 * paragraphs of text with bold and italic runs and the spans of its links.
 * The words are MedlinePlus's, unchanged; only white space is collapsed, as
 * a browser would. */

typedef enum
{
  HL_HANDOUT_PARA_TEXT,
  HL_HANDOUT_PARA_HEADING,   /* <h3> */
  HL_HANDOUT_PARA_ITEM,      /* the start of a list item, with its marker */
} HlHandoutParaKind;

typedef struct
{
  guint  start;   /* byte offsets into the paragraph's text */
  guint  end;
  char  *uri;
} HlHandoutLink;

typedef struct
{
  HlHandoutParaKind  kind;
  guint              depth;    /* list nesting: 0 outside lists */
  char              *marker;   /* "•", "◦", "3."… for an item; NULL otherwise */
  char              *text;
  PangoAttrList     *attrs;    /* bold and italic runs */
  GArray            *links;    /* HlHandoutLink */
} HlHandoutPara;

void       hl_handout_para_free      (HlHandoutPara *para);
/* HlHandoutPara items, in order; never NULL. Input the sanitizer did not
 * produce is taken as plain text. */
GPtrArray *hl_handout_summary_parse  (const char    *html);

G_END_DECLS
