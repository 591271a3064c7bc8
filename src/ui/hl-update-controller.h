/* hl-update-controller.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-library.h"
#include "hl-lockdown.h"
#include "hl-page-renderer.h"
#include "hl-updater.h"

G_BEGIN_DECLS

#define HL_TYPE_UPDATE_CONTROLLER (hl_update_controller_get_type ())

G_DECLARE_FINAL_TYPE (HlUpdateController, hl_update_controller, HL, UPDATE_CONTROLLER, GObject)

/* Asked before an automatic update: FALSE while it would disturb someone,
 * for instance in the middle of a kiosk session. */
typedef gboolean (*HlUpdateSafeFunc) (gpointer user_data);

/* The app's library updates: the actions app.check-for-updates,
 * app.cancel-update and app.rollback-library, what the Library page shows of
 * them (:content-date, :status, :busy…), the optional check once a day, and
 * the rules around them: nothing changes the library while the lockdown key
 * disable-import is on. After an update or a rollback the library is opened
 * again, and the pages show the new content. */
HlUpdateController *hl_update_controller_new             (GSettings          *settings,
                                                          HlLockdown         *lockdown,
                                                          HlLibrary          *library,
                                                          HlPageRenderer     *renderer);
void                hl_update_controller_add_actions     (HlUpdateController *self,
                                                          GActionMap         *map);

void                hl_update_controller_check           (HlUpdateController *self);
void                hl_update_controller_cancel          (HlUpdateController *self);
gboolean            hl_update_controller_rollback        (HlUpdateController *self,
                                                          GError            **error);

/* The hook for a kiosk: with a function set, an automatic check that falls
 * due waits until it returns TRUE, or until the kiosk calls
 * hl_update_controller_safe_moment() (at a session reset). */
void                hl_update_controller_set_safe_func   (HlUpdateController *self,
                                                          HlUpdateSafeFunc    func,
                                                          gpointer            user_data,
                                                          GDestroyNotify      destroy);
void                hl_update_controller_safe_moment     (HlUpdateController *self);
/* Starts the automatic check if it is on, due (none for a day), allowed and
 * safe now; TRUE when it started one. Called every hour by the controller. */
gboolean            hl_update_controller_run_due_check   (HlUpdateController *self);

gboolean            hl_update_controller_get_busy        (HlUpdateController *self);
gboolean            hl_update_controller_get_locked      (HlUpdateController *self);
gboolean            hl_update_controller_get_failed      (HlUpdateController *self);
HlUpdatePhase       hl_update_controller_get_phase       (HlUpdateController *self);
double              hl_update_controller_get_fraction    (HlUpdateController *self);
/* "YYYY-MM-DD", or NULL when not known (or no previous library). */
const char         *hl_update_controller_get_content_date  (HlUpdateController *self);
const char         *hl_update_controller_get_previous_date (HlUpdateController *self);
/* Whether the library is the sample that comes with the app. */
gboolean            hl_update_controller_get_sample      (HlUpdateController *self);
gboolean            hl_update_controller_get_previous_sample (HlUpdateController *self);
/* One line for people: what is happening, or how the last attempt went. */
const char         *hl_update_controller_get_status      (HlUpdateController *self);
HlUpdater          *hl_update_controller_get_updater     (HlUpdateController *self);

G_END_DECLS
