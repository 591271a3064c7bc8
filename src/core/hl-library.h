/* hl-library.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-topic-store.h"

G_BEGIN_DECLS

#define HL_TYPE_LIBRARY (hl_library_get_type ())

G_DECLARE_FINAL_TYPE (HlLibrary, hl_library, HL, LIBRARY, GObject)

typedef enum
{
  HL_LIBRARY_STATE_NONE,       /* not loaded yet */
  HL_LIBRARY_STATE_IMPORTING,  /* building a library; see :fraction */
  HL_LIBRARY_STATE_READY,      /* :store is usable */
  HL_LIBRARY_STATE_FAILED,     /* see :error-message */
} HlLibraryState;

GType hl_library_state_get_type (void);
#define HL_TYPE_LIBRARY_STATE (hl_library_state_get_type ())

/* The user's library and how it comes to be: opened when it exists, built
 * from the bundled sample on the first start (in a worker thread, with
 * progress), rebuilt when it was made by another version.
 *
 * Once loaded, the library file is watched: when another process puts a new
 * library in its place (health-library --import in a terminal, an update),
 * :store switches to it at once, or, while :defer-updates is set, the switch
 * waits with :update-pending set until hl_library_apply_update() is called
 * (a kiosk takes it up between two patients). */
HlLibrary      *hl_library_new               (const char          *path);
const char     *hl_library_get_path          (HlLibrary           *self);
/* Opens the library, importing the bundled sample when there is none. */
void            hl_library_load              (HlLibrary           *self);
/* Imports a MedlinePlus file in a worker thread; on success the new library
 * replaces the current one, on failure the current one stays. */
void            hl_library_import_async      (HlLibrary           *self,
                                              const char          *topics_path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        hl_library_import_finish     (HlLibrary           *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* Opens the library file again after another part of the app (an update,
 * a rollback) put a new one in its place; :state is notified even when it
 * stays READY. On failure the store that was open stays. */
gboolean        hl_library_reopen            (HlLibrary           *self,
                                              GError             **error);
HlLibraryState  hl_library_get_state         (HlLibrary           *self);
double          hl_library_get_fraction      (HlLibrary           *self);
const char     *hl_library_get_error_message (HlLibrary           *self);
HlTopicStore   *hl_library_get_store         (HlLibrary           *self);

void            hl_library_set_defer_updates (HlLibrary           *self,
                                              gboolean             defer);
gboolean        hl_library_get_defer_updates (HlLibrary           *self);
/* TRUE when another process replaced the library file while updates were
 * deferred. */
gboolean        hl_library_get_update_pending (HlLibrary          *self);
/* Switches to the library file now on disk if it differs from the one open;
 * TRUE when :store changed. */
gboolean        hl_library_apply_update      (HlLibrary           *self);

G_END_DECLS
