/* hl-basket-section.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-basket-section.h"

struct _HlBasketSection
{
  GtkBox      parent_instance;

  /* Template children */
  GtkLabel   *title_label;
  GtkLabel   *count_label;
  GtkListBox *list;

  HlBasket   *basket;
};

G_DEFINE_FINAL_TYPE (HlBasketSection, hl_basket_section, GTK_TYPE_BOX)

static int
position_of (HlBasketSection *self,
             int              id)
{
  GListModel *model = G_LIST_MODEL (self->basket);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HlTopicRef) topic = g_list_model_get_item (model, i);

      if (hl_topic_ref_get_id (topic) == id)
        return i;
    }
  return -1;
}

static void
focus_row (HlBasketSection *self,
           int              position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->basket));
  GtkListBoxRow *row;

  if (n == 0)
    return;
  row = gtk_list_box_get_row_at_index (self->list, CLAMP (position, 0, (int) n - 1));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Moves topic @id by @delta places, keeping the keyboard on it. */
static void
move (HlBasketSection *self,
      int              id,
      int              delta)
{
  int from = position_of (self, id);

  if (from < 0 || !hl_basket_move (self->basket, from, from + delta))
    return;
  focus_row (self, from + delta);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move (HL_BASKET_SECTION (widget), g_variant_get_int32 (parameter), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move (HL_BASKET_SECTION (widget), g_variant_get_int32 (parameter), +1);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HlBasketSection *self = HL_BASKET_SECTION (widget);
  int position = position_of (self, g_variant_get_int32 (parameter));

  if (hl_basket_remove (self->basket, g_variant_get_int32 (parameter)))
    focus_row (self, position);
}

/* Drag and drop reorders. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_INT,
                                         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "id")));
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         HlBasketSection *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, (int) y);
  int from = position_of (self, g_value_get_int (value));
  int to;

  if (from < 0)
    return FALSE;

  to = row != NULL ? gtk_list_box_row_get_index (row)
                   : (int) g_list_model_get_n_items (G_LIST_MODEL (self->basket)) - 1;
  return from == to || hl_basket_move (self->basket, from, to);
}

static GMenuModel *
row_menu (int id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenuItem) up = g_menu_item_new (_("Move _Up"), NULL);
  g_autoptr(GMenuItem) down = g_menu_item_new (_("Move _Down"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove from Basket"), NULL);

  g_menu_item_set_action_and_target_value (up, "basket.move-up", g_variant_new_int32 (id));
  g_menu_item_set_action_and_target_value (down, "basket.move-down", g_variant_new_int32 (id));
  g_menu_item_set_action_and_target_value (remove, "basket.remove", g_variant_new_int32 (id));
  g_menu_append_item (order, up);
  g_menu_append_item (order, down);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_item (menu, remove);
  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HlTopicRef *topic = item;
  int id = hl_topic_ref_get_id (topic);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (hl_topic_ref_get_title (topic));
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = row_menu (id);
  GtkDragSource *drag = gtk_drag_source_new ();
  /* TRANSLATORS: %s is a topic's title */
  g_autofree char *more = g_strdup_printf (_("Move or Remove “%s”"), hl_topic_ref_get_title (topic));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, more);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, more, -1);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, hl_topic_ref_get_title (topic));
  g_object_set_data (G_OBJECT (row), "id", GINT_TO_POINTER (id));
  g_object_set_data_full (G_OBJECT (row), "uri", hl_topic_ref_dup_uri (topic), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hl_topic_ref_get_title (topic), -1);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  return row;
}

static void
row_activated_cb (HlBasketSection *self,
                  GtkListBoxRow   *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-page", "s", uri);
}

/* Alt+↑ and Alt+↓ move the topic with the keyboard focus, Delete removes it. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HlBasketSection       *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  int id;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list))
    return GDK_EVENT_PROPAGATE;
  id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "id"));

  if ((state & GDK_ALT_MASK) && (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up))
    move (self, id, -1);
  else if ((state & GDK_ALT_MASK) && (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down))
    move (self, id, +1);
  else if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    gtk_widget_activate_action (GTK_WIDGET (self), "basket.remove", "i", id);
  else
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

static void
basket_changed_cb (HlBasketSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->basket));
  g_autofree char *count = g_strdup_printf ("%u", n);
  /* TRANSLATORS: the sidebar's section, for screen readers: "Handout basket, 3 topics" */
  g_autofree char *label = g_strdup_printf (ngettext ("Handout basket, %u topic",
                                                      "Handout basket, %u topics", n), n);

  gtk_label_set_label (self->count_label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

static void
hl_basket_section_dispose (GObject *object)
{
  HlBasketSection *self = (HlBasketSection *) object;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->basket);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_BASKET_SECTION);

  G_OBJECT_CLASS (hl_basket_section_parent_class)->dispose (object);
}

static void
hl_basket_section_class_init (HlBasketSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_basket_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-basket-section.ui");
  gtk_widget_class_bind_template_child (widget_class, HlBasketSection, title_label);
  gtk_widget_class_bind_template_child (widget_class, HlBasketSection, count_label);
  gtk_widget_class_bind_template_child (widget_class, HlBasketSection, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "basket.move-up", "i", move_up_activated);
  gtk_widget_class_install_action (widget_class, "basket.move-down", "i", move_down_activated);
  gtk_widget_class_install_action (widget_class, "basket.remove", "i", remove_activated);
}

static void
hl_basket_section_init (HlBasketSection *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), key);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (drop));
}

void
hl_basket_section_set_basket (HlBasketSection *self,
                              HlBasket        *basket)
{
  g_return_if_fail (HL_IS_BASKET_SECTION (self));
  g_return_if_fail (HL_IS_BASKET (basket));

  if (self->basket != NULL)
    g_signal_handlers_disconnect_by_data (self->basket, self);
  g_set_object (&self->basket, basket);

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (basket), create_row, self, NULL);
  g_signal_connect_object (basket, "items-changed", G_CALLBACK (basket_changed_cb), self,
                           G_CONNECT_SWAPPED);
  basket_changed_cb (self);
}

GtkListBox *
hl_basket_section_get_list (HlBasketSection *self)
{
  g_return_val_if_fail (HL_IS_BASKET_SECTION (self), NULL);

  return self->list;
}
