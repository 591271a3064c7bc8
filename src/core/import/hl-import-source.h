/* hl-import-source.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest file, and the most XML a compressed file may expand to: the
 * real MedlinePlus file is about 30 MB, so anything this large is not one. */
#define HL_IMPORT_MAX_BYTES (G_GINT64_CONSTANT (200) * 1024 * 1024)
/* XML compresses to a tenth of its size or so; a compressed file that
 * expands much further is a bomb. Checked once this much has come out. */
#define HL_IMPORT_MAX_RATIO      50
#define HL_IMPORT_RATIO_FROM     (G_GINT64_CONSTANT (16) * 1024 * 1024)

/* Which file is being read, for choosing a ZIP entry and for messages. */
typedef enum
{
  HL_IMPORT_FILE_TOPICS,   /* mplus_topics_YYYY-MM-DD.xml */
  HL_IMPORT_FILE_GROUPS,   /* mplus_topic_groups_YYYY-MM-DD.xml */
} HlImportFileKind;

/* A file to import, read as a byte stream: a plain XML file, or the XML entry
 * of a ZIP archive (NLM also publishes the topics zipped), or a gzip file. A
 * ZIP archive must hold exactly one entry named after @kind's file
 * ("mplus_topics*.xml" in any case, or "mplus_topic_groups*.xml"). */
typedef struct _HlImportSource HlImportSource;

HlImportSource *hl_import_source_open         (const char      *path,
                                               HlImportFileKind kind,
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
/* The SHA-256 of every byte read (the XML, for an archive), once at the
 * end, for files of HL_IMPORT_CHECKSUM_LIMIT bytes or less; NULL otherwise. */
#define HL_IMPORT_CHECKSUM_LIMIT (1024 * 1024)
char           *hl_import_source_dup_checksum (HlImportSource  *self);
/* The path, or "archive.zip › entry.xml" for an archive entry. */
const char     *hl_import_source_get_name     (HlImportSource  *self);
void            hl_import_source_free         (HlImportSource  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlImportSource, hl_import_source_free)

G_END_DECLS
