/* hl-find-bar.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-find-bar.h"

/* Beyond this many matches the count says "more than". */
#define MAX_MATCHES 1000

#define FIND_OPTIONS (WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE | WEBKIT_FIND_OPTIONS_WRAP_AROUND)

struct _HlFindBar
{
  AdwBin                parent_instance;

  GtkSearchBar         *search_bar;
  GtkSearchEntry       *entry;
  GtkLabel             *status_label;

  WebKitWebView        *web_view;      /* weak */
  WebKitFindController *controller;
  guint                 match_count;
  gboolean              counting;      /* a new search's answer is the count */
};

G_DEFINE_FINAL_TYPE (HlFindBar, hl_find_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WEB_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_status (HlFindBar  *self,
            const char *text,
            gboolean    failed)
{
  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && *text != '\0');
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

static void
show_count (HlFindBar *self,
            guint      count)
{
  g_autofree char *text = NULL;

  self->match_count = count;
  if (count == 0)
    {
      set_status (self, _("No matches"), TRUE);
      return;
    }

  if (count > MAX_MATCHES)
    /* TRANSLATORS: %u is a number, 1000 */
    text = g_strdup_printf (_("More than %u matches"), MAX_MATCHES);
  else
    /* TRANSLATORS: how often the text is found in the page */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", count), count);
  set_status (self, text, FALSE);
}

/* WebKit answers a new search with the number of matches, and a move to
 * the next or previous one with something else: only the first is the
 * count. */
static void
found_text_cb (HlFindBar *self,
               guint      count)
{
  if (!self->counting)
    return;
  self->counting = FALSE;
  show_count (self, count);
}

static void
failed_to_find_cb (HlFindBar *self)
{
  self->counting = FALSE;
  show_count (self, 0);
}

static const char *
get_text (HlFindBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

static void
search (HlFindBar *self)
{
  const char *text = get_text (self);

  if (self->controller == NULL)
    return;

  if (*text == '\0')
    {
      webkit_find_controller_search_finish (self->controller);
      self->match_count = 0;
      set_status (self, NULL, FALSE);
      return;
    }

  self->counting = TRUE;
  webkit_find_controller_search (self->controller, text, FIND_OPTIONS, MAX_MATCHES);
}

static void
search_changed_cb (HlFindBar *self)
{
  search (self);
}

static void
stop_search_cb (HlFindBar *self)
{
  hl_find_bar_close (self);
}

static void
search_mode_cb (HlFindBar *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  /* However the bar was closed: no highlights left behind. */
  if (self->controller != NULL)
    webkit_find_controller_search_finish (self->controller);
}

/* A new page in the view: the bar, if open, finds the text there. */
static void
load_changed_cb (HlFindBar       *self,
                 WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_FINISHED && gtk_search_bar_get_search_mode (self->search_bar))
    search (self);
}

void
hl_find_bar_find_next (HlFindBar *self)
{
  g_return_if_fail (HL_IS_FIND_BAR (self));

  if (self->controller == NULL || *get_text (self) == '\0')
    return;
  if (g_strcmp0 (webkit_find_controller_get_search_text (self->controller), get_text (self)) != 0)
    search (self);
  else
    webkit_find_controller_search_next (self->controller);
}

void
hl_find_bar_find_previous (HlFindBar *self)
{
  g_return_if_fail (HL_IS_FIND_BAR (self));

  if (self->controller == NULL || *get_text (self) == '\0')
    return;
  if (g_strcmp0 (webkit_find_controller_get_search_text (self->controller), get_text (self)) != 0)
    search (self);
  else
    webkit_find_controller_search_previous (self->controller);
}

static void
next_clicked_cb (HlFindBar *self)
{
  hl_find_bar_find_next (self);
}

static void
previous_clicked_cb (HlFindBar *self)
{
  hl_find_bar_find_previous (self);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      HlFindBar             *self)
{
  /* Shift+Enter goes back, as in GNOME Web and Text Editor. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK))
    {
      hl_find_bar_find_previous (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

void
hl_find_bar_set_web_view (HlFindBar     *self,
                          WebKitWebView *web_view)
{
  g_return_if_fail (HL_IS_FIND_BAR (self));
  g_return_if_fail (web_view == NULL || WEBKIT_IS_WEB_VIEW (web_view));

  if (self->web_view == web_view)
    return;

  if (self->web_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->controller, self);
      g_signal_handlers_disconnect_by_data (self->web_view, self);
      g_object_remove_weak_pointer (G_OBJECT (self->web_view), (gpointer *) &self->web_view);
      self->controller = NULL;
    }

  self->web_view = web_view;
  if (web_view != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (web_view), (gpointer *) &self->web_view);
      self->controller = webkit_web_view_get_find_controller (web_view);
      g_signal_connect_swapped (self->controller, "found-text", G_CALLBACK (found_text_cb), self);
      g_signal_connect_swapped (self->controller, "failed-to-find-text",
                                G_CALLBACK (failed_to_find_cb), self);
      g_signal_connect_swapped (web_view, "load-changed", G_CALLBACK (load_changed_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEB_VIEW]);
}

void
hl_find_bar_open (HlFindBar *self)
{
  g_return_if_fail (HL_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);

  /* The same text again, perhaps on another page. */
  if (*get_text (self) != '\0')
    search (self);
}

void
hl_find_bar_close (HlFindBar *self)
{
  g_return_if_fail (HL_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->web_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
}

gboolean
hl_find_bar_get_search_mode (HlFindBar *self)
{
  g_return_val_if_fail (HL_IS_FIND_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

guint
hl_find_bar_get_match_count (HlFindBar *self)
{
  g_return_val_if_fail (HL_IS_FIND_BAR (self), 0);

  return self->match_count;
}

const char *
hl_find_bar_get_status (HlFindBar *self)
{
  g_return_val_if_fail (HL_IS_FIND_BAR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->status_label))
           ? gtk_label_get_label (self->status_label) : "";
}

GtkWidget *
hl_find_bar_get_entry (HlFindBar *self)
{
  g_return_val_if_fail (HL_IS_FIND_BAR (self), NULL);

  return GTK_WIDGET (self->entry);
}

static gboolean
hl_find_bar_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (HL_FIND_BAR (widget)->entry));
}

static void
hl_find_bar_dispose (GObject *object)
{
  hl_find_bar_set_web_view (HL_FIND_BAR (object), NULL);

  G_OBJECT_CLASS (hl_find_bar_parent_class)->dispose (object);
}

static void
hl_find_bar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HlFindBar *self = HL_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_WEB_VIEW:
      g_value_set_object (value, self->web_view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_find_bar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HlFindBar *self = HL_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_WEB_VIEW:
      hl_find_bar_set_web_view (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_find_bar_class_init (HlFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_find_bar_dispose;
  object_class->get_property = hl_find_bar_get_property;
  object_class->set_property = hl_find_bar_set_property;
  widget_class->grab_focus = hl_find_bar_grab_focus;

  properties[PROP_WEB_VIEW] =
    g_param_spec_object ("web-view", NULL, NULL, WEBKIT_TYPE_WEB_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/phynet/HealthLibrary/hl-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, HlFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HlFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, HlFindBar, status_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
}

static void
hl_find_bar_init (HlFindBar *self)
{
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), key);
}
