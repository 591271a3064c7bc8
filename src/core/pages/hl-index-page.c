/* hl-index-page.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hl-html.h"
#include "hl-index-page.h"

char *
hl_index_page_render (const HlPageContext  *ctx,
                      const HlAddress      *address,
                      const char           *uri,
                      GError              **error)
{
  const char *language = hl_page_language (ctx, address);
  g_autoptr(GListModel) topics = NULL;
  g_autofree char *letters = NULL;
  g_autofree char *title = NULL;
  char letter = hl_address_get_letter (address);
  GString *out;

  if (!hl_page_require_store (ctx, error))
    return NULL;

  letters = hl_topic_store_dup_index_letters (ctx->store, language, error);
  if (letters == NULL)
    return NULL;
  if (letter == 0 && letters[0] != '\0')
    letter = letters[0];

  if (letter != 0)
    {
      topics = hl_topic_store_list_topics_by_letter (ctx->store, language, letter, error);
      if (topics == NULL)
        return NULL;
    }

  /* TRANSLATORS: the A–Z index page's title; %c is a letter */
  title = letter ? g_strdup_printf (P_ (language, "Health Topics: %c"), letter) : g_strdup (P_ (language, "Topics A to Z"));

  out = g_string_sized_new (16 * 1024);
  hl_page_begin (ctx, out, title, language, "page-index");
  g_string_append (out, "<nav class=\"crumbs\">");
  {
    g_autoptr(HlAddress) home_address = hl_address_new_home (language);
    g_autofree char *home = hl_address_to_string (home_address);
    hl_page_append_link (out, home, P_ (language, "Home"), NULL);
  }
  g_string_append (out, "</nav>\n<h1>");
  hl_html_append_text (out, title);
  g_string_append (out, "</h1>\n");
  hl_page_append_letter_bar (out, letters, language, letter);
  if (topics != NULL && g_list_model_get_n_items (topics) > 0)
    hl_page_append_topic_list (out, topics);
  else
    {
      g_string_append (out, "<p class=\"empty\">");
      hl_html_append_text (out, P_ (language, "No topics start with this letter."));
      g_string_append (out, "</p>\n");
    }
  {
    g_autoptr(HlAddress) shown = hl_address_new_index (letter, language);

    hl_page_append_language_switch (out, shown, language);
  }

  hl_page_end (ctx, out, language);
  return g_string_free (out, FALSE);
}
