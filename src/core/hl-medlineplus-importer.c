/* hl-medlineplus-importer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "hl-error.h"
#include "hl-html.h"
#include "hl-import-source.h"
#include "hl-library-writer.h"
#include "hl-medlineplus-importer.h"
#include "hl-paths.h"
#include "hl-text.h"
#include "hl-topic.h"

struct _HlMedlinePlusImporter
{
  GObject               parent_instance;

  char                 *topics_path;
  char                 *groups_path;
  char                 *library_path;
  gboolean              sample;
  gboolean              sample_set;

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

/* What the text of the element being read goes to. */
typedef enum
{
  FIELD_NONE,
  FIELD_ALSO_CALLED,
  FIELD_SUMMARY,
  FIELD_GROUP,
  FIELD_MAPPED,
  FIELD_DESCRIPTOR,
  FIELD_QUALIFIER,
  FIELD_OTHER_LANGUAGE,
  FIELD_INSTITUTE,
  FIELD_RELATED,
  FIELD_SEE_REFERENCE,
  FIELD_CATEGORY,
  FIELD_ORGANIZATION,
  FIELD_DESCRIPTION,
  FIELD_GROUP_FILE_NAME,
} Field;

typedef struct
{
  HlMedlinePlusImporter *self;
  GCancellable          *cancellable;
  const char            *name;          /* of the file, for messages */
  xmlTextReaderPtr       reader;
  HlImportSource        *source;
  HlLibraryWriter       *writer;
  GError                *error;

  /* The first error libxml2 reported. */
  char                  *xml_message;
  int                    xml_code;
  int                    xml_line;

  gboolean               checked_doctype;
  gboolean               saw_root;
  gboolean               root_closed;
  char                  *date_generated;
  char                  *declared_total;

  HlTopic               *topic;
  int                    topic_line;
  HlSite                *site;
  HlMeshHeading         *mesh;
  HlTopicLink           *link;
  HlOtherLanguage       *other;
  Field                  field;
  int                    field_depth;
  GString               *text;

  /* Group-file reading. */
  int                    group_id;
  const char            *group_language;
  char                  *group_url;

  GHashTable            *id_lines;
  double                 last_fraction;

  /* Topics go to a writer thread through a queue; the tokens keep at most
   * QUEUE_DEPTH topics in flight, so memory does not grow with the file. */
  GAsyncQueue           *queue;
  GAsyncQueue           *tokens;
  GThread               *writer_thread;
  int                    writer_failed;
  GError                *writer_error;
} ParseContext;

#define QUEUE_DEPTH 32

/* Pushed after the last topic. */
static HlTopic end_of_topics;

/* A token is either a free slot or a written topic to free. */
static HlTopic free_slot;

static void
release_token (gpointer token)
{
  if (token != &free_slot)
    hl_topic_free (token);
}

static void
parse_context_clear (ParseContext *ctx)
{
  g_clear_error (&ctx->error);
  g_clear_error (&ctx->writer_error);
  g_clear_pointer (&ctx->xml_message, g_free);
  g_clear_pointer (&ctx->date_generated, g_free);
  g_clear_pointer (&ctx->declared_total, g_free);
  g_clear_pointer (&ctx->topic, hl_topic_free);
  g_clear_pointer (&ctx->site, hl_site_free);
  g_clear_pointer (&ctx->mesh, hl_mesh_heading_free);
  g_clear_pointer (&ctx->link, hl_topic_link_free);
  g_clear_pointer (&ctx->other, hl_other_language_free);
  g_clear_pointer (&ctx->group_url, g_free);
  if (ctx->text != NULL)
    g_string_free (ctx->text, TRUE);
  g_clear_pointer (&ctx->id_lines, g_hash_table_unref);
  g_clear_pointer (&ctx->reader, xmlFreeTextReader);
}

/* External entities and DTDs are never loaded, whatever a file asks for. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  return NULL;
}

static void
ensure_libxml_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

/* The line of the node being read (the parser itself may be further on). */
static int
current_line (ParseContext *ctx)
{
  xmlNodePtr node;
  long line;

  if (ctx->reader == NULL)
    return 0;

  node = xmlTextReaderCurrentNode (ctx->reader);
  line = node ? xmlGetLineNo (node) : -1;
  return line > 0 ? (int) line : xmlTextReaderGetParserLineNumber (ctx->reader);
}

