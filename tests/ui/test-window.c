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
#include <string.h>

#include "hl-catalog.h"
#include "window-fixture.h"


static void
go_home (void)
{
  if (!g_str_equal (hl_window_get_content_language (fixture_window ()), "en"))
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "en");
      wait_until (loaded, NULL, "the English page");
    }
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.home", NULL);
  wait_for_page (_("Health Library"));
}

static void
test_home (void)
{
  go_home ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture_window ())), ==, _("Health Library"));
  g_assert_true (g_str_has_prefix (webkit_web_view_get_uri (web_view ()), "hl://home"));
  g_assert_cmpstr (hl_sidebar_get_mode (sidebar ()), ==, "browse");

  /* What the view does is not kept on disk: no cache, cookies or history. */
  g_assert_true (webkit_network_session_is_ephemeral (webkit_web_view_get_network_session (web_view ())));
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
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture_window ())), ==, "Abdominal Pain");
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
  GtkEditable *entry = GTK_EDITABLE (hl_window_get_search_entry (fixture_window ()));
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

static gboolean
button_shown (gpointer data)
{
  return find_button (GTK_WIDGET (sidebar ()), data) != NULL;
}

static void
test_search_no_hit (void)
{
  GtkEditable *entry = GTK_EDITABLE (hl_window_get_search_entry (fixture_window ()));

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
  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");
  hl_window_open_uri (fixture_window (), "hl://topic/4");
  wait_for_page ("Diabetes");

  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.back", NULL);
  wait_for_page ("Abdominal Pain");
  g_assert_true (row_selected ("Abdominal Pain"));

  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.forward", NULL);
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

  /* A short page whose link to MedlinePlus is in view. */
  hl_window_open_uri (fixture_window (), "hl://group/12?lang=en");
  wait_for_page ("Infections");

  /* Clicked, as a reader would. */
  id = g_signal_connect (web_view (), "open-external", G_CALLBACK (external_cb), &seen);
  g_assert_true (click_link ("https://medlineplus.gov/infections.html"));
  wait_until (is_set, &seen, "the link to go out");

  g_assert_cmpstr (seen, ==, "https://medlineplus.gov/infections.html");
  /* The view never left our page. */
  g_assert_cmpstr (current_history_uri (), ==, "hl://group/12?lang=en");
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Infections");

  /* Other schemes are refused, and not handed out either. No page of ours
   * links to one (the sanitizer leaves none), so the view is asked
   * directly. */
  g_clear_pointer (&seen, g_free);
  refused_id = g_signal_connect (web_view (), "refused", G_CALLBACK (refused_cb), &refused);
  webkit_web_view_load_uri (web_view (), "file:///etc/passwd");
  wait_until (is_set, &refused, "the file: link to be refused");
  g_assert_cmpstr (refused, ==, "file:///etc/passwd");
  g_assert_null (seen);
  g_assert_cmpstr (current_history_uri (), ==, "hl://group/12?lang=en");
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Infections");

  g_signal_handler_disconnect (web_view (), id);
  g_signal_handler_disconnect (web_view (), refused_id);
}

/* Addresses without a page, among them "hl://topic" with no id, which the
 * window used to read past its end (atoi (path + 1)): each shows the "no
 * page" page, and switching the language on it keeps it. Under the
 * AddressSanitizer build, the old reading fails this test. */
static void
test_no_page_addresses (void)
{
  static const char *uris[] = { "hl://topic", "hl://topic/", "hl://group", "hl://topic/abc",
                                "hl://clinic/../x" };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_test_message ("%s", uris[i]);
      go_home ();
      hl_window_open_uri (fixture_window (), uris[i]);
      wait_for_page (_("Page Not Found"));
      gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "es");
      wait_until (loaded, NULL, "the page in Spanish");
      g_assert_cmpstr (hl_window_get_content_language (fixture_window ()), ==, "es");
      gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.back", NULL);
      wait_until (loaded, NULL, "the page before");
    }
  go_home ();
}

