/* hl-topic-ref.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hl-address.h"
#include "hl-html.h"
#include "hl-topic-ref.h"

struct _HlTopicRef
{
  GObject  parent_instance;

  int      id;
  char    *language;
  char    *title;
  char    *snippet;   /* with HL_SNIPPET_MARK_* around matches */
};

G_DEFINE_FINAL_TYPE (HlTopicRef, hl_topic_ref, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LANGUAGE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hl_topic_ref_finalize (GObject *object)
{
  HlTopicRef *self = (HlTopicRef *) object;

  g_free (self->language);
  g_free (self->title);
  g_free (self->snippet);

  G_OBJECT_CLASS (hl_topic_ref_parent_class)->finalize (object);
}

static void
hl_topic_ref_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HlTopicRef *self = HL_TOPIC_REF (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int (value, self->id);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_topic_ref_class_init (HlTopicRefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_topic_ref_finalize;
  object_class->get_property = hl_topic_ref_get_property;

  properties[PROP_ID] =
    g_param_spec_int ("id", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_topic_ref_init (HlTopicRef *self)
{
}

HlTopicRef *
hl_topic_ref_new (int         id,
                  const char *language,
                  const char *title,
                  const char *snippet)
{
  HlTopicRef *self = g_object_new (HL_TYPE_TOPIC_REF, NULL);

  self->id = id;
  self->language = g_strdup (language);
  self->title = g_strdup (title);
  self->snippet = g_strdup (snippet);

  return self;
}

int
hl_topic_ref_get_id (HlTopicRef *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_REF (self), 0);
  return self->id;
}

const char *
hl_topic_ref_get_language (HlTopicRef *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_REF (self), NULL);
  return self->language;
}

const char *
hl_topic_ref_get_title (HlTopicRef *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_REF (self), NULL);
  return self->title;
}

char *
hl_topic_ref_dup_uri (HlTopicRef *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_REF (self), NULL);
  return hl_address_dup_topic_uri (self->id);
}

typedef void (*AppendFunc) (GString *out, const char *text);

/* Copies the snippet, escaping the text between marks with @append and
 * replacing the marks by @open and @close. */
static char *
convert_snippet (const char *snippet,
                 AppendFunc  append,
                 const char *open,
                 const char *close)
{
  GString *out;
  const char *p = snippet;

  if (snippet == NULL || *snippet == '\0')
    return NULL;

  out = g_string_sized_new (strlen (snippet) + 32);
  while (*p != '\0')
    {
      gsize run = strcspn (p, HL_SNIPPET_MARK_START HL_SNIPPET_MARK_END);
      g_autofree char *text = g_strndup (p, run);

      append (out, text);
      p += run;
      if (*p == HL_SNIPPET_MARK_START[0])
        g_string_append (out, open);
      else if (*p == HL_SNIPPET_MARK_END[0])
        g_string_append (out, close);
      if (*p != '\0')
        p++;
    }

  return g_string_free (out, FALSE);
}

static void
append_plain (GString    *out,
              const char *text)
{
  g_string_append (out, text);
}

static void
append_markup (GString    *out,
               const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

char *
hl_topic_ref_dup_snippet_text (HlTopicRef *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_REF (self), NULL);
  return convert_snippet (self->snippet, append_plain, "", "");
}

char *
hl_topic_ref_dup_snippet_html (HlTopicRef *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_REF (self), NULL);
  return convert_snippet (self->snippet, hl_html_append_text, "<mark>", "</mark>");
}

char *
hl_topic_ref_dup_snippet_markup (HlTopicRef *self)
{
  g_return_val_if_fail (HL_IS_TOPIC_REF (self), NULL);
  return convert_snippet (self->snippet, append_markup, "<b>", "</b>");
}
