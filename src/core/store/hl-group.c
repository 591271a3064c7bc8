/* hl-group.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-address.h"
#include "hl-group.h"

struct _HlGroup
{
  GObject  parent_instance;

  int      id;
  char    *language;
  char    *name;
  char    *url;
  guint    topic_count;
};

G_DEFINE_FINAL_TYPE (HlGroup, hl_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LANGUAGE,
  PROP_NAME,
  PROP_URL,
  PROP_TOPIC_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hl_group_finalize (GObject *object)
{
  HlGroup *self = (HlGroup *) object;

  g_free (self->language);
  g_free (self->name);
  g_free (self->url);

  G_OBJECT_CLASS (hl_group_parent_class)->finalize (object);
}

static void
hl_group_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HlGroup *self = HL_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int (value, self->id);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_TOPIC_COUNT:
      g_value_set_uint (value, self->topic_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_group_class_init (HlGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_group_finalize;
  object_class->get_property = hl_group_get_property;

  properties[PROP_ID] =
    g_param_spec_int ("id", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOPIC_COUNT] =
    g_param_spec_uint ("topic-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_group_init (HlGroup *self)
{
}

HlGroup *
hl_group_new (int         id,
              const char *language,
              const char *name,
              const char *url,
              guint       topic_count)
{
  HlGroup *self = g_object_new (HL_TYPE_GROUP, NULL);

  self->id = id;
  self->language = g_strdup (language);
  self->name = g_strdup (name);
  self->url = g_strdup (url);
  self->topic_count = topic_count;

  return self;
}

int
hl_group_get_id (HlGroup *self)
{
  g_return_val_if_fail (HL_IS_GROUP (self), 0);
  return self->id;
}

const char *
hl_group_get_language (HlGroup *self)
{
  g_return_val_if_fail (HL_IS_GROUP (self), NULL);
  return self->language;
}

const char *
hl_group_get_name (HlGroup *self)
{
  g_return_val_if_fail (HL_IS_GROUP (self), NULL);
  return self->name;
}

const char *
hl_group_get_url (HlGroup *self)
{
  g_return_val_if_fail (HL_IS_GROUP (self), NULL);
  return self->url;
}

guint
hl_group_get_topic_count (HlGroup *self)
{
  g_return_val_if_fail (HL_IS_GROUP (self), 0);
  return self->topic_count;
}

char *
hl_group_dup_uri (HlGroup *self)
{
  g_return_val_if_fail (HL_IS_GROUP (self), NULL);
  return hl_address_dup_group_uri (self->id, self->language);
}
