/* test-util.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers shared by the test binaries. */

/* Deletes @path and everything below it (never following links). */
void hl_test_remove_tree        (const char *path);
/* Points the app's data folder at the source tree's data/ when the test runs
 * outside meson, which sets it. */
void hl_test_use_source_data    (void);

G_END_DECLS
