/* hl-kiosk-input.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-kiosk-input.h"

#define CONTROLLER_KEY "hl-kiosk-input"
#define MODIFIERS (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | \
                   GDK_META_MASK | GDK_HYPER_MASK)

struct _HlKioskInput
{
  GObject    parent_instance;

  gboolean   running;
  GPtrArray *windows;        /* GtkWindow, weakly: the ones watched */
  guint      idle_seconds;
  gboolean   allow_printing;
  gint64     last_input;     /* monotonic */
  gboolean   idle;           /* ::idle was emitted, no input since */
  guint      timer_id;
  double     last_x, last_y;
};

G_DEFINE_FINAL_TYPE (HlKioskInput, hl_kiosk_input, G_TYPE_OBJECT)

enum {
  IDLE,
  INPUT,
  UNLOCK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The keys */

/* With Ctrl: editing text, search, language, zoom. */
static const guint control_keys[] = {
  GDK_KEY_a, GDK_KEY_c, GDK_KEY_v, GDK_KEY_x, GDK_KEY_z, GDK_KEY_y,
  GDK_KEY_f, GDK_KEY_l,
  GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_minus, GDK_KEY_0,
  GDK_KEY_KP_Add, GDK_KEY_KP_Subtract, GDK_KEY_KP_0,
  GDK_KEY_BackSpace, GDK_KEY_Delete, GDK_KEY_Insert,
  GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down, GDK_KEY_Home, GDK_KEY_End,
  GDK_KEY_KP_Left, GDK_KEY_KP_Right, GDK_KEY_KP_Up, GDK_KEY_KP_Down,
  GDK_KEY_Tab, GDK_KEY_ISO_Left_Tab,
};

/* With Ctrl+Shift: what needs Shift to be typed or to select. */
static const guint control_shift_keys[] = {
  GDK_KEY_z, GDK_KEY_plus, GDK_KEY_equal,
  GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down, GDK_KEY_Home, GDK_KEY_End,
  GDK_KEY_Tab, GDK_KEY_ISO_Left_Tab,
};

/* With Alt: back, forward, home. */
static const guint alt_keys[] = {
  GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Home, GDK_KEY_KP_Left, GDK_KEY_KP_Right,
};

static gboolean
in_list (const guint *list,
         gsize        n,
         guint        key)
{
  for (gsize i = 0; i < n; i++)
    if (list[i] == key)
      return TRUE;
  return FALSE;
}

gboolean
hl_kiosk_input_key_allowed (guint            keyval,
                            GdkModifierType  state,
                            gboolean         printing)
{
  GdkModifierType mods = state & MODIFIERS;
  guint key = gdk_keyval_to_lower (keyval);
  gboolean control = (mods & GDK_CONTROL_MASK) != 0;
  gboolean shift = (mods & GDK_SHIFT_MASK) != 0;
  gboolean alt = (mods & GDK_ALT_MASK) != 0;

  /* The system's keys are not the app's to pass on. */
  if (mods & (GDK_SUPER_MASK | GDK_META_MASK | GDK_HYPER_MASK))
    return FALSE;

  /* Menus (F10, the menu key, Shift+F10), help, full screen, tools. F5
   * only reloads the page. */
  if (key == GDK_KEY_Menu)
    return FALSE;
  if (key >= GDK_KEY_F1 && key <= GDK_KEY_F35)
    return key == GDK_KEY_F5 && mods == 0;

  if (control && alt)
    return FALSE;

  if (control)
    {
      if (key == GDK_KEY_p)
        return printing;
      if (shift)
        return in_list (control_shift_keys, G_N_ELEMENTS (control_shift_keys), key);
      return in_list (control_keys, G_N_ELEMENTS (control_keys), key);
    }

  if (alt)
    return !shift && in_list (alt_keys, G_N_ELEMENTS (alt_keys), key);

  return TRUE;
}

static gboolean
is_unlock_key (guint           keyval,
               GdkModifierType state)
{
  GdkModifierType wanted = GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK;

  return (state & MODIFIERS) == wanted && gdk_keyval_to_lower (keyval) == GDK_KEY_k;
}

/* Idle time */

static gboolean timer_cb (gpointer data);

static void
schedule (HlKioskInput *self,
          gint64        from)
{
  gint64 due = from + (gint64) self->idle_seconds * G_USEC_PER_SEC;
  gint64 wait = MAX (0, due - g_get_monotonic_time ());

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->running && self->idle_seconds > 0)
    self->timer_id = g_timeout_add_full (G_PRIORITY_DEFAULT, wait / 1000 + 1, timer_cb,
                                         self, NULL);
}

