/* hl-update-offer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "hl-content-date.h"
#include "hl-update-error.h"
#include "hl-update-offer.h"

static int
port_of (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

gboolean
hl_update_is_allowed_target (GUri *origin,
                             GUri *target)
{
  const char *scheme;

  g_return_val_if_fail (origin != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  scheme = g_uri_get_scheme (target);
  if (scheme == NULL || g_uri_get_host (target) == NULL || *g_uri_get_host (target) == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  return g_ascii_strcasecmp (scheme, "http") == 0 &&
         g_ascii_strcasecmp (g_uri_get_scheme (origin), "http") == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (origin), g_uri_get_host (target)) == 0 &&
         port_of (origin) == port_of (target);
}

/* The last segment of the path, without escapes. */
static char *
dup_base_name (GUri *uri)
{
  const char *path = g_uri_get_path (uri);
  const char *slash = strrchr (path, '/');

  return g_uri_unescape_string (slash ? slash + 1 : path, "/");
}

void
hl_update_offer_free (HlUpdateOffer *offer)
{
  if (offer == NULL)
    return;

  g_free (offer->date);
  g_free (offer->topics_uri);
  g_free (offer->topics_name);
  g_free (offer->groups_uri);
  g_free (offer->groups_name);
  g_free (offer);
}

HlUpdateOffer *
hl_update_offer_for_file (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  HlMedlinePlusFile kind;
  HlUpdateOffer *offer;

  if (parsed == NULL)
    return NULL;

  name = dup_base_name (parsed);
  kind = hl_content_date_parse_file_name (name, &date);
  if (kind != HL_MEDLINEPLUS_FILE_TOPICS && kind != HL_MEDLINEPLUS_FILE_TOPICS_ZIP)
    return NULL;

  offer = g_new0 (HlUpdateOffer, 1);
  offer->date = g_steal_pointer (&date);
  offer->topics_uri = g_uri_to_string (parsed);
  offer->topics_name = g_steal_pointer (&name);
  return offer;
}

typedef struct
{
  GUri          *page;
  HlUpdateOffer *offer;
  GPtrArray     *groups;   /* (uri, name, date) triples */
} Search;

static void
consider_link (Search     *search,
               const char *href)
{
  g_autoptr(GUri) target = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  HlUpdateOffer *offer = search->offer;
  HlMedlinePlusFile kind;
  int order;

  target = g_uri_parse_relative (search->page, href, G_URI_FLAGS_NONE, NULL);
  if (target == NULL || !hl_update_is_allowed_target (search->page, target))
    return;

  name = dup_base_name (target);
  kind = hl_content_date_parse_file_name (name, &date);
  switch (kind)
    {
    case HL_MEDLINEPLUS_FILE_TOPICS:
    case HL_MEDLINEPLUS_FILE_TOPICS_ZIP:
      order = offer->date ? strcmp (date, offer->date) : 1;
      if (order < 0)
        return;
      /* At the same date, the ZIP. */
      if (order == 0 && (kind != HL_MEDLINEPLUS_FILE_TOPICS_ZIP ||
                         g_str_has_suffix (offer->topics_name, ".zip")))
        return;
      g_free (offer->date);
      g_free (offer->topics_uri);
      g_free (offer->topics_name);
      offer->date = g_steal_pointer (&date);
      offer->topics_uri = g_uri_to_string (target);
      offer->topics_name = g_steal_pointer (&name);
      break;

    case HL_MEDLINEPLUS_FILE_GROUPS:
      g_ptr_array_add (search->groups, g_uri_to_string (target));
      g_ptr_array_add (search->groups, g_steal_pointer (&name));
      g_ptr_array_add (search->groups, g_steal_pointer (&date));
      break;

    case HL_MEDLINEPLUS_FILE_NONE:
    default:
      break;
    }
}

static void
walk (Search  *search,
      xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE &&
          g_ascii_strcasecmp ((const char *) node->name, "a") == 0)
        {
          xmlChar *href = xmlGetProp (node, (const xmlChar *) "href");

          if (href != NULL)
            consider_link (search, g_strstrip ((char *) href));
          xmlFree (href);
        }
      walk (search, node->children);
    }
}

/* The group file of the topics' date, or else the newest before it. */
static void
choose_groups (Search *search)
{
  HlUpdateOffer *offer = search->offer;
  const char *best_date = NULL;
  guint best = 0;

  for (guint i = 0; i < search->groups->len; i += 3)
    {
      const char *date = g_ptr_array_index (search->groups, i + 2);

      if (strcmp (date, offer->date) > 0)
        continue;
      if (best_date == NULL || strcmp (date, best_date) > 0)
        {
          best_date = date;
          best = i;
        }
    }

  if (best_date == NULL)
    return;

  offer->groups_uri = g_strdup (g_ptr_array_index (search->groups, best));
  offer->groups_name = g_strdup (g_ptr_array_index (search->groups, best + 1));
}

HlUpdateOffer *
hl_update_offer_find (const char  *html,
                      gsize        length,
                      const char  *page_uri,
                      GError     **error)
{
  g_autoptr(GUri) page = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(HlUpdateOffer) offer = NULL;
  htmlDocPtr doc;
  Search search;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (page_uri != NULL, NULL);

  page = g_uri_parse (page_uri, G_URI_FLAGS_NONE, error);
  if (page == NULL)
    return NULL;

  offer = g_new0 (HlUpdateOffer, 1);
  groups = g_ptr_array_new_with_free_func (g_free);
  search = (Search) { page, offer, groups };

  /* An untrusted page: libxml2's forgiving HTML parser, which never loads
   * anything. */
  doc = htmlReadMemory (html, (int) MIN (length, G_MAXINT), page_uri, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS);
  if (doc != NULL)
    walk (&search, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);

  if (offer->topics_uri == NULL)
    {
      g_set_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_NO_FILE,
                   _("The page %s links no MedlinePlus health-topic file "
                     "(mplus_topics_YYYY-MM-DD.xml or its ZIP). Check the update address."),
                   page_uri);
      return NULL;
    }

  choose_groups (&search);
  return g_steal_pointer (&offer);
}
