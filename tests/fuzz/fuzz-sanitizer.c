/* fuzz-sanitizer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The summary sanitizer on any bytes, held to what hl-html.h promises: a
 * result that is never NULL, valid UTF-8, made only of the allowed elements
 * with no attribute but an allowed href, and the same when sanitized
 * again. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "hl-html.h"

static const char *allowed[] = { "p", "ul", "ol", "li", "em", "strong", "b", "i", "br", "h3", "a" };

/* Links to MedlinePlus become app addresses, as on a topic page. */
static char *
rewrite_cb (const char *href,
            gpointer    user_data)
{
  if (g_str_has_prefix (href, "https://medlineplus.gov/"))
    return g_strdup ("hl://topic/1");
  return NULL;
}

static gboolean
is_allowed (const char *name,
            gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (strlen (allowed[i]) == length && memcmp (allowed[i], name, length) == 0)
      return TRUE;
  return FALSE;
}

/* Every tag of @html: an allowed element, closing or opening, with an href
 * on a link only, double-quoted and allowed. */
static void
check_tags (const char *html)
{
  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      const char *name = p + 1;
      gsize length;

      FUZZ_CHECK (end != NULL);
      if (*name == '/')
        name++;
      length = strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789");
      FUZZ_CHECK (is_allowed (name, length));

      if (name + length < end)
        {
          const char *attribute = name + length;
          g_autofree char *href = NULL;
          const char *close;

          /* <a href="…"> is the one tag with an attribute. */
          FUZZ_CHECK (length == 1 && name[0] == 'a' && p[1] != '/');
          FUZZ_CHECK (g_str_has_prefix (attribute, " href=\""));
          attribute += strlen (" href=\"");
          close = strchr (attribute, '"');
          FUZZ_CHECK (close != NULL && close + 1 == end);
          href = g_strndup (attribute, close - attribute);
          FUZZ_CHECK (strchr (href, '<') == NULL && strchr (href, '\'') == NULL);
          /* Schemes are case-insensitive, as hl-html.h says. */
          FUZZ_CHECK (g_ascii_strncasecmp (href, "http://", 7) == 0 ||
                      g_ascii_strncasecmp (href, "https://", 8) == 0 ||
                      g_ascii_strncasecmp (href, "hl://", 5) == 0);
        }
      p = end;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *once = hl_html_sanitize ((const char *) data, size, rewrite_cb, NULL, text);
  g_autofree char *twice = NULL;

  FUZZ_CHECK (once != NULL);
  FUZZ_CHECK (g_utf8_validate (once, -1, NULL));
  FUZZ_CHECK (g_utf8_validate (text->str, text->len, NULL));
  check_tags (once);

  twice = hl_html_sanitize (once, -1, rewrite_cb, NULL, NULL);
  FUZZ_CHECK (g_strcmp0 (once, twice) == 0);

  return 0;
}
