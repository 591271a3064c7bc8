/* test-page-renderer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hl-catalog.h"
#include "hl-clinic-directory.h"
#include "hl-error.h"
#include "hl-medlineplus-importer.h"
#include "hl-page-renderer.h"
#include "hl-paths.h"
#include "hl-topic-store.h"
#include "test-util.h"

/* Each test renders from a library of its own, built in its private data
 * dir (G_TEST_OPTION_ISOLATE_DIRS removes it afterwards), and the clinic
 * directory shipped in data/clinics.json. */
typedef struct
{
  HlTopicStore      *store;
  HlClinicDirectory *clinics;
  HlPageRenderer    *renderer;
} Fixture;

static HlTopicStore *
import_library (const char *file)
{
  g_autofree char *topics = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "renderer-tests", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autoptr(HlMedlinePlusImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  HlTopicStore *store;

  topics = file ? g_test_build_filename (G_TEST_DIST, "data", file, NULL)
                : hl_paths_find_starter_topics ();
  g_assert_nonnull (topics);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  importer = hl_medlineplus_importer_new (topics);
  hl_medlineplus_importer_set_library_path (importer, library);
  if (!hl_medlineplus_importer_run (importer, NULL, &error))
    g_error ("Importing %s failed: %s", topics, error->message);

  store = hl_topic_store_open (library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static HlClinicDirectory *
load_clinics (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "clinics.json", NULL);
  g_autoptr(GError) error = NULL;
  HlClinicDirectory *clinics = hl_clinic_directory_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (clinics);
  return clinics;
}

/* NULL: the installed starter corpus; otherwise a file in tests/data. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = import_library (data);
  fixture->clinics = load_clinics ();
  fixture->renderer = hl_page_renderer_new (fixture->store, fixture->clinics);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->renderer);
  g_clear_object (&fixture->clinics);
  g_clear_object (&fixture->store);
}

/* Page checks */

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* Where @needle first is in @html, or -1. */
static gssize
index_of (const char *html,
          const char *needle)
{
  const char *p = strstr (html, needle);

  return p ? p - html : -1;
}

static void
assert_contains (const char *uri,
                 const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    g_test_fail_printf ("%s: the page does not contain “%s”", uri, needle);
}

static void
assert_lacks (const char *uri,
              const char *html,
              const char *needle)
{
  if (strstr (html, needle) != NULL)
    g_test_fail_printf ("%s: the page contains “%s”", uri, needle);
}

/* @needles appear in this order. */
static void
assert_in_order (const char         *uri,
                 const char         *html,
                 const char * const *needles)
{
  gssize last = -1;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      gssize at = index_of (html, needles[i]);

      if (at < 0)
        g_test_fail_printf ("%s: the page does not contain “%s”", uri, needles[i]);
      else if (at < last)
        g_test_fail_printf ("%s: “%s” comes before “%s”", uri, needles[i], needles[i - 1]);
      last = MAX (last, at);
    }
}

/* The body may not run code, load anything or restyle the page; every '<'
 * in it starts a real tag, and every '&' an entity. */
static void
assert_body_is_safe (const char *uri,
                     const char *html)
{
  static const char *forbidden_tags[] = {
    "<script", "<iframe", "<svg", "<object", "<form", "<embed", "<math", "<style", "<img",
    "<input", "<button", "<link", "<meta", "<base", "<frame", "<textarea", "<select",
  };
  static const char *forbidden_in_tags[] = {
    "onerror", "onmouseover", "onload", "onclick", "javascript:", "vbscript:", "data:",
    "style=", "srcdoc", "src=",
  };
  g_autofree char *lower = NULL;
  const char *body = strstr (html, "<body");

  if (body == NULL)
    {
      g_test_fail_printf ("%s: the page has no body", uri);
      return;
    }
  lower = g_ascii_strdown (body, -1);

  for (guint i = 0; i < G_N_ELEMENTS (forbidden_tags); i++)
    if (strstr (lower, forbidden_tags[i]) != NULL)
      g_test_fail_printf ("%s: the body has “%s”", uri, forbidden_tags[i]);

  for (const char *p = strchr (lower, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      const char *next = strchr (p + 1, '<');
      g_autofree char *tag = NULL;
      const char *href;

      if (end == NULL || (next != NULL && next < end))
        {
          g_test_fail_printf ("%s: a '<' in the body does not start a tag", uri);
          return;
        }
      tag = g_strndup (p, end - p + 1);
      for (guint i = 0; i < G_N_ELEMENTS (forbidden_in_tags); i++)
        if (strstr (tag, forbidden_in_tags[i]) != NULL)
          g_test_fail_printf ("%s: the tag “%s” has “%s”", uri, tag, forbidden_in_tags[i]);

      href = strstr (tag, "href=\"");
      if (href != NULL)
        {
          href += strlen ("href=\"");
          if (!g_str_has_prefix (href, "hl://") && !g_str_has_prefix (href, "https://") &&
              !g_str_has_prefix (href, "http://") && !g_str_has_prefix (href, "tel:"))
            g_test_fail_printf ("%s: the link “%s” is not allowed", uri, tag);
        }
    }

  for (const char *p = strchr (body, '&'); p != NULL; p = strchr (p + 1, '&'))
    {
      gsize n = 1;

      if (p[1] == '#')
        {
          n = 2;
          while (g_ascii_isdigit (p[n]))
            n++;
        }
      else
        while (g_ascii_isalpha (p[n]))
          n++;

      if (n < 2 || p[n] != ';')
        {
          g_autofree char *context = g_strndup (p, 24);

          g_test_fail_printf ("%s: a raw '&' in the body: “%s”", uri, context);
          return;
        }
    }
}

/* What every page must be: one complete UTF-8 document with our one style
 * sheet and the content security policy, balanced and safe. */
static void
assert_valid_page (const char *uri,
                   const char *html)
{
  static const char *pairs[][2] = {
    { "<a ", "</a>" }, { "<section", "</section>" }, { "<ul", "</ul>" }, { "<ol", "</ol>" },
    { "<li", "</li>" }, { "<dl", "</dl>" }, { "<nav", "</nav>" }, { "<main", "</main>" },
    { "<h1", "</h1>" }, { "<h2", "</h2>" }, { "<p>", NULL }, { "<title>", "</title>" },
    { "<mark>", "</mark>" }, { "<strong", "</strong>" }, { "<span", "</span>" },
  };

  g_assert_nonnull (html);
  if (html == NULL)
    return;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_true (g_str_has_suffix (html, "</html>\n"));
  g_assert_cmpuint (count_occurrences (html, "<style"), ==, 1);
  g_assert_cmpuint (count_occurrences (html, "</style>"), ==, 1);
  g_assert_cmpuint (count_occurrences (html, "<body"), ==, 1);
  g_assert_cmpuint (count_occurrences (html, "<html lang=\""), ==, 1);
  g_assert_cmpuint (count_occurrences (html, "<meta charset=\"utf-8\">"), ==, 1);
  g_assert_cmpuint (count_occurrences (html, "http-equiv=\"Content-Security-Policy\""), ==, 1);
  assert_contains (uri, html, "default-src 'none'");
  g_assert_true (index_of (html, "Content-Security-Policy") < index_of (html, "<body"));
  g_assert_true (index_of (html, "<style") < index_of (html, "<body"));

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (pairs[i][1] != NULL &&
        count_occurrences (html, pairs[i][0]) != count_occurrences (html, pairs[i][1]))
      g_test_fail_printf ("%s: %u “%s” but %u “%s”", uri, count_occurrences (html, pairs[i][0]),
                          pairs[i][0], count_occurrences (html, pairs[i][1]), pairs[i][1]);

  assert_body_is_safe (uri, html);
}

static char *
render (Fixture    *fixture,
        const char *uri)
{
  g_autoptr(GError) error = NULL;
  char *html = hl_page_renderer_render (fixture->renderer, uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (html);
  if (html == NULL)
    return g_strdup ("");
  assert_valid_page (uri, html);
  return html;
}

static void
assert_not_found (HlPageRenderer *renderer,
                  const char     *uri)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = hl_page_renderer_render (renderer, uri, &error);

  if (html != NULL)
    g_test_fail_printf ("“%s” has a page", uri);
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
}

/* The language of the topic at every hl://topic/ID link in @html. */
static void
assert_topic_links_in (const char   *uri,
                       const char   *html,
                       HlTopicStore *store,
                       const char   *language,
                       guint         expected)
{
  const char *p = html;
  guint n = 0;

  while ((p = strstr (p, "href=\"hl://topic/")) != NULL)
    {
      g_autoptr(HlTopicRef) ref = NULL;
      int id;

      p += strlen ("href=\"hl://topic/");
      id = atoi (p);
      ref = hl_topic_store_get_topic_ref (store, id);
      if (ref == NULL)
        g_test_fail_printf ("%s: a link to topic %d, which is not in the library", uri, id);
      else if (!g_str_equal (hl_topic_ref_get_language (ref), language))
        g_test_fail_printf ("%s: a link to “%s”, which is not in %s", uri,
                            hl_topic_ref_get_title (ref), language);
      n++;
    }

  g_assert_cmpuint (n, ==, expected);
}

/* Home */

static void
test_home (Fixture       *fixture,
           gconstpointer  data)
{
  const char *uri = "hl://home";
  g_autofree char *html = render (fixture, uri);
  g_autofree char *letters = hl_topic_store_dup_index_letters (fixture->store, "en");

  assert_contains (uri, html, "<html lang=\"en\"");
  assert_contains (uri, html, "PhyNet Health");
  assert_contains (uri, html, "<a href=\"tel:+19032127500\">(903) 212-7500</a>");

  /* Groups with their counts. */
  assert_contains (uri, html, "<a href=\"hl://group/12?lang=en\">Infections</a>");
  assert_contains (uri, html, "Infections</a> <span class=\"count\">7 topics</span>");
  assert_contains (uri, html, "Symptoms</a> <span class=\"count\">1 topic</span>");
  g_assert_cmpuint (count_occurrences (html, "href=\"hl://group/"), ==, 23);
  assert_lacks (uri, html, "Infecciones");
  {
    static const char *order[] = {
      ">Blood, Heart and Circulation<", ">Digestive System<", ">Infections<", ">Symptoms<", NULL,
    };
    assert_in_order (uri, html, order);
  }

  /* Every index letter, linked. */
  g_assert_cmpstr (letters, ==, "ABCDFGMNOPSTU");
  for (const char *l = letters; *l != '\0'; l++)
    {
      g_autofree char *link = g_strdup_printf ("<a href=\"hl://index/%c?lang=en\">%c</a>", *l, *l);

      assert_contains (uri, html, link);
    }
  assert_lacks (uri, html, "hl://index/E?lang=en");

  /* The starter is the sample, and the page says so. */
  assert_contains (uri, html, "class=\"notice\"");
  assert_contains (uri, html, "sample");

  /* Where the information comes from, and of when. */
  assert_contains (uri, html, "<a href=\"https://medlineplus.gov/\">MedlinePlus</a>");
  assert_contains (uri, html, "National Library of Medicine");
  assert_contains (uri, html, "November 23, 2026");
  assert_contains (uri, html, "39 topics in English");
  assert_contains (uri, html, "17 topics in Spanish");

  /* The clinics, and a way to the other language. */
  assert_contains (uri, html, "<a href=\"hl://clinic/hughes-springs\">Hughes Springs</a>");
  assert_contains (uri, html, "href=\"hl://home?lang=es\"");
}

static void
test_home_spanish (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *uri = "hl://home?lang=es";
  g_autofree char *html = render (fixture, uri);
  g_autofree char *by_default = NULL;
  g_autofree char *count = NULL;
  g_autofree char *expected = NULL;

  assert_contains (uri, html, "<html lang=\"es\"");
  assert_contains (uri, html, "<a href=\"hl://group/12?lang=es\">Infecciones</a>");
  /* A Spanish page says its counts in Spanish, whatever the UI language. */
  count = g_strdup_printf (hl_catalog_ngettext ("es", "%u topic", "%u topics", 3), 3);
  expected = g_strdup_printf (">Síntomas</a> <span class=\"count\">%s</span>", count);
  assert_contains (uri, html, expected);
  g_assert_cmpuint (count_occurrences (html, "href=\"hl://group/"), ==, 11);
  assert_lacks (uri, html, ">Infections<");
  assert_contains (uri, html, "<a href=\"hl://index/Q?lang=es\">Q</a>");
  assert_contains (uri, html, "href=\"hl://home?lang=en\"");

  /* Pages without a language use the renderer's. */
  g_assert_cmpstr (hl_page_renderer_get_language (fixture->renderer), ==, "en");
  hl_page_renderer_set_language (fixture->renderer, "es");
  g_assert_cmpstr (hl_page_renderer_get_language (fixture->renderer), ==, "es");
  by_default = render (fixture, "hl://home");
  assert_contains ("hl://home (es)", by_default, ">Infecciones</a>");
  hl_page_renderer_set_language (fixture->renderer, "xx");
  g_assert_cmpstr (hl_page_renderer_get_language (fixture->renderer), ==, "en");
}

/* A library that is not the sample carries no notice. */
static void
test_home_not_sample (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *uri = "hl://home";
  g_autofree char *html = render (fixture, uri);

  g_assert_false (hl_topic_store_is_sample (fixture->store));
  assert_lacks (uri, html, "class=\"notice\"");
  assert_contains (uri, html, "May 6, 2026");
}

/* Topics */

static void
test_topic (Fixture       *fixture,
            gconstpointer  data)
{
  const char *uri = "hl://topic/3061";
  g_autofree char *html = render (fixture, uri);
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

  assert_contains (uri, html, "<html lang=\"en\"");
  assert_contains (uri, html, "<title>Abdominal Pain</title>");
  assert_contains (uri, html, "<h1>Abdominal Pain</h1>");
  assert_contains (uri, html, "Bellyache");
  assert_contains (uri, html, "Your abdomen extends from below your chest to your groin.");
  assert_contains (uri, html, "<li>You can&#39;t move your bowels");

  /* Sections in MedlinePlus's order, whatever the file's. */
  assert_in_order (uri, html, sections);

  /* Sites: link, organizations, standard descriptions, the other language. */
  assert_contains (uri, html, "href=\"https://gi.org/topics/abdominal-pain/\"");
  assert_contains (uri, html, ">Abdominal Pain Syndrome</a>");
  assert_contains (uri, html, "American College of Gastroenterology");
  assert_contains (uri, html, "Radiological Society of North America, American College of Radiology");
  assert_contains (uri, html, ">Video<");
  assert_contains (uri, html, "href=\"https://gi.org/patients/recursos-en-espanol/dolor-abdominal/\"");
  assert_contains (uri, html, "href=\"https://www.mayoclinic.org/symptoms/abdominal-pain/basics/definition/SYM-20050728?DSECTION=all&amp;p=1\"");

  /* The Spanish counterpart, in the app. */
  assert_contains (uri, html, "<a href=\"hl://topic/3062\">Dolor abdominal</a>");

  /* Groups, see-references, MeSH and the date, from the record. */
  assert_contains (uri, html, "<a href=\"hl://group/2?lang=en\">Digestive System</a>");
  assert_contains (uri, html, "<a href=\"hl://group/31?lang=en\">Symptoms</a>");
  assert_contains (uri, html, "Stomach Ache");
  assert_contains (uri, html, "January 7, 2003");

  /* Related topics the library lacks go to MedlinePlus. */
  assert_contains (uri, html, "href=\"https://medlineplus.gov/indigestion.html\"");
  assert_contains (uri, html, ">Pelvic Pain</a>");

  /* The source and the credit. */
  assert_contains (uri, html, "href=\"https://medlineplus.gov/abdominalpain.html\"");
  assert_contains (uri, html, "<a href=\"https://medlineplus.gov/\">MedlinePlus</a>");
  assert_contains (uri, html, "November 23, 2026");
}

static void
test_topic_spanish (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *uri = "hl://topic/3062";
  g_autofree char *html = render (fixture, uri);
  static const char *sections[] = {
    "<h2>Resúmenes</h2>", "<h2>Diagnósticos/Síntomas</h2>", "<h2>Niños</h2>", NULL,
  };

  assert_contains (uri, html, "<html lang=\"es\"");
  assert_contains (uri, html, "<h1>Dolor abdominal</h1>");
  assert_contains (uri, html, "Dolor de estómago");
  assert_contains (uri, html, "<a href=\"hl://topic/3061\">Abdominal Pain</a>");
  assert_contains (uri, html, "<a href=\"hl://group/2?lang=es\">Sistema digestivo</a>");
  assert_contains (uri, html, "href=\"https://medlineplus.gov/spanish/abdominalpain.html\"");
  assert_in_order (uri, html, sections);

  /* Categories MedlinePlus never shows are not sections. */
  assert_lacks (uri, html, "NON-DISPLAY");

  /* The page's own headings are in Spanish too, whatever the UI language. */
  {
    g_autofree char *summary = g_strdup_printf ("<h2>%s</h2>", hl_catalog_gettext ("es", "Summary"));

    g_assert_cmpstr (hl_catalog_gettext ("es", "Summary"), !=, "Summary");
    assert_contains (uri, html, summary);
    assert_lacks (uri, html, "<h2>Summary</h2>");
  }
}

static void
test_topic_links (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *poisoning = render (fixture, "hl://topic/364");
  g_autofree char *a1c = render (fixture, "hl://topic/6308");

  /* Related topics the library has open in the app. */
  assert_contains ("hl://topic/364", poisoning, "<a href=\"hl://topic/1330\">");
  assert_contains ("hl://topic/364", poisoning, "<a href=\"hl://topic/1569\">");
  assert_contains ("hl://topic/364", poisoning, "<a href=\"hl://topic/2095\">");

  /* Links in the summary to a topic in the library open it in the app;
   * others stay on the web. */
  assert_contains ("hl://topic/6308", a1c, "<a href=\"hl://topic/5784\">prediabetes</a>");
  assert_contains ("hl://topic/6308", a1c,
                   "<a href=\"https://medlineplus.gov/diabetestype2.html\">type 2 diabetes</a>");

  /* A counterpart the library lacks links to MedlinePlus. */
  assert_contains ("hl://topic/6308", a1c, "href=\"https://medlineplus.gov/spanish/a1c.html\"");
  assert_contains ("hl://topic/6308", a1c, "Prueba de hemoglobina glicosilada (HbA1c)");
  assert_contains ("hl://topic/6308", a1c, "National Institute of Diabetes and Digestive and Kidney Diseases");
  assert_contains ("hl://topic/6308", a1c, "href=\"https://www.niddk.nih.gov\"");
  assert_contains ("hl://topic/6308", a1c, "Glycohemoglobin");
  assert_contains ("hl://topic/6308", a1c, "HbA1C");
  assert_contains ("hl://topic/6308", a1c, "Hemoglobin A1c");
  assert_contains ("hl://topic/6308", a1c, "Glycated Hemoglobin");
  assert_contains ("hl://topic/6308", a1c, "December 22, 2015");
}

/* Sections in MedlinePlus's order from a file that lists them any which way. */
static void
test_topic_sections (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *uri = "hl://topic/9401";
  g_autofree char *html = render (fixture, uri);
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

  assert_in_order (uri, html, order);
  assert_contains (uri, html, "<h2>Unheard-of Category</h2>");
  assert_contains (uri, html, "Odd One");
  assert_lacks (uri, html, "NON-DISPLAY");
  assert_lacks (uri, html, "Spanish/Español");
  assert_lacks (uri, html, "Hidden One");

  /* A site in two categories is listed in both. */
  g_assert_cmpuint (count_occurrences (html, ">Start Two</a>"), ==, 2);
  g_assert_cmpuint (count_occurrences (html, ">Handout One</a>"), ==, 2);

  /* The rest of the record. */
  assert_contains (uri, html, "<h1>Section Order</h1>");
  assert_contains (uri, html, "Many spaces here");
  assert_contains (uri, html, "Descriptor One (diagnosis, therapy)");
  assert_contains (uri, html, "Descriptor Two");
  assert_contains (uri, html, "href=\"https://medlineplus.gov/languages/chinese.html\"");
  assert_contains (uri, html, "Chinese (中文)");
  assert_contains (uri, html, "First Reference");
  assert_contains (uri, html, "Institute Name");
  assert_contains (uri, html, "<a href=\"hl://topic/9402\">Bare Topic</a>");
  assert_contains (uri, html, "href=\"https://medlineplus.gov/notinlibrary.html\"");
  assert_contains (uri, html, "July 8, 2026");

  /* A topic with nothing but its title still has a page. */
  {
    g_autofree char *bare = render (fixture, "hl://topic/9402");

    assert_contains ("hl://topic/9402", bare, "<h1>Bare Topic</h1>");
    assert_contains ("hl://topic/9402", bare, "href=\"https://medlineplus.gov/bare.html\"");
  }
}

/* Groups and the index */

static void
test_group (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *spanish[] = {
    ">Acidez estomacal<", ">Colitis ulcerativa<", ">Dolor abdominal<", NULL,
  };
  static const char *english[] = {
    ">Abdominal Pain<", ">Celiac Disease<", ">Crohn&#39;s Disease<", ">Ulcerative Colitis<", NULL,
  };
  const char *uri = "hl://group/2?lang=es";
  g_autofree char *html = render (fixture, uri);
  g_autofree char *en = render (fixture, "hl://group/2?lang=en");
  g_autofree char *infections = render (fixture, "hl://group/12");

  assert_contains (uri, html, "<html lang=\"es\"");
  assert_contains (uri, html, "<h1>Sistema digestivo</h1>");
  assert_in_order (uri, html, spanish);
  assert_topic_links_in (uri, html, fixture->store, "es", 3);
  assert_lacks (uri, html, "Abdominal Pain");
  assert_contains (uri, html, "href=\"https://medlineplus.gov/spanish/digestivesystem.html\"");

  assert_contains ("hl://group/2?lang=en", en, "<h1>Digestive System</h1>");
  assert_in_order ("hl://group/2?lang=en", en, english);
  assert_topic_links_in ("hl://group/2?lang=en", en, fixture->store, "en", 4);

  assert_contains ("hl://group/12", infections, "<h1>Infections</h1>");
  assert_contains ("hl://group/12", infections, "7 topics");
  assert_topic_links_in ("hl://group/12", infections, fixture->store, "en", 7);

  /* A language we do not have: the renderer's, or no page. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *french = hl_page_renderer_render (fixture->renderer, "hl://group/2?lang=fr",
                                                       &error);

    if (french != NULL)
      {
        assert_valid_page ("hl://group/2?lang=fr", french);
        assert_contains ("hl://group/2?lang=fr", french, "<html lang=\"en\"");
        assert_contains ("hl://group/2?lang=fr", french, "<h1>Digestive System</h1>");
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
        assert_valid_page ("hl://group/9001?lang=es", empty);
        assert_contains ("hl://group/9001?lang=es", empty, "<h1>Cánceres</h1>");
        assert_topic_links_in ("hl://group/9001?lang=es", empty, fixture->store, "es", 0);
      }
    else
      g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  }
  assert_not_found (fixture->renderer, "hl://group/424242?lang=en");
}

static void
test_index (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *a_en[] = {
    ">A1C<", ">Abdominal Pain<", ">Abortion<", ">Abscess<", ">Acupuncture<", ">Anxiety<",
    ">Arsenic<", ">Arthritis<", ">Asbestos<", ">Asthma<", NULL,
  };
  const char *uri = "hl://index/A?lang=en";
  g_autofree char *html = render (fixture, uri);
  g_autofree char *lower = render (fixture, "hl://index/a?lang=en");
  g_autofree char *first = render (fixture, "hl://index?lang=es");
  g_autofree char *none = render (fixture, "hl://index/X?lang=en");

  assert_contains (uri, html, "<html lang=\"en\"");
  assert_in_order (uri, html, a_en);
  assert_topic_links_in (uri, html, fixture->store, "en", 10);
  assert_contains (uri, html, "<a href=\"hl://index/B?lang=en\">B</a>");
  assert_lacks (uri, html, "<a href=\"hl://index/A?lang=en\">");
  assert_contains (uri, html, "href=\"hl://index/A?lang=es\"");

  assert_topic_links_in ("hl://index/a?lang=en", lower, fixture->store, "en", 10);

  /* Without a letter: the first one. */
  assert_contains ("hl://index?lang=es", first, ">Abscesos<");
  assert_topic_links_in ("hl://index?lang=es", first, fixture->store, "es", 7);

  /* A letter without topics. */
  assert_topic_links_in ("hl://index/X?lang=en", none, fixture->store, "en", 0);

  assert_not_found (fixture->renderer, "hl://index/AB?lang=en");
  assert_not_found (fixture->renderer, "hl://index/%C3%89?lang=en");
}

static void
test_index_accents (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *a_es[] = { ">Ácido fólico<", ">Acné<", ">Adicción<", NULL };
  g_autofree char *u = render (fixture, "hl://index/U?lang=es");
  g_autofree char *a = render (fixture, "hl://index/A?lang=es");
  g_autofree char *number = render (fixture, "hl://index/0?lang=en");

  assert_contains ("hl://index/U?lang=es", u, "<a href=\"hl://topic/9101\">Úlcera péptica</a>");
  assert_in_order ("hl://index/A?lang=es", a, a_es);
  assert_contains ("hl://index/0?lang=en", number, "<a href=\"hl://topic/9106\">3D Mammography</a>");
  assert_contains ("hl://index/0?lang=en", number, "<a href=\"hl://index/E?lang=en\">E</a>");
}

/* Search */

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  const char *uri = "hl://search?q=diab";
  g_autofree char *html = render (fixture, uri);
  g_autofree char *spanish = render (fixture, "hl://search?q=acup&lang=es");
  g_autofree char *two = render (fixture, "hl://search?q=abdom%20pa&lang=en");
  g_autofree char *plus = render (fixture, "hl://search?q=abdom+pa");

  assert_contains (uri, html, "<mark>");
  assert_contains (uri, html, "<mark>diabetes</mark>");
  assert_contains (uri, html, "<a href=\"hl://topic/4\">Diabetes</a>");
  assert_contains (uri, html, "diab");
  {
    static const char *order[] = { "hl://topic/4\"", "hl://topic/5784\"", NULL };

    assert_in_order (uri, html, order);
  }

  /* In the chosen language first; the others are marked as such. */
  {
    static const char *order[] = { ">Acupuntura</a>", ">Acupuncture</a>", NULL };

    assert_in_order ("hl://search?q=acup&lang=es", spanish, order);
    assert_contains ("hl://search?q=acup&lang=es", spanish, "<html lang=\"es\"");
    assert_contains ("hl://search?q=acup&lang=es", spanish, "class=\"badge\"");
  }

  assert_contains ("hl://search?q=abdom pa", two, "<a href=\"hl://topic/3061\">Abdominal Pain</a>");
  assert_contains ("hl://search?q=abdom+pa", plus, "<a href=\"hl://topic/3061\">Abdominal Pain</a>");
}

static void
test_search_empty_states (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *nothing = render (fixture, "hl://search?q=zzzz");
  g_autofree char *typo = render (fixture, "hl://search?q=diabetis");
  g_autofree char *blank = render (fixture, "hl://search?q=");
  g_autofree char *bare = render (fixture, "hl://search");
  g_autofree char *spaces = render (fixture, "hl://search?q=%20%20");

  assert_contains ("hl://search?q=zzzz", nothing, "zzzz");
  assert_contains ("hl://search?q=zzzz", nothing, "class=\"empty\"");
  assert_lacks ("hl://search?q=zzzz", nothing, "hl://topic/");
  assert_lacks ("hl://search?q=zzzz", nothing, "<mark>");
  assert_lacks ("hl://search?q=zzzz", nothing, "hl://search?q=");

  /* Did you mean… a link that searches for the suggestion. */
  assert_contains ("hl://search?q=diabetis", typo, "diabetis");
  assert_contains ("hl://search?q=diabetis", typo,
                   "<a href=\"hl://search?q=diabetes&amp;lang=en\">diabetes</a>");
  assert_lacks ("hl://search?q=diabetis", typo, "hl://topic/");

  assert_lacks ("hl://search?q=", blank, "hl://topic/");
  assert_lacks ("hl://search", bare, "hl://topic/");
  assert_lacks ("hl://search?q=%20%20", spaces, "hl://topic/");
}

static void
test_search_hostile_queries (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char *uris[] = {
    "hl://search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "hl://search?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "hl://search?q=NEAR(",
    "hl://search?q=%22",
    "hl://search?q=*",
    "hl://search?q=diabetes%20AND%20(",
    "hl://search?q=%26amp%3B%26lt%3B",
    "hl://search?q=%FF%FE",
    "hl://search?q=a&q=b",
    "hl://search?q=%E2%80%9Cdiabetes%E2%80%9D&lang=es",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *html = hl_page_renderer_render (fixture->renderer, uris[i], &error);

      if (html == NULL)
        {
          /* No page is fine for bytes that are not text; an error that is not
           * "no such page" is not. */
          g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
          continue;
        }
      assert_valid_page (uris[i], html);
    }

  {
    g_autofree char *html = render (fixture, uris[0]);

    assert_contains (uris[0], html, "&lt;script&gt;alert(1)&lt;/script&gt;");
    assert_lacks (uris[0], html, "<script>");
  }
}

/* Clinics */

static void
test_clinic (Fixture       *fixture,
             gconstpointer  data)
{
  const char *uri = "hl://clinic/hughes-springs";
  g_autofree char *html = render (fixture, uri);
  g_autofree char *office = render (fixture, "hl://clinic/home-office");
  const char *body = NULL;

  assert_contains (uri, html, "<h1>Hughes Springs</h1>");
  assert_contains (uri, html, "Hughes Springs, TX");
  assert_contains (uri, html, "<a href=\"tel:+19032127500\">(903) 212-7500</a>");
  assert_contains (uri, html, "href=\"hl://clinic/home-office\"");

  /* Nothing but the town is known: no address, phone or hours are made up,
   * nor borrowed from the home office. */
  assert_lacks (uri, html, "<dt>Address");
  assert_lacks (uri, html, "<dt>Phone");
  assert_lacks (uri, html, "<dt>Fax");
  assert_lacks (uri, html, "<dt>Hours");
  assert_lacks (uri, html, "class=\"facts\"");
  assert_lacks (uri, html, "4002 Technology Center");
  assert_lacks (uri, html, "247-0484");
  assert_lacks (uri, html, "75605");
  body = strstr (html, "<main");
  g_assert_nonnull (body);
  if (body != NULL)
    g_assert_cmpuint (count_occurrences (body, "tel:"), ==, 1);

  assert_contains ("hl://clinic/home-office", office, "<h1>PhyNet Health</h1>");
  assert_contains ("hl://clinic/home-office", office, "4002 Technology Center");
  assert_contains ("hl://clinic/home-office", office, "Longview, TX 75605");
  assert_contains ("hl://clinic/home-office", office,
                   "<a href=\"tel:+19032470484\">(903) 247-0484</a>");
  assert_contains ("hl://clinic/home-office", office, "(903) 247-0485");
  assert_contains ("hl://clinic/home-office", office, "<dt>Address");
  assert_contains ("hl://clinic/home-office", office, "<dt>Phone");
  assert_contains ("hl://clinic/home-office", office, "<dt>Fax");
  assert_contains ("hl://clinic/home-office", office, "<a href=\"tel:+19032127500\">");

  /* Every clinic of the directory has a page. */
  {
    GListModel *clinics = hl_clinic_directory_get_clinics (fixture->clinics);

    g_assert_cmpuint (g_list_model_get_n_items (clinics), ==, 10);
    for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
      {
        g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);
        g_autofree char *clinic_uri = g_strdup_printf ("hl://clinic/%s", hl_clinic_get_id (clinic));
        g_autofree char *page = render (fixture, clinic_uri);
        g_autofree char *heading = g_strdup_printf ("<h1>%s</h1>", hl_clinic_get_name (clinic));

        assert_contains (clinic_uri, page, heading);
        assert_lacks (clinic_uri, page, "4002 Technology Center");
      }
  }

  assert_not_found (fixture->renderer, "hl://clinic/dallas");
  assert_not_found (fixture->renderer, "hl://clinic/Kilgore");
  assert_not_found (fixture->renderer, "hl://clinic/");
  assert_not_found (fixture->renderer, "hl://clinic");
}

