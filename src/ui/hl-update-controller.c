/* hl-update-controller.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-content-date.h"
#include "hl-page-builder.h"
#include "hl-settings.h"
#include "hl-text.h"
#include "hl-lockdown.h"
#include "hl-update-controller.h"
#include "hl-update-error.h"

/* The automatic check: the first a little after the start, so that it does
 * not slow it down, then a look every hour at whether a day has passed. */
#define AUTO_FIRST_DELAY_SECONDS 20
#define AUTO_INTERVAL_SECONDS    (60 * 60)
#define AUTO_MIN_AGE_SECONDS     (24 * 60 * 60)

struct _HlUpdateController
{
  GObject           parent_instance;

  GSettings        *settings;
  HlLockdown       *lockdown;
  HlLibrary        *library;
  HlPageRenderer   *renderer;
  HlUpdater        *updater;
  GCancellable     *cancellable;

  GSimpleAction    *check_action;
  GSimpleAction    *cancel_action;
  GSimpleAction    *rollback_action;

  gboolean          running;      /* from the start of a run until its outcome is shown */
  gboolean          automatic;    /* the run going on was started by the timer */
  gboolean          failed;
  char             *result;       /* how the last attempt went, for :status */
  char             *status;
  char             *content_date;
  char             *previous_date;
  gboolean          sample;
  gboolean          previous_sample;

  HlUpdateSafeFunc  safe_func;
  gpointer          safe_data;
  GDestroyNotify    safe_destroy;
  guint             timer_id;
};

G_DEFINE_FINAL_TYPE (HlUpdateController, hl_update_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_LOCKED,
  PROP_FAILED,
  PROP_PHASE,
  PROP_FRACTION,
  PROP_CONTENT_DATE,
  PROP_PREVIOUS_DATE,
  PROP_SAMPLE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_date (const char *date)
{
  return hl_page_format_date (date, hl_language_default ());
}

/* "Last checked today", or on which day. */
static char *
dup_last_check_text (HlUpdateController *self)
{
  gint64 last = g_settings_get_int64 (self->settings, HL_SETTINGS_LAST_UPDATE_CHECK);
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;

  if (last <= 0)
    return g_strdup (_("Not checked for updates yet"));

  then = g_date_time_new_from_unix_local (last);
  now = g_date_time_new_now_local ();
  if (then == NULL)
    return g_strdup (_("Not checked for updates yet"));
  day = g_date_time_format (then, "%Y-%m-%d");
  if (hl_content_date_age_in_days (day, now) == 0)
    return g_strdup (_("Last checked today"));

  date = format_date (day);
  /* TRANSLATORS: %s is a date */
  return g_strdup_printf (_("Last checked on %s"), date);
}

static void
update_status (HlUpdateController *self)
{
  g_autofree char *status = NULL;

  switch (hl_updater_get_phase (self->updater))
    {
    case HL_UPDATE_PHASE_CHECKING:
      status = g_strdup (_("Looking for a newer MedlinePlus file…"));
      break;
    case HL_UPDATE_PHASE_DOWNLOADING:
      /* TRANSLATORS: %s is a file name such as mplus_topics_2026-11-30.xml */
      status = g_strdup_printf (_("Downloading %s…"), hl_updater_get_file_name (self->updater));
      break;
    case HL_UPDATE_PHASE_IMPORTING:
      status = g_strdup (_("Importing the new health topics…"));
      break;
    case HL_UPDATE_PHASE_IDLE:
    default:
      status = self->result ? g_strdup (self->result) : dup_last_check_text (self);
      break;
    }

  if (hl_set_str (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_result (HlUpdateController *self,
            const char         *result,
            gboolean            failed)
{
  hl_set_str (&self->result, result);
  if (self->failed != failed)
    {
      self->failed = failed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
    }
  update_status (self);
}

static void
set_running (HlUpdateController *self,
             gboolean            running)
{
  if (self->running == running)
    return;

  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (HlUpdateController *self)
{
  gboolean busy = self->running;
  gboolean locked = hl_update_controller_get_locked (self);
  gboolean importing = hl_library_get_state (self->library) == HL_LIBRARY_STATE_IMPORTING;

  g_simple_action_set_enabled (self->check_action, !busy && !locked && !importing);
  g_simple_action_set_enabled (self->cancel_action, busy);
  g_simple_action_set_enabled (self->rollback_action,
                               !busy && !locked && !importing && self->previous_date != NULL);
}

/* The dates shown on the Library page, read again whenever the library file
 * may have changed. */
static void
refresh_dates (HlUpdateController *self)
{
  HlTopicStore *store = hl_library_get_store (self->library);
  g_autofree char *content = store ? hl_content_date_of_store (store) : NULL;
  gboolean sample = store != NULL && hl_topic_store_is_sample (store);
  gboolean previous_sample = FALSE;
  g_autofree char *previous = hl_update_dup_previous_date (hl_library_get_path (self->library),
                                                           &previous_sample);

  if (self->sample != sample)
    {
      self->sample = sample;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAMPLE]);
    }
  if (hl_set_str (&self->content_date, content))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_DATE]);
  /* The page reads the date with whether it is the sample's. */
  if (hl_set_str (&self->previous_date, previous) || self->previous_sample != previous_sample)
    {
      self->previous_sample = previous_sample;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIOUS_DATE]);
    }
  update_actions (self);
}

