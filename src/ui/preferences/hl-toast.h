/* hl-toast.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast whose text wraps instead of being cut short: messages such as an
 * import's result or the core's one-line error are read in full. It takes
 * the place of the toast on show. */
AdwToast *hl_toast_new (const char *text);

G_END_DECLS
