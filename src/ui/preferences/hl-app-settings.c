/* hl-app-settings.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "hl-app-settings.h"
#include "hl-settings.h"

static void
color_scheme_changed_cb (GSettings  *settings,
                         const char *key,
                         gpointer    user_data)
{
  g_autofree char *scheme = g_settings_get_string (settings, HL_SETTINGS_COLOR_SCHEME);
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  /* The web view takes its prefers-color-scheme from the style manager, so
   * the pages' dark colours show whenever the app is dark. */
  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
home_clinic_changed_cb (GSettings      *settings,
                        const char     *key,
                        HlPageRenderer *renderer)
{
  g_autofree char *id = g_settings_get_string (settings, HL_SETTINGS_HOME_CLINIC);

  hl_page_renderer_set_home_clinic (renderer, id);
}

void
hl_app_settings_follow (GSettings      *settings,
                        HlPageRenderer *renderer)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (HL_IS_PAGE_RENDERER (renderer));

  g_signal_connect (settings, "changed::" HL_SETTINGS_COLOR_SCHEME,
                    G_CALLBACK (color_scheme_changed_cb), NULL);
  g_signal_connect_object (settings, "changed::" HL_SETTINGS_HOME_CLINIC,
                           G_CALLBACK (home_clinic_changed_cb), renderer, 0);

  color_scheme_changed_cb (settings, HL_SETTINGS_COLOR_SCHEME, NULL);
  home_clinic_changed_cb (settings, HL_SETTINGS_HOME_CLINIC, renderer);
}