static void
remember_check (HlUpdateController *self)
{
  g_settings_set_int64 (self->settings, HL_SETTINGS_LAST_UPDATE_CHECK,
                        g_get_real_time () / G_USEC_PER_SEC);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HlUpdateController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  HlUpdateResult outcome;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (!hl_updater_run_finish (self->updater, result, &outcome, &error))
    {
      if (self->automatic)
        remember_check (self);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_result (self, _("The update was cancelled. The library was not changed."), FALSE);
      else
        {
          /* TRANSLATORS: %s is why the update failed */
          text = g_strdup_printf (_("%s The library was not changed."), error->message);
          set_result (self, text, TRUE);
        }
      update_actions (self);
      return;
    }

  remember_check (self);
  date = format_date (hl_updater_get_offered_date (self->updater));

  if (outcome == HL_UPDATE_RESULT_UP_TO_DATE)
    {
      /* TRANSLATORS: %s is a date */
      text = g_strdup_printf (_("Up to date: the newest MedlinePlus file is of %s."), date);
      set_result (self, text, FALSE);
      update_actions (self);
      return;
    }

  /* A kiosk in the middle of a patient's reading takes the new file up at
   * its next start over: the library's watch on its file sees it there. */
  if (!hl_library_get_defer_updates (self->library) && !hl_library_reopen (self->library, &error))
    {
      set_result (self, error->message, TRUE);
      refresh_dates (self);
      return;
    }

  /* TRANSLATORS: %s is a date */
  text = g_strdup_printf (_("Updated to the MedlinePlus file of %s."), date);
  set_result (self, text, FALSE);
  refresh_dates (self);
}

static void
start (HlUpdateController *self,
       gboolean            automatic)
{
  g_autofree char *url = NULL;

  if (self->running || hl_update_controller_get_locked (self))
    return;

  url = g_settings_get_string (self->settings, HL_SETTINGS_UPDATE_URL);
  hl_updater_set_url (self->updater, url);
  self->automatic = automatic;
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->result, g_free);
  set_running (self, TRUE);
  hl_updater_run_async (self->updater, self->cancellable, run_done_cb, g_object_ref (self));
  update_actions (self);
}

void
hl_update_controller_check (HlUpdateController *self)
{
  g_return_if_fail (HL_IS_UPDATE_CONTROLLER (self));

  start (self, FALSE);
}

void
hl_update_controller_cancel (HlUpdateController *self)
{
  g_return_if_fail (HL_IS_UPDATE_CONTROLLER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
hl_update_controller_rollback (HlUpdateController  *self,
                               GError             **error)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), FALSE);

  if (self->running || hl_update_controller_get_locked (self))
    {
      g_set_error_literal (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_BUSY,
                           hl_update_controller_get_locked (self)
                             ? _("Changing the library is turned off on this computer.")
                             : _("An update is already running. Wait for it to finish."));
      return FALSE;
    }

  if (!hl_update_rollback (hl_library_get_path (self->library), error) ||
      !hl_library_reopen (self->library, error))
    {
      refresh_dates (self);
      return FALSE;
    }

  refresh_dates (self);
  date = self->content_date ? format_date (self->content_date) : NULL;
  /* TRANSLATORS: %s is a date */
  text = date ? g_strdup_printf (_("Went back to the previous library, with content as of %s."),
                                 date)
              : g_strdup (_("Went back to the previous library."));
  set_result (self, text, FALSE);
  return TRUE;
}

