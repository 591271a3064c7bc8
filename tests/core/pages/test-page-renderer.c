/* test-page-renderer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pages: home, topics, groups and the index, addresses, no library. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hl-catalog.h"
#include "hl-clinic-directory.h"
#include "hl-error.h"
#include "hl-medlineplus-importer.h"
#include "hl-page-renderer.h"
#include "hl-paths.h"
#include "hl-qr.h"
#include "hl-topic-store.h"

#include "test-util.h"

/* Home */

static void
test_home (HlPageFixture *fixture,
           gconstpointer  data)
{
  const char *uri = "hl://home";
  g_autofree char *html = hl_test_render (fixture, uri);
  g_autofree char *letters = hl_topic_store_dup_index_letters (fixture->store, "en", NULL);

  hl_test_assert_contains (uri, html, "<html lang=\"en\"");
  hl_test_assert_contains (uri, html, "PhyNet Health");
  hl_test_assert_contains (uri, html, "<a href=\"tel:+19032127500\">(903) 212-7500</a>");

  /* Groups with their counts. */
  hl_test_assert_contains (uri, html, "<a href=\"hl://group/12?lang=en\">Infections</a>");
  hl_test_assert_contains (uri, html, "Infections</a> <span class=\"count\">7 topics</span>");
  hl_test_assert_contains (uri, html, "Symptoms</a> <span class=\"count\">1 topic</span>");
  g_assert_cmpuint (hl_test_count_occurrences (html, "href=\"hl://group/"), ==, 23);
  hl_test_assert_lacks (uri, html, "Infecciones");
  {
    static const char *order[] = {
      ">Blood, Heart and Circulation<", ">Digestive System<", ">Infections<", ">Symptoms<", NULL,
    };
    hl_test_assert_in_order (uri, html, order);
  }

  /* Every index letter, linked. */
  g_assert_cmpstr (letters, ==, "ABCDFGMNOPSTU");
  for (const char *l = letters; *l != '\0'; l++)
    {
      g_autofree char *link = g_strdup_printf ("<a href=\"hl://index/%c?lang=en\">%c</a>", *l, *l);

      hl_test_assert_contains (uri, html, link);
    }
  hl_test_assert_lacks (uri, html, "hl://index/E?lang=en");

  /* The starter is the sample, and the page says so. */
  hl_test_assert_contains (uri, html, "class=\"notice\"");
  hl_test_assert_contains (uri, html, "sample");

  /* Where the information comes from, and of when. */
  hl_test_assert_contains (uri, html, "<a href=\"https://medlineplus.gov/\">MedlinePlus</a>");
  hl_test_assert_contains (uri, html, "National Library of Medicine");
  hl_test_assert_contains (uri, html, "November 23, 2026");
  hl_test_assert_contains (uri, html, "39 topics in English");
  hl_test_assert_contains (uri, html, "17 topics in Spanish");

  /* The clinics, alphabetically by town, and a way to the other language. */
  hl_test_assert_contains (uri, html, "<a href=\"hl://clinic/hughes-springs\">Hughes Springs</a>");
  {
    static const char *order[] = {
      ">Gladewater<", ">Hughes Springs<", ">Jefferson<", ">Kilgore<", ">Lindale<", ">Linden<",
      ">Lone Star<", ">Longview<", ">Marshall<", ">Tatum<", NULL,
    };
    hl_test_assert_in_order (uri, html, order);
  }
  hl_test_assert_contains (uri, html, "href=\"hl://home?lang=es\"");
}

