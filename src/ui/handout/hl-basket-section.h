/* hl-basket-section.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hl-basket.h"

G_BEGIN_DECLS

#define HL_TYPE_BASKET_SECTION (hl_basket_section_get_type ())

G_DECLARE_FINAL_TYPE (HlBasketSection, hl_basket_section, HL, BASKET_SECTION, GtkBox)

/* The handout basket at the foot of the sidebar, in sight whatever the
 * sidebar shows: its count, its topics in print order
 * (dragged, or moved with Alt+↑/↓ or a row's menu; Delete removes), and a
 * menu to print, save or empty it. Shown while the basket has topics. A
 * topic's row opens it through the window's win.open-page action. */
void        hl_basket_section_set_basket (HlBasketSection *self,
                                          HlBasket        *basket);
GtkListBox *hl_basket_section_get_list   (HlBasketSection *self);

G_END_DECLS
