/* hl-search-page.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hl-html.h"
#include "hl-search-page.h"
#include "hl-text.h"

/* Search results, best first, with the matched words marked; or what to try
 * when nothing matched. */

/* How many hits a search page lists. */
#define SEARCH_PAGE_LIMIT 100

char *
hl_search_page_render (const HlPageContext  *ctx,
                       const HlAddress      *address,
                       GError              **error)
{
  const char *language = hl_page_language (ctx, address);
  const char *query = hl_address_get_query (address);
  g_autoptr(GListModel) hits = NULL;
  g_auto(GStrv) suggestions = NULL;
  g_autofree char *title = NULL;
  g_autofree char *query_text = NULL;
  GString *out;
  guint n;

  if (!hl_page_require_store (ctx, error))
    return NULL;

  query_text = hl_text_collapse_space (query);
  if (query_text == NULL)
    title = g_strdup (P_ (language, "Search"));
  else
    /* TRANSLATORS: the search page's title; %s is what was searched for */
    title = g_strdup_printf (P_ (language, "Search: %s"), query_text);

  hits = query_text ? hl_topic_store_search (ctx->store, query_text, language,
                                             SEARCH_PAGE_LIMIT, error)
                    : g_object_new (G_TYPE_LIST_STORE, "item-type", HL_TYPE_TOPIC_REF, NULL);
  if (hits == NULL)
    return NULL;
  n = g_list_model_get_n_items (hits);

  if (n == 0 && query_text != NULL)
    {
      suggestions = hl_topic_store_suggest (ctx->store, query_text, language, 3, error);
      if (suggestions == NULL)
        return NULL;
    }

  out = g_string_sized_new (16 * 1024);
  hl_page_begin (ctx, out, title, language, "page-search");
  g_string_append (out, "<h1>");
  hl_html_append_text (out, title);
  g_string_append (out, "</h1>\n");

  if (n > 0)
    {
      g_autofree char *count = NULL;

      count = g_strdup_printf (PN_ (language, "%u topic found",
                                            "%u topics found", n), n);
      g_string_append (out, "<p class=\"lead\">");
      hl_html_append_text (out, count);
      g_string_append (out, "</p>\n<ol class=\"results\">\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HlTopicRef) hit = g_list_model_get_item (hits, i);
          g_autofree char *href = hl_topic_ref_dup_uri (hit);
          g_autofree char *snippet = hl_topic_ref_dup_snippet_html (hit);

          g_string_append (out, "<li><p class=\"hit\">");
          hl_page_append_link (out, href, hl_topic_ref_get_title (hit), NULL);
          if (!g_str_equal (hl_topic_ref_get_language (hit), language))
            {
              g_string_append (out, " <span class=\"badge\">");
              hl_html_append_text (out, g_str_equal (hl_topic_ref_get_language (hit), "es")
                                          ? P_ (language, "Spanish") : P_ (language, "English"));
              g_string_append (out, "</span>");
            }
          g_string_append (out, "</p>");
          if (snippet != NULL)
            {
              /* Already escaped, with <mark> around the matched words. */
              g_string_append (out, "<p class=\"snippet\">");
              g_string_append (out, snippet);
              g_string_append (out, "</p>");
            }
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ol>\n");
    }
  else
    {
      g_string_append (out, "<div class=\"empty\">\n<p>");
      if (query_text != NULL)
        {
          g_autofree char *text = NULL;

          /* TRANSLATORS: %s is what was searched for */
          text = g_strdup_printf (P_ (language, "No topics match “%s”."), query_text);
          hl_html_append_text (out, text);
        }
      else
        hl_html_append_text (out, P_ (language, "Type a word or two to search the health topics."));
      g_string_append (out, "</p>\n");

      if (suggestions != NULL && suggestions[0] != NULL)
        {
          g_string_append (out, "<p class=\"suggestions\">");
          hl_html_append_text (out, P_ (language, "Did you mean:"));
          for (guint i = 0; suggestions[i] != NULL; i++)
            {
              g_autoptr(HlAddress) suggestion = hl_address_new_search (suggestions[i], language);
              g_autofree char *href = hl_address_to_string (suggestion);

              g_string_append (out, i == 0 ? " " : ", ");
              hl_page_append_link (out, href, suggestions[i], NULL);
            }
          g_string_append (out, "</p>\n");
        }
      else if (query_text != NULL)
        {
          g_string_append (out, "<p>");
          hl_html_append_text (out, P_ (language, "Check the spelling, try fewer or shorter words, or browse "
                                      "the topics A to Z."));
          g_string_append (out, "</p>\n");
        }
      g_string_append (out, "</div>\n");
    }

  hl_page_end (ctx, out, language);
  return g_string_free (out, FALSE);
}
