/* hl-html.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hl-html.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

/* Escaping */

/* The same five characters for text and attributes: attribute values are
 * always written inside double quotes, and escaping ' as well costs nothing. */
static const char *const escapes[256] = {
  ['&'] = "&amp;",
  ['<'] = "&lt;",
  ['>'] = "&gt;",
  ['"'] = "&quot;",
  ['\''] = "&#39;",
};

static inline void
append_escaped (GString    *out,
                const char *text)
{
  for (;;)
    {
      /* strcspn() is vectorised in glibc; runs of safe bytes are long. */
      gsize run = strcspn (text, "&<>\"'");

      if (run > 0)
        g_string_append_len (out, text, run);
      text += run;
      if (*text == '\0')
        break;

      g_string_append (out, escapes[(guchar) *text]);
      text++;
    }
}

void
hl_html_append_text (GString    *out,
                     const char *text)
{
  g_return_if_fail (out != NULL);

  if (text != NULL)
    append_escaped (out, text);
}

void
hl_html_append_attr (GString    *out,
                     const char *value)
{
  g_return_if_fail (out != NULL);

  if (value != NULL)
    append_escaped (out, value);
}

char *
hl_html_escape_text (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text) + 16);
  append_escaped (out, text);
  return g_string_free (out, FALSE);
}

char *
hl_html_escape_attr (const char *value)
{
  return hl_html_escape_text (value);
}

/* URLs */

static gboolean
url_has_scheme (const char *url,
                const char *scheme)
{
  gsize len = strlen (scheme);

  return g_ascii_strncasecmp (url, scheme, len) == 0 && url[len] == ':';
}

/* Absolute means "scheme://authority": a host (or, for hl:, a kind of page)
 * must follow, so "http:x", "http:/x" and "https:///x" are refused. */
static gboolean
url_is_clean_and_absolute (const char *url,
                           gsize       scheme_len)
{
  const char *p;

  for (p = url; *p != '\0'; p++)
    {
      /* Browsers silently drop tabs and newlines inside URLs, which is how
       * "java\tscript:" gets past naive checks; refuse them all. */
      if ((guchar) *p <= 0x20 || (guchar) *p == 0x7f)
        return FALSE;
    }

  p = url + scheme_len + 1;
  return p[0] == '/' && p[1] == '/' && p[2] != '\0' && p[2] != '/';
}

gboolean
hl_html_is_web_url (const char *url)
{
  if (url == NULL)
    return FALSE;

  if (url_has_scheme (url, "https"))
    return url_is_clean_and_absolute (url, 5);
  if (url_has_scheme (url, "http"))
    return url_is_clean_and_absolute (url, 4);

  return FALSE;
}

gboolean
hl_html_is_allowed_url (const char *url)
{
  if (url == NULL)
    return FALSE;

  if (url_has_scheme (url, "hl"))
    return url_is_clean_and_absolute (url, 2);

  return hl_html_is_web_url (url);
}

/* Sanitizing */

typedef enum
{
  TAG_OTHER,    /* unwrapped: the text stays, the tag goes */
  TAG_BLOCK,    /* unwrapped too, but its edges separate words */
  TAG_DROP,     /* removed together with everything inside */
  TAG_VOID,     /* empty in HTML5 but not to libxml2, which puts what follows
                 * inside them: removed, what follows is not */
  TAG_P,
  TAG_H3,
  TAG_UL,
  TAG_OL,
  TAG_LI,
  TAG_EM,
  TAG_STRONG,
  TAG_B,
  TAG_I,
  TAG_A,
  TAG_BR,
} Tag;

typedef struct
{
  const char *name;
  Tag         tag;
} TagEntry;

