/* hl-catalog.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libintl.h>
#include <string.h>

#include "hl-catalog.h"

/* A compiled gettext catalog (.mo): a header, then two tables of (length,
 * offset) pairs for the original and the translated strings. */
#define MO_MAGIC         0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u

typedef struct
{
  GMappedFile *file;
  GHashTable  *strings;   /* msgid (with "context\004" when it has one) → msgstr */
} Catalog;

static GMutex catalogs_lock;
static GHashTable *catalogs;   /* language → Catalog*, NULL when it has none */

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("HEALTH_LIBRARY_LOCALEDIR");

  if (dir != NULL && *dir != '\0')
    return dir;

  /* Wherever the program bound its text domain (the build tree, say). */
  dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  return dir != NULL ? dir : LOCALEDIR;
}

static Catalog *
load_catalog (const char *language)
{
  g_autofree char *path = g_build_filename (locale_dir (), language, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swapped;
  Catalog *catalog;

  if (file == NULL)
    return NULL;

  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 20)
    return NULL;

  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return NULL;
  swapped = magic == MO_MAGIC_SWAPPED;

  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((guint64) originals + (guint64) n * 8 > size || (guint64) translations + (guint64) n * 8 > size)
    return NULL;

  catalog = g_new0 (Catalog, 1);
  catalog->strings = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_length = read_u32 (data, originals + i * 8, swapped);
      guint32 id_offset = read_u32 (data, originals + i * 8 + 4, swapped);
      guint32 str_length = read_u32 (data, translations + i * 8, swapped);
      guint32 str_offset = read_u32 (data, translations + i * 8 + 4, swapped);

      /* Each string is followed by a NUL inside the file. */
      if ((guint64) id_offset + id_length >= size || (guint64) str_offset + str_length >= size ||
          data[id_offset + id_length] != '\0' || data[str_offset + str_length] != '\0')
        continue;

      /* The header (empty msgid) and untranslated entries are skipped, and
       * so is a plural entry without its second form. */
      if (id_length == 0 || str_length == 0)
        continue;
      if (strlen ((const char *) data + id_offset) < id_length &&
          strlen ((const char *) data + str_offset) >= str_length)
        continue;

      g_hash_table_insert (catalog->strings, (gpointer) (data + id_offset),
                           (gpointer) (data + str_offset));
    }

  catalog->file = g_steal_pointer (&file);
  return catalog;
}

static Catalog *
get_catalog (const char *language)
{
  Catalog *catalog;
  gpointer found;

  g_mutex_lock (&catalogs_lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);

  /* Loaded once and kept for the life of the process. */
  if (g_hash_table_lookup_extended (catalogs, language, NULL, &found))
    catalog = found;
  else
    {
      catalog = load_catalog (language);
      g_hash_table_insert (catalogs, g_strdup (language), catalog);
    }
  g_mutex_unlock (&catalogs_lock);

  return catalog;
}

static const char *
lookup (const char *language,
        const char *key)
{
  Catalog *catalog;

  if (language == NULL || g_str_equal (language, "en"))
    return NULL;

  catalog = get_catalog (language);
  return catalog ? g_hash_table_lookup (catalog->strings, key) : NULL;
}

const char *
hl_catalog_gettext (const char *language,
                    const char *msgid)
{
  const char *translated = lookup (language, msgid);

  return translated ? translated : msgid;
}

const char *
hl_catalog_pgettext (const char *language,
                     const char *context,
                     const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *translated = lookup (language, key);

  return translated ? translated : msgid;
}

const char *
hl_catalog_ngettext (const char *language,
                     const char *msgid,
                     const char *msgid_plural,
                     gulong      n)
{
  const char *translated = lookup (language, msgid);

  /* Both our languages have two forms: one, and everything else. */
  if (translated == NULL)
    return n == 1 ? msgid : msgid_plural;

  return n == 1 ? translated : translated + strlen (translated) + 1;
}
