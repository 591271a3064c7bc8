/* test-window-language.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Switching the language of the topics, with the header's buttons clicked
 * and hits opened by keys as a person would: what the window shows and what
 * it says must always be true. */

#include "config.h"

#include <glib/gi18n.h>

#include "window-fixture.h"
#include "x11-input.h"

static const char *
language (void)
{
  return hl_window_get_content_language (fixture_window ());
}

static gboolean
button_shown (gpointer data)
{
  return find_button (GTK_WIDGET (fixture_window ()), data) != NULL;
}

/* The header's language button labelled @label. */
static GtkWidget *
toggle (const char *label)
{
  wait_until (button_shown, (gpointer) label, label);
  return find_button (GTK_WIDGET (fixture_window ()), label);
}

static gboolean
language_is (gpointer data)
{
  return g_strcmp0 (language (), data) == 0 && loaded (NULL);
}

/* The header's subtitle: what the page is, when not what the buttons say. */
static const char *
subtitle (void)
{
  GtkWidget *title = window_fixture_find_widget (GTK_WIDGET (fixture_window ()),
                                                 ADW_TYPE_WINDOW_TITLE);

  const char *text;

  g_assert_nonnull (title);
  text = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
uri_has_suffix (gpointer data)
{
  return loaded (NULL) && g_str_has_suffix (webkit_web_view_get_uri (web_view ()), data) &&
         webkit_web_view_get_title (web_view ()) != NULL;
}

/* Fault 3: a topic the library has in English only. */
static gboolean
label_shown (gpointer data)
{
  return window_fixture_find_label (GTK_WIDGET (fixture_window ()), data) != NULL;
}

static void
test_topic_without_counterpart (void)
{
  g_autofree char *message = g_strdup_printf (_("“%s” is not in the library in Spanish."),
                                              "Diabetes");
  g_autofree char *false_message = g_strdup_printf (_("“%s” is not in the library in English."),
                                                    "Diabetes");

  hl_window_open_uri (fixture_window (), "hl://topic/4");
  wait_for_page ("Diabetes");
  g_assert_cmpstr (language (), ==, "en");

  /* Español: the sidebar, the toggle and the page all go Spanish (the
   * sample has none of Diabetes's groups in Spanish: the home page), and
   * the reader is told why. */
  x11_click (toggle ("Español"), -1, -1);
  wait_until (language_is, "es", "the Spanish language");
  wait_until (uri_has_suffix, "lang=es", "a page in Spanish");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://home?lang=es");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle ("Español"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle ("English"))));
  g_assert_false (has_row ("Diabetes"));
  g_assert_nonnull (window_fixture_find_label (GTK_WIDGET (fixture_window ()), message));
  /* No page in the view is in another language than the buttons say. */
  g_assert_null (subtitle ());

  /* English again: the same page in English, and no word about a topic
   * being missing in English. */
  x11_click (toggle ("English"), -1, -1);
  wait_until (language_is, "en", "English again");
  wait_until (uri_has_suffix, "lang=en", "the page in English");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://home?lang=en");
  g_assert_null (window_fixture_find_label (GTK_WIDGET (fixture_window ()), false_message));
  g_assert_null (subtitle ());

  /* A Spanish topic with no English version, from Spanish: its group in
   * English, where that group has English topics. */
  x11_click (toggle ("Español"), -1, -1);
  wait_until (language_is, "es", "the Spanish language");
  hl_window_open_uri (fixture_window (), "hl://topic/990008");
  wait_for_page ("Tos");
  x11_click (toggle ("English"), -1, -1);
  wait_until (language_is, "en", "English again");
  wait_until (uri_has_suffix, "lang=en", "a page in English");
  g_assert_true (g_str_has_prefix (webkit_web_view_get_uri (web_view ()), "hl://group/"));
  g_free (message);
  message = g_strdup_printf (_("“%s” is not in the library in English."), "Tos");
  /* The toast before it stays on show for a moment first. */
  wait_until (label_shown, message, "the message about the topic");

  /* From a topic with a counterpart the page itself changes. */
  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_for_page ("Abdominal Pain");
  x11_click (toggle ("Español"), -1, -1);
  wait_for_page ("Dolor abdominal");
  g_assert_cmpstr (language (), ==, "es");
  x11_click (toggle ("English"), -1, -1);
  wait_for_page ("Abdominal Pain");
  g_assert_cmpstr (language (), ==, "en");
}

static gboolean
search_for (gpointer data)
{
  return g_strcmp0 (hl_sidebar_get_search_text (sidebar ()), data) == 0 &&
         gtk_list_box_get_row_at_index (hl_sidebar_get_visible_list (sidebar ()), 0) != NULL;
}

/* Fault 4: a hit in the other language opens without switching the app. */
static void
test_hit_in_other_language (void)
{
  GtkEditable *entry = GTK_EDITABLE (hl_window_get_search_entry (fixture_window ()));

  hl_window_open_uri (fixture_window (), "hl://home?lang=en");
  wait_for_page (_("Health Library"));
  g_assert_cmpstr (language (), ==, "en");

  x11_key (GDK_KEY_k, GDK_CONTROL_MASK);
  x11_type ("tos");
  wait_until (search_for, "tos", "the hits for “tos”");
  /* The best hit is the Spanish topic “Tos”: Enter opens it. */
  x11_key (GDK_KEY_Return, 0);
  wait_for_page ("Tos");

  /* The reader's language has not changed: buttons, sidebar, search. */
  g_assert_cmpstr (language (), ==, "en");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle ("English"))));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "tos");
  gtk_editable_set_text (entry, "");
  g_assert_true (has_row ("Digestive System"));
  /* And the header says that this page is in Spanish. */
  g_assert_cmpstr (subtitle (), ==, _("Page in Spanish"));

  /* Choosing Spanish now keeps the page, which is Spanish already, and has
   * nothing to complain about. */
  x11_click (toggle ("Español"), -1, -1);
  wait_until (language_is, "es", "the Spanish language");
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Tos");
  g_assert_null (subtitle ());
  g_assert_true (has_row ("Sistema digestivo"));

  x11_click (toggle ("English"), -1, -1);
  wait_until (language_is, "en", "English again");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  window_fixture_use_window_manager ();
  window_fixture_start ();

  g_test_add_func ("/ui/language/topic-without-counterpart", test_topic_without_counterpart);
  g_test_add_func ("/ui/language/hit-in-other-language", test_hit_in_other_language);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
