/* hl-update-group.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-page-builder.h"
#include "hl-settings.h"
#include "hl-text.h"
#include "hl-update-group.h"

struct _HlUpdateGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template children */
  AdwActionRow        *content_row;
  GtkSpinner          *spinner;
  GtkButton           *check_button;
  GtkButton           *cancel_button;
  AdwPreferencesRow   *progress_row;
  GtkProgressBar      *progress_bar;
  AdwActionRow        *error_row;
  AdwActionRow        *previous_row;
  GtkButton           *rollback_button;
  AdwActionRow        *auto_row;
  GtkSwitch           *auto_switch;

  HlUpdateController  *controller;
  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (HlUpdateGroup, hl_update_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTROLLER,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_date (const char *date)
{
  return hl_page_format_date (date, hl_language_default ());
}

static void
refresh_dates (HlUpdateGroup *self)
{
  const char *content = hl_update_controller_get_content_date (self->controller);
  const char *previous = hl_update_controller_get_previous_date (self->controller);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (content != NULL)
    {
      g_autofree char *date = format_date (content);

      if (hl_update_controller_get_sample (self->controller))
        /* TRANSLATORS: %s is a date */
        title = g_strdup_printf (_("Sample content as of %s"), date);
      else
        /* TRANSLATORS: %s is a date */
        title = g_strdup_printf (_("Content as of %s"), date);
    }
  else
    title = g_strdup (_("Content date not known"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->content_row), title);

  if (previous != NULL)
    {
      g_autofree char *date = format_date (previous);

      if (hl_update_controller_get_previous_sample (self->controller))
        /* TRANSLATORS: %s is a date */
        subtitle = g_strdup_printf (_("Sample content as of %s"), date);
      else
        /* TRANSLATORS: %s is a date */
        subtitle = g_strdup_printf (_("Content as of %s"), date);
    }
  else
    subtitle = g_strdup (_("None yet: an update keeps the library it replaces here"));
  adw_action_row_set_subtitle (self->previous_row, subtitle);
}

static void
refresh_progress (HlUpdateGroup *self)
{
  HlUpdatePhase phase = hl_update_controller_get_phase (self->controller);
  double fraction = hl_update_controller_get_fraction (self->controller);
  g_autofree char *percent = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->progress_row),
                          phase == HL_UPDATE_PHASE_DOWNLOADING ||
                          phase == HL_UPDATE_PHASE_IMPORTING);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  /* TRANSLATORS: a share done, such as "45 %" */
  percent = g_strdup_printf (_("%d %%"), (int) (fraction * 100 + 0.5));
  gtk_progress_bar_set_text (self->progress_bar, percent);
}

static void
refresh_state (HlUpdateGroup *self)
{
  gboolean busy = hl_update_controller_get_busy (self->controller);
  gboolean failed = hl_update_controller_get_failed (self->controller) && !busy;
  gboolean locked = hl_update_controller_get_locked (self->controller);
  const char *status = hl_update_controller_get_status (self->controller);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);

  /* A failure gets a row of its own, with the whole message. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), failed);
  adw_action_row_set_subtitle (self->error_row, failed ? status : "");
  adw_action_row_set_subtitle (self->content_row, failed ? "" : status);

  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self),
    locked ? _("Your administrator has turned off changes to the library on this computer.")
           : _("Health topics from MedlinePlus, a service of the U.S. National Library of "
               "Medicine"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->auto_row),
                            !locked && g_settings_is_writable (self->settings,
                                                               HL_SETTINGS_AUTO_UPDATE));
  refresh_progress (self);
}

static void
controller_notify_cb (HlUpdateGroup *self,
                      GParamSpec    *pspec)
{
  if (g_str_equal (pspec->name, "fraction") || g_str_equal (pspec->name, "phase"))
    refresh_progress (self);
  else if (g_str_equal (pspec->name, "content-date") ||
           g_str_equal (pspec->name, "previous-date") || g_str_equal (pspec->name, "sample"))
    refresh_dates (self);
  else
    refresh_state (self);
}

static void
hl_update_group_constructed (GObject *object)
{
  HlUpdateGroup *self = HL_UPDATE_GROUP (object);

  G_OBJECT_CLASS (hl_update_group_parent_class)->constructed (object);

  g_signal_connect_object (self->controller, "notify", G_CALLBACK (controller_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, HL_SETTINGS_AUTO_UPDATE, self->auto_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  refresh_dates (self);
  refresh_state (self);
}

static void
hl_update_group_dispose (GObject *object)
{
  HlUpdateGroup *self = (HlUpdateGroup *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_UPDATE_GROUP);
  g_clear_object (&self->controller);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hl_update_group_parent_class)->dispose (object);
}

static void
hl_update_group_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HlUpdateGroup *self = HL_UPDATE_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER:
      self->controller = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_update_group_class_init (HlUpdateGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hl_update_group_constructed;
  object_class->dispose = hl_update_group_dispose;
  object_class->set_property = hl_update_group_set_property;

  properties[PROP_CONTROLLER] =
    g_param_spec_object ("controller", NULL, NULL, HL_TYPE_UPDATE_CONTROLLER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-update-group.ui");
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, content_row);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, check_button);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, progress_row);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, error_row);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, previous_row);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, rollback_button);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, auto_row);
  gtk_widget_class_bind_template_child (widget_class, HlUpdateGroup, auto_switch);
}

static void
hl_update_group_init (HlUpdateGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hl_update_group_new (HlUpdateController *controller,
                     GSettings          *settings)
{
  g_return_val_if_fail (HL_IS_UPDATE_CONTROLLER (controller), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HL_TYPE_UPDATE_GROUP, "controller", controller, "settings", settings,
                       NULL);
}
