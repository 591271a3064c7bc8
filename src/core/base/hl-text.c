/* hl-text.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hl-text.h"

#include <string.h>

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    {
      if ((guchar) *text >= 0x80)
        return FALSE;
    }
  return TRUE;
}

/* The combining diacritical mark blocks. Marks of other scripts (Devanagari
 * vowel signs, Hebrew points…) are part of the letters and stay. */
static gboolean
is_diacritic (gunichar c)
{
  return (c >= 0x0300 && c <= 0x036f) ||
         (c >= 0x1ab0 && c <= 0x1aff) ||
         (c >= 0x1dc0 && c <= 0x1dff) ||
         (c >= 0x20d0 && c <= 0x20ff) ||
         (c >= 0xfe20 && c <= 0xfe2f);
}

static gboolean
is_latin (gunichar c)
{
  return c < 0x0250 || (c >= 0x1e00 && c <= 0x1eff);
}

/* The letter without its accents when @c is a Latin letter plus diacritics
 * ("ñ" → "n"); @c itself otherwise. Like the tokenizer, Greek and Cyrillic
 * keep their accents ("й" is not "и"), and Hangul syllables stay whole. */
static gunichar
strip_diacritics (gunichar c)
{
  gunichar decomposition[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;
  gsize i;

  n = g_unichar_fully_decompose (c, FALSE, decomposition, G_N_ELEMENTS (decomposition));
  if (n < 2 || !is_latin (decomposition[0]))
    return c;

  for (i = 1; i < n; i++)
    {
      if (!is_diacritic (decomposition[i]))
        return c;
    }

  return decomposition[0];
}

/* Like the unicode61 tokenizer with remove_diacritics 2: simple lower-casing
 * (no locale rules, "ß" stays "ß") and canonical decomposition only. */
static gunichar
fold_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower (c);

  return g_unichar_tolower (strip_diacritics (c));
}

char *
hl_text_normalize (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;

  if (is_ascii (text))
    return g_strdup (text);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
}

char *
hl_text_fold (const char *text)
{
  g_autofree char *normalized = NULL;
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;

  if (is_ascii (text))
    return g_ascii_strdown (text, -1);

  /* "o" + U+0301 folds as "ó" does. */
  text = normalized = hl_text_normalize (text);

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_diacritic (c))
        continue;

      g_string_append_unichar (out, fold_char (c));
    }

  return g_string_free (out, FALSE);
}

char
hl_text_index_letter (const char *title)
{
  const char *p;

  if (title == NULL)
    return '#';

  /* Skip leading quotes, brackets and the like: "(Pink) eye" files under P. */
  for (p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return '#';

      if (g_unichar_isalnum (c))
        {
          c = fold_char (c);
          if (c >= 'a' && c <= 'z')
            return g_ascii_toupper (c);
          return '#';
        }
    }

  return '#';
}

/* Enough for any word; longer strings fall back to the heap. */
#define SHORT_LENGTH 64

static gunichar *
to_chars (const char *text,
          gunichar   *buffer,
          glong      *length)
{
  glong n = 0;
  const char *p;

  if (is_ascii (text))
    {
      gsize len = strlen (text);
      gunichar *chars = len <= SHORT_LENGTH ? buffer : g_new (gunichar, len);
      gsize i;

      for (i = 0; i < len; i++)
        chars[i] = (guchar) text[i];
      *length = len;
      return chars;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      return to_chars (valid, buffer, length);
    }

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    n++;

  if (n <= SHORT_LENGTH)
    {
      glong i = 0;

      for (p = text; *p != '\0'; p = g_utf8_next_char (p))
        buffer[i++] = g_utf8_get_char (p);
      *length = n;
      return buffer;
    }

  return g_utf8_to_ucs4_fast (text, -1, length);
}

guint
hl_text_edit_distance (const char *a,
                       const char *b,
                       guint       max)
{
  gunichar a_buffer[SHORT_LENGTH];
  gunichar b_buffer[SHORT_LENGTH];
  guint row_buffer[3 * (SHORT_LENGTH + 1)];
  gunichar *s;
  gunichar *t;
  glong m;
  glong n;
  guint *rows;
  guint *two_up;
  guint *up;
  guint *cur;
  guint result;
  glong i;
  glong j;

  s = to_chars (a != NULL ? a : "", a_buffer, &m);
  t = to_chars (b != NULL ? b : "", b_buffer, &n);

  /* The length difference alone is a lower bound. */
  if ((guint) ABS (m - n) > max)
    {
      result = max + 1;
      goto out;
    }

  rows = n <= SHORT_LENGTH ? row_buffer : g_new (guint, 3 * (n + 1));
  two_up = rows;
  up = rows + (n + 1);
  cur = rows + 2 * (n + 1);

  for (j = 0; j <= n; j++)
    up[j] = j;

  result = n;
  for (i = 1; i <= m; i++)
    {
      guint row_min;
      guint *tmp;

      cur[0] = i;
      row_min = cur[0];

      for (j = 1; j <= n; j++)
        {
          guint cost = s[i - 1] == t[j - 1] ? 0 : 1;
          guint d = MIN (up[j] + 1, cur[j - 1] + 1);

          d = MIN (d, up[j - 1] + cost);
          if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1])
            d = MIN (d, two_up[j - 2] + 1);

          cur[j] = d;
          row_min = MIN (row_min, d);
        }

      /* Every later cell is at least the smallest of this row (a
       * transposition from two rows up never beats the row in between). */
      if (row_min > max)
        {
          result = max + 1;
          break;
        }

      tmp = two_up;
      two_up = up;
      up = cur;
      cur = tmp;
      result = up[n];
    }

  if (result > max)
    result = max + 1;

  if (rows != row_buffer)
    g_free (rows);

out:
  if (s != a_buffer)
    g_free (s);
  if (t != b_buffer)
    g_free (t);

  return result;
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *
hl_text_collapse_space (const char *text)
{
  gsize length;
  char *out;
  char *q;
  gboolean pending_space = FALSE;
  gboolean clean = TRUE;
  const char *p;

  if (text == NULL)
    return NULL;

  /* Most values are already clean (no leading, trailing or repeated white
   * space, no tabs or line breaks): copy them in one go. */
  for (p = text; *p != '\0'; p++)
    if (is_space (*p) && (*p != ' ' || p == text || p[1] == '\0' || is_space (p[1])))
      {
        clean = FALSE;
        break;
      }
  length = p - text + strlen (p);
  if (clean)
    return length > 0 ? g_strndup (text, length) : NULL;

  out = g_malloc (length + 1);
  q = out;
  for (p = text; *p != '\0'; p++)
    {
      if (is_space (*p))
        {
          pending_space = q > out;
          continue;
        }

      if (pending_space)
        {
          *q++ = ' ';
          pending_space = FALSE;
        }
      *q++ = *p;
    }
  *q = '\0';

  if (q == out)
    {
      g_free (out);
      return NULL;
    }

  return out;
}

gboolean
hl_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

GPtrArray *
hl_text_split_words (const char *text,
                     guint       max_words)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *normalized = NULL;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return words;

  /* In NFC, a decomposed accent is part of its letter, not a word break. */
  p = text = normalized = hl_text_normalize (text);

  while (*p != '\0' && (max_words == 0 || words->len < max_words))
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_ptr_array_add (words, g_strndup (start, p - start));
    }

  return words;
}
