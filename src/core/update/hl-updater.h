/* hl-updater.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* MedlinePlus's page of XML files, on which the newest file is found. */
#define HL_UPDATE_DEFAULT_URL "https://medlineplus.gov/xml.html"

#define HL_TYPE_UPDATER (hl_updater_get_type ())

G_DECLARE_FINAL_TYPE (HlUpdater, hl_updater, HL, UPDATER, GObject)

typedef enum
{
  HL_UPDATE_PHASE_IDLE,
  HL_UPDATE_PHASE_CHECKING,     /* reading the page of files */
  HL_UPDATE_PHASE_DOWNLOADING,  /* :fraction of the topic file */
  HL_UPDATE_PHASE_IMPORTING,    /* :fraction of the import */
} HlUpdatePhase;

GType hl_update_phase_get_type (void);
#define HL_TYPE_UPDATE_PHASE (hl_update_phase_get_type ())

typedef enum
{
  HL_UPDATE_RESULT_UPDATED,     /* a newer file was imported */
  HL_UPDATE_RESULT_UP_TO_DATE,  /* the library is already of the newest date: nothing downloaded */
} HlUpdateResult;

/* Brings the library at @library_path (NULL: the user's) up to the newest
 * MedlinePlus health-topic file: finds it on the page at the update
 * address, skips it when the library is already of that date, downloads it
 * (and its topic-group file) to a temporary folder with libsoup, checks it
 * (size within bounds, a MedlinePlus file and not a web page, at least
 * :min-topics topics in English and in Spanish, not less than half of what
 * the current library has) and imports it all or nothing through
 * HlMedlinePlusImporter, which keeps the library it replaces as the previous
 * one. Any failure leaves the library exactly as it was. */
HlUpdater      *hl_updater_new                (const char           *library_path);
/* An https page of links (or a mirror's http one), or the address of a
 * health-topic file itself. */
void            hl_updater_set_url            (HlUpdater            *self,
                                               const char           *url);
const char     *hl_updater_get_url            (HlUpdater            *self);
/* Seconds without a byte from the server before a download fails; by
 * default 30, or $HEALTH_LIBRARY_NETWORK_TIMEOUT. */
void            hl_updater_set_timeout        (HlUpdater            *self,
                                               guint                 seconds);
void            hl_updater_run_async          (HlUpdater            *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean        hl_updater_run_finish         (HlUpdater            *self,
                                               GAsyncResult         *result,
                                               HlUpdateResult       *outcome,
                                               GError              **error);
gboolean        hl_updater_is_running         (HlUpdater            *self);
HlUpdatePhase   hl_updater_get_phase          (HlUpdater            *self);
double          hl_updater_get_fraction       (HlUpdater            *self);
/* Of the last run: the newest date and file offered (NULL before a page was
 * read), and the figures of an import. */
const char     *hl_updater_get_offered_date   (HlUpdater            *self);
const char     *hl_updater_get_file_name      (HlUpdater            *self);
guint           hl_updater_get_n_topics       (HlUpdater            *self,
                                               const char           *language);
guint           hl_updater_get_n_groups       (HlUpdater            *self);

/* Brings back the previous library in place of the current one, which
 * becomes the previous library in turn; fails with
 * HL_UPDATE_ERROR_NO_PREVIOUS when there is none, or when the previous
 * library does not open (then nothing changes). */
gboolean        hl_update_rollback            (const char           *library_path,
                                               GError              **error);
/* The content date of the previous library, or NULL when there is none;
 * @sample (may be NULL) says whether it is the bundled sample. */
char           *hl_update_dup_previous_date   (const char           *library_path,
                                               gboolean             *sample);

G_END_DECLS
