/* hl-topic-contents.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hl-html.h"
#include "hl-topic-contents.h"

typedef struct
{
  char     *id;
  char     *title;       /* text, or HTML when escaped is TRUE */
  gboolean  escaped;
} Entry;

struct _HlTopicContents
{
  GArray *entries;   /* Entry */
  guint   next_heading;
  guint   next_section;
};

static void
entry_clear (Entry *entry)
{
  g_free (entry->id);
  g_free (entry->title);
}

HlTopicContents *
hl_topic_contents_new (void)
{
  HlTopicContents *contents = g_new0 (HlTopicContents, 1);

  contents->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (contents->entries, (GDestroyNotify) entry_clear);
  return contents;
}

void
hl_topic_contents_free (HlTopicContents *contents)
{
  if (contents == NULL)
    return;

  g_array_unref (contents->entries);
  g_free (contents);
}

/* The text of a heading's inner HTML: the sanitizer's output, tags (links,
 * emphasis) left out. What remains is text it has escaped already. */
static char *
strip_tags (const char *html,
            gsize       length)
{
  GString *out = g_string_sized_new (length);
  gboolean in_tag = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (html[i] == '<')
        in_tag = TRUE;
      else if (html[i] == '>')
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (out, html[i]);
    }

  return g_string_free (out, FALSE);
}

char *
hl_topic_contents_add_headings (HlTopicContents *contents,
                                const char      *summary)
{
  GString *out;
  const char *p = summary;
  const char *open;
  gboolean any = FALSE;

  g_return_val_if_fail (contents != NULL, NULL);

  if (summary == NULL)
    return NULL;

  /* The sanitizer writes every heading as a bare <h3>…</h3>. */
  out = g_string_sized_new (strlen (summary) + 256);
  while ((open = strstr (p, "<h3>")) != NULL)
    {
      const char *inner = open + strlen ("<h3>");
      const char *close = strstr (inner, "</h3>");
      Entry entry = { 0 };
      g_autofree char *text = NULL;

      if (close == NULL)
        break;

      text = strip_tags (inner, close - inner);
      g_strstrip (text);
      g_string_append_len (out, p, open - p);
      if (*text == '\0')
        {
          g_string_append_len (out, open, close - open);
          p = close;
          continue;
        }

      entry.id = g_strdup_printf ("summary-%u", ++contents->next_heading);
      entry.title = g_steal_pointer (&text);
      entry.escaped = TRUE;
      g_string_append (out, "<h3 id=\"");
      hl_html_append_attr (out, entry.id);
      g_string_append (out, "\">");
      g_string_append_len (out, inner, close - inner);
      g_array_append_val (contents->entries, entry);
      any = TRUE;
      p = close;
    }

  if (!any)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

void
hl_topic_contents_add_entry (HlTopicContents *contents,
                             const char      *id,
                             const char      *title)
{
  Entry entry = { 0 };

  g_return_if_fail (contents != NULL);
  g_return_if_fail (id != NULL && title != NULL);

  entry.id = g_strdup (id);
  entry.title = g_strdup (title);
  g_array_append_val (contents->entries, entry);
}

char *
hl_topic_contents_add_section (HlTopicContents *contents,
                               const char      *title)
{
  Entry entry = { 0 };

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  entry.id = g_strdup_printf ("section-%u", ++contents->next_section);
  entry.title = g_strdup (title);
  g_array_append_val (contents->entries, entry);

  return g_strdup (entry.id);
}

guint
hl_topic_contents_get_count (HlTopicContents *contents)
{
  g_return_val_if_fail (contents != NULL, 0);

  return contents->entries->len;
}

void
hl_topic_contents_append (HlTopicContents *contents,
                          GString         *out,
                          const char      *heading)
{
  g_return_if_fail (contents != NULL);

  g_string_append (out, "<nav class=\"contents\" aria-labelledby=\"contents-heading\">\n"
                        "<h2 id=\"contents-heading\">");
  hl_html_append_text (out, heading);
  g_string_append (out, "</h2>\n<ul>\n");
  for (guint i = 0; i < contents->entries->len; i++)
    {
      Entry *entry = &g_array_index (contents->entries, Entry, i);

      /* A jump within the page: the id is ours, made above. */
      g_string_append (out, "<li><a href=\"#");
      hl_html_append_attr (out, entry->id);
      g_string_append (out, "\">");
      if (entry->escaped)
        g_string_append (out, entry->title);
      else
        hl_html_append_text (out, entry->title);
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ul>\n</nav>\n");
}
