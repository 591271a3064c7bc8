/* hl-preferences-window.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-application.h"
#include "hl-library-page.h"

G_BEGIN_DECLS

#define HL_TYPE_PREFERENCES_WINDOW (hl_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HlPreferencesWindow, hl_preferences_window, HL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The preferences: Reading (content language, text size, style), This
 * Clinic (the home clinic) and Library. Every row is bound to its key and
 * applies at once; a key the administrator locked shows its value,
 * insensitive, "Set by your organization". */
HlPreferencesWindow *hl_preferences_window_new              (HlApplication       *application);
/* Shows the app's preferences over @parent, opening them if needed. */
HlPreferencesWindow *hl_preferences_window_present          (HlApplication       *application,
                                                             GtkWindow           *parent);
HlLibraryPage       *hl_preferences_window_get_library_page (HlPreferencesWindow *self);

G_END_DECLS
