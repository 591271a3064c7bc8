/* test-search-snippet.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The snippets under search hits: whole words of a real sentence of the
 * summary, never its headings, list fragments or attribution line, with
 * the matched words marked. */

#include "config.h"

#include <string.h>

#include "hl-search-snippet.h"
#include "hl-text.h"
#include "hl-topic-ref.h"

/* The snippet for @query, with [ ] for the marks. */
static char *
snippet (const char *summary,
         const char *query,
         guint       max_chars)
{
  g_autoptr(GPtrArray) words = hl_text_split_words (query, 0);
  g_autoptr(HlSnippetQuery) q = hl_snippet_query_new (words);
  g_autofree char *raw = hl_snippet_make (q, summary, max_chars);
  g_autoptr(GString) shown = NULL;

  if (raw == NULL)
    return NULL;
  shown = g_string_new (raw);
  g_string_replace (shown, HL_SNIPPET_MARK_START, "[", 0);
  g_string_replace (shown, HL_SNIPPET_MARK_END, "]", 0);
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

#define SUMMARY_EN \
  "<h3>What is diabetes?</h3>\n" \
  "<p>Diabetes is a disease in which your <a href=\"https://medlineplus.gov/x.html\">blood " \
  "glucose</a> is too high. Glucose comes from the food you eat.</p>\n" \
  "<p>There are different types of diabetes:</p>\n" \
  "<ul>\n<li>Type 1 diabetes</li>\n<li>Type 2 diabetes</li>\n</ul>\n" \
  "<p>Your body can&#39;t always make\ninsulin.</p>\n" \
  "<p>NIH: National Institute of Diabetes and Digestive and Kidney Diseases</p>"

static void
test_sentence_with_match (void)
{
  g_autofree char *glucose = snippet (SUMMARY_EN, "glucose", 200);
  g_autofree char *food = snippet (SUMMARY_EN, "food", 200);
  g_autofree char *insulin = snippet (SUMMARY_EN, "insu", 200);

  /* The first sentence that has the word, whole, the word marked. */
  g_assert_cmpstr (glucose, ==, "Diabetes is a disease in which your blood [glucose] is too high.");
  g_assert_cmpstr (food, ==, "Glucose comes from the [food] you eat.");
  /* Entities decoded, the source's line break a space; a prefix marks the
   * whole word. */
  g_assert_cmpstr (insulin, ==, "Your body can't always make [insulin].");
}

static void
test_no_headings_lists_or_attribution (void)
{
  g_autofree char *kidney = snippet (SUMMARY_EN, "kidney", 200);
  g_autofree char *what = snippet (SUMMARY_EN, "what", 200);
  g_autofree char *type = snippet (SUMMARY_EN, "type", 200);

  /* "Kidney" is only in the attribution line, "what" only in the heading:
   * the summary's first sentence, nothing marked. */
  g_assert_cmpstr (kidney, ==, "Diabetes is a disease in which your blood glucose is too high.");
  g_assert_cmpstr (what, ==, kidney);
  /* "Type 1 diabetes" is a list's fragment, not a sentence; the sentence
   * that leads into the list is. */
  g_assert_cmpstr (type, ==, "There are different [types] of diabetes:");
}

static void
test_spanish (void)
{
  const char *summary =
    "<p><strong>¿Qué es la diabetes?</strong></p>\n"
    "<p>La diabetes es una enfermedad en la que los niveles de glucosa de la sangre están muy "
    "altos. ¿Sabía que la glucosa proviene de los alimentos?</p>\n"
    "<p>NIH: Instituto Nacional de la Diabetes y las Enfermedades Digestivas y Renales</p>";
  g_autofree char *glucosa = snippet (summary, "glucosa", 300);
  g_autofree char *alimentos = snippet (summary, "alimentos", 300);
  g_autofree char *renales = snippet (summary, "renales", 300);
  g_autofree char *accents = snippet (summary, "que", 300);

  g_assert_cmpstr (glucosa, ==, "La diabetes es una enfermedad en la que los niveles de [glucosa] "
                                "de la sangre están muy altos.");
  /* A question inside a paragraph is a sentence; on a line of its own it is
   * a heading. */
  g_assert_cmpstr (alimentos, ==, "¿Sabía que la glucosa proviene de los [alimentos]?");
  g_assert_cmpstr (renales, ==, "La diabetes es una enfermedad en la que los niveles de glucosa "
                                "de la sangre están muy altos.");
  /* Folded as the index folds: "que" marks "qué" too, but the heading is
   * left out all the same. */
  g_assert_true (g_str_has_prefix (accents, "La diabetes es una enfermedad en la [que]"));
}

/* A sentence too long for the list: a window of whole words around the
 * match, cut with "…" at both ends. */
static void
test_long_sentence (void)
{
  const char *summary =
    "<p>Many things can cause pain in the abdomen, among them indigestion, constipation, "
    "stomach viruses, menstrual cramps, food poisoning, food allergies, gas, lactose "
    "intolerance, ulcers, pelvic inflammatory disease, hernia, gallstones, kidney stones, "
    "endometriosis, Crohn's disease, urinary tract infections and appendicitis.</p>";
  g_autofree char *text = snippet (summary, "hernia", 80);
  const char *after_ellipsis;
  const char *in_summary;
  g_autofree char *plain = NULL;
  g_autoptr(GString) unmarked = NULL;

  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "…"));
  g_assert_true (g_str_has_suffix (text, "…"));
  g_assert_nonnull (strstr (text, "[hernia]"));
  g_assert_cmpint (g_utf8_strlen (text, -1), <=, 80 + 2 + 2);

  /* Whole words: the text between the ellipses is in the summary, starting
   * after a space and ending before one. */
  unmarked = g_string_new (text);
  g_string_replace (unmarked, "[", "", 0);
  g_string_replace (unmarked, "]", "", 0);
  g_string_replace (unmarked, "…", "", 0);
  plain = g_strdup (unmarked->str);
  after_ellipsis = plain;
  in_summary = strstr (summary, after_ellipsis);
  g_assert_nonnull (in_summary);
  g_assert_true (in_summary[-1] == ' ');
  g_assert_nonnull (strchr (" ,", in_summary[strlen (plain)]));
  /* And no comma left before the closing ellipsis. */
  g_assert_false (g_str_has_suffix (text, ",…"));
}

