/* test-window-search.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Searching as a new user does, with keys pressed under a window manager:
 * the snippets under the hits, and clinics found by name, town or service,
 * above the topics, in English and Spanish. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "window-fixture.h"
#include "x11-input.h"

typedef struct
{
  const char *text;
  int         n_rows;
} Results;

static gboolean
has_results (gpointer data)
{
  Results *results = data;
  GtkListBox *list = hl_sidebar_get_visible_list (sidebar ());

  return g_strcmp0 (hl_sidebar_get_search_text (sidebar ()), results->text) == 0 &&
         gtk_list_box_get_row_at_index (list, results->n_rows - 1) != NULL;
}

/* Ctrl+K, the text typed key by key, and its results. */
static GtkListBox *
type_search (const char *text,
             int         n_rows)
{
  Results results = { text, n_rows };
  g_autofree char *collapsed = g_strstrip (g_strdup (text));

  results.text = collapsed;
  x11_key (GDK_KEY_k, GDK_CONTROL_MASK);
  x11_type (text);
  wait_until (has_results, &results, "the search results");
  return hl_sidebar_get_visible_list (sidebar ());
}

/* The labels of a row, top to bottom. */
static GPtrArray *
row_labels (GtkListBoxRow *row)
{
  GPtrArray *labels = g_ptr_array_new ();
  GPtrArray *todo = g_ptr_array_new ();

  g_ptr_array_add (todo, gtk_list_box_row_get_child (row));
  while (todo->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (todo, 0);

      if (GTK_IS_LABEL (widget))
        g_ptr_array_add (labels, widget);
      for (GtkWidget *child = gtk_widget_get_last_child (widget); child != NULL;
           child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_insert (todo, 0, child);
    }
  g_ptr_array_unref (todo);

  return labels;
}

static const char *
row_uri (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "uri");
}

/* The snippet under a topic hit: its last, dimmed label. */
static GtkLabel *
row_snippet (GtkListBoxRow *row)
{
  g_autoptr(GPtrArray) labels = row_labels (row);
  GtkWidget *last = labels->len > 1 ? g_ptr_array_index (labels, labels->len - 1) : NULL;

  return last != NULL && gtk_widget_has_css_class (last, "dim-label") ? GTK_LABEL (last) : NULL;
}

static void
assert_snippet_reads_well (const char *query,
                           const char *text)
{
  gunichar first = g_utf8_get_char (text);
  const char *end = g_utf8_find_prev_char (text, text + strlen (text));
  gunichar last = g_utf8_get_char (end);

  if (strstr (text, "NIH:") != NULL || strchr (text, '\n') != NULL)
    g_error ("The snippet for “%s” has its source's line: “%s”", query, text);
  if (!(g_unichar_isupper (first) || g_unichar_isdigit (first) || first == 0x2026 ||
        first == 0xBF || first == 0xA1))
    g_error ("The snippet for “%s” starts mid-sentence: “%s”", query, text);
  if (!(last == '.' || last == '?' || last == '!' || last == ':' || last == 0x2026))
    g_error ("The snippet for “%s” ends mid-sentence: “%s”", query, text);
}

/* Fault 8: whole sentences of the summary, the matches in bold. */
static void
test_snippets (void)
{
  static const char *queries[] = { "diab", "kidney", "pain", "genes" };
  GtkListBox *list;
  GtkLabel *snippet;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      GtkListBoxRow *row;

      list = type_search (queries[q], 1);
      for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
        if ((snippet = row_snippet (row)) != NULL)
          assert_snippet_reads_well (queries[q], gtk_label_get_text (snippet));
    }

  /* "diab": the first hit's snippet has the word, in bold. */
  list = type_search ("diab", 1);
  snippet = row_snippet (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (snippet);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (snippet), "Diabetes"));
  g_assert_nonnull (strstr (gtk_label_get_label (snippet), "<b>Diabetes</b>"));

  /* "kidney" is only in the summaries' attribution lines: nothing shown is
   * marked, for no sentence shown has the word. */
  list = type_search ("kidney", 1);
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      snippet = row_snippet (gtk_list_box_get_row_at_index (list, i));
      if (snippet != NULL)
        g_assert_null (strstr (gtk_label_get_label (snippet), "<b>"));
    }
}

