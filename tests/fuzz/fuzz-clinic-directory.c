/* fuzz-clinic-directory.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The clinic directory reader on any bytes, and every page made from what
 * it read: the clinics' facts reach HTML, so each page must be one. */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "hl-clinic-directory.h"
#include "hl-page-renderer.h"

static void
check_page (HlPageRenderer *renderer,
            const char     *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = hl_page_renderer_render (renderer, uri, &error);
  g_autofree char *lower = NULL;

  FUZZ_CHECK (html != NULL);
  FUZZ_CHECK (g_utf8_validate (html, -1, NULL));
  FUZZ_CHECK (g_str_has_prefix (html, "<!DOCTYPE html>"));
  lower = g_ascii_strdown (strstr (html, "<body"), -1);
  /* The facts are text: what looks like markup in them is escaped. */
  FUZZ_CHECK (strstr (lower, "<script") == NULL && strstr (lower, "<img") == NULL);
  FUZZ_CHECK (strstr (lower, "<iframe") == NULL && strstr (lower, "<style") == NULL);
  /* And every link goes to one of ours, the web, or a phone. */
  for (const char *p = strstr (lower, " href=\""); p != NULL; p = strstr (p + 1, " href=\""))
    {
      const char *href = p + strlen (" href=\"");

      FUZZ_CHECK (g_str_has_prefix (href, "hl://") || g_str_has_prefix (href, "https://") ||
                  g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "tel:"));
    }
  for (const char *p = strchr (lower, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');

      FUZZ_CHECK (end != NULL);
      for (const char *q = p; q < end; q++)
        FUZZ_CHECK (!(q[0] == ' ' && q[1] == 'o' && q[2] == 'n'));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *path = fuzz_scratch_file ("clinics.json");
  g_autoptr(HlClinicDirectory) clinics = NULL;
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  fuzz_write (path, data, size);
  clinics = hl_clinic_directory_new_from_file (path, &error);
  FUZZ_CHECK ((clinics == NULL) == (error != NULL));
  if (clinics == NULL)
    {
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  renderer = hl_page_renderer_new (NULL, clinics);
  list = hl_clinic_directory_get_clinics (clinics);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HlClinic) clinic = g_list_model_get_item (list, i);
      g_autofree char *uri = g_strdup_printf ("hl://clinic/%s", hl_clinic_get_id (clinic));

      check_page (renderer, uri);
    }
  if (hl_clinic_directory_get_home_office (clinics) != NULL)
    check_page (renderer, "hl://clinic/home-office");

  return 0;
}