/* Sorted by name for bsearch(). */
static const TagEntry tag_table[] = {
  { "a", TAG_A },
  { "address", TAG_BLOCK },
  { "applet", TAG_DROP },
  { "article", TAG_BLOCK },
  { "aside", TAG_BLOCK },
  { "audio", TAG_DROP },
  { "b", TAG_B },
  { "base", TAG_DROP },
  { "blockquote", TAG_BLOCK },
  { "br", TAG_BR },
  { "button", TAG_DROP },
  { "canvas", TAG_DROP },
  { "caption", TAG_BLOCK },
  { "center", TAG_BLOCK },
  { "datalist", TAG_DROP },
  { "dd", TAG_BLOCK },
  { "details", TAG_BLOCK },
  { "dialog", TAG_DROP },
  { "dir", TAG_BLOCK },
  { "div", TAG_BLOCK },
  { "dl", TAG_BLOCK },
  { "dt", TAG_BLOCK },
  { "em", TAG_EM },
  { "embed", TAG_VOID },
  { "fieldset", TAG_BLOCK },
  { "figcaption", TAG_BLOCK },
  { "figure", TAG_BLOCK },
  { "footer", TAG_BLOCK },
  { "form", TAG_DROP },
  { "frame", TAG_DROP },
  { "frameset", TAG_DROP },
  { "h1", TAG_BLOCK },
  { "h2", TAG_BLOCK },
  { "h3", TAG_H3 },
  { "h4", TAG_BLOCK },
  { "h5", TAG_BLOCK },
  { "h6", TAG_BLOCK },
  { "head", TAG_DROP },
  { "header", TAG_BLOCK },
  { "hgroup", TAG_BLOCK },
  { "hr", TAG_BLOCK },
  { "i", TAG_I },
  { "iframe", TAG_DROP },
  { "input", TAG_DROP },
  { "isindex", TAG_DROP },
  { "keygen", TAG_VOID },
  { "legend", TAG_BLOCK },
  { "li", TAG_LI },
  { "link", TAG_DROP },
  { "listing", TAG_BLOCK },
  { "main", TAG_BLOCK },
  { "math", TAG_DROP },
  { "menu", TAG_BLOCK },
  { "meta", TAG_DROP },
  { "nav", TAG_BLOCK },
  { "noembed", TAG_DROP },
  { "noframes", TAG_DROP },
  { "noscript", TAG_DROP },
  { "object", TAG_DROP },
  { "ol", TAG_OL },
  { "optgroup", TAG_DROP },
  { "option", TAG_DROP },
  { "p", TAG_P },
  { "param", TAG_DROP },
  { "plaintext", TAG_BLOCK },
  { "pre", TAG_BLOCK },
  { "script", TAG_DROP },
  { "section", TAG_BLOCK },
  { "select", TAG_DROP },
  { "source", TAG_VOID },
  { "strong", TAG_STRONG },
  { "style", TAG_DROP },
  { "summary", TAG_BLOCK },
  { "svg", TAG_DROP },
  { "table", TAG_BLOCK },
  { "tbody", TAG_BLOCK },
  { "td", TAG_BLOCK },
  { "template", TAG_DROP },
  { "textarea", TAG_DROP },
  { "tfoot", TAG_BLOCK },
  { "th", TAG_BLOCK },
  { "thead", TAG_BLOCK },
  { "title", TAG_DROP },
  { "tr", TAG_BLOCK },
  { "track", TAG_VOID },
  { "ul", TAG_UL },
  { "video", TAG_DROP },
  { "wbr", TAG_VOID },
  { "xmp", TAG_BLOCK },
};

/* Opening tags as written; closing tags are derived from them. */
static const char *const tag_names[] = {
  [TAG_P] = "p",
  [TAG_H3] = "h3",
  [TAG_UL] = "ul",
  [TAG_OL] = "ol",
  [TAG_LI] = "li",
  [TAG_EM] = "em",
  [TAG_STRONG] = "strong",
  [TAG_B] = "b",
  [TAG_I] = "i",
  [TAG_A] = "a",
  [TAG_BR] = "br",
};

static int
compare_tag_entry (const void *key,
                   const void *entry)
{
  return strcmp (key, ((const TagEntry *) entry)->name);
}

static Tag
classify (const xmlNode *node)
{
  const TagEntry *entry;

  entry = bsearch (node->name, tag_table, G_N_ELEMENTS (tag_table), sizeof (TagEntry),
                   compare_tag_entry);
  return entry != NULL ? entry->tag : TAG_OTHER;
}

