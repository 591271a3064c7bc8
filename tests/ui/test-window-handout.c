/* test-window-handout.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Handouts and take-home in the real window: Read on your phone read off
 * the screen by a QR reader; the handout dialog's preview, options, Save as
 * PDF through the file chooser and Print… through the print dialog; the
 * basket in the sidebar; bookmarks and history through an import and a
 * restart. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <string.h>

#include "hl-basket-section.h"
#include "hl-catalog.h"
#include "hl-bookmarks-section.h"
#include "hl-handout-dialog.h"
#include "hl-paths.h"
#include "test-util.h"
#include "window-fixture.h"

static char *scratch;

/* Helpers */

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s is needed by this test (see build-aux/debian-packages.txt): %s", argv[0],
             error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_clear_pointer (&out, g_free);
  return out;
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  char *text = run (argv);

  g_assert_nonnull (text);
  return text;
}

/* What a QR reader finds in the images of @pdf, one a line. */
static char *
pdf_qr_codes (const char *pdf)
{
  g_autofree char *prefix = g_build_filename (scratch, "qr", NULL);
  const char *extract[] = { "pdfimages", "-png", pdf, prefix, NULL };
  g_autoptr(GString) found = g_string_new (NULL);

  g_free (run (extract));

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *image = g_strdup_printf ("%s-%03u.png", prefix, i);
      const char *read[] = { "zbarimg", "--quiet", "--raw", image, NULL };
      g_autofree char *code = NULL;

      if (!g_file_test (image, G_FILE_TEST_EXISTS))
        break;
      code = run (read);
      if (code != NULL)
        g_string_append (found, code);
      g_unlink (image);
    }

  return g_string_free (g_steal_pointer (&found), FALSE);
}

static gboolean
file_complete (gpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* A PDF ends with its end-of-file marker. */
  return g_file_get_contents (path, &contents, &length, NULL) && length > 8 &&
         g_strstr_len (contents + length - MIN (length, 32), MIN (length, 32), "%%EOF") != NULL;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Lets the main loop run for a while: for a file chooser to read its folder. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  wait_until (is_true, &done, "a moment");
}

/* Presses the file chooser's accept button, as a click would. */
static void
accept_chooser (GtkWindow  *chooser,
                const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (chooser), label);

  g_assert_nonnull (button);
  settle (300);
  gtk_widget_activate (button);
}

static gboolean
exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
has_bookmarks (gpointer data)
{
  HlUserData *user = hl_user_session_get_user_data (hl_application_get_user_session (fixture_app ()));

  return g_list_model_get_n_items (hl_user_data_get_bookmarks (user)) > 0;
}

static gboolean
has_toplevel (gpointer data)
{
  GtkWindow *window = find_toplevel (GPOINTER_TO_SIZE (data));

  /* Shown: a file chooser keeps one hidden. */
  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static GtkWindow *
wait_for_toplevel (GType       type,
                   const char *what)
{
  wait_until (has_toplevel, GSIZE_TO_POINTER (type), what);
  return find_toplevel (type);
}

static void
show_topic (int         id,
            const char *title)
{
  g_autofree char *uri = g_strdup_printf ("hl://topic/%d", id);

  hl_window_open_uri (fixture_window (), uri);
  wait_for_page (title);
}

static void
activate (const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), action, NULL));
}

static HlUserSession *
session (void)
{
  return hl_application_get_user_session (fixture_app ());
}

static HlBasketSection *
basket_section (void)
{
  return HL_BASKET_SECTION (gtk_widget_get_template_child (GTK_WIDGET (fixture_window ()),
                                                           HL_TYPE_WINDOW, "basket_section"));
}

static HlBookmarksSection *
bookmarks_section (void)
{
  return HL_BOOKMARKS_SECTION (gtk_widget_get_template_child (GTK_WIDGET (sidebar ()),
                                                              HL_TYPE_SIDEBAR, "bookmarks_section"));
}

