/* fuzz-medlineplus-archive.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The MedlinePlus reader on XML inside a valid gzip or ZIP file: the input
 * is the XML (after one byte that chooses the container and, for ZIP, the
 * entries around it), so the fuzzer works on the XML while the reader goes
 * through libarchive. */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>

#include "fuzz-common.h"
#include "hl-medlineplus-parser.h"

static void
add_entry (struct archive *archive,
           const char     *name,
           const uint8_t  *data,
           size_t          size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  if (archive_write_header (archive, entry) != ARCHIVE_OK ||
      archive_write_data (archive, data, size) != (la_ssize_t) size)
    abort ();
  archive_entry_free (entry);
}

static gboolean
topic_cb (HlTopic  *topic,
          gpointer  user_data,
          GError  **error)
{
  hl_topic_free (topic);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *path = fuzz_scratch_file ("mplus_topics_fuzz.zip");
  struct archive *archive;
  HlTopicsFileInfo info = { 0 };
  GError *error = NULL;
  guint8 choice;

  if (size < 1)
    return 0;
  choice = data[0];
  data++;
  size--;

  archive = archive_write_new ();
  if (choice & 1)
    {
      archive_write_set_format_zip (archive);
      if (choice & 2)
        archive_write_zip_set_compression_store (archive);
    }
  else
    {
      archive_write_add_filter_gzip (archive);
      archive_write_set_format_raw (archive);
    }
  if (archive_write_open_filename (archive, path) != ARCHIVE_OK)
    abort ();

  if ((choice & 1) && (choice & 4))
    add_entry (archive, "readme.txt", (const uint8_t *) "Read me.\n", 9);
  add_entry (archive, (choice & 8) ? "nlm/MPLUS_TOPICS_2026-01-01.XML" : "mplus_topics_2026-01-01.xml",
             data, size);
  if ((choice & 1) && (choice & 16))
    add_entry (archive, "mplus_topics_2026-01-02.xml", data, size);

  if (archive_write_close (archive) != ARCHIVE_OK)
    abort ();
  archive_write_free (archive);

  if (!hl_medlineplus_parse_topics (path, topic_cb, NULL, NULL, NULL, &info, &error))
    FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
  else
    /* Two candidate entries are never read: which one was meant is not known. */
    FUZZ_CHECK (!((choice & 1) && (choice & 16)));
  g_clear_error (&error);
  hl_topics_file_info_clear (&info);

  return 0;
}
