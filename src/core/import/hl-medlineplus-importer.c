/* hl-medlineplus-importer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "hl-error.h"
#include "hl-html.h"
#include "hl-library-files.h"
#include "hl-library-writer.h"
#include "hl-medlineplus-importer-private.h"
#include "hl-medlineplus-parser.h"
#include "hl-paths.h"
#include "hl-starter-checksum.h"
#include "hl-text.h"
#include "hl-topic.h"
#include "hl-topic-store.h"

struct _HlMedlinePlusImporter
{
  GObject               parent_instance;

  char                 *topics_path;
  char                 *groups_path;
  char                 *library_path;
  gboolean              sample;
  gboolean              sample_set;

  HlImportCheckFunc     check_func;
  gpointer              check_data;
  HlImportStageFunc     stage_func;
  gpointer              stage_data;

  HlImportProgressFunc  progress_func;
  gpointer              progress_data;
  GDestroyNotify        progress_destroy;
  GMainContext         *progress_context;   /* set while running asynchronously */
  double                pending_fraction;
  gboolean              progress_pending;
  GMutex                progress_mutex;

  guint                 n_english;
  guint                 n_spanish;
  guint                 n_groups;
  guint                 n_sites;
  guint                 n_skipped;
  double                seconds;
};

G_DEFINE_FINAL_TYPE (HlMedlinePlusImporter, hl_medlineplus_importer, G_TYPE_OBJECT)

/* Topics go from the parser to a writer thread through a queue; the tokens
 * keep at most QUEUE_DEPTH topics in flight, and at most QUEUE_DEPTH times
 * TOKEN_BYTES of them (a large topic takes several tokens), so memory does
 * not grow with the file. On two processors the import takes about as long
 * as the longer of reading the XML and writing the database, not both. */
typedef struct
{
  HlMedlinePlusImporter *self;
  HlLibraryWriter       *writer;
  GAsyncQueue           *queue;
  GAsyncQueue           *tokens;
  GThread               *thread;
  int                    failed;
  GError                *error;
} Writer;

#define QUEUE_DEPTH 32
#define TOKEN_BYTES (64 * 1024)

/* A topic ready to be written, with its summary's text for the index. */
typedef struct
{
  HlTopic *topic;
  char    *text;
  guint    n_tokens;
} Job;

/* Pushed after the last topic. */
static Job end_of_topics;

/* A token is either a free slot or a written job to free. */
static Job free_slot;

static void
release_token (gpointer token)
{
  Job *job = token;

  if (job == &free_slot)
    return;

  hl_topic_free (job->topic);
  g_free (job->text);
  g_free (job);
}

static gboolean
dispatch_progress (gpointer data)
{
  HlMedlinePlusImporter *self = data;
  double fraction;

  g_mutex_lock (&self->progress_mutex);
  fraction = self->pending_fraction;
  self->progress_pending = FALSE;
  g_mutex_unlock (&self->progress_mutex);

  if (self->progress_func != NULL)
    self->progress_func (fraction, self->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  HlMedlinePlusImporter *self = ((Writer *) user_data)->self;

  if (self->progress_func == NULL)
    return;

  if (self->progress_context == NULL)
    {
      self->progress_func (fraction, self->progress_data);
      return;
    }

  g_mutex_lock (&self->progress_mutex);
  self->pending_fraction = fraction;
  if (!self->progress_pending)
    {
      /* Always through a source: g_main_context_invoke() would run it right
       * here, in this thread, when nobody holds the context. */
      GSource *source = g_idle_source_new ();

      self->progress_pending = TRUE;
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch_progress, g_object_ref (self), g_object_unref);
      g_source_attach (source, self->progress_context);
      g_source_unref (source);
    }
  g_mutex_unlock (&self->progress_mutex);
}

/* The writer thread writes the topics (the database's indexes are the
 * larger half of the work) while the parser reads on. */
static gpointer
write_topics (gpointer data)
{
  Writer *writer = data;
  Job *job;

  while ((job = g_async_queue_pop (writer->queue)) != &end_of_topics)
    {
      if (!g_atomic_int_get (&writer->failed) &&
          !hl_library_writer_add_topic (writer->writer, job->topic, job->text, &writer->error))
        g_atomic_int_set (&writer->failed, TRUE);

      /* Handed back to be freed by the thread that allocated it, which keeps
       * malloc from shuffling memory between the threads' arenas; with it go
       * back the other tokens it took. */
      for (guint i = 1; i < job->n_tokens; i++)
        g_async_queue_push (writer->tokens, &free_slot);
      g_async_queue_push (writer->tokens, job);
    }

  return NULL;
}

