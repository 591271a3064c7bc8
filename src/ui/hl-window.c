/* hl-window.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-address.h"
#include "hl-profile.h"
#include "hl-settings.h"
#include "hl-text.h"
#include "hl-toast.h"
#include "hl-topic.h"
#include "hl-window-handout.h"
#include "hl-window-private.h"

G_DEFINE_FINAL_TYPE (HlWindow, hl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTENT_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
hl_window_show_page (HlWindow   *self,
                     const char *uri)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  hl_web_view_load_page (self->web_view, uri);

  /* Folded or not: a window made narrow later keeps showing the page. The
   * leaflet moves the focus to the child it shows; side by side, the focus
   * stays where the reader left it (on the row just opened, say). */
  if (focus != NULL)
    g_object_ref (focus);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  if (focus != NULL)
    {
      if (!adw_leaflet_get_folded (self->leaflet) && gtk_widget_get_root (focus) == GTK_ROOT (self))
        gtk_widget_grab_focus (focus);
      g_object_unref (focus);
    }
}

void
hl_window_open_uri (HlWindow   *self,
                    const char *uri)
{
  g_return_if_fail (HL_IS_WINDOW (self));

  if (hl_library_get_store (self->library) == NULL || self->first_page_on_map)
    hl_set_str (&self->pending_uri, uri);
  else
    hl_window_show_page (self, uri);
}

static char *
home_uri (HlWindow *self)
{
  g_autoptr(HlAddress) home = hl_address_new_home (self->content_language);

  return hl_address_to_string (home);
}

/* The same page with another lang parameter. */
static char *
replace_language (HlAddress  *address,
                  const char *language)
{
  hl_address_set_language (address, language);
  return hl_address_to_string (address);
}

/* The topic a page shows, if it is a topic page. */
static HlTopicRef *
page_topic (HlWindow   *self,
            const char *uri)
{
  HlTopicStore *store = hl_library_get_store (self->library);
  int id = hl_address_topic_id_of (uri);

  if (store == NULL || id == 0)
    return NULL;

  /* A failed read is for the page itself to report. */
  return hl_topic_store_get_topic_ref (store, id, NULL);
}

char *
hl_window_dup_uri_in_language (HlWindow   *self,
                               const char *language)
{
  const char *current = hl_web_view_get_page_uri (self->web_view);
  HlTopicStore *store = hl_library_get_store (self->library);
  g_autoptr(HlAddress) address = NULL;

  if (current == NULL || store == NULL)
    return NULL;

  address = hl_address_parse (current, NULL);
  if (address == NULL)
    return NULL;

  if (hl_address_get_kind (address) == HL_ADDRESS_TOPIC)
    {
      g_autoptr(HlTopic) topic = hl_topic_store_load_topic (store, hl_address_get_id (address),
                                                            NULL);
      g_autoptr(HlTopicRef) counterpart = NULL;

      if (topic == NULL || g_str_equal (topic->language, language))
        return NULL;
      if (topic->mapped != NULL && topic->mapped->id > 0)
        counterpart = hl_topic_store_get_topic_ref (store, topic->mapped->id, NULL);
      return counterpart ? hl_topic_ref_dup_uri (counterpart) : NULL;
    }

  /* A clinic page has no language of its own: it is shown again in the new
   * one. */
  if (hl_address_get_kind (address) == HL_ADDRESS_CLINIC)
    return g_strdup (current);

  return replace_language (address, language);
}

/* Where to go from a topic that has no version in @language: a group of it
 * that has topics in that language, or the home page. */
static char *
dup_nearest_uri (HlWindow   *self,
                 HlTopicRef *topic,
                 const char *language)
{
  HlTopicStore *store = hl_library_get_store (self->library);
  g_autoptr(GArray) groups = hl_topic_store_get_topic_group_ids (store,
                                                                 hl_topic_ref_get_id (topic),
                                                                 NULL);
  g_autoptr(HlAddress) home = NULL;

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      g_autoptr(HlGroup) group = hl_topic_store_get_group (store, g_array_index (groups, int, i),
                                                           language, NULL);

      if (group != NULL && hl_group_get_topic_count (group) > 0)
        return hl_group_dup_uri (group);
    }

  home = hl_address_new_home (language);
  return hl_address_to_string (home);
}