/* Records the first problem; later ones are consequences of it. */
G_GNUC_PRINTF (3, 4) static void
fail (ParseContext *ctx,
      int           code,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;
  int line;

  if (ctx->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = current_line (ctx);
  if (line > 0)
    /* TRANSLATORS: “file”, line 12: what is wrong */
    g_set_error (&ctx->error, HL_ERROR, code, _("“%s”, line %d: %s"), ctx->name, line, message);
  else
    g_set_error (&ctx->error, HL_ERROR, code, _("“%s”: %s"), ctx->name, message);
}

/* For problems with a whole topic: the line is where the topic starts. */
G_GNUC_PRINTF (4, 5) static void
fail_at (ParseContext *ctx,
         int           line,
         int           code,
         const char   *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (ctx->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (&ctx->error, HL_ERROR, code, _("“%s”, line %d: %s"), ctx->name, line, message);
}

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  error)
{
  ParseContext *ctx = user_data;

  if (error == NULL || error->level < XML_ERR_ERROR || ctx->xml_message != NULL)
    return;

  ctx->xml_message = g_strstrip (g_strdelimit (g_strdup (error->message ? error->message : ""),
                                               "\n", ' '));
  ctx->xml_code = error->code;
  ctx->xml_line = error->line;
}

static int
read_cb (void *user_data,
         char *buffer,
         int   length)
{
  ParseContext *ctx = user_data;
  int n = hl_import_source_read (ctx->source, buffer, length);

  if (n < 0 && ctx->error == NULL)
    ctx->error = hl_import_source_take_error (ctx->source);

  return n;
}

/* Turns libxml2's first error into a message a person can act on. */
static void
fail_from_xml (ParseContext *ctx)
{
  const char *message = ctx->xml_message ? ctx->xml_message : "";
  g_autofree char *what = NULL;
  int code = HL_ERROR_PARSE;

  if (ctx->error != NULL)
    return;

  /* An error where the data runs out is a cut-off file, whatever libxml2
   * was in the middle of. */
  if (hl_import_source_at_end (ctx->source) && !ctx->root_closed && ctx->saw_root &&
      ctx->xml_line >= hl_import_source_get_n_lines (ctx->source))
    {
      what = g_strdup (_("The file ends before the document does: it is incomplete, perhaps "
                         "cut off while downloading. Download it again."));
      code = HL_ERROR_INVALID_FILE;
    }
  else switch (ctx->xml_code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      what = g_strdup (_("The file holds no XML document."));
      code = HL_ERROR_INVALID_FILE;
      break;

    case XML_ERR_DOCUMENT_END:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
      what = g_strdup_printf (_("The file ends too early; it may be incomplete (%s). "
                                "Download it again."), message);
      break;

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      what = g_strdup (_("The file has bytes that are not valid text (UTF-8). "
                         "It may be damaged; download it again."));
      break;

    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_BOUNDARY:
      what = g_strdup_printf (_("The file uses entities (%s), which MedlinePlus files never do. "
                                "It was not imported."), message);
      code = HL_ERROR_UNSAFE;
      break;

    default:
      if (strstr (message, "Excessive depth") != NULL)
        what = g_strdup (_("Its elements are nested far too deeply for a MedlinePlus file."));
      else if (strstr (message, "huge") != NULL)
        what = g_strdup (_("It holds a text far too long for a MedlinePlus file."));
      else if (*message == '\0')
        what = g_strdup (_("The file is not valid XML."));
      else
        what = g_strdup_printf (_("The file is not valid XML: %s."), message);
      break;
    }

  if (ctx->xml_line > 0)
    g_set_error (&ctx->error, HL_ERROR, code, _("“%s”, line %d: %s"),
                 ctx->name, ctx->xml_line, what);
  else
    g_set_error (&ctx->error, HL_ERROR, code, _("“%s”: %s"), ctx->name, what);
}

/* A document that declares entities (an entity bomb, or an external entity
 * pointing at a local file) is refused before any of them is used. */
static void
check_doctype (ParseContext *ctx)
{
  xmlNodePtr node;
  xmlDtdPtr dtd;

  if (ctx->checked_doctype)
    return;
  ctx->checked_doctype = TRUE;

  /* Through the current node: xmlTextReaderCurrentDoc() would hand the
   * document over to us, to be freed by hand. */
  node = xmlTextReaderCurrentNode (ctx->reader);
  if (node == NULL || node->doc == NULL)
    return;

  dtd = node->doc->intSubset;
  if (dtd != NULL && (dtd->entities != NULL || dtd->pentities != NULL))
    fail (ctx, HL_ERROR_UNSAFE,
          _("The file declares its own entities, which MedlinePlus files never do. "
            "It was not imported, to keep hidden or oversized content out of the library."));
}

static const char *
attribute (ParseContext *ctx,
           const char   *name)
{
  return (const char *) xmlTextReaderConstValue (ctx->reader);
}

static gboolean
parse_id (const char *text,
          int        *id)
{
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT, &value, NULL))
    return FALSE;

  *id = (int) value;
  return TRUE;
}

static char *
dup_attribute_text (const char *value)
{
  return hl_text_collapse_space (value);
}

