/* test-kiosk-session.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A patient's session at the kiosk and its end, with real clicks and keys:
 * after a short idle time the countdown shows in the patient's language,
 * and the start over leaves no trace (history, search, sidebar, zoom,
 * language, an open dialog); "keep reading" keeps it; a new library waits
 * for the next start over; and the administrator's way out refuses wrong
 * codes, waits after three, and leaves kiosk mode with the right one. */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <string.h>

#include "hl-kiosk-address.h"
#include "hl-kiosk-countdown.h"
#include "hl-kiosk-home.h"
#include "hl-kiosk-text.h"
#include "hl-paths.h"
#include "hl-settings.h"
#include "hl-window-private.h"
#include "kiosk-fixture.h"
#include "test-util.h"

static GSettings *
settings (void)
{
  return hl_application_get_settings (fixture_app ());
}

static GtkWidget *
window_widget (void)
{
  return GTK_WIDGET (fixture_window ());
}

static void
click_widget (GtkWidget *widget)
{
  graphene_point_t center = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                 gtk_widget_get_height (widget) / 2.0);
  graphene_point_t point;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                           &center, &point));
  if (gtk_widget_get_root (widget) != GTK_ROOT (window_widget ()))
    {
      /* A dialog: where the window manager put it. */
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (gtk_widget_get_root (widget)));
      int wx = 0, wy = 0;
      g_autofree char *xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
      g_autofree char *geometry = NULL;
      g_autoptr(GSubprocess) info = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, NULL,
                                                      "xdotool", "getwindowgeometry", "--shell",
                                                      xid, NULL);

      g_auto(GStrv) lines = NULL;

      g_subprocess_communicate_utf8 (info, NULL, NULL, &geometry, NULL, NULL);
      lines = g_strsplit (geometry, "\n", -1);
      for (char **l = lines; *l != NULL; l++)
        {
          if (g_str_has_prefix (*l, "X="))
            wx = atoi (*l + 2);
          else if (g_str_has_prefix (*l, "Y="))
            wy = atoi (*l + 2);
        }
      point.x += wx;
      point.y += wy;
    }

  x = g_strdup_printf ("%d", (int) point.x);
  y = g_strdup_printf ("%d", (int) point.y);
  xdotool ("mousemove", x, y, "sleep", "0.1", "click", "1", NULL);
}

static HlKioskCountdown *
countdown (void)
{
  return HL_KIOSK_COUNTDOWN (hl_kiosk_controller_get_countdown (kiosk_controller ()));
}

static gboolean
countdown_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (countdown ()));
}

static gboolean
countdown_gone (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (countdown ()));
}

static gboolean
view_is (gpointer data)
{
  return !webkit_web_view_is_loading (web_view ()) &&
         g_strcmp0 (webkit_web_view_get_uri (web_view ()), data) == 0 &&
         webkit_web_view_get_title (web_view ()) != NULL;
}

static gboolean
fresh_start (gpointer data)
{
  return kiosk_shows ("kiosk-home") && !webkit_web_view_is_loading (web_view ()) &&
         hl_kiosk_address_is_home (webkit_web_view_get_uri (web_view ())) &&
         !webkit_web_view_can_go_back (web_view ()) && !webkit_web_view_can_go_forward (web_view ());
}

