/* test-window.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Real-window tests: the app starts on a temporary data folder (the first
 * start imports the bundled sample), and the tests drive its widgets and
 * read back what the web view loaded. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "hl-application.h"
#include "hl-sidebar.h"
#include "hl-web-view.h"
#include "hl-window.h"

#define TIMEOUT_SECONDS 20

static HlApplication *app;
static HlWindow *window;

typedef gboolean (*Condition) (gpointer data);

static WebKitWebView *web_view (void);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails the test after a while. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s (the view shows “%s”, %s, %s)", what,
             webkit_web_view_get_title (web_view ()), webkit_web_view_get_uri (web_view ()),
             webkit_web_view_is_loading (web_view ()) ? "loading" : "loaded");
  g_source_remove (id);
}

static WebKitWebView *
web_view (void)
{
  return WEBKIT_WEB_VIEW (hl_window_get_web_view (window));
}

static HlSidebar *
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
static void
wait_for_page (const char *title)
{
  g_autofree char *what = g_strdup_printf ("the page “%s”", title);

  wait_until (page_shown, (gpointer) title, what);
}

static GtkListBoxRow *
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
static void
activate_row (const char *text)
{
  GtkListBox *list = hl_sidebar_get_visible_list (sidebar ());
  GtkListBoxRow *row = find_row (list, text);

  if (row == NULL)
    g_error ("No row “%s” in the sidebar's %s list", text, hl_sidebar_get_mode (sidebar ()));

  g_signal_emit_by_name (list, "row-activated", row);
}

static gboolean
row_selected (gpointer data)
{
  GtkListBox *list = hl_sidebar_get_visible_list (sidebar ());
  GtkListBoxRow *row = find_row (list, data);

  return row != NULL && gtk_list_box_row_is_selected (row);
}

static gboolean
loaded (gpointer data)
{
  return !webkit_web_view_is_loading (web_view ());
}

static void
go_home (void)
{
  if (!g_str_equal (hl_window_get_content_language (window), "en"))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.content-language", "s", "en");
      wait_until (loaded, NULL, "the English page");
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.home", NULL);
  wait_for_page (_("Health Library"));
}

static void
test_home (void)
{
  go_home ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("Health Library"));
  g_assert_true (g_str_has_prefix (webkit_web_view_get_uri (web_view ()), "hl://home"));
  g_assert_cmpstr (hl_sidebar_get_mode (sidebar ()), ==, "browse");
}

static void
test_group_and_topic (void)
{
  go_home ();

  activate_row ("Digestive System");
  wait_for_page ("Digestive System");
  g_assert_cmpstr (hl_sidebar_get_mode (sidebar ()), ==, "group");

  activate_row ("Abdominal Pain");
  wait_for_page ("Abdominal Pain");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Abdominal Pain");
  g_assert_true (row_selected ("Abdominal Pain"));
}

static gboolean
search_mode (gpointer data)
{
  return g_strcmp0 (hl_sidebar_get_mode (sidebar ()), "search") == 0 &&
         find_row (hl_sidebar_get_visible_list (sidebar ()), data) != NULL;
}

static void
test_search_and_open (void)
{
  GtkEditable *entry = GTK_EDITABLE (hl_window_get_search_entry (window));
  GtkListBoxRow *first;

  go_home ();

  gtk_editable_set_text (entry, "diab");
  wait_until (search_mode, "Diabetes", "search results");

  /* Best first: the title match. */
  first = gtk_list_box_get_row_at_index (hl_sidebar_get_visible_list (sidebar ()), 0);
  g_assert_true (first == find_row (hl_sidebar_get_visible_list (sidebar ()), "Diabetes"));

  activate_row ("Diabetes");
  wait_for_page ("Diabetes");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/4");

  /* Enter opens the best hit. */
  gtk_editable_set_text (entry, "acupuncture");
  wait_until (search_mode, "Acupuncture", "search results");
  g_signal_emit_by_name (entry, "activate");
  wait_for_page ("Acupuncture");

  gtk_editable_set_text (entry, "");
  g_assert_cmpstr (hl_sidebar_get_mode (sidebar ()), !=, "search");
}

/* A visible button labelled @label under @widget. */
static GtkWidget *
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

static gboolean
button_shown (gpointer data)
{
  return find_button (GTK_WIDGET (sidebar ()), data) != NULL;
}

