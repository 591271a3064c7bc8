/* fuzz-address.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The hl:// address parser on any string: what it accepts it writes back
 * in a form that reads back the same, and writes that form again as is. */

#include "config.h"

#include "fuzz-common.h"
#include "hl-address.h"
#include "hl-error.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *uri = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlAddress) address = hl_address_parse (uri, &error);
  g_autoptr(HlAddress) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  if (address == NULL)
    {
      FUZZ_CHECK (g_error_matches (error, HL_ERROR, HL_ERROR_NOT_FOUND));
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  FUZZ_CHECK (hl_address_has_scheme (uri));
  written = hl_address_to_string (address);
  again = hl_address_parse (written, &error);
  FUZZ_CHECK (again != NULL);
  FUZZ_CHECK (hl_address_equal (address, again));
  rewritten = hl_address_to_string (again);
  FUZZ_CHECK (g_strcmp0 (written, rewritten) == 0);

  switch (hl_address_get_kind (address))
    {
    case HL_ADDRESS_TOPIC:
    case HL_ADDRESS_GROUP:
      FUZZ_CHECK (hl_address_get_id (address) > 0);
      break;
    case HL_ADDRESS_CLINIC:
      FUZZ_CHECK (hl_address_is_valid_clinic_id (hl_address_get_clinic_id (address)));
      break;
    case HL_ADDRESS_SEARCH:
      FUZZ_CHECK (hl_address_get_query (address) == NULL ||
                  g_utf8_validate (hl_address_get_query (address), -1, NULL));
      break;
    case HL_ADDRESS_HOME:
    case HL_ADDRESS_INDEX:
    default:
      break;
    }

  return 0;
}
