/* hl-profile.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* With HEALTH_LIBRARY_PROFILE=1 the app prints milestones to stdout as
 * "profile: NAME 212.3 ms", in milliseconds since the process started. */
void     hl_profile_init    (void);
gboolean hl_profile_enabled (void);
/* Prints the milestone once; later calls with the same name are ignored. */
void     hl_profile_mark    (const char *name);
double   hl_profile_now_ms  (void);

G_END_DECLS
