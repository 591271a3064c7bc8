/* hl-popover-guard.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* From now on, every menu or other popover that closes gives up its surface,
 * so that the click after it reaches what lies under the pointer (see the .c
 * file). Call once GTK is initialized; later calls do nothing. */
void hl_popover_guard_install (void);

G_END_DECLS
