/* test-unlock-code.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The kiosk's unlock code: PBKDF2-HMAC-SHA-256 against the published test
 * vectors, the stored form, and values that must never unlock. */

#include "config.h"

#include <string.h>

#include "hl-error.h"
#include "hl-unlock-code.h"

static char *
to_hex (const guint8 *bytes,
        gsize         length)
{
  GString *hex = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

/* RFC 7914, section 11, and the vector most libraries test with. */
static void
test_pbkdf2_vectors (void)
{
  guint8 out[64];
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;

  hl_pbkdf2_sha256 ((const guint8 *) "passwd", 6, (const guint8 *) "salt", 4, 1, out, 64);
  one = to_hex (out, 64);
  g_assert_cmpstr (one, ==,
                   "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                   "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");

  hl_pbkdf2_sha256 ((const guint8 *) "Password", 8, (const guint8 *) "NaCl", 4, 80000, out, 64);
  two = to_hex (out, 64);
  g_assert_cmpstr (two, ==,
                   "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                   "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");

  hl_pbkdf2_sha256 ((const guint8 *) "password", 8, (const guint8 *) "salt", 4, 4096, out, 32);
  three = to_hex (out, 32);
  g_assert_cmpstr (three, ==, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
}

static void
test_stored_form (void)
{
  guint8 salt[16];
  g_autofree char *stored = NULL;
  g_autofree char *expected_hash = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree guchar *hash = NULL;
  g_autofree char *hex = NULL;
  gsize length = 0;

  for (guint i = 0; i < sizeof salt; i++)
    salt[i] = i;

  stored = hl_unlock_code_hash_full ("246810", salt, sizeof salt, HL_UNLOCK_CODE_ITERATIONS);
  parts = g_strsplit (stored, "$", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  g_assert_cmpstr (parts[0], ==, "pbkdf2-sha256");
  g_assert_cmpstr (parts[1], ==, "200000");
  g_assert_cmpstr (parts[2], ==, "AAECAwQFBgcICQoLDA0ODw==");
  /* The same as Python's hashlib.pbkdf2_hmac ('sha256', b'246810',
   * bytes (range (16)), 200000, 32). */
  hash = g_base64_decode (parts[3], &length);
  hex = to_hex (hash, length);
  g_assert_cmpstr (hex, ==, "12b0dada00fcd55bb475e137e47b4b3721ca964fdd1ad88b5f1a2af1dcdd495b");

  /* Never the code itself. */
  g_assert_null (strstr (stored, "246810"));
  g_assert_true (hl_unlock_code_is_valid (stored));
  g_assert_true (hl_unlock_code_verify (stored, "246810"));
  /* Spaces at the ends are what a person adds by mistake. */
  g_assert_true (hl_unlock_code_verify (stored, "  246810\n"));
  g_assert_false (hl_unlock_code_verify (stored, "246811"));
  g_assert_false (hl_unlock_code_verify (stored, "24681"));
  g_assert_false (hl_unlock_code_verify (stored, "2468100"));
  g_assert_false (hl_unlock_code_verify (stored, "2468 10"));
  g_assert_false (hl_unlock_code_verify (stored, ""));
}

static void
test_random_salt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = hl_unlock_code_hash ("kiosk-1234", &error);
  g_autofree char *second = NULL;
  gint64 start, end;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  second = hl_unlock_code_hash ("kiosk-1234", &error);
  end = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_test_message ("hashing a code took %.0f ms", (end - start) / 1000.0);

  /* Each has its own salt, so equal codes do not look equal. */
  g_assert_cmpstr (first, !=, second);
  g_assert_true (hl_unlock_code_verify (first, "kiosk-1234"));
  g_assert_true (hl_unlock_code_verify (second, "kiosk-1234"));
  g_assert_false (hl_unlock_code_verify (first, "kiosk-1235"));
}

static void
test_too_short (void)
{
  g_autoptr(GError) error = NULL;
  char *stored = hl_unlock_code_hash ("  12345 ", &error);

  g_assert_null (stored);
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "6"));
}

/* A setting that holds anything but a well-formed hash unlocks nothing, not
 * even with its own text typed in. */
static void
test_invalid_values (void)
{
  const char *values[] = {
    "",
    "123456",
    "pbkdf2-sha256",
    "pbkdf2-sha256$$AAECAwQFBgcICQoLDA0ODw==$ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=",
    "pbkdf2-sha256$0$AAECAwQFBgcICQoLDA0ODw==$ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=",
    "pbkdf2-sha256$-5$AAECAwQFBgcICQoLDA0ODw==$ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=",
    "pbkdf2-sha256$99999999999$AAECAwQFBgcICQoLDA0ODw==$ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=",
    "pbkdf2-sha256$200000x$AAECAwQFBgcICQoLDA0ODw==$ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=",
    "pbkdf2-sha1$200000$AAECAwQFBgcICQoLDA0ODw==$ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=",
    "pbkdf2-sha256$200000$AAECAwQFBgcICQoLDA0ODw==$ErDa2gD81Vu0",
    "pbkdf2-sha256$200000$AA==$ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=",
    "pbkdf2-sha256$200000$not base64!$ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=",
    "pbkdf2-sha256$200000$AAECAwQFBgcICQoLDA0ODw==$ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=$x",
    NULL,
  };

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_assert_false (hl_unlock_code_is_valid (values[i]));
      g_assert_false (hl_unlock_code_verify (values[i], values[i]));
      g_assert_false (hl_unlock_code_verify (values[i], "246810"));
    }
  g_assert_false (hl_unlock_code_is_valid (NULL));
  g_assert_false (hl_unlock_code_verify (NULL, "246810"));

  /* The well-formed one these were made from does unlock. */
  g_assert_true (hl_unlock_code_verify ("pbkdf2-sha256$200000$AAECAwQFBgcICQoLDA0ODw==$"
                                        "ErDa2gD81Vu0deE35HtLNyHKlk/dGtiLXxoq8dzdSVs=", "246810"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/unlock-code/pbkdf2-vectors", test_pbkdf2_vectors);
  g_test_add_func ("/core/unlock-code/stored-form", test_stored_form);
  g_test_add_func ("/core/unlock-code/random-salt", test_random_salt);
  g_test_add_func ("/core/unlock-code/too-short", test_too_short);
  g_test_add_func ("/core/unlock-code/invalid-values", test_invalid_values);

  return g_test_run ();
}
