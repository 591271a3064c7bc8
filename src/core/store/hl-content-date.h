/* hl-content-date.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hl-topic-store.h"

G_BEGIN_DECLS

/* How current a library is: the dates MedlinePlus puts in its file names and
 * in its files, in one place for the pages, the updater and the app. Dates
 * are "YYYY-MM-DD". */

typedef enum
{
  HL_MEDLINEPLUS_FILE_NONE,        /* not a MedlinePlus file name */
  HL_MEDLINEPLUS_FILE_TOPICS,      /* mplus_topics_2026-11-23.xml */
  HL_MEDLINEPLUS_FILE_TOPICS_ZIP,  /* mplus_topics_compressed_2026-11-23.zip */
  HL_MEDLINEPLUS_FILE_GROUPS,      /* mplus_topic_groups_2026-11-23.xml */
} HlMedlinePlusFile;

/* What kind of file @name (a base name) is, and the date it carries. */
HlMedlinePlusFile  hl_content_date_parse_file_name (const char    *name,
                                                    char         **date);
/* The date of the content: the day MedlinePlus generated the file the library
 * was built from, or the date in that file's name; NULL when neither is
 * known. */
char              *hl_content_date_of_store        (HlTopicStore  *store);
/* The date in the name of the file the library was built from, or NULL. */
char              *hl_content_date_of_source       (HlTopicStore  *store);
/* Whole days from @date to @now (local calendar days); -1 when @date is not
 * a date. */
int                hl_content_date_age_in_days     (const char    *date,
                                                    GDateTime     *now);
/* Whether content of @date is older than @stale_after_days on @now; 0 days
 * means never stale. */
gboolean           hl_content_date_is_stale        (const char    *date,
                                                    guint          stale_after_days,
                                                    GDateTime     *now);

G_END_DECLS
