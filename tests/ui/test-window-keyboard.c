/* test-window-keyboard.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The keyboard paths of a new user, under a window manager, with real key
 * presses sent through the X server: Enter on the highlighted hit, typing to
 * start a new search, Tab and F6 from pane to pane with a focus ring at every
 * stop, and the shortcuts the main menu shows. */

#include "config.h"

#include <glib/gi18n.h>

#include "window-fixture.h"
#include "x11-input.h"

static GtkWidget *
get_focus (void)
{
  return gtk_root_get_focus (GTK_ROOT (fixture_window ()));
}

static GtkEditable *
search_entry (void)
{
  return GTK_EDITABLE (hl_window_get_search_entry (fixture_window ()));
}

static gboolean
focus_within (GtkWidget *widget)
{
  GtkWidget *focus = get_focus ();

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
focus_in_web_view (void)
{
  return focus_within (GTK_WIDGET (web_view ()));
}

/* The header above the page (not the sidebar's). */
static GtkWidget *
content_header (void)
{
  return gtk_widget_get_ancestor (hl_window_get_menu_button (fixture_window ()),
                                  ADW_TYPE_HEADER_BAR);
}

static gboolean
entry_text_is (gpointer data)
{
  return g_strcmp0 (gtk_editable_get_text (search_entry ()), data) == 0;
}

typedef struct
{
  const char *text;
  int         n_rows;
} Results;

/* The results for all of the text typed, not for its first letters. */
static gboolean
has_results (gpointer data)
{
  Results *results = data;
  GtkListBox *list = hl_sidebar_get_visible_list (sidebar ());

  return g_strcmp0 (hl_sidebar_get_search_text (sidebar ()), results->text) == 0 &&
         gtk_list_box_get_row_at_index (list, results->n_rows - 1) != NULL;
}

/* The title of a row: its first label. */
static const char *
row_title (GtkListBoxRow *row)
{
  for (GtkWidget *w = gtk_list_box_row_get_child (row); w != NULL; w = gtk_widget_get_first_child (w))
    if (GTK_IS_LABEL (w))
      return gtk_label_get_label (GTK_LABEL (w));
  return NULL;
}

static void
go_home (void)
{
  gtk_editable_set_text (search_entry (), "");
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.home", NULL);
  wait_for_page (_("Health Library"));
}

/* Ctrl+K, then the text typed key by key. */
static void
type_search (const char *text,
             int         n_rows)
{
  Results results = { text, n_rows };

  x11_key (GDK_KEY_k, GDK_CONTROL_MASK);
  g_assert_true (focus_within (GTK_WIDGET (search_entry ())));
  x11_type (text);
  wait_until (entry_text_is, (gpointer) text, "the typed search");
  wait_until (has_results, &results, "the search results");
}

/* Fault 1: Enter opens the row the arrows went to, not the first hit. */
static void
test_enter_opens_highlighted (void)
{
  GtkListBox *list;
  GtkListBoxRow *third, *second;
  g_autofree char *third_title = NULL;
  g_autofree char *second_title = NULL;

  go_home ();
  type_search ("diab", 3);
  list = hl_sidebar_get_visible_list (sidebar ());
  third = gtk_list_box_get_row_at_index (list, 2);
  third_title = g_strdup (row_title (third));

  /* ↓ into the list, then twice more. */
  x11_key (GDK_KEY_Down, 0);
  x11_key (GDK_KEY_Down, 0);
  x11_key (GDK_KEY_Down, 0);
  g_assert_true (get_focus () == GTK_WIDGET (third));
  x11_key (GDK_KEY_Return, 0);
  wait_for_page (third_title);
  g_assert_cmpstr (third_title, !=, row_title (gtk_list_box_get_row_at_index (list, 0)));
  /* And the focus stays on the row just opened. */
  g_assert_true (get_focus () == GTK_WIDGET (third));

  /* The keypad's Enter too. */
  type_search ("diab", 3);
  list = hl_sidebar_get_visible_list (sidebar ());
  second = gtk_list_box_get_row_at_index (list, 1);
  second_title = g_strdup (row_title (second));
  x11_key (GDK_KEY_Down, 0);
  x11_key (GDK_KEY_Down, 0);
  g_assert_true (get_focus () == GTK_WIDGET (second));
  x11_key (GDK_KEY_KP_Enter, 0);
  wait_for_page (second_title);

  /* From the entry, with nothing highlighted, Enter opens the best hit. */
  type_search ("acupuncture", 1);
  x11_key (GDK_KEY_Return, 0);
  wait_for_page ("Acupuncture");
}

/* Fault 2: typing anywhere starts a new search, and Space still presses the
 * focused button. */
static void
test_typing_starts_new_search (void)
{
  GtkWidget *home_button = NULL;

  go_home ();
  type_search ("diabetes", 1);
  x11_key (GDK_KEY_Down, 0);
  x11_key (GDK_KEY_Return, 0);
  wait_for_page ("Diabetes");

  /* The focus is on the row opened; the entry still says "diabetes". */
  g_assert_true (GTK_IS_LIST_BOX_ROW (get_focus ()));
  x11_type ("asthma");
  wait_until (entry_text_is, "asthma", "a new search, not “diabetesasthma”");
  wait_until (has_row, "Asthma", "the new results");
  g_assert_true (focus_within (GTK_WIDGET (search_entry ())));

  /* From the page too. */
  x11_key (GDK_KEY_F6, 0);
  g_assert_true (focus_in_web_view ());
  x11_type ("celiac");
  wait_until (entry_text_is, "celiac", "a search typed on the page");

  /* Space on the focused Home button presses it, and types nothing. */
  x11_key (GDK_KEY_F6, 0);
  x11_key (GDK_KEY_F6, 0);
  g_assert_true (focus_within (content_header ()));
  for (int i = 0; i < 8; i++)
    {
      GtkWidget *focus = get_focus ();

      if (GTK_IS_BUTTON (focus) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "win.home") == 0)
        {
          home_button = focus;
          break;
        }
      x11_key (GDK_KEY_Tab, 0);
    }
  g_assert_nonnull (home_button);
  x11_key (GDK_KEY_space, 0);
  wait_for_page (_("Health Library"));
  g_assert_cmpstr (gtk_editable_get_text (search_entry ()), ==, "celiac");
  g_assert_true (get_focus () == home_button);
}

