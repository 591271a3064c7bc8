/* hl-window-actions.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-settings.h"
#include "hl-window-private.h"
#include "hl-zoom-row.h"

/* The zoom levels, as in GNOME Web: round figures in the menu. */
static const double zoom_levels[] = {
  0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0
};

#define ZOOM_MIN  0.5
#define ZOOM_MAX  3.0

/* The sidebar's width at the normal size; with the zoom it grows, where the
 * window has the room, up to twice that, and its text grows all the way. */
#define SIDEBAR_WIDTH     300
#define SIDEBAR_GROWTH    2.0

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

/* The zoom-level setting is the one source of truth: the view follows it,
 * and so does the preferences' text size. */
static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  /* Only a page can be searched: not the import or error screens. */
  if (!gtk_widget_is_drawable (GTK_WIDGET (self->web_view)))
    return;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
  hl_find_bar_open (self->find_bar);
}

static void
find_next_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (!hl_find_bar_get_search_mode (self->find_bar))
    hl_find_bar_open (self->find_bar);
  else
    hl_find_bar_find_next (self->find_bar);
}

static void
find_previous_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (!hl_find_bar_get_search_mode (self->find_bar))
    hl_find_bar_open (self->find_bar);
  else
    hl_find_bar_find_previous (self->find_bar);
}

static void
set_zoom (HlWindow *self,
          double    level)
{
  if (self->zoom_locked)
    return;

  g_settings_set_double (self->settings, HL_SETTINGS_ZOOM_LEVEL, CLAMP (level, ZOOM_MIN, ZOOM_MAX));
  hl_window_update_actions (self);
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  double level = webkit_web_view_get_zoom_level (WEBKIT_WEB_VIEW (self->web_view));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > level + 0.01)
      {
        set_zoom (self, zoom_levels[i]);
        return;
      }
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  double level = webkit_web_view_get_zoom_level (WEBKIT_WEB_VIEW (self->web_view));

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < level - 0.01)
      {
        set_zoom (self, zoom_levels[i - 1]);
        return;
      }
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

  if (hl_lockdown_get_disable_printing (self->lockdown))
    return;

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

/* Builds a new library from the bundled sample, in place of a broken one;
 * the import says how it went when it ends. */
static void
restore_sample_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!hl_import_job_restore_sample (self->import_job, &error))
    hl_window_show_toast (self, error->message);
}

static void
import_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  hl_window_import_file (HL_WINDOW (widget));
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

/* The shortcuts window is built the first time it is asked for, not with
 * every window as GtkApplication would: 100-odd widgets, 4-7 ms and a
 * megabyte on the way to the first frame, for a window few people open. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/phynet/HealthLibrary/hl-help-overlay.ui");
      GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (overlay));
    }

  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

static void
copy_failed_link_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (self->failed_uri != NULL)
    hl_window_copy_text (self, self->failed_uri);
}

static void
copy_medlineplus_address_activated (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (self->medlineplus_url != NULL)
    hl_window_copy_text (self, self->medlineplus_url);
}

static void
open_medlineplus_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (self->medlineplus_url != NULL)
    hl_window_open_external (self, self->medlineplus_url);
}

static void
toggle_language_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (self->language_locked)
    return;

  hl_window_set_content_language (self, g_str_equal (self->content_language, "es") ? "en" : "es");
}

/* The sidebar follows the page's zoom, so that Ctrl+plus makes all the
 * window's reading text larger. */
static void
zoom_sidebar (HlWindow *self,
              double    level)
{
  static GtkCssProvider *provider;
  g_autofree char *css = NULL;
  GtkWidget *pane = gtk_widget_get_parent (GTK_WIDGET (self->sidebar));

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* libadwaita gives headings and captions sizes of their own: they are
   * made relative to the sidebar's again, so that they grow with it. */
  css = g_strdup_printf (".zoomed-sidebar { font-size: %d%%; }\n"
                         ".zoomed-sidebar .heading { font-size: inherit; }\n"
                         ".zoomed-sidebar .caption { font-size: 82%%; }\n",
                         (int) (level * 100 + 0.5));
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_widget_add_css_class (pane, "zoomed-sidebar");
  hl_sidebar_set_natural_width (self->sidebar,
                                (int) (SIDEBAR_WIDTH * CLAMP (level, 1.0, SIDEBAR_GROWTH)));
}

