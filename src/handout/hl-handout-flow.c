/* hl-handout-flow.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "hl-handout-flow.h"

/* Never one line of a paragraph alone at the foot or the head of a page. */
#define MIN_LINES 2
/* Between a list item's marker and its text. */
#define MARKER_GAP 5.0

typedef struct
{
  guint  start;
  int    end;
  char  *uri;
} Link;

typedef struct
{
  double top;        /* from the top of the layout */
  double bottom;
  double baseline;
  double x;
} Line;

struct _HlFlowBlock
{
  PangoLayout    *layout;      /* NULL for a box */
  PangoLayout    *marker;
  double          indent;
  double          space_before;
  double          height;      /* a box's */
  gboolean        keep_with_next;
  double          rgb[3];
  GArray         *links;       /* Link */
  GArray         *lines;       /* Line, measured by paginate */
  int             section;     /* the section it belongs to, or -1 */
  gboolean        starts_section;
  HlFlowDrawFunc  draw;
  gpointer        user_data;
  GDestroyNotify  destroy;
};

typedef struct
{
  HlFlowBlock *block;
  guint        first_line;
  guint        n_lines;
  double       y;            /* where the first line's (or the box's) top goes */
} Piece;

struct _HlFlow
{
  HlFlowPage  page;
  GPtrArray  *blocks;     /* HlFlowBlock */
  GPtrArray  *tags;       /* a section's tag, by section index */
  int         section;    /* of the blocks being added */
  gboolean    section_pending;
  GPtrArray  *pages;      /* GArray of Piece */
};

static void
link_clear (Link *link)
{
  g_free (link->uri);
}

static void
block_free (HlFlowBlock *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->marker);
  g_clear_pointer (&block->links, g_array_unref);
  g_clear_pointer (&block->lines, g_array_unref);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_free (block);
}

HlFlow *
hl_flow_new (const HlFlowPage *page)
{
  HlFlow *flow = g_new0 (HlFlow, 1);

  flow->page = *page;
  flow->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  flow->tags = g_ptr_array_new ();
  flow->section = -1;
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return flow;
}

void
hl_flow_free (HlFlow *flow)
{
  if (flow == NULL)
    return;

  g_ptr_array_unref (flow->blocks);
  g_ptr_array_unref (flow->tags);
  g_ptr_array_unref (flow->pages);
  g_free (flow);
}

double
hl_flow_get_column_width (HlFlow *flow)
{
  return flow->page.width - 2 * flow->page.margin_side;
}

static HlFlowBlock *
add_block (HlFlow *flow,
           double  space_before)
{
  HlFlowBlock *block = g_new0 (HlFlowBlock, 1);

  block->space_before = space_before;
  block->section = flow->section;
  block->starts_section = flow->section_pending;
  flow->section_pending = FALSE;
  block->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (block->links, (GDestroyNotify) link_clear);
  block->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_ptr_array_add (flow->blocks, block);
  return block;
}

HlFlowBlock *
hl_flow_add_text (HlFlow      *flow,
                  PangoLayout *layout,
                  double       indent,
                  double       space_before)
{
  HlFlowBlock *block = add_block (flow, space_before);

  block->layout = g_object_ref (layout);
  block->indent = indent;
  pango_layout_set_width (layout, (int) ((hl_flow_get_column_width (flow) - indent) * PANGO_SCALE));
  return block;
}

HlFlowBlock *
hl_flow_add_box (HlFlow         *flow,
                 double          height,
                 double          space_before,
                 HlFlowDrawFunc  draw,
                 gpointer        user_data,
                 GDestroyNotify  destroy)
{
  HlFlowBlock *block = add_block (flow, space_before);

  block->height = height;
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
  return block;
}

void
hl_flow_block_set_keep_with_next (HlFlowBlock *block,
                                  gboolean     keep)
{
  block->keep_with_next = keep;
}

