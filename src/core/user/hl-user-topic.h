/* hl-user-topic.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HL_TYPE_USER_TOPIC (hl_user_topic_get_type ())

G_DECLARE_FINAL_TYPE (HlUserTopic, hl_user_topic, HL, USER_TOPIC, GObject)

/* A topic the user keeps (a bookmark) or read (history): what is needed to
 * show it, and to find it again, when the library no longer has it. */
HlUserTopic *hl_user_topic_new           (int         id,
                                          const char *language,
                                          const char *title,
                                          const char *url,
                                          gint64      time);
int          hl_user_topic_get_id        (HlUserTopic *self);
const char  *hl_user_topic_get_language  (HlUserTopic *self);
const char  *hl_user_topic_get_title     (HlUserTopic *self);
/* Its MedlinePlus address. */
const char  *hl_user_topic_get_url       (HlUserTopic *self);
/* When it was bookmarked or last read: microseconds since 1970, UTC. */
gint64       hl_user_topic_get_time      (HlUserTopic *self);
/* TRUE when the library in use does not have the topic. */
gboolean     hl_user_topic_get_missing   (HlUserTopic *self);
void         hl_user_topic_set_missing   (HlUserTopic *self,
                                          gboolean     missing);
/* "hl://topic/ID" */
char        *hl_user_topic_dup_uri       (HlUserTopic *self);

G_END_DECLS
