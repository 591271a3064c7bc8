/* bench-kiosk.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Endurance of the waiting-room kiosk: the real window in kiosk mode on a
 * full-size library loads 5,000 pages (a group, a topic, a search, Back, and
 * again), with a start over every 50, as a day of patients would; every 500
 * loads it prints the resident memory of the UI process and of the web
 * processes. The UI process must end within 10 % of where it was after the
 * first 500 loads: the ratio is printed, and the run exits 1 when it is
 * over. Run under a display:
 *   xvfb-run -a dbus-run-session -- meson test -C build --benchmark --verbose bench-kiosk */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-kiosk-address.h"
#include "hl-settings.h"
#include "hl-topic-store.h"
#include "kiosk-fixture.h"

#define LOADS          5000
#define START_OVER_AT  50
#define REPORT_AT      500
#define LIMIT          1.10

static guint finished;

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_FINISHED)
    finished++;
}

static gboolean
finished_after (gpointer data)
{
  return finished > GPOINTER_TO_UINT (data) && !webkit_web_view_is_loading (web_view ());
}

static gboolean
fresh_start (gpointer data)
{
  return kiosk_shows ("kiosk-home") && !webkit_web_view_is_loading (web_view ()) &&
         hl_kiosk_address_is_home (webkit_web_view_get_uri (web_view ())) &&
         !webkit_web_view_can_go_back (web_view ()) && !webkit_web_view_can_go_forward (web_view ());
}

static gboolean
kiosk_ready (gpointer data)
{
  return hl_kiosk_controller_get_ready (kiosk_controller ()) && fresh_start (NULL);
}

/* Resident memory in kB, from /proc. */
static guint64
rss_of (int pid)
{
  g_autofree char *path = pid ? g_strdup_printf ("/proc/%d/status", pid)
                              : g_strdup ("/proc/self/status");
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return 0;
  line = strstr (status, "\nVmRSS:");
  return line ? g_ascii_strtoull (line + strlen ("\nVmRSS:"), NULL, 10) : 0;
}

