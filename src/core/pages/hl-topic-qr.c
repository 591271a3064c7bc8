/* hl-topic-qr.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hl-address.h"
#include "hl-html.h"
#include "hl-qr.h"
#include "hl-topic-qr.h"

GBytes *
hl_topic_qr_render_svg (const HlPageContext  *ctx,
                        int                   id,
                        GError              **error)
{
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(HlQrCode) qr = NULL;
  g_autofree char *title = NULL;
  char *svg;

  if (!hl_page_require_store (ctx, error))
    return NULL;

  topic = hl_topic_store_load_topic (ctx->store, id, error);
  if (topic == NULL)
    return NULL;

  if (!hl_html_is_web_url (topic->url))
    {
      g_autofree char *uri = hl_address_dup_qr_uri (id);

      hl_page_set_not_found (error, uri);
      return NULL;
    }

  qr = hl_qr_code_new (topic->url, error);
  if (qr == NULL)
    return NULL;

  /* TRANSLATORS: %s is a web address */
  title = g_strdup_printf (P_ (topic->language, "QR code of %s"), topic->url);
  svg = hl_qr_code_to_svg (qr, title);
  return g_bytes_new_take (svg, strlen (svg));
}

static void
append_image (GString       *out,
              const HlTopic *topic,
              const char    *css_class)
{
  g_autofree char *alt = g_strdup_printf (P_ (topic->language, "QR code of %s"), topic->url);
  g_autofree char *src = hl_address_dup_qr_uri (topic->id);

  g_string_append (out, "<img class=\"");
  hl_html_append_attr (out, css_class);
  g_string_append (out, "\" src=\"");
  hl_html_append_attr (out, src);
  g_string_append (out, "\" alt=\"");
  hl_html_append_attr (out, alt);
  g_string_append (out, "\">");
}

void
hl_topic_qr_append_box (GString       *out,
                        const HlTopic *topic)
{
  const char *language = topic->language;

  if (!hl_html_is_web_url (topic->url))
    return;

  g_string_append (out, "<aside class=\"phone\" aria-labelledby=\"phone-heading\">\n"
                        "<h2 id=\"phone-heading\">");
  hl_html_append_text (out, P_ (language, "Read on Your Phone"));
  g_string_append (out, "</h2>\n");
  append_image (out, topic, "qr");
  g_string_append (out, "\n<p>");
  hl_html_append_text (out, P_ (language, "Point your phone’s camera at the code to open this "
                                "topic on MedlinePlus."));
  g_string_append (out, "</p>\n<p class=\"address\">");
  hl_html_append_text (out, topic->url);
  g_string_append (out, "</p>\n<details>\n<summary>");
  hl_html_append_text (out, P_ (language, "Show the code larger"));
  g_string_append (out, "</summary>\n");
  append_image (out, topic, "qr-large");
  g_string_append (out, "\n</details>\n</aside>\n");
}