/* The titles of the rows of @list, joined with "|". */
static char *
row_titles (GtkListBox *list)
{
  GString *titles = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *w = gtk_list_box_row_get_child (row);

      while (w != NULL && !GTK_IS_LABEL (w))
        w = gtk_widget_get_first_child (w);
      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", w ? gtk_label_get_label (GTK_LABEL (w)) : "?");
    }

  return g_string_free (titles, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

/* Read on your phone, off the screen */

typedef struct
{
  GdkTexture *texture;
  gboolean    done;
} Snapshot;

static void
snapshot_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Snapshot *snapshot = data;
  g_autoptr(GError) error = NULL;

  snapshot->texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result, &error);
  g_assert_no_error (error);
  snapshot->done = TRUE;
}

static gboolean
snapshot_done (gpointer data)
{
  return ((Snapshot *) data)->done;
}

/* What a QR reader reads off the web view as drawn. */
static char *
read_screen_qr (void)
{
  Snapshot snapshot = { NULL, FALSE };
  g_autofree char *png = g_build_filename (scratch, "screen.png", NULL);
  const char *argv[] = { "zbarimg", "--quiet", "--raw", png, NULL };
  char *code;

  webkit_web_view_get_snapshot (web_view (), WEBKIT_SNAPSHOT_REGION_VISIBLE,
                                WEBKIT_SNAPSHOT_OPTIONS_NONE, NULL, snapshot_cb, &snapshot);
  wait_until (snapshot_done, &snapshot, "a snapshot of the page");
  g_assert_true (gdk_texture_save_to_png (snapshot.texture, png));
  g_object_unref (snapshot.texture);

  code = run (argv);
  g_assert_nonnull (code);
  g_strchomp (code);
  g_unlink (png);
  return code;
}

static void
test_read_on_phone (void)
{
  g_autofree char *english = NULL;
  g_autofree char *spanish = NULL;

  show_topic (3061, "Abdominal Pain");
  english = read_screen_qr ();
  g_assert_cmpstr (english, ==, "https://medlineplus.gov/abdominalpain.html");

  show_topic (3062, "Dolor abdominal");
  spanish = read_screen_qr ();
  g_assert_cmpstr (spanish, ==, "https://medlineplus.gov/spanish/abdominalpain.html");
}

/* The handout dialog */

static HlHandoutDialog *
open_handout_dialog (void)
{
  activate ("win.print-handout");
  return HL_HANDOUT_DIALOG (wait_for_toplevel (HL_TYPE_HANDOUT_DIALOG, "the handout dialog"));
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Saves through the file chooser, as a person would: Save as PDF…, a name,
 * Save. */
static void
save_through_chooser (GtkWidget  *button,
                      const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  GtkWindow *chooser;

  g_signal_emit_by_name (button, "clicked");
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, "the file chooser");
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  /* Once it has read its first folder, which would take the place of ours. */
  settle (500);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  accept_chooser (chooser, _("_Save"));
  wait_until (file_complete, (gpointer) path, "the PDF to be written");
}

static gboolean
printer_chosen (gpointer data)
{
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (data);

  return printer != NULL && g_strcmp0 (gtk_printer_get_name (printer), "Print to File") == 0;
}

/* Prints through the print dialog to its "Print to File" printer. */
static void
print_through_dialog (GtkWidget  *button,
                      const char *path)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkWindow *dialog;

  g_signal_emit_by_name (button, "clicked");
  dialog = wait_for_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG, "the print dialog");

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (dialog), settings);
  wait_until (printer_chosen, dialog, "the Print to File printer");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  wait_until (file_complete, (gpointer) path, "the printout");
}

