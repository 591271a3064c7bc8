/* test-store-search.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Searching the library: ranking, what matches, snippets, suggestions. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hl-error.h"
#include "hl-medlineplus-importer.h"
#include "hl-paths.h"
#include "hl-topic-store.h"

#include "test-util.h"

/* Search: ranking */

static void
test_search_title_first (HlStoreFixture *fixture,
                         gconstpointer   data)
{
  HlTopicStore *store = fixture->store;

  hl_test_assert_first_hit (store, "diabetes", "en", 4);
  hl_test_assert_ranked_before (store, "diabetes", "en", 4, 5784);   /* Prediabetes */
  hl_test_assert_ranked_before (store, "diabetes", "en", 4, 6308);   /* A1C */
  hl_test_assert_first_hit (store, "dolor", "es", 3062);
  hl_test_assert_first_hit (store, "asthma", "en", 990013);
  hl_test_assert_first_hit (store, "drinking water", "en", 1435);
  hl_test_assert_first_hit (store, "tos", "es", 990008);
  hl_test_assert_ranked_before (store, "cancer", "en", 25, 990002);

  /* In general: every hit whose title has all the words comes before every
   * hit whose title does not, within a language. */
  {
    static const char *queries[] = { "pain", "water", "disease", "infection", "dolor", "test" };

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GListModel) hits = hl_test_search (store, queries[q], "en");
        g_autofree char *word = hl_test_fold (queries[q]);
        gboolean seen_other = FALSE;
        const char *language = NULL;

        hl_test_log_hits (queries[q], hits);
        for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
          {
            g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);
            g_autofree char *title = hl_test_fold (hl_topic_ref_get_title (ref));
            g_autofree char *inner = g_strconcat (" ", word, NULL);
            gboolean in_title = g_str_has_prefix (title, word) || strstr (title, inner) != NULL;

            if (g_strcmp0 (language, hl_topic_ref_get_language (ref)) != 0)
              {
                language = hl_topic_ref_get_language (ref);
                seen_other = FALSE;
              }
            if (!in_title)
              seen_other = TRUE;
            else if (seen_other)
              g_test_fail_printf ("“%s”: “%s” comes after a hit without the word in its title",
                                  queries[q], hl_topic_ref_get_title (ref));
          }
      }
  }
}

static void
test_search_synonyms (HlStoreFixture *fixture,
                      gconstpointer   data)
{
  HlTopicStore *store = fixture->store;

  /* Also-called terms. */
  hl_test_assert_first_hit (store, "HbA1C", "en", 6308);
  hl_test_assert_first_hit (store, "Glycohemoglobin", "en", 6308);
  hl_test_assert_first_hit (store, "glycohemoglobin", "es", 6308);
  hl_test_assert_ranked_before (store, "psychological", "en", 422, 990014);   /* Stress, Depression */
  hl_test_assert_ranked_before (store, "induced", "en", 122, 500);            /* Abortion, Noise */
  hl_test_assert_ranked_before (store, "test", "en", 6308, 990017);           /* A1C, COPD */
  hl_test_assert_first_hit (store, "bellyache", "en", 3061);
  hl_test_assert_first_hit (store, "barriga", "es", 3062);

  /* See-references. */
  hl_test_assert_first_hit (store, "hemoglobin a1c", "en", 6308);
  hl_test_assert_ranked_before (store, "accident", "en", 485, 990003);        /* Safety, First Aid */
  hl_test_assert_ranked_before (store, "stomach", "en", 3061, 299);           /* Abdominal Pain, Flu */
  hl_test_assert_first_hit (store, "asbestosis", "en", 1330);
  hl_test_assert_ranked_before (store, "estomago", "es", 3062, 2257);         /* Dolor abdominal, Acidez */
  hl_test_assert_ranked_before (store, "prevencion", "es", 2131, 1867);       /* Seguridad, Agua potable */
  hl_test_assert_first_hit (store, "pirosis", "es", 2257);
}

