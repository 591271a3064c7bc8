/* test-clinic-directory.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "hl-clinic-directory.h"
#include "hl-error.h"
#include "hl-paths.h"

#define MINIMAL_ORGANIZATION "\"organization\": { \"name\": \"Test Health\" }"

/* Files go under the per-test cache dir, which G_TEST_OPTION_ISOLATE_DIRS
 * makes private to each test and removes afterwards. */
static char *
scratch_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "clinic-tests", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static char *
write_scratch_file (const char *name,
                    const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = scratch_path (name);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
assert_message_names_file (const GError *error,
                           const char   *path)
{
  g_autofree char *file = g_filename_display_name (path);

  /* Shown in a label: valid UTF-8, whatever the file held. */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, file));
}

static void
assert_load_fails (const char *contents,
                   HlError     code,
                   const char *fragment)
{
  g_autofree char *path = write_scratch_file ("clinics.json", contents);
  g_autoptr(HlClinicDirectory) directory = NULL;
  g_autoptr(GError) error = NULL;

  directory = hl_clinic_directory_new_from_file (path, &error);
  g_assert_null (directory);
  g_assert_error (error, HL_ERROR, (int) code);
  assert_message_names_file (error, path);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” is not in the message “%s”", fragment, error->message);
}

static void
test_shipped (void)
{
  static const struct {
    const char *id;
    const char *name;
  } expected[] = {
    { "hughes-springs", "Hughes Springs" },
    { "longview", "Longview" },
    { "jefferson", "Jefferson" },
    { "kilgore", "Kilgore" },
    { "lindale", "Lindale" },
    { "linden", "Linden" },
    { "gladewater", "Gladewater" },
    { "lone-star", "Lone Star" },
    { "tatum", "Tatum" },
    { "marshall", "Marshall" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "clinics.json", NULL);
  g_autoptr(HlClinicDirectory) directory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  HlClinic *office;
  GListModel *clinics;

  directory = hl_clinic_directory_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (directory);

  g_assert_cmpstr (hl_clinic_directory_get_path (directory), ==, path);
  g_assert_cmpstr (hl_clinic_directory_get_organization_name (directory), ==, "PhyNet Health");
  g_assert_cmpstr (hl_clinic_directory_get_helpline (directory), ==, "(903) 212-7500");

  office = hl_clinic_directory_get_home_office (directory);
  g_assert_nonnull (office);
  g_assert_cmpstr (hl_clinic_get_id (office), ==, "home-office");
  g_assert_cmpstr (hl_clinic_get_name (office), ==, "PhyNet Health");
  g_assert_cmpstr (hl_clinic_get_address (office), ==, "4002 Technology Center");
  g_assert_cmpstr (hl_clinic_get_city (office), ==, "Longview");
  g_assert_cmpstr (hl_clinic_get_state (office), ==, "TX");
  g_assert_cmpstr (hl_clinic_get_postal_code (office), ==, "75605");
  g_assert_cmpstr (hl_clinic_get_phone (office), ==, "(903) 247-0484");
  g_assert_cmpstr (hl_clinic_get_fax (office), ==, "(903) 247-0485");
  g_assert_null (hl_clinic_get_hours (office));
  g_assert_null (hl_clinic_get_services (office));
  g_assert_true (hl_clinic_directory_lookup (directory, "home-office") == office);

  clinics = hl_clinic_directory_get_clinics (directory);
  g_assert_true (g_list_model_get_item_type (clinics) == HL_TYPE_CLINIC);
  g_assert_cmpuint (g_list_model_get_n_items (clinics), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);

      g_assert_cmpstr (hl_clinic_get_id (clinic), ==, expected[i].id);
      g_assert_cmpstr (hl_clinic_get_name (clinic), ==, expected[i].name);
      g_assert_cmpstr (hl_clinic_get_city (clinic), ==, expected[i].name);
      g_assert_cmpstr (hl_clinic_get_state (clinic), ==, "TX");

      /* Nothing beyond the town is known for any clinic; the data must not
       * make it up (nor borrow the home office's address). */
      g_assert_null (hl_clinic_get_address (clinic));
      g_assert_null (hl_clinic_get_postal_code (clinic));
      g_assert_null (hl_clinic_get_phone (clinic));
      g_assert_null (hl_clinic_get_fax (clinic));
      g_assert_null (hl_clinic_get_hours (clinic));
      g_assert_null (hl_clinic_get_services (clinic));

      g_assert_true (hl_clinic_directory_lookup (directory, expected[i].id) == clinic);
    }

  g_assert_null (hl_clinic_directory_lookup (directory, "dallas"));
  g_assert_null (hl_clinic_directory_lookup (directory, "Kilgore"));

  place = hl_clinic_dup_place (hl_clinic_directory_lookup (directory, "hughes-springs"));
  g_assert_cmpstr (place, ==, "Hughes Springs, TX");
}

