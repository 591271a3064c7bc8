/* hl-window-links.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Links that leave the app: their address is shown under the pointer, and
 * when the system cannot open one the reader is told, with the address to
 * copy. */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-address.h"
#include "hl-text.h"
#include "hl-window-private.h"

void
hl_window_mouse_target_changed (HlWindow            *self,
                                WebKitHitTestResult *hit)
{
  const char *uri = webkit_hit_test_result_context_is_link (hit)
                      ? webkit_hit_test_result_get_link_uri (hit) : NULL;

  if (uri != NULL && hl_web_view_is_external_uri (uri))
    {
      gtk_label_set_label (self->link_status, uri);
      gtk_widget_set_visible (GTK_WIDGET (self->link_status), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->link_status), FALSE);
}

const char *
hl_window_get_link_status (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->link_status))
           ? gtk_label_get_label (self->link_status) : NULL;
}

typedef struct
{
  HlWindow *window;
  char     *uri;
} Opening;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *opening = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_message ("Could not open %s: %s", opening->uri, error->message);
      hl_set_str (&opening->window->failed_uri, opening->uri);
      hl_window_show_toast_with_action (opening->window,
                                        _("No app on this computer could open the link."),
                                        _("_Copy Address"), "win.copy-failed-link");
    }

  g_object_unref (opening->window);
  g_free (opening->uri);
  g_free (opening);
}

void
hl_window_open_external (HlWindow   *self,
                         const char *uri)
{
  Opening *opening;

  g_return_if_fail (HL_IS_WINDOW (self));

  /* A kiosk opens nothing: it shows the address on its link page. */
  if (self->kiosk != NULL && hl_kiosk_controller_open_external (self->kiosk, uri))
    return;

  /* Where an administrator turned links to other sites off, the address is
   * shown instead. */
  if (hl_window_refuse_external (self, uri))
    return;

  opening = g_new0 (Opening, 1);
  opening->window = g_object_ref (self);
  opening->uri = g_strdup (uri);
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, opened_cb, opening);
}

/* Puts @text on the clipboard, and says so. */
void
hl_window_copy_text (HlWindow   *self,
                     const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  hl_window_show_toast (self, _("Address copied"));
}

char *
hl_window_dup_medlineplus_url (HlWindow   *self,
                               const char *uri)
{
  HlTopicStore *store = hl_library_get_store (self->library);
  g_autoptr(HlAddress) address = NULL;

  if (store == NULL || (address = hl_address_parse (uri, NULL)) == NULL)
    return NULL;

  /* Topics and groups are MedlinePlus pages too; the address is the one
   * MedlinePlus gave, used only if it is a web address. */
  if (hl_address_get_kind (address) == HL_ADDRESS_TOPIC)
    {
      g_autoptr(HlTopic) topic = hl_topic_store_load_topic (store, hl_address_get_id (address),
                                                            NULL);

      if (topic != NULL && hl_web_view_is_external_uri (topic->url) &&
          !g_str_has_prefix (topic->url, "tel:"))
        return g_strdup (topic->url);
    }
  else if (hl_address_get_kind (address) == HL_ADDRESS_GROUP)
    {
      const char *language = hl_address_get_language (address);
      g_autoptr(HlGroup) group = hl_topic_store_get_group (store, hl_address_get_id (address),
                                                           language ? language
                                                                    : self->content_language,
                                                           NULL);
      const char *url = group ? hl_group_get_url (group) : NULL;

      if (url != NULL && hl_web_view_is_external_uri (url) && !g_str_has_prefix (url, "tel:"))
        return g_strdup (url);
    }

  return NULL;
}
