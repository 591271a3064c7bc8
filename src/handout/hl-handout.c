/* hl-handout.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "hl-error.h"
#include "hl-handout-private.h"
#include "hl-page-builder.h"

G_DEFINE_FINAL_TYPE (HlHandout, hl_handout, G_TYPE_OBJECT)

/* Dark enough for a copier; the accent is the app's, deeper for paper. */
const double HL_HANDOUT_TEXT[3] = { 0.11, 0.11, 0.12 };
const double HL_HANDOUT_DIM[3] = { 0.33, 0.33, 0.37 };
const double HL_HANDOUT_ACCENT[3] = { 0.07, 0.39, 0.40 };
const double HL_HANDOUT_WARNING[3] = { 0.55, 0.22, 0.0 };

/* Large print follows the usual advice for it: body text of at least 16
 * points, headings larger still. */
static const HlHandoutSizes normal_sizes = {
  .body = 12, .small = 10, .title = 24, .heading = 15, .subheading = 13,
  .organization = 17, .helpline = 14, .footer = 8, .indent = 18, .qr_side = 84, .gap = 7,
};
static const HlHandoutSizes large_sizes = {
  .body = 17, .small = 13.5, .title = 32, .heading = 20, .subheading = 18.5,
  .organization = 21, .helpline = 18, .footer = 10, .indent = 24, .qr_side = 108, .gap = 10,
};

#define FONT_FAMILY   "Cantarell, DejaVu Sans, sans-serif"
#define MARGIN_TOP    40.0
#define MARGIN_SIDE   50.0
#define MARGIN_BOTTOM 30.0
#define FOOTER_GAP    7.0
#define PAGE_NUMBER_WIDTH 130.0

static void
section_free (HlHandoutSection *section)
{
  hl_topic_free (section->topic);
  g_free (section);
}

static void
clear_layout (HlHandout *self)
{
  g_clear_pointer (&self->flow, hl_flow_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  self->multilingual = FALSE;
}

static void
hl_handout_finalize (GObject *object)
{
  HlHandout *self = (HlHandout *) object;

  clear_layout (self);
  g_clear_object (&self->contexts[0]);
  g_clear_object (&self->contexts[1]);
  g_clear_object (&self->store);
  g_clear_object (&self->clinics);
  g_array_unref (self->topic_ids);
  g_free (self->home_clinic);

  G_OBJECT_CLASS (hl_handout_parent_class)->finalize (object);
}

static void
hl_handout_class_init (HlHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hl_handout_finalize;
}

/* Text is measured as on paper, at 72 points an inch and without hinting,
 * so that the printer, the PDF and a scaled preview break lines alike. */
static PangoContext *
create_context (const char *language)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* Line breaking and shaping follow the language of the text. */
  pango_context_set_language (context, pango_language_from_string (language));

  return context;
}

static void
hl_handout_init (HlHandout *self)
{
  self->topic_ids = g_array_new (FALSE, FALSE, sizeof (int));
  self->sizes = &normal_sizes;
  self->contexts[0] = create_context ("en");
  self->contexts[1] = create_context ("es");
}

HlHandout *
hl_handout_new (HlTopicStore      *store,
                HlClinicDirectory *clinics)
{
  HlHandout *self;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (store), NULL);
  g_return_val_if_fail (clinics == NULL || HL_IS_CLINIC_DIRECTORY (clinics), NULL);

  self = g_object_new (HL_TYPE_HANDOUT, NULL);
  self->store = g_object_ref (store);
  g_set_object (&self->clinics, clinics);
  return self;
}

HlHandout *
hl_handout_copy (HlHandout *self)
{
  HlHandout *copy;

  g_return_val_if_fail (HL_IS_HANDOUT (self), NULL);

  copy = hl_handout_new (self->store, self->clinics);
  g_array_append_vals (copy->topic_ids, self->topic_ids->data, self->topic_ids->len);
  hl_handout_set_home_clinic (copy, self->home_clinic);
  copy->language = self->language;
  copy->large_print = self->large_print;
  return copy;
}

