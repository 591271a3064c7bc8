/* hl-handout-summary.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hl-handout-summary.h"
#include "hl-html.h"

/* Bullets by depth, as browsers draw them. */
static const char *const bullets[] = { "•", "◦", "▪" };

typedef struct
{
  gboolean ordered;
  guint    count;
} List;

typedef struct
{
  GPtrArray     *paras;
  HlHandoutPara *para;          /* being written, or NULL */
  GString       *text;
  gboolean       pending_space;
  GArray        *lists;         /* List */
  gboolean       in_item;       /* inside an <li>, after its start */
  guint          bold;
  guint          italic;
  char          *link_uri;
  guint          link_start;
} Parser;

static void
link_clear (HlHandoutLink *link)
{
  g_free (link->uri);
}

void
hl_handout_para_free (HlHandoutPara *para)
{
  if (para == NULL)
    return;

  g_free (para->marker);
  g_free (para->text);
  g_clear_pointer (&para->attrs, pango_attr_list_unref);
  g_clear_pointer (&para->links, g_array_unref);
  g_free (para);
}

static HlHandoutPara *
para_new (HlHandoutParaKind kind,
          guint             depth)
{
  HlHandoutPara *para = g_new0 (HlHandoutPara, 1);

  para->kind = kind;
  para->depth = depth;
  para->attrs = pango_attr_list_new ();
  para->links = g_array_new (FALSE, TRUE, sizeof (HlHandoutLink));
  g_array_set_clear_func (para->links, (GDestroyNotify) link_clear);
  return para;
}

static void
end_link (Parser *p)
{
  if (p->link_uri != NULL && p->para != NULL && p->text->len > p->link_start)
    {
      HlHandoutLink link = { p->link_start, p->text->len, g_steal_pointer (&p->link_uri) };

      g_array_append_val (p->para->links, link);
    }
  g_clear_pointer (&p->link_uri, g_free);
}

static void
close_para (Parser *p)
{
  if (p->para == NULL)
    return;

  /* A link that spans paragraphs is cut at the end of each. */
  if (p->link_uri != NULL)
    {
      g_autofree char *uri = g_strdup (p->link_uri);

      end_link (p);
      p->link_uri = g_steal_pointer (&uri);
    }

  if (p->text->len > 0)
    {
      p->para->text = g_strdup (p->text->str);
      g_ptr_array_add (p->paras, g_steal_pointer (&p->para));
    }
  else
    g_clear_pointer (&p->para, hl_handout_para_free);

  g_string_truncate (p->text, 0);
  p->pending_space = FALSE;
  p->link_start = 0;
}

static void
open_para (Parser            *p,
           HlHandoutParaKind  kind,
           const char        *marker)
{
  close_para (p);
  p->para = para_new (kind, p->lists->len);
  p->para->marker = g_strdup (marker);
  p->link_start = 0;
}

