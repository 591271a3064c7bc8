/* bench-search.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Search latency: queries of every kind made from the library's own titles,
 * timed through hl_topic_store_search(). */

#include <glib.h>
#include <string.h>

#include "hl-text.h"
#include "hl-topic-ref.h"
#include "hl-topic-store.h"

#include "bench-search.h"

#define SEARCH_LIMIT           HL_SEARCH_LIST_LIMIT   /* what the search box asks for */
#define QUERY_SEED             20260101

/* ------------------------------------------------------------------------ */
/* Search queries, made from the library's own titles */

static const char * const kind_names[N_KINDS] = {
  "full title (en)",
  "title word",
  "prefix 2-4",
  "two words",
  "es with accents",
  "es accents folded",
  "upper case",
  "typo",
  "no hit",
  "one letter",
};

static void
query_clear (gpointer data)
{
  Query *query = data;

  g_free (query->text);
}

static const char * const languages[N_LANGS] = { "en", "es" };

void
material_clear (Material *material)
{
  for (guint l = 0; l < N_LANGS; l++)
    {
      g_clear_pointer (&material->titles[l], g_ptr_array_unref);
      g_clear_pointer (&material->words[l], g_ptr_array_unref);
    }
  g_clear_pointer (&material->accented, g_ptr_array_unref);
  g_clear_pointer (&material->typo_words, g_ptr_array_unref);
  g_clear_pointer (&material->topic_ids, g_array_unref);
}

/* The words of @text in lower case. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = hl_text_split_words (text, 0);

  for (guint i = 0; i < words->len; i++)
    {
      char *word = g_ptr_array_index (words, i);

      g_ptr_array_index (words, i) = g_utf8_strdown (word, -1);
      g_free (word);
    }

  return words;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
sorted_keys (GHashTable *set)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (array, g_strdup (key));
  /* Hash order is not stable: sort, so that the queries depend on the
   * library only. */
  g_ptr_array_sort (array, compare_strings);
  return array;
}

void
collect_material (HlTopicStore *store,
                  Material     *material)
{
  g_autoptr(GHashTable) accented = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) typo_words = g_hash_table_new (g_str_hash, g_str_equal);

  material->topic_ids = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint l = 0; l < N_LANGS; l++)
    {
      g_autoptr(GListModel) topics = hl_topic_store_list_topics_by_letter (store, languages[l], 0, NULL);
      g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint n = g_list_model_get_n_items (topics);

      material->titles[l] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (topics, i);
          g_autoptr(GPtrArray) title_words = split_words (hl_topic_ref_get_title (ref));
          int id = hl_topic_ref_get_id (ref);

          g_ptr_array_add (material->titles[l], g_strdup (hl_topic_ref_get_title (ref)));
          g_array_append_val (material->topic_ids, id);

          for (guint w = 0; w < title_words->len; w++)
            {
              char *word = g_ptr_array_index (title_words, w);

              if (g_utf8_strlen (word, -1) >= 3 && !g_hash_table_contains (words, word))
                g_hash_table_add (words, g_strdup (word));
            }
        }
      material->words[l] = sorted_keys (words);
    }

  for (guint i = 0; i < material->words[LANG_ES]->len; i++)
    {
      char *word = g_ptr_array_index (material->words[LANG_ES], i);

      if (!g_str_is_ascii (word))
        g_hash_table_add (accented, word);
    }
  for (guint l = 0; l < N_LANGS; l++)
    for (guint i = 0; i < material->words[l]->len; i++)
      {
        char *word = g_ptr_array_index (material->words[l], i);

        if (g_str_is_ascii (word) && strlen (word) >= 5)
          g_hash_table_add (typo_words, word);
      }
  material->accented = sorted_keys (accented);
  material->typo_words = sorted_keys (typo_words);
}

static const char *
pick (GPtrArray  *array,
      GRand      *rand,
      const char *fallback)
{
  if (array == NULL || array->len == 0)
    return fallback;
  return g_ptr_array_index (array, g_rand_int_range (rand, 0, array->len));
}

