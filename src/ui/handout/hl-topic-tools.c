/* hl-topic-tools.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-topic-tools.h"

struct _HlTopicTools
{
  GtkBox     parent_instance;

  /* Template children */
  GtkButton *bookmark_button;
  GtkButton *basket_button;
  GtkButton *print_button;
};

G_DEFINE_FINAL_TYPE (HlTopicTools, hl_topic_tools, GTK_TYPE_BOX)

static void
hl_topic_tools_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HL_TYPE_TOPIC_TOOLS);

  G_OBJECT_CLASS (hl_topic_tools_parent_class)->dispose (object);
}

static void
hl_topic_tools_class_init (HlTopicToolsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hl_topic_tools_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-topic-tools.ui");
  gtk_widget_class_bind_template_child (widget_class, HlTopicTools, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, HlTopicTools, basket_button);
  gtk_widget_class_bind_template_child (widget_class, HlTopicTools, print_button);
}

static void
hl_topic_tools_init (HlTopicTools *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
hl_topic_tools_set_bookmarked (HlTopicTools *self,
                               gboolean      bookmarked)
{
  const char *label = bookmarked ? _("Remove the Bookmark") : _("Bookmark This Topic");
  /* TRANSLATORS: a tooltip: what the button does, and its shortcut */
  g_autofree char *tooltip = g_strdup_printf (_("%s (Ctrl+D)"), label);

  g_return_if_fail (HL_IS_TOPIC_TOOLS (self));

  gtk_button_set_icon_name (self->bookmark_button,
                            bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bookmark_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->bookmark_button),
                               GTK_ACCESSIBLE_STATE_PRESSED,
                               bookmarked ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                          : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
}
