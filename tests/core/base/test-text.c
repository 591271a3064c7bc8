/* test-text.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>

#include "hl-text.h"

static void
assert_fold (const char *input,
             const char *expected)
{
  g_autofree char *folded = hl_text_fold (input);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold (void)
{
  assert_fold ("Presión", "presion");
  assert_fold ("Niño", "nino");
  assert_fold ("Diabétes", "diabetes");
  assert_fold ("ÚLCERA", "ulcera");
  assert_fold ("ü", "u");
  assert_fold ("Ñandú Über Ça Ægis", "nandu uber ca ægis");
  assert_fold ("İstanbul", "istanbul");
  assert_fold ("Ǖ", "u");
  /* Simple lower-casing like the tokenizer: no "ss" for ß. */
  assert_fold ("Straße", "straße");
  assert_fold ("Øst Łódź", "øst łodz");
  assert_fold ("Cirrosis: ¿Qué es?", "cirrosis: ¿que es?");
  assert_fold ("", "");
  g_assert_null (hl_text_fold (NULL));
}

static void
test_fold_ascii (void)
{
  assert_fold ("A1C Test", "a1c test");
  assert_fold ("HIV/AIDS & You", "hiv/aids & you");
  assert_fold ("already folded", "already folded");
}

static void
test_fold_decomposed (void)
{
  /* "Niño" and "Presión" typed with combining marks. */
  assert_fold ("Nin\xcc\x83o", "nino");
  assert_fold ("Presio\xcc\x81n", "presion");
  assert_fold ("\xcc\x81" "a", "a");
}

static void
test_fold_other_scripts (void)
{
  /* Syllables that decompose into more than letters plus accents stay whole. */
  assert_fold ("한국어", "한국어");
  assert_fold ("हिन्दी", "हिन्दी");
  /* Only Latin letters lose their accents, as in the index. */
  assert_fold ("ΔΙΑΒΉΤΗΣ", "διαβήτησ");
  assert_fold ("Диабет", "диабет");
  assert_fold ("ЙОД", "йод");
}

static void
test_fold_invalid_utf8 (void)
{
  g_autofree char *folded = hl_text_fold ("Ni\xff\xf1o");

  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_true (g_str_has_prefix (folded, "ni"));
  g_assert_true (g_str_has_suffix (folded, "o"));
}

static void
test_index_letter (void)
{
  g_assert_cmpint (hl_text_index_letter ("Úlcera"), ==, 'U');
  g_assert_cmpint (hl_text_index_letter ("ñame"), ==, 'N');
  g_assert_cmpint (hl_text_index_letter ("asthma"), ==, 'A');
  g_assert_cmpint (hl_text_index_letter ("Zika Virus"), ==, 'Z');
  g_assert_cmpint (hl_text_index_letter ("Ébola"), ==, 'E');
  g_assert_cmpint (hl_text_index_letter ("\"Pink Eye\""), ==, 'P');
  g_assert_cmpint (hl_text_index_letter ("  (Kidney) stones"), ==, 'K');
  g_assert_cmpint (hl_text_index_letter ("¿Qué es?"), ==, 'Q');
  g_assert_cmpint (hl_text_index_letter ("3D Mammography"), ==, '#');
  g_assert_cmpint (hl_text_index_letter ("Ærøskøbing"), ==, '#');
  g_assert_cmpint (hl_text_index_letter ("Диабет"), ==, '#');
  g_assert_cmpint (hl_text_index_letter ("..."), ==, '#');
  g_assert_cmpint (hl_text_index_letter (""), ==, '#');
  g_assert_cmpint (hl_text_index_letter (NULL), ==, '#');
}

static void
test_edit_distance (void)
{
  g_assert_cmpuint (hl_text_edit_distance ("diabetes", "diabetes", 2), ==, 0);
  g_assert_cmpuint (hl_text_edit_distance ("diabetes", "diabetis", 2), ==, 1);
  g_assert_cmpuint (hl_text_edit_distance ("diabetes", "diabets", 2), ==, 1);
  g_assert_cmpuint (hl_text_edit_distance ("diabetes", "diabeetes", 2), ==, 1);
  g_assert_cmpuint (hl_text_edit_distance ("kitten", "sitting", 5), ==, 3);
  g_assert_cmpuint (hl_text_edit_distance ("", "abc", 5), ==, 3);
  g_assert_cmpuint (hl_text_edit_distance ("abc", "", 5), ==, 3);
  g_assert_cmpuint (hl_text_edit_distance ("", "", 0), ==, 0);
  g_assert_cmpuint (hl_text_edit_distance (NULL, "ab", 5), ==, 2);
}

