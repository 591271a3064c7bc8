/* hl-application.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "hl-app-settings.h"
#include "hl-address.h"
#include "hl-application.h"
#include "hl-command-line.h"
#include "hl-kiosk.h"
#include "hl-page-scheme.h"
#include "hl-popover-guard.h"
#include "hl-preferences-window.h"
#include "hl-profile.h"
#include "hl-resources.h"
#include "hl-settings.h"
#include "hl-topic.h"
#include "hl-update-controller.h"
#include "hl-window.h"

struct _HlApplication
{
  AdwApplication     parent_instance;

  GSettings         *settings;
  HlLibrary         *library;
  HlClinicDirectory *clinics;
  HlPageRenderer    *renderer;
  HlLockdown        *lockdown;
  HlImportJob       *import_job;
  HlUserSession     *user_session;
  HlUpdateController *updates;
  HlKiosk           *kiosk;
  gboolean           kiosk_forced;   /* --kiosk */
};

G_DEFINE_FINAL_TYPE (HlApplication, hl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a MedlinePlus health-topic XML file (or its ZIP) as the library"), N_("FILE") },
  { "groups", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --import: the MedlinePlus topic-group file to use"), N_("FILE") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Search the library and print the hits: ID, language and title"), N_("QUERY") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The content language for --search and --page: en or es; for --handout also both"),
    N_("LANGUAGE") },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the HTML of a page, such as hl://topic/3061"), N_("URI") },
  { "handout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write a patient handout of a topic as PDF, such as hl://topic/3061 (with --out)"),
    N_("URI") },
  { "out", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --handout: the PDF file to write"), N_("FILE") },
  { "large-print", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --handout: large print"), NULL },
  { "clinic", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --handout: the clinic on its header (default: the home-clinic setting)"),
    N_("ID") },
  { "update", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Bring the library up to the newest MedlinePlus file, from the update address in the "
       "settings"), NULL },
  { "rollback", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Go back to the library that the last update or import replaced"), NULL },
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run as a waiting-room kiosk: full screen, nothing kept of one patient for the next"),
    NULL },
  { "hash-kiosk-code", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Read a kiosk unlock code from standard input and print its salted hash, the value of "
       "the kiosk-unlock-code setting"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

/* Commands run here, in the process that was started, before any window or
 * display is needed; returning -1 goes on to start the app. */
static int
hl_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  HlApplication *self = HL_APPLICATION (application);
  const char *import_path = NULL;
  const char *groups_path = NULL;
  const char *query = NULL;
  const char *language = NULL;
  const char *page = NULL;
  const char *handout = NULL;
  const char *out_path = NULL;
  const char *clinic = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "hash-kiosk-code"))
    return hl_command_line_hash_kiosk_code ();
  self->kiosk_forced = g_variant_dict_contains (options, "kiosk");

  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "groups", "^&ay", &groups_path);
  g_variant_dict_lookup (options, "search", "&s", &query);
  g_variant_dict_lookup (options, "language", "&s", &language);
  g_variant_dict_lookup (options, "page", "&s", &page);
  g_variant_dict_lookup (options, "handout", "&s", &handout);
  g_variant_dict_lookup (options, "out", "^&ay", &out_path);
  g_variant_dict_lookup (options, "clinic", "&s", &clinic);

  if (handout != NULL)
    return hl_command_line_handout (handout, language,
                                    g_variant_dict_contains (options, "large-print"), out_path,
                                    clinic);
  if (out_path != NULL || clinic != NULL || g_variant_dict_contains (options, "large-print"))
    {
      g_printerr ("%s\n", _("--out, --large-print and --clinic are used together with --handout."));
      return 1;
    }

  if (language != NULL && hl_language_normalize (language) == NULL)
    {
      g_printerr (_("Unknown language “%s”: use en or es."), language);
      g_printerr ("\n");
      return 1;
    }
  language = language ? hl_language_normalize (language) : hl_language_default ();

  if (import_path != NULL)
    return hl_command_line_import (import_path, groups_path);
  if (query != NULL)
    return hl_command_line_search (query, language);
  if (page != NULL)
    return hl_command_line_page (page, language);
  if (g_variant_dict_contains (options, "update"))
    return hl_command_line_update ();
  if (g_variant_dict_contains (options, "rollback"))
    return hl_command_line_rollback ();
  if (groups_path != NULL)
    {
      g_printerr ("%s\n", _("--groups is used together with --import."));
      return 1;
    }

  return -1;
}

