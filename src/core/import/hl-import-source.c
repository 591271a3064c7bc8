/* hl-import-source.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hl-error.h"
#include "hl-import-source.h"

struct _HlImportSource
{
  char           *path;
  char           *name;
  HlImportFileKind kind;
  int             fd;
  struct archive *archive;
  goffset         size;        /* of the file on disk */
  goffset         n_read;      /* bytes handed out so far */
  gboolean        at_end;
  int             n_lines;     /* line breaks handed out so far */
  GError         *error;
  GChecksum      *checksum;    /* while n_read is under the limit */
  /* Bytes read while sniffing, handed out before the rest of the file. */
  char            head[512];
  gsize           head_len;
  gsize           head_pos;
};

void
hl_import_source_free (HlImportSource *self)
{
  if (self == NULL)
    return;

  if (self->archive != NULL)
    archive_read_free (self->archive);
  if (self->fd >= 0)
    close (self->fd);
  g_clear_error (&self->error);
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_free (self->path);
  g_free (self->name);
  g_free (self);
}

/* libarchive's last message, fit for ours: it may quote the archive's
 * bytes. Valid until the next call. */
static const char *
archive_message (HlImportSource *self)
{
  static GPrivate message = G_PRIVATE_INIT (g_free);
  const char *text = archive_error_string (self->archive);
  char *valid = g_utf8_make_valid (text ? text : "?", -1);

  g_private_replace (&message, valid);
  return valid;
}

static gboolean
has_prefix (const char *data,
            gsize       len,
            const char *magic,
            gsize       magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* Refuses what is clearly not an XML file, with a message that says what it
 * is instead. */
static gboolean
check_looks_like_xml (HlImportSource  *self,
                      GError         **error)
{
  const char *p = self->head;
  gsize len = self->head_len;
  const char *what = NULL;

  if (len == 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is empty. Choose the MedlinePlus health-topic XML file "
                     "(mplus_topics_YYYY-MM-DD.xml)."),
                   self->name);
      return FALSE;
    }

  if (has_prefix (p, len, "\xef\xbb\xbf", 3))
    {
      p += 3;
      len -= 3;
    }
  else if (has_prefix (p, len, "\xff\xfe", 2) || has_prefix (p, len, "\xfe\xff", 2))
    return TRUE;   /* UTF-16 with a byte-order mark: libxml2 reads it. */

  while (len > 0 && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    {
      p++;
      len--;
    }

  if (len > 0 && *p == '<')
    return TRUE;

  if (has_prefix (self->head, self->head_len, "\x89PNG", 4))
    what = _("a PNG image");
  else if (has_prefix (self->head, self->head_len, "\xff\xd8\xff", 3))
    what = _("a JPEG image");
  else if (has_prefix (self->head, self->head_len, "%PDF", 4))
    what = _("a PDF document");
  else if (has_prefix (self->head, self->head_len, "Rar!", 4) ||
           has_prefix (self->head, self->head_len, "7z\xbc\xaf", 4))
    what = _("an archive in a format we cannot read (use ZIP)");

  if (what != NULL)
    g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                 _("“%s” is %s, not an XML file. Choose the MedlinePlus health-topic XML file "
                   "(mplus_topics_YYYY-MM-DD.xml)."),
                 self->name, what);
  else if (len == 0)
    g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                 _("“%s” holds only white space. Choose the MedlinePlus health-topic XML file "
                   "(mplus_topics_YYYY-MM-DD.xml)."),
                 self->name);
  else
    g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                 _("“%s” is not an XML file. Choose the MedlinePlus health-topic XML file "
                   "(mplus_topics_YYYY-MM-DD.xml)."),
                 self->name);
  return FALSE;
}

static gboolean
fill_head_from_fd (HlImportSource  *self,
                   GError         **error)
{
  while (self->head_len < sizeof self->head)
    {
      ssize_t n = read (self->fd, self->head + self->head_len, sizeof self->head - self->head_len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not read “%s”: %s"),
                       self->name, g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      self->head_len += n;
    }

  return TRUE;
}

static gboolean
fill_head_from_archive (HlImportSource  *self,
                        GError         **error)
{
  while (self->head_len < sizeof self->head)
    {
      la_ssize_t n = archive_read_data (self->archive, self->head + self->head_len,
                                        sizeof self->head - self->head_len);
      if (n < 0)
        {
          g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE, _("Could not read “%s”: %s"),
                       self->name, archive_message (self));
          return FALSE;
        }
      if (n == 0)
        break;
      self->head_len += n;
    }

  return TRUE;
}

/* Whether @entry_name is the file of @kind: "mplus_topics*.xml", in any
 * case and in any folder of the archive. */
static gboolean
is_wanted_entry (HlImportFileKind  kind,
                 const char       *entry_name)
{
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;
  const char *prefix = kind == HL_IMPORT_FILE_GROUPS ? "mplus_topic_groups" : "mplus_topics";

  if (entry_name == NULL)
    return FALSE;

  base = g_path_get_basename (entry_name);
  lower = g_ascii_strdown (base, -1);
  return g_str_has_prefix (lower, prefix) && g_str_has_suffix (lower, ".xml");
}

