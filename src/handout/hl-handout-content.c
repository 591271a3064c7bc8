/* hl-handout-content.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hl-handout-private.h"
#include "hl-handout-summary.h"
#include "hl-html.h"
#include "hl-page-builder.h"
#include "hl-qr.h"
#include "hl-topic-page.h"

/* Pixels a module of the QR image: enough for a reader to take the image
 * out of the PDF and decode it, and for a printer to keep its edges sharp. */
#define QR_PIXELS_PER_MODULE 8

/* Text with runs of bold, colour and smaller type, built a piece at a time. */
typedef struct
{
  GString       *text;
  PangoAttrList *attrs;
} Rich;

static void
rich_init (Rich *rich)
{
  rich->text = g_string_new (NULL);
  rich->attrs = pango_attr_list_new ();
}

static void
rich_clear (Rich *rich)
{
  g_string_free (rich->text, TRUE);
  pango_attr_list_unref (rich->attrs);
}

static void
rich_add_attr (Rich           *rich,
               PangoAttribute *attr,
               guint           start)
{
  attr->start_index = start;
  attr->end_index = rich->text->len;
  pango_attr_list_insert (rich->attrs, attr);
}

/* Appends @text; returns where it starts. */
static guint
rich_append (Rich         *rich,
             const char   *text,
             gboolean      bold,
             const double *color,
             double        scale)
{
  guint start = rich->text->len;

  g_string_append (rich->text, text);
  if (bold)
    rich_add_attr (rich, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
  if (color != NULL)
    rich_add_attr (rich, pango_attr_foreground_new (color[0] * 65535, color[1] * 65535,
                                                    color[2] * 65535), start);
  if (scale != 1.0)
    rich_add_attr (rich, pango_attr_scale_new (scale), start);
  return start;
}

static PangoLayout *
rich_to_layout (HlHandout  *self,
                Rich       *rich,
                const char *language,
                double      size,
                gboolean    bold)
{
  PangoLayout *layout = hl_handout_new_layout (self, language, size, bold);

  pango_layout_set_text (layout, rich->text->str, -1);
  pango_layout_set_attributes (layout, rich->attrs);
  return layout;
}

static HlFlowBlock *
add_text (HlHandout    *self,
          PangoLayout  *layout,
          double        indent,
          double        space_before,
          const double *color)
{
  HlFlowBlock *block = hl_flow_add_text (self->flow, layout, indent, space_before);

  hl_flow_block_set_color (block, color[0], color[1], color[2]);
  return block;
}

static HlFlowBlock *
add_plain (HlHandout    *self,
           const char   *language,
           const char   *text,
           double        size,
           gboolean      bold,
           double        space_before,
           const double *color)
{
  g_autoptr(PangoLayout) layout = hl_handout_new_layout (self, language, size, bold);

  pango_layout_set_text (layout, text, -1);
  return add_text (self, layout, 0, space_before, color);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The header: organization, helpline, home clinic */

typedef struct
{
  PangoLayout *organization;
  PangoLayout *clinic;          /* NULL without a home clinic */
  PangoLayout *helpline_label;  /* NULL without a helpline */
  PangoLayout *helpline;
  char        *helpline_uri;
  double       left_width;
  double       right_width;
  double       content_height;
} Header;

static void
header_free (Header *header)
{
  g_clear_object (&header->organization);
  g_clear_object (&header->clinic);
  g_clear_object (&header->helpline_label);
  g_clear_object (&header->helpline);
  g_free (header->helpline_uri);
  g_free (header);
}

static void
draw_header (HlFlowBlock *block,
             cairo_t     *cr,
             double       x,
             double       y,
             double       width,
             gpointer     user_data)
{
  Header *header = user_data;
  double rule = y + header->content_height + 8;

  cairo_set_source_rgb (cr, HL_HANDOUT_ACCENT[0], HL_HANDOUT_ACCENT[1], HL_HANDOUT_ACCENT[2]);
  hl_flow_show_layout (cr, header->organization, x, y, NULL);
  if (header->clinic != NULL)
    {
      cairo_set_source_rgb (cr, HL_HANDOUT_TEXT[0], HL_HANDOUT_TEXT[1], HL_HANDOUT_TEXT[2]);
      hl_flow_show_layout (cr, header->clinic, x, y + layout_height (header->organization) + 2,
                           NULL);
    }

  if (header->helpline != NULL)
    {
      double right = x + width - header->right_width;

      cairo_set_source_rgb (cr, HL_HANDOUT_DIM[0], HL_HANDOUT_DIM[1], HL_HANDOUT_DIM[2]);
      hl_flow_show_layout (cr, header->helpline_label, right, y, NULL);
      cairo_set_source_rgb (cr, HL_HANDOUT_TEXT[0], HL_HANDOUT_TEXT[1], HL_HANDOUT_TEXT[2]);
      hl_flow_show_layout (cr, header->helpline, right, y + layout_height (header->helpline_label),
                           header->helpline_uri);
    }

  cairo_set_source_rgb (cr, HL_HANDOUT_ACCENT[0], HL_HANDOUT_ACCENT[1], HL_HANDOUT_ACCENT[2]);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x, rule);
  cairo_line_to (cr, x + width, rule);
  cairo_stroke (cr);
}

/* The home clinic, with only the facts the directory has. */
static PangoLayout *
clinic_layout (HlHandout  *self,
               HlClinic   *clinic,
               const char *language,
               double      width)
{
  const HlHandoutSizes *sizes = self->sizes;
  g_autofree char *place = hl_clinic_dup_place (clinic);
  const char *name = hl_clinic_get_name (clinic);
  const char *city = hl_clinic_get_city (clinic);
  const char *facts[][2] = {
    { P_ (language, "Phone"), hl_clinic_get_phone (clinic) },
    { P_ (language, "Fax"), hl_clinic_get_fax (clinic) },
  };
  PangoLayout *layout;
  gboolean any = FALSE;
  Rich rich;

  rich_init (&rich);
  /* "Kilgore, TX" says it all when the clinic is named after its town. */
  if (g_strcmp0 (name, city) == 0 && place != NULL)
    rich_append (&rich, place, TRUE, NULL, 1.0);
  else
    {
      rich_append (&rich, name, TRUE, NULL, 1.0);
      if (place != NULL)
        {
          rich_append (&rich, " · ", FALSE, NULL, 1.0);
          rich_append (&rich, place, FALSE, NULL, 1.0);
        }
    }

  if (hl_clinic_get_address (clinic) != NULL)
    {
      const char *postal = hl_clinic_get_postal_code (clinic);

      g_string_append_printf (rich.text, "\n%s, %s%s%s", hl_clinic_get_address (clinic),
                              place ? place : "", postal ? " " : "", postal ? postal : "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      if (facts[i][1] == NULL)
        continue;
      g_string_append (rich.text, any ? "   " : "\n");
      rich_append (&rich, facts[i][0], TRUE, HL_HANDOUT_DIM, 1.0);
      g_string_append_printf (rich.text, " %s", facts[i][1]);
      any = TRUE;
    }

  if (hl_clinic_get_hours (clinic) != NULL)
    {
      g_string_append_c (rich.text, '\n');
      rich_append (&rich, P_ (language, "Hours"), TRUE, HL_HANDOUT_DIM, 1.0);
      g_string_append_printf (rich.text, " %s", hl_clinic_get_hours (clinic));
    }

  layout = rich_to_layout (self, &rich, language, sizes->small, FALSE);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, 1.15);
  rich_clear (&rich);
  return layout;
}

void
hl_handout_add_header (HlHandout  *self,
                       const char *language)
{
  const HlHandoutSizes *sizes = self->sizes;
  double width = hl_flow_get_column_width (self->flow);
  const char *organization = self->clinics
                               ? hl_clinic_directory_get_organization_name (self->clinics)
                               : NULL;
  const char *helpline = self->clinics ? hl_clinic_directory_get_helpline (self->clinics) : NULL;
  HlClinic *clinic = self->clinics && self->home_clinic
                       ? hl_clinic_directory_lookup (self->clinics, self->home_clinic)
                       : NULL;
  Header *header = g_new0 (Header, 1);
  double left, right;

  header->right_width = helpline != NULL ? width * 0.36 : 0;
  header->left_width = width - header->right_width - 12;

  header->organization = hl_handout_new_layout (self, language, sizes->organization, TRUE);
  pango_layout_set_text (header->organization,
                         organization ? organization : P_ (language, "Health Library"), -1);
  pango_layout_set_width (header->organization, (int) (header->left_width * PANGO_SCALE));
  left = layout_height (header->organization);

  if (clinic != NULL)
    {
      header->clinic = clinic_layout (self, clinic, language, header->left_width);
      left += 2 + layout_height (header->clinic);
    }

  right = 0;
  if (helpline != NULL)
    {
      header->helpline_label = hl_handout_new_layout (self, language, sizes->small, TRUE);
      pango_layout_set_text (header->helpline_label, P_ (language, "24/7 helpline:"), -1);
      header->helpline = hl_handout_new_layout (self, language, sizes->helpline, TRUE);
      pango_layout_set_text (header->helpline, helpline, -1);
      header->helpline_uri = hl_phone_to_tel_uri (helpline);
      for (guint i = 0; i < 2; i++)
        {
          PangoLayout *layout = i == 0 ? header->helpline_label : header->helpline;

          pango_layout_set_width (layout, (int) (header->right_width * PANGO_SCALE));
          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
        }
      right = layout_height (header->helpline_label) + layout_height (header->helpline);
    }

  header->content_height = MAX (left, right);
  hl_flow_add_box (self->flow, header->content_height + 10, 0, draw_header, header,
                   (GDestroyNotify) header_free);
}

/* The contents of a handout of several topics */

typedef struct
{
  HlHandout        *self;      /* owns the flow, which owns this */
  HlHandoutSection *section;
  PangoLayout      *title;
  char             *language;
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->title);
  g_free (entry->language);
  g_free (entry);
}

