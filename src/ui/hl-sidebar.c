/* hl-sidebar.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-bookmarks-section.h"
#include "hl-sidebar-rows.h"
#include "hl-address.h"
#include "hl-sidebar.h"
#include "hl-text.h"


/* Rows are made a screenful at a time, one batch a frame, so that a long
 * list never holds up typing. */
#define ROWS_PER_BATCH 16

struct _HlSidebar
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkListBox         *browse_list;
  GtkLabel           *group_title;
  GtkSearchEntry     *filter_entry;
  GtkStack           *group_stack;
  GtkListBox         *group_list;
  GtkStack           *search_stack;
  GtkListBox         *search_list;
  AdwStatusPage      *search_empty;
  GtkBox             *suggestions_box;

  HlTopicStore       *store;
  HlClinicDirectory  *clinics;
  char               *language;

  int                 group_id;
  GtkFilterListModel *group_topics;
  GtkSliceListModel  *group_slice;
  GtkSliceListModel  *search_slice;
  guint               grow_id;
  gboolean            browse_dirty;    /* the browse list is to be rebuilt */
  char               *filter_text;     /* folded */
  GListModel         *search_results;
  char               *return_mode;     /* where to go back to when a search ends */
  char               *searched;        /* the query and language the results are for */
  double              last_search_ms;
  int                 natural_width;
};

G_DEFINE_FINAL_TYPE (HlSidebar, hl_sidebar, ADW_TYPE_BIN)

enum {
  OPEN_URI,
  SUGGESTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A damaged library is the window's to report (it offers to restore it);
 * other failed reads leave the list empty, and are logged. */
static void
report_read_error (HlSidebar    *self,
                   const GError *error)
{
  if (self->store != NULL && hl_topic_store_is_damaged (self->store))
    g_debug ("%s", error->message);
  else
    g_warning ("%s", error->message);
}

static void
rebuild_browse_list (HlSidebar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->browse_list))) != NULL)
    gtk_list_box_remove (self->browse_list, child);

  if (self->clinics != NULL)
    {
      g_autoptr(GListModel) clinics = hl_clinic_directory_list_by_town (self->clinics);

      for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
        {
          g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);
          g_autofree char *uri = hl_address_dup_clinic_uri (hl_clinic_get_id (clinic));

          gtk_list_box_append (self->browse_list,
                               hl_sidebar_row_new (hl_clinic_get_name (clinic), NULL, uri, HL_SIDEBAR_SECTION_CLINICS));
        }
    }

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) groups = hl_topic_store_list_groups (self->store, self->language,
                                                                 &error);

      if (groups == NULL)
        report_read_error (self, error);
      for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(HlGroup) group = g_list_model_get_item (groups, i);
          g_autofree char *uri = hl_group_dup_uri (group);
          g_autofree char *count = g_strdup_printf ("%u", hl_group_get_topic_count (group));

          gtk_list_box_append (self->browse_list,
                               hl_sidebar_row_new (hl_group_get_name (group), count, uri, HL_SIDEBAR_SECTION_TOPICS));
        }
    }
}

/* While the sidebar is not on screen, a change only marks the list to be
 * rebuilt: it is built once when the sidebar is mapped, however many of the
 * language, the clinics and the library changed before (at start, all
 * three do), and still in the window's first frame. */
static void
queue_browse_list (HlSidebar *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_browse_list (self);
  else
    self->browse_dirty = TRUE;
}

/* Before the list's rows are looked at. */
static void
flush_browse_list (HlSidebar *self)
{
  if (self->browse_dirty)
    {
      self->browse_dirty = FALSE;
      rebuild_browse_list (self);
    }
}

static GtkWidget *
create_topic_row (gpointer item,
                  gpointer user_data)
{
  HlTopicRef *topic = item;
  g_autofree char *uri = hl_topic_ref_dup_uri (topic);

  return hl_sidebar_row_new (hl_topic_ref_get_title (topic), NULL, uri, HL_SIDEBAR_SECTION_TOPICS);
}

static GtkWidget *
create_hit_row (gpointer item,
                gpointer user_data)
{
  return hl_sidebar_hit_row_new (item, HL_SIDEBAR (user_data)->language);
}

