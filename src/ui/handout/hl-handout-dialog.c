/* hl-handout-dialog.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-handout-dialog.h"
#include "hl-handout-output.h"

/* The width of a page in the preview, in pixels. */
#define PREVIEW_WIDTH 470

struct _HlHandoutDialog
{
  AdwWindow          parent_instance;

  /* Template children */
  AdwToastOverlay   *toasts;
  AdwWindowTitle    *window_title;
  GtkWidget         *print_button;
  GtkWidget         *save_button;
  GtkStack          *preview_stack;
  GtkBox            *pages_box;
  AdwStatusPage     *error_page;
  AdwComboRow       *language_row;
  GtkSwitch         *large_print_switch;
  AdwComboRow       *clinic_row;
  GtkLabel          *summary_label;
  GtkLabel          *notes_label;

  HlTopicStore      *store;
  HlClinicDirectory *clinics;
  HlHandout         *handout;
  GArray            *languages;    /* HlHandoutLanguage, one a row of language_row */
  GPtrArray         *clinic_ids;   /* char *, one a row of clinic_row; NULL for none */
  gboolean           filling;      /* the rows are being filled: no layout yet */
};

G_DEFINE_FINAL_TYPE (HlHandoutDialog, hl_handout_dialog, ADW_TYPE_WINDOW)

static void
show_toast (HlHandoutDialog *self,
            const char      *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  HlHandoutDialog *self = g_object_get_data (G_OBJECT (area), "dialog");
  guint page = GPOINTER_TO_UINT (user_data);
  double scale;

  if (page >= hl_handout_get_n_pages (self->handout))
    return;

  /* Paper is white, in a dark style too. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  scale = width / hl_handout_get_page_width (self->handout);
  cairo_scale (cr, scale, scale);
  hl_handout_draw_page (self->handout, cr, page);
}

static void
show_pages (HlHandoutDialog *self)
{
  guint n = hl_handout_get_n_pages (self->handout);
  double ratio = hl_handout_get_page_height (self->handout) / hl_handout_get_page_width (self->handout);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      /* TRANSLATORS: "Page 2 of 3", of the preview of a handout */
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, n);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), PREVIEW_WIDTH);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (PREVIEW_WIDTH * ratio));
      g_object_set_data (G_OBJECT (area), "dialog", self);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, GUINT_TO_POINTER (i),
                                      NULL);
      gtk_widget_add_css_class (area, "handout-page");
      gtk_widget_set_overflow (area, GTK_OVERFLOW_HIDDEN);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_box_append (self->pages_box, area);
    }
}

static void
relayout (HlHandoutDialog *self)
{
  guint language = adw_combo_row_get_selected (self->language_row);
  guint clinic = adw_combo_row_get_selected (self->clinic_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *notes = NULL;
  guint n;

  if (self->filling)
    return;

  if (language < self->languages->len)
    hl_handout_set_language (self->handout,
                             g_array_index (self->languages, HlHandoutLanguage, language));
  hl_handout_set_large_print (self->handout, gtk_switch_get_active (self->large_print_switch));
  hl_handout_set_home_clinic (self->handout, clinic < self->clinic_ids->len
                                               ? g_ptr_array_index (self->clinic_ids, clinic)
                                               : NULL);

  if (!hl_handout_layout (self->handout, HL_HANDOUT_LETTER_WIDTH, HL_HANDOUT_LETTER_HEIGHT,
                          &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "error");
      gtk_widget_set_sensitive (self->print_button, FALSE);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      gtk_label_set_label (self->summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->notes_label), FALSE);
      return;
    }

  show_pages (self);
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
  gtk_widget_set_sensitive (self->print_button, TRUE);
  gtk_widget_set_sensitive (self->save_button, TRUE);

  n = hl_handout_get_n_pages (self->handout);
  /* TRANSLATORS: "3 pages of US Letter", under the preview of a handout */
  pages = g_strdup_printf (ngettext ("%u page of US Letter. Printing fits it to the printer’s paper.",
                                     "%u pages of US Letter. Printing fits them to the printer’s paper.",
                                     n), n);
  gtk_label_set_label (self->summary_label, pages);

  notes = g_strjoinv ("\n", (char **) hl_handout_get_notes (self->handout));
  gtk_label_set_label (self->notes_label, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), *notes != '\0');
}

static void
option_changed_cb (HlHandoutDialog *self)
{
  relayout (self);
}

static void
save_done_cb (GFile    *file,
              GError   *error,
              gpointer  user_data)
{
  g_autoptr(HlHandoutDialog) self = user_data;

  if (error != NULL)
    show_toast (self, error->message);
  else if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* TRANSLATORS: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

      show_toast (self, text);
    }
}

static void
save_clicked_cb (HlHandoutDialog *self)
{
  hl_handout_save_as (GTK_WINDOW (self), self->handout, save_done_cb, g_object_ref (self));
}

static void
print_done_cb (GFile    *file,
               GError   *error,
               gpointer  user_data)
{
  g_autoptr(HlHandoutDialog) self = user_data;

  if (error != NULL)
    show_toast (self, error->message);
}

static void
print_clicked_cb (HlHandoutDialog *self)
{
  hl_handout_print (GTK_WINDOW (self), self->handout, print_done_cb, g_object_ref (self));
}

