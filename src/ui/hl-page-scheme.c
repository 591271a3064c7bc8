/* hl-page-scheme.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-error.h"
#include "hl-page-scheme.h"

static void
finish_with_html (WebKitURISchemeRequest *request,
                  char                   *html,
                  int                     status)
{
  gsize length = strlen (html);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (html, length, g_free);
  g_autoptr(WebKitURISchemeResponse) response = webkit_uri_scheme_response_new (stream, length);

  webkit_uri_scheme_response_set_status (response, status, NULL);
  webkit_uri_scheme_response_set_content_type (response, "text/html; charset=utf-8");
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
handle_request (WebKitURISchemeRequest *request,
                gpointer                user_data)
{
  HlPageRenderer *renderer = user_data;
  const char *uri = webkit_uri_scheme_request_get_uri (request);
  g_autoptr(HlAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  char *html = NULL;

  /* Pages are made in a few milliseconds from the local library: building
   * them here is simpler than a thread and as quick. */
  address = hl_address_parse (uri, &error);
  if (address != NULL)
    html = hl_page_renderer_render_address (renderer, address, &error);
  if (html != NULL)
    {
      finish_with_html (request, html, 200);
      return;
    }

  if (g_error_matches (error, HL_ERROR, HL_ERROR_NOT_FOUND))
    html = hl_page_renderer_render_message (renderer, _("Page Not Found"), error->message);
  else
    html = hl_page_renderer_render_message (renderer, _("This Page Could Not Be Shown"),
                                            error->message);
  finish_with_html (request, html, g_error_matches (error, HL_ERROR, HL_ERROR_NOT_FOUND) ? 404 : 500);
}

void
hl_page_scheme_register (WebKitWebContext *context,
                         HlPageRenderer   *renderer)
{
  WebKitSecurityManager *security = webkit_web_context_get_security_manager (context);

  g_return_if_fail (WEBKIT_IS_WEB_CONTEXT (context));
  g_return_if_fail (HL_IS_PAGE_RENDERER (renderer));

  webkit_web_context_register_uri_scheme (context, HL_PAGE_SCHEME, handle_request,
                                          g_object_ref (renderer), g_object_unref);
  webkit_security_manager_register_uri_scheme_as_local (security, HL_PAGE_SCHEME);
  webkit_security_manager_register_uri_scheme_as_secure (security, HL_PAGE_SCHEME);
}
