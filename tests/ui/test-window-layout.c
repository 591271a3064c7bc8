/* test-window-layout.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's layout under a window manager, resized and zoomed as a
 * person would: a sidebar of fixed width whatever its names, a window that
 * works at phone width, and a zoom that is shown and reaches the sidebar. */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-zoom-row.h"
#include "window-fixture.h"
#include "x11-input.h"

static GtkWidget *
sidebar_pane (void)
{
  return gtk_widget_get_parent (GTK_WIDGET (sidebar ()));
}

static gboolean
label_ellipsized (GtkWidget *label)
{
  return pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)));
}

/* The tooltip a person sees over @label: its own or its row's. */
static const char *
tooltip_of (GtkWidget *label)
{
  GtkWidget *row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);

  if (gtk_widget_get_tooltip_text (label) != NULL)
    return gtk_widget_get_tooltip_text (label);
  return row ? gtk_widget_get_tooltip_text (row) : NULL;
}

/* Fault 7: long group names do not widen the sidebar. */
static void
test_sidebar_fixed_width (void)
{
  const char *name = "Complementary and Alternative Therapies";
  GtkWidget *title;
  int width;

  hl_window_open_uri (fixture_window (), "hl://home?lang=en");
  wait_for_page (_("Health Library"));
  window_fixture_wait_frames ();
  width = gtk_widget_get_width (sidebar_pane ());
  g_assert_cmpint (width, ==, 300);

  activate_row (name);
  wait_for_page (name);
  window_fixture_wait_frames ();
  g_assert_cmpint (gtk_widget_get_width (sidebar_pane ()), ==, width);

  /* The name is cut short, and whole in its tooltip. */
  title = window_fixture_find_label (GTK_WIDGET (sidebar ()), name);
  g_assert_nonnull (title);
  g_assert_true (label_ellipsized (title));
  g_assert_cmpstr (tooltip_of (title), ==, name);

  /* Nor do the results of a search, snippets and all. */
  gtk_editable_set_text (GTK_EDITABLE (hl_window_get_search_entry (fixture_window ())), "pain");
  wait_until (has_row, "Abdominal Pain", "the results");
  window_fixture_wait_frames ();
  g_assert_cmpint (gtk_widget_get_width (sidebar_pane ()), ==, width);
  gtk_editable_set_text (GTK_EDITABLE (hl_window_get_search_entry (fixture_window ())), "");
}

static gboolean
window_width_at_most (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (fixture_window ())) <= GPOINTER_TO_INT (data);
}

static gboolean
window_width_at_least (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (fixture_window ())) >= GPOINTER_TO_INT (data);
}

static GtkWidget *
page_title_label (void)
{
  GtkWidget *title = window_fixture_find_widget (GTK_WIDGET (fixture_window ()),
                                                 ADW_TYPE_WINDOW_TITLE);

  return window_fixture_find_widget (title, GTK_TYPE_LABEL);
}

/* Every visible child of @widget lies within it. */
static void
assert_within (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (child))
        continue;
      g_assert_true (gtk_widget_compute_bounds (child, widget, &bounds));
      /* Borders may overlap the parent's by a pixel. */
      if (bounds.origin.x < -1.5 ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (widget) + 1.5)
        g_error ("A %s sticks out of its %s (%g to %g of %d)", G_OBJECT_TYPE_NAME (child),
                 G_OBJECT_TYPE_NAME (widget), bounds.origin.x,
                 bounds.origin.x + bounds.size.width, gtk_widget_get_width (widget));
      assert_within (child);
    }
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
popover_hidden (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Fault 7: down to the 360 pixels of a phone, the sidebar folded. */
static void
test_narrow_window (void)
{
  GtkWindow *window = GTK_WINDOW (fixture_window ());
  GtkWidget *menu_button = hl_window_get_menu_button (fixture_window ());
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  GtkWidget *header = gtk_widget_get_ancestor (menu_button, ADW_TYPE_HEADER_BAR);
  GtkWidget *show_sidebar;

  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");

  /* Narrower and narrower, as a person dragging the edge. */
  for (int width = 900; width >= 360; width -= 90)
    x11_resize (window, width, 700);
  x11_resize (window, 360, 700);
  /* 360 pixels inside the window's frame. */
  wait_until (window_width_at_most, GINT_TO_POINTER (372), "a window 360 pixels wide");

  /* The page is shown, its header fits, and its title has room: some eighty
   * pixels even beside minimize, maximize and close (GNOME shows close
   * only, which leaves more). */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (web_view ())));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sidebar ())));
  window_fixture_wait_frames ();
  assert_within (header);
  g_assert_cmpint (gtk_widget_get_width (page_title_label ()), >=, 80);
  g_assert_true (gtk_widget_get_mapped (page_title_label ()));

  /* The language buttons have moved to the main menu. */
  g_assert_null (find_button (header, "Español"));
  x11_click (menu_button, -1, -1);
  wait_until (popover_shown, popover, "the main menu");
  g_assert_nonnull (window_fixture_find_label (popover, "Español"));
  g_assert_nonnull (window_fixture_find_label (popover, "English"));
  x11_key (GDK_KEY_Escape, 0);
  wait_until (popover_hidden, popover, "the main menu to close");
  window_fixture_wait_frames ();

  /* The sidebar is a click away, and fits too. */
  show_sidebar = find_button_by_tooltip (header, _("Show Topics and Clinics"));
  g_assert_nonnull (show_sidebar);
  x11_click (show_sidebar, -1, -1);
  wait_until (mapped, sidebar (), "the sidebar");
  window_fixture_wait_frames ();
  g_assert_cmpint (gtk_widget_get_width (sidebar_pane ()), <=, 362);
  assert_within (sidebar_pane ());

  /* And back to a wide window: the languages are in the header again. */
  x11_resize (window, 1100, 760);
  wait_until (window_width_at_least, GINT_TO_POINTER (1000), "a wide window");
  wait_until (mapped, web_view (), "the page");
  window_fixture_wait_frames ();
  g_assert_nonnull (find_button (header, "Español"));
}

