/* hl-download.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hl-download.h"
#include "hl-update-error.h"
#include "hl-update-offer.h"

#define MAX_REDIRECTS 5
#define CHUNK_SIZE    (64 * 1024)

typedef struct
{
  SoupSession            *session;
  SoupMessage            *message;
  GUri                   *uri;          /* the address asked now, after redirects */
  char                   *asked;        /* the address we were given, for messages */
  HlDownloadKind          kind;
  GFile                  *destination;
  GOutputStream          *output;
  GInputStream           *input;
  goffset                 max_size;
  goffset                 expected;     /* -1: not announced */
  goffset                 received;
  guint                   redirects;
  HlDownloadProgressFunc  func;
  gpointer                func_data;
  GBytes                 *contents;
  GCancellable           *task_cancellable;
  GCancellable           *read_cancellable; /* cancelled by the task's or by the stall watch */
  gulong                  cancelled_id;
  GSource                *stall;
  gboolean                stalled;
} Download;

static void
clear_stall_watch (Download *download)
{
  if (download->stall != NULL)
    {
      g_source_destroy (download->stall);
      g_clear_pointer (&download->stall, g_source_unref);
    }
}

static void
download_free (Download *download)
{
  clear_stall_watch (download);
  if (download->task_cancellable != NULL)
    g_cancellable_disconnect (download->task_cancellable, download->cancelled_id);
  g_clear_object (&download->task_cancellable);
  g_clear_object (&download->read_cancellable);
  g_clear_object (&download->session);
  g_clear_object (&download->message);
  g_clear_pointer (&download->uri, g_uri_unref);
  g_free (download->asked);
  g_clear_object (&download->destination);
  g_clear_object (&download->output);
  g_clear_object (&download->input);
  g_clear_pointer (&download->contents, g_bytes_unref);
  g_free (download);
}

SoupSession *
hl_download_session_new (guint timeout)
{
  g_autofree char *agent = g_strdup_printf ("HealthLibrary/%s ", PACKAGE_VERSION);
  SoupSession *session = soup_session_new_with_options ("timeout", timeout,
                                                        "idle-timeout", timeout,
                                                        "user-agent", agent,
                                                        NULL);

  /* Content-Length and the size limit count the bytes on the wire. */
  soup_session_remove_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);
  return session;
}

/* "medlineplus.gov" or "127.0.0.1:8080". */
static char *
dup_server (GUri *uri)
{
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static void
fail (GTask  *task,
      GError *error)
{
  Download *download = g_task_get_task_data (task);

  /* What was written so far is never left as if complete. */
  if (download->output != NULL)
    {
      g_output_stream_close (download->output, NULL, NULL);
      g_clear_object (&download->output);
    }
  if (download->destination != NULL)
    g_file_delete (download->destination, NULL, NULL);

  g_task_return_error (task, error);
  g_object_unref (task);
}

/* A failure to connect or to read, as a person would describe it. */
static GError *
network_error (Download     *download,
               const GError *error)
{
  g_autofree char *server = dup_server (download->uri);
  g_autofree char *received = g_format_size (download->received);
  guint timeout = soup_session_get_timeout (download->session);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      if (download->input != NULL)
        return g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_TIMED_OUT,
                            ngettext ("The server %s stopped sending %s after %s: nothing came "
                                      "for %u second. Try again later.",
                                      "The server %s stopped sending %s after %s: nothing came "
                                      "for %u seconds. Try again later.", timeout),
                            server, download->asked, received, timeout);
      return g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_TIMED_OUT,
                          ngettext ("The server %s did not answer within %u second. "
                                    "Try again later.",
                                    "The server %s did not answer within %u seconds. "
                                    "Try again later.", timeout),
                          server, timeout);
    }

  if (download->input != NULL)
    return g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_TRUNCATED,
                        _("The download of %s broke off after %s (%s). Try again later."),
                        download->asked, received, error->message);

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_NETWORK,
                        _("Could not find the server %s. Check the network connection "
                          "and the update address."), server);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_NETWORK,
                        _("The secure connection to %s failed (%s)."), server, error->message);

  return g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_NETWORK,
                      _("Could not connect to %s (%s). Check the network connection, "
                        "then try again."), server, error->message);
}

static void send_request (GTask *task);

static void
report_progress (Download *download)
{
  if (download->func != NULL)
    download->func (download->received, download->expected, download->func_data);
}

