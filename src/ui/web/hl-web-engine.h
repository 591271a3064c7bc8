/* hl-web-engine.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The page engine: WebKitGTK, in a module of its own (hl-web.so), so that the
 * app's window is built and mapped while WebKit is still being loaded, in a
 * thread. This header is all the app and the module share, and it names no
 * WebKit type: nothing outside src/ui/web links WebKit.
 *
 * A view made by new_view() is a GtkWidget (a WebKitWebView) with the
 * properties "uri", "title" and "zoom-level" and the signals
 * "load-changed" (an HlLoadEvent), "open-external" and "refused" (an
 * address that was not loaded) and "crashed" (the web process ended). */

#define HL_WEB_ENGINE_MODULE "hl-web.so"
#define HL_WEB_ENGINE_SYMBOL "hl_web_engine_module_get"
#define HL_WEB_ENGINE_ABI    1

/* WebKitLoadEvent, with the same values. */
typedef enum
{
  HL_LOAD_STARTED,
  HL_LOAD_REDIRECTED,
  HL_LOAD_COMMITTED,
  HL_LOAD_FINISHED,
} HlLoadEvent;

/* Makes the page at @uri: its HTML, and the HTTP status in @status (200
 * unless told otherwise). Called on the main thread. */
typedef char *(*HlPageSourceFunc) (const char *uri,
                                   int        *status,
                                   gpointer    user_data);

typedef struct
{
  int         abi;

  /* Before the first view: serves @scheme from @source, and loads nothing
   * else in the views but pages of @scheme. */
  void        (*init)           (const char       *scheme,
                                 HlPageSourceFunc  source,
                                 gpointer          user_data);
  GtkWidget  *(*new_view)       (void);
  void        (*load_uri)       (GtkWidget        *view,
                                 const char       *uri);
  gboolean    (*can_go_back)    (GtkWidget        *view);
  gboolean    (*can_go_forward) (GtkWidget        *view);
  void        (*go_back)        (GtkWidget        *view);
  void        (*go_forward)     (GtkWidget        *view);
  void        (*print)          (GtkWidget        *view,
                                 GtkWindow        *parent);
} HlWebEngine;

typedef const HlWebEngine *(*HlWebEngineGetFunc) (void);

G_END_DECLS
