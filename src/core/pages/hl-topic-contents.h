/* hl-topic-contents.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "On this page", as MedlinePlus shows it at the top of its topics: the
 * summary's headings, then the categories of links, each entry a jump to
 * its section. */
typedef struct _HlTopicContents HlTopicContents;

HlTopicContents *hl_topic_contents_new          (void);
void             hl_topic_contents_free         (HlTopicContents *contents);

/* @summary (the sanitizer's HTML) with an id on each of its h3 headings,
 * which become entries; NULL when it has none (the caller then adds one
 * entry for the whole summary). */
char            *hl_topic_contents_add_headings (HlTopicContents *contents,
                                                 const char      *summary);
/* An entry for the element @id, titled @title (text). */
void             hl_topic_contents_add_entry    (HlTopicContents *contents,
                                                 const char      *id,
                                                 const char      *title);
/* A section with @title (text), whose id is returned: "section-3". */
char            *hl_topic_contents_add_section  (HlTopicContents *contents,
                                                 const char      *title);
guint            hl_topic_contents_get_count    (HlTopicContents *contents);
/* The list, headed "@heading": <nav class="contents">…</nav>. */
void             hl_topic_contents_append       (HlTopicContents *contents,
                                                 GString         *out,
                                                 const char      *heading);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlTopicContents, hl_topic_contents_free)

G_END_DECLS