void
hl_flow_block_set_marker (HlFlowBlock *block,
                          PangoLayout *marker)
{
  g_set_object (&block->marker, marker);
}

void
hl_flow_block_set_color (HlFlowBlock *block,
                         double       red,
                         double       green,
                         double       blue)
{
  block->rgb[0] = red;
  block->rgb[1] = green;
  block->rgb[2] = blue;
}

void
hl_flow_block_add_link (HlFlowBlock *block,
                        guint        start,
                        int          end,
                        const char  *uri)
{
  Link link = { start, end, g_strdup (uri) };

  g_array_append_val (block->links, link);
}

void
hl_flow_begin_section (HlFlow   *flow,
                       gpointer  tag)
{
  g_ptr_array_add (flow->tags, tag);
  flow->section = flow->tags->len - 1;
  flow->section_pending = TRUE;
}

/* Pagination */

static void
measure (HlFlowBlock *block)
{
  PangoLayoutIter *iter;

  g_array_set_size (block->lines, 0);
  if (block->layout == NULL)
    return;

  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double) logical.y / PANGO_SCALE;
      line.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (block->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
lines_height (HlFlowBlock *block,
              guint        first,
              guint        n)
{
  if (n == 0)
    return 0;

  return g_array_index (block->lines, Line, first + n - 1).bottom -
         g_array_index (block->lines, Line, first).top;
}

static double
block_height (HlFlowBlock *block)
{
  return block->layout == NULL ? block->height : lines_height (block, 0, block->lines->len);
}

/* What must follow block @index on its page: the first lines of the next
 * block, and more when that one keeps with the next too. */
static double
following_need (HlFlow *flow,
                guint   index,
                guint   depth)
{
  HlFlowBlock *next;
  double need;

  if (index + 1 >= flow->blocks->len || depth > 3)
    return 0;

  next = g_ptr_array_index (flow->blocks, index + 1);
  if (next->starts_section)
    return 0;

  if (next->layout == NULL)
    need = next->space_before + next->height;
  else
    need = next->space_before + lines_height (next, 0, MIN (MIN_LINES, next->lines->len));

  if (next->keep_with_next)
    need += following_need (flow, index + 1, depth + 1);
  return need;
}

/* The height of the section that starts at block @index. */
static double
section_height (HlFlow *flow,
                guint   index)
{
  double height = 0;

  for (guint i = index; i < flow->blocks->len; i++)
    {
      HlFlowBlock *block = g_ptr_array_index (flow->blocks, i);

      if (i > index && block->starts_section)
        break;
      height += (i > index ? block->space_before : 0) + block_height (block);
    }

  return height;
}

typedef struct
{
  HlFlow  *flow;
  GArray  *pieces;
  double   y;
  gboolean at_top;
} Cursor;

static void
new_page (Cursor *c)
{
  c->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (c->flow->pages, c->pieces);
  c->y = c->flow->page.margin_top;
  c->at_top = TRUE;
}

static void
place (Cursor      *c,
       HlFlowBlock *block,
       guint        first,
       guint        n,
       double       space,
       double       height)
{
  Piece piece = { block, first, n, c->y + space };

  g_array_append_val (c->pieces, piece);
  c->y += space + height;
  c->at_top = FALSE;
}

/* How many lines of @block, from @first, fit in @room. */
static guint
lines_fitting (HlFlowBlock *block,
               guint        first,
               double       room)
{
  guint k = 0;

  while (first + k < block->lines->len && lines_height (block, first, k + 1) <= room + 0.01)
    k++;
  return k;
}

static void
place_text (Cursor *c,
            guint   index,
            double  bottom)
{
  HlFlowBlock *block = g_ptr_array_index (c->flow->blocks, index);
  guint n = block->lines->len;
  guint first = 0;

  while (first < n)
    {
      double space = c->at_top || first > 0 ? 0 : block->space_before;
      double room = bottom - (c->y + space);
      guint remaining = n - first;
      guint k = lines_fitting (block, first, room);

      if (k < remaining)
        {
          /* Not all of it fits: break between lines, keeping at least two
           * on each side when the paragraph has them. */
          if (k < MIN (MIN_LINES, remaining))
            k = 0;
          if (k > 0 && remaining - k < MIN_LINES && remaining >= 2 * MIN_LINES)
            k = remaining - MIN_LINES;
          else if (k > 0 && remaining - k < MIN_LINES)
            k = 0;
        }
      else if (block->keep_with_next && !c->at_top &&
               lines_height (block, first, k) + following_need (c->flow, index, 0) > room)
        k = first == 0 ? 0 : k;

      if (k == 0 && c->at_top)
        /* Taller than a page: whatever fits, at least a line. */
        k = MAX (1, lines_fitting (block, first, room));

      if (k == 0)
        {
          new_page (c);
          continue;
        }

      place (c, block, first, k, space, lines_height (block, first, k));
      first += k;
      if (first < n)
        new_page (c);
    }
}

guint
hl_flow_paginate (HlFlow *flow)
{
  double bottom = flow->page.height - flow->page.margin_bottom - flow->page.footer_height;
  Cursor c = { flow, NULL, 0, TRUE };

  g_ptr_array_set_size (flow->pages, 0);
  for (guint i = 0; i < flow->blocks->len; i++)
    measure (g_ptr_array_index (flow->blocks, i));

  new_page (&c);
  for (guint i = 0; i < flow->blocks->len; i++)
    {
      HlFlowBlock *block = g_ptr_array_index (flow->blocks, i);

      /* A section after the first starts on a new page unless it fits
       * whole here. */
      if (block->starts_section && block->section > 0 && !c.at_top &&
          c.y + block->space_before + section_height (flow, i) > bottom)
        new_page (&c);

      if (block->layout != NULL)
        place_text (&c, i, bottom);
      else
        {
          double space = c.at_top ? 0 : block->space_before;
          double need = block->height + (block->keep_with_next ? following_need (flow, i, 0) : 0);

          if (!c.at_top && c.y + space + need > bottom)
            {
              new_page (&c);
              space = 0;
            }
          place (&c, block, 0, 0, space, block->height);
        }
    }

  return flow->pages->len;
}

guint
hl_flow_get_n_pages (HlFlow *flow)
{
  return flow->pages->len;
}

gpointer
hl_flow_get_page_tag (HlFlow *flow,
                      guint   page)
{
  int last = -1;

  for (guint p = 0; p <= page && p < flow->pages->len; p++)
    {
      GArray *pieces = g_ptr_array_index (flow->pages, p);

      for (guint i = 0; i < pieces->len; i++)
        {
          HlFlowBlock *block = g_array_index (pieces, Piece, i).block;

          if (block->section < 0)
            continue;
          if (p == page)
            return g_ptr_array_index (flow->tags, block->section);
          last = block->section;
        }
    }

  /* A page that begins in the middle of a section, or holds only what comes
   * before the first one (the header). */
  if (last >= 0)
    return g_ptr_array_index (flow->tags, last);
  return flow->tags->len > 0 ? g_ptr_array_index (flow->tags, 0) : NULL;
}

int
hl_flow_get_section_page (HlFlow   *flow,
                          gpointer  tag)
{
  for (guint p = 0; p < flow->pages->len; p++)
    {
      GArray *pieces = g_ptr_array_index (flow->pages, p);

      for (guint i = 0; i < pieces->len; i++)
        {
          HlFlowBlock *block = g_array_index (pieces, Piece, i).block;

          if (block->starts_section && g_ptr_array_index (flow->tags, block->section) == tag)
            return p;
        }
    }

  return -1;
}

guint
hl_flow_count_lines_on_page (HlFlow      *flow,
                             guint        page,
                             HlFlowBlock *block)
{
  GArray *pieces;
  guint n = 0;

  g_return_val_if_fail (page < flow->pages->len, 0);

  pieces = g_ptr_array_index (flow->pages, page);
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);

      if (piece->block == block)
        n += block->layout != NULL ? piece->n_lines : 1;
    }

  return n;
}

