/* hl-updater.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hl-content-date.h"
#include "hl-download.h"
#include "hl-error.h"
#include "hl-library-files.h"
#include "hl-medlineplus-importer.h"
#include "hl-paths.h"
#include "hl-text.h"
#include "hl-topic-store.h"
#include "hl-update-error.h"
#include "hl-update-offer.h"
#include "hl-updater.h"

/* Bounds of what a server may send. The real page is about 30 kB; the
 * topic file about 29 MB as XML and a fifth of that as a ZIP; the group
 * file about 11 kB. */
#define PAGE_MAX_SIZE    (G_GOFFSET_CONSTANT (8) << 20)
#define TOPICS_MIN_SIZE  (G_GOFFSET_CONSTANT (16) << 10)
#define TOPICS_MAX_SIZE  (G_GOFFSET_CONSTANT (256) << 20)
#define GROUPS_MAX_SIZE  (G_GOFFSET_CONSTANT (8) << 20)

#define DEFAULT_TIMEOUT  30
/* MedlinePlus has had about a thousand topics in each language for years. */
#define MIN_TOPICS       500

/* A download folder older than this was left by a process that was killed. */
#define STALE_WORK_DIR_SECONDS (24 * 60 * 60)

struct _HlUpdater
{
  GObject        parent_instance;

  char          *library_path;
  char          *url;
  guint          timeout;
  HlUpdatePhase  phase;
  double         fraction;
  gboolean       running;

  char          *offered_date;
  char          *file_name;
  guint          n_english;
  guint          n_spanish;
  guint          n_groups;
};

G_DEFINE_FINAL_TYPE (HlUpdater, hl_updater, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HlUpdatePhase, hl_update_phase,
                    G_DEFINE_ENUM_VALUE (HL_UPDATE_PHASE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (HL_UPDATE_PHASE_CHECKING, "checking"),
                    G_DEFINE_ENUM_VALUE (HL_UPDATE_PHASE_DOWNLOADING, "downloading"),
                    G_DEFINE_ENUM_VALUE (HL_UPDATE_PHASE_IMPORTING, "importing"))

enum {
  PROP_0,
  PROP_URL,
  PROP_PHASE,
  PROP_FRACTION,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one run needs, freed with its task. */
typedef struct
{
  SoupSession           *session;
  HlUpdateOffer         *offer;
  char                  *work_dir;
  char                  *topics_path;
  char                  *groups_path;
  HlMedlinePlusImporter *importer;

  /* The library before the update. */
  gboolean               has_library;
  gboolean               sample;
  char                  *content_date;
  char                  *source_date;
  guint                  n_english;
  guint                  n_spanish;
} Run;

/* Removes the download folder and what is in it (two files, no folders). */
static void
remove_work_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_unlink (file);
    }
  g_rmdir (path);
}

static void
run_free (Run *run)
{
  remove_work_dir (run->work_dir);
  g_clear_object (&run->session);
  g_clear_pointer (&run->offer, hl_update_offer_free);
  g_free (run->work_dir);
  g_free (run->topics_path);
  g_free (run->groups_path);
  g_clear_object (&run->importer);
  g_free (run->content_date);
  g_free (run->source_date);
  g_free (run);
}

