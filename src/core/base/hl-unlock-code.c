/* hl-unlock-code.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "hl-error.h"
#include "hl-unlock-code.h"

#define PREFIX       "pbkdf2-sha256"
#define SALT_LENGTH  16
#define HASH_LENGTH  32
#define SHA256_SIZE  32
/* A stored value may ask for more work than we write, never for so much that
 * checking a code would hang the kiosk. */
#define MAX_ITERATIONS 10000000

void
hl_pbkdf2_sha256 (const guint8 *password,
                  gsize         password_length,
                  const guint8 *salt,
                  gsize         salt_length,
                  guint         iterations,
                  guint8       *output,
                  gsize         output_length)
{
  g_autoptr(GHmac) keyed = g_hmac_new (G_CHECKSUM_SHA256, password, password_length);

  g_return_if_fail (iterations > 0);

  for (guint32 block = 1; output_length > 0; block++)
    {
      guint8 u[SHA256_SIZE];
      guint8 t[SHA256_SIZE];
      guint8 counter[4] = { block >> 24, block >> 16, block >> 8, block };
      gsize length = SHA256_SIZE;
      gsize n = MIN (output_length, SHA256_SIZE);
      GHmac *hmac;

      /* U1 = HMAC (P, S || INT (i)); T = U1 ^ U2 ^ … ^ Uc. The key is
       * hashed once: each round starts from a copy of the keyed state. */
      hmac = g_hmac_copy (keyed);
      g_hmac_update (hmac, salt, salt_length);
      g_hmac_update (hmac, counter, sizeof counter);
      g_hmac_get_digest (hmac, u, &length);
      g_hmac_unref (hmac);
      memcpy (t, u, SHA256_SIZE);

      for (guint i = 1; i < iterations; i++)
        {
          hmac = g_hmac_copy (keyed);
          g_hmac_update (hmac, u, SHA256_SIZE);
          length = SHA256_SIZE;
          g_hmac_get_digest (hmac, u, &length);
          g_hmac_unref (hmac);
          for (guint j = 0; j < SHA256_SIZE; j++)
            t[j] ^= u[j];
        }

      memcpy (output, t, n);
      output += n;
      output_length -= n;
    }
}

/* The code as typed, without the spaces a person may add at its ends. */
static char *
normalize (const char *code)
{
  return g_strstrip (g_strdup (code));
}

char *
hl_unlock_code_hash_full (const char   *code,
                          const guint8 *salt,
                          gsize         salt_length,
                          guint         iterations)
{
  g_autofree char *clean = NULL;
  g_autofree char *salt_text = NULL;
  g_autofree char *hash_text = NULL;
  guint8 hash[HASH_LENGTH];
  char *stored;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (salt != NULL && salt_length > 0, NULL);
  g_return_val_if_fail (iterations > 0, NULL);

  clean = normalize (code);
  hl_pbkdf2_sha256 ((const guint8 *) clean, strlen (clean), salt, salt_length, iterations,
                    hash, sizeof hash);
  salt_text = g_base64_encode (salt, salt_length);
  hash_text = g_base64_encode (hash, sizeof hash);
  stored = g_strdup_printf (PREFIX "$%u$%s$%s", iterations, salt_text, hash_text);

  explicit_bzero (clean, strlen (clean));
  explicit_bzero (hash, sizeof hash);
  return stored;
}

static gboolean
random_bytes (guint8 *buffer,
              gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += n;
    }

  return TRUE;
}

char *
hl_unlock_code_hash (const char  *code,
                     GError     **error)
{
  g_autofree char *clean = NULL;
  guint8 salt[SALT_LENGTH];

  g_return_val_if_fail (code != NULL, NULL);

  clean = normalize (code);
  if (g_utf8_strlen (clean, -1) < HL_UNLOCK_CODE_MIN_LENGTH)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The unlock code is too short: use at least %d character.",
                                "The unlock code is too short: use at least %d characters.",
                                HL_UNLOCK_CODE_MIN_LENGTH),
                   HL_UNLOCK_CODE_MIN_LENGTH);
      return NULL;
    }

  if (!random_bytes (salt, sizeof salt))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED,
                   _("No random numbers could be read from the system: %s."), g_strerror (errno));
      return NULL;
    }

  return hl_unlock_code_hash_full (clean, salt, sizeof salt, HL_UNLOCK_CODE_ITERATIONS);
}

typedef struct
{
  guint   iterations;
  guchar *salt;
  gsize   salt_length;
  guchar *hash;
  gsize   hash_length;
} Parsed;

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->salt, g_free);
  g_clear_pointer (&parsed->hash, g_free);
}

static gboolean
is_base64 (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return FALSE;

  return strlen (text) % 4 == 0;
}

static gboolean
parse (const char *stored,
       Parsed     *parsed)
{
  g_auto(GStrv) parts = NULL;
  guint64 iterations;
  char *end;

  memset (parsed, 0, sizeof *parsed);
  if (stored == NULL)
    return FALSE;

  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], PREFIX))
    return FALSE;

  if (!g_ascii_isdigit (parts[1][0]))
    return FALSE;
  iterations = g_ascii_strtoull (parts[1], &end, 10);
  if (*end != '\0' || iterations == 0 || iterations > MAX_ITERATIONS)
    return FALSE;

  if (!is_base64 (parts[2]) || !is_base64 (parts[3]))
    return FALSE;

  parsed->iterations = iterations;
  parsed->salt = g_base64_decode (parts[2], &parsed->salt_length);
  parsed->hash = g_base64_decode (parts[3], &parsed->hash_length);
  if (parsed->salt_length < 8 || parsed->hash_length != HASH_LENGTH)
    {
      parsed_clear (parsed);
      return FALSE;
    }

  return TRUE;
}

gboolean
hl_unlock_code_is_valid (const char *stored)
{
  Parsed parsed;
  gboolean valid = parse (stored, &parsed);

  parsed_clear (&parsed);
  return valid;
}

gboolean
hl_unlock_code_verify (const char *stored,
                       const char *code)
{
  Parsed parsed;
  g_autofree char *clean = NULL;
  guint8 hash[HASH_LENGTH];
  guint8 difference = 0;

  g_return_val_if_fail (code != NULL, FALSE);

  if (!parse (stored, &parsed))
    return FALSE;

  clean = normalize (code);
  hl_pbkdf2_sha256 ((const guint8 *) clean, strlen (clean), parsed.salt, parsed.salt_length,
                    parsed.iterations, hash, sizeof hash);

  /* Every byte is compared, whatever the first difference. */
  for (gsize i = 0; i < HASH_LENGTH; i++)
    difference |= hash[i] ^ parsed.hash[i];

  explicit_bzero (clean, strlen (clean));
  explicit_bzero (hash, sizeof hash);
  parsed_clear (&parsed);
  return difference == 0;
}
