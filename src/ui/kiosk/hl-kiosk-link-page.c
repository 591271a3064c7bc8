/* hl-kiosk-link-page.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-kiosk-link-page.h"
#include "hl-kiosk-text.h"
#include "hl-qr-view.h"

struct _HlKioskLinkPage
{
  AdwBin           parent_instance;

  /* Template children */
  GtkLabel        *title;
  GtkLabel        *explanation;
  HlQrView        *qr_view;
  GtkLabel        *shown_label;
  GtkButton       *back_button;

  HlKioskLinkKind  kind;
  char            *language;
};

G_DEFINE_FINAL_TYPE (HlKioskLinkPage, hl_kiosk_link_page, ADW_TYPE_BIN)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_words (HlKioskLinkPage *self)
{
  const char *language = self->language;
  gboolean phone = self->kind == HL_KIOSK_LINK_PHONE;
  gboolean has_code = hl_qr_view_has_code (self->qr_view);

  gtk_label_set_label (self->title, phone ? P_ (language, "Call This Number From Your Phone")
                                          : P_ (language, "Open This Page on Your Phone"));
  if (phone)
    gtk_label_set_label (self->explanation,
                         has_code ? P_ (language, "This computer cannot make calls. Dial the "
                                                  "number below, or scan the code with your "
                                                  "phone’s camera to call it.")
                                  : P_ (language, "This computer cannot make calls. Dial the "
                                                  "number below on your phone."));
  else
    gtk_label_set_label (self->explanation,
                         has_code ? P_ (language, "This computer shows only the health library. "
                                                  "Scan the code with your phone’s camera, or "
                                                  "type the address below into your phone’s "
                                                  "browser.")
                                  : P_ (language, "This computer shows only the health library. "
                                                  "Type the address below into your phone’s "
                                                  "browser."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  phone ? P_ (language, "QR code of the phone number")
                                        : P_ (language, "QR code of the web address"), -1);
  gtk_button_set_label (self->back_button, P_ (language, "Back to the Page"));
}

static void
back_clicked_cb (HlKioskLinkPage *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
hl_kiosk_link_page_finalize (GObject *object)
{
  g_free (HL_KIOSK_LINK_PAGE (object)->language);

  G_OBJECT_CLASS (hl_kiosk_link_page_parent_class)->finalize (object);
}

static void
hl_kiosk_link_page_class_init (HlKioskLinkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hl_kiosk_link_page_finalize;

  /**
   * HlKioskLinkPage::back:
   *
   * The patient is done with the address.
   */
  signals[BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (HL_TYPE_QR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-kiosk-link-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HlKioskLinkPage, title);
  gtk_widget_class_bind_template_child (widget_class, HlKioskLinkPage, explanation);
  gtk_widget_class_bind_template_child (widget_class, HlKioskLinkPage, qr_view);
  gtk_widget_class_bind_template_child (widget_class, HlKioskLinkPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, HlKioskLinkPage, back_button);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
hl_kiosk_link_page_init (HlKioskLinkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->language = g_strdup ("en");
  self->kind = HL_KIOSK_LINK_WEB;
  update_words (self);
}

GtkWidget *
hl_kiosk_link_page_new (void)
{
  return g_object_new (HL_TYPE_KIOSK_LINK_PAGE, NULL);
}

void
hl_kiosk_link_page_show_link (HlKioskLinkPage *self,
                              HlKioskLinkKind  kind,
                              const char      *uri,
                              const char      *shown)
{
  g_return_if_fail (HL_IS_KIOSK_LINK_PAGE (self));
  g_return_if_fail (kind == HL_KIOSK_LINK_WEB || kind == HL_KIOSK_LINK_PHONE);

  self->kind = kind;
  /* The code holds the link itself: a phone opens the page, or dials. */
  hl_qr_view_set_text (self->qr_view, uri);
  gtk_widget_set_visible (GTK_WIDGET (self->qr_view), hl_qr_view_has_code (self->qr_view));
  gtk_label_set_text (self->shown_label, shown);
  gtk_widget_remove_css_class (GTK_WIDGET (self->shown_label),
                               kind == HL_KIOSK_LINK_PHONE ? "kiosk-address" : "kiosk-number");
  gtk_widget_add_css_class (GTK_WIDGET (self->shown_label),
                            kind == HL_KIOSK_LINK_PHONE ? "kiosk-number" : "kiosk-address");
  update_words (self);
}

void
hl_kiosk_link_page_set_language (HlKioskLinkPage *self,
                                 const char      *language)
{
  g_return_if_fail (HL_IS_KIOSK_LINK_PAGE (self));

  g_free (self->language);
  self->language = g_strdup (language);
  update_words (self);
}

const char *
hl_kiosk_link_page_get_shown (HlKioskLinkPage *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_LINK_PAGE (self), NULL);
  return gtk_label_get_text (self->shown_label);
}

GtkWidget *
hl_kiosk_link_page_get_qr_view (HlKioskLinkPage *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_LINK_PAGE (self), NULL);
  return GTK_WIDGET (self->qr_view);
}