static void
set_phase (HlUpdater     *self,
           HlUpdatePhase  phase)
{
  if (self->phase != phase)
    {
      self->phase = phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  self->fraction = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
set_fraction (HlUpdater *self,
              double     fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction == self->fraction)
    return;

  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
set_running (HlUpdater *self,
             gboolean   running)
{
  if (self->running == running)
    return;

  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
complete (GTask          *task,
          HlUpdateResult  outcome)
{
  HlUpdater *self = g_task_get_source_object (task);

  set_phase (self, HL_UPDATE_PHASE_IDLE);
  set_running (self, FALSE);
  g_task_return_int (task, outcome);
  g_object_unref (task);
}

static void
fail (GTask  *task,
      GError *error)
{
  HlUpdater *self = g_task_get_source_object (task);

  set_phase (self, HL_UPDATE_PHASE_IDLE);
  set_running (self, FALSE);
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* The importer names the files it was given: a person knows them by their
 * web address, not by our temporary folder. */
static GError *
rename_files_in_error (Run          *run,
                       const GError *error)
{
  g_autoptr(GString) message = g_string_new (error->message);

  if (run->topics_path != NULL)
    g_string_replace (message, run->topics_path, run->offer->topics_uri, 0);
  if (run->groups_path != NULL)
    g_string_replace (message, run->groups_path, run->offer->groups_uri, 0);

  return g_error_new_literal (error->domain, error->code, message->str);
}

/* Reads what the update compares with; a library that does not open is
 * replaced like no library at all. */
static void
read_current_library (HlUpdater *self,
                      Run       *run)
{
  g_autoptr(HlTopicStore) store = hl_topic_store_open (self->library_path, NULL);

  if (store == NULL)
    return;

  run->has_library = TRUE;
  run->sample = hl_topic_store_is_sample (store);
  run->content_date = hl_content_date_of_store (store);
  run->source_date = hl_content_date_of_source (store);
  run->n_english = hl_topic_store_count_topics (store, "en", NULL);
  run->n_spanish = hl_topic_store_count_topics (store, "es", NULL);
}

static gboolean
is_up_to_date (Run        *run,
               const char *offered)
{
  /* The sample carries a recent date but is not a MedlinePlus file. */
  if (!run->has_library || run->sample)
    return FALSE;

  return (run->source_date != NULL && strcmp (offered, run->source_date) <= 0) ||
         (run->content_date != NULL && strcmp (offered, run->content_date) <= 0);
}

/* Runs in the import's thread, once the new library is built. */
static gboolean
check_counts (HlMedlinePlusImporter  *importer,
              gpointer                user_data,
              GError                **error)
{
  Run *run = user_data;
  guint n_en = hl_medlineplus_importer_get_n_topics (importer, "en");
  guint n_es = hl_medlineplus_importer_get_n_topics (importer, "es");

  if (n_en < MIN_TOPICS || n_es < MIN_TOPICS)
    {
      g_set_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_WRONG_CONTENT,
                   _("%s holds only %u English and %u Spanish topics; the MedlinePlus file has "
                     "about a thousand in each language. It looks incomplete."),
                   run->offer->topics_uri, n_en, n_es);
      return FALSE;
    }

  if (run->has_library && !run->sample &&
      (n_en * 2 < run->n_english || n_es * 2 < run->n_spanish))
    {
      g_set_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_WRONG_CONTENT,
                   _("%s holds %u English and %u Spanish topics, less than half of the %u and "
                     "%u in the library now. It looks incomplete."),
                   run->offer->topics_uri, n_en, n_es, run->n_english, run->n_spanish);
      return FALSE;
    }

  return TRUE;
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  set_fraction (HL_UPDATER (user_data), fraction);
}

static void
import_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  HlUpdater *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!hl_medlineplus_importer_run_finish (run->importer, result, &error))
    {
      fail (task, rename_files_in_error (run, error));
      return;
    }

  set_fraction (self, 1.0);
  self->n_english = hl_medlineplus_importer_get_n_topics (run->importer, "en");
  self->n_spanish = hl_medlineplus_importer_get_n_topics (run->importer, "es");
  self->n_groups = hl_medlineplus_importer_get_n_groups (run->importer);
  complete (task, HL_UPDATE_RESULT_UPDATED);
}

static void
start_import (GTask *task)
{
  HlUpdater *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  set_phase (self, HL_UPDATE_PHASE_IMPORTING);
  run->importer = hl_medlineplus_importer_new (run->topics_path);
  hl_medlineplus_importer_set_library_path (run->importer, self->library_path);
  hl_medlineplus_importer_set_sample (run->importer, FALSE);
  if (run->groups_path != NULL)
    hl_medlineplus_importer_set_groups_path (run->importer, run->groups_path);
  hl_medlineplus_importer_set_check_func (run->importer, check_counts, run);
  hl_medlineplus_importer_set_progress_func (run->importer, import_progress_cb,
                                             g_object_ref (self), g_object_unref);
  hl_medlineplus_importer_run_async (run->importer, g_task_get_cancellable (task), import_cb,
                                     task);
}

