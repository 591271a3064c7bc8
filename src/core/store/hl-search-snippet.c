/* hl-search-snippet.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hl-search-snippet.h"
#include "hl-text.h"
#include "hl-topic-ref.h"

#define ELLIPSIS "…"

/* A snippet starts this far before the first match when the sentence is
 * too long to show whole, so that the match comes with its context. */
#define LEAD_CHARS 30

typedef struct
{
  char     *folded;
  gboolean  prefix;
} QueryWord;

struct _HlSnippetQuery
{
  GArray *words;   /* QueryWord */
};

static void
query_word_clear (QueryWord *word)
{
  g_free (word->folded);
}

gboolean
hl_snippet_word_is_prefix (const char *word)
{
  /* A single letter must match whole ("vitamin d"), or it would stand for
   * a large part of the index. */
  return g_utf8_strlen (word, -1) >= 2;
}

HlSnippetQuery *
hl_snippet_query_new (GPtrArray *words)
{
  HlSnippetQuery *query = g_new0 (HlSnippetQuery, 1);

  query->words = g_array_new (FALSE, FALSE, sizeof (QueryWord));
  g_array_set_clear_func (query->words, (GDestroyNotify) query_word_clear);
  for (guint i = 0; words != NULL && i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      QueryWord folded = { hl_text_fold (word), hl_snippet_word_is_prefix (word) };

      g_array_append_val (query->words, folded);
    }

  return query;
}

void
hl_snippet_query_free (HlSnippetQuery *query)
{
  if (query == NULL)
    return;

  g_array_unref (query->words);
  g_free (query);
}

static gboolean
matches (HlSnippetQuery *query,
         const char     *folded)
{
  for (guint i = 0; i < query->words->len; i++)
    {
      QueryWord *word = &g_array_index (query->words, QueryWord, i);

      if (word->prefix ? g_str_has_prefix (folded, word->folded) : g_str_equal (folded, word->folded))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_word_char (const char *p)
{
  guchar c = *p;

  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* Whether the word of @length bytes at @start is one the query matches. */
static gboolean
word_matches (HlSnippetQuery *query,
              const char     *start,
              gsize           length)
{
  char lower[64];
  g_autofree char *folded = NULL;
  gboolean ascii = TRUE;

  for (gsize i = 0; i < length; i++)
    ascii &= (guchar) start[i] < 0x80;

  /* Most words are plain ASCII: lower-case them in place of folding. */
  if (ascii && length < sizeof lower)
    {
      for (gsize i = 0; i < length; i++)
        lower[i] = g_ascii_tolower (start[i]);
      lower[length] = '\0';
      return matches (query, lower);
    }

  {
    g_autofree char *word = g_strndup (start, length);
    folded = hl_text_fold (word);
  }
  return matches (query, folded);
}

/* Marks the matched words of @text[0..@length) into @out. */
static void
append_marked (GString        *out,
               HlSnippetQuery *query,
               const char     *text,
               gsize           length)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *start = p;

      while (p < end && !is_word_char (p))
        p = g_utf8_next_char (p);
      g_string_append_len (out, start, p - start);
      if (p >= end)
        break;

      start = p;
      while (p < end && is_word_char (p))
        p = g_utf8_next_char (p);

      if (word_matches (query, start, p - start))
        {
          g_string_append (out, HL_SNIPPET_MARK_START);
          g_string_append_len (out, start, p - start);
          g_string_append (out, HL_SNIPPET_MARK_END);
        }
      else
        g_string_append_len (out, start, p - start);
    }
}

char *
hl_snippet_mark (HlSnippetQuery *query,
                 const char     *text)
{
  GString *out;

  g_return_val_if_fail (query != NULL, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_sized_new (strlen (text) + 16);
  append_marked (out, query, text, strlen (text));
  return g_string_free (out, FALSE);
}

/* Sentences end with one of these (a closing quote or bracket may follow). */
static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026;
}

static gboolean
is_closer (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == 0x201D || c == 0x2019 || c == 0xBB;
}

/* Whether @block ends as a sentence does. A heading without a question
 * mark, a fragment of a list or "NIH: National Institute of…" does not. */
static gboolean
ends_as_sentence (const char *block,
                  const char *end)
{
  const char *p = end;

  while (p > block)
    {
      gunichar c;

      p = g_utf8_find_prev_char (block, p);
      c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || is_closer (c))
        continue;
      return is_sentence_end (c);
    }

  return FALSE;
}

/* A question on a line of its own, as the headings of current summaries
 * ("What is fatigue?", "¿Qué es la fatiga?"): it introduces the text, it is
 * not the text. */
