/* hl-topic.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-topic.h"

HlTopic *
hl_topic_new (void)
{
  HlTopic *topic = g_new0 (HlTopic, 1);

  topic->also_called = g_ptr_array_new_with_free_func (g_free);
  topic->see_references = g_ptr_array_new_with_free_func (g_free);
  topic->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_topic_link_free);
  topic->mesh_headings = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_mesh_heading_free);
  topic->other_languages = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_other_language_free);
  topic->related = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_topic_link_free);
  topic->sites = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_site_free);

  return topic;
}

void
hl_topic_free (HlTopic *topic)
{
  if (topic == NULL)
    return;

  g_free (topic->language);
  g_free (topic->title);
  g_free (topic->url);
  g_free (topic->meta_desc);
  g_free (topic->date_created);
  g_free (topic->summary);
  g_free (topic->institute);
  g_free (topic->institute_url);
  g_clear_pointer (&topic->mapped, hl_topic_link_free);
  g_ptr_array_unref (topic->also_called);
  g_ptr_array_unref (topic->see_references);
  g_ptr_array_unref (topic->groups);
  g_ptr_array_unref (topic->mesh_headings);
  g_ptr_array_unref (topic->other_languages);
  g_ptr_array_unref (topic->related);
  g_ptr_array_unref (topic->sites);
  g_free (topic);
}

HlTopicLink *
hl_topic_link_new (void)
{
  return g_new0 (HlTopicLink, 1);
}

void
hl_topic_link_free (HlTopicLink *link)
{
  if (link == NULL)
    return;

  g_free (link->language);
  g_free (link->title);
  g_free (link->url);
  g_free (link);
}

HlMeshHeading *
hl_mesh_heading_new (void)
{
  HlMeshHeading *heading = g_new0 (HlMeshHeading, 1);

  heading->qualifier_ids = g_ptr_array_new_with_free_func (g_free);
  heading->qualifiers = g_ptr_array_new_with_free_func (g_free);

  return heading;
}

void
hl_mesh_heading_free (HlMeshHeading *heading)
{
  if (heading == NULL)
    return;

  g_free (heading->descriptor_id);
  g_free (heading->descriptor);
  g_ptr_array_unref (heading->qualifier_ids);
  g_ptr_array_unref (heading->qualifiers);
  g_free (heading);
}

HlOtherLanguage *
hl_other_language_new (void)
{
  return g_new0 (HlOtherLanguage, 1);
}

void
hl_other_language_free (HlOtherLanguage *other)
{
  if (other == NULL)
    return;

  g_free (other->name);
  g_free (other->vernacular_name);
  g_free (other->url);
  g_free (other);
}

HlSite *
hl_site_new (void)
{
  HlSite *site = g_new0 (HlSite, 1);

  site->categories = g_ptr_array_new_with_free_func (g_free);
  site->organizations = g_ptr_array_new_with_free_func (g_free);
  site->descriptions = g_ptr_array_new_with_free_func (g_free);

  return site;
}

void
hl_site_free (HlSite *site)
{
  if (site == NULL)
    return;

  g_free (site->title);
  g_free (site->url);
  g_free (site->mapped_url);
  g_ptr_array_unref (site->categories);
  g_ptr_array_unref (site->organizations);
  g_ptr_array_unref (site->descriptions);
  g_free (site);
}

const char *
hl_language_from_name (const char *name)
{
  if (name == NULL)
    return NULL;
  if (g_ascii_strcasecmp (name, "English") == 0)
    return "en";
  if (g_ascii_strcasecmp (name, "Spanish") == 0)
    return "es";
  return NULL;
}

const char *
hl_language_normalize (const char *code)
{
  if (code == NULL)
    return NULL;
  if (g_ascii_strcasecmp (code, "en") == 0)
    return "en";
  if (g_ascii_strcasecmp (code, "es") == 0)
    return "es";
  return hl_language_from_name (code);
}

const char *
hl_language_other (const char *code)
{
  return g_strcmp0 (hl_language_normalize (code), "es") == 0 ? "en" : "es";
}

const char *
hl_language_default (void)
{
  const char * const *names = g_get_language_names ();

  /* The first name is the most preferred; "C" means no preference. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "es"))
        return "es";
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }

  return "en";
}
