/* hl-user-session.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-basket.h"
#include "hl-library.h"
#include "hl-page-renderer.h"
#include "hl-user-data.h"

G_BEGIN_DECLS

/* How many topics the home page lists as Recently Viewed. */
#define HL_RECENT_ON_HOME 8

#define HL_TYPE_USER_SESSION (hl_user_session_get_type ())

G_DECLARE_FINAL_TYPE (HlUserSession, hl_user_session, HL, USER_SESSION, GObject)

/* The user's things for as long as the app runs: the handout basket, the
 * bookmarks and the history, kept in step with the library (a new library
 * marks bookmarks missing and drops basket topics it lacks), the
 * remember-history setting and the home page's Recently Viewed. */
HlUserSession *hl_user_session_new              (HlLibrary      *library,
                                                 HlPageRenderer *renderer,
                                                 GSettings      *settings);
HlBasket      *hl_user_session_get_basket       (HlUserSession  *self);
HlUserData    *hl_user_session_get_user_data    (HlUserSession  *self);
/* Store nothing from now on (a kiosk): no bookmarks, no history. */
void           hl_user_session_set_keep_nothing (HlUserSession  *self,
                                                 gboolean        keep_nothing);
/* Empties the basket and forgets history and bookmarks: a kiosk reset. */
void           hl_user_session_forget_everything (HlUserSession *self);

G_END_DECLS
