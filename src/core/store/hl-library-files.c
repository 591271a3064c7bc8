/* hl-library-files.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "hl-error.h"
#include "hl-library-files.h"

/* Makes sure the bytes of @path are on disk before it replaces the library. */
static gboolean
sync_path (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int rc;

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save the library: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  rc = fsync (fd);
  close (fd);
  if (rc != 0 && !directory)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save the library: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The new file takes the library's name in one atomic rename. The library's
 * write-ahead log and its index stay where they are: a running app may hold
 * them open and mapped while it reads the old file, and deleting them under
 * it would let that app and the next reader of the new file use two
 * different index files. Nothing ever writes a finished library, so the log
 * holds no pages that could be read into the new file. */
gboolean
hl_library_files_replace (const char  *new_path,
                          const char  *library_path,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (library_path);

  if (!sync_path (new_path, FALSE, error))
    return FALSE;

  if (g_rename (new_path, library_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save the library: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return sync_path (dir, TRUE, error);
}

/* Left-overs of an import that was killed: nobody else can be writing them
 * while we hold the lock. */
static void
remove_stale_imports (const char *library_path)
{
  g_autofree char *dir_path = g_path_get_dirname (library_path);
  g_autofree char *base = g_path_get_basename (library_path);
  g_autofree char *prefix = g_strconcat (base, ".import-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);
        g_unlink (path);
      }
}

int
hl_library_files_lock (const char  *library_path,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (library_path);
  g_autofree char *lock_path = g_strconcat (library_path, ".lock", NULL);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return -1;
    }

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not prepare the library in “%s”: %s"),
                   lock_path, g_strerror (saved_errno));
      return -1;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED,
                   _("Another import is already running. Wait for it to finish and try again."));
      return -1;
    }

  /* Whatever an import killed midway left behind. */
  remove_stale_imports (library_path);

  return fd;
}

void
hl_library_files_unlock (int lock)
{
  if (lock >= 0)
    close (lock);
}

char *
hl_library_files_create_new (const char  *library_path,
                             GError     **error)
{
  g_autofree char *path = g_strconcat (library_path, ".import-XXXXXX", NULL);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *dir = g_path_get_dirname (library_path);

      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not create the library in “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  close (fd);
  return g_steal_pointer (&path);
}

void
hl_library_files_discard (const char *new_path)
{
  const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (new_path, suffixes[i], NULL);
      g_unlink (path);
    }
}

