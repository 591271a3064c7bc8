/* test-qr.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* QR codes: the module matrix, its SVG, and a real reader (zbarimg) reading
 * the codes back. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "hl-error.h"
#include "hl-qr.h"

#include "test-util.h"

#define PIXELS_PER_MODULE 6

/* Writes the code as a plain bitmap (PBM), quiet zone included. */
static char *
write_pbm (const HlQrCode *qr,
           const char     *name)
{
  g_autofree char *dir = hl_test_scratch_dir ("qr");
  char *path = g_build_filename (dir, name, NULL);
  int side = (hl_qr_code_get_size (qr) + 2 * HL_QR_QUIET_ZONE) * PIXELS_PER_MODULE;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "P1\n%d %d\n", side, side);
  for (int py = 0; py < side; py++)
    {
      for (int px = 0; px < side; px++)
        {
          int x = px / PIXELS_PER_MODULE - HL_QR_QUIET_ZONE;
          int y = py / PIXELS_PER_MODULE - HL_QR_QUIET_ZONE;

          g_string_append_c (out, hl_qr_code_get_module (qr, x, y) ? '1' : '0');
        }
      g_string_append_c (out, '\n');
    }

  hl_test_write_or_die (path, out->str, out->len);
  g_string_free (out, TRUE);
  return path;
}

/* What zbarimg reads in the image at @path, without its trailing newline. */
static char *
read_with_zbarimg (const char *path)
{
  const char *argv[] = { "zbarimg", "--quiet", "--raw", "-Sbinary", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    g_error ("zbarimg (Debian package zbar-tools) is needed by this test: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("zbarimg found no code in %s: %s", path, err);

  g_strchomp (out);
  return g_steal_pointer (&out);
}

static void
assert_reads_back (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlQrCode) qr = hl_qr_code_new (text, &error);
  g_autofree char *path = NULL;
  g_autofree char *read = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (hl_qr_code_get_text (qr), ==, text);
  path = write_pbm (qr, "code.pbm");
  read = read_with_zbarimg (path);
  g_assert_cmpstr (read, ==, text);
  g_unlink (path);
}

static void
test_reads_back (void)
{
  assert_reads_back ("https://medlineplus.gov/abdominalpain.html");
  assert_reads_back ("https://medlineplus.gov/spanish/abdominalpain.html");
  assert_reads_back ("https://medlineplus.gov/genetics/condition/type-1-diabetes/");
  /* Bytes, not just ASCII. */
  assert_reads_back ("Niño, presión — ✓");
}

/* A finder pattern: a 7 × 7 dark ring, a light ring, a 3 × 3 dark core. */
static void
assert_finder_at (const HlQrCode *qr,
                  int             left,
                  int             top)
{
  for (int y = 0; y < 7; y++)
    for (int x = 0; x < 7; x++)
      {
        gboolean ring = x == 0 || y == 0 || x == 6 || y == 6;
        gboolean core = x >= 2 && x <= 4 && y >= 2 && y <= 4;

        g_assert_cmpint (hl_qr_code_get_module (qr, left + x, top + y), ==, ring || core);
      }
}

static void
test_matrix (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlQrCode) small = hl_qr_code_new ("HL", &error);
  g_autoptr(HlQrCode) url = NULL;
  int size;

  g_assert_no_error (error);
  /* The smallest version holds two letters. */
  g_assert_cmpint (hl_qr_code_get_size (small), ==, 21);

  url = hl_qr_code_new ("https://medlineplus.gov/spanish/ulcerativecolitis.html", &error);
  g_assert_no_error (error);
  size = hl_qr_code_get_size (url);
  g_assert_cmpint (size, >, 21);
  g_assert_cmpint ((size - 21) % 4, ==, 0);

  assert_finder_at (url, 0, 0);
  assert_finder_at (url, size - 7, 0);
  assert_finder_at (url, 0, size - 7);

  /* The quiet zone is light. */
  for (int i = -HL_QR_QUIET_ZONE; i < size + HL_QR_QUIET_ZONE; i++)
    {
      g_assert_false (hl_qr_code_get_module (url, i, -1));
      g_assert_false (hl_qr_code_get_module (url, -1, i));
      g_assert_false (hl_qr_code_get_module (url, i, size));
      g_assert_false (hl_qr_code_get_module (url, size, i));
    }
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (8000, 'x');
  HlQrCode *qr;

  qr = hl_qr_code_new ("", &error);
  g_assert_null (qr);
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* The largest version holds 2,331 bytes at level M. */
  qr = hl_qr_code_new (huge, &error);
  g_assert_null (qr);
  g_assert_error (error, HL_ERROR, HL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "xxxx"));
}

/* Reads the path of the SVG back into modules: every "Mx yhNv1h-Nz" is a run
 * of N dark modules. */
static void
test_svg (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "https://medlineplus.gov/asthma.html";
  g_autoptr(HlQrCode) qr = hl_qr_code_new (text, &error);
  g_autofree char *svg = hl_qr_code_to_svg (qr, "Code for <Asthma> & \"more\"");
  int size = hl_qr_code_get_size (qr);
  int side = size + 2 * HL_QR_QUIET_ZONE;
  g_autofree char *view_box = g_strdup_printf ("viewBox=\"0 0 %d %d\"", side, side);
  g_autofree guint8 *seen = g_malloc0 ((gsize) size * size);
  const char *d;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, view_box));
  g_assert_nonnull (strstr (svg, "<title>Code for &lt;Asthma&gt; &amp; &quot;more&quot;</title>"));
  g_assert_null (strstr (svg, "<Asthma>"));
  g_assert_nonnull (strstr (svg, "</svg>"));

  d = strstr (svg, " d=\"");
  g_assert_nonnull (d);
  d += strlen (" d=\"");
  while (*d == 'M')
    {
      char *end;
      long x = strtol (d + 1, &end, 10);
      long y = strtol (end + 1, &end, 10);
      long run, back;

      g_assert_true (*end == 'h');
      run = strtol (end + 1, &end, 10);
      g_assert_true (g_str_has_prefix (end, "v1h-"));
      back = strtol (end + 4, &end, 10);
      g_assert_cmpint (back, ==, run);
      g_assert_true (*end == 'z');
      d = end + 1;

      for (long i = 0; i < run; i++)
        {
          long mx = x + i - HL_QR_QUIET_ZONE;
          long my = y - HL_QR_QUIET_ZONE;

          g_assert_true (mx >= 0 && mx < size && my >= 0 && my < size);
          seen[my * size + mx] = 1;
        }
    }
  g_assert_cmpint (*d, ==, '"');

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      g_assert_cmpint (seen[y * size + x], ==, hl_qr_code_get_module (qr, x, y));

  /* Without a title, no empty element. */
  {
    g_autofree char *bare = hl_qr_code_to_svg (qr, NULL);
    g_assert_null (strstr (bare, "<title>"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/qr/reads-back", test_reads_back);
  g_test_add_func ("/core/qr/matrix", test_matrix);
  g_test_add_func ("/core/qr/errors", test_errors);
  g_test_add_func ("/core/qr/svg", test_svg);

  return g_test_run ();
}
