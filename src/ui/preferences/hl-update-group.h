/* hl-update-group.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-update-controller.h"

G_BEGIN_DECLS

#define HL_TYPE_UPDATE_GROUP (hl_update_group_get_type ())

G_DECLARE_FINAL_TYPE (HlUpdateGroup, hl_update_group, HL, UPDATE_GROUP, AdwPreferencesGroup)

/* The updates part of the preferences' Library page: "Content as of DATE",
 * Check for Updates with its progress and its outcome, the previous library
 * with Roll Back, and the automatic check. The buttons use the app's actions
 * (app.check-for-updates, app.cancel-update, app.rollback-library), so the
 * group must be in one of the app's windows (gtk_window_set_application). */
GtkWidget *hl_update_group_new (HlUpdateController *controller,
                                GSettings          *settings);

G_END_DECLS
