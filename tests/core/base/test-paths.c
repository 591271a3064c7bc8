/* test-paths.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where the app's files are, and what it says when it cannot make them. */

#include "config.h"

#include <string.h>

#include "hl-paths.h"

#include "test-util.h"

/* A data folder that cannot be made is logged in the app's own log
 * domain, so that it can be told apart from GLib's and filtered. */
static void
test_user_dir_warning (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "health-library", NULL);
  g_autofree char *dir = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  hl_test_write_or_die (blocker, "a file where the folder should be", -1);

  g_test_expect_message ("HealthLibrary", G_LOG_LEVEL_WARNING, "Could not create the folder*");
  dir = hl_paths_get_user_dir ();
  g_test_assert_expected_messages ();
  g_assert_cmpstr (dir, ==, blocker);
}

static void
test_library_path (void)
{
  g_autofree char *path = hl_paths_get_library_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "health-library",
                                                "library.db", NULL);

  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_file_test (g_get_user_data_dir (), G_FILE_TEST_IS_DIR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/paths/user-dir-warning", test_user_dir_warning);
  g_test_add_func ("/core/paths/library-path", test_library_path);

  return g_test_run ();
}