static void
append_text (Parser     *p,
             const char *text,
             gsize       length)
{
  const char *end = text + length;

  for (const char *s = text; s < end;)
    {
      const char *run = s;
      guint start;

      if (g_ascii_isspace (*s))
        {
          while (s < end && g_ascii_isspace (*s))
            s++;
          if (p->para != NULL && p->text->len > 0)
            p->pending_space = TRUE;
          continue;
        }

      while (s < end && !g_ascii_isspace (*s))
        s++;

      /* Text outside any block: a paragraph of its own, at the list's depth
       * when it follows a nested list inside an item. */
      if (p->para == NULL)
        {
          p->para = para_new (HL_HANDOUT_PARA_TEXT, p->lists->len);
          p->link_start = 0;
        }
      if (p->pending_space)
        g_string_append_c (p->text, ' ');
      p->pending_space = FALSE;

      start = p->text->len;
      g_string_append_len (p->text, run, s - run);
      if (p->bold > 0)
        {
          PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

          attr->start_index = start;
          attr->end_index = p->text->len;
          pango_attr_list_insert (p->para->attrs, attr);
        }
      if (p->italic > 0)
        {
          PangoAttribute *attr = pango_attr_style_new (PANGO_STYLE_ITALIC);

          attr->start_index = start;
          attr->end_index = p->text->len;
          pango_attr_list_insert (p->para->attrs, attr);
        }
    }
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  Parser *p = user_data;

  if (g_str_equal (name, "p"))
    open_para (p, HL_HANDOUT_PARA_TEXT, NULL);
  else if (g_str_equal (name, "h3"))
    open_para (p, HL_HANDOUT_PARA_HEADING, NULL);
  else if (g_str_equal (name, "ul") || g_str_equal (name, "ol"))
    {
      List list = { g_str_equal (name, "ol"), 0 };

      close_para (p);
      g_array_append_val (p->lists, list);
    }
  else if (g_str_equal (name, "li"))
    {
      List *list = p->lists->len > 0 ? &g_array_index (p->lists, List, p->lists->len - 1) : NULL;
      g_autofree char *number = NULL;
      const char *marker = bullets[0];

      if (list != NULL && list->ordered)
        marker = number = g_strdup_printf ("%u.", ++list->count);
      else if (list != NULL)
        marker = bullets[MIN (p->lists->len - 1, G_N_ELEMENTS (bullets) - 1)];
      open_para (p, HL_HANDOUT_PARA_ITEM, marker);
    }
  else if (g_str_equal (name, "br"))
    {
      if (p->para != NULL && p->text->len > 0)
        {
          g_string_append_c (p->text, '\n');
          p->pending_space = FALSE;
        }
    }
  else if (g_str_equal (name, "strong") || g_str_equal (name, "b"))
    p->bold++;
  else if (g_str_equal (name, "em") || g_str_equal (name, "i"))
    p->italic++;
  else if (g_str_equal (name, "a"))
    {
      end_link (p);
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "href") && hl_html_is_web_url (attribute_values[i]))
          p->link_uri = g_strdup (attribute_values[i]);
      /* A space before the link belongs before it. */
      if (p->pending_space && p->para != NULL)
        {
          g_string_append_c (p->text, ' ');
          p->pending_space = FALSE;
        }
      p->link_start = p->text->len;
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *name,
                gpointer              user_data,
                GError              **error)
{
  Parser *p = user_data;

  if (g_str_equal (name, "p") || g_str_equal (name, "h3") || g_str_equal (name, "li"))
    close_para (p);
  else if (g_str_equal (name, "ul") || g_str_equal (name, "ol"))
    {
      close_para (p);
      if (p->lists->len > 0)
        g_array_set_size (p->lists, p->lists->len - 1);
    }
  else if ((g_str_equal (name, "strong") || g_str_equal (name, "b")) && p->bold > 0)
    p->bold--;
  else if ((g_str_equal (name, "em") || g_str_equal (name, "i")) && p->italic > 0)
    p->italic--;
  else if (g_str_equal (name, "a"))
    end_link (p);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  append_text (user_data, text, text_len);
}

static GPtrArray *
parse_plain (const char *html)
{
  GPtrArray *paras = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_handout_para_free);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *sanitized = hl_html_sanitize (html, -1, NULL, NULL, plain);
  g_auto(GStrv) lines = g_strsplit (plain->str, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      HlHandoutPara *para;

      if (*line == '\0')
        continue;
      para = para_new (HL_HANDOUT_PARA_TEXT, 0);
      para->text = g_steal_pointer (&line);
      g_ptr_array_add (paras, para);
    }

  return paras;
}

GPtrArray *
hl_handout_summary_parse (const char *html)
{
  static const GMarkupParser parser = { start_element_cb, end_element_cb, text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) lists = g_array_new (FALSE, TRUE, sizeof (List));
  Parser p = { 0 };
  gboolean ok;

  p.paras = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_handout_para_free);
  p.text = text;
  p.lists = lists;
  if (html == NULL)
    return p.paras;

  /* The sanitizer writes well-formed HTML whose one void element is <br>;
   * as XML it needs closing. */
  document = g_string_new ("<summary>");
  g_string_append (document, html);
  g_string_replace (document, "<br>", "<br/>", 0);
  g_string_append (document, "</summary>");

  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &p, NULL);
  ok = g_markup_parse_context_parse (context, document->str, document->len, NULL) &&
       g_markup_parse_context_end_parse (context, NULL);
  close_para (&p);
  g_free (p.link_uri);

  if (!ok)
    {
      g_ptr_array_unref (p.paras);
      return parse_plain (html);
    }

  return p.paras;
}
