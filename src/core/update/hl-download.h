/* hl-download.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  HL_DOWNLOAD_PAGE,   /* a web page, kept in memory */
  HL_DOWNLOAD_FILE,   /* a data file: a web page in its place is refused */
} HlDownloadKind;

/* @total is -1 when the server did not say. */
typedef void (*HlDownloadProgressFunc) (goffset  received,
                                        goffset  total,
                                        gpointer user_data);

/* A session for updates: @timeout seconds without a byte from the server
 * fail the download; bytes arrive as the server sent them (no transparent
 * decompression, so sizes are the sizes on the wire). */
SoupSession *hl_download_session_new (guint                    timeout);

/* GETs @uri into @destination (replaced only once complete), or into memory
 * when @destination is NULL. Redirects are followed only where
 * hl_update_is_allowed_target() allows, at most five. More than @max_size
 * bytes, a status other than 200 OK, a body shorter than announced or a
 * server that stalls each fail with HL_UPDATE_ERROR and a message naming
 * @uri. @func may be NULL. */
void         hl_download_async       (SoupSession             *session,
                                      const char              *uri,
                                      HlDownloadKind           kind,
                                      GFile                   *destination,
                                      goffset                  max_size,
                                      HlDownloadProgressFunc   func,
                                      gpointer                 user_data,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 callback_data);
/* @contents (the body, for a download into memory) and @final_uri (after
 * redirects) may be NULL. */
gboolean     hl_download_finish      (GAsyncResult            *result,
                                      GBytes                 **contents,
                                      char                   **final_uri,
                                      GError                 **error);

G_END_DECLS