static void
test_search_language_first (HlStoreFixture *fixture,
                            gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  static const char *queries[] = { "acup", "abdom", "asbest", "diabetes", "agua", "pain" };
  const char *languages[] = { "en", "es" };

  hl_test_assert_ranked_before (store, "acup", "en", 3071, 3072);
  hl_test_assert_ranked_before (store, "acup", "es", 3072, 3071);
  hl_test_assert_ranked_before (store, "abdom", "en", 3061, 3062);
  hl_test_assert_ranked_before (store, "abdom", "es", 3062, 3061);
  hl_test_assert_ranked_before (store, "asbest", "es", 1758, 1330);
  hl_test_assert_ranked_before (store, "asbest", "en", 1330, 1758);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        g_autoptr(GListModel) hits = hl_test_search (store, queries[q], languages[l]);
        gboolean seen_other = FALSE;

        for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
          {
            g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);

            if (!g_str_equal (hl_topic_ref_get_language (ref), languages[l]))
              seen_other = TRUE;
            else if (seen_other)
              g_test_fail_printf ("“%s” (%s): “%s” comes after a hit in the other language",
                                  queries[q], languages[l], hl_topic_ref_get_title (ref));
          }
      }

  /* "dolor" finds Spanish topics only; they come first in Spanish. */
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "dolor", "es");

    g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 5);
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);

        g_assert_cmpstr (hl_topic_ref_get_language (ref), ==, "es");
      }
  }
}

/* Search: what matches */

static void
test_search_accents (HlStoreFixture *fixture,
                     gconstpointer   data)
{
  HlTopicStore *store = fixture->store;

  /* English, with accents and case that the text does not have. */
  hl_test_assert_same_hits (store, "diabetes", "diabétes", "en");
  hl_test_assert_same_hits (store, "diabetes", "DIABETES", "en");
  hl_test_assert_same_hits (store, "diabetes", "DiAbÉtEs", "en");
  hl_test_assert_same_hits (store, "acupuncture", "ACUPÚNCTURE", "en");

  /* Spanish, without the accents the text has. */
  hl_test_assert_first_hit (store, "cafeina", "es", 1793);
  hl_test_assert_same_hits (store, "cafeina", "cafeína", "es");
  hl_test_assert_same_hits (store, "cafeina", "CAFEÍNA", "es");
  hl_test_assert_same_hits (store, "presion", "presión", "es");
  hl_test_assert_same_hits (store, "presion", "PRESIÓN", "es");
  hl_test_assert_same_hits (store, "nino", "niño", "es");
  hl_test_assert_same_hits (store, "arsenico", "Arsénico", "es");
  hl_test_assert_first_hit (store, "arsenico", "es", 1756);
  hl_test_assert_first_hit (store, "quiropractica", "es", 990006);

  /* The marks fall on the words as the text spells them. */
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "presion", "es");
    g_autoptr(HlTopicRef) first = NULL;
    g_autofree char *snippet = NULL;
    int acupuntura = hl_test_hit_position (hits, 3072);

    g_assert_cmpint (acupuntura, >=, 0);
    first = g_list_model_get_item (hits, MAX (acupuntura, 0));
    snippet = hl_topic_ref_dup_snippet_html (first);
    g_assert_nonnull (snippet);
    g_assert_nonnull (strstr (snippet, "<mark>presión</mark>"));
  }
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "nino", "es");
    gboolean marked = FALSE;

    g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 3);
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);
        g_autofree char *snippet = hl_topic_ref_dup_snippet_html (ref);

        marked |= snippet != NULL && strstr (snippet, "<mark>niños</mark>") != NULL;
      }
    g_assert_true (marked);
  }
}

/* Accents typed as a letter and a combining mark ("o" + U+0301, as some
 * keyboards and pasted text give them) find what the composed letter
 * does. They used to find nothing. */
static void
test_search_decomposed (HlStoreFixture *fixture,
                        gconstpointer   data)
{
  HlTopicStore *store = fixture->store;

  hl_test_assert_same_hits (store, "presio\xcc\x81n", "presión", "es");
  hl_test_assert_same_hits (store, "PRESIO\xcc\x81N arterial", "presión arterial", "es");
  hl_test_assert_same_hits (store, "nin\xcc\x83o", "niño", "es");
  hl_test_assert_first_hit (store, "cafei\xcc\x81na", "es", 1793);
  hl_test_assert_first_hit (store, "Ars\x65\xcc\x81nico", "es", 1756);
}

