/* hl-import-job.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-library.h"
#include "hl-lockdown.h"

G_BEGIN_DECLS

#define HL_TYPE_IMPORT_JOB (hl_import_job_get_type ())

G_DECLARE_FINAL_TYPE (HlImportJob, hl_import_job, HL, IMPORT_JOB, GObject)

typedef enum
{
  HL_IMPORT_OUTCOME_DONE,
  HL_IMPORT_OUTCOME_FAILED,
  HL_IMPORT_OUTCOME_CANCELLED,
} HlImportOutcome;

/* An import asked for from the app's windows, one at a time: the core's
 * importer runs in a worker thread, :fraction follows it, it can be
 * cancelled, and ::finished says how it ended with a sentence for a person
 * (what was imported, the core's one-line message, or that nothing
 * changed). The lockdown's disable-import refuses it. */
HlImportJob *hl_import_job_new            (HlLibrary    *library,
                                           HlLockdown   *lockdown);
/* FALSE with a message a person can read when the import cannot start. */
gboolean     hl_import_job_start          (HlImportJob  *self,
                                           const char   *path,
                                           GError      **error);
/* Builds the library again from the sample that comes with the app. */
gboolean     hl_import_job_restore_sample (HlImportJob  *self,
                                           GError      **error);
void         hl_import_job_cancel         (HlImportJob  *self);
gboolean     hl_import_job_get_running    (HlImportJob  *self);
double       hl_import_job_get_fraction   (HlImportJob  *self);
/* The name of the file being imported, for display; NULL when idle. */
const char  *hl_import_job_get_file_name  (HlImportJob  *self);

/* Topic groups with a topic in English or Spanish, as the importer counts
 * them. */
guint        hl_import_job_count_groups   (HlTopicStore *store);
/* "39 English topics, 17 Spanish topics and 23 groups". */
char        *hl_import_job_describe_store (HlTopicStore *store);

G_END_DECLS
