/* hl-window-handout.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-address.h"
#include "hl-basket-section.h"
#include "hl-bookmarks-section.h"
#include "hl-handout-dialog.h"
#include "hl-handout-output.h"
#include "hl-settings.h"
#include "hl-topic-tools.h"
#include "hl-window-handout.h"
#include "hl-window-private.h"

/* The window's actions for handouts, the basket, bookmarks and history,
 * and the history of what it shows. */

static HlUserSession *
session_of (HlWindow *self)
{
  return hl_application_get_user_session (HL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static HlBasket *
basket_of (HlWindow *self)
{
  return hl_user_session_get_basket (session_of (self));
}

static HlUserData *
user_data_of (HlWindow *self)
{
  return hl_user_session_get_user_data (session_of (self));
}

static HlClinicDirectory *
clinics_of (HlWindow *self)
{
  return hl_application_get_clinics (HL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* The topic shown, or 0. */
static int
current_topic (HlWindow *self)
{
  const char *uri = hl_web_view_get_page_uri (self->web_view);

  if (uri == NULL || hl_library_get_store (self->library) == NULL)
    return 0;
  return hl_address_topic_id_of (uri);
}

static HlTopicRef *
current_topic_ref (HlWindow *self)
{
  int id = current_topic (self);

  return id > 0 ? hl_topic_store_get_topic_ref (hl_library_get_store (self->library), id, NULL) : NULL;
}

static void
toast_printf (HlWindow   *self,
              const char *format,
              const char *text)
{
  g_autofree char *message = g_strdup_printf (format, text);

  hl_window_show_toast (self, message);
}

static void
update (HlWindow *self)
{
  HlUserSession *session;
  HlUserData *user;
  gboolean store = hl_library_get_store (self->library) != NULL;
  int id = current_topic (self);
  guint in_basket;
  GObject *tools;

  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  session = session_of (self);
  user = hl_user_session_get_user_data (session);
  in_basket = g_list_model_get_n_items (G_LIST_MODEL (hl_user_session_get_basket (session)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-handout", id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-basket", id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-bookmark",
                                 id > 0 && !hl_user_data_get_keep_nothing (user));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-basket", store && in_basket > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-basket", store && in_basket > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.empty-basket", in_basket > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-bookmarks",
                                 g_list_model_get_n_items (hl_user_data_get_bookmarks (user)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-bookmarks",
                                 !hl_user_data_get_keep_nothing (user));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-history",
                                 g_list_model_get_n_items (hl_user_data_get_history (user)) > 0);

  tools = gtk_widget_get_template_child (GTK_WIDGET (self), HL_TYPE_WINDOW, "topic_tools");
  if (tools != NULL)
    hl_topic_tools_set_bookmarked (HL_TOPIC_TOOLS (tools),
                                   id > 0 && hl_user_data_is_bookmarked (user, id));
}

/* Handouts */

static void
open_dialog (HlWindow *self,
             GArray   *ids,
             gboolean  basket)
{
  g_autofree char *home_clinic = g_settings_get_string (self->settings, HL_SETTINGS_HOME_CLINIC);
  HlHandoutDialog *dialog;

  dialog = hl_handout_dialog_new (GTK_WINDOW (self), hl_library_get_store (self->library),
                                  clinics_of (self), ids, basket, home_clinic);
  hl_handout_dialog_set_print_allowed (dialog, !hl_lockdown_get_disable_printing (self->lockdown));
  hl_handout_dialog_set_save_allowed (dialog, self->kiosk == NULL ||
                                              !hl_kiosk_controller_get_applied (self->kiosk));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_handout_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (int));
  int id = current_topic (self);

  if (id == 0)
    return;
  g_array_append_val (ids, id);
  open_dialog (self, ids, FALSE);
}

static void
print_basket_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(GArray) ids = hl_basket_dup_ids (basket_of (self));

  if (ids->len > 0 && hl_library_get_store (self->library) != NULL)
    open_dialog (self, ids, TRUE);
}

static void
saved_cb (GFile    *file,
          GError   *error,
          gpointer  user_data)
{
  g_autoptr(HlWindow) self = user_data;

  if (error != NULL)
    hl_window_show_toast (self, error->message);
  else if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* TRANSLATORS: %s is a file name */
      toast_printf (self, _("Saved “%s”"), name);
    }
}

/* The basket as a PDF at once, as the dialog would make it by default. */
static void
save_basket_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlTopicStore *store = hl_library_get_store (self->library);
  g_autoptr(GArray) ids = hl_basket_dup_ids (basket_of (self));
  g_autofree char *home_clinic = g_settings_get_string (self->settings, HL_SETTINGS_HOME_CLINIC);
  g_autoptr(HlHandout) handout = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || ids->len == 0)
    return;

  handout = hl_handout_new (store, clinics_of (self));
  for (guint i = 0; i < ids->len; i++)
    hl_handout_add_topic (handout, g_array_index (ids, int, i));
  hl_handout_set_home_clinic (handout, home_clinic);
  if (!hl_handout_layout (handout, HL_HANDOUT_LETTER_WIDTH, HL_HANDOUT_LETTER_HEIGHT, &error))
    {
      hl_window_show_toast (self, error->message);
      return;
    }

  hl_handout_save_as (GTK_WINDOW (self), handout, saved_cb, g_object_ref (self));
}

