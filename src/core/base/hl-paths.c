/* hl-paths.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include "hl-paths.h"

/* USER_DIR_NAME (config.h) is "health-library", or "health-library-devel" in
 * the development profile, which keeps its library apart. */

const char *
hl_paths_get_data_dir (void)
{
  /* Read on every call rather than cached, so tests and a source-tree
   * launcher can point it elsewhere at any time. */
  const char *dir = g_getenv ("HEALTH_LIBRARY_DATADIR");

  if (dir != NULL && *dir != '\0')
    return dir;

  return PKGDATADIR;
}

char *
hl_paths_find_data_file (const char *relative)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (relative != NULL, NULL);
  g_return_val_if_fail (!g_path_is_absolute (relative), NULL);

  path = g_build_filename (hl_paths_get_data_dir (), relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  return g_steal_pointer (&path);
}

char *
hl_paths_get_user_dir (void)
{
  char *path = g_build_filename (g_get_user_data_dir (), USER_DIR_NAME, NULL);

  /* The library holds what the user read and searched: keep it private. A
   * failure is only logged; opening the database there reports it properly. */
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_warning ("Could not create the folder “%s”: %s", path, g_strerror (saved_errno));
    }

  return path;
}

char *
hl_paths_get_library_path (void)
{
  g_autofree char *dir = hl_paths_get_user_dir ();

  return g_build_filename (dir, "library.db", NULL);
}

char *
hl_paths_find_starter_topics (void)
{
  return hl_paths_find_data_file ("library/mplus_topics_starter.xml");
}

char *
hl_paths_find_starter_groups (void)
{
  return hl_paths_find_data_file ("library/mplus_topic_groups.xml");
}

char *
hl_paths_get_cache_dir (void)
{
  char *path = g_build_filename (g_get_user_cache_dir (), USER_DIR_NAME, NULL);

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_warning ("Could not create the folder “%s”: %s", path, g_strerror (saved_errno));
    }

  return path;
}
