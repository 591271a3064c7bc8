/* hl-medlineplus-parser.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <string.h>

#include "hl-error.h"
#include "hl-import-source.h"
#include "hl-medlineplus-parser-private.h"
#include "hl-text.h"


static void
clear_attributes (ParseContext *ctx)
{
  for (guint i = 0; i < ctx->attributes->len; i++)
    g_free (g_array_index (ctx->attributes, ParserAttribute, i).value);
  g_array_set_size (ctx->attributes, 0);
}

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
  if (ctx->attributes != NULL)
    {
      clear_attributes (ctx);
      g_array_unref (ctx->attributes);
    }
  g_clear_pointer (&ctx->id_lines, g_hash_table_unref);
  if (ctx->parser != NULL)
    {
      /* The parser has built no document: SAX only. */
      g_clear_pointer (&ctx->parser->myDoc, xmlFreeDoc);
      g_clear_pointer (&ctx->parser, xmlFreeParserCtxt);
    }
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

int
hl_parser_current_line (ParseContext *ctx)
{
  if (ctx->parser == NULL || ctx->parser->input == NULL)
    return 0;

  return ctx->parser->input->line;
}

char *
hl_parser_shown (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  {
    g_autofree char *start = g_utf8_substring (valid, 0, 40);
    return g_strconcat (start, "…", NULL);
  }
}

/* Messages are read by people and shown in labels: valid UTF-8, whatever
 * bytes of the file they quote. */
static void
set_error (ParseContext *ctx,
           int           code,
           int           line,
           const char   *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  if (line > 0)
    /* TRANSLATORS: “file”, line 12: what is wrong */
    g_set_error (&ctx->error, HL_ERROR, code, _("“%s”, line %d: %s"), ctx->name, line, valid);
  else
    g_set_error (&ctx->error, HL_ERROR, code, _("“%s”: %s"), ctx->name, valid);
}

/* Nothing more is parsed once something failed. */
static void
stop_parser (ParseContext *ctx)
{
  if (ctx->parser != NULL)
    xmlStopParser (ctx->parser);
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
  set_error (ctx, code, line, message);
  stop_parser (ctx);
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

  set_error (ctx, code, line, message);
  stop_parser (ctx);
}

/* "256 KB", "1 MB": limits are round numbers. */
static char *
format_limit (gsize bytes)
{
  if (bytes >= 1024 * 1024)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " MB", bytes / (1024 * 1024));
  return g_strdup_printf ("%" G_GSIZE_FORMAT " KB", bytes / 1024);
}

/* “Title”, cut short: titles come from the file. */
static char *
topic_title_for_message (ParseContext *ctx)
{
  const char *title = ctx->topic ? ctx->topic->title : NULL;

  if (title == NULL || !g_utf8_validate (title, -1, NULL))
    return NULL;
  if (g_utf8_strlen (title, -1) <= 60)
    return g_strdup (title);
  {
    g_autofree char *start = g_utf8_substring (title, 0, 60);
    return g_strconcat (start, "…", NULL);
  }
}

/* The text of the field being read would pass its limit. */
static void
fail_field_too_large (ParseContext *ctx)
{
  g_autofree char *limit = format_limit (ctx->field_limit);
  g_autofree char *title = topic_title_for_message (ctx);

  if (ctx->topic != NULL && ctx->topic->id > 0 && title != NULL)
    hl_parser_fail (ctx, HL_ERROR_TOO_LARGE,
                    /* TRANSLATORS: “The text of <full-summary> in topic 12 (“Asthma”) is larger than 256 KB…” */
                    _("The text of <%s> in topic %d (“%s”) is larger than %s, far more than a "
                      "MedlinePlus file ever holds there. The file is damaged or was not made by "
                      "MedlinePlus; it was not imported."),
                    ctx->field_name, ctx->topic->id, title, limit);
  else
    hl_parser_fail (ctx, HL_ERROR_TOO_LARGE,
                    _("The text of <%s> is larger than %s, far more than a MedlinePlus file ever "
                      "holds there. The file is damaged or was not made by MedlinePlus; it was not "
                      "imported."),
                    ctx->field_name, limit);
}

