/* hl-kiosk-address.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-kiosk-address.h"

gboolean
hl_kiosk_address_is_app_page (const char *uri)
{
  const char *scheme = uri ? g_uri_peek_scheme (uri) : NULL;

  return g_strcmp0 (scheme, "hl") == 0;
}

gboolean
hl_kiosk_address_is_home (const char *uri)
{
  g_autoptr(GUri) parsed = uri ? g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL) : NULL;

  return parsed != NULL && g_strcmp0 (g_uri_get_scheme (parsed), "hl") == 0 &&
         g_strcmp0 (g_uri_get_host (parsed), "home") == 0 &&
         (g_str_equal (g_uri_get_path (parsed), "") || g_str_equal (g_uri_get_path (parsed), "/"));
}

HlKioskLinkKind
hl_kiosk_address_classify (const char  *uri,
                           char       **shown)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  g_return_val_if_fail (shown != NULL, HL_KIOSK_LINK_OTHER);
  *shown = NULL;

  parsed = uri ? g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL) : NULL;
  if (parsed == NULL)
    return HL_KIOSK_LINK_OTHER;

  scheme = g_uri_get_scheme (parsed);
  if ((g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
      g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0')
    {
      *shown = g_strdup (uri);
      return HL_KIOSK_LINK_WEB;
    }

  if (g_ascii_strcasecmp (scheme, "tel") == 0)
    {
      g_autofree char *number = g_uri_unescape_string (g_uri_get_path (parsed), NULL);

      if (number == NULL || !g_utf8_validate (number, -1, NULL))
        return HL_KIOSK_LINK_OTHER;
      g_strstrip (number);
      if (*number == '\0')
        return HL_KIOSK_LINK_OTHER;
      *shown = g_steal_pointer (&number);
      return HL_KIOSK_LINK_PHONE;
    }

  return HL_KIOSK_LINK_OTHER;
}

char *
hl_kiosk_address_for_search (const char *text,
                             const char *language)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);

  return g_strdup_printf ("hl://search?q=%s&lang=%s", escaped, language);
}