static void
set_idle (guint seconds)
{
  g_assert_true (g_settings_set_uint (settings (), HL_SETTINGS_KIOSK_IDLE_SECONDS, seconds));
  while (hl_kiosk_get_idle_seconds (kiosk ()) != seconds)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWindow *
find_window (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name) &&
          gtk_widget_get_mapped (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static gboolean
window_shown (gpointer data)
{
  return find_window (data) != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return find_window (data) == NULL;
}

static GtkWidget *
find_toggle (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
first_tile (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "kiosk-tile"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_tile (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
language_is (gpointer data)
{
  return g_strcmp0 (hl_window_get_content_language (fixture_window ()), data) == 0;
}

static gboolean
view_shows_group (gpointer data)
{
  const char *uri = webkit_web_view_get_uri (web_view ());

  return kiosk_shows ("view") && !webkit_web_view_is_loading (web_view ()) && uri != NULL &&
         g_str_has_prefix (uri, "hl://group/");
}

/* A patient's session, then nobody */

static void
test_idle_start_over (void)
{
  GtkWidget *home = hl_kiosk_controller_get_home (kiosk_controller ());
  GtkWidget *search = hl_window_get_search_entry (fixture_window ());
  HlUserSession *session = hl_application_get_user_session (fixture_app ());
  g_autofree char *user_db = g_build_filename (g_get_user_data_dir (), USER_DIR_NAME, "user.db",
                                               NULL);
  g_autofree char *text = NULL;
  g_autoptr(GVariant) zoom = NULL;
  g_autoptr(GVariant) language = NULL;

  wait_until (fresh_start, NULL, "the kiosk home");

  /* Español on the kiosk home, then a group, a topic, a search, a larger
   * text, the header's language buttons, and a handout dialog. */
  click_widget (find_toggle (home, "Español"));
  wait_until (language_is, "es", "Spanish");
  click_widget (first_tile (home));
  wait_until (view_shows_group, NULL, "a group's page");

  hl_window_open_uri (fixture_window (), "hl://topic/3062");
  wait_until (view_is, "hl://topic/3062", "a Spanish topic");
  click_widget (search);
  xdotool ("type", "--delay", "60", "dolor", NULL);
  wait_until (has_row, "Dolor abdominal", "the search results");
  xdotool ("key", "--clearmodifiers", "ctrl+plus", NULL);
  click_widget (find_toggle (window_widget (), "English"));
  wait_until (language_is, "en", "English");
  click_widget (find_toggle (window_widget (), "Español"));
  wait_until (language_is, "es", "Spanish again");

  g_assert_true (g_settings_set_boolean (settings (), HL_SETTINGS_KIOSK_ALLOW_PRINTING, TRUE));
  while (!hl_kiosk_get_allow_printing (kiosk ()))
    g_main_context_iteration (NULL, TRUE);
  hl_window_open_uri (fixture_window (), "hl://topic/3062");
  wait_until (view_is, "hl://topic/3062", "the topic again");
  spin (300);
  click_widget (find_button (window_widget (), P_ ("es", "Print")));
  wait_until (window_shown, "HlHandoutDialog", "the handout dialog");

  /* All of it is there. */
  g_assert_true (webkit_web_view_can_go_back (web_view ()));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "dolor");
  g_assert_cmpstr (hl_sidebar_get_mode (sidebar ()), ==, "search");
  g_assert_cmpfloat (webkit_web_view_get_zoom_level (web_view ()), >, 1.05);
  zoom = g_settings_get_user_value (settings (), HL_SETTINGS_ZOOM_LEVEL);
  language = g_settings_get_user_value (settings (), HL_SETTINGS_CONTENT_LANGUAGE);
  g_assert_nonnull (zoom);
  g_assert_nonnull (language);
  g_clear_pointer (&zoom, g_variant_unref);
  g_clear_pointer (&language, g_variant_unref);

  /* Then nobody: the countdown, in Spanish. */
  set_idle (3);
  wait_until (countdown_shown, NULL, "the countdown");
  text = hl_kiosk_countdown_dup_text (countdown ());
  g_test_message ("the countdown says “%s”", text);
  g_assert_true (g_str_has_prefix (text, "¿Sigue leyendo? Empezamos de nuevo en "));
  g_assert_nonnull (find_button (GTK_WIDGET (countdown ()), "Seguir leyendo"));

  /* And the fresh start. */
  wait_until (countdown_gone, NULL, "the end of the countdown");
  wait_until (fresh_start, NULL, "the start over");
  wait_until (window_gone, "HlHandoutDialog", "the dialog to close");
  g_assert_cmpuint (count_other_windows (), ==, 0);

  g_assert_false (webkit_web_view_can_go_back (web_view ()));
  g_assert_false (webkit_web_view_can_go_forward (web_view ()));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (hl_kiosk_home_get_search_entry (HL_KIOSK_HOME (home))),
                   ==, "");
  g_assert_cmpstr (hl_sidebar_get_mode (sidebar ()), ==, "browse");
  g_assert_cmpstr (hl_window_get_content_language (fixture_window ()), ==, "en");
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (web_view ()), 1.0, 0.001);
  zoom = g_settings_get_user_value (settings (), HL_SETTINGS_ZOOM_LEVEL);
  language = g_settings_get_user_value (settings (), HL_SETTINGS_CONTENT_LANGUAGE);
  g_assert_null (zoom);
  g_assert_null (language);

  /* Nor in the user's data, which a kiosk never writes. */
  g_assert_cmpuint (g_list_model_get_n_items (hl_user_data_get_history (hl_user_session_get_user_data (session))),
                    ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hl_user_session_get_basket (session))),
                    ==, 0);
  g_assert_false (g_file_test (user_db, G_FILE_TEST_EXISTS));

  /* A kiosk nobody touched since has nothing to count down. */
  spin (4500);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (countdown ())));

  g_assert_true (g_settings_set_boolean (settings (), HL_SETTINGS_KIOSK_ALLOW_PRINTING, FALSE));
  set_idle (120);
}