static void
draw_entry (HlFlowBlock *block,
            cairo_t     *cr,
            double       x,
            double       y,
            double       width,
            gpointer     user_data)
{
  Entry *entry = user_data;
  int page = hl_flow_get_section_page (entry->self->flow, entry->section);
  g_autoptr(PangoLayout) number = hl_handout_new_layout (entry->self, entry->language,
                                                         entry->self->sizes->body, TRUE);
  g_autofree char *text = g_strdup_printf ("%d", page + 1);
  PangoRectangle title, digits;
  double baseline = (double) pango_layout_get_baseline (entry->title) / PANGO_SCALE;

  pango_layout_set_text (number, text, -1);
  pango_layout_get_extents (entry->title, NULL, &title);
  pango_layout_get_extents (number, NULL, &digits);

  cairo_set_source_rgb (cr, HL_HANDOUT_TEXT[0], HL_HANDOUT_TEXT[1], HL_HANDOUT_TEXT[2]);
  hl_flow_show_layout (cr, entry->title, x, y, NULL);
  hl_flow_show_layout (cr, number, x + width - digits.width / (double) PANGO_SCALE, y, NULL);

  /* Dots lead the eye from the title to its page. */
  cairo_set_source_rgb (cr, HL_HANDOUT_DIM[0], HL_HANDOUT_DIM[1], HL_HANDOUT_DIM[2]);
  cairo_set_line_width (cr, 1.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, (double[]) { 0.1, 4.0 }, 2, 0);
  cairo_move_to (cr, x + title.width / (double) PANGO_SCALE + 6, y + baseline);
  cairo_line_to (cr, x + width - digits.width / (double) PANGO_SCALE - 6, y + baseline);
  cairo_stroke (cr);
}

