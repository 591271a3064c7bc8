/* test-handout.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The handout renderer without a display: summaries taken apart word for
 * word, pages broken where they should be, several topics in one PDF in
 * their order with a contents list, languages missing, and drawing on the
 * surfaces the printer and the preview use. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-catalog.h"
#include "hl-error.h"
#include "hl-handout-flow.h"
#include "hl-handout-summary.h"
#include "hl-handout.h"
#include "hl-html.h"

#include "test-util.h"

/* Summaries */

static HlHandoutPara *
para (GPtrArray *paras,
      guint      i)
{
  g_assert_cmpuint (i, <, paras->len);
  return g_ptr_array_index (paras, i);
}

/* The attribute of @type covering byte @index, if any. */
static gboolean
has_attr_at (HlHandoutPara  *p,
             PangoAttrType   type,
             guint           index)
{
  g_autoptr(PangoAttrIterator) iter = pango_attr_list_get_iterator (p->attrs);

  do
    {
      int start, end;

      pango_attr_iterator_range (iter, &start, &end);
      if ((guint) start <= index && index < (guint) end && pango_attr_iterator_get (iter, type))
        return TRUE;
    }
  while (pango_attr_iterator_next (iter));

  return FALSE;
}

static void
test_summary_structure (void)
{
  const char *source =
    "<h3>What is it?</h3>\n<p>Some <strong>bold</strong>   and <em>slanted</em>\n text with a "
    "<a href=\"https://medlineplus.gov/x.html\">link</a>, and <a href=\"javascript:x()\">not "
    "one</a>.</p><ul><li>One</li><li>Two<ul><li>Two a</li></ul></li></ul>"
    "<ol><li>First</li><li>Second &amp; last</li></ol><p>Line one<br>line two</p>";
  g_autofree char *html = hl_html_sanitize (source, -1, NULL, NULL, NULL);
  g_autoptr(GPtrArray) paras = hl_handout_summary_parse (html);
  HlHandoutPara *text;
  HlHandoutLink *link;
  const char *bold;

  g_assert_cmpuint (paras->len, ==, 8);

  g_assert_cmpint (para (paras, 0)->kind, ==, HL_HANDOUT_PARA_HEADING);
  g_assert_cmpstr (para (paras, 0)->text, ==, "What is it?");

  text = para (paras, 1);
  g_assert_cmpint (text->kind, ==, HL_HANDOUT_PARA_TEXT);
  g_assert_cmpuint (text->depth, ==, 0);
  g_assert_null (text->marker);
  g_assert_cmpstr (text->text, ==, "Some bold and slanted text with a link, and not one.");
  bold = strstr (text->text, "bold");
  g_assert_true (has_attr_at (text, PANGO_ATTR_WEIGHT, bold - text->text));
  g_assert_true (has_attr_at (text, PANGO_ATTR_WEIGHT, bold - text->text + 3));
  g_assert_false (has_attr_at (text, PANGO_ATTR_WEIGHT, 0));
  g_assert_false (has_attr_at (text, PANGO_ATTR_WEIGHT, bold - text->text + 4));
  g_assert_true (has_attr_at (text, PANGO_ATTR_STYLE, strstr (text->text, "slanted") - text->text));

  /* The sanitizer dropped the script link; the web link covers its words. */
  g_assert_cmpuint (text->links->len, ==, 1);
  link = &g_array_index (text->links, HlHandoutLink, 0);
  g_assert_cmpstr (link->uri, ==, "https://medlineplus.gov/x.html");
  g_assert_cmpint (link->end - link->start, ==, 4);
  g_assert_true (strncmp (text->text + link->start, "link", 4) == 0);

  g_assert_cmpint (para (paras, 2)->kind, ==, HL_HANDOUT_PARA_ITEM);
  g_assert_cmpstr (para (paras, 2)->text, ==, "One");
  g_assert_cmpstr (para (paras, 2)->marker, ==, "•");
  g_assert_cmpuint (para (paras, 2)->depth, ==, 1);
  g_assert_cmpstr (para (paras, 3)->text, ==, "Two");
  g_assert_cmpstr (para (paras, 4)->text, ==, "Two a");
  g_assert_cmpuint (para (paras, 4)->depth, ==, 2);
  g_assert_cmpstr (para (paras, 4)->marker, ==, "◦");
  g_assert_cmpstr (para (paras, 5)->marker, ==, "1.");
  g_assert_cmpstr (para (paras, 6)->marker, ==, "2.");
  g_assert_cmpstr (para (paras, 6)->text, ==, "Second & last");
  g_assert_cmpstr (para (paras, 7)->text, ==, "Line one\nline two");
}