static guint64
web_rss (guint *n)
{
  g_autoptr(GArray) pids = web_process_pids ();
  guint64 total = 0;

  for (guint i = 0; i < pids->len; i++)
    total += rss_of (g_array_index (pids, int, i));
  *n = pids->len;
  return total;
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

/* Every page a day of patients reaches: the groups' pages and the topics in
 * them, in both languages. */
static void
collect_pages (GPtrArray *groups,
               GPtrArray *topics)
{
  HlTopicStore *store = hl_library_get_store (hl_application_get_library (fixture_app ()));
  const char *languages[] = { "en", "es" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) list = hl_topic_store_list_groups (store, languages[l], NULL);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(HlGroup) group = g_list_model_get_item (list, i);
          g_autoptr(GListModel) in_group = NULL;

          if (hl_group_get_topic_count (group) == 0)
            continue;
          g_ptr_array_add (groups, hl_group_dup_uri (group));
          in_group = hl_topic_store_list_group_topics (store, hl_group_get_id (group),
                                                       languages[l], NULL);
          for (guint t = 0; t < g_list_model_get_n_items (in_group) && t < 20; t++)
            {
              g_autoptr(HlTopicRef) topic = g_list_model_get_item (in_group, t);

              g_ptr_array_add (topics, hl_topic_ref_dup_uri (topic));
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *words[] = { "diabetes", "heart", "presion", "dolor", "cancer", "vacuna", "skin",
                          "asthma", "sueño", "kidney" };
  g_autofree char *dir = g_dir_make_tmp ("bench-kiosk-XXXXXX", NULL);
  g_autofree char *corpus = argc > 1 ? g_strdup (argv[1]) : make_corpus (dir);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSettings) settings = NULL;
  guint64 ui_first = 0, ui_last = 0, web_first = 0, web_last = 0;
  guint since_start_over = 0, start_overs = 0;
  gint64 started;
  double ratio;

  g_test_init (&argc, &argv, NULL);

  /* A kiosk that never starts over by itself: the benchmark does, every 50
   * loads. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, HL_SETTINGS_KIOSK_MODE, TRUE);
  g_settings_set_uint (settings, HL_SETTINGS_KIOSK_IDLE_SECONDS, 86400);

  /* The library is imported by the app's own command, in a process of its
   * own: the memory figures are the window's alone. */
  window_fixture_prepare_home ();
  run_app_binary ((const char *[]) { "--import", corpus, NULL });
  window_fixture_start ();
  wait_until (kiosk_ready, NULL, "the kiosk home");
  g_signal_connect (web_view (), "load-changed", G_CALLBACK (load_changed_cb), NULL);
  collect_pages (groups, topics);

  g_print ("Kiosk endurance: %u page loads (a group, a topic, a search, Back), a start over "
           "every %u\n", LOADS, START_OVER_AT);
  g_print ("Library: %u topics; %u group pages and %u topic pages in turn\n",
           hl_topic_store_count_topics (hl_library_get_store (hl_application_get_library (fixture_app ())),
                                        NULL, NULL),
           groups->len, topics->len);
  g_print ("  %6s  %12s  %12s  %s\n", "loads", "UI RSS", "web RSS", "web processes");
  {
    guint n = 0;
    guint64 web = web_rss (&n);

    g_print ("  %6u  %9.1f MB  %9.1f MB  %u\n", 0, rss_of (0) / 1024.0, web / 1024.0, n);
  }

  started = g_get_monotonic_time ();
  for (guint i = 1; i <= LOADS; i++)
    {
      guint before = finished;
      g_autofree char *uri = NULL;

      switch (since_start_over % 4)
        {
        case 0:
          uri = g_strdup (groups->pdata[i % groups->len]);
          break;
        case 1:
          uri = g_strdup (topics->pdata[(i * 7) % topics->len]);
          break;
        case 2:
          uri = hl_kiosk_address_for_search (words[i % G_N_ELEMENTS (words)], i % 3 ? "en" : "es");
          break;
        default:
          break;
        }

      if (uri != NULL)
        hl_window_open_uri (fixture_window (), uri);
      else
        webkit_web_view_go_back (web_view ());
      wait_until (finished_after, GUINT_TO_POINTER (before), "the page to load");
      since_start_over++;

      if (i % START_OVER_AT == 0)
        {
          hl_kiosk_start_over (kiosk ());
          wait_until (fresh_start, NULL, "the start over");
          since_start_over = 0;
          start_overs++;
        }

      if (i % REPORT_AT == 0)
        {
          guint n = 0;
          guint64 ui = rss_of (0);
          guint64 web = web_rss (&n);

          if (i == REPORT_AT)
            {
              ui_first = ui;
              web_first = web;
            }
          ui_last = ui;
          web_last = web;
          g_print ("  %6u  %9.1f MB  %9.1f MB  %u\n", i, ui / 1024.0, web / 1024.0, n);
        }
    }

  ratio = (double) ui_last / ui_first;
  g_print ("%u loads and %u start overs in %.0f s\n", LOADS, start_overs,
           (g_get_monotonic_time () - started) / 1e6);
  g_print ("UI process: %.1f MB after %u loads, %.1f MB after %u: %.3f× (limit %.2f×): %s\n",
           ui_first / 1024.0, REPORT_AT, ui_last / 1024.0, LOADS, ratio, LIMIT,
           ratio <= LIMIT ? "within 10 %" : "OVER");
  g_print ("Web processes: %.1f MB after %u loads, %.1f MB after %u: %.3f×\n",
           web_first / 1024.0, REPORT_AT, web_last / 1024.0, LOADS,
           web_first ? (double) web_last / web_first : 0);

  window_fixture_stop ();
  if (argc <= 1)
    g_unlink (corpus);
  g_rmdir (dir);
  return ratio <= LIMIT ? 0 : 1;
}
