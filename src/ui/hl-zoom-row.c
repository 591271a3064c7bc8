/* hl-zoom-row.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-zoom-row.h"

struct _HlZoomRow
{
  GtkBox     parent_instance;

  GtkButton *zoom_out_button;
  GtkButton *level_button;
  GtkButton *zoom_in_button;

  double     level;
};

G_DEFINE_FINAL_TYPE (HlZoomRow, hl_zoom_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Zoom In (Ctrl++)": the shortcut as the toolkit spells it. */
static void
set_tooltip (GtkButton       *button,
             const char      *text,
             guint            keyval,
             GdkModifierType  modifiers)
{
  g_autofree char *accel = gtk_accelerator_get_label (keyval, modifiers);
  /* TRANSLATORS: a button's tooltip: what it does, then its shortcut */
  g_autofree char *tooltip = g_strdup_printf (_("%s (%s)"), text, accel);

  gtk_widget_set_tooltip_text (GTK_WIDGET (button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

void
hl_zoom_row_set_level (HlZoomRow *self,
                       double     level)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (HL_IS_ZOOM_ROW (self));

  if (self->level == level)
    return;
  self->level = level;

  /* TRANSLATORS: the zoom level; %d is a number and %% the percent sign,
   * written as your language writes percentages ("120 %" in Spanish). */
  text = g_strdup_printf (_("%d%%"), (int) (level * 100 + 0.5));
  gtk_button_set_label (self->level_button, text);
  /* TRANSLATORS: %s is the zoom level, such as 120% */
  accessible = g_strdup_printf (_("Zoom level %s. Reset to the normal size"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

double
hl_zoom_row_get_level (HlZoomRow *self)
{
  g_return_val_if_fail (HL_IS_ZOOM_ROW (self), 1.0);

  return self->level;
}

const char *
hl_zoom_row_get_text (HlZoomRow *self)
{
  g_return_val_if_fail (HL_IS_ZOOM_ROW (self), NULL);

  return gtk_button_get_label (self->level_button);
}

static void
hl_zoom_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HlZoomRow *self = HL_ZOOM_ROW (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_double (value, self->level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_zoom_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HlZoomRow *self = HL_ZOOM_ROW (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      hl_zoom_row_set_level (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_zoom_row_class_init (HlZoomRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hl_zoom_row_get_property;
  object_class->set_property = hl_zoom_row_set_property;

  properties[PROP_LEVEL] =
    g_param_spec_double ("level", NULL, NULL, 0.1, 10.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-zoom-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HlZoomRow, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, HlZoomRow, level_button);
  gtk_widget_class_bind_template_child (widget_class, HlZoomRow, zoom_in_button);
}

static void
hl_zoom_row_init (HlZoomRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_tooltip (self->zoom_out_button, _("Zoom Out"), GDK_KEY_minus, GDK_CONTROL_MASK);
  set_tooltip (self->zoom_in_button, _("Zoom In"), GDK_KEY_plus, GDK_CONTROL_MASK);
  set_tooltip (self->level_button, _("Normal Size"), GDK_KEY_0, GDK_CONTROL_MASK);

  self->level = 0;
  hl_zoom_row_set_level (self, 1.0);
}

GtkWidget *
hl_zoom_row_new (void)
{
  return g_object_new (HL_TYPE_ZOOM_ROW, NULL);
}