/* Adds @bytes to the current topic's total. */
static gboolean
count_topic_bytes (ParseContext *ctx,
                   gsize         bytes)
{
  g_autofree char *limit = NULL;

  if (ctx->topic == NULL)
    return TRUE;

  ctx->topic_bytes += bytes;
  if (ctx->topic_bytes <= HL_PARSER_MAX_TOPIC_BYTES)
    return TRUE;

  limit = format_limit (HL_PARSER_MAX_TOPIC_BYTES);
  hl_parser_fail_at (ctx, ctx->topic_line, HL_ERROR_TOO_LARGE,
                     _("Topic %d holds more than %s of text, far more than any MedlinePlus topic. "
                       "The file is damaged or was not made by MedlinePlus; it was not imported."),
                     ctx->topic->id, limit);
  return FALSE;
}

gboolean
hl_parser_count_element (ParseContext *ctx)
{
  if (ctx->topic == NULL || ++ctx->topic_elements <= HL_PARSER_MAX_ELEMENTS)
    return TRUE;

  hl_parser_fail_at (ctx, ctx->topic_line, HL_ERROR_TOO_LARGE,
                     _("Topic %d has more than %d elements, far more than any MedlinePlus topic. "
                       "The file is damaged or was not made by MedlinePlus; it was not imported."),
                     ctx->topic->id, HL_PARSER_MAX_ELEMENTS);
  return FALSE;
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

  set_error (ctx, code, ctx->xml_line, what);
}

/* SAX callbacks. libxml2 calls them as it parses; no document is built, so
 * memory holds one topic at a time whatever the size of the file. */

/* An attribute value as the file means it. Without entity substitution,
 * libxml2 hands over every '&' of a value as "&#38;" (for a tree builder to
 * decode later) and decodes everything else itself. */
static char *
dup_attribute_value (const char *start,
                     const char *end)
{
  GString *value;
  const char *p = start;

  if (memchr (start, '&', end - start) == NULL)
    return g_strndup (start, end - start);

  value = g_string_sized_new (end - start);
  while (p < end)
    {
      if (*p == '&' && end - p >= 5 && memcmp (p, "&#38;", 5) == 0)
        {
          g_string_append_c (value, '&');
          p += 5;
        }
      else
        g_string_append_c (value, *p++);
    }

  return g_string_free (value, FALSE);
}

static void
sax_start_element (void           *user_data,
                   const xmlChar  *localname,
                   const xmlChar  *prefix,
                   const xmlChar  *uri,
                   int             n_namespaces,
                   const xmlChar **namespaces,
                   int             n_attributes,
                   int             n_defaulted,
                   const xmlChar **attributes)
{
  ParseContext *ctx = user_data;
  int depth;

  if (ctx->error != NULL)
    return;

  /* Five pointers an attribute: name, prefix, URI, value and its end. */
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar *start = attributes[i * 5 + 3];
      const xmlChar *end = attributes[i * 5 + 4];
      ParserAttribute attribute = { (const char *) attributes[i * 5],
                                    dup_attribute_value ((const char *) start,
                                                         (const char *) end) };

      g_array_append_val (ctx->attributes, attribute);
    }

  depth = ctx->depth++;
  if (depth >= HL_PARSER_MAX_DEPTH)
    hl_parser_fail (ctx, HL_ERROR_PARSE,
                    _("Its elements are nested far too deeply for a MedlinePlus file."));
  else
    ctx->on_start (ctx, (const char *) localname, depth);
  clear_attributes (ctx);
  if (ctx->error != NULL)
    stop_parser (ctx);
}

