/* test-catalog.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "hl-catalog.h"
#include "test-util.h"

static char *locale_dir;

/* Compiles @po into LOCALE_DIR/@language/LC_MESSAGES with msgfmt. */
static gboolean
install_catalog (const char *language,
                 const char *po)
{
  g_autofree char *dir = g_build_filename (locale_dir, language, "LC_MESSAGES", NULL);
  g_autofree char *po_path = g_build_filename (dir, "test.po", NULL);
  g_autofree char *mo_path = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po_path, po, -1, NULL));

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error))
    {
      g_test_skip ("msgfmt is not available");
      return FALSE;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static const char po_header[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n";

static void
test_lookups (void)
{
  g_autofree char *po = g_strconcat (po_header,
                                     "msgid \"Summary\"\nmsgstr \"Resumen\"\n\n"
                                     "msgctxt \"month\"\nmsgid \"May\"\nmsgstr \"mayo\"\n\n"
                                     "msgid \"May\"\nmsgstr \"Puede\"\n\n"
                                     "msgid \"%u topic\"\nmsgid_plural \"%u topics\"\n"
                                     "msgstr[0] \"%u tema\"\nmsgstr[1] \"%u temas\"\n\n"
                                     "msgid \"Untranslated\"\nmsgstr \"\"\n",
                                     NULL);

  if (!install_catalog ("xa", po))
    return;

  g_assert_cmpstr (hl_catalog_gettext ("xa", "Summary"), ==, "Resumen");
  g_assert_cmpstr (hl_catalog_pgettext ("xa", "month", "May"), ==, "mayo");
  g_assert_cmpstr (hl_catalog_gettext ("xa", "May"), ==, "Puede");
  g_assert_cmpstr (hl_catalog_ngettext ("xa", "%u topic", "%u topics", 1), ==, "%u tema");
  g_assert_cmpstr (hl_catalog_ngettext ("xa", "%u topic", "%u topics", 0), ==, "%u temas");
  g_assert_cmpstr (hl_catalog_ngettext ("xa", "%u topic", "%u topics", 7), ==, "%u temas");

  /* What the catalog lacks stays in English. */
  g_assert_cmpstr (hl_catalog_gettext ("xa", "Untranslated"), ==, "Untranslated");
  g_assert_cmpstr (hl_catalog_gettext ("xa", "Not in the catalog"), ==, "Not in the catalog");
  g_assert_cmpstr (hl_catalog_pgettext ("xa", "other", "May"), ==, "May");
  g_assert_cmpstr (hl_catalog_ngettext ("xa", "%u hit", "%u hits", 2), ==, "%u hits");
}

static void
test_english_and_missing (void)
{
  /* English is the source language: never looked up. */
  g_assert_cmpstr (hl_catalog_gettext ("en", "Summary"), ==, "Summary");
  g_assert_cmpstr (hl_catalog_gettext (NULL, "Summary"), ==, "Summary");
  /* A language without a catalog. */
  g_assert_cmpstr (hl_catalog_gettext ("zz", "Summary"), ==, "Summary");
  g_assert_cmpstr (hl_catalog_ngettext ("zz", "%u topic", "%u topics", 1), ==, "%u topic");
}

static void
test_damaged_catalog (void)
{
  g_autofree char *dir = g_build_filename (locale_dir, "xb", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  /* A valid magic number, then tables that point past the end. */
  static const guint8 damaged[] = {
    0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 28, 0, 0, 0, 0xff, 0xff, 0xff, 0,
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (mo, (const char *) damaged, sizeof damaged, NULL));

  g_assert_cmpstr (hl_catalog_gettext ("xb", "Summary"), ==, "Summary");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  locale_dir = g_dir_make_tmp ("test-catalog-XXXXXX", NULL);
  g_setenv ("HEALTH_LIBRARY_LOCALEDIR", locale_dir, TRUE);

  g_test_add_func ("/core/catalog/lookups", test_lookups);
  g_test_add_func ("/core/catalog/english-and-missing", test_english_and_missing);
  g_test_add_func ("/core/catalog/damaged", test_damaged_catalog);

  status = g_test_run ();

  hl_test_remove_tree (locale_dir);
  g_free (locale_dir);
  return status;
}