/* Every word of every summary of the library, in order, and nothing else:
 * the handout never rewords MedlinePlus. */
static void
assert_same_words (const char *title,
                   const char *expected,
                   const char *actual)
{
  g_auto(GStrv) a = g_strsplit_set (expected, " \n\t", -1);
  g_auto(GStrv) b = g_strsplit_set (actual, " \n\t", -1);
  g_autoptr(GString) x = g_string_new (NULL);
  g_autoptr(GString) y = g_string_new (NULL);

  for (guint i = 0; a[i] != NULL; i++)
    if (*a[i] != '\0')
      g_string_append_printf (x, "%s ", a[i]);
  for (guint i = 0; b[i] != NULL; i++)
    if (*b[i] != '\0')
      g_string_append_printf (y, "%s ", b[i]);

  if (!g_str_equal (x->str, y->str))
    g_test_fail_printf ("“%s”: the handout's words differ from the summary's", title);
}

static void
test_summary_every_topic (HlPageFixture *fixture,
                          gconstpointer  data)
{
  const char *languages[] = { "en", "es" };
  guint checked = 0;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) refs = hl_topic_store_list_topics_by_letter (fixture->store,
                                                                         languages[l], 0, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
        {
          g_autoptr(HlTopicRef) ref = g_list_model_get_item (refs, i);
          g_autoptr(HlTopic) topic = hl_topic_store_load_topic (fixture->store,
                                                                hl_topic_ref_get_id (ref), NULL);
          g_autoptr(GString) plain = g_string_new (NULL);
          g_autofree char *sanitized = hl_html_sanitize (topic->summary, -1, NULL, NULL, plain);
          g_autoptr(GPtrArray) paras = hl_handout_summary_parse (topic->summary);
          g_autoptr(GString) words = g_string_new (NULL);

          g_assert_cmpuint (paras->len, >, 0);
          for (guint p = 0; p < paras->len; p++)
            g_string_append_printf (words, "%s\n", para (paras, p)->text);
          assert_same_words (topic->title, plain->str, words->str);
          checked++;
        }
    }

  g_assert_cmpuint (checked, ==, STARTER_EN + STARTER_ES);
}

static void
test_summary_not_html (void)
{
  g_autoptr(GPtrArray) paras = hl_handout_summary_parse ("<p>a < b & c</p><p>unclosed");
  g_autoptr(GPtrArray) none = hl_handout_summary_parse (NULL);

  /* Not what the sanitizer writes: read as text, nothing lost. */
  g_assert_cmpuint (paras->len, >=, 1);
  g_assert_nonnull (strstr (para (paras, 0)->text, "a < b & c"));
  g_assert_cmpuint (none->len, ==, 0);
}

/* Pages */

static PangoLayout *
lines_layout (PangoContext *context,
              guint         n_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(GString) text = g_string_new (NULL);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "%sline %u", i > 0 ? "\n" : "", i + 1);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text->str, -1);
  return layout;
}

