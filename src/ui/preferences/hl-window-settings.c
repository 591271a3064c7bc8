/* hl-window-settings.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the window follows what changes around it: the settings (from the
 * preferences, another window or the administrator), the keys the
 * administrator locked, the lockdown, the end of an import, and a new
 * library, whoever made it; and the import it offers (win.import-file). */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-error.h"
#include "hl-preferences-window.h"
#include "hl-settings.h"
#include "hl-text.h"
#include "hl-topic.h"
#include "hl-window-private.h"

static gboolean
is_home_page (const char *uri)
{
  return uri != NULL && g_str_has_prefix (uri, "hl://home") &&
         (uri[9] == '\0' || uri[9] == '?' || uri[9] == '/');
}

/* The keys that other ways of changing them must leave alone when they are
 * locked: the zoom shortcuts, the language toggle and Ctrl+L. */
static void
writable_changed_cb (HlWindow   *self,
                     const char *key)
{
  self->zoom_locked = !g_settings_is_writable (self->settings, HL_SETTINGS_ZOOM_LEVEL);
  self->language_locked = !g_settings_is_writable (self->settings, HL_SETTINGS_CONTENT_LANGUAGE);
  hl_window_update_actions (self);
}

static void
content_language_changed_cb (HlWindow *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, HL_SETTINGS_CONTENT_LANGUAGE);
  const char *language = hl_language_normalize (value);

  /* "" follows the language the app is shown in. */
  hl_window_set_content_language (self, language ? language : hl_language_default ());
}

static void
home_clinic_changed_cb (HlWindow *self)
{
  /* The app has told the renderer already; only the home page shows it. */
  if (is_home_page (self->shown_uri))
    hl_web_view_load_page (self->web_view, self->shown_uri);
}

/* The page at @uri exists in the library now open. */
static gboolean
page_exists (HlWindow   *self,
             const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = hl_page_renderer_render (self->renderer, uri, &error);

  return html != NULL || !g_error_matches (error, HL_ERROR, HL_ERROR_NOT_FOUND);
}

/* A new library is open: the sidebar, the search and the page shown all come
 * from it now, without a restart. */
static void
library_store_cb (HlWindow *self)
{
  HlTopicStore *store = hl_library_get_store (self->library);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *uri = NULL;

  /* The first library is shown once it is ready (see library_state_cb). */
  if (store == NULL || self->shown_uri == NULL)
    return;

  hl_sidebar_set_store (self->sidebar, store);
  if (*text != '\0')
    hl_sidebar_search (self->sidebar, text);

  /* The page shown, from the new library; the home page when the new one
   * does not have it. */
  uri = page_exists (self, self->shown_uri) ? g_strdup (self->shown_uri)
                                            : g_strdup_printf ("hl://home?lang=%s",
                                                               self->content_language);
  hl_web_view_load_page (self->web_view, uri);

  /* An import from a terminal, or an update: say what is new. The window's
   * own imports say it when they finish. */
  if (!hl_import_job_get_running (self->import_job))
    {
      g_autofree char *contents = hl_import_job_describe_store (store);
      /* TRANSLATORS: %s is "39 English topics, 17 Spanish topics and 23 groups" */
      g_autofree char *message = g_strdup_printf (_("The library was updated: %s."), contents);

      hl_window_show_toast (self, message);
    }
}

static void
import_finished_cb (HlWindow   *self,
                    int         outcome,
                    const char *message)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* The preferences, when they are open, say it themselves. */
  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (HL_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      return;

  hl_window_show_toast (self, message);
}

void
hl_window_import_file (HlWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  HlPreferencesWindow *prefs;
  HlLibraryPage *page;

  g_return_if_fail (HL_IS_APPLICATION (app));

  /* The Library page is where an import shows how far it has got, lets it be
   * cancelled, and says what was wrong with a file: the chooser opens over
   * it. While an import is under way the page shows that one instead. */
  prefs = hl_preferences_window_present (HL_APPLICATION (app), GTK_WINDOW (self));
  page = hl_preferences_window_get_library_page (prefs);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (page));
  hl_library_page_import (page);
}

gboolean
hl_window_refuse_external (HlWindow   *self,
                           const char *uri)
{
  g_autofree char *text = NULL;

  if (!hl_lockdown_get_disable_external_links (self->lockdown))
    return FALSE;

  /* The address stays readable, for a phone or another computer. */
  if (g_str_has_prefix (uri, "tel:"))
    /* TRANSLATORS: %s is a phone number */
    text = g_strdup_printf (_("Calls cannot be started from this computer. The number is %s."),
                            uri + strlen ("tel:"));
  else
    /* TRANSLATORS: %s is a web address */
    text = g_strdup_printf (_("Other web sites cannot be opened on this computer. The address "
                              "is %s"), uri);
  hl_window_show_toast (self, text);

  return TRUE;
}

void
hl_window_follow_settings (HlWindow      *self,
                           HlApplication *app)
{
  self->lockdown = g_object_ref (hl_application_get_lockdown (app));
  self->import_job = g_object_ref (hl_application_get_import_job (app));

  g_signal_connect_object (self->settings, "writable-changed",
                           G_CALLBACK (writable_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" HL_SETTINGS_CONTENT_LANGUAGE,
                           G_CALLBACK (content_language_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" HL_SETTINGS_HOME_CLINIC,
                           G_CALLBACK (home_clinic_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lockdown, "notify",
                           G_CALLBACK (hl_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_job, "finished",
                           G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::store",
                           G_CALLBACK (library_store_cb), self, G_CONNECT_SWAPPED);
  /* The zoom limits, whoever changed the zoom. */
  g_signal_connect_object (self->web_view, "notify::zoom-level",
                           G_CALLBACK (hl_window_update_actions), self, G_CONNECT_SWAPPED);

  writable_changed_cb (self, NULL);
}
