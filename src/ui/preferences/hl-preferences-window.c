/* hl-preferences-window.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-kiosk-page.h"
#include "hl-locked-row.h"
#include "hl-preferences-window.h"
#include "hl-settings.h"
#include "hl-topic.h"

/* The values of the keys shown as lists, in the order of their rows. */
static const char *languages[] = { "", "en", "es" };
static const char *color_schemes[] = { "default", "light", "dark" };

#define ZOOM_STEP 0.25

struct _HlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  AdwComboRow          *language_row;
  AdwActionRow         *text_size_row;
  GtkScale             *text_size_scale;
  GtkAdjustment        *text_size_adjustment;
  AdwComboRow          *color_scheme_row;
  AdwActionRow         *history_row;
  GtkSwitch            *history_switch;
  AdwComboRow          *home_clinic_row;
  AdwPreferencesGroup  *clinic_facts_group;
  HlLibraryPage        *library_page;
  HlKioskPage          *kiosk_page;

  GSettings            *settings;
  HlClinicDirectory    *clinics;
  GPtrArray            *clinic_ids;  /* the home-clinic row's values, "" first */
  GPtrArray            *fact_rows;   /* in clinic_facts_group */
};

G_DEFINE_FINAL_TYPE (HlPreferencesWindow, hl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Mappings between keys and list rows */

static gboolean
get_index_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char * const *values = user_data;
  const char *string = g_variant_get_string (variant, NULL);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_str_equal (values[i], string))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
set_index_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  const char * const *values = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) values))
    return NULL;

  return g_variant_new_string (values[index]);
}

/* Reading */

static char *
format_percent (GtkScale *scale,
                double    value,
                gpointer  user_data)
{
  /* TRANSLATORS: a percentage, such as "150 %" */
  return g_strdup_printf (_("%d %%"), (int) (value * 100 + 0.5));
}

/* Large steps: the text size moves by a quarter of its normal size. */
static gboolean
text_size_change_value_cb (GtkRange      *range,
                           GtkScrollType  scroll,
                           double         value,
                           gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_range_get_adjustment (range);
  double step = (int) (value / ZOOM_STEP + 0.5) * ZOOM_STEP;

  gtk_adjustment_set_value (adjustment, CLAMP (step, gtk_adjustment_get_lower (adjustment),
                                               gtk_adjustment_get_upper (adjustment)));
  return TRUE;
}

static void
setup_reading (HlPreferencesWindow *self)
{
  const char *desktop = hl_language_default ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *follow = NULL;

  /* TRANSLATORS: the language of the desktop; %s is the language that
   * means now, "English" or "Español" */
  follow = g_strdup_printf (_("Automatic (%s)"),
                            g_str_equal (desktop, "es") ? "Español" : "English");
  gtk_string_list_append (list, follow);
  gtk_string_list_append (list, "English");
  gtk_string_list_append (list, "Español");
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (list));

  g_settings_bind_with_mapping (self->settings, HL_SETTINGS_CONTENT_LANGUAGE,
                                self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY,
                                get_index_mapping, set_index_mapping, languages, NULL);
  hl_locked_row_watch (ADW_ACTION_ROW (self->language_row), self->settings,
                       HL_SETTINGS_CONTENT_LANGUAGE);

  for (double mark = 1.0; mark <= 3.0; mark += 0.5)
    gtk_scale_add_mark (self->text_size_scale, mark, GTK_POS_BOTTOM, NULL);
  gtk_scale_set_format_value_func (self->text_size_scale, format_percent, NULL, NULL);
  /* The key allows down to 50 % for Ctrl+minus; the row offers 100 % and up,
   * and shows a smaller value as 100 % without writing it. */
  g_settings_bind (self->settings, HL_SETTINGS_ZOOM_LEVEL, self->text_size_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  hl_locked_row_watch (self->text_size_row, self->settings, HL_SETTINGS_ZOOM_LEVEL);

  g_settings_bind_with_mapping (self->settings, HL_SETTINGS_COLOR_SCHEME,
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY,
                                get_index_mapping, set_index_mapping, color_schemes, NULL);
  hl_locked_row_watch (ADW_ACTION_ROW (self->color_scheme_row), self->settings,
                       HL_SETTINGS_COLOR_SCHEME);

  g_settings_bind (self->settings, HL_SETTINGS_REMEMBER_HISTORY, self->history_switch, "active",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  hl_locked_row_watch (self->history_row, self->settings, HL_SETTINGS_REMEMBER_HISTORY);
}

/* This Clinic */

/* "Kilgore, TX" for a clinic named after its town, "North Clinic (Tyler,
 * TX)" otherwise. */
static char *
dup_clinic_label (HlClinic *clinic)
{
  g_autofree char *place = hl_clinic_dup_place (clinic);

  /* The list shows little of a long label: its town is in the facts below. */
  if (g_str_equal (hl_clinic_get_id (clinic), "home-office"))
    return g_strdup (_("Home office"));
  if (g_strcmp0 (hl_clinic_get_name (clinic), hl_clinic_get_city (clinic)) == 0)
    return g_steal_pointer (&place);

  return g_strdup_printf ("%s (%s)", hl_clinic_get_name (clinic), place);
}

typedef struct
{
  char *label;
  char *id;
} Choice;

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  const Choice *x = a;
  const Choice *y = b;

  return g_utf8_collate (x->label, y->label);
}

