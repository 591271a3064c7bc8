/* hl-medlineplus-groups.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hl-error.h"
#include "hl-medlineplus-parser-private.h"

/* The topic-group file: <health-topic-groups><group language id url>Name</group>… */
static void
groups_start_element (ParseContext *ctx,
                      const char   *name,
                      int           depth)
{
  if (depth == 0)
    {
      if (strcmp (name, "health-topic-groups") != 0)
        {
          g_autofree char *shown = hl_parser_shown (name);

          hl_parser_fail (ctx, HL_ERROR_INVALID_FILE,
                          _("This is not a MedlinePlus topic-group file: its root element is "
                            "<%s>, not <health-topic-groups>."),
                          shown);
        }
      ctx->saw_root = TRUE;
      return;
    }

  if (depth == 1 && strcmp (name, "group") != 0)
    {
      g_autofree char *shown = hl_parser_shown (name);

      hl_parser_fail (ctx, HL_ERROR_INVALID_FILE,
                      _("<%s> is not part of a MedlinePlus topic-group file, whose "
                        "<health-topic-groups> holds only <group> elements."),
                      shown);
      return;
    }

  if (depth != 1)
    return;

  if (++ctx->n_groups > HL_PARSER_MAX_GROUPS)
    {
      hl_parser_fail (ctx, HL_ERROR_TOO_LARGE,
                      _("The file lists more than %d groups; a MedlinePlus topic-group file lists "
                        "about 90. It was not imported."),
                      HL_PARSER_MAX_GROUPS);
      return;
    }

  ctx->group_id = 0;
  ctx->group_language = NULL;
  g_clear_pointer (&ctx->group_url, g_free);
  hl_parser_parse_id (hl_parser_get_attribute (ctx, "id"), &ctx->group_id);
  ctx->group_language = hl_language_from_name (hl_parser_get_attribute (ctx, "language"));
  ctx->group_url = hl_parser_dup_attribute (ctx, "group", "url", hl_parser_get_attribute (ctx, "url"));
  hl_parser_start_field (ctx, FIELD_GROUP_FILE_NAME, "group", depth);
}

static void
groups_end_element (ParseContext *ctx,
                    int           depth)
{
  g_autofree char *name = NULL;

  if (depth == 0)
    {
      ctx->root_closed = ctx->saw_root;
      return;
    }

  if (ctx->field != FIELD_GROUP_FILE_NAME || depth != ctx->field_depth)
    return;

  ctx->field = FIELD_NONE;
  name = hl_parser_take_text (ctx);
  if (name != NULL && ctx->group_id > 0 && ctx->group_language != NULL)
    ctx->group_func (ctx->group_id, ctx->group_language, name, ctx->group_url, ctx->user_data,
                     &ctx->error);
}

gboolean
hl_medlineplus_parse_groups (const char         *path,
                             HlParserGroupFunc   group_func,
                             gpointer            user_data,
                             GError            **error)
{
  g_auto(ParseContext) context = { 0 };
  ParseContext *ctx = &context;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (group_func != NULL, FALSE);

  ctx->group_func = group_func;
  ctx->user_data = user_data;
  ctx->on_start = groups_start_element;
  ctx->on_end = groups_end_element;

  if (!hl_parser_read_file (ctx, path, HL_IMPORT_FILE_GROUPS, error))
    return FALSE;

  if (!ctx->saw_root || !ctx->root_closed)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is not a complete MedlinePlus topic-group file."), ctx->name);
      return FALSE;
    }

  return TRUE;
}
