/* bench-endurance.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Weeks of use in a few minutes: 10,000 page loads through the real window
 * on a full-size library (topics and groups from the sidebar and from
 * links, searches typed in the search box, back and forward, home, the
 * index), printing the memory of the UI process and of the web process
 * every 1,000. A kiosk runs for weeks: what matters is that memory levels
 * off after the first thousand pages. A benchmark, not a test: it prints
 * figures and fails nothing. Run under a display:
 *   xvfb-run -a dbus-run-session -- meson test -C build --benchmark --verbose bench-endurance
 * or by hand with the number of loads and, optionally, a corpus:
 *   build/tests/benchmarks/bench-endurance [LOADS [CORPUS]] */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hl-address.h"
#include "hl-topic-store.h"
#include "window-fixture.h"

#define DEFAULT_LOADS 10000
#define REPORT_EVERY  1000

static guint n_finished;

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_FINISHED)
    n_finished++;
}

static gboolean
finished_since (gpointer data)
{
  return n_finished > GPOINTER_TO_UINT (data) && !webkit_web_view_is_loading (web_view ()) &&
         webkit_web_view_get_title (web_view ()) != NULL;
}

/* A field of /proc/PID/status ("VmRSS"), in KiB; 0 if there is none. */
static guint64
status_kib (int         pid,
            const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *contents = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  line = strstr (contents, key);
  return line ? g_ascii_strtoull (line + strlen (key), NULL, 10) : 0;
}

static int
parent_of (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *contents = NULL;
  const char *end;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  /* "pid (comm) state ppid …": comm may hold spaces and parentheses. */
  end = strrchr (contents, ')');
  return end ? atoi (end + 3) : -1;
}

static gboolean
descends_from_us (int pid)
{
  for (int i = 0; i < 16 && pid > 1; i++)
    {
      pid = parent_of (pid);
      if (pid == getpid ())
        return TRUE;
    }
  return FALSE;
}

/* The resident memory of our processes named @comm (WebKit's web process is
 * "WebKitWebProces" to the kernel, which keeps 15 characters). */
static guint64
children_rss_kib (const char *comm)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint64 total = 0;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      int pid = atoi (name);

      if (pid <= 0)
        continue;
      path = g_strdup_printf ("/proc/%d/comm", pid);
      if (!g_file_get_contents (path, &contents, NULL, NULL) || !g_str_has_prefix (contents, comm))
        continue;
      if (descends_from_us (pid))
        total += status_kib (pid, "VmRSS");
    }

  return total;
}

typedef struct
{
  guint   loads;
  double  seconds;
  guint64 ui_kib;
  guint64 web_kib;
  guint64 network_kib;
} Sample;

static Sample
sample (guint  loads,
        gint64 start)
{
  Sample s = {
    loads, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
    status_kib (getpid (), "VmRSS"), children_rss_kib ("WebKitWebProces"),
    children_rss_kib ("WebKitNetworkPr"),
  };

  g_print ("  %6u  %7.1f s  %8.1f MB  %8.1f MB  %8.1f MB\n", s.loads, s.seconds, s.ui_kib / 1024.0,
           s.web_kib / 1024.0, s.network_kib / 1024.0);
  return s;
}

/* What the next load is, in a cycle of ten that uses every way of moving. */
typedef struct
{
  GPtrArray *topics;   /* HlTopicRef, both languages */
  GPtrArray *groups;   /* HlGroup, English */
  guint      next_topic;
  guint      next_group;
} Plan;

/* Words the generated corpus has, in both languages, accents left out. */
static const char *queries[] = {
  "kidney", "heart disease", "corazon", "dolor", "diab", "skin", "infecciones", "pain",
  "lung cancer", "nino", "bone", "sangre", "higado", "enfermedades",
};

static HlTopicRef *
next_topic (Plan *plan)
{
  return g_ptr_array_index (plan->topics, plan->next_topic++ % plan->topics->len);
}

/* The sidebar shows @data ("search" or "group") and its first rows. */
static gboolean
rows_shown (gpointer data)
{
  return g_strcmp0 (hl_sidebar_get_mode (sidebar ()), data) == 0 &&
         gtk_list_box_get_row_at_index (hl_sidebar_get_visible_list (sidebar ()), 0) != NULL;
}

static void
search_and_open (guint i)
{
  GtkEditable *entry = GTK_EDITABLE (hl_window_get_search_entry (fixture_window ()));
  GtkListBox *list;
  guint before = n_finished;

  gtk_editable_set_text (entry, queries[i % G_N_ELEMENTS (queries)]);
  /* The results follow the typing; the first is opened as a click would. */
  wait_until (rows_shown, (gpointer) "search", "search results");
  list = hl_sidebar_get_visible_list (sidebar ());
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  wait_until (finished_since, GUINT_TO_POINTER (before), "the search hit");
  gtk_editable_set_text (entry, "");
}

