/* test-address.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The one reader and writer of hl:// addresses. */

#include "config.h"

#include <string.h>

#include "hl-address.h"
#include "hl-error.h"

static HlAddress *
parse_ok (const char *uri)
{
  g_autoptr(GError) error = NULL;
  HlAddress *address = hl_address_parse (uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (address);
  return address;
}

static void
assert_no_page (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlAddress) address = hl_address_parse (uri, &error);

  if (address != NULL)
    {
      g_autofree char *text = hl_address_to_string (address);
      g_test_fail_printf ("“%s” was read as “%s”", uri, text);
      return;
    }
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* Each page, read and written back to the form the pages link to. */
static void
test_round_trip (void)
{
  static const struct {
    const char    *uri;
    HlAddressKind  kind;
    int            id;
    const char    *language;
    const char    *written;   /* NULL: @uri itself */
  } cases[] = {
    { "hl://home", HL_ADDRESS_HOME, 0, NULL, NULL },
    { "hl://home/", HL_ADDRESS_HOME, 0, NULL, "hl://home" },
    { "hl://home?lang=es", HL_ADDRESS_HOME, 0, "es", NULL },
    { "hl://home?lang=ES", HL_ADDRESS_HOME, 0, "es", "hl://home?lang=es" },
    { "hl://home?lang=fr", HL_ADDRESS_HOME, 0, NULL, "hl://home" },
    { "hl://home?lang=en&utm=x", HL_ADDRESS_HOME, 0, "en", "hl://home?lang=en" },
    { "HL://home", HL_ADDRESS_HOME, 0, NULL, "hl://home" },
    { "hl://topic/3061", HL_ADDRESS_TOPIC, 3061, NULL, NULL },
    { "hl://topic/3061?lang=es", HL_ADDRESS_TOPIC, 3061, NULL, "hl://topic/3061" },
    { "hl://topic/3061#sites", HL_ADDRESS_TOPIC, 3061, NULL, "hl://topic/3061" },
    { "hl://topic/2147483647", HL_ADDRESS_TOPIC, G_MAXINT, NULL, NULL },
    { "hl://topic/007", HL_ADDRESS_TOPIC, 7, NULL, "hl://topic/7" },
    { "hl://group/2?lang=es", HL_ADDRESS_GROUP, 2, "es", NULL },
    { "hl://group/12", HL_ADDRESS_GROUP, 12, NULL, NULL },
    { "hl://index", HL_ADDRESS_INDEX, 0, NULL, NULL },
    { "hl://index/a?lang=en", HL_ADDRESS_INDEX, 0, "en", "hl://index/A?lang=en" },
    { "hl://index/0?lang=es", HL_ADDRESS_INDEX, 0, "es", NULL },
    { "hl://search", HL_ADDRESS_SEARCH, 0, NULL, NULL },
    { "hl://search?q=presion+arterial&lang=es", HL_ADDRESS_SEARCH, 0, "es",
      "hl://search?q=presion%20arterial&lang=es" },
    { "hl://search?lang=en&q=a%26b%3Dc", HL_ADDRESS_SEARCH, 0, "en",
      "hl://search?q=a%26b%3Dc&lang=en" },
    { "hl://search?q=presi%C3%B3n", HL_ADDRESS_SEARCH, 0, NULL, NULL },
    { "hl://clinic/hughes-springs", HL_ADDRESS_CLINIC, 0, NULL, NULL },
    { "hl://clinic/home-office?lang=es", HL_ADDRESS_CLINIC, 0, NULL, "hl://clinic/home-office" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HlAddress) address = parse_ok (cases[i].uri);
      g_autoptr(HlAddress) again = NULL;
      g_autofree char *written = NULL;

      if (address == NULL)
        continue;
      g_assert_cmpint (hl_address_get_kind (address), ==, cases[i].kind);
      g_assert_cmpint (hl_address_get_id (address), ==, cases[i].id);
      g_assert_cmpstr (hl_address_get_language (address), ==, cases[i].language);

      written = hl_address_to_string (address);
      g_assert_cmpstr (written, ==, cases[i].written ? cases[i].written : cases[i].uri);

      /* What is written reads back the same. */
      again = parse_ok (written);
      g_assert_true (hl_address_equal (address, again));
    }
}

static void
test_fields (void)
{
  g_autoptr(HlAddress) index = parse_ok ("hl://index/0");
  g_autoptr(HlAddress) letter = parse_ok ("hl://index/q");
  g_autoptr(HlAddress) search = parse_ok ("hl://search?q=presio%CC%81n+arterial");
  g_autoptr(HlAddress) empty = parse_ok ("hl://search?q=");
  g_autoptr(HlAddress) clinic = parse_ok ("hl://clinic/linden");

  g_assert_cmpint (hl_address_get_letter (index), ==, '#');
  g_assert_cmpint (hl_address_get_letter (letter), ==, 'Q');
  g_assert_cmpstr (hl_address_get_query (search), ==, "presio\xcc\x81n arterial");
  g_assert_cmpstr (hl_address_get_query (empty), ==, "");
  g_assert_cmpstr (hl_address_get_clinic_id (clinic), ==, "linden");
  g_assert_null (hl_address_get_query (clinic));
}

/* Addresses without a page, among them what the app used to read wrongly. */
static void
test_no_page (void)
{
  static const char *uris[] = {
    /* "hl://topic" used to be read past its end. */
    "hl://topic", "hl://topic/", "hl://topic//", "hl://topic?lang=en",
    "hl://topic/0", "hl://topic/-5", "hl://topic/+5", "hl://topic/ 5", "hl://topic/5 ",
    "hl://topic/abc", "hl://topic/3061abc", "hl://topic/0x10", "hl://topic/3061/extra",
    "hl://topic/2147483648", "hl://topic/99999999999999999999",
    "hl://group", "hl://group/", "hl://group/abc", "hl://group/0?lang=en",
    "hl://home/extra", "hl://search/extra", "hl://index/AB", "hl://index/%C3%89", "hl://index/1",
    "hl://clinic", "hl://clinic/", "hl://clinic/../../etc/passwd", "hl://clinic/..",
    "hl://clinic/Linden", "hl://clinic/a%2Fb", "hl://clinic/a b", "hl://clinic/%00",
    "hl://search?q=%FF", "hl://search?q=%", "hl://home?lang=%zz",
    "hl://nope", "HL://nope", "hl://Topic/1", "hl://", "hl:", "hl:home", "hl:/topic/1", "",
    "home", "topic/1", "https://example.org", "http://medlineplus.gov/",
    "javascript:alert(1)", "file:///etc/passwd", "not a uri",
    "hl://user@topic/1", "hl://topic:80/1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    assert_no_page (uris[i]);

  assert_no_page (NULL);
}

static void
test_build (void)
{
  g_autoptr(HlAddress) home = hl_address_new_home ("es");
  g_autoptr(HlAddress) index = hl_address_new_index ('#', "en");
  g_autoptr(HlAddress) all = hl_address_new_index (0, NULL);
  g_autoptr(HlAddress) search = hl_address_new_search ("a&b c/ñ?", "es");
  g_autoptr(HlAddress) topic = hl_address_new_topic (4);
  g_autoptr(HlAddress) copy = NULL;
  g_autofree char *home_text = hl_address_to_string (home);
  g_autofree char *index_text = hl_address_to_string (index);
  g_autofree char *all_text = hl_address_to_string (all);
  g_autofree char *search_text = hl_address_to_string (search);
  g_autofree char *topic_text = hl_address_dup_topic_uri (4);
  g_autofree char *group_text = hl_address_dup_group_uri (2, "es");
  g_autofree char *clinic_text = hl_address_dup_clinic_uri ("home-office");
  g_autoptr(HlAddress) search_back = NULL;

  g_assert_cmpstr (home_text, ==, "hl://home?lang=es");
  g_assert_cmpstr (index_text, ==, "hl://index/0?lang=en");
  g_assert_cmpstr (all_text, ==, "hl://index");
  g_assert_cmpstr (topic_text, ==, "hl://topic/4");
  g_assert_cmpstr (group_text, ==, "hl://group/2?lang=es");
  g_assert_cmpstr (clinic_text, ==, "hl://clinic/home-office");

  /* Whatever is searched for comes back as it was typed. */
  search_back = parse_ok (search_text);
  g_assert_cmpstr (hl_address_get_query (search_back), ==, "a&b c/ñ?");
  g_assert_cmpstr (hl_address_get_language (search_back), ==, "es");

  /* Topics and clinics keep no language: theirs is their own. */
  hl_address_set_language (topic, "es");
  g_assert_null (hl_address_get_language (topic));
  copy = hl_address_copy (home);
  hl_address_set_language (copy, "en");
  g_assert_cmpstr (hl_address_get_language (copy), ==, "en");
  g_assert_cmpstr (hl_address_get_language (home), ==, "es");
  g_assert_false (hl_address_equal (copy, home));
  hl_address_set_language (copy, NULL);
  g_assert_null (hl_address_get_language (copy));
}

static void
test_scheme (void)
{
  g_assert_true (hl_address_has_scheme ("hl://home"));
  g_assert_true (hl_address_has_scheme ("HL://nope"));
  g_assert_true (hl_address_has_scheme ("hl:anything"));
  g_assert_false (hl_address_has_scheme ("https://medlineplus.gov/"));
  g_assert_false (hl_address_has_scheme ("hlx://home"));
  g_assert_false (hl_address_has_scheme ("home"));
  g_assert_false (hl_address_has_scheme (""));
  g_assert_false (hl_address_has_scheme (NULL));

  g_assert_true (hl_address_is_valid_clinic_id ("hughes-springs"));
  g_assert_true (hl_address_is_valid_clinic_id ("clinic-2"));
  g_assert_false (hl_address_is_valid_clinic_id (""));
  g_assert_false (hl_address_is_valid_clinic_id ("Linden"));
  g_assert_false (hl_address_is_valid_clinic_id ("a/b"));
  g_assert_false (hl_address_is_valid_clinic_id (NULL));
}

/* A message about an address never carries a huge or broken one. */
static void
test_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_uri = g_string_new ("hl://nope/");

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (long_uri, 'x');
  g_assert_null (hl_address_parse (long_uri->str, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_assert_cmpuint (strlen (error->message), <, 400);
  g_clear_error (&error);

  g_assert_null (hl_address_parse ("hl://nope/\xff\xfe", &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/address/round-trip", test_round_trip);
  g_test_add_func ("/core/address/fields", test_fields);
  g_test_add_func ("/core/address/no-page", test_no_page);
  g_test_add_func ("/core/address/build", test_build);
  g_test_add_func ("/core/address/scheme", test_scheme);
  g_test_add_func ("/core/address/message", test_message);

  return g_test_run ();
}
