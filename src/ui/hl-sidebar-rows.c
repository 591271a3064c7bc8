/* hl-sidebar-rows.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-clinic.h"
#include "hl-sidebar-rows.h"
#include "hl-topic-ref.h"

GtkWidget *
hl_sidebar_row_new (const char       *title,
                    const char       *detail,
                    const char       *uri,
                    HlSidebarSection  section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (detail != NULL)
    {
      GtkWidget *count = gtk_label_new (detail);

      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (box), count);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, title);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
  g_object_set_data (G_OBJECT (row), "section", GINT_TO_POINTER (section));

  accessible = detail ? g_strdup_printf ("%s, %s", title, detail) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

void
hl_sidebar_header_func (GtkListBoxRow *row,
                        GtkListBoxRow *before,
                        gpointer       user_data)
{
  HlSidebarSection section = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "section"));
  GtkWidget *header;

  if (before != NULL &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "section")) == (int) section)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (section == HL_SIDEBAR_SECTION_CLINICS ? _("Clinics") : _("Health Topics"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "sidebar-section");
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
topic_hit_row_new (HlTopicRef *hit,
                   const char *language)
{
  g_autofree char *uri = hl_topic_ref_dup_uri (hit);
  g_autofree char *markup = hl_topic_ref_dup_snippet_markup (hit);
  g_autofree char *snippet_text = hl_topic_ref_dup_snippet_text (hit);
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (hl_topic_ref_get_title (hit));
  gboolean other_language = !g_str_equal (hl_topic_ref_get_language (hit), language);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), title);

  if (other_language)
    {
      GtkWidget *tag = gtk_label_new (g_str_equal (hl_topic_ref_get_language (hit), "es")
                                        ? _("Spanish") : _("English"));
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "language-tag");
      gtk_box_append (GTK_BOX (top), tag);
    }
  gtk_box_append (GTK_BOX (box), top);

  if (markup != NULL)
    {
      GtkWidget *snippet = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (snippet), markup);
      gtk_label_set_xalign (GTK_LABEL (snippet), 0);
      gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (snippet), 2);
      gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (snippet, "dim-label");
      gtk_widget_add_css_class (snippet, "caption");
      gtk_box_append (GTK_BOX (box), snippet);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
  g_object_set_data (G_OBJECT (row), "section", GINT_TO_POINTER (HL_SIDEBAR_SECTION_TOPICS));

  accessible = snippet_text ? g_strdup_printf ("%s: %s", hl_topic_ref_get_title (hit), snippet_text)
                            : g_strdup (hl_topic_ref_get_title (hit));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

/* A clinic among the search results: its name, and where it is. */
static GtkWidget *
clinic_hit_row_new (HlClinic *clinic)
{
  g_autofree char *uri = g_strdup_printf ("hl://clinic/%s", hl_clinic_get_id (clinic));
  g_autofree char *place = hl_clinic_dup_place (clinic);
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (hl_clinic_get_name (clinic));
  GtkWidget *detail;
  /* TRANSLATORS: under a clinic's name in search results; %s is its town,
   * such as “Kilgore, TX” */
  g_autofree char *where = g_strdup_printf (_("Clinic in %s"), place);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  detail = gtk_label_new (where);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), detail);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, hl_clinic_get_name (clinic));
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
  g_object_set_data (G_OBJECT (row), "section", GINT_TO_POINTER (HL_SIDEBAR_SECTION_CLINICS));

  accessible = g_strdup_printf ("%s, %s", hl_clinic_get_name (clinic), where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

GtkWidget *
hl_sidebar_hit_row_new (GObject    *item,
                        const char *language)
{
  if (HL_IS_CLINIC (item))
    return clinic_hit_row_new (HL_CLINIC (item));

  return topic_hit_row_new (HL_TOPIC_REF (item), language);
}

char *
hl_sidebar_item_dup_uri (GObject *item)
{
  if (HL_IS_CLINIC (item))
    return g_strdup_printf ("hl://clinic/%s", hl_clinic_get_id (HL_CLINIC (item)));

  return hl_topic_ref_dup_uri (HL_TOPIC_REF (item));
}
