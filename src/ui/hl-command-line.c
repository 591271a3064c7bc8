/* hl-command-line.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "hl-address.h"
#include "hl-clinic-directory.h"
#include "hl-error.h"
#include "hl-medlineplus-importer.h"
#include "hl-page-renderer.h"
#include "hl-paths.h"
#include "hl-topic-store.h"

#include "hl-command-line.h"

typedef struct
{
  gboolean tty;
  int      last_percent;
} Progress;

static void
print_progress (double   fraction,
                gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int) (fraction * 100);

  /* A terminal gets one updating line; a log gets a line every quarter. */
  if (progress->tty)
    {
      g_printerr ("\r%s %3d%%", _("Importing…"), percent);
      progress->last_percent = percent;
    }
  else if (percent / 25 > progress->last_percent / 25)
    {
      g_printerr ("%s %d%%\n", _("Importing…"), percent);
      progress->last_percent = percent;
    }
}

static gboolean
run_import (const char  *topics_path,
            const char  *groups_path,
            gboolean     quiet,
            GError     **error)
{
  g_autoptr(HlMedlinePlusImporter) importer = hl_medlineplus_importer_new (topics_path);
  Progress progress = { isatty (STDERR_FILENO), 0 };
  gboolean ok;

  if (groups_path != NULL)
    hl_medlineplus_importer_set_groups_path (importer, groups_path);
  if (!quiet)
    hl_medlineplus_importer_set_progress_func (importer, print_progress, &progress, NULL);

  ok = hl_medlineplus_importer_run (importer, NULL, error);
  if (progress.tty && !quiet)
    g_printerr ("\r\033[K");

  if (ok && !quiet)
    {
      guint n_en = hl_medlineplus_importer_get_n_topics (importer, "en");
      guint n_es = hl_medlineplus_importer_get_n_topics (importer, "es");
      guint n_groups = hl_medlineplus_importer_get_n_groups (importer);
      g_autofree char *english = g_strdup_printf (ngettext ("%u English topic",
                                                            "%u English topics", n_en), n_en);
      g_autofree char *spanish = g_strdup_printf (ngettext ("%u Spanish topic",
                                                            "%u Spanish topics", n_es), n_es);
      g_autofree char *groups = g_strdup_printf (ngettext ("%u group", "%u groups", n_groups),
                                                 n_groups);

      /* TRANSLATORS: "Imported 39 English topics, 17 Spanish topics and 33 groups in 0.05 s" */
      g_print (_("Imported %s, %s and %s in %.2f s"), english, spanish, groups,
               hl_medlineplus_importer_get_seconds (importer));
      g_print ("\n");
    }

  return ok;
}

int
hl_command_line_import (const char *topics_path,
                        const char *groups_path)
{
  g_autoptr(GError) error = NULL;

  if (!run_import (topics_path, groups_path, FALSE, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

/* Opens the library, first importing the bundled sample when there is none,
 * as the app does on its first start. */
static HlTopicStore *
open_store (GError **error)
{
  g_autofree char *path = hl_paths_get_library_path ();
  g_autoptr(GError) local_error = NULL;
  HlTopicStore *store;
  g_autofree char *starter = NULL;

  store = hl_topic_store_open (path, &local_error);
  if (store != NULL || !g_error_matches (local_error, HL_ERROR, HL_ERROR_NO_LIBRARY))
    {
      if (store == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return store;
    }

  starter = hl_paths_find_starter_topics ();
  if (starter == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_NO_LIBRARY,
                   _("There is no library yet. Import one with: health-library --import FILE"));
      return NULL;
    }

  g_printerr ("%s\n", _("Setting up the bundled sample library…"));
  if (!run_import (starter, NULL, TRUE, error))
    return NULL;

  return hl_topic_store_open (path, error);
}

int
hl_command_line_search (const char *query,
                        const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopicStore) store = open_store (&error);
  g_autoptr(GListModel) hits = NULL;
  guint n;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  hits = hl_topic_store_search (store, query, language, 0, &error);
  if (hits == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  n = g_list_model_get_n_items (hits);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HlTopicRef) hit = g_list_model_get_item (hits, i);

      g_print ("%d\t%s\t%s\n", hl_topic_ref_get_id (hit), hl_topic_ref_get_language (hit),
               hl_topic_ref_get_title (hit));
    }

  return 0;
}

int
hl_command_line_page (const char *uri,
                      const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlAddress) address = hl_address_parse (uri, &error);
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlClinicDirectory) clinics = NULL;
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autofree char *html = NULL;

  if (address == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  store = open_store (&error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  clinics = hl_clinic_directory_new_default (&error);
  if (clinics == NULL)
    {
      /* Pages are still useful without the directory. */
      g_printerr ("%s\n", error->message);
      g_clear_error (&error);
    }

  renderer = hl_page_renderer_new (store, clinics);
  hl_page_renderer_set_language (renderer, language);
  html = hl_page_renderer_render_address (renderer, address, &error);
  if (html == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  fputs (html, stdout);
  return 0;
}
