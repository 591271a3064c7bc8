/* kiosk-screenshots.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Not a test: takes screenshots of the kiosk (its home, the countdown, the
 * link page with its QR code, the unlock prompt) into a folder, to look at
 * them. The screen's size is the X server's, the language the desktop's:
 *   LANGUAGE=es xvfb-run -s "-screen 0 1920x1080x24" dbus-run-session -- \
 *     build/tests/kiosk-screenshots OUTDIR
 * (with the variables of a test run: see tests/meson.build). */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-settings.h"
#include "hl-window-private.h"
#include "kiosk-fixture.h"

static const char *out_dir;
static char *suffix;

static void
shoot (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, suffix);
  g_autofree char *path = g_build_filename (out_dir, file, NULL);

  /* What is on screen, drawn. */
  spin (700);
  save_screenshot (path);
  g_print ("%s\n", path);
}

static gboolean
view_is (gpointer data)
{
  return !webkit_web_view_is_loading (web_view ()) &&
         g_strcmp0 (webkit_web_view_get_uri (web_view ()), data) == 0 && kiosk_shows ("view");
}

static gboolean
countdown_shown (gpointer data)
{
  return gtk_widget_get_mapped (hl_kiosk_controller_get_countdown (kiosk_controller ()));
}

static gboolean
unlock_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "HlKioskUnlockDialog") &&
          gtk_widget_get_mapped (GTK_WIDGET (window)))
        return TRUE;
    }

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  GSettings *settings;
  GdkRectangle geometry;
  const char *language;
  const char *topic;
  g_autofree char *uri = NULL;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("Usage: kiosk-screenshots OUTDIR");
  out_dir = argv[1];
  g_mkdir_with_parents (out_dir, 0755);

  kiosk_fixture_start (NULL);
  settings = hl_application_get_settings (fixture_app ());
  language = hl_window_get_content_language (fixture_window ());
  topic = g_str_equal (language, "es") ? "hl://topic/3062" : "hl://topic/3061";
  {
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);

    gdk_monitor_get_geometry (monitor, &geometry);
  }
  suffix = g_strdup_printf ("%s-%dx%d", language, geometry.width, geometry.height);

  shoot ("kiosk-home");

  /* The countdown, at its start. */
  hl_window_open_uri (fixture_window (), topic);
  wait_until (view_is, (gpointer) topic, "a topic");
  g_settings_set_uint (settings, HL_SETTINGS_KIOSK_IDLE_SECONDS, 20);
  xdotool ("mousemove", "700", "500", "mousemove", "710", "510", NULL);
  wait_until (countdown_shown, NULL, "the countdown");
  shoot ("kiosk-countdown");
  xdotool ("mousemove", "720", "520", NULL);
  g_settings_set_uint (settings, HL_SETTINGS_KIOSK_IDLE_SECONDS, 600);

  /* A link to another site. */
  hl_window_open_uri (fixture_window (), topic);
  wait_until (view_is, (gpointer) topic, "a topic");
  uri = kiosk_click_link ("https://");
  if (uri == NULL)
    g_error ("No link to click");
  shoot ("kiosk-link");

  /* The unlock prompt, after a wrong code. */
  hl_kiosk_start_over (kiosk ());
  xdotool ("mousemove", "700", "500", "key", "--clearmodifiers", "ctrl+alt+shift+k", NULL);
  wait_until (unlock_shown, NULL, "the unlock prompt");
  xdotool ("type", "--delay", "40", "wrong-code", NULL);
  xdotool ("key", "Return", NULL);
  spin (1500);
  shoot ("kiosk-unlock");

  kiosk_fixture_stop ();
  return 0;
}
