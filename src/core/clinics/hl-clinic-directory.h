/* hl-clinic-directory.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-clinic.h"

G_BEGIN_DECLS

#define HL_TYPE_CLINIC_DIRECTORY (hl_clinic_directory_get_type ())

G_DECLARE_FINAL_TYPE (HlClinicDirectory, hl_clinic_directory, HL, CLINIC_DIRECTORY, GObject)

/* The deployment's organization and clinics, read from a JSON file. */
HlClinicDirectory *hl_clinic_directory_new_from_file          (const char         *path,
                                                               GError            **error);
/* Reads the system override (SYSCONFDIR/health-library/clinics.json) when it
 * exists, otherwise the file installed with the app. */
HlClinicDirectory *hl_clinic_directory_new_default            (GError            **error);
/* The path new_default() reads. */
char              *hl_clinic_directory_find_default_path      (void);

const char        *hl_clinic_directory_get_path               (HlClinicDirectory  *self);
const char        *hl_clinic_directory_get_organization_name  (HlClinicDirectory  *self);
const char        *hl_clinic_directory_get_helpline           (HlClinicDirectory  *self);
/* The organization's home office, as an HlClinic (id "home-office"); NULL if unknown. */
HlClinic          *hl_clinic_directory_get_home_office        (HlClinicDirectory  *self);
/* A list model of HlClinic, in the order of the file; owned by @self and
 * never changed after loading. The home office is not part of it. */
GListModel        *hl_clinic_directory_get_clinics            (HlClinicDirectory  *self);
/* The clinics alphabetically by town (then name), as people look them up:
 * a new list model of HlClinic. */
GListModel        *hl_clinic_directory_list_by_town           (HlClinicDirectory  *self);
/* The clinics whose name, town, state or services have every word of @query
 * (folded as the topic search folds; a word of two letters or more matches
 * the words it starts), and every clinic for "clinic", "clínica" and their
 * plurals; by town. A new list model of HlClinic, empty for no words. */
GListModel        *hl_clinic_directory_search                 (HlClinicDirectory  *self,
                                                               const char         *query);
/* The clinic with @id, or the home office for "home-office"; NULL if none. */
HlClinic          *hl_clinic_directory_lookup                 (HlClinicDirectory  *self,
                                                               const char         *id);

G_END_DECLS
