/* hl-kiosk-address.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-kiosk-address.h"

#include "hl-address.h"

gboolean
hl_kiosk_address_is_app_page (const char *uri)
{
  return uri != NULL && hl_address_has_scheme (uri);
}

gboolean
hl_kiosk_address_is_home (const char *uri)
{
  g_autoptr(HlAddress) address = uri ? hl_address_parse (uri, NULL) : NULL;

  return address != NULL && hl_address_get_kind (address) == HL_ADDRESS_HOME;
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
  g_autoptr(HlAddress) address = hl_address_new_search (text, language);

  return hl_address_to_string (address);
}
