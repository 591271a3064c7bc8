/* hl-medlineplus-parser.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For memrchr(). */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>

#include "hl-error.h"
#include "hl-import-source.h"
#include "hl-medlineplus-parser-private.h"
#include "hl-text.h"


void
hl_parser_context_clear (ParseContext *ctx)
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
  if (ctx->attribute_text != NULL)
    g_string_free (ctx->attribute_text, TRUE);
  g_clear_pointer (&ctx->attributes, g_array_unref);
  g_clear_pointer (&ctx->id_lines, g_hash_table_unref);
  /* With the nodes it still holds: the one being read and those after it. */
  g_clear_pointer (&ctx->reader, xmlFreeTextReader);
  g_clear_pointer (&ctx->input, g_free);
  g_clear_pointer (&ctx->source, hl_import_source_free);
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

/* For an element, the line libxml2 gave it (it keeps 65,535 for any line
 * past it); otherwise, and past that, the line the parser is on, which is
 * the element's because of how the file is handed to libxml2 (see
 * piece_length()). */
int
hl_parser_current_line (ParseContext *ctx)
{
  if (ctx->element_line > 0 && ctx->element_line < G_MAXUINT16)
    return ctx->element_line;
  if (ctx->reader == NULL)
    return 0;

  return MAX (xmlTextReaderGetParserLineNumber (ctx->reader), 0);
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

/* Records the first problem; later ones are consequences of it. Nothing
 * more is read once something failed: the reading loop stops at the node,
 * and read_input() hands libxml2 nothing more. */
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

  /* Where the first reference to an undeclared entity is: the reader
   * returns its node once it has read what follows it. */
  if (error != NULL && error->code == XML_WAR_UNDECLARED_ENTITY && ctx->reference_line == 0)
    ctx->reference_line = error->line;

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

const char *
hl_parser_get_attribute (ParseContext *ctx,
                         const char   *name)
{
  for (guint i = 0; i < ctx->attributes->len; i++)
    {
      ParserAttribute *attribute = &g_array_index (ctx->attributes, ParserAttribute, i);

      if (strcmp (attribute->name, name) == 0)
        return ctx->attribute_text->str + attribute->offset;
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
 * it holds a text, a tag or a comment in memory until its end. @data is a
 * piece (see piece_length()), far shorter than the limit: only a run that
 * goes on from the pieces before can pass it. */
static gboolean
check_runs (ParseContext *ctx,
            const char   *data,
            gsize         length)
{
  const char *lt = memchr (data, '<', length);

  ctx->run += (lt ? lt : data + length) - data;
  if (lt != NULL && ctx->run <= HL_PARSER_MAX_RUN)
    ctx->run = data + length - ((const char *) memrchr (lt, '<', data + length - lt) + 1);

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

/* Reading: libxml2's streaming reader (xmlTextReader) returns the nodes of
 * the file one at a time and frees each once the next one is read, so that
 * memory holds about one topic whatever the size of the file. */

/* How much of @data to hand libxml2 next, so that the line libxml2 is on is
 * the line of the element the reader returns: messages give the line where
 * an element's start tag ends, and libxml2 keeps lines past 65,535 in the
 * parser only, not in the nodes.
 * - The reader asks for more only once it has returned the nodes it built,
 *   and parses a piece shorter than its 512-byte block whole before it asks
 *   again.
 * - A piece holds no line break after its first '>' (where the first tag
 *   the piece completes ends), and ends with the last '>' of that line.
 * So every tag a piece completes ends on the line libxml2 is on once it has
 * parsed the piece. */
#define PIECE_MAX 511

/* libxml2 takes bad UTF-8 less than four bytes before the end of what it
 * was handed for a character cut short, and reports what follows it instead
 * (“AttValue: ' expected”): a piece that ends so gets three more bytes, for
 * libxml2 to see the bytes for what they are. libxml2 refuses a UTF-8 file
 * there; only in a file in another encoding (whose bytes merely look bad)
 * can the parser then be a line ahead of an element. */
static gboolean
ends_in_bad_utf8 (const char *data,
                  gsize       length)
{
  const char *end = data + length;
  const char *start = end - MIN (length, 6);

  while (start < end && ((guchar) *start & 0xc0) == 0x80)
    start++;

  return !g_utf8_validate (start, end - start, NULL);
}

static gsize
piece_length (const char *data,
              gsize       length)
{
  const char *end;
  const char *last;
  const char *line_end;

  length = MIN (length, PIECE_MAX);
  end = data + length;
  last = memchr (data, '>', length);
  if (last == NULL)
    return length;

  line_end = memchr (last, '\n', end - last);
  last = memrchr (last, '>', (line_end != NULL ? line_end : end) - last);

  if (ends_in_bad_utf8 (data, last + 1 - data))
    return MIN ((gsize) (last + 4 - data), length);
  return last + 1 - data;
}

/* Counts what is handed to libxml2 before the reader returns its first node:
 * libxml2 reads a DOCTYPE whole, and the declarations in it, before the
 * reader shows it (see check_document_type()). */
static gboolean
count_prolog (ParseContext *ctx,
              gsize         length)
{
  g_autofree char *limit = NULL;

  if (ctx->started)
    return TRUE;

  ctx->prolog += length;
  if (ctx->prolog <= HL_PARSER_MAX_PROLOG)
    return TRUE;

  limit = format_limit (HL_PARSER_MAX_PROLOG);
  hl_parser_fail (ctx, HL_ERROR_TOO_LARGE,
                  _("The file holds more than %s before its first element, far more than a "
                    "MedlinePlus file. The file is damaged or was not made by MedlinePlus; it "
                    "was not imported."),
                  limit);
  return FALSE;
}

/* libxml2's input: the source, in pieces, within the limits. -1 stops the
 * reading (ctx->error says why), 0 is the end of the file. */
static int
read_input (void *user_data,
            char *buffer,
            int   length)
{
  ParseContext *ctx = user_data;
  const char *data;
  gsize n;

  if (ctx->error != NULL || length <= 0)
    return -1;

  if (ctx->input_position == ctx->input_length)
    {
      int n_read;

      if (g_cancellable_set_error_if_cancelled (ctx->cancellable, &ctx->error))
        return -1;

      n_read = hl_import_source_read (ctx->source, ctx->input, HL_PARSER_INPUT_SIZE);
      if (n_read < 0)
        {
          ctx->error = hl_import_source_take_error (ctx->source);
          return -1;
        }
      if (n_read == 0)
        return 0;

      ctx->input_length = n_read;
      ctx->input_position = 0;
    }

  data = ctx->input + ctx->input_position;
  n = piece_length (data, MIN ((gsize) length, ctx->input_length - ctx->input_position));
  if (!check_runs (ctx, data, n) || !count_prolog (ctx, n))
    return -1;

  memcpy (buffer, data, n);
  ctx->input_position += n;
  return n;
}

static gboolean
has_declarations (void *table)
{
  return table != NULL && xmlHashSize (table) > 0;
}

/* The DOCTYPE, once libxml2 has read it (and no more of the file than the
 * root element's line, see piece_length()). A document that declares
 * entities (an entity bomb, or an external entity pointing at a local file)
 * is refused before any of them is used; so is one that declares
 * attributes, which could add values the file does not show. */
static void
check_document_type (ParseContext *ctx)
{
  xmlDtdPtr dtd = (xmlDtdPtr) xmlTextReaderCurrentNode (ctx->reader);

  if (has_declarations (dtd->entities) || has_declarations (dtd->pentities))
    hl_parser_fail (ctx, HL_ERROR_UNSAFE,
                    _("The file declares its own entities, which MedlinePlus files never do. "
                      "It was not imported, to keep hidden or oversized content out of the "
                      "library."));
  else if (has_declarations (dtd->attributes))
    hl_parser_fail (ctx, HL_ERROR_UNSAFE,
                    _("The file declares its own attributes, which MedlinePlus files never do. "
                      "It was not imported."));
}

/* A reference to an entity that was not declared, in a file with an
 * external DTD (which is never read). */
static void
fail_entity_reference (ParseContext *ctx,
                       const char   *name)
{
  g_autofree char *shown = hl_parser_shown (name);
  int line = ctx->reference_line > 0 ? ctx->reference_line : hl_parser_current_line (ctx);

  hl_parser_fail_at (ctx, line, HL_ERROR_UNSAFE,
                     _("The file uses an entity (“&%s;”), which MedlinePlus files never do. "
                       "It was not imported."),
                     shown);
}

/* The attributes of the element being read, without namespace
 * declarations, as the file means them: libxml2 has decoded their
 * references. */
static void
read_attributes (ParseContext *ctx)
{
  xmlTextReaderPtr reader = ctx->reader;

  g_array_set_size (ctx->attributes, 0);
  g_string_truncate (ctx->attribute_text, 0);
  if (xmlTextReaderHasAttributes (reader) != 1)
    return;

  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      ParserAttribute attribute;
      const char *value;

      if (xmlTextReaderIsNamespaceDecl (reader) == 1)
        continue;

      attribute.name = (const char *) xmlTextReaderConstLocalName (reader);
      attribute.offset = ctx->attribute_text->len;
      value = (const char *) xmlTextReaderConstValue (reader);
      g_string_append (ctx->attribute_text, value ? value : "");
      g_string_append_c (ctx->attribute_text, '\0');
      g_array_append_val (ctx->attributes, attribute);
    }
  xmlTextReaderMoveToElement (reader);
}

static void
read_element (ParseContext *ctx,
              xmlNodePtr    node)
{
  xmlTextReaderPtr reader = ctx->reader;
  gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;
  int depth = xmlTextReaderDepth (reader);

  ctx->element_line = node->line;
  if (depth >= HL_PARSER_MAX_DEPTH)
    hl_parser_fail (ctx, HL_ERROR_PARSE,
                    _("Its elements are nested far too deeply for a MedlinePlus file."));
  else
    {
      read_attributes (ctx);
      ctx->on_start (ctx, (const char *) node->name, depth);
      /* <site …/> ends where it starts: the reader returns no end for it. */
      if (empty && ctx->error == NULL)
        ctx->on_end (ctx, depth);
    }
  ctx->element_line = 0;
}

/* Text for the field being read: libxml2 returns a text whole, up to the
 * next markup (which the run limit bounds). */
static void
read_text (ParseContext *ctx)
{
  const char *text = (const char *) xmlTextReaderConstValue (ctx->reader);
  gsize length = text != NULL ? strlen (text) : 0;

  if (length == 0)
    return;

  if (ctx->text->len + length > ctx->field_limit)
    {
      fail_field_too_large (ctx);
      return;
    }
  if (!count_topic_bytes (ctx, length))
    return;

  g_string_append_len (ctx->text, text, length);
}

/* By the node's own type: xmlTextReaderNodeType() would look through each
 * text for white space, which does not matter here. */
static void
read_node (ParseContext *ctx)
{
  xmlTextReaderPtr reader = ctx->reader;
  xmlNodePtr node = xmlTextReaderCurrentNode (reader);

  if (node->type == XML_ELEMENT_NODE)
    {
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT)
        ctx->on_end (ctx, xmlTextReaderDepth (reader));
      else
        read_element (ctx, node);
    }
  else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (ctx->field != FIELD_NONE)
        read_text (ctx);
    }
  else if (node->type == XML_ENTITY_REF_NODE)
    fail_entity_reference (ctx, (const char *) node->name);
  else if (node->type == XML_DTD_NODE)
    check_document_type (ctx);
  /* Comments and processing instructions do not matter. */
}

/* The first entity reference among the nodes libxml2 built after the one
 * being read, if any. When libxml2 stops at an error, those nodes are not
 * returned; but a reference there came first (an entity's name with bytes
 * that are not UTF-8 is both), and says more. */
static const char *
find_pending_reference (ParseContext *ctx)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (ctx->reader);

  while (node != NULL)
    {
      if (node->type == XML_ENTITY_REF_NODE)
        return (const char *) node->name;

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }

  return NULL;
}