static void
test_full_fields (void)
{
  const char *json =
    "{\n"
    "  \"format\": 1,\n"
    "  \"comment\": \"members we do not know are ignored\",\n"
    "  \"organization\": {\n"
    "    \"name\": \"  Test Health \",\n"
    "    \"helpline\": \"1-800-555-0100\",\n"
    "    \"website\": \"https://example.org\",\n"
    "    \"home-office\": {\n"
    "      \"name\": \"Head Office\",\n"
    "      \"address\": \"1 Main Street\",\n"
    "      \"city\": \"Springfield\",\n"
    "      \"state\": \"IL\",\n"
    "      \"postal-code\": \"62701\",\n"
    "      \"phone\": \"(217) 555-0100\",\n"
    "      \"fax\": \"(217) 555-0101\"\n"
    "    }\n"
    "  },\n"
    "  \"clinics\": [\n"
    "    {\n"
    "      \"id\": \"north-2\",\n"
    "      \"name\": \"North Clinic\",\n"
    "      \"address\": \"10 North Road\\nSuite 2\",\n"
    "      \"city\": \"Springfield\",\n"
    "      \"state\": \"IL\",\n"
    "      \"postal-code\": \"62702\",\n"
    "      \"phone\": \"(217) 555-0110\",\n"
    "      \"fax\": \"(217) 555-0111\",\n"
    "      \"hours\": [ \"Mon–Fri 8:00–17:00\", \"\", \"Sat 9:00–12:00\" ],\n"
    "      \"services\": [ \"Primary care\", \" \", null, \"Virtual visit\" ],\n"
    "      \"extra\": { \"nested\": [ 1, 2 ] }\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"south\",\n"
    "      \"name\": \"South Clinic\",\n"
    "      \"city\": \"Shelbyville\",\n"
    "      \"state\": \"\",\n"
    "      \"phone\": null,\n"
    "      \"fax\": \"   \",\n"
    "      \"hours\": \" By appointment \",\n"
    "      \"services\": [ ]\n"
    "    }\n"
    "  ]\n"
    "}\n";
  g_autofree char *path = write_scratch_file ("full.json", json);
  g_autoptr(HlClinicDirectory) directory = NULL;
  g_autoptr(HlClinic) north = NULL;
  g_autoptr(HlClinic) south = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *north_place = NULL;
  g_autofree char *south_place = NULL;
  const char * const *services;
  HlClinic *office;
  GListModel *clinics;

  directory = hl_clinic_directory_new_from_file (path, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (hl_clinic_directory_get_organization_name (directory), ==, "Test Health");
  g_assert_cmpstr (hl_clinic_directory_get_helpline (directory), ==, "1-800-555-0100");

  office = hl_clinic_directory_get_home_office (directory);
  g_assert_cmpstr (hl_clinic_get_id (office), ==, "home-office");
  g_assert_cmpstr (hl_clinic_get_name (office), ==, "Head Office");
  g_assert_cmpstr (hl_clinic_get_address (office), ==, "1 Main Street");
  g_assert_cmpstr (hl_clinic_get_city (office), ==, "Springfield");
  g_assert_cmpstr (hl_clinic_get_state (office), ==, "IL");
  g_assert_cmpstr (hl_clinic_get_postal_code (office), ==, "62701");
  g_assert_cmpstr (hl_clinic_get_phone (office), ==, "(217) 555-0100");
  g_assert_cmpstr (hl_clinic_get_fax (office), ==, "(217) 555-0101");

  clinics = hl_clinic_directory_get_clinics (directory);
  g_assert_cmpuint (g_list_model_get_n_items (clinics), ==, 2);
  north = g_list_model_get_item (clinics, 0);
  south = g_list_model_get_item (clinics, 1);

  g_assert_cmpstr (hl_clinic_get_id (north), ==, "north-2");
  g_assert_cmpstr (hl_clinic_get_name (north), ==, "North Clinic");
  g_assert_cmpstr (hl_clinic_get_address (north), ==, "10 North Road\nSuite 2");
  g_assert_cmpstr (hl_clinic_get_city (north), ==, "Springfield");
  g_assert_cmpstr (hl_clinic_get_state (north), ==, "IL");
  g_assert_cmpstr (hl_clinic_get_postal_code (north), ==, "62702");
  g_assert_cmpstr (hl_clinic_get_phone (north), ==, "(217) 555-0110");
  g_assert_cmpstr (hl_clinic_get_fax (north), ==, "(217) 555-0111");
  g_assert_cmpstr (hl_clinic_get_hours (north), ==, "Mon–Fri 8:00–17:00\nSat 9:00–12:00");
  services = hl_clinic_get_services (north);
  g_assert_nonnull (services);
  g_assert_cmpuint (g_strv_length ((char **) services), ==, 2);
  g_assert_cmpstr (services[0], ==, "Primary care");
  g_assert_cmpstr (services[1], ==, "Virtual visit");
  north_place = hl_clinic_dup_place (north);
  g_assert_cmpstr (north_place, ==, "Springfield, IL");

  /* Blank, null and empty values read as unknown. */
  g_assert_cmpstr (hl_clinic_get_id (south), ==, "south");
  g_assert_null (hl_clinic_get_state (south));
  g_assert_null (hl_clinic_get_address (south));
  g_assert_null (hl_clinic_get_postal_code (south));
  g_assert_null (hl_clinic_get_phone (south));
  g_assert_null (hl_clinic_get_fax (south));
  g_assert_cmpstr (hl_clinic_get_hours (south), ==, "By appointment");
  g_assert_null (hl_clinic_get_services (south));
  south_place = hl_clinic_dup_place (south);
  g_assert_cmpstr (south_place, ==, "Shelbyville");

  g_assert_true (hl_clinic_directory_lookup (directory, "south") == south);
  g_assert_true (hl_clinic_directory_lookup (directory, "home-office") == office);
}

static void
test_minimal (void)
{
  const char *files[] = {
    "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ ] }",
    "{ \"organization\": { \"name\": \"Test Health\", \"helpline\": \"\", "
    "\"home-office\": { \"name\": \"Head Office\", \"phone\": \" \" } }, \"clinics\": [ ] }",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = write_scratch_file ("minimal.json", files[i]);
      g_autoptr(HlClinicDirectory) directory = NULL;
      g_autoptr(GError) error = NULL;

      directory = hl_clinic_directory_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hl_clinic_directory_get_organization_name (directory), ==, "Test Health");
      g_assert_null (hl_clinic_directory_get_helpline (directory));
      g_assert_null (hl_clinic_directory_get_home_office (directory));
      g_assert_null (hl_clinic_directory_lookup (directory, "home-office"));
      g_assert_cmpuint (g_list_model_get_n_items (hl_clinic_directory_get_clinics (directory)),
                        ==, 0);
    }
}