static gboolean
timer_cb (gpointer data)
{
  HlKioskInput *self = data;

  self->timer_id = 0;

  /* Input does not move the timer (that would be one source a motion
   * event): it moves the time the timer compares with. */
  if (g_get_monotonic_time () - self->last_input <
      (gint64) self->idle_seconds * G_USEC_PER_SEC)
    {
      schedule (self, self->last_input);
      return G_SOURCE_REMOVE;
    }

  self->idle = TRUE;
  g_signal_emit (self, signals[IDLE], 0);
  return G_SOURCE_REMOVE;
}

static void
note_input (HlKioskInput *self)
{
  self->last_input = g_get_monotonic_time ();

  if (self->idle)
    {
      self->idle = FALSE;
      schedule (self, self->last_input);
      g_signal_emit (self, signals[INPUT], 0);
    }
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          HlKioskInput             *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  switch ((int) type)
    {
    case GDK_KEY_PRESS:
      {
        guint keyval = gdk_key_event_get_keyval (event);
        GdkModifierType state = gdk_event_get_modifier_state (event);

        note_input (self);
        if (is_unlock_key (keyval, state))
          {
            g_signal_emit (self, signals[UNLOCK_REQUESTED], 0);
            return GDK_EVENT_STOP;
          }
        if (!hl_kiosk_input_key_allowed (keyval, state, self->allow_printing))
          return GDK_EVENT_STOP;
        return GDK_EVENT_PROPAGATE;
      }

    case GDK_MOTION_NOTIFY:
      {
        double x, y;

        /* A widget appearing under a still pointer is not a person. */
        if (gdk_event_get_position (event, &x, &y) && (x != self->last_x || y != self->last_y))
          {
            self->last_x = x;
            self->last_y = y;
            note_input (self);
          }
        return GDK_EVENT_PROPAGATE;
      }

    case GDK_KEY_RELEASE:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
    case GDK_TOUCHPAD_HOLD:
    case GDK_PAD_BUTTON_PRESS:
    case GDK_PAD_RING:
    case GDK_PAD_STRIP:
      note_input (self);
      return GDK_EVENT_PROPAGATE;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* The windows */

static gboolean
is_inspector (GtkWindow *window)
{
  return g_str_has_prefix (G_OBJECT_TYPE_NAME (window), "GtkInspector");
}

static gboolean
close_inspector_cb (gpointer data)
{
  gtk_window_set_interactive_debugging (FALSE);
  return G_SOURCE_REMOVE;
}

static void
window_gone_cb (gpointer  data,
                GObject  *window)
{
  HlKioskInput *self = data;

  g_ptr_array_remove (self->windows, window);
}

static void
watch_window (HlKioskInput *self,
              GtkWindow    *window)
{
  GtkEventController *controller;

  if (is_inspector (window))
    {
      /* However it was opened. */
      g_idle_add (close_inspector_cb, NULL);
      return;
    }

  if (g_object_get_data (G_OBJECT (window), CONTROLLER_KEY) != NULL)
    return;

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_name (controller, CONTROLLER_KEY);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_object_set_data (G_OBJECT (window), CONTROLLER_KEY, controller);

  g_ptr_array_add (self->windows, window);
  g_object_weak_ref (G_OBJECT (window), window_gone_cb, self);
}

static void
toplevels_changed_cb (GListModel   *toplevels,
                      guint         position,
                      guint         removed,
                      guint         added,
                      HlKioskInput *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      watch_window (self, window);
    }
}

static void
unwatch_all (HlKioskInput *self)
{
  for (guint i = 0; i < self->windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (self->windows, i);
      GtkEventController *controller;

      g_object_weak_unref (G_OBJECT (window), window_gone_cb, self);
      controller = g_object_get_data (G_OBJECT (window), CONTROLLER_KEY);
      if (controller != NULL)
        gtk_widget_remove_controller (GTK_WIDGET (window), controller);
      g_object_set_data (G_OBJECT (window), CONTROLLER_KEY, NULL);
    }
  g_ptr_array_set_size (self->windows, 0);
}

void
hl_kiosk_input_start (HlKioskInput *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_if_fail (HL_IS_KIOSK_INPUT (self));

  if (self->running)
    return;

  self->running = TRUE;
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), self);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels), self);
  hl_kiosk_input_restart (self, FALSE);
}

