/* hl-kiosk-text.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-catalog.h"

G_BEGIN_DECLS

/* What the kiosk says to patients is in the language they chose (the
 * window's content language), not the desktop's: the app's catalog read in
 * that language, as the pages do. xgettext finds these as it finds the
 * pages' P_(). */
#define P_(language, text)               hl_catalog_gettext (language, text)
#define PN_(language, single, plural, n) hl_catalog_ngettext (language, single, plural, n)

/* "English text / texto en español": for what every patient must be able
 * to read, whichever language the last one chose. */
char *hl_kiosk_text_both (const char *msgid);

G_END_DECLS
