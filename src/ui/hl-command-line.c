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
#include "hl-handout.h"
#include "hl-medlineplus-importer.h"
#include "hl-page-renderer.h"
#include "hl-paths.h"
#include "hl-settings.h"
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

/* The home-clinic setting, as the app reads it for its pages and handouts;
 * NULL when the schema is not installed (a command run from a bare build
 * tree). */
static char *
dup_home_clinic (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, HL_SETTINGS_HOME_CLINIC))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, HL_SETTINGS_HOME_CLINIC);
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
  g_autofree char *home_clinic = NULL;
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
  /* The page as this computer's app would show and print it. */
  home_clinic = dup_home_clinic ();
  hl_page_renderer_set_home_clinic (renderer, home_clinic);
  html = hl_page_renderer_render_address (renderer, address, &error);
  if (html == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  fputs (html, stdout);
  return 0;
}

static void
print_clinic_ids (HlClinicDirectory *clinics)
{
  GListModel *list = hl_clinic_directory_get_clinics (clinics);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HlClinic) clinic = g_list_model_get_item (list, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", hl_clinic_get_id (clinic));
    }
  if (hl_clinic_directory_get_home_office (clinics) != NULL)
    g_string_append (ids, ", home-office");
  g_printerr (_("The clinics are: %s."), ids->str);
  g_printerr ("\n");
}

int
hl_command_line_handout (const char *uri,
                         const char *language,
                         gboolean    large_print,
                         const char *out_path,
                         const char *clinic_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlTopicStore) store = NULL;
  g_autoptr(HlClinicDirectory) clinics = NULL;
  g_autoptr(HlHandout) handout = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *home_clinic = NULL;
  HlHandoutLanguage mode = HL_HANDOUT_LANGUAGE_AS_CHOSEN;
  int id = hl_address_topic_id_of (uri);
  guint n_pages;

  if (id == 0)
    {
      g_printerr (_("“%s” is not a topic: use an address such as hl://topic/3061."), uri);
      g_printerr ("\n");
      return 1;
    }
  if (language != NULL && !hl_handout_parse_language (language, &mode))
    {
      g_printerr (_("Unknown language “%s”: use en, es or both."), language);
      g_printerr ("\n");
      return 1;
    }
  if (out_path == NULL)
    {
      g_printerr ("%s\n", _("--handout needs --out FILE.pdf: where to write the handout."));
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
      /* The handout is still useful without the directory's header. */
      g_printerr ("%s\n", error->message);
      g_clear_error (&error);
    }

  home_clinic = clinic_id != NULL ? g_strdup (clinic_id) : dup_home_clinic ();
  if (home_clinic != NULL && *home_clinic != '\0' &&
      (clinics == NULL || hl_clinic_directory_lookup (clinics, home_clinic) == NULL))
    {
      g_printerr (_("There is no clinic “%s” in the clinic directory."), home_clinic);
      g_printerr ("\n");
      if (clinics != NULL)
        print_clinic_ids (clinics);
      return 1;
    }

  handout = hl_handout_new (store, clinics);
  hl_handout_add_topic (handout, id);
  hl_handout_set_language (handout, mode);
  hl_handout_set_large_print (handout, large_print);
  hl_handout_set_home_clinic (handout, home_clinic);
  if (!hl_handout_layout (handout, HL_HANDOUT_LETTER_WIDTH, HL_HANDOUT_LETTER_HEIGHT, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (const char * const *note = hl_handout_get_notes (handout); *note != NULL; note++)
    g_printerr ("%s\n", *note);

  out = g_file_new_for_commandline_arg (out_path);
  if (!hl_handout_write_pdf (handout, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  n_pages = hl_handout_get_n_pages (handout);
  /* TRANSLATORS: "Wrote diabetes.pdf: 2 pages" */
  g_print (ngettext ("Wrote %s: %u page", "Wrote %s: %u pages", n_pages), out_path, n_pages);
  g_print ("\n");
  return 0;
}
