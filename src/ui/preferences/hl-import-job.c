/* hl-import-job.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-error.h"
#include "hl-import-job.h"
#include "hl-paths.h"
#include "hl-text.h"

struct _HlImportJob
{
  GObject       parent_instance;

  HlLibrary    *library;
  HlLockdown   *lockdown;
  GCancellable *cancellable;   /* set while running */
  char         *file_name;
  gboolean      sample;
};

G_DEFINE_FINAL_TYPE (HlImportJob, hl_import_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_FRACTION,
  PROP_FILE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

guint
hl_import_job_count_groups (HlTopicStore *store)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  const char *languages[] = { "en", "es" };

  g_return_val_if_fail (HL_IS_TOPIC_STORE (store), 0);

  /* A group has the same id in both languages. */
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) groups = hl_topic_store_list_groups (store, languages[l], NULL);
      guint n = g_list_model_get_n_items (groups);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HlGroup) group = g_list_model_get_item (groups, i);

          g_hash_table_add (ids, GINT_TO_POINTER (hl_group_get_id (group)));
        }
    }

  return g_hash_table_size (ids);
}

char *
hl_import_job_describe_store (HlTopicStore *store)
{
  guint n_en = hl_topic_store_count_topics (store, "en", NULL);
  guint n_es = hl_topic_store_count_topics (store, "es", NULL);
  guint n_groups = hl_import_job_count_groups (store);
  g_autofree char *english = g_strdup_printf (ngettext ("%u English topic",
                                                        "%u English topics", n_en), n_en);
  g_autofree char *spanish = g_strdup_printf (ngettext ("%u Spanish topic",
                                                        "%u Spanish topics", n_es), n_es);
  g_autofree char *groups = g_strdup_printf (ngettext ("%u group", "%u groups", n_groups),
                                             n_groups);

  /* TRANSLATORS: "39 English topics, 17 Spanish topics and 23 groups" */
  return g_strdup_printf (_("%s, %s and %s"), english, spanish, groups);
}

static void
library_fraction_cb (HlImportJob *self)
{
  if (self->cancellable != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
finish (HlImportJob     *self,
        HlImportOutcome  outcome,
        const char      *message)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->file_name, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);

  g_signal_emit (self, signals[FINISHED], 0, outcome, message);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HlImportJob) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;

  if (!hl_library_import_finish (HL_LIBRARY (source), result, &error))
    {
      /* The library is as it was, byte for byte: the core only replaces it
       * once a new one is complete. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        finish (self, HL_IMPORT_OUTCOME_CANCELLED,
                _("The import was cancelled. The library has not changed."));
      else
        finish (self, HL_IMPORT_OUTCOME_FAILED, error->message);
      return;
    }

  contents = hl_import_job_describe_store (hl_library_get_store (self->library));
  if (self->sample)
    /* TRANSLATORS: %s is "39 English topics, 17 Spanish topics and 23 groups" */
    message = g_strdup_printf (_("The sample library is back: %s."), contents);
  else
    /* TRANSLATORS: the first %s is a file name, the second "1,050 English topics,
     * 1,000 Spanish topics and 39 groups" */
    message = g_strdup_printf (_("Imported “%s”: %s."), self->file_name, contents);
  finish (self, HL_IMPORT_OUTCOME_DONE, message);
}

static gboolean
start (HlImportJob  *self,
       const char   *path,
       gboolean      sample,
       GError      **error)
{
  if (hl_lockdown_get_disable_import (self->lockdown))
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_FAILED,
                           _("Importing is turned off on this computer by your organization."));
      return FALSE;
    }

  if (self->cancellable != NULL ||
      hl_library_get_state (self->library) == HL_LIBRARY_STATE_IMPORTING)
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_FAILED,
                           _("Another import is already running. Wait for it to finish and "
                             "try again."));
      return FALSE;
    }

  self->cancellable = g_cancellable_new ();
  self->sample = sample;
  {
    g_autofree char *base = g_path_get_basename (path);

    g_free (self->file_name);
    self->file_name = g_filename_display_name (base);
  }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);

  hl_library_import_async (self->library, path, self->cancellable, import_done_cb,
                           g_object_ref (self));
  return TRUE;
}

gboolean
hl_import_job_start (HlImportJob  *self,
                     const char   *path,
                     GError      **error)
{
  g_return_val_if_fail (HL_IS_IMPORT_JOB (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return start (self, path, FALSE, error);
}

gboolean
hl_import_job_restore_sample (HlImportJob  *self,
                              GError      **error)
{
  g_autofree char *starter = NULL;

  g_return_val_if_fail (HL_IS_IMPORT_JOB (self), FALSE);

  starter = hl_paths_find_starter_topics ();
  if (starter == NULL)
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_FAILED,
                           _("The sample library that comes with the app is missing. "
                             "Reinstall Health Library, or import a MedlinePlus file."));
      return FALSE;
    }

  return start (self, starter, TRUE, error);
}

void
hl_import_job_cancel (HlImportJob *self)
{
  g_return_if_fail (HL_IS_IMPORT_JOB (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
hl_import_job_get_running (HlImportJob *self)
{
  g_return_val_if_fail (HL_IS_IMPORT_JOB (self), FALSE);
  return self->cancellable != NULL;
}

double
hl_import_job_get_fraction (HlImportJob *self)
{
  g_return_val_if_fail (HL_IS_IMPORT_JOB (self), 0);
  return self->cancellable != NULL ? hl_library_get_fraction (self->library) : 0;
}

const char *
hl_import_job_get_file_name (HlImportJob *self)
{
  g_return_val_if_fail (HL_IS_IMPORT_JOB (self), NULL);
  return self->file_name;
}

static void
hl_import_job_dispose (GObject *object)
{
  HlImportJob *self = (HlImportJob *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_object (&self->lockdown);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hl_import_job_parent_class)->dispose (object);
}

static void
hl_import_job_finalize (GObject *object)
{
  HlImportJob *self = (HlImportJob *) object;

  g_free (self->file_name);

  G_OBJECT_CLASS (hl_import_job_parent_class)->finalize (object);
}

static void
hl_import_job_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HlImportJob *self = HL_IMPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, hl_import_job_get_running (self));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, hl_import_job_get_fraction (self));
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_import_job_class_init (HlImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hl_import_job_dispose;
  object_class->finalize = hl_import_job_finalize;
  object_class->get_property = hl_import_job_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HlImportJob::finished:
   * @outcome: an #HlImportOutcome
   * @message: what happened, in a sentence for a person
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);
}

static void
hl_import_job_init (HlImportJob *self)
{
}

HlImportJob *
hl_import_job_new (HlLibrary  *library,
                   HlLockdown *lockdown)
{
  HlImportJob *self;

  g_return_val_if_fail (HL_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (HL_IS_LOCKDOWN (lockdown), NULL);

  self = g_object_new (HL_TYPE_IMPORT_JOB, NULL);
  self->library = g_object_ref (library);
  self->lockdown = g_object_ref (lockdown);
  g_signal_connect_swapped (library, "notify::fraction", G_CALLBACK (library_fraction_cb), self);

  return self;
}
