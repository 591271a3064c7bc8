/* hl-lockdown.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-lockdown.h"
#include "hl-settings.h"

struct _HlLockdown
{
  GObject    parent_instance;

  GSettings *settings;
  gboolean   disable_import;
  gboolean   disable_printing;
  gboolean   disable_external_links;
};

G_DEFINE_FINAL_TYPE (HlLockdown, hl_lockdown, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISABLE_IMPORT,
  PROP_DISABLE_PRINTING,
  PROP_DISABLE_EXTERNAL_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys, in the order of the properties. */
static const char *keys[N_PROPS] = {
  [PROP_DISABLE_IMPORT] = HL_LOCKDOWN_DISABLE_IMPORT,
  [PROP_DISABLE_PRINTING] = HL_LOCKDOWN_DISABLE_PRINTING,
  [PROP_DISABLE_EXTERNAL_LINKS] = HL_LOCKDOWN_DISABLE_EXTERNAL_LINKS,
};

static gboolean *
field (HlLockdown *self,
       guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_DISABLE_IMPORT:
      return &self->disable_import;
    case PROP_DISABLE_PRINTING:
      return &self->disable_printing;
    case PROP_DISABLE_EXTERNAL_LINKS:
      return &self->disable_external_links;
    default:
      g_assert_not_reached ();
    }
}

/* The values are read once here and when dconf says they changed, so that
 * asking for them costs nothing. */
static void
settings_changed_cb (GSettings  *settings,
                     const char *key,
                     HlLockdown *self)
{
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    {
      gboolean value;

      if (key != NULL && !g_str_equal (key, keys[i]))
        continue;

      value = g_settings_get_boolean (settings, keys[i]);
      if (*field (self, i) != value)
        {
          *field (self, i) = value;
          g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
        }
    }
}

static void
hl_lockdown_dispose (GObject *object)
{
  HlLockdown *self = (HlLockdown *) object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hl_lockdown_parent_class)->dispose (object);
}

static void
hl_lockdown_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HlLockdown *self = HL_LOCKDOWN (object);

  switch (prop_id)
    {
    case PROP_DISABLE_IMPORT:
    case PROP_DISABLE_PRINTING:
    case PROP_DISABLE_EXTERNAL_LINKS:
      g_value_set_boolean (value, *field (self, prop_id));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_lockdown_class_init (HlLockdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hl_lockdown_dispose;
  object_class->get_property = hl_lockdown_get_property;

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_boolean (keys[i], NULL, NULL, FALSE,
                                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                          G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_lockdown_init (HlLockdown *self)
{
}

HlLockdown *
hl_lockdown_new (GSettings *settings)
{
  HlLockdown *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HL_TYPE_LOCKDOWN, NULL);
  self->settings = g_settings_get_child (settings, HL_SETTINGS_LOCKDOWN);
  g_signal_connect (self->settings, "changed", G_CALLBACK (settings_changed_cb), self);
  settings_changed_cb (self->settings, NULL, self);

  return self;
}

gboolean
hl_lockdown_get_disable_import (HlLockdown *self)
{
  g_return_val_if_fail (HL_IS_LOCKDOWN (self), FALSE);
  return self->disable_import;
}

gboolean
hl_lockdown_get_disable_printing (HlLockdown *self)
{
  g_return_val_if_fail (HL_IS_LOCKDOWN (self), FALSE);
  return self->disable_printing;
}

gboolean
hl_lockdown_get_disable_external_links (HlLockdown *self)
{
  g_return_val_if_fail (HL_IS_LOCKDOWN (self), FALSE);
  return self->disable_external_links;
}
