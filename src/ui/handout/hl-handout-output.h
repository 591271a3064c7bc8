/* hl-handout-output.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hl-handout.h"

G_BEGIN_DECLS

/* A handout to the printer or into a PDF file, from a window. @file is the
 * PDF written (NULL after printing); @error says what went wrong, NULL
 * when it worked or was cancelled (then @file is NULL too). */
typedef void (*HlHandoutDoneFunc) (GFile    *file,
                                   GError   *error,
                                   gpointer  user_data);

/* Asks where to save (the portal's file chooser under Flatpak) and writes
 * the handout as laid out. */
void hl_handout_save_as  (GtkWindow         *parent,
                          HlHandout         *handout,
                          HlHandoutDoneFunc  done,
                          gpointer           user_data);
/* The print dialog, then the printer. A copy of @handout is laid out again
 * on the printer's paper; the last printer and paper are remembered for
 * the next time. */
void hl_handout_print    (GtkWindow         *parent,
                          HlHandout         *handout,
                          HlHandoutDoneFunc  done,
                          gpointer           user_data);

G_END_DECLS