static void
test_home_spanish (HlPageFixture *fixture,
                   gconstpointer  data)
{
  const char *uri = "hl://home?lang=es";
  g_autofree char *html = hl_test_render (fixture, uri);
  g_autofree char *by_default = NULL;
  g_autofree char *count = NULL;
  g_autofree char *expected = NULL;

  hl_test_assert_contains (uri, html, "<html lang=\"es\"");
  hl_test_assert_contains (uri, html, "<a href=\"hl://group/12?lang=es\">Infecciones</a>");
  /* A Spanish page says its counts in Spanish, whatever the UI language. */
  count = g_strdup_printf (hl_catalog_ngettext ("es", "%u topic", "%u topics", 3), 3);
  expected = g_strdup_printf (">Síntomas</a> <span class=\"count\">%s</span>", count);
  hl_test_assert_contains (uri, html, expected);
  g_assert_cmpuint (hl_test_count_occurrences (html, "href=\"hl://group/"), ==, 11);
  hl_test_assert_lacks (uri, html, ">Infections<");
  hl_test_assert_contains (uri, html, "<a href=\"hl://index/Q?lang=es\">Q</a>");
  hl_test_assert_contains (uri, html, "href=\"hl://home?lang=en\"");

  /* Pages without a language use the renderer's. */
  g_assert_cmpstr (hl_page_renderer_get_language (fixture->renderer), ==, "en");
  hl_page_renderer_set_language (fixture->renderer, "es");
  g_assert_cmpstr (hl_page_renderer_get_language (fixture->renderer), ==, "es");
  by_default = hl_test_render (fixture, "hl://home");
  hl_test_assert_contains ("hl://home (es)", by_default, ">Infecciones</a>");
  hl_page_renderer_set_language (fixture->renderer, "xx");
  g_assert_cmpstr (hl_page_renderer_get_language (fixture->renderer), ==, "en");
}

/* A library that is not the sample carries no notice. */
static void
test_home_not_sample (HlPageFixture *fixture,
                      gconstpointer  data)
{
  const char *uri = "hl://home";
  g_autofree char *html = hl_test_render (fixture, uri);

  g_assert_false (hl_topic_store_is_sample (fixture->store));
  hl_test_assert_lacks (uri, html, "class=\"notice\"");
  hl_test_assert_contains (uri, html, "May 6, 2026");
}

/* Topics */

static void
test_topic (HlPageFixture *fixture,
            gconstpointer  data)
{
  const char *uri = "hl://topic/3061";
  g_autofree char *html = hl_test_render (fixture, uri);
  static const char *sections[] = {
    "<h2>Summary</h2>",
    "<h2>Start Here</h2>",
    "<h2>Diagnosis and Tests</h2>",
    "<h2>Specifics</h2>",
    "<h2>Clinical Trials</h2>",
    "<h2>Journal Articles</h2>",
    "<h2>Find an Expert</h2>",
    "<h2>Children</h2>",
    "<h2>Teenagers</h2>",
    "<h2>Patient Handouts</h2>",
    NULL,
  };

  hl_test_assert_contains (uri, html, "<html lang=\"en\"");
  hl_test_assert_contains (uri, html, "<title>Abdominal Pain</title>");
  hl_test_assert_contains (uri, html, "<h1>Abdominal Pain</h1>");
  hl_test_assert_contains (uri, html, "Bellyache");
  hl_test_assert_contains (uri, html, "Your abdomen extends from below your chest to your groin.");
  hl_test_assert_contains (uri, html, "<li>You can&#39;t move your bowels");

  /* Sections in MedlinePlus's order, whatever the file's. */
  hl_test_assert_in_order (uri, html, sections);

  /* Sites: link, organizations, standard descriptions, the other language. */
  hl_test_assert_contains (uri, html, "href=\"https://gi.org/topics/abdominal-pain/\"");
  hl_test_assert_contains (uri, html, ">Abdominal Pain Syndrome</a>");
  hl_test_assert_contains (uri, html, "American College of Gastroenterology");
  hl_test_assert_contains (uri, html, "Radiological Society of North America, American College of Radiology");
  hl_test_assert_contains (uri, html, ">Video<");
  hl_test_assert_contains (uri, html, "href=\"https://gi.org/patients/recursos-en-espanol/dolor-abdominal/\"");
  hl_test_assert_contains (uri, html, "href=\"https://www.mayoclinic.org/symptoms/abdominal-pain/basics/definition/SYM-20050728?DSECTION=all&amp;p=1\"");

  /* The Spanish counterpart, in the app. */
  hl_test_assert_contains (uri, html, "<a href=\"hl://topic/3062\">Dolor abdominal</a>");

  /* Groups, see-references, MeSH and the date, from the record. */
  hl_test_assert_contains (uri, html, "<a href=\"hl://group/2?lang=en\">Digestive System</a>");
  hl_test_assert_contains (uri, html, "<a href=\"hl://group/31?lang=en\">Symptoms</a>");
  hl_test_assert_contains (uri, html, "Stomach Ache");
  hl_test_assert_contains (uri, html, "January 7, 2003");

  /* Related topics the library lacks go to MedlinePlus. */
  hl_test_assert_contains (uri, html, "href=\"https://medlineplus.gov/indigestion.html\"");
  hl_test_assert_contains (uri, html, ">Pelvic Pain</a>");

  /* The source and the credit. */
  hl_test_assert_contains (uri, html, "href=\"https://medlineplus.gov/abdominalpain.html\"");
  hl_test_assert_contains (uri, html, "<a href=\"https://medlineplus.gov/\">MedlinePlus</a>");
  hl_test_assert_contains (uri, html, "November 23, 2026");
}

