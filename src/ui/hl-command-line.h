/* hl-command-line.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The commands that work without a window or a display (over ssh, in CI).
 * Each returns the process's exit status. */
int hl_command_line_import (const char *topics_path,
                            const char *groups_path);
int hl_command_line_search (const char *query,
                            const char *language);
int hl_command_line_page   (const char *uri,
                            const char *language);
/* @language: "en", "es", "both" or NULL for the topic's own; @clinic_id
 * NULL for the home-clinic setting. */
int hl_command_line_handout (const char *uri,
                             const char *language,
                             gboolean    large_print,
                             const char *out_path,
                             const char *clinic_id);
/* Reads a kiosk unlock code from standard input (twice, without echo, from
 * a terminal) and prints the value of kiosk-unlock-code for it. In
 * hl-command-line-kiosk.c. */
int hl_command_line_hash_kiosk_code (void);
/* In hl-command-line-update.c. */
int hl_command_line_update   (void);
int hl_command_line_rollback (void);

G_END_DECLS
