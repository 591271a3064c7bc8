/* hl-medlineplus-importer-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-medlineplus-importer.h"

G_BEGIN_DECLS

/* The points an import goes through, for the fault tests: they stop an
 * import there (and kill it) to check that the library survives. */
typedef enum
{
  HL_IMPORT_STAGE_FINISHING,   /* every topic written; the indexes are next */
  HL_IMPORT_STAGE_REPLACING,   /* the new file is complete and on disk, not renamed yet */
  HL_IMPORT_STAGE_REPLACED,    /* the new file has the library's name */
} HlImportStage;

typedef void (*HlImportStageFunc) (HlImportStage stage,
                                   gpointer      user_data);

/* Called in the thread that runs the import. */
void hl_medlineplus_importer_set_stage_func (HlMedlinePlusImporter *self,
                                             HlImportStageFunc      func,
                                             gpointer               user_data);

G_END_DECLS
