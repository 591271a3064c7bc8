/* hl-popover-guard.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A closed popover lets go of its surface.
 *
 * After a relayout GTK asks for a made-up motion event, to find what now lies
 * under a pointer that has not moved. GTK 4.8 sends it to the surface of the
 * widget the pointer was last over if the pointer lies within that surface's
 * rectangle, whether the surface is still shown or not. A popover opened by
 * a click maps under the pointer (its shadow reaches over its button, and its
 * input region is set only once it has mapped), so the pointer is over it
 * for a moment. Once it has closed, the next relayout of the window sends
 * such an event to its hidden surface: GTK then takes the pointer to be over
 * the closed popover, and the next click goes there and is lost. A person
 * sees the menu button, clicked again after Escape, stay shut; and in a
 * narrow window, where the main menu spans the whole header bar, the
 * header's other buttons do nothing when clicked.
 *
 * A popover without a surface cannot be pointed at; it makes a new one the
 * next time it opens. Only popovers that hide themselves (menus and the like,
 * which grab the pointer while shown) are concerned. */

#include "config.h"

#include "hl-popover-guard.h"

static gboolean
popover_closed_cb (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               data)
{
  GtkWidget *popover = g_value_get_object (&values[0]);

  /* "closed" comes once the popover is hidden and unmapped, which has
   * already moved the pointer's focus back to the window. */
  if (gtk_popover_get_autohide (GTK_POPOVER (popover)) && gtk_widget_get_realized (popover) &&
      !gtk_widget_get_visible (popover) && !gtk_widget_in_destruction (popover))
    gtk_widget_unrealize (popover);

  /* Stay installed. */
  return TRUE;
}

void
hl_popover_guard_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      GTypeClass *popover_class = g_type_class_ref (GTK_TYPE_POPOVER);

      g_signal_add_emission_hook (g_signal_lookup ("closed", GTK_TYPE_POPOVER), 0,
                                  popover_closed_cb, NULL, NULL);
      g_type_class_unref (popover_class);
      g_once_init_leave (&installed, 1);
    }
}
