/* test-window-reading.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reading aids, used with keys and the pointer under a window manager:
 * find in page, "On this page", the page's MedlinePlus address, and links
 * that leave the app. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-find-bar.h"
#include "window-fixture.h"
#include "x11-input.h"

static HlFindBar *
find_bar (void)
{
  return HL_FIND_BAR (hl_window_get_find_bar (fixture_window ()));
}

static gboolean
focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture_window ()));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* How often @word is in the text of a page a reader sees: the body without
 * its tags and without the header kept for printing. */
static guint
count_in_page (const char *uri,
               const char *word)
{
  HlPageRenderer *renderer = hl_application_get_renderer (fixture_app ());
  g_autoptr(GError) error = NULL;
  g_autofree char *html = hl_page_renderer_render (renderer, uri, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char *p;
  gboolean in_tag = FALSE;
  guint count = 0;

  g_assert_no_error (error);
  p = strstr (html, "<body");
  if (strstr (p, "<header class=\"handout\">") != NULL)
    p = strstr (p, "</header>");
  for (; *p != '\0'; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (text, *p);
    }

  folded = g_utf8_strdown (text->str, -1);
  for (p = strstr (folded, word); p != NULL; p = strstr (p + 1, word))
    count++;
  return count;
}

typedef struct
{
  guint found;
  guint failed;
} FindCounts;

static void
found_text_cb (WebKitFindController *controller,
               guint                 count,
               FindCounts           *counts)
{
  counts->found++;
}

static void
failed_cb (WebKitFindController *controller,
           FindCounts           *counts)
{
  counts->failed++;
}

static gboolean
has_count (gpointer data)
{
  return hl_find_bar_get_match_count (find_bar ()) == GPOINTER_TO_UINT (data);
}

static gboolean
status_is (gpointer data)
{
  return g_strcmp0 (hl_find_bar_get_status (find_bar ()), data) == 0;
}

static gboolean
count_above (gpointer data)
{
  guint *pair = data;

  return pair[0] > pair[1];
}

/* The find controller has answered once more than @before times. */
static void
wait_for_answer (FindCounts *counts,
                 guint       before)
{
  guint pair[2];

  for (int i = 0; i < 200 && counts->found <= before; i++)
    x11_settle ();
  pair[0] = counts->found;
  pair[1] = before;
  wait_until (count_above, pair, "WebKit to find the text again");
}

/* Find in page: Ctrl+F, the count, next and previous, Escape. */
static void
test_find_in_page (void)
{
  WebKitFindController *controller = webkit_web_view_get_find_controller (web_view ());
  GtkWidget *entry = hl_find_bar_get_entry (find_bar ());
  FindCounts counts = { 0, 0 };
  guint expected = count_in_page ("hl://topic/4", "insulin");
  g_autofree char *status = NULL;
  gulong found_id, failed_id;
  guint before;

  g_assert_cmpuint (expected, >, 3);
  hl_window_open_uri (fixture_window (), "hl://topic/4");
  wait_for_page ("Diabetes");

  found_id = g_signal_connect (controller, "found-text", G_CALLBACK (found_text_cb), &counts);
  failed_id = g_signal_connect (controller, "failed-to-find-text", G_CALLBACK (failed_cb), &counts);

  x11_key (GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (hl_find_bar_get_search_mode (find_bar ()));
  g_assert_true (focus_within (entry));

  /* Every "insulin" of the page, counted. */
  x11_type ("insulin");
  wait_until (has_count, GUINT_TO_POINTER (expected), "the matches to be counted");
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", expected),
                            expected);
  wait_until (status_is, status, "the count under the entry");

  /* Enter, Ctrl+G and the next button go on; Shift+Enter goes back. */
  before = counts.found;
  x11_key (GDK_KEY_Return, 0);
  wait_for_answer (&counts, before);
  before = counts.found;
  x11_key (GDK_KEY_g, GDK_CONTROL_MASK);
  wait_for_answer (&counts, before);
  before = counts.found;
  x11_key (GDK_KEY_Return, GDK_SHIFT_MASK);
  wait_for_answer (&counts, before);
  before = counts.found;
  x11_click (find_button_by_tooltip (GTK_WIDGET (find_bar ()), _("Next Match")), -1, -1);
  wait_for_answer (&counts, before);
  g_assert_cmpuint (counts.failed, ==, 0);
  g_assert_true (hl_find_bar_get_match_count (find_bar ()) == expected);

  /* Text that is not there. Ctrl+F again goes back to the entry, its text
   * selected. */
  x11_key (GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (focus_within (entry));
  x11_type ("zzq");
  wait_until (status_is, (gpointer) _("No matches"), "“No matches”");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  /* Escape closes the bar and gives the page the focus back; the library
   * search keeps its own shortcut. */
  x11_key (GDK_KEY_Escape, 0);
  g_assert_false (hl_find_bar_get_search_mode (find_bar ()));
  g_assert_true (focus_within (GTK_WIDGET (web_view ())));
  x11_key (GDK_KEY_k, GDK_CONTROL_MASK);
  g_assert_true (focus_within (hl_window_get_search_entry (fixture_window ())));
  g_assert_false (hl_find_bar_get_search_mode (find_bar ()));

  g_signal_handler_disconnect (controller, found_id);
  g_signal_handler_disconnect (controller, failed_id);
}

static gboolean
uri_is (gpointer data)
{
  return g_strcmp0 (webkit_web_view_get_uri (web_view ()), data) == 0;
}

typedef struct
{
  double      x, y;
  const char *uri;
} LinkAt;

static gboolean
link_is_at (gpointer data)
{
  const LinkAt *at = data;

  return window_fixture_link_at (at->uri, at->x, at->y, 200);
}

/* "On this page": an entry clicked jumps to its section. */
static void
test_contents_jump (void)
{
  GtkWidget *view = GTK_WIDGET (web_view ());
  const char *target = "hl://topic/4#summary-4";
  double x, y;

  hl_window_open_uri (fixture_window (), "hl://topic/4");
  wait_for_page ("Diabetes");

  g_assert_true (window_fixture_point_at_link (target, 40, gtk_widget_get_width (view) / 2.0,
                                               &x, &y));
  x11_click (view, x, y);
  wait_until (uri_is, (gpointer) target, "the jump to the fourth question");
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Diabetes");

  /* The page has moved: the list is no longer under the pointer (the page
   * is given a second to say otherwise). */
  g_assert_false (window_fixture_link_at (target, x, y, 1000));

  /* Back returns to the top of the page, the list where it was, once the
   * page has scrolled back. */
  x11_key (GDK_KEY_Left, GDK_ALT_MASK);
  wait_until (uri_is, "hl://topic/4", "the page's top again");
  wait_until (link_is_at, &(LinkAt) { x, y, target }, "the list where it was");
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The main menu's item labelled @label, once the menu is open. */
static GtkWidget *
menu_item (const char *label)
{
  GtkWidget *button = hl_window_get_menu_button (fixture_window ());
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  GtkWidget *text;

  if (!gtk_widget_get_mapped (popover))
    {
      x11_key (GDK_KEY_F10, 0);
      wait_until (popover_shown, popover, "the main menu");
    }
  text = window_fixture_find_label (popover, label);
  g_assert_nonnull (text);
  return gtk_widget_get_parent (text);
}

static void
clipboard_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
clipboard_text (void)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture_window ())), NULL,
                                 clipboard_cb, &text);
  wait_until (is_set, &text, "the clipboard");
  return text;
}

