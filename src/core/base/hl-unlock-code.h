/* hl-unlock-code.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The administrator's code that leaves kiosk mode is never kept in clear:
 * settings hold a salted, slow hash of it, PBKDF2 with HMAC-SHA-256 (RFC
 * 8018) over GLib's checksums, written as
 *
 *   pbkdf2-sha256$ITERATIONS$SALT$HASH
 *
 * with the salt (16 random bytes) and the hash (32 bytes) in base64. */

#define HL_UNLOCK_CODE_ITERATIONS 200000
/* Fewer digits than this are refused: a short code is guessed quickly from
 * the hash, which a settings database does not keep secret. */
#define HL_UNLOCK_CODE_MIN_LENGTH 6

/* The stored form of @code, with a new random salt; NULL with
 * HL_ERROR_INVALID_DATA when the code is too short (fewer than
 * HL_UNLOCK_CODE_MIN_LENGTH characters once spaces at its ends are
 * dropped). */
char     *hl_unlock_code_hash         (const char   *code,
                                       GError      **error);
/* The same with a given salt and iteration count, for tests. */
char     *hl_unlock_code_hash_full    (const char   *code,
                                       const guint8 *salt,
                                       gsize         salt_length,
                                       guint         iterations);
/* TRUE when @code is the one @stored was made from. Spaces at the ends of
 * @code are dropped, as hl_unlock_code_hash() does. Comparison takes the
 * same time wherever the hashes differ. */
gboolean  hl_unlock_code_verify       (const char   *stored,
                                       const char   *code);
/* TRUE when @stored has the form above (the setting holds a hash, not, by
 * mistake, a code in clear). */
gboolean  hl_unlock_code_is_valid     (const char   *stored);

/* PBKDF2-HMAC-SHA-256 itself: @output_length bytes into @output. */
void      hl_pbkdf2_sha256            (const guint8 *password,
                                       gsize         password_length,
                                       const guint8 *salt,
                                       gsize         salt_length,
                                       guint         iterations,
                                       guint8       *output,
                                       gsize         output_length);

G_END_DECLS