void
hl_handout_add_topic (HlHandout *self,
                      int        id)
{
  g_return_if_fail (HL_IS_HANDOUT (self));

  g_array_append_val (self->topic_ids, id);
}

guint
hl_handout_get_n_topics (HlHandout *self)
{
  g_return_val_if_fail (HL_IS_HANDOUT (self), 0);

  return self->topic_ids->len;
}

void
hl_handout_set_home_clinic (HlHandout  *self,
                            const char *clinic_id)
{
  g_return_if_fail (HL_IS_HANDOUT (self));

  g_free (self->home_clinic);
  self->home_clinic = clinic_id != NULL && *clinic_id != '\0' ? g_strdup (clinic_id) : NULL;
}

void
hl_handout_set_language (HlHandout         *self,
                         HlHandoutLanguage  language)
{
  g_return_if_fail (HL_IS_HANDOUT (self));

  self->language = language;
}

HlHandoutLanguage
hl_handout_get_language (HlHandout *self)
{
  g_return_val_if_fail (HL_IS_HANDOUT (self), HL_HANDOUT_LANGUAGE_AS_CHOSEN);

  return self->language;
}

void
hl_handout_set_large_print (HlHandout *self,
                            gboolean   large_print)
{
  g_return_if_fail (HL_IS_HANDOUT (self));

  self->large_print = !!large_print;
}

gboolean
hl_handout_get_large_print (HlHandout *self)
{
  g_return_val_if_fail (HL_IS_HANDOUT (self), FALSE);

  return self->large_print;
}

gboolean
hl_handout_parse_language (const char        *text,
                           HlHandoutLanguage *language)
{
  if (text == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (text, "en") == 0)
    *language = HL_HANDOUT_LANGUAGE_ENGLISH;
  else if (g_ascii_strcasecmp (text, "es") == 0)
    *language = HL_HANDOUT_LANGUAGE_SPANISH;
  else if (g_ascii_strcasecmp (text, "both") == 0)
    *language = HL_HANDOUT_LANGUAGE_BOTH;
  else
    return FALSE;

  return TRUE;
}

const char *
hl_handout_language_name (const char *language)
{
  /* Each in its own language: it is there for the reader of that one. */
  return g_strcmp0 (language, "es") == 0 ? "Español" : "English";
}

PangoLayout *
hl_handout_new_layout (HlHandout  *self,
                       const char *language,
                       double      size,
                       gboolean    bold)
{
  PangoLayout *layout = pango_layout_new (self->contexts[g_strcmp0 (language, "es") == 0]);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  return layout;
}

/* Sections */

static void
add_section (HlHandout *self,
             HlTopic   *topic,
             guint      number)
{
  HlHandoutSection *section = g_new0 (HlHandoutSection, 1);

  section->topic = topic;
  section->number = number;
  g_ptr_array_add (self->sections, section);
}

static void
add_note (HlHandout  *self,
          const char *format,
          const char *title)
{
  g_ptr_array_insert (self->notes, self->notes->len - 1, g_strdup_printf (format, title));
}

/* The counterpart of @topic in the library, or NULL. */
static HlTopic *
load_counterpart (HlHandout *self,
                  HlTopic   *topic)
{
  if (topic->mapped == NULL || topic->mapped->id <= 0)
    return NULL;

  return hl_topic_store_load_topic (self->store, topic->mapped->id, NULL);
}

