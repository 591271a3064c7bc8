/* hl-qr-view.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-qr.h"
#include "hl-qr-view.h"

/* Below this a phone's camera struggles; above it the code is big enough. */
#define MIN_MODULE_PX     3
#define NATURAL_MODULE_PX 8

struct _HlQrView
{
  GtkWidget  parent_instance;

  char      *text;
  HlQrCode  *code;
};

G_DEFINE_FINAL_TYPE (HlQrView, hl_qr_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
modules_per_side (HlQrView *self)
{
  return self->code ? hl_qr_code_get_size (self->code) + 2 * HL_QR_QUIET_ZONE : 0;
}

static void
hl_qr_view_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  int modules = modules_per_side (HL_QR_VIEW (widget));

  *minimum = modules * MIN_MODULE_PX;
  *natural = modules * NATURAL_MODULE_PX;
}

static void
hl_qr_view_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  HlQrView *self = HL_QR_VIEW (widget);
  int modules = modules_per_side (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA black = { 0, 0, 0, 1 };
  int module, side, x0, y0, size;

  if (modules == 0)
    return;

  /* Whole pixels a module: a scaled, blurred code reads badly. */
  module = MAX (1, MIN (width, height) / modules);
  side = module * modules;
  x0 = (width - side) / 2;
  y0 = (height - side) / 2;
  size = hl_qr_code_get_size (self->code);

  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x0, y0, side, side));
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      if (hl_qr_code_get_module (self->code, x, y))
        gtk_snapshot_append_color (snapshot, &black,
                                   &GRAPHENE_RECT_INIT (x0 + (x + HL_QR_QUIET_ZONE) * module,
                                                        y0 + (y + HL_QR_QUIET_ZONE) * module,
                                                        module, module));
}

static void
hl_qr_view_finalize (GObject *object)
{
  HlQrView *self = (HlQrView *) object;

  g_free (self->text);
  g_clear_pointer (&self->code, hl_qr_code_free);

  G_OBJECT_CLASS (hl_qr_view_parent_class)->finalize (object);
}

static void
hl_qr_view_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, HL_QR_VIEW (object)->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_qr_view_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      hl_qr_view_set_text (HL_QR_VIEW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_qr_view_class_init (HlQrViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hl_qr_view_finalize;
  object_class->get_property = hl_qr_view_get_property;
  object_class->set_property = hl_qr_view_set_property;
  widget_class->measure = hl_qr_view_measure;
  widget_class->snapshot = hl_qr_view_snapshot;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hl_qr_view_init (HlQrView *self)
{
}

GtkWidget *
hl_qr_view_new (void)
{
  return g_object_new (HL_TYPE_QR_VIEW, NULL);
}

void
hl_qr_view_set_text (HlQrView   *self,
                     const char *text)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HL_IS_QR_VIEW (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->code, hl_qr_code_free);
  if (text != NULL && *text != '\0')
    {
      self->code = hl_qr_code_new (text, &error);
      if (self->code == NULL)
        g_debug ("No QR code: %s", error->message);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
hl_qr_view_get_text (HlQrView *self)
{
  g_return_val_if_fail (HL_IS_QR_VIEW (self), NULL);
  return self->text;
}

gboolean
hl_qr_view_has_code (HlQrView *self)
{
  g_return_val_if_fail (HL_IS_QR_VIEW (self), FALSE);
  return self->code != NULL;
}
