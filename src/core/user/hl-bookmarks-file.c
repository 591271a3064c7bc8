/* hl-bookmarks-file.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hl-bookmarks-file.h"
#include "hl-error.h"
#include "hl-html.h"
#include "hl-topic.h"
#include "hl-user-topic.h"

char *
hl_bookmarks_file_write (GPtrArray *bookmarks)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, HL_BOOKMARKS_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, HL_BOOKMARKS_VERSION);
  json_builder_set_member_name (builder, "bookmarks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bookmarks->len; i++)
    {
      HlUserTopic *topic = g_ptr_array_index (bookmarks, i);
      g_autoptr(GDateTime) added = g_date_time_new_from_unix_utc (0);
      g_autoptr(GDateTime) when = g_date_time_add (added, hl_user_topic_get_time (topic));
      g_autofree char *iso = g_date_time_format_iso8601 (when);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, hl_user_topic_get_id (topic));
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, hl_user_topic_get_language (topic));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, hl_user_topic_get_title (topic));
      if (hl_user_topic_get_url (topic) != NULL)
        {
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, hl_user_topic_get_url (topic));
        }
      json_builder_set_member_name (builder, "added");
      json_builder_add_string_value (builder, iso);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, NULL);
  return g_strconcat (data, "\n", NULL);
}

/* A member that must be a string, or absent; FALSE for any other value. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *value = json_node_get_string (node);
  return TRUE;
}

static HlUserTopic *
read_bookmark (JsonNode    *node,
               const char  *name,
               guint        number,
               GError     **error)
{
  JsonObject *object;
  JsonNode *id_node;
  const char *title, *language, *url, *added;
  const char *code = "en";
  gint64 id;
  gint64 time = g_get_real_time ();

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: bookmark %u must be an object in braces { … }."), name, number);
      return NULL;
    }
  object = json_node_get_object (node);

  id_node = json_object_get_member (object, "id");
  if (id_node == NULL || !JSON_NODE_HOLDS_VALUE (id_node) ||
      json_node_get_value_type (id_node) != G_TYPE_INT64 ||
      (id = json_node_get_int (id_node)) <= 0 || id > G_MAXINT)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: bookmark %u needs an “id”, the topic’s number, such as 3061."),
                   name, number);
      return NULL;
    }

  if (!get_string (object, "title", &title) || title == NULL || *title == '\0')
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: bookmark %u needs a “title” in double quotes."), name, number);
      return NULL;
    }

  if (!get_string (object, "language", &language) ||
      (language != NULL && (code = hl_language_normalize (language)) == NULL))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: the “language” of bookmark %u must be “en” or “es”."), name, number);
      return NULL;
    }

  if (!get_string (object, "url", &url) || (url != NULL && !hl_html_is_web_url (url)))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: the “url” of bookmark %u must be a web address starting with "
                     "https://."), name, number);
      return NULL;
    }

  if (!get_string (object, "added", &added))
    added = NULL;
  if (added != NULL)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (added, NULL);

      if (when != NULL)
        time = g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when);
    }

  return hl_user_topic_new (id, code, title, url, time);
}

GPtrArray *
hl_bookmarks_file_read (const char  *contents,
                        gsize        length,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) bookmarks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;
  const char *format = NULL;
  JsonArray *list;

  g_return_val_if_fail (contents != NULL, NULL);

  if (length > HL_BOOKMARKS_MAX_SIZE)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a bookmarks file."), name);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, contents, length, &parse_error))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                   _("“%s” is not a bookmarks file: %s"), name, parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL || !get_string (object, "format", &format) ||
      g_strcmp0 (format, HL_BOOKMARKS_FORMAT) != 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is not a Health Library bookmarks file."), name);
      return NULL;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s”: “version” must be a whole number, such as %d."), name,
                   HL_BOOKMARKS_VERSION);
      return NULL;
    }
  if (json_node_get_int (node) > HL_BOOKMARKS_VERSION)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” was written by a newer version of Health Library. Update the app "
                     "to import it."), name);
      return NULL;
    }

  node = json_object_get_member (object, "bookmarks");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” has no list of “bookmarks” in brackets [ … ]."), name);
      return NULL;
    }

  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      HlUserTopic *topic = read_bookmark (json_array_get_element (list, i), name, i + 1, error);
      int id;

      if (topic == NULL)
        return NULL;

      id = hl_user_topic_get_id (topic);
      if (g_hash_table_contains (seen, GINT_TO_POINTER (id)))
        {
          g_object_unref (topic);
          continue;
        }
      g_hash_table_add (seen, GINT_TO_POINTER (id));
      g_ptr_array_add (bookmarks, topic);
    }

  return g_steal_pointer (&bookmarks);
}
