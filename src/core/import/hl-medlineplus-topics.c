/* hl-medlineplus-topics.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hl-error.h"
#include "hl-medlineplus-parser-private.h"
#include "hl-text.h"

/* The elements of a health-topic file: <health-topics> holds <health-topic>
 * elements, whose children and grandchildren are read into an HlTopic; the
 * topic goes to the caller when its element ends. */

static HlTopicLink *
read_link (ParseContext *ctx,
           const char   *element)
{
  HlTopicLink *link = hl_topic_link_new ();

  link->url = hl_parser_dup_attribute (ctx, element, "url", hl_parser_get_attribute (ctx, "url"));
  hl_parser_parse_id (hl_parser_get_attribute (ctx, "id"), &link->id);
  link->language = g_strdup (hl_language_from_name (hl_parser_get_attribute (ctx, "language")));
  return link;
}

static void
start_topic (ParseContext *ctx)
{
  HlTopic *topic = hl_topic_new ();
  const char *id = hl_parser_get_attribute (ctx, "id");
  const char *language = hl_parser_get_attribute (ctx, "language");
  g_autofree char *date = NULL;

  ctx->topic = topic;
  ctx->topic_line = hl_parser_current_line (ctx);
  ctx->topic_bytes = 0;
  ctx->topic_elements = 0;
  topic->id = -1;

  if (++ctx->n_topics > HL_PARSER_MAX_TOPICS)
    {
      hl_parser_fail (ctx, HL_ERROR_TOO_LARGE,
                      _("The file holds more than %d topics; a MedlinePlus health-topic file "
                        "holds about 2,000. It was not imported."),
                      HL_PARSER_MAX_TOPICS);
      return;
    }

  if (id != NULL && !hl_parser_parse_id (id, &topic->id))
    {
      g_autofree char *shown = hl_parser_shown (id);

      hl_parser_fail (ctx, HL_ERROR_INVALID_DATA,
                      _("A topic has the id “%s”; ids are positive whole numbers."), shown);
      return;
    }

  topic->title = hl_parser_dup_attribute (ctx, "health-topic", "title",
                                          hl_parser_get_attribute (ctx, "title"));
  topic->url = hl_parser_dup_attribute (ctx, "health-topic", "url",
                                        hl_parser_get_attribute (ctx, "url"));
  topic->meta_desc = hl_parser_dup_attribute (ctx, "health-topic", "meta-desc",
                                              hl_parser_get_attribute (ctx, "meta-desc"));
  /* Kept as written until the topic ends, to report unknown languages. */
  topic->language = hl_parser_dup_attribute (ctx, "health-topic", "language", language);
  date = hl_parser_dup_attribute (ctx, "health-topic", "date-created",
                                  hl_parser_get_attribute (ctx, "date-created"));
  topic->date_created = hl_parser_iso_date (date, FALSE);
}