static gboolean
run_reader (ParseContext *ctx)
{
  int options = XML_PARSE_NONET;
  int rc;

  /* No XML_PARSE_NOENT, DTDLOAD or DTDATTR: entities are not substituted and
   * no DTD is read; NONET keeps everything off the network. */
#if LIBXML_VERSION >= 21300
  options |= XML_PARSE_NO_XXE;
#endif
  ctx->reader = xmlReaderForIO (read_input, NULL, ctx, ctx->name, NULL, options);
  if (ctx->error != NULL)
    return FALSE;
  if (ctx->reader == NULL)
    {
      g_set_error (&ctx->error, HL_ERROR, HL_ERROR_FAILED, _("Could not read “%s”."), ctx->name);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (ctx->reader, on_xml_error, ctx);

  for (;;)
    {
      rc = xmlTextReaderRead (ctx->reader);
      if (ctx->error != NULL)
        return FALSE;
      if (rc != 1 || ctx->xml_message != NULL)
        break;

      ctx->started = TRUE;
      read_node (ctx);
      if (ctx->error != NULL)
        return FALSE;
    }

  if (rc == 0 && ctx->xml_message == NULL)
    return TRUE;

  {
    const char *reference = find_pending_reference (ctx);

    if (reference != NULL)
      fail_entity_reference (ctx, reference);
    else
      fail_from_xml (ctx);
  }
  return FALSE;
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
  ctx->input = g_malloc (HL_PARSER_INPUT_SIZE);
  ctx->text = g_string_sized_new (4096);
  ctx->attributes = g_array_new (FALSE, FALSE, sizeof (ParserAttribute));
  ctx->attribute_text = g_string_sized_new (1024);
  return TRUE;
}

gboolean
hl_parser_read_file (ParseContext      *ctx,
                     const char        *path,
                     HlImportFileKind   kind,
                     GError           **error)
{
  if (!open_source (ctx, path, kind, error))
    return FALSE;

  if (!run_reader (ctx))
    {
      g_propagate_error (error, g_steal_pointer (&ctx->error));
      return FALSE;
    }

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

  if (!hl_parser_read_file (ctx, path, HL_IMPORT_FILE_TOPICS, error))
    return FALSE;

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

void
hl_topics_file_info_clear (HlTopicsFileInfo *info)
{
  g_clear_pointer (&info->date_generated, g_free);
  g_clear_pointer (&info->checksum, g_free);
  g_clear_pointer (&info->declared_total, g_free);
}
