/* hl-kiosk.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "hl-kiosk.h"
#include "hl-settings.h"
#include "hl-unlock-code.h"

struct _HlKiosk
{
  GObject             parent_instance;

  GSettings          *settings;
  GActionMap         *app_actions;     /* the application's: not a reference */
  HlUserSession      *user_session;
  HlLibrary          *library;
  HlUpdateController *updates;

  gboolean            key;             /* kiosk-mode */
  gboolean            forced;          /* --kiosk */
  gboolean            left;            /* the unlock code was given */
  gboolean            active;
  gboolean            starting_over;
  guint               idle_seconds;
  gboolean            allow_printing;
  char               *code_hash;       /* NULL when no usable one is set */

  guint               wrong_codes;     /* since the last right one */
  gint64              wait_until;      /* monotonic time; no check before it */
  gboolean            checking;
};

G_DEFINE_FINAL_TYPE (HlKiosk, hl_kiosk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_IDLE_SECONDS,
  PROP_ALLOW_PRINTING,
  PROP_HAS_CODE,
  N_PROPS
};

enum {
  START_OVER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a patient must never reach: these app actions are off while kiosk
 * mode is on (also over D-Bus, where GApplication offers them). */
static const char *forbidden_app_actions[] = { "quit", "preferences", "about" };

/* The whole app, while kiosk mode is on */

static void
apply_to_app (HlKiosk *self)
{
  GtkSettings *toolkit = gtk_settings_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (forbidden_app_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (self->app_actions, forbidden_app_actions[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !self->active);
    }

  /* Nothing of one patient is kept for the next: no history, no bookmarks
   * (remember-history, which fleets lock off, is not even asked). */
  hl_user_session_set_keep_nothing (self->user_session, self->active);
  /* Another process's import or update waits for the next start over. */
  hl_library_set_defer_updates (self->library, self->active);

  if (toolkit == NULL)
    return;

  if (self->active)
    {
      /* No minimize, maximize or close button in any header bar. */
      g_object_set (toolkit, "gtk-decoration-layout", ":", NULL);
      /* Printing goes to the computer's printers: GTK's "file" backend
       * (Print to File) and its file chooser are not loaded. */
      g_object_set (toolkit, "gtk-print-backends", "cups", NULL);
      gtk_window_set_interactive_debugging (FALSE);
    }
  else
    {
      gtk_settings_reset_property (toolkit, "gtk-decoration-layout");
      gtk_settings_reset_property (toolkit, "gtk-print-backends");
    }
}

static void
update_active (HlKiosk *self)
{
  gboolean active = (self->key || self->forced) && !self->left;

  if (active == self->active)
    return;

  self->active = active;
  apply_to_app (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
read_code (HlKiosk *self)
{
  g_autofree char *stored = g_settings_get_string (self->settings, HL_SETTINGS_KIOSK_UNLOCK_CODE);
  gboolean had = self->code_hash != NULL;

  g_clear_pointer (&self->code_hash, g_free);
  if (hl_unlock_code_is_valid (stored))
    self->code_hash = g_steal_pointer (&stored);
  else if (*stored != '\0')
    /* A code in clear, or a value cut short: it unlocks nothing. */
    g_warning ("The setting %s is not a value from “health-library --hash-kiosk-code”; "
               "kiosk mode cannot be left until it is.", HL_SETTINGS_KIOSK_UNLOCK_CODE);

  if (had != (self->code_hash != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CODE]);
}

/* The keys are read once here and when dconf says they changed. */
static void
settings_changed_cb (GSettings  *settings,
                     const char *key,
                     HlKiosk    *self)
{
  if (key == NULL || g_str_equal (key, HL_SETTINGS_KIOSK_IDLE_SECONDS))
    {
      guint seconds = g_settings_get_uint (settings, HL_SETTINGS_KIOSK_IDLE_SECONDS);

      if (seconds != self->idle_seconds)
        {
          self->idle_seconds = seconds;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_SECONDS]);
        }
    }

  if (key == NULL || g_str_equal (key, HL_SETTINGS_KIOSK_ALLOW_PRINTING))
    {
      gboolean allow = g_settings_get_boolean (settings, HL_SETTINGS_KIOSK_ALLOW_PRINTING);

      if (allow != self->allow_printing)
        {
          self->allow_printing = allow;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_PRINTING]);
        }
    }