static void
load_one (Plan  *plan,
          guint  i)
{
  HlWindow *window = fixture_window ();
  guint before = n_finished;

  switch (i % 10)
    {
    case 0: /* a group, as a link would open it */
      {
        HlGroup *group = g_ptr_array_index (plan->groups, plan->next_group++ % plan->groups->len);
        g_autofree char *uri = hl_group_dup_uri (group);

        hl_window_open_uri (window, uri);
      }
      break;

    case 1: /* a topic of that group, from the sidebar */
      {
        GtkListBox *list;
        GtkListBoxRow *row;

        wait_until (rows_shown, (gpointer) "group", "the group's topics");
        list = hl_sidebar_get_visible_list (sidebar ());
        row = gtk_list_box_get_row_at_index (list, (i / 10) % 3);
        if (row == NULL)
          row = gtk_list_box_get_row_at_index (list, 0);
        g_signal_emit_by_name (list, "row-activated", row);
      }
      break;

    case 2: /* a topic, from a link */
    case 6:
      {
        g_autofree char *uri = hl_topic_ref_dup_uri (next_topic (plan));

        hl_window_open_uri (window, uri);
      }
      break;

    case 3: /* a search, typed, and its best hit */
    case 8:
      search_and_open (i / 5);
      return;

    case 4:
    case 7:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
      break;

    case 5:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
      break;

    case 9:
    default:
      gtk_widget_activate_action (GTK_WIDGET (window), (i / 10) % 2 ? "win.home" : "win.index",
                                  NULL);
      break;
    }

  wait_until (finished_since, GUINT_TO_POINTER (before), "the page");
}

static char *
make_corpus (const char *dir)
{
  g_autofree char *script = g_build_filename (HL_BENCH_TESTS_DIR, "gen-corpus.py", NULL);
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

static void
add_topics (Plan         *plan,
            HlTopicStore *store,
            const char   *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = hl_topic_store_list_topics_by_letter (store, language, 0, &error);

  if (list == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (plan->topics, g_list_model_get_item (list, i));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-endurance-XXXXXX", NULL);
  guint loads = argc > 1 ? (guint) atoi (argv[1]) : DEFAULT_LOADS;
  g_autofree char *corpus = argc > 2 ? g_strdup (argv[2]) : make_corpus (dir);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  g_autoptr(GError) error = NULL;
  Plan plan = { g_ptr_array_new_with_free_func (g_object_unref),
                g_ptr_array_new_with_free_func (g_object_unref), 0, 0 };
  g_autoptr(GListModel) groups = NULL;
  HlTopicStore *store;
  gint64 start;

  window_fixture_start_with_library (corpus);
  store = hl_library_get_store (hl_application_get_library (fixture_app ()));
  add_topics (&plan, store, "en");
  add_topics (&plan, store, "es");
  groups = hl_topic_store_list_groups (store, "en", &error);
  if (groups == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    g_ptr_array_add (plan.groups, g_list_model_get_item (groups, i));

  g_signal_connect (web_view (), "load-changed", G_CALLBACK (load_changed_cb), NULL);

  g_print ("Endurance: %u page loads through the window, on %u topics and %u groups\n", loads,
           plan.topics->len, plan.groups->len);
  g_print ("   loads     time       UI RSS   web RSS   network RSS\n");
  start = g_get_monotonic_time ();
  {
    Sample s = sample (0, start);
    g_array_append_val (samples, s);
  }
  for (guint i = 1; i <= loads; i++)
    {
      load_one (&plan, i - 1);
      if (i % REPORT_EVERY == 0 || i == loads)
        {
          Sample s = sample (i, start);
          g_array_append_val (samples, s);
        }
    }

  /* Growth after the first thousand loads, against that point. */
  if (samples->len >= 3)
    {
      Sample *first = &g_array_index (samples, Sample, 1);
      Sample *last = &g_array_index (samples, Sample, samples->len - 1);
      double ui = 100.0 * ((double) last->ui_kib / first->ui_kib - 1.0);
      double web = first->web_kib ? 100.0 * ((double) last->web_kib / first->web_kib - 1.0) : 0;

      g_print ("Growth from load %u to load %u: UI %+.1f %% (ratio %.3f), web process %+.1f %% "
               "(ratio %.3f); target under 10 %%\n",
               first->loads, last->loads, ui, (double) last->ui_kib / first->ui_kib, web,
               first->web_kib ? (double) last->web_kib / first->web_kib : 0);
      g_print ("Peak UI memory (VmHWM): %.1f MB; %.1f ms a load on average\n",
               status_kib (getpid (), "VmHWM") / 1024.0, 1000.0 * last->seconds / last->loads);
    }

  g_ptr_array_unref (plan.topics);
  g_ptr_array_unref (plan.groups);
  window_fixture_stop ();
  if (argc <= 2)
    g_unlink (corpus);
  g_rmdir (dir);
  return 0;
}