static void
sax_end_element (void          *user_data,
                 const xmlChar *localname,
                 const xmlChar *prefix,
                 const xmlChar *uri)
{
  ParseContext *ctx = user_data;

  if (ctx->error != NULL)
    return;

  ctx->on_end (ctx, --ctx->depth);
  if (ctx->error != NULL)
    stop_parser (ctx);
}

static void
sax_characters (void          *user_data,
                const xmlChar *text,
                int            length)
{
  ParseContext *ctx = user_data;

  if (ctx->error != NULL || ctx->field == FIELD_NONE || length <= 0)
    return;

  if (ctx->text->len + length > ctx->field_limit)
    {
      fail_field_too_large (ctx);
      return;
    }
  if (!count_topic_bytes (ctx, length))
    return;

  g_string_append_len (ctx->text, (const char *) text, length);
}

/* A reference to an entity that was not declared, in a file with an
 * external DTD (which is never read). */
static void
sax_reference (void          *user_data,
               const xmlChar *name)
{
  ParseContext *ctx = user_data;
  g_autofree char *shown = hl_parser_shown ((const char *) name);

  hl_parser_fail (ctx, HL_ERROR_UNSAFE,
                  _("The file uses an entity (“&%s;”), which MedlinePlus files never do. "
                    "It was not imported."),
                  shown);
}

/* A document that declares entities (an entity bomb, or an external entity
 * pointing at a local file) is refused before any of them is used. */
static void
sax_entity_declaration (void          *user_data,
                        const xmlChar *name,
                        int            type,
                        const xmlChar *public_id,
                        const xmlChar *system_id,
                        xmlChar       *content)
{
  ParseContext *ctx = user_data;

  hl_parser_fail (ctx, HL_ERROR_UNSAFE,
                  _("The file declares its own entities, which MedlinePlus files never do. "
                    "It was not imported, to keep hidden or oversized content out of the library."));
}

static void
sax_unparsed_entity_declaration (void          *user_data,
                                 const xmlChar *name,
                                 const xmlChar *public_id,
                                 const xmlChar *system_id,
                                 const xmlChar *notation)
{
  sax_entity_declaration (user_data, name, 0, public_id, system_id, NULL);
}

/* Declared attributes could add values the file does not show. */
static void
sax_attribute_declaration (void              *user_data,
                           const xmlChar     *element,
                           const xmlChar     *name,
                           int                type,
                           int                def,
                           const xmlChar     *default_value,
                           xmlEnumerationPtr  tree)
{
  ParseContext *ctx = user_data;

  xmlFreeEnumeration (tree);
  hl_parser_fail (ctx, HL_ERROR_UNSAFE,
                  _("The file declares its own attributes, which MedlinePlus files never do. "
                    "It was not imported."));
}

static xmlEntityPtr
sax_get_entity (void          *user_data,
                const xmlChar *name)
{
  /* The five of XML itself (&lt; and the like) are handled by libxml2
   * before it asks; no other entity exists. */
  return NULL;
}

static void
init_sax (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = sax_start_element;
  sax->endElementNs = sax_end_element;
  sax->characters = sax_characters;
  sax->ignorableWhitespace = sax_characters;
  sax->cdataBlock = sax_characters;
  sax->reference = sax_reference;
  sax->entityDecl = sax_entity_declaration;
  sax->unparsedEntityDecl = sax_unparsed_entity_declaration;
  sax->attributeDecl = sax_attribute_declaration;
  sax->getEntity = sax_get_entity;
  sax->getParameterEntity = sax_get_entity;
  sax->serror = on_xml_error;
}

