/* hl-kiosk-controller-session.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The kiosk controller's part in a patient's session: the idle countdown,
 * the start over, a new library that waited for it, and the
 * administrator's way out. */

#include "config.h"

#include "hl-kiosk-address.h"
#include "hl-kiosk-controller-private.h"
#include "hl-settings.h"
#include "hl-text.h"

/* The countdown and the start over */

void
hl_kiosk_controller_stop_countdown (HlKioskController *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->countdown), FALSE);
}

static gboolean
countdown_tick_cb (gpointer data)
{
  HlKioskController *self = data;

  if (--self->countdown_left > 0)
    {
      hl_kiosk_countdown_set_seconds (self->countdown, self->countdown_left);
      return G_SOURCE_CONTINUE;
    }

  self->countdown_id = 0;
  hl_kiosk_controller_stop_countdown (self);
  hl_kiosk_start_over (self->kiosk);
  return G_SOURCE_REMOVE;
}

static void
idle_cb (HlKioskController *self)
{
  if (!self->applied || !self->in_use || self->countdown_id != 0)
    return;

  self->countdown_left = MIN (COUNTDOWN_SECONDS, hl_kiosk_get_idle_seconds (self->kiosk));
  hl_kiosk_countdown_set_seconds (self->countdown, self->countdown_left);
  gtk_widget_set_visible (GTK_WIDGET (self->countdown), TRUE);
  self->countdown_id = g_timeout_add_seconds (1, countdown_tick_cb, self);
}

static void
input_cb (HlKioskController *self)
{
  self->in_use = TRUE;
  hl_kiosk_controller_stop_countdown (self);
}

static void
keep_reading_cb (HlKioskController *self)
{
  hl_kiosk_controller_stop_countdown (self);
  hl_kiosk_input_restart (self->input, FALSE);
}

/* Every window but the main one (dialogs: print, handout, shortcuts,
 * about, unlock…) and every popover goes. */
static void
close_popovers (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        gtk_popover_popdown (GTK_POPOVER (child));
      close_popovers (child);
    }
}

static void
close_other_windows (HlKioskController *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (self->window))
        g_ptr_array_add (others, g_object_ref (window));
    }

  for (guint i = 0; i < others->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (others, i);

      /* Closed as its own button would (a print dialog answers its
       * caller), destroyed if it will not. */
      gtk_window_close (window);
      if (gtk_widget_get_visible (GTK_WIDGET (window)))
        gtk_window_destroy (window);
    }

  close_popovers (GTK_WIDGET (self->window));
}

static void
clear_website_data_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!webkit_website_data_manager_clear_finish (WEBKIT_WEBSITE_DATA_MANAGER (source), result,
                                                 &error))
    g_warning ("WebKit's data could not be cleared: %s", error->message);
}

static void
reset_setting (HlKioskController *self,
               const char        *key)
{
  if (g_settings_is_writable (self->window->settings, key))
    g_settings_reset (self->window->settings, key);
}

static void
start_over_cb (HlKioskController *self)
{
  HlWindow *window = self->window;
  WebKitNetworkSession *session;
  g_autoptr(GVariant) default_language = NULL;
  const char *language;
  GdkClipboard *clipboard;

  if (!self->applied)
    return;

  hl_kiosk_controller_stop_countdown (self);
  close_other_windows (self);
  self->showing_link = FALSE;
  hl_window_dismiss_toast (window);

  /* The search and the sidebar as the first patient found them. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  hl_sidebar_search (window->sidebar, "");
  hl_sidebar_select_uri (window->sidebar, HL_KIOSK_HOME_ADDRESS);
  hl_kiosk_home_clear (self->home);
  adw_leaflet_set_visible_child_name (window->leaflet, "content");

  /* The administrator's text size and language (or the desktop's). The
   * window takes the language before the key changes back: when the key
   * does, the window has nothing to reload in it. */
  default_language = g_settings_get_default_value (window->settings, HL_SETTINGS_CONTENT_LANGUAGE);
  language = hl_language_normalize (g_variant_get_string (default_language, NULL));
  hl_kiosk_controller_set_session_language (self, language ? language : hl_language_default ());
  reset_setting (self, HL_SETTINGS_ZOOM_LEVEL);
  reset_setting (self, HL_SETTINGS_CONTENT_LANGUAGE);

  /* Nothing in Back or Forward, nothing in WebKit's caches. */
  hl_kiosk_history_clear (self->history);
  session = webkit_web_view_get_network_session (hl_kiosk_controller_view (self));
  if (session != NULL)
    webkit_website_data_manager_clear (webkit_network_session_get_website_data_manager (session),
                                       WEBKIT_WEBSITE_DATA_ALL, 0, NULL, clear_website_data_cb,
                                       NULL);

  /* Nor anything copied. */
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  gdk_clipboard_set_text (clipboard, "");
  clipboard = gtk_widget_get_primary_clipboard (GTK_WIDGET (window));
  gdk_clipboard_set_text (clipboard, "");

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  gtk_stack_set_visible_child_full (window->content_stack, HOME_PAGE,
                                    GTK_STACK_TRANSITION_TYPE_NONE);
  hl_kiosk_controller_show_page_chrome (self, FALSE);
  hl_kiosk_controller_sync_stack (self);

  self->in_use = FALSE;
  hl_kiosk_input_restart (self->input, TRUE);
  if (!gtk_window_is_fullscreen (GTK_WINDOW (window)))
    hl_kiosk_controller_queue_fullscreen (self);
}

