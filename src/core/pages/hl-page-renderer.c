/* hl-page-renderer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "hl-pages-resources.h"
#include "hl-error.h"
#include "hl-html.h"
#include "hl-page-renderer-private.h"
#include "hl-text.h"

struct _HlPageRenderer
{
  GObject            parent_instance;

  HlTopicStore      *store;
  HlClinicDirectory *clinics;
  char              *language;
  GBytes            *stylesheet;
};

G_DEFINE_FINAL_TYPE (HlPageRenderer, hl_page_renderer, G_TYPE_OBJECT)

static void
hl_page_renderer_finalize (GObject *object)
{
  HlPageRenderer *self = (HlPageRenderer *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->clinics);
  g_clear_pointer (&self->stylesheet, g_bytes_unref);
  g_free (self->language);

  G_OBJECT_CLASS (hl_page_renderer_parent_class)->finalize (object);
}

static void
hl_page_renderer_class_init (HlPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_page_renderer_finalize;
}

static void
hl_page_renderer_init (HlPageRenderer *self)
{
  self->language = g_strdup ("en");
  self->stylesheet = g_resource_lookup_data (hl_pages_get_resource (),
                                             "/org/phynet/HealthLibrary/pages/page.css",
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

HlPageRenderer *
hl_page_renderer_new (HlTopicStore      *store,
                      HlClinicDirectory *clinics)
{
  HlPageRenderer *self = g_object_new (HL_TYPE_PAGE_RENDERER, NULL);

  g_set_object (&self->store, store);
  g_set_object (&self->clinics, clinics);

  return self;
}

void
hl_page_renderer_set_store (HlPageRenderer *self,
                            HlTopicStore   *store)
{
  g_return_if_fail (HL_IS_PAGE_RENDERER (self));

  g_set_object (&self->store, store);
}

HlTopicStore *
hl_page_renderer_get_store (HlPageRenderer *self)
{
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);

  return self->store;
}

HlClinicDirectory *
hl_page_renderer_get_clinics (HlPageRenderer *self)
{
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);

  return self->clinics;
}

void
hl_page_renderer_set_language (HlPageRenderer *self,
                               const char     *language)
{
  const char *code = hl_language_normalize (language);

  g_return_if_fail (HL_IS_PAGE_RENDERER (self));

  hl_set_str (&self->language, code ? code : "en");
}

const char *
hl_page_renderer_get_language (HlPageRenderer *self)
{
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);

  return self->language;
}

char *
hl_page_format_date (const char *iso,
                     const char *language)
{
  static const char *months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  int year, month, day;
  g_autofree char *day_text = NULL;
  g_autofree char *year_text = NULL;
  GString *out;
  const char *format;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      month < 1 || month > 12 || day < 1 || day > 31)
    return g_strdup (iso);

  /* Month names come from our own catalog: the system's may not follow the
   * language the app is shown in. */
  /* TRANSLATORS: a date; %M is the month's name, %D the day, %Y the year.
   * For example "%D de %M de %Y" in Spanish. */
  format = P_ (language, "%M %D, %Y");
  day_text = g_strdup_printf ("%d", day);
  year_text = g_strdup_printf ("%d", year);

  out = g_string_new (NULL);
  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'M')
        g_string_append (out, PC_ (language, "month", months[month - 1]));
      else if (p[0] == '%' && p[1] == 'D')
        g_string_append (out, day_text);
      else if (p[0] == '%' && p[1] == 'Y')
        g_string_append (out, year_text);
      else
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
    }

  return g_string_free (out, FALSE);
}

