/* hl-medlineplus-parser.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-topic.h"

G_BEGIN_DECLS

/* Reads MedlinePlus health-topic and topic-group files with libxml2's SAX
 * parser: the parser holds one topic at a time (each handed to the caller
 * when it ends), builds no document, and loads no DTD, entity or anything
 * from the network. Every part of a file has a limit (see
 * hl-medlineplus-parser-private.h), so memory stays bounded whatever the
 * file. Errors name the file, the line and, for a limit, the element or
 * attribute and the topic; they are valid UTF-8. */

/* Takes @topic (English or Spanish, with its id, title and url). Returning
 * FALSE stops the reading with @error. */
typedef gboolean (*HlParserTopicFunc)    (HlTopic     *topic,
                                          gpointer     user_data,
                                          GError     **error);
typedef gboolean (*HlParserGroupFunc)    (int          id,
                                          const char  *language,
                                          const char  *name,
                                          const char  *url,
                                          gpointer     user_data,
                                          GError     **error);
typedef void     (*HlParserProgressFunc) (double       fraction,
                                          gpointer     user_data);

/* What a topics file says of itself, and what was read from it. */
typedef struct
{
  char  *date_generated;   /* ISO 8601, or as written */
  char  *checksum;         /* SHA-256 of the XML, for a file of 1 MB or less */
  char  *declared_total;
  guint  n_english;
  guint  n_spanish;
  guint  n_sites;
  guint  n_skipped;        /* topics in other languages */
} HlTopicsFileInfo;

void     hl_topics_file_info_clear     (HlTopicsFileInfo      *info);

gboolean hl_medlineplus_parse_topics   (const char            *path,
                                        HlParserTopicFunc      topic_func,
                                        HlParserProgressFunc   progress_func,
                                        gpointer               user_data,
                                        GCancellable          *cancellable,
                                        HlTopicsFileInfo      *info,
                                        GError               **error);
gboolean hl_medlineplus_parse_groups   (const char            *path,
                                        HlParserGroupFunc      group_func,
                                        gpointer               user_data,
                                        GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HlTopicsFileInfo, hl_topics_file_info_clear)

G_END_DECLS
