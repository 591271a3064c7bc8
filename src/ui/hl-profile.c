/* hl-profile.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hl-profile.h"

static gboolean enabled;
static double   start_offset_ms;   /* process start → hl_profile_init () */
static gint64   init_time;
static GHashTable *marked;

/* How long ago the kernel started this process: /proc/self/stat gives the
 * start time in clock ticks since boot. */
static double
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long long start_ticks = 0;
  struct timespec now;
  long hz = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || hz <= 0)
    return 0;

  /* The command name may contain spaces: fields count from its ")". */
  p = strrchr (stat, ')');
  if (p == NULL)
    return 0;
  for (int field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &start_ticks) != 1)
    return 0;

  clock_gettime (CLOCK_BOOTTIME, &now);
  return MAX (0.0, (now.tv_sec * 1000.0 + now.tv_nsec / 1e6) - start_ticks * 1000.0 / hz);
}

void
hl_profile_init (void)
{
  init_time = g_get_monotonic_time ();
  enabled = g_strcmp0 (g_getenv ("HEALTH_LIBRARY_PROFILE"), "1") == 0;
  if (enabled)
    {
      start_offset_ms = process_age_ms ();
      marked = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

gboolean
hl_profile_enabled (void)
{
  return enabled;
}

double
hl_profile_now_ms (void)
{
  return start_offset_ms + (g_get_monotonic_time () - init_time) / 1000.0;
}

void
hl_profile_mark (const char *name)
{
  if (!enabled || g_hash_table_contains (marked, name))
    return;

  g_hash_table_add (marked, (gpointer) name);
  printf ("profile: %s %.1f ms\n", name, hl_profile_now_ms ());
  fflush (stdout);
}
