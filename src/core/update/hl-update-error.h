/* hl-update-error.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HL_UPDATE_ERROR (hl_update_error_quark ())

/* Why a library update did not happen. Messages name the address and say
 * what to do; a cancelled update fails with G_IO_ERROR_CANCELLED, and a file
 * the importer refuses keeps the importer's HL_ERROR. */
typedef enum
{
  HL_UPDATE_ERROR_INVALID_URL,    /* the update address is not http(s) */
  HL_UPDATE_ERROR_NETWORK,        /* offline, no such host, connection refused */
  HL_UPDATE_ERROR_TIMED_OUT,      /* the server stopped answering */
  HL_UPDATE_ERROR_HTTP,           /* 404, 500 and the like */
  HL_UPDATE_ERROR_REDIRECT,       /* sent on to an address we do not follow */
  HL_UPDATE_ERROR_NO_FILE,        /* the page links no health-topic file */
  HL_UPDATE_ERROR_TRUNCATED,      /* the download stopped short */
  HL_UPDATE_ERROR_TOO_LARGE,
  HL_UPDATE_ERROR_TOO_SMALL,
  HL_UPDATE_ERROR_WRONG_CONTENT,  /* a web page, or not the MedlinePlus file */
  HL_UPDATE_ERROR_BUSY,           /* an update is already running */
  HL_UPDATE_ERROR_NO_PREVIOUS,    /* nothing to roll back to */
} HlUpdateError;

GQuark hl_update_error_quark (void);

G_END_DECLS