static void
test_handout_dialog (void)
{
  g_autofree char *saved = g_build_filename (scratch, "both.pdf", NULL);
  g_autofree char *printed = g_build_filename (scratch, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *codes = NULL;
  HlHandoutDialog *dialog;
  HlHandout *handout;
  AdwComboRow *language;
  GtkSwitch *large;
  GListModel *languages;
  guint normal_pages;

  show_topic (3061, "Abdominal Pain");
  dialog = open_handout_dialog ();
  handout = hl_handout_dialog_get_handout (dialog);
  g_assert_cmpuint (hl_handout_get_n_pages (handout), >=, 1);
  /* One page in the preview for every page of the handout. */
  g_assert_cmpuint (count_widgets (GTK_WIDGET (dialog), GTK_TYPE_DRAWING_AREA), ==,
                    hl_handout_get_n_pages (handout));

  /* The topic's language first, then the other and both. */
  language = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  languages = adw_combo_row_get_model (language);
  g_assert_cmpuint (g_list_model_get_n_items (languages), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (languages), 0), ==, _("English"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (languages), 2), ==,
                   _("Both Languages"));
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 0);

  /* Large print makes more pages, and the preview follows. */
  normal_pages = hl_handout_get_n_pages (handout);
  large = GTK_SWITCH (find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH));
  gtk_switch_set_active (large, TRUE);
  g_assert_true (hl_handout_get_large_print (handout));
  g_assert_cmpuint (hl_handout_get_n_pages (handout), >, normal_pages);
  gtk_switch_set_active (large, FALSE);

  adw_combo_row_set_selected (language, 2);
  g_assert_cmpint (hl_handout_get_language (handout), ==, HL_HANDOUT_LANGUAGE_BOTH);
  g_assert_cmpuint (hl_handout_get_n_pages (handout), ==, 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_widgets (GTK_WIDGET (dialog), GTK_TYPE_DRAWING_AREA), ==, 2);

  /* Save as PDF… */
  save_through_chooser (find_button (GTK_WIDGET (dialog), _("_Save as PDF…")), saved);
  text = pdf_text (saved);
  g_assert_nonnull (strstr (text, "Abdominal Pain"));
  g_assert_nonnull (strstr (text, "Dolor abdominal"));
  g_assert_nonnull (strstr (text, "Page 1 of 2"));
  g_assert_nonnull (strstr (text, "Página 2 de 2"));
  codes = pdf_qr_codes (saved);
  g_assert_cmpstr (codes, ==, "https://medlineplus.gov/abdominalpain.html\n"
                              "https://medlineplus.gov/spanish/abdominalpain.html\n");

  /* Print… to the print dialog's file printer: the same handout. */
  print_through_dialog (find_button (GTK_WIDGET (dialog), _("_Print…")), printed);
  g_clear_pointer (&text, g_free);
  text = pdf_text (printed);
  g_assert_nonnull (strstr (text, "PhyNet Health"));
  g_assert_nonnull (strstr (text, "(903) 212-7500"));
  g_assert_nonnull (strstr (text, "Dolor abdominal"));
  g_assert_nonnull (strstr (text, "Health information from MedlinePlus"));
  g_assert_nonnull (strstr (text, "https://gi.org/topics/abdominal-pain/"));
  g_clear_pointer (&codes, g_free);
  codes = pdf_qr_codes (printed);
  g_assert_nonnull (strstr (codes, "https://medlineplus.gov/abdominalpain.html"));

  close_window (GTK_WINDOW (dialog));
  g_unlink (saved);
  g_unlink (printed);
}

/* A topic without a counterpart offers its own language only. */
static void
test_handout_dialog_one_language (void)
{
  HlHandoutDialog *dialog;
  GListModel *languages;

  show_topic (4, "Diabetes");
  dialog = open_handout_dialog ();
  languages = adw_combo_row_get_model (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog),
                                                                   ADW_TYPE_COMBO_ROW)));
  g_assert_cmpuint (g_list_model_get_n_items (languages), ==, 1);
  g_assert_cmpuint (hl_handout_get_n_pages (hl_handout_dialog_get_handout (dialog)), >, 1);
  close_window (GTK_WINDOW (dialog));

  /* Nothing to print on a page that is not a topic. */
  activate ("win.home");
  wait_for_page (_("Health Library"));
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.print-handout", NULL);
  settle (100);
  g_assert_null (find_toplevel (HL_TYPE_HANDOUT_DIALOG));
}

/* The basket */