static GtkWidget *
row_header_label (GtkListBoxRow *row)
{
  GtkWidget *header = gtk_list_box_row_get_header (row);

  return header != NULL && GTK_IS_LABEL (header) ? header : NULL;
}

static const char *
row_title (GtkListBoxRow *row)
{
  g_autoptr(GPtrArray) labels = row_labels (row);

  return labels->len > 0 ? gtk_label_get_text (g_ptr_array_index (labels, 0)) : NULL;
}

static const char *towns[] = {
  "Gladewater", "Hughes Springs", "Jefferson", "Kilgore", "Lindale", "Linden", "Lone Star",
  "Longview", "Marshall", "Tatum",
};

static gboolean
language_is (gpointer data)
{
  return g_strcmp0 (hl_window_get_content_language (fixture_window ()), data) == 0 &&
         loaded (NULL);
}

/* Fault 9: clinics by name and town, above the topics, in both languages. */
static void
test_clinics (void)
{
  GtkListBox *list;
  GtkListBoxRow *first;
  int i;

  /* By town; Enter opens the clinic's page. */
  list = type_search ("kilgore", 1);
  first = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (row_title (first), ==, "Kilgore");
  g_assert_cmpstr (row_uri (first), ==, "hl://clinic/kilgore");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_header_label (first))), ==, _("Clinics"));
  x11_key (GDK_KEY_Return, 0);
  wait_for_page ("Kilgore");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://clinic/kilgore");

  /* "clinic" lists them all, by town. */
  list = type_search ("clinic", 10);
  for (i = 0; i < (int) G_N_ELEMENTS (towns); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_cmpstr (row_title (row), ==, towns[i]);
      g_assert_true (g_str_has_prefix (row_uri (row), "hl://clinic/"));
    }

  /* Clinics and topics in one search ("lin" starts "Lindale", "Linden" and
   * words of some summaries): the clinics first, each part with its
   * heading. */
  list = type_search ("lin", 3);
  first = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (row_title (first), ==, "Lindale");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_header_label (first))), ==, _("Clinics"));
  g_assert_cmpstr (row_title (gtk_list_box_get_row_at_index (list, 1)), ==, "Linden");
  first = gtk_list_box_get_row_at_index (list, 2);
  g_assert_true (g_str_has_prefix (row_uri (first), "hl://topic/"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_header_label (first))), ==,
                   _("Health Topics"));

  /* In Spanish, with the accent typed. */
  x11_click (find_button (GTK_WIDGET (fixture_window ()), "Español"), -1, -1);
  wait_until (language_is, "es", "the Spanish language");
  list = type_search ("clínica kilgore", 1);
  first = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (row_uri (first), ==, "hl://clinic/kilgore");
  x11_key (GDK_KEY_Return, 0);
  wait_for_page ("Kilgore");
  list = type_search ("clinicas", 10);
  for (i = 0; i < (int) G_N_ELEMENTS (towns); i++)
    g_assert_cmpstr (row_title (gtk_list_box_get_row_at_index (list, i)), ==, towns[i]);

  gtk_editable_set_text (GTK_EDITABLE (hl_window_get_search_entry (fixture_window ())), "");
  x11_click (find_button (GTK_WIDGET (fixture_window ()), "English"), -1, -1);
  wait_until (language_is, "en", "English again");
}

/* The sidebar lists the clinics by town, as people look them up. */
static void
test_clinics_by_town (void)
{
  GtkListBox *list;

  hl_window_open_uri (fixture_window (), "hl://home?lang=en");
  wait_for_page (_("Health Library"));
  list = hl_sidebar_get_visible_list (sidebar ());
  g_assert_cmpstr (hl_sidebar_get_mode (sidebar ()), ==, "browse");

  for (guint i = 0; i < G_N_ELEMENTS (towns); i++)
    g_assert_cmpstr (row_title (gtk_list_box_get_row_at_index (list, i)), ==, towns[i]);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  window_fixture_use_window_manager ();
  window_fixture_start ();

  g_test_add_func ("/ui/search/snippets", test_snippets);
  g_test_add_func ("/ui/search/clinics", test_clinics);
  g_test_add_func ("/ui/search/clinics-by-town", test_clinics_by_town);

  status = g_test_run ();

  window_fixture_stop ();
  return status;
}