/* A made-up word, checked afterwards to find nothing. */
static char *
make_nonsense_word (GRand *rand)
{
  static const char consonants[] = "bcdfgjklmnpqrstvxz";
  static const char vowels[] = "aeiouy";
  GString *word = g_string_new ("q");

  for (guint i = 0; i < 7; i++)
    {
      if (i % 2 == 0)
        g_string_append_c (word, vowels[g_rand_int_range (rand, 0, sizeof vowels - 1)]);
      else
        g_string_append_c (word, consonants[g_rand_int_range (rand, 0, sizeof consonants - 1)]);
    }
  g_string_append_c (word, 'x');
  return g_string_free (word, FALSE);
}

static char *
make_query (Material   *material,
            QueryKind   kind,
            guint       lang,
            guint       round,
            GRand      *rand)
{
  if (kind == KIND_TITLE)
    return g_strdup (pick (material->titles[LANG_EN], rand, "health"));

  if (kind == KIND_WORD)
    return g_strdup (pick (material->words[lang], rand, "health"));

  if (kind == KIND_PREFIX)
    {
      const char *word = pick (material->words[lang], rand, "health");
      glong length = MIN (g_utf8_strlen (word, -1), 2 + (glong) (round % 3));

      return g_utf8_substring (word, 0, length);
    }

  if (kind == KIND_TWO_WORDS)
    {
      /* Half of them two neighbouring words of one title (found in titles),
       * half two words of different titles (found in summaries, if at all). */
      if (round % 2 == 0)
        {
          for (guint attempt = 0; attempt < 20; attempt++)
            {
              g_autoptr(GPtrArray) words = split_words (pick (material->titles[lang], rand, ""));

              if (words->len >= 2)
                {
                  guint first = g_rand_int_range (rand, 0, words->len - 1);

                  return g_strdup_printf ("%s %s", (char *) g_ptr_array_index (words, first),
                                          (char *) g_ptr_array_index (words, first + 1));
                }
            }
        }
      return g_strdup_printf ("%s %s", pick (material->words[lang], rand, "health"),
                              pick (material->words[lang], rand, "care"));
    }

  if (kind == KIND_ES_ACCENT)
    return g_strdup (pick (material->accented, rand, "presión"));

  if (kind == KIND_ES_FOLDED)
    return g_str_to_ascii (pick (material->accented, rand, "presión"), "C");

  if (kind == KIND_UPPER)
    {
      if (round % 2 == 0)
        return g_utf8_strup (pick (material->titles[lang], rand, "health"), -1);
      return g_utf8_strup (pick (material->words[lang], rand, "health"), -1);
    }

  if (kind == KIND_TYPO)
    {
      char *word = g_strdup (pick (material->typo_words, rand, "diabetes"));
      gsize length = strlen (word);
      gsize position = 1 + g_rand_int_range (rand, 0, length - 1);
      char c = g_ascii_tolower (word[position]);

      if (c >= 'a' && c <= 'z')
        word[position] = 'a' + (c - 'a' + g_rand_int_range (rand, 1, 26)) % 26;
      else
        word[position] = 'q';
      return word;
    }

  if (kind == KIND_NO_HIT)
    return make_nonsense_word (rand);

  if (kind == KIND_ONE_LETTER)
    return g_strdup_printf ("%c", 'a' + g_rand_int_range (rand, 0, 26));

  g_assert_not_reached ();
}

GArray *
build_queries (HlTopicStore *store,
               Material     *material,
               guint         n_queries)
{
  GArray *queries = g_array_sized_new (FALSE, TRUE, sizeof (Query), n_queries);
  g_autoptr(GRand) rand = g_rand_new_with_seed (QUERY_SEED);

  g_array_set_clear_func (queries, query_clear);

  for (guint i = 0; i < n_queries; i++)
    {
      guint round = i / N_KINDS;
      Query query = { 0 };

      query.kind = i % N_KINDS;
      /* Languages alternate query by query, and each kind gets both. */
      query.language = languages[(i + round) % N_LANGS];
      query.text = make_query (material, query.kind, (i + round) % N_LANGS, round, rand);

      if (query.kind == KIND_NO_HIT)
        {
          /* Make sure it really finds nothing. */
          for (guint attempt = 0; attempt < 50; attempt++)
            {
              g_autoptr(GListModel) hits = hl_topic_store_search (store, query.text, query.language,
                                                                  SEARCH_LIMIT, NULL);

              if (hits == NULL || g_list_model_get_n_items (hits) == 0)
                break;
              g_free (query.text);
              query.text = make_nonsense_word (rand);
            }
        }

      g_array_append_val (queries, query);
    }

  return queries;
}