/* Deeper nesting than this is unwrapped; real summaries use a handful. */
#define MAX_DEPTH 64

typedef struct
{
  const xmlNode *node;
  Tag            tag;
  gsize          open_pos;   /* where the opening tag starts in out */
  gsize          content_pos;
} Frame;

typedef struct
{
  GString              *out;
  GString              *plain;
  gsize                 plain_start;
  HlHtmlLinkRewriteFunc rewrite;
  gpointer              user_data;

  Frame                 stack[MAX_DEPTH];
  guint                 depth;
  guint                 n_inline;     /* open a, em, strong, b, i */
  guint                 n_para;       /* open p, h3 */
  gboolean              in_link;

  gboolean              inline_tail;  /* the last thing written was inline content */
  gboolean              need_break;   /* a dropped block edge since then: write <br> */
  gboolean              plain_break;  /* separate the next plain text from the last */
} Sanitizer;

static inline gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    {
      if (!is_html_space (*text))
        return FALSE;
    }
  return TRUE;
}

/* An element edge that a reader sees as a line break. */
static void
mark_block_edge (Sanitizer *s)
{
  s->plain_break = TRUE;
  if (s->inline_tail)
    s->need_break = TRUE;
}

/* Called before any inline content (text, inline tags, br) is written. */
static void
begin_inline (Sanitizer *s)
{
  if (s->need_break)
    {
      g_string_append (s->out, "<br>");
      s->need_break = FALSE;
    }
}

static void
append_plain (Sanitizer  *s,
              const char *text,
              gboolean    blank)
{
  GString *plain = s->plain;

  if (plain->len == s->plain_start && blank)
    return;

  if (s->plain_break && !blank)
    {
      if (plain->len > s->plain_start && !is_html_space (plain->str[plain->len - 1]))
        g_string_append_c (plain, '\n');
      s->plain_break = FALSE;
    }

  g_string_append (plain, text);
}

static void
emit_text (Sanitizer  *s,
           const char *text)
{
  gboolean blank;

  if (text == NULL || *text == '\0')
    return;

  blank = is_blank (text);
  if (!blank)
    {
      begin_inline (s);
      s->inline_tail = TRUE;
    }

  append_escaped (s->out, text);

  if (s->plain != NULL)
    append_plain (s, text, blank);
}

static gboolean
is_block (Tag tag)
{
  return tag == TAG_P || tag == TAG_H3 || tag == TAG_UL || tag == TAG_OL || tag == TAG_LI;
}

static void
push (Sanitizer     *s,
      const xmlNode *node,
      Tag            tag,
      const char    *href)
{
  Frame *frame = &s->stack[s->depth++];

  if (is_block (tag))
    {
      s->inline_tail = FALSE;
      s->need_break = FALSE;
      s->plain_break = TRUE;
    }
  else
    {
      begin_inline (s);
    }

  frame->node = node;
  frame->tag = tag;
  /* After any <br> from begin_inline(), which must stay if this is empty. */
  frame->open_pos = s->out->len;

  g_string_append_c (s->out, '<');
  g_string_append (s->out, tag_names[tag]);
  if (href != NULL)
    {
      g_string_append (s->out, " href=\"");
      append_escaped (s->out, href);
      g_string_append_c (s->out, '"');
    }
  g_string_append_c (s->out, '>');
  frame->content_pos = s->out->len;

  if (tag == TAG_P || tag == TAG_H3)
    s->n_para++;
  else if (!is_block (tag))
    s->n_inline++;
  if (tag == TAG_A)
    s->in_link = TRUE;
}