const char *
hl_parser_get_attribute (ParseContext *ctx,
                         const char   *name)
{
  for (guint i = 0; i < ctx->attributes->len; i++)
    {
      ParserAttribute *attribute = &g_array_index (ctx->attributes, ParserAttribute, i);

      if (strcmp (attribute->name, name) == 0)
        return attribute->value;
    }

  return NULL;
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
hl_parser_dup_attribute (ParseContext *ctx,
                         const char   *element,
                         const char   *attribute,
                         const char   *value)
{
  gsize length;

  if (value == NULL || ctx->error != NULL)
    return NULL;

  length = strlen (value);
  if (length > HL_PARSER_MAX_VALUE)
    {
      g_autofree char *limit = format_limit (HL_PARSER_MAX_VALUE);

      if (ctx->topic != NULL && ctx->topic->id > 0)
        hl_parser_fail (ctx, HL_ERROR_TOO_LARGE,
                        /* TRANSLATORS: “The “title” attribute of <health-topic> in topic 12 is longer than 8 KB…” */
                        _("The “%s” attribute of <%s> in topic %d is longer than %s, far longer "
                          "than in any MedlinePlus file. The file is damaged or was not made by "
                          "MedlinePlus; it was not imported."),
                        attribute, element, ctx->topic->id, limit);
      else
        hl_parser_fail (ctx, HL_ERROR_TOO_LARGE,
                        _("The “%s” attribute of <%s> is longer than %s, far longer than in any "
                          "MedlinePlus file. The file is damaged or was not made by MedlinePlus; "
                          "it was not imported."),
                        attribute, element, limit);
      return NULL;
    }

  if (!count_topic_bytes (ctx, length))
    return NULL;

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
                       const char   *name,
                       int           depth)
{
  ctx->field = field;
  ctx->field_depth = depth;
  ctx->field_limit = field == FIELD_SUMMARY ? HL_PARSER_MAX_SUMMARY : HL_PARSER_MAX_VALUE;
  ctx->field_name = name;
  g_string_truncate (ctx->text, 0);
}

char *
hl_parser_take_text (ParseContext *ctx)
{
  return hl_text_collapse_space (ctx->text->str);
}

/* Counts the bytes since the last '<' in what libxml2 is about to get:
 * it holds a text, a tag or a comment in memory until its end. */
static gboolean
check_runs (ParseContext *ctx,
            const char   *data,
            gsize         length)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);

      ctx->run += (lt ? lt : end) - p;
      if (ctx->run > HL_PARSER_MAX_RUN)
        break;
      if (lt == NULL)
        return TRUE;
      ctx->run = 0;
      p = lt + 1;
    }

  if (ctx->run <= HL_PARSER_MAX_RUN)
    return TRUE;

  /* Inside a field, it is that field's text that is too long. */
  if (ctx->field != FIELD_NONE)
    fail_field_too_large (ctx);
  else
    {
      g_autofree char *limit = format_limit (HL_PARSER_MAX_RUN);

      hl_parser_fail (ctx, HL_ERROR_TOO_LARGE,
                      _("The file holds a text or a tag longer than %s, far longer than anything "
                        "in a MedlinePlus file. The file is damaged or was not made by "
                        "MedlinePlus; it was not imported."),
                      limit);
    }
  return FALSE;
}

static gboolean
run_parser (ParseContext *ctx)
{
  xmlSAXHandler sax;
  char buffer[64 * 1024];
  int n;

  init_sax (&sax);

  /* The first bytes tell libxml2 the encoding. */
  n = hl_import_source_read (ctx->source, buffer, 4);
  if (n < 0)
    {
      ctx->error = hl_import_source_take_error (ctx->source);
      return FALSE;
    }
  check_runs (ctx, buffer, n);

  /* No XML_PARSE_NOENT, DTDLOAD or DTDATTR: entities are not substituted and
   * no DTD is read; NONET keeps everything off the network. */
  ctx->parser = xmlCreatePushParserCtxt (&sax, ctx, buffer, n, ctx->name);
  if (ctx->parser == NULL)
    {
      g_set_error (&ctx->error, HL_ERROR, HL_ERROR_FAILED, _("Could not read “%s”."), ctx->name);
      return FALSE;
    }
  xmlCtxtUseOptions (ctx->parser, XML_PARSE_NONET | XML_PARSE_NOCDATA);

  while (ctx->error == NULL)
    {
      int rc;

      n = hl_import_source_read (ctx->source, buffer, sizeof buffer);
      if (n < 0)
        {
          if (ctx->error == NULL)
            ctx->error = hl_import_source_take_error (ctx->source);
          break;
        }
      if (!check_runs (ctx, buffer, n))
        break;

      rc = xmlParseChunk (ctx->parser, buffer, n, n == 0);
      if (ctx->error != NULL)
        break;
      if (rc != XML_ERR_OK || ctx->xml_message != NULL)
        {
          fail_from_xml (ctx);
          break;
        }
      if (n == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (ctx->cancellable, &ctx->error))
        break;
    }

  return ctx->error == NULL;
}