static void
test_topic_spanish (HlPageFixture *fixture,
                    gconstpointer  data)
{
  const char *uri = "hl://topic/3062";
  g_autofree char *html = hl_test_render (fixture, uri);
  static const char *sections[] = {
    "<h2>Resúmenes</h2>", "<h2>Diagnósticos/Síntomas</h2>", "<h2>Niños</h2>", NULL,
  };

  hl_test_assert_contains (uri, html, "<html lang=\"es\"");
  hl_test_assert_contains (uri, html, "<h1>Dolor abdominal</h1>");
  hl_test_assert_contains (uri, html, "Dolor de estómago");
  hl_test_assert_contains (uri, html, "<a href=\"hl://topic/3061\">Abdominal Pain</a>");
  hl_test_assert_contains (uri, html, "<a href=\"hl://group/2?lang=es\">Sistema digestivo</a>");
  hl_test_assert_contains (uri, html, "href=\"https://medlineplus.gov/spanish/abdominalpain.html\"");
  hl_test_assert_in_order (uri, html, sections);

  /* Categories MedlinePlus never shows are not sections. */
  hl_test_assert_lacks (uri, html, "NON-DISPLAY");

  /* The page's own headings are in Spanish too, whatever the UI language. */
  {
    g_autofree char *summary = g_strdup_printf ("<h2>%s</h2>", hl_catalog_gettext ("es", "Summary"));

    g_assert_cmpstr (hl_catalog_gettext ("es", "Summary"), !=, "Summary");
    hl_test_assert_contains (uri, html, summary);
    hl_test_assert_lacks (uri, html, "<h2>Summary</h2>");
  }
}

/* Read on your phone: the code of the topic's own MedlinePlus address, in
 * the topic's language, served by the app as an image. */
static void
assert_topic_qr (HlPageFixture *fixture,
                 int            id,
                 const char    *language,
                 const char    *url,
                 const char    *heading)
{
  g_autofree char *uri = g_strdup_printf ("hl://topic/%d", id);
  g_autofree char *qr_uri = g_strdup_printf ("hl://qr/%d", id);
  g_autofree char *html = hl_test_render (fixture, uri);
  g_autofree char *img = g_strdup_printf ("<img class=\"qr\" src=\"%s\" alt=\"", qr_uri);
  g_autofree char *address = g_strdup_printf ("<p class=\"address\">%s</p>", url);
  g_autofree char *title = g_strdup_printf ("<h2 id=\"phone-heading\">%s</h2>", heading);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(HlQrCode) expected = hl_qr_code_new (url, NULL);
  g_autofree char *expected_svg = NULL;
  g_autofree char *alt = g_strdup_printf (hl_catalog_gettext (language, "QR code of %s"), url);
  const char *content_type = NULL;
  static const char *order[] = { "<h1>", "class=\"phone\"", "class=\"summary\"", NULL };

  hl_test_assert_contains (uri, html, title);
  hl_test_assert_contains (uri, html, img);
  hl_test_assert_contains (uri, html, address);
  /* Larger on request, without a script. */
  hl_test_assert_contains (uri, html, "<details>");
  hl_test_assert_contains (uri, html, "class=\"qr-large\"");
  hl_test_assert_in_order (uri, html, order);

  svg = hl_page_renderer_render_resource (fixture->renderer, qr_uri, &content_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content_type, ==, "image/svg+xml");
  expected_svg = hl_qr_code_to_svg (expected, alt);
  g_assert_cmpmem (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg),
                   expected_svg, strlen (expected_svg));

  /* It is an image, not a page. */
  hl_test_assert_not_found (fixture->renderer, qr_uri);
}

