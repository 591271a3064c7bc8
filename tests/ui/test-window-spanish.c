/* test-window-spanish.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The app started in Spanish (LANGUAGE=es): its own words are Spanish, and
 * the topics follow the UI language. */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-catalog.h"
#include "hl-handout-dialog.h"
#include "window-fixture.h"

/* The text is translated, and not left in English. */
static void
assert_spanish (const char *shown,
                const char *english)
{
  g_assert_cmpstr (shown, ==, _(english));
  g_assert_cmpstr (shown, !=, english);
}

static GtkWidget *
find_child (GtkWidget  *widget,
            const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_ui_strings (void)
{
  GtkWidget *entry = hl_window_get_search_entry (fixture_window ());
  g_autofree char *placeholder = NULL;

  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  assert_spanish (placeholder, "Search topics");

  /* Icon-only buttons carry a translated tooltip. */
  g_assert_nonnull (find_child (GTK_WIDGET (fixture_window ()), _("Back")));
  g_assert_nonnull (find_child (GTK_WIDGET (fixture_window ()), _("Main Menu")));
  assert_spanish (_("Back"), "Back");

  /* The sidebar's sections. */
  g_assert_nonnull (find_row (hl_sidebar_get_visible_list (sidebar ()), "Hughes Springs"));
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The main menu's shortcuts read as the keys do ("Ctrl+F"), never as the
 * keypad's ("Ctrl+TN +" in Spanish). */
static void
test_menu_shortcuts (void)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (hl_window_get_menu_button (fixture_window ()));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_autoptr(GPtrArray) accels = NULL;

  gtk_menu_button_popup (button);
  wait_until (popover_shown, popover, "the main menu");
  accels = window_fixture_menu_accels (popover);
  g_assert_cmpuint (accels->len, >=, 3);
  window_fixture_assert_no_keypad_labels (accels);
  gtk_menu_button_popdown (button);
}

static void
test_spanish_content (void)
{
  /* With no setting, the topics are in the language of the UI. */
  g_assert_cmpstr (hl_window_get_content_language (fixture_window ()), ==, "es");
  g_assert_true (has_row ("Sistema digestivo"));
  g_assert_false (has_row ("Digestive System"));

  /* The home page speaks Spanish too. */
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==,
                   hl_catalog_gettext ("es", "Health Library"));
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), !=, "Health Library");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture_window ())), ==,
                   webkit_web_view_get_title (web_view ()));

  activate_row ("Sistema digestivo");
  wait_for_page ("Sistema digestivo");
  activate_row ("Dolor abdominal");
  wait_for_page ("Dolor abdominal");
}

static gboolean
has_handout_dialog (gpointer data)
{
  return find_toplevel (HL_TYPE_HANDOUT_DIALOG) != NULL;
}

/* The handout dialog and the basket speak Spanish too. */
static void
test_handout_strings (void)
{
  GtkWindow *dialog;

  hl_window_open_uri (fixture_window (), "hl://topic/3062");
  wait_for_page ("Dolor abdominal");
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.print-handout", NULL);
  wait_until (has_handout_dialog, NULL, "the handout dialog");
  dialog = find_toplevel (HL_TYPE_HANDOUT_DIALOG);
  assert_spanish (gtk_window_get_title (dialog), "Print Handout");
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), _("_Save as PDF…")));
  g_assert_cmpstr (_("_Save as PDF…"), !=, "_Save as PDF…");
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.add-to-basket", NULL);
  g_assert_nonnull (find_child (GTK_WIDGET (fixture_window ()), _("Print, Save or Empty the Basket")));
  assert_spanish (_("Print, Save or Empty the Basket"), "Print, Save or Empty the Basket");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything reads the locale. LANGUAGE needs a locale other than C. */
  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");

  g_test_init (&argc, &argv, NULL);
  window_fixture_start ();

  g_test_add_func ("/ui/window-spanish/ui-strings", test_ui_strings);
  g_test_add_func ("/ui/window-spanish/content", test_spanish_content);
  g_test_add_func ("/ui/window-spanish/handout", test_handout_strings);
  g_test_add_func ("/ui/window-spanish/menu-shortcuts", test_menu_shortcuts);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
