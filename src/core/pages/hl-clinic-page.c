/* hl-clinic-page.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hl-html.h"
#include "hl-clinic-page.h"
#include "hl-text.h"

char *
hl_clinic_page_render (const HlPageContext  *ctx,
                       const char           *id,
                       const char           *uri,
                       GError              **error)
{
  HlClinic *clinic = NULL;
  g_autofree char *place = NULL;
  const char *language = ctx->language;
  GString *out;

  if (ctx->clinics != NULL && id != NULL)
    clinic = hl_clinic_directory_lookup (ctx->clinics, id);
  if (clinic == NULL)
    {
      hl_page_set_not_found (error, uri);
      return NULL;
    }

  place = hl_clinic_dup_place (clinic);

  out = g_string_sized_new (4096);
  hl_page_begin (ctx, out, hl_clinic_get_name (clinic), NULL, "page-clinic");
  g_string_append (out, "<nav class=\"crumbs\">");
  {
    g_autoptr(HlAddress) home = hl_address_new_home (NULL);
    g_autofree char *href = hl_address_to_string (home);

    hl_page_append_link (out, href, P_ (language, "Home"), NULL);
  }
  g_string_append (out, "</nav>\n<h1>");
  hl_html_append_text (out, hl_clinic_get_name (clinic));
  g_string_append (out, "</h1>\n<p class=\"lead\">");
  if (g_str_equal (hl_clinic_get_id (clinic), "home-office"))
    hl_html_append_text (out, P_ (language, "Home office"));
  else
    hl_html_append_text (out, place);
  g_string_append (out, "</p>\n");

  if (!hl_page_append_clinic_facts (out, clinic, language, TRUE))
    {
      /* We say what we do not know rather than guess. */
      g_string_append (out, "<p class=\"empty\">");
      hl_html_append_text (out, P_ (language, "The address, phone number and opening hours of this clinic "
                                  "are not in the directory yet."));
      g_string_append (out, "</p>\n");
    }

  if (hl_clinic_directory_get_helpline (ctx->clinics) != NULL)
    {
      g_string_append (out, "<p class=\"callout\">");
      hl_html_append_text (out, P_ (language, "For directions, appointments or questions, call"));
      g_string_append_c (out, ' ');
      hl_page_append_helpline (ctx, out, language);
      g_string_append (out, "</p>\n");
    }

  if (!g_str_equal (hl_clinic_get_id (clinic), "home-office") &&
      hl_clinic_directory_get_home_office (ctx->clinics) != NULL)
    {
      g_autofree char *office = hl_address_dup_clinic_uri ("home-office");

      g_string_append (out, "<p>");
      hl_page_append_link (out, office, P_ (language, "Home office"), NULL);
      g_string_append (out, "</p>\n");
    }

  hl_page_end (ctx, out, language);
  return g_string_free (out, FALSE);
}