static gsize
strv_size (GPtrArray *strings)
{
  gsize size = 0;

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    size += strlen (g_ptr_array_index (strings, i)) + sizeof (gpointer);
  return size;
}

/* About how much memory @topic and the text of its summary take. */
static gsize
topic_size (const HlTopic *topic,
            const char    *text)
{
  gsize size = sizeof *topic + strlen (text) + (topic->summary ? strlen (topic->summary) : 0);

  size += strv_size (topic->also_called) + strv_size (topic->see_references);
  for (guint i = 0; i < topic->sites->len; i++)
    {
      const HlSite *site = g_ptr_array_index (topic->sites, i);

      size += 128 + (site->title ? strlen (site->title) : 0) + (site->url ? strlen (site->url) : 0);
      size += (site->mapped_url ? strlen (site->mapped_url) : 0) + strv_size (site->categories);
      size += strv_size (site->organizations) + strv_size (site->descriptions);
    }
  size += 128 * (topic->groups->len + topic->related->len + topic->mesh_headings->len +
                 topic->other_languages->len);
  return size;
}

/* Called by the parser for each topic: the summary is sanitized here, in the
 * parser's thread, which has time to spare, and its text kept for the
 * search index. */
static gboolean
queue_topic (HlTopic  *topic,
             gpointer  user_data,
             GError  **error)
{
  Writer *writer = user_data;
  GString *text;
  char *raw;
  Job *job;

  if (g_atomic_int_get (&writer->failed))
    {
      /* The writer's own error is the one reported. */
      hl_topic_free (topic);
      g_set_error_literal (error, HL_ERROR, HL_ERROR_DATABASE, "");
      return FALSE;
    }

  text = g_string_sized_new (4096);
  raw = topic->summary;
  topic->summary = hl_html_sanitize (raw ? raw : "", -1, NULL, NULL, text);
  g_free (raw);

  job = g_new (Job, 1);
  job->topic = topic;
  job->text = g_string_free (text, FALSE);
  job->n_tokens = MIN (1 + topic_size (topic, job->text) / TOKEN_BYTES, QUEUE_DEPTH);

  for (guint i = 0; i < job->n_tokens; i++)
    release_token (g_async_queue_pop (writer->tokens));
  g_async_queue_push (writer->queue, job);
  return TRUE;
}

static void
start_writer (Writer *writer)
{
  writer->queue = g_async_queue_new ();
  writer->tokens = g_async_queue_new ();
  for (guint i = 0; i < QUEUE_DEPTH; i++)
    g_async_queue_push (writer->tokens, &free_slot);
  writer->thread = g_thread_new ("hl-import-writer", write_topics, writer);
}