static gboolean
resolve_sections (HlHandout  *self,
                  GError    **error)
{
  gboolean alone = self->topic_ids->len == 1;

  if (self->topic_ids->len == 0)
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                           _("The handout has no topics. Choose a topic to print first."));
      return FALSE;
    }

  for (guint i = 0; i < self->topic_ids->len; i++)
    {
      int id = g_array_index (self->topic_ids, int, i);
      g_autoptr(HlTopic) topic = hl_topic_store_load_topic (self->store, id, NULL);
      g_autoptr(HlTopic) counterpart = NULL;
      const char *wanted;

      if (topic == NULL)
        {
          g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND,
                       _("There is no topic %d in the library."), id);
          return FALSE;
        }
      counterpart = load_counterpart (self, topic);

      switch (self->language)
        {
        case HL_HANDOUT_LANGUAGE_ENGLISH:
        case HL_HANDOUT_LANGUAGE_SPANISH:
          wanted = self->language == HL_HANDOUT_LANGUAGE_SPANISH ? "es" : "en";
          if (g_str_equal (topic->language, wanted))
            add_section (self, g_steal_pointer (&topic), i + 1);
          else if (counterpart != NULL)
            add_section (self, g_steal_pointer (&counterpart), i + 1);
          else if (alone)
            {
              g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND,
                           g_str_equal (wanted, "es")
                             ? _("“%s” is not in the library in Spanish.")
                             : _("“%s” is not in the library in English."),
                           topic->title);
              return FALSE;
            }
          else
            {
              add_note (self, g_str_equal (wanted, "es")
                                ? _("“%s” is not in the library in Spanish; the handout has it "
                                    "in English.")
                                : _("“%s” is not in the library in English; the handout has it "
                                    "in Spanish."),
                        topic->title);
              add_section (self, g_steal_pointer (&topic), i + 1);
            }
          break;

        case HL_HANDOUT_LANGUAGE_BOTH:
          if (counterpart == NULL)
            add_note (self, g_str_equal (topic->language, "es")
                              ? _("“%s” is not in the library in English; the handout has it "
                                  "in Spanish only.")
                              : _("“%s” is not in the library in Spanish; the handout has it "
                                  "in English only."),
                      topic->title);
          add_section (self, g_steal_pointer (&topic), i + 1);
          if (counterpart != NULL)
            add_section (self, g_steal_pointer (&counterpart), i + 1);
          break;

        case HL_HANDOUT_LANGUAGE_AS_CHOSEN:
        default:
          add_section (self, g_steal_pointer (&topic), i + 1);
          break;
        }
    }

  for (guint i = 1; i < self->sections->len; i++)
    {
      HlHandoutSection *first = g_ptr_array_index (self->sections, 0);
      HlHandoutSection *section = g_ptr_array_index (self->sections, i);

      if (!g_str_equal (first->topic->language, section->topic->language))
        self->multilingual = TRUE;
    }

  return TRUE;
}

/* The footer */

static const char *
page_language (HlHandout *self,
               guint      page)
{
  HlHandoutSection *section = hl_flow_get_page_tag (self->flow, page);

  return section != NULL ? section->topic->language : "en";
}

static PangoLayout *
footer_text (HlHandout  *self,
             const char *language)
{
  const HlHandoutSizes *sizes = self->sizes;
  PangoLayout *layout = hl_handout_new_layout (self, language, sizes->footer, FALSE);
  const char *generated = hl_topic_store_get_meta (self->store, "date-generated");
  g_autofree char *date = hl_page_format_date (generated, language);
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  g_string_append_printf (text, "%s MedlinePlus, %s", P_ (language, "Health information from"),
                          P_ (language, "U.S. National Library of Medicine (NLM)."));
  if (date != NULL)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: %s is a date */
      g_string_append_printf (text, hl_topic_store_is_sample (self->store)
                                      ? P_ (language, "Sample assembled on %s.")
                                      : P_ (language, "MedlinePlus data of %s."),
                              date);
    }

  if (hl_topic_store_is_sample (self->store))
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      PangoAttribute *color = pango_attr_foreground_new (HL_HANDOUT_WARNING[0] * 65535,
                                                         HL_HANDOUT_WARNING[1] * 65535,
                                                         HL_HANDOUT_WARNING[2] * 65535);

      g_string_append_c (text, '\n');
      bold->start_index = color->start_index = text->len;
      g_string_append (text, P_ (language, "Sample library: some of this information is out "
                                 "of date."));
      bold->end_index = color->end_index = text->len;
      pango_attr_list_insert (attrs, bold);
      pango_attr_list_insert (attrs, color);
    }

  g_string_append_c (text, '\n');
  g_string_append (text, P_ (language, "This information does not replace the advice of a "
                             "doctor or other health care provider."));

  pango_layout_set_text (layout, text->str, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) ((self->width - 2 * MARGIN_SIDE - PAGE_NUMBER_WIDTH) *
                                         PANGO_SCALE));
  return layout;
}