static gboolean
focus_left_page (gpointer data)
{
  return !focus_in_web_view ();
}

/* Tab or Shift+Tab; from the page, WebKit answers in its own time. */
static GtkWidget *
focus_after_tab (gboolean backward)
{
  gboolean in_page = focus_in_web_view ();

  x11_key (GDK_KEY_Tab, backward ? GDK_SHIFT_MASK : 0);
  if (in_page)
    wait_until (focus_left_page, NULL, "the page to give up the focus");
  return get_focus ();
}

/* Fault 5: search → list → page → header, each list one stop. */
static void
test_tab_path (void)
{
  GtkWidget *focus;
  int presses;

  go_home ();
  x11_key (GDK_KEY_k, GDK_CONTROL_MASK);

  /* The 34 rows of clinics and groups are one stop. */
  focus = focus_after_tab (FALSE);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (sidebar ())));
  focus = focus_after_tab (FALSE);
  g_assert_true (focus_in_web_view ());

  /* And back. */
  focus = focus_after_tab (TRUE);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  focus = focus_after_tab (TRUE);
  g_assert_true (focus_within (GTK_WIDGET (search_entry ())));

  /* Within the list the arrows move. */
  focus = focus_after_tab (FALSE);
  x11_key (GDK_KEY_Down, 0);
  g_assert_true (get_focus () != focus && GTK_IS_LIST_BOX_ROW (get_focus ()));

  /* Through a page's few links to the header: a clinic page has five. */
  hl_window_open_uri (fixture_window (), "hl://clinic/kilgore");
  wait_for_page ("Kilgore");
  x11_key (GDK_KEY_k, GDK_CONTROL_MASK);
  focus_after_tab (FALSE);
  focus_after_tab (FALSE);
  g_assert_true (focus_in_web_view ());
  for (presses = 0; presses < 12 && focus_in_web_view (); presses++)
    {
      x11_key (GDK_KEY_Tab, 0);
      /* The page answers from its own process. */
      for (int i = 0; i < 10 && focus_in_web_view (); i++)
        x11_settle ();
    }
  g_assert_true (focus_within (content_header ()));
  g_assert_cmpint (presses, <=, 8);

  /* A group's topics: its back button and filter come before its list. */
  go_home ();
  activate_row ("Digestive System");
  wait_for_page ("Digestive System");
  x11_key (GDK_KEY_k, GDK_CONTROL_MASK);
  focus = focus_after_tab (FALSE);
  g_assert_true (GTK_IS_BUTTON (focus));
  focus = focus_after_tab (FALSE);
  g_assert_true (GTK_IS_EDITABLE (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (sidebar ())));
  focus = focus_after_tab (FALSE);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  focus_after_tab (FALSE);
  g_assert_true (focus_in_web_view ());
  focus = focus_after_tab (TRUE);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  focus = focus_after_tab (TRUE);
  g_assert_true (GTK_IS_EDITABLE (focus));
}

