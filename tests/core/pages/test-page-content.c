/* test-page-content.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pages: search, clinics, escaping, and every page of a library. */

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

/* Search */

static void
test_search (HlPageFixture *fixture,
             gconstpointer  data)
{
  const char *uri = "hl://search?q=diab";
  g_autofree char *html = hl_test_render (fixture, uri);
  g_autofree char *spanish = hl_test_render (fixture, "hl://search?q=acup&lang=es");
  g_autofree char *two = hl_test_render (fixture, "hl://search?q=abdom%20pa&lang=en");
  g_autofree char *plus = hl_test_render (fixture, "hl://search?q=abdom+pa");

  hl_test_assert_contains (uri, html, "<mark>");
  hl_test_assert_contains (uri, html, "<mark>diabetes</mark>");
  hl_test_assert_contains (uri, html, "<a href=\"hl://topic/4\">Diabetes</a>");
  hl_test_assert_contains (uri, html, "diab");
  {
    static const char *order[] = { "hl://topic/4\"", "hl://topic/5784\"", NULL };

    hl_test_assert_in_order (uri, html, order);
  }

  /* In the chosen language first; the others are marked as such. */
  {
    static const char *order[] = { ">Acupuntura</a>", ">Acupuncture</a>", NULL };

    hl_test_assert_in_order ("hl://search?q=acup&lang=es", spanish, order);
    hl_test_assert_contains ("hl://search?q=acup&lang=es", spanish, "<html lang=\"es\"");
    hl_test_assert_contains ("hl://search?q=acup&lang=es", spanish, "class=\"badge\"");
  }

  hl_test_assert_contains ("hl://search?q=abdom pa", two, "<a href=\"hl://topic/3061\">Abdominal Pain</a>");
  hl_test_assert_contains ("hl://search?q=abdom+pa", plus, "<a href=\"hl://topic/3061\">Abdominal Pain</a>");
}

static void
test_search_empty_states (HlPageFixture *fixture,
                          gconstpointer  data)
{
  g_autofree char *nothing = hl_test_render (fixture, "hl://search?q=zzzz");
  g_autofree char *typo = hl_test_render (fixture, "hl://search?q=diabetis");
  g_autofree char *blank = hl_test_render (fixture, "hl://search?q=");
  g_autofree char *bare = hl_test_render (fixture, "hl://search");
  g_autofree char *spaces = hl_test_render (fixture, "hl://search?q=%20%20");

  hl_test_assert_contains ("hl://search?q=zzzz", nothing, "zzzz");
  hl_test_assert_contains ("hl://search?q=zzzz", nothing, "class=\"empty\"");
  hl_test_assert_lacks ("hl://search?q=zzzz", nothing, "hl://topic/");
  hl_test_assert_lacks ("hl://search?q=zzzz", nothing, "<mark>");
  hl_test_assert_lacks ("hl://search?q=zzzz", nothing, "hl://search?q=");

  /* Did you mean… a link that searches for the suggestion. */
  hl_test_assert_contains ("hl://search?q=diabetis", typo, "diabetis");
  hl_test_assert_contains ("hl://search?q=diabetis", typo,
                   "<a href=\"hl://search?q=diabetes&amp;lang=en\">diabetes</a>");
  hl_test_assert_lacks ("hl://search?q=diabetis", typo, "hl://topic/");

  hl_test_assert_lacks ("hl://search?q=", blank, "hl://topic/");
  hl_test_assert_lacks ("hl://search", bare, "hl://topic/");
  hl_test_assert_lacks ("hl://search?q=%20%20", spaces, "hl://topic/");
}

static void
test_search_hostile_queries (HlPageFixture *fixture,
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
      hl_test_assert_valid_page (uris[i], html);
    }

  {
    g_autofree char *html = hl_test_render (fixture, uris[0]);

    hl_test_assert_contains (uris[0], html, "&lt;script&gt;alert(1)&lt;/script&gt;");
    hl_test_assert_lacks (uris[0], html, "<script>");
  }
}

/* Clinics */