static void
test_nothing_to_show (void)
{
  g_assert_null (snippet (NULL, "x", 100));
  g_assert_null (snippet ("", "x", 100));
  g_assert_null (snippet ("<h3>What is it?</h3><ul><li>One thing</li></ul>", "thing", 100));
  g_assert_null (snippet ("<p>NIH: National Cancer Institute</p>", "cancer", 100));
  g_assert_null (snippet ("\xff\xfe not UTF-8.", "utf", 100));
}

static void
test_mark (void)
{
  g_autoptr(GPtrArray) words = hl_text_split_words ("presion d", 0);
  g_autoptr(HlSnippetQuery) query = hl_snippet_query_new (words);
  g_autofree char *marked = hl_snippet_mark (query, "Presión arterial y vitamina D, de día.");

  /* Two letters or more stand for every word that starts with them; one
   * letter matches whole. */
  g_assert_cmpstr (marked, ==, "\x02Presión\x03 arterial y vitamina \x02" "D\x03, de día.");
  g_assert_true (hl_snippet_word_is_prefix ("ab"));
  g_assert_false (hl_snippet_word_is_prefix ("a"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/search-snippet/sentence-with-match", test_sentence_with_match);
  g_test_add_func ("/core/search-snippet/no-headings-lists-or-attribution",
                   test_no_headings_lists_or_attribution);
  g_test_add_func ("/core/search-snippet/spanish", test_spanish);
  g_test_add_func ("/core/search-snippet/long-sentence", test_long_sentence);
  g_test_add_func ("/core/search-snippet/nothing-to-show", test_nothing_to_show);
  g_test_add_func ("/core/search-snippet/mark", test_mark);

  return g_test_run ();
}