static void
add_fact_row (HlPreferencesWindow *self,
              const char          *title,
              const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  adw_preferences_group_add (self->clinic_facts_group, row);
  g_ptr_array_add (self->fact_rows, row);
}

/* What the pages will say about the chosen clinic: only what the directory
 * has. */
static void
update_clinic_facts (HlPreferencesWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, HL_SETTINGS_HOME_CLINIC);
  HlClinic *clinic = NULL;
  g_autofree char *place = NULL;
  const char *helpline;

  for (guint i = 0; i < self->fact_rows->len; i++)
    adw_preferences_group_remove (self->clinic_facts_group, g_ptr_array_index (self->fact_rows, i));
  g_ptr_array_set_size (self->fact_rows, 0);

  if (self->clinics != NULL && *id != '\0')
    clinic = hl_clinic_directory_lookup (self->clinics, id);
  gtk_widget_set_visible (GTK_WIDGET (self->clinic_facts_group), clinic != NULL);
  if (clinic == NULL)
    return;

  place = hl_clinic_dup_place (clinic);
  add_fact_row (self, _("Name"), hl_clinic_get_name (clinic));
  add_fact_row (self, _("Town"), place);
  if (hl_clinic_get_address (clinic) != NULL)
    {
      const char *postal = hl_clinic_get_postal_code (clinic);
      g_autofree char *address = g_strdup_printf ("%s\n%s%s%s", hl_clinic_get_address (clinic),
                                                  place, postal ? " " : "", postal ? postal : "");

      add_fact_row (self, _("Address"), address);
    }
  if (hl_clinic_get_phone (clinic) != NULL)
    add_fact_row (self, _("Phone"), hl_clinic_get_phone (clinic));
  if (hl_clinic_get_hours (clinic) != NULL)
    add_fact_row (self, _("Hours"), hl_clinic_get_hours (clinic));
  if (hl_clinic_get_address (clinic) == NULL && hl_clinic_get_phone (clinic) == NULL &&
      hl_clinic_get_hours (clinic) == NULL)
    add_fact_row (self, _("Address, phone and hours"), _("Not in the directory yet"));

  helpline = hl_clinic_directory_get_helpline (self->clinics);
  if (helpline != NULL)
    add_fact_row (self, _("24/7 helpline"), helpline);
}