/* "MM/DD/YYYY" or "MM/DD/YYYY HH:MM:SS" → ISO 8601; anything else is kept as given. */
static char *
iso_date (const char *value,
          gboolean    with_time)
{
  int month, day, year, hour = 0, minute = 0, second = 0;
  int n;

  if (value == NULL)
    return NULL;

  n = sscanf (value, "%d/%d/%d %d:%d:%d", &month, &day, &year, &hour, &minute, &second);
  if (n < 3 || month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999)
    return hl_text_collapse_space (value);

  if (with_time && n == 6)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static void
read_link_attributes (ParseContext *ctx,
                      HlTopicLink  *link)
{
  while (xmlTextReaderMoveToNextAttribute (ctx->reader) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (ctx->reader);
      const char *value = attribute (ctx, name);

      if (strcmp (name, "url") == 0)
        hl_set_str (&link->url, value);
      else if (strcmp (name, "id") == 0)
        parse_id (value, &link->id);
      else if (strcmp (name, "language") == 0)
        link->language = g_strdup (hl_language_from_name (value));
    }
  xmlTextReaderMoveToElement (ctx->reader);
}

static void
start_field (ParseContext *ctx,
             Field         field,
             int           depth)
{
  ctx->field = field;
  ctx->field_depth = depth;
  g_string_truncate (ctx->text, 0);
}

static void
start_topic (ParseContext *ctx)
{
  HlTopic *topic = hl_topic_new ();

  ctx->topic = topic;
  ctx->topic_line = current_line (ctx);
  topic->id = -1;

  while (xmlTextReaderMoveToNextAttribute (ctx->reader) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (ctx->reader);
      const char *value = attribute (ctx, name);

      if (strcmp (name, "id") == 0)
        {
          if (!parse_id (value, &topic->id))
            {
              fail (ctx, HL_ERROR_INVALID_DATA,
                    _("A topic has the id “%s”; ids are positive whole numbers."), value);
              break;
            }
        }
      else if (strcmp (name, "title") == 0)
        topic->title = dup_attribute_text (value);
      else if (strcmp (name, "url") == 0)
        topic->url = dup_attribute_text (value);
      else if (strcmp (name, "language") == 0)
        /* Kept as written until the topic ends, to report unknown languages. */
        topic->language = g_strdup (value);
      else if (strcmp (name, "meta-desc") == 0)
        topic->meta_desc = dup_attribute_text (value);
      else if (strcmp (name, "date-created") == 0)
        topic->date_created = iso_date (value, FALSE);
    }
  xmlTextReaderMoveToElement (ctx->reader);
}

static void
start_topic_child (ParseContext *ctx,
                   const char   *name,
                   int           depth)
{
  HlTopic *topic = ctx->topic;

  switch (name[0])
    {
    case 'a':
      if (strcmp (name, "also-called") == 0)
        start_field (ctx, FIELD_ALSO_CALLED, depth);
      break;

    case 'f':
      if (strcmp (name, "full-summary") == 0)
        start_field (ctx, FIELD_SUMMARY, depth);
      break;

    case 'g':
      if (strcmp (name, "group") == 0)
        {
          ctx->link = hl_topic_link_new ();
          read_link_attributes (ctx, ctx->link);
          start_field (ctx, FIELD_GROUP, depth);
        }
      break;

    case 'l':
      if (strcmp (name, "language-mapped-topic") == 0 && topic->mapped == NULL)
        {
          ctx->link = hl_topic_link_new ();
          read_link_attributes (ctx, ctx->link);
          start_field (ctx, FIELD_MAPPED, depth);
        }
      break;

    case 'm':
      if (strcmp (name, "mesh-heading") == 0)
        {
          g_clear_pointer (&ctx->mesh, hl_mesh_heading_free);
          ctx->mesh = hl_mesh_heading_new ();
        }
      break;

    case 'o':
      if (strcmp (name, "other-language") == 0)
        {
          ctx->other = hl_other_language_new ();
          while (xmlTextReaderMoveToNextAttribute (ctx->reader) == 1)
            {
              const char *attr = (const char *) xmlTextReaderConstLocalName (ctx->reader);

              if (strcmp (attr, "vernacular-name") == 0)
                ctx->other->vernacular_name = dup_attribute_text (attribute (ctx, attr));
              else if (strcmp (attr, "url") == 0)
                ctx->other->url = dup_attribute_text (attribute (ctx, attr));
            }
          xmlTextReaderMoveToElement (ctx->reader);
          start_field (ctx, FIELD_OTHER_LANGUAGE, depth);
        }
      break;

    case 'p':
      if (strcmp (name, "primary-institute") == 0)
        {
          const char *url = (const char *) xmlTextReaderGetAttribute (ctx->reader,
                                                                      BAD_CAST "url");
          g_free (topic->institute_url);
          topic->institute_url = url ? hl_text_collapse_space (url) : NULL;
          xmlFree ((xmlChar *) url);
          start_field (ctx, FIELD_INSTITUTE, depth);
        }
      break;

    case 'r':
      if (strcmp (name, "related-topic") == 0)
        {
          ctx->link = hl_topic_link_new ();
          read_link_attributes (ctx, ctx->link);
          start_field (ctx, FIELD_RELATED, depth);
        }
      break;

    case 's':
      if (strcmp (name, "see-reference") == 0)
        start_field (ctx, FIELD_SEE_REFERENCE, depth);
      else if (strcmp (name, "site") == 0)
        {
          g_clear_pointer (&ctx->site, hl_site_free);
          ctx->site = hl_site_new ();
          while (xmlTextReaderMoveToNextAttribute (ctx->reader) == 1)
            {
              const char *attr = (const char *) xmlTextReaderConstLocalName (ctx->reader);

              if (strcmp (attr, "title") == 0)
                ctx->site->title = dup_attribute_text (attribute (ctx, attr));
              else if (strcmp (attr, "url") == 0)
                ctx->site->url = dup_attribute_text (attribute (ctx, attr));
              else if (strcmp (attr, "language-mapped-url") == 0)
                ctx->site->mapped_url = dup_attribute_text (attribute (ctx, attr));
            }
          xmlTextReaderMoveToElement (ctx->reader);
        }
      break;

    default:
      break;
    }
}

static void
start_grandchild (ParseContext *ctx,
                  const char   *name,
                  int           depth)
{
  if (ctx->mesh != NULL)
    {
      if (strcmp (name, "descriptor") == 0 || strcmp (name, "qualifier") == 0)
        {
          gboolean is_descriptor = name[0] == 'd';
          xmlChar *id = xmlTextReaderGetAttribute (ctx->reader, BAD_CAST "id");

          if (is_descriptor)
            hl_set_str (&ctx->mesh->descriptor_id, (const char *) id);
          else
            g_ptr_array_add (ctx->mesh->qualifier_ids, g_strdup (id ? (const char *) id : ""));
          xmlFree (id);
          start_field (ctx, is_descriptor ? FIELD_DESCRIPTOR : FIELD_QUALIFIER, depth);
        }
    }
  else if (ctx->site != NULL)
    {
      if (strcmp (name, "information-category") == 0)
        start_field (ctx, FIELD_CATEGORY, depth);
      else if (strcmp (name, "organization") == 0)
        start_field (ctx, FIELD_ORGANIZATION, depth);
      else if (strcmp (name, "standard-description") == 0)
        start_field (ctx, FIELD_DESCRIPTION, depth);
    }
}

static void
start_root (ParseContext *ctx,
            const char   *name)
{
  if (strcmp (name, "health-topics") != 0)
    {
      if (strcmp (name, "health-topic-groups") == 0)
        fail (ctx, HL_ERROR_INVALID_FILE,
              _("This is a MedlinePlus topic-group file, not the health-topic file. "
                "Choose mplus_topics_YYYY-MM-DD.xml."));
      else
        fail (ctx, HL_ERROR_INVALID_FILE,
              _("This XML file is not a MedlinePlus health-topic file: its root element is "
                "<%s>, not <health-topics>."),
              name);
      return;
    }

  ctx->saw_root = TRUE;
  while (xmlTextReaderMoveToNextAttribute (ctx->reader) == 1)
    {
      const char *attr = (const char *) xmlTextReaderConstLocalName (ctx->reader);

      if (strcmp (attr, "date-generated") == 0)
        ctx->date_generated = iso_date (attribute (ctx, attr), TRUE);
      else if (strcmp (attr, "total") == 0)
        ctx->declared_total = g_strdup (attribute (ctx, attr));
    }
  xmlTextReaderMoveToElement (ctx->reader);
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
report_progress (ParseContext *ctx)
{
  HlMedlinePlusImporter *self = ctx->self;
  double fraction = hl_import_source_get_fraction (ctx->source);

  if (self->progress_func == NULL || fraction - ctx->last_fraction < 0.01)
    return;
  ctx->last_fraction = fraction;

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

static void
finish_topic (ParseContext *ctx)
{
  g_autoptr(HlTopic) topic = g_steal_pointer (&ctx->topic);
  const char *language;
  gpointer first_line;

  if (ctx->error != NULL)
    return;

  if (topic->id < 0)
    {
      fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("This topic has no “id” attribute."));
      return;
    }
  if (topic->title == NULL)
    {
      fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("Topic %d has no “title” attribute."), topic->id);
      return;
    }
  if (topic->url == NULL)
    {
      fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("Topic %d has no “url” attribute."), topic->id);
      return;
    }
  if (topic->language == NULL)
    {
      fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("Topic %d has no “language” attribute."), topic->id);
      return;
    }

  language = hl_language_from_name (topic->language);
  if (language == NULL)
    {
      /* Only English and Spanish topics exist today; a file with others is
       * still usable. */
      ctx->self->n_skipped++;
      return;
    }
  hl_set_str (&topic->language, language);

  if (g_hash_table_lookup_extended (ctx->id_lines, GINT_TO_POINTER (topic->id), NULL, &first_line))
    {
      fail_at (ctx, ctx->topic_line, HL_ERROR_INVALID_DATA,
               _("This topic has the id %d, already used by the topic on line %d. "
                 "Each topic must have its own id; the file may be damaged."),
               topic->id, GPOINTER_TO_INT (first_line));
      return;
    }
  g_hash_table_insert (ctx->id_lines, GINT_TO_POINTER (topic->id),
                       GINT_TO_POINTER (ctx->topic_line));

  if (g_atomic_int_get (&ctx->writer_failed))
    {
      /* The writer's error is the one reported. */
      g_set_error_literal (&ctx->error, HL_ERROR, HL_ERROR_DATABASE, "");
      return;
    }

  if (topic->language[1] == 'n')
    ctx->self->n_english++;
  else
    ctx->self->n_spanish++;
  ctx->self->n_sites += topic->sites->len;

  release_token (g_async_queue_pop (ctx->tokens));
  g_async_queue_push (ctx->queue, g_steal_pointer (&topic));

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, &ctx->error))
    return;

  report_progress (ctx);
}

