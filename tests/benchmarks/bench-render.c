/* bench-render.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Page rendering time: topic pages and the other kinds of page, through
 * hl_page_renderer_render(). */

#include <glib.h>
#include <string.h>

#include "hl-clinic-directory.h"
#include "hl-group.h"
#include "hl-page-renderer.h"
#include "hl-topic-store.h"

#include "bench-render.h"

#define PAGE_REPEATS           50
#define MAX_RENDERED_TOPICS    1000

/* ------------------------------------------------------------------------ */
/* Rendering */

static double
median_page_ms (HlPageRenderer *renderer,
                const char     *uri,
                gsize          *length)
{
  double times[PAGE_REPEATS];
  Stats stats;

  *length = 0;
  for (guint i = 0; i < PAGE_REPEATS; i++)
    {
      g_autoptr(GError) error = NULL;
      char *html;
      gint64 start;

      start = now_ns ();
      html = hl_page_renderer_render (renderer, uri, &error);
      times[i] = ms_since (start);
      if (html == NULL)
        {
          g_printerr ("rendering %s failed: %s\n", uri, error->message);
          return -1;
        }
      *length = strlen (html);
      g_free (html);
    }

  stats = compute_stats (times, PAGE_REPEATS);
  return stats.p50;
}

Stats
run_render_benchmark (HlTopicStore *store,
                      Material     *material,
                      const char   *search_word,
                      const char   *typo_word)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlClinicDirectory) clinics = hl_clinic_directory_new_default (&error);
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree double *times = NULL;
  guint n_topics = material->topic_ids->len;
  guint n_render;
  gsize total_bytes = 0;
  Stats stats;

  if (clinics == NULL)
    g_print ("  (no clinic directory: %s)\n", error->message);
  renderer = hl_page_renderer_new (store, clinics);

  /* Every topic when there are few, else an even spread over all of them. */
  n_render = n_topics <= MAX_RENDERED_TOPICS ? n_topics : MAX_RENDERED_TOPICS;
  for (guint i = 0; i < n_render; i++)
    {
      int id = g_array_index (material->topic_ids, int, (guint64) i * n_topics / n_render);

      g_array_append_val (ids, id);
    }
  times = g_new (double, MAX (ids->len, 1));

  /* Warm-up pass, untimed. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *uri = g_strdup_printf ("hl://topic/%d", g_array_index (ids, int, i));
      g_autofree char *html = hl_page_renderer_render (renderer, uri, NULL);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *uri = g_strdup_printf ("hl://topic/%d", g_array_index (ids, int, i));
      g_autoptr(GError) render_error = NULL;
      char *html;
      gint64 start;

      start = now_ns ();
      html = hl_page_renderer_render (renderer, uri, &render_error);
      times[i] = ms_since (start);
      if (html == NULL)
        g_printerr ("rendering %s failed: %s\n", uri, render_error->message);
      else
        total_bytes += strlen (html);
      g_free (html);
    }

  stats = compute_stats (times, ids->len);
  g_print ("Rendering (hl_page_renderer_render, with the clinic directory)\n");
  g_print ("  topic pages        n=%-4u (of %u topics)  p50 %6.3f  p95 %6.3f  p99 %6.3f  max %6.3f ms"
           "  (%.0f kB HTML on average)\n",
           stats.n, n_topics, stats.p50, stats.p95, stats.p99, stats.max,
           stats.n ? total_bytes / 1e3 / stats.n : 0);

  {
    g_autoptr(GListModel) groups = hl_topic_store_list_groups (store, "en", NULL);
    g_autofree char *escaped_word = g_uri_escape_string (search_word, NULL, TRUE);
    g_autofree char *escaped_typo = g_uri_escape_string (typo_word, NULL, TRUE);
    g_autofree char *group_uri = NULL;
    g_autofree char *search_uri = g_strdup_printf ("hl://search?q=%s&lang=en", escaped_word);
    g_autofree char *typo_uri = g_strdup_printf ("hl://search?q=%s&lang=en", escaped_typo);
    guint biggest = 0;
    int group_id = 0;
    const char *pages[6][2] = {
      { "home", "hl://home?lang=en" },
      { "group (largest)", NULL },
      { "index letter A", "hl://index/A?lang=en" },
      { "search page", search_uri },
      { "search, no hit", typo_uri },
      { NULL, NULL },
    };

    for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
      {
        g_autoptr(HlGroup) group = g_list_model_get_item (groups, i);

        if (hl_group_get_topic_count (group) > biggest)
          {
            biggest = hl_group_get_topic_count (group);
            group_id = hl_group_get_id (group);
          }
      }
    group_uri = g_strdup_printf ("hl://group/%d?lang=en", group_id);
    pages[1][1] = group_uri;

    for (guint i = 0; pages[i][0] != NULL; i++)
      {
        gsize length;
        double ms = median_page_ms (renderer, pages[i][1], &length);

        g_print ("  %-18s median of %d %6.3f ms  (%s, %.0f kB)\n", pages[i][0], PAGE_REPEATS,
                 ms, pages[i][1], length / 1e3);
      }
  }

  return stats;
}
