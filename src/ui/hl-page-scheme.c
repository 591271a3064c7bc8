/* hl-page-scheme.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "hl-error.h"
#include "hl-page-scheme.h"

char *
hl_page_scheme_render (HlPageRenderer *renderer,
                       const char     *uri,
                       int            *status)
{
  g_autoptr(GError) error = NULL;
  char *html;

  g_return_val_if_fail (HL_IS_PAGE_RENDERER (renderer), NULL);
  g_return_val_if_fail (status != NULL, NULL);

  /* Pages are made in a few milliseconds from the local library: building
   * them here is simpler than a thread and as quick. */
  html = hl_page_renderer_render (renderer, uri, &error);
  if (html != NULL)
    {
      *status = 200;
      return html;
    }

  if (g_error_matches (error, HL_ERROR, HL_ERROR_NOT_FOUND))
    {
      *status = 404;
      return hl_page_renderer_render_message (renderer, _("Page Not Found"), error->message);
    }

  *status = 500;
  return hl_page_renderer_render_message (renderer, _("This Page Could Not Be Shown"),
                                          error->message);
}