#define MARGIN 4  /* around a widget's rendering, for rings drawn just outside */
#define BAND   8  /* from the rendering's edges: where a ring is drawn */

/* The pixels of @widget as drawn now, with a margin. */
static GBytes *
render (GtkWidget *widget,
        int       *width,
        int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gsize stride;
  guchar *data;

  *width = gtk_widget_get_width (widget) + 2 * MARGIN;
  *height = gtk_widget_get_height (widget) + 2 * MARGIN;
  stride = *width * 4;
  data = g_malloc0 (stride * *height);

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (MARGIN, MARGIN));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), *width - 2 * MARGIN,
                          *height - 2 * MARGIN);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  gdk_texture_download (texture, data, stride);

  return g_bytes_new_take (data, stride * *height);
}

/* Whether the two renderings differ along their edges, where a focus ring
 * is drawn (and not, say, in a text cursor inside). */
static gboolean
edges_differ (GBytes *a,
              GBytes *b,
              int     width,
              int     height)
{
  const guint32 *pa = g_bytes_get_data (a, NULL);
  const guint32 *pb = g_bytes_get_data (b, NULL);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gboolean edge = x < BAND || y < BAND || x >= width - BAND || y >= height - BAND;

        if (edge && pa[y * width + x] != pb[y * width + x])
          return TRUE;
      }

  return FALSE;
}

/* The widget that draws the focus ring of @focus: an entry's, for its text. */
static GtkWidget *
ring_owner (GtkWidget *focus)
{
  if (GTK_IS_TEXT (focus))
    return gtk_widget_get_parent (focus);
  return focus;
}

/* The focused widget looks different along its edges when it has the focus
 * than when it has not: it has a ring. */
static void
assert_focus_ring (void)
{
  GtkWindow *window = GTK_WINDOW (fixture_window ());
  GtkWidget *focus = get_focus ();
  GtkWidget *owner = ring_owner (focus);
  g_autoptr(GBytes) with_focus = NULL;
  g_autoptr(GBytes) without = NULL;
  int width, height;

  g_assert_true (gtk_window_get_focus_visible (window));
  window_fixture_wait_frames ();
  with_focus = render (owner, &width, &height);
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  window_fixture_wait_frames ();
  without = render (owner, &width, &height);
  gtk_widget_grab_focus (focus);
  gtk_window_set_focus_visible (window, TRUE);
  window_fixture_wait_frames ();
  g_assert_true (get_focus () == focus);

  if (!edges_differ (with_focus, without, width, height))
    g_error ("The focused %s shows no focus ring", G_OBJECT_TYPE_NAME (owner));
}

