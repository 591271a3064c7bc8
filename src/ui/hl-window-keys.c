/* hl-window-keys.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's keyboard paths: typing anywhere starts a new search, Tab
 * walks the panes in reading order (search, list, page, header) with each
 * list one stop, and F6 moves from pane to pane. */

#include "config.h"

#include "hl-window-private.h"

typedef enum
{
  PANE_SIDEBAR,
  PANE_FIND,
  PANE_PAGE,
  PANE_HEADER,
  N_PANES
} Pane;

static GtkWidget *
get_pane (HlWindow *self,
          Pane      pane)
{
  switch (pane)
    {
    case PANE_SIDEBAR:
      return gtk_widget_get_parent (GTK_WIDGET (self->sidebar));
    case PANE_FIND:
      return GTK_WIDGET (self->find_bar);
    case PANE_PAGE:
      return GTK_WIDGET (self->toast_overlay);
    case PANE_HEADER:
      return gtk_widget_get_ancestor (GTK_WIDGET (self->title_widget), ADW_TYPE_HEADER_BAR);
    case N_PANES:
    default:
      g_assert_not_reached ();
    }
}

/* A pane a person can see: not folded away, not a hidden find bar. */
static gboolean
pane_is_shown (HlWindow *self,
               Pane      pane)
{
  GtkWidget *widget = get_pane (self, pane);

  if (pane == PANE_FIND && !hl_find_bar_get_search_mode (self->find_bar))
    return FALSE;

  return widget != NULL && gtk_widget_is_drawable (widget) && gtk_widget_is_sensitive (widget);
}

static int
pane_of_focus (HlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL)
    return -1;

  for (int i = 0; i < N_PANES; i++)
    {
      GtkWidget *pane = get_pane (self, i);

      if (pane != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane)))
        return i;
    }

  return -1;
}

/* GTK remembers the last focused child of each widget, and moving the focus
 * resumes from there: a pane would be entered where the focus last was
 * (a group's filter, left long ago) rather than at its start. Only the
 * children on the way to the real focus are kept. */
static void
forget_stale_focus_children (GtkWidget *widget,
                             GtkWidget *focus)
{
  GtkWidget *child = gtk_widget_get_focus_child (widget);

  if (child != NULL && focus != child && (focus == NULL || !gtk_widget_is_ancestor (focus, child)))
    gtk_widget_set_focus_child (widget, NULL);

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    forget_stale_focus_children (child, focus);
}

static gboolean
focus_in_web_view (HlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == GTK_WIDGET (self->web_view) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->web_view)));
}

/* Tab and Shift+Tab. GTK would walk the widgets in the order of the tree,
 * which puts the header before the page; the panes are taken here in
 * reading order instead, and each moves focus within itself first. */
static gboolean
hl_window_focus (GtkWidget        *widget,
                 GtkDirectionType  direction)
{
  HlWindow *self = HL_WINDOW (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  int current;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (widget)))->focus (widget,
                                                                                     direction);

  current = pane_of_focus (self);

  /* Within the page WebKit moves between the links itself, and asks the
   * window only once it has passed the last (or first) of them. It then
   * hands the same Tab key back to the window, which must not move the
   * focus a second time. */
  for (int i = 0; i < N_PANES; i++)
    forget_stale_focus_children (get_pane (self, i), gtk_root_get_focus (GTK_ROOT (self)));

  if (focus_in_web_view (self))
    self->page_tab_time = self->last_tab_time;
  else if (current >= 0 && gtk_widget_child_focus (get_pane (self, current), direction))
    return TRUE;

  for (int step = 1; step <= N_PANES; step++)
    {
      int start = current >= 0 ? current : (forward ? -1 : N_PANES);
      int pane = ((forward ? start + step : start - step) % N_PANES + N_PANES) % N_PANES;

      if (!pane_is_shown (self, pane))
        continue;

      /* Coming back round to the pane we started in: enter it afresh. */
      if (pane == current)
        {
          gtk_root_set_focus (GTK_ROOT (self), NULL);
          forget_stale_focus_children (get_pane (self, pane), NULL);
        }

      if (gtk_widget_child_focus (get_pane (self, pane), direction))
        return TRUE;
    }

  return FALSE;
}

/* Puts the focus in @pane as a person coming to it expects: on the list's
 * chosen row, on the page, on the header's first button. */
static gboolean
focus_pane (HlWindow *self,
            Pane      pane)
{
  switch (pane)
    {
    case PANE_SIDEBAR:
      return hl_sidebar_focus_list (self->sidebar) ||
             gtk_widget_child_focus (GTK_WIDGET (self->sidebar), GTK_DIR_TAB_FORWARD);
    case PANE_FIND:
      return gtk_widget_grab_focus (GTK_WIDGET (self->find_bar));
    case PANE_PAGE:
      if (gtk_widget_is_drawable (GTK_WIDGET (self->web_view)))
        return gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
      return gtk_widget_child_focus (get_pane (self, pane), GTK_DIR_TAB_FORWARD);
    case PANE_HEADER:
    case N_PANES:
    default:
      return gtk_widget_child_focus (get_pane (self, pane), GTK_DIR_TAB_FORWARD);
    }
}