static void
test_topic_qr (HlPageFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *content_type = NULL;
  const char *missing[] = { "hl://qr/999999999", "hl://qr/abc", "hl://qr", "hl://qr/3061/x" };

  assert_topic_qr (fixture, 3061, "en", "https://medlineplus.gov/abdominalpain.html",
                   "Read on Your Phone");
  assert_topic_qr (fixture, 3062, "es", "https://medlineplus.gov/spanish/abdominalpain.html",
                   hl_catalog_gettext ("es", "Read on Your Phone"));
  g_assert_cmpstr (hl_catalog_gettext ("es", "Read on Your Phone"), !=, "Read on Your Phone");

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      bytes = hl_page_renderer_render_resource (fixture->renderer, missing[i], &content_type, &error);
      g_assert_null (bytes);
      g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }

  /* Pages come the same way, as HTML. */
  bytes = hl_page_renderer_render_resource (fixture->renderer, "hl://topic/3061", &content_type,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content_type, ==, "text/html; charset=utf-8");
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "<!DOCTYPE html>"));
}

static void
test_topic_links (HlPageFixture *fixture,
                  gconstpointer  data)
{
  g_autofree char *poisoning = hl_test_render (fixture, "hl://topic/364");
  g_autofree char *a1c = hl_test_render (fixture, "hl://topic/6308");

  /* Related topics the library has open in the app. */
  hl_test_assert_contains ("hl://topic/364", poisoning, "<a href=\"hl://topic/1330\">");
  hl_test_assert_contains ("hl://topic/364", poisoning, "<a href=\"hl://topic/1569\">");
  hl_test_assert_contains ("hl://topic/364", poisoning, "<a href=\"hl://topic/2095\">");

  /* Links in the summary to a topic in the library open it in the app;
   * others stay on the web. */
  hl_test_assert_contains ("hl://topic/6308", a1c, "<a href=\"hl://topic/5784\">prediabetes</a>");
  hl_test_assert_contains ("hl://topic/6308", a1c,
                   "<a href=\"https://medlineplus.gov/diabetestype2.html\">type 2 diabetes</a>");

  /* A counterpart the library lacks links to MedlinePlus. */
  hl_test_assert_contains ("hl://topic/6308", a1c, "href=\"https://medlineplus.gov/spanish/a1c.html\"");
  hl_test_assert_contains ("hl://topic/6308", a1c, "Prueba de hemoglobina glicosilada (HbA1c)");
  hl_test_assert_contains ("hl://topic/6308", a1c, "National Institute of Diabetes and Digestive and Kidney Diseases");
  hl_test_assert_contains ("hl://topic/6308", a1c, "href=\"https://www.niddk.nih.gov\"");
  hl_test_assert_contains ("hl://topic/6308", a1c, "Glycohemoglobin");
  hl_test_assert_contains ("hl://topic/6308", a1c, "HbA1C");
  hl_test_assert_contains ("hl://topic/6308", a1c, "Hemoglobin A1c");
  hl_test_assert_contains ("hl://topic/6308", a1c, "Glycated Hemoglobin");
  hl_test_assert_contains ("hl://topic/6308", a1c, "December 22, 2015");
}