static void
test_search_no_hit (void)
{
  GtkEditable *entry = GTK_EDITABLE (hl_window_get_search_entry (window));

  go_home ();

  /* A misspelling finds nothing and offers the library's own spelling. */
  gtk_editable_set_text (entry, "diabetis");
  wait_until (button_shown, "diabetes", "the “did you mean” suggestion");
  g_assert_null (gtk_list_box_get_row_at_index (hl_sidebar_get_visible_list (sidebar ()), 0));

  g_signal_emit_by_name (find_button (GTK_WIDGET (sidebar ()), "diabetes"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "diabetes");
  wait_until (search_mode, "Diabetes", "results for the suggestion");

  gtk_editable_set_text (entry, "");
}

static void
test_back_forward (void)
{
  go_home ();
  hl_window_open_uri (window, "hl://topic/3061");
  wait_for_page ("Abdominal Pain");
  hl_window_open_uri (window, "hl://topic/4");
  wait_for_page ("Diabetes");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  wait_for_page ("Abdominal Pain");
  g_assert_true (row_selected ("Abdominal Pain"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  wait_for_page ("Diabetes");
}

static void
external_cb (HlWebView  *view,
             const char *uri,
             char      **seen)
{
  /* Recorded instead of starting a browser. */
  g_free (*seen);
  *seen = g_strdup (uri);
  g_signal_stop_emission_by_name (view, "open-external");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* What the view really shows: the current item of its history. */
static const char *
current_history_uri (void)
{
  WebKitBackForwardList *list = webkit_web_view_get_back_forward_list (web_view ());
  WebKitBackForwardListItem *item = webkit_back_forward_list_get_current_item (list);

  return item ? webkit_back_forward_list_item_get_uri (item) : NULL;
}

static void
refused_cb (HlWebView  *view,
            const char *uri,
            char      **refused)
{
  g_free (*refused);
  *refused = g_strdup (uri);
}

static void
test_external_link (void)
{
  g_autofree char *seen = NULL;
  g_autofree char *refused = NULL;
  gulong id, refused_id;

  hl_window_open_uri (window, "hl://topic/3061");
  wait_for_page ("Abdominal Pain");

  id = g_signal_connect (web_view (), "open-external", G_CALLBACK (external_cb), &seen);
  webkit_web_view_load_uri (web_view (), "https://medlineplus.gov/abdominalpain.html");
  wait_until (is_set, &seen, "the link to go out");

  g_assert_cmpstr (seen, ==, "https://medlineplus.gov/abdominalpain.html");
  /* The view never left our page. */
  g_assert_cmpstr (current_history_uri (), ==, "hl://topic/3061");
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Abdominal Pain");

  /* Other schemes are refused, and not handed out either. */
  g_clear_pointer (&seen, g_free);
  refused_id = g_signal_connect (web_view (), "refused", G_CALLBACK (refused_cb), &refused);
  webkit_web_view_load_uri (web_view (), "file:///etc/passwd");
  wait_until (is_set, &refused, "the file: link to be refused");
  g_assert_cmpstr (refused, ==, "file:///etc/passwd");
  g_assert_null (seen);
  g_assert_cmpstr (current_history_uri (), ==, "hl://topic/3061");
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Abdominal Pain");

  g_signal_handler_disconnect (web_view (), id);
  g_signal_handler_disconnect (web_view (), refused_id);
}

static gboolean
has_row (gpointer data)
{
  return find_row (hl_sidebar_get_visible_list (sidebar ()), data) != NULL;
}

static void
test_spanish_content (void)
{
  go_home ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.content-language", "s", "es");
  g_assert_cmpstr (hl_window_get_content_language (window), ==, "es");

  /* The sidebar lists the Spanish groups, and they lead to Spanish topics. */
  wait_until (has_row, "Sistema digestivo", "the Spanish groups");
  g_assert_false (has_row ("Digestive System"));
  activate_row ("Sistema digestivo");
  wait_for_page ("Sistema digestivo");
  g_assert_true (has_row ("Dolor abdominal"));
  g_assert_false (has_row ("Abdominal Pain"));
  activate_row ("Dolor abdominal");
  wait_for_page ("Dolor abdominal");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3062");

  /* Spanish search folds accents as people type. */
  gtk_editable_set_text (GTK_EDITABLE (hl_window_get_search_entry (window)), "cafeina");
  wait_until (search_mode, "Cafeína", "the Spanish hit");
  gtk_editable_set_text (GTK_EDITABLE (hl_window_get_search_entry (window)), "");

  /* Back in English, the sidebar shows the English group and topic. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.content-language", "s", "en");
  wait_for_page ("Abdominal Pain");
  wait_until (has_row, "Abdominal Pain", "the English topics");
  g_assert_true (row_selected ("Abdominal Pain"));
}

static void
test_counterpart (void)
{
  hl_window_open_uri (window, "hl://topic/3061");
  wait_for_page ("Abdominal Pain");

  /* The language toggle switches the page to its counterpart at once. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.content-language", "s", "es");
  wait_for_page ("Dolor abdominal");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3062");
  g_assert_true (row_selected ("Dolor abdominal"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.content-language", "s", "en");
  wait_for_page ("Abdominal Pain");
}

static gboolean
stack_shows (gpointer data)
{
  GtkWidget *view = hl_window_get_web_view (window);
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (view, GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

static void
test_crash_recovery (void)
{
  hl_window_open_uri (window, "hl://topic/4");
  wait_for_page ("Diabetes");

  webkit_web_view_terminate_web_process (web_view ());
  wait_until (stack_shows, "crashed", "the crash page");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  wait_until (stack_shows, "view", "the view");
  wait_for_page ("Diabetes");
}

static gboolean
library_ready (gpointer data)
{
  return hl_library_get_state (hl_application_get_library (app)) == HL_LIBRARY_STATE_READY &&
         !webkit_web_view_is_loading (web_view ()) &&
         webkit_web_view_get_title (web_view ()) != NULL;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

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

  g_test_init (&argc, &argv, NULL);
  /* WebKit names its data folders after the program: keep it a plain name. */
  g_set_prgname ("test-window");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HEALTH_LIBRARY_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = HL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);

  /* The first start builds the library from the bundled sample. */
  wait_until (library_ready, NULL, "the library and the home page");

  g_test_add_func ("/ui/window/home", test_home);
  g_test_add_func ("/ui/window/group-and-topic", test_group_and_topic);
  g_test_add_func ("/ui/window/search-and-open", test_search_and_open);
  g_test_add_func ("/ui/window/search-no-hit", test_search_no_hit);
  g_test_add_func ("/ui/window/back-forward", test_back_forward);
  g_test_add_func ("/ui/window/external-link", test_external_link);
  g_test_add_func ("/ui/window/spanish-content", test_spanish_content);
  g_test_add_func ("/ui/window/counterpart", test_counterpart);
  g_test_add_func ("/ui/window/crash-recovery", test_crash_recovery);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  remove_tree (home);
  return status;
}
