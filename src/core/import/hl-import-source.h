/* hl-import-source.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest file (or ZIP entry) we read: the real MedlinePlus file is about
 * 30 MB, so anything this large is not one. */
#define HL_IMPORT_MAX_BYTES (G_GINT64_CONSTANT (1) << 30)

/* A file to import, read as a byte stream: a plain XML file, or the XML entry
 * of a ZIP archive (NLM also publishes the topics zipped), or a gzip file. */
typedef struct _HlImportSource HlImportSource;

HlImportSource *hl_import_source_open         (const char      *path,
                                               GError         **error);
/* Reads up to @length bytes; 0 at the end, -1 on error (see take_error). */
int             hl_import_source_read         (HlImportSource  *self,
                                               char            *buffer,
                                               int              length);
GError         *hl_import_source_take_error   (HlImportSource  *self);
/* How far the stream has got, from 0 to 1 (by compressed bytes for archives). */
double          hl_import_source_get_fraction (HlImportSource  *self);
/* TRUE once every byte has been read. */
gboolean        hl_import_source_at_end       (HlImportSource  *self);
/* Lines read so far: once at the end, the file's last line. */
int             hl_import_source_get_n_lines  (HlImportSource  *self);
/* The path, or "archive.zip › entry.xml" for an archive entry. */
const char     *hl_import_source_get_name     (HlImportSource  *self);
void            hl_import_source_free         (HlImportSource  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlImportSource, hl_import_source_free)

G_END_DECLS