/* Sections in MedlinePlus's order from a file that lists them any which way. */
static void
test_topic_sections (HlPageFixture *fixture,
                     gconstpointer  data)
{
  const char *uri = "hl://topic/9401";
  g_autofree char *html = hl_test_render (fixture, uri);
  static const char *order[] = {
    "<h2>Start Here</h2>",
    "Start One",
    "Start Two",
    "<h2>Treatments and Therapies</h2>",
    "<h2>Learn More</h2>",
    "Learn One",
    "Learn Two",
    "<h2>Clinical Trials</h2>",
    "<h2>Children</h2>",
    "<h2>Patient Handouts</h2>",
    "Handout One",
    NULL,
  };

  hl_test_assert_in_order (uri, html, order);
  hl_test_assert_contains (uri, html, "<h2>Unheard-of Category</h2>");
  hl_test_assert_contains (uri, html, "Odd One");
  hl_test_assert_lacks (uri, html, "NON-DISPLAY");
  hl_test_assert_lacks (uri, html, "Spanish/Español");
  hl_test_assert_lacks (uri, html, "Hidden One");

  /* A site in two categories is listed in both. */
  g_assert_cmpuint (hl_test_count_occurrences (html, ">Start Two</a>"), ==, 2);
  g_assert_cmpuint (hl_test_count_occurrences (html, ">Handout One</a>"), ==, 2);

  /* The rest of the record. */
  hl_test_assert_contains (uri, html, "<h1>Section Order</h1>");
  hl_test_assert_contains (uri, html, "Many spaces here");
  hl_test_assert_contains (uri, html, "Descriptor One (diagnosis, therapy)");
  hl_test_assert_contains (uri, html, "Descriptor Two");
  hl_test_assert_contains (uri, html, "href=\"https://medlineplus.gov/languages/chinese.html\"");
  hl_test_assert_contains (uri, html, "Chinese (中文)");
  hl_test_assert_contains (uri, html, "First Reference");
  hl_test_assert_contains (uri, html, "Institute Name");
  hl_test_assert_contains (uri, html, "<a href=\"hl://topic/9402\">Bare Topic</a>");
  hl_test_assert_contains (uri, html, "href=\"https://medlineplus.gov/notinlibrary.html\"");
  hl_test_assert_contains (uri, html, "July 8, 2026");

  /* A topic with nothing but its title still has a page. */
  {
    g_autofree char *bare = hl_test_render (fixture, "hl://topic/9402");

    hl_test_assert_contains ("hl://topic/9402", bare, "<h1>Bare Topic</h1>");
    hl_test_assert_contains ("hl://topic/9402", bare, "href=\"https://medlineplus.gov/bare.html\"");
  }
}

/* Groups and the index */

