/* preferences-fixture.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "preferences-fixture.h"
#include "test-util.h"

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

HlPreferencesWindow *
open_preferences (void)
{
  HlPreferencesWindow *prefs = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture_window ()), "app.preferences", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture_app ())); l; l = l->next)
    if (HL_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;

  g_assert_nonnull (prefs);
  wait_until (is_mapped, prefs, "the preferences to show");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (fixture_window ()));
  return prefs;
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
close_preferences (HlPreferencesWindow *prefs)
{
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  /* As its close button does. */
  gtk_window_close (GTK_WINDOW (prefs));
  wait_until (is_gone, &prefs, "the preferences to close");
}

AdwPreferencesRow *
find_pref_row (GtkWidget  *root,
               const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_PREFERENCES_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *row = find_pref_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The label libadwaita's toast widget shows: ours are custom titles. */
static GtkWidget *
find_toast_label (GtkWidget *widget,
                  gboolean   in_toast)
{
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
  if (in_toast && GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_label (child, in_toast);

      if (found != NULL)
        return found;
    }

  return NULL;
}

char *
dup_toast_text (GtkWidget *root)
{
  GtkWidget *label = find_toast_label (root, FALSE);

  return label ? g_strdup (gtk_label_get_text (GTK_LABEL (label))) : NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *needle;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;
  g_autofree char *text = dup_toast_text (wait->root);

  return text != NULL && strstr (text, wait->needle) != NULL;
}

char *
wait_for_toast (GtkWidget  *root,
                const char *needle)
{
  ToastWait wait = { root, needle };
  g_autofree char *what = g_strdup_printf ("a toast saying “%s”", needle);

  wait_until (toast_shown, &wait, what);
  return dup_toast_text (root);
}

typedef struct
{
  GBytes    *data;
  GdkTexture *texture;
  gboolean   done;
} Fetch;

static gboolean
fetched (gpointer data)
{
  return ((Fetch *) data)->done;
}

static void
data_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guchar *bytes = webkit_web_resource_get_data_finish (WEBKIT_WEB_RESOURCE (source), result,
                                                       &length, &error);

  g_assert_no_error (error);
  fetch->data = g_bytes_new_take (bytes, length);
  fetch->done = TRUE;
}

char *
dup_page_html (void)
{
  WebKitWebResource *resource = webkit_web_view_get_main_resource (web_view ());
  Fetch fetch = { NULL, NULL, FALSE };
  gsize length;
  const char *data;

  g_assert_nonnull (resource);
  webkit_web_resource_get_data (resource, NULL, data_cb, &fetch);
  wait_until (fetched, &fetch, "the page's HTML");

  data = g_bytes_get_data (fetch.data, &length);
  {
    char *html = g_strndup (data, length);

    g_bytes_unref (fetch.data);
    return html;
  }
}

static void
snapshot_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;

  fetch->texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (source), result, &error);
  g_assert_no_error (error);
  fetch->done = TRUE;
}

guint32
page_pixel (int x,
            int y)
{
  Fetch fetch = { NULL, NULL, FALSE };
  int width, height;
  g_autofree guchar *pixels = NULL;
  const guchar *p;
  guint32 rgb;

  webkit_web_view_get_snapshot (web_view (), WEBKIT_SNAPSHOT_REGION_VISIBLE,
                                WEBKIT_SNAPSHOT_OPTIONS_NONE, NULL, snapshot_cb, &fetch);
  wait_until (fetched, &fetch, "a snapshot of the page");

  width = gdk_texture_get_width (fetch.texture);
  height = gdk_texture_get_height (fetch.texture);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);
  pixels = g_malloc (width * height * 4);
  /* Cairo's ARGB32: B, G, R, A in memory on this machine. */
  gdk_texture_download (fetch.texture, pixels, width * 4);
  p = pixels + (y * width + x) * 4;
  rgb = (p[2] << 16) | (p[1] << 8) | p[0];
  g_object_unref (fetch.texture);

  return rgb;
}

guint
pixel_brightness (guint32 rgb)
{
  return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
}

static void
pressed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

