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
#include "hl-preferences-window.h"
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

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for a while: for a file chooser to read its folder. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  wait_until (is_true, &done, "a moment");
}

static gboolean
has_toplevel (gpointer data)
{
  GtkWindow *window = find_toplevel (GPOINTER_TO_SIZE (data));

  /* Shown: a file chooser keeps one hidden. */
  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
no_toplevel (gpointer data)
{
  return !has_toplevel (data);
}

static void
assert_library_untouched (void)
{
  g_autofree char *path = hl_paths_get_library_path ();
  g_autofree char *contents = NULL;

  g_assert_cmpint (hl_library_get_state (hl_application_get_library (fixture_app ())), ==,
                   HL_LIBRARY_STATE_FAILED);
  g_assert_true (stack_shows ("failed"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "This is not a library.\n");
}

/* Clicks the damaged library's Import button: the preferences show their
 * Library page, with the file chooser open over them. */
static GtkFileChooser *
click_import (HlPreferencesWindow **prefs_out)
{
  GtkWidget *import = find_button (GTK_WIDGET (fixture_window ()), _("_Import a MedlinePlus File…"));
  HlPreferencesWindow *prefs;
  GtkWindow *chooser;

  g_assert_nonnull (import);
  g_assert_true (gtk_widget_is_sensitive (import));
  x11_click (import, -1, -1);

  wait_until (has_toplevel, GSIZE_TO_POINTER (HL_TYPE_PREFERENCES_WINDOW), "the preferences");
  prefs = HL_PREFERENCES_WINDOW (find_toplevel (HL_TYPE_PREFERENCES_WINDOW));
  g_assert_true (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)) ==
                 ADW_PREFERENCES_PAGE (hl_preferences_window_get_library_page (prefs)));

  wait_until (has_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), "the file chooser");
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (prefs));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);
  /* Once it has read its first folder, which would take the place of ours. */
  settle (500);

  *prefs_out = prefs;
  return GTK_FILE_CHOOSER (chooser);
}

/* Presses one of the file chooser's buttons, as a click would. */
static void
press_chooser_button (GtkFileChooser *chooser,
                      const char     *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (chooser), label);

  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_until (no_toplevel, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG),
              "the file chooser to close");
}

/* Chooses @name of the tests' data in the file chooser, and imports it. */
static void
choose_file (GtkFileChooser *chooser,
             const char     *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  settle (300);
  press_chooser_button (chooser, _("_Import"));
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
close_preferences (HlPreferencesWindow *prefs)
{
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_close (GTK_WINDOW (prefs));
  wait_until (is_gone, &prefs, "the preferences to close");
}

static gboolean
job_idle (gpointer data)
{
  return !hl_import_job_get_running (hl_application_get_import_job (fixture_app ()));
}

static void
test_broken_library (void)
{
  HlLibrary *library = hl_application_get_library (fixture_app ());
  g_autofree char *path = hl_paths_get_library_path ();
  g_autofree char *contents = NULL;

  GtkWidget *page;
  GtkWidget *import;
  HlPreferencesWindow *prefs;
  GtkFileChooser *chooser;

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

  /* Importing a file is a click away; the file chooser cancelled, nothing
   * has changed. */
  chooser = click_import (&prefs);
  press_chooser_button (chooser, _("_Cancel"));
  g_assert_false (hl_import_job_get_running (hl_application_get_import_job (fixture_app ())));
  assert_library_untouched ();
  close_preferences (prefs);

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

static gboolean
error_shown (gpointer data)
{
  GtkWidget *row = data;

  return gtk_widget_get_visible (row) &&
         adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) != NULL &&
         *adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) != '\0';
}

/* The row of the preferences titled @title, shown or not. */
static GtkWidget *
find_pref_row (GtkWidget  *widget,
               const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_pref_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether @row lies within the part of its page the preferences show. */
static gboolean
in_view (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return scrolled != NULL && gtk_widget_compute_bounds (row, scrolled, &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled) + 0.5;
}

/* From the damaged library's screen to a library imported from a file,
 * through the file chooser: an incomplete file first, which leaves
 * everything as it was and says why, then a good one. */
static void
test_import_file (void)
{
  HlLibrary *library;
  HlPreferencesWindow *prefs;
  GtkFileChooser *chooser;
  GtkWidget *error_row;
  HlTopicStore *store;

  window_fixture_restart_broken ();
  library = hl_application_get_library (fixture_app ());
  wait_until (restore_shown, NULL, "the damaged library's screen");

  chooser = click_import (&prefs);
  choose_file (chooser, "malformed/truncated.xml");
  wait_until (job_idle, NULL, "the import to end");
  error_row = find_pref_row (GTK_WIDGET (hl_preferences_window_get_library_page (prefs)),
                             _("The file could not be imported"));
  g_assert_nonnull (error_row);
  wait_until (error_shown, error_row, "the import's error");
  /* The page has come down to it: the person does not have to look for it. */
  wait_until (in_view, error_row, "the import's error in view");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (error_row)),
                            "truncated.xml"));
  assert_library_untouched ();
  close_preferences (prefs);

  chooser = click_import (&prefs);
  choose_file (chooser, "full-record.xml");
  wait_until (ready, NULL, "the imported library");
  wait_until (job_idle, NULL, "the import to end");
  store = hl_library_get_store (library);
  g_assert_false (hl_topic_store_is_sample (store));
  g_assert_cmpstr (hl_topic_store_get_meta (store, "source"), ==, "full-record.xml");
  g_assert_cmpuint (hl_topic_store_count_topics (store, NULL, NULL), ==, 2);
  close_preferences (prefs);

  /* The window reads from it, with no restart: its two groups, none of the
   * sample's others. */
  wait_until (stack_shows, "view", "the page view");
  wait_for_page (_("Health Library"));
  g_assert_true (has_row ("Symptoms"));
  g_assert_true (has_row ("Digestive System"));
  g_assert_false (has_row ("Lungs and Breathing"));
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
  g_test_add_func ("/ui/window-recovery/import-file", test_import_file);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
