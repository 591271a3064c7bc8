/* hl-basket.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-topic-store.h"

G_BEGIN_DECLS

#define HL_TYPE_BASKET (hl_basket_get_type ())

G_DECLARE_FINAL_TYPE (HlBasket, hl_basket, HL, BASKET, GObject)

/* The handout basket of the front desk: topics to print together, in the
 * order they are listed. A GListModel of HlTopicRef. It holds topics only,
 * never anything about a patient, and lives in memory only: it is empty at
 * every start, and hl_basket_clear() empties it (on request, on quit, at a
 * kiosk reset). */
HlBasket   *hl_basket_new            (void);
/* Adds @topic at the end; FALSE when it is there already. */
gboolean    hl_basket_add            (HlBasket     *self,
                                      HlTopicRef   *topic);
gboolean    hl_basket_contains       (HlBasket     *self,
                                      int           id);
gboolean    hl_basket_remove         (HlBasket     *self,
                                      int           id);
/* Moves the topic at @from to @to (both positions in the list as it is). */
gboolean    hl_basket_move           (HlBasket     *self,
                                      guint         from,
                                      guint         to);
void        hl_basket_clear          (HlBasket     *self);
/* The topics' ids in order. */
GArray     *hl_basket_dup_ids        (HlBasket     *self);
/* After the library changed: drops the topics @store lacks and takes its
 * titles for the others. */
void        hl_basket_retain_in      (HlBasket     *self,
                                      HlTopicStore *store);

G_END_DECLS
