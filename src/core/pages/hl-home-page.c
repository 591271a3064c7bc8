/* hl-home-page.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hl-content-date.h"
#include "hl-html.h"
#include "hl-home-page.h"

static void
append_clinic_list (const HlPageContext *ctx,
                    GString             *out,
                    const char          *language)
{
  g_autoptr(GListModel) clinics = NULL;
  guint n;

  if (ctx->clinics == NULL)
    return;

  /* By town, as people look them up. */
  clinics = hl_clinic_directory_list_by_town (ctx->clinics);
  n = g_list_model_get_n_items (clinics);
  if (n == 0)
    return;

  g_string_append (out, "<section class=\"clinics\">\n<h2>");
  hl_html_append_text (out, P_ (language, "Our Clinics"));
  g_string_append (out, "</h2>\n<ul class=\"tiles\">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);
      g_autofree char *href = hl_address_dup_clinic_uri (hl_clinic_get_id (clinic));

      g_string_append (out, "<li>");
      hl_page_append_link (out, href, hl_clinic_get_name (clinic), NULL);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

/* The clinic this computer is at, with what the directory knows of it and
 * the organization's helpline. */
static void
append_home_clinic (const HlPageContext *ctx,
                    GString             *out,
                    const char          *language)
{
  HlClinic *clinic = ctx->home_clinic;
  g_autofree char *href = g_strdup_printf ("hl://clinic/%s", hl_clinic_get_id (clinic));
  g_autofree char *place = hl_clinic_dup_place (clinic);

  g_string_append (out, "<section class=\"callout home-clinic\" aria-labelledby=\"home-clinic\">\n"
                        "<p class=\"eyebrow\" id=\"home-clinic\">");
  hl_html_append_text (out, P_ (language, "This clinic"));
  g_string_append (out, "</p>\n<p class=\"clinic-name\">");
  hl_page_append_link (out, href, hl_clinic_get_name (clinic), NULL);
  g_string_append (out, "</p>\n<p class=\"place\">");
  if (g_str_equal (hl_clinic_get_id (clinic), "home-office"))
    {
      hl_html_append_text (out, P_ (language, "Home office"));
      g_string_append (out, ", ");
    }
  hl_html_append_text (out, place);
  g_string_append (out, "</p>\n");
  hl_page_append_clinic_facts (out, clinic, language, FALSE);
  if (hl_clinic_directory_get_helpline (ctx->clinics) != NULL)
    {
      g_string_append (out, "<p>");
      hl_page_append_helpline (ctx, out, language);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n");
}

/* What the user read last, to go back to it. */
static void
append_recent (const HlPageContext *ctx,
               GString             *out,
               const char          *language)
{
  guint n = ctx->recent ? g_list_model_get_n_items (ctx->recent) : 0;

  if (n == 0)
    return;

  g_string_append (out, "<section class=\"recent\">\n<h2>");
  hl_html_append_text (out, P_ (language, "Recently Viewed"));
  g_string_append (out, "</h2>\n<ul class=\"topics\">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HlTopicRef) topic = g_list_model_get_item (ctx->recent, i);
      g_autofree char *href = hl_topic_ref_dup_uri (topic);

      g_string_append (out, "<li>");
      hl_page_append_link (out, href, hl_topic_ref_get_title (topic), NULL);
      if (!g_str_equal (hl_topic_ref_get_language (topic), language))
        {
          g_string_append (out, " <span class=\"badge\">");
          hl_html_append_text (out, g_str_equal (hl_topic_ref_get_language (topic), "es")
                                      ? P_ (language, "Spanish") : P_ (language, "English"));
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}

/* "Content as of …", and a calm word when that is long ago. The sample
 * library has its own notice. */
static void
append_freshness (const HlPageContext *ctx,
                  GString             *out,
                  const char          *language)
{
  g_autofree char *date = hl_content_date_of_store (ctx->store);
  g_autofree char *formatted = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (date == NULL)
    return;

  formatted = hl_page_format_date (date, language);
  /* TRANSLATORS: %s is a date */
  text = g_strdup_printf (P_ (language, "Content as of %s"), formatted);
  g_string_append (out, "<p class=\"content-date\">");
  hl_html_append_text (out, text);
  g_string_append (out, "</p>\n");

  now = g_date_time_new_now_local ();
  if (hl_topic_store_is_sample (ctx->store) ||
      !hl_content_date_is_stale (date, ctx->stale_after_days, now))
    return;

  g_clear_pointer (&text, g_free);
  /* TRANSLATORS: %u is a number of days */
  text = g_strdup_printf (PN_ (language,
                               "This content is more than %u day old. MedlinePlus may have "
                               "published newer information since.",
                               "This content is more than %u days old. MedlinePlus may have "
                               "published newer information since.",
                               ctx->stale_after_days),
                          ctx->stale_after_days);
  g_string_append (out, "<p class=\"notice stale\" role=\"status\">");
  hl_html_append_text (out, text);
  g_string_append (out, "</p>\n");
}

char *
hl_home_page_render (const HlPageContext  *ctx,
                     const HlAddress      *address,
                     GError              **error)
{
  const char *language = hl_page_language (ctx, address);
  const char *organization = ctx->clinics ? hl_clinic_directory_get_organization_name (ctx->clinics)
                                           : NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autofree char *letters = NULL;
  g_autofree char *title = NULL;
  GError *local_error = NULL;
  GString *out;
  guint n_en;
  guint n_es;
  guint n;

  if (!hl_page_require_store (ctx, error))
    return NULL;

  /* Everything is read first: a failed read gives no page, not half a one. */
  groups = hl_topic_store_list_groups (ctx->store, language, error);
  if (groups == NULL)
    return NULL;
  letters = hl_topic_store_dup_index_letters (ctx->store, language, error);
  if (letters == NULL)
    return NULL;
  n_en = hl_topic_store_count_topics (ctx->store, "en", &local_error);
  n_es = local_error ? 0 : hl_topic_store_count_topics (ctx->store, "es", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  title = g_strdup (P_ (language, "Health Library"));

  out = g_string_sized_new (16 * 1024);
  hl_page_begin (ctx, out, title, language, "page-home");

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
  append_freshness (ctx, out, language);
  if (ctx->clinics != NULL && ctx->home_clinic != NULL)
    append_home_clinic (ctx, out, language);
  else if (ctx->clinics != NULL && hl_clinic_directory_get_helpline (ctx->clinics) != NULL)
    {
      g_string_append (out, "<p class=\"callout\">");
      hl_page_append_helpline (ctx, out, language);
      g_string_append (out, "</p>\n");
    }

  append_recent (ctx, out, language);

  g_string_append (out, "<section class=\"groups\">\n<h2>");
  hl_html_append_text (out, P_ (language, "Health Topics"));
  g_string_append (out, "</h2>\n<ul class=\"tiles\">\n");
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
  hl_page_append_letter_bar (out, letters, language, 0);
  hl_page_append_language_switch (out, address, language);
  g_string_append (out, "</section>\n");

  append_clinic_list (ctx, out, language);

  g_string_append (out, "<section class=\"about\">\n<h2>");
  hl_html_append_text (out, P_ (language, "About This Information"));
  g_string_append (out, "</h2>\n<p>");
  {
    g_autofree char *counts = NULL;
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
    hl_page_append_source_line (ctx, out, language);
  }
  g_string_append (out, "</p>\n</section>\n");

  hl_page_end (ctx, out, language);
  return g_string_free (out, FALSE);
}
