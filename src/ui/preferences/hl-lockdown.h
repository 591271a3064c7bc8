/* hl-lockdown.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HL_TYPE_LOCKDOWN (hl_lockdown_get_type ())

G_DECLARE_FINAL_TYPE (HlLockdown, hl_lockdown, HL, LOCKDOWN, GObject)

/* What an administrator turned off, from the org.phynet.HealthLibrary.lockdown
 * child of @settings, kept current: each key is a property that notifies when
 * dconf changes it. Windows and the preferences follow the properties. */
HlLockdown *hl_lockdown_new                        (GSettings  *settings);
gboolean    hl_lockdown_get_disable_import         (HlLockdown *self);
gboolean    hl_lockdown_get_disable_printing       (HlLockdown *self);
gboolean    hl_lockdown_get_disable_external_links (HlLockdown *self);

G_END_DECLS