static void
test_keep_reading (void)
{
  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_until (view_is, "hl://topic/3061", "a topic");
  xdotool ("mousemove", "700", "400", "mousemove", "710", "420", NULL);
  set_idle (3);

  /* The button keeps the page. */
  wait_until (countdown_shown, NULL, "the countdown");
  click_widget (find_button (GTK_WIDGET (countdown ()), "Keep reading"));
  wait_until (countdown_gone, NULL, "the countdown to go");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
  g_assert_true (webkit_web_view_can_go_back (web_view ()));

  /* So does any sign of someone. */
  wait_until (countdown_shown, NULL, "the countdown again");
  xdotool ("mousemove", "600", "300", NULL);
  wait_until (countdown_gone, NULL, "the countdown to go");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");

  set_idle (120);
  hl_kiosk_start_over (kiosk ());
  wait_until (fresh_start, NULL, "the start over");
}

/* A new library */

static gboolean
update_pending (gpointer data)
{
  return hl_library_get_update_pending (app_library ());
}

static gboolean
store_changed (gpointer data)
{
  return hl_library_get_store (app_library ()) != data;
}

static gboolean
update_idle (gpointer data)
{
  return !hl_update_controller_get_busy (hl_application_get_updates (fixture_app ()));
}

static void
test_update_at_start_over (void)
{
  g_autofree char *letters = g_test_build_filename (G_TEST_DIST, "data", "index-letters.xml", NULL);
  g_autofree char *starter = hl_test_starter_path ();
  HlUpdateController *updates = hl_application_get_updates (fixture_app ());
  HlTopicStore *before = hl_library_get_store (app_library ());

  /* A patient is reading. */
  hl_window_open_uri (fixture_window (), "hl://topic/3061");
  wait_until (view_is, "hl://topic/3061", "a topic");
  xdotool ("mousemove", "700", "400", "mousemove", "720", "430", NULL);

  /* An import in a terminal waits. */
  run_app_binary ((const char *[]) { "--import", letters, NULL });
  wait_until (update_pending, NULL, "the new library to be noticed");
  spin (1000);
  g_assert_true (hl_library_get_store (app_library ()) == before);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view ()), ==, "hl://topic/3061");
  g_assert_cmpstr (webkit_web_view_get_title (web_view ()), ==, "Abdominal Pain");

  /* So does an automatic update that falls due. */
  g_assert_true (g_settings_set_string (settings (), HL_SETTINGS_UPDATE_URL, "http://127.0.0.1:9/"));
  g_assert_true (g_settings_set_int64 (settings (), HL_SETTINGS_LAST_UPDATE_CHECK, 0));
  g_assert_true (g_settings_set_boolean (settings (), HL_SETTINGS_AUTO_UPDATE, TRUE));
  g_assert_false (hl_update_controller_run_due_check (updates));

  /* The start over takes them up. */
  click_widget (hl_kiosk_controller_get_start_over_button (kiosk_controller ()));
  wait_until (store_changed, before, "the new library");
  wait_until (fresh_start, NULL, "the start over");
  g_assert_false (hl_library_get_update_pending (app_library ()));
  g_assert_true (hl_update_controller_get_busy (updates) ||
                 g_settings_get_int64 (settings (), HL_SETTINGS_LAST_UPDATE_CHECK) > 0);
  wait_until (update_idle, NULL, "the update check to end");
  g_assert_true (g_settings_set_boolean (settings (), HL_SETTINGS_AUTO_UPDATE, FALSE));

  /* At a kiosk nobody is using, a new library is taken up at once. */
  before = hl_library_get_store (app_library ());
  run_app_binary ((const char *[]) { "--import", starter, NULL });
  wait_until (store_changed, before, "the sample again");
  wait_until (fresh_start, NULL, "the kiosk home");
}