/* A server that sends an error page with "200 OK" and no type, or a
 * portal's sign-in page, is caught here rather than by the XML parser. */
static gboolean
check_download (const char  *path,
                const char  *uri,
                gboolean     zip,
                goffset      min_size,
                GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  const char *data = mapped ? g_mapped_file_get_contents (mapped) : NULL;
  gsize size = mapped ? g_mapped_file_get_length (mapped) : 0;
  gsize start = 0;

  if (size == 0)
    {
      g_set_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_TOO_SMALL, _("%s is empty."), uri);
      return FALSE;
    }
  if ((goffset) size < min_size)
    {
      g_autofree char *got = g_format_size (size);

      g_set_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_TOO_SMALL,
                   _("%s is only %s, too small to be the MedlinePlus health-topic file."),
                   uri, got);
      return FALSE;
    }

  if (zip)
    {
      if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
        return TRUE;
      g_set_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_WRONG_CONTENT,
                   _("%s is not a ZIP archive."), uri);
      return FALSE;
    }

  if (size >= 3 && memcmp (data, "\357\273\277", 3) == 0)
    start = 3;
  while (start < size && g_ascii_isspace (data[start]))
    start++;
  if (size - start >= 5 && (g_ascii_strncasecmp (data + start, "<html", 5) == 0 ||
                            (size - start >= 14 &&
                             g_ascii_strncasecmp (data + start, "<!doctype html", 14) == 0)))
    {
      g_set_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_WRONG_CONTENT,
                   _("The server sent a web page instead of %s."), uri);
      return FALSE;
    }

  return TRUE;
}

static void
groups_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!hl_download_finish (result, NULL, NULL, &error) ||
      !check_download (run->groups_path, run->offer->groups_uri, FALSE, 1, &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  start_import (task);
}

static void
download_progress_cb (goffset  received,
                      goffset  total,
                      gpointer user_data)
{
  if (total > 0)
    set_fraction (HL_UPDATER (user_data), (double) received / total);
}

