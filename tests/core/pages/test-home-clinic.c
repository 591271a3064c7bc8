/* test-home-clinic.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The clinic a computer is at: named on the home page and on every printed
 * page, with only the facts the directory has; an id the directory does not
 * have means none. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-clinic-directory.h"
#include "hl-page-renderer.h"

#include "test-util.h"

/* Every kind of page, as it would be printed. */
static const char *printed_pages[] = {
  "hl://home", "hl://topic/3061", "hl://topic/3062", "hl://group/7", "hl://index/A",
  "hl://search?q=diab", "hl://clinic/longview", "hl://clinic/home-office",
};

/* The page without its head, whose stylesheet names every class. */
static const char *
body_of (const char *uri,
         const char *html)
{
  const char *body = strstr (html, "<body");

  if (body == NULL)
    g_error ("%s has no body", uri);
  return body;
}

/* What the screen shows: from <main> on. */
static const char *
main_of (const char *uri,
         const char *html)
{
  const char *main = strstr (html, "<main>");

  if (main == NULL)
    g_error ("%s has no <main>", uri);
  return main;
}

/* The printed banner: from <header class="handout"> to </header>. */
static char *
dup_handout (const char *uri,
             const char *html)
{
  const char *start = strstr (html, "<header class=\"handout\">");
  const char *end = start ? strstr (start, "</header>") : NULL;

  if (start == NULL || end == NULL)
    g_error ("%s has no printed banner", uri);

  return g_strndup (start, end - start);
}

static void
test_home_page (HlPageFixture *fixture,
                gconstpointer  data)
{
  const char *uri = "hl://home";
  g_autofree char *html = NULL;

  hl_page_renderer_set_home_clinic (fixture->renderer, "kilgore");
  g_assert_nonnull (hl_page_renderer_get_home_clinic (fixture->renderer));
  g_assert_cmpstr (hl_clinic_get_id (hl_page_renderer_get_home_clinic (fixture->renderer)), ==,
                   "kilgore");

  html = hl_test_render (fixture, uri);
  hl_test_assert_valid_page (uri, html);
  {
    /* Its name, its town and the helpline, before the topics. */
    static const char *order[] = {
      "<section class=\"callout home-clinic\"",
      ">This clinic</p>",
      "<p class=\"clinic-name\"><a href=\"hl://clinic/kilgore\">Kilgore</a></p>",
      "<p class=\"place\">Kilgore, TX</p>",
      "24/7 helpline:", "<a href=\"tel:+19032127500\">(903) 212-7500</a>",
      "</section>",
      "<section class=\"groups\">",
      NULL,
    };

    hl_test_assert_in_order (uri, main_of (uri, html), order);
  }

  /* The directory knows nothing more of Kilgore, and nothing is made up. */
  hl_test_assert_lacks (uri, html, "<dl class=\"facts\">");
  hl_test_assert_lacks (uri, html, "4002 Technology Center");
  hl_test_assert_lacks (uri, html, "247-0484");
  /* The helpline is said once on the screen, in the card. */
  g_assert_cmpuint (hl_test_count_occurrences (main_of (uri, html), "tel:+19032127500"), ==, 1);
}

static void
test_printed_pages (HlPageFixture *fixture,
                    gconstpointer  data)
{
  hl_page_renderer_set_home_clinic (fixture->renderer, "kilgore");

  for (guint i = 0; i < G_N_ELEMENTS (printed_pages); i++)
    {
      const char *uri = printed_pages[i];
      g_autofree char *html = hl_test_render (fixture, uri);
      g_autofree char *handout = dup_handout (uri, html);

      hl_test_assert_valid_page (uri, html);
      hl_test_assert_contains (uri, handout, "<strong>PhyNet Health</strong>");
      hl_test_assert_contains (uri, handout, "(903) 212-7500");
      /* Name and town, in the page's language, and no fact the directory
       * does not have. */
      hl_test_assert_contains (uri, handout,
                               g_str_equal (uri, "hl://topic/3062")
                                 ? "<p class=\"handout-clinic\"><span class=\"label\">Su clínica:</span> "
                                   "Kilgore, Kilgore, TX</p>"
                                 : "<p class=\"handout-clinic\"><span class=\"label\">Your clinic:</span> "
                                   "Kilgore, Kilgore, TX</p>");
      hl_test_assert_lacks (uri, handout, " · ");
    }
}

