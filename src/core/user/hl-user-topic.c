/* hl-user-topic.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-user-topic.h"

struct _HlUserTopic
{
  GObject   parent_instance;

  int       id;
  char     *language;
  char     *title;
  char     *url;
  gint64    time;
  gboolean  missing;
};

G_DEFINE_FINAL_TYPE (HlUserTopic, hl_user_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hl_user_topic_finalize (GObject *object)
{
  HlUserTopic *self = (HlUserTopic *) object;

  g_free (self->language);
  g_free (self->title);
  g_free (self->url);

  G_OBJECT_CLASS (hl_user_topic_parent_class)->finalize (object);
}

static void
hl_user_topic_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HlUserTopic *self = HL_USER_TOPIC (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MISSING:
      g_value_set_boolean (value, self->missing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_user_topic_class_init (HlUserTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_user_topic_finalize;
  object_class->get_property = hl_user_topic_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MISSING] =
    g_param_spec_boolean ("missing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_user_topic_init (HlUserTopic *self)
{
}

HlUserTopic *
hl_user_topic_new (int         id,
                   const char *language,
                   const char *title,
                   const char *url,
                   gint64      time)
{
  HlUserTopic *self;

  g_return_val_if_fail (id > 0, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (HL_TYPE_USER_TOPIC, NULL);
  self->id = id;
  self->language = g_strdup (language ? language : "en");
  self->title = g_strdup (title);
  self->url = g_strdup (url);
  self->time = time;
  return self;
}

int
hl_user_topic_get_id (HlUserTopic *self)
{
  g_return_val_if_fail (HL_IS_USER_TOPIC (self), 0);
  return self->id;
}

const char *
hl_user_topic_get_language (HlUserTopic *self)
{
  g_return_val_if_fail (HL_IS_USER_TOPIC (self), NULL);
  return self->language;
}

const char *
hl_user_topic_get_title (HlUserTopic *self)
{
  g_return_val_if_fail (HL_IS_USER_TOPIC (self), NULL);
  return self->title;
}

const char *
hl_user_topic_get_url (HlUserTopic *self)
{
  g_return_val_if_fail (HL_IS_USER_TOPIC (self), NULL);
  return self->url;
}

gint64
hl_user_topic_get_time (HlUserTopic *self)
{
  g_return_val_if_fail (HL_IS_USER_TOPIC (self), 0);
  return self->time;
}

gboolean
hl_user_topic_get_missing (HlUserTopic *self)
{
  g_return_val_if_fail (HL_IS_USER_TOPIC (self), FALSE);
  return self->missing;
}

void
hl_user_topic_set_missing (HlUserTopic *self,
                           gboolean     missing)
{
  g_return_if_fail (HL_IS_USER_TOPIC (self));

  missing = !!missing;
  if (self->missing == missing)
    return;
  self->missing = missing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING]);
}

char *
hl_user_topic_dup_uri (HlUserTopic *self)
{
  g_return_val_if_fail (HL_IS_USER_TOPIC (self), NULL);
  return g_strdup_printf ("hl://topic/%d", self->id);
}