/* Decomposed text in the file itself is indexed as composed text. */
static void
test_search_decomposed_text (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("decomposed");
  g_autofree char *path = g_build_filename (dir, "mplus_topics_decomposed.xml", NULL);
  g_autofree char *library = hl_test_library_in (dir);
  g_autoptr(HlTopicStore) store = NULL;

  hl_test_write_or_die (path,
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<health-topics total=\"1\" date-generated=\"01/02/2026 03:04:05\">\n"
                        "<health-topic title=\"Presio\xcc\x81n de prueba\" "
                        "url=\"https://medlineplus.gov/spanish/prueba.html\" id=\"77\" "
                        "language=\"Spanish\">\n"
                        "<full-summary>&lt;p&gt;La lo\xcc\x81gica del corazo\xcc\x81n.&lt;/p&gt;"
                        "</full-summary>\n"
                        "</health-topic>\n</health-topics>\n", -1);
  hl_test_import_or_die (path, library);
  store = hl_test_open_store (library);

  hl_test_assert_first_hit (store, "presión de prueba", "es", 77);
  hl_test_assert_first_hit (store, "presion", "es", 77);
  hl_test_assert_first_hit (store, "corazón", "es", 77);
  hl_test_assert_first_hit (store, "logica", "es", 77);
  hl_test_assert_first_hit (store, "corazo\xcc\x81n", "es", 77);
}

static void
test_search_prefix (HlStoreFixture *fixture,
                    gconstpointer   data)
{
  HlTopicStore *store = fixture->store;

  hl_test_assert_first_hit (store, "diab", "en", 4);
  hl_test_assert_first_hit (store, "Diab", "en", 4);
  hl_test_assert_first_hit (store, "acup", "en", 3071);
  hl_test_assert_first_hit (store, "acup", "es", 3072);
  hl_test_assert_first_hit (store, "abdom pa", "en", 3061);
  hl_test_assert_first_hit (store, "pa abdom", "en", 3061);
  hl_test_assert_first_hit (store, "dol abd", "es", 3062);
  hl_test_assert_first_hit (store, "caf", "es", 1793);
  hl_test_assert_first_hit (store, "caf", "en", 1456);
  hl_test_assert_first_hit (store, "tuber", "en", 990011);
  hl_test_assert_first_hit (store, "quiro", "es", 990006);

  /* Every word must be there. */
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "abdominal zzzzqqq", "en");

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }

  /* A prefix matches words that start with it, not words that contain it. */
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "iabetes", "en");

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }
}

static void
test_search_operators (HlStoreFixture *fixture,
                       gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  static const char *queries[] = {
    "AND", "OR", "NOT", "NEAR", "\"", "\"\"", "*", "**", "NEAR(", "NEAR(diabetes pain, 2)", "-",
    "(", ")", "()", "diabetes AND", "AND diabetes", "diabetes OR", "\"diab", "diab\"", "diab*",
    "title:diabetes", "synonyms:hba1c", "{title body}: pain", "^diab", "diabetes -pain",
    "diabetes NOT pain", "+", "::", "\\", "'", "%", "_", "a'b", "[x]", "x|y", "x&y", "<script>",
    "diab* OR x:", "rowid", "search", "\xe2\x80\x9c" "diabetes" "\xe2\x80\x9d", "\xc2\xbf" "dolor?",
    "\t\n\r", "\xff\xfe invalid", "\xc3", "a\xc3(b", "SELECT * FROM topics; --", "1=1", "0",
    "🙂", "東京", "-diabetes", "NOT", "diabetes NEAR/3 pain",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) hits = hl_topic_store_search (store, queries[i], "en", 20, &error);

      if (error != NULL)
        g_test_fail_printf ("“%s” failed: %s", queries[i], error->message);
      g_assert_nonnull (hits);
    }

  /* Operators are ordinary words, not syntax: they do not change what the
   * other words find. */
  hl_test_assert_same_hits (store, "diabetes", "\"diabetes\"", "en");
  hl_test_assert_same_hits (store, "diabetes", "diabetes*", "en");
  hl_test_assert_same_hits (store, "diabetes", "(diabetes)", "en");
  hl_test_assert_same_hits (store, "diabetes", "diabetes:", "en");
  hl_test_assert_same_hits (store, "diabetes pain", "diabetes -pain", "en");
  hl_test_assert_same_hits (store, "diabetes pain", "diabetes AND (pain)", "en");

  /* A very long query, and one of many words. */
  {
    g_autoptr(GString) query = g_string_new (NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) hits = NULL;

    for (guint i = 0; i < 2000; i++)
      g_string_append (query, "diabetes ");
    hits = hl_topic_store_search (store, query->str, "en", 20, &error);
    g_assert_no_error (error);
    g_assert_nonnull (hits);
    g_clear_object (&hits);

    g_string_assign (query, "");
    for (guint i = 0; i < 100000; i++)
      g_string_append_c (query, 'a');
    hits = hl_topic_store_search (store, query->str, "en", 20, &error);
    g_assert_no_error (error);
    g_assert_nonnull (hits);
  }
}

