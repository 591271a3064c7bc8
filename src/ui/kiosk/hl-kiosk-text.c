/* hl-kiosk-text.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-kiosk-text.h"

char *
hl_kiosk_text_both (const char *msgid)
{
  const char *english = P_ ("en", msgid);
  const char *spanish = P_ ("es", msgid);

  if (g_str_equal (english, spanish))
    return g_strdup (english);

  return g_strdup_printf ("%s / %s", english, spanish);
}
