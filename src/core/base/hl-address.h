/* hl-address.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The one reader and writer of the app's page addresses:
 *   hl://home[?lang=en|es]             the home page
 *   hl://topic/ID                      a topic
 *   hl://group/ID[?lang=en|es]         a topic group
 *   hl://index[/LETTER][?lang=en|es]   the A–Z index (LETTER a–z, or 0 for “#”)
 *   hl://search[?q=WORDS][&lang=en|es] search results
 *   hl://clinic/ID                     a clinic (ID of a–z, 0–9 and “-”)
 *   hl://qr/ID                         the QR code of a topic's MedlinePlus
 *                                      address: an image, not a page
 * IDs of topics and groups are whole numbers from 1 to G_MAXINT, written in
 * digits only. Any other address, or one with a user, a port or more than
 * one path segment, has no page. Unknown parameters are ignored, and so is a
 * lang that is neither en nor es (the page then uses the app's language). */

#define HL_ADDRESS_SCHEME "hl"

typedef enum
{
  HL_ADDRESS_HOME,
  HL_ADDRESS_TOPIC,
  HL_ADDRESS_GROUP,
  HL_ADDRESS_INDEX,
  HL_ADDRESS_SEARCH,
  HL_ADDRESS_CLINIC,
  HL_ADDRESS_QR,
} HlAddressKind;

typedef struct _HlAddress HlAddress;

#define HL_TYPE_ADDRESS (hl_address_get_type ())

GType          hl_address_get_type         (void) G_GNUC_CONST;

/* NULL with HL_ERROR_NOT_FOUND when @uri is not the address of a page. */
HlAddress     *hl_address_parse            (const char       *uri,
                                            GError          **error);
/* Whether @uri is in our scheme at all, whatever comes after it: such
 * addresses load in the app's view (and get a "no page" page if they have
 * none); no other address does. */
gboolean       hl_address_has_scheme       (const char       *uri);

HlAddress     *hl_address_new_home         (const char       *language);
HlAddress     *hl_address_new_topic        (int               id);
HlAddress     *hl_address_new_group        (int               id,
                                            const char       *language);
/* @letter 'A'–'Z', '#', or 0 for the first letter that has topics. */
HlAddress     *hl_address_new_index        (char              letter,
                                            const char       *language);
HlAddress     *hl_address_new_search       (const char       *query,
                                            const char       *language);
HlAddress     *hl_address_new_clinic       (const char       *id);
/* The QR code of topic @id's MedlinePlus address. */
HlAddress     *hl_address_new_qr           (int               id);

HlAddress     *hl_address_copy             (const HlAddress  *self);
void           hl_address_free             (HlAddress        *self);

HlAddressKind  hl_address_get_kind         (const HlAddress  *self);
/* The topic's or group's id (a QR code's topic); 0 for other pages. */
int            hl_address_get_id           (const HlAddress  *self);
/* The index page's letter ('A'–'Z' or '#'), or 0. */
char           hl_address_get_letter       (const HlAddress  *self);
/* What a search page searches for, or NULL. */
const char    *hl_address_get_query        (const HlAddress  *self);
/* A clinic page's clinic id, or NULL. */
const char    *hl_address_get_clinic_id    (const HlAddress  *self);
/* "en", "es", or NULL when the address names no language. */
const char    *hl_address_get_language     (const HlAddress  *self);
/* Sets the language of pages that take one (not topics and clinics, whose
 * language is their own); NULL removes it. */
void           hl_address_set_language     (HlAddress        *self,
                                            const char       *language);

/* The address written out: the form every page links to. */
char          *hl_address_to_string        (const HlAddress  *self);
gboolean       hl_address_equal            (const HlAddress  *a,
                                            const HlAddress  *b);

/* "hl://topic/12" and the like, in one call. */
char          *hl_address_dup_topic_uri    (int               id);
char          *hl_address_dup_group_uri    (int               id,
                                            const char       *language);
char          *hl_address_dup_clinic_uri   (const char       *id);
char          *hl_address_dup_qr_uri       (int               id);
/* The id of the topic at @uri when it is an hl://topic/ID address, else 0. */
int            hl_address_topic_id_of      (const char       *uri);

/* Whether @id may name a clinic in an address: a–z, 0–9 and “-”. */
gboolean       hl_address_is_valid_clinic_id (const char     *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlAddress, hl_address_free)

G_END_DECLS
