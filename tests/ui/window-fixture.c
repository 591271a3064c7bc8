/* window-fixture.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hl-medlineplus-importer.h"
#include "hl-paths.h"
#include "test-util.h"
#include "window-fixture.h"
#include "x11-input.h"

/* How long a wait may take before the test fails. A wait ends as soon as its
 * condition holds; the margin is for the sanitizer run on a busy machine,
 * where an update's download and import once took longer than 20 s. */
#define TIMEOUT_SECONDS 60

static HlApplication *app;
static HlWindow *window;
static char *home;
static gboolean with_window_manager;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test after a while. */
void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    {
      GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (web_view ()), GTK_TYPE_STACK);

      g_error ("Timed out waiting for %s (the view shows “%s”, %s, %s; the window shows %s)", what,
               webkit_web_view_get_title (web_view ()), webkit_web_view_get_uri (web_view ()),
               webkit_web_view_is_loading (web_view ()) ? "loading" : "loaded",
               gtk_stack_get_visible_child_name (GTK_STACK (stack)));
    }
  g_source_remove (id);
}

WebKitWebView *
web_view (void)
{
  return WEBKIT_WEB_VIEW (hl_window_get_web_view (window));
}

HlSidebar *
sidebar (void)
{
  return HL_SIDEBAR (hl_window_get_sidebar (window));
}

static gboolean
page_shown (gpointer data)
{
  const char *title = data;
  WebKitWebView *view = web_view ();

  return !webkit_web_view_is_loading (view) &&
         g_strcmp0 (webkit_web_view_get_title (view), title) == 0;
}

/* The title is read back from the view once it finished loading the page. */
void
wait_for_page (const char *title)
{
  g_autofree char *what = g_strdup_printf ("the page “%s”", title);

  wait_until (page_shown, (gpointer) title, what);
}

GtkListBoxRow *
find_row (GtkListBox *list,
          const char *text)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *child = gtk_list_box_row_get_child (row);

      /* The first label of the row holds its title. */
      for (GtkWidget *w = child; w != NULL; w = gtk_widget_get_first_child (w))
        if (GTK_IS_LABEL (w))
          {
            if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), text) == 0)
              return row;
            break;
          }
    }

  return NULL;
}

/* Activates a row as a click or Enter would. */
void
activate_row (const char *text)
{
  GtkListBox *list = hl_sidebar_get_visible_list (sidebar ());
  GtkListBoxRow *row = find_row (list, text);

  if (row == NULL)
    g_error ("No row “%s” in the sidebar's %s list", text, hl_sidebar_get_mode (sidebar ()));

  g_signal_emit_by_name (list, "row-activated", row);
}

gboolean
row_selected (gpointer data)
{
  GtkListBox *list = hl_sidebar_get_visible_list (sidebar ());
  GtkListBoxRow *row = find_row (list, data);

  return row != NULL && gtk_list_box_row_is_selected (row);
}

gboolean
loaded (gpointer data)
{
  return !webkit_web_view_is_loading (web_view ());
}

gboolean
has_row (gpointer data)
{
  return find_row (hl_sidebar_get_visible_list (sidebar ()), data) != NULL;
}

/* A visible button labelled @label under @widget. */
GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

typedef struct
{
  char     *link;      /* the link under the pointer, if any */
  gboolean  changed;
} PointerTarget;

static void
mouse_target_changed_cb (WebKitWebView       *view,
                         WebKitHitTestResult *hit,
                         guint                modifiers,
                         PointerTarget       *target)
{
  g_free (target->link);
  target->link = webkit_hit_test_result_context_is_link (hit)
                   ? g_strdup (webkit_hit_test_result_get_link_uri (hit)) : NULL;
  target->changed = TRUE;
}

static void
run_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                     NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("xdotool: %s", error->message);
}

static gboolean
stop_waiting_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Moves the real pointer (through the X server) to @x, @y of the view and
 * waits a moment for the view to say what is under it. */
static void
move_pointer (gulong         xid,
              double         x,
              double         y,
              PointerTarget *target)
{
  g_autofree char *x_text = g_strdup_printf ("%d", (int) x);
  g_autofree char *y_text = g_strdup_printf ("%d", (int) y);
  g_autofree char *xid_text = g_strdup_printf ("%lu", xid);
  const char *args[] = { "mousemove", "--window", xid_text, x_text, y_text, NULL };
  gboolean waited = FALSE;
  guint id;

  target->changed = FALSE;
  run_xdotool (args);
  id = g_timeout_add (40, stop_waiting_cb, &waited);
  while (!target->changed && !waited)
    g_main_context_iteration (NULL, TRUE);
  if (!waited)
    g_source_remove (id);
}