static gboolean
filter_topic (gpointer item,
              gpointer user_data)
{
  HlSidebar *self = user_data;
  g_autofree char *folded = NULL;

  if (self->filter_text == NULL)
    return TRUE;

  folded = hl_text_fold (hl_topic_ref_get_title (item));
  return strstr (folded, self->filter_text) != NULL;
}

static void
update_group_stack (HlSidebar *self)
{
  gboolean empty = self->group_topics == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->group_topics)) == 0;

  gtk_stack_set_visible_child_name (self->group_stack, empty ? "empty" : "list");
}

static gboolean
grow_lists_cb (gpointer user_data)
{
  HlSidebar *self = user_data;
  GtkSliceListModel *slices[] = { self->group_slice, self->search_slice };
  gboolean more = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (slices); i++)
    {
      GtkSliceListModel *slice = slices[i];
      GListModel *all;
      guint size;

      if (slice == NULL)
        continue;

      all = gtk_slice_list_model_get_model (slice);
      size = gtk_slice_list_model_get_size (slice);
      if (size < g_list_model_get_n_items (all))
        {
          gtk_slice_list_model_set_size (slice, size + ROWS_PER_BATCH);
          more |= size + ROWS_PER_BATCH < g_list_model_get_n_items (all);
        }
    }

  if (!more)
    self->grow_id = 0;
  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Binds @model to @list a batch of rows at a time; returns the slice. */
static GtkSliceListModel *
bind_in_batches (HlSidebar                  *self,
                 GtkListBox                 *list,
                 GListModel                 *model,
                 GtkListBoxCreateWidgetFunc  create)
{
  GtkSliceListModel *slice = gtk_slice_list_model_new (g_object_ref (model), 0, ROWS_PER_BATCH);

  gtk_list_box_bind_model (list, G_LIST_MODEL (slice), create, self, NULL);
  if (g_list_model_get_n_items (model) > ROWS_PER_BATCH && self->grow_id == 0)
    self->grow_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 16, grow_lists_cb, self, NULL);

  return slice;
}

/* Shows the topics of a group; FALSE when the library has no such group in
 * the current language. */
static gboolean
show_group (HlSidebar *self,
            int        group_id)
{
  g_autoptr(HlGroup) group = NULL;
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(GError) error = NULL;
  GtkCustomFilter *filter;

  if (self->store == NULL)
    return FALSE;

  group = hl_topic_store_get_group (self->store, group_id, self->language, &error);
  if (group != NULL)
    topics = hl_topic_store_list_group_topics (self->store, group_id, self->language, &error);
  if (error != NULL)
    report_read_error (self, error);
  if (topics == NULL || hl_group_get_topic_count (group) == 0)
    return FALSE;

  self->group_id = group_id;
  gtk_label_set_label (self->group_title, hl_group_get_name (group));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->group_title), hl_group_get_name (group));

  g_clear_pointer (&self->filter_text, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");

  filter = gtk_custom_filter_new (filter_topic, self, NULL);
  g_clear_object (&self->group_topics);
  self->group_topics = gtk_filter_list_model_new (g_steal_pointer (&topics), GTK_FILTER (filter));
  g_clear_object (&self->group_slice);
  self->group_slice = bind_in_batches (self, self->group_list, G_LIST_MODEL (self->group_topics),
                                       create_topic_row);
  update_group_stack (self);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "search"))
    gtk_stack_set_visible_child_name (self->stack, "group");
  else
    hl_set_str (&self->return_mode, "group");

  return TRUE;
}

static void
show_browse (HlSidebar *self)
{
  self->group_id = 0;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "search"))
    hl_set_str (&self->return_mode, "browse");
  else
    gtk_stack_set_visible_child_name (self->stack, "browse");
}

static void
browse_row_activated_cb (HlSidebar     *self,
                         GtkListBoxRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(HlAddress) address = uri ? hl_address_parse (uri, NULL) : NULL;

  /* A group opens its list of topics here and its page in the view. */
  if (address != NULL && hl_address_get_kind (address) == HL_ADDRESS_GROUP)
    {
      if (show_group (self, hl_address_get_id (address)))
        gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
    }

  g_signal_emit (self, signals[OPEN_URI], 0, uri);
}

