/* hl-group.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HL_TYPE_GROUP (hl_group_get_type ())

G_DECLARE_FINAL_TYPE (HlGroup, hl_group, HL, GROUP, GObject)

/* A MedlinePlus topic group in one language; English and Spanish groups
 * share their id. */
HlGroup    *hl_group_new             (int         id,
                                      const char *language,
                                      const char *name,
                                      const char *url,
                                      guint       topic_count);
int         hl_group_get_id          (HlGroup    *self);
const char *hl_group_get_language    (HlGroup    *self);
const char *hl_group_get_name        (HlGroup    *self);
const char *hl_group_get_url         (HlGroup    *self);
guint       hl_group_get_topic_count (HlGroup    *self);
/* "hl://group/2?lang=es" */
char       *hl_group_dup_uri         (HlGroup    *self);

G_END_DECLS
