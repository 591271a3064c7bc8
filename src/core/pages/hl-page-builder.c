/* hl-page-builder.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "hl-error.h"
#include "hl-html.h"
#include "hl-page-builder.h"
#include "hl-text.h"

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
hl_page_append_helpline (const HlPageContext *ctx,
                         GString             *out,
                         const char          *language)
{
  const char *helpline;
  g_autofree char *tel = NULL;

  if (ctx->clinics == NULL)
    return;

  helpline = hl_clinic_directory_get_helpline (ctx->clinics);
  if (helpline == NULL)
    return;

  tel = hl_phone_to_tel_uri (helpline);
  g_string_append (out, "<span class=\"helpline\">");
  hl_html_append_text (out, P_ (language, "24/7 helpline:"));
  g_string_append_c (out, ' ');
  hl_page_append_link (out, tel, helpline, NULL);
  g_string_append (out, "</span>");
}

static void
append_fact (GString    *out,
             const char *label,
             const char *value,
             const char *href)
{
  if (value == NULL)
    return;

  g_string_append (out, "<dt>");
  hl_html_append_text (out, label);
  g_string_append (out, "</dt><dd>");
  if (href != NULL)
    hl_page_append_link (out, href, value, NULL);
  else
    {
      /* Hours and addresses may span lines. */
      g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (out, "<br>");
          hl_html_append_text (out, lines[i]);
        }
    }
  g_string_append (out, "</dd>\n");
}

/* The street address with the town below it, or NULL when it is unknown. */
static char *
dup_full_address (HlClinic *clinic)
{
  g_autofree char *place = hl_clinic_dup_place (clinic);
  const char *postal = hl_clinic_get_postal_code (clinic);

  if (hl_clinic_get_address (clinic) == NULL)
    return NULL;

  return g_strdup_printf ("%s\n%s%s%s", hl_clinic_get_address (clinic), place,
                          postal ? " " : "", postal ? postal : "");
}

gboolean
hl_page_append_clinic_facts (GString    *out,
                             HlClinic   *clinic,
                             const char *language,
                             gboolean    services)
{
  g_autofree char *address = dup_full_address (clinic);
  g_autofree char *phone_uri = hl_phone_to_tel_uri (hl_clinic_get_phone (clinic));
  const char * const *list = services ? hl_clinic_get_services (clinic) : NULL;

  if (address == NULL && hl_clinic_get_phone (clinic) == NULL &&
      hl_clinic_get_fax (clinic) == NULL && hl_clinic_get_hours (clinic) == NULL &&
      (list == NULL || list[0] == NULL))
    return FALSE;

  g_string_append (out, "<dl class=\"facts\">\n");
  append_fact (out, P_ (language, "Address"), address, NULL);
  append_fact (out, P_ (language, "Phone"), hl_clinic_get_phone (clinic), phone_uri);
  append_fact (out, P_ (language, "Fax"), hl_clinic_get_fax (clinic), NULL);
  append_fact (out, P_ (language, "Hours"), hl_clinic_get_hours (clinic), NULL);
  if (list != NULL && list[0] != NULL)
    {
      g_string_append (out, "<dt>");
      hl_html_append_text (out, P_ (language, "Services"));
      g_string_append (out, "</dt><dd><ul>");
      for (guint i = 0; list[i] != NULL; i++)
        {
          g_string_append (out, "<li>");
          hl_html_append_text (out, list[i]);
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul></dd>\n");
    }
  g_string_append (out, "</dl>\n");

  return TRUE;
}

/* One line of the printed banner: "Your clinic: Kilgore, Kilgore, TX ·
 * 1 Main Street, Kilgore, TX 75662 · Phone (903) … · Hours …", with only the
 * facts the directory has. */
static void
append_handout_clinic (const HlPageContext *ctx,
                       GString             *out,
                       const char          *language)
{
  HlClinic *clinic = ctx->home_clinic;
  g_autofree char *place = hl_clinic_dup_place (clinic);
  g_autofree char *address = dup_full_address (clinic);
  const struct { const char *label; const char *value; } facts[] = {
    { NULL, address },
    { P_ (language, "Phone"), hl_clinic_get_phone (clinic) },
    { P_ (language, "Hours"), hl_clinic_get_hours (clinic) },
  };

  g_string_append (out, "<p class=\"handout-clinic\"><span class=\"label\">");
  hl_html_append_text (out, P_ (language, "Your clinic:"));
  g_string_append (out, "</span> ");
  hl_html_append_text (out, hl_clinic_get_name (clinic));
  g_string_append (out, ", ");
  hl_html_append_text (out, place);

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      g_auto(GStrv) lines = NULL;

      if (facts[i].value == NULL)
        continue;

      g_string_append (out, " · ");
      if (facts[i].label != NULL)
        {
          hl_html_append_text (out, facts[i].label);
          g_string_append_c (out, ' ');
        }
      /* On one line: the parts of an address, or the lines of the hours. */
      lines = g_strsplit (facts[i].value, "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (out, i == 0 ? ", " : "; ");
          hl_html_append_text (out, lines[j]);
        }
    }
  g_string_append (out, "</p>");
}

