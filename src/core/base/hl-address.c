/* hl-address.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hl-address.h"
#include "hl-error.h"

struct _HlAddress
{
  HlAddressKind  kind;
  int            id;
  char           letter;
  char          *query;
  char          *clinic_id;
  const char    *language;   /* "en", "es" or NULL */
};

G_DEFINE_BOXED_TYPE (HlAddress, hl_address, hl_address_copy, hl_address_free)

static const char *kind_names[] = {
  [HL_ADDRESS_HOME] = "home",
  [HL_ADDRESS_TOPIC] = "topic",
  [HL_ADDRESS_GROUP] = "group",
  [HL_ADDRESS_INDEX] = "index",
  [HL_ADDRESS_SEARCH] = "search",
  [HL_ADDRESS_CLINIC] = "clinic",
  [HL_ADDRESS_QR] = "qr",
};

static HlAddress *
address_new (HlAddressKind kind)
{
  HlAddress *self = g_new0 (HlAddress, 1);

  self->kind = kind;
  return self;
}

static const char *
language_code (const char *language)
{
  if (language == NULL)
    return NULL;
  if (g_ascii_strcasecmp (language, "en") == 0)
    return "en";
  if (g_ascii_strcasecmp (language, "es") == 0)
    return "es";
  return NULL;
}

static gboolean
takes_language (HlAddressKind kind)
{
  return kind != HL_ADDRESS_TOPIC && kind != HL_ADDRESS_CLINIC && kind != HL_ADDRESS_QR;
}

/* Digits only, 1 to G_MAXINT: no sign, no spaces, no hex. */
static gboolean
parse_id (const char *text,
          int        *id)
{
  guint64 value = 0;

  if (text == NULL || *text == '\0' || strlen (text) > 10)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (*p - '0');
    }

  if (value < 1 || value > G_MAXINT)
    return FALSE;

  *id = (int) value;
  return TRUE;
}

gboolean
hl_address_is_valid_clinic_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;

  return TRUE;
}

gboolean
hl_address_has_scheme (const char *uri)
{
  g_autofree char *scheme = uri ? g_uri_parse_scheme (uri) : NULL;

  return scheme != NULL && g_ascii_strcasecmp (scheme, HL_ADDRESS_SCHEME) == 0;
}

static gboolean
set_not_found (GError     **error,
               const char  *uri)
{
  g_autofree char *shown = NULL;

  /* The address goes into a message: keep it readable and short. */
  if (uri == NULL || !g_utf8_validate (uri, -1, NULL))
    shown = g_strdup ("?");
  else if (g_utf8_strlen (uri, -1) > 200)
    {
      g_autofree char *start = g_utf8_substring (uri, 0, 200);
      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (uri);

  g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND, _("There is no page at “%s”."), shown);
  return FALSE;
}

/* The one path segment after the kind, percent-decoded: NULL with *ok when
 * there is none ("", "/"), FALSE in *ok when there are several or it is not
 * valid. */
static char *
take_segment (const char *path,
              gboolean   *ok)
{
  const char *segment;
  char *decoded;

  *ok = TRUE;
  if (path == NULL || *path == '\0' || strcmp (path, "/") == 0)
    return NULL;

  if (path[0] != '/' || strchr (path + 1, '/') != NULL)
    {
      *ok = FALSE;
      return NULL;
    }

  segment = path + 1;
  decoded = g_uri_unescape_string (segment, "/");
  if (decoded == NULL || *decoded == '\0' || !g_utf8_validate (decoded, -1, NULL))
    {
      g_free (decoded);
      *ok = FALSE;
      return NULL;
    }

  return decoded;
}