void
hl_kiosk_input_stop (HlKioskInput *self)
{
  g_return_if_fail (HL_IS_KIOSK_INPUT (self));

  if (!self->running)
    return;

  self->running = FALSE;
  g_signal_handlers_disconnect_by_data (gtk_window_get_toplevels (), self);
  unwatch_all (self);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->idle = FALSE;
}

void
hl_kiosk_input_restart (HlKioskInput *self,
                        gboolean      after_input)
{
  g_return_if_fail (HL_IS_KIOSK_INPUT (self));

  self->last_input = g_get_monotonic_time ();
  self->idle = after_input;
  if (after_input)
    g_clear_handle_id (&self->timer_id, g_source_remove);
  else
    schedule (self, self->last_input);
}

void
hl_kiosk_input_set_idle_seconds (HlKioskInput *self,
                                 guint         seconds)
{
  g_return_if_fail (HL_IS_KIOSK_INPUT (self));

  self->idle_seconds = seconds;
  if (!self->idle)
    schedule (self, self->last_input);
}

void
hl_kiosk_input_set_allow_printing (HlKioskInput *self,
                                   gboolean      allow)
{
  g_return_if_fail (HL_IS_KIOSK_INPUT (self));
  self->allow_printing = allow;
}

static void
hl_kiosk_input_dispose (GObject *object)
{
  HlKioskInput *self = (HlKioskInput *) object;

  hl_kiosk_input_stop (self);

  G_OBJECT_CLASS (hl_kiosk_input_parent_class)->dispose (object);
}

static void
hl_kiosk_input_finalize (GObject *object)
{
  g_ptr_array_unref (HL_KIOSK_INPUT (object)->windows);

  G_OBJECT_CLASS (hl_kiosk_input_parent_class)->finalize (object);
}

static void
hl_kiosk_input_class_init (HlKioskInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hl_kiosk_input_dispose;
  object_class->finalize = hl_kiosk_input_finalize;

  /**
   * HlKioskInput::idle:
   *
   * Nobody used the app for :idle-seconds.
   */
  signals[IDLE] =
    g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * HlKioskInput::input:
   *
   * Someone used the app again after ::idle (or after a restart that waits
   * for input).
   */
  signals[INPUT] =
    g_signal_new ("input", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * HlKioskInput::unlock-requested:
   *
   * Ctrl+Alt+Shift+K: the administrator's way out.
   */
  signals[UNLOCK_REQUESTED] =
    g_signal_new ("unlock-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hl_kiosk_input_init (HlKioskInput *self)
{
  self->windows = g_ptr_array_new ();
  self->idle_seconds = 120;
  self->last_x = self->last_y = -1;
}

HlKioskInput *
hl_kiosk_input_new (void)
{
  return g_object_new (HL_TYPE_KIOSK_INPUT, NULL);
}