static void
pop (Sanitizer *s)
{
  Frame *frame = &s->stack[--s->depth];
  GString *out = s->out;
  gboolean empty = TRUE;
  gboolean had_space = FALSE;
  gsize i;

  if (frame->tag == TAG_P || frame->tag == TAG_H3)
    s->n_para--;
  else if (!is_block (frame->tag))
    s->n_inline--;
  if (frame->tag == TAG_A)
    s->in_link = FALSE;

  for (i = frame->content_pos; i < out->len; i++)
    {
      if (!is_html_space (out->str[i]))
        {
          empty = FALSE;
          break;
        }
      had_space = TRUE;
    }

  /* An element with nothing to show is noise ("<p></p>"); white space
   * between inline elements still separates words, so keep one space. */
  if (empty)
    {
      g_string_truncate (out, frame->open_pos);
      if (had_space && !is_block (frame->tag))
        g_string_append_c (out, ' ');
    }
  else
    {
      g_string_append (out, "</");
      g_string_append (out, tag_names[frame->tag]);
      g_string_append_c (out, '>');
    }

  if (is_block (frame->tag))
    {
      s->inline_tail = FALSE;
      s->need_break = FALSE;
      s->plain_break = TRUE;
    }
}

/* The first href, entity-decoded by the parser, trimmed the way browsers
 * trim URLs (leading and trailing C0 controls and spaces). */
static char *
dup_href (const xmlNode *node)
{
  const xmlAttr *attr;

  for (attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value;
      char *href;
      const char *start;
      const char *end;

      if (g_ascii_strcasecmp ((const char *) attr->name, "href") != 0)
        continue;

      value = xmlNodeGetContent ((const xmlNode *) attr);
      if (value == NULL)
        return NULL;

      start = (const char *) value;
      end = start + strlen (start);
      while (start < end && (guchar) *start <= 0x20)
        start++;
      while (end > start && (guchar) end[-1] <= 0x20)
        end--;

      href = start < end ? g_strndup (start, end - start) : NULL;
      xmlFree (value);
      return href;
    }

  return NULL;
}

static char *
dup_allowed_href (Sanitizer     *s,
                  const xmlNode *node)
{
  g_autofree char *href = dup_href (node);
  char *replacement;

  if (href == NULL)
    return NULL;

  /* The callback sees every href, so it can map relative or site links to
   * hl: addresses; whatever it returns is checked like the original. */
  if (s->rewrite != NULL)
    {
      replacement = s->rewrite (href, s->user_data);
      if (replacement != NULL)
        {
          g_free (href);
          href = replacement;
        }
    }

  if (!hl_html_is_allowed_url (href))
    return NULL;

  return g_steal_pointer (&href);
}

/* Whether @tag may open here without the parser restructuring the output
 * when it is read again: no blocks inside p, h3 or inline elements, no link
 * inside a link, no li straight inside an li, no list straight inside a
 * list. */
static gboolean
can_open (Sanitizer *s,
          Tag        tag)
{
  if (s->depth >= MAX_DEPTH)
    return FALSE;

  if (tag == TAG_A)
    return !s->in_link;

  if (!is_block (tag))
    return TRUE;

  if (s->n_para > 0 || s->n_inline > 0)
    return FALSE;

  /* The nearest list item or list decides: li goes in a list, and a list
   * goes in a list item (or outside lists). */
  if (tag == TAG_LI || tag == TAG_UL || tag == TAG_OL)
    {
      guint i;

      for (i = s->depth; i > 0; i--)
        {
          Tag open = s->stack[i - 1].tag;

          if (open == TAG_UL || open == TAG_OL)
            return tag == TAG_LI;
          if (open == TAG_LI)
            return tag != TAG_LI;
        }
    }

  return TRUE;
}

/* Returns whether to walk into the children of @node. */
static gboolean
enter_element (Sanitizer     *s,
               const xmlNode *node)
{
  Tag tag = classify (node);
  g_autofree char *href = NULL;

  switch (tag)
    {
    case TAG_DROP:
      return FALSE;

    case TAG_OTHER:
    case TAG_VOID:
      return TRUE;

    case TAG_BLOCK:
      mark_block_edge (s);
      return TRUE;

    case TAG_BR:
      /* This break is the one a dropped block edge asked for. */
      s->need_break = FALSE;
      g_string_append (s->out, "<br>");
      s->inline_tail = FALSE;
      s->plain_break = TRUE;
      return FALSE;

    case TAG_A:
      if (!can_open (s, tag))
        return TRUE;
      href = dup_allowed_href (s, node);
      if (href != NULL)
        push (s, node, tag, href);
      return TRUE;

    case TAG_P:
    case TAG_H3:
    case TAG_UL:
    case TAG_OL:
    case TAG_LI:
      if (can_open (s, tag))
        push (s, node, tag, NULL);
      else
        mark_block_edge (s);
      return TRUE;

    case TAG_EM:
    case TAG_STRONG:
    case TAG_B:
    case TAG_I:
      if (can_open (s, tag))
        push (s, node, tag, NULL);
      return TRUE;
    }

  return TRUE;
}