static gboolean
shows_index (gpointer data)
{
  return g_str_has_prefix (webkit_web_view_get_uri (web_view ()), "hl://index") &&
         !webkit_web_view_is_loading (web_view ());
}

/* A menu opened by a click lies over its button for a moment (its shadow
 * reaches over it), and its surface stays where it was once it has closed:
 * the clicks after it reach the button still, whether the menu was left with
 * Escape or with one of its items. */
static void
test_menu_again (void)
{
  GtkWidget *menu_button = hl_window_get_menu_button (fixture_window ());
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  g_autoptr(GString) item_text = g_string_new (_("Topics _A to Z"));
  GtkWidget *item;

  /* The item's label as shown, without its mnemonic mark. */
  g_string_replace (item_text, "_", "", 1);
  hl_window_open_uri (fixture_window (), "hl://home?lang=en");
  wait_for_page (_("Health Library"));

  for (int i = 0; i < 3; i++)
    {
      x11_click (menu_button, -1, -1);
      wait_until (popover_shown, popover, "the main menu");
      x11_key (GDK_KEY_Escape, 0);
      wait_until (popover_hidden, popover, "the main menu to close");
      /* The window lays itself out again, as it does after most changes. */
      window_fixture_wait_frames ();
    }

  x11_click (menu_button, -1, -1);
  wait_until (popover_shown, popover, "the main menu");
  item = window_fixture_find_label (popover, item_text->str);
  g_assert_nonnull (item);
  x11_click (item, -1, -1);
  wait_until (shows_index, NULL, "the topics from A to Z");
  wait_until (popover_hidden, popover, "the main menu to close");
  window_fixture_wait_frames ();
  x11_click (menu_button, -1, -1);
  wait_until (popover_shown, popover, "the main menu, after one of its items");
  x11_key (GDK_KEY_Escape, 0);
  wait_until (popover_hidden, popover, "the main menu to close");
}

static HlZoomRow *
zoom_row (void)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (
    GTK_MENU_BUTTON (hl_window_get_menu_button (fixture_window ()))));

  return HL_ZOOM_ROW (window_fixture_find_widget (popover, HL_TYPE_ZOOM_ROW));
}

static double
zoom (void)
{
  return webkit_web_view_get_zoom_level (web_view ());
}

/* The height of a clinic's name as drawn in the sidebar. */
static int
clinic_row_height (void)
{
  GtkWidget *label = window_fixture_find_label (GTK_WIDGET (sidebar ()), "Hughes Springs");
  PangoRectangle extents;

  g_assert_nonnull (label);
  pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (label)), NULL, &extents);
  return extents.height;
}

