/* hl-command-line-kiosk.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "hl-command-line.h"
#include "hl-settings.h"
#include "hl-unlock-code.h"

/* Longer than any code a person types; the rest of the input is ignored. */
#define MAX_CODE_BYTES 1024

/* One line of standard input, without its end; NULL at the end of input. */
static char *
read_line (void)
{
  char buffer[MAX_CODE_BYTES];
  gsize length;
  char *line;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;

  length = strcspn (buffer, "\r\n");
  line = g_strndup (buffer, length);
  explicit_bzero (buffer, sizeof buffer);
  return line;
}

/* From a terminal: asked for twice, and not shown. */
static char *
read_from_terminal (void)
{
  struct termios saved, quiet;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gboolean same;

  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    return read_line ();
  quiet = saved;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);

  g_printerr ("%s", _("Unlock code: "));
  first = read_line ();
  g_printerr ("\n%s", _("The same code again: "));
  second = first ? read_line () : NULL;
  g_printerr ("\n");
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);

  same = first != NULL && second != NULL && g_str_equal (first, second);
  if (second != NULL)
    explicit_bzero (second, strlen (second));
  if (!same)
    {
      if (first != NULL)
        explicit_bzero (first, strlen (first));
      g_printerr ("%s\n", _("The two codes differ; nothing was printed."));
      return NULL;
    }

  return g_steal_pointer (&first);
}

int
hl_command_line_hash_kiosk_code (void)
{
  gboolean terminal = isatty (STDIN_FILENO);
  g_autofree char *code = terminal ? read_from_terminal () : read_line ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autofree char *text = NULL;

  if (code == NULL)
    {
      if (!terminal)
        g_printerr ("%s\n", _("No unlock code was given: write it on standard input, as in "
                              "“health-library --hash-kiosk-code < code.txt”."));
      return 1;
    }

  stored = hl_unlock_code_hash (code, &error);
  explicit_bzero (code, strlen (code));
  if (stored == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* In the form a dconf keyfile and gsettings take: a quoted string. */
  value = g_variant_ref_sink (g_variant_new_string (stored));
  text = g_variant_print (value, FALSE);
  g_print ("%s\n", text);
  if (terminal)
    {
      g_printerr (_("Put it in a dconf keyfile as %s=%s, under [org/phynet/HealthLibrary]."),
                  HL_SETTINGS_KIOSK_UNLOCK_CODE, text);
      g_printerr ("\n");
    }

  return 0;
}