static gboolean
link_opened (gpointer data)
{
  g_autofree char *opened = window_fixture_dup_opened_links ();

  return strstr (opened, data) != NULL;
}

static gboolean
toast_shown (gpointer data)
{
  return window_fixture_find_label (GTK_WIDGET (fixture_window ()), data) != NULL;
}

/* The page's address on MedlinePlus: copied, and opened in the browser. */
static void
test_medlineplus_address (void)
{
  HlTopicStore *store = hl_library_get_store (hl_application_get_library (fixture_app ()));
  g_autoptr(HlTopic) topic = hl_topic_store_load_topic (store, 4, NULL);
  g_autofree char *copied = NULL;

  g_assert_nonnull (topic);
  g_assert_true (g_str_has_prefix (topic->url, "https://medlineplus.gov/"));

  hl_window_open_uri (fixture_window (), "hl://topic/4");
  wait_for_page ("Diabetes");

  x11_click (menu_item (_("Copy MedlinePlus Address")), -1, -1);
  copied = clipboard_text ();
  g_assert_cmpstr (copied, ==, topic->url);
  wait_until (toast_shown, (gpointer) _("Address copied"), "the word that it was copied");

  x11_click (menu_item (_("Open on MedlinePlus")), -1, -1);
  wait_until (link_opened, topic->url, "MedlinePlus's page to open in the browser");

  /* The home page is ours, not MedlinePlus's: nothing to copy or open. */
  hl_window_open_uri (fixture_window (), "hl://home?lang=en");
  wait_for_page (_("Health Library"));
  g_assert_false (gtk_widget_get_sensitive (menu_item (_("Copy MedlinePlus Address"))));
  g_assert_false (gtk_widget_get_sensitive (menu_item (_("Open on MedlinePlus"))));
  x11_key (GDK_KEY_Escape, 0);
}