/* Waits for the writer to write what is queued; FALSE if it failed. */
static gboolean
stop_writer (Writer  *writer,
             GError **error)
{
  g_async_queue_push (writer->queue, &end_of_topics);
  g_thread_join (g_steal_pointer (&writer->thread));
  while (g_async_queue_length (writer->tokens) > 0)
    release_token (g_async_queue_pop (writer->tokens));
  g_clear_pointer (&writer->queue, g_async_queue_unref);
  g_clear_pointer (&writer->tokens, g_async_queue_unref);

  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
stage (HlMedlinePlusImporter *self,
       HlImportStage          which)
{
  if (self->stage_func != NULL)
    self->stage_func (which, self->stage_data);
  return TRUE;
}

static gboolean
add_group (int          id,
           const char  *language,
           const char  *name,
           const char  *url,
           gpointer     user_data,
           GError     **error)
{
  return hl_library_writer_add_group (user_data, id, language, name, url, error);
}

/* The bundled sample, wherever it was copied: by its content, not its path. */
static gboolean
is_starter_file (const HlTopicsFileInfo *info)
{
  return info->checksum != NULL && g_str_equal (info->checksum, HL_STARTER_SHA256);
}

static gboolean
write_meta (HlMedlinePlusImporter  *self,
            HlTopicsFileInfo       *info,
            HlLibraryWriter        *writer,
            const char             *groups_path,
            GError                **error)
{
  g_autofree char *source = g_path_get_basename (self->topics_path);
  g_autofree char *groups_source = groups_path ? g_path_get_basename (groups_path) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *imported_at = g_date_time_format_iso8601 (now);
  g_autofree char *n_en = g_strdup_printf ("%u", info->n_english);
  g_autofree char *n_es = g_strdup_printf ("%u", info->n_spanish);
  g_autofree char *n_sites = g_strdup_printf ("%u", info->n_sites);
  gboolean sample = self->sample_set ? self->sample : is_starter_file (info);
  const struct { const char *key; const char *value; } meta[] = {
    { "source", source },
    { "groups-source", groups_source },
    { "date-generated", info->date_generated },
    { "declared-total", info->declared_total },
    { "imported-at", imported_at },
    { "sample", sample ? "1" : "0" },
    { "topics-en", n_en },
    { "topics-es", n_es },
    { "sites", n_sites },
  };

  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    if (meta[i].value != NULL &&
        !hl_library_writer_set_meta (writer, meta[i].key, meta[i].value, error))
      return FALSE;

  return TRUE;
}

static gboolean
build_library (HlMedlinePlusImporter  *self,
               const char             *new_path,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autoptr(HlLibraryWriter) library = NULL;
  g_autofree char *groups_path = NULL;
  g_auto(HlTopicsFileInfo) info = { 0 };
  g_autoptr(GError) parse_error = NULL;
  Writer writer = { self };
  gboolean parsed;

  library = hl_library_writer_new (new_path, error);
  if (library == NULL)
    return FALSE;

  writer.writer = library;
  start_writer (&writer);
  parsed = hl_medlineplus_parse_topics (self->topics_path, queue_topic, progress_cb, &writer,
                                        cancellable, &info, &parse_error);
  if (!stop_writer (&writer, error))
    return FALSE;
  if (!parsed)
    {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return FALSE;
    }

  self->n_english = info.n_english;
  self->n_spanish = info.n_spanish;
  self->n_sites = info.n_sites;
  self->n_skipped = info.n_skipped;

  /* Group names from the topics themselves come first: they are as recent as
   * the topics. The group file names the rest. */
  groups_path = self->groups_path ? g_strdup (self->groups_path) : hl_paths_find_starter_groups ();
  if (groups_path != NULL &&
      !hl_medlineplus_parse_groups (groups_path, add_group, library, error))
    return FALSE;

  if (!write_meta (self, &info, library, groups_path, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  stage (self, HL_IMPORT_STAGE_FINISHING);
  return hl_library_writer_finish (library, &self->n_groups, error);
}

/* Only a library that opens is worth going back to: a damaged one is not
 * kept as the previous library. */
static gboolean
is_good_library (const char *library_path)
{
  g_autoptr(HlTopicStore) store = NULL;

  if (!g_file_test (library_path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  store = hl_topic_store_open (library_path, NULL);
  return store != NULL;
}

gboolean
hl_medlineplus_importer_run (HlMedlinePlusImporter  *self,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autofree char *library_path = NULL;
  g_autofree char *new_path = NULL;
  gint64 start = g_get_monotonic_time ();
  int lock;
  gboolean ok;

  g_return_val_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self), FALSE);

  self->n_english = self->n_spanish = self->n_groups = self->n_sites = self->n_skipped = 0;
  self->seconds = 0;

  library_path = self->library_path ? g_strdup (self->library_path) : hl_paths_get_library_path ();
  lock = hl_library_files_lock (library_path, error);
  if (lock < 0)
    return FALSE;

  new_path = hl_library_files_create_new (library_path, error);
  ok = new_path != NULL &&
       build_library (self, new_path, cancellable, error) &&
       (self->check_func == NULL || self->check_func (self, self->check_data, error)) &&
       hl_library_files_sync (new_path, error) &&
       stage (self, HL_IMPORT_STAGE_REPLACING) &&
       (!is_good_library (library_path) || hl_library_files_keep_previous (library_path, error)) &&
       hl_library_files_replace (new_path, library_path, error) &&
       stage (self, HL_IMPORT_STAGE_REPLACED);

  if (!ok)
    {
      if (new_path != NULL)
        hl_library_files_discard (new_path);
      self->n_english = self->n_spanish = self->n_groups = self->n_sites = 0;
    }

  hl_library_files_unlock (lock);
  self->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  return ok;
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  HlMedlinePlusImporter *self = source_object;
  GError *error = NULL;

  if (hl_medlineplus_importer_run (self, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hl_medlineplus_importer_run_async (HlMedlinePlusImporter *self,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self));

  g_clear_pointer (&self->progress_context, g_main_context_unref);
  self->progress_context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_medlineplus_importer_run_async);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
hl_medlineplus_importer_run_finish (HlMedlinePlusImporter  *self,
                                    GAsyncResult           *result,
                                    GError                **error)
{
  g_return_val_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
hl_medlineplus_importer_finalize (GObject *object)
{
  HlMedlinePlusImporter *self = (HlMedlinePlusImporter *) object;

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  g_clear_pointer (&self->progress_context, g_main_context_unref);
  g_mutex_clear (&self->progress_mutex);
  g_free (self->topics_path);
  g_free (self->groups_path);
  g_free (self->library_path);

  G_OBJECT_CLASS (hl_medlineplus_importer_parent_class)->finalize (object);
}

static void
hl_medlineplus_importer_class_init (HlMedlinePlusImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_medlineplus_importer_finalize;
}

static void
hl_medlineplus_importer_init (HlMedlinePlusImporter *self)
{
  g_mutex_init (&self->progress_mutex);
}

HlMedlinePlusImporter *
hl_medlineplus_importer_new (const char *topics_path)
{
  HlMedlinePlusImporter *self;

  g_return_val_if_fail (topics_path != NULL, NULL);

  self = g_object_new (HL_TYPE_MEDLINEPLUS_IMPORTER, NULL);
  self->topics_path = g_strdup (topics_path);
  return self;
}

void
hl_medlineplus_importer_set_groups_path (HlMedlinePlusImporter *self,
                                         const char            *groups_path)
{
  g_return_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self));

  hl_set_str (&self->groups_path, groups_path);
}

void
hl_medlineplus_importer_set_library_path (HlMedlinePlusImporter *self,
                                          const char            *library_path)
{
  g_return_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self));

  hl_set_str (&self->library_path, library_path);
}

void
hl_medlineplus_importer_set_sample (HlMedlinePlusImporter *self,
                                    gboolean               sample)
{
  g_return_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self));

  self->sample = !!sample;
  self->sample_set = TRUE;
}

