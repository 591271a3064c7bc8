/* hl-library.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hl-error.h"
#include "hl-library.h"
#include "hl-medlineplus-importer.h"
#include "hl-paths.h"
#include "hl-text.h"

/* Which file a path named when it was opened: an import renames a new file
 * into place, so the inode tells one library from the next. */
typedef struct
{
  gboolean valid;
  guint64  device;
  guint64  inode;
  gint64   mtime;
  gint64   size;
} FileId;

/* How long the file must stay quiet before the library follows it. */
#define UPDATE_DELAY_MS 250

struct _HlLibrary
{
  GObject         parent_instance;

  char           *path;
  HlLibraryState  state;
  double          fraction;
  char           *error_message;
  HlTopicStore   *store;
  gboolean        importing;

  FileId          opened;         /* the file :store was opened from */
  GFileMonitor   *monitor;
  guint           update_source;
  gboolean        defer_updates;
  gboolean        update_pending;
  guint           damaged_source;
};

G_DEFINE_FINAL_TYPE (HlLibrary, hl_library, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HlLibraryState, hl_library_state,
                    G_DEFINE_ENUM_VALUE (HL_LIBRARY_STATE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (HL_LIBRARY_STATE_IMPORTING, "importing"),
                    G_DEFINE_ENUM_VALUE (HL_LIBRARY_STATE_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (HL_LIBRARY_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_FRACTION,
  PROP_ERROR_MESSAGE,
  PROP_STORE,
  PROP_DEFER_UPDATES,
  PROP_UPDATE_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (HlLibrary      *self,
           HlLibraryState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_fraction (HlLibrary *self,
              double     fraction)
{
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
fail (HlLibrary  *self,
      const char *message)
{
  hl_set_str (&self->error_message, message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
  set_state (self, HL_LIBRARY_STATE_FAILED);
}

static FileId
file_id_read (const char *path)
{
  FileId id = { FALSE, 0, 0, 0, 0 };
  GStatBuf buf;

  if (g_stat (path, &buf) == 0)
    {
      id.valid = TRUE;
      id.device = buf.st_dev;
      id.inode = buf.st_ino;
      id.mtime = buf.st_mtime;
      id.size = buf.st_size;
    }

  return id;
}

static gboolean
file_id_equal (const FileId *a,
               const FileId *b)
{
  return a->valid == b->valid && a->device == b->device && a->inode == b->inode &&
         a->mtime == b->mtime && a->size == b->size;
}

static void
set_update_pending (HlLibrary *self,
                    gboolean   pending)
{
  if (self->update_pending == pending)
    return;

  self->update_pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATE_PENDING]);
}

static gboolean
report_damaged_cb (gpointer data)
{
  HlLibrary *self = data;
  g_autofree char *message = NULL;

  self->damaged_source = 0;
  if (self->store == NULL || !hl_topic_store_is_damaged (self->store) || self->importing)
    return G_SOURCE_REMOVE;

  message = g_strdup_printf (_("The library “%s” is damaged: it cannot be read any more. "
                               "Restore the sample library, or import the MedlinePlus "
                               "health-topic file again."),
                             self->path);
  fail (self, message);
  return G_SOURCE_REMOVE;
}

/* A read found the file damaged: the window then offers to restore it,
 * as it does for a library that cannot be opened at all. Said once the
 * read that found it has returned, not in the middle of it. */
static void
store_damaged_cb (HlLibrary    *self,
                  GParamSpec   *pspec,
                  HlTopicStore *store)
{
  if (store != self->store || self->damaged_source != 0)
    return;

  self->damaged_source = g_idle_add (report_damaged_cb, self);
}

static void
set_store (HlLibrary    *self,
           HlTopicStore *store)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_damaged_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "notify::damaged", G_CALLBACK (store_damaged_cb), self,
                             G_CONNECT_SWAPPED);
}

static gboolean
open_store (HlLibrary  *self,
            GError    **error)
{
  /* Read before opening: should the file be replaced in between, the next
   * check sees a difference and opens it again, which is harmless. */
  FileId id = file_id_read (self->path);
  g_autoptr(HlTopicStore) store = hl_topic_store_open (self->path, error);

  if (store == NULL)
    return FALSE;

  self->opened = id;
  set_update_pending (self, FALSE);
  set_store (self, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_clear_pointer (&self->error_message, g_free);
  set_state (self, HL_LIBRARY_STATE_READY);
  return TRUE;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  set_fraction (HL_LIBRARY (user_data), fraction);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  HlMedlinePlusImporter *importer = HL_MEDLINEPLUS_IMPORTER (source);
  g_autoptr(GTask) task = user_data;
  HlLibrary *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  self->importing = FALSE;

  if (!hl_medlineplus_importer_run_finish (importer, result, &error) ||
      !open_store (self, &error))
    {
      /* The current library, if any, is still there and still open. */
      if (self->store != NULL && !hl_topic_store_is_damaged (self->store))
        set_state (self, HL_LIBRARY_STATE_READY);
      else
        fail (self, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_fraction (self, 1.0);
  g_task_return_boolean (task, TRUE);
}

void
hl_library_import_async (HlLibrary           *self,
                         const char          *topics_path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  GTask *task;

  g_return_if_fail (HL_IS_LIBRARY (self));
  g_return_if_fail (topics_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_library_import_async);

  if (self->importing)
    {
      g_task_return_new_error (task, HL_ERROR, HL_ERROR_FAILED,
                               _("Another import is already running. Wait for it to finish "
                                 "and try again."));
      g_object_unref (task);
      return;
    }

  self->importing = TRUE;
  importer = hl_medlineplus_importer_new (topics_path);
  hl_medlineplus_importer_set_library_path (importer, self->path);
  hl_medlineplus_importer_set_progress_func (importer, progress_cb, g_object_ref (self),
                                             g_object_unref);
  set_fraction (self, 0.0);
  set_state (self, HL_LIBRARY_STATE_IMPORTING);
  hl_medlineplus_importer_run_async (importer, cancellable, import_done_cb, task);
}

gboolean
hl_library_import_finish (HlLibrary     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (HL_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether the file at the library's path is another one than the file the
 * store was opened from. A file that went away is no reason to leave the one
 * still open. */
static gboolean
file_replaced (HlLibrary *self)
{
  FileId now = file_id_read (self->path);

  return now.valid && !file_id_equal (&now, &self->opened);
}

static void
switch_to_file (HlLibrary *self)
{
  g_autoptr(GError) error = NULL;

  if (open_store (self, &error))
    return;

  /* A library that cannot be read does not replace one that can. */
  if (self->store != NULL)
    g_debug ("Keeping the open library: %s", error->message);
  else
    fail (self, error->message);
}

static gboolean
update_cb (gpointer data)
{
  HlLibrary *self = data;

  self->update_source = 0;

  /* An import of our own opens the new library when it is done. */
  if (self->importing || !file_replaced (self))
    return G_SOURCE_REMOVE;

  if (self->defer_updates)
    set_update_pending (self, TRUE);
  else
    switch_to_file (self);

  return G_SOURCE_REMOVE;
}

static void
library_file_changed_cb (GFileMonitor      *monitor,
                         GFile             *file,
                         GFile             *other_file,
                         GFileMonitorEvent  event,
                         gpointer           user_data)
{
  HlLibrary *self = user_data;

  /* A rename into place is one event, a copy over the file many: wait until
   * the file has been quiet for a moment. */
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_timeout_add (UPDATE_DELAY_MS, update_cb, self);
}

static void
watch_file (HlLibrary *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    return;

  file = g_file_new_for_path (self->path);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s: %s", self->path, error->message);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (library_file_changed_cb), self);
}

gboolean
hl_library_apply_update (HlLibrary *self)
{
  HlTopicStore *before;

  g_return_val_if_fail (HL_IS_LIBRARY (self), FALSE);

  set_update_pending (self, FALSE);
  if (self->importing || !file_replaced (self))
    return FALSE;

  before = self->store;
  switch_to_file (self);
  return self->store != before;
}

void
hl_library_set_defer_updates (HlLibrary *self,
                              gboolean   defer)
{
  g_return_if_fail (HL_IS_LIBRARY (self));

  defer = !!defer;
  if (self->defer_updates == defer)
    return;

  self->defer_updates = defer;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFER_UPDATES]);

  /* What waited is taken up as soon as nothing holds it back. */
  if (!defer && self->update_pending)
    hl_library_apply_update (self);
}

gboolean
hl_library_get_defer_updates (HlLibrary *self)
{
  g_return_val_if_fail (HL_IS_LIBRARY (self), FALSE);
  return self->defer_updates;
}

gboolean
hl_library_get_update_pending (HlLibrary *self)
{
  g_return_val_if_fail (HL_IS_LIBRARY (self), FALSE);
  return self->update_pending;
}

void
hl_library_load (HlLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *starter = NULL;

  g_return_if_fail (HL_IS_LIBRARY (self));

  watch_file (self);

  if (open_store (self, &error))
    return;

  if (!g_error_matches (error, HL_ERROR, HL_ERROR_NO_LIBRARY))
    {
      fail (self, error->message);
      return;
    }

  /* First start: build the library from the sample that comes with the app.
   * A library that exists but cannot be read is not replaced without asking:
   * it may be the current MedlinePlus file someone imported. */
  starter = hl_paths_find_starter_topics ();
  if (starter == NULL)
    {
      fail (self, _("The sample library that comes with the app is missing. "
                    "Reinstall Health Library, or import a MedlinePlus file."));
      return;
    }

  hl_library_import_async (self, starter, NULL, NULL, NULL);
}

gboolean
hl_library_reopen (HlLibrary  *self,
                   GError    **error)
{
  g_return_val_if_fail (HL_IS_LIBRARY (self), FALSE);

  if (self->importing)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED,
                   _("Another import is already running. Wait for it to finish "
                     "and try again."));
      return FALSE;
    }

  if (!open_store (self, error))
    return FALSE;

  /* Ready before and after: said again, so that views take the new store. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  return TRUE;
}

static void
hl_library_dispose (GObject *object)
{
  HlLibrary *self = (HlLibrary *) object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (hl_library_parent_class)->dispose (object);
}

static void
hl_library_finalize (GObject *object)
{
  HlLibrary *self = (HlLibrary *) object;

  g_clear_handle_id (&self->damaged_source, g_source_remove);
  set_store (self, NULL);
  g_free (self->path);
  g_free (self->error_message);

  G_OBJECT_CLASS (hl_library_parent_class)->finalize (object);
}

static void
hl_library_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HlLibrary *self = HL_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DEFER_UPDATES:
      g_value_set_boolean (value, self->defer_updates);
      break;
    case PROP_UPDATE_PENDING:
      g_value_set_boolean (value, self->update_pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_library_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HlLibrary *self = HL_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_DEFER_UPDATES:
      hl_library_set_defer_updates (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_library_class_init (HlLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hl_library_dispose;
  object_class->finalize = hl_library_finalize;
  object_class->get_property = hl_library_get_property;
  object_class->set_property = hl_library_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HL_TYPE_LIBRARY_STATE, HL_LIBRARY_STATE_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HL_TYPE_TOPIC_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set by whoever decides when a new library may appear (a kiosk, between
   * patients); otherwise it appears at once. */
  properties[PROP_DEFER_UPDATES] =
    g_param_spec_boolean ("defer-updates", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATE_PENDING] =
    g_param_spec_boolean ("update-pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_library_init (HlLibrary *self)
{
}

HlLibrary *
hl_library_new (const char *path)
{
  HlLibrary *self = g_object_new (HL_TYPE_LIBRARY, NULL);

  self->path = path ? g_strdup (path) : hl_paths_get_library_path ();
  return self;
}

const char *
hl_library_get_path (HlLibrary *self)
{
  g_return_val_if_fail (HL_IS_LIBRARY (self), NULL);
  return self->path;
}

HlLibraryState
hl_library_get_state (HlLibrary *self)
{
  g_return_val_if_fail (HL_IS_LIBRARY (self), HL_LIBRARY_STATE_NONE);
  return self->state;
}

double
hl_library_get_fraction (HlLibrary *self)
{
  g_return_val_if_fail (HL_IS_LIBRARY (self), 0);
  return self->fraction;
}

const char *
hl_library_get_error_message (HlLibrary *self)
{
  g_return_val_if_fail (HL_IS_LIBRARY (self), NULL);
  return self->error_message;
}

HlTopicStore *
hl_library_get_store (HlLibrary *self)
{
  g_return_val_if_fail (HL_IS_LIBRARY (self), NULL);
  return self->store;
}