static void
test_flow_breaks (void)
{
  HlFlowPage page = { 300, 260, 20, 20, 20, 20 };
  g_autoptr(GObject) object = G_OBJECT (pango_font_map_create_context (pango_cairo_font_map_get_default ()));
  PangoContext *context = PANGO_CONTEXT (object);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(HlFlow) flow = hl_flow_new (&page);
  static const guint lengths[] = { 3, 1, 7, 2, 0, 5, 4, 1, 9, 0, 3, 6, 2, 8, 1, 3, 25, 2 };
  guint n_pages;

  pango_cairo_context_set_resolution (context, 72);

  /* Paragraphs of these many lines; 0 is a heading, kept with the next. */
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(PangoLayout) layout = lines_layout (context, MAX (lengths[i], 1));
      HlFlowBlock *block = hl_flow_add_text (flow, layout, 0, 6);

      hl_flow_block_set_keep_with_next (block, lengths[i] == 0);
      g_ptr_array_add (blocks, block);
    }
  {
    /* A box that cannot break. */
    HlFlowBlock *box = hl_flow_add_box (flow, 120, 6, NULL, NULL, NULL);
    g_ptr_array_add (blocks, box);
  }

  n_pages = hl_flow_paginate (flow);
  g_assert_cmpuint (n_pages, >, 3);

  for (guint b = 0; b < blocks->len; b++)
    {
      guint n = b < G_N_ELEMENTS (lengths) ? MAX (lengths[b], 1) : 1;
      guint total = 0;

      for (guint p = 0; p < n_pages; p++)
        {
          guint here = hl_flow_count_lines_on_page (flow, p, g_ptr_array_index (blocks, b));

          /* Never one line of a paragraph alone on a page. */
          if (n >= 2 && here > 0)
            g_assert_cmpuint (here, >=, 2);
          /* A paragraph of three or fewer lines is never split. */
          if (n <= 3 && here > 0)
            g_assert_cmpuint (here, ==, n);
          /* A heading is never last on its page. */
          if (b < G_N_ELEMENTS (lengths) && lengths[b] == 0 && here > 0)
            g_assert_cmpuint (hl_flow_count_lines_on_page (flow, p, g_ptr_array_index (blocks, b + 1)),
                              >, 0);
          total += here;
        }
      g_assert_cmpuint (total, ==, n);
    }

  /* Every page has something on it: no page with only a footer. */
  for (guint p = 0; p < n_pages; p++)
    {
      guint here = 0;

      for (guint b = 0; b < blocks->len; b++)
        here += hl_flow_count_lines_on_page (flow, p, g_ptr_array_index (blocks, b));
      g_assert_cmpuint (here, >, 0);
    }
}

/* Handouts */