gboolean
hl_update_controller_run_due_check (HlUpdateController *self)
{
  gint64 last, now;

  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), FALSE);

  if (!g_settings_get_boolean (self->settings, HL_SETTINGS_AUTO_UPDATE) ||
      hl_update_controller_get_locked (self) || self->running ||
      hl_library_get_state (self->library) != HL_LIBRARY_STATE_READY)
    return FALSE;

  /* A clock set back counts as due. */
  last = g_settings_get_int64 (self->settings, HL_SETTINGS_LAST_UPDATE_CHECK);
  now = g_get_real_time () / G_USEC_PER_SEC;
  if (last > 0 && last <= now && now - last < AUTO_MIN_AGE_SECONDS)
    return FALSE;

  if (self->safe_func != NULL && !self->safe_func (self->safe_data))
    return FALSE;

  start (self, TRUE);
  return TRUE;
}

void
hl_update_controller_safe_moment (HlUpdateController *self)
{
  g_return_if_fail (HL_IS_UPDATE_CONTROLLER (self));

  hl_update_controller_run_due_check (self);
}

void
hl_update_controller_set_safe_func (HlUpdateController *self,
                                    HlUpdateSafeFunc    func,
                                    gpointer            user_data,
                                    GDestroyNotify      destroy)
{
  g_return_if_fail (HL_IS_UPDATE_CONTROLLER (self));

  if (self->safe_destroy != NULL)
    self->safe_destroy (self->safe_data);
  self->safe_func = func;
  self->safe_data = user_data;
  self->safe_destroy = destroy;
}

static gboolean
hourly_cb (gpointer data)
{
  hl_update_controller_run_due_check (data);
  return G_SOURCE_CONTINUE;
}

static gboolean
first_check_cb (gpointer data)
{
  HlUpdateController *self = data;

  self->timer_id = g_timeout_add_seconds (AUTO_INTERVAL_SECONDS, hourly_cb, self);
  hl_update_controller_run_due_check (self);
  return G_SOURCE_REMOVE;
}

static void
check_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  hl_update_controller_check (user_data);
}

static void
cancel_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  hl_update_controller_cancel (user_data);
}

static void
rollback_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HlUpdateController *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hl_update_controller_rollback (self, &error))
    set_result (self, error->message, TRUE);
}

void
hl_update_controller_add_actions (HlUpdateController *self,
                                  GActionMap         *map)
{
  g_return_if_fail (HL_IS_UPDATE_CONTROLLER (self));
  g_return_if_fail (G_IS_ACTION_MAP (map));

  g_action_map_add_action (map, G_ACTION (self->check_action));
  g_action_map_add_action (map, G_ACTION (self->cancel_action));
  g_action_map_add_action (map, G_ACTION (self->rollback_action));
}