void
hl_handout_add_contents (HlHandout  *self,
                         const char *language)
{
  const HlHandoutSizes *sizes = self->sizes;
  double width = hl_flow_get_column_width (self->flow);
  HlFlowBlock *heading;

  heading = add_plain (self, language, P_ (language, "In This Handout"), sizes->heading, TRUE,
                       sizes->gap * 2.5, HL_HANDOUT_ACCENT);
  hl_flow_block_set_keep_with_next (heading, TRUE);

  for (guint i = 0; i < self->sections->len; i++)
    {
      HlHandoutSection *section = g_ptr_array_index (self->sections, i);
      Entry *entry = g_new0 (Entry, 1);
      g_autofree char *number = g_strdup_printf ("%u.  ", section->number);
      Rich rich;

      rich_init (&rich);
      rich_append (&rich, number, FALSE, HL_HANDOUT_DIM, 1.0);
      rich_append (&rich, section->topic->title, FALSE, NULL, 1.0);
      if (self->multilingual)
        {
          g_string_append (rich.text, "  ");
          rich_append (&rich, hl_handout_language_name (section->topic->language), FALSE,
                       HL_HANDOUT_DIM, 0.85);
        }

      entry->self = self;
      entry->section = section;
      entry->language = g_strdup (section->topic->language);
      entry->title = rich_to_layout (self, &rich, section->topic->language, sizes->body, FALSE);
      pango_layout_set_width (entry->title, (int) ((width - 60) * PANGO_SCALE));
      pango_layout_set_ellipsize (entry->title, PANGO_ELLIPSIZE_END);
      rich_clear (&rich);

      hl_flow_add_box (self->flow, layout_height (entry->title), sizes->gap * 0.6, draw_entry,
                       entry, (GDestroyNotify) entry_free);
    }
}