static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (page == 0)
    {
      argv[3] = pdf;
      argv[4] = "-";
      argv[5] = NULL;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("pdftotext (Debian package poppler-utils) is needed by this test: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
write_pdf (HlHandout  *handout,
           const char *name)
{
  g_autofree char *dir = hl_test_scratch_dir ("handout");
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  hl_handout_write_pdf (handout, file, &error);
  g_assert_no_error (error);
  return path;
}

/* The page (from 1) whose text has @needle first, or 0. */
static int
page_of (const char *pdf,
         guint       n_pages,
         const char *needle)
{
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text (pdf, p);

      if (strstr (text, needle) != NULL)
        return p;
    }
  return 0;
}

static void
test_several_topics (HlPageFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(HlHandout) handout = hl_handout_new (fixture->store, fixture->clinics);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  static const struct { int id; const char *title; } topics[] = {
    { 990013, "Asthma" }, { 4, "Diabetes" }, { 3062, "Dolor abdominal" }, { 1456, "Caffeine" },
  };
  guint n_pages;
  int previous = 0;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    hl_handout_add_topic (handout, topics[i].id);
  hl_handout_set_home_clinic (handout, "marshall");
  g_assert_true (hl_handout_layout (handout, HL_HANDOUT_LETTER_WIDTH, HL_HANDOUT_LETTER_HEIGHT,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hl_handout_get_title (handout), ==, "Asthma");
  g_assert_null (hl_handout_get_notes (handout)[0]);

  pdf = write_pdf (handout, "several.pdf");
  n_pages = hl_handout_get_n_pages (handout);
  text = pdf_text (pdf, 0);

  /* One header, one contents list, for the whole handout; the helpline at
   * the foot of every page too, for a page handed out alone. */
  g_assert_cmpuint (hl_test_count_occurrences (text, "24/7 helpline:") +
                    hl_test_count_occurrences (text, hl_catalog_gettext ("es", "24/7 helpline:")),
                    ==, 1 + n_pages);
  g_assert_cmpuint (hl_test_count_occurrences (text, "Marshall, TX"), ==, 1);
  g_assert_cmpuint (hl_test_count_occurrences (text, "In This Handout"), ==, 1);
  g_assert_cmpint (page_of (pdf, n_pages, "In This Handout"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_autofree char *entry = g_strdup_printf ("%u. %s", i + 1, topics[i].title);
      g_autofree char *heading = g_strdup_printf ("\n%s\n", topics[i].title);
      const char *line = strstr (text, entry);
      int page = page_of (pdf, n_pages, heading);
      int listed;

      /* In the contents, with the page it starts on. */
      g_assert_nonnull (line);
      line = strchr (line + strlen (entry), '\n');
      g_assert_nonnull (line);
      while (*line == '\n')
        line++;
      g_assert_true (sscanf (line, "%d", &listed) == 1);
      g_assert_cmpint (page, >, 0);
      g_assert_cmpint (listed, ==, page);
      /* In their order. */
      g_assert_cmpint (page, >=, previous);
      previous = page;
    }

  /* A long topic after a short one starts on a new page. */
  g_assert_cmpint (page_of (pdf, n_pages, "\nDiabetes\n"), >, page_of (pdf, n_pages, "\nAsthma\n"));
  g_unlink (pdf);
}

static void
test_missing_language (HlPageFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(HlHandout) alone = hl_handout_new (fixture->store, fixture->clinics);
  g_autoptr(HlHandout) several = hl_handout_new (fixture->store, fixture->clinics);
  g_autoptr(HlHandout) both = hl_handout_new (fixture->store, NULL);
  g_autoptr(HlHandout) empty = hl_handout_new (fixture->store, NULL);
  g_autoptr(HlHandout) missing = hl_handout_new (fixture->store, NULL);
  g_autoptr(GError) error = NULL;
  const char * const *notes;

  /* One topic in a language the library lacks: an error. */
  hl_handout_add_topic (alone, 4);
  hl_handout_set_language (alone, HL_HANDOUT_LANGUAGE_SPANISH);
  g_assert_false (hl_handout_layout (alone, 612, 792, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Diabetes"));
  g_assert_cmpuint (hl_handout_get_n_pages (alone), ==, 0);
  g_clear_error (&error);

  /* Among several: the one there is, and a note saying so. */
  hl_handout_add_topic (several, 4);
  hl_handout_add_topic (several, 3061);
  hl_handout_set_language (several, HL_HANDOUT_LANGUAGE_SPANISH);
  g_assert_true (hl_handout_layout (several, 612, 792, &error));
  g_assert_no_error (error);
  notes = hl_handout_get_notes (several);
  g_assert_nonnull (notes[0]);
  g_assert_null (notes[1]);
  g_assert_nonnull (strstr (notes[0], "“Diabetes” is not in the library in Spanish"));
  {
    g_autofree char *pdf = write_pdf (several, "spanish.pdf");
    g_autofree char *text = pdf_text (pdf, 0);

    g_assert_nonnull (strstr (text, "Diabetes"));
    g_assert_nonnull (strstr (text, "Dolor abdominal"));
    g_assert_null (strstr (text, "Abdominal Pain"));
    g_unlink (pdf);
  }

  /* Both, without a counterpart: the one language, noted. */
  hl_handout_add_topic (both, 4);
  hl_handout_set_language (both, HL_HANDOUT_LANGUAGE_BOTH);
  g_assert_true (hl_handout_layout (both, 612, 792, &error));
  g_assert_nonnull (strstr (hl_handout_get_notes (both)[0], "English only"));

  g_assert_false (hl_handout_layout (empty, 612, 792, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  g_clear_error (&error);

  hl_handout_add_topic (missing, 424242);
  g_assert_false (hl_handout_layout (missing, 612, 792, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "424242"));
}

/* The printer and the preview draw the same pages on other surfaces. */
static void
test_draw_surfaces (HlPageFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(HlHandout) handout = hl_handout_new (fixture->store, fixture->clinics);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  cairo_t *cr;
  guint dark = 0;
  guint8 *pixels;
  int stride;

  hl_handout_add_topic (handout, 3061);
  hl_handout_set_large_print (handout, TRUE);
  g_assert_true (hl_handout_get_large_print (handout));
  /* A4 this time: any paper. */
  g_assert_true (hl_handout_layout (handout, 595, 842, &error));
  g_assert_cmpfloat (hl_handout_get_page_width (handout), ==, 595);

  /* Half size, as a preview draws it. */
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  hl_handout_draw_page (handout, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < 421; y++)
    for (int x = 0; x < 298; x++)
      if ((((guint32 *) (pixels + y * stride))[x] & 0xff) < 0x40)
        dark++;
  cairo_surface_destroy (image);

  /* Text and a QR code: a good part of the page is ink. */
  g_assert_cmpuint (dark, >, 298 * 421 / 100);
}

static void
test_write_error (HlPageFixture *fixture,
                  gconstpointer  data)
{
  g_autoptr(HlHandout) handout = hl_handout_new (fixture->store, fixture->clinics);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/handout.pdf");
  g_autoptr(GError) error = NULL;

  hl_handout_add_topic (handout, 3061);
  /* Laid out on US Letter when not laid out before. */
  g_assert_false (hl_handout_write_pdf (handout, file, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/handout.pdf"));
  g_assert_cmpfloat (hl_handout_get_page_width (handout), ==, HL_HANDOUT_LETTER_WIDTH);
}

static void
test_parse_language (void)
{
  HlHandoutLanguage language = HL_HANDOUT_LANGUAGE_AS_CHOSEN;

  g_assert_true (hl_handout_parse_language ("en", &language));
  g_assert_cmpint (language, ==, HL_HANDOUT_LANGUAGE_ENGLISH);
  g_assert_true (hl_handout_parse_language ("ES", &language));
  g_assert_cmpint (language, ==, HL_HANDOUT_LANGUAGE_SPANISH);
  g_assert_true (hl_handout_parse_language ("both", &language));
  g_assert_cmpint (language, ==, HL_HANDOUT_LANGUAGE_BOTH);
  g_assert_false (hl_handout_parse_language ("fr", &language));
  g_assert_false (hl_handout_parse_language (NULL, &language));
  g_assert_cmpint (language, ==, HL_HANDOUT_LANGUAGE_BOTH);
}

int
main (int   argc,
      char *argv[])
{
  hl_test_use_source_data ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/handout/" path, HlPageFixture, NULL, hl_page_fixture_set_up, func, \
              hl_page_fixture_tear_down)

  g_test_add_func ("/handout/summary/structure", test_summary_structure);
  ADD ("summary/every-topic", test_summary_every_topic);
  g_test_add_func ("/handout/summary/not-html", test_summary_not_html);
  g_test_add_func ("/handout/flow/breaks", test_flow_breaks);
  ADD ("several-topics", test_several_topics);
  ADD ("missing-language", test_missing_language);
  ADD ("draw-surfaces", test_draw_surfaces);
  ADD ("write-error", test_write_error);
  g_test_add_func ("/handout/parse-language", test_parse_language);

#undef ADD

  return g_test_run ();
}