/* "tel:+19032127500", as hl_phone_to_tel_uri() makes them. */
static gboolean
is_tel_uri (const char *href)
{
  const char *p;

  if (!g_str_has_prefix (href, "tel:"))
    return FALSE;

  p = href + strlen ("tel:");
  if (*p == '+')
    p++;
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

void
hl_page_append_link (GString    *out,
                     const char *href,
                     const char *text,
                     const char *css_class)
{
  if (href == NULL || !(hl_html_is_allowed_url (href) || is_tel_uri (href)))
    {
      hl_html_append_text (out, text);
      return;
    }

  g_string_append (out, "<a href=\"");
  hl_html_append_attr (out, href);
  g_string_append_c (out, '"');
  if (css_class != NULL)
    {
      g_string_append (out, " class=\"");
      hl_html_append_attr (out, css_class);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');
  hl_html_append_text (out, text);
  g_string_append (out, "</a>");
}

void
hl_page_append_helpline (HlPageRenderer *self,
                 GString        *out,
                 const char     *language)
{
  const char *helpline;
  g_autofree char *tel = NULL;

  if (self->clinics == NULL)
    return;

  helpline = hl_clinic_directory_get_helpline (self->clinics);
  if (helpline == NULL)
    return;

  tel = hl_phone_to_tel_uri (helpline);
  g_string_append (out, "<span class=\"helpline\">");
  hl_html_append_text (out, P_ (language, "24/7 helpline:"));
  g_string_append_c (out, ' ');
  hl_page_append_link (out, tel, helpline, NULL);
  g_string_append (out, "</span>");
}

void
hl_page_begin (HlPageRenderer *self,
               GString        *out,
               const char     *title,
               const char     *language,
               const char     *body_class)
{
  language = language ? language : self->language;
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  hl_html_append_attr (out, language);
  g_string_append (out,
                   "\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   /* Nothing but our own inline style may load or run. */
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src hl:; form-action hl:\">\n"
                   "<meta name=\"color-scheme\" content=\"light dark\">\n<title>");
  hl_html_append_text (out, title);
  g_string_append (out, "</title>\n<style>\n");
  if (self->stylesheet != NULL)
    g_string_append_len (out, g_bytes_get_data (self->stylesheet, NULL),
                         g_bytes_get_size (self->stylesheet));
  g_string_append (out, "</style>\n</head>\n<body class=\"");
  hl_html_append_attr (out, body_class);
  g_string_append (out, "\">\n");

  /* Printed pages are handed to patients: they carry who to call. */
  if (self->clinics != NULL)
    {
      g_string_append (out, "<header class=\"handout\"><strong>");
      hl_html_append_text (out, hl_clinic_directory_get_organization_name (self->clinics));
      g_string_append (out, "</strong> ");
      hl_page_append_helpline (self, out, language);
      g_string_append (out, "</header>\n");
    }

  if (self->store != NULL && hl_topic_store_is_sample (self->store))
    {
      g_string_append (out, "<p class=\"notice\" role=\"note\">");
      /* Said in full on the home page, and in a line everywhere else. */
      if (g_strcmp0 (body_class, "page-home") == 0)
        hl_html_append_text (out,
                             P_ (language, "This is the sample library that comes with the app: a "
                                 "small selection of MedlinePlus topics from several years, some "
                                 "of them out of date. Ask your administrator to import the "
                                 "current MedlinePlus file before relying on it."));
      else
        hl_html_append_text (out, P_ (language, "Sample library: some of this information is out "
                                      "of date."));
      g_string_append (out, "</p>\n");
    }

  g_string_append (out, "<main>\n");
}

static void
append_source_line (HlPageRenderer *self,
                    GString        *out,
                    const char     *language)
{
  const char *generated;
  g_autofree char *date = NULL;

  if (self->store == NULL)
    return;

  generated = hl_topic_store_get_meta (self->store, "date-generated");
  date = hl_page_format_date (generated, language);
  if (date != NULL)
    {
      g_autofree char *text = NULL;

      if (hl_topic_store_is_sample (self->store))
        /* TRANSLATORS: %s is a date */
        text = g_strdup_printf (P_ (language, "Sample assembled on %s."), date);
      else
        /* TRANSLATORS: %s is a date */
        text = g_strdup_printf (P_ (language, "MedlinePlus data of %s."), date);
      g_string_append_c (out, ' ');
      hl_html_append_text (out, text);
    }
}

void
hl_page_end (HlPageRenderer *self,
             GString        *out,
             const char     *language)
{
  language = language ? language : self->language;
  g_string_append (out, "</main>\n<footer>\n<p>");
  hl_html_append_text (out, P_ (language, "Health information from"));
  g_string_append_c (out, ' ');
  hl_page_append_link (out, "https://medlineplus.gov/", "MedlinePlus", NULL);
  g_string_append (out, ", ");
  hl_html_append_text (out, P_ (language, "U.S. National Library of Medicine (NLM)."));
  append_source_line (self, out, language);
  g_string_append (out, "</p>\n<p>");
  hl_html_append_text (out,
                       P_ (language, "This information does not replace the advice of a doctor or "
                         "other health care provider."));
  g_string_append (out, "</p>\n</footer>\n</body>\n</html>\n");
}

/* Query parameters of an hl: address. */
static GHashTable *
parse_query (GUri *uri)
{
  const char *query = g_uri_get_query (uri);

  if (query == NULL)
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
}

const char *
hl_page_language (HlPageRenderer *self,
               GHashTable     *params)
{
  const char *code = params ? hl_language_normalize (g_hash_table_lookup (params, "lang")) : NULL;

  return code ? code : self->language;
}

gboolean
hl_page_set_not_found (GError     **error,
               const char  *uri)
{
  g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND,
               _("There is no page at “%s”."), uri);
  return FALSE;
}

gboolean
hl_page_require_store (HlPageRenderer  *self,
               GError         **error)
{
  if (self->store != NULL)
    return TRUE;

  g_set_error (error, HL_ERROR, HL_ERROR_NO_LIBRARY,
               _("The health library is not available."));
  return FALSE;
}

static void
append_topic_list (GString    *out,
                   GListModel *topics)
{
  guint n = g_list_model_get_n_items (topics);

  g_string_append (out, "<ul class=\"topics\">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HlTopicRef) topic = g_list_model_get_item (topics, i);
      g_autofree char *href = hl_topic_ref_dup_uri (topic);

      g_string_append (out, "<li>");
      hl_page_append_link (out, href, hl_topic_ref_get_title (topic), NULL);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
}

static void
append_letter_bar (HlPageRenderer *self,
                   GString        *out,
                   const char     *language,
                   char            current)
{
  g_autofree char *letters = hl_topic_store_dup_index_letters (self->store, language);

  g_string_append (out, "<nav class=\"letters\" aria-label=\"");
  hl_html_append_attr (out, P_ (language, "Topics A to Z"));
  g_string_append (out, "\">\n");
  for (const char *p = letters; *p != '\0'; p++)
    {
      g_autofree char *href = g_strdup_printf ("hl://index/%c?lang=%s",
                                               *p == '#' ? '0' : *p, language);
      char text[2] = { *p, 0 };

      if (*p == current)
        {
          g_string_append (out, "<strong aria-current=\"page\">");
          hl_html_append_text (out, text);
          g_string_append (out, "</strong>\n");
        }
      else
        {
          hl_page_append_link (out, href, text, NULL);
          g_string_append_c (out, '\n');
        }
    }
  g_string_append (out, "</nav>\n");
}

static void
append_language_switch (GString    *out,
                        const char *href_format,
                        const char *language)
{
  const char *other = hl_language_other (language);
  g_autofree char *href = g_strdup_printf (href_format, other);

  g_string_append (out, "<p class=\"language-switch\">");
  hl_page_append_link (out, href,
                       g_str_equal (other, "es") ? P_ (language, "Topics in Spanish (español)")
                                                 : P_ (language, "Topics in English (inglés)"),
                       NULL);
  g_string_append (out, "</p>\n");
}

static void
append_clinic_list (HlPageRenderer *self,
                    GString        *out,
                    const char     *language)
{
  GListModel *clinics;
  guint n;

  if (self->clinics == NULL)
    return;

  clinics = hl_clinic_directory_get_clinics (self->clinics);
  n = g_list_model_get_n_items (clinics);
  if (n == 0)
    return;

  g_string_append (out, "<section class=\"clinics\">\n<h2>");
  hl_html_append_text (out, P_ (language, "Our Clinics"));
  g_string_append (out, "</h2>\n<ul class=\"tiles\">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);
      g_autofree char *href = g_strdup_printf ("hl://clinic/%s", hl_clinic_get_id (clinic));

      g_string_append (out, "<li>");
      hl_page_append_link (out, href, hl_clinic_get_name (clinic), NULL);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

static char *
render_home (HlPageRenderer  *self,
             GHashTable      *params,
             GError         **error)
{
  const char *language = hl_page_language (self, params);
  const char *organization = self->clinics ? hl_clinic_directory_get_organization_name (self->clinics)
                                           : NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autofree char *title = NULL;
  GString *out;
  guint n;

  if (!hl_page_require_store (self, error))
    return NULL;

  title = g_strdup (P_ (language, "Health Library"));

  out = g_string_sized_new (16 * 1024);
  hl_page_begin (self, out, title, language, "page-home");

  if (organization != NULL)
    {
      g_string_append (out, "<p class=\"eyebrow\">");
      hl_html_append_text (out, organization);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<h1>");
  hl_html_append_text (out, title);
  g_string_append (out, "</h1>\n<p class=\"lead\">");
  hl_html_append_text (out, P_ (language, "Trusted health information from MedlinePlus, in English and "
                              "Spanish. Choose a topic group, or search for a topic."));
  g_string_append (out, "</p>\n");
  if (self->clinics != NULL && hl_clinic_directory_get_helpline (self->clinics) != NULL)
    {
      g_string_append (out, "<p class=\"callout\">");
      hl_page_append_helpline (self, out, language);
      g_string_append (out, "</p>\n");
    }

  g_string_append (out, "<section class=\"groups\">\n<h2>");
  hl_html_append_text (out, P_ (language, "Health Topics"));
  g_string_append (out, "</h2>\n<ul class=\"tiles\">\n");
  groups = hl_topic_store_list_groups (self->store, language);
  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HlGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *href = hl_group_dup_uri (group);
      g_autofree char *count = NULL;

      count = g_strdup_printf (PN_ (language, "%u topic", "%u topics",
                                            hl_group_get_topic_count (group)),
                               hl_group_get_topic_count (group));
      g_string_append (out, "<li>");
      hl_page_append_link (out, href, hl_group_get_name (group), NULL);
      g_string_append (out, " <span class=\"count\">");
      hl_html_append_text (out, count);
      g_string_append (out, "</span></li>\n");
    }
  g_string_append (out, "</ul>\n");
  if (n == 0)
    {
      g_string_append (out, "<p>");
      hl_html_append_text (out, P_ (language, "The library has no topics in this language."));
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n<section class=\"index\">\n<h2>");
  hl_html_append_text (out, P_ (language, "Topics A to Z"));
  g_string_append (out, "</h2>\n");
  append_letter_bar (self, out, language, 0);
  append_language_switch (out, "hl://home?lang=%s", language);
  g_string_append (out, "</section>\n");

  append_clinic_list (self, out, language);

  g_string_append (out, "<section class=\"about\">\n<h2>");
  hl_html_append_text (out, P_ (language, "About This Information"));
  g_string_append (out, "</h2>\n<p>");
  {
    g_autofree char *counts = NULL;
    guint n_en = hl_topic_store_count_topics (self->store, "en");
    guint n_es = hl_topic_store_count_topics (self->store, "es");
    g_autofree char *en_text = g_strdup_printf (PN_ (language, "%u topic in English",
                                                             "%u topics in English", n_en), n_en);
    g_autofree char *es_text = g_strdup_printf (PN_ (language, "%u topic in Spanish",
                                                             "%u topics in Spanish", n_es), n_es);

    hl_html_append_text (out, P_ (language, "The health topics come from MedlinePlus, the consumer health "
                                "service of the U.S. National Library of Medicine, and are shown "
                                "as MedlinePlus published them."));
    g_string_append_c (out, ' ');
    /* TRANSLATORS: "The library holds 39 topics in English and 17 topics in Spanish." */
    counts = g_strdup_printf (P_ (language, "The library holds %s and %s."), en_text, es_text);
    hl_html_append_text (out, counts);
    append_source_line (self, out, language);
  }
  g_string_append (out, "</p>\n</section>\n");

  hl_page_end (self, out, language);
  return g_string_free (out, FALSE);
}

static char *
render_group (HlPageRenderer  *self,
              const char      *id_text,
              GHashTable      *params,
              const char      *uri,
              GError         **error)
{
  const char *language = hl_page_language (self, params);
  g_autoptr(HlGroup) group = NULL;
  g_autoptr(GListModel) topics = NULL;
  g_autofree char *count = NULL;
  gint64 id;
  GString *out;

  if (!hl_page_require_store (self, error))
    return NULL;

  if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT, &id, NULL) ||
      (group = hl_topic_store_get_group (self->store, id, language)) == NULL)
    {
      hl_page_set_not_found (error, uri);
      return NULL;
    }

  topics = hl_topic_store_list_group_topics (self->store, id, language);

  out = g_string_sized_new (16 * 1024);
  hl_page_begin (self, out, hl_group_get_name (group), language, "page-group");
  g_string_append (out, "<nav class=\"crumbs\">");
  {
    g_autofree char *home = g_strdup_printf ("hl://home?lang=%s", language);
    hl_page_append_link (out, home, P_ (language, "Home"), NULL);
  }
  g_string_append (out, "</nav>\n<h1>");
  hl_html_append_text (out, hl_group_get_name (group));
  g_string_append (out, "</h1>\n<p class=\"lead\">");
  count = g_strdup_printf (PN_ (language, "%u topic", "%u topics",
                                        g_list_model_get_n_items (topics)),
                           g_list_model_get_n_items (topics));
  hl_html_append_text (out, count);
  g_string_append (out, "</p>\n");
  append_topic_list (out, topics);

  if (hl_group_get_url (group) != NULL && hl_html_is_web_url (hl_group_get_url (group)))
    {
      g_string_append (out, "<p class=\"source\">");
      hl_page_append_link (out, hl_group_get_url (group), P_ (language, "This group on MedlinePlus"),
                           "external");
      g_string_append (out, "</p>\n");
    }

  hl_page_end (self, out, language);
  return g_string_free (out, FALSE);
}

static char *
render_index (HlPageRenderer  *self,
              const char      *letter_text,
              GHashTable      *params,
              const char      *uri,
              GError         **error)
{
  const char *language = hl_page_language (self, params);
  g_autoptr(GListModel) topics = NULL;
  g_autofree char *letters = NULL;
  g_autofree char *title = NULL;
  char letter = 0;
  GString *out;

  if (!hl_page_require_store (self, error))
    return NULL;

  letters = hl_topic_store_dup_index_letters (self->store, language);
  if (letter_text != NULL && *letter_text != '\0')
    {
      if (strlen (letter_text) != 1 || !(g_ascii_isalpha (*letter_text) || *letter_text == '0'))
        {
          hl_page_set_not_found (error, uri);
          return NULL;
        }
      letter = *letter_text == '0' ? '#' : g_ascii_toupper (*letter_text);
    }
  else if (letters[0] != '\0')
    letter = letters[0];

  if (letter != 0)
    topics = hl_topic_store_list_topics_by_letter (self->store, language, letter);

  /* TRANSLATORS: the A–Z index page's title; %c is a letter */
  title = letter ? g_strdup_printf (P_ (language, "Health Topics: %c"), letter) : g_strdup (P_ (language, "Topics A to Z"));

  out = g_string_sized_new (16 * 1024);
  hl_page_begin (self, out, title, language, "page-index");
  g_string_append (out, "<nav class=\"crumbs\">");
  {
    g_autofree char *home = g_strdup_printf ("hl://home?lang=%s", language);
    hl_page_append_link (out, home, P_ (language, "Home"), NULL);
  }
  g_string_append (out, "</nav>\n<h1>");
  hl_html_append_text (out, title);
  g_string_append (out, "</h1>\n");
  append_letter_bar (self, out, language, letter);
  if (topics != NULL && g_list_model_get_n_items (topics) > 0)
    append_topic_list (out, topics);
  else
    {
      g_string_append (out, "<p class=\"empty\">");
      hl_html_append_text (out, P_ (language, "No topics start with this letter."));
      g_string_append (out, "</p>\n");
    }
  {
    g_autofree char *format = letter ? g_strdup_printf ("hl://index/%c?lang=%%s",
                                                        letter == '#' ? '0' : letter)
                                     : g_strdup ("hl://index?lang=%s");
    append_language_switch (out, format, language);
  }

  hl_page_end (self, out, language);
  return g_string_free (out, FALSE);
}




char *
hl_page_renderer_render_message (HlPageRenderer *self,
                                 const char     *title,
                                 const char     *message)
{
  const char *language;
  GString *out;

  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);

  language = self->language;
  out = g_string_sized_new (4096);
  hl_page_begin (self, out, title, NULL, "page-message");
  g_string_append (out, "<div class=\"empty\">\n<h1>");
  hl_html_append_text (out, title);
  g_string_append (out, "</h1>\n<p>");
  hl_html_append_text (out, message);
  g_string_append (out, "</p>\n<p>");
  hl_page_append_link (out, "hl://home", P_ (language, "Go to the home page"), NULL);
  g_string_append (out, "</p>\n</div>\n");
  hl_page_end (self, out, language);

  return g_string_free (out, FALSE);
}

char *
hl_page_renderer_render (HlPageRenderer  *self,
                         const char      *uri,
                         GError         **error)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_auto(GStrv) segments = NULL;
  const char *host;
  const char *path;
  const char *arg;

  g_return_val_if_fail (HL_IS_PAGE_RENDERER (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), "hl") != 0)
    {
      hl_page_set_not_found (error, uri);
      return NULL;
    }

  host = g_uri_get_host (parsed);
  path = g_uri_get_path (parsed);
  segments = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  arg = segments[0] != NULL && segments[0][0] != '\0' ? segments[0] : NULL;
  if (segments[0] != NULL && segments[1] != NULL)
    {
      hl_page_set_not_found (error, uri);
      return NULL;
    }

  params = parse_query (parsed);
  if (params == NULL)
    {
      hl_page_set_not_found (error, uri);
      return NULL;
    }

  if (g_strcmp0 (host, "home") == 0 && arg == NULL)
    return render_home (self, params, error);

  if (g_strcmp0 (host, "topic") == 0 && arg != NULL)
    {
      gint64 id;

      if (!hl_page_require_store (self, error))
        return NULL;
      if (!g_ascii_string_to_signed (arg, 10, 1, G_MAXINT, &id, NULL))
        {
          hl_page_set_not_found (error, uri);
          return NULL;
        }
      return hl_page_render_topic (self, id, error);
    }

  if (g_strcmp0 (host, "group") == 0 && arg != NULL)
    return render_group (self, arg, params, uri, error);

  if (g_strcmp0 (host, "index") == 0)
    return render_index (self, arg, params, uri, error);

  if (g_strcmp0 (host, "search") == 0 && arg == NULL)
    return hl_page_render_search (self, params, error);

  if (g_strcmp0 (host, "clinic") == 0 && arg != NULL)
    return hl_page_render_clinic (self, arg, uri, error);

  hl_page_set_not_found (error, uri);
  return NULL;
}