static void
topic_row_activated_cb (HlSidebar     *self,
                        GtkListBoxRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  if (uri != NULL)
    g_signal_emit (self, signals[OPEN_URI], 0, uri);
}

static void
group_back_clicked_cb (HlSidebar *self)
{
  int group_id = self->group_id;
  GtkListBoxRow *row;
  g_autofree char *uri = group_id > 0 ? hl_address_dup_group_uri (group_id, self->language) : NULL;

  show_browse (self);
  flush_browse_list (self);

  /* Land on the group we came from, for the keyboard. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->browse_list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "uri"), uri) == 0)
      {
        gtk_list_box_select_row (self->browse_list, row);
        gtk_widget_grab_focus (GTK_WIDGET (row));
        break;
      }
}

static void
filter_changed_cb (HlSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *collapsed = hl_text_collapse_space (text);
  GtkFilter *filter;

  g_clear_pointer (&self->filter_text, g_free);
  self->filter_text = collapsed ? hl_text_fold (collapsed) : NULL;

  if (self->group_topics == NULL)
    return;

  filter = gtk_filter_list_model_get_filter (self->group_topics);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_group_stack (self);
}

static void
filter_activate_cb (HlSidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->group_list, 0);

  if (row != NULL)
    topic_row_activated_cb (self, row);
}

static void
filter_stop_cb (HlSidebar *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  else
    group_back_clicked_cb (self);
}

static void
suggestion_clicked_cb (GtkButton *button,
                       HlSidebar *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "suggestion");

  g_signal_emit (self, signals[SUGGESTION_ACTIVATED], 0, text);
}

static void
show_suggestions (HlSidebar  *self,
                  const char *query)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) suggestions = hl_topic_store_suggest (self->store, query, self->language, 3,
                                                      &error);
  g_autofree char *title = NULL;
  GtkWidget *child;

  if (suggestions == NULL)
    report_read_error (self, error);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box))) != NULL)
    gtk_box_remove (self->suggestions_box, child);

  /* TRANSLATORS: %s is what was searched for */
  title = g_strdup_printf (_("No Results for “%s”"), query);
  adw_status_page_set_title (self->search_empty, title);

  if (suggestions == NULL || suggestions[0] == NULL)
    {
      adw_status_page_set_description (self->search_empty,
                                       _("Check the spelling, or try fewer or shorter words."));
      return;
    }

  adw_status_page_set_description (self->search_empty, _("Did you mean:"));
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (suggestions[i]);

      gtk_widget_add_css_class (button, "pill");
      g_object_set_data_full (G_OBJECT (button), "suggestion", g_strdup (suggestions[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (suggestion_clicked_cb), self);
      gtk_box_append (self->suggestions_box, button);
    }
}

static void
append_all (GListStore *store,
            GListModel *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      g_list_store_append (store, item);
    }
}

/* The clinics that match, above the topics that do. */
static GListModel *
search_all (HlSidebar   *self,
            const char  *query,
            GError     **error)
{
  g_autoptr(GListModel) topics = hl_topic_store_search (self->store, query, self->language,
                                                        HL_SEARCH_LIST_LIMIT, error);
  GListStore *results;

  if (topics == NULL)
    return NULL;

  results = g_list_store_new (G_TYPE_OBJECT);
  if (self->clinics != NULL)
    {
      g_autoptr(GListModel) clinics = hl_clinic_directory_search (self->clinics, query);

      append_all (results, clinics);
    }
  append_all (results, topics);

  return G_LIST_MODEL (results);
}