static char *
take_text (ParseContext *ctx)
{
  return hl_text_collapse_space (ctx->text->str);
}

static void
end_field (ParseContext *ctx)
{
  HlTopic *topic = ctx->topic;
  Field field = ctx->field;
  char *text;

  ctx->field = FIELD_NONE;

  if (field == FIELD_SUMMARY)
    {
      g_free (topic->summary);
      topic->summary = g_strndup (ctx->text->str, ctx->text->len);
      return;
    }

  text = take_text (ctx);

  switch (field)
    {
    case FIELD_ALSO_CALLED:
      if (text != NULL)
        g_ptr_array_add (topic->also_called, g_steal_pointer (&text));
      break;

    case FIELD_SEE_REFERENCE:
      if (text != NULL)
        g_ptr_array_add (topic->see_references, g_steal_pointer (&text));
      break;

    case FIELD_GROUP:
      ctx->link->title = g_steal_pointer (&text);
      g_ptr_array_add (topic->groups, g_steal_pointer (&ctx->link));
      break;

    case FIELD_RELATED:
      ctx->link->title = g_steal_pointer (&text);
      g_ptr_array_add (topic->related, g_steal_pointer (&ctx->link));
      break;

    case FIELD_MAPPED:
      ctx->link->title = g_steal_pointer (&text);
      topic->mapped = g_steal_pointer (&ctx->link);
      break;

    case FIELD_INSTITUTE:
      g_free (topic->institute);
      topic->institute = g_steal_pointer (&text);
      break;

    case FIELD_OTHER_LANGUAGE:
      ctx->other->name = g_steal_pointer (&text);
      g_ptr_array_add (topic->other_languages, g_steal_pointer (&ctx->other));
      break;

    case FIELD_DESCRIPTOR:
      g_free (ctx->mesh->descriptor);
      ctx->mesh->descriptor = g_steal_pointer (&text);
      break;

    case FIELD_QUALIFIER:
      g_ptr_array_add (ctx->mesh->qualifiers, text ? g_steal_pointer (&text) : g_strdup (""));
      break;

    case FIELD_CATEGORY:
      if (text != NULL)
        g_ptr_array_add (ctx->site->categories, g_steal_pointer (&text));
      break;

    case FIELD_ORGANIZATION:
      if (text != NULL)
        g_ptr_array_add (ctx->site->organizations, g_steal_pointer (&text));
      break;

    case FIELD_DESCRIPTION:
      if (text != NULL)
        g_ptr_array_add (ctx->site->descriptions, g_steal_pointer (&text));
      break;

    case FIELD_NONE:
    case FIELD_SUMMARY:
    case FIELD_GROUP_FILE_NAME:
    default:
      break;
    }

  g_free (text);
}