static void
leave_element (Sanitizer     *s,
               const xmlNode *node)
{
  Tag tag;

  if (s->depth > 0 && s->stack[s->depth - 1].node == node)
    {
      pop (s);
      return;
    }

  tag = classify (node);
  if (tag == TAG_BLOCK || is_block (tag))
    mark_block_edge (s);
}

static void
walk (Sanitizer *s,
      xmlDoc    *doc)
{
  const xmlNode *root = (const xmlNode *) doc;
  const xmlNode *node = doc->children;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        descend = enter_element (s, node);
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        emit_text (s, (const char *) node->content);
      /* comments, processing instructions, doctypes… are dropped */

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      /* Leave @node and every ancestor whose last child it is. */
      for (;;)
        {
          if (node->type == XML_ELEMENT_NODE)
            leave_element (s, node);

          if (node->next != NULL)
            {
              node = node->next;
              break;
            }

          node = node->parent;
          if (node == NULL || node == root)
            {
              node = NULL;
              break;
            }
        }
    }
}

static void
init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static void
trim_end (GString *string,
          gsize    start)
{
  gsize len = string->len;

  while (len > start && is_html_space (string->str[len - 1]))
    len--;
  g_string_truncate (string, len);
}

char *
hl_html_sanitize (const char            *fragment,
                  gssize                 length,
                  HlHtmlLinkRewriteFunc  rewrite,
                  gpointer               user_data,
                  GString               *plain_text)
{
  /* Parsing inside an open body keeps the parser from wrapping leading text
   * in an implied <p> or moving elements into a <head>, so what comes out
   * parses back to the same tree. */
  static const char prefix[] = "<body>";
  g_autoptr (GString) input = NULL;
  Sanitizer s = { 0 };
  xmlDoc *doc;
  gsize start;

  if (fragment == NULL || length == 0)
    return g_strdup ("");
  if (length < 0)
    length = strlen (fragment);

  input = g_string_sized_new (sizeof prefix + length);
  g_string_append_len (input, prefix, sizeof prefix - 1);
  /* libxml2 switches to Latin-1 for the rest of the input at the first bad
   * byte; repairing first keeps valid text intact. Also catches NUL. */
  if (g_utf8_validate_len (fragment, length, NULL))
    {
      g_string_append_len (input, fragment, length);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (fragment, length);
      g_string_append (input, valid);
    }

  init_libxml ();
  doc = htmlReadMemory (input->str, input->len, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC |
                        HTML_PARSE_COMPACT);
  if (doc == NULL)
    return g_strdup ("");

  s.out = g_string_sized_new (length + 16);
  s.plain = plain_text;
  s.plain_start = plain_text != NULL ? plain_text->len : 0;
  s.rewrite = rewrite;
  s.user_data = user_data;

  walk (&s, doc);
  xmlFreeDoc (doc);

  while (s.depth > 0)
    pop (&s);

  trim_end (s.out, 0);
  for (start = 0; start < s.out->len && is_html_space (s.out->str[start]); start++)
    ;
  if (start > 0)
    g_string_erase (s.out, 0, start);

  if (plain_text != NULL)
    trim_end (plain_text, s.plain_start);

  /* The parser only produces UTF-8, but the rewrite callback might not. */
  if (!g_utf8_validate_len (s.out->str, s.out->len, NULL))
    {
      char *valid = g_utf8_make_valid (s.out->str, s.out->len);

      g_string_free (s.out, TRUE);
      return valid;
    }

  return g_string_free (s.out, FALSE);
}