static void
hl_handout_dialog_dispose (GObject *object)
{
  HlHandoutDialog *self = (HlHandoutDialog *) object;

  g_clear_object (&self->handout);
  g_clear_object (&self->store);
  g_clear_object (&self->clinics);
  g_clear_pointer (&self->languages, g_array_unref);
  g_clear_pointer (&self->clinic_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (hl_handout_dialog_parent_class)->dispose (object);
}

static void
hl_handout_dialog_class_init (HlHandoutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_handout_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-handout-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, pages_box);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, large_print_switch);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HlHandoutDialog, notes_label);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hl_handout_dialog_init (HlHandoutDialog *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->languages = g_array_new (FALSE, FALSE, sizeof (HlHandoutLanguage));
  self->clinic_ids = g_ptr_array_new_with_free_func (g_free);
}

static void
add_language (HlHandoutDialog   *self,
              GtkStringList     *labels,
              const char        *label,
              HlHandoutLanguage  language)
{
  gtk_string_list_append (labels, label);
  g_array_append_val (self->languages, language);
}

/* One topic: its language, and the other and both when the library has its
 * counterpart. Several: each its own, or all in one language, or both. */
static void
fill_languages (HlHandoutDialog *self,
                GArray          *ids,
                gboolean         basket)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  if (basket || ids->len != 1)
    {
      add_language (self, labels, _("Each Topic in Its Own Language"), HL_HANDOUT_LANGUAGE_AS_CHOSEN);
      add_language (self, labels, _("English"), HL_HANDOUT_LANGUAGE_ENGLISH);
      add_language (self, labels, _("Spanish"), HL_HANDOUT_LANGUAGE_SPANISH);
      add_language (self, labels, _("Both Languages"), HL_HANDOUT_LANGUAGE_BOTH);
    }
  else
    {
      g_autoptr(HlTopic) topic = hl_topic_store_load_topic (self->store,
                                                            g_array_index (ids, int, 0), NULL);
      g_autoptr(HlTopicRef) counterpart = NULL;
      gboolean spanish = topic != NULL && g_str_equal (topic->language, "es");

      if (topic != NULL && topic->mapped != NULL && topic->mapped->id > 0)
        counterpart = hl_topic_store_get_topic_ref (self->store, topic->mapped->id, NULL);

      if (!spanish || counterpart != NULL)
        add_language (self, labels, _("English"), HL_HANDOUT_LANGUAGE_ENGLISH);
      if (spanish || counterpart != NULL)
        add_language (self, labels, _("Spanish"), HL_HANDOUT_LANGUAGE_SPANISH);
      if (counterpart != NULL)
        add_language (self, labels, _("Both Languages"), HL_HANDOUT_LANGUAGE_BOTH);
      selected = spanish && counterpart != NULL ? 1 : 0;
    }

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->language_row, selected);
}

static void
fill_clinics (HlHandoutDialog *self,
              const char      *home_clinic)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GListModel *clinics = self->clinics ? hl_clinic_directory_get_clinics (self->clinics) : NULL;
  guint selected = 0;

  gtk_string_list_append (labels, _("None"));
  g_ptr_array_add (self->clinic_ids, NULL);

  for (guint i = 0; clinics != NULL && i < g_list_model_get_n_items (clinics); i++)
    {
      g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);

      gtk_string_list_append (labels, hl_clinic_get_name (clinic));
      g_ptr_array_add (self->clinic_ids, g_strdup (hl_clinic_get_id (clinic)));
    }
  if (self->clinics != NULL && hl_clinic_directory_get_home_office (self->clinics) != NULL)
    {
      gtk_string_list_append (labels, _("Home office"));
      g_ptr_array_add (self->clinic_ids, g_strdup ("home-office"));
    }

  for (guint i = 1; home_clinic != NULL && i < self->clinic_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->clinic_ids, i), home_clinic))
      selected = i;

  adw_combo_row_set_model (self->clinic_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->clinic_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clinic_row), self->clinic_ids->len > 1);
}

HlHandoutDialog *
hl_handout_dialog_new (GtkWindow         *parent,
                       HlTopicStore      *store,
                       HlClinicDirectory *clinics,
                       GArray            *ids,
                       gboolean           basket,
                       const char        *home_clinic)
{
  HlHandoutDialog *self;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL && ids->len > 0, NULL);

  self = g_object_new (HL_TYPE_HANDOUT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_set_object (&self->clinics, clinics);
  self->handout = hl_handout_new (store, clinics);
  for (guint i = 0; i < ids->len; i++)
    hl_handout_add_topic (self->handout, g_array_index (ids, int, i));

  if (basket)
    {
      /* TRANSLATORS: %u is a number of topics */
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u topic", "%u topics", ids->len),
                                                   ids->len);

      gtk_window_set_title (GTK_WINDOW (self), _("Print Basket"));
      adw_window_title_set_title (self->window_title, _("Print Basket"));
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    {
      g_autoptr(HlTopicRef) topic = hl_topic_store_get_topic_ref (store, g_array_index (ids, int, 0), NULL);

      adw_window_title_set_subtitle (self->window_title, topic ? hl_topic_ref_get_title (topic) : NULL);
    }

  fill_languages (self, ids, basket);
  fill_clinics (self, home_clinic);
  self->filling = FALSE;
  relayout (self);

  return self;
}

HlHandout *
hl_handout_dialog_get_handout (HlHandoutDialog *self)
{
  g_return_val_if_fail (HL_IS_HANDOUT_DIALOG (self), NULL);

  return self->handout;
}

void
hl_handout_dialog_set_print_allowed (HlHandoutDialog *self,
                                     gboolean         allowed)
{
  g_return_if_fail (HL_IS_HANDOUT_DIALOG (self));

  gtk_widget_set_visible (self->print_button, allowed);
}

void
hl_handout_dialog_set_save_allowed (HlHandoutDialog *self,
                                    gboolean         allowed)
{
  g_return_if_fail (HL_IS_HANDOUT_DIALOG (self));

  gtk_widget_set_visible (self->save_button, allowed);
}