static void
end_element (ParseContext *ctx,
             int           depth)
{
  if (ctx->field != FIELD_NONE && depth == ctx->field_depth)
    {
      end_field (ctx);
      return;
    }

  if (ctx->topic == NULL)
    {
      if (depth == 0 && ctx->saw_root)
        ctx->root_closed = TRUE;
      return;
    }

  if (depth == 2)
    {
      if (ctx->mesh != NULL)
        g_ptr_array_add (ctx->topic->mesh_headings, g_steal_pointer (&ctx->mesh));
      else if (ctx->site != NULL)
        g_ptr_array_add (ctx->topic->sites, g_steal_pointer (&ctx->site));
    }
  else if (depth == 1)
    finish_topic (ctx);
}

static void
start_element (ParseContext *ctx,
               int           depth)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (ctx->reader);

  if (depth == 0)
    {
      check_doctype (ctx);
      if (ctx->error == NULL)
        start_root (ctx, name);
    }
  else if (ctx->field != FIELD_NONE)
    /* Markup inside a text element (say, an unescaped summary): only its
     * text is kept. */
    return;
  else if (depth == 1)
    {
      if (strcmp (name, "health-topic") == 0)
        start_topic (ctx);
    }
  else if (ctx->topic == NULL)
    return;
  else if (depth == 2)
    start_topic_child (ctx, name, depth);
  else if (depth == 3)
    start_grandchild (ctx, name, depth);
}