void
hl_medlineplus_importer_set_check_func (HlMedlinePlusImporter *self,
                                        HlImportCheckFunc      func,
                                        gpointer               user_data)
{
  g_return_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self));

  self->check_func = func;
  self->check_data = user_data;
}

void
hl_medlineplus_importer_set_stage_func (HlMedlinePlusImporter *self,
                                        HlImportStageFunc      func,
                                        gpointer               user_data)
{
  g_return_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self));

  self->stage_func = func;
  self->stage_data = user_data;
}

void
hl_medlineplus_importer_set_progress_func (HlMedlinePlusImporter *self,
                                           HlImportProgressFunc   func,
                                           gpointer               user_data,
                                           GDestroyNotify         destroy)
{
  g_return_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

guint
hl_medlineplus_importer_get_n_topics (HlMedlinePlusImporter *self,
                                      const char            *language)
{
  const char *code = hl_language_normalize (language);

  g_return_val_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self), 0);

  if (code == NULL)
    return self->n_english + self->n_spanish;
  return code[1] == 'n' ? self->n_english : self->n_spanish;
}

guint
hl_medlineplus_importer_get_n_groups (HlMedlinePlusImporter *self)
{
  g_return_val_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self), 0);

  return self->n_groups;
}

guint
hl_medlineplus_importer_get_n_sites (HlMedlinePlusImporter *self)
{
  g_return_val_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self), 0);

  return self->n_sites;
}

guint
hl_medlineplus_importer_get_n_skipped (HlMedlinePlusImporter *self)
{
  g_return_val_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self), 0);

  return self->n_skipped;
}

double
hl_medlineplus_importer_get_seconds (HlMedlinePlusImporter *self)
{
  g_return_val_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self), 0);

  return self->seconds;
}
