/* test-update-offer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which file an update takes: the dates in MedlinePlus file names, the
 * links found on the page of XML files, and where a link or a redirect may
 * lead. */

#include "config.h"

#include <string.h>

#include "hl-content-date.h"
#include "hl-update-error.h"
#include "hl-update-offer.h"

#include "test-util.h"

#define PAGE "https://medlineplus.gov/xml.html"

static void
test_file_names (void)
{
  static const struct {
    const char        *name;
    HlMedlinePlusFile  kind;
    const char        *date;
  } cases[] = {
    { "mplus_topics_2026-11-23.xml", HL_MEDLINEPLUS_FILE_TOPICS, "2026-11-23" },
    { "mplus_topics_compressed_2026-11-23.zip", HL_MEDLINEPLUS_FILE_TOPICS_ZIP, "2026-11-23" },
    { "mplus_topic_groups_2024-08-10.xml", HL_MEDLINEPLUS_FILE_GROUPS, "2024-08-10" },
    { "mplus_topics_2024-02-29.xml", HL_MEDLINEPLUS_FILE_TOPICS, "2024-02-29" },
    /* Not MedlinePlus names, or not real days. */
    { "mplus_topics_2026-02-30.xml", HL_MEDLINEPLUS_FILE_NONE, NULL },
    { "mplus_topics_2026-13-01.xml", HL_MEDLINEPLUS_FILE_NONE, NULL },
    { "mplus_topics_2026-1-23.xml", HL_MEDLINEPLUS_FILE_NONE, NULL },
    { "mplus_topics_2026-11-23.xml.gz", HL_MEDLINEPLUS_FILE_NONE, NULL },
    { "mplus_topics_compressed_2026-11-23.xml", HL_MEDLINEPLUS_FILE_NONE, NULL },
    { "mplus_topics_2026-11-23.zip", HL_MEDLINEPLUS_FILE_NONE, NULL },
    { "mplus_topics_starter.xml", HL_MEDLINEPLUS_FILE_NONE, NULL },
    { "xmplus_topics_2026-11-23.xml", HL_MEDLINEPLUS_FILE_NONE, NULL },
    { "", HL_MEDLINEPLUS_FILE_NONE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = NULL;

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (hl_content_date_parse_file_name (cases[i].name, &date), ==, cases[i].kind);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
  g_assert_cmpint (hl_content_date_parse_file_name (NULL, NULL), ==, HL_MEDLINEPLUS_FILE_NONE);
}

static void
test_ages (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 2, 9, 30, 0);

  g_assert_cmpint (hl_content_date_age_in_days ("2026-12-02", now), ==, 0);
  g_assert_cmpint (hl_content_date_age_in_days ("2026-11-30", now), ==, 2);
  g_assert_cmpint (hl_content_date_age_in_days ("2025-12-02", now), ==, 365);
  g_assert_cmpint (hl_content_date_age_in_days ("2026-12-02T23:59:59", now), ==, 0);
  /* A date after today is not negative, and nonsense is -1. */
  g_assert_cmpint (hl_content_date_age_in_days ("2027-01-01", now), ==, 0);
  g_assert_cmpint (hl_content_date_age_in_days ("12/02/2026", now), ==, -1);
  g_assert_cmpint (hl_content_date_age_in_days (NULL, now), ==, -1);

  /* Stale means strictly older than the days allowed; 0 is never. */
  g_assert_false (hl_content_date_is_stale ("2026-11-02", 30, now));
  g_assert_true (hl_content_date_is_stale ("2026-11-01", 30, now));
  g_assert_false (hl_content_date_is_stale ("2020-01-01", 0, now));
  g_assert_false (hl_content_date_is_stale ("not a date", 30, now));
}

static void
test_store_dates (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("dates");
  g_autofree char *library = hl_test_library_in (dir);
  g_autofree char *starter = hl_test_starter_path ();
  g_autoptr(HlTopicStore) store = NULL;
  g_autofree char *content = NULL;
  g_autofree char *source = NULL;

  hl_test_import_or_die (starter, library);
  store = hl_test_open_store (library);
  /* The sample's root says 11/23/2026; its name carries no date. */
  content = hl_content_date_of_store (store);
  source = hl_content_date_of_source (store);
  g_assert_cmpstr (content, ==, "2026-11-23");
  g_assert_null (source);
}

static HlUpdateOffer *
find (const char *html)
{
  g_autoptr(GError) error = NULL;
  HlUpdateOffer *offer = hl_update_offer_find (html, strlen (html), PAGE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (offer);
  return offer;
}

/* The newest date wins; at one date, the ZIP. */
static void
test_newest (void)
{
  g_autoptr(HlUpdateOffer) offer = find (
    "<html><body><ul>\n"
    "<li><a href=\"https://medlineplus.gov/xml/mplus_topics_2026-11-20.xml\">old</a>\n"
    "<li><a href='xml/mplus_topics_2026-11-23.xml'>XML</a>\n"
    "<li><A HREF=\"/xml/mplus_topics_compressed_2026-11-23.zip\">ZIP</A>\n"
    "<li><a href=\"xml/mplus_topics_compressed_2026-11-20.zip\">old ZIP</a>\n"
    "<li><a href=\"xml/mplus_topic_groups_2026-11-23.xml\">groups</a>\n"
    "<li><a href=\"xml/mplus_topic_groups_2026-11-20.xml\">old groups</a>\n"
    "</ul>");

  g_assert_cmpstr (offer->date, ==, "2026-11-23");
  g_assert_cmpstr (offer->topics_uri, ==,
                   "https://medlineplus.gov/xml/mplus_topics_compressed_2026-11-23.zip");
  g_assert_cmpstr (offer->topics_name, ==, "mplus_topics_compressed_2026-11-23.zip");
  g_assert_cmpstr (offer->groups_uri, ==,
                   "https://medlineplus.gov/xml/mplus_topic_groups_2026-11-23.xml");
  g_assert_cmpstr (offer->groups_name, ==, "mplus_topic_groups_2026-11-23.xml");
}

/* Links a page must not lead to, and markup a real page has. */
static void
test_ignored_links (void)
{
  g_autoptr(HlUpdateOffer) offer = find (
    "<!DOCTYPE html><html><head><title>XML Files &amp; more</title></head><body>\n"
    /* Plain http to another host, another scheme, a bad date: ignored. */
    "<a href=\"http://mirror.example/mplus_topics_2099-01-01.xml\">spoof</a>\n"
    "<a href=\"ftp://medlineplus.gov/mplus_topics_2098-01-01.xml\">ftp</a>\n"
    "<a href=\"file:///etc/mplus_topics_2097-01-01.xml\">file</a>\n"
    "<a href=\"javascript:alert(1)//mplus_topics_2096-01-01.xml\">js</a>\n"
    "<a href=\"xml/mplus_topics_2026-02-31.xml\">no such day</a>\n"
    "<a href=\"xml/mplus_topics_2027-01-01.xml.gz\">other kind</a>\n"
    /* Another https host is fine, and entities and spaces are read. */
    "<a href=\" https://cdn.example/xml/mplus_topics_2026-11-21.xml?a=1&amp;b=2 \">cdn</a>\n"
    "<p>Unclosed <b>markup <a href=xml/mplus_topics_2026-11-19.xml>bare</a>\n");

  g_assert_cmpstr (offer->date, ==, "2026-11-21");
  g_assert_cmpstr (offer->topics_uri, ==,
                   "https://cdn.example/xml/mplus_topics_2026-11-21.xml?a=1&b=2");
  g_assert_cmpstr (offer->topics_name, ==, "mplus_topics_2026-11-21.xml");
  g_assert_null (offer->groups_uri);
}

/* The group file of the topics' date, else the newest before it. */
static void
test_groups (void)
{
  g_autoptr(HlUpdateOffer) offer = find (
    "<a href=\"mplus_topics_2026-11-23.xml\">t</a>"
    "<a href=\"mplus_topic_groups_2026-11-30.xml\">later</a>"
    "<a href=\"mplus_topic_groups_2026-11-01.xml\">earlier</a>"
    "<a href=\"mplus_topic_groups_2026-11-22.xml\">day before</a>");

  g_assert_cmpstr (offer->groups_name, ==, "mplus_topic_groups_2026-11-22.xml");
}

static void
test_no_file (void)
{
  const char *html = "<html><body><a href=\"mplus_topic_groups_2026-11-23.xml\">only groups</a>"
                     "<a href=\"xml.html\">self</a></body></html>";
  g_autoptr(GError) error = NULL;
  HlUpdateOffer *offer = hl_update_offer_find (html, strlen (html), PAGE, &error);

  g_assert_null (offer);
  g_assert_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_NO_FILE);
  g_assert_nonnull (strstr (error->message, PAGE));

  g_clear_error (&error);
  offer = hl_update_offer_find ("\0\1\2 not html", 12, PAGE, &error);
  g_assert_null (offer);
  g_assert_error (error, HL_UPDATE_ERROR, HL_UPDATE_ERROR_NO_FILE);
}

/* A plain http mirror may link its own files. */
static void
test_http_mirror (void)
{
  const char *html = "<a href=\"/files/mplus_topics_compressed_2026-11-23.zip\">z</a>"
                     "<a href=\"http://10.0.0.5:8080/files/mplus_topics_2026-11-30.xml\">other "
                     "port</a>";
  g_autoptr(GError) error = NULL;
  g_autoptr(HlUpdateOffer) offer = hl_update_offer_find (html, strlen (html),
                                                         "http://10.0.0.5/updates/", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (offer->topics_uri, ==,
                   "http://10.0.0.5/files/mplus_topics_compressed_2026-11-23.zip");
}

static void
test_for_file (void)
{
  g_autoptr(HlUpdateOffer) offer =
    hl_update_offer_for_file ("http://10.0.0.5/mirror/mplus_topics_compressed_2026-11-23.zip");

  g_assert_nonnull (offer);
  g_assert_cmpstr (offer->date, ==, "2026-11-23");
  g_assert_cmpstr (offer->topics_name, ==, "mplus_topics_compressed_2026-11-23.zip");
  g_assert_null (offer->groups_uri);
  g_assert_null (hl_update_offer_for_file (PAGE));
  g_assert_null (hl_update_offer_for_file ("http://10.0.0.5/mplus_topic_groups_2026-11-23.xml"));
  g_assert_null (hl_update_offer_for_file ("not a uri"));
}

static gboolean
allowed (const char *from,
         const char *to)
{
  g_autoptr(GUri) origin = g_uri_parse (from, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) target = g_uri_parse (to, G_URI_FLAGS_NONE, NULL);

  g_assert_nonnull (origin);
  g_assert_nonnull (target);
  return hl_update_is_allowed_target (origin, target);
}

static void
test_allowed_targets (void)
{
  g_assert_true (allowed ("https://medlineplus.gov/xml.html", "https://cdn.example/a.zip"));
  g_assert_true (allowed ("http://10.0.0.5/xml.html", "https://medlineplus.gov/a.zip"));
  g_assert_true (allowed ("http://10.0.0.5/xml.html", "http://10.0.0.5/b/a.zip"));
  g_assert_true (allowed ("http://10.0.0.5/xml.html", "http://10.0.0.5:80/a.zip"));
  g_assert_true (allowed ("http://Mirror.Example/x", "HTTP://mirror.example/a.zip"));

  /* Never down to plain http, to another plain-http server, or elsewhere. */
  g_assert_false (allowed ("https://medlineplus.gov/xml.html", "http://medlineplus.gov/a.zip"));
  g_assert_false (allowed ("http://10.0.0.5/xml.html", "http://10.0.0.6/a.zip"));
  g_assert_false (allowed ("http://10.0.0.5/xml.html", "http://10.0.0.5:8080/a.zip"));
  g_assert_false (allowed ("http://127.0.0.1:8080/x", "http://localhost:8080/a.zip"));
  g_assert_false (allowed ("https://medlineplus.gov/x", "ftp://medlineplus.gov/a.zip"));
  g_assert_false (allowed ("https://medlineplus.gov/x", "file:///etc/passwd"));
  g_assert_false (allowed ("https://medlineplus.gov/x", "data:text/plain,hello"));
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/update/file-names", test_file_names);
  g_test_add_func ("/core/update/ages", test_ages);
  g_test_add_func ("/core/update/store-dates", test_store_dates);
  g_test_add_func ("/core/update/offer/newest", test_newest);
  g_test_add_func ("/core/update/offer/ignored-links", test_ignored_links);
  g_test_add_func ("/core/update/offer/groups", test_groups);
  g_test_add_func ("/core/update/offer/no-file", test_no_file);
  g_test_add_func ("/core/update/offer/http-mirror", test_http_mirror);
  g_test_add_func ("/core/update/offer/for-file", test_for_file);
  g_test_add_func ("/core/update/allowed-targets", test_allowed_targets);

  return g_test_run ();
}