static void
test_edit_distance_transposition (void)
{
  /* One swap of neighbours counts once. */
  g_assert_cmpuint (hl_text_edit_distance ("asthma", "asthma", 1), ==, 0);
  g_assert_cmpuint (hl_text_edit_distance ("astmha", "asthma", 1), ==, 1);
  g_assert_cmpuint (hl_text_edit_distance ("ab", "ba", 1), ==, 1);
  /* Optimal string alignment: no edits of a transposed pair. */
  g_assert_cmpuint (hl_text_edit_distance ("ca", "abc", 5), ==, 3);
}

static void
test_edit_distance_unicode (void)
{
  /* Characters, not bytes: ñ is two bytes but one edit. */
  g_assert_cmpuint (hl_text_edit_distance ("nino", "niño", 3), ==, 1);
  g_assert_cmpuint (hl_text_edit_distance ("niño", "nioñ", 3), ==, 1);
  g_assert_cmpuint (hl_text_edit_distance ("presión", "presón", 3), ==, 1);
  g_assert_cmpuint (hl_text_edit_distance ("한국어", "한국", 3), ==, 1);
}

static void
test_edit_distance_max (void)
{
  g_assert_cmpuint (hl_text_edit_distance ("kitten", "sitting", 2), ==, 3);
  g_assert_cmpuint (hl_text_edit_distance ("kitten", "sitting", 3), ==, 3);
  g_assert_cmpuint (hl_text_edit_distance ("a", "abcdefgh", 2), ==, 3);
  g_assert_cmpuint (hl_text_edit_distance ("abcdef", "uvwxyz", 0), ==, 1);
  g_assert_cmpuint (hl_text_edit_distance ("abcdef", "uvwxyz", 1), ==, 2);
  g_assert_cmpuint (hl_text_edit_distance ("abcdef", "uvwxyz", 10), ==, 6);
  g_assert_cmpuint (hl_text_edit_distance ("abc", "abd", G_MAXUINT), ==, 1);
}

static void
test_edit_distance_long (void)
{
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = NULL;
  guint i;

  /* Past the on-stack buffers. */
  for (i = 0; i < 100; i++)
    g_string_append (a, "añ");
  b = g_string_new (a->str);
  g_string_insert_c (b, 51, 'x');
  g_string_append (b, "zz");

  g_assert_cmpuint (hl_text_edit_distance (a->str, b->str, 10), ==, 3);
  g_assert_cmpuint (hl_text_edit_distance (a->str, b->str, 2), ==, 3);
  g_assert_cmpuint (hl_text_edit_distance (b->str, a->str, 10), ==, 3);
}

static void
assert_collapse (const char *input,
                 const char *expected)
{
  g_autofree char *collapsed = hl_text_collapse_space (input);

  g_assert_cmpstr (collapsed, ==, expected);
}

static void
test_collapse_space (void)
{
  assert_collapse ("  Heart   attack \n", "Heart attack");
  assert_collapse ("a\t\tb\r\nc", "a b c");
  assert_collapse ("single", "single");
  assert_collapse ("x ", "x");
  assert_collapse (" x", "x");
  /* Non-breaking spaces are not ASCII white space. */
  assert_collapse ("a\xc2\xa0 b", "a\xc2\xa0 b");
  assert_collapse ("", NULL);
  assert_collapse (" \t\r\n ", NULL);
  assert_collapse (NULL, NULL);
}

static void
test_split_words (void)
{
  g_autoptr(GPtrArray) words = hl_text_split_words ("  Presión \"arterial\" AND (niño)* 2-3 ", 0);
  g_autoptr(GPtrArray) capped = hl_text_split_words ("one two three four", 2);
  g_autoptr(GPtrArray) none = hl_text_split_words ("Bad \xc3\x28 bytes", 0);
  g_autoptr(GPtrArray) empty = hl_text_split_words (" -- ", 0);
  const char *expected[] = { "Presión", "arterial", "AND", "niño", "2", "3" };

  g_assert_cmpuint (words->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (words, i), ==, expected[i]);

  g_assert_cmpuint (capped->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (capped, 1), ==, "two");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/text/fold", test_fold);
  g_test_add_func ("/core/text/fold/ascii", test_fold_ascii);
  g_test_add_func ("/core/text/fold/decomposed", test_fold_decomposed);
  g_test_add_func ("/core/text/fold/other-scripts", test_fold_other_scripts);
  g_test_add_func ("/core/text/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/core/text/index-letter", test_index_letter);
  g_test_add_func ("/core/text/edit-distance", test_edit_distance);
  g_test_add_func ("/core/text/edit-distance/transposition", test_edit_distance_transposition);
  g_test_add_func ("/core/text/edit-distance/unicode", test_edit_distance_unicode);
  g_test_add_func ("/core/text/edit-distance/max", test_edit_distance_max);
  g_test_add_func ("/core/text/edit-distance/long", test_edit_distance_long);
  g_test_add_func ("/core/text/collapse-space", test_collapse_space);

  g_test_add_func ("/core/text/split-words", test_split_words);

  return g_test_run ();
}
