/* hl-user-session.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-settings.h"
#include "hl-user-session.h"

struct _HlUserSession
{
  GObject         parent_instance;

  HlLibrary      *library;
  HlPageRenderer *renderer;
  HlBasket       *basket;
  HlUserData     *user_data;
};

G_DEFINE_FINAL_TYPE (HlUserSession, hl_user_session, G_TYPE_OBJECT)

static void
update_recent (HlUserSession *self)
{
  g_autoptr(GListModel) recent = hl_user_data_dup_recent_topics (self->user_data,
                                                                 HL_RECENT_ON_HOME);

  hl_page_renderer_set_recent_topics (self->renderer, recent);
}

static void
store_changed_cb (HlUserSession *self)
{
  HlTopicStore *store = hl_library_get_store (self->library);

  hl_user_data_set_store (self->user_data, store);
  if (store != NULL)
    hl_basket_retain_in (self->basket, store);
  update_recent (self);
}

static void
hl_user_session_dispose (GObject *object)
{
  HlUserSession *self = (HlUserSession *) object;

  /* The basket is never kept: emptied on quit. */
  if (self->basket != NULL)
    hl_basket_clear (self->basket);

  g_clear_object (&self->library);
  g_clear_object (&self->renderer);
  g_clear_object (&self->basket);
  g_clear_object (&self->user_data);

  G_OBJECT_CLASS (hl_user_session_parent_class)->dispose (object);
}

static void
hl_user_session_class_init (HlUserSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hl_user_session_dispose;
}

static void
hl_user_session_init (HlUserSession *self)
{
  self->basket = hl_basket_new ();
  self->user_data = hl_user_data_new (NULL);
}

HlUserSession *
hl_user_session_new (HlLibrary      *library,
                     HlPageRenderer *renderer,
                     GSettings      *settings)
{
  HlUserSession *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HL_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (renderer), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HL_TYPE_USER_SESSION, NULL);
  self->library = g_object_ref (library);
  self->renderer = g_object_ref (renderer);

  g_settings_bind (settings, HL_SETTINGS_REMEMBER_HISTORY, self->user_data, "remember-history",
                   G_SETTINGS_BIND_GET);

  /* A file that cannot be read is left as it is; the app goes on without
   * bookmarks and history rather than losing them. */
  if (!hl_user_data_load (self->user_data, &error))
    g_warning ("%s", error->message);

  g_signal_connect_object (library, "notify::store", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (hl_user_data_get_history (self->user_data), "items-changed",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  store_changed_cb (self);

  return self;
}

HlBasket *
hl_user_session_get_basket (HlUserSession *self)
{
  g_return_val_if_fail (HL_IS_USER_SESSION (self), NULL);
  return self->basket;
}

HlUserData *
hl_user_session_get_user_data (HlUserSession *self)
{
  g_return_val_if_fail (HL_IS_USER_SESSION (self), NULL);
  return self->user_data;
}

void
hl_user_session_set_keep_nothing (HlUserSession *self,
                                  gboolean       keep_nothing)
{
  g_return_if_fail (HL_IS_USER_SESSION (self));

  hl_user_data_set_keep_nothing (self->user_data, keep_nothing);
}

void
hl_user_session_forget_everything (HlUserSession *self)
{
  g_return_if_fail (HL_IS_USER_SESSION (self));

  hl_basket_clear (self->basket);
  hl_user_data_forget_everything (self->user_data);
}
