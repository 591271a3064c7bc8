/* hl-topic-qr.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-page-builder.h"

G_BEGIN_DECLS

/* "Read on your phone": a topic's MedlinePlus address as a QR code. */

/* hl://qr/ID: the QR code of topic ID's MedlinePlus address, as SVG. */
GBytes *hl_topic_qr_render_svg  (const HlPageContext  *ctx,
                                 int                   id,
                                 GError              **error);
/* The box on a topic page: the code, what to do with it, the address in
 * text, and the code shown large on request (a <details>, which needs no
 * script). Nothing when the topic has no web address. */
void    hl_topic_qr_append_box  (GString              *out,
                                 const HlTopic        *topic);

G_END_DECLS