/* Drawing */

static gboolean
is_pdf (cairo_t *cr)
{
  return cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;
}

/* A link area for PDF readers; printers and screens have no use for it. */
void
hl_flow_tag_link (cairo_t    *cr,
                  const char *uri,
                  double      x,
                  double      y,
                  double      width,
                  double      height)
{
  g_autoptr(GString) attributes = NULL;

  if (!is_pdf (cr) || width <= 0 || height <= 0)
    return;

  attributes = g_string_new ("uri='");
  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_printf (attributes, "' rect=[%.2f %.2f %.2f %.2f]", x, y, width, height);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
}

void
hl_flow_show_layout (cairo_t     *cr,
                     PangoLayout *layout,
                     double       x,
                     double       y,
                     const char  *uri)
{
  PangoRectangle logical;

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);

  if (uri == NULL)
    return;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  hl_flow_tag_link (cr, uri, x + logical.x, y + logical.y, logical.width, logical.height);
}

static void
draw_links_on_line (cairo_t         *cr,
                    HlFlowBlock     *block,
                    PangoLayoutLine *line,
                    const Line      *metrics,
                    double           x,
                    double           top)
{
  const char *text = pango_layout_get_text (block->layout);
  int length = (int) strlen (text);

  for (guint i = 0; i < block->links->len; i++)
    {
      const Link *link = &g_array_index (block->links, Link, i);
      int end = link->end < 0 ? length : MIN (link->end, length);
      int from = MAX ((int) link->start, line->start_index);
      int to = MIN (end, line->start_index + line->length);
      int x1, x2;

      if (from >= to)
        continue;

      pango_layout_line_index_to_x (line, from, FALSE, &x1);
      pango_layout_line_index_to_x (line, g_utf8_prev_char (text + to) - text, TRUE, &x2);
      hl_flow_tag_link (cr, link->uri, x + metrics->x + MIN (x1, x2) / (double) PANGO_SCALE,
                top + metrics->top, ABS (x2 - x1) / (double) PANGO_SCALE,
                metrics->bottom - metrics->top);
    }
}

