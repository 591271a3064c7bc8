/* main.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hl-application.h"
#include "hl-profile.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HlApplication) app = NULL;
  const char *localedir;

  hl_profile_init ();

  /* Running from a source tree, translations come from the build tree. */
  localedir = g_getenv ("HEALTH_LIBRARY_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  hl_profile_mark ("main");
  app = hl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
