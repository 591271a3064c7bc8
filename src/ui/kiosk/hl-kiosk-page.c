/* hl-kiosk-page.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-kiosk-page.h"
#include "hl-locked-row.h"
#include "hl-settings.h"
#include "hl-unlock-code.h"

struct _HlKioskPage
{
  AdwPreferencesPage  parent_instance;

  /* Template children */
  AdwActionRow       *mode_row;
  GtkSwitch          *mode_switch;
  AdwActionRow       *no_code_row;
  AdwActionRow       *idle_row;
  GtkAdjustment      *idle_adjustment;
  AdwActionRow       *printing_row;
  GtkSwitch          *printing_switch;
  AdwActionRow       *code_row;
  GtkLabel           *code_state;
  GtkButton          *code_button;

  GSettings          *settings;
};

G_DEFINE_FINAL_TYPE (HlKioskPage, hl_kiosk_page, ADW_TYPE_PREFERENCES_PAGE)

static gboolean
has_code (HlKioskPage *self)
{
  g_autofree char *stored = g_settings_get_string (self->settings, HL_SETTINGS_KIOSK_UNLOCK_CODE);

  return hl_unlock_code_is_valid (stored);
}

/* Kiosk mode needs a way out first. */
static void
update_code (HlKioskPage *self)
{
  gboolean code = has_code (self);
  gboolean mode = g_settings_get_boolean (self->settings, HL_SETTINGS_KIOSK_MODE);
  gboolean mode_writable = g_settings_is_writable (self->settings, HL_SETTINGS_KIOSK_MODE);

  gtk_label_set_label (self->code_state, code ? _("Set") : _("Not set"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_switch), code || mode);
  gtk_widget_set_visible (GTK_WIDGET (self->no_code_row), mode_writable && !code && !mode);
}

/* Setting the code */

typedef struct
{
  HlKioskPage *page;
  char        *code;
} Hashing;

static void
hashing_free (gpointer data)
{
  Hashing *hashing = data;

  g_object_unref (hashing->page);
  explicit_bzero (hashing->code, strlen (hashing->code));
  g_free (hashing->code);
  g_free (hashing);
}

static void
hash_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Hashing *hashing = task_data;
  GError *error = NULL;
  char *stored = hl_unlock_code_hash (hashing->code, &error);

  if (stored != NULL)
    g_task_return_pointer (task, stored, g_free);
  else
    g_task_return_error (task, error);
}

static void
hashed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HlKioskPage *self = HL_KIOSK_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = g_task_propagate_pointer (G_TASK (result), &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->code_button), TRUE);
  if (stored == NULL)
    {
      if (ADW_IS_PREFERENCES_WINDOW (root))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root),
                                          adw_toast_new (error->message));
      return;
    }

  if (self->settings != NULL &&
      !g_settings_set_string (self->settings, HL_SETTINGS_KIOSK_UNLOCK_CODE, stored))
    g_warning ("The unlock code could not be saved: the key is locked");
}

static GtkPasswordEntry *
dialog_entry (AdwMessageDialog *dialog,
              const char       *name)
{
  return g_object_get_data (G_OBJECT (dialog), name);
}

static void
code_entries_changed_cb (AdwMessageDialog *dialog)
{
  const char *first;
  const char *second;
  g_autofree char *clean = NULL;

  /* The entries empty themselves as the dialog goes. */
  if (gtk_widget_in_destruction (GTK_WIDGET (dialog)))
    return;

  first = gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog, "first")));
  second = gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog, "second")));
  clean = g_strstrip (g_strdup (first));

  adw_message_dialog_set_response_enabled (dialog, "set",
                                           g_utf8_strlen (clean, -1) >= HL_UNLOCK_CODE_MIN_LENGTH &&
                                           g_str_equal (first, second));
}