static gboolean
open_source (ParseContext      *ctx,
             const char        *path,
             HlImportFileKind   kind,
             GError           **error)
{
  ensure_libxml_initialized ();

  ctx->source = hl_import_source_open (path, kind, error);
  if (ctx->source == NULL)
    return FALSE;

  ctx->name = hl_import_source_get_name (ctx->source);
  ctx->text = g_string_sized_new (4096);
  ctx->attributes = g_array_new (FALSE, FALSE, sizeof (ParserAttribute));
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

  ctx->on_start = hl_parser_topics_start_element;
  ctx->on_end = hl_parser_topics_end_element;

  if (!open_source (ctx, path, HL_IMPORT_FILE_TOPICS, error))
    return FALSE;

  if (!run_parser (ctx))
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

  info->checksum = hl_import_source_dup_checksum (ctx->source);

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
                      const char   *name,
                      int           depth)
{
  if (depth == 0)
    {
      if (strcmp (name, "health-topic-groups") != 0)
        {
          g_autofree char *shown = hl_parser_shown (name);

          hl_parser_fail (ctx, HL_ERROR_INVALID_FILE,
                          _("This is not a MedlinePlus topic-group file: its root element is "
                            "<%s>, not <health-topic-groups>."),
                          shown);
        }
      ctx->saw_root = TRUE;
      return;
    }

  if (depth == 1 && strcmp (name, "group") != 0)
    {
      g_autofree char *shown = hl_parser_shown (name);

      hl_parser_fail (ctx, HL_ERROR_INVALID_FILE,
                      _("<%s> is not part of a MedlinePlus topic-group file, whose "
                        "<health-topic-groups> holds only <group> elements."),
                      shown);
      return;
    }

  if (depth != 1)
    return;

  if (++ctx->n_groups > HL_PARSER_MAX_GROUPS)
    {
      hl_parser_fail (ctx, HL_ERROR_TOO_LARGE,
                      _("The file lists more than %d groups; a MedlinePlus topic-group file lists "
                        "about 90. It was not imported."),
                      HL_PARSER_MAX_GROUPS);
      return;
    }

  ctx->group_id = 0;
  ctx->group_language = NULL;
  g_clear_pointer (&ctx->group_url, g_free);
  hl_parser_parse_id (hl_parser_get_attribute (ctx, "id"), &ctx->group_id);
  ctx->group_language = hl_language_from_name (hl_parser_get_attribute (ctx, "language"));
  ctx->group_url = hl_parser_dup_attribute (ctx, "group", "url", hl_parser_get_attribute (ctx, "url"));
  hl_parser_start_field (ctx, FIELD_GROUP_FILE_NAME, "group", depth);
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
  ctx->on_start = groups_start_element;
  ctx->on_end = groups_end_element;

  if (!open_source (ctx, path, HL_IMPORT_FILE_GROUPS, error))
    return FALSE;

  if (!run_parser (ctx))
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
  g_clear_pointer (&info->checksum, g_free);
  g_clear_pointer (&info->declared_total, g_free);
}