static void
test_spanish_content (void)
{
  go_home ();

  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "es");
  g_assert_cmpstr (hl_window_get_content_language (fixture_window ()), ==, "es");

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
  gtk_editable_set_text (GTK_EDITABLE (hl_window_get_search_entry (fixture_window ())), "cafeina");
  wait_until (search_mode, "Cafeína", "the Spanish hit");
  gtk_editable_set_text (GTK_EDITABLE (hl_window_get_search_entry (fixture_window ())), "");

  /* Back in English, the sidebar shows the English group and topic. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "en");
  wait_for_page ("Abdominal Pain");
  wait_until (has_row, "Abdominal Pain", "the English topics");
  g_assert_true (row_selected ("Abdominal Pain"));
}

static void
test_counterpart (void)
{
  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");

  /* The language toggle switches the page to its counterpart at once. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "es");
  wait_for_page ("Dolor abdominal");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3062");
  g_assert_true (row_selected ("Dolor abdominal"));

  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "en");
  wait_for_page ("Abdominal Pain");

  /* A topic with no Spanish version gives way to a Spanish page (the
   * sample has none of its groups in Spanish: the home page);
   * test-window-language.c has the rest. */
  hl_window_open_uri (fixture_window (), "hl://topic/4");
  wait_for_page ("Diabetes");
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "es");
  wait_for_page (hl_catalog_gettext ("es", "Health Library"));
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://home?lang=es");
  g_assert_cmpstr (hl_window_get_content_language (fixture_window ()), ==, "es");
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.content-language", "s", "en");
  wait_for_page (_("Health Library"));
}