static void
test_basket (void)
{
  HlBasket *basket = hl_user_session_get_basket (session ());
  GtkListBox *list = hl_basket_section_get_list (basket_section ());
  g_autofree char *pdf = g_build_filename (scratch, "basket.pdf", NULL);
  g_autofree char *titles = NULL;
  g_autofree char *text = NULL;
  HlHandoutDialog *dialog;
  GtkLabel *count;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (basket_section ())));

  show_topic (990013, "Asthma");
  activate ("win.add-to-basket");
  show_topic (4, "Diabetes");
  activate ("win.add-to-basket");
  show_topic (3062, "Dolor abdominal");
  activate ("win.add-to-basket");
  activate ("win.add-to-basket");

  /* A section of the sidebar, with its count. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (basket_section ())));
  count = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (basket_section ()),
                                                    HL_TYPE_BASKET_SECTION, "count_label"));
  g_assert_nonnull (count);
  g_assert_cmpstr (gtk_label_get_label (count), ==, "3");
  titles = row_titles (list);
  g_assert_cmpstr (titles, ==, "Asthma|Diabetes|Dolor abdominal");

  /* Reordered and trimmed through the rows' actions. */
  gtk_widget_activate_action (GTK_WIDGET (basket_section ()), "basket.move-up", "i", 3062);
  gtk_widget_activate_action (GTK_WIDGET (basket_section ()), "basket.move-up", "i", 3062);
  g_clear_pointer (&titles, g_free);
  titles = row_titles (list);
  g_assert_cmpstr (titles, ==, "Dolor abdominal|Asthma|Diabetes");
  gtk_widget_activate_action (GTK_WIDGET (basket_section ()), "basket.move-down", "i", 990013);
  gtk_widget_activate_action (GTK_WIDGET (basket_section ()), "basket.remove", "i", 4);
  g_clear_pointer (&titles, g_free);
  titles = row_titles (list);
  g_assert_cmpstr (titles, ==, "Dolor abdominal|Asthma");
  show_topic (3061, "Abdominal Pain");
  activate ("win.add-to-basket");

  /* One PDF, one header, a contents list, the topics in the basket's order. */
  activate ("win.print-basket");
  dialog = HL_HANDOUT_DIALOG (wait_for_toplevel (HL_TYPE_HANDOUT_DIALOG, "the basket's dialog"));
  g_assert_cmpuint (hl_handout_get_n_topics (hl_handout_dialog_get_handout (dialog)), ==, 3);
  save_through_chooser (find_button (GTK_WIDGET (dialog), _("_Save as PDF…")), pdf);
  close_window (GTK_WINDOW (dialog));
  text = pdf_text (pdf);
  /* One header; the helpline is at the foot of every page as well. */
  g_assert_cmpuint (hl_test_count_occurrences (text, "PhyNet Health\n\nLínea de ayuda 24/7:"), ==, 1);
  /* In the language of the first topic, Spanish here. */
  g_assert_nonnull (strstr (text, hl_catalog_gettext ("es", "In This Handout")));
  g_assert_cmpstr (hl_catalog_gettext ("es", "In This Handout"), !=, "In This Handout");
  {
    static const char *order[] = { "1. Dolor abdominal", "2. Asthma", "3. Abdominal Pain",
                                   "\nDolor abdominal\n", "\nAsthma\n", "\nAbdominal Pain\n",
                                   NULL };
    hl_test_assert_in_order (pdf, text, order);
  }
  g_unlink (pdf);

  /* Emptied, and back with Undo. */
  activate ("win.empty-basket");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (basket)), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (basket_section ())));
  activate ("win.undo-empty-basket");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (basket)), ==, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (basket_section ())));
  g_clear_pointer (&titles, g_free);
  titles = row_titles (list);
  g_assert_cmpstr (titles, ==, "Dolor abdominal|Asthma|Abdominal Pain");

  /* A row opens its topic. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  wait_for_page ("Asthma");
}

/* Bookmarks and history, through an import and a restart */

