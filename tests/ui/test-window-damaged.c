/* test-window-damaged.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A library damaged inside (it opens, but a table cannot be read): the
 * window says so when it finds out, offers to restore the sample, and keeps
 * the other files of the data folder. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-paths.h"
#include "window-fixture.h"

static gboolean
stack_shows (gpointer data)
{
  GtkWidget *view = GTK_WIDGET (web_view ());
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (view, GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

static gboolean
ready (gpointer data)
{
  return hl_library_get_state (hl_application_get_library (fixture_app ())) ==
         HL_LIBRARY_STATE_READY;
}

static void
test_damaged_library (void)
{
  HlLibrary *library = hl_application_get_library (fixture_app ());
  g_autofree char *path = hl_paths_get_library_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *contents = NULL;

  /* Something else of the user's in the same folder. */
  g_assert_true (g_file_set_contents (notes, "Mine.\n", -1, NULL));

  /* The home page reads the groups: the library is found damaged, and the
   * window says so, with the file's name. */
  g_assert_true (stack_shows ("failed"));
  g_assert_nonnull (strstr (hl_library_get_error_message (library), path));
  g_assert_nonnull (strstr (hl_library_get_error_message (library), "damaged"));

  /* The way forward: the sample library, built anew in its place. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.restore-sample", NULL);
  wait_until (ready, NULL, "the sample library");
  wait_until (stack_shows, "view", "the page view");
  wait_for_page (_("Health Library"));
  g_assert_true (has_row ("Digestive System"));
  g_assert_false (hl_topic_store_is_damaged (hl_library_get_store (library)));

  g_assert_true (g_file_get_contents (notes, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Mine.\n");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  window_fixture_start_damaged ("groups");

  g_test_add_func ("/ui/window-damaged/damaged-library", test_damaged_library);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