/* F6 and Shift+F6. */
static void
cycle_panes (HlWindow *self,
             gboolean  forward)
{
  int current = pane_of_focus (self);

  for (int step = 1; step <= N_PANES; step++)
    {
      int start = current >= 0 ? current : (forward ? -1 : N_PANES);
      int pane = ((forward ? start + step : start - step) % N_PANES + N_PANES) % N_PANES;

      if (pane == current || !pane_is_shown (self, pane))
        continue;

      gtk_root_set_focus (GTK_ROOT (self), NULL);
      if (focus_pane (self, pane))
        {
          /* F6 is a keyboard path: show where the focus went. */
          gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
          return;
        }
    }
}

static gboolean
next_pane_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  cycle_panes (HL_WINDOW (widget), TRUE);
  return TRUE;
}

static gboolean
previous_pane_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  cycle_panes (HL_WINDOW (widget), FALSE);
  return TRUE;
}

static gboolean
starts_text (guint           keyval,
             GdkModifierType state)
{
  gunichar c;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK |
               GDK_HYPER_MASK))
    return FALSE;

  /* An accent typed first, as on Spanish keyboards: "´" then "a". */
  if (keyval >= GDK_KEY_dead_grave && keyval <= GDK_KEY_dead_greek)
    return TRUE;

  /* Space and Enter keep their meaning on the focused button or row. */
  c = gdk_keyval_to_unicode (keyval);
  return c != 0 && g_unichar_isgraph (c);
}

/* Runs before the focused widget sees a key. Typing anywhere starts a new
 * search: the entry takes the focus with its old text selected, so that the
 * first letter replaces it (our pages have no text fields to type in). */
/* A key that may be one of the window's shortcuts: with Ctrl or Alt, or a
 * function key. */
static gboolean
is_shortcut (guint           keyval,
             GdkModifierType state)
{
  return (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 ||
         (keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35);
}

/* Runs the window's shortcut (those of hl-window-actions.c) that @event
 * triggers, if any. */
/* Runs the window's shortcut (those of hl-window-actions.c, and F10) that
 * @event triggers, if any. */
static gboolean
run_window_shortcut (HlWindow *self,
                     GdkEvent *event)
{
  for (guint c = 0; c < self->shortcuts->len; c++)
    {
      GListModel *shortcuts = g_ptr_array_index (self->shortcuts, c);

      for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

          if (gtk_shortcut_trigger_trigger (gtk_shortcut_get_trigger (shortcut), event, FALSE) ==
                GDK_KEY_MATCH_EXACT &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                            GTK_WIDGET (self),
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_tab (guint keyval)
{
  return keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab;
}

/* Tab and Shift+Tab, before the focused widget sees them. */
static gboolean
tab_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             GdkModifierType        state,
             HlWindow              *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  guint32 time = gdk_event_get_time (event);
  gboolean backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK);

  /* A Tab the page has used already, handed back by WebKit. */
  if (time != GDK_CURRENT_TIME && time == self->page_tab_time)
    return GDK_EVENT_STOP;
  self->last_tab_time = time;

  /* On the page, WebKit moves between the links. */
  if (focus_in_web_view (self) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return GDK_EVENT_PROPAGATE;

  if (!hl_window_focus (GTK_WIDGET (self), backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD))
    return GDK_EVENT_PROPAGATE;
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);

  /* Arriving on the page, the same key takes the focus on to its first
   * link (or its last, going back): the page is no stop of its own. WebKit
   * may hand that key back later; it has been used. */
  if (focus_in_web_view (self))
    {
      self->page_tab_time = time;
      gtk_event_controller_key_forward (controller, GTK_WIDGET (self->web_view));
    }

  return GDK_EVENT_STOP;
}

/* Runs before the focused widget sees a key. Typing anywhere starts a new
 * search: the entry takes the focus with its old text selected, so that the
 * first letter replaces it (our pages have no text fields to type in). */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HlWindow              *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkEditable *entry = GTK_EDITABLE (self->search_entry);

  if (is_tab (keyval))
    return tab_pressed (controller, keyval, state, self);

  /* The window's own shortcuts come first, also on the page: WebKit would
   * hold them while its process looks at them, and keep some (Alt+Left).
   * Our pages need none of them; what no shortcut takes (Ctrl+C, the
   * arrows, Space) still reaches the page. */
  if (focus_in_web_view (self) && is_shortcut (keyval, state) &&
      run_window_shortcut (self, gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller))))
    return GDK_EVENT_STOP;

  if ((focus != NULL && GTK_IS_EDITABLE (focus)) || !starts_text (keyval, state) ||
      !gtk_widget_is_sensitive (GTK_WIDGET (entry)))
    return GDK_EVENT_PROPAGATE;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_select_region (entry, 0, -1);

  return gtk_event_controller_key_forward (controller,
                                           GTK_WIDGET (gtk_editable_get_delegate (entry)));
}

void
hl_window_init_keys (HlWindow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (self));

  /* Not owned: GTK keeps them as long as the window. */
  self->shortcuts = g_ptr_array_new ();

  /* The controllers GTK makes for the class's shortcuts and for F10 (the
   * main menu); looked up once, as observing controllers is costly. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      const char *name = gtk_event_controller_get_name (controller);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) && name != NULL &&
          (g_str_equal (name, "gtk-widget-class-shortcuts") ||
           g_str_equal (name, "gtk-window-menubar-accel")))
        g_ptr_array_add (self->shortcuts, controller);
    }

  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

void
hl_window_class_install_keys (GtkWidgetClass *widget_class)
{
  widget_class->focus = hl_window_focus;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F6, 0, next_pane_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, previous_pane_cb, NULL);
}