static void
topics_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) destination = NULL;

  if (!hl_download_finish (result, NULL, NULL, &error) ||
      !check_download (run->topics_path, run->offer->topics_uri,
                       g_str_has_suffix (run->topics_path, ".zip"), TOPICS_MIN_SIZE, &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  if (run->offer->groups_uri == NULL)
    {
      start_import (task);
      return;
    }

  run->groups_path = g_build_filename (run->work_dir, run->offer->groups_name, NULL);
  destination = g_file_new_for_path (run->groups_path);
  hl_download_async (run->session, run->offer->groups_uri, HL_DOWNLOAD_FILE, destination,
                     GROUPS_MAX_SIZE, NULL, NULL, g_task_get_cancellable (task), groups_cb, task);
}

/* Download folders of runs that were killed. */
static void
remove_stale_work_dirs (const char *cache_dir)
{
  g_autoptr(GDir) dir = g_dir_open (cache_dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (cache_dir, name, NULL);
      GStatBuf st;

      if (g_str_has_prefix (name, "update-") && g_stat (path, &st) == 0 &&
          S_ISDIR (st.st_mode) && now - st.st_mtime > STALE_WORK_DIR_SECONDS)
        remove_work_dir (path);
    }
}

static void
offer_received (GTask         *task,
                HlUpdateOffer *offer)
{
  HlUpdater *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *cache_dir = NULL;
  g_autofree char *template = NULL;
  g_autoptr(GFile) destination = NULL;

  run->offer = offer;
  hl_set_str (&self->offered_date, offer->date);
  hl_set_str (&self->file_name, offer->topics_name);

  if (is_up_to_date (run, offer->date))
    {
      complete (task, HL_UPDATE_RESULT_UP_TO_DATE);
      return;
    }

  cache_dir = hl_paths_get_cache_dir ();
  remove_stale_work_dirs (cache_dir);
  template = g_build_filename (cache_dir, "update-XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;

      fail (task, g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_NETWORK,
                               _("Could not make a folder for the download in “%s”: %s"),
                               cache_dir, g_strerror (saved_errno)));
      return;
    }
  run->work_dir = g_steal_pointer (&template);

  /* The file keeps its name: the library records it as its source. */
  run->topics_path = g_build_filename (run->work_dir, offer->topics_name, NULL);
  destination = g_file_new_for_path (run->topics_path);
  set_phase (self, HL_UPDATE_PHASE_DOWNLOADING);
  hl_download_async (run->session, offer->topics_uri, HL_DOWNLOAD_FILE, destination,
                     TOPICS_MAX_SIZE, download_progress_cb, self, g_task_get_cancellable (task),
                     topics_cb, task);
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autofree char *page_uri = NULL;
  HlUpdateOffer *offer;

  if (!hl_download_finish (result, &page, &page_uri, &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  offer = hl_update_offer_find (g_bytes_get_data (page, NULL), g_bytes_get_size (page),
                                page_uri, &error);
  if (offer == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  offer_received (task, offer);
}

void
hl_updater_run_async (HlUpdater           *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  HlUpdateOffer *offer;
  GTask *task;
  Run *run;

  g_return_if_fail (HL_IS_UPDATER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_updater_run_async);

  if (self->running)
    {
      g_task_return_new_error (task, HL_UPDATE_ERROR, HL_UPDATE_ERROR_BUSY,
                               _("An update is already running. Wait for it to finish."));
      g_object_unref (task);
      return;
    }

  g_clear_pointer (&self->offered_date, g_free);
  g_clear_pointer (&self->file_name, g_free);
  self->n_english = self->n_spanish = self->n_groups = 0;

  run = g_new0 (Run, 1);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  read_current_library (self, run);
  run->session = hl_download_session_new (self->timeout);

  set_running (self, TRUE);
  set_phase (self, HL_UPDATE_PHASE_CHECKING);

  /* A mirror may name the file itself rather than a page of links. */
  offer = hl_update_offer_for_file (self->url);
  if (offer != NULL)
    {
      offer_received (task, offer);
      return;
    }

  hl_download_async (run->session, self->url, HL_DOWNLOAD_PAGE, NULL, PAGE_MAX_SIZE, NULL, NULL,
                     cancellable, page_cb, task);
}

gboolean
hl_updater_run_finish (HlUpdater       *self,
                       GAsyncResult    *result,
                       HlUpdateResult  *outcome,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize value;

  g_return_val_if_fail (HL_IS_UPDATER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (outcome != NULL)
    *outcome = (HlUpdateResult) value;
  return TRUE;
}

gboolean
hl_update_rollback (const char  *library_path,
                    GError     **error)
{
  g_autofree char *path = library_path ? g_strdup (library_path) : hl_paths_get_library_path ();
  g_autofree char *previous = hl_library_files_get_previous_path (path);
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(GError) open_error = NULL;
  int lock;
  gboolean ok;

  lock = hl_library_files_lock (path, error);
  if (lock < 0)
    return FALSE;

  if (!g_file_test (previous, G_FILE_TEST_IS_REGULAR))
    {
      hl_library_files_unlock (lock);
      g_set_error_literal (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_NO_PREVIOUS,
                           _("There is no previous library to go back to: one is kept when "
                             "an update or an import replaces the library."));
      return FALSE;
    }

  store = hl_topic_store_open (previous, &open_error);
  if (store == NULL)
    {
      hl_library_files_unlock (lock);
      g_set_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_NO_PREVIOUS,
                   _("The previous library cannot be used (%s). The library was not changed."),
                   open_error->message);
      return FALSE;
    }
  g_clear_object (&store);

  ok = hl_library_files_swap_previous (path, error);
  hl_library_files_unlock (lock);
  return ok;
}

char *
hl_update_dup_previous_date (const char *library_path,
                             gboolean   *sample)
{
  g_autofree char *path = library_path ? g_strdup (library_path) : hl_paths_get_library_path ();
  g_autofree char *previous = hl_library_files_get_previous_path (path);
  g_autoptr(HlTopicStore) store = NULL;

  if (sample != NULL)
    *sample = FALSE;
  if (!g_file_test (previous, G_FILE_TEST_IS_REGULAR))
    return NULL;

  store = hl_topic_store_open (previous, NULL);
  if (store == NULL)
    return NULL;
  if (sample != NULL)
    *sample = hl_topic_store_is_sample (store);
  return hl_content_date_of_store (store);
}

static void
hl_updater_finalize (GObject *object)
{
  HlUpdater *self = (HlUpdater *) object;

  g_free (self->library_path);
  g_free (self->url);
  g_free (self->offered_date);
  g_free (self->file_name);

  G_OBJECT_CLASS (hl_updater_parent_class)->finalize (object);
}

static void
hl_updater_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HlUpdater *self = HL_UPDATER (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_updater_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HlUpdater *self = HL_UPDATER (object);

  switch (prop_id)
    {
    case PROP_URL:
      hl_updater_set_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_updater_class_init (HlUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_updater_finalize;
  object_class->get_property = hl_updater_get_property;
  object_class->set_property = hl_updater_set_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, HL_UPDATE_DEFAULT_URL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, HL_TYPE_UPDATE_PHASE, HL_UPDATE_PHASE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_updater_init (HlUpdater *self)
{
  const char *timeout = g_getenv ("HEALTH_LIBRARY_NETWORK_TIMEOUT");
  guint64 seconds = 0;

  self->url = g_strdup (HL_UPDATE_DEFAULT_URL);
  self->timeout = DEFAULT_TIMEOUT;
  if (timeout != NULL && g_ascii_string_to_unsigned (timeout, 10, 1, 3600, &seconds, NULL))
    self->timeout = (guint) seconds;
}

HlUpdater *
hl_updater_new (const char *library_path)
{
  HlUpdater *self = g_object_new (HL_TYPE_UPDATER, NULL);

  self->library_path = library_path ? g_strdup (library_path) : hl_paths_get_library_path ();
  return self;
}

void
hl_updater_set_url (HlUpdater  *self,
                    const char *url)
{
  g_return_if_fail (HL_IS_UPDATER (self));

  if (url == NULL || *url == '\0')
    url = HL_UPDATE_DEFAULT_URL;
  if (hl_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
hl_updater_get_url (HlUpdater *self)
{
  g_return_val_if_fail (HL_IS_UPDATER (self), NULL);
  return self->url;
}

void
hl_updater_set_timeout (HlUpdater *self,
                        guint      seconds)
{
  g_return_if_fail (HL_IS_UPDATER (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
}

gboolean
hl_updater_is_running (HlUpdater *self)
{
  g_return_val_if_fail (HL_IS_UPDATER (self), FALSE);
  return self->running;
}

HlUpdatePhase
hl_updater_get_phase (HlUpdater *self)
{
  g_return_val_if_fail (HL_IS_UPDATER (self), HL_UPDATE_PHASE_IDLE);
  return self->phase;
}

double
hl_updater_get_fraction (HlUpdater *self)
{
  g_return_val_if_fail (HL_IS_UPDATER (self), 0);
  return self->fraction;
}

const char *
hl_updater_get_offered_date (HlUpdater *self)
{
  g_return_val_if_fail (HL_IS_UPDATER (self), NULL);
  return self->offered_date;
}

const char *
hl_updater_get_file_name (HlUpdater *self)
{
  g_return_val_if_fail (HL_IS_UPDATER (self), NULL);
  return self->file_name;
}

guint
hl_updater_get_n_topics (HlUpdater  *self,
                         const char *language)
{
  g_return_val_if_fail (HL_IS_UPDATER (self), 0);

  if (language == NULL)
    return self->n_english + self->n_spanish;
  return g_str_equal (language, "es") ? self->n_spanish : self->n_english;
}

guint
hl_updater_get_n_groups (HlUpdater *self)
{
  g_return_val_if_fail (HL_IS_UPDATER (self), 0);
  return self->n_groups;
}
