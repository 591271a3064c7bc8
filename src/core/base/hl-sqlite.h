/* hl-sqlite.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Runs one or more statements that return no rows. */
gboolean hl_sqlite_exec (sqlite3     *db,
                         const char  *sql,
                         GError     **error);

G_END_DECLS