static void
on_store_changed (HlApplication *self)
{
  hl_page_renderer_set_store (self->renderer, hl_library_get_store (self->library));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HlApplication *self = user_data;

  if (self->kiosk != NULL && hl_kiosk_refuses_quit (self->kiosk))
    return;
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HlApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "PhyNet Health", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  adw_about_window_set_application_name (about, _("Health Library"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, "PhyNet Health");
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about,
                                 _("Trusted health information from MedlinePlus and a directory "
                                   "of our clinics, in English and Spanish, offline."));
  adw_about_window_add_credit_section (about, _("Health information"),
                                       (const char *[]) {
                                         "MedlinePlus https://medlineplus.gov/",
                                         "U.S. National Library of Medicine https://www.nlm.nih.gov/",
                                         NULL });
  adw_about_window_add_legal_section (about, "MedlinePlus",
                                      _("Health topic summaries and links are from MedlinePlus, "
                                        "a service of the U.S. National Library of Medicine (NLM), "
                                        "and are shown as MedlinePlus published them. NLM does "
                                        "not endorse this app."),
                                      GTK_LICENSE_CUSTOM, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HlApplication *self = user_data;

  hl_preferences_window_present (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
hl_application_startup (GApplication *application)
{
  HlApplication *self = HL_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  hl_profile_mark ("startup");
  /* Before the toolkit reads its debugging variables. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    hl_kiosk_prepare_environment (settings, self->kiosk_forced);
  }
  G_APPLICATION_CLASS (hl_application_parent_class)->startup (application);
  hl_profile_mark ("toolkit-ready");
  hl_popover_guard_install ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "F1", "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });

  self->settings = g_settings_new (APP_ID);

  self->clinics = hl_clinic_directory_new_default (&error);
  if (self->clinics == NULL)
    g_warning ("%s", error->message);

  self->library = hl_library_new (NULL);
  self->renderer = hl_page_renderer_new (NULL, self->clinics);
  g_signal_connect_object (self->library, "notify::store",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  self->lockdown = hl_lockdown_new (self->settings);
  self->updates = hl_update_controller_new (self->settings, self->lockdown, self->library,
                                            self->renderer);
  hl_update_controller_add_actions (self->updates, G_ACTION_MAP (self));
  self->import_job = hl_import_job_new (self->library, self->lockdown);
  hl_app_settings_follow (self->settings, self->renderer);

  /* Our scheme must exist before the first web view does. */
  hl_page_scheme_register (webkit_web_context_get_default (), self->renderer);

  hl_library_load (self->library);
  hl_profile_mark ("library-opened");

  self->user_session = hl_user_session_new (self->library, self->renderer, self->settings);
  self->kiosk = hl_kiosk_new (self->settings, G_ACTION_MAP (self), self->user_session,
                              self->library, self->updates);
  hl_kiosk_set_forced (self->kiosk, self->kiosk_forced);
}

static void
hl_application_activate (GApplication *application)
{
  HlApplication *self = HL_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (hl_window_new (self));
      hl_profile_mark ("window-created");
    }

  gtk_window_present (window);
}

/* health-library hl://topic/3061 opens that page. */
static void
hl_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  HlWindow *window;

  hl_application_activate (application);
  window = HL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      if (hl_address_has_scheme (uri))
        hl_window_open_uri (window, uri);
      else
        g_warning ("Not a Health Library page: %s", uri);
    }
}

static void
hl_application_dispose (GObject *object)
{
  HlApplication *self = (HlApplication *) object;

  g_clear_object (&self->kiosk);
  g_clear_object (&self->import_job);
  g_clear_object (&self->lockdown);
  g_clear_object (&self->user_session);
  g_clear_object (&self->updates);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->clinics);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (hl_application_parent_class)->dispose (object);
}

static void
hl_application_class_init (HlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* Linking the resource bundle in registers it: templates, CSS, the
   * shortcuts window. */
  (void) hl_get_resource ();

  object_class->dispose = hl_application_dispose;
  app_class->handle_local_options = hl_application_handle_local_options;
  app_class->startup = hl_application_startup;
  app_class->activate = hl_application_activate;
  app_class->open = hl_application_open;
}

static void
hl_application_init (HlApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PAGE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Browse MedlinePlus health topics and the clinic "
                                              "directory offline, or use the commands below "
                                              "without a window."));
}

HlApplication *
hl_application_new (void)
{
  return g_object_new (HL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/phynet/HealthLibrary",
                       NULL);
}

HlLibrary *
hl_application_get_library (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->library;
}

HlPageRenderer *
hl_application_get_renderer (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->renderer;
}

HlClinicDirectory *
hl_application_get_clinics (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->clinics;
}

HlUpdateController *
hl_application_get_updates (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->updates;
}

GSettings *
hl_application_get_settings (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->settings;
}

HlLockdown *
hl_application_get_lockdown (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->lockdown;
}

HlImportJob *
hl_application_get_import_job (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->import_job;
}

HlUserSession *
hl_application_get_user_session (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->user_session;
}

HlKiosk *
hl_application_get_kiosk (HlApplication *self)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  return self->kiosk;
}