void
hl_sidebar_search (HlSidebar  *self,
                   const char *text)
{
  g_autofree char *query = hl_text_collapse_space (text);
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_return_if_fail (HL_IS_SIDEBAR (self));

  if (query == NULL)
    {
      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "search"))
        gtk_stack_set_visible_child_name (self->stack, self->return_mode ? self->return_mode
                                                                         : "browse");
      return;
    }

  if (self->store == NULL)
    return;

  /* Enter runs the search the entry may already have run. */
  {
    g_autofree char *key = g_strconcat (self->language, ":", query, NULL);

    if (self->search_results != NULL && g_strcmp0 (key, self->searched) == 0 &&
        g_str_equal (gtk_stack_get_visible_child_name (self->stack), "search"))
      return;
    hl_set_str (&self->searched, key);
  }

  start = g_get_monotonic_time ();

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "search"))
    hl_set_str (&self->return_mode, gtk_stack_get_visible_child_name (self->stack));

  g_clear_object (&self->search_results);
  self->search_results = search_all (self, query, &error);
  if (self->search_results == NULL)
    {
      g_warning ("Search failed: %s", error->message);
      self->search_results = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));
    }

  g_clear_object (&self->search_slice);
  self->search_slice = bind_in_batches (self, self->search_list, self->search_results,
                                        create_hit_row);
  if (g_list_model_get_n_items (self->search_results) > 0)
    gtk_stack_set_visible_child_name (self->search_stack, "list");
  else
    {
      show_suggestions (self, query);
      gtk_stack_set_visible_child_name (self->search_stack, "empty");
    }
  gtk_stack_set_visible_child_name (self->stack, "search");

  self->last_search_ms = (g_get_monotonic_time () - start) / 1000.0;
}

gboolean
hl_sidebar_activate_first_result (HlSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (HL_IS_SIDEBAR (self), FALSE);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "search"))
    return FALSE;

  row = gtk_list_box_get_row_at_index (self->search_list, 0);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->search_list, row);
  topic_row_activated_cb (self, row);
  return TRUE;
}

GtkListBox *
hl_sidebar_get_visible_list (HlSidebar *self)
{
  const char *mode;

  g_return_val_if_fail (HL_IS_SIDEBAR (self), NULL);

  mode = gtk_stack_get_visible_child_name (self->stack);
  if (g_str_equal (mode, "search"))
    return self->search_list;
  if (g_str_equal (mode, "group"))
    return self->group_list;
  flush_browse_list (self);
  return self->browse_list;
}

gboolean
hl_sidebar_focus_list (HlSidebar *self)
{
  GtkListBox *list = hl_sidebar_get_visible_list (self);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (list, 0);
  if (row == NULL)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (row));
}

const char *
hl_sidebar_get_search_text (HlSidebar *self)
{
  const char *colon;

  g_return_val_if_fail (HL_IS_SIDEBAR (self), NULL);

  if (self->searched == NULL ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "search"))
    return NULL;
  colon = strchr (self->searched, ':');
  return colon ? colon + 1 : NULL;
}

const char *
hl_sidebar_get_mode (HlSidebar *self)
{
  g_return_val_if_fail (HL_IS_SIDEBAR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

double
hl_sidebar_get_last_search_ms (HlSidebar *self)
{
  g_return_val_if_fail (HL_IS_SIDEBAR (self), 0);

  return self->last_search_ms;
}

/* Selects the row for @uri in @list; FALSE when it has none. */
static gboolean
select_in_list (GtkListBox *list,
                const char *uri)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "uri"), uri) == 0)
      {
        gtk_list_box_select_row (list, row);
        return TRUE;
      }

  gtk_list_box_unselect_all (list);
  return FALSE;
}

static gboolean
scroll_to_selected_cb (gpointer user_data)
{
  GtkListBox *list = user_data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (row != NULL && scrolled != NULL &&
      gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (list), &bounds))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double top = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);

      /* Only when it is out of sight, and then to the middle. */
      if (bounds.origin.y < top || bounds.origin.y + bounds.size.height > top + page)
        gtk_adjustment_set_value (adjustment,
                                  bounds.origin.y - (page - bounds.size.height) / 2);
    }

  g_object_unref (list);
  return G_SOURCE_REMOVE;
}

/* Selects the topic @uri in a list made in batches, making its row first if
 * needed, and brings it into view. */
