/* hl-handout-output.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-handout-output.h"

/* The printer and paper chosen last, for this run of the app. */
static GtkPrintSettings *last_settings;

typedef struct
{
  HlHandout         *handout;
  HlHandoutDoneFunc  done;
  gpointer           user_data;
  GError            *error;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->handout);
  g_clear_error (&job->error);
  g_free (job);
}

static Job *
job_new (HlHandout         *handout,
         HlHandoutDoneFunc  done,
         gpointer           user_data)
{
  Job *job = g_new0 (Job, 1);

  job->handout = g_object_ref (handout);
  job->done = done;
  job->user_data = user_data;
  return job;
}

/* Saving */

static char *
suggested_name (HlHandout *handout)
{
  const char *title = hl_handout_get_title (handout);
  g_autofree char *name = NULL;

  /* TRANSLATORS: the file name of a handout of several topics */
  name = g_strdup (hl_handout_get_n_topics (handout) > 1 || title == NULL ? _("Handout") : title);
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strconcat (name, ".pdf", NULL);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  Job             *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!hl_handout_write_pdf (job->handout, file, &job->error))
        g_clear_object (&file);
    }

  if (job->done != NULL)
    job->done (file, job->error, job->user_data);
  job_free (job);
  g_object_unref (chooser);
}

void
hl_handout_save_as (GtkWindow         *parent,
                    HlHandout         *handout,
                    HlHandoutDoneFunc  done,
                    gpointer           user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (handout);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  g_return_if_fail (HL_IS_HANDOUT (handout));

  chooser = gtk_file_chooser_native_new (_("Save Handout as PDF"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb),
                    job_new (handout, done, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  /* Points, from the corner of the paper: the handout's own margins. */
  if (!hl_handout_layout (job->handout, gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context), &job->error))
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, hl_handout_get_n_pages (job->handout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Job               *job)
{
  hl_handout_draw_page (job->handout, gtk_print_context_get_cairo_context (context), page);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Job                     *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && job->error == NULL)
    gtk_print_operation_get_error (operation, &job->error);

  if (job->done != NULL)
    job->done (NULL, job->error, job->user_data);
  job_free (job);
  g_object_unref (operation);
}

void
hl_handout_print (GtkWindow         *parent,
                  HlHandout         *handout,
                  HlHandoutDoneFunc  done,
                  gpointer           user_data)
{
  g_autoptr(HlHandout) copy = NULL;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (HL_IS_HANDOUT (handout));

  copy = hl_handout_copy (handout);
  job = job_new (copy, done, user_data);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, hl_handout_get_title (handout));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  else
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);

      /* The clinics' paper, until the person printing picks another. */
      gtk_page_setup_set_paper_size (setup, letter);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  /* Finished already, without going asynchronous: "done" has run. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    g_debug ("Printing failed: %s", error->message);
}