static void
start_topic_child (ParseContext *ctx,
                   const char   *name,
                   int           depth)
{
  HlTopic *topic = ctx->topic;

  switch (name[0])
    {
    case 'a':
      if (strcmp (name, "also-called") == 0)
        hl_parser_start_field (ctx, FIELD_ALSO_CALLED, "also-called", depth);
      break;

    case 'f':
      if (strcmp (name, "full-summary") == 0)
        hl_parser_start_field (ctx, FIELD_SUMMARY, "full-summary", depth);
      break;

    case 'g':
      if (strcmp (name, "group") == 0)
        {
          g_clear_pointer (&ctx->link, hl_topic_link_free);
          ctx->link = read_link (ctx, "group");
          hl_parser_start_field (ctx, FIELD_GROUP, "group", depth);
        }
      break;

    case 'l':
      if (strcmp (name, "language-mapped-topic") == 0 && topic->mapped == NULL)
        {
          g_clear_pointer (&ctx->link, hl_topic_link_free);
          ctx->link = read_link (ctx, "language-mapped-topic");
          hl_parser_start_field (ctx, FIELD_MAPPED, "language-mapped-topic", depth);
        }
      break;

    case 'm':
      if (strcmp (name, "mesh-heading") == 0)
        {
          g_clear_pointer (&ctx->mesh, hl_mesh_heading_free);
          ctx->mesh = hl_mesh_heading_new ();
        }
      break;

    case 'o':
      if (strcmp (name, "other-language") == 0)
        {
          g_clear_pointer (&ctx->other, hl_other_language_free);
          ctx->other = hl_other_language_new ();
          ctx->other->vernacular_name =
            hl_parser_dup_attribute (ctx, name, "vernacular-name",
                                     hl_parser_get_attribute (ctx, "vernacular-name"));
          ctx->other->url = hl_parser_dup_attribute (ctx, name, "url",
                                                     hl_parser_get_attribute (ctx, "url"));
          hl_parser_start_field (ctx, FIELD_OTHER_LANGUAGE, "other-language", depth);
        }
      break;

    case 'p':
      if (strcmp (name, "primary-institute") == 0)
        {
          g_free (topic->institute_url);
          topic->institute_url = hl_parser_dup_attribute (ctx, name, "url",
                                                          hl_parser_get_attribute (ctx, "url"));
          hl_parser_start_field (ctx, FIELD_INSTITUTE, "primary-institute", depth);
        }
      break;

    case 'r':
      if (strcmp (name, "related-topic") == 0)
        {
          g_clear_pointer (&ctx->link, hl_topic_link_free);
          ctx->link = read_link (ctx, "related-topic");
          hl_parser_start_field (ctx, FIELD_RELATED, "related-topic", depth);
        }
      break;

    case 's':
      if (strcmp (name, "see-reference") == 0)
        hl_parser_start_field (ctx, FIELD_SEE_REFERENCE, "see-reference", depth);
      else if (strcmp (name, "site") == 0)
        {
          g_clear_pointer (&ctx->site, hl_site_free);
          ctx->site = hl_site_new ();
          ctx->site->title = hl_parser_dup_attribute (ctx, name, "title",
                                                      hl_parser_get_attribute (ctx, "title"));
          ctx->site->url = hl_parser_dup_attribute (ctx, name, "url",
                                                    hl_parser_get_attribute (ctx, "url"));
          ctx->site->mapped_url =
            hl_parser_dup_attribute (ctx, name, "language-mapped-url",
                                     hl_parser_get_attribute (ctx, "language-mapped-url"));
        }
      break;

    default:
      break;
    }
}

static void
start_grandchild (ParseContext *ctx,
                  const char   *name,
                  int           depth)
{
  if (ctx->mesh != NULL)
    {
      if (strcmp (name, "descriptor") == 0 || strcmp (name, "qualifier") == 0)
        {
          gboolean is_descriptor = name[0] == 'd';
          g_autofree char *id = hl_parser_dup_attribute (ctx, name, "id",
                                                         hl_parser_get_attribute (ctx, "id"));

          if (is_descriptor)
            hl_set_str (&ctx->mesh->descriptor_id, id);
          else
            g_ptr_array_add (ctx->mesh->qualifier_ids, g_strdup (id ? id : ""));
          hl_parser_start_field (ctx, is_descriptor ? FIELD_DESCRIPTOR : FIELD_QUALIFIER,
                                 is_descriptor ? "descriptor" : "qualifier", depth);
        }
    }
  else if (ctx->site != NULL)
    {
      if (strcmp (name, "information-category") == 0)
        hl_parser_start_field (ctx, FIELD_CATEGORY, "information-category", depth);
      else if (strcmp (name, "organization") == 0)
        hl_parser_start_field (ctx, FIELD_ORGANIZATION, "organization", depth);
      else if (strcmp (name, "standard-description") == 0)
        hl_parser_start_field (ctx, FIELD_DESCRIPTION, "standard-description", depth);
    }
}