static void
setup_clinic (HlPreferencesWindow *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  HlClinic *office = NULL;

  gtk_string_list_append (list, _("None"));
  g_ptr_array_add (self->clinic_ids, g_strdup (""));

  if (self->clinics != NULL)
    {
      GListModel *clinics = hl_clinic_directory_get_clinics (self->clinics);

      for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
        {
          g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);
          Choice choice = { dup_clinic_label (clinic), g_strdup (hl_clinic_get_id (clinic)) };

          g_array_append_val (choices, choice);
        }
      /* People look clinics up by town. */
      g_array_sort (choices, compare_choices);

      office = hl_clinic_directory_get_home_office (self->clinics);
      if (office != NULL)
        {
          Choice choice = { dup_clinic_label (office), g_strdup (hl_clinic_get_id (office)) };

          g_array_append_val (choices, choice);
        }
    }

  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = &g_array_index (choices, Choice, i);

      gtk_string_list_append (list, choice->label);
      g_ptr_array_add (self->clinic_ids, choice->id);
      g_free (choice->label);
    }
  g_ptr_array_add (self->clinic_ids, NULL);
  adw_combo_row_set_model (self->home_clinic_row, G_LIST_MODEL (list));

  if (self->clinics == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->home_clinic_row),
                                 _("The clinic directory could not be read"));

  /* An id the directory does not have shows as None, and is left as it is
   * until someone chooses. */
  g_settings_bind_with_mapping (self->settings, HL_SETTINGS_HOME_CLINIC,
                                self->home_clinic_row, "selected",
                                G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY,
                                get_index_mapping, set_index_mapping,
                                self->clinic_ids->pdata, NULL);
  if (adw_combo_row_get_selected (self->home_clinic_row) == GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->home_clinic_row, 0);
  hl_locked_row_watch (ADW_ACTION_ROW (self->home_clinic_row), self->settings,
                       HL_SETTINGS_HOME_CLINIC);
  if (self->clinics == NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->home_clinic_row), FALSE);

  g_signal_connect_object (self->settings, "changed::" HL_SETTINGS_HOME_CLINIC,
                           G_CALLBACK (update_clinic_facts), self, G_CONNECT_SWAPPED);
  update_clinic_facts (self);
}

static void
hl_preferences_window_dispose (GObject *object)
{
  HlPreferencesWindow *self = (HlPreferencesWindow *) object;

  /* The bindings and handlers go with the settings' last reference to us. */
  if (self->settings != NULL)
    {
      g_settings_unbind (self->language_row, "selected");
      g_settings_unbind (self->text_size_adjustment, "value");
      g_settings_unbind (self->color_scheme_row, "selected");
      g_settings_unbind (self->history_switch, "active");
      g_settings_unbind (self->home_clinic_row, "selected");
      g_signal_handlers_disconnect_by_data (self->settings, self);
    }
  g_clear_object (&self->settings);
  g_clear_object (&self->clinics);
  g_clear_pointer (&self->fact_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hl_preferences_window_parent_class)->dispose (object);
}

static void
hl_preferences_window_finalize (GObject *object)
{
  HlPreferencesWindow *self = (HlPreferencesWindow *) object;

  g_clear_pointer (&self->clinic_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (hl_preferences_window_parent_class)->finalize (object);
}

static void
hl_preferences_window_class_init (HlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_preferences_window_dispose;
  object_class->finalize = hl_preferences_window_finalize;

  g_type_ensure (HL_TYPE_LIBRARY_PAGE);
  g_type_ensure (HL_TYPE_KIOSK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, text_size_scale);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, text_size_adjustment);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, history_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, history_switch);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, home_clinic_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, clinic_facts_group);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, library_page);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, kiosk_page);
  gtk_widget_class_bind_template_callback (widget_class, text_size_change_value_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
hl_preferences_window_init (HlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->clinic_ids = g_ptr_array_new_with_free_func (g_free);
  self->fact_rows = g_ptr_array_new ();
}

HlPreferencesWindow *
hl_preferences_window_new (HlApplication *application)
{
  HlPreferencesWindow *self;

  g_return_val_if_fail (HL_IS_APPLICATION (application), NULL);

  self = g_object_new (HL_TYPE_PREFERENCES_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (hl_application_get_settings (application));
  g_set_object (&self->clinics, hl_application_get_clinics (application));

  setup_reading (self);
  setup_clinic (self);

  hl_library_page_setup (self->library_page, hl_application_get_library (application),
                         hl_application_get_import_job (application),
                         hl_application_get_lockdown (application),
                         hl_application_get_updates (application), self->settings);
  hl_kiosk_page_setup (self->kiosk_page, self->settings);

  return self;
}

HlPreferencesWindow *
hl_preferences_window_present (HlApplication *application,
                               GtkWindow     *parent)
{
  static HlPreferencesWindow *shown;

  g_return_val_if_fail (HL_IS_APPLICATION (application), NULL);

  if (shown == NULL)
    {
      shown = hl_preferences_window_new (application);
      g_object_add_weak_pointer (G_OBJECT (shown), (gpointer *) &shown);
      gtk_window_set_transient_for (GTK_WINDOW (shown), parent);
    }

  gtk_window_present (GTK_WINDOW (shown));
  return shown;
}

HlLibraryPage *
hl_preferences_window_get_library_page (HlPreferencesWindow *self)
{
  g_return_val_if_fail (HL_IS_PREFERENCES_WINDOW (self), NULL);
  return self->library_page;
}