void
hl_window_show_toast (HlWindow   *self,
                      const char *text)
{
  hl_window_show_toast_with_action (self, text, NULL, NULL);
}

/* libadwaita 1.2 frees a toast dismissed or replaced during its show
 * animation (at most half a second) while that animation still runs, and
 * crashes when the animation ends: a toast is only dismissed or replaced
 * once it has been on show that long, and what comes earlier waits. */
#define TOAST_SETTLED_USEC (700 * G_TIME_SPAN_MILLISECOND)

static gint64
toast_wait (HlWindow *self)
{
  gint64 age = g_get_monotonic_time () - self->toast_time;

  return self->toast != NULL && age < TOAST_SETTLED_USEC ? TOAST_SETTLED_USEC - age : 0;
}

static void
show_pending_toast (HlWindow *self)
{
  g_autofree char *text = g_steal_pointer (&self->pending_toast_text);
  g_autofree char *button_label = g_steal_pointer (&self->pending_toast_button);
  g_autofree char *action_name = g_steal_pointer (&self->pending_toast_action);
  gboolean dismiss = self->pending_toast_dismiss;

  self->pending_toast_dismiss = FALSE;
  if (self->toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
      adw_toast_dismiss (self->toast);
      self->toast = NULL;
    }
  if (text == NULL || dismiss)
    return;

  self->toast = hl_toast_new (text);
  if (button_label != NULL)
    {
      adw_toast_set_button_label (self->toast, button_label);
      adw_toast_set_action_name (self->toast, action_name);
    }
  g_object_add_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast_time = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (self->toast_overlay, self->toast);
}