static void
test_search_empty (HlStoreFixture *fixture,
                   gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  static const char *queries[] = { "", " ", "   ", "\t\n", "!!!", "\"\"", "*", "--", "¿?", "…" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) hits = hl_topic_store_search (store, queries[i], "en", 0, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) hits = hl_topic_store_search (store, NULL, "en", 0, &error);

    g_assert_no_error (error);
    g_assert_nonnull (hits);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }

  /* A word nobody wrote. */
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "zzzzqqq", "en");

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }
}

static void
test_search_limit (HlStoreFixture *fixture,
                   gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = hl_test_search (store, "and", "en");
  g_autoptr(GListModel) three = hl_topic_store_search (store, "and", "en", 3, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (three), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (hl_test_hit_id (three, i), ==, hl_test_hit_id (all, i));
}

/* Everything but the marks is escaped text. */
static void
assert_snippet_html_is_text (const char *snippet)
{
  g_autoptr(GString) rest = g_string_new (snippet);

  g_string_replace (rest, "<mark>", "", 0);
  g_string_replace (rest, "</mark>", "", 0);
  g_assert_null (strchr (rest->str, '<'));
  g_assert_null (strchr (rest->str, '>'));
  g_assert_null (strchr (rest->str, '"'));
  g_assert_null (strchr (rest->str, '\''));
  g_assert_null (strchr (rest->str, '\x02'));
  g_assert_null (strchr (rest->str, '\x03'));
  g_assert_true (g_utf8_validate (snippet, -1, NULL));
}

static void
test_search_snippets (HlStoreFixture *fixture,
                      gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  static const char *queries[] = { "diabetes", "diab", "blood sugar", "dolor", "can't", "niños" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GListModel) hits = hl_test_search (store, queries[q], "en");
      guint marked = 0;

      g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);
          g_autofree char *html = hl_topic_ref_dup_snippet_html (ref);
          g_autofree char *text = hl_topic_ref_dup_snippet_text (ref);
          g_autofree char *markup = hl_topic_ref_dup_snippet_markup (ref);

          if (html == NULL)
            continue;
          g_assert_nonnull (text);
          g_assert_nonnull (markup);
          assert_snippet_html_is_text (html);
          g_assert_null (strchr (text, '\x02'));
          g_assert_null (strchr (text, '\x03'));
          g_assert_null (strstr (text, "<mark>"));

          if (strstr (html, "<mark>") != NULL)
            {
              marked++;
              g_assert_nonnull (strstr (html, "</mark>"));
              g_assert_nonnull (strstr (markup, "<b>"));
              g_assert_nonnull (strstr (markup, "</b>"));
            }
        }
      g_assert_cmpuint (marked, >, 0);
    }

  /* The first hit for "diabetes" shows the word marked. */
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "diabetes", "en");
    g_autoptr(HlTopicRef) first = g_list_model_get_item (hits, 0);
    g_autofree char *html = hl_topic_ref_dup_snippet_html (first);
    g_autofree char *text = hl_topic_ref_dup_snippet_text (first);
    g_autofree char *folded = NULL;

    g_assert_nonnull (html);
    g_assert_true (strstr (html, "<mark>diabetes</mark>") != NULL ||
                   strstr (html, "<mark>Diabetes</mark>") != NULL);
    folded = g_utf8_strdown (text, -1);
    g_assert_nonnull (strstr (folded, "diabetes"));
  }

  /* A prefix marks the whole word. */
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "diab", "en");
    g_autoptr(HlTopicRef) first = g_list_model_get_item (hits, 0);
    g_autofree char *html = hl_topic_ref_dup_snippet_html (first);

    g_assert_nonnull (html);
    g_assert_true (strstr (html, "<mark>diabetes</mark>") != NULL ||
                   strstr (html, "<mark>Diabetes</mark>") != NULL);
  }

  /* HlTopicRef made by hand. */
  {
    g_autoptr(HlTopicRef) ref = hl_topic_ref_new (7, "en", "T",
                                                  "a <b> & \x02" "c\"d" "\x03 'e'");
    g_autofree char *html = hl_topic_ref_dup_snippet_html (ref);
    g_autofree char *text = hl_topic_ref_dup_snippet_text (ref);
    g_autofree char *markup = hl_topic_ref_dup_snippet_markup (ref);
    g_autoptr(HlTopicRef) bare = hl_topic_ref_new (8, "es", "U", NULL);

    g_assert_cmpstr (html, ==, "a &lt;b&gt; &amp; <mark>c&quot;d</mark> &#39;e&#39;");
    g_assert_cmpstr (text, ==, "a <b> & c\"d 'e'");
    g_assert_nonnull (strstr (markup, "<b>c"));
    g_assert_nonnull (strstr (markup, "&lt;b&gt;"));
    g_assert_null (hl_topic_ref_dup_snippet_html (bare));
    g_assert_null (hl_topic_ref_dup_snippet_text (bare));
  }
}

