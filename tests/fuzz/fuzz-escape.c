/* fuzz-escape.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The text and attribute escapers: what comes out holds none of & < > " '
 * but as the five entities, and reads back as what went in. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "hl-html.h"

static const struct { const char *entity; char c; } entities[] = {
  { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' },
};

static char *
unescape (const char *escaped)
{
  GString *out = g_string_new (NULL);

  for (const char *p = escaped; *p != '\0';)
    {
      gboolean matched = FALSE;

      FUZZ_CHECK (strchr ("<>\"'", *p) == NULL);
      if (*p == '&')
        {
          for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
            if (g_str_has_prefix (p, entities[i].entity))
              {
                g_string_append_c (out, entities[i].c);
                p += strlen (entities[i].entity);
                matched = TRUE;
                break;
              }
          FUZZ_CHECK (matched);
          continue;
        }
      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  g_autofree char *text = hl_html_escape_text (input);
  g_autofree char *attr = hl_html_escape_attr (input);
  g_autofree char *text_back = unescape (text);
  g_autofree char *attr_back = unescape (attr);
  g_autoptr(GString) appended = g_string_new ("<p>");

  FUZZ_CHECK (strcmp (text_back, input) == 0);
  FUZZ_CHECK (strcmp (attr_back, input) == 0);

  /* Appending is escaping. */
  hl_html_append_text (appended, input);
  FUZZ_CHECK (strcmp (appended->str + 3, text) == 0);
  g_string_truncate (appended, 0);
  hl_html_append_attr (appended, input);
  FUZZ_CHECK (strcmp (appended->str, attr) == 0);

  /* The URL checks never accept what they must not. */
  if (hl_html_is_allowed_url (input))
    FUZZ_CHECK (g_ascii_strncasecmp (input, "http://", 7) == 0 ||
                g_ascii_strncasecmp (input, "https://", 8) == 0 ||
                g_ascii_strncasecmp (input, "hl://", 5) == 0);
  if (hl_html_is_web_url (input))
    FUZZ_CHECK (hl_html_is_allowed_url (input));

  return 0;
}