void
press_keys (int         x,
            int         y,
            const char *keys)
{
  g_autofree char *x_text = g_strdup_printf ("%d", x);
  g_autofree char *y_text = g_strdup_printf ("%d", y);
  g_autoptr(GSubprocess) xdotool = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  /* xdotool is in build-aux/debian-packages.txt. The app's main loop goes
   * on while it runs: the X server may wait on the app. */
  /* (mousemove --sync waits for a motion that never comes when the pointer
   * is already there.) */
  xdotool = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "xdotool", "mousemove", x_text,
                              y_text, "sleep", "0.2", "key", "--clearmodifiers", keys, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (xdotool, NULL, pressed_cb, &done);
  wait_until (is_set, &done, "xdotool to press the keys");

  /* The events reach the app through the X server. */
  spin (300);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

const char *
app_binary (void)
{
  const char *path = g_getenv ("HEALTH_LIBRARY_BINARY");

  g_assert_nonnull (path);
  return path;
}

void
run_app_binary (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) app_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %s%s", (char *) argv->pdata[1], out, err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

GSettings *
app_settings (void)
{
  return hl_application_get_settings (fixture_app ());
}

HlLibrary *
app_library (void)
{
  return hl_application_get_library (fixture_app ());
}

HlImportJob *
app_import_job (void)
{
  return hl_application_get_import_job (fixture_app ());
}

GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
go_home (void)
{
  g_autofree char *uri = g_strdup_printf ("hl://home?lang=%s",
                                          hl_window_get_content_language (fixture_window ()));

  hl_window_open_uri (fixture_window (), uri);
  wait_until (loaded, NULL, "the home page");
}

gboolean
page_has (gpointer data)
{
  g_autofree char *html = NULL;

  if (webkit_web_view_is_loading (web_view ()))
    return FALSE;
  html = dup_page_html ();
  return strstr (html, data) != NULL;
}

gboolean
page_lacks (gpointer data)
{
  g_autofree char *html = NULL;

  if (webkit_web_view_is_loading (web_view ()))
    return FALSE;
  html = dup_page_html ();
  return strstr (html, data) == NULL;
}

/* A "browser" that only notes the address it was asked to open. */
char *
make_stand_in_browser (const char *home)
{
  g_autofree char *apps = g_build_filename (g_getenv ("XDG_DATA_HOME"), "applications", NULL);
  g_autofree char *script = g_build_filename (home, "test-browser.sh", NULL);
  g_autofree char *desktop = g_build_filename (apps, "hl-test-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "mimeapps.list",
                                                NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  char *browser_marker = g_build_filename (home, "browser-opened", NULL);

  /* Written aside and moved into place, so that a test never reads the
   * marker between the shell making it and printf filling it. */
  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s.part' && "
                                 "mv '%s.part' '%s'\n",
                                 browser_marker, browser_marker, browser_marker);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Browser\n"
                                  "Exec=%s %%u\nMimeType=x-scheme-handler/http;"
                                  "x-scheme-handler/https;x-scheme-handler/tel;\n", script);

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  hl_test_write_or_die (script, script_text, -1);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  hl_test_write_or_die (desktop, desktop_text, -1);
  hl_test_write_or_die (mimeapps,
                        "[Default Applications]\n"
                        "x-scheme-handler/http=hl-test-browser.desktop\n"
                        "x-scheme-handler/https=hl-test-browser.desktop\n"
                        "x-scheme-handler/tel=hl-test-browser.desktop\n", -1);
  return browser_marker;
}

/* dconf with real locks */

char *
run_for_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s %s", argv[0], error->message, err);
  g_strstrip (out);
  return out;
}

/* The system database, as `dconf update` makes it from /etc/dconf/db. */
static void
make_site_database (const char *home,
                    const char *site_keyfile,
                    const char *site_locks)
{
  g_autofree char *site = g_build_filename (home, "dconf-site", NULL);
  g_autofree char *db_dir = g_build_filename (site, "db.d", NULL);
  g_autofree char *locks_dir = g_build_filename (db_dir, "locks", NULL);
  g_autofree char *keyfile = g_build_filename (db_dir, "00-site", NULL);
  g_autofree char *locks = g_build_filename (locks_dir, "00-site", NULL);
  g_autofree char *db = g_build_filename (site, "site.db", NULL);
  g_autofree char *profile = g_build_filename (site, "profile", NULL);
  g_autofree char *profile_text = g_strdup_printf ("user-db:user\nfile-db:%s\n", db);
  g_autofree char *out = NULL;

  g_assert_cmpint (g_mkdir_with_parents (locks_dir, 0700), ==, 0);
  hl_test_write_or_die (keyfile, site_keyfile, -1);
  hl_test_write_or_die (locks, site_locks, -1);
  /* dconf-cli is in build-aux/debian-packages.txt. */
  out = run_for_output ((const char *[]) { "dconf", "compile", db, db_dir, NULL });
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  hl_test_write_or_die (profile, profile_text, -1);

  g_setenv ("DCONF_PROFILE", profile, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "dconf", TRUE);
}

/* The services the test's bus may start: dconf's, and the accessibility
 * bus, whose registry would otherwise print to the test's output. */
static const char *
make_services (const char *home)
{
  static char *dir;
  g_autofree char *dconf = NULL;
  g_autofree char *a11y = NULL;

  dir = g_build_filename (home, "dbus-services", NULL);
  dconf = g_build_filename (dir, "ca.desrt.dconf.service", NULL);
  a11y = g_build_filename (dir, "org.a11y.Bus.service", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  hl_test_write_or_die (dconf, "[D-BUS Service]\nName=ca.desrt.dconf\n"
                        "Exec=/usr/libexec/dconf-service\n", -1);
  hl_test_write_or_die (a11y, "[D-BUS Service]\nName=org.a11y.Bus\n"
                        "Exec=/bin/sh -c 'exec /usr/libexec/at-spi-bus-launcher >/dev/null'\n", -1);
  return dir;
}

GTestDBus *
dconf_fixture_start (const char *site_keyfile,
                     const char *site_locks)
{
  const char *home = window_fixture_prepare_home ();
  g_autofree char *display = NULL;
  g_autofree char *runtime = NULL;
  GTestDBus *bus;

  runtime = g_build_filename (home, "XDG_RUNTIME_DIR", NULL);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  make_site_database (home, site_keyfile, site_locks);

  /* A session bus started here, so that the dconf-service it starts writes
   * under the home set above and never the user's settings. GTestDBus also
   * unsets DISPLAY, which the window needs, and XDG_RUNTIME_DIR, where
   * dconf-service tells its clients that the database changed. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (bus, make_services (home));
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);

  return bus;
}

void
dconf_fixture_stop (GTestDBus *bus)
{
  /* The app's connection to the bus outlives the window: the bus is stopped
   * without waiting for it, and the GTestDBus left to the end of the process
   * (disposing it would wait for that connection). */
  g_test_dbus_stop (bus);
}
