/* hl-error.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hl-error.h"

G_DEFINE_QUARK (hl-error-quark, hl_error)
