/* hl-locked-row.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* How a preferences row shows that the administrator locked its key, for as
 * long as @row lives: insensitive, with a lock icon and "Set by your
 * organization" in place of its subtitle, still showing the value set. The
 * one place that says it: the preferences window and the kiosk page both
 * use it. */
void hl_locked_row_watch (AdwActionRow *row,
                          GSettings    *settings,
                          const char   *key);

G_END_DECLS