static gboolean
is_question_heading (const char *block,
                     const char *end)
{
  const char *last = end;
  gunichar c = 0;

  while (last > block)
    {
      last = g_utf8_find_prev_char (block, last);
      c = g_utf8_get_char (last);
      if (!g_unichar_isspace (c) && !is_closer (c))
        break;
    }
  if (c != '?' || g_utf8_strlen (block, end - block) > 100)
    return FALSE;

  /* One sentence only: no full stop or exclamation before the question. */
  for (const char *p = block; p < last; p = g_utf8_next_char (p))
    if ((*p == '.' || *p == '!') && g_ascii_isspace (p[1]))
      return FALSE;

  return TRUE;
}

/* The line that ends most MedlinePlus summaries, naming the source:
 * "NIH: National Institute of Diabetes…", "NIH: Centro Nacional de…". */
static gboolean
is_attribution (const char *block)
{
  return g_str_has_prefix (block, "NIH:") || g_str_has_prefix (block, "NIH :");
}

typedef struct
{
  const char *start;
  const char *end;
} Span;

/* The sentences of @block: they end at . ! ? … followed by a space and a
 * capital, a digit or an opening mark, or at the block's end. */
static void
split_sentences (const char *block,
                 const char *end,
                 GArray     *sentences)
{
  const char *start = block;
  const char *p = block;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c == '.' || c == '!' || c == '?' || c == 0x2026) && next < end &&
          g_unichar_isspace (g_utf8_get_char (next)))
        {
          const char *after = next;
          gunichar n;

          while (after < end && g_unichar_isspace (g_utf8_get_char (after)))
            after = g_utf8_next_char (after);
          n = after < end ? g_utf8_get_char (after) : 0;
          if (n != 0 && (g_unichar_isupper (n) || g_unichar_isdigit (n) || n == 0xBF ||
                         n == 0xA1 || n == '"' || n == 0x201C))
            {
              Span span = { start, next };

              g_array_append_val (sentences, span);
              start = after;
              p = after;
              continue;
            }
        }
      p = next;
    }

  if (start < end)
    {
      Span span = { start, end };

      g_array_append_val (sentences, span);
    }
}

static void
append_entity (GString    *out,
               const char *entity,
               gsize       length)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
    { "nbsp", " " },
  };
  g_autofree char *name = g_strndup (entity, length);

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_str_equal (name, named[i].name))
      {
        g_string_append (out, named[i].text);
        return;
      }

  if (name[0] == '#')
    {
      gunichar c = name[1] == 'x' || name[1] == 'X' ? g_ascii_strtoull (name + 2, NULL, 16)
                                                    : g_ascii_strtoull (name + 1, NULL, 10);

      if (c != 0 && g_unichar_validate (c))
        {
          g_string_append_unichar (out, c);
          return;
        }
    }

  g_string_append_c (out, '&');
  g_string_append (out, name);
  g_string_append_c (out, ';');
}

static gboolean
ends_with (const char *text,
                      gsize       length,
                      const char *suffix)
{
  gsize n = strlen (suffix);

  return length >= n && memcmp (text + length - n, suffix, n) == 0;
}

static gboolean
tag_is (const char *tag,
        gsize       length,
        const char *name)
{
  gsize n = strlen (name);

  return length >= n && g_ascii_strncasecmp (tag, name, n) == 0 &&
         (length == n || tag[n] == ' ' || tag[n] == '/');
}

/* The text of a summary as the store keeps it (HTML through the sanitizer:
 * p, ul, ol, li, h3, br and inline marks), one block a line, entities
 * decoded and white space collapsed. Headings (h3) are left out. */
static char *
summary_blocks (const char *html)
{
  GString *out = g_string_sized_new (strlen (html));
  gboolean in_heading = FALSE;
  const char *p = html;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          const char *tag = p + 1;
          gboolean closing = *tag == '/';
          gsize length;

          if (end == NULL)
            break;
          if (closing)
            tag++;
          length = end - tag;

          if (tag_is (tag, length, "h3"))
            in_heading = !closing;
          if (tag_is (tag, length, "p") || tag_is (tag, length, "li") ||
              tag_is (tag, length, "h3") || tag_is (tag, length, "ul") ||
              tag_is (tag, length, "ol"))
            g_string_append_c (out, '\n');
          else if (tag_is (tag, length, "br"))
            g_string_append_c (out, ' ');
          p = end + 1;
          continue;
        }

      if (in_heading)
        {
          p++;
          continue;
        }

      if (*p == '&')
        {
          const char *semi = strchr (p, ';');

          if (semi != NULL && semi - p <= 10)
            {
              append_entity (out, p + 1, semi - p - 1);
              p = semi + 1;
              continue;
            }
        }

      /* Line breaks of the source inside a paragraph are spaces. */
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          p++;
          continue;
        }

      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}