  if (key == NULL || g_str_equal (key, HL_SETTINGS_KIOSK_UNLOCK_CODE))
    read_code (self);

  if (key == NULL || g_str_equal (key, HL_SETTINGS_KIOSK_MODE))
    {
      self->key = g_settings_get_boolean (settings, HL_SETTINGS_KIOSK_MODE);
      update_active (self);
    }
}

/* Library updates run at a start over, never in the middle of a patient's
 * reading. */
static gboolean
update_is_safe_cb (gpointer data)
{
  HlKiosk *self = data;

  return !self->active || self->starting_over;
}

/* The unlock code */

typedef struct
{
  char *stored;
  char *code;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_free (check->stored);
  if (check->code != NULL)
    explicit_bzero (check->code, strlen (check->code));
  g_free (check->code);
  g_free (check);
}

static void
check_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;

  g_task_return_boolean (task, hl_unlock_code_verify (check->stored, check->code));
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  HlKiosk *self = HL_KIOSK (source);
  g_autoptr(GTask) task = user_data;
  gboolean right = g_task_propagate_boolean (G_TASK (result), NULL);

  self->checking = FALSE;

  if (right)
    {
      self->wrong_codes = 0;
      self->wait_until = 0;
      /* What the last patient left goes before the administrator sees the
       * app. */
      hl_kiosk_start_over (self);
      self->left = TRUE;
      update_active (self);
      g_task_return_int (task, HL_KIOSK_UNLOCK_OPENED);
      return;
    }

  self->wrong_codes++;
  if (self->wrong_codes >= HL_KIOSK_FREE_TRIES)
    {
      guint doublings = MIN (self->wrong_codes - HL_KIOSK_FREE_TRIES, 8);
      guint wait = MIN (HL_KIOSK_FIRST_WAIT_SECONDS << doublings, HL_KIOSK_LONGEST_WAIT_SECONDS);

      self->wait_until = g_get_monotonic_time () + wait * G_USEC_PER_SEC;
    }
  g_task_return_int (task, HL_KIOSK_UNLOCK_WRONG);
}

void
hl_kiosk_unlock_async (HlKiosk             *self,
                       const char          *code,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) check_task = NULL;
  Check *check;

  g_return_if_fail (HL_IS_KIOSK (self));
  g_return_if_fail (code != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_kiosk_unlock_async);

  if (self->code_hash == NULL)
    {
      g_task_return_int (task, HL_KIOSK_UNLOCK_NO_CODE);
      return;
    }
  if (self->checking || hl_kiosk_get_wait_seconds (self) > 0)
    {
      g_task_return_int (task, HL_KIOSK_UNLOCK_WAIT);
      return;
    }

  self->checking = TRUE;
  check = g_new0 (Check, 1);
  check->stored = g_strdup (self->code_hash);
  check->code = g_strdup (code);
  /* The check goes on when the dialog goes: its outcome still counts. */
  check_task = g_task_new (self, NULL, checked_cb, g_steal_pointer (&task));
  g_task_set_task_data (check_task, check, check_free);
  g_task_run_in_thread (check_task, check_thread);
}

HlKioskUnlockResult
hl_kiosk_unlock_finish (HlKiosk      *self,
                        GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), HL_KIOSK_UNLOCK_WRONG);

  return g_task_propagate_int (G_TASK (result), NULL);
}

