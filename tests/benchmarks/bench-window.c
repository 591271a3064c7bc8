/* bench-window.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Figures of the real window on a full-size library: opening a topic from
 * the sidebar until the view finished loading it, and how long the UI is
 * blocked while a person types a search. Run under a display:
 *   xvfb-run -a dbus-run-session -- meson test -C build --benchmark --verbose */

#include "config.h"

#include <glib/gstdio.h>

#include "hl-topic-store.h"
#include "window-fixture.h"

/* The main loop is sampled this often while typing. */
#define PROBE_MS 2

static gint64 load_finished_at;

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_FINISHED)
    load_finished_at = g_get_monotonic_time ();
}

static gboolean
finished_after (gpointer data)
{
  return load_finished_at > *(gint64 *) data && webkit_web_view_get_title (web_view ()) != NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index;

  if (values->len == 0)
    return 0;

  g_array_sort (values, compare_doubles);
  index = MIN (values->len - 1, (guint) (p * values->len));
  return g_array_index (values, double, index);
}

static void
print_stats (const char *what,
             GArray     *values)
{
  g_print ("  %-34s n=%-4u p50 %7.2f  p95 %7.2f  max %7.2f ms\n", what, values->len,
           percentile (values, 0.5), percentile (values, 0.95), percentile (values, 1.0));
}

/* Opens the topics of the largest group from the sidebar, one by one. */
static void
bench_topic_open (void)
{
  HlTopicStore *store = hl_library_get_store (hl_application_get_library (fixture_app ()));
  g_autoptr(GListModel) groups = hl_topic_store_list_groups (store, "en", NULL);
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(HlGroup) largest = NULL;
  guint n;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(HlGroup) group = g_list_model_get_item (groups, i);

      if (largest == NULL || hl_group_get_topic_count (group) > hl_group_get_topic_count (largest))
        g_set_object (&largest, group);
    }

  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "win.home", NULL);
  wait_until (loaded, NULL, "the home page");
  activate_row (hl_group_get_name (largest));
  wait_for_page (hl_group_get_name (largest));

  topics = hl_topic_store_list_group_topics (store, hl_group_get_id (largest), "en", NULL);
  n = MIN (g_list_model_get_n_items (topics), 60);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HlTopicRef) topic = g_list_model_get_item (topics, i);
      gint64 start = g_get_monotonic_time ();
      double ms;

      activate_row (hl_topic_ref_get_title (topic));
      wait_until (finished_after, &start, hl_topic_ref_get_title (topic));
      ms = (load_finished_at - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_print ("Opening a topic from the sidebar (%s, %u topics), until the view finished loading it\n",
           hl_group_get_name (largest), n);
  print_stats ("row activated → load finished", times);
}

typedef struct
{
  gint64  last;
  GArray *stalls;
} Probe;

/* Fires every PROBE_MS; lateness is time the main loop could not run. */
static gboolean
probe_cb (gpointer data)
{
  Probe *probe = data;
  gint64 now = g_get_monotonic_time ();
  double late = (now - probe->last) / 1000.0 - PROBE_MS;

  g_array_append_val (probe->stalls, late);
  probe->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Types queries a letter at a time, at a brisk typist's pace, and measures
 * the search itself and how late the main loop runs meanwhile. */
static void
bench_typing (void)
{
  const char *queries[] = {
    "diabetes", "kidney stones", "presion arterial", "enfermedades del corazón",
    "chronic back pain", "dolor de cabeza", "skin", "nino", "heart failure", "vacuna",
  };
  GtkEditable *entry = GTK_EDITABLE (hl_window_get_search_entry (fixture_window ()));
  g_autoptr(GArray) searches = g_array_new (FALSE, FALSE, sizeof (double));
  Probe probe = { 0, g_array_new (FALSE, FALSE, sizeof (double)) };
  guint keys = 0;
  guint id;

  probe.last = g_get_monotonic_time ();
  id = g_timeout_add_full (G_PRIORITY_HIGH, PROBE_MS, probe_cb, &probe, NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *p = queries[q];

      gtk_editable_set_text (entry, "");
      while (*p != '\0')
        {
          const char *next = g_utf8_next_char (p);
          int position = -1;
          gint64 until;

          gtk_editable_insert_text (entry, p, next - p, &position);
          gtk_editable_set_position (entry, -1);
          p = next;
          keys++;

          /* About 8 keys a second; the entry searches after a short pause. */
          until = g_get_monotonic_time () + 120 * 1000;
          wait_until (time_passed, &until, "the next key");

          {
            double ms = hl_sidebar_get_last_search_ms (sidebar ());
            g_array_append_val (searches, ms);
          }
        }
    }

  g_source_remove (id);
  gtk_editable_set_text (entry, "");

  g_print ("Typing %u queries, %u keys at about 8 a second\n", (guint) G_N_ELEMENTS (queries), keys);
  print_stats ("search (query and result list)", searches);
  print_stats ("main loop late by", probe.stalls);
  g_print ("  one frame at 60 Hz is 16.7 ms: the UI was %s\n",
           percentile (probe.stalls, 1.0) < 16.7 ? "never blocked for a frame or more"
                                                 : "blocked for a frame or more at least once");
  g_array_unref (probe.stalls);
}

static char *
make_corpus (const char *dir)
{
  const char *tests = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *script = g_build_filename (tests ? tests : HL_BENCH_TESTS_DIR,
                                              "gen-corpus.py", NULL);
  char *out = g_build_filename (dir, "corpus.xml", NULL);
  const char *argv[] = { "python3", script, "--topics", "2050", "--out", out, "--quiet", NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Could not generate the corpus: %s", error->message);

  return out;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-window-XXXXXX", NULL);
  g_autofree char *corpus = argc > 1 ? g_strdup (argv[1]) : make_corpus (dir);

  window_fixture_start_with_library (corpus);
  g_print ("Library: %u topics\n",
           hl_topic_store_count_topics (hl_library_get_store (hl_application_get_library (fixture_app ())),
                                        NULL, NULL));

  g_signal_connect (web_view (), "load-changed", G_CALLBACK (load_changed_cb), NULL);

  bench_topic_open ();
  bench_typing ();

  window_fixture_stop ();
  if (argc <= 1)
    g_unlink (corpus);
  g_rmdir (dir);
  return 0;
}