/* Page N of M, and who to call: a page may be handed out alone. */
static PangoLayout *
footer_page_number (HlHandout  *self,
                    const char *language,
                    guint       page,
                    guint       n_pages)
{
  PangoLayout *layout = hl_handout_new_layout (self, language, self->sizes->footer, FALSE);
  const char *helpline = self->clinics ? hl_clinic_directory_get_helpline (self->clinics) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  PangoAttribute *larger = pango_attr_scale_new (1.25);

  /* TRANSLATORS: "Page 2 of 3", at the foot of a printed handout */
  g_string_append_printf (text, P_ (language, "Page %u of %u"), page, n_pages);
  bold->end_index = larger->end_index = text->len;
  pango_attr_list_insert (attrs, bold);
  pango_attr_list_insert (attrs, larger);
  if (helpline != NULL)
    g_string_append_printf (text, "\n%s\n%s %s",
                            hl_clinic_directory_get_organization_name (self->clinics),
                            P_ (language, "24/7 helpline:"), helpline);

  pango_layout_set_text (layout, text->str, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) (PAGE_NUMBER_WIDTH * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  return layout;
}

static double
footer_height (HlHandout *self)
{
  double height = 0;

  for (guint i = 0; i < 2; i++)
    {
      const char *language = i == 0 ? "en" : "es";
      g_autoptr(PangoLayout) text = footer_text (self, language);
      g_autoptr(PangoLayout) number = footer_page_number (self, language, 888, 888);
      int text_height, number_height;

      pango_layout_get_size (text, NULL, &text_height);
      pango_layout_get_size (number, NULL, &number_height);
      height = MAX (height, MAX (text_height, number_height) / (double) PANGO_SCALE);
    }

  return FOOTER_GAP + height;
}

static void
draw_footer (HlHandout *self,
             cairo_t   *cr,
             guint      page)
{
  const char *language = page_language (self, page);
  g_autoptr(PangoLayout) text = footer_text (self, language);
  g_autoptr(PangoLayout) number = footer_page_number (self, language, page + 1,
                                                      hl_flow_get_n_pages (self->flow));
  double top = self->height - MARGIN_BOTTOM - footer_height (self);
  double right = self->width - MARGIN_SIDE;

  cairo_save (cr);
  cairo_set_source_rgb (cr, HL_HANDOUT_DIM[0], HL_HANDOUT_DIM[1], HL_HANDOUT_DIM[2]);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, top);
  cairo_line_to (cr, right, top);
  cairo_stroke (cr);

  hl_flow_show_layout (cr, text, MARGIN_SIDE, top + FOOTER_GAP, NULL);
  cairo_set_source_rgb (cr, HL_HANDOUT_TEXT[0], HL_HANDOUT_TEXT[1], HL_HANDOUT_TEXT[2]);
  hl_flow_show_layout (cr, number, right - PAGE_NUMBER_WIDTH, top + FOOTER_GAP, NULL);
  cairo_restore (cr);
}

/* Layout */

