/* hl-medlineplus-parser.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>

#include "hl-error.h"
#include "hl-import-source.h"
#include "hl-medlineplus-parser-private.h"
#include "hl-text.h"


static void
parse_context_clear (ParseContext *ctx)
{
  g_clear_error (&ctx->error);
  g_clear_pointer (&ctx->xml_message, g_free);
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
  g_clear_pointer (&ctx->source, hl_import_source_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParseContext, parse_context_clear)

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
int
hl_parser_current_line (ParseContext *ctx)
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
void
hl_parser_fail (ParseContext *ctx,
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

  line = hl_parser_current_line (ctx);
  if (line > 0)
    /* TRANSLATORS: “file”, line 12: what is wrong */
    g_set_error (&ctx->error, HL_ERROR, code, _("“%s”, line %d: %s"), ctx->name, line, message);
  else
    g_set_error (&ctx->error, HL_ERROR, code, _("“%s”: %s"), ctx->name, message);
}

/* For problems with a whole topic: the line is where the topic starts. */
void
hl_parser_fail_at (ParseContext *ctx,
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
void
hl_parser_check_doctype (ParseContext *ctx)
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
    hl_parser_fail (ctx, HL_ERROR_UNSAFE,
          _("The file declares its own entities, which MedlinePlus files never do. "
            "It was not imported, to keep hidden or oversized content out of the library."));
}

const char *
hl_parser_attribute (ParseContext *ctx,
           const char   *name)
{
  return (const char *) xmlTextReaderConstValue (ctx->reader);
}

gboolean
hl_parser_parse_id (const char *text,
          int        *id)
{
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT, &value, NULL))
    return FALSE;

  *id = (int) value;
  return TRUE;
}

char *
hl_parser_dup_attribute_text (const char *value)
{
  return hl_text_collapse_space (value);
}

/* "MM/DD/YYYY" or "MM/DD/YYYY HH:MM:SS" → ISO 8601; anything else is kept as given. */
char *
hl_parser_iso_date (const char *value,
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


void
hl_parser_start_field (ParseContext *ctx,
             Field         field,
             int           depth)
{
  ctx->field = field;
  ctx->field_depth = depth;
  g_string_truncate (ctx->text, 0);
}







char *
hl_parser_take_text (ParseContext *ctx)
{
  return hl_text_collapse_space (ctx->text->str);
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
          hl_parser_check_doctype (ctx);
          break;

        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          hl_parser_fail (ctx, HL_ERROR_UNSAFE,
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
  ensure_libxml_initialized ();

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

gboolean
hl_medlineplus_parse_topics (const char            *path,
                             HlParserTopicFunc      topic_func,
                             HlParserProgressFunc   progress_func,
                             gpointer               user_data,
                             GCancellable          *cancellable,
                             HlTopicsFileInfo      *info,
                             GError               **error)
{
  g_auto(ParseContext) context = { 0 };
  ParseContext *ctx = &context;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (topic_func != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  ctx->topic_func = topic_func;
  ctx->progress_func = progress_func;
  ctx->user_data = user_data;
  ctx->cancellable = cancellable;
  ctx->info = info;
  ctx->id_lines = g_hash_table_new (NULL, NULL);

  if (!open_reader (ctx, path, error))
    return FALSE;

  if (!run_reader (ctx, hl_parser_topics_start_element, hl_parser_topics_end_element))
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

  if (info->n_english + info->n_spanish == 0)
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
      hl_parser_check_doctype (ctx);
      if (ctx->error != NULL)
        return;
      if (strcmp (name, "health-topic-groups") != 0)
        hl_parser_fail (ctx, HL_ERROR_INVALID_FILE,
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
      const char *value = hl_parser_attribute (ctx, attr);

      if (strcmp (attr, "id") == 0)
        hl_parser_parse_id (value, &ctx->group_id);
      else if (strcmp (attr, "language") == 0)
        ctx->group_language = hl_language_from_name (value);
      else if (strcmp (attr, "url") == 0)
        ctx->group_url = hl_parser_dup_attribute_text (value);
    }
  xmlTextReaderMoveToElement (ctx->reader);
  hl_parser_start_field (ctx, FIELD_GROUP_FILE_NAME, depth);
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
  name = hl_parser_take_text (ctx);
  if (name != NULL && ctx->group_id > 0 && ctx->group_language != NULL)
    ctx->group_func (ctx->group_id, ctx->group_language, name, ctx->group_url, ctx->user_data,
                     &ctx->error);
}

gboolean
hl_medlineplus_parse_groups (const char         *path,
                             HlParserGroupFunc   group_func,
                             gpointer            user_data,
                             GError            **error)
{
  g_auto(ParseContext) context = { 0 };
  ParseContext *ctx = &context;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (group_func != NULL, FALSE);

  ctx->group_func = group_func;
  ctx->user_data = user_data;

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

void
hl_topics_file_info_clear (HlTopicsFileInfo *info)
{
  g_clear_pointer (&info->date_generated, g_free);
  g_clear_pointer (&info->declared_total, g_free);
}