/* Fault 11: the zoom level is shown, and the sidebar follows it. */
static void
test_zoom (void)
{
  GtkWidget *menu_button = hl_window_get_menu_button (fixture_window ());
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  int height, width;
  char *label;

  hl_window_open_uri (fixture_window (), "hl://home?lang=en");
  wait_for_page (_("Health Library"));
  window_fixture_wait_frames ();
  g_assert_cmpfloat_with_epsilon (zoom (), 1.0, 0.001);
  height = clinic_row_height ();
  width = gtk_widget_get_width (sidebar_pane ());

  /* The main menu shows the level, − and +. */
  x11_key (GDK_KEY_F10, 0);
  wait_until (popover_shown, popover, "the main menu");
  label = g_strdup_printf (_("%d%%"), 100);
  g_assert_cmpstr (hl_zoom_row_get_text (zoom_row ()), ==, label);
  g_free (label);
  x11_key (GDK_KEY_Escape, 0);

  /* Ctrl++ and the row's + button. */
  x11_key (GDK_KEY_plus, GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (zoom (), 1.1, 0.001);
  x11_key (GDK_KEY_F10, 0);
  wait_until (popover_shown, popover, "the main menu");
  label = g_strdup_printf (_("%d%%"), 110);
  g_assert_cmpstr (hl_zoom_row_get_text (zoom_row ()), ==, label);
  g_free (label);
  x11_click (find_button_by_tooltip (popover, _("Zoom In")), -1, -1);
  g_assert_cmpfloat_with_epsilon (zoom (), 1.2, 0.001);
  label = g_strdup_printf (_("%d%%"), 120);
  g_assert_cmpstr (hl_zoom_row_get_text (zoom_row ()), ==, label);
  g_free (label);
  x11_key (GDK_KEY_Escape, 0);

  /* At 200 % and 300 % the sidebar's text has grown too, and its short
   * names are whole. */
  while (zoom () < 1.99)
    x11_key (GDK_KEY_plus, GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (zoom (), 2.0, 0.001);
  window_fixture_wait_frames ();
  g_assert_cmpint (clinic_row_height (), >=, height * 18 / 10);
  /* Wider too, as far as the page leaves it room: the page keeps the width
   * its header asks for. */
  {
    GtkWidget *content = gtk_widget_get_ancestor (GTK_WIDGET (web_view ()), GTK_TYPE_BOX);
    int room, content_natural;

    while (gtk_widget_get_parent (content) != NULL &&
           !ADW_IS_LEAFLET (gtk_widget_get_parent (content)))
      content = gtk_widget_get_parent (content);
    gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &content_natural,
                        NULL, NULL);
    room = gtk_widget_get_width (GTK_WIDGET (fixture_window ())) - content_natural - 1;
    g_assert_cmpint (gtk_widget_get_width (sidebar_pane ()), >, width);
    g_assert_cmpint (gtk_widget_get_width (sidebar_pane ()), >=, MIN (width * 13 / 10, room));
  }
  g_assert_false (label_ellipsized (window_fixture_find_label (GTK_WIDGET (sidebar ()),
                                                               "Hughes Springs")));

  while (zoom () < 2.99)
    x11_key (GDK_KEY_plus, GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (zoom (), 3.0, 0.001);
  window_fixture_wait_frames ();
  g_assert_cmpint (clinic_row_height (), >=, height * 27 / 10);
  g_assert_false (label_ellipsized (window_fixture_find_label (GTK_WIDGET (sidebar ()),
                                                               "Hughes Springs")));

  /* The level is the way back. */
  x11_key (GDK_KEY_F10, 0);
  wait_until (popover_shown, popover, "the main menu");
  x11_click (find_button_by_tooltip (popover, _("Normal Size")), -1, -1);
  g_assert_cmpfloat_with_epsilon (zoom (), 1.0, 0.001);
  window_fixture_wait_frames ();
  g_assert_cmpint (clinic_row_height (), ==, height);
}

/* libadwaita 1.2 now and then snapshots one of its own gizmos in the frame
 * in which a resize across the fold reallocates the leaflet; GTK warns and
 * draws it in the next frame. Only that toolkit warning is let through; every
 * other warning still fails the test. */
static gboolean
fatal_log_cb (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Gtk") == 0 &&
           (log_level & G_LOG_LEVEL_WARNING) != 0 &&
           g_str_has_prefix (message, "Trying to snapshot AdwGizmo ") &&
           g_str_has_suffix (message, " without a current allocation"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_log_set_fatal_handler (fatal_log_cb, NULL);
  window_fixture_use_window_manager ();
  window_fixture_start ();

  g_test_add_func ("/ui/layout/sidebar-fixed-width", test_sidebar_fixed_width);
  g_test_add_func ("/ui/layout/narrow-window", test_narrow_window);
  g_test_add_func ("/ui/layout/menu-again", test_menu_again);
  g_test_add_func ("/ui/layout/zoom", test_zoom);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
