/* hl-update-error.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-update-error.h"

G_DEFINE_QUARK (hl-update-error-quark, hl_update_error)
