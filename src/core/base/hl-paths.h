/* hl-paths.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the app's own read-only data lives: $HEALTH_LIBRARY_DATADIR when set
 * (running from a source tree), otherwise the installed PKGDATADIR. */
const char *hl_paths_get_data_dir          (void);
/* @relative under the data dir, or NULL when it does not exist. */
char       *hl_paths_find_data_file        (const char *relative);
/* $XDG_DATA_HOME/health-library, created when missing. */
char       *hl_paths_get_user_dir          (void);
/* $XDG_CACHE_HOME/health-library, created when missing: downloads in
 * progress. */
char       *hl_paths_get_cache_dir         (void);
/* $XDG_DATA_HOME/health-library/library.db (it may not exist yet). */
char       *hl_paths_get_library_path      (void);
/* The bundled starter corpus and group list (NULL when not installed). */
char       *hl_paths_find_starter_topics   (void);
char       *hl_paths_find_starter_groups   (void);

G_END_DECLS