/* Search: suggestions */

static void
assert_suggests (HlTopicStore *store,
                 const char   *query,
                 const char   *language,
                 const char   *expected)
{
  g_autoptr(GListModel) hits = hl_test_search (store, query, language);
  g_auto(GStrv) suggestions = hl_topic_store_suggest (store, query, language, 5, NULL);
  g_autofree char *joined = NULL;

  g_assert_nonnull (suggestions);
  joined = g_strjoinv (", ", suggestions);
  g_test_message ("“%s” (%s) → %s", query, language, joined);

  /* The misspelling finds nothing by itself. */
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);

  if (!g_strv_contains ((const char * const *) suggestions, expected))
    g_test_fail_printf ("“%s” (%s) does not suggest “%s” but “%s”", query, language, expected,
                        joined);
  g_assert_cmpuint (g_strv_length (suggestions), <=, 5);

  /* Every suggestion finds something. */
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GListModel) found = hl_test_search (store, suggestions[i], language);

      g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
      g_assert_cmpstr (suggestions[i], !=, query);
    }
}

static void
test_suggest (HlStoreFixture *fixture,
              gconstpointer   data)
{
  HlTopicStore *store = fixture->store;

  assert_suggests (store, "diabetis", "en", "diabetes");
  assert_suggests (store, "diabetis", "es", "diabetes");
  assert_suggests (store, "acupunture", "en", "acupuncture");
  assert_suggests (store, "acupunture", "es", "acupuntura");
  assert_suggests (store, "abdominl pain", "en", "abdominal pain");
  assert_suggests (store, "dolr", "es", "dolor");
  assert_suggests (store, "cafena", "es", "cafeína");
  assert_suggests (store, "tuberculsis", "en", "tuberculosis");
  assert_suggests (store, "osteoporsis", "en", "osteoporosis");

  /* The chosen language's spelling first. */
  {
    g_auto(GStrv) en = hl_topic_store_suggest (store, "acupunture", "en", 5, NULL);
    g_auto(GStrv) es = hl_topic_store_suggest (store, "acupunture", "es", 5, NULL);

    g_assert_cmpstr (en[0], ==, "acupuncture");
    g_assert_cmpstr (es[0], ==, "acupuntura");
  }

  /* At most as many as asked for. */
  {
    g_auto(GStrv) one = hl_topic_store_suggest (store, "acupunture", "en", 1, NULL);

    g_assert_cmpuint (g_strv_length (one), ==, 1);
  }

  /* Nothing to suggest for a word that is fine, or for noise. */
  {
    static const char *queries[] = { "diabetes", "zzzzqqq", "", "   ", "\"*(", "xy" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_auto(GStrv) none = hl_topic_store_suggest (store, queries[i], "en", 5, NULL);

        g_assert_nonnull (none);
        g_assert_cmpuint (g_strv_length (none), ==, 0);
      }
  }
}

/* Snippets read as text does: a whole sentence, or whole words of one with
 * "…" where it was cut; never a heading, a list's fragment or the line
 * naming the source ("NIH: …"), in either language. */