guint
hl_kiosk_get_wait_seconds (HlKiosk *self)
{
  gint64 now;

  g_return_val_if_fail (HL_IS_KIOSK (self), 0);

  now = g_get_monotonic_time ();
  if (self->wait_until <= now)
    return 0;

  return (self->wait_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

/* Starting over */

void
hl_kiosk_start_over (HlKiosk *self)
{
  g_return_if_fail (HL_IS_KIOSK (self));

  g_object_ref (self);
  self->starting_over = TRUE;

  /* A library that another process put in place while the last patient
   * read: the windows start over on it. */
  if (hl_library_get_update_pending (self->library))
    hl_library_apply_update (self->library);

  g_signal_emit (self, signals[START_OVER], 0);

  hl_user_session_forget_everything (self->user_session);
  hl_update_controller_safe_moment (self->updates);

  self->starting_over = FALSE;
  g_object_unref (self);
}

gboolean
hl_kiosk_refuses_quit (HlKiosk *self)
{
  g_return_val_if_fail (HL_IS_KIOSK (self), FALSE);
  return self->active;
}

gboolean
hl_kiosk_prepare_environment (GSettings *settings,
                              gboolean   forced)
{
  if (!forced && (settings == NULL ||
                  !g_settings_get_boolean (settings, HL_SETTINGS_KIOSK_MODE)))
    return FALSE;

  /* GTK_DEBUG=interactive opens the GTK Inspector with the first window;
   * WebKit's inspector variables open it to the network. */
  g_unsetenv ("GTK_DEBUG");
  g_unsetenv ("WEBKIT_INSPECTOR_SERVER");
  g_unsetenv ("WEBKIT_INSPECTOR_HTTP_SERVER");
  g_unsetenv ("WEBKIT_INSPECTOR_PIPE");
  return TRUE;
}

/* The object */

static void
hl_kiosk_dispose (GObject *object)
{
  HlKiosk *self = (HlKiosk *) object;

  if (self->updates != NULL)
    hl_update_controller_set_safe_func (self->updates, NULL, NULL, NULL);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  g_clear_object (&self->settings);
  g_clear_object (&self->user_session);
  g_clear_object (&self->library);
  g_clear_object (&self->updates);

  G_OBJECT_CLASS (hl_kiosk_parent_class)->dispose (object);
}

static void
hl_kiosk_finalize (GObject *object)
{
  HlKiosk *self = (HlKiosk *) object;

  g_free (self->code_hash);

  G_OBJECT_CLASS (hl_kiosk_parent_class)->finalize (object);
}

static void
hl_kiosk_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HlKiosk *self = HL_KIOSK (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_IDLE_SECONDS:
      g_value_set_uint (value, self->idle_seconds);
      break;
    case PROP_ALLOW_PRINTING:
      g_value_set_boolean (value, self->allow_printing);
      break;
    case PROP_HAS_CODE:
      g_value_set_boolean (value, self->code_hash != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_kiosk_class_init (HlKioskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hl_kiosk_dispose;
  object_class->finalize = hl_kiosk_finalize;
  object_class->get_property = hl_kiosk_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDLE_SECONDS] =
    g_param_spec_uint ("idle-seconds", NULL, NULL, 0, G_MAXUINT, 120,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_PRINTING] =
    g_param_spec_boolean ("allow-printing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_CODE] =
    g_param_spec_boolean ("has-code", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HlKiosk::start-over:
   *
   * The next patient comes: each window goes back to its kiosk home,
   * without a trace of the last one.
   */
  signals[START_OVER] =
    g_signal_new ("start-over", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hl_kiosk_init (HlKiosk *self)
{
}

HlKiosk *
hl_kiosk_new (GSettings          *settings,
              GActionMap         *app_actions,
              HlUserSession      *user_session,
              HlLibrary          *library,
              HlUpdateController *updates)
{
  HlKiosk *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (G_IS_ACTION_MAP (app_actions), NULL);
  g_return_val_if_fail (HL_IS_USER_SESSION (user_session), NULL);
  g_return_val_if_fail (HL_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (updates), NULL);

  self = g_object_new (HL_TYPE_KIOSK, NULL);
  self->settings = g_object_ref (settings);
  self->app_actions = app_actions;
  self->user_session = g_object_ref (user_session);
  self->library = g_object_ref (library);
  self->updates = g_object_ref (updates);

  hl_update_controller_set_safe_func (updates, update_is_safe_cb, self, NULL);
  g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  settings_changed_cb (settings, NULL, self);

  return self;
}

void
hl_kiosk_set_forced (HlKiosk  *self,
                     gboolean  forced)
{
  g_return_if_fail (HL_IS_KIOSK (self));

  self->forced = !!forced;
  update_active (self);
}

gboolean
hl_kiosk_get_active (HlKiosk *self)
{
  g_return_val_if_fail (HL_IS_KIOSK (self), FALSE);
  return self->active;
}

guint
hl_kiosk_get_idle_seconds (HlKiosk *self)
{
  g_return_val_if_fail (HL_IS_KIOSK (self), 0);
  return self->idle_seconds;
}

gboolean
hl_kiosk_get_allow_printing (HlKiosk *self)
{
  g_return_val_if_fail (HL_IS_KIOSK (self), FALSE);
  return self->allow_printing;
}

gboolean
hl_kiosk_get_has_code (HlKiosk *self)
{
  g_return_val_if_fail (HL_IS_KIOSK (self), FALSE);
  return self->code_hash != NULL;
}