static void
code_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  HlKioskPage      *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog, "first")));
  g_autoptr(GTask) task = NULL;
  Hashing *hashing;

  if (!g_str_equal (response, "set"))
    return;

  /* The hash is slow on purpose: a worker thread makes it. */
  hashing = g_new0 (Hashing, 1);
  hashing->page = g_object_ref (self);
  hashing->code = g_strdup (code);
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_button), FALSE);
  task = g_task_new (self, NULL, hashed_cb, NULL);
  g_task_set_task_data (task, hashing, hashing_free);
  g_task_run_in_thread (task, hash_thread);
}

static GtkPasswordEntry *
add_entry (AdwMessageDialog *dialog,
           GtkBox           *box,
           const char       *name,
           const char       *label)
{
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "placeholder-text", label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (code_entries_changed_cb), dialog);
  gtk_box_append (box, entry);
  g_object_set_data_full (G_OBJECT (dialog), name, g_object_ref (entry), g_object_unref);
  return GTK_PASSWORD_ENTRY (entry);
}

static void
set_code_clicked_cb (HlKioskPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *body = NULL;

  /* TRANSLATORS: %d is a number of characters */
  body = g_strdup_printf (_("At least %d characters. Give it only to the people who look after "
                            "this computer: it is the way out of kiosk mode."),
                          HL_UNLOCK_CODE_MIN_LENGTH);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                       _("Set the Unlock Code"), body));
  add_entry (dialog, GTK_BOX (box), "first", _("New unlock code"));
  add_entry (dialog, GTK_BOX (box), "second", _("The same code again"));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "set", _("_Set Code"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "set", FALSE);
  adw_message_dialog_set_default_response (dialog, "set");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (code_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The page */

static void
hl_kiosk_page_dispose (GObject *object)
{
  HlKioskPage *self = (HlKioskPage *) object;

  if (self->settings != NULL)
    {
      g_settings_unbind (self->mode_switch, "active");
      g_settings_unbind (self->idle_adjustment, "value");
      g_settings_unbind (self->printing_switch, "active");
      g_signal_handlers_disconnect_by_data (self->settings, self);
    }
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hl_kiosk_page_parent_class)->dispose (object);
}

static void
hl_kiosk_page_class_init (HlKioskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_kiosk_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-kiosk-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, mode_row);
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, mode_switch);
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, no_code_row);
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, idle_row);
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, idle_adjustment);
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, printing_row);
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, printing_switch);
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, code_state);
  gtk_widget_class_bind_template_child (widget_class, HlKioskPage, code_button);
  gtk_widget_class_bind_template_callback (widget_class, set_code_clicked_cb);
}

static void
hl_kiosk_page_init (HlKioskPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
hl_kiosk_page_setup (HlKioskPage *self,
                     GSettings   *settings)
{
  g_return_if_fail (HL_IS_KIOSK_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  self->settings = g_object_ref (settings);

  g_settings_bind (settings, HL_SETTINGS_KIOSK_MODE, self->mode_switch, "active",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  hl_locked_row_watch (self->mode_row, settings, HL_SETTINGS_KIOSK_MODE);
  g_settings_bind (settings, HL_SETTINGS_KIOSK_IDLE_SECONDS, self->idle_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  hl_locked_row_watch (self->idle_row, settings, HL_SETTINGS_KIOSK_IDLE_SECONDS);
  g_settings_bind (settings, HL_SETTINGS_KIOSK_ALLOW_PRINTING, self->printing_switch, "active",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  hl_locked_row_watch (self->printing_row, settings, HL_SETTINGS_KIOSK_ALLOW_PRINTING);
  hl_locked_row_watch (self->code_row, settings, HL_SETTINGS_KIOSK_UNLOCK_CODE);

  g_signal_connect_object (settings, "changed::" HL_SETTINGS_KIOSK_UNLOCK_CODE,
                           G_CALLBACK (update_code), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::" HL_SETTINGS_KIOSK_MODE,
                           G_CALLBACK (update_code), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "writable-changed", G_CALLBACK (update_code), self,
                           G_CONNECT_SWAPPED);
  update_code (self);
}
