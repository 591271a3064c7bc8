/* hl-clinic.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HL_TYPE_CLINIC (hl_clinic_get_type ())

G_DECLARE_FINAL_TYPE (HlClinic, hl_clinic, HL, CLINIC, GObject)

/* One location of the deployment. Only the id, name and city are required;
 * every other getter returns NULL when the fact is not known. */
const char         *hl_clinic_get_id           (HlClinic *self);
const char         *hl_clinic_get_name         (HlClinic *self);
const char         *hl_clinic_get_city         (HlClinic *self);
const char         *hl_clinic_get_state        (HlClinic *self);
const char         *hl_clinic_get_address      (HlClinic *self);
const char         *hl_clinic_get_postal_code  (HlClinic *self);
const char         *hl_clinic_get_phone        (HlClinic *self);
const char         *hl_clinic_get_fax          (HlClinic *self);
const char         *hl_clinic_get_hours        (HlClinic *self);
const char * const *hl_clinic_get_services     (HlClinic *self);
/* "City, ST" (or just the city). */
char               *hl_clinic_dup_place        (HlClinic *self);

/* "tel:+19032127500" for a North American number such as "(903) 212-7500";
 * NULL when @phone has no dialable digits. */
char               *hl_phone_to_tel_uri        (const char *phone);

G_END_DECLS