static gboolean
select_in_batched_list (GtkListBox        *list,
                        GtkSliceListModel *slice,
                        const char        *uri)
{
  GListModel *all = slice ? gtk_slice_list_model_get_model (slice) : NULL;
  guint n = all ? g_list_model_get_n_items (all) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (all, i);
      g_autofree char *topic_uri = hl_sidebar_item_dup_uri (item);

      if (!g_str_equal (topic_uri, uri))
        continue;

      if (gtk_slice_list_model_get_size (slice) <= i)
        gtk_slice_list_model_set_size (slice, i + ROWS_PER_BATCH);
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, i));
      /* After the next layout, when the row has its place. */
      g_idle_add_full (G_PRIORITY_LOW, scroll_to_selected_cb, g_object_ref (list), NULL);
      return TRUE;
    }

  gtk_list_box_unselect_all (list);
  return FALSE;
}

static void
select_topic (HlSidebar  *self,
              int         id,
              const char *uri)
{
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  const char *mode = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (mode, "search") && select_in_batched_list (self->search_list,
                                                              self->search_slice, uri))
    return;
  if (g_str_equal (mode, "group") && select_in_batched_list (self->group_list,
                                                             self->group_slice, uri))
    return;
  if (g_str_equal (mode, "search"))
    return;

  /* Opened from a link: show a group the topic belongs to. */
  groups = hl_topic_store_get_topic_group_ids (self->store, id, &error);
  if (groups == NULL)
    {
      report_read_error (self, error);
      return;
    }
  for (guint i = 0; i < groups->len; i++)
    if (show_group (self, g_array_index (groups, int, i)))
      {
        select_in_batched_list (self->group_list, self->group_slice, uri);
        return;
      }
}

void
hl_sidebar_select_uri (HlSidebar  *self,
                       const char *uri)
{
  g_autoptr(HlAddress) address = NULL;
  HlAddressKind kind;

  g_return_if_fail (HL_IS_SIDEBAR (self));

  address = uri ? hl_address_parse (uri, NULL) : NULL;
  if (address == NULL || self->store == NULL)
    return;

  kind = hl_address_get_kind (address);
  if (kind == HL_ADDRESS_TOPIC)
    select_topic (self, hl_address_get_id (address), uri);
  else if (kind == HL_ADDRESS_GROUP)
    {
      int id = hl_address_get_id (address);

      if (self->group_id != id || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "group"))
        show_group (self, id);
      gtk_list_box_unselect_all (self->group_list);
    }
  else if (kind == HL_ADDRESS_CLINIC)
    {
      /* A clinic opened from the search results stays chosen there. */
      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "search"))
        select_in_batched_list (self->search_list, self->search_slice, uri);
      show_browse (self);
      flush_browse_list (self);
      select_in_list (self->browse_list, uri);
    }
  else if (kind == HL_ADDRESS_HOME || kind == HL_ADDRESS_INDEX)
    {
      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "group"))
        show_browse (self);
      gtk_list_box_unselect_all (self->browse_list);
    }
}

void
hl_sidebar_set_store (HlSidebar    *self,
                      HlTopicStore *store)
{
  g_return_if_fail (HL_IS_SIDEBAR (self));

  if (!g_set_object (&self->store, store))
    return;

  gtk_list_box_bind_model (self->group_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->search_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->group_topics);
  g_clear_object (&self->group_slice);
  g_clear_object (&self->search_results);
  g_clear_object (&self->search_slice);
  queue_browse_list (self);
  self->group_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "browse");
}

void
hl_sidebar_set_clinics (HlSidebar         *self,
                        HlClinicDirectory *clinics)
{
  g_return_if_fail (HL_IS_SIDEBAR (self));

  if (g_set_object (&self->clinics, clinics))
    queue_browse_list (self);
}

void
hl_sidebar_set_language (HlSidebar  *self,
                         const char *language)
{
  const char *mode;
  int group_id;

  g_return_if_fail (HL_IS_SIDEBAR (self));

  if (!hl_set_str (&self->language, language))
    return;

  queue_browse_list (self);

  /* The same group in the other language, if it has topics there. */
  mode = gtk_stack_get_visible_child_name (self->stack);
  group_id = self->group_id;
  if (group_id != 0 && !show_group (self, group_id))
    show_browse (self);

  if (g_str_equal (mode, "search") && self->search_results != NULL)
    {
      g_clear_object (&self->search_slice);
      self->search_slice = bind_in_batches (self, self->search_list, self->search_results,
                                            create_hit_row);
    }
}