static gboolean
pending_toast_cb (gpointer data)
{
  HlWindow *self = data;

  self->toast_timeout = 0;
  show_pending_toast (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_toast (HlWindow *self)
{
  gint64 wait = toast_wait (self);

  if (self->toast_timeout != 0)
    return;
  if (wait == 0)
    show_pending_toast (self);
  else
    self->toast_timeout = g_timeout_add ((guint) (wait / G_TIME_SPAN_MILLISECOND) + 1,
                                         pending_toast_cb, self);
}

void
hl_window_show_toast_with_action (HlWindow   *self,
                                  const char *text,
                                  const char *button_label,
                                  const char *action_name)
{
  /* The new message takes the place of the one on show. */
  hl_set_str (&self->pending_toast_text, text);
  hl_set_str (&self->pending_toast_button, button_label);
  hl_set_str (&self->pending_toast_action, action_name);
  self->pending_toast_dismiss = FALSE;
  schedule_toast (self);
}

/* Takes the toast on show, or the one about to be, away. */
void
hl_window_dismiss_toast (HlWindow *self)
{
  g_clear_pointer (&self->pending_toast_text, g_free);
  self->pending_toast_dismiss = TRUE;
  schedule_toast (self);
}

const char *
hl_window_get_content_language (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);

  return self->content_language;
}

static void show_page_language (HlWindow *self);

/* The page follows the new language: its counterpart, the same list in the
 * other language, or, for a topic the library has in one language only, the
 * nearest page in the new one, with a word about why. */
static void
show_page_in_language (HlWindow   *self,
                       const char *language)
{
  const char *current = hl_web_view_get_page_uri (self->web_view);
  g_autoptr(HlTopicRef) topic = page_topic (self, current);
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;

  /* A topic already in that language (opened from a search, say) stays. */
  if (topic != NULL && g_str_equal (hl_topic_ref_get_language (topic), language))
    return;

  uri = hl_window_dup_uri_in_language (self, language);
  if (uri != NULL)
    {
      hl_web_view_load_page (self->web_view, uri);
      return;
    }
  if (topic == NULL)
    return;

  uri = dup_nearest_uri (self, topic, language);
  hl_web_view_load_page (self->web_view, uri);
  message = g_strdup_printf (g_str_equal (language, "es")
                               /* TRANSLATORS: %s is the title of a health topic */
                               ? _("“%s” is not in the library in Spanish.")
                               /* TRANSLATORS: %s is the title of a health topic */
                               : _("“%s” is not in the library in English."),
                             hl_topic_ref_get_title (topic));
  hl_window_show_toast_with_action (self, message, _("_Back"), "win.back");
}

void
hl_window_set_content_language (HlWindow   *self,
                                const char *language)
{
  const char *code = hl_language_normalize (language);

  g_return_if_fail (HL_IS_WINDOW (self));

  if (code == NULL || !hl_set_str (&self->content_language, code))
    return;

  hl_sidebar_set_language (self->sidebar, code);
  hl_page_renderer_set_language (self->renderer, code);
  if (self->settings != NULL && !self->session_language)
    {
      g_autofree char *stored = g_settings_get_string (self->settings,
                                                       HL_SETTINGS_CONTENT_LANGUAGE);
      const char *current = hl_language_normalize (stored);

      /* An empty setting that already means this language stays empty: it
       * follows the desktop. */
      if (g_strcmp0 (current ? current : hl_language_default (), code) != 0)
        g_settings_set_string (self->settings, HL_SETTINGS_CONTENT_LANGUAGE, code);
      show_page_in_language (self, code);
    }

  /* The search runs again in the new language. */
  hl_sidebar_search (self->sidebar, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  show_page_language (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_LANGUAGE]);
}

/* The language of the page shown: a topic's own, or a lang parameter. */
static char *
page_language (HlWindow   *self,
               const char *uri)
{
  g_autoptr(HlTopicRef) topic = page_topic (self, uri);
  g_autoptr(HlAddress) address = NULL;

  if (topic != NULL)
    return g_strdup (hl_topic_ref_get_language (topic));
  address = hl_address_parse (uri, NULL);
  if (address == NULL)
    return NULL;
  return g_strdup (hl_address_get_language (address));
}

/* A page in the other language (a hit found in it, a link to the
 * counterpart) leaves the reader's language as it is, and the header says
 * what the page is. */
static void
show_page_language (HlWindow *self)
{
  const char *uri = hl_web_view_get_page_uri (self->web_view);
  g_autofree char *language = uri ? page_language (self, uri) : NULL;

  if (language != NULL && !g_str_equal (language, self->content_language))
    adw_window_title_set_subtitle (self->title_widget, g_str_equal (language, "es")
                                                         ? _("Page in Spanish")
                                                         : _("Page in English"));
  else
    adw_window_title_set_subtitle (self->title_widget, NULL);
}

static void
web_view_uri_cb (HlWindow *self)
{
  const char *uri = hl_web_view_get_page_uri (self->web_view);

  if (uri == NULL)
    return;

  hl_set_str (&self->shown_uri, uri);
  g_free (self->medlineplus_url);
  self->medlineplus_url = hl_window_dup_medlineplus_url (self, uri);

  show_page_language (self);
  hl_sidebar_select_uri (self->sidebar, uri);
  hl_window_update_actions (self);
}

static void
web_view_title_cb (HlWindow *self)
{
  const char *title = webkit_web_view_get_title (WEBKIT_WEB_VIEW (self->web_view));

  if (title == NULL || *title == '\0')
    title = _("Health Library");

  adw_window_title_set_title (self->title_widget, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
web_view_load_changed_cb (HlWindow        *self,
                          WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_COMMITTED)
    hl_window_update_actions (self);

  if (event == WEBKIT_LOAD_FINISHED && !self->first_page_loaded)
    {
      self->first_page_loaded = TRUE;
      hl_profile_mark ("first-page-loaded");
    }
}

static void
web_view_open_external_cb (HlWindow   *self,
                           const char *uri)
{
  hl_window_open_external (self, uri);
}

static void
web_view_mouse_target_cb (HlWindow            *self,
                          WebKitHitTestResult *hit)
{
  hl_window_mouse_target_changed (self, hit);
}

static void
web_view_refused_cb (HlWindow   *self,
                     const char *uri)
{
  hl_window_show_toast (self, _("This link cannot be opened from Health Library."));
}

static void
web_view_crashed_cb (HlWindow *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, "crashed");
}

static void
sidebar_open_uri_cb (HlWindow   *self,
                     const char *uri)
{
  hl_window_show_page (self, uri);
}

static void
sidebar_suggestion_cb (HlWindow   *self,
                       const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

static void
search_changed_cb (HlWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  hl_sidebar_search (self->sidebar, text);

  /* On a narrow window the results are in the folded sidebar. */
  if (*text != '\0' && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
search_activate_cb (HlWindow *self)
{
  /* The entry waits a moment before searching; Enter must not. */
  hl_sidebar_search (self->sidebar, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  hl_sidebar_activate_first_result (self->sidebar);
}

static void
search_stop_cb (HlWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  hl_sidebar_search (self->sidebar, "");
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       HlWindow              *self)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return hl_sidebar_focus_list (self->sidebar);

  return GDK_EVENT_PROPAGATE;
}

static void
leaflet_folded_cb (HlWindow *self)
{
  hl_window_update_actions (self);
}


static void
mouse_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  HlWindow        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  /* The side buttons of a mouse. */
  if (button == 8)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
  else if (button == 9)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.forward", NULL);
  else
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
show_first_page (HlWindow *self)
{
  /* A page asked for on the command line is shown even on a narrow window;
   * otherwise a narrow window starts on the sidebar. */
  if (self->pending_uri != NULL)
    {
      g_autofree char *uri = g_steal_pointer (&self->pending_uri);
      hl_window_show_page (self, uri);
    }
  else if (self->shown_uri == NULL)
    {
      g_autofree char *uri = home_uri (self);
      hl_web_view_load_page (self->web_view, uri);
    }
  /* Otherwise a new library replaced the one whose page is shown, and the
   * page was shown again from it. */
}

static void
library_state_cb (HlWindow *self)
{
  HlLibraryState state = hl_library_get_state (self->library);

  switch (state)
    {
    case HL_LIBRARY_STATE_NONE:
    case HL_LIBRARY_STATE_IMPORTING:
      if (hl_library_get_store (self->library) == NULL)
        gtk_stack_set_visible_child_name (self->content_stack, "importing");
      break;

    case HL_LIBRARY_STATE_READY:
      hl_sidebar_set_store (self->sidebar, hl_library_get_store (self->library));
      gtk_stack_set_visible_child_name (self->content_stack, "view");
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        show_first_page (self);
      else
        self->first_page_on_map = TRUE;
      break;

    case HL_LIBRARY_STATE_FAILED:
      /* The screen speaks to the people at the desk; the file's name and
       * what went wrong are for the administrator, in the log. */
      g_message ("%s", hl_library_get_error_message (self->library));
      gtk_stack_set_visible_child_name (self->content_stack, "failed");
      break;

    default:
      break;
    }

  hl_window_update_actions (self);
}

static void
library_fraction_cb (HlWindow *self)
{
  gtk_progress_bar_set_fraction (self->import_progress, hl_library_get_fraction (self->library));
}

/* A status page's large icon is looked up as soon as the window is realized,
 * whether the page is shown or not, and an SVG one brings librsvg in (6 MB,
 * and time on the way to the first frame): a page gets its icon when it is
 * shown. */
static void
content_page_shown_cb (HlWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);
  const char *icon_name = g_object_get_data (G_OBJECT (page), "hl-icon-name");

  if (icon_name != NULL)
    adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
}

static void
defer_status_icons (HlWindow *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->content_stack);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL; page = gtk_widget_get_next_sibling (page))
    if (ADW_IS_STATUS_PAGE (page) && page != shown)
      {
        g_object_set_data_full (G_OBJECT (page), "hl-icon-name",
                                g_strdup (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page))),
                                g_free);
        adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), NULL);
      }

  g_signal_connect_object (self->content_stack, "notify::visible-child",
                           G_CALLBACK (content_page_shown_cb), self, G_CONNECT_SWAPPED);
}