gboolean
click_link (const char *uri)
{
  GtkWidget *view = GTK_WIDGET (web_view ());
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  PointerTarget target = { NULL, FALSE };
  graphene_rect_t bounds;
  double surface_x, surface_y;
  gboolean found = FALSE;
  gulong handler;
  gulong xid;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = gdk_x11_surface_get_xid (surface);
  g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (window), &bounds));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &surface_x, &surface_y);
  handler = g_signal_connect (view, "mouse-target-changed", G_CALLBACK (mouse_target_changed_cb),
                              &target);

  /* Down the page, a column at a time, until the pointer is on the link;
   * the first column is just inside the text, which is 46em wide and
   * centred (see page.css). */
  for (double x = MAX (24, (bounds.size.width - 46 * 16) / 2 + 40);
       !found && x < bounds.size.width - 24; x += 48)
    for (double y = 4; !found && y < bounds.size.height; y += 8)
      {
        move_pointer (xid, surface_x + bounds.origin.x + x, surface_y + bounds.origin.y + y,
                      &target);
        found = g_strcmp0 (target.link, uri) == 0;
      }

  if (found)
    {
      const char *args[] = { "click", "1", NULL };

      run_xdotool (args);
    }

  g_signal_handler_disconnect (view, handler);
  g_free (target.link);
  return found;
}

static gboolean
library_ready (gpointer data)
{
  return hl_library_get_state (hl_application_get_library (app)) == HL_LIBRARY_STATE_READY &&
         !webkit_web_view_is_loading (web_view ()) &&
         webkit_web_view_get_title (web_view ()) != NULL;
}

HlApplication *
fixture_app (void)
{
  return app;
}

HlWindow *
fixture_window (void)
{
  return window;
}

void
window_fixture_start (void)
{
  window_fixture_start_with_library (NULL);
}

static gboolean home_borrowed;

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  if (!g_file_set_contents (path, contents, -1, &error))
    g_error ("%s", error->message);
  g_chmod (path, mode);
}

/* What the system opens links with, for the tests: web links go to a script
 * that writes them down (no browser ever starts), and phone links to a
 * program that does not exist, as on a computer that cannot dial. */
static void
install_link_handlers (void)
{
  g_autofree char *script = g_build_filename (home, "record-link", NULL);
  g_autofree char *record = g_build_filename (home, "opened-links.txt", NULL);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\necho \"$1\" >> '%s'\n", record);
  g_autofree char *apps = g_build_filename (home, "XDG_DATA_HOME", "applications", NULL);
  g_autofree char *browser = g_build_filename (apps, "hl-test-browser.desktop", NULL);
  g_autofree char *dialer = g_build_filename (apps, "hl-test-dialer.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (home, "XDG_CONFIG_HOME", "mimeapps.list", NULL);
  g_autofree char *browser_text = g_strdup_printf (
    "[Desktop Entry]\nType=Application\nName=Test Browser\nExec=%s %%u\n"
    "MimeType=x-scheme-handler/http;x-scheme-handler/https;\nNoDisplay=true\n", script);

  write_file (script, script_text, 0700);
  write_file (browser, browser_text, 0600);
  write_file (dialer,
              "[Desktop Entry]\nType=Application\nName=Test Dialer\n"
              "Exec=/nonexistent/health-library-test-dialer %u\n"
              "MimeType=x-scheme-handler/tel;\nNoDisplay=true\n", 0600);
  write_file (mimeapps,
              "[Default Applications]\n"
              "x-scheme-handler/http=hl-test-browser.desktop\n"
              "x-scheme-handler/https=hl-test-browser.desktop\n"
              "x-scheme-handler/tel=hl-test-dialer.desktop\n", 0600);
}

char *
window_fixture_dup_opened_links (void)
{
  g_autofree char *record = g_build_filename (home, "opened-links.txt", NULL);
  char *contents = NULL;

  if (!g_file_get_contents (record, &contents, NULL, NULL))
    return g_strdup ("");
  return contents;
}

