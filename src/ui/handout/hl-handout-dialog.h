/* hl-handout-dialog.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hl-clinic-directory.h"
#include "hl-handout.h"
#include "hl-topic-store.h"

G_BEGIN_DECLS

#define HL_TYPE_HANDOUT_DIALOG (hl_handout_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HlHandoutDialog, hl_handout_dialog, HL, HANDOUT_DIALOG, AdwWindow)

/* Print Handout: the pages as they will print, the language, large print
 * and the clinic on top, then Print… or Save as PDF…. @ids are the topics in
 * order; @basket says they are the basket's (each may then keep its own
 * language). @home_clinic is the clinic chosen in the preferences, or NULL. */
HlHandoutDialog *hl_handout_dialog_new         (GtkWindow         *parent,
                                                HlTopicStore      *store,
                                                HlClinicDirectory *clinics,
                                                GArray            *ids,
                                                gboolean           basket,
                                                const char        *home_clinic);
/* The handout as shown in the preview. */
HlHandout       *hl_handout_dialog_get_handout (HlHandoutDialog   *self);
/* FALSE takes Print… away (the lockdown's disable-printing); Save as PDF…
 * stays. */
void             hl_handout_dialog_set_print_allowed (HlHandoutDialog *self,
                                                      gboolean         allowed);
/* FALSE takes Save as PDF… away (a kiosk has no files for patients). */
void             hl_handout_dialog_set_save_allowed  (HlHandoutDialog *self,
                                                      gboolean         allowed);

G_END_DECLS
