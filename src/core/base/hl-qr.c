/* hl-qr.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>
#include <string.h>

#include "hl-error.h"
#include "hl-html.h"
#include "hl-qr.h"

struct _HlQrCode
{
  char   *text;
  int     size;
  guint8 *modules;   /* size × size, row by row: 1 dark, 0 light */
};

HlQrCode *
hl_qr_code_new (const char  *text,
                GError     **error)
{
  g_autoptr(HlQrCode) qr = NULL;
  QRcode *code;

  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                           _("There is nothing to put in a QR code."));
      return NULL;
    }

  /* Level M survives a smudge or a fold on paper and keeps a web address
   * in a small version that phones read from across a desk. */
  code = QRcode_encodeData (strlen (text), (const unsigned char *) text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      if (errno == ERANGE || errno == EINVAL)
        {
          /* The start of the text says which one it was. */
          g_autofree char *valid = g_utf8_make_valid (text, -1);
          g_autofree char *start = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 40));

          g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                       _("“%s…” is too long for a QR code."), start);
        }
      else
        g_set_error (error, HL_ERROR, HL_ERROR_FAILED,
                     _("Could not make a QR code: %s"), g_strerror (errno));
      return NULL;
    }

  qr = g_new0 (HlQrCode, 1);
  qr->text = g_strdup (text);
  qr->size = code->width;
  qr->modules = g_malloc ((gsize) code->width * code->width);
  /* libqrencode keeps other flags in the upper bits; the lowest is the colour. */
  for (int i = 0; i < code->width * code->width; i++)
    qr->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  return g_steal_pointer (&qr);
}

void
hl_qr_code_free (HlQrCode *qr)
{
  if (qr == NULL)
    return;

  g_free (qr->text);
  g_free (qr->modules);
  g_free (qr);
}

const char *
hl_qr_code_get_text (const HlQrCode *qr)
{
  g_return_val_if_fail (qr != NULL, NULL);

  return qr->text;
}

int
hl_qr_code_get_size (const HlQrCode *qr)
{
  g_return_val_if_fail (qr != NULL, 0);

  return qr->size;
}

gboolean
hl_qr_code_get_module (const HlQrCode *qr,
                       int             x,
                       int             y)
{
  g_return_val_if_fail (qr != NULL, FALSE);

  if (x < 0 || y < 0 || x >= qr->size || y >= qr->size)
    return FALSE;

  return qr->modules[y * qr->size + x] != 0;
}

char *
hl_qr_code_to_svg (const HlQrCode *qr,
                   const char     *title)
{
  int side;
  GString *out;

  g_return_val_if_fail (qr != NULL, NULL);

  side = qr->size + 2 * HL_QR_QUIET_ZONE;
  out = g_string_sized_new (8192);
  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                          "shape-rendering=\"crispEdges\" role=\"img\">\n",
                          side, side);
  if (title != NULL)
    {
      g_string_append (out, "<title>");
      hl_html_append_text (out, title);
      g_string_append (out, "</title>\n");
    }
  g_string_append_printf (out, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", side, side);

  /* One path: a rectangle for each run of dark modules in a row. */
  g_string_append (out, "<path fill=\"#000\" d=\"");
  for (int y = 0; y < qr->size; y++)
    for (int x = 0; x < qr->size;)
      {
        int run = 0;

        while (x + run < qr->size && hl_qr_code_get_module (qr, x + run, y))
          run++;
        if (run == 0)
          {
            x++;
            continue;
          }
        g_string_append_printf (out, "M%d %dh%dv1h-%dz", x + HL_QR_QUIET_ZONE,
                                y + HL_QR_QUIET_ZONE, run, run);
        x += run;
      }
  g_string_append (out, "\"/>\n</svg>\n");

  return g_string_free (out, FALSE);
}