static void
test_missing_file (void)
{
  g_autofree char *path = scratch_path ("does-not-exist.json");
  g_autofree char *folder = scratch_path ("a-folder.json");
  g_autoptr(HlClinicDirectory) directory = NULL;
  g_autoptr(GError) error = NULL;

  directory = hl_clinic_directory_new_from_file (path, &error);
  g_assert_null (directory);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  assert_message_names_file (error, path);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  directory = hl_clinic_directory_new_from_file (folder, &error);
  g_assert_null (directory);
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_FILE);
  assert_message_names_file (error, folder);
}

static void
test_malformed (void)
{
  /* json-glib rejects the trailing comma on line 3. */
  assert_load_fails ("{\n"
                     "  \"organization\": {\n"
                     "    \"name\": \"Test Health\",\n"
                     "  },\n"
                     "  \"clinics\": [ ]\n"
                     "}\n",
                     HL_ERROR_PARSE, "line 3, column 26");
  assert_load_fails ("{ " MINIMAL_ORGANIZATION ", \"clinics\": [ ",
                     HL_ERROR_PARSE, "line 1");
  assert_load_fails ("organization = PhyNet", HL_ERROR_PARSE, NULL);

  /* Found by fuzz-clinic-directory: json-glib quotes the string it stopped
   * at cut to a number of bytes, here in the middle of "“". */
  assert_load_fails ("{\n"
                     "  \"format\": 1,\n"
                     "  \"sourt Health's website: its header, \u201cFind a Clinic\u201d menu\" 1\n"
                     "}\n",
                     HL_ERROR_PARSE, "line 3");
}