/* Addresses without pages */

static void
test_not_found (Fixture       *fixture,
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
    assert_not_found (fixture->renderer, uris[i]);
}

/* Escaping and the sanitizer, from a hand-written file full of < > & " ' */

static void
assert_no_raw_specials (const char *uri,
                        const char *html)
{
  static const char *raw[] = {
    "Tom & Jerry", "Jerry's", "<Guide>", "\"Quotes\"", "A<B", "'D'", "<Group>", "\"Friends\"",
    "<Grupo>", "<Niña>", "\"Ñ\"", "<Co>", "\"Ltd\"", "Site <b>", "<M>", "<R>", "<I>", "<D>",
    "Fran<ç>ais", "'Z'", "'x'", "'y'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    assert_lacks (uri, html, raw[i]);
}

static void
test_escaping (Fixture       *fixture,
               gconstpointer  data)
{
  const char *uri = "hl://topic/9201";
  g_autofree char *html = render (fixture, uri);
  g_autofree char *spanish = render (fixture, "hl://topic/9202");
  static const char *escaped[] = {
    "<title>Tom &amp; Jerry&#39;s &lt;Guide&gt; to &quot;Quotes&quot;</title>",
    "<h1>Tom &amp; Jerry&#39;s &lt;Guide&gt; to &quot;Quotes&quot;</h1>",
    "A&lt;B &amp; &quot;C&quot; &#39;D&#39;&gt;",
    ">Site &lt;b&gt;bold&lt;/b&gt; &amp; &quot;x&quot; &#39;y&#39;</a>",
    "Org &amp; &lt;Co&gt; &quot;Ltd&quot; &#39;x&#39;",
    "Desc &lt;D&gt;",
    ">&lt;Group&gt; &amp; &quot;Friends&quot; &#39;Z&#39;</a>",
    ">Niño &amp; &lt;Niña&gt; &quot;Ñ&quot; &#39;x&#39;</a>",
    "Mesh &lt;M&gt; &amp; &quot;H&quot; &#39;x&#39;",
    "See &lt;R&gt; &amp; &quot;S&quot; &#39;x&#39;",
    "Institute &lt;I&gt; &amp; &quot;Co&quot; &#39;x&#39;",
    "Fran&lt;ç&gt;ais &amp; &quot;co&quot;",
    "href=\"https://example.org/site?a=1&amp;b=2\"",
    "href=\"https://www.example.org/?a=1&amp;b=&quot;2&quot;\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (escaped); i++)
    assert_contains (uri, html, escaped[i]);
  assert_no_raw_specials (uri, html);

  /* The summary keeps its allowed markup and loses the rest. */
  assert_contains (uri, html, "Clean &amp; <b>bold</b> text.");
  assert_contains (uri, html, "<a href=\"https://medlineplus.gov/diabetes.html\">safe link</a>");
  assert_contains (uri, html, "js link");
  assert_contains (uri, html, "Styled");
  assert_lacks (uri, html, "alert(");
  assert_lacks (uri, html, "steal()");
  assert_lacks (uri, html, "example.invalid");
  assert_lacks (uri, html, "x.swf");

  assert_contains ("hl://topic/9202", spanish,
                   "<h1>Niño &amp; &lt;Niña&gt; &quot;Ñ&quot; &#39;x&#39;</h1>");
  assert_contains ("hl://topic/9202", spanish, "Texto &amp; &lt;prueba&gt;.");
  assert_contains ("hl://topic/9202", spanish,
                   ">&lt;Grupo&gt; &amp; &quot;Amigos&quot; &#39;Z&#39;</a>");
  assert_contains ("hl://topic/9202", spanish,
                   "<a href=\"hl://topic/9201\">Tom &amp; Jerry&#39;s &lt;Guide&gt; to &quot;Quotes&quot;</a>");
  assert_no_raw_specials ("hl://topic/9202", spanish);
}

static void
test_escaping_lists (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *uris[] = {
    "hl://home", "hl://home?lang=es", "hl://group/9901?lang=en", "hl://group/9901?lang=es",
    "hl://index/T?lang=en", "hl://index/N?lang=es", "hl://search?q=jerry",
    "hl://search?q=nino&lang=es", "hl://search?q=guide%20quotes",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autofree char *html = render (fixture, uris[i]);

      assert_no_raw_specials (uris[i], html);
      if (i < 4)
        assert_contains (uris[i], html, i % 2 == 0 ? "&lt;Group&gt; &amp; &quot;Friends&quot; &#39;Z&#39;"
                                                   : "&lt;Grupo&gt; &amp; &quot;Amigos&quot; &#39;Z&#39;");
      else if (i % 2 == 0)
        assert_contains (uris[i], html, ">Tom &amp; Jerry&#39;s &lt;Guide&gt; to &quot;Quotes&quot;</a>");
      else
        assert_contains (uris[i], html, ">Niño &amp; &lt;Niña&gt; &quot;Ñ&quot; &#39;x&#39;</a>");
    }

  {
    g_autofree char *group = render (fixture, "hl://group/9901?lang=en");

    assert_contains ("hl://group/9901?lang=en", group,
                     "<title>&lt;Group&gt; &amp; &quot;Friends&quot; &#39;Z&#39;</title>");
    assert_contains ("hl://group/9901?lang=en", group,
                     "<h1>&lt;Group&gt; &amp; &quot;Friends&quot; &#39;Z&#39;</h1>");
  }
}

/* Every page of a library passes the page checks. */
static void
test_every_page (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *languages[] = { "en", "es" };
  guint n_pages = 0;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) topics = hl_topic_store_list_topics_by_letter (fixture->store,
                                                                          languages[l], 0);
      g_autoptr(GListModel) groups = hl_topic_store_list_groups (fixture->store, languages[l]);
      g_autofree char *letters = hl_topic_store_dup_index_letters (fixture->store, languages[l]);
      g_autofree char *home = g_strdup_printf ("hl://home?lang=%s", languages[l]);
      g_autofree char *html = render (fixture, home);

      n_pages++;
      for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (topics, i);
          g_autofree char *uri = hl_topic_ref_dup_uri (ref);
          g_autofree char *page = render (fixture, uri);
          g_autofree char *lang = g_strdup_printf ("<html lang=\"%s\"", languages[l]);

          assert_contains (uri, page, lang);
          n_pages++;
        }
      for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(HlGroup) group = g_list_model_get_item (groups, i);
          g_autofree char *uri = hl_group_dup_uri (group);
          g_autofree char *page = render (fixture, uri);

          assert_topic_links_in (uri, page, fixture->store, languages[l],
                                 hl_group_get_topic_count (group));
          n_pages++;
        }
      for (const char *p = letters; *p != '\0'; p++)
        {
          g_autofree char *uri = g_strdup_printf ("hl://index/%c?lang=%s", *p == '#' ? '0' : *p,
                                                  languages[l]);
          g_autofree char *page = render (fixture, uri);

          n_pages++;
        }
    }

  g_assert_cmpuint (n_pages, ==, 2 + 39 + 17 + 23 + 11 + 13 + 9);
}