static void
after_paint_cb (GdkFrameClock *clock,
                HlWindow      *self)
{
  hl_profile_mark ("window-presented");
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
}

static void
hl_window_map (GtkWidget *widget)
{
  HlWindow *self = HL_WINDOW (widget);

  GTK_WIDGET_CLASS (hl_window_parent_class)->map (widget);
  hl_profile_mark ("window-mapped");

  /* The first page is asked for once the window is mapped: asking starts
   * the web process, which holds the main thread up for 20-30 ms and keeps
   * both processors busy while the window is realized. The map request is
   * sent to the X server first. */
  if (self->first_page_on_map)
    {
      self->first_page_on_map = FALSE;
      gdk_display_flush (gtk_widget_get_display (widget));
      show_first_page (self);
    }

  if (hl_profile_enabled ())
    g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                      G_CALLBACK (after_paint_cb), widget);
}

static gboolean
hl_window_close_request (GtkWindow *window)
{
  HlWindow *self = HL_WINDOW (window);
  int width, height;

  /* Alt+F4, the window manager's close, Ctrl+W: not in a kiosk. */
  if (self->kiosk != NULL && hl_kiosk_controller_get_applied (self->kiosk))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, HL_SETTINGS_WINDOW_WIDTH, width);
  g_settings_set_int (self->settings, HL_SETTINGS_WINDOW_HEIGHT, height);
  g_settings_set_boolean (self->settings, HL_SETTINGS_WINDOW_MAXIMIZED,
                          gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (hl_window_parent_class)->close_request (window);
}