static void
assert_no_home_clinic (HlPageFixture *fixture)
{
  g_assert_null (hl_page_renderer_get_home_clinic (fixture->renderer));

  for (guint i = 0; i < G_N_ELEMENTS (printed_pages); i++)
    {
      const char *uri = printed_pages[i];
      g_autofree char *html = hl_test_render (fixture, uri);

      hl_test_assert_valid_page (uri, html);
      hl_test_assert_lacks (uri, body_of (uri, html), "home-clinic");
      hl_test_assert_lacks (uri, body_of (uri, html), "handout-clinic");
      hl_test_assert_lacks (uri, body_of (uri, html), "Your clinic");
      hl_test_assert_lacks (uri, body_of (uri, html), "This clinic");
    }
}

static void
test_none (HlPageFixture *fixture,
           gconstpointer  data)
{
  /* The default: the home page has the helpline in a callout of its own. */
  g_autofree char *home = hl_test_render (fixture, "hl://home");

  assert_no_home_clinic (fixture);
  hl_test_assert_contains ("hl://home", home, "<p class=\"callout\"><span class=\"helpline\">");

  /* Set, then cleared in every way the setting can say "none". */
  hl_page_renderer_set_home_clinic (fixture->renderer, "kilgore");
  hl_page_renderer_set_home_clinic (fixture->renderer, "");
  assert_no_home_clinic (fixture);

  hl_page_renderer_set_home_clinic (fixture->renderer, "kilgore");
  hl_page_renderer_set_home_clinic (fixture->renderer, NULL);
  assert_no_home_clinic (fixture);

  /* A clinic the directory no longer has, or an id spelled otherwise. */
  hl_page_renderer_set_home_clinic (fixture->renderer, "kilgore");
  hl_page_renderer_set_home_clinic (fixture->renderer, "dallas");
  assert_no_home_clinic (fixture);
  hl_page_renderer_set_home_clinic (fixture->renderer, "Kilgore");
  assert_no_home_clinic (fixture);
  hl_page_renderer_set_home_clinic (fixture->renderer, "../kilgore");
  assert_no_home_clinic (fixture);
}

static void
test_without_directory (void)
{
  g_autoptr(HlTopicStore) store = hl_test_import_library (NULL);
  g_autoptr(HlPageRenderer) renderer = hl_page_renderer_new (store, NULL);
  g_autofree char *html = NULL;

  /* No directory, no clinic to name. */
  hl_page_renderer_set_home_clinic (renderer, "kilgore");
  g_assert_null (hl_page_renderer_get_home_clinic (renderer));
  html = hl_page_renderer_render (renderer, "hl://home", NULL);
  g_assert_nonnull (html);
  hl_test_assert_lacks ("hl://home", body_of ("hl://home", html), "home-clinic");
}

static void
test_home_office (HlPageFixture *fixture,
                  gconstpointer  data)
{
  const char *uri = "hl://home";
  g_autofree char *html = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *handout = NULL;

  hl_page_renderer_set_home_clinic (fixture->renderer, "home-office");
  html = hl_test_render (fixture, uri);
  hl_test_assert_contains (uri, html, "<a href=\"hl://clinic/home-office\">PhyNet Health</a>");
  hl_test_assert_contains (uri, html, "<p class=\"place\">Home office, Longview, TX</p>");
  /* The facts the directory has for it. */
  hl_test_assert_contains (uri, html, "<dt>Address</dt><dd>4002 Technology Center<br>Longview, TX 75605</dd>");
  hl_test_assert_contains (uri, html, "<dt>Phone</dt><dd><a href=\"tel:+19032470484\">(903) 247-0484</a></dd>");
  hl_test_assert_contains (uri, html, "<dt>Fax</dt><dd>(903) 247-0485</dd>");
  hl_test_assert_lacks (uri, html, "<dt>Hours");

  topic = hl_test_render (fixture, "hl://topic/3061");
  handout = dup_handout ("hl://topic/3061", topic);
  hl_test_assert_contains ("hl://topic/3061", handout,
                           "Your clinic:</span> PhyNet Health, Longview, TX"
                           " · 4002 Technology Center, Longview, TX 75605"
                           " · Phone (903) 247-0484</p>");
}

/* A directory whose clinic has every fact, and characters to escape. */
static const char facts_json[] =
  "{ \"format\": 1,\n"
  "  \"organization\": { \"name\": \"Test & Co\", \"helpline\": \"(903) 555-0199\" },\n"
  "  \"clinics\": [\n"
  "    { \"id\": \"north\", \"name\": \"North <Test> Clinic\", \"city\": \"Northtown\",\n"
  "      \"state\": \"TX\", \"address\": \"10 North Road\\nSuite 2\", \"postal-code\": \"75000\",\n"
  "      \"phone\": \"(903) 555-0100\", \"fax\": \"(903) 555-0101\",\n"
  "      \"hours\": [ \"Mon–Fri 8:00–17:00\", \"Sat 9:00–12:00\" ],\n"
  "      \"services\": [ \"Family medicine\" ] }\n"
  "  ]\n"
  "}\n";

