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
#include "x11-input.h"

static gboolean
stack_shows (gpointer data)
{
  GtkWidget *view = GTK_WIDGET (web_view ());
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (view, GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

/* No label under @widget shows @text. */
static void
assert_no_text (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    g_error ("The damaged-library screen shows “%s”: “%s”", text,
             gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_text (child, text);
}

static gboolean
restore_shown (gpointer data)
{
  return find_button (GTK_WIDGET (fixture_window ()), _("_Restore the Sample Library")) != NULL;
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

  GtkWidget *page;
  GtkWidget *import;

  /* The library says what went wrong, with the file's name (for the log),
   * and the file is left alone. */
  g_assert_true (stack_shows ("failed"));
  g_assert_nonnull (strstr (hl_library_get_error_message (library), path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "This is not a library.\n");

  /* The screen says it in words for the people at the desk: no path, no
   * command to run, and buttons for the ways forward. */
  wait_until (restore_shown, NULL, "the damaged library's screen");
  page = gtk_widget_get_ancestor (find_button (GTK_WIDGET (fixture_window ()),
                                               _("_Restore the Sample Library")),
                                  ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (page);
  assert_no_text (page, path);
  assert_no_text (page, "--import");
  assert_no_text (page, "health-library");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                            _("import the current MedlinePlus file")));
  import = find_button (page, _("_Import a MedlinePlus File…"));
  g_assert_nonnull (import);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (import)), ==, "win.import-file");
  g_assert_nonnull (find_button (page, _("_Try Again")));

  /* Trying again changes nothing. */
  x11_click (find_button (page, _("_Try Again")), -1, -1);
  g_assert_cmpint (hl_library_get_state (library), ==, HL_LIBRARY_STATE_FAILED);
  g_assert_true (stack_shows ("failed"));

  /* The way forward: the sample library, built anew. */
  x11_click (find_button (page, _("_Restore the Sample Library")), -1, -1);
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
  window_fixture_use_window_manager ();
  window_fixture_start_broken ();

  g_test_add_func ("/ui/window-recovery/broken-library", test_broken_library);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
