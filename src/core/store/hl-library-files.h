/* hl-library-files.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How an import puts a new library in place of the old one: under a lock,
 * in a new file beside it, renamed over it only once complete. */

/* Takes the import lock next to @library_path (creating its folder) and
 * removes what an import killed midway left; -1 with an error when another
 * import holds it. */
int       hl_library_files_lock       (const char  *library_path,
                                       GError     **error);
void      hl_library_files_unlock     (int          lock);
/* A new, empty file next to the library, for the import to build. */
char     *hl_library_files_create_new (const char  *library_path,
                                       GError     **error);
/* Makes sure the bytes of @new_path are on disk. */
gboolean  hl_library_files_sync       (const char  *new_path,
                                       GError     **error);
/* Renames @new_path (synced) over @library_path in one step. */
gboolean  hl_library_files_replace    (const char  *new_path,
                                       const char  *library_path,
                                       GError     **error);
/* Deletes a new file (and its journal files) that will not be used. */
void      hl_library_files_discard    (const char  *new_path);

/* The library an import replaced is kept beside it, as
 * "library.db.previous", so that it can be brought back. */
char     *hl_library_files_get_previous_path (const char  *library_path);
/* Under the lock, just before hl_library_files_replace(): the current
 * library also becomes the previous one (a second name for the same file:
 * nothing is copied), in place of an older previous library. */
gboolean  hl_library_files_keep_previous     (const char  *library_path,
                                              GError     **error);
/* Under the lock: the previous library becomes the library, and the library
 * the previous one, so that going back can itself be undone. */
gboolean  hl_library_files_swap_previous     (const char  *library_path,
                                              GError     **error);

G_END_DECLS