/* GtkWindow:application is set after construction, so the window is tied to
 * the app's library and settings here. */
static void
setup_for_application (HlWindow      *self,
                       HlApplication *app)
{
  g_autofree char *language = NULL;

  self->settings = g_object_ref (hl_application_get_settings (app));
  self->library = g_object_ref (hl_application_get_library (app));
  self->renderer = g_object_ref (hl_application_get_renderer (app));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, HL_SETTINGS_WINDOW_WIDTH),
                               g_settings_get_int (self->settings, HL_SETTINGS_WINDOW_HEIGHT));
  if (g_settings_get_boolean (self->settings, HL_SETTINGS_WINDOW_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));

  /* A zoom level locked by the administrator locks the shortcuts, not the
   * page. */
  g_settings_bind (self->settings, HL_SETTINGS_ZOOM_LEVEL, self->web_view, "zoom-level",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);

  /* An empty setting follows the language the app is shown in. */
  language = g_settings_get_string (self->settings, HL_SETTINGS_CONTENT_LANGUAGE);
  hl_set_str (&self->content_language, hl_language_normalize (language)
                                         ? hl_language_normalize (language)
                                         : hl_language_default ());
  /* The language toggle shows it. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_LANGUAGE]);
  hl_sidebar_set_language (self->sidebar, self->content_language);
  hl_page_renderer_set_language (self->renderer, self->content_language);
  hl_sidebar_set_clinics (self->sidebar, hl_application_get_clinics (app));

  g_signal_connect_object (self->library, "notify::state",
                           G_CALLBACK (library_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::fraction",
                           G_CALLBACK (library_fraction_cb), self, G_CONNECT_SWAPPED);
  hl_window_follow_settings (self, app);
  library_state_cb (self);
  hl_window_handout_setup (self, app);
  self->kiosk = hl_kiosk_controller_new (self, app);
}

static void
hl_window_dispose (GObject *object)
{
  HlWindow *self = (HlWindow *) object;

  /* No gtk_widget_dispose_template () here: libadwaita 1.2's window releases
   * its content itself, and unparenting it first makes it complain. Nor does
   * it like a toast still on show when the window goes. */
  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  g_clear_pointer (&self->pending_toast_text, g_free);
  g_clear_pointer (&self->pending_toast_button, g_free);
  g_clear_pointer (&self->pending_toast_action, g_free);
  if (self->toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
      adw_toast_dismiss (self->toast);
      self->toast = NULL;
    }
  g_clear_object (&self->library);
  g_clear_object (&self->renderer);
  g_clear_object (&self->settings);
  g_clear_object (&self->lockdown);
  g_clear_object (&self->import_job);
  g_clear_object (&self->kiosk);

  G_OBJECT_CLASS (hl_window_parent_class)->dispose (object);
}