static gboolean
stack_shows (gpointer data)
{
  GtkWidget *view = hl_window_get_web_view (fixture_window ());
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (view, GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

static void
test_crash_recovery (void)
{
  hl_window_open_uri (fixture_window (), "hl://topic/4");
  wait_for_page ("Diabetes");

  webkit_web_view_terminate_web_process (web_view ());
  wait_until (stack_shows, "crashed", "the crash page");

  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.reload", NULL);
  wait_until (stack_shows, "view", "the view");
  wait_for_page ("Diabetes");
}

/* Every button a person can reach has a name for screen readers: its label,
 * or an accessible label when it shows only an icon. */
static void
check_accessible_names (GtkWidget *widget,
                        guint     *n_checked)
{
  if (gtk_widget_get_visible (widget) &&
      (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
      !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

      /* The window's own controls and libadwaita's toasts are the toolkit's
       * business. */
      if ((label == NULL || *label == '\0') &&
          gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) == NULL &&
          gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) == NULL)
        {
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("A %s with an icon only has no accessible name (in a %s)",
                     G_OBJECT_TYPE_NAME (widget),
                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
          /* A person sees the name as a tooltip. */
          if (gtk_widget_get_tooltip_text (widget) == NULL)
            g_error ("A %s with an icon only has no tooltip", G_OBJECT_TYPE_NAME (widget));
        }
      (*n_checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_accessible_names (child, n_checked);
}

static void
test_accessible_names (void)
{
  guint n_checked = 0;

  go_home ();
  check_accessible_names (GTK_WIDGET (fixture_window ()), &n_checked);
  /* Back, forward, home, menu, the two languages at least. */
  g_assert_cmpuint (n_checked, >=, 6);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (hl_window_get_search_entry (fixture_window ())),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search health topics"));
}

static gboolean
has_focus_within (gpointer data)
{
  return gtk_widget_has_focus (data) ||
         gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture_window ())), data);
}

static void
test_keyboard (void)
{
  GtkWidget *entry = hl_window_get_search_entry (fixture_window ());
  GtkWidget *focus;

  go_home ();

  /* Ctrl+F goes to the search, and ↓ from there into the results. */
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.search", NULL);
  g_assert_true (has_focus_within (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "diab");
  wait_until (has_row, "Diabetes", "results");
  g_assert_true (hl_sidebar_focus_list (sidebar ()));
  focus = gtk_root_get_focus (GTK_ROOT (fixture_window ()));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (sidebar ())));

  /* Enter on a row opens it. */
  g_assert_true (gtk_widget_activate (focus));
  wait_for_page ("Diabetes");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* F1 shows the keyboard shortcuts; their window is built only then, not
 * with the main window. */
static void
test_shortcuts_window (void)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture_window ());
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture_app ()),
                                                                  "F1");
  GtkWidget *overlay;

  g_assert_true (g_strv_contains ((const char * const *) actions, "win.show-help-overlay"));
  g_assert_null (gtk_application_window_get_help_overlay (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (overlay));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Closed and asked for again: the same window. */
  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_false (gtk_widget_get_visible (overlay));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (GTK_WIDGET (gtk_application_window_get_help_overlay (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (overlay));
  gtk_window_close (GTK_WINDOW (overlay));
}

static void
print_finished_cb (WebKitPrintOperation *operation,
                   gboolean             *done)
{
  *done = TRUE;
}

static void
print_failed_cb (WebKitPrintOperation *operation,
                 GError               *error)
{
  g_error ("Printing failed: %s", error->message);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* A printed topic is a handout: it carries the organization and its
 * helpline, which the screen does not repeat on every page. */
static void
test_print_handout (void)
{
  g_autoptr(WebKitPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("test-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "handout.txt", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, txt, NULL };
  gboolean done = FALSE;
  int status;

  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);

  operation = webkit_print_operation_new (web_view ());
  webkit_print_operation_set_print_settings (operation, settings);
  g_signal_connect (operation, "finished", G_CALLBACK (print_finished_cb), &done);
  g_signal_connect (operation, "failed", G_CALLBACK (print_failed_cb), NULL);
  webkit_print_operation_print (operation);
  wait_until (is_true, &done, "the printout");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, NULL))
    {
      g_test_skip ("pdftotext is not installed");
    }
  else
    {
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
      g_assert_nonnull (strstr (text, "PhyNet Health"));
      g_assert_nonnull (strstr (text, "(903) 212-7500"));
      g_assert_nonnull (strstr (text, "Abdominal Pain"));
      /* Links are spelled out on paper. */
      g_assert_nonnull (strstr (text, "https://"));
    }

  g_unlink (txt);
  g_unlink (pdf);
  g_rmdir (dir);
}

static GtkWindow *
about_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static GtkWidget *
find_image (GtkWidget  *widget,
            const char *icon_name)
{
  if (GTK_IS_IMAGE (widget) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_image (child, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
about_shown (gpointer data)
{
  return about_window () != NULL;
}

/* Fault 12: run from the build tree, the About window shows the app's icon,
 * not the broken image's. */
static void
test_about_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GtkIconPaintable) symbolic = NULL;
  GtkWidget *image;

  g_action_group_activate_action (G_ACTION_GROUP (fixture_app ()), "about", NULL);
  wait_until (about_shown, NULL, "the About window");

  /* The window asks the icon theme for the app's icon by name. */
  image = find_image (GTK_WIDGET (about_window ()), APP_ID);
  g_assert_nonnull (image);
  g_assert_true (gtk_widget_get_mapped (image));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  g_assert_cmpstr (gtk_icon_paintable_get_icon_name (icon), ==, APP_ID);
  /* And the symbolic one, shown while the library is set up. */
  symbolic = gtk_icon_theme_lookup_icon (theme, APP_ID "-symbolic", NULL, 64, 1,
                                         GTK_TEXT_DIR_NONE, 0);
  g_assert_cmpstr (gtk_icon_paintable_get_icon_name (symbolic), ==, APP_ID "-symbolic");

  gtk_window_destroy (about_window ());
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  window_fixture_start ();

  g_test_add_func ("/ui/window/home", test_home);
  g_test_add_func ("/ui/window/group-and-topic", test_group_and_topic);
  g_test_add_func ("/ui/window/search-and-open", test_search_and_open);
  g_test_add_func ("/ui/window/search-no-hit", test_search_no_hit);
  g_test_add_func ("/ui/window/back-forward", test_back_forward);
  g_test_add_func ("/ui/window/external-link", test_external_link);
  g_test_add_func ("/ui/window/no-page-addresses", test_no_page_addresses);
  g_test_add_func ("/ui/window/spanish-content", test_spanish_content);
  g_test_add_func ("/ui/window/counterpart", test_counterpart);
  g_test_add_func ("/ui/window/crash-recovery", test_crash_recovery);
  g_test_add_func ("/ui/window/accessible-names", test_accessible_names);
  g_test_add_func ("/ui/window/keyboard", test_keyboard);
  g_test_add_func ("/ui/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/window/print-handout", test_print_handout);
  g_test_add_func ("/ui/window/about-icon", test_about_icon);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