static void
finish (GTask *task)
{
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_close (download->output, g_task_get_cancellable (task), &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  if (download->destination == NULL)
    download->contents =
      g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (download->output));
  g_clear_object (&download->output);

  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* The session's own timeout does not always end a read from a server that
 * stopped sending in the middle of a body: a watch of our own ends it after
 * the same time without a byte. */
static gboolean
stall_cb (gpointer user_data)
{
  Download *download = user_data;

  download->stalled = TRUE;
  g_clear_pointer (&download->stall, g_source_unref);
  g_cancellable_cancel (download->read_cancellable);
  return G_SOURCE_REMOVE;
}

static void
forward_cancel_cb (GCancellable *cancellable,
                   GCancellable *read_cancellable)
{
  g_cancellable_cancel (read_cancellable);
}

static void read_cb (GObject *source, GAsyncResult *result, gpointer user_data);

/* Reads the next chunk of the body, watched for a stall. */
static void
read_next (GTask *task)
{
  Download *download = g_task_get_task_data (task);

  if (download->read_cancellable == NULL)
    {
      download->read_cancellable = g_cancellable_new ();
      download->task_cancellable = g_task_get_cancellable (task);
      if (download->task_cancellable != NULL)
        {
          g_object_ref (download->task_cancellable);
          download->cancelled_id = g_cancellable_connect (download->task_cancellable,
                                                          G_CALLBACK (forward_cancel_cb),
                                                          g_object_ref (download->read_cancellable),
                                                          g_object_unref);
        }
    }

  clear_stall_watch (download);
  if (soup_session_get_timeout (download->session) > 0)
    {
      download->stall = g_timeout_source_new_seconds (soup_session_get_timeout (download->session));
      g_source_set_callback (download->stall, stall_cb, download, NULL);
      g_source_attach (download->stall, g_main_context_get_thread_default ());
    }
  g_input_stream_read_bytes_async (download->input, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   download->read_cancellable, read_cb, task);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Download *download = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  clear_stall_watch (download);
  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL)
    {
      if (download->stalled && !g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (&error);
          error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "stalled");
        }
      fail (task, network_error (download, error));
      return;
    }

  size = g_bytes_get_size (bytes);
  if (size == 0)
    {
      if (download->expected >= 0 && download->received < download->expected)
        {
          g_autofree char *received = g_format_size (download->received);
          g_autofree char *expected = g_format_size (download->expected);

          fail (task, g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_TRUNCATED,
                                   _("The download of %s broke off after %s of %s. "
                                     "Try again later."),
                                   download->asked, received, expected));
          return;
        }
      finish (task);
      return;
    }

  download->received += size;
  if (download->received > download->max_size)
    {
      g_autofree char *limit = g_format_size (download->max_size);

      fail (task, g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_TOO_LARGE,
                               _("%s is larger than %s, too large to be what Health Library "
                                 "expects there."), download->asked, limit));
      return;
    }

  if (!g_output_stream_write_all (download->output, g_bytes_get_data (bytes, NULL), size, NULL,
                                  cancellable, &error))
    {
      GError *save_error = g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_NETWORK,
                                        _("Could not save the download of %s: %s"),
                                        download->asked, error->message);
      fail (task, save_error);
      return;
    }

  report_progress (download);
  read_next (task);
}

/* Follows a redirect, if it goes somewhere we follow; FALSE has failed the
 * task. */
static gboolean
follow_redirect (GTask *task)
{
  Download *download = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (download->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;

  if (location != NULL)
    target = g_uri_parse_relative (download->uri, location, G_URI_FLAGS_NONE, NULL);

  if (target == NULL || !hl_update_is_allowed_target (download->uri, target))
    {
      fail (task, g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_REDIRECT,
                               _("The server sent the request for %s on to “%s”, which is "
                                 "not a secure (https) address on the web. It was not followed."),
                               download->asked, location ? location : ""));
      return FALSE;
    }

  if (++download->redirects > MAX_REDIRECTS)
    {
      fail (task, g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_REDIRECT,
                               _("The server sent the request for %s on more than %d times. "
                                 "Check the update address."), download->asked, MAX_REDIRECTS));
      return FALSE;
    }

  g_uri_unref (download->uri);
  download->uri = g_steal_pointer (&target);
  return TRUE;
}

/* A file in the place of which a server (a captive portal, an error page)
 * sends a web page is refused before a byte is read. */