static gboolean
status_shows (gpointer data)
{
  return g_strcmp0 (hl_window_get_link_status (fixture_window ()), data) == 0;
}

/* Fault 10: a link that leaves the app shows where it goes, and says so
 * when the system cannot open it. */
static void
test_external_links (void)
{
  GtkWidget *view = GTK_WIDGET (web_view ());
  const char *glucose = "https://medlineplus.gov/bloodglucose.html";
  const char *helpline = "tel:+19032127500";
  g_autofree char *copied = NULL;
  GtkWidget *copy;
  double x, y;

  /* A link of the summary to MedlinePlus: its address on hover. */
  hl_window_open_uri (fixture_window (), "hl://topic/4");
  wait_for_page ("Diabetes");
  g_assert_true (window_fixture_point_at_link (glucose, 40, gtk_widget_get_width (view) - 40,
                                               &x, &y));
  wait_until (status_shows, (gpointer) glucose, "the link's address");
  x11_move_pointer (view, 2, 2);
  wait_until (status_shows, NULL, "the address to go");

  /* Clicked, it goes to the browser, and the page stays. */
  x11_click (view, x, y);
  wait_until (link_opened, (gpointer) glucose, "the browser");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/4");

  /* The helpline, on a computer that cannot dial: a toast says so, and
   * offers the address. */
  hl_window_open_uri (fixture_window (), "hl://home?lang=en");
  wait_for_page (_("Health Library"));
  g_assert_true (window_fixture_point_at_link (helpline, 40, gtk_widget_get_width (view) - 40,
                                               &x, &y));
  x11_click (view, x, y);
  wait_until (toast_shown, (gpointer) _("No app on this computer could open the link."),
              "the toast");
  copy = find_button (GTK_WIDGET (fixture_window ()), _("_Copy Address"));
  g_assert_nonnull (copy);
  /* Once the toast has slid in. */
  for (int i = 0; i < 20; i++)
    x11_settle ();
  x11_click (copy, -1, -1);
  copied = clipboard_text ();
  g_assert_cmpstr (copied, ==, helpline);
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, NULL);
      g_hash_table_insert (shortcuts, g_steal_pointer (&accelerator), g_steal_pointer (&title));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

static gboolean
help_shown (gpointer data)
{
  GtkShortcutsWindow *help =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture_window ()));

  return help != NULL && gtk_widget_get_mapped (GTK_WIDGET (help));
}

/* Both searches, and the keys of the new aids, are in the shortcuts window. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GHashTable) shortcuts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkShortcutsWindow *help;

  x11_key (GDK_KEY_question, GDK_CONTROL_MASK);
  wait_until (help_shown, NULL, "the shortcuts window");
  help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture_window ()));
  collect_shortcuts (GTK_WIDGET (help), shortcuts);

  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "<Control>f"), ==, _("Find in page"));
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "<Control>k"), ==, _("Search the library"));
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "<Control>g"), ==, _("Next match"));
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "<Shift><Control>g"), ==,
                   _("Previous match"));
  g_assert_cmpstr (g_hash_table_lookup (shortcuts, "F6"), ==,
                   _("Move between the sidebar, the page and the header"));

  gtk_window_close (GTK_WINDOW (help));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  window_fixture_use_window_manager ();
  window_fixture_start ();

  g_test_add_func ("/ui/reading/find-in-page", test_find_in_page);
  g_test_add_func ("/ui/reading/contents-jump", test_contents_jump);
  g_test_add_func ("/ui/reading/medlineplus-address", test_medlineplus_address);
  g_test_add_func ("/ui/reading/external-links", test_external_links);
  g_test_add_func ("/ui/reading/shortcuts-window", test_shortcuts_window);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