/* The basket */

static void
add_to_basket_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(HlTopicRef) topic = current_topic_ref (self);

  if (topic == NULL)
    return;

  if (hl_basket_add (basket_of (self), topic))
    /* TRANSLATORS: %s is a topic's title */
    toast_printf (self, _("Added “%s” to the handout basket"), hl_topic_ref_get_title (topic));
  else
    toast_printf (self, _("“%s” is in the handout basket already"), hl_topic_ref_get_title (topic));
}

static void
empty_basket_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlBasket *basket = basket_of (self);
  GListModel *model = G_LIST_MODEL (basket);
  GPtrArray *emptied = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (emptied, g_list_model_get_item (model, i));
  g_object_set_data_full (G_OBJECT (self), "hl-emptied-basket", emptied,
                          (GDestroyNotify) g_ptr_array_unref);
  hl_basket_clear (basket);

  hl_window_show_toast_with_action (self, _("Handout basket emptied"),
                                    _("_Undo"), "win.undo-empty-basket");
}

static void
undo_empty_basket_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  GPtrArray *emptied = g_object_get_data (G_OBJECT (self), "hl-emptied-basket");

  for (guint i = 0; emptied != NULL && i < emptied->len; i++)
    hl_basket_add (basket_of (self), g_ptr_array_index (emptied, i));
  g_object_set_data (G_OBJECT (self), "hl-emptied-basket", NULL);
}

/* Bookmarks */

static void
toggle_bookmark_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlUserData *user = user_data_of (self);
  g_autoptr(HlTopicRef) topic = current_topic_ref (self);
  g_autoptr(GError) error = NULL;
  int id;

  if (topic == NULL)
    return;
  id = hl_topic_ref_get_id (topic);

  if (hl_user_data_is_bookmarked (user, id))
    {
      if (hl_user_data_remove_bookmark (user, id, &error))
        /* TRANSLATORS: %s is a topic's title */
        toast_printf (self, _("Removed the bookmark of “%s”"), hl_topic_ref_get_title (topic));
    }
  else if (hl_user_data_add_bookmark (user, id, &error))
    /* TRANSLATORS: %s is a topic's title */
    toast_printf (self, _("Bookmarked “%s”"), hl_topic_ref_get_title (topic));

  if (error != NULL)
    hl_window_show_toast (self, error->message);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Bookmark files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    HlWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (hl_user_data_export_bookmarks (user_data_of (self), file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);

          /* TRANSLATORS: %s is a file name */
          toast_printf (self, _("Saved the bookmarks in “%s”"), name);
        }
      else
        hl_window_show_toast (self, error->message);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_bookmarks_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Bookmarks"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* TRANSLATORS: the file name offered for exported bookmarks */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Health Library bookmarks.json"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    HlWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (hl_user_data_import_bookmarks (user_data_of (self), file, &added, &error))
        {
          g_autofree char *text = g_strdup_printf (ngettext ("Added %u bookmark",
                                                             "Added %u bookmarks", added), added);

          hl_window_show_toast (self, added > 0 ? text : _("No new bookmarks in that file"));
        }
      else
        hl_window_show_toast (self, error->message);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_bookmarks_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Bookmarks"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* History */