void
hl_page_begin (const HlPageContext *ctx,
               GString             *out,
               const char          *title,
               const char          *language,
               const char          *body_class)
{
  language = language ? language : ctx->language;
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
  if (ctx->stylesheet != NULL)
    g_string_append_len (out, g_bytes_get_data (ctx->stylesheet, NULL),
                         g_bytes_get_size (ctx->stylesheet));
  g_string_append (out, "</style>\n</head>\n<body class=\"");
  hl_html_append_attr (out, body_class);
  g_string_append (out, "\">\n");

  /* Printed pages are handed to patients: they carry who to call. */
  if (ctx->clinics != NULL)
    {
      g_string_append (out, "<header class=\"handout\"><strong>");
      hl_html_append_text (out, hl_clinic_directory_get_organization_name (ctx->clinics));
      g_string_append (out, "</strong> ");
      hl_page_append_helpline (ctx, out, language);
      if (ctx->home_clinic != NULL)
        append_handout_clinic (ctx, out, language);
      g_string_append (out, "</header>\n");
    }

  if (ctx->store != NULL && hl_topic_store_is_sample (ctx->store))
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

void
hl_page_append_source_line (const HlPageContext *ctx,
                            GString             *out,
                            const char          *language)
{
  const char *generated;
  g_autofree char *date = NULL;

  if (ctx->store == NULL)
    return;

  generated = hl_topic_store_get_meta (ctx->store, "date-generated");
  date = hl_page_format_date (generated, language);
  if (date != NULL)
    {
      g_autofree char *text = NULL;

      if (hl_topic_store_is_sample (ctx->store))
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
hl_page_end (const HlPageContext *ctx,
             GString             *out,
             const char          *language)
{
  language = language ? language : ctx->language;
  g_string_append (out, "</main>\n<footer>\n<p>");
  hl_html_append_text (out, P_ (language, "Health information from"));
  g_string_append_c (out, ' ');
  hl_page_append_link (out, "https://medlineplus.gov/", "MedlinePlus", NULL);
  g_string_append (out, ", ");
  hl_html_append_text (out, P_ (language, "U.S. National Library of Medicine (NLM)."));
  hl_page_append_source_line (ctx, out, language);
  g_string_append (out, "</p>\n<p>");
  hl_html_append_text (out,
                       P_ (language, "This information does not replace the advice of a doctor or "
                         "other health care provider."));
  g_string_append (out, "</p>\n</footer>\n</body>\n</html>\n");
}

const char *
hl_page_language (const HlPageContext *ctx,
                  const HlAddress     *address)
{
  const char *code = address ? hl_address_get_language (address) : NULL;

  return code ? code : ctx->language;
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
hl_page_require_store (const HlPageContext  *ctx,
                       GError              **error)
{
  if (ctx->store != NULL)
    return TRUE;

  g_set_error (error, HL_ERROR, HL_ERROR_NO_LIBRARY,
               _("The health library is not available."));
  return FALSE;
}

void
hl_page_append_topic_list (GString    *out,
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

void
hl_page_append_letter_bar (GString    *out,
                           const char *letters,
                           const char *language,
                           char        current)
{
  g_string_append (out, "<nav class=\"letters\" aria-label=\"");
  hl_html_append_attr (out, P_ (language, "Topics A to Z"));
  g_string_append (out, "\">\n");
  for (const char *p = letters; *p != '\0'; p++)
    {
      g_autoptr(HlAddress) address = hl_address_new_index (*p, language);
      g_autofree char *href = hl_address_to_string (address);
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

void
hl_page_append_language_switch (GString         *out,
                                const HlAddress *page,
                                const char      *language)
{
  const char *other = hl_language_other (language);
  g_autoptr(HlAddress) address = hl_address_copy (page);
  g_autofree char *href = NULL;

  hl_address_set_language (address, other);
  href = hl_address_to_string (address);

  g_string_append (out, "<p class=\"language-switch\">");
  hl_page_append_link (out, href,
                       g_str_equal (other, "es") ? P_ (language, "Topics in Spanish (español)")
                                                 : P_ (language, "Topics in English (inglés)"),
                       NULL);
  g_string_append (out, "</p>\n");
}
