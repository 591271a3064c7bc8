/* hl-error.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HL_ERROR (hl_error_quark ())

/* Errors reported by the library core. Messages are written for a person:
 * they name the file and, where there is one, the line. */
typedef enum
{
  HL_ERROR_FAILED,
  HL_ERROR_NOT_FOUND,       /* a file, topic, group, clinic or page that does not exist */
  HL_ERROR_INVALID_FILE,    /* not the kind of file we expected (empty, binary, wrong root…) */
  HL_ERROR_PARSE,           /* malformed XML or JSON */
  HL_ERROR_INVALID_DATA,    /* well-formed but inconsistent (duplicate ids, missing attributes…) */
  HL_ERROR_UNSAFE,          /* entity declarations, external references and the like */
  HL_ERROR_TOO_LARGE,
  HL_ERROR_DATABASE,
  HL_ERROR_NO_LIBRARY,      /* there is no library yet */
  HL_ERROR_PERMISSION,      /* a file or folder we may not read or write */
  HL_ERROR_NO_SPACE,        /* the disk is full, or a file size limit was reached */
} HlError;

/* A cancelled operation fails with G_IO_ERROR_CANCELLED, as GIO's do. */

GQuark hl_error_quark (void);

G_END_DECLS
