/* hl-application.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-clinic-directory.h"
#include "hl-import-job.h"
#include "hl-kiosk.h"
#include "hl-library.h"
#include "hl-lockdown.h"
#include "hl-page-renderer.h"
#include "hl-user-session.h"
#include "hl-update-controller.h"

G_BEGIN_DECLS

#define HL_TYPE_APPLICATION (hl_application_get_type ())

G_DECLARE_FINAL_TYPE (HlApplication, hl_application, HL, APPLICATION, AdwApplication)

HlApplication     *hl_application_new           (void);
HlLibrary         *hl_application_get_library   (HlApplication *self);
HlPageRenderer    *hl_application_get_renderer  (HlApplication *self);
/* NULL when the directory file could not be read. */
HlClinicDirectory *hl_application_get_clinics   (HlApplication *self);
GSettings         *hl_application_get_settings  (HlApplication *self);
HlLockdown        *hl_application_get_lockdown  (HlApplication *self);
/* Imports asked for from the windows, one at a time. */
HlImportJob       *hl_application_get_import_job (HlApplication *self);
/* The basket, bookmarks and history; a kiosk reset calls
 * hl_user_session_forget_everything() on it. */
HlUserSession     *hl_application_get_user_session (HlApplication *self);
/* Library updates and their actions (app.check-for-updates…). */
HlUpdateController *hl_application_get_updates  (HlApplication *self);
/* The waiting-room kiosk: whether it is on, and the app's part in it. */
HlKiosk           *hl_application_get_kiosk    (HlApplication *self);

G_END_DECLS