static void
test_group (HlPageFixture *fixture,
            gconstpointer  data)
{
  static const char *spanish[] = {
    ">Acidez estomacal<", ">Colitis ulcerativa<", ">Dolor abdominal<", NULL,
  };
  static const char *english[] = {
    ">Abdominal Pain<", ">Celiac Disease<", ">Crohn&#39;s Disease<", ">Ulcerative Colitis<", NULL,
  };
  const char *uri = "hl://group/2?lang=es";
  g_autofree char *html = hl_test_render (fixture, uri);
  g_autofree char *en = hl_test_render (fixture, "hl://group/2?lang=en");
  g_autofree char *infections = hl_test_render (fixture, "hl://group/12");

  hl_test_assert_contains (uri, html, "<html lang=\"es\"");
  hl_test_assert_contains (uri, html, "<h1>Sistema digestivo</h1>");
  hl_test_assert_in_order (uri, html, spanish);
  hl_test_assert_topic_links_in (uri, html, fixture->store, "es", 3);
  hl_test_assert_lacks (uri, html, "Abdominal Pain");
  hl_test_assert_contains (uri, html, "href=\"https://medlineplus.gov/spanish/digestivesystem.html\"");

  hl_test_assert_contains ("hl://group/2?lang=en", en, "<h1>Digestive System</h1>");
  hl_test_assert_in_order ("hl://group/2?lang=en", en, english);
  hl_test_assert_topic_links_in ("hl://group/2?lang=en", en, fixture->store, "en", 4);

  hl_test_assert_contains ("hl://group/12", infections, "<h1>Infections</h1>");
  hl_test_assert_contains ("hl://group/12", infections, "7 topics");
  hl_test_assert_topic_links_in ("hl://group/12", infections, fixture->store, "en", 7);

  /* A language we do not have: the renderer's, or no page. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *french = hl_page_renderer_render (fixture->renderer, "hl://group/2?lang=fr",
                                                       &error);

    if (french != NULL)
      {
        hl_test_assert_valid_page ("hl://group/2?lang=fr", french);
        hl_test_assert_contains ("hl://group/2?lang=fr", french, "<html lang=\"en\"");
        hl_test_assert_contains ("hl://group/2?lang=fr", french, "<h1>Digestive System</h1>");
      }
    else
      g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  }

  /* A group with no Spanish topics: no page, or a page without topics. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *empty = hl_page_renderer_render (fixture->renderer, "hl://group/9001?lang=es",
                                                      &error);

    if (empty != NULL)
      {
        hl_test_assert_valid_page ("hl://group/9001?lang=es", empty);
        hl_test_assert_contains ("hl://group/9001?lang=es", empty, "<h1>Cánceres</h1>");
        hl_test_assert_topic_links_in ("hl://group/9001?lang=es", empty, fixture->store, "es", 0);
      }
    else
      g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  }
  hl_test_assert_not_found (fixture->renderer, "hl://group/424242?lang=en");
}

static void
test_index (HlPageFixture *fixture,
            gconstpointer  data)
{
  static const char *a_en[] = {
    ">A1C<", ">Abdominal Pain<", ">Abortion<", ">Abscess<", ">Acupuncture<", ">Anxiety<",
    ">Arsenic<", ">Arthritis<", ">Asbestos<", ">Asthma<", NULL,
  };
  const char *uri = "hl://index/A?lang=en";
  g_autofree char *html = hl_test_render (fixture, uri);
  g_autofree char *lower = hl_test_render (fixture, "hl://index/a?lang=en");
  g_autofree char *first = hl_test_render (fixture, "hl://index?lang=es");
  g_autofree char *none = hl_test_render (fixture, "hl://index/X?lang=en");

  hl_test_assert_contains (uri, html, "<html lang=\"en\"");
  hl_test_assert_in_order (uri, html, a_en);
  hl_test_assert_topic_links_in (uri, html, fixture->store, "en", 10);
  hl_test_assert_contains (uri, html, "<a href=\"hl://index/B?lang=en\">B</a>");
  hl_test_assert_lacks (uri, html, "<a href=\"hl://index/A?lang=en\">");
  hl_test_assert_contains (uri, html, "href=\"hl://index/A?lang=es\"");

  hl_test_assert_topic_links_in ("hl://index/a?lang=en", lower, fixture->store, "en", 10);

  /* Without a letter: the first one. */
  hl_test_assert_contains ("hl://index?lang=es", first, ">Abscesos<");
  hl_test_assert_topic_links_in ("hl://index?lang=es", first, fixture->store, "es", 7);

  /* A letter without topics. */
  hl_test_assert_topic_links_in ("hl://index/X?lang=en", none, fixture->store, "en", 0);

  hl_test_assert_not_found (fixture->renderer, "hl://index/AB?lang=en");
  hl_test_assert_not_found (fixture->renderer, "hl://index/%C3%89?lang=en");
}

static void
test_index_accents (HlPageFixture *fixture,
                    gconstpointer  data)
{
  static const char *a_es[] = { ">Ácido fólico<", ">Acné<", ">Adicción<", NULL };
  g_autofree char *u = hl_test_render (fixture, "hl://index/U?lang=es");
  g_autofree char *a = hl_test_render (fixture, "hl://index/A?lang=es");
  g_autofree char *number = hl_test_render (fixture, "hl://index/0?lang=en");

  hl_test_assert_contains ("hl://index/U?lang=es", u, "<a href=\"hl://topic/9101\">Úlcera péptica</a>");
  hl_test_assert_in_order ("hl://index/A?lang=es", a, a_es);
  hl_test_assert_contains ("hl://index/0?lang=en", number, "<a href=\"hl://topic/9106\">3D Mammography</a>");
  hl_test_assert_contains ("hl://index/0?lang=en", number, "<a href=\"hl://index/E?lang=en\">E</a>");
}

/* Addresses without pages */