/* A topic */

static void
add_summary (HlHandout *self,
             HlTopic   *topic)
{
  const HlHandoutSizes *sizes = self->sizes;
  g_autoptr(GPtrArray) paras = hl_handout_summary_parse (topic->summary);
  HlHandoutParaKind previous = HL_HANDOUT_PARA_HEADING;

  for (guint i = 0; i < paras->len; i++)
    {
      HlHandoutPara *para = g_ptr_array_index (paras, i);
      gboolean heading = para->kind == HL_HANDOUT_PARA_HEADING;
      g_autoptr(PangoLayout) layout = hl_handout_new_layout (self, topic->language,
                                                             heading ? sizes->subheading
                                                                     : sizes->body,
                                                             heading);
      double space = sizes->gap;
      HlFlowBlock *block;

      if (heading)
        space = sizes->gap * 1.8;
      else if (para->depth > 0 && previous != HL_HANDOUT_PARA_HEADING)
        space = sizes->gap * 0.4;
      if (i == 0)
        space = sizes->gap * 1.4;

      pango_layout_set_text (layout, para->text, -1);
      pango_layout_set_attributes (layout, para->attrs);
      pango_layout_set_line_spacing (layout, heading ? 1.1 : 1.25);
      block = add_text (self, layout, para->depth * sizes->indent, space, HL_HANDOUT_TEXT);
      hl_flow_block_set_keep_with_next (block, heading);

      if (para->marker != NULL)
        {
          g_autoptr(PangoLayout) marker = hl_handout_new_layout (self, topic->language,
                                                                 sizes->body, FALSE);

          pango_layout_set_text (marker, para->marker, -1);
          hl_flow_block_set_marker (block, marker);
        }

      for (guint l = 0; l < para->links->len; l++)
        {
          HlHandoutLink *link = &g_array_index (para->links, HlHandoutLink, l);

          hl_flow_block_add_link (block, link->start, link->end, link->uri);
        }
      previous = para->kind;
    }
}

