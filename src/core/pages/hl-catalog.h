/* hl-catalog.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Translations of page text into a language chosen per page, whatever the
 * language of the UI: a Spanish topic gets Spanish headings on an English
 * desktop. The strings are the app's own, read from its compiled catalog
 * (LOCALEDIR/LANG/LC_MESSAGES/health-library.mo). English is the source
 * language and needs no catalog. */
const char *hl_catalog_gettext  (const char *language,
                                 const char *msgid);
const char *hl_catalog_pgettext (const char *language,
                                 const char *context,
                                 const char *msgid);
const char *hl_catalog_ngettext (const char *language,
                                 const char *msgid,
                                 const char *msgid_plural,
                                 gulong      n);

G_END_DECLS