static void
test_invalid_file (void)
{
  assert_load_fails ("", HL_ERROR_INVALID_FILE, "empty");
  assert_load_fails ("  \n", HL_ERROR_INVALID_FILE, "empty");
  assert_load_fails ("[ ]", HL_ERROR_INVALID_FILE, "JSON object");
  assert_load_fails ("\"PhyNet Health\"", HL_ERROR_INVALID_FILE, "JSON object");
  assert_load_fails ("{ \"format\": 2, " MINIMAL_ORGANIZATION ", \"clinics\": [ ] }",
                     HL_ERROR_INVALID_FILE, "format 2");
}

#define CLINIC_A "{ \"id\": \"a\", \"name\": \"A\", \"city\": \"Town A\" }"
#define CLINIC_B "{ \"id\": \"b\", \"name\": \"B\", \"city\": \"Town B\" }"

static void
test_missing_members (void)
{
  static const struct {
    const char *json;
    const char *fragment;
  } cases[] = {
    { "{ \"clinics\": [ ] }", "has no “organization”" },
    { "{ \"organization\": null, \"clinics\": [ ] }", "has no “organization”" },
    { "{ \"organization\": { }, \"clinics\": [ ] }", "the organization has no “name”" },
    { "{ \"organization\": { \"name\": \" \" }, \"clinics\": [ ] }",
      "the organization has no “name”" },
    { "{ " MINIMAL_ORGANIZATION " }", "has no “clinics”" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinic\": [ " CLINIC_A " ] }", "has no “clinics”" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ " CLINIC_A ", " CLINIC_B ", "
      "{ \"id\": \"c\", \"name\": \"C\" } ] }",
      "clinic 3 has no “city”" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"\" } ] }",
      "clinic 1 has no “city”" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ " CLINIC_A ", "
      "{ \"name\": \"C\", \"city\": \"Town C\" } ] }",
      "clinic 2 has no “id”" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"  \", \"name\": \"C\", \"city\": \"Town C\" } ] }",
      "clinic 1 has no “id”" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": null, \"city\": \"Town C\" } ] }",
      "clinic 1 has no “name”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_load_fails (cases[i].json, HL_ERROR_INVALID_DATA, cases[i].fragment);
}

static void
test_wrong_types (void)
{
  static const struct {
    const char *json;
    const char *fragment;
  } cases[] = {
    { "{ \"format\": \"1\", " MINIMAL_ORGANIZATION ", \"clinics\": [ ] }", "“format”" },
    { "{ \"format\": 1.5, " MINIMAL_ORGANIZATION ", \"clinics\": [ ] }", "“format”" },
    { "{ \"format\": 0, " MINIMAL_ORGANIZATION ", \"clinics\": [ ] }", "“format”" },
    { "{ \"organization\": [ \"Test Health\" ], \"clinics\": [ ] }", "“organization” must be" },
    { "{ \"organization\": { \"name\": 42 }, \"clinics\": [ ] }",
      "“name” in “organization”" },
    { "{ \"organization\": { \"name\": \"T\", \"helpline\": 9032127500 }, \"clinics\": [ ] }",
      "“helpline” in “organization”" },
    { "{ \"organization\": { \"name\": \"T\", \"home-office\": \"1 Main Street\" }, "
      "\"clinics\": [ ] }",
      "“home-office”" },
    { "{ \"organization\": { \"name\": \"T\", \"home-office\": { \"phone\": 2175550100 } }, "
      "\"clinics\": [ ] }",
      "“phone” in the home office" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": { \"a\": " CLINIC_A " } }",
      "“clinics” must be a list" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ " CLINIC_A ", \"kilgore\" ] }",
      "clinic 2 must be an object" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": 7, \"name\": \"C\", \"city\": \"Town C\" } ] }",
      "“id” in clinic 1" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ " CLINIC_A ", "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", \"postal-code\": 75605 } ] }",
      "“postal-code” in clinic 2" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", \"phone\": true } ] }",
      "“phone” in clinic 1" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", "
      "\"services\": \"Primary care\" } ] }",
      "“services” in clinic 1" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", \"services\": [ \"X\", 1 ] } ] }",
      "“services” in clinic 1" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", \"hours\": 8 } ] }",
      "“hours” in clinic 1" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", \"hours\": { \"mon\": \"8\" } } ] }",
      "“hours” in clinic 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_load_fails (cases[i].json, HL_ERROR_INVALID_DATA, cases[i].fragment);
}

/* json-glib reads escapes JSON does not have, such as an octal \217, into
 * bytes that are not UTF-8: text that cannot be shown is refused, in every
 * kind of member (found by fuzz-clinic-directory). */
static void
test_unreadable_text (void)
{
  static const struct {
    const char *json;
    const char *fragment;
  } cases[] = {
    { "{ \"organization\": { \"name\": \"T\\217\" }, \"clinics\": [ ] }",
      "“name” in “organization”" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", \"phone\": \"\\217) 555-0110\" } ] }",
      "“phone” in clinic 1" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", \"services\": [ \"X\\377\" ] } ] }",
      "“services” in clinic 1" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", \"hours\": \"8\\300\" } ] }",
      "“hours” in clinic 1" },
    { "{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
      "{ \"id\": \"c\", \"name\": \"C\", \"city\": \"Town C\", \"hours\": [ \"\\217\" ] } ] }",
      "“hours” in clinic 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_load_fails (cases[i].json, HL_ERROR_INVALID_DATA, cases[i].fragment);
  /* The message says what is wrong, not only where. */
  assert_load_fails (cases[1].json, HL_ERROR_INVALID_DATA, "\\uXXXX");
}

static void
test_bad_ids (void)
{
  assert_load_fails ("{ " MINIMAL_ORGANIZATION ", \"clinics\": [ " CLINIC_A ", " CLINIC_B ", "
                     "{ \"id\": \"a\", \"name\": \"A again\", \"city\": \"Town C\" } ] }",
                     HL_ERROR_INVALID_DATA, "clinics 1 and 3 both have the id “a”");
  assert_load_fails ("{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
                     "{ \"id\": \"Kilgore\", \"name\": \"K\", \"city\": \"Kilgore\" } ] }",
                     HL_ERROR_INVALID_DATA, "clinic 1 has the id “Kilgore”");
  assert_load_fails ("{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
                     "{ \"id\": \"lone star\", \"name\": \"L\", \"city\": \"Lone Star\" } ] }",
                     HL_ERROR_INVALID_DATA, "“lone star”");
  assert_load_fails ("{ " MINIMAL_ORGANIZATION ", \"clinics\": [ "
                     "{ \"id\": \"home-office\", \"name\": \"H\", \"city\": \"Longview\" } ] }",
                     HL_ERROR_INVALID_DATA, "home office");
}

static void
test_tel_uri (void)
{
  static const struct {
    const char *phone;
    const char *uri;
  } cases[] = {
    { "(903) 212-7500", "tel:+19032127500" },
    { "903.212.7500", "tel:+19032127500" },
    { "1 (903) 212-7500", "tel:+19032127500" },
    { "1-800-555-0100", "tel:+18005550100" },
    { "+1 903 212 7500", "tel:+19032127500" },
    { "  +44 20 7946 0958", "tel:+442079460958" },
    { "+33 1 23 45 67 89", "tel:+33123456789" },
    { "Tel. (903) 212-7500", "tel:+19032127500" },
    { "(903) 212-7500 ext. 12", "tel:+19032127500" },
    { "(903) 212-7500 x12", "tel:+19032127500" },
    { "212-7500", "tel:2127500" },
    { "911", "tel:911" },
    { "2-903-212-7500", "tel:29032127500" },
    { "", NULL },
    { "   ", NULL },
    { "n/a", NULL },
    { "+ -", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = hl_phone_to_tel_uri (cases[i].phone);

      g_assert_cmpstr (uri, ==, cases[i].uri);
    }
}

static void
test_clinic_object (void)
{
  const char *services[] = { " Primary care ", "", NULL };
  g_autoptr(HlClinic) clinic = NULL;
  g_autoptr(HlClinic) bare = NULL;
  g_autofree char *place = NULL;
  g_autofree char *bare_place = NULL;
  g_autofree char *name = NULL;

  clinic = g_object_new (HL_TYPE_CLINIC,
                         "id", "tatum",
                         "name", "Tatum",
                         "city", "Tatum",
                         "state", "TX",
                         "phone", "",
                         "services", services,
                         NULL);
  place = hl_clinic_dup_place (clinic);
  g_assert_cmpstr (place, ==, "Tatum, TX");
  g_assert_null (hl_clinic_get_phone (clinic));
  g_assert_cmpstr (hl_clinic_get_services (clinic)[0], ==, "Primary care");
  g_assert_null (hl_clinic_get_services (clinic)[1]);

  g_object_get (clinic, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "Tatum");

  bare = g_object_new (HL_TYPE_CLINIC, "id", "x", "city", "Linden", NULL);
  bare_place = hl_clinic_dup_place (bare);
  g_assert_cmpstr (bare_place, ==, "Linden");
  g_assert_null (hl_clinic_get_name (bare));
  g_assert_null (hl_clinic_get_services (bare));
}

/* Restores $HEALTH_LIBRARY_DATADIR however a test leaves it. */
typedef struct
{
  char *saved;
} DataDirGuard;

static void
data_dir_guard_restore (DataDirGuard *guard)
{
  if (guard->saved != NULL)
    g_setenv ("HEALTH_LIBRARY_DATADIR", guard->saved, TRUE);
  else
    g_unsetenv ("HEALTH_LIBRARY_DATADIR");
  g_clear_pointer (&guard->saved, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DataDirGuard, data_dir_guard_restore)

static void
test_data_dir_override (void)
{
  g_auto(DataDirGuard) guard = { g_strdup (g_getenv ("HEALTH_LIBRARY_DATADIR")) };
  g_autofree char *data_dir = scratch_path ("data");
  g_autofree char *clinics_path = g_build_filename (data_dir, "clinics.json", NULL);
  g_autofree char *topics_path = NULL;
  g_autofree char *groups_path = NULL;
  g_autofree char *found = NULL;
  g_autofree char *library_dir = g_build_filename (data_dir, "library", NULL);

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);

  g_unsetenv ("HEALTH_LIBRARY_DATADIR");
  g_assert_cmpstr (hl_paths_get_data_dir (), ==, PKGDATADIR);
  g_setenv ("HEALTH_LIBRARY_DATADIR", "", TRUE);
  g_assert_cmpstr (hl_paths_get_data_dir (), ==, PKGDATADIR);

  g_setenv ("HEALTH_LIBRARY_DATADIR", data_dir, TRUE);
  g_assert_cmpstr (hl_paths_get_data_dir (), ==, data_dir);
  g_assert_null (hl_paths_find_data_file ("clinics.json"));
  g_assert_null (hl_paths_find_starter_topics ());
  g_assert_null (hl_paths_find_starter_groups ());

  g_assert_true (g_file_set_contents (clinics_path, "{}", -1, NULL));
  found = hl_paths_find_data_file ("clinics.json");
  g_assert_cmpstr (found, ==, clinics_path);

  g_assert_cmpint (g_mkdir_with_parents (library_dir, 0700), ==, 0);
  topics_path = g_build_filename (library_dir, "mplus_topics_starter.xml", NULL);
  groups_path = g_build_filename (library_dir, "mplus_topic_groups.xml", NULL);
  g_assert_true (g_file_set_contents (topics_path, "<x/>", -1, NULL));
  g_assert_true (g_file_set_contents (groups_path, "<x/>", -1, NULL));
  g_clear_pointer (&found, g_free);
  found = hl_paths_find_starter_topics ();
  g_assert_cmpstr (found, ==, topics_path);
  g_clear_pointer (&found, g_free);
  found = hl_paths_find_starter_groups ();
  g_assert_cmpstr (found, ==, groups_path);
}

static void
test_default_path (void)
{
  g_auto(DataDirGuard) guard = { g_strdup (g_getenv ("HEALTH_LIBRARY_DATADIR")) };
  g_autofree char *system_path = g_build_filename (SYSCONFDIR, "health-library",
                                                   "clinics.json", NULL);
  g_autofree char *data_dir = scratch_path ("default-data");
  g_autofree char *clinics_path = g_build_filename (data_dir, "clinics.json", NULL);
  g_autoptr(HlClinicDirectory) directory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (clinics_path,
                                      "{ \"organization\": { \"name\": \"Bundled\" }, "
                                      "\"clinics\": [ ] }",
                                      -1, NULL));
  g_setenv ("HEALTH_LIBRARY_DATADIR", data_dir, TRUE);

  /* The system file overrides the bundled one; this machine may or may not
   * have one, and the test must not write outside its own folders. */
  found = hl_clinic_directory_find_default_path ();
  if (g_file_test (system_path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpstr (found, ==, system_path);
      g_test_message ("%s exists; skipping the fallback checks", system_path);
      return;
    }
  g_assert_cmpstr (found, ==, clinics_path);

  directory = hl_clinic_directory_new_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_clinic_directory_get_organization_name (directory), ==, "Bundled");
  g_assert_cmpstr (hl_clinic_directory_get_path (directory), ==, clinics_path);
  g_clear_object (&directory);

  g_assert_cmpint (g_unlink (clinics_path), ==, 0);
  g_clear_pointer (&found, g_free);
  found = hl_clinic_directory_find_default_path ();
  g_assert_null (found);

  directory = hl_clinic_directory_new_default (&error);
  g_assert_null (directory);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  assert_message_names_file (error, system_path);
}

static void
test_user_dir (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "health-library", NULL);
  g_autofree char *expected_db = g_build_filename (expected, "library.db", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  GStatBuf st;

  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  dir = hl_paths_get_user_dir ();
  g_assert_cmpstr (dir, ==, expected);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  db = hl_paths_get_library_path ();
  g_assert_cmpstr (db, ==, expected_db);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static HlClinicDirectory *
load_shipped (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "clinics.json", NULL);
  g_autoptr(GError) error = NULL;
  HlClinicDirectory *directory = hl_clinic_directory_new_from_file (path, &error);

  g_assert_no_error (error);
  return directory;
}

/* The names of @clinics, joined by commas. */
static char *
names (GListModel *clinics)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
    {
      g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, hl_clinic_get_name (clinic));
    }

  return g_string_free (out, FALSE);
}

static char *
search (HlClinicDirectory *directory,
        const char        *query)
{
  g_autoptr(GListModel) hits = hl_clinic_directory_search (directory, query);

  return names (hits);
}

/* People look clinics up by town: alphabetically, whatever the file's order. */
static void
test_by_town (void)
{
  g_autoptr(HlClinicDirectory) shipped = load_shipped ();
  g_autoptr(GListModel) sorted = hl_clinic_directory_list_by_town (shipped);
  g_autofree char *listed = names (sorted);
  g_autofree char *path = NULL;
  g_autoptr(HlClinicDirectory) directory = NULL;
  g_autoptr(GListModel) by_town = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (listed, ==, "Gladewater, Hughes Springs, Jefferson, Kilgore, Lindale, Linden, "
                               "Lone Star, Longview, Marshall, Tatum");
  /* The file's own order is kept where it is asked for. */
  g_assert_cmpuint (g_list_model_get_n_items (hl_clinic_directory_get_clinics (shipped)), ==, 10);

  /* By town, not by name; accents do not count. */
  path = write_scratch_file ("clinics.json",
    "{ " MINIMAL_ORGANIZATION ", \"clinics\": [\n"
    "  { \"id\": \"z\", \"name\": \"Zeta Clinic\", \"city\": \"Ávila\" },\n"
    "  { \"id\": \"a\", \"name\": \"Alpha Clinic\", \"city\": \"Waco\" },\n"
    "  { \"id\": \"m\", \"name\": \"Main\", \"city\": \"Austin\" } ] }");
  directory = hl_clinic_directory_new_from_file (path, &error);
  g_assert_no_error (error);
  by_town = hl_clinic_directory_list_by_town (directory);
  other = names (by_town);
  g_assert_cmpstr (other, ==, "Main, Zeta Clinic, Alpha Clinic");
}

static void
assert_search (HlClinicDirectory *directory,
               const char        *query,
               const char        *expected)
{
  g_autofree char *found = search (directory, query);

  if (g_strcmp0 (found, expected) != 0)
    g_error ("Searching “%s” found “%s”, not “%s”", query, found, expected);
}

/* Search by name, town and services, in English and Spanish. */
static void
test_search (void)
{
  g_autoptr(HlClinicDirectory) shipped = load_shipped ();
  const char *all = "Gladewater, Hughes Springs, Jefferson, Kilgore, Lindale, Linden, Lone Star, "
                    "Longview, Marshall, Tatum";
  g_autofree char *path = NULL;
  g_autoptr(HlClinicDirectory) directory = NULL;
  g_autoptr(GError) error = NULL;

  assert_search (shipped, "kilgore", "Kilgore");
  assert_search (shipped, "KILG", "Kilgore");
  assert_search (shipped, "  lin ", "Lindale, Linden");
  assert_search (shipped, "lone star", "Lone Star");
  assert_search (shipped, "star lone", "Lone Star");
  assert_search (shipped, "clinic", all);
  assert_search (shipped, "clinics", all);
  assert_search (shipped, "clínicas", all);
  assert_search (shipped, "CLINICA", all);
  assert_search (shipped, "clinica kilgore", "Kilgore");
  assert_search (shipped, "kilgore clinic", "Kilgore");
  assert_search (shipped, "tx", all);
  /* A single letter is a whole word; every word must match. */
  assert_search (shipped, "k", "");
  assert_search (shipped, "kilgore diabetes", "");
  assert_search (shipped, "diabetes", "");
  assert_search (shipped, "", "");
  assert_search (shipped, "  ", "");

  /* The services the directory lists, in the words it lists them in. */
  path = write_scratch_file ("clinics.json",
    "{ " MINIMAL_ORGANIZATION ", \"clinics\": [\n"
    "  { \"id\": \"a\", \"name\": \"North\", \"city\": \"Tyler\",\n"
    "    \"services\": [ \"Diabetes care\", \"Atención de la diabetes\" ] },\n"
    "  { \"id\": \"b\", \"name\": \"South\", \"city\": \"Tyler\",\n"
    "    \"services\": [ \"Physical therapy\" ] } ] }");
  directory = hl_clinic_directory_new_from_file (path, &error);
  g_assert_no_error (error);
  assert_search (directory, "diabetes", "North");
  assert_search (directory, "atencion", "North");
  assert_search (directory, "therapy", "South");
  assert_search (directory, "tyler", "North, South");
  assert_search (directory, "tyler physical", "South");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/clinics/by-town", test_by_town);
  g_test_add_func ("/core/clinics/search", test_search);

  g_test_add_func ("/core/clinics/shipped", test_shipped);
  g_test_add_func ("/core/clinics/full-fields", test_full_fields);
  g_test_add_func ("/core/clinics/minimal", test_minimal);
  g_test_add_func ("/core/clinics/clinic-object", test_clinic_object);
  g_test_add_func ("/core/clinics/tel-uri", test_tel_uri);
  g_test_add_func ("/core/clinics/errors/missing-file", test_missing_file);
  g_test_add_func ("/core/clinics/errors/malformed", test_malformed);
  g_test_add_func ("/core/clinics/errors/invalid-file", test_invalid_file);
  g_test_add_func ("/core/clinics/errors/missing-members", test_missing_members);
  g_test_add_func ("/core/clinics/errors/wrong-types", test_wrong_types);
  g_test_add_func ("/core/clinics/errors/unreadable-text", test_unreadable_text);
  g_test_add_func ("/core/clinics/errors/bad-ids", test_bad_ids);
  g_test_add_func ("/core/clinics/paths/data-dir-override", test_data_dir_override);
  g_test_add_func ("/core/clinics/paths/default-path", test_default_path);
  g_test_add_func ("/core/clinics/paths/user-dir", test_user_dir);

  return g_test_run ();
}