static void
test_clinic (HlPageFixture *fixture,
             gconstpointer  data)
{
  const char *uri = "hl://clinic/hughes-springs";
  g_autofree char *html = hl_test_render (fixture, uri);
  g_autofree char *office = hl_test_render (fixture, "hl://clinic/home-office");
  const char *body = NULL;

  hl_test_assert_contains (uri, html, "<h1>Hughes Springs</h1>");
  hl_test_assert_contains (uri, html, "Hughes Springs, TX");
  hl_test_assert_contains (uri, html, "<a href=\"tel:+19032127500\">(903) 212-7500</a>");
  hl_test_assert_contains (uri, html, "href=\"hl://clinic/home-office\"");

  /* Nothing but the town is known: no address, phone or hours are made up,
   * nor borrowed from the home office. */
  hl_test_assert_lacks (uri, html, "<dt>Address");
  hl_test_assert_lacks (uri, html, "<dt>Phone");
  hl_test_assert_lacks (uri, html, "<dt>Fax");
  hl_test_assert_lacks (uri, html, "<dt>Hours");
  hl_test_assert_lacks (uri, html, "class=\"facts\"");
  hl_test_assert_lacks (uri, html, "4002 Technology Center");
  hl_test_assert_lacks (uri, html, "247-0484");
  hl_test_assert_lacks (uri, html, "75605");
  body = strstr (html, "<main");
  g_assert_nonnull (body);
  if (body != NULL)
    g_assert_cmpuint (hl_test_count_occurrences (body, "tel:"), ==, 1);

  hl_test_assert_contains ("hl://clinic/home-office", office, "<h1>PhyNet Health</h1>");
  hl_test_assert_contains ("hl://clinic/home-office", office, "4002 Technology Center");
  hl_test_assert_contains ("hl://clinic/home-office", office, "Longview, TX 75605");
  hl_test_assert_contains ("hl://clinic/home-office", office,
                   "<a href=\"tel:+19032470484\">(903) 247-0484</a>");
  hl_test_assert_contains ("hl://clinic/home-office", office, "(903) 247-0485");
  hl_test_assert_contains ("hl://clinic/home-office", office, "<dt>Address");
  hl_test_assert_contains ("hl://clinic/home-office", office, "<dt>Phone");
  hl_test_assert_contains ("hl://clinic/home-office", office, "<dt>Fax");
  hl_test_assert_contains ("hl://clinic/home-office", office, "<a href=\"tel:+19032127500\">");

  /* Every clinic of the directory has a page. */
  {
    GListModel *clinics = hl_clinic_directory_get_clinics (fixture->clinics);

    g_assert_cmpuint (g_list_model_get_n_items (clinics), ==, 10);
    for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
      {
        g_autoptr(HlClinic) clinic = g_list_model_get_item (clinics, i);
        g_autofree char *clinic_uri = g_strdup_printf ("hl://clinic/%s", hl_clinic_get_id (clinic));
        g_autofree char *page = hl_test_render (fixture, clinic_uri);
        g_autofree char *heading = g_strdup_printf ("<h1>%s</h1>", hl_clinic_get_name (clinic));

        hl_test_assert_contains (clinic_uri, page, heading);
        hl_test_assert_lacks (clinic_uri, page, "4002 Technology Center");
      }
  }

  hl_test_assert_not_found (fixture->renderer, "hl://clinic/dallas");
  hl_test_assert_not_found (fixture->renderer, "hl://clinic/Kilgore");
  hl_test_assert_not_found (fixture->renderer, "hl://clinic/");
  hl_test_assert_not_found (fixture->renderer, "hl://clinic");
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
    hl_test_assert_lacks (uri, html, raw[i]);
}

static void
test_escaping (HlPageFixture *fixture,
               gconstpointer  data)
{
  const char *uri = "hl://topic/9201";
  g_autofree char *html = hl_test_render (fixture, uri);
  g_autofree char *spanish = hl_test_render (fixture, "hl://topic/9202");
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
    hl_test_assert_contains (uri, html, escaped[i]);
  assert_no_raw_specials (uri, html);

  /* The summary keeps its allowed markup and loses the rest. */
  hl_test_assert_contains (uri, html, "Clean &amp; <b>bold</b> text.");
  hl_test_assert_contains (uri, html, "<a href=\"https://medlineplus.gov/diabetes.html\">safe link</a>");
  hl_test_assert_contains (uri, html, "js link");
  hl_test_assert_contains (uri, html, "Styled");
  hl_test_assert_lacks (uri, html, "alert(");
  hl_test_assert_lacks (uri, html, "steal()");
  hl_test_assert_lacks (uri, html, "example.invalid");
  hl_test_assert_lacks (uri, html, "x.swf");

  hl_test_assert_contains ("hl://topic/9202", spanish,
                   "<h1>Niño &amp; &lt;Niña&gt; &quot;Ñ&quot; &#39;x&#39;</h1>");
  hl_test_assert_contains ("hl://topic/9202", spanish, "Texto &amp; &lt;prueba&gt;.");
  hl_test_assert_contains ("hl://topic/9202", spanish,
                   ">&lt;Grupo&gt; &amp; &quot;Amigos&quot; &#39;Z&#39;</a>");
  hl_test_assert_contains ("hl://topic/9202", spanish,
                   "<a href=\"hl://topic/9201\">Tom &amp; Jerry&#39;s &lt;Guide&gt; to &quot;Quotes&quot;</a>");
  assert_no_raw_specials ("hl://topic/9202", spanish);
}