static void
zoom_changed_cb (HlWindow *self)
{
  double level = webkit_web_view_get_zoom_level (WEBKIT_WEB_VIEW (self->web_view));

  hl_zoom_row_set_level (self->zoom_row, level);
  zoom_sidebar (self, level);
  /* Not while the window is being made: it has no library yet. */
  if (self->library != NULL)
    hl_window_update_actions (self);
}

static void
history_changed_cb (HlWindow *self)
{
  if (self->library != NULL)
    hl_window_update_actions (self);
}

/* The main menu's custom row, and the zoom shown in it and the sidebar. */
void
hl_window_init_menu (HlWindow *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->menu_button);

  self->zoom_row = HL_ZOOM_ROW (hl_zoom_row_new ());
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), GTK_WIDGET (self->zoom_row), "zoom");

  g_signal_connect_object (self->web_view, "notify::zoom-level", G_CALLBACK (zoom_changed_cb),
                           self, G_CONNECT_SWAPPED);
  zoom_changed_cb (self);

  /* A jump within the page ("On this page") adds to the history without
   * loading anything: Back must know of it. */
  g_signal_connect_object (webkit_web_view_get_back_forward_list (WEBKIT_WEB_VIEW (self->web_view)),
                           "changed", G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
}

void
hl_window_update_actions (HlWindow *self)
{
  WebKitWebView *web_view = WEBKIT_WEB_VIEW (self->web_view);
  double zoom = webkit_web_view_get_zoom_level (web_view);
  gboolean ready = hl_library_get_store (self->library) != NULL;
  gboolean import = self->lockdown == NULL || !hl_lockdown_get_disable_import (self->lockdown);
  gboolean print = self->lockdown == NULL || !hl_lockdown_get_disable_printing (self->lockdown);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 webkit_web_view_can_go_back (web_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward",
                                 webkit_web_view_can_go_forward (web_view));

  /* What the administrator locked or turned off cannot be reached here
   * either. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in",
                                 !self->zoom_locked && zoom < ZOOM_MAX - 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out",
                                 !self->zoom_locked && zoom > ZOOM_MIN + 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", !self->zoom_locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.content-language", !self->language_locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-language", !self->language_locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-sample", import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-file", import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.home", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.index", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", ready && print);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-medlineplus-address",
                                 ready && self->medlineplus_url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-medlineplus",
                                 ready && self->medlineplus_url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar",
                                 adw_leaflet_get_folded (self->leaflet));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.menu-language",
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

  /* Ctrl+F finds in the page, as everywhere in GNOME; the library has its
   * own search, which typing anywhere also starts. */
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search", NULL);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);

  /* Menus show an action's last binding: the keypad's come first, so that
   * they read Ctrl++ rather than Ctrl+KP +. */
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);

  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);

  gtk_widget_class_install_action (widget_class, "win.reload-library", NULL, reload_library_activated);
  gtk_widget_class_install_action (widget_class, "win.restore-sample", NULL, restore_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.import-file", NULL, import_file_activated);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-failed-link", NULL,
                                   copy_failed_link_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-medlineplus-address", NULL,
                                   copy_medlineplus_address_activated);
  gtk_widget_class_install_action (widget_class, "win.open-medlineplus", NULL,
                                   open_medlineplus_activated);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_activated);

  gtk_widget_class_install_property_action (widget_class, "win.content-language", "content-language");
  /* The same, in the main menu when the header is too narrow for the
   * language buttons. */
  gtk_widget_class_install_property_action (widget_class, "win.menu-language", "content-language");
  gtk_widget_class_install_action (widget_class, "win.toggle-language", NULL, toggle_language_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.toggle-language", NULL);
}