static void
test_not_found (HlPageFixture *fixture,
                gconstpointer  data)
{
  static const char *uris[] = {
    "hl://topic/999999999", "hl://topic/6309", "hl://topic/0", "hl://topic/-5", "hl://topic/abc",
    "hl://topic/3061abc", "hl://topic/", "hl://topic", "hl://topic/3061/extra",
    "hl://topic/99999999999999999999", "hl://nope", "hl://", "hl:", "", "home",
    "https://example.org", "http://medlineplus.gov/", "javascript:alert(1)", "file:///etc/passwd",
    "hl://group/abc", "hl://group/", "hl://group/0?lang=en", "hl://home/extra",
    "hl://clinic/../../etc/passwd", "HL://nope", "not a uri",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    hl_test_assert_not_found (fixture->renderer, uris[i]);
}

/* Without a library or clinics */

static void
test_without_library (void)
{
  g_autoptr(HlClinicDirectory) clinics = hl_test_load_clinics ();
  g_autoptr(HlPageRenderer) renderer = hl_page_renderer_new (NULL, clinics);
  g_autoptr(HlPageRenderer) bare = hl_page_renderer_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *office = NULL;
  g_autofree char *message = NULL;

  g_assert_null (hl_page_renderer_get_store (renderer));
  g_assert_true (hl_page_renderer_get_clinics (renderer) == clinics);

  html = hl_page_renderer_render (renderer, "hl://home", &error);
  g_assert_null (html);
  g_assert_error (error, HL_ERROR, HL_ERROR_NO_LIBRARY);
  g_clear_error (&error);

  html = hl_page_renderer_render (renderer, "hl://topic/3061", &error);
  g_assert_null (html);
  g_assert_nonnull (error);
  g_clear_error (&error);

  html = hl_page_renderer_render (bare, "hl://search?q=diab", &error);
  g_assert_null (html);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The clinics do not need the library. */
  office = hl_page_renderer_render (renderer, "hl://clinic/home-office", &error);
  g_assert_no_error (error);
  hl_test_assert_valid_page ("hl://clinic/home-office", office);
  hl_test_assert_contains ("hl://clinic/home-office", office, "4002 Technology Center");

  /* A message page, escaped like everything else. */
  message = hl_page_renderer_render_message (bare, "Can't <open>", "The file \"x\" & <y> 'z'");
  hl_test_assert_valid_page ("message", message);
  hl_test_assert_contains ("message", message, "Can&#39;t &lt;open&gt;");
  hl_test_assert_contains ("message", message, "The file &quot;x&quot; &amp; &lt;y&gt; &#39;z&#39;");
  hl_test_assert_contains ("message", message, "href=\"hl://home\"");

  /* A library given later is used. */
  {
    g_autoptr(HlTopicStore) store = hl_test_import_library (NULL);
    g_autofree char *home = NULL;

    hl_page_renderer_set_store (renderer, store);
    g_assert_true (hl_page_renderer_get_store (renderer) == store);
    home = hl_page_renderer_render (renderer, "hl://home", &error);
    g_assert_no_error (error);
    hl_test_assert_valid_page ("hl://home", home);
  }
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, file, func) \
  g_test_add ("/core/renderer/" path, HlPageFixture, file, hl_page_fixture_set_up, func, \
              hl_page_fixture_tear_down)

  ADD ("home", NULL, test_home);
  ADD ("home-spanish", NULL, test_home_spanish);
  ADD ("home-not-sample", "special-characters.xml", test_home_not_sample);
  ADD ("topic", NULL, test_topic);
  ADD ("topic-spanish", NULL, test_topic_spanish);
  ADD ("topic-links", NULL, test_topic_links);
  ADD ("topic-qr", NULL, test_topic_qr);
  ADD ("topic-sections", "full-record.xml", test_topic_sections);
  ADD ("group", NULL, test_group);
  ADD ("index", NULL, test_index);
  ADD ("index-accents", "index-letters.xml", test_index_accents);
  ADD ("not-found", NULL, test_not_found);
  g_test_add_func ("/core/renderer/without-library", test_without_library);

#undef ADD

  return g_test_run ();
}