static void
test_search_snippets_are_sentences (HlStoreFixture *fixture,
                                    gconstpointer   data)
{
  HlTopicStore *store = fixture->store;
  static const struct { const char *query, *language; } queries[] = {
    { "diabetes", "en" }, { "diab", "en" }, { "pain", "en" }, { "kidney", "en" },
    { "institute", "en" }, { "what", "en" }, { "blood sugar", "en" }, { "genes", "en" },
    { "dolor", "es" }, { "niños", "es" }, { "centro", "es" }, { "nacional", "es" },
    { "que", "es" }, { "tos", "es" },
  };
  guint checked = 0;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GListModel) hits = hl_test_search (store, queries[q].query, queries[q].language);

      for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);
          g_autofree char *text = hl_topic_ref_dup_snippet_text (ref);
          gunichar first, last;
          const char *end;

          if (text == NULL)
            continue;
          checked++;

          g_assert_null (strstr (text, "NIH:"));
          g_assert_null (strchr (text, '\n'));
          /* Not one of the question headings ("What is diabetes?"). */
          g_assert_false (g_str_has_prefix (text, "What ") && g_str_has_suffix (text, "?"));
          g_assert_false (g_str_has_prefix (text, "¿Qué es") && g_str_has_suffix (text, "?"));

          /* It starts a sentence (capital, digit, ¿ ¡), or with "…" before
           * a whole word. */
          first = g_utf8_get_char (text);
          if (first == 0x2026)
            first = g_utf8_get_char (g_utf8_next_char (text));
          else if (!(g_unichar_isupper (first) || g_unichar_isdigit (first) || first == 0xBF ||
                     first == 0xA1 || first == '"'))
            g_error ("The snippet for “%s” starts mid-sentence: “%s”", queries[q].query, text);
          g_assert_true (g_unichar_isalnum (first) || first == 0xBF || first == 0xA1 ||
                         first == '"');

          /* It ends a sentence, or with "…" after a whole word. */
          end = g_utf8_find_prev_char (text, text + strlen (text));
          last = g_utf8_get_char (end);
          if (last == '"' || last == ')' || last == 0x201D)
            last = g_utf8_get_char (g_utf8_find_prev_char (text, end));
          if (!(last == '.' || last == '?' || last == '!' || last == ':' || last == 0x2026))
            g_error ("The snippet for “%s” is cut off: “%s”", queries[q].query, text);
        }
    }
  g_assert_cmpuint (checked, >=, 40);

  /* The word searched for is marked where a sentence has it, and only the
   * attribution names the kidneys: the hits for "kidney" show no mark. */
  {
    g_autoptr(GListModel) hits = hl_test_search (store, "kidney", "en");

    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(HlTopicRef) ref = g_list_model_get_item (hits, i);
        g_autofree char *html = hl_topic_ref_dup_snippet_html (ref);
        g_autofree char *text = hl_topic_ref_dup_snippet_text (ref);
        g_autofree char *folded = text ? g_utf8_strdown (text, -1) : NULL;

        if (html != NULL && strstr (html, "<mark>") != NULL)
          g_assert_nonnull (strstr (folded, "kidney"));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, file, func) \
  g_test_add ("/core/store/" path, HlStoreFixture, file, hl_store_fixture_set_up, func, \
              hl_store_fixture_tear_down)

  ADD ("search/title-first", NULL, test_search_title_first);
  ADD ("search/synonyms", NULL, test_search_synonyms);
  ADD ("search/language-first", NULL, test_search_language_first);
  ADD ("search/accents", NULL, test_search_accents);
  ADD ("search/decomposed", NULL, test_search_decomposed);
  g_test_add_func ("/core/store/search/decomposed-text", test_search_decomposed_text);
  ADD ("search/prefix", NULL, test_search_prefix);
  ADD ("search/operators", NULL, test_search_operators);
  ADD ("search/empty", NULL, test_search_empty);
  ADD ("search/limit", NULL, test_search_limit);
  ADD ("search/snippets", NULL, test_search_snippets);
  ADD ("search/snippets-are-sentences", NULL, test_search_snippets_are_sentences);
  ADD ("search/suggest", NULL, test_suggest);

#undef ADD

  return g_test_run ();
}