static void
test_escaping_lists (HlPageFixture *fixture,
                     gconstpointer  data)
{
  static const char *uris[] = {
    "hl://home", "hl://home?lang=es", "hl://group/9901?lang=en", "hl://group/9901?lang=es",
    "hl://index/T?lang=en", "hl://index/N?lang=es", "hl://search?q=jerry",
    "hl://search?q=nino&lang=es", "hl://search?q=guide%20quotes",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autofree char *html = hl_test_render (fixture, uris[i]);

      assert_no_raw_specials (uris[i], html);
      if (i < 4)
        hl_test_assert_contains (uris[i], html, i % 2 == 0 ? "&lt;Group&gt; &amp; &quot;Friends&quot; &#39;Z&#39;"
                                                   : "&lt;Grupo&gt; &amp; &quot;Amigos&quot; &#39;Z&#39;");
      else if (i % 2 == 0)
        hl_test_assert_contains (uris[i], html, ">Tom &amp; Jerry&#39;s &lt;Guide&gt; to &quot;Quotes&quot;</a>");
      else
        hl_test_assert_contains (uris[i], html, ">Niño &amp; &lt;Niña&gt; &quot;Ñ&quot; &#39;x&#39;</a>");
    }

  {
    g_autofree char *group = hl_test_render (fixture, "hl://group/9901?lang=en");

    hl_test_assert_contains ("hl://group/9901?lang=en", group,
                     "<title>&lt;Group&gt; &amp; &quot;Friends&quot; &#39;Z&#39;</title>");
    hl_test_assert_contains ("hl://group/9901?lang=en", group,
                     "<h1>&lt;Group&gt; &amp; &quot;Friends&quot; &#39;Z&#39;</h1>");
  }
}

/* Every page of a library passes the page checks. */
static void
test_every_page (HlPageFixture *fixture,
                 gconstpointer  data)
{
  const char *languages[] = { "en", "es" };
  guint n_pages = 0;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) topics = hl_topic_store_list_topics_by_letter (fixture->store,
                                                                          languages[l], 0, NULL);
      g_autoptr(GListModel) groups = hl_topic_store_list_groups (fixture->store, languages[l], NULL);
      g_autofree char *letters = hl_topic_store_dup_index_letters (fixture->store, languages[l], NULL);
      g_autofree char *home = g_strdup_printf ("hl://home?lang=%s", languages[l]);
      g_autofree char *html = hl_test_render (fixture, home);

      n_pages++;
      for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (topics, i);
          g_autofree char *uri = hl_topic_ref_dup_uri (ref);
          g_autofree char *page = hl_test_render (fixture, uri);
          g_autofree char *lang = g_strdup_printf ("<html lang=\"%s\"", languages[l]);

          hl_test_assert_contains (uri, page, lang);
          n_pages++;
        }
      for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(HlGroup) group = g_list_model_get_item (groups, i);
          g_autofree char *uri = hl_group_dup_uri (group);
          g_autofree char *page = hl_test_render (fixture, uri);

          hl_test_assert_topic_links_in (uri, page, fixture->store, languages[l],
                                 hl_group_get_topic_count (group));
          n_pages++;
        }
      for (const char *p = letters; *p != '\0'; p++)
        {
          g_autofree char *uri = g_strdup_printf ("hl://index/%c?lang=%s", *p == '#' ? '0' : *p,
                                                  languages[l]);
          g_autofree char *page = hl_test_render (fixture, uri);

          n_pages++;
        }
    }

  g_assert_cmpuint (n_pages, ==, 2 + 39 + 17 + 23 + 11 + 13 + 9);
}

/* Every entry of the page's "On this page" jumps to an element of the page
 * with that id, whose heading reads as the entry; returns the entries. */