static void
draw_text (HlFlow  *flow,
           cairo_t *cr,
           Piece   *piece)
{
  HlFlowBlock *block = piece->block;
  double x = flow->page.margin_side + block->indent;
  double top = piece->y - g_array_index (block->lines, Line, piece->first_line).top;

  cairo_set_source_rgb (cr, block->rgb[0], block->rgb[1], block->rgb[2]);

  for (guint i = piece->first_line; i < piece->first_line + piece->n_lines; i++)
    {
      const Line *metrics = &g_array_index (block->lines, Line, i);
      PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, i);

      cairo_move_to (cr, x + metrics->x, top + metrics->baseline);
      pango_cairo_show_layout_line (cr, line);
      draw_links_on_line (cr, block, line, metrics, x, top);

      if (i == 0 && block->marker != NULL)
        {
          PangoRectangle logical;

          pango_layout_get_extents (block->marker, NULL, &logical);
          cairo_move_to (cr, x - MARKER_GAP - (double) logical.width / PANGO_SCALE,
                         top + metrics->baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->marker, 0));
        }
    }
}

void
hl_flow_draw_page (HlFlow  *flow,
                   cairo_t *cr,
                   guint    page)
{
  GArray *pieces;

  g_return_if_fail (page < flow->pages->len);

  pieces = g_ptr_array_index (flow->pages, page);
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);

      cairo_save (cr);
      if (piece->block->layout != NULL)
        draw_text (flow, cr, piece);
      else if (piece->block->draw != NULL)
        piece->block->draw (piece->block, cr, flow->page.margin_side, piece->y,
                            hl_flow_get_column_width (flow), piece->block->user_data);
      cairo_restore (cr);
    }
}