static void
test_all_facts (void)
{
  g_autofree char *dir = hl_test_scratch_dir ("facts");
  g_autofree char *path = g_build_filename (dir, "clinics.json", NULL);
  g_autoptr(HlClinicDirectory) clinics = NULL;
  g_autoptr(HlTopicStore) store = hl_test_import_library (NULL);
  g_autoptr(HlPageRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *handout = NULL;

  hl_test_write_or_die (path, facts_json, -1);
  clinics = hl_clinic_directory_new_from_file (path, &error);
  g_assert_no_error (error);
  renderer = hl_page_renderer_new (store, clinics);
  hl_page_renderer_set_home_clinic (renderer, "north");

  home = hl_page_renderer_render (renderer, "hl://home", &error);
  g_assert_no_error (error);
  hl_test_assert_valid_page ("hl://home", home);
  {
    static const char *order[] = {
      "<a href=\"hl://clinic/north\">North &lt;Test&gt; Clinic</a>",
      "<p class=\"place\">Northtown, TX</p>",
      "<dt>Address</dt><dd>10 North Road<br>Suite 2<br>Northtown, TX 75000</dd>",
      "<dt>Phone</dt><dd><a href=\"tel:+19035550100\">(903) 555-0100</a></dd>",
      "<dt>Fax</dt><dd>(903) 555-0101</dd>",
      "<dt>Hours</dt><dd>Mon–Fri 8:00–17:00<br>Sat 9:00–12:00</dd>",
      "<a href=\"tel:+19035550199\">(903) 555-0199</a>",
      NULL,
    };

    hl_test_assert_in_order ("hl://home", main_of ("hl://home", home), order);
  }
  /* The home card is about getting there and calling, not the services. */
  hl_test_assert_lacks ("hl://home", home, "Family medicine");

  topic = hl_page_renderer_render (renderer, "hl://topic/3061", &error);
  g_assert_no_error (error);
  handout = dup_handout ("hl://topic/3061", topic);
  hl_test_assert_contains ("hl://topic/3061", handout,
                           "<span class=\"label\">Your clinic:</span> North &lt;Test&gt; Clinic, "
                           "Northtown, TX · 10 North Road, Suite 2, Northtown, TX 75000"
                           " · Phone (903) 555-0100"
                           " · Hours Mon–Fri 8:00–17:00; Sat 9:00–12:00</p>");
  hl_test_assert_lacks ("hl://topic/3061", handout, "555-0101");

  /* The clinic's own page still lists everything, services too. */
  {
    g_autofree char *page = hl_page_renderer_render (renderer, "hl://clinic/north", &error);

    g_assert_no_error (error);
    hl_test_assert_contains ("hl://clinic/north", page, "<li>Family medicine</li>");
    hl_test_assert_contains ("hl://clinic/north", page, "<dt>Fax</dt><dd>(903) 555-0101</dd>");
  }
}

static void
test_spanish (HlPageFixture *fixture,
              gconstpointer  data)
{
  const char *uri = "hl://home?lang=es";
  g_autofree char *html = NULL;
  g_autofree char *topic = NULL;

  hl_page_renderer_set_home_clinic (fixture->renderer, "home-office");
  html = hl_test_render (fixture, uri);
  hl_test_assert_contains (uri, html, ">Esta clínica</p>");
  hl_test_assert_contains (uri, html, "<p class=\"place\">Oficina central, Longview, TX</p>");
  hl_test_assert_contains (uri, html, "<dt>Dirección</dt>");

  topic = hl_test_render (fixture, "hl://topic/3062");
  hl_test_assert_contains ("hl://topic/3062", topic, "<span class=\"label\">Su clínica:</span>");
  hl_test_assert_contains ("hl://topic/3062", topic, " · Teléfono (903) 247-0484</p>");
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add ("/core/home-clinic/" path, HlPageFixture, NULL, hl_page_fixture_set_up, func, \
              hl_page_fixture_tear_down)

  ADD ("home-page", test_home_page);
  ADD ("printed-pages", test_printed_pages);
  ADD ("none", test_none);
  ADD ("home-office", test_home_office);
  ADD ("spanish", test_spanish);
  g_test_add_func ("/core/home-clinic/without-directory", test_without_directory);
  g_test_add_func ("/core/home-clinic/all-facts", test_all_facts);

#undef ADD

  return g_test_run ();
}