/* The "Start Here" links, each with its address written out. */
static void
add_start_here (HlHandout *self,
                HlTopic   *topic)
{
  const HlHandoutSizes *sizes = self->sizes;
  const char *heading_text = NULL;
  HlFlowBlock *heading = NULL;

  for (guint i = 0; i < topic->sites->len; i++)
    {
      HlSite *site = g_ptr_array_index (topic->sites, i);
      const char *category = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      HlFlowBlock *block;
      guint title_start, url_start;
      Rich rich;

      for (guint c = 0; c < site->categories->len && category == NULL; c++)
        if (hl_topic_page_is_start_here (g_ptr_array_index (site->categories, c)))
          category = g_ptr_array_index (site->categories, c);
      if (category == NULL || !hl_html_is_web_url (site->url))
        continue;

      if (heading == NULL)
        {
          heading_text = category;
          heading = add_plain (self, topic->language, heading_text, sizes->heading, TRUE,
                               sizes->gap * 2.6, HL_HANDOUT_ACCENT);
          hl_flow_block_set_keep_with_next (heading, TRUE);
        }

      rich_init (&rich);
      title_start = rich_append (&rich, site->title ? site->title : site->url, TRUE, NULL, 1.0);
      if (site->organizations->len > 0)
        {
          g_autofree char *organizations = NULL;

          g_ptr_array_add (site->organizations, NULL);
          organizations = g_strjoinv (", ", (char **) site->organizations->pdata);
          g_ptr_array_remove_index (site->organizations, site->organizations->len - 1);
          g_string_append (rich.text, " — ");
          rich_append (&rich, organizations, FALSE, HL_HANDOUT_DIM, 1.0);
        }
      g_string_append_c (rich.text, '\n');
      url_start = rich_append (&rich, site->url, FALSE, HL_HANDOUT_ACCENT, 0.85);

      layout = rich_to_layout (self, &rich, topic->language, sizes->body, FALSE);
      pango_layout_set_line_spacing (layout, 1.2);
      block = add_text (self, layout, sizes->indent * 0.6, sizes->gap * 0.9, HL_HANDOUT_TEXT);
      hl_flow_block_add_link (block, title_start, url_start - 1, site->url);
      hl_flow_block_add_link (block, url_start, -1, site->url);
      rich_clear (&rich);

      {
        g_autoptr(PangoLayout) marker = hl_handout_new_layout (self, topic->language,
                                                               sizes->body, TRUE);

        pango_layout_set_text (marker, "›", -1);
        hl_flow_block_set_marker (block, marker);
      }
    }
}

/* The top of a topic: its title, also-called and MedlinePlus address on the
 * left, and on the right the QR code of that address to read it on a phone
 * — on the first page of the topic, whatever its length. */

typedef struct
{
  cairo_surface_t *image;        /* NULL when the topic has no address */
  PangoLayout     *text;
  PangoLayout     *caption;
  char            *url;
  guint            url_start;
  double           side;
  double           text_width;
} TitleBox;

static void
title_box_free (TitleBox *box)
{
  g_clear_pointer (&box->image, cairo_surface_destroy);
  g_clear_object (&box->text);
  g_clear_object (&box->caption);
  g_free (box->url);
  g_free (box);
}

/* The code with its quiet zone as an image, black on white. */
static cairo_surface_t *
qr_image (const HlQrCode *qr)
{
  int modules = hl_qr_code_get_size (qr) + 2 * HL_QR_QUIET_ZONE;
  int side = modules * QR_PIXELS_PER_MODULE;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int y = 0; y < hl_qr_code_get_size (qr); y++)
    for (int x = 0; x < hl_qr_code_get_size (qr); x++)
      if (hl_qr_code_get_module (qr, x, y))
        cairo_rectangle (cr, (x + HL_QR_QUIET_ZONE) * QR_PIXELS_PER_MODULE,
                         (y + HL_QR_QUIET_ZONE) * QR_PIXELS_PER_MODULE,
                         QR_PIXELS_PER_MODULE, QR_PIXELS_PER_MODULE);
  cairo_fill (cr);
  cairo_destroy (cr);

  return image;
}