static gboolean
run_reader (ParseContext *ctx,
            void        (*on_start) (ParseContext *, int),
            void        (*on_end) (ParseContext *, int))
{
  int ret;

  while (ctx->error == NULL && (ret = xmlTextReaderRead (ctx->reader)) == 1)
    {
      int type = xmlTextReaderNodeType (ctx->reader);

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          {
            int depth = xmlTextReaderDepth (ctx->reader);

            on_start (ctx, depth);
            if (xmlTextReaderIsEmptyElement (ctx->reader))
              on_end (ctx, depth);
          }
          break;

        case XML_READER_TYPE_END_ELEMENT:
          on_end (ctx, xmlTextReaderDepth (ctx->reader));
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (ctx->field != FIELD_NONE)
            g_string_append (ctx->text, (const char *) xmlTextReaderConstValue (ctx->reader));
          break;

        case XML_READER_TYPE_DOCUMENT_TYPE:
          check_doctype (ctx);
          break;

        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          fail (ctx, HL_ERROR_UNSAFE,
                _("The file uses an entity (“&%s;”), which MedlinePlus files never do. "
                  "It was not imported."),
                (const char *) xmlTextReaderConstLocalName (ctx->reader));
          break;

        default:
          break;
        }
    }

  if (ctx->error != NULL)
    return FALSE;

  if (ret < 0)
    {
      fail_from_xml (ctx);
      return FALSE;
    }

  /* The reader can stop quietly after an error it already reported. */
  if (ctx->xml_message != NULL)
    {
      fail_from_xml (ctx);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_reader (ParseContext  *ctx,
             const char    *path,
             GError       **error)
{
  ctx->source = hl_import_source_open (path, error);
  if (ctx->source == NULL)
    return FALSE;

  ctx->name = hl_import_source_get_name (ctx->source);
  ctx->text = g_string_sized_new (4096);

  /* No XML_PARSE_NOENT, DTDLOAD or DTDATTR: entities are not substituted and
   * no DTD is read; NONET keeps everything off the network. */
  ctx->reader = xmlReaderForIO (read_cb, NULL, ctx, NULL, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  if (ctx->reader == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not read “%s”."), ctx->name);
      return FALSE;
    }

  xmlTextReaderSetStructuredErrorHandler (ctx->reader, on_xml_error, ctx);
  return TRUE;
}

/* The writer thread: sanitizes each summary, keeps its text for the search
 * index and writes the topic, while the parser reads on. */
static gpointer
write_topics (gpointer data)
{
  ParseContext *ctx = data;
  GString *plain = g_string_sized_new (8192);
  HlTopic *topic;

  while ((topic = g_async_queue_pop (ctx->queue)) != &end_of_topics)
    {
      if (!g_atomic_int_get (&ctx->writer_failed))
        {
          char *raw = topic->summary;

          g_string_truncate (plain, 0);
          topic->summary = hl_html_sanitize (raw ? raw : "", -1, NULL, NULL, plain);
          g_free (raw);

          if (!hl_library_writer_add_topic (ctx->writer, topic, plain->str, &ctx->writer_error))
            g_atomic_int_set (&ctx->writer_failed, TRUE);
        }

      /* Handed back to be freed by the thread that allocated it, which keeps
       * malloc from shuffling memory between the threads' arenas. */
      g_async_queue_push (ctx->tokens, topic);
    }

  g_string_free (plain, TRUE);
  return NULL;
}

static void
start_writer (ParseContext *ctx)
{
  ctx->queue = g_async_queue_new ();
  ctx->tokens = g_async_queue_new ();
  for (guint i = 0; i < QUEUE_DEPTH; i++)
    g_async_queue_push (ctx->tokens, &free_slot);
  ctx->writer_thread = g_thread_new ("hl-import-writer", write_topics, ctx);
}

/* Waits for the writer to write what is queued; FALSE if it failed. */
static gboolean
stop_writer (ParseContext  *ctx,
             GError       **error)
{
  if (ctx->writer_thread == NULL)
    return TRUE;

  g_async_queue_push (ctx->queue, &end_of_topics);
  g_thread_join (g_steal_pointer (&ctx->writer_thread));
  while (g_async_queue_length (ctx->tokens) > 0)
    release_token (g_async_queue_pop (ctx->tokens));
  g_clear_pointer (&ctx->queue, g_async_queue_unref);
  g_clear_pointer (&ctx->tokens, g_async_queue_unref);

  if (ctx->writer_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&ctx->writer_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_topics (ParseContext  *ctx,
              const char    *path,
              GError       **error)
{
  gboolean parsed;

  ctx->id_lines = g_hash_table_new (NULL, NULL);

  if (!open_reader (ctx, path, error))
    return FALSE;

  start_writer (ctx);
  parsed = run_reader (ctx, start_element, end_element);
  if (!stop_writer (ctx, error))
    {
      g_clear_error (&ctx->error);
      return FALSE;
    }

  if (!parsed)
    {
      g_propagate_error (error, g_steal_pointer (&ctx->error));
      return FALSE;
    }

  if (!ctx->saw_root || !ctx->root_closed)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is not a complete MedlinePlus health-topic file."), ctx->name);
      return FALSE;
    }

  if (ctx->self->n_english + ctx->self->n_spanish == 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s” holds no English or Spanish health topics, so there is nothing "
                     "to import."),
                   ctx->name);
      return FALSE;
    }

  return TRUE;
}

/* The topic-group file: <health-topic-groups><group language id url>Name</group>… */
static void
groups_start_element (ParseContext *ctx,
                      int           depth)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (ctx->reader);

  if (depth == 0)
    {
      check_doctype (ctx);
      if (ctx->error != NULL)
        return;
      if (strcmp (name, "health-topic-groups") != 0)
        fail (ctx, HL_ERROR_INVALID_FILE,
              _("This is not a MedlinePlus topic-group file: its root element is <%s>, "
                "not <health-topic-groups>."),
              name);
      ctx->saw_root = TRUE;
      return;
    }

  if (depth != 1 || strcmp (name, "group") != 0)
    return;

  ctx->group_id = 0;
  ctx->group_language = NULL;
  g_clear_pointer (&ctx->group_url, g_free);
  while (xmlTextReaderMoveToNextAttribute (ctx->reader) == 1)
    {
      const char *attr = (const char *) xmlTextReaderConstLocalName (ctx->reader);
      const char *value = attribute (ctx, attr);

      if (strcmp (attr, "id") == 0)
        parse_id (value, &ctx->group_id);
      else if (strcmp (attr, "language") == 0)
        ctx->group_language = hl_language_from_name (value);
      else if (strcmp (attr, "url") == 0)
        ctx->group_url = dup_attribute_text (value);
    }
  xmlTextReaderMoveToElement (ctx->reader);
  start_field (ctx, FIELD_GROUP_FILE_NAME, depth);
}