/* Without a library or clinics */

static void
test_without_library (void)
{
  g_autoptr(HlClinicDirectory) clinics = load_clinics ();
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
  assert_valid_page ("hl://clinic/home-office", office);
  assert_contains ("hl://clinic/home-office", office, "4002 Technology Center");

  /* A message page, escaped like everything else. */
  message = hl_page_renderer_render_message (bare, "Can't <open>", "The file \"x\" & <y> 'z'");
  assert_valid_page ("message", message);
  assert_contains ("message", message, "Can&#39;t &lt;open&gt;");
  assert_contains ("message", message, "The file &quot;x&quot; &amp; &lt;y&gt; &#39;z&#39;");
  assert_contains ("message", message, "href=\"hl://home\"");

  /* A library given later is used. */
  {
    g_autoptr(HlTopicStore) store = import_library (NULL);
    g_autofree char *home = NULL;

    hl_page_renderer_set_store (renderer, store);
    g_assert_true (hl_page_renderer_get_store (renderer) == store);
    home = hl_page_renderer_render (renderer, "hl://home", &error);
    g_assert_no_error (error);
    assert_valid_page ("hl://home", home);
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
  g_test_add ("/core/renderer/" path, Fixture, file, fixture_set_up, func, fixture_tear_down)

  ADD ("home", NULL, test_home);
  ADD ("home-spanish", NULL, test_home_spanish);
  ADD ("home-not-sample", "special-characters.xml", test_home_not_sample);
  ADD ("topic", NULL, test_topic);
  ADD ("topic-spanish", NULL, test_topic_spanish);
  ADD ("topic-links", NULL, test_topic_links);
  ADD ("topic-sections", "full-record.xml", test_topic_sections);
  ADD ("group", NULL, test_group);
  ADD ("index", NULL, test_index);
  ADD ("index-accents", "index-letters.xml", test_index_accents);
  ADD ("search", NULL, test_search);
  ADD ("search-empty-states", NULL, test_search_empty_states);
  ADD ("search-hostile-queries", NULL, test_search_hostile_queries);
  ADD ("clinic", NULL, test_clinic);
  ADD ("not-found", NULL, test_not_found);
  ADD ("escaping", "special-characters.xml", test_escaping);
  ADD ("escaping-lists", "special-characters.xml", test_escaping_lists);
  ADD ("every-page", NULL, test_every_page);
  g_test_add_func ("/core/renderer/without-library", test_without_library);

#undef ADD

  return g_test_run ();
}
