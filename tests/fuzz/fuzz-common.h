/* fuzz-common.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* What libFuzzer calls; declared here for -Wmissing-prototypes. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A file the target rewrites for every input, in a folder of its own
 * (under /dev/shm when there is one: the disk is not worn for nothing). */
static inline const char *
fuzz_scratch_file (const char *name)
{
  static char *path;

  if (path == NULL)
    {
      const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
      g_autofree char *template = g_build_filename (base, "hl-fuzz-XXXXXX", NULL);
      char *dir = g_mkdtemp (template) ? g_strdup (template) : NULL;

      if (dir == NULL)
        abort ();
      path = g_build_filename (dir, name, NULL);
      g_free (dir);
    }

  return path;
}

static inline void
fuzz_write (const char    *path,
            const uint8_t *data,
            size_t         size)
{
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    abort ();
}

/* A broken promise of the code under test: libFuzzer reports it as a
 * crash, with the input. */
#define FUZZ_CHECK(condition)                                                   \
  G_STMT_START {                                                                \
    if (!(condition))                                                           \
      {                                                                         \
        fprintf (stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
        abort ();                                                               \
      }                                                                         \
  } G_STMT_END
