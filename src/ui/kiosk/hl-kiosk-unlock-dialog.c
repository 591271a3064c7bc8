/* hl-kiosk-unlock-dialog.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-kiosk-unlock-dialog.h"

struct _HlKioskUnlockDialog
{
  AdwWindow         parent_instance;

  /* Template children */
  GtkLabel         *description;
  GtkPasswordEntry *code_entry;
  GtkLabel         *message;
  GtkButton        *unlock_button;
  GtkButton        *cancel_button;

  HlKiosk          *kiosk;
  GCancellable     *cancellable;
  gboolean          checking;
  guint             wait_id;
};

G_DEFINE_FINAL_TYPE (HlKioskUnlockDialog, hl_kiosk_unlock_dialog, ADW_TYPE_WINDOW)

static void
show_message (HlKioskUnlockDialog *self,
              const char          *text)
{
  gtk_label_set_label (self->message, text);
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

static void update_state (HlKioskUnlockDialog *self);

static gboolean
wait_tick_cb (gpointer data)
{
  HlKioskUnlockDialog *self = data;

  update_state (self);
  if (hl_kiosk_get_wait_seconds (self->kiosk) > 0)
    return G_SOURCE_CONTINUE;

  self->wait_id = 0;
  show_message (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
  return G_SOURCE_REMOVE;
}

/* What may be done now: type and check a code, or wait. */
static void
update_state (HlKioskUnlockDialog *self)
{
  guint wait = hl_kiosk_get_wait_seconds (self->kiosk);
  gboolean has_code = hl_kiosk_get_has_code (self->kiosk);
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_entry));
  GtkWidget *focus;

  gtk_widget_set_visible (GTK_WIDGET (self->code_entry), has_code);
  gtk_widget_set_visible (GTK_WIDGET (self->unlock_button), has_code);
  /* The focus leaves the entry before the entry goes insensitive: GTK does
   * not tell a focused entry that it lost the focus that way. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if ((wait > 0 || self->checking) && focus != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->code_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_entry), wait == 0 && !self->checking);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button),
                            wait == 0 && !self->checking && *code != '\0');

  if (wait > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (ngettext ("Too many wrong codes. Try again in %u second.",
                                        "Too many wrong codes. Try again in %u seconds.", wait),
                              wait);
      show_message (self, text);
      if (self->wait_id == 0)
        self->wait_id = g_timeout_add_seconds (1, wait_tick_cb, self);
    }
}

static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HlKioskUnlockDialog) self = user_data;
  HlKioskUnlockResult outcome = hl_kiosk_unlock_finish (HL_KIOSK (source), result);

  /* Closed meanwhile, by a start over: the right code's, or an idle one. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->checking = FALSE;
  switch (outcome)
    {
    case HL_KIOSK_UNLOCK_OPENED:
      gtk_window_destroy (GTK_WINDOW (self));
      return;

    case HL_KIOSK_UNLOCK_WRONG:
      gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
      show_message (self, _("That is not the unlock code."));
      break;

    case HL_KIOSK_UNLOCK_WAIT:
    case HL_KIOSK_UNLOCK_NO_CODE:
    default:
      break;
    }

  update_state (self);
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->code_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

static void
unlock_clicked_cb (HlKioskUnlockDialog *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_entry));

  if (*code == '\0' || self->checking || hl_kiosk_get_wait_seconds (self->kiosk) > 0)
    return;

  self->checking = TRUE;
  show_message (self, NULL);
  update_state (self);
  hl_kiosk_unlock_async (self->kiosk, code, self->cancellable, unlocked_cb, g_object_ref (self));
}

static void
code_changed_cb (HlKioskUnlockDialog *self)
{
  update_state (self);
}

static void
hl_kiosk_unlock_dialog_dispose (GObject *object)
{
  HlKioskUnlockDialog *self = (HlKioskUnlockDialog *) object;

  g_clear_handle_id (&self->wait_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->kiosk);

  G_OBJECT_CLASS (hl_kiosk_unlock_dialog_parent_class)->dispose (object);
}

static void
hl_kiosk_unlock_dialog_class_init (HlKioskUnlockDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_kiosk_unlock_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/phynet/HealthLibrary/"
                                               "hl-kiosk-unlock-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HlKioskUnlockDialog, description);
  gtk_widget_class_bind_template_child (widget_class, HlKioskUnlockDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, HlKioskUnlockDialog, message);
  gtk_widget_class_bind_template_child (widget_class, HlKioskUnlockDialog, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, HlKioskUnlockDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, unlock_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hl_kiosk_unlock_dialog_init (HlKioskUnlockDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->unlock_button));
}

HlKioskUnlockDialog *
hl_kiosk_unlock_dialog_new (GtkWindow *parent,
                            HlKiosk   *kiosk)
{
  HlKioskUnlockDialog *self;

  g_return_val_if_fail (HL_IS_KIOSK (kiosk), NULL);

  self = g_object_new (HL_TYPE_KIOSK_UNLOCK_DIALOG, "transient-for", parent, NULL);
  self->kiosk = g_object_ref (kiosk);

  if (hl_kiosk_get_has_code (kiosk))
    gtk_label_set_label (self->description,
                         _("This computer is a waiting-room kiosk. To use it as a normal app, "
                           "enter the unlock code your organization set."));
  else
    {
      gtk_button_set_label (self->cancel_button, _("_Close"));
      gtk_label_set_label (self->description,
                           _("No unlock code is set on this computer, so kiosk mode cannot "
                             "be left here. An administrator sets one with “health-library "
                             "--hash-kiosk-code” and the kiosk-unlock-code setting, or turns "
                             "kiosk mode off."));
    }
  update_state (self);

  return self;
}
