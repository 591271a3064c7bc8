/* hl-library-page.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hl-library-page.h"
#include "hl-page-builder.h"
#include "hl-toast.h"
#include "hl-update-group.h"
#include "hl-topic.h"

struct _HlLibraryPage
{
  AdwPreferencesPage    parent_instance;

  /* Template children */
  AdwActionRow         *date_row;
  GtkLabel             *source_label;
  GtkLabel             *date_label;
  GtkLabel             *contents_label;
  GtkLabel             *size_label;
  AdwPreferencesGroup  *update_group;
  AdwActionRow         *import_row;
  AdwActionRow         *progress_row;
  GtkProgressBar       *progress_bar;
  AdwActionRow         *error_row;
  AdwActionRow         *restore_row;
  AdwActionRow         *locked_row;

  HlLibrary            *library;
  HlImportJob          *job;
  HlLockdown           *lockdown;
  GtkFileChooserNative *chooser;
  guint                 reveal_id;      /* tick callback: scrolls to the import rows */
};

G_DEFINE_FINAL_TYPE (HlLibraryPage, hl_library_page, ADW_TYPE_PREFERENCES_PAGE)

/* The name of the file the library was imported from, or a description of
 * the sample. */
static char *
dup_source (HlTopicStore *store)
{
  const char *source = hl_topic_store_get_meta (store, "source");

  if (hl_topic_store_is_sample (store))
    return g_strdup (_("The sample that comes with the app"));

  return g_strdup (source ? source : _("Unknown"));
}

static void
update_info (HlLibraryPage *self)
{
  HlTopicStore *store = hl_library_get_store (self->library);
  g_autofree char *source = NULL;
  g_autofree char *date = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *size = NULL;
  GStatBuf buf;

  /* The sample is not a MedlinePlus release: its date is when it was put
   * together. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 store != NULL && hl_topic_store_is_sample (store)
                                   ? _("Assembled on") : _("MedlinePlus date"));

  if (store == NULL)
    {
      const char *none = hl_library_get_state (self->library) == HL_LIBRARY_STATE_FAILED
                           ? _("The library could not be opened")
                           : _("Being set up");

      gtk_label_set_label (self->source_label, none);
      gtk_label_set_label (self->date_label, "—");
      gtk_label_set_label (self->contents_label, "—");
      gtk_label_set_label (self->size_label, "—");
      return;
    }

  source = dup_source (store);
  /* Month names from our own catalog, in the language the app is shown in. */
  date = hl_page_format_date (hl_topic_store_get_meta (store, "date-generated"),
                              hl_language_default ());
  contents = hl_import_job_describe_store (store);
  if (g_stat (hl_topic_store_get_path (store), &buf) == 0)
    size = g_format_size (buf.st_size);

  gtk_label_set_label (self->source_label, source);
  gtk_label_set_label (self->date_label, date ? date : _("Unknown"));
  gtk_label_set_label (self->contents_label, contents);
  gtk_label_set_label (self->size_label, size ? size : _("Unknown"));
}

static void
update_state (HlLibraryPage *self)
{
  gboolean running = hl_import_job_get_running (self->job);
  gboolean busy = running || hl_library_get_state (self->library) == HL_LIBRARY_STATE_IMPORTING;
  gboolean locked = hl_lockdown_get_disable_import (self->lockdown);

  /* Turned off means absent, with a word on why. */
  gtk_widget_set_visible (GTK_WIDGET (self->import_row), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_row), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->locked_row), locked);
  adw_preferences_group_set_description (self->update_group,
                                         locked ? NULL : _("Download the current health topic file "
                                                           "from medlineplus.gov/xml.html, then "
                                                           "import it here. The library in use stays "
                                                           "until the new one is complete."));
  if (locked)
    gtk_widget_set_visible (GTK_WIDGET (self->error_row), FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import", !busy && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import-file", !busy && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.restore-sample", !busy && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.cancel-import", running);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), running);
}

static void
job_fraction_cb (HlLibraryPage *self)
{
  double fraction = hl_import_job_get_fraction (self->job);
  const char *name = hl_import_job_get_file_name (self->job);
  /* TRANSLATORS: a percentage, such as "150 %" */
  g_autofree char *percent = g_strdup_printf (_("%d %%"), (int) (fraction * 100 + 0.5));
  g_autofree char *subtitle = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  /* TRANSLATORS: a file name and how much of it has been read, "mplus_topics.xml — 42 %" */
  subtitle = name ? g_strdup_printf (_("%s — %s"), name, percent) : g_strdup (percent);
  adw_action_row_set_subtitle (self->progress_row, subtitle);
}

static void
show_toast (HlLibraryPage *self,
            const char    *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    return;

  toast = hl_toast_new (text);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
}

/* A file that could not be imported: the core's one-line message stays on
 * the page, where it can be read in full. */
static void
show_error (HlLibraryPage *self,
            const char    *message)
{
  adw_action_row_set_subtitle (self->error_row, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), TRUE);
}

static void
job_finished_cb (HlLibraryPage *self,
                 int            outcome,
                 const char    *message)
{
  update_state (self);
  if (outcome == HL_IMPORT_OUTCOME_FAILED)
    {
      /* The message is in the row, in full; the toast points there. */
      show_error (self, message);
      show_toast (self, _("The file could not be imported. The library has not changed."));
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_row), FALSE);
  show_toast (self, message);
}

static void
start_import (HlLibraryPage *self,
              const char    *path)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error_row), FALSE);
  if (!hl_import_job_start (self->job, path, &error))
    {
      show_error (self, error->message);
      show_toast (self, error->message);
    }
  job_fraction_cb (self);
  update_state (self);
}

