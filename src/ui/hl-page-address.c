/* hl-page-address.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "hl-page-address.h"
#include "hl-topic.h"

static const struct
{
  const char *host;
  HlPageKind  kind;
} kinds[] = {
  { "home", HL_PAGE_HOME },
  { "topic", HL_PAGE_TOPIC },
  { "group", HL_PAGE_GROUP },
  { "index", HL_PAGE_INDEX },
  { "search", HL_PAGE_SEARCH },
  { "clinic", HL_PAGE_CLINIC },
};

void
hl_page_address_clear (HlPageAddress *address)
{
  g_clear_pointer (&address->language, g_free);
  address->kind = HL_PAGE_OTHER;
  address->id = 0;
}

gboolean
hl_page_address_parse (HlPageAddress *address,
                       const char    *uri)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *host;
  const char *path;
  const char *query;

  g_return_val_if_fail (address != NULL, FALSE);

  address->kind = HL_PAGE_OTHER;
  address->id = 0;
  address->language = NULL;

  parsed = uri ? g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL) : NULL;
  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), "hl") != 0)
    return FALSE;

  host = g_uri_get_host (parsed);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (host, kinds[i].host) == 0)
      address->kind = kinds[i].kind;

  path = g_uri_get_path (parsed);
  if (address->kind == HL_PAGE_TOPIC || address->kind == HL_PAGE_GROUP)
    {
      gint64 id = 0;

      if (path[0] == '/' && g_ascii_string_to_signed (path + 1, 10, 1, G_MAXINT, &id, NULL))
        address->id = (int) id;
    }

  query = g_uri_get_query (parsed);
  params = query ? g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL) : NULL;
  if (params != NULL)
    address->language = g_strdup (hl_language_normalize (g_hash_table_lookup (params, "lang")));

  return TRUE;
}
