/* hl-library-writer.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hl-topic.h"

G_BEGIN_DECLS

/* The version of the library database's layout; a library written with
 * another version is rebuilt from its source. */
#define HL_LIBRARY_FORMAT 5

/* Writes a complete new library database into a file nobody else reads yet.
 * Used by the importer only; the file becomes the library when the importer
 * renames it into place. */
typedef struct _HlLibraryWriter HlLibraryWriter;

HlLibraryWriter *hl_library_writer_new          (const char       *path,
                                                 GError          **error);
/* Adds a topic; fails on a duplicate id (HL_ERROR_INVALID_DATA). */
gboolean         hl_library_writer_add_topic    (HlLibraryWriter  *self,
                                                 const HlTopic    *topic,
                                                 const char       *search_body,
                                                 GError          **error);
/* Names a group; the first name given for (id, language) wins. */
gboolean         hl_library_writer_add_group    (HlLibraryWriter  *self,
                                                 int               id,
                                                 const char       *language,
                                                 const char       *name,
                                                 const char       *url,
                                                 GError          **error);
gboolean         hl_library_writer_set_meta     (HlLibraryWriter  *self,
                                                 const char       *key,
                                                 const char       *value,
                                                 GError          **error);
/* Builds indexes and counts, commits and closes the database. */
gboolean         hl_library_writer_finish       (HlLibraryWriter  *self,
                                                 guint            *n_groups,
                                                 GError          **error);
/* Closes without committing; the file is left for the caller to delete. */
void             hl_library_writer_free         (HlLibraryWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlLibraryWriter, hl_library_writer_free)

G_END_DECLS