static void
chooser_response_cb (HlLibraryPage *self,
                     int            response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->chooser);

  if (path != NULL)
    start_import (self, path);
  else if (file != NULL)
    show_error (self, _("Only files on this computer can be imported."));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HlLibraryPage *self = HL_LIBRARY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  /* Under Flatpak this is the portal's chooser, which gives the sandbox the
   * one file chosen. */
  self->chooser = gtk_file_chooser_native_new (_("Import a MedlinePlus File"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("MedlinePlus health topic files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.zip");
  gtk_file_filter_add_pattern (filter, "*.gz");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "application/zip");
  gtk_file_filter_add_mime_type (filter, "application/gzip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  start_import (HL_LIBRARY_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
cancel_import_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  hl_import_job_cancel (HL_LIBRARY_PAGE (widget)->job);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HlLibraryPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->error_row), FALSE);
  if (!hl_import_job_restore_sample (self->job, &error))
    show_error (self, error->message);
  job_fraction_cb (self);
  update_state (self);
}

/* Says what will be replaced before anything is. */
static void
restore_sample_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HlLibraryPage *self = HL_LIBRARY_PAGE (widget);
  HlTopicStore *store = hl_library_get_store (self->library);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (store == NULL)
    body = g_strdup (_("The library will be built from the small sample that comes with the app, "
                       "some of which is out of date."));
  else if (hl_topic_store_is_sample (store))
    body = g_strdup (_("The sample library in use will be built again from the copy that comes "
                       "with the app."));
  else
    {
      g_autofree char *source = dup_source (store);
      g_autofree char *contents = hl_import_job_describe_store (store);

      /* TRANSLATORS: the first %s is a file name, the second "1,050 English topics,
       * 1,000 Spanish topics and 39 groups" */
      body = g_strdup_printf (_("The library imported from “%s” (%s) will be replaced by the "
                                "small sample that comes with the app, some of which is out of "
                                "date. To use the current topics again, import the MedlinePlus "
                                "file again."),
                              source, contents);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Restore the Sample Library?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
library_changed_cb (HlLibraryPage *self)
{
  update_info (self);
  update_state (self);
}

/* Scrolls the page so that the import group starts at its top: its rows,
 * the progress and what went wrong with a file are in view below. Once the
 * page has been laid out: the first frames of new preferences come before
 * that. */
static gboolean
reveal_import_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  HlLibraryPage *self = HL_LIBRARY_PAGE (widget);
  GtkWidget *group = GTK_WIDGET (self->update_group);
  GtkWidget *scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))
                                 : NULL;
  graphene_point_t top;

  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;

  if (GTK_IS_VIEWPORT (viewport) &&
      gtk_widget_compute_point (group, gtk_viewport_get_child (GTK_VIEWPORT (viewport)),
                                &GRAPHENE_POINT_INIT (0, 0), &top))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                              top.y);

  self->reveal_id = 0;
  return G_SOURCE_REMOVE;
}

static void
hl_library_page_dispose (GObject *object)
{
  HlLibraryPage *self = (HlLibraryPage *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->library);
  g_clear_object (&self->job);
  g_clear_object (&self->lockdown);

  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_LIBRARY_PAGE);

  G_OBJECT_CLASS (hl_library_page_parent_class)->dispose (object);
}

static void
hl_library_page_class_init (HlLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_library_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, source_label);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, contents_label);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, size_label);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, update_group);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, import_row);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, progress_row);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, error_row);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, restore_row);
  gtk_widget_class_bind_template_child (widget_class, HlLibraryPage, locked_row);

  gtk_widget_class_install_action (widget_class, "library.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "library.import-file", "s", import_file_activated);
  gtk_widget_class_install_action (widget_class, "library.cancel-import", NULL,
                                   cancel_import_activated);
  gtk_widget_class_install_action (widget_class, "library.restore-sample", NULL,
                                   restore_sample_activated);
}

static void
hl_library_page_init (HlLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
hl_library_page_import (HlLibraryPage *self)
{
  g_return_if_fail (HL_IS_LIBRARY_PAGE (self));

  if (self->reveal_id == 0)
    self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_import_cb, NULL,
                                                    NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "library.import", NULL);
}

void
hl_library_page_setup (HlLibraryPage      *self,
                       HlLibrary          *library,
                       HlImportJob        *job,
                       HlLockdown         *lockdown,
                       HlUpdateController *updates,
                       GSettings          *settings)
{
  g_autoptr(AdwPreferencesGroup) import_group = NULL;

  g_return_if_fail (HL_IS_LIBRARY_PAGE (self));
  g_return_if_fail (self->library == NULL);

  /* Updates from MedlinePlus come before importing a file by hand: the
   * group goes between the library in use and the import group. */
  import_group = g_object_ref (self->update_group);
  adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), import_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self),
                            ADW_PREFERENCES_GROUP (hl_update_group_new (updates, settings)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), import_group);

  self->library = g_object_ref (library);
  self->job = g_object_ref (job);
  self->lockdown = g_object_ref (lockdown);

  g_signal_connect_object (library, "notify::store", G_CALLBACK (library_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "notify::state", G_CALLBACK (library_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (job, "notify::running", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (job, "notify::fraction", G_CALLBACK (job_fraction_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (job, "finished", G_CALLBACK (job_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (lockdown, "notify::disable-import", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);

  update_info (self);
  job_fraction_cb (self);
  update_state (self);
}