/* Fault 5: every stop of the Tab path shows where the focus is. */
static void
test_focus_rings (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint stops = 0;

  hl_window_open_uri (fixture_window (), "hl://clinic/kilgore");
  wait_for_page ("Kilgore");
  x11_key (GDK_KEY_k, GDK_CONTROL_MASK);

  /* Once round the window. */
  do
    {
      GtkWidget *focus = get_focus ();

      g_assert_nonnull (focus);
      if (!g_hash_table_contains (seen, focus))
        {
          assert_focus_ring ();
          g_hash_table_add (seen, focus);
        }
      stops++;

      x11_key (GDK_KEY_Tab, 0);
      for (int i = 0; i < 10 && focus_in_web_view () && get_focus () == focus; i++)
        x11_settle ();
    }
  while (!focus_within (GTK_WIDGET (search_entry ())) && stops < 40);

  g_assert_true (focus_within (GTK_WIDGET (search_entry ())));
  /* The entry, the list, the page and the header's buttons at least. */
  g_assert_cmpuint (g_hash_table_size (seen), >=, 6);
}

/* F6 goes from pane to pane: sidebar, page, header. */
static void
test_f6 (void)
{
  go_home ();
  x11_key (GDK_KEY_k, GDK_CONTROL_MASK);

  x11_key (GDK_KEY_F6, 0);
  g_assert_true (focus_in_web_view ());
  x11_key (GDK_KEY_F6, 0);
  g_assert_true (focus_within (content_header ()));
  x11_key (GDK_KEY_F6, 0);
  g_assert_true (GTK_IS_LIST_BOX_ROW (get_focus ()));
  g_assert_true (gtk_widget_is_ancestor (get_focus (), GTK_WIDGET (sidebar ())));
  x11_key (GDK_KEY_F6, GDK_SHIFT_MASK);
  g_assert_true (focus_within (content_header ()));
  x11_key (GDK_KEY_F6, GDK_SHIFT_MASK);
  g_assert_true (focus_in_web_view ());
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Fault 6: the main menu shows Ctrl++ and Ctrl+- (the keys' own labels),
 * never the keypad's. */
static void
test_menu_shortcuts (void)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (hl_window_get_menu_button (fixture_window ()));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_autoptr(GPtrArray) accels = NULL;
  g_autofree char *zoom_in = gtk_accelerator_get_label (GDK_KEY_plus, GDK_CONTROL_MASK);
  g_autofree char *zoom_out = gtk_accelerator_get_label (GDK_KEY_minus, GDK_CONTROL_MASK);

  go_home ();
  x11_key (GDK_KEY_F10, 0);
  wait_until (popover_shown, popover, "the main menu");

  accels = window_fixture_menu_accels (popover);
  g_assert_cmpuint (accels->len, >=, 3);
  window_fixture_assert_no_keypad_labels (accels);
  g_assert_true (g_ptr_array_find_with_equal_func (accels, "Ctrl+F", g_str_equal, NULL));

  /* The zoom row's buttons say their shortcuts. */
  g_assert_true (window_fixture_find_tooltip (popover, zoom_in));
  g_assert_true (window_fixture_find_tooltip (popover, zoom_out));

  x11_key (GDK_KEY_Escape, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  window_fixture_use_window_manager ();
  window_fixture_start ();

  g_test_add_func ("/ui/keyboard/enter-opens-highlighted", test_enter_opens_highlighted);
  g_test_add_func ("/ui/keyboard/typing-starts-new-search", test_typing_starts_new_search);
  g_test_add_func ("/ui/keyboard/tab-path", test_tab_path);
  g_test_add_func ("/ui/keyboard/focus-rings", test_focus_rings);
  g_test_add_func ("/ui/keyboard/f6", test_f6);
  g_test_add_func ("/ui/keyboard/menu-shortcuts", test_menu_shortcuts);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