static void
make_home (void)
{
  if (home != NULL)
    return;

  /* A test that starts the app again in a new process hands it the home of
   * the first run, which that run removes. */
  if (g_getenv ("HL_TEST_HOME") != NULL)
    {
      home = g_strdup (g_getenv ("HL_TEST_HOME"));
      home_borrowed = TRUE;
    }
  else
    /* One app for every case, so one temporary home for the whole run. */
    home = g_dir_make_tmp ("test-window-XXXXXX", NULL);
  g_assert_nonnull (home);
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (home, names[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (names[i], dir, TRUE);
    }

  install_link_handlers ();
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

void
window_fixture_use_window_manager (void)
{
  with_window_manager = TRUE;
}

const char *
window_fixture_prepare_home (void)
{
  make_home ();
  return home;
}

static void
start_app (Condition   ready,
           const char *what,
           gboolean    again)
{
  /* WebKit names its data folders after the program: keep it a plain name. */
  g_set_prgname ("test-window");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HEALTH_LIBRARY_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (with_window_manager)
    x11_start_window_manager ();

  app = hl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  /* The app before stays on the session bus until the process ends: the one
   * after it goes without a bus name. */
  if (again)
    g_application_set_application_id (G_APPLICATION (app), NULL);
  {
    g_autoptr(GError) error = NULL;

    if (!g_application_register (G_APPLICATION (app), NULL, &error))
      g_error ("The app could not start: %s", error->message);
  }
  g_application_activate (G_APPLICATION (app));
  window = HL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  wait_until (ready, NULL, what);
  if (with_window_manager)
    wait_until (window_active, NULL, "the window to have the keyboard focus");
}

void
window_fixture_start_with_library (const char *topics_file)
{
  make_home ();

  if (topics_file != NULL)
    {
      g_autoptr(HlMedlinePlusImporter) importer = hl_medlineplus_importer_new (topics_file);
      g_autoptr(GError) error = NULL;

      if (!hl_medlineplus_importer_run (importer, NULL, &error))
        g_error ("%s", error->message);
    }

  /* Without a library, the first start builds it from the bundled sample. */
  start_app (library_ready, "the library and the first page", FALSE);
}

static gboolean
library_failed (gpointer data)
{
  return hl_library_get_state (hl_application_get_library (app)) == HL_LIBRARY_STATE_FAILED;
}

static void
damage_library (void)
{
  g_autofree char *library = hl_paths_get_library_path ();

  if (!g_file_set_contents (library, "This is not a library.\n", -1, NULL))
    g_error ("Could not write %s", library);
}

void
window_fixture_start_broken (void)
{
  make_home ();
  damage_library ();
  start_app (library_failed, "the library to fail", FALSE);
}

void
window_fixture_restart_broken (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  damage_library ();
  start_app (library_failed, "the library to fail after a restart", TRUE);
}

void
window_fixture_restart (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  start_app (library_ready, "the library and the first page after a restart", TRUE);
}

void
window_fixture_start_damaged (const char *table)
{
  g_autofree char *library = NULL;
  g_autofree char *starter = NULL;

  make_home ();
  library = hl_paths_get_library_path ();
  starter = hl_paths_find_starter_topics ();
  hl_test_import_or_die (starter, library);
  hl_test_corrupt_table (library, table);

  start_app (library_failed, "the library to fail", FALSE);
}

void
window_fixture_stop (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  x11_stop_window_manager ();
  if (!home_borrowed)
    hl_test_remove_tree (home);
  g_clear_pointer (&home, g_free);
}

static void
collect_accels (GtkWidget *widget,
                GPtrArray *accels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      (g_strcmp0 (gtk_widget_get_css_name (widget), "accelerator") == 0 ||
       gtk_widget_has_css_class (widget, "accelerator")))
    g_ptr_array_add (accels, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accels (child, accels);
}

GPtrArray *
window_fixture_menu_accels (GtkWidget *popover)
{
  GPtrArray *accels = g_ptr_array_new_with_free_func (g_free);

  collect_accels (popover, accels);
  return accels;
}

void
window_fixture_assert_no_keypad_labels (GPtrArray *accels)
{
  /* "KP +" in English, "TN +" in Spanish: the keypad's word is what comes
   * before the space. */
  g_autofree char *keypad = gtk_accelerator_get_label (GDK_KEY_KP_Add, 0);
  g_autofree char *word = g_strndup (keypad, strcspn (keypad, " "));

  for (guint i = 0; i < accels->len; i++)
    {
      const char *accel = g_ptr_array_index (accels, i);

      if (strstr (accel, word) != NULL)
        g_error ("The menu shows the keypad's shortcut “%s”", accel);
    }
}

gboolean
window_fixture_find_tooltip (GtkWidget  *widget,
                             const char *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL && strstr (tooltip, text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (window_fixture_find_tooltip (child, text))
      return TRUE;

  return FALSE;
}

GtkWidget *
window_fixture_find_widget (GtkWidget *widget,
                            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = window_fixture_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
window_fixture_find_label (GtkWidget  *widget,
                           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = window_fixture_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
find_button_by_tooltip (GtkWidget  *widget,
                        const char *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && tooltip != NULL &&
      g_str_has_prefix (tooltip, text) &&
      (tooltip[strlen (text)] == '\0' || g_str_has_prefix (tooltip + strlen (text), " (")))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_by_tooltip (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  char *link;
} Hover;

static void
mouse_target_cb (WebKitWebView       *view,
                 WebKitHitTestResult *hit,
                 guint                modifiers,
                 Hover               *hover)
{
  g_free (hover->link);
  hover->link = webkit_hit_test_result_context_is_link (hit)
                  ? g_strdup (webkit_hit_test_result_get_link_uri (hit)) : NULL;
}

/* Whether the link under the pointer at (@px, @py) is @uri, waiting up to
 * @wait_ms for the page to say. */
static gboolean
hover_shows (GtkWidget  *view,
             Hover      *hover,
             double      px,
             double      py,
             const char *uri,
             int         wait_ms)
{
  gint64 until;

  x11_move_pointer_quickly (view, px, py);
  until = g_get_monotonic_time () + wait_ms * 1000;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_strcmp0 (hover->link, uri) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Like hover_shows(), but from away first, until the page has said so, so
 * that arriving there is news to it. */
static gboolean
arrive_at (GtkWidget  *view,
           Hover      *hover,
           double      px,
           double      py,
           const char *uri,
           int         wait_ms)
{
  x11_move_pointer_quickly (view, 1, 1);
  for (int wait = 0; wait < 100 && g_strcmp0 (hover->link, uri) == 0; wait++)
    {
      g_usleep (2000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  return hover_shows (view, hover, px, py, uri, wait_ms);
}

gboolean
window_fixture_point_at_link (const char *uri,
                              double      x_from,
                              double      x_to,
                              double     *x,
                              double     *y)
{
  GtkWidget *view = GTK_WIDGET (web_view ());
  Hover hover = { NULL };
  gulong id = g_signal_connect (view, "mouse-target-changed", G_CALLBACK (mouse_target_cb),
                                &hover);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  gboolean found = FALSE;

  /* Down the page a few pixels at a time, as a hand would look for it. The
   * page answers each move from its own process, a little later: a quick
   * pass finds roughly where, then the last points are tried again slowly. */
  for (double py = 8; py < gtk_widget_get_height (view) - 8 && !found; py += 6)
    for (double px = x_from; px <= x_to && !found; px += 40)
      {
        graphene_point_t point = GRAPHENE_POINT_INIT (px, py);

        g_array_append_val (path, point);
        found = hover_shows (view, &hover, px, py, uri, 3);
      }

  if (found)
    {
      found = FALSE;
      for (guint i = path->len > 8 ? path->len - 8 : 0; i < path->len && !found; i++)
        {
          graphene_point_t *point = &g_array_index (path, graphene_point_t, i);

          found = arrive_at (view, &hover, point->x, point->y, uri, 100);
          if (found)
            {
              *x = point->x;
              *y = point->y;
            }
        }
    }

  g_signal_handler_disconnect (view, id);
  g_free (hover.link);
  return found;
}

gboolean
window_fixture_link_at (const char *uri,
                        double      x,
                        double      y,
                        int         wait_ms)
{
  GtkWidget *view = GTK_WIDGET (web_view ());
  Hover hover = { NULL };
  gulong id = g_signal_connect (view, "mouse-target-changed", G_CALLBACK (mouse_target_cb),
                                &hover);
  gboolean found;

  found = arrive_at (view, &hover, x, y, uri, wait_ms);
  g_signal_handler_disconnect (view, id);
  g_free (hover.link);
  return found;
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  (*(int *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
enough_frames (gpointer data)
{
  return *(int *) data >= 3;
}

void
window_fixture_wait_frames (void)
{
  GtkWidget *toplevel = GTK_WIDGET (fixture_window ());
  int frames = 0;
  guint id = gtk_widget_add_tick_callback (toplevel, frame_cb, &frames, NULL);

  gtk_widget_queue_resize (toplevel);
  wait_until (enough_frames, &frames, "the window to lay itself out and draw");
  gtk_widget_remove_tick_callback (toplevel, id);
}