static void
start_root (ParseContext *ctx,
            const char   *name)
{
  g_autofree char *date = NULL;
  g_autofree char *shown = NULL;

  if (strcmp (name, "health-topics") != 0)
    {
      shown = hl_parser_shown (name);
      if (strcmp (name, "health-topic-groups") == 0)
        hl_parser_fail (ctx, HL_ERROR_INVALID_FILE,
              _("This is a MedlinePlus topic-group file, not the health-topic file. "
                "Choose mplus_topics_YYYY-MM-DD.xml."));
      else
        hl_parser_fail (ctx, HL_ERROR_INVALID_FILE,
              _("This XML file is not a MedlinePlus health-topic file: its root element is "
                "<%s>, not <health-topics>."),
              shown);
      return;
    }

  ctx->saw_root = TRUE;
  date = hl_parser_dup_attribute (ctx, name, "date-generated",
                                  hl_parser_get_attribute (ctx, "date-generated"));
  ctx->info->date_generated = hl_parser_iso_date (date, TRUE);
  ctx->info->declared_total = hl_parser_dup_attribute (ctx, name, "total",
                                                       hl_parser_get_attribute (ctx, "total"));
}

static void
report_progress (ParseContext *ctx)
{
  double fraction;

  if (ctx->progress_func == NULL)
    return;

  fraction = hl_import_source_get_fraction (ctx->source);
  if (fraction - ctx->last_fraction < 0.01)
    return;

  ctx->last_fraction = fraction;
  ctx->progress_func (fraction, ctx->user_data);
}

static void
finish_topic (ParseContext *ctx)
{
  g_autoptr(HlTopic) topic = g_steal_pointer (&ctx->topic);
  const char *language;
  gpointer first_line;

  if (ctx->error != NULL)
    return;

  if (topic->id < 0)
    {
      hl_parser_fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("This topic has no “id” attribute."));
      return;
    }
  if (topic->title == NULL)
    {
      hl_parser_fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("Topic %d has no “title” attribute."), topic->id);
      return;
    }
  if (topic->url == NULL)
    {
      hl_parser_fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("Topic %d has no “url” attribute."), topic->id);
      return;
    }
  if (topic->language == NULL)
    {
      hl_parser_fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("Topic %d has no “language” attribute."), topic->id);
      return;
    }

  language = hl_language_from_name (topic->language);
  if (language == NULL)
    {
      /* Only English and Spanish topics exist today; a file with others is
       * still usable. */
      ctx->info->n_skipped++;
      return;
    }
  hl_set_str (&topic->language, language);

  if (g_hash_table_lookup_extended (ctx->id_lines, GINT_TO_POINTER (topic->id), NULL, &first_line))
    {
      hl_parser_fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("This topic has the id %d, already used by the topic on line %d. "
                 "Each topic must have its own id; the file may be damaged."),
               topic->id, GPOINTER_TO_INT (first_line));
      return;
    }
  g_hash_table_insert (ctx->id_lines, GINT_TO_POINTER (topic->id),
                       GINT_TO_POINTER (ctx->topic_line));

  if (topic->language[1] == 'n')
    ctx->info->n_english++;
  else
    ctx->info->n_spanish++;
  ctx->info->n_sites += topic->sites->len;

  if (!ctx->topic_func (g_steal_pointer (&topic), ctx->user_data, &ctx->error))
    return;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, &ctx->error))
    return;

  report_progress (ctx);
}

