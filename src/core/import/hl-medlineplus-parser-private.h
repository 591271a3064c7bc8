/* hl-medlineplus-parser-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/xmlreader.h>

#include "hl-import-source.h"
#include "hl-medlineplus-parser.h"

G_BEGIN_DECLS

/* The parser spans hl-medlineplus-parser.c (the reader, errors, the group
 * file) and hl-medlineplus-topics.c (the elements of a health-topic file). */

/* What the text of the element being read goes to. */
typedef enum
{
  FIELD_NONE,
  FIELD_ALSO_CALLED,
  FIELD_SUMMARY,
  FIELD_GROUP,
  FIELD_MAPPED,
  FIELD_DESCRIPTOR,
  FIELD_QUALIFIER,
  FIELD_OTHER_LANGUAGE,
  FIELD_INSTITUTE,
  FIELD_RELATED,
  FIELD_SEE_REFERENCE,
  FIELD_CATEGORY,
  FIELD_ORGANIZATION,
  FIELD_DESCRIPTION,
  FIELD_GROUP_FILE_NAME,
} Field;

typedef struct
{
  HlParserTopicFunc      topic_func;
  HlParserGroupFunc      group_func;
  HlParserProgressFunc   progress_func;
  gpointer               user_data;
  GCancellable          *cancellable;
  HlTopicsFileInfo      *info;

  const char            *name;          /* of the file, for messages */
  xmlTextReaderPtr       reader;
  HlImportSource        *source;
  GError                *error;

  /* The first error libxml2 reported. */
  char                  *xml_message;
  int                    xml_code;
  int                    xml_line;

  gboolean               checked_doctype;
  gboolean               saw_root;
  gboolean               root_closed;

  HlTopic               *topic;
  int                    topic_line;
  HlSite                *site;
  HlMeshHeading         *mesh;
  HlTopicLink           *link;
  HlOtherLanguage       *other;
  Field                  field;
  int                    field_depth;
  GString               *text;

  /* Group-file reading. */
  int                    group_id;
  const char            *group_language;
  char                  *group_url;

  GHashTable            *id_lines;      /* topic id → line, to report duplicates */
  double                 last_fraction;
} ParseContext;

void        hl_parser_fail                   (ParseContext *ctx,
                                              int           code,
                                              const char   *format,
                                              ...) G_GNUC_PRINTF (3, 4);
void        hl_parser_fail_at                (ParseContext *ctx,
                                              int           line,
                                              int           code,
                                              const char   *format,
                                              ...) G_GNUC_PRINTF (4, 5);
int         hl_parser_current_line           (ParseContext *ctx);
void        hl_parser_check_doctype          (ParseContext *ctx);
/* The value of the attribute the reader is on. */
const char *hl_parser_attribute              (ParseContext *ctx,
                                              const char   *name);
gboolean    hl_parser_parse_id               (const char   *text,
                                              int          *id);
char       *hl_parser_dup_attribute_text     (const char   *value);
char       *hl_parser_iso_date               (const char   *value,
                                              gboolean      with_time);
/* Collects the text of the element at @depth for @field. */
void        hl_parser_start_field            (ParseContext *ctx,
                                              Field         field,
                                              int           depth);
char       *hl_parser_take_text              (ParseContext *ctx);

void        hl_parser_topics_start_element   (ParseContext *ctx,
                                              int           depth);
void        hl_parser_topics_end_element     (ParseContext *ctx,
                                              int           depth);

G_END_DECLS
