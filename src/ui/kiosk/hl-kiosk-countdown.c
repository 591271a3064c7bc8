/* hl-kiosk-countdown.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-kiosk-countdown.h"
#include "hl-kiosk-text.h"

struct _HlKioskCountdown
{
  AdwBin     parent_instance;

  /* Template children */
  GtkLabel  *question;
  GtkLabel  *remaining;
  GtkButton *keep_button;

  char      *language;
  guint      seconds;
};

G_DEFINE_FINAL_TYPE (HlKioskCountdown, hl_kiosk_countdown, ADW_TYPE_BIN)

enum {
  KEEP_READING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_words (HlKioskCountdown *self)
{
  g_autofree char *remaining = NULL;

  gtk_label_set_label (self->question, P_ (self->language, "Still reading?"));
  /* TRANSLATORS: %u is a number of seconds, "s" their symbol */
  remaining = g_strdup_printf (P_ (self->language, "Starting over in %u s"), self->seconds);
  gtk_label_set_label (self->remaining, remaining);
  gtk_button_set_label (self->keep_button, P_ (self->language, "Keep reading"));
}

static void
keep_clicked_cb (HlKioskCountdown *self)
{
  g_signal_emit (self, signals[KEEP_READING], 0);
}

static void
hl_kiosk_countdown_finalize (GObject *object)
{
  g_free (HL_KIOSK_COUNTDOWN (object)->language);

  G_OBJECT_CLASS (hl_kiosk_countdown_parent_class)->finalize (object);
}

static void
hl_kiosk_countdown_class_init (HlKioskCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hl_kiosk_countdown_finalize;

  /**
   * HlKioskCountdown::keep-reading:
   *
   * The patient is still there.
   */
  signals[KEEP_READING] =
    g_signal_new ("keep-reading", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-kiosk-countdown.ui");
  gtk_widget_class_bind_template_child (widget_class, HlKioskCountdown, question);
  gtk_widget_class_bind_template_child (widget_class, HlKioskCountdown, remaining);
  gtk_widget_class_bind_template_child (widget_class, HlKioskCountdown, keep_button);
  gtk_widget_class_bind_template_callback (widget_class, keep_clicked_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
hl_kiosk_countdown_init (HlKioskCountdown *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->language = g_strdup ("en");
  self->seconds = 15;
  update_words (self);
}

GtkWidget *
hl_kiosk_countdown_new (void)
{
  return g_object_new (HL_TYPE_KIOSK_COUNTDOWN, NULL);
}

void
hl_kiosk_countdown_set_language (HlKioskCountdown *self,
                                 const char       *language)
{
  g_return_if_fail (HL_IS_KIOSK_COUNTDOWN (self));

  g_free (self->language);
  self->language = g_strdup (language);
  update_words (self);
}

void
hl_kiosk_countdown_set_seconds (HlKioskCountdown *self,
                                guint             seconds)
{
  g_return_if_fail (HL_IS_KIOSK_COUNTDOWN (self));

  self->seconds = seconds;
  update_words (self);
}

char *
hl_kiosk_countdown_dup_text (HlKioskCountdown *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_COUNTDOWN (self), NULL);

  return g_strdup_printf ("%s %s", gtk_label_get_label (self->question),
                          gtk_label_get_label (self->remaining));
}