static void
print_stats_line (const char  *label,
                  const Stats *stats,
                  double       mean_hits,
                  const Query *worst)
{
  g_print ("  %-18s n=%-4u hits %5.1f  p50 %6.3f  p95 %6.3f  p99 %6.3f  max %6.3f ms",
           label, stats->n, mean_hits, stats->p50, stats->p95, stats->p99, stats->max);
  if (worst != NULL)
    g_print ("  (slowest “%s”, %s)", worst->text, worst->language);
  g_print ("\n");
}

Stats
run_search_benchmark (HlTopicStore *store,
                      GArray       *queries,
                      Stats        *without_one_letter)
{
  g_autofree double *all = g_new (double, MAX (queries->len, 1));
  Stats stats;

  /* Warm-up: one untimed pass, which also counts the hits. */
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = &g_array_index (queries, Query, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) hits = hl_topic_store_search (store, query->text, query->language,
                                                          SEARCH_LIMIT, &error);

      if (hits == NULL)
        g_printerr ("search “%s” failed: %s\n", query->text, error->message);
      query->hits = hits ? g_list_model_get_n_items (hits) : 0;
    }

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = &g_array_index (queries, Query, i);
      GListModel *hits;
      gint64 start;

      start = now_ns ();
      hits = hl_topic_store_search (store, query->text, query->language, SEARCH_LIMIT, NULL);
      query->ms = ms_since (start);
      all[i] = query->ms;
      g_clear_object (&hits);
    }

  stats = compute_stats (all, queries->len);

  g_print ("Search (hl_topic_store_search, limit %d, snippets included; %u queries, "
           "en/es alternating, after one untimed pass)\n", SEARCH_LIMIT, queries->len);
  {
    double total_hits = 0;

    for (guint i = 0; i < queries->len; i++)
      total_hits += g_array_index (queries, Query, i).hits;
    print_stats_line ("all", &stats, queries->len ? total_hits / queries->len : 0, NULL);
  }

  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    double total_hits = 0;
    Stats rest;

    for (guint i = 0; i < queries->len; i++)
      {
        Query *query = &g_array_index (queries, Query, i);

        if (query->kind == KIND_ONE_LETTER)
          continue;
        g_array_append_val (times, query->ms);
        total_hits += query->hits;
      }
    rest = compute_stats ((double *) (void *) times->data, times->len);
    *without_one_letter = rest;
    print_stats_line ("all but one letter", &rest, times->len ? total_hits / times->len : 0, NULL);
  }

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      const Query *worst = NULL;
      double total_hits = 0;
      Stats kind_stats;

      for (guint i = 0; i < queries->len; i++)
        {
          Query *query = &g_array_index (queries, Query, i);

          if (query->kind != k)
            continue;
          g_array_append_val (times, query->ms);
          total_hits += query->hits;
          if (worst == NULL || query->ms > worst->ms)
            worst = query;
        }
      if (times->len == 0)
        continue;
      kind_stats = compute_stats ((double *) (void *) times->data, times->len);
      print_stats_line (kind_names[k], &kind_stats, total_hits / times->len, worst);
    }

  /* The slowest queries say where the time goes. */
  {
    g_autofree guint *order = g_new (guint, MAX (queries->len, 1));

    for (guint i = 0; i < queries->len; i++)
      order[i] = i;
    for (guint i = 0; i < queries->len && i < 5; i++)
      {
        guint worst = i;

        for (guint j = i + 1; j < queries->len; j++)
          if (g_array_index (queries, Query, order[j]).ms > g_array_index (queries, Query, order[worst]).ms)
            worst = j;
        {
          guint swap = order[i];
          order[i] = order[worst];
          order[worst] = swap;
        }
      }
    g_print ("  slowest:");
    for (guint i = 0; i < queries->len && i < 5; i++)
      {
        Query *query = &g_array_index (queries, Query, order[i]);

        g_print ("%s “%s” (%s, %u hits) %.3f ms", i ? "," : "", query->text,
                 query->language, query->hits, query->ms);
      }
    g_print ("\n");
  }

  return stats;
}
