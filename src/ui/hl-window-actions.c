/* hl-window-actions.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-paths.h"
#include "hl-window-private.h"

#define ZOOM_STEP 1.1
#define ZOOM_MIN  0.5
#define ZOOM_MAX  3.0

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (webkit_web_view_can_go_back (WEBKIT_WEB_VIEW (self->web_view)))
    webkit_web_view_go_back (WEBKIT_WEB_VIEW (self->web_view));
}

static void
forward_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (webkit_web_view_can_go_forward (WEBKIT_WEB_VIEW (self->web_view)))
    webkit_web_view_go_forward (WEBKIT_WEB_VIEW (self->web_view));
}

static void
home_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(HlAddress) home = hl_address_new_home (self->content_language);
  g_autofree char *uri = hl_address_to_string (home);

  hl_window_show_page (self, uri);
}

static void
index_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(HlAddress) index = hl_address_new_index (0, self->content_language);
  g_autofree char *uri = hl_address_to_string (index);

  hl_window_show_page (self, uri);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
set_zoom (HlWindow *self,
          double    level)
{
  webkit_web_view_set_zoom_level (WEBKIT_WEB_VIEW (self->web_view),
                                  CLAMP (level, ZOOM_MIN, ZOOM_MAX));
  hl_window_update_actions (self);
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  set_zoom (self, webkit_web_view_get_zoom_level (WEBKIT_WEB_VIEW (self->web_view)) * ZOOM_STEP);
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  set_zoom (self, webkit_web_view_get_zoom_level (WEBKIT_WEB_VIEW (self->web_view)) / ZOOM_STEP);
}

static void
zoom_reset_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_zoom (HL_WINDOW (widget), 1.0);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(WebKitPrintOperation) operation = NULL;

  operation = webkit_print_operation_new (WEBKIT_WEB_VIEW (self->web_view));
  webkit_print_operation_run_dialog (operation, GTK_WINDOW (self));
}

static gboolean
reload_cb (gpointer data)
{
  HlWindow *self = data;

  /* After a crash the view has forgotten its page; the window has not. */
  if (self->shown_uri != NULL)
    hl_web_view_load_page (self->web_view, self->shown_uri);
  else
    home_activated (GTK_WIDGET (self), NULL, NULL);

  return G_SOURCE_REMOVE;
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->content_stack, "view");

  /* Once the view is back on screen, and WebKit done with the old web
   * process: a load asked for in the same breath can be lost. */
  g_idle_add_full (G_PRIORITY_LOW, reload_cb, g_object_ref (self), g_object_unref);
}

static void
reload_library_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  hl_library_load (HL_WINDOW (widget)->library);
}

static void
restore_sample_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* On failure the library's state says why. */
  if (!hl_library_import_finish (HL_LIBRARY (source), result, &error))
    g_warning ("Could not restore the sample library: %s", error->message);
}

/* Builds a new library from the bundled sample, in place of a broken one. */
static void
restore_sample_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autofree char *starter = hl_paths_find_starter_topics ();

  if (starter == NULL)
    return;

  hl_library_import_async (self->library, starter, NULL, restore_sample_done_cb, NULL);
}

static void
show_sidebar_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  hl_sidebar_focus_list (self->sidebar);
}

static void
toggle_language_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  hl_window_set_content_language (self, g_str_equal (self->content_language, "es") ? "en" : "es");
}

void
hl_window_update_actions (HlWindow *self)
{
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (self->web_view);
  double zoom = webkit_web_view_get_zoom_level (web_view);
  gboolean ready = hl_library_get_store (self->library) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 webkit_web_view_can_go_back (web_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward",
                                 webkit_web_view_can_go_forward (web_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoom < ZOOM_MAX - 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoom > ZOOM_MIN + 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.home", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.index", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar",
                                 adw_leaflet_get_folded (self->leaflet));
}

void
hl_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);

  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.forward", NULL);

  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.home", NULL);

  gtk_widget_class_install_action (widget_class, "win.index", NULL, index_activated);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);

  gtk_widget_class_install_action (widget_class, "win.reload-library", NULL, reload_library_activated);
  gtk_widget_class_install_action (widget_class, "win.restore-sample", NULL, restore_sample_activated);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);

  gtk_widget_class_install_property_action (widget_class, "win.content-language", "content-language");
  gtk_widget_class_install_action (widget_class, "win.toggle-language", NULL, toggle_language_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.toggle-language", NULL);
}