static guint
assert_contents_jumps (const char *uri,
                       const char *html)
{
  const char *nav = strstr (html, "<nav class=\"contents\"");
  const char *end = nav ? strstr (nav, "</nav>") : NULL;
  guint entries = 0;

  g_assert_nonnull (nav);
  g_assert_nonnull (end);
  if (nav == NULL || end == NULL)
    return 0;

  for (const char *p = strstr (nav, "<a href=\"#"); p != NULL && p < end;
       p = strstr (p + 1, "<a href=\"#"))
    {
      const char *id_start = p + strlen ("<a href=\"#");
      const char *id_end = strchr (id_start, '"');
      const char *text_start = strchr (id_end, '>') + 1;
      const char *text_end = strstr (text_start, "</a>");
      g_autofree char *id = g_strndup (id_start, id_end - id_start);
      g_autofree char *text = g_strndup (text_start, text_end - text_start);
      g_autofree char *target = g_strdup_printf (" id=\"%s\">", id);
      const char *found = strstr (end, target);
      g_autofree char *heading = NULL;

      entries++;
      if (found == NULL)
        {
          g_test_fail_printf ("%s: “On this page” jumps to #%s, which the page lacks", uri, id);
          continue;
        }
      g_assert_cmpuint (hl_test_count_occurrences (html, target), ==, 1);

      /* The heading there: the element itself (h3) or its section's h2. */
      if (g_str_has_prefix (id, "summary-"))
        heading = g_strdup_printf ("%s</h3>", text);
      else
        heading = g_strdup_printf ("<h2>%s</h2>", text);
      g_assert_true (g_str_has_prefix (found + strlen (target), heading) ||
                     g_str_has_prefix (found + strlen (target) + 1, heading));
    }

  return entries;
}

/* "On this page" at the top of long topics, as MedlinePlus shows it. */
static void
test_topic_contents (HlPageFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *diabetes = hl_test_render (fixture, "hl://topic/4");
  g_autofree char *pain = hl_test_render (fixture, "hl://topic/3061");
  g_autofree char *dolor = hl_test_render (fixture, "hl://topic/3062");
  g_autofree char *short_topic = hl_test_render (fixture, "hl://topic/990008");
  const char *contents_heading = hl_catalog_gettext ("es", "On this page");

  /* The summary's headings: Diabetes has eight. */
  g_assert_cmpuint (assert_contents_jumps ("hl://topic/4", diabetes), ==, 8);
  {
    static const char *order[] = {
      "<nav class=\"contents\"", "<h2 id=\"contents-heading\">On this page</h2>",
      "<a href=\"#summary-1\">What is diabetes?</a>",
      "<a href=\"#summary-8\">Can diabetes be prevented?</a>", "<section class=\"summary\"", "<h3 id=\"summary-1\">What is diabetes?</h3>", NULL,
    };
    hl_test_assert_in_order ("hl://topic/4", diabetes, order);
  }

  /* Without headings, the summary, then each category of links. */
  g_assert_cmpuint (assert_contents_jumps ("hl://topic/3061", pain), >=, 5);
  {
    static const char *order[] = {
      "<a href=\"#summary\">Summary</a>", "<a href=\"#section-1\">Start Here</a>",
      "Medical Encyclopedia</a>", "<section class=\"summary\" id=\"summary\">",
      "<section class=\"links\" id=\"section-1\">", NULL,
    };
    hl_test_assert_in_order ("hl://topic/3061", pain, order);
  }

  /* In the page's language. */
  g_assert_cmpstr (contents_heading, !=, "On this page");
  hl_test_assert_contains ("hl://topic/3062", dolor, contents_heading);
  g_assert_cmpuint (assert_contents_jumps ("hl://topic/3062", dolor), >=, 4);

  /* A short topic needs none. */
  hl_test_assert_lacks ("hl://topic/990008", short_topic, "<nav class=\"contents\"");
}

/* Links that leave the app are marked, the summaries' own included (they
 * carry no class): the style sheet picks them by their address. */
static void
test_external_links_marked (HlPageFixture *fixture,
                            gconstpointer  data)
{
  g_autofree char *diabetes = hl_test_render (fixture, "hl://topic/4");

  hl_test_assert_contains ("hl://topic/4", diabetes,
                           "<a href=\"https://medlineplus.gov/bloodglucose.html\">blood glucose</a>");
  hl_test_assert_contains ("hl://topic/4", diabetes,
                           "a[href^=\"http:\"]::after, a[href^=\"https:\"]::after {");
  hl_test_assert_contains ("hl://topic/4", diabetes, "content: \"\\00a0↗\";");
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

  ADD ("search", NULL, test_search);
  ADD ("search-empty-states", NULL, test_search_empty_states);
  ADD ("search-hostile-queries", NULL, test_search_hostile_queries);
  ADD ("clinic", NULL, test_clinic);
  ADD ("escaping", "special-characters.xml", test_escaping);
  ADD ("escaping-lists", "special-characters.xml", test_escaping_lists);
  ADD ("every-page", NULL, test_every_page);
  ADD ("topic-contents", NULL, test_topic_contents);
  ADD ("external-links-marked", NULL, test_external_links_marked);

#undef ADD

  return g_test_run ();
}
