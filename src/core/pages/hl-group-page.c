/* hl-group-page.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hl-html.h"
#include "hl-group-page.h"

char *
hl_group_page_render (const HlPageContext  *ctx,
                      const HlAddress      *address,
                      const char           *uri,
                      GError              **error)
{
  const char *language = hl_page_language (ctx, address);
  int id = hl_address_get_id (address);
  g_autoptr(HlGroup) group = NULL;
  g_autoptr(GListModel) topics = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) local_error = NULL;
  GString *out;

  if (!hl_page_require_store (ctx, error))
    return NULL;

  group = hl_topic_store_get_group (ctx->store, id, language, &local_error);
  if (group == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        hl_page_set_not_found (error, uri);
      return NULL;
    }

  topics = hl_topic_store_list_group_topics (ctx->store, id, language, error);
  if (topics == NULL)
    return NULL;

  out = g_string_sized_new (16 * 1024);
  hl_page_begin (ctx, out, hl_group_get_name (group), language, "page-group");
  g_string_append (out, "<nav class=\"crumbs\">");
  {
    g_autoptr(HlAddress) home_address = hl_address_new_home (language);
    g_autofree char *home = hl_address_to_string (home_address);
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
  hl_page_append_topic_list (out, topics);

  if (hl_group_get_url (group) != NULL && hl_html_is_web_url (hl_group_get_url (group)))
    {
      g_string_append (out, "<p class=\"source\">");
      hl_page_append_link (out, hl_group_get_url (group), P_ (language, "This group on MedlinePlus"),
                           "external");
      g_string_append (out, "</p>\n");
    }

  hl_page_end (ctx, out, language);
  return g_string_free (out, FALSE);
}
