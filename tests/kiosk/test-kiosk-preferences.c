/* test-kiosk-preferences.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The preferences' Kiosk page on a real dconf profile: a key the
 * administrator locked is insensitive and says so, kiosk mode waits for an
 * unlock code, the code is set twice and kept as a hash only (read back
 * with gsettings, as an administrator would), and turning kiosk mode on
 * here takes effect at once. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-settings.h"
#include "hl-unlock-code.h"
#include "preferences-fixture.h"
#include "test-util.h"

#define CODE "kiosk-9753"

static const char site_keyfile[] =
  "[org/phynet/HealthLibrary]\n"
  "kiosk-allow-printing=true\n";

static const char site_locks[] =
  "/org/phynet/HealthLibrary/kiosk-allow-printing\n";

static GSettings *
settings (void)
{
  return hl_application_get_settings (fixture_app ());
}

static HlPreferencesWindow *
open_kiosk_page (void)
{
  HlPreferencesWindow *prefs = open_preferences ();

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "kiosk");
  spin (200);
  return prefs;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_in_row (AdwPreferencesRow *row,
             GType              type)
{
  return find_widget_of_type (GTK_WIDGET (row), type);
}

static void
test_rows (void)
{
  HlPreferencesWindow *prefs = open_kiosk_page ();
  AdwPreferencesRow *mode = find_pref_row (GTK_WIDGET (prefs), _("_Kiosk Mode"));
  AdwPreferencesRow *printing = find_pref_row (GTK_WIDGET (prefs), _("Let Patients _Print"));
  AdwPreferencesRow *idle = find_pref_row (GTK_WIDGET (prefs), _("_Start Over After"));
  AdwPreferencesRow *no_code = find_pref_row (GTK_WIDGET (prefs), _("Set an unlock code first"));
  GtkSpinButton *seconds;

  g_assert_nonnull (mode);
  g_assert_nonnull (printing);
  g_assert_nonnull (idle);
  g_assert_nonnull (no_code);

  /* Locked by the administrator: its value, insensitive, and why. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (printing)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (printing)), ==,
                   _("Set by your organization"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_in_row (printing, GTK_TYPE_SWITCH))));
  g_assert_false (g_settings_set_boolean (settings (), HL_SETTINGS_KIOSK_ALLOW_PRINTING, FALSE));

  /* No code yet: kiosk mode cannot be turned on, and the page says why. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (mode)));
  g_assert_false (gtk_widget_get_sensitive (find_in_row (mode, GTK_TYPE_SWITCH)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (no_code)));

  /* The idle time follows the key both ways. */
  seconds = GTK_SPIN_BUTTON (find_in_row (idle, GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpfloat (gtk_spin_button_get_value (seconds), ==, 120);
  gtk_spin_button_set_value (seconds, 45);
  g_assert_cmpuint (g_settings_get_uint (settings (), HL_SETTINGS_KIOSK_IDLE_SECONDS), ==, 45);
  g_assert_true (g_settings_set_uint (settings (), HL_SETTINGS_KIOSK_IDLE_SECONDS, 90));
  spin (200);
  g_assert_cmpfloat (gtk_spin_button_get_value (seconds), ==, 90);
  g_settings_reset (settings (), HL_SETTINGS_KIOSK_IDLE_SECONDS);

  close_preferences (prefs);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
collect_entries (GtkWidget *root,
                 GPtrArray *entries)
{
  if (GTK_IS_PASSWORD_ENTRY (root))
    g_ptr_array_add (entries, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, entries);
}

static gboolean
code_set (gpointer data)
{
  g_autofree char *stored = g_settings_get_string (settings (), HL_SETTINGS_KIOSK_UNLOCK_CODE);

  return *stored != '\0';
}

static void
test_set_code (void)
{
  HlPreferencesWindow *prefs = open_kiosk_page ();
  AdwPreferencesRow *code = find_pref_row (GTK_WIDGET (prefs), _("_Unlock Code"));
  AdwPreferencesRow *mode = find_pref_row (GTK_WIDGET (prefs), _("_Kiosk Mode"));
  AdwPreferencesRow *no_code = find_pref_row (GTK_WIDGET (prefs), _("Set an unlock code first"));
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  AdwMessageDialog *dialog;

  g_assert_nonnull (find_label (GTK_WIDGET (code), _("Not set")));
  g_signal_emit_by_name (find_button (GTK_WIDGET (code), _("Set _Code…")), "clicked");
  wait_until (dialog_shown, NULL, "the code dialog");
  dialog = find_message_dialog ();
  collect_entries (GTK_WIDGET (dialog), entries);
  g_assert_cmpuint (entries->len, ==, 2);

  /* Too short, then two that differ: nothing to set. */
  gtk_editable_set_text (entries->pdata[0], "12345");
  gtk_editable_set_text (entries->pdata[1], "12345");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  gtk_editable_set_text (entries->pdata[0], CODE);
  gtk_editable_set_text (entries->pdata[1], "kiosk-9754");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  gtk_editable_set_text (entries->pdata[1], CODE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "set"));
  adw_message_dialog_response (dialog, "set");
  wait_until (code_set, NULL, "the code to be kept");

  /* Kept as its hash only, as gsettings shows it to an administrator. */
  stored = g_settings_get_string (settings (), HL_SETTINGS_KIOSK_UNLOCK_CODE);
  g_assert_true (hl_unlock_code_is_valid (stored));
  g_assert_true (hl_unlock_code_verify (stored, CODE));
  g_assert_false (hl_unlock_code_verify (stored, "kiosk-9754"));
  shown = run_for_output ((const char *[]) { "gsettings", "get", APP_ID,
                                             HL_SETTINGS_KIOSK_UNLOCK_CODE, NULL });
  g_assert_null (strstr (shown, CODE));
  g_assert_true (g_str_has_prefix (shown, "'pbkdf2-sha256$"));

  /* Now kiosk mode can be turned on. */
  spin (200);
  g_assert_nonnull (find_label (GTK_WIDGET (code), _("Set")));
  g_assert_true (gtk_widget_get_sensitive (find_widget_of_type (GTK_WIDGET (mode), GTK_TYPE_SWITCH)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (no_code)));

  close_preferences (prefs);
}

static gboolean
kiosk_is (gpointer data)
{
  return hl_kiosk_get_active (hl_application_get_kiosk (fixture_app ())) == GPOINTER_TO_INT (data);
}

static gboolean
preferences_gone (gpointer data)
{
  return find_toplevel (HL_TYPE_PREFERENCES_WINDOW) == NULL;
}

static gboolean
deletable (gpointer data)
{
  return gtk_window_get_deletable (GTK_WINDOW (fixture_window ()));
}

/* On at once, from the preferences; and off again by the key. */
static void
test_turn_on (void)
{
  HlPreferencesWindow *prefs = open_kiosk_page ();
  AdwPreferencesRow *mode = find_pref_row (GTK_WIDGET (prefs), _("_Kiosk Mode"));

  gtk_switch_set_active (GTK_SWITCH (find_widget_of_type (GTK_WIDGET (mode), GTK_TYPE_SWITCH)), TRUE);
  wait_until (kiosk_is, GINT_TO_POINTER (TRUE), "kiosk mode");
  g_assert_true (g_settings_get_boolean (settings (), HL_SETTINGS_KIOSK_MODE));
  /* The start over closes the preferences: nothing is left open. */
  wait_until (preferences_gone, NULL, "the preferences to close");
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (fixture_window ())));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture_app ()), "preferences"));

  g_assert_true (g_settings_set_boolean (settings (), HL_SETTINGS_KIOSK_MODE, FALSE));
  wait_until (kiosk_is, GINT_TO_POINTER (FALSE), "kiosk mode to end");
  wait_until (deletable, NULL, "the window to have its close button");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture_app ()), "preferences"));
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  int status;

  g_test_init (&argc, &argv, NULL);
  window_fixture_prepare_home ();
  bus = dconf_fixture_start (site_keyfile, site_locks);
  window_fixture_start ();

  g_test_add_func ("/ui/kiosk-preferences/rows", test_rows);
  g_test_add_func ("/ui/kiosk-preferences/set-code", test_set_code);
  g_test_add_func ("/ui/kiosk-preferences/turn-on", test_turn_on);

  status = g_test_run ();

  window_fixture_stop ();
  dconf_fixture_stop (bus);
  return status;
}
