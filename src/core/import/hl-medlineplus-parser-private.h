/* hl-medlineplus-parser-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/parser.h>

#include "hl-import-source.h"
#include "hl-medlineplus-parser.h"

G_BEGIN_DECLS

/* The parser spans hl-medlineplus-parser.c (libxml2's SAX parser, errors,
 * limits, the group file) and hl-medlineplus-topics.c (the elements of a
 * health-topic file). */

/* Limits, each far above what real files hold, so that memory stays
 * bounded whatever a file holds (see README, "Data"). */

/* A summary is under 10 kB in every real file. */
#define HL_PARSER_MAX_SUMMARY     (256 * 1024)
/* A title, a name, a term, a URL: under 200 characters in real files. */
#define HL_PARSER_MAX_VALUE       (8 * 1024)
/* All of one topic's text: real topics hold under 100 kB. */
#define HL_PARSER_MAX_TOPIC_BYTES (1024 * 1024)
/* The elements of one topic: real topics have a few hundred. */
#define HL_PARSER_MAX_ELEMENTS    10000
/* Real files hold about 2,100 topics and 90 groups. */
#define HL_PARSER_MAX_TOPICS      50000
#define HL_PARSER_MAX_GROUPS      10000
/* Real files nest elements four deep. */
#define HL_PARSER_MAX_DEPTH       32
/* The longest run of bytes without a '<' (a text, a tag with its
 * attributes, a comment): libxml2 keeps such a run in memory whole. */
#define HL_PARSER_MAX_RUN         (1024 * 1024)

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

/* An attribute of the element being started, its value nul-terminated. */
typedef struct
{
  const char *name;
  char       *value;
} ParserAttribute;

typedef struct _ParseContext ParseContext;

typedef void (*ParserStartFunc) (ParseContext *ctx,
                                 const char   *name,
                                 int           depth);
typedef void (*ParserEndFunc)   (ParseContext *ctx,
                                 int           depth);

struct _ParseContext
{
  HlParserTopicFunc      topic_func;
  HlParserGroupFunc      group_func;
  HlParserProgressFunc   progress_func;
  gpointer               user_data;
  GCancellable          *cancellable;
  HlTopicsFileInfo      *info;
  ParserStartFunc        on_start;
  ParserEndFunc          on_end;

  const char            *name;          /* of the file, for messages */
  xmlParserCtxtPtr       parser;
  HlImportSource        *source;
  GError                *error;

  /* The first error libxml2 reported. */
  char                  *xml_message;
  int                    xml_code;
  int                    xml_line;

  int                    depth;
  GArray                *attributes;    /* ParserAttribute */
  gsize                  run;           /* bytes since the last '<' */
  gboolean               saw_root;
  gboolean               root_closed;

  HlTopic               *topic;
  int                    topic_line;
  gsize                  topic_bytes;
  guint                  topic_elements;
  guint                  n_topics;
  HlSite                *site;
  HlMeshHeading         *mesh;
  HlTopicLink           *link;
  HlOtherLanguage       *other;
  Field                  field;
  const char            *field_name;    /* the element, for messages */
  int                    field_depth;
  gsize                  field_limit;
  GString               *text;

  /* Group-file reading. */
  int                    group_id;
  const char            *group_language;
  char                  *group_url;
  guint                  n_groups;

  GHashTable            *id_lines;      /* topic id → line, to report duplicates */
  double                 last_fraction;
};

void        hl_parser_fail                   (ParseContext *ctx,
                                              int           code,
                                              const char   *format,
                                              ...) G_GNUC_PRINTF (3, 4);
void        hl_parser_fail_at                (ParseContext *ctx,
                                              int           line,
                                              int           code,
                                              const char   *format,
                                              ...) G_GNUC_PRINTF (4, 5);
/* The line the parser is on: where the element being started ends its
 * start tag, or where the text being read is. */
int         hl_parser_current_line           (ParseContext *ctx);
/* @text (from the file) fit for a message: valid UTF-8, 40 characters at
 * most. */
char       *hl_parser_shown                  (const char   *text);
/* The value of the current element's attribute @name, or NULL. */
const char *hl_parser_get_attribute          (ParseContext *ctx,
                                              const char   *name);
gboolean    hl_parser_parse_id               (const char   *text,
                                              int          *id);
/* @value with its white space collapsed; fails (and returns NULL) when it
 * is longer than a value may be. @element and @attribute name it. */
char       *hl_parser_dup_attribute          (ParseContext *ctx,
                                              const char   *element,
                                              const char   *attribute,
                                              const char   *value);
char       *hl_parser_iso_date               (const char   *value,
                                              gboolean      with_time);
/* Collects the text of the element @name at @depth for @field. */
void        hl_parser_start_field            (ParseContext *ctx,
                                              Field         field,
                                              const char   *name,
                                              int           depth);
char       *hl_parser_take_text              (ParseContext *ctx);
/* Counts an element of the current topic against its limit. */
gboolean    hl_parser_count_element          (ParseContext *ctx);

void        hl_parser_topics_start_element   (ParseContext *ctx,
                                              const char   *name,
                                              int           depth);
void        hl_parser_topics_end_element     (ParseContext *ctx,
                                              int           depth);

G_END_DECLS