/* The administrator's way out */

static GtkWindow *
unlock_dialog (void)
{
  return find_window ("HlKioskUnlockDialog");
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
visible_error (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && gtk_widget_has_css_class (root, "error"))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = visible_error (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
error_says (gpointer data)
{
  GtkWindow *dialog = unlock_dialog ();
  GtkWidget *label = dialog ? visible_error (GTK_WIDGET (dialog)) : NULL;

  return label != NULL && strstr (gtk_label_get_label (GTK_LABEL (label)), data) != NULL;
}

static gboolean
entry_sensitive (gpointer data)
{
  GtkWindow *dialog = unlock_dialog ();
  GtkWidget *entry = dialog ? find_of_type (GTK_WIDGET (dialog), GTK_TYPE_PASSWORD_ENTRY) : NULL;

  return entry != NULL && gtk_widget_is_sensitive (entry) == GPOINTER_TO_INT (data);
}

static void
type_code (const char *code)
{
  GtkWidget *entry = find_of_type (GTK_WIDGET (unlock_dialog ()), GTK_TYPE_PASSWORD_ENTRY);

  click_widget (entry);
  xdotool ("type", "--delay", "40", code, NULL);
  xdotool ("key", "Return", NULL);
}

static gboolean
kiosk_left (gpointer data)
{
  return !hl_kiosk_get_active (kiosk ()) && !window_is_fullscreen ();
}

static void
unlock_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(int *) user_data = hl_kiosk_unlock_finish (HL_KIOSK (source), result);
}

static gboolean
outcome_known (gpointer data)
{
  return *(int *) data >= 0;
}

static gboolean
virtual_printer_cb (GtkPrinter *printer,
                    gpointer    data)
{
  if (gtk_printer_is_virtual (printer))
    *(gboolean *) data = TRUE;
  return FALSE;
}

static void
test_unlock (void)
{
  g_autofree char *wrong = g_strdup_printf (_("Too many wrong codes. Try again in %u seconds."),
                                            HL_KIOSK_FIRST_WAIT_SECONDS);
  g_autofree char *prefix = g_strndup (wrong, strstr (wrong, "30") - wrong);
  GtkWidget *menu = GTK_WIDGET (gtk_widget_get_template_child (window_widget (), HL_TYPE_WINDOW,
                                                               "menu_button"));
  gboolean print_to_file = FALSE;
  int outcome = -1;

  /* Three seconds in the top-left corner; a short press is not it. */
  xdotool ("mousemove", "6", "6", "mousedown", "1", "sleep", "1", "mouseup", "1", NULL);
  spin (500);
  g_assert_null (unlock_dialog ());
  xdotool ("mousemove", "6", "6", "mousedown", "1", "sleep", "3.5", "mouseup", "1", NULL);
  wait_until (window_shown, "HlKioskUnlockDialog", "the unlock prompt");
  xdotool ("key", "Escape", NULL);
  wait_until (window_gone, "HlKioskUnlockDialog", "the prompt to close");
  g_assert_true (hl_kiosk_get_active (kiosk ()));

  /* Ctrl+Alt+Shift+K; a wrong code stays in kiosk mode. */
  xdotool ("mousemove", "800", "500", "key", "--clearmodifiers", "ctrl+alt+shift+k", NULL);
  wait_until (window_shown, "HlKioskUnlockDialog", "the unlock prompt");
  type_code ("kiosk-1357");
  wait_until (error_says, (gpointer) _("That is not the unlock code."), "the wrong code refused");
  g_assert_true (hl_kiosk_get_active (kiosk ()));
  g_assert_true (window_is_fullscreen ());

  /* After three, the next waits, even the right one. */
  type_code ("1234567");
  wait_until (error_says, (gpointer) _("That is not the unlock code."), "the wrong code refused");
  type_code ("kiosk-2469");
  wait_until (error_says, prefix, "the wait");
  wait_until (entry_sensitive, GINT_TO_POINTER (FALSE), "the code entry to wait");
  hl_kiosk_unlock_async (kiosk (), KIOSK_CODE, NULL, unlock_cb, &outcome);
  wait_until (outcome_known, &outcome, "the kiosk to answer");
  g_assert_cmpint (outcome, ==, HL_KIOSK_UNLOCK_WAIT);
  g_assert_true (hl_kiosk_get_active (kiosk ()));
  g_assert_cmpuint (hl_kiosk_get_wait_seconds (kiosk ()), >, 20);

  /* The wait over, the right code leaves kiosk mode. */
  while (!entry_sensitive (GINT_TO_POINTER (TRUE)))
    g_main_context_iteration (NULL, TRUE);
  type_code (KIOSK_CODE);
  wait_until (kiosk_left, NULL, "kiosk mode to end");
  wait_until (window_gone, "HlKioskUnlockDialog", "the prompt to close");
  g_assert_true (gtk_window_get_deletable (GTK_WINDOW (window_widget ())));
  g_assert_true (gtk_widget_get_mapped (menu));
  g_assert_false (gtk_widget_get_mapped (hl_kiosk_controller_get_start_over_button (kiosk_controller ())));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture_app ()), "quit"));
  /* The key is still set: this run only. */
  g_assert_true (g_settings_get_boolean (settings (), HL_SETTINGS_KIOSK_MODE));

  /* What the kiosk kept away is back: the GTK Inspector's key (so it was
   * the kiosk that refused it) and Print to File. */
  xdotool ("mousemove", "800", "500", "key", "--clearmodifiers", "ctrl+shift+i", NULL);
  wait_until (window_shown, "GtkInspectorWindow", "the GTK Inspector");
  gtk_window_set_interactive_debugging (FALSE);
  gtk_enumerate_printers (virtual_printer_cb, &print_to_file, NULL, TRUE);
  g_assert_true (print_to_file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  kiosk_fixture_start (NULL);

  g_test_add_func ("/ui/kiosk-session/idle-start-over", test_idle_start_over);
  g_test_add_func ("/ui/kiosk-session/keep-reading", test_keep_reading);
  g_test_add_func ("/ui/kiosk-session/update-at-start-over", test_update_at_start_over);
  /* Last: it leaves kiosk mode. */
  g_test_add_func ("/ui/kiosk-session/unlock", test_unlock);

  status = g_test_run ();

  kiosk_fixture_stop ();
  return status;
}
