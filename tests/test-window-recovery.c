/* test-window-recovery.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A library that cannot be opened: the window says so, keeps the file, and
 * offers a way forward. */

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
test_broken_library (void)
{
  HlLibrary *library = hl_application_get_library (fixture_app ());
  g_autofree char *path = hl_paths_get_library_path ();
  g_autofree char *contents = NULL;

  /* Said plainly, with the file's name, and the file left alone. */
  g_assert_true (stack_shows ("failed"));
  g_assert_nonnull (strstr (hl_library_get_error_message (library), path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "This is not a library.\n");

  /* Trying again changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.reload-library", NULL);
  g_assert_cmpint (hl_library_get_state (library), ==, HL_LIBRARY_STATE_FAILED);

  /* The way forward: the sample library, built anew. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.restore-sample", NULL);
  wait_until (ready, NULL, "the sample library");
  wait_until (stack_shows, "view", "the page view");
  wait_for_page (_("Health Library"));
  g_assert_true (has_row ("Digestive System"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  window_fixture_start_broken ();

  g_test_add_func ("/ui/window-recovery/broken-library", test_broken_library);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