static gboolean
is_web_page (SoupMessageHeaders *headers)
{
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  return type != NULL && (g_ascii_strcasecmp (type, "text/html") == 0 ||
                          g_ascii_strcasecmp (type, "application/xhtml+xml") == 0);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Download *download = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = NULL;
  SoupMessageHeaders *headers;
  guint status;

  input = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (input == NULL)
    {
      fail (task, network_error (download, error));
      return;
    }

  status = soup_message_get_status (download->message);
  headers = soup_message_get_response_headers (download->message);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      if (follow_redirect (task))
        send_request (task);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      const char *reason = soup_message_get_reason_phrase (download->message);

      fail (task, g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_HTTP,
                               _("The server answered “%u %s” for %s. Check the update "
                                 "address, or try again later."),
                               status, reason && *reason ? reason : soup_status_get_phrase (status),
                               download->asked));
      return;
    }

  if (download->kind == HL_DOWNLOAD_FILE && is_web_page (headers))
    {
      fail (task, g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_WRONG_CONTENT,
                               _("The server sent a web page instead of %s. A network that asks "
                                 "you to sign in first can do this: sign in, then try again."),
                               download->asked));
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    download->expected = soup_message_headers_get_content_length (headers);
  if (download->expected > download->max_size)
    {
      g_autofree char *size = g_format_size (download->expected);
      g_autofree char *limit = g_format_size (download->max_size);

      fail (task, g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_TOO_LARGE,
                               _("%s is %s, more than the %s that Health Library accepts there."),
                               download->asked, size, limit));
      return;
    }

  if (download->destination != NULL)
    download->output = G_OUTPUT_STREAM (g_file_replace (download->destination, NULL, FALSE,
                                                        G_FILE_CREATE_PRIVATE |
                                                        G_FILE_CREATE_REPLACE_DESTINATION,
                                                        cancellable, &error));
  else
    download->output = g_memory_output_stream_new_resizable ();
  if (download->output == NULL)
    {
      GError *save_error = g_error_new (HL_UPDATE_ERROR, HL_UPDATE_ERROR_NETWORK,
                                        _("Could not save the download of %s: %s"),
                                        download->asked, error->message);
      fail (task, save_error);
      return;
    }

  download->input = g_steal_pointer (&input);
  report_progress (download);
  read_next (task);
}

static void
send_request (GTask *task)
{
  Download *download = g_task_get_task_data (task);

  g_clear_object (&download->message);
  download->message = soup_message_new_from_uri ("GET", download->uri);
  /* Redirects are ours to check. */
  soup_message_add_flags (download->message, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_send_async (download->session, download->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), sent_cb, task);
}

void
hl_download_async (SoupSession            *session,
                   const char             *uri,
                   HlDownloadKind          kind,
                   GFile                  *destination,
                   goffset                 max_size,
                   HlDownloadProgressFunc  func,
                   gpointer                user_data,
                   GCancellable           *cancellable,
                   GAsyncReadyCallback     callback,
                   gpointer                callback_data)
{
  g_autoptr(GError) error = NULL;
  Download *download;
  GTask *task;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (uri != NULL);

  task = g_task_new (NULL, cancellable, callback, callback_data);
  g_task_set_source_tag (task, hl_download_async);

  download = g_new0 (Download, 1);
  download->session = g_object_ref (session);
  download->asked = g_strdup (uri);
  download->kind = kind;
  download->destination = destination ? g_object_ref (destination) : NULL;
  download->max_size = max_size;
  download->expected = -1;
  download->func = func;
  download->func_data = user_data;
  g_task_set_task_data (task, download, (GDestroyNotify) download_free);

  download->uri = g_uri_parse (uri, G_URI_FLAGS_NONE, &error);
  if (download->uri == NULL || g_uri_get_host (download->uri) == NULL ||
      (g_ascii_strcasecmp (g_uri_get_scheme (download->uri), "https") != 0 &&
       g_ascii_strcasecmp (g_uri_get_scheme (download->uri), "http") != 0))
    {
      g_task_return_new_error (task, HL_UPDATE_ERROR, HL_UPDATE_ERROR_INVALID_URL,
                               _("“%s” is not a web address (https://…)."), uri);
      g_object_unref (task);
      return;
    }

  send_request (task);
}

gboolean
hl_download_finish (GAsyncResult  *result,
                    GBytes       **contents,
                    char         **final_uri,
                    GError       **error)
{
  Download *download;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  download = g_task_get_task_data (G_TASK (result));
  if (contents != NULL)
    *contents = download->contents ? g_bytes_ref (download->contents) : NULL;
  if (final_uri != NULL)
    *final_uri = g_uri_to_string (download->uri);
  return TRUE;
}
