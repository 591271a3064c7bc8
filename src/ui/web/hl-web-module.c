/* hl-web-module.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The entry point of the page engine module (see hl-web-engine.h): the few
 * WebKit calls the app makes, behind a table of functions. */

#include "config.h"

#include <gmodule.h>
#include <string.h>

#include "hl-web-engine.h"
#include "hl-webkit-view.h"

G_STATIC_ASSERT ((int) HL_LOAD_STARTED == (int) WEBKIT_LOAD_STARTED);
G_STATIC_ASSERT ((int) HL_LOAD_REDIRECTED == (int) WEBKIT_LOAD_REDIRECTED);
G_STATIC_ASSERT ((int) HL_LOAD_COMMITTED == (int) WEBKIT_LOAD_COMMITTED);
G_STATIC_ASSERT ((int) HL_LOAD_FINISHED == (int) WEBKIT_LOAD_FINISHED);

static HlPageSourceFunc page_source;
static gpointer         page_source_data;

static void
handle_request (WebKitURISchemeRequest *request,
                gpointer                user_data)
{
  const char *uri = webkit_uri_scheme_request_get_uri (request);
  int status = 200;
  char *html = page_source (uri, &status, page_source_data);
  gsize length = strlen (html);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (html, length, g_free);
  g_autoptr(WebKitURISchemeResponse) response = webkit_uri_scheme_response_new (stream, length);

  webkit_uri_scheme_response_set_status (response, status, NULL);
  webkit_uri_scheme_response_set_content_type (response, "text/html; charset=utf-8");
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
engine_init (const char       *scheme,
             HlPageSourceFunc  source,
             gpointer          user_data)
{
  WebKitWebContext *context = webkit_web_context_get_default ();
  WebKitSecurityManager *security = webkit_web_context_get_security_manager (context);

  g_return_if_fail (page_source == NULL);

  page_source = source;
  page_source_data = user_data;
  webkit_web_context_register_uri_scheme (context, scheme, handle_request, NULL, NULL);
  webkit_security_manager_register_uri_scheme_as_local (security, scheme);
  webkit_security_manager_register_uri_scheme_as_secure (security, scheme);
  hl_webkit_view_set_page_scheme (scheme);
}

static GtkWidget *
engine_new_view (void)
{
  return hl_webkit_view_new ();
}

static void
engine_load_uri (GtkWidget  *view,
                 const char *uri)
{
  webkit_web_view_load_uri (WEBKIT_WEB_VIEW (view), uri);
}

static gboolean
engine_can_go_back (GtkWidget *view)
{
  return webkit_web_view_can_go_back (WEBKIT_WEB_VIEW (view));
}

static gboolean
engine_can_go_forward (GtkWidget *view)
{
  return webkit_web_view_can_go_forward (WEBKIT_WEB_VIEW (view));
}

static void
engine_go_back (GtkWidget *view)
{
  webkit_web_view_go_back (WEBKIT_WEB_VIEW (view));
}

static void
engine_go_forward (GtkWidget *view)
{
  webkit_web_view_go_forward (WEBKIT_WEB_VIEW (view));
}

static void
engine_print (GtkWidget *view,
              GtkWindow *parent)
{
  g_autoptr(WebKitPrintOperation) operation = webkit_print_operation_new (WEBKIT_WEB_VIEW (view));

  webkit_print_operation_run_dialog (operation, parent);
}

static const HlWebEngine engine = {
  .abi = HL_WEB_ENGINE_ABI,
  .init = engine_init,
  .new_view = engine_new_view,
  .load_uri = engine_load_uri,
  .can_go_back = engine_can_go_back,
  .can_go_forward = engine_can_go_forward,
  .go_back = engine_go_back,
  .go_forward = engine_go_forward,
  .print = engine_print,
};

G_MODULE_EXPORT const HlWebEngine *hl_web_engine_module_get (void);

const HlWebEngine *
hl_web_engine_module_get (void)
{
  return &engine;
}