static void
hl_window_finalize (GObject *object)
{
  HlWindow *self = (HlWindow *) object;

  g_clear_pointer (&self->shortcuts, g_ptr_array_unref);
  g_free (self->content_language);
  g_free (self->pending_uri);
  g_free (self->shown_uri);
  g_free (self->failed_uri);
  g_free (self->medlineplus_url);

  G_OBJECT_CLASS (hl_window_parent_class)->finalize (object);
}

static void
hl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HlWindow *self = HL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT_LANGUAGE:
      g_value_set_string (value, self->content_language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HlWindow *self = HL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTENT_LANGUAGE:
      hl_window_set_content_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_window_class_init (HlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hl_window_dispose;
  object_class->finalize = hl_window_finalize;
  object_class->get_property = hl_window_get_property;
  object_class->set_property = hl_window_set_property;
  widget_class->map = hl_window_map;
  window_class->close_request = hl_window_close_request;

  properties[PROP_CONTENT_LANGUAGE] =
    g_param_spec_string ("content-language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HL_TYPE_SIDEBAR);
  g_type_ensure (HL_TYPE_WEB_VIEW);
  g_type_ensure (HL_TYPE_FIND_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, title_widget);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, web_view);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, language_box);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, link_status);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, failed_page);
  gtk_widget_class_bind_template_callback (widget_class, web_view_uri_cb);
  gtk_widget_class_bind_template_callback (widget_class, web_view_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, web_view_load_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, web_view_open_external_cb);
  gtk_widget_class_bind_template_callback (widget_class, web_view_mouse_target_cb);
  gtk_widget_class_bind_template_callback (widget_class, web_view_crashed_cb);
  gtk_widget_class_bind_template_callback (widget_class, web_view_refused_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_open_uri_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_suggestion_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  hl_window_class_install_actions (widget_class);
  hl_window_handout_class_init (widget_class);
  hl_kiosk_controller_class_init_window (widget_class);
  hl_window_class_install_keys (widget_class);
}

static void
hl_window_init (HlWindow *self)
{
  GtkEventController *key;
  GtkGesture *click;

  /* The language toggle asks for it while the template is built. */
  self->content_language = g_strdup ("en");

  gtk_widget_init_template (GTK_WIDGET (self));
  defer_status_icons (self);

  hl_window_init_keys (self);
  hl_window_init_menu (self);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (mouse_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

HlWindow *
hl_window_new (HlApplication *application)
{
  HlWindow *self = g_object_new (HL_TYPE_WINDOW, "application", application, NULL);

  setup_for_application (self, application);
  return self;
}

GtkWidget *
hl_window_get_web_view (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->web_view);
}

GtkWidget *
hl_window_get_sidebar (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
hl_window_get_search_entry (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->search_entry);
}

GtkWidget *
hl_window_get_find_bar (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->find_bar);
}

GtkWidget *
hl_window_get_menu_button (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->menu_button);
}