static void
groups_end_element (ParseContext *ctx,
                    int           depth)
{
  g_autofree char *name = NULL;

  if (depth == 0)
    {
      ctx->root_closed = ctx->saw_root;
      return;
    }

  if (ctx->field != FIELD_GROUP_FILE_NAME || depth != ctx->field_depth)
    return;

  ctx->field = FIELD_NONE;
  name = take_text (ctx);
  if (name != NULL && ctx->group_id > 0 && ctx->group_language != NULL)
    hl_library_writer_add_group (ctx->writer, ctx->group_id, ctx->group_language,
                                 name, ctx->group_url, &ctx->error);
}

static gboolean
parse_groups (ParseContext  *ctx,
              const char    *path,
              GError       **error)
{
  if (!open_reader (ctx, path, error))
    return FALSE;

  if (!run_reader (ctx, groups_start_element, groups_end_element))
    {
      g_propagate_error (error, g_steal_pointer (&ctx->error));
      return FALSE;
    }

  if (!ctx->saw_root || !ctx->root_closed)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is not a complete MedlinePlus topic-group file."), ctx->name);
      return FALSE;
    }

  return TRUE;
}

/* Makes sure the bytes of @path are on disk before it replaces the library. */
static gboolean
sync_path (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int rc;

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save the library: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  rc = fsync (fd);
  close (fd);
  if (rc != 0 && !directory)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save the library: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The new file takes the library's name in one atomic rename. The library is
 * never written after an import, so its write-ahead log is empty; the stale
 * log and index files are removed first so that they cannot be paired with
 * the new file. */
static gboolean
replace_library (const char  *new_path,
                 const char  *library_path,
                 GError     **error)
{
  g_autofree char *wal = g_strconcat (library_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (library_path, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (library_path);

  if (!sync_path (new_path, FALSE, error))
    return FALSE;

  g_unlink (wal);
  g_unlink (shm);

  if (g_rename (new_path, library_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not save the library: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return sync_path (dir, TRUE, error);
}

/* Left-overs of an import that was killed: nobody else can be writing them
 * while we hold the lock. */
static void
remove_stale_imports (const char *library_path)
{
  g_autofree char *dir_path = g_path_get_dirname (library_path);
  g_autofree char *base = g_path_get_basename (library_path);
  g_autofree char *prefix = g_strconcat (base, ".import-", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);
        g_unlink (path);
      }
}

static int
take_lock (const char  *library_path,
           GError     **error)
{
  g_autofree char *lock_path = g_strconcat (library_path, ".lock", NULL);
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not prepare the library in “%s”: %s"),
                   lock_path, g_strerror (saved_errno));
      return -1;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED,
                   _("Another import is already running. Wait for it to finish and try again."));
      return -1;
    }

  return fd;
}

static gboolean
is_starter_file (const char *path)
{
  g_autofree char *starter = hl_paths_find_starter_topics ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (starter == NULL)
    return FALSE;

  a = realpath (path, NULL);
  b = realpath (starter, NULL);
  return a != NULL && b != NULL && strcmp (a, b) == 0;
}

static gboolean
write_meta (HlMedlinePlusImporter  *self,
            ParseContext           *ctx,
            HlLibraryWriter        *writer,
            const char             *groups_path,
            GError                **error)
{
  g_autofree char *source = g_path_get_basename (self->topics_path);
  g_autofree char *groups_source = groups_path ? g_path_get_basename (groups_path) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *imported_at = g_date_time_format_iso8601 (now);
  g_autofree char *n_en = g_strdup_printf ("%u", self->n_english);
  g_autofree char *n_es = g_strdup_printf ("%u", self->n_spanish);
  g_autofree char *n_sites = g_strdup_printf ("%u", self->n_sites);
  gboolean sample = self->sample_set ? self->sample : is_starter_file (self->topics_path);
  const struct { const char *key; const char *value; } meta[] = {
    { "source", source },
    { "groups-source", groups_source },
    { "date-generated", ctx->date_generated },
    { "declared-total", ctx->declared_total },
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
  g_autoptr(HlLibraryWriter) writer = NULL;
  g_autofree char *groups_path = NULL;
  ParseContext topics = { 0 };
  ParseContext groups = { 0 };
  gboolean ok = FALSE;

  writer = hl_library_writer_new (new_path, error);
  if (writer == NULL)
    return FALSE;

  topics.self = self;
  topics.cancellable = cancellable;
  topics.writer = writer;
  if (!parse_topics (&topics, self->topics_path, error))
    goto out;

  /* Group names from the topics themselves come first: they are as recent as
   * the topics. The group file names the rest. */
  groups_path = self->groups_path ? g_strdup (self->groups_path) : hl_paths_find_starter_groups ();
  if (groups_path != NULL)
    {
      groups.self = self;
      groups.cancellable = cancellable;
      groups.writer = writer;
      if (!parse_groups (&groups, groups_path, error))
        goto out;
    }

  if (!write_meta (self, &topics, writer, groups_path, error))
    goto out;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  ok = hl_library_writer_finish (writer, &self->n_groups, error);

out:
  parse_context_clear (&topics);
  parse_context_clear (&groups);
  g_clear_pointer (&topics.source, hl_import_source_free);
  g_clear_pointer (&groups.source, hl_import_source_free);
  return ok;
}

gboolean
hl_medlineplus_importer_run (HlMedlinePlusImporter  *self,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autofree char *library_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *template = NULL;
  gint64 start = g_get_monotonic_time ();
  int lock_fd;
  int fd;
  gboolean ok;

  g_return_val_if_fail (HL_IS_MEDLINEPLUS_IMPORTER (self), FALSE);

  ensure_libxml_initialized ();

  self->n_english = self->n_spanish = self->n_groups = self->n_sites = self->n_skipped = 0;
  self->seconds = 0;

  library_path = self->library_path ? g_strdup (self->library_path) : hl_paths_get_library_path ();
  dir = g_path_get_dirname (library_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  lock_fd = take_lock (library_path, error);
  if (lock_fd < 0)
    return FALSE;

  remove_stale_imports (library_path);

  template = g_strconcat (library_path, ".import-XXXXXX", NULL);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED, _("Could not create the library in “%s”: %s"),
                   dir, g_strerror (saved_errno));
      close (lock_fd);
      return FALSE;
    }
  close (fd);
  new_path = g_steal_pointer (&template);

  ok = build_library (self, new_path, cancellable, error) &&
       replace_library (new_path, library_path, error);

  if (!ok)
    {
      g_autofree char *journal = g_strconcat (new_path, "-journal", NULL);
      g_autofree char *wal = g_strconcat (new_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (new_path, "-shm", NULL);

      g_unlink (new_path);
      g_unlink (journal);
      g_unlink (wal);
      g_unlink (shm);
      self->n_english = self->n_spanish = self->n_groups = self->n_sites = 0;
    }

  close (lock_fd);
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
