/* hl-handout-flow.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The handout's pages: blocks laid out one after the other down the page,
 * then cut into pages. Paragraphs break between lines (never leaving one
 * line alone at the bottom or the top of a page); headings stay with what
 * follows; boxes (the header, a QR code) never break. Units are points;
 * nothing here knows about topics. */

typedef struct _HlFlow      HlFlow;
typedef struct _HlFlowBlock HlFlowBlock;

/* Draws a box whose top left corner is at (@x, @y), @width wide. */
typedef void (*HlFlowDrawFunc) (HlFlowBlock *block,
                                cairo_t     *cr,
                                double       x,
                                double       y,
                                double       width,
                                gpointer     user_data);

typedef struct
{
  double width;
  double height;
  double margin_top;
  double margin_side;
  double margin_bottom;   /* above the footer */
  double footer_height;
} HlFlowPage;

HlFlow      *hl_flow_new               (const HlFlowPage *page);
void         hl_flow_free              (HlFlow           *flow);
/* The width of the text column. */
double       hl_flow_get_column_width  (HlFlow           *flow);

/* A paragraph: @layout's width is set to the column less @indent. The flow
 * keeps a reference. */
HlFlowBlock *hl_flow_add_text          (HlFlow           *flow,
                                        PangoLayout      *layout,
                                        double            indent,
                                        double            space_before);
/* A box of fixed height drawn by @draw. */
HlFlowBlock *hl_flow_add_box           (HlFlow           *flow,
                                        double            height,
                                        double            space_before,
                                        HlFlowDrawFunc    draw,
                                        gpointer          user_data,
                                        GDestroyNotify    destroy);

/* The block goes on the page of the first lines of the next one. */
void         hl_flow_block_set_keep_with_next (HlFlowBlock *block,
                                               gboolean     keep);
/* A marker (a bullet, "2.") drawn in the indent, on the first line. */
void         hl_flow_block_set_marker  (HlFlowBlock      *block,
                                        PangoLayout      *marker);
void         hl_flow_block_set_color   (HlFlowBlock      *block,
                                        double            red,
                                        double            green,
                                        double            blue);
/* A link over bytes @start to @end of the paragraph's text, for PDF
 * readers; @end -1 is the end of the text. */
void         hl_flow_block_add_link    (HlFlowBlock      *block,
                                        guint             start,
                                        int               end,
                                        const char       *uri);

/* Starts a section (a topic in one language): it begins on a new page
 * unless it fits whole in what is left of the current one. @tag is kept
 * for hl_flow_get_page_tag() and hl_flow_get_section_page(). */
void         hl_flow_begin_section     (HlFlow           *flow,
                                        gpointer          tag);

/* Cuts the blocks into pages; returns the number of pages (at least 1). */
guint        hl_flow_paginate          (HlFlow           *flow);
guint        hl_flow_get_n_pages       (HlFlow           *flow);
/* The tag of the section at the top of @page (NULL before the first). */
gpointer     hl_flow_get_page_tag      (HlFlow           *flow,
                                        guint             page);
/* The page (from 0) on which the section with @tag begins, or -1. */
int          hl_flow_get_section_page  (HlFlow           *flow,
                                        gpointer          tag);
/* How many lines of @block are on @page (1 for a box there); for tests. */
guint        hl_flow_count_lines_on_page (HlFlow         *flow,
                                          guint           page,
                                          HlFlowBlock    *block);
/* Draws the blocks of @page (from 0), not the footer. */
void         hl_flow_draw_page         (HlFlow           *flow,
                                        cairo_t          *cr,
                                        guint             page);

/* Draws @layout's lines with links as PDF link areas: for boxes. */
void         hl_flow_show_layout       (cairo_t          *cr,
                                        PangoLayout      *layout,
                                        double            x,
                                        double            y,
                                        const char       *uri);

/* A link area over a rectangle, in a PDF; nothing on other surfaces. */
void         hl_flow_tag_link          (cairo_t          *cr,
                                        const char       *uri,
                                        double            x,
                                        double            y,
                                        double            width,
                                        double            height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlFlow, hl_flow_free)

G_END_DECLS
