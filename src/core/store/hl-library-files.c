/* hl-library-files.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "hl-error.h"
#include "hl-library-files.h"

/* A failed step of saving the library, said as what it is: a full disk, a
 * folder we may not write, or the system's own message. */
static gboolean
set_save_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    g_set_error (error, HL_ERROR, HL_ERROR_NO_SPACE,
                 _("There is not enough space in “%s” to build the library (%s). A full "
                   "MedlinePlus file needs about 30 MB. Free some space and import again."),
                 dir, g_strerror (saved_errno));
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, HL_ERROR, HL_ERROR_PERMISSION,
                 _("Could not write the library in “%s”: %s. The folder may be read-only; "
                   "ask whoever looks after this computer."),
                 dir, g_strerror (saved_errno));
  else
    g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save the library: %s"),
                 g_strerror (saved_errno));
  return FALSE;
}

/* Makes sure the bytes of @path are on disk before it replaces the library. */
static gboolean
sync_path (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;
  int rc;

  if (fd < 0)
    return set_save_error (error, path, errno);

  rc = fsync (fd);
  saved_errno = errno;
  close (fd);
  if (rc != 0 && !directory)
    return set_save_error (error, path, saved_errno);

  return TRUE;
}

gboolean
hl_library_files_sync (const char  *new_path,
                       GError     **error)
{
  return sync_path (new_path, FALSE, error);
}

/* The new file takes the library's name in one atomic rename. A -wal or
 * -shm file next to the library is left alone: it can only belong to a
 * library an older version wrote in WAL mode, and a process still reading
 * that one has it open (deleting it under that process would break its
 * reads). Libraries are now written in rollback-journal mode and read as
 * immutable, so nothing pairs those files with the new one. */
gboolean
hl_library_files_replace (const char  *new_path,
                          const char  *library_path,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (library_path);

  if (g_rename (new_path, library_path) != 0)
    return set_save_error (error, library_path, errno);

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
      g_set_error (error, HL_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? HL_ERROR_PERMISSION
                                                                 : HL_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return -1;
    }

  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_save_error (error, lock_path, errno);
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
      set_save_error (error, path, errno);
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


char *
hl_library_files_get_previous_path (const char *library_path)
{
  g_return_val_if_fail (library_path != NULL, NULL);

  return g_strconcat (library_path, ".previous", NULL);
}

/* @to becomes a second name of @from; where links are not possible, a copy. */
static gboolean
link_or_copy (const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) copy_error = NULL;

  g_unlink (to);
  if (link (from, to) == 0)
    return TRUE;
  if (errno != EPERM && errno != ENOTSUP && errno != EXDEV && errno != EMLINK)
    return set_save_error (error, to, errno);

  source = g_file_new_for_path (from);
  destination = g_file_new_for_path (to);
  if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &copy_error))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save the library: %s"),
                   copy_error->message);
      return FALSE;
    }

  return sync_path (to, FALSE, error);
}

/* The temporary names start like an import's new file, so that the next
 * lock clears what a killed process left. */
gboolean
hl_library_files_keep_previous (const char  *library_path,
                                GError     **error)
{
  g_autofree char *previous = hl_library_files_get_previous_path (library_path);
  g_autofree char *staged = g_strconcat (library_path, ".import-previous", NULL);
  g_autofree char *dir = g_path_get_dirname (library_path);

  if (!link_or_copy (library_path, staged, error))
    return FALSE;

  if (g_rename (staged, previous) != 0)
    {
      set_save_error (error, previous, errno);
      g_unlink (staged);
      return FALSE;
    }

  return sync_path (dir, TRUE, error);
}

gboolean
hl_library_files_swap_previous (const char  *library_path,
                                GError     **error)
{
  g_autofree char *previous = hl_library_files_get_previous_path (library_path);
  g_autofree char *staged = g_strconcat (library_path, ".import-rollback", NULL);
  g_autofree char *dir = g_path_get_dirname (library_path);
  gboolean had_library = g_file_test (library_path, G_FILE_TEST_EXISTS);

  if (!g_file_test (previous, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_NOT_FOUND,
                           _("There is no previous library to go back to."));
      return FALSE;
    }

  if (had_library && !link_or_copy (library_path, staged, error))
    return FALSE;

  if (g_rename (previous, library_path) != 0)
    {
      set_save_error (error, library_path, errno);
      g_unlink (staged);
      return FALSE;
    }

  if (had_library && g_rename (staged, previous) != 0)
    {
      /* The rollback itself worked; only the way forward again is lost. */
      g_unlink (staged);
    }

  return sync_path (dir, TRUE, error);
}
