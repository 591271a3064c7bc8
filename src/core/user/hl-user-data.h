/* hl-user-data.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-topic-store.h"
#include "hl-user-topic.h"

G_BEGIN_DECLS

/* How many topics the history keeps. */
#define HL_HISTORY_MAX 50

#define HL_TYPE_USER_DATA (hl_user_data_get_type ())

G_DECLARE_FINAL_TYPE (HlUserData, hl_user_data, HL, USER_DATA, GObject)

/* What the user keeps and read: bookmarks and history, in a database of
 * their own ($XDG_DATA_HOME/health-library/user.db) that a library import,
 * update or restore never touches. Topics are kept by their MedlinePlus id
 * with their title and address, so that a bookmark whose topic a new
 * library lacks stays, marked missing, and comes back when the topic does.
 * The file is made on the first bookmark or topic read, readable by its
 * owner only. */
HlUserData *hl_user_data_new                  (const char    *path);
const char *hl_user_data_get_path             (HlUserData    *self);
/* Reads the file, when there is one. Until then, and when it fails, the
 * lists are empty and the file is left as it is. */
gboolean    hl_user_data_load                 (HlUserData    *self,
                                               GError       **error);
/* The library the topics are looked up in; NULL while there is none. */
void        hl_user_data_set_store            (HlUserData    *self,
                                               HlTopicStore  *store);

/* Store nothing (a kiosk): no file is read or written, the lists are empty
 * and stay so, bookmarks cannot be added. */
void        hl_user_data_set_keep_nothing     (HlUserData    *self,
                                               gboolean       keep_nothing);
gboolean    hl_user_data_get_keep_nothing     (HlUserData    *self);
/* The remember-history setting: when FALSE nothing read is recorded and no
 * topic is recently viewed; the history kept stays until cleared. */
void        hl_user_data_set_remember_history (HlUserData    *self,
                                               gboolean       remember);
gboolean    hl_user_data_get_remember_history (HlUserData    *self);

/* Bookmarks: HlUserTopic items, by title. */
GListModel *hl_user_data_get_bookmarks        (HlUserData    *self);
gboolean    hl_user_data_is_bookmarked        (HlUserData    *self,
                                               int            id);
gboolean    hl_user_data_add_bookmark         (HlUserData    *self,
                                               int            id,
                                               GError       **error);
gboolean    hl_user_data_remove_bookmark      (HlUserData    *self,
                                               int            id,
                                               GError       **error);
/* Writes the bookmarks as a JSON file (see hl-bookmarks-file.h), in place
 * of @file only once it is complete. */
gboolean    hl_user_data_export_bookmarks     (HlUserData    *self,
                                               GFile         *file,
                                               GError       **error);
/* Adds the bookmarks of a file written by export; those there already stay
 * as they are. All or nothing: a bad file adds none. */
gboolean    hl_user_data_import_bookmarks     (HlUserData    *self,
                                               GFile         *file,
                                               guint         *n_added,
                                               GError       **error);

/* History: HlUserTopic items, the last read first. */
GListModel *hl_user_data_get_history          (HlUserData    *self);
/* Records that topic @id was read (nothing when history is off). */
gboolean    hl_user_data_note_viewed          (HlUserData    *self,
                                               int            id,
                                               GError       **error);
gboolean    hl_user_data_clear_history        (HlUserData    *self,
                                               GError       **error);
/* The topics read last that the library has, as HlTopicRef, at most @max;
 * empty when history is off. */
GListModel *hl_user_data_dup_recent_topics    (HlUserData    *self,
                                               guint          max);

/* Forgets history and bookmarks, on disk and in memory: what a kiosk
 * reset calls. */
void        hl_user_data_forget_everything    (HlUserData    *self);

G_END_DECLS
