/* hl-topic-ref.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HL_TYPE_TOPIC_REF (hl_topic_ref_get_type ())

G_DECLARE_FINAL_TYPE (HlTopicRef, hl_topic_ref, HL, TOPIC_REF, GObject)

/* A topic as it appears in a list: in a group, the A–Z index or search
 * results (which also carry a snippet). */
HlTopicRef *hl_topic_ref_new                 (int         id,
                                              const char *language,
                                              const char *title,
                                              const char *snippet);
int         hl_topic_ref_get_id              (HlTopicRef *self);
const char *hl_topic_ref_get_language        (HlTopicRef *self);
const char *hl_topic_ref_get_title           (HlTopicRef *self);
/* "hl://topic/12" */
char       *hl_topic_ref_dup_uri             (HlTopicRef *self);
/* The snippet's text without marks, or NULL. */
char       *hl_topic_ref_dup_snippet_text    (HlTopicRef *self);
/* The snippet as escaped HTML with matched words in <mark>, or NULL. */
char       *hl_topic_ref_dup_snippet_html    (HlTopicRef *self);
/* The snippet as Pango markup with matched words in bold, or NULL. */
char       *hl_topic_ref_dup_snippet_markup  (HlTopicRef *self);

/* Marks around matched words in raw snippets. */
#define HL_SNIPPET_MARK_START "\x02"
#define HL_SNIPPET_MARK_END   "\x03"

G_END_DECLS