gboolean
hl_handout_layout (HlHandout  *self,
                   double      width,
                   double      height,
                   GError    **error)
{
  HlFlowPage page = { 0 };
  HlHandoutSection *first;

  g_return_val_if_fail (HL_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (width > 2 * MARGIN_SIDE + PAGE_NUMBER_WIDTH && height > 200, FALSE);

  clear_layout (self);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
  self->sizes = self->large_print ? &large_sizes : &normal_sizes;
  self->width = width;
  self->height = height;

  if (!resolve_sections (self, error))
    {
      clear_layout (self);
      return FALSE;
    }

  page.width = width;
  page.height = height;
  page.margin_top = MARGIN_TOP;
  page.margin_side = MARGIN_SIDE;
  page.margin_bottom = MARGIN_BOTTOM + 10;
  page.footer_height = footer_height (self);
  self->flow = hl_flow_new (&page);

  first = g_ptr_array_index (self->sections, 0);
  hl_handout_add_header (self, first->topic->language);
  if (self->topic_ids->len > 1)
    hl_handout_add_contents (self, first->topic->language);
  for (guint i = 0; i < self->sections->len; i++)
    hl_handout_add_section (self, g_ptr_array_index (self->sections, i));

  hl_flow_paginate (self->flow);
  return TRUE;
}

guint
hl_handout_get_n_pages (HlHandout *self)
{
  g_return_val_if_fail (HL_IS_HANDOUT (self), 0);

  return self->flow != NULL ? hl_flow_get_n_pages (self->flow) : 0;
}

double
hl_handout_get_page_width (HlHandout *self)
{
  g_return_val_if_fail (HL_IS_HANDOUT (self), 0);

  return self->width;
}

double
hl_handout_get_page_height (HlHandout *self)
{
  g_return_val_if_fail (HL_IS_HANDOUT (self), 0);

  return self->height;
}

void
hl_handout_draw_page (HlHandout *self,
                      cairo_t   *cr,
                      guint      page)
{
  g_return_if_fail (HL_IS_HANDOUT (self));
  g_return_if_fail (self->flow != NULL && page < hl_flow_get_n_pages (self->flow));

  hl_flow_draw_page (self->flow, cr, page);
  draw_footer (self, cr, page);
}

const char * const *
hl_handout_get_notes (HlHandout *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (HL_IS_HANDOUT (self), NULL);

  return self->notes != NULL ? (const char * const *) self->notes->pdata : none;
}

const char *
hl_handout_get_title (HlHandout *self)
{
  HlHandoutSection *first;

  g_return_val_if_fail (HL_IS_HANDOUT (self), NULL);

  if (self->sections == NULL || self->sections->len == 0)
    return NULL;

  first = g_ptr_array_index (self->sections, 0);
  return first->topic->title;
}

/* PDF */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} PdfWriter;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
hl_handout_write_pdf (HlHandout  *self,
                      GFile      *file,
                      GError    **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *name = NULL;
  PdfWriter writer = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (HL_IS_HANDOUT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->flow == NULL &&
      !hl_handout_layout (self, HL_HANDOUT_LETTER_WIDTH, HL_HANDOUT_LETTER_HEIGHT, error))
    return FALSE;

  name = g_file_get_parse_name (file);
  /* Written beside the file and renamed over it when complete. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &writer.error);
  if (stream == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save “%s”: %s"), name,
                   writer.error->message);
      g_clear_error (&writer.error);
      return FALSE;
    }
  writer.stream = G_OUTPUT_STREAM (stream);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &writer, self->width, self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, hl_handout_get_title (self));
  if (self->clinics != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    hl_clinic_directory_get_organization_name (self->clinics));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint page = 0; page < hl_handout_get_n_pages (self); page++)
    {
      hl_handout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || writer.error != NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save “%s”: %s"), name,
                   writer.error != NULL ? writer.error->message : cairo_status_to_string (status));
      g_clear_error (&writer.error);
      /* A cancelled close leaves whatever was there before. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &writer.error))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save “%s”: %s"), name,
                   writer.error->message);
      g_clear_error (&writer.error);
      return FALSE;
    }

  return TRUE;
}
