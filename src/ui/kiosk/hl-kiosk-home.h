/* hl-kiosk-home.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-topic-store.h"

G_BEGIN_DECLS

#define HL_TYPE_KIOSK_HOME (hl_kiosk_home_get_type ())

G_DECLARE_FINAL_TYPE (HlKioskHome, hl_kiosk_home, HL, KIOSK_HOME, AdwBin)

/* The kiosk's home page, where every patient starts: "Health information /
 * Información de salud", two big buttons for English and Español, a search
 * box and the topic groups as large tiles, all in the chosen language.
 * Choosing a group or searching emits ::open-uri with the hl:// page to
 * show; a language button emits ::language-chosen. */
GtkWidget  *hl_kiosk_home_new              (void);
void        hl_kiosk_home_set_store        (HlKioskHome  *self,
                                            HlTopicStore *store);
void        hl_kiosk_home_set_language     (HlKioskHome  *self,
                                            const char   *language);
/* FALSE when the administrator locked the language. */
void        hl_kiosk_home_set_language_locked (HlKioskHome *self,
                                               gboolean     locked);
/* Empties the search box and scrolls back to the top. */
void        hl_kiosk_home_clear            (HlKioskHome  *self);
GtkEditable *hl_kiosk_home_get_search_entry (HlKioskHome *self);

G_END_DECLS
