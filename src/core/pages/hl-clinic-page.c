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

char *
hl_clinic_page_render (const HlPageContext  *ctx,
                       const char           *id,
                       const char           *uri,
                       GError              **error)
{
  HlClinic *clinic = NULL;
  g_autofree char *place = NULL;
  g_autofree char *address = NULL;
  g_autofree char *phone_uri = NULL;
  const char * const *services;
  const char *language = ctx->language;
  gboolean known;
  GString *out;

  if (ctx->clinics != NULL && id != NULL)
    clinic = hl_clinic_directory_lookup (ctx->clinics, id);
  if (clinic == NULL)
    {
      hl_page_set_not_found (error, uri);
      return NULL;
    }

  place = hl_clinic_dup_place (clinic);
  if (hl_clinic_get_address (clinic) != NULL)
    {
      const char *postal = hl_clinic_get_postal_code (clinic);

      address = g_strdup_printf ("%s\n%s%s%s", hl_clinic_get_address (clinic), place,
                                 postal ? " " : "", postal ? postal : "");
    }
  phone_uri = hl_phone_to_tel_uri (hl_clinic_get_phone (clinic));
  services = hl_clinic_get_services (clinic);
  known = address != NULL || hl_clinic_get_phone (clinic) != NULL ||
          hl_clinic_get_fax (clinic) != NULL || hl_clinic_get_hours (clinic) != NULL ||
          (services != NULL && services[0] != NULL);

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

  if (known)
    {
      g_string_append (out, "<dl class=\"facts\">\n");
      append_fact (out, P_ (language, "Address"), address, NULL);
      append_fact (out, P_ (language, "Phone"), hl_clinic_get_phone (clinic), phone_uri);
      append_fact (out, P_ (language, "Fax"), hl_clinic_get_fax (clinic), NULL);
      append_fact (out, P_ (language, "Hours"), hl_clinic_get_hours (clinic), NULL);
      if (services != NULL && services[0] != NULL)
        {
          g_string_append (out, "<dt>");
          hl_html_append_text (out, P_ (language, "Services"));
          g_string_append (out, "</dt><dd><ul>");
          for (guint i = 0; services[i] != NULL; i++)
            {
              g_string_append (out, "<li>");
              hl_html_append_text (out, services[i]);
              g_string_append (out, "</li>");
            }
          g_string_append (out, "</ul></dd>\n");
        }
      g_string_append (out, "</dl>\n");
    }
  else
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