static gboolean
start_archive (HlImportSource  *self,
               gboolean         is_zip,
               GError         **error)
{
  g_clear_pointer (&self->archive, archive_read_free);

  /* Reading goes through the same file descriptor so that progress can be
   * measured on it. */
  if (lseek (self->fd, 0, SEEK_SET) < 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not read “%s”: %s"),
                   self->name, g_strerror (saved_errno));
      return FALSE;
    }

  self->archive = archive_read_new ();
  if (is_zip)
    archive_read_support_format_zip (self->archive);
  else
    {
      archive_read_support_filter_gzip (self->archive);
      archive_read_support_format_raw (self->archive);
    }

  if (archive_read_open_fd (self->archive, self->fd, 64 * 1024) != ARCHIVE_OK)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is a damaged archive: %s"),
                   self->name, archive_message (self));
      return FALSE;
    }

  return TRUE;
}

/* Moves to the next entry; FALSE with @error at the end or on damage. */
static gboolean
next_entry (HlImportSource        *self,
            struct archive_entry **entry,
            gboolean              *at_end,
            GError               **error)
{
  int rc = archive_read_next_header (self->archive, entry);

  *at_end = rc == ARCHIVE_EOF;
  if (rc == ARCHIVE_EOF)
    return FALSE;
  if (rc < ARCHIVE_WARN)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is a damaged archive: %s"),
                   self->name, archive_message (self));
      return FALSE;
    }

  return TRUE;
}

/* The one entry of a ZIP archive that is the file we want, by its name:
 * never the first one that happens to be there. */
static gboolean
find_zip_entry (HlImportSource  *self,
                int             *index,
                GError         **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  struct archive_entry *entry;
  gboolean at_end = FALSE;
  int i = 0;

  for (i = 0; next_entry (self, &entry, &at_end, error); i++)
    {
      const char *entry_name = archive_entry_pathname (entry);

      if (archive_entry_filetype (entry) == AE_IFREG && is_wanted_entry (self->kind, entry_name))
        {
          g_autofree char *base = g_path_get_basename (entry_name);

          if (names->len == 0)
            *index = i;
          g_ptr_array_add (names, g_utf8_make_valid (base, -1));
        }
      archive_read_data_skip (self->archive);
    }
  if (!at_end)
    return FALSE;

  if (names->len == 0)
    {
      if (self->kind == HL_IMPORT_FILE_GROUPS)
        g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                     _("The archive “%s” holds no MedlinePlus topic-group file. It should "
                       "contain mplus_topic_groups_YYYY-MM-DD.xml."),
                     self->name);
      else
        g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                     _("The archive “%s” holds no MedlinePlus health-topic file. It should "
                       "contain mplus_topics_YYYY-MM-DD.xml."),
                     self->name);
      return FALSE;
    }

  if (names->len > 1)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (names, NULL);
      list = g_strjoinv (", ", (char **) names->pdata);
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("The archive “%s” holds several files that could be the one to import "
                     "(%s). Unpack it and import the one you mean."),
                   self->name, list);
      return FALSE;
    }

  return TRUE;
}

/* Positions the archive on the file to read: the entry of a ZIP archive
 * chosen by its name, or a gzip file's only stream. */
static gboolean
open_archive (HlImportSource  *self,
              gboolean         is_zip,
              GError         **error)
{
  struct archive_entry *entry = NULL;
  gboolean at_end = FALSE;
  int index = 0;

  if (is_zip)
    {
      if (!start_archive (self, TRUE, error) || !find_zip_entry (self, &index, error))
        return FALSE;
    }

  if (!start_archive (self, is_zip, error))
    return FALSE;

  for (int i = 0; i <= index; i++)
    {
      if (!next_entry (self, &entry, &at_end, error))
        {
          if (at_end)
            g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                         _("“%s” is a damaged archive: it ends early."), self->name);
          return FALSE;
        }
    }

  if (is_zip)
    {
      g_autofree char *entry_base = g_path_get_basename (archive_entry_pathname (entry));
      g_autofree char *shown_path = g_filename_display_name (self->path);
      g_autofree char *shown_entry = g_utf8_make_valid (entry_base, -1);
      g_autofree char *name = g_strdup_printf ("%s › %s", shown_path, shown_entry);

      g_free (self->name);
      self->name = g_steal_pointer (&name);

      /* What the archive says the file expands to, when it says it. */
      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > HL_IMPORT_MAX_BYTES)
        {
          g_autofree char *size = g_format_size (archive_entry_size (entry));

          g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                       _("“%s” is too large (%s) to be a MedlinePlus file, which is about "
                         "30 MB."),
                       self->name, size);
          return FALSE;
        }
    }

  return fill_head_from_archive (self, error);
}

