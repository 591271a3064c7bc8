/* hl-update-offer.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The newest MedlinePlus files an update address offers. */
typedef struct
{
  char *date;          /* "2026-11-23", the date in the topic file's name */
  char *topics_uri;    /* mplus_topics_….xml, or mplus_topics_compressed_….zip */
  char *topics_name;   /* its base name */
  char *groups_uri;    /* mplus_topic_groups_….xml, or NULL when none is linked */
  char *groups_name;
} HlUpdateOffer;

/* Whether an update may go from @origin to @target, by a link or a
 * redirect: to https anywhere, otherwise only to the same scheme, host and
 * port (a plain-http mirror may link its own files). */
gboolean       hl_update_is_allowed_target (GUri        *origin,
                                            GUri        *target);

/* The newest health-topic file linked from the HTML page @html, found at
 * @page_uri (after redirects): at one date the ZIP is preferred, being a
 * fifth of the size; the group file of the same date, or the newest one
 * before it, goes with it. Links to other hosts over plain http, and names
 * that are not MedlinePlus file names, are ignored. Fails with
 * HL_UPDATE_ERROR_NO_FILE. */
HlUpdateOffer *hl_update_offer_find        (const char  *html,
                                            gsize        length,
                                            const char  *page_uri,
                                            GError     **error);
/* An address that names a health-topic file itself (a mirror's
 * …/mplus_topics_2026-11-23.xml): that file, without a group file; NULL for
 * any other address. */
HlUpdateOffer *hl_update_offer_for_file    (const char  *uri);
void           hl_update_offer_free        (HlUpdateOffer *offer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlUpdateOffer, hl_update_offer_free)

G_END_DECLS
