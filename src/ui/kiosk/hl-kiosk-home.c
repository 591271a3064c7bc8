/* hl-kiosk-home.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-group.h"
#include "hl-kiosk-address.h"
#include "hl-kiosk-home.h"
#include "hl-kiosk-text.h"

struct _HlKioskHome
{
  AdwBin          parent_instance;

  /* Template children */
  GtkScrolledWindow *scroller;
  GtkLabel       *greeting_first;
  GtkLabel       *greeting_second;
  GtkToggleButton *english_button;
  GtkToggleButton *spanish_button;
  GtkLabel       *search_heading;
  GtkSearchEntry *search_entry;
  GtkButton      *search_button;
  GtkLabel       *groups_heading;
  GtkFlowBox     *groups_box;
  GtkLabel       *credit;

  HlTopicStore   *store;
  char           *language;
  gboolean        updating;   /* the buttons follow the language */
};

G_DEFINE_FINAL_TYPE (HlKioskHome, hl_kiosk_home, ADW_TYPE_BIN)

enum {
  OPEN_URI,
  LANGUAGE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
group_clicked_cb (GtkButton   *button,
                  HlKioskHome *self)
{
  g_signal_emit (self, signals[OPEN_URI], 0, g_object_get_data (G_OBJECT (button), "uri"));
}

static GtkWidget *
make_tile (HlKioskHome *self,
           HlGroup     *group)
{
  guint n = hl_group_get_topic_count (group);
  GtkWidget *button = gtk_button_new_with_label (hl_group_get_name (group));
  GtkWidget *name = gtk_button_get_child (GTK_BUTTON (button));
  g_autofree char *count = g_strdup_printf (PN_ (self->language, "%u topic", "%u topics", n), n);

  /* The group's name is the button's label (and its name for a screen
   * reader); long names wrap. */
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 22);
  gtk_widget_set_tooltip_text (button, count);
  gtk_widget_add_css_class (button, "kiosk-tile");
  g_object_set_data_full (G_OBJECT (button), "uri", hl_group_dup_uri (group), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (group_clicked_cb), self);

  return button;
}

static void
rebuild_groups (HlKioskHome *self)
{
  g_autoptr(GListModel) groups = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_flow_box_remove (self->groups_box, child);

  if (self->store == NULL || self->language == NULL)
    return;

  groups = hl_topic_store_list_groups (self->store, self->language, NULL);
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(HlGroup) group = g_list_model_get_item (groups, i);

      if (hl_group_get_topic_count (group) == 0)
        continue;

      gtk_flow_box_append (self->groups_box, make_tile (self, group));
      /* The button takes the focus, not the box's child around it. */
      gtk_widget_set_focusable (gtk_widget_get_last_child (GTK_WIDGET (self->groups_box)), FALSE);
    }
}

static void
update_words (HlKioskHome *self)
{
  const char *language = self->language;

  /* Both languages, always, whatever the last patient chose. */
  gtk_label_set_label (self->greeting_first, P_ ("en", "Health information"));
  gtk_label_set_label (self->greeting_second, P_ ("es", "Health information"));

  gtk_label_set_label (self->search_heading, P_ (language, "Search for a health topic"));
  g_object_set (self->search_entry, "placeholder-text",
                P_ (language, "Type a word, such as a condition"), NULL);
  gtk_button_set_label (self->search_button, P_ (language, "Search"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  P_ (language, "Search health topics"), -1);
  gtk_label_set_label (self->groups_heading, P_ (language, "Or choose a group of topics"));
  gtk_label_set_label (self->credit,
                       P_ (language, "Health information from MedlinePlus, a service of the "
                                     "U.S. National Library of Medicine."));

  self->updating = TRUE;
  gtk_toggle_button_set_active (g_str_equal (language, "es") ? self->spanish_button
                                                             : self->english_button, TRUE);
  self->updating = FALSE;
}

static void
language_toggled_cb (HlKioskHome     *self,
                     GtkToggleButton *button)
{
  const char *code = button == self->spanish_button ? "es" : "en";

  if (self->updating || !gtk_toggle_button_get_active (button) ||
      g_strcmp0 (code, self->language) == 0)
    return;

  g_signal_emit (self, signals[LANGUAGE_CHOSEN], 0, code);
}

static void
search_activate_cb (HlKioskHome *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autofree char *uri = NULL;

  if (*text == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  uri = hl_kiosk_address_for_search (text, self->language);
  g_signal_emit (self, signals[OPEN_URI], 0, uri);
}

static void
hl_kiosk_home_dispose (GObject *object)
{
  HlKioskHome *self = (HlKioskHome *) object;

  /* AdwBin drops its child itself; disposing the template first would
   * unparent it twice. */
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hl_kiosk_home_parent_class)->dispose (object);
}

static void
hl_kiosk_home_finalize (GObject *object)
{
  HlKioskHome *self = (HlKioskHome *) object;

  g_free (self->language);

  G_OBJECT_CLASS (hl_kiosk_home_parent_class)->finalize (object);
}

static void
hl_kiosk_home_class_init (HlKioskHomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_kiosk_home_dispose;
  object_class->finalize = hl_kiosk_home_finalize;

  /**
   * HlKioskHome::open-uri:
   * @uri: the hl:// page a patient asked for
   */
  signals[OPEN_URI] =
    g_signal_new ("open-uri", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * HlKioskHome::language-chosen:
   * @language: "en" or "es"
   */
  signals[LANGUAGE_CHOSEN] =
    g_signal_new ("language-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-kiosk-home.ui");
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, scroller);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, greeting_first);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, greeting_second);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, english_button);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, spanish_button);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, search_heading);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, search_button);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, groups_heading);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, groups_box);
  gtk_widget_class_bind_template_child (widget_class, HlKioskHome, credit);
  gtk_widget_class_bind_template_callback (widget_class, language_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
}

static void
hl_kiosk_home_init (HlKioskHome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->language = g_strdup ("en");
  /* Each button speaks its own language. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->english_button),
                               P_ ("en", "Show everything in English"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spanish_button),
                               P_ ("es", "Show everything in Spanish"));
  update_words (self);
}

GtkWidget *
hl_kiosk_home_new (void)
{
  return g_object_new (HL_TYPE_KIOSK_HOME, NULL);
}

void
hl_kiosk_home_set_store (HlKioskHome  *self,
                         HlTopicStore *store)
{
  g_return_if_fail (HL_IS_KIOSK_HOME (self));

  if (g_set_object (&self->store, store))
    rebuild_groups (self);
}

void
hl_kiosk_home_set_language (HlKioskHome *self,
                            const char  *language)
{
  g_return_if_fail (HL_IS_KIOSK_HOME (self));
  g_return_if_fail (language != NULL);

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  update_words (self);
  rebuild_groups (self);
}

void
hl_kiosk_home_set_language_locked (HlKioskHome *self,
                                   gboolean     locked)
{
  g_return_if_fail (HL_IS_KIOSK_HOME (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->english_button), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->spanish_button), !locked);
}

void
hl_kiosk_home_clear (HlKioskHome *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (HL_IS_KIOSK_HOME (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

GtkEditable *
hl_kiosk_home_get_search_entry (HlKioskHome *self)
{
  g_return_val_if_fail (HL_IS_KIOSK_HOME (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}