static void
hl_sidebar_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hl_sidebar_parent_class)->map (widget);
  flush_browse_list (HL_SIDEBAR (widget));
}

static void
hl_sidebar_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  HlSidebar *self = HL_SIDEBAR (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);

  /* The longest group name must not widen the sidebar and squeeze the page. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, self->natural_width);
}

static void
hl_sidebar_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  gtk_widget_allocate (GTK_WIDGET (HL_SIDEBAR (widget)->stack), width, height, baseline, NULL);
}

void
hl_sidebar_set_natural_width (HlSidebar *self,
                              int        width)
{
  g_return_if_fail (HL_IS_SIDEBAR (self));

  if (self->natural_width == width)
    return;
  self->natural_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A list is one stop for Tab, as GTK's list widgets are: the arrows move
 * within it, Tab leaves it. Entering it lands on the chosen row. */
static gboolean
hl_sidebar_focus (GtkWidget        *widget,
                  GtkDirectionType  direction)
{
  HlSidebar *self = HL_SIDEBAR (widget);
  GtkListBox *list = hl_sidebar_get_visible_list (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (hl_sidebar_parent_class)->focus (widget, direction);

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
    {
      /* The list comes last in each part of the sidebar; only a group's
       * filter comes before it. */
      if (direction == GTK_DIR_TAB_BACKWARD && list == self->group_list)
        return gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
      return FALSE;
    }

  /* The part on show only: while the stack slides from one to the other,
   * the part going away would be in the way. */
  return gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), direction);
}

static void
hl_sidebar_dispose (GObject *object)
{
  HlSidebar *self = (HlSidebar *) object;

  /* AdwBin drops its child itself; disposing the template first would
   * unparent it twice. */

  g_clear_handle_id (&self->grow_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->clinics);
  g_clear_object (&self->group_topics);
  g_clear_object (&self->group_slice);
  g_clear_object (&self->search_results);
  g_clear_object (&self->search_slice);

  G_OBJECT_CLASS (hl_sidebar_parent_class)->dispose (object);
}

static void
hl_sidebar_finalize (GObject *object)
{
  HlSidebar *self = (HlSidebar *) object;

  g_free (self->language);
  g_free (self->filter_text);
  g_free (self->return_mode);
  g_free (self->searched);

  G_OBJECT_CLASS (hl_sidebar_parent_class)->finalize (object);
}

static void
hl_sidebar_class_init (HlSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_sidebar_dispose;
  object_class->finalize = hl_sidebar_finalize;
  widget_class->map = hl_sidebar_map;
  widget_class->focus = hl_sidebar_focus;
  widget_class->measure = hl_sidebar_measure;
  widget_class->size_allocate = hl_sidebar_size_allocate;

  /**
   * HlSidebar::open-uri:
   * @uri: the hl:// address of the chosen page
   */
  signals[OPEN_URI] =
    g_signal_new ("open-uri", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * HlSidebar::suggestion-activated:
   * @text: another spelling to search for
   */
  signals[SUGGESTION_ACTIVATED] =
    g_signal_new ("suggestion-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The bookmarks head the browse list. */
  g_type_ensure (HL_TYPE_BOOKMARKS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, browse_list);
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, group_title);
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, group_stack);
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, group_list);
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, search_stack);
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, search_list);
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, search_empty);
  gtk_widget_class_bind_template_child (widget_class, HlSidebar, suggestions_box);
  /* Found by the window with gtk_widget_get_template_child (). */
  gtk_widget_class_bind_template_child_full (widget_class, "bookmarks_section", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, browse_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, topic_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_stop_cb);
}

static void
hl_sidebar_init (HlSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The sidebar sizes itself (see hl_sidebar_measure), not AdwBin's layout. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->language = g_strdup ("en");
  self->natural_width = 300;
  gtk_list_box_set_header_func (self->browse_list, hl_sidebar_header_func, NULL, NULL);
  gtk_list_box_set_header_func (self->search_list, hl_sidebar_header_func, NULL, NULL);
}

GtkWidget *
hl_sidebar_new (void)
{
  return g_object_new (HL_TYPE_SIDEBAR, NULL);
}
