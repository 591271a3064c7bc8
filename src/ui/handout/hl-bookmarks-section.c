/* hl-bookmarks-section.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-bookmarks-section.h"

struct _HlBookmarksSection
{
  GtkBox      parent_instance;

  /* Template children */
  GtkListBox *list;

  HlUserData *user_data;
};

G_DEFINE_FINAL_TYPE (HlBookmarksSection, hl_bookmarks_section, GTK_TYPE_BOX)

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HlBookmarksSection *self = HL_BOOKMARKS_SECTION (widget);
  g_autoptr(GError) error = NULL;

  if (!hl_user_data_remove_bookmark (self->user_data, g_variant_get_int32 (parameter), &error))
    g_warning ("%s", error->message);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HlUserTopic *topic = item;
  const char *title = hl_user_topic_get_title (topic);
  gboolean missing = hl_user_topic_get_missing (topic);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *button = gtk_button_new_from_icon_name ("starred-symbolic");
  /* TRANSLATORS: %s is a topic's title */
  g_autofree char *remove = g_strdup_printf (_("Remove the Bookmark of “%s”"), title);
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), label);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  /* Kept, but not in this library: it comes back with the topic. */
  if (missing)
    {
      GtkWidget *note = gtk_label_new (_("Not in this library"));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (labels), note);
    }
  gtk_box_append (GTK_BOX (box), labels);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "bookmarks.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int32 (hl_user_topic_get_id (topic)));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !missing);
  gtk_widget_set_tooltip_text (row, missing ? _("This topic is not in the library in use.") : title);
  g_object_set_data_full (G_OBJECT (row), "uri", hl_user_topic_dup_uri (topic), g_free);
  accessible = missing ? g_strdup_printf ("%s, %s", title, _("Not in this library"))
                       : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

static void
row_activated_cb (HlBookmarksSection *self,
                  GtkListBoxRow      *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  if (gtk_list_box_row_get_activatable (row))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-page", "s", uri);
}

static void
bookmarks_changed_cb (HlBookmarksSection *self)
{
  GListModel *bookmarks = hl_user_data_get_bookmarks (self->user_data);

  gtk_widget_set_visible (GTK_WIDGET (self), g_list_model_get_n_items (bookmarks) > 0);
}

static void
hl_bookmarks_section_dispose (GObject *object)
{
  HlBookmarksSection *self = (HlBookmarksSection *) object;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->user_data);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_BOOKMARKS_SECTION);

  G_OBJECT_CLASS (hl_bookmarks_section_parent_class)->dispose (object);
}

static void
hl_bookmarks_section_class_init (HlBookmarksSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_bookmarks_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-bookmarks-section.ui");
  gtk_widget_class_bind_template_child (widget_class, HlBookmarksSection, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "bookmarks.remove", "i", remove_activated);
}

static void
hl_bookmarks_section_init (HlBookmarksSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
hl_bookmarks_section_set_user_data (HlBookmarksSection *self,
                                    HlUserData         *user_data)
{
  GListModel *bookmarks;

  g_return_if_fail (HL_IS_BOOKMARKS_SECTION (self));
  g_return_if_fail (HL_IS_USER_DATA (user_data));

  if (self->user_data != NULL)
    g_signal_handlers_disconnect_by_data (hl_user_data_get_bookmarks (self->user_data), self);
  g_set_object (&self->user_data, user_data);

  bookmarks = hl_user_data_get_bookmarks (user_data);
  gtk_list_box_bind_model (self->list, bookmarks, create_row, self, NULL);
  g_signal_connect_object (bookmarks, "items-changed", G_CALLBACK (bookmarks_changed_cb), self,
                           G_CONNECT_SWAPPED);
  bookmarks_changed_cb (self);
}

GtkListBox *
hl_bookmarks_section_get_list (HlBookmarksSection *self)
{
  g_return_val_if_fail (HL_IS_BOOKMARKS_SECTION (self), NULL);

  return self->list;
}