static gboolean
library_has_topic (gpointer data)
{
  HlTopicStore *store = hl_library_get_store (hl_application_get_library (fixture_app ()));
  g_autoptr(HlTopicRef) topic = store ? hl_topic_store_get_topic_ref (store, GPOINTER_TO_INT (data), NULL)
                                      : NULL;

  return hl_library_get_state (hl_application_get_library (fixture_app ())) == HL_LIBRARY_STATE_READY &&
         topic != NULL;
}

static void
test_bookmarks_history (void)
{
  HlUserData *user = hl_user_session_get_user_data (session ());
  GtkListBox *list = hl_bookmarks_section_get_list (bookmarks_section ());
  g_autofree char *json = g_build_filename (scratch, "bookmarks.json", NULL);
  g_autofree char *titles = NULL;
  g_autofree char *text = NULL;
  g_autofree char *special = g_test_build_filename (G_TEST_DIST, "data", "special-characters.xml",
                                                    NULL);
  g_autofree char *starter = hl_paths_find_starter_topics ();
  GListModel *history;

  show_topic (3061, "Abdominal Pain");
  activate ("win.toggle-bookmark");
  show_topic (990013, "Asthma");
  activate ("win.toggle-bookmark");
  g_assert_true (hl_user_data_is_bookmarked (user, 3061));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bookmarks_section ())));
  titles = row_titles (list);
  g_assert_cmpstr (titles, ==, "Abdominal Pain|Asthma");

  /* The star follows: on, then off again. */
  activate ("win.toggle-bookmark");
  g_assert_false (hl_user_data_is_bookmarked (user, 990013));
  activate ("win.toggle-bookmark");
  g_assert_true (hl_user_data_is_bookmarked (user, 990013));

  /* Recently viewed, on the home page. */
  history = hl_user_data_get_history (user);
  {
    g_autoptr(HlUserTopic) last = g_list_model_get_item (history, 0);

    g_assert_cmpint (hl_user_topic_get_id (last), ==, 990013);
  }

  /* Exported through the file chooser. */
  activate ("win.export-bookmarks");
  {
    GtkWindow *chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, "the file chooser");
    g_autoptr(GFile) file = g_file_new_for_path (json);

    settle (500);
    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "bookmarks.json");
    accept_chooser (chooser, _("_Export"));
  }
  wait_until (exists, json, "the bookmarks file");
  g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"id\" : 3061"));
  g_assert_nonnull (strstr (text, "\"id\" : 990013"));

  /* A library without those topics: the bookmarks stay, marked missing. */
  hl_library_import_async (hl_application_get_library (fixture_app ()), special, NULL, NULL, NULL);
  wait_until (library_has_topic, GINT_TO_POINTER (9201), "the other library");
  g_clear_pointer (&titles, g_free);
  titles = row_titles (list);
  g_assert_cmpstr (titles, ==, "Abdominal Pain|Asthma");
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 0)));
  {
    g_autoptr(HlUserTopic) first = g_list_model_get_item (hl_user_data_get_bookmarks (user), 0);

    g_assert_true (hl_user_topic_get_missing (first));
  }
  g_assert_cmpuint (g_list_model_get_n_items (history), >=, 2);

  /* The sample again: they are back. */
  hl_library_import_async (hl_application_get_library (fixture_app ()), starter, NULL, NULL, NULL);
  wait_until (library_has_topic, GINT_TO_POINTER (3061), "the sample library");
  g_assert_true (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 0)));

  /* Removed, then imported from the file. */
  gtk_widget_activate_action (GTK_WIDGET (bookmarks_section ()), "bookmarks.remove", "i", 3061);
  gtk_widget_activate_action (GTK_WIDGET (bookmarks_section ()), "bookmarks.remove", "i", 990013);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bookmarks_section ())));
  activate ("win.import-bookmarks");
  {
    GtkWindow *chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, "the file chooser");
    g_autoptr(GFile) file = g_file_new_for_path (json);

    g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                     GTK_FILE_CHOOSER_ACTION_OPEN);
    settle (500);
    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
    accept_chooser (chooser, _("_Import"));
    wait_until (has_bookmarks, NULL, "the bookmarks imported");
  }
  g_clear_pointer (&titles, g_free);
  titles = row_titles (list);
  g_assert_cmpstr (titles, ==, "Abdominal Pain|Asthma");
}

