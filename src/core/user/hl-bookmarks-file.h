/* hl-bookmarks-file.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bookmarks as a plain file, to keep or to move to another computer:
 *
 *   {
 *     "format": "health-library-bookmarks",
 *     "version": 1,
 *     "bookmarks": [
 *       { "id": 3061, "language": "en", "title": "Abdominal Pain",
 *         "url": "https://medlineplus.gov/abdominalpain.html",
 *         "added": "2026-12-02T09:30:00.000000Z" }
 *     ]
 *   }
 *
 * "id" is the MedlinePlus topic id and "title" its title, both required;
 * "language" ("en" or "es"), "url" (the MedlinePlus address) and "added"
 * (ISO 8601) may be left out. Members not listed here are ignored. */

#define HL_BOOKMARKS_FORMAT  "health-library-bookmarks"
#define HL_BOOKMARKS_VERSION 1
/* Larger than any list of bookmarks a person keeps. */
#define HL_BOOKMARKS_MAX_SIZE (8 * 1024 * 1024)

/* @bookmarks: HlUserTopic items. Returns the file's text. */
char      *hl_bookmarks_file_write (GPtrArray   *bookmarks);
/* HlUserTopic items, in the file's order, each id once; NULL with an error
 * naming @name (and, where it can, the bookmark) for anything else. */
GPtrArray *hl_bookmarks_file_read  (const char  *contents,
                                    gsize        length,
                                    const char  *name,
                                    GError     **error);

G_END_DECLS