static gboolean
parse_kind (const char    *host,
            HlAddressKind *kind)
{
  if (host == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (host, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

HlAddress *
hl_address_parse (const char  *uri,
                  GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(HlAddress) self = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *segment = NULL;
  HlAddressKind kind;
  const char *query;
  gboolean ok;

  if (uri == NULL || !hl_address_has_scheme (uri))
    {
      set_not_found (error, uri);
      return NULL;
    }

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_PATH | G_URI_FLAGS_ENCODED_QUERY |
                             G_URI_FLAGS_ENCODED_FRAGMENT, NULL);
  if (parsed == NULL ||
      g_strcmp0 (g_uri_get_scheme (parsed), HL_ADDRESS_SCHEME) != 0 ||
      g_uri_get_userinfo (parsed) != NULL ||
      g_uri_get_port (parsed) != -1 ||
      !parse_kind (g_uri_get_host (parsed), &kind))
    {
      set_not_found (error, uri);
      return NULL;
    }

  segment = take_segment (g_uri_get_path (parsed), &ok);
  if (!ok)
    {
      set_not_found (error, uri);
      return NULL;
    }

  query = g_uri_get_query (parsed);
  if (query != NULL)
    {
      params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
      if (params == NULL)
        {
          set_not_found (error, uri);
          return NULL;
        }
    }

  self = address_new (kind);
  switch (kind)
    {
    case HL_ADDRESS_HOME:
    case HL_ADDRESS_SEARCH:
      ok = segment == NULL;
      break;

    case HL_ADDRESS_TOPIC:
    case HL_ADDRESS_GROUP:
    case HL_ADDRESS_QR:
      ok = parse_id (segment, &self->id);
      break;

    case HL_ADDRESS_INDEX:
      if (segment == NULL)
        ok = TRUE;
      else if (strlen (segment) == 1 && g_ascii_isalpha (segment[0]))
        self->letter = g_ascii_toupper (segment[0]);
      else if (strcmp (segment, "0") == 0)
        self->letter = '#';
      else
        ok = FALSE;
      break;

    case HL_ADDRESS_CLINIC:
      ok = hl_address_is_valid_clinic_id (segment);
      if (ok)
        self->clinic_id = g_steal_pointer (&segment);
      break;

    default:
      ok = FALSE;
      break;
    }

  if (ok && kind == HL_ADDRESS_SEARCH && params != NULL)
    {
      const char *q = g_hash_table_lookup (params, "q");

      if (q != NULL && !g_utf8_validate (q, -1, NULL))
        ok = FALSE;
      else
        self->query = g_strdup (q);
    }

  if (!ok)
    {
      set_not_found (error, uri);
      return NULL;
    }

  if (params != NULL && takes_language (kind))
    self->language = language_code (g_hash_table_lookup (params, "lang"));

  return g_steal_pointer (&self);
}

HlAddress *
hl_address_new_home (const char *language)
{
  HlAddress *self = address_new (HL_ADDRESS_HOME);

  self->language = language_code (language);
  return self;
}

HlAddress *
hl_address_new_topic (int id)
{
  HlAddress *self;

  g_return_val_if_fail (id > 0, NULL);

  self = address_new (HL_ADDRESS_TOPIC);
  self->id = id;
  return self;
}

HlAddress *
hl_address_new_qr (int id)
{
  HlAddress *self;

  g_return_val_if_fail (id > 0, NULL);

  self = address_new (HL_ADDRESS_QR);
  self->id = id;
  return self;
}

HlAddress *
hl_address_new_group (int         id,
                      const char *language)
{
  HlAddress *self;

  g_return_val_if_fail (id > 0, NULL);

  self = address_new (HL_ADDRESS_GROUP);
  self->id = id;
  self->language = language_code (language);
  return self;
}

HlAddress *
hl_address_new_index (char        letter,
                      const char *language)
{
  HlAddress *self;

  g_return_val_if_fail (letter == 0 || letter == '#' || g_ascii_isalpha (letter), NULL);

  self = address_new (HL_ADDRESS_INDEX);
  self->letter = g_ascii_toupper (letter);
  self->language = language_code (language);
  return self;
}

HlAddress *
hl_address_new_search (const char *query,
                       const char *language)
{
  HlAddress *self;

  g_return_val_if_fail (query == NULL || g_utf8_validate (query, -1, NULL), NULL);

  self = address_new (HL_ADDRESS_SEARCH);
  self->query = g_strdup (query);
  self->language = language_code (language);
  return self;
}

HlAddress *
hl_address_new_clinic (const char *id)
{
  HlAddress *self;

  g_return_val_if_fail (hl_address_is_valid_clinic_id (id), NULL);

  self = address_new (HL_ADDRESS_CLINIC);
  self->clinic_id = g_strdup (id);
  return self;
}

HlAddress *
hl_address_copy (const HlAddress *self)
{
  HlAddress *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->query = g_strdup (self->query);
  copy->clinic_id = g_strdup (self->clinic_id);
  return copy;
}

void
hl_address_free (HlAddress *self)
{
  if (self == NULL)
    return;

  g_free (self->query);
  g_free (self->clinic_id);
  g_free (self);
}

HlAddressKind
hl_address_get_kind (const HlAddress *self)
{
  g_return_val_if_fail (self != NULL, HL_ADDRESS_HOME);
  return self->kind;
}

int
hl_address_get_id (const HlAddress *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->id;
}

char
hl_address_get_letter (const HlAddress *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->letter;
}

const char *
hl_address_get_query (const HlAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->query;
}

const char *
hl_address_get_clinic_id (const HlAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->clinic_id;
}

const char *
hl_address_get_language (const HlAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->language;
}

void
hl_address_set_language (HlAddress  *self,
                         const char *language)
{
  g_return_if_fail (self != NULL);

  if (takes_language (self->kind))
    self->language = language_code (language);
}

char *
hl_address_to_string (const HlAddress *self)
{
  GString *out;
  char separator = '?';

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (HL_ADDRESS_SCHEME "://");
  g_string_append (out, kind_names[self->kind]);

  switch (self->kind)
    {
    case HL_ADDRESS_TOPIC:
    case HL_ADDRESS_GROUP:
    case HL_ADDRESS_QR:
      g_string_append_printf (out, "/%d", self->id);
      break;

    case HL_ADDRESS_INDEX:
      if (self->letter != 0)
        g_string_append_printf (out, "/%c", self->letter == '#' ? '0' : self->letter);
      break;

    case HL_ADDRESS_CLINIC:
      g_string_append_printf (out, "/%s", self->clinic_id);
      break;

    case HL_ADDRESS_SEARCH:
      if (self->query != NULL)
        {
          g_string_append (out, "?q=");
          g_string_append_uri_escaped (out, self->query, NULL, FALSE);
          separator = '&';
        }
      break;

    case HL_ADDRESS_HOME:
    default:
      break;
    }

  if (self->language != NULL)
    g_string_append_printf (out, "%clang=%s", separator, self->language);

  return g_string_free (out, FALSE);
}

gboolean
hl_address_equal (const HlAddress *a,
                  const HlAddress *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind && a->id == b->id && a->letter == b->letter &&
         g_strcmp0 (a->query, b->query) == 0 && g_strcmp0 (a->clinic_id, b->clinic_id) == 0 &&
         g_strcmp0 (a->language, b->language) == 0;
}

char *
hl_address_dup_topic_uri (int id)
{
  g_autoptr(HlAddress) address = hl_address_new_topic (id);

  return address ? hl_address_to_string (address) : NULL;
}

char *
hl_address_dup_group_uri (int         id,
                          const char *language)
{
  g_autoptr(HlAddress) address = hl_address_new_group (id, language);

  return address ? hl_address_to_string (address) : NULL;
}

char *
hl_address_dup_clinic_uri (const char *id)
{
  g_autoptr(HlAddress) address = hl_address_new_clinic (id);

  return address ? hl_address_to_string (address) : NULL;
}

char *
hl_address_dup_qr_uri (int id)
{
  g_autoptr(HlAddress) address = hl_address_new_qr (id);

  return address ? hl_address_to_string (address) : NULL;
}

int
hl_address_topic_id_of (const char *uri)
{
  g_autoptr(HlAddress) address = uri ? hl_address_parse (uri, NULL) : NULL;

  if (address == NULL || address->kind != HL_ADDRESS_TOPIC)
    return 0;
  return address->id;
}