static void
draw_title_box (HlFlowBlock *block,
                cairo_t     *cr,
                double       x,
                double       y,
                double       width,
                gpointer     user_data)
{
  TitleBox *box = user_data;

  cairo_set_source_rgb (cr, HL_HANDOUT_TEXT[0], HL_HANDOUT_TEXT[1], HL_HANDOUT_TEXT[2]);
  hl_flow_show_layout (cr, box->text, x, y, NULL);

  if (box->image == NULL)
    return;

  /* The address is a link in the PDF too. */
  {
    PangoRectangle start, end;
    const char *text = pango_layout_get_text (box->text);

    pango_layout_index_to_pos (box->text, box->url_start, &start);
    pango_layout_index_to_pos (box->text, g_utf8_prev_char (text + strlen (text)) - text, &end);
    hl_flow_tag_link (cr, box->url, x, y + start.y / (double) PANGO_SCALE, box->text_width,
                      (end.y + end.height - start.y) / (double) PANGO_SCALE);
  }

  {
    double scale = box->side / cairo_image_surface_get_width (box->image);
    double left = x + width - box->side;

    cairo_save (cr);
    cairo_translate (cr, left, y);
    cairo_scale (cr, scale, scale);
    cairo_set_source_surface (cr, box->image, 0, 0);
    /* Sharp modules at any size, and no smoothing by the printer. */
    cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
    cairo_paint (cr);
    cairo_restore (cr);

    cairo_set_source_rgb (cr, HL_HANDOUT_ACCENT[0], HL_HANDOUT_ACCENT[1], HL_HANDOUT_ACCENT[2]);
    hl_flow_show_layout (cr, box->caption, left, y + box->side, NULL);
  }
}

static void
add_title_box (HlHandout *self,
               HlTopic   *topic,
               double     space_before)
{
  const HlHandoutSizes *sizes = self->sizes;
  const char *language = topic->language;
  double width = hl_flow_get_column_width (self->flow);
  g_autoptr(HlQrCode) qr = NULL;
  TitleBox *box = g_new0 (TitleBox, 1);
  double height;
  Rich rich;

  if (hl_html_is_web_url (topic->url))
    qr = hl_qr_code_new (topic->url, NULL);

  box->side = qr != NULL ? sizes->qr_side : 0;
  box->text_width = width - (qr != NULL ? box->side + 18 : 0);

  rich_init (&rich);
  if (self->multilingual)
    {
      rich_append (&rich, hl_handout_language_name (language), TRUE, HL_HANDOUT_ACCENT,
                   sizes->small / sizes->body);
      g_string_append_c (rich.text, '\n');
    }
  rich_append (&rich, topic->title, TRUE, NULL, sizes->title / sizes->body);

  if (topic->also_called->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (topic->also_called, NULL);
      names = g_strjoinv (", ", (char **) topic->also_called->pdata);
      g_ptr_array_remove_index (topic->also_called, topic->also_called->len - 1);

      g_string_append_c (rich.text, '\n');
      rich_append (&rich, P_ (language, "Also called:"), TRUE, HL_HANDOUT_DIM, 1.0);
      g_string_append_c (rich.text, ' ');
      rich_append (&rich, names, FALSE, HL_HANDOUT_DIM, 1.0);
    }

  if (qr != NULL)
    {
      g_string_append_c (rich.text, '\n');
      rich_append (&rich, P_ (language, "On MedlinePlus:"), TRUE, HL_HANDOUT_DIM, 1.0);
      g_string_append_c (rich.text, ' ');
      box->url_start = rich_append (&rich, topic->url, FALSE, HL_HANDOUT_ACCENT, 1.0);
      box->url = g_strdup (topic->url);
      box->image = qr_image (qr);

      box->caption = hl_handout_new_layout (self, language, sizes->footer, TRUE);
      pango_layout_set_text (box->caption, P_ (language, "Read on Your Phone"), -1);
      pango_layout_set_width (box->caption, (int) (box->side * PANGO_SCALE));
      pango_layout_set_alignment (box->caption, PANGO_ALIGN_CENTER);
    }

  box->text = rich_to_layout (self, &rich, language, sizes->body, FALSE);
  pango_layout_set_width (box->text, (int) (box->text_width * PANGO_SCALE));
  pango_layout_set_line_spacing (box->text, 1.2);
  rich_clear (&rich);

  height = layout_height (box->text);
  if (qr != NULL)
    height = MAX (height, box->side + layout_height (box->caption));
  hl_flow_add_box (self->flow, height, space_before, draw_title_box, box,
                   (GDestroyNotify) title_box_free);
}

void
hl_handout_add_section (HlHandout        *self,
                        HlHandoutSection *section)
{
  HlTopic *topic = section->topic;

  hl_flow_begin_section (self->flow, section);
  add_title_box (self, topic, self->sizes->gap * 2.6);
  add_summary (self, topic);
  add_start_here (self, topic);
}
