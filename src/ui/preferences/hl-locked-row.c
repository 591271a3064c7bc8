/* hl-locked-row.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-locked-row.h"

#define LOCK_KEY "hl-locked-row"

typedef struct
{
  AdwActionRow *row;        /* owns us */
  GSettings    *settings;
  char         *key;
  char         *subtitle;   /* shown while the key is writable */
  GtkWidget    *lock_icon;
} Lock;

static void
lock_free (gpointer data)
{
  Lock *lock = data;

  g_object_unref (lock->settings);
  g_free (lock->key);
  g_free (lock->subtitle);
  g_free (lock);
}

static void
update (Lock *lock)
{
  gboolean writable = g_settings_is_writable (lock->settings, lock->key);

  /* The row still shows the value the administrator set. */
  gtk_widget_set_sensitive (GTK_WIDGET (lock->row), writable);
  gtk_widget_set_visible (lock->lock_icon, !writable);
  adw_action_row_set_subtitle (lock->row, writable ? lock->subtitle
                                                   : _("Set by your organization"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (lock->row),
                               writable ? NULL : _("Set by your organization"));
}

static void
writable_changed_cb (GSettings    *settings,
                     const char   *key,
                     AdwActionRow *row)
{
  Lock *lock = g_object_get_data (G_OBJECT (row), LOCK_KEY);

  if (lock != NULL && g_str_equal (key, lock->key))
    update (lock);
}

void
hl_locked_row_watch (AdwActionRow *row,
                     GSettings    *settings,
                     const char   *key)
{
  Lock *lock;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (key != NULL);

  lock = g_new0 (Lock, 1);
  lock->row = row;
  lock->settings = g_object_ref (settings);
  lock->key = g_strdup (key);
  lock->subtitle = g_strdup (adw_action_row_get_subtitle (row));
  lock->lock_icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  gtk_widget_set_valign (lock->lock_icon, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, lock->lock_icon);
  g_object_set_data_full (G_OBJECT (row), LOCK_KEY, lock, lock_free);

  g_signal_connect_object (settings, "writable-changed", G_CALLBACK (writable_changed_cb), row, 0);
  update (lock);
}