static void
end_field (ParseContext *ctx)
{
  HlTopic *topic = ctx->topic;
  Field field = ctx->field;
  char *text;

  ctx->field = FIELD_NONE;

  if (field == FIELD_SUMMARY)
    {
      g_free (topic->summary);
      topic->summary = g_strndup (ctx->text->str, ctx->text->len);
      return;
    }

  text = hl_parser_take_text (ctx);

  switch (field)
    {
    case FIELD_ALSO_CALLED:
      if (text != NULL)
        g_ptr_array_add (topic->also_called, g_steal_pointer (&text));
      break;

    case FIELD_SEE_REFERENCE:
      if (text != NULL)
        g_ptr_array_add (topic->see_references, g_steal_pointer (&text));
      break;

    case FIELD_GROUP:
      ctx->link->title = g_steal_pointer (&text);
      g_ptr_array_add (topic->groups, g_steal_pointer (&ctx->link));
      break;

    case FIELD_RELATED:
      ctx->link->title = g_steal_pointer (&text);
      g_ptr_array_add (topic->related, g_steal_pointer (&ctx->link));
      break;

    case FIELD_MAPPED:
      ctx->link->title = g_steal_pointer (&text);
      topic->mapped = g_steal_pointer (&ctx->link);
      break;

    case FIELD_INSTITUTE:
      g_free (topic->institute);
      topic->institute = g_steal_pointer (&text);
      break;

    case FIELD_OTHER_LANGUAGE:
      ctx->other->name = g_steal_pointer (&text);
      g_ptr_array_add (topic->other_languages, g_steal_pointer (&ctx->other));
      break;

    case FIELD_DESCRIPTOR:
      g_free (ctx->mesh->descriptor);
      ctx->mesh->descriptor = g_steal_pointer (&text);
      break;

    case FIELD_QUALIFIER:
      g_ptr_array_add (ctx->mesh->qualifiers, text ? g_steal_pointer (&text) : g_strdup (""));
      break;

    case FIELD_CATEGORY:
      if (text != NULL)
        g_ptr_array_add (ctx->site->categories, g_steal_pointer (&text));
      break;

    case FIELD_ORGANIZATION:
      if (text != NULL)
        g_ptr_array_add (ctx->site->organizations, g_steal_pointer (&text));
      break;

    case FIELD_DESCRIPTION:
      if (text != NULL)
        g_ptr_array_add (ctx->site->descriptions, g_steal_pointer (&text));
      break;

    case FIELD_NONE:
    case FIELD_SUMMARY:
    case FIELD_GROUP_FILE_NAME:
    default:
      break;
    }

  g_free (text);
}

void
hl_parser_topics_end_element (ParseContext *ctx,
                              int           depth)
{
  if (ctx->field != FIELD_NONE && depth == ctx->field_depth)
    {
      end_field (ctx);
      return;
    }

  if (ctx->topic == NULL)
    {
      if (depth == 0 && ctx->saw_root)
        ctx->root_closed = TRUE;
      return;
    }

  if (depth == 2)
    {
      if (ctx->mesh != NULL)
        g_ptr_array_add (ctx->topic->mesh_headings, g_steal_pointer (&ctx->mesh));
      else if (ctx->site != NULL)
        g_ptr_array_add (ctx->topic->sites, g_steal_pointer (&ctx->site));
    }
  else if (depth == 1)
    finish_topic (ctx);
}

void
hl_parser_topics_start_element (ParseContext *ctx,
                                const char   *name,
                                int           depth)
{
  if (depth == 0)
    start_root (ctx, name);
  else if (depth == 1)
    {
      /* The root holds topics only: anything else (say, a file of a million
       * <x/>) stops the import at once. */
      if (strcmp (name, "health-topic") == 0)
        start_topic (ctx);
      else
        {
          g_autofree char *shown = hl_parser_shown (name);

          hl_parser_fail (ctx, HL_ERROR_INVALID_FILE,
                          _("<%s> is not part of a MedlinePlus health-topic file, whose "
                            "<health-topics> holds only <health-topic> elements. The file is "
                            "damaged or was not made by MedlinePlus; it was not imported."),
                          shown);
        }
    }
  else if (!hl_parser_count_element (ctx))
    return;
  else if (ctx->field != FIELD_NONE)
    /* Markup inside a text element (say, an unescaped summary): only its
     * text is kept. */
    return;
  else if (ctx->topic == NULL)
    return;
  else if (depth == 2)
    start_topic_child (ctx, name, depth);
  else if (depth == 3)
    start_grandchild (ctx, name, depth);
}