static void
clear_history_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  const char *uri = hl_web_view_get_page_uri (self->web_view);
  g_autoptr(GError) error = NULL;

  if (!hl_user_data_clear_history (user_data_of (self), &error))
    {
      hl_window_show_toast (self, error->message);
      return;
    }

  hl_window_show_toast (self, _("History cleared"));
  /* The home page on show lists no recent topics any more. */
  if (uri != NULL && g_str_has_prefix (uri, "hl://home"))
    hl_web_view_load_page (self->web_view, uri);
}

static void
open_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

  if (g_str_has_prefix (uri, "hl://"))
    hl_window_show_page (HL_WINDOW (widget), uri);
}

static void
page_shown_cb (HlWindow *self)
{
  int id = current_topic (self);
  g_autoptr(GError) error = NULL;

  if (id > 0 && !hl_user_data_note_viewed (user_data_of (self), id, &error))
    g_debug ("Could not record the topic read: %s", error->message);
  update (self);
}

void
hl_window_handout_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (HL_TYPE_TOPIC_TOOLS);
  g_type_ensure (HL_TYPE_BASKET_SECTION);
  gtk_widget_class_bind_template_child_full (widget_class, "topic_tools", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "basket_section", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "win.print-handout", NULL, print_handout_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.print-handout", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.print-handout", NULL);

  gtk_widget_class_install_action (widget_class, "win.add-to-basket", NULL, add_to_basket_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK,
                                       "win.add-to-basket", NULL);
  gtk_widget_class_install_action (widget_class, "win.print-basket", NULL, print_basket_activated);
  gtk_widget_class_install_action (widget_class, "win.save-basket", NULL, save_basket_activated);
  gtk_widget_class_install_action (widget_class, "win.empty-basket", NULL, empty_basket_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-empty-basket", NULL,
                                   undo_empty_basket_activated);

  gtk_widget_class_install_action (widget_class, "win.toggle-bookmark", NULL,
                                   toggle_bookmark_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.toggle-bookmark", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-bookmarks", NULL,
                                   export_bookmarks_activated);
  gtk_widget_class_install_action (widget_class, "win.import-bookmarks", NULL,
                                   import_bookmarks_activated);

  gtk_widget_class_install_action (widget_class, "win.clear-history", NULL, clear_history_activated);
  gtk_widget_class_install_action (widget_class, "win.open-page", "s", open_page_activated);
}

void
hl_window_handout_setup (HlWindow      *self,
                         HlApplication *application)
{
  HlUserSession *session = hl_application_get_user_session (application);
  HlUserData *user = hl_user_session_get_user_data (session);
  HlBasket *basket = hl_user_session_get_basket (session);
  GObject *basket_section = gtk_widget_get_template_child (GTK_WIDGET (self), HL_TYPE_WINDOW,
                                                           "basket_section");
  GObject *bookmarks_section = gtk_widget_get_template_child (GTK_WIDGET (self->sidebar),
                                                              HL_TYPE_SIDEBAR, "bookmarks_section");

  if (basket_section != NULL)
    hl_basket_section_set_basket (HL_BASKET_SECTION (basket_section), basket);
  if (bookmarks_section != NULL)
    hl_bookmarks_section_set_user_data (HL_BOOKMARKS_SECTION (bookmarks_section), user);

  g_signal_connect_object (self->web_view, "notify::uri", G_CALLBACK (page_shown_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::state", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (basket, "items-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hl_user_data_get_bookmarks (user), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hl_user_data_get_history (user), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (user, "notify::keep-nothing", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
}