static void
updater_changed_cb (HlUpdateController *self,
                    GParamSpec         *pspec)
{
  if (g_str_equal (pspec->name, "phase"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
  else if (g_str_equal (pspec->name, "fraction"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  update_status (self);
}

static void
lockdown_changed_cb (HlUpdateController *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
  update_actions (self);
}

static void
stale_after_days_changed_cb (HlUpdateController *self)
{
  hl_page_renderer_set_stale_after_days (self->renderer,
                                         g_settings_get_uint (self->settings,
                                                              HL_SETTINGS_STALE_AFTER_DAYS));
}

static void
hl_update_controller_dispose (GObject *object)
{
  HlUpdateController *self = (HlUpdateController *) object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->updater != NULL)
    g_signal_handlers_disconnect_by_data (self->updater, self);
  if (self->safe_destroy != NULL)
    self->safe_destroy (self->safe_data);
  self->safe_func = NULL;
  self->safe_destroy = NULL;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->lockdown);
  g_clear_object (&self->library);
  g_clear_object (&self->renderer);
  g_clear_object (&self->updater);
  g_clear_object (&self->check_action);
  g_clear_object (&self->cancel_action);
  g_clear_object (&self->rollback_action);

  G_OBJECT_CLASS (hl_update_controller_parent_class)->dispose (object);
}

static void
hl_update_controller_finalize (GObject *object)
{
  HlUpdateController *self = (HlUpdateController *) object;

  g_free (self->result);
  g_free (self->status);
  g_free (self->content_date);
  g_free (self->previous_date);

  G_OBJECT_CLASS (hl_update_controller_parent_class)->finalize (object);
}

static void
hl_update_controller_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HlUpdateController *self = HL_UPDATE_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, hl_update_controller_get_busy (self));
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, hl_update_controller_get_locked (self));
      break;
    case PROP_FAILED:
      g_value_set_boolean (value, self->failed);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, hl_updater_get_phase (self->updater));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, hl_updater_get_fraction (self->updater));
      break;
    case PROP_CONTENT_DATE:
      g_value_set_string (value, self->content_date);
      break;
    case PROP_PREVIOUS_DATE:
      g_value_set_string (value, self->previous_date);
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_update_controller_class_init (HlUpdateControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = hl_update_controller_dispose;
  object_class->finalize = hl_update_controller_finalize;
  object_class->get_property = hl_update_controller_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, flags);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, flags);
  properties[PROP_FAILED] = g_param_spec_boolean ("failed", NULL, NULL, FALSE, flags);
  properties[PROP_PHASE] = g_param_spec_enum ("phase", NULL, NULL, HL_TYPE_UPDATE_PHASE,
                                              HL_UPDATE_PHASE_IDLE, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_CONTENT_DATE] = g_param_spec_string ("content-date", NULL, NULL, NULL, flags);
  properties[PROP_PREVIOUS_DATE] = g_param_spec_string ("previous-date", NULL, NULL, NULL, flags);
  properties[PROP_SAMPLE] = g_param_spec_boolean ("sample", NULL, NULL, FALSE, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_update_controller_init (HlUpdateController *self)
{
  self->check_action = g_simple_action_new ("check-for-updates", NULL);
  self->cancel_action = g_simple_action_new ("cancel-update", NULL);
  self->rollback_action = g_simple_action_new ("rollback-library", NULL);
  g_signal_connect (self->check_action, "activate", G_CALLBACK (check_activated), self);
  g_signal_connect (self->cancel_action, "activate", G_CALLBACK (cancel_activated), self);
  g_signal_connect (self->rollback_action, "activate", G_CALLBACK (rollback_activated), self);
}

HlUpdateController *
hl_update_controller_new (GSettings      *settings,
                          HlLockdown     *lockdown,
                          HlLibrary      *library,
                          HlPageRenderer *renderer)
{
  HlUpdateController *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (HL_IS_LOCKDOWN (lockdown), NULL);
  g_return_val_if_fail (HL_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (HL_IS_PAGE_RENDERER (renderer), NULL);

  self = g_object_new (HL_TYPE_UPDATE_CONTROLLER, NULL);
  self->settings = g_object_ref (settings);
  self->library = g_object_ref (library);
  self->renderer = g_object_ref (renderer);
  self->updater = hl_updater_new (hl_library_get_path (library));
  self->lockdown = g_object_ref (lockdown);

  g_signal_connect_object (self->updater, "notify", G_CALLBACK (updater_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "notify::store", G_CALLBACK (refresh_dates), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "notify::state", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::" HL_SETTINGS_STALE_AFTER_DAYS,
                           G_CALLBACK (stale_after_days_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::" HL_SETTINGS_LAST_UPDATE_CHECK,
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lockdown, "notify::disable-import",
                           G_CALLBACK (lockdown_changed_cb), self, G_CONNECT_SWAPPED);

  stale_after_days_changed_cb (self);
  refresh_dates (self);
  update_status (self);

  self->timer_id = g_timeout_add_seconds (AUTO_FIRST_DELAY_SECONDS, first_check_cb, self);
  return self;
}

gboolean
hl_update_controller_get_busy (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), FALSE);
  return self->running;
}

gboolean
hl_update_controller_get_locked (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), FALSE);
  return hl_lockdown_get_disable_import (self->lockdown);
}

gboolean
hl_update_controller_get_failed (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), FALSE);
  return self->failed;
}

HlUpdatePhase
hl_update_controller_get_phase (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), HL_UPDATE_PHASE_IDLE);
  return hl_updater_get_phase (self->updater);
}

double
hl_update_controller_get_fraction (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), 0);
  return hl_updater_get_fraction (self->updater);
}

const char *
hl_update_controller_get_content_date (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), NULL);
  return self->content_date;
}

const char *
hl_update_controller_get_previous_date (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), NULL);
  return self->previous_date;
}

gboolean
hl_update_controller_get_previous_sample (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), FALSE);
  return self->previous_sample;
}

gboolean
hl_update_controller_get_sample (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), FALSE);
  return self->sample;
}

const char *
hl_update_controller_get_status (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), NULL);
  return self->status;
}

HlUpdater *
hl_update_controller_get_updater (HlUpdateController *self)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (self), NULL);
  return self->updater;
}