/* A restart keeps bookmarks and history and empties the basket. */
static void
test_restart (void)
{
  HlUserData *user = hl_user_session_get_user_data (session ());

  show_topic (3061, "Abdominal Pain");
  if (!hl_user_data_is_bookmarked (user, 3061))
    activate ("win.toggle-bookmark");
  show_topic (990013, "Asthma");
  if (!hl_user_data_is_bookmarked (user, 990013))
    activate ("win.toggle-bookmark");
  show_topic (1456, "Caffeine");
  activate ("win.add-to-basket");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hl_user_session_get_basket (session ()))), >, 0);

  window_fixture_restart ();

  user = hl_user_session_get_user_data (session ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hl_user_session_get_basket (session ()))), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (basket_section ())));
  g_assert_true (hl_user_data_is_bookmarked (user, 3061));
  g_assert_true (hl_user_data_is_bookmarked (user, 990013));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bookmarks_section ())));
  {
    g_autoptr(HlUserTopic) last = g_list_model_get_item (hl_user_data_get_history (user), 0);

    g_assert_cmpint (hl_user_topic_get_id (last), ==, 1456);
  }

  /* Cleared history is gone from the home page too. */
  activate ("win.home");
  wait_for_page (_("Health Library"));
  activate ("win.clear-history");
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (user)), ==, 0);
  {
    HlPageRenderer *renderer = hl_application_get_renderer (fixture_app ());
    g_autofree char *home = hl_page_renderer_render (renderer, "hl://home", NULL);

    g_assert_null (strstr (home, "Recently Viewed"));
  }

  /* A kiosk reset: the basket and everything kept, gone. */
  show_topic (3061, "Abdominal Pain");
  activate ("win.add-to-basket");
  hl_user_session_forget_everything (session ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hl_user_session_get_basket (session ()))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_bookmarks (user)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (user)), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bookmarks_section ())));
}

/* A kiosk keeps nothing: what it is shown and asked to keep leaves no trace. */
static void
test_keep_nothing (void)
{
  HlUserData *user = hl_user_session_get_user_data (session ());
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  show_topic (4, "Diabetes");
  activate ("win.toggle-bookmark");
  g_assert_true (hl_user_data_is_bookmarked (user, 4));
  before = hl_test_read_bytes (hl_user_data_get_path (user));

  hl_user_session_set_keep_nothing (session (), TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bookmarks_section ())));
  show_topic (3061, "Abdominal Pain");
  show_topic (990013, "Asthma");
  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.toggle-bookmark", NULL);
  g_assert_false (hl_user_data_is_bookmarked (user, 990013));
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (user)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_bookmarks (user)), ==, 0);

  after = hl_test_read_bytes (hl_user_data_get_path (user));
  g_assert_true (g_bytes_equal (before, after));

  /* Back to a desktop: what was kept before is there again. */
  hl_user_session_set_keep_nothing (session (), FALSE);
  g_assert_true (hl_user_data_is_bookmarked (user, 4));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  window_fixture_start ();
  scratch = g_dir_make_tmp ("test-window-handout-XXXXXX", NULL);

  g_test_add_func ("/ui/handout/read-on-phone", test_read_on_phone);
  g_test_add_func ("/ui/handout/dialog", test_handout_dialog);
  g_test_add_func ("/ui/handout/dialog-one-language", test_handout_dialog_one_language);
  g_test_add_func ("/ui/handout/basket", test_basket);
  g_test_add_func ("/ui/handout/bookmarks-history", test_bookmarks_history);
  g_test_add_func ("/ui/handout/restart", test_restart);
  g_test_add_func ("/ui/handout/keep-nothing", test_keep_nothing);

  status = g_test_run ();

  window_fixture_stop ();
  hl_test_remove_tree (scratch);
  g_free (scratch);
  return status;
}