/* A library that another process put in place waits for the next start
 * over; at a kiosk nobody is using, that is now. */
static void
update_pending_cb (HlKioskController *self)
{
  if (self->applied && !self->in_use && hl_library_get_update_pending (self->window->library))
    hl_kiosk_start_over (self->kiosk);
}

/* The administrator's way out */

static void
unlock_dialog_gone_cb (gpointer  data,
                       GObject  *dialog)
{
  HlKioskController *self = data;

  self->unlock_dialog = NULL;
}

void
hl_kiosk_controller_ask_unlock (HlKioskController *self)
{
  g_return_if_fail (HL_IS_KIOSK_CONTROLLER (self));

  if (!self->applied)
    return;

  if (self->unlock_dialog == NULL)
    {
      self->unlock_dialog = GTK_WINDOW (hl_kiosk_unlock_dialog_new (GTK_WINDOW (self->window),
                                                                    self->kiosk));
      g_object_weak_ref (G_OBJECT (self->unlock_dialog), unlock_dialog_gone_cb, self);
    }
  gtk_window_present (self->unlock_dialog);
}

static gboolean
corner_held_cb (gpointer data)
{
  HlKioskController *self = data;

  self->corner_id = 0;
  hl_kiosk_controller_ask_unlock (self);
  return G_SOURCE_REMOVE;
}

static void
corner_begin_cb (GtkGestureDrag    *gesture,
                 double             x,
                 double             y,
                 HlKioskController *self)
{
  g_clear_handle_id (&self->corner_id, g_source_remove);

  if (!self->applied || x > CORNER_SIZE || y > CORNER_SIZE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  /* A press in the corner is the kiosk's from the start: what is under it
   * (the edge of the search box) neither takes the focus nor clicks. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->corner_id = g_timeout_add (CORNER_PRESS_MS, corner_held_cb, self);
}

static void
corner_update_cb (GtkGestureDrag    *gesture,
                  double             dx,
                  double             dy,
                  HlKioskController *self)
{
  if (ABS (dx) > CORNER_SLACK || ABS (dy) > CORNER_SLACK)
    g_clear_handle_id (&self->corner_id, g_source_remove);
}

static void
corner_end_cb (HlKioskController *self)
{
  g_clear_handle_id (&self->corner_id, g_source_remove);
}

void
hl_kiosk_controller_setup_session (HlKioskController *self)
{
  HlWindow *window = self->window;

  g_signal_connect_object (self->countdown, "keep-reading", G_CALLBACK (keep_reading_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kiosk, "start-over", G_CALLBACK (start_over_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->input, "idle", G_CALLBACK (idle_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->input, "input", G_CALLBACK (input_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->input, "unlock-requested",
                           G_CALLBACK (hl_kiosk_controller_ask_unlock), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window->library, "notify::update-pending",
                           G_CALLBACK (update_pending_cb), self, G_CONNECT_SWAPPED);

  /* A finger or the left button; it never claims a press it does not keep. */
  self->corner_press = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->corner_press), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->corner_press),
                                              GTK_PHASE_NONE);
  g_signal_connect (self->corner_press, "drag-begin", G_CALLBACK (corner_begin_cb), self);
  g_signal_connect (self->corner_press, "drag-update", G_CALLBACK (corner_update_cb), self);
  g_signal_connect_swapped (self->corner_press, "end", G_CALLBACK (corner_end_cb), self);
  g_signal_connect_swapped (self->corner_press, "cancel", G_CALLBACK (corner_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (self->corner_press));
}

void
hl_kiosk_controller_forget_unlock_dialog (HlKioskController *self)
{
  if (self->unlock_dialog == NULL)
    return;

  g_object_weak_unref (G_OBJECT (self->unlock_dialog), unlock_dialog_gone_cb, self);
  self->unlock_dialog = NULL;
}
