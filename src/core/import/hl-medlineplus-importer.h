/* hl-medlineplus-importer.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HL_TYPE_MEDLINEPLUS_IMPORTER (hl_medlineplus_importer_get_type ())

G_DECLARE_FINAL_TYPE (HlMedlinePlusImporter, hl_medlineplus_importer, HL, MEDLINEPLUS_IMPORTER, GObject)

/* Called with the share of the file read so far (0 to 1). */
typedef void (*HlImportProgressFunc) (double   fraction,
                                      gpointer user_data);

/* Called in the import's thread once the new library is complete, before it
 * replaces the current one, with the figures below already set: FALSE with
 * an error refuses the file and leaves the current library as it was. */
typedef gboolean (*HlImportCheckFunc) (HlMedlinePlusImporter  *importer,
                                       gpointer                user_data,
                                       GError                **error);

/* Builds a new library from a MedlinePlus health-topic XML file (plain, ZIP
 * or gzip) and a topic-group file, and puts it in place of the current one
 * only when every step succeeded: a failed or cancelled import leaves the
 * current library exactly as it was. A current library that opens is kept
 * beside the new one as the previous library (hl-library-files.h). */
HlMedlinePlusImporter *hl_medlineplus_importer_new                (const char             *topics_path);
/* The group list; by default the one installed with the app. */
void                   hl_medlineplus_importer_set_groups_path    (HlMedlinePlusImporter  *self,
                                                                   const char             *groups_path);
/* Where the library goes; by default hl_paths_get_library_path(). */
void                   hl_medlineplus_importer_set_library_path   (HlMedlinePlusImporter  *self,
                                                                   const char             *library_path);
/* Records that the file is the bundled sample, not a full NLM download.
 * Without it, a file that is byte for byte the bundled sample (wherever it
 * was copied, zipped or not) is recorded as the sample, and no other is. */
void                   hl_medlineplus_importer_set_sample         (HlMedlinePlusImporter  *self,
                                                                   gboolean                sample);
void                   hl_medlineplus_importer_set_check_func     (HlMedlinePlusImporter  *self,
                                                                   HlImportCheckFunc       func,
                                                                   gpointer                user_data);
/* With run_async() the function is called in the caller's main context. */
void                   hl_medlineplus_importer_set_progress_func  (HlMedlinePlusImporter  *self,
                                                                   HlImportProgressFunc    func,
                                                                   gpointer                user_data,
                                                                   GDestroyNotify          destroy);
gboolean               hl_medlineplus_importer_run                (HlMedlinePlusImporter  *self,
                                                                   GCancellable           *cancellable,
                                                                   GError                **error);
void                   hl_medlineplus_importer_run_async          (HlMedlinePlusImporter  *self,
                                                                   GCancellable           *cancellable,
                                                                   GAsyncReadyCallback     callback,
                                                                   gpointer                user_data);
gboolean               hl_medlineplus_importer_run_finish         (HlMedlinePlusImporter  *self,
                                                                   GAsyncResult           *result,
                                                                   GError                **error);

/* Figures of a finished import. */
guint                  hl_medlineplus_importer_get_n_topics       (HlMedlinePlusImporter  *self,
                                                                   const char             *language);
guint                  hl_medlineplus_importer_get_n_groups       (HlMedlinePlusImporter  *self);
guint                  hl_medlineplus_importer_get_n_sites        (HlMedlinePlusImporter  *self);
/* Topics in a language other than English and Spanish, left out. */
guint                  hl_medlineplus_importer_get_n_skipped      (HlMedlinePlusImporter  *self);
double                 hl_medlineplus_importer_get_seconds        (HlMedlinePlusImporter  *self);

G_END_DECLS