HlImportSource *
hl_import_source_open (const char        *path,
                       HlImportFileKind   kind,
                       GError           **error)
{
  g_autoptr(HlImportSource) self = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (HlImportSource, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  /* For messages: a file name need not be UTF-8. */
  self->name = g_filename_display_name (path);
  self->kind = kind;
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);

  self->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND,
                     _("“%s” does not exist. Check the file name and try again."), self->name);
      else
        g_set_error (error, HL_ERROR, HL_ERROR_FAILED,
                     _("Could not open “%s”: %s"), self->name, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (self->fd, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED,
                   _("Could not open “%s”: %s"), self->name, g_strerror (saved_errno));
      return NULL;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is a folder. Choose the MedlinePlus health-topic XML file inside it "
                     "(mplus_topics_YYYY-MM-DD.xml)."),
                   self->name);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is not a regular file."), self->name);
      return NULL;
    }

  if (st.st_size > HL_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (st.st_size);

      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s) to be a MedlinePlus health-topic file, "
                     "which is about 30 MB."),
                   self->name, size);
      return NULL;
    }

  self->size = st.st_size;

  if (!fill_head_from_fd (self, error))
    return NULL;

  if (has_prefix (self->head, self->head_len, "PK\x03\x04", 4) ||
      has_prefix (self->head, self->head_len, "\x1f\x8b", 2))
    {
      gboolean is_zip = self->head[0] == 'P';

      self->head_len = 0;
      if (!open_archive (self, is_zip, error))
        return NULL;
    }

  if (!check_looks_like_xml (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
update_checksum (HlImportSource *self,
                 const char     *data,
                 int             length)
{
  if (self->checksum == NULL)
    return;

  if (self->n_read > HL_IMPORT_CHECKSUM_LIMIT)
    g_clear_pointer (&self->checksum, g_checksum_free);
  else
    g_checksum_update (self->checksum, (const guchar *) data, length);
}

char *
hl_import_source_dup_checksum (HlImportSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!self->at_end || self->checksum == NULL)
    return NULL;

  return g_strdup (g_checksum_get_string (self->checksum));
}

int
hl_import_source_read (HlImportSource *self,
                       char           *buffer,
                       int             length)
{
  int n;

  g_return_val_if_fail (self != NULL, -1);

  if (self->head_pos < self->head_len)
    {
      n = MIN ((gsize) length, self->head_len - self->head_pos);
      memcpy (buffer, self->head + self->head_pos, n);
      self->head_pos += n;
      self->n_read += n;
      update_checksum (self, buffer, n);
      for (const char *p = buffer; (p = memchr (p, '\n', buffer + n - p)) != NULL; p++)
        self->n_lines++;
      return n;
    }

  if (self->archive != NULL)
    {
      la_ssize_t r = archive_read_data (self->archive, buffer, length);

      if (r < 0)
        {
          if (self->error == NULL)
            g_set_error (&self->error, HL_ERROR, HL_ERROR_INVALID_FILE,
                         _("“%s” is a damaged archive: %s"),
                         self->name, archive_message (self));
          return -1;
        }
      n = r;
    }
  else
    {
      ssize_t r;

      do
        r = read (self->fd, buffer, length);
      while (r < 0 && errno == EINTR);

      if (r < 0)
        {
          int saved_errno = errno;
          if (self->error == NULL)
            g_set_error (&self->error, HL_ERROR, HL_ERROR_FAILED,
                         _("Could not read “%s”: %s"), self->name, g_strerror (saved_errno));
          return -1;
        }
      n = r;
    }

  self->n_read += n;
  update_checksum (self, buffer, n);
  if (n == 0)
    self->at_end = TRUE;
  for (const char *p = buffer; (p = memchr (p, '\n', buffer + n - p)) != NULL; p++)
    self->n_lines++;
  if (self->n_read > HL_IMPORT_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (HL_IMPORT_MAX_BYTES);

      if (self->error == NULL)
        g_set_error (&self->error, HL_ERROR, HL_ERROR_TOO_LARGE,
                     _("“%s” expands to more than %s, too much for a MedlinePlus file, "
                       "which is about 30 MB. It was not imported."),
                     self->name, limit);
      return -1;
    }

  /* A bomb: a small file that expands to far more than XML compresses
   * from. */
  if (self->archive != NULL && self->n_read > HL_IMPORT_RATIO_FROM &&
      self->n_read / HL_IMPORT_MAX_RATIO > archive_filter_bytes (self->archive, -1))
    {
      if (self->error == NULL)
        g_set_error (&self->error, HL_ERROR, HL_ERROR_UNSAFE,
                     _("“%s” expands to more than %d times its size, far more than any XML "
                       "file compresses: it is not a MedlinePlus file. It was not imported."),
                     self->name, HL_IMPORT_MAX_RATIO);
      return -1;
    }

  return n;
}

GError *
hl_import_source_take_error (HlImportSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_steal_pointer (&self->error);
}

double
hl_import_source_get_fraction (HlImportSource *self)
{
  goffset position;

  g_return_val_if_fail (self != NULL, 0);

  if (self->size <= 0)
    return 0;

  if (self->archive != NULL)
    position = archive_filter_bytes (self->archive, -1);
  else
    position = self->n_read;

  return CLAMP ((double) position / self->size, 0.0, 1.0);
}

const char *
hl_import_source_get_name (HlImportSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

gboolean
hl_import_source_at_end (HlImportSource *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->at_end;
}

int
hl_import_source_get_n_lines (HlImportSource *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_lines + 1;
}
