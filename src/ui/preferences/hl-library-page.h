/* hl-library-page.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-import-job.h"
#include "hl-library.h"
#include "hl-lockdown.h"
#include "hl-update-controller.h"

G_BEGIN_DECLS

#define HL_TYPE_LIBRARY_PAGE (hl_library_page_get_type ())

G_DECLARE_FINAL_TYPE (HlLibraryPage, hl_library_page, HL, LIBRARY_PAGE, AdwPreferencesPage)

/* The Library page of the preferences: what the library in use is, and its
 * updates. Its actions:
 *   library.import              choose a file and import it
 *   library.import-file (s)     import the file at a path
 *   library.cancel-import       stop the import under way; nothing changes
 *   library.restore-sample      asks, then builds the sample library again
 * Importing and restoring are absent while the lockdown turns them off. */
void hl_library_page_setup (HlLibraryPage      *self,
                            HlLibrary          *library,
                            HlImportJob        *job,
                            HlLockdown         *lockdown,
                            HlUpdateController *updates,
                            GSettings          *settings);
/* Scrolls down to the import rows, where the import shows its progress and
 * what went wrong, and runs library.import. */
void hl_library_page_import (HlLibraryPage      *self);

G_END_DECLS