/* The real sentences of a summary's text, in order. */
static GArray *
collect_sentences (const char *text)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *p = text;

  while (*p != '\0')
    {
      const char *line_end = strchr (p, '\n');
      const char *start = p;
      const char *end;

      if (line_end == NULL)
        line_end = p + strlen (p);
      end = line_end;

      while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start && g_ascii_isspace (end[-1]))
        end--;

      if (end > start && ends_as_sentence (start, end) && !is_question_heading (start, end) &&
          !is_attribution (start))
        split_sentences (start, end, sentences);

      p = *line_end == '\n' ? line_end + 1 : line_end;
    }

  return sentences;
}

static gboolean
span_has_match (HlSnippetQuery *query,
                const Span     *span)
{
  const char *p = span->start;

  while (p < span->end)
    {
      const char *start;

      while (p < span->end && !is_word_char (p))
        p = g_utf8_next_char (p);
      start = p;
      while (p < span->end && is_word_char (p))
        p = g_utf8_next_char (p);
      if (p > start && word_matches (query, start, p - start))
        return TRUE;
    }

  return FALSE;
}

/* The first matched word in @span, or its start. */
static const char *
first_match (HlSnippetQuery *query,
             const Span     *span)
{
  const char *p = span->start;

  while (p < span->end)
    {
      const char *start;

      while (p < span->end && !is_word_char (p))
        p = g_utf8_next_char (p);
      start = p;
      while (p < span->end && is_word_char (p))
        p = g_utf8_next_char (p);
      if (p > start && word_matches (query, start, p - start))
        return start;
    }

  return span->start;
}

/* The start of the word that @p is in or before. */
static const char *
word_start (const char *text,
            const char *p)
{
  while (p > text)
    {
      const char *prev = g_utf8_find_prev_char (text, p);

      if (g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      p = prev;
    }

  return p;
}

char *
hl_snippet_make (HlSnippetQuery *query,
                 const char     *summary,
                 guint           max_chars)
{
  g_autoptr(GArray) sentences = NULL;
  g_autofree char *text = NULL;
  const Span *chosen = NULL;
  const char *start, *end;
  GString *out;

  g_return_val_if_fail (query != NULL, NULL);

  if (summary == NULL || !g_utf8_validate (summary, -1, NULL))
    return NULL;

  text = summary_blocks (summary);
  sentences = collect_sentences (text);
  if (sentences->len == 0)
    return NULL;

  for (guint i = 0; i < sentences->len && chosen == NULL; i++)
    if (span_has_match (query, &g_array_index (sentences, Span, i)))
      chosen = &g_array_index (sentences, Span, i);

  /* No sentence has the words (they were in the title, say): the summary's
   * first full sentence, not one that only leads into a list. */
  for (guint i = 0; i < sentences->len && chosen == NULL; i++)
    {
      const Span *span = &g_array_index (sentences, Span, i);

      if (!ends_with (span->start, span->end - span->start, ":"))
        chosen = span;
    }
  if (chosen == NULL)
    chosen = &g_array_index (sentences, Span, 0);

  start = chosen->start;
  end = chosen->end;

  /* A long sentence: a window of whole words, a little before the match. */
  if ((guint) g_utf8_strlen (start, end - start) > max_chars)
    {
      const char *match = first_match (query, chosen);
      const char *p = match;

      for (guint i = 0; i < LEAD_CHARS && p > start; i++)
        p = g_utf8_find_prev_char (start, p);
      start = p > start ? word_start (chosen->start, p) : start;
      /* Never begin inside the matched word, nor past it. */
      if (start > match)
        start = match;

      p = start;
      for (guint i = 0; i < max_chars && p < end; i++)
        p = g_utf8_next_char (p);
      if (p < end)
        {
          const char *cut = word_start (start, p);

          /* Back to the end of the last whole word, before its spaces. */
          while (cut > start && g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (start, cut))))
            cut = g_utf8_find_prev_char (start, cut);
          end = cut > start ? cut : p;
        }
    }

  out = g_string_new (NULL);
  if (start > chosen->start)
    g_string_append (out, ELLIPSIS);
  append_marked (out, query, start, end - start);
  if (end < chosen->end)
    {
      /* "…, …" reads badly: no punctuation before the ellipsis. */
      while (out->len > 0 && strchr (",;:", out->str[out->len - 1]) != NULL)
        g_string_truncate (out, out->len - 1);
      g_string_append (out, ELLIPSIS);
    }

  return g_string_free (out, FALSE);
}
