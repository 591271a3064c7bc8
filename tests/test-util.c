/* test-util.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "test-util.h"

void
hl_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        hl_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
hl_test_use_source_data (void)
{
  if (g_getenv ("HEALTH_LIBRARY_DATADIR") == NULL && g_getenv ("G_TEST_SRCDIR") != NULL)
    {
      g_autofree char *data = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", NULL);
      g_setenv ("HEALTH_LIBRARY_DATADIR", data, TRUE);
    }
}
