/* hl-command-line-update.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "hl-command-line.h"
#include "hl-content-date.h"
#include "hl-page-builder.h"
#include "hl-paths.h"
#include "hl-settings.h"
#include "hl-text.h"
#include "hl-topic-store.h"
#include "hl-update-error.h"
#include "hl-updater.h"

/* --update and --rollback: the library's updates without a window, for a
 * person at a terminal or a scheduled job. */

typedef struct
{
  GMainLoop      *loop;
  HlUpdater      *updater;
  gboolean        tty;
  HlUpdatePhase   phase;
  int             last_percent;
  gboolean        ok;
  HlUpdateResult  outcome;
  GError         *error;
} Update;

/* The settings when the schema is installed: the commands also run from a
 * copy that was never installed. */
static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static char *
format_date (const char *date)
{
  return hl_page_format_date (date, hl_language_default ());
}

static void
clear_line (Update *update)
{
  if (update->tty)
    g_printerr ("\r\033[K");
}

static const char *
phase_text (Update *update)
{
  switch (update->phase)
    {
    case HL_UPDATE_PHASE_DOWNLOADING:
      return _("Downloading…");
    case HL_UPDATE_PHASE_IMPORTING:
      return _("Importing…");
    case HL_UPDATE_PHASE_CHECKING:
    case HL_UPDATE_PHASE_IDLE:
    default:
      return NULL;
    }
}

static void
phase_cb (Update *update)
{
  HlUpdatePhase phase = hl_updater_get_phase (update->updater);

  if (phase == update->phase)
    return;

  clear_line (update);
  update->phase = phase;
  update->last_percent = -1;

  if (phase == HL_UPDATE_PHASE_CHECKING)
    {
      /* TRANSLATORS: %s is a web address */
      g_printerr (_("Looking for the newest MedlinePlus file on %s…"),
                  hl_updater_get_url (update->updater));
      g_printerr ("\n");
    }
  else if (phase == HL_UPDATE_PHASE_DOWNLOADING)
    {
      /* TRANSLATORS: %s is a file name such as mplus_topics_2026-11-30.xml */
      g_printerr (_("Downloading %s"), hl_updater_get_file_name (update->updater));
      g_printerr ("\n");
    }
}

static void
fraction_cb (Update *update)
{
  int percent = (int) (hl_updater_get_fraction (update->updater) * 100);
  const char *text = phase_text (update);

  if (text == NULL || percent == update->last_percent)
    return;

  /* A terminal gets one updating line; a log gets a line every quarter. */
  if (update->tty)
    g_printerr ("\r%s %3d%%", text, percent);
  else if (percent / 25 > update->last_percent / 25 || update->last_percent < 0)
    g_printerr ("%s %d%%\n", text, percent);
  update->last_percent = percent;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Update *update = user_data;

  update->ok = hl_updater_run_finish (HL_UPDATER (source), result, &update->outcome,
                                      &update->error);
  g_main_loop_quit (update->loop);
}

int
hl_command_line_update (void)
{
  g_autoptr(GSettings) settings = open_settings ();
  g_autoptr(HlUpdater) updater = hl_updater_new (NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *date = NULL;
  Update update = { loop, updater, isatty (STDERR_FILENO), HL_UPDATE_PHASE_IDLE, -1 };

  if (settings != NULL)
    {
      g_autofree char *url = g_settings_get_string (settings, HL_SETTINGS_UPDATE_URL);
      hl_updater_set_url (updater, url);
    }

  g_signal_connect_swapped (updater, "notify::phase", G_CALLBACK (phase_cb), &update);
  g_signal_connect_swapped (updater, "notify::fraction", G_CALLBACK (fraction_cb), &update);
  hl_updater_run_async (updater, NULL, done_cb, &update);
  g_main_loop_run (loop);
  clear_line (&update);

  if (!update.ok)
    {
      /* TRANSLATORS: %s is why the update failed */
      g_printerr (_("%s The library was not changed."), update.error->message);
      g_printerr ("\n");
      g_error_free (update.error);
      return 1;
    }

  if (settings != NULL)
    {
      g_settings_set_int64 (settings, HL_SETTINGS_LAST_UPDATE_CHECK,
                            g_get_real_time () / G_USEC_PER_SEC);
      /* Written before the process ends. */
      g_settings_sync ();
    }

  date = format_date (hl_updater_get_offered_date (updater));
  if (update.outcome == HL_UPDATE_RESULT_UP_TO_DATE)
    {
      /* TRANSLATORS: %s is a date */
      g_print (_("The library is up to date: the newest MedlinePlus file is of %s."), date);
      g_print ("\n");
      return 0;
    }

  /* TRANSLATORS: "Updated the library to the MedlinePlus file of November 30, 2026: 1050
   * English and 1000 Spanish topics." */
  g_print (_("Updated the library to the MedlinePlus file of %s: %u English and %u Spanish "
             "topics."), date, hl_updater_get_n_topics (updater, "en"),
           hl_updater_get_n_topics (updater, "es"));
  g_print ("\n");
  return 0;
}

int
hl_command_line_rollback (void)
{
  g_autofree char *library = hl_paths_get_library_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopicStore) store = NULL;
  g_autofree char *content = NULL;
  g_autofree char *date = NULL;

  if (!hl_update_rollback (library, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  store = hl_topic_store_open (library, NULL);
  content = store ? hl_content_date_of_store (store) : NULL;
  if (content != NULL)
    {
      date = format_date (content);
      /* TRANSLATORS: %s is a date */
      g_print (_("Went back to the previous library, with content as of %s."), date);
    }
  else
    g_print ("%s", _("Went back to the previous library."));
  g_print (" %s\n", _("Run --rollback again to undo this."));
  return 0;
}
