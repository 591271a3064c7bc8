/* hl-clinic-directory-search.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The directory as people look clinics up: by town, and by the words they
 * type, in English or Spanish. */

#include "config.h"

#include <string.h>

#include "hl-clinic-directory.h"
#include "hl-text.h"

/* The words that ask for clinics as such, in both languages, folded:
 * "clinic", "clínicas"… Each query word of two letters or more matches the
 * words it starts ("clin" → "clinic"). */
static const char *clinic_words[] = {
  "clinic", "clinics", "clinica", "clinicas", NULL
};

static char *
sort_key (HlClinic *clinic)
{
  g_autofree char *city = hl_text_fold (hl_clinic_get_city (clinic));
  g_autofree char *name = hl_text_fold (hl_clinic_get_name (clinic));

  return g_strconcat (city ? city : "", "\x01", name ? name : "", NULL);
}

static int
compare_by_town (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  g_autofree char *ka = sort_key ((HlClinic *) a);
  g_autofree char *kb = sort_key ((HlClinic *) b);
  int order = g_utf8_collate (ka, kb);

  return order != 0 ? order : strcmp (ka, kb);
}

GListModel *
hl_clinic_directory_list_by_town (HlClinicDirectory *self)
{
  GListModel *clinics;
  GListStore *sorted;

  g_return_val_if_fail (HL_IS_CLINIC_DIRECTORY (self), NULL);

  clinics = hl_clinic_directory_get_clinics (self);
  sorted = g_list_store_new (HL_TYPE_CLINIC);
  for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
    {
      g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);

      g_list_store_append (sorted, clinic);
    }
  g_list_store_sort (sorted, compare_by_town, NULL);

  return G_LIST_MODEL (sorted);
}

/* Adds the folded words of @text to @words. */
static void
add_words (GPtrArray  *words,
           const char *text)
{
  g_autoptr(GPtrArray) split = text ? hl_text_split_words (text, 0) : NULL;

  for (guint i = 0; split != NULL && i < split->len; i++)
    g_ptr_array_add (words, hl_text_fold (g_ptr_array_index (split, i)));
}

static gboolean
word_matches (const char *folded_query_word,
              gboolean    prefix,
              const char *word)
{
  return prefix ? g_str_has_prefix (word, folded_query_word)
                : g_str_equal (word, folded_query_word);
}

/* Whether every word of the query is in the clinic's name, town, state or
 * services, or is a word for "clinic". */
static gboolean
clinic_matches (HlClinic  *clinic,
                GPtrArray *query)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char * const *services = hl_clinic_get_services (clinic);

  add_words (words, hl_clinic_get_name (clinic));
  add_words (words, hl_clinic_get_city (clinic));
  add_words (words, hl_clinic_get_state (clinic));
  for (guint i = 0; services != NULL && services[i] != NULL; i++)
    add_words (words, services[i]);
  for (guint i = 0; clinic_words[i] != NULL; i++)
    g_ptr_array_add (words, g_strdup (clinic_words[i]));

  for (guint q = 0; q < query->len; q++)
    {
      const char *query_word = g_ptr_array_index (query, q);
      gboolean prefix = g_utf8_strlen (query_word, -1) >= 2;
      gboolean found = FALSE;

      for (guint w = 0; w < words->len && !found; w++)
        found = word_matches (query_word, prefix, g_ptr_array_index (words, w));
      if (!found)
        return FALSE;
    }

  return TRUE;
}

GListModel *
hl_clinic_directory_search (HlClinicDirectory *self,
                            const char        *query)
{
  g_autoptr(GListModel) clinics = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GListStore *hits = g_list_store_new (HL_TYPE_CLINIC);

  g_return_val_if_fail (HL_IS_CLINIC_DIRECTORY (self), NULL);

  add_words (words, query);
  if (words->len == 0)
    return G_LIST_MODEL (hits);

  clinics = hl_clinic_directory_list_by_town (self);
  for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
    {
      g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);

      if (clinic_matches (clinic, words))
        g_list_store_append (hits, clinic);
    }

  return G_LIST_MODEL (hits);
}
