/* test-html.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib.h>

#include "hl-html.h"

static const char medlineplus_summary[] =
  "<p>A1C is a blood test for <a href=\"https://medlineplus.gov/diabetestype2.html\">type 2 "
  "diabetes</a>.</p><ul><li>A normal A1C level is below 5.7%</li></ul><p class=\"\">NIH: "
  "National Institute of Diabetes and Digestive and Kidney Diseases</p>";

/* Helpers */

static char *
sanitize (const char *html)
{
  return hl_html_sanitize (html, -1, NULL, NULL, NULL);
}

static const char *const allowed_tags[] = {
  "<p>", "</p>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<em>", "</em>",
  "<strong>", "</strong>", "<b>", "</b>", "<i>", "</i>", "<br>", "<h3>", "</h3>", "</a>",
};

static const char *const allowed_entities[] = {
  "&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
};

static char *
unescape_attr (const char *escaped)
{
  GString *raw = g_string_new (escaped);

  g_string_replace (raw, "&quot;", "\"", 0);
  g_string_replace (raw, "&#39;", "'", 0);
  g_string_replace (raw, "&lt;", "<", 0);
  g_string_replace (raw, "&gt;", ">", 0);
  g_string_replace (raw, "&amp;", "&", 0);
  return g_string_free (raw, FALSE);
}

/* Fails unless @html consists of allowed tags, text without markup
 * characters and the five entities, and every <a> has nothing but an
 * allowed href. */
static void
assert_only_allowed_markup (const char *html)
{
  const char *p = html;

  g_assert_true (g_utf8_validate (html, -1, NULL));

  while (*p != '\0')
    {
      gboolean matched = FALSE;
      gsize i;

      if (*p == '<')
        {
          for (i = 0; i < G_N_ELEMENTS (allowed_tags) && !matched; i++)
            {
              if (g_str_has_prefix (p, allowed_tags[i]))
                {
                  p += strlen (allowed_tags[i]);
                  matched = TRUE;
                }
            }

          if (!matched && g_str_has_prefix (p, "<a href=\""))
            {
              const char *start = p + strlen ("<a href=\"");
              const char *end = strchr (start, '"');
              g_autofree char *escaped = NULL;
              g_autofree char *href = NULL;

              g_assert_nonnull (end);
              g_assert_cmpint (end[1], ==, '>');
              escaped = g_strndup (start, end - start);
              g_assert_null (strchr (escaped, '<'));
              g_assert_null (strchr (escaped, '>'));
              href = unescape_attr (escaped);
              g_assert_true (hl_html_is_allowed_url (href));
              p = end + 2;
              matched = TRUE;
            }

          if (!matched)
            g_error ("unexpected markup at “%.20s” in “%s”", p, html);
        }
      else if (*p == '&')
        {
          for (i = 0; i < G_N_ELEMENTS (allowed_entities) && !matched; i++)
            {
              if (g_str_has_prefix (p, allowed_entities[i]))
                {
                  p += strlen (allowed_entities[i]);
                  matched = TRUE;
                }
            }

          if (!matched)
            g_error ("unexpected entity at “%.20s” in “%s”", p, html);
        }
      else
        {
          g_assert_cmpint (*p, !=, '>');
          g_assert_cmpint (*p, !=, '"');
          g_assert_cmpint (*p, !=, '\'');
          p++;
        }
    }
}

static void
assert_lacks (const char *html,
              const char *needle)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  g_autofree char *lower_needle = g_ascii_strdown (needle, -1);

  if (strstr (lower, lower_needle) != NULL)
    g_error ("“%s” contains “%s”", html, needle);
}

/* Sanitizes @input, compares with @expected and checks the result is safe
 * and stable. */
static void
assert_sanitized (const char *input,
                  const char *expected)
{
  g_autofree char *output = sanitize (input);
  g_autofree char *again = NULL;

  g_assert_cmpstr (output, ==, expected);
  assert_only_allowed_markup (output);

  again = sanitize (output);
  g_assert_cmpstr (again, ==, output);
}

static const char *const dangerous[] = {
  "<script", "</script", "javascript", "vbscript", "data:", "alert", "onerror", "onload",
  "onmouseover", "onclick", "style", "<img", "src=", "<iframe", "<svg", "<object", "<embed",
  "<form", "<input", "<button", "<math", "<meta", "<link", "<base", "position:", "expression",
};

static void
assert_safe (const char *input)
{
  g_autofree char *output = sanitize (input);
  gsize i;

  assert_only_allowed_markup (output);
  for (i = 0; i < G_N_ELEMENTS (dangerous); i++)
    assert_lacks (output, dangerous[i]);
}

/* Escaping */

static void
test_escape_text (void)
{
  g_autofree char *title = hl_html_escape_text ("Tom & Jerry's <b>\"Diet\"</b> > 5");
  g_autofree char *plain = hl_html_escape_text ("Niño's presión");
  g_autofree char *safe = hl_html_escape_text ("no markup here");
  g_autofree char *edges = hl_html_escape_text ("<&>");
  g_autofree char *empty = hl_html_escape_text ("");
  g_autofree char *null = hl_html_escape_text (NULL);

  g_assert_cmpstr (title, ==,
                   "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;Diet&quot;&lt;/b&gt; &gt; 5");
  g_assert_cmpstr (plain, ==, "Niño&#39;s presión");
  g_assert_cmpstr (safe, ==, "no markup here");
  g_assert_cmpstr (edges, ==, "&lt;&amp;&gt;");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (null, ==, "");
}

static void
test_escape_attr (void)
{
  g_autofree char *value = hl_html_escape_attr ("\" onmouseover=\"alert(1)");
  g_autofree char *single = hl_html_escape_attr ("x' onload='y");
  g_autofree char *url = hl_html_escape_attr ("https://example.org/?a=1&b=<2>");
  g_autofree char *null = hl_html_escape_attr (NULL);

  g_assert_cmpstr (value, ==, "&quot; onmouseover=&quot;alert(1)");
  g_assert_cmpstr (single, ==, "x&#39; onload=&#39;y");
  g_assert_cmpstr (url, ==, "https://example.org/?a=1&amp;b=&lt;2&gt;");
  g_assert_cmpstr (null, ==, "");
}

static void
test_escape_append (void)
{
  g_autoptr (GString) out = g_string_new ("<h1>");
  g_autoptr (GString) attr = g_string_new ("<a title=\"");
  g_autoptr (GString) longer = g_string_new (NULL);
  g_autoptr (GString) expected = g_string_new (NULL);
  guint i;

  hl_html_append_text (out, "Heart & \"Lungs\"");
  hl_html_append_text (out, NULL);
  hl_html_append_text (out, "");
  g_string_append (out, "</h1>");
  g_assert_cmpstr (out->str, ==, "<h1>Heart &amp; &quot;Lungs&quot;</h1>");

  hl_html_append_attr (attr, "It's \"fine\"");
  hl_html_append_attr (attr, NULL);
  g_string_append (attr, "\">");
  g_assert_cmpstr (attr->str, ==, "<a title=\"It&#39;s &quot;fine&quot;\">");

  /* Long safe runs between the characters that need escaping. */
  for (i = 0; i < 200; i++)
    {
      hl_html_append_text (longer, "blood pressure <");
      g_string_append (expected, "blood pressure &lt;");
    }
  g_assert_cmpstr (longer->str, ==, expected->str);
}

/* URLs */

static void
test_allowed_url (void)
{
  static const struct
  {
    const char *url;
    gboolean    allowed;
    gboolean    web;
  } cases[] = {
    { "https://medlineplus.gov/a.html", TRUE, TRUE },
    { "http://medlineplus.gov/", TRUE, TRUE },
    { "HTTPS://MEDLINEPLUS.GOV/A.HTML", TRUE, TRUE },
    { "HtTp://example.org/x?y=1&z=\"2\"", TRUE, TRUE },
    { "https://es.wikipedia.org/wiki/Niño", TRUE, TRUE },
    { "hl://topic/12", TRUE, FALSE },
    { "HL://group/3", TRUE, FALSE },
    { "javascript:alert(1)", FALSE, FALSE },
    { "JaVaScRiPt:alert(1)", FALSE, FALSE },
    { "  JaVaScRiPt:alert(1)", FALSE, FALSE },
    { "java\tscript:alert(1)", FALSE, FALSE },
    { "java\nscript:alert(1)", FALSE, FALSE },
    { "vbscript:msgbox(1)", FALSE, FALSE },
    { "data:text/html;base64,PHNjcmlwdD4=", FALSE, FALSE },
    { "file:///etc/passwd", FALSE, FALSE },
    { "ftp://example.org/", FALSE, FALSE },
    { "mailto:someone@example.org", FALSE, FALSE },
    { "//example.org/x", FALSE, FALSE },
    { "/relative.html", FALSE, FALSE },
    { "relative.html", FALSE, FALSE },
    { "#anchor", FALSE, FALSE },
    { "https:", FALSE, FALSE },
    { "https://", FALSE, FALSE },
    { "https:///x", FALSE, FALSE },
    { "http:example.org", FALSE, FALSE },
    { "hl:", FALSE, FALSE },
    { "httpx://example.org", FALSE, FALSE },
    { "hlx://topic/1", FALSE, FALSE },
    { " https://medlineplus.gov/", FALSE, FALSE },
    { "https://medlineplus.gov/ ", FALSE, FALSE },
    { "https://medline plus.gov/", FALSE, FALSE },
    { "https://medlineplus.gov/\x7f", FALSE, FALSE },
    { "https://medlineplus.gov/\x01", FALSE, FALSE },
    { "https://medlineplus.gov/\r\n", FALSE, FALSE },
    { "", FALSE, FALSE },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (hl_html_is_allowed_url (cases[i].url) != cases[i].allowed)
        g_error ("hl_html_is_allowed_url (“%s”) is not %d", cases[i].url, cases[i].allowed);
      if (hl_html_is_web_url (cases[i].url) != cases[i].web)
        g_error ("hl_html_is_web_url (“%s”) is not %d", cases[i].url, cases[i].web);
    }

  g_assert_false (hl_html_is_allowed_url (NULL));
  g_assert_false (hl_html_is_web_url (NULL));
}

/* Sanitizer: what is removed */

static void
test_sanitize_script (void)
{
  assert_sanitized ("<script>alert(1)</script>", "");
  assert_sanitized ("<p>Before<script>alert(1)</script> after</p>", "<p>Before after</p>");
  assert_sanitized ("<SCRIPT type=\"text/javascript\">alert(1)</SCRIPT>Text", "Text");
  /* Broken-up tags become an element with a strange name and text. */
  assert_sanitized ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)");
  /* Script in text is text. */
  assert_sanitized ("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
                    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");

  assert_safe ("<script>alert(1)</script>");
  assert_safe ("<script src=\"https://evil.example/x.js\"></script>");
  assert_safe ("<noscript><p>alert</p></noscript>");
  assert_safe ("<template><script>alert(1)</script></template>");
}

static void
test_sanitize_event_handlers (void)
{
  assert_sanitized ("<img src=x onerror=alert(1)>", "");
  assert_sanitized ("<p>See <img src=x onerror=alert(1)>this</p>", "<p>See this</p>");
  assert_sanitized ("<b onmouseover=\"alert(1)\">Bold</b>", "<b>Bold</b>");
  assert_sanitized ("<p onclick='alert(1)'>Click</p>", "<p>Click</p>");
  assert_sanitized ("<svg onload=alert(1)><circle r=1></circle>Text</svg>After", "After");
  assert_sanitized ("<body onload=alert(1)>Body</body>", "Body");
  assert_sanitized ("<a href=\"https://medlineplus.gov/\" onclick=\"alert(1)\">x</a>",
                    "<a href=\"https://medlineplus.gov/\">x</a>");

  assert_safe ("<img src=x onerror=alert(1)>");
  assert_safe ("<b onmouseover=alert(1)>x</b>");
  assert_safe ("<svg><script>alert(1)</script></svg>");
  assert_safe ("<math><mtext><img src=x onerror=alert(1)></mtext></math>");
  assert_safe ("<video><source onerror=alert(1)></video>");
}

static void
test_sanitize_style (void)
{
  assert_sanitized ("<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">Cover</p>",
                    "<p>Cover</p>");
  assert_sanitized ("<em style=\"color:red\">Red</em>", "<em>Red</em>");
  assert_sanitized ("<style>body { display: none }</style><p>Shown</p>", "<p>Shown</p>");
  assert_sanitized ("<p class=\"attribution\" id=\"x\" dir=\"rtl\">Credit</p>", "<p>Credit</p>");
  assert_sanitized ("<link rel=stylesheet href=\"https://evil.example/x.css\">Text", "Text");

  assert_safe ("<p style=\"background:url(javascript:alert(1))\">x</p>");
  assert_safe ("<div style=\"width: expression(alert(1))\">x</div>");
}

static void
test_sanitize_embedded (void)
{
  assert_sanitized ("<iframe src=\"https://evil.example/\">Fallback</iframe>Text", "Text");
  assert_sanitized ("<object data=\"x.swf\"><param name=a value=b>Fallback</object>Text", "Text");
  /* embed and source are empty: what follows them is not their content. */
  assert_sanitized ("<embed src=\"x.swf\">Text", "Text");
  assert_sanitized ("<p>A<wbr>B<embed src=x>C</p>", "<p>ABC</p>");
  assert_sanitized ("<form action=\"https://evil.example/\"><input name=q value=\"Search\">"
                    "<button>Go</button><select><option>One</option></select>"
                    "<textarea>Type</textarea></form>After",
                    "After");
  assert_sanitized ("<frameset><frame src=x></frameset>After", "After");
  assert_sanitized ("<title>Title</title><meta http-equiv=refresh content=\"0;url=x\">"
                    "<base href=\"https://evil.example/\">Text",
                    "Text");

  assert_safe ("<iframe src=\"javascript:alert(1)\"></iframe>");
  assert_safe ("<object data=\"javascript:alert(1)\"></object>");
  assert_safe ("<embed src=\"data:text/html,alert(1)\">");
  assert_safe ("<form><input onfocus=alert(1) autofocus></form>");
  assert_safe ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");
}

static void
test_sanitize_javascript_links (void)
{
  static const char *const links[] = {
    "<a href=\"javascript:alert(1)\">Link</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">Link</a>",
    "<a href=\"  JaVaScRiPt:alert(1)\">Link</a>",
    "<a href=\"\x01javascript:alert(1)\">Link</a>",
    "<a href=\"java&#x09;script:alert(1)\">Link</a>",
    "<a href=\"java&#9;script:alert(1)\">Link</a>",
    "<a href=\"java&#x0A;script:alert(1)\">Link</a>",
    "<a href=\"java\tscript:alert(1)\">Link</a>",
    "<a href=\"&#106;avascript:alert(1)\">Link</a>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;cript&#x3A;alert(1)\">Link</a>",
    "<a href=\"javascript&colon;alert(1)\">Link</a>",
    "<a href=javascript:alert(1)>Link</a>",
    "<a href='javascript:alert(1)'>Link</a>",
    "<A HREF=\"javascript:alert(1)\">Link</A>",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (links); i++)
    {
      assert_sanitized (links[i], "Link");
      assert_safe (links[i]);
    }

  /* A safe second href does not rescue a bad first one. */
  assert_sanitized ("<a href=\"javascript:alert(1)\" href=\"https://medlineplus.gov/\">Link</a>",
                    "Link");
}

static void
test_sanitize_data_links (void)
{
  assert_sanitized ("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">"
                    "Data</a>",
                    "Data");
  assert_sanitized ("<a href=\"DATA:text/html,<script>alert(1)</script>\">Data</a>", "Data");
  assert_sanitized ("<a href=\"vbscript:msgbox(1)\">VB</a>", "VB");
  assert_sanitized ("<a href=\"VBScript:msgbox(1)\">VB</a>", "VB");
  assert_sanitized ("<a href=\"file:///etc/passwd\">File</a>", "File");

  assert_safe ("<a href=\"data:text/html,<script>alert(1)</script>\">Data</a>");
  assert_safe ("<a href=\"vbscript:msgbox(1)\">VB</a>");
}

/* Sanitizer: what is kept */

static void
test_sanitize_links (void)
{
  assert_sanitized ("<a href=\"https://medlineplus.gov/diabetes.html\">Diabetes</a>",
                    "<a href=\"https://medlineplus.gov/diabetes.html\">Diabetes</a>");
  assert_sanitized ("<a href=\"http://www.nlm.nih.gov/\">NLM</a>",
                    "<a href=\"http://www.nlm.nih.gov/\">NLM</a>");
  assert_sanitized ("<a href=\"hl://topic/12\">Topic</a>", "<a href=\"hl://topic/12\">Topic</a>");
  /* Attributes go, entities are decoded and re-escaped, the URL is trimmed. */
  assert_sanitized ("<a href=' https://medlineplus.gov/a.html?x=1&amp;y=\"2\" ' target=\"_blank\" "
                    "rel=\"noopener\" title=\"T\">Quoted</a>",
                    "<a href=\"https://medlineplus.gov/a.html?x=1&amp;y=&quot;2&quot;\">"
                    "Quoted</a>");
  /* Relative, protocol-relative and missing hrefs keep only the text. */
  assert_sanitized ("<a href=\"/relative.html\">Rel</a>, <a href=\"//evil.example/\">Proto</a>, "
                    "<a>None</a>, <a href=\"\">Empty</a>, <a name=\"top\">Anchor</a>",
                    "Rel, Proto, None, Empty, Anchor");
  /* Spaces inside the URL make it unusable. */
  assert_sanitized ("<a href=\"https://medline plus.gov/\">Space</a>", "Space");
  /* An empty link is not kept. */
  assert_sanitized ("<p>Text<a href=\"https://medlineplus.gov/\"></a></p>", "<p>Text</p>");
  /* Links do not nest. */
  assert_sanitized ("<p><a href=\"https://a.example/\">One <span><a href=\"https://b.example/\">"
                    "Two</a></span></a></p>",
                    "<p><a href=\"https://a.example/\">One Two</a></p>");
}

static void
test_sanitize_formatting (void)
{
  assert_sanitized ("<P CLASS=\"x\"><EM>Loud</EM> <Strong>s</Strong> <I>i</I> <B>b</B></P>",
                    "<p><em>Loud</em> <strong>s</strong> <i>i</i> <b>b</b></p>");
  assert_sanitized ("<h3>Heading</h3><p>Line<br/>next<BR>last<br clear=all></p>",
                    "<h3>Heading</h3><p>Line<br>next<br>last<br></p>");
  assert_sanitized ("<p><strong>Warning: <em>do not</em></strong> stop.</p>",
                    "<p><strong>Warning: <em>do not</em></strong> stop.</p>");
}

static void
test_sanitize_lists (void)
{
  assert_sanitized ("<ul><li>One</li><li>Two<ul><li>Two a</li><li>Two b</li></ul></li></ul>",
                    "<ul><li>One</li><li>Two<ul><li>Two a</li><li>Two b</li></ul></li></ul>");
  assert_sanitized ("<ol><li>First<li>Second</ol>", "<ol><li>First</li><li>Second</li></ol>");
  assert_sanitized ("<ul>\n  <li>Spaced</li>\n  <li>Out</li>\n</ul>",
                    "<ul>\n  <li>Spaced</li>\n  <li>Out</li>\n</ul>");
  /* A list straight inside a list keeps its items in the outer list. */
  assert_sanitized ("<ul><li>A</li><ul><li>B</li></ul></ul>",
                    "<ul><li>A</li><li>B</li></ul>");
  assert_sanitized ("<ul><li>A</li><ol><li>B</li></ol></ul>",
                    "<ul><li>A</li></ul><ol><li>B</li></ol>");
}

static void
test_sanitize_unclosed (void)
{
  assert_sanitized ("<p>Unclosed paragraph<p>Another one",
                    "<p>Unclosed paragraph</p><p>Another one</p>");
  assert_sanitized ("<p>Paragraph<ul><li>Item</ul>after",
                    "<p>Paragraph</p><ul><li>Item</li></ul>after");
  assert_sanitized ("<ul><li>Open item<li>Another", "<ul><li>Open item</li><li>Another</li></ul>");
  assert_sanitized ("<b>Bold <i>both</b> italic</i>", "<b>Bold <i>both</i></b> italic");
  assert_sanitized ("  \n <p>  Stray   white space </p>\n\n  ", "<p>  Stray   white space </p>");
  assert_sanitized ("</p></li></ul>Text</b>", "Text");
  assert_sanitized ("<p>Trailing <", "<p>Trailing &lt;</p>");
}

static void
test_sanitize_unknown_elements (void)
{
  /* Unknown inline elements vanish, their text stays. */
  assert_sanitized ("<p>Take <span class=\"dose\">two</span> <font color=red>pills</font></p>",
                    "<p>Take two pills</p>");
  /* Unknown blocks still break the line so words stay apart. */
  assert_sanitized ("<div>One</div><div>Two</div>", "One<br>Two");
  assert_sanitized ("<div>One</div><div><b></b>Two</div>", "One<br>Two");
  assert_sanitized ("<table><tr><td>Cell</td><td>Next</td></tr></table>", "Cell<br>Next");
  assert_sanitized ("<h1>Title</h1><p>Text</p>", "Title<p>Text</p>");
  assert_sanitized ("<div><p>One</p></div><div><p>Two</p></div>", "<p>One</p><p>Two</p>");
  /* Blocks cannot go inside paragraphs or inline elements. */
  assert_sanitized ("<p>Intro <span>x<p>inner</p>y</span></p>", "<p>Intro x<br>inner<br>y</p>");
  assert_sanitized ("<em>A<li>B</li></em>", "<em>A<br>B</em>");
}

static void
test_sanitize_comments (void)
{
  assert_sanitized ("A<!-- secret -->B", "AB");
  assert_sanitized ("<p>A<!--[if IE]><script>alert(1)</script><![endif]-->B</p>", "<p>AB</p>");
  assert_sanitized ("A<?php echo 1 ?>B", "AB");
  assert_sanitized ("<!DOCTYPE html><p>Text</p>", "<p>Text</p>");
}

static void
test_sanitize_text_escaping (void)
{
  assert_sanitized ("Fish &amp; chips &copy; 2026 &euro;5 &#x1F600; &bogus; 5 < 6 > 4 \"q\" 'a'",
                    "Fish &amp; chips © 2026 €5 😀 &amp;bogus; 5 &lt; 6 &gt; 4 "
                    "&quot;q&quot; &#39;a&#39;");
  assert_sanitized ("<p>a&nbsp;b</p>", "<p>a\xc2\xa0" "b</p>");
  assert_sanitized ("<p>&#0;&#xD800;x</p>", "<p>x</p>");
}

static void
test_sanitize_empty (void)
{
  g_autoptr (GString) plain = g_string_new ("kept");
  g_autofree char *null = hl_html_sanitize (NULL, -1, NULL, NULL, plain);
  g_autofree char *empty = hl_html_sanitize ("", -1, NULL, NULL, plain);
  g_autofree char *zero = hl_html_sanitize ("<p>x</p>", 0, NULL, NULL, plain);
  g_autofree char *blank = hl_html_sanitize (" \n\t ", -1, NULL, NULL, plain);

  g_assert_cmpstr (null, ==, "");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (zero, ==, "");
  g_assert_cmpstr (blank, ==, "");
  g_assert_cmpstr (plain->str, ==, "kept");

  assert_sanitized ("<p></p><p> </p><ul><li></li></ul><em></em>", "");
  assert_sanitized ("<p>A</p><p>\n</p><p>B</p>", "<p>A</p><p>B</p>");
  assert_sanitized ("<b>A</b><em> </em><b>B</b>", "<b>A</b> <b>B</b>");
}

static void
test_sanitize_length (void)
{
  const char *html = "<p>First</p><p>Second</p>";
  g_autofree char *first = hl_html_sanitize (html, strlen ("<p>First</p>"), NULL, NULL, NULL);

  g_assert_cmpstr (first, ==, "<p>First</p>");
}

static void
test_sanitize_invalid_utf8 (void)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autofree char *output = NULL;
  g_autofree char *nul = NULL;
  g_autofree char *latin1 = NULL;

  output = hl_html_sanitize ("<p>Ni\xf1o \xff\xfe caf\xc3 <b>Presi\xc3\xb3n</b></p>", -1,
                             NULL, NULL, plain);
  g_assert_true (g_utf8_validate (output, -1, NULL));
  g_assert_true (g_utf8_validate (plain->str, -1, NULL));
  /* The valid text after the bad bytes survives unchanged. */
  g_assert_cmpstr (output, ==,
                   "<p>Ni\xef\xbf\xbdo \xef\xbf\xbd\xef\xbf\xbd caf\xef\xbf\xbd "
                   "<b>Presión</b></p>");
  assert_only_allowed_markup (output);

  /* Embedded NUL with an explicit length. */
  nul = hl_html_sanitize ("<p>a\0b</p>", 9, NULL, NULL, NULL);
  g_assert_cmpstr (nul, ==, "<p>a\xef\xbf\xbd" "b</p>");

  /* A charset declaration does not switch the decoder. */
  latin1 = sanitize ("<meta charset=\"iso-8859-1\"><p>Niño</p>");
  g_assert_cmpstr (latin1, ==, "<p>Niño</p>");
}

static void
test_sanitize_nesting_limit (void)
{
  g_autoptr (GString) input = g_string_new (NULL);
  g_autofree char *output = NULL;
  guint i;

  for (i = 0; i < 200; i++)
    g_string_append (input, "<b>");
  g_string_append (input, "deep");

  output = sanitize (input->str);
  assert_only_allowed_markup (output);
  g_assert_true (strstr (output, "deep") != NULL);
  g_assert_true (strlen (output) < 200 * strlen ("<b></b>"));
}

/* Rewriting and plain text */

static char *
rewrite_medlineplus (const char *href,
                     gpointer    user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup (href));

  if (g_str_equal (href, "https://medlineplus.gov/diabetestype2.html"))
    return g_strdup ("hl://topic/12");
  if (g_str_equal (href, "diabetes.html"))
    return g_strdup ("hl://topic/7");
  if (g_str_equal (href, "https://medlineplus.gov/evil.html"))
    return g_strdup ("javascript:alert(1)");

  return NULL;
}

static void
test_sanitize_rewrite (void)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *output = NULL;

  output = hl_html_sanitize ("<p><a href=\" https://medlineplus.gov/diabetestype2.html \">"
                             "Type 2</a>, "
                             "<a href=\"diabetes.html\">Diabetes</a>, "
                             "<a href=\"https://www.cdc.gov/?a=1&amp;b=2\">CDC</a>, "
                             "<a href=\"https://medlineplus.gov/evil.html\">Evil</a>, "
                             "<a href=\"other.html\">Other</a>, "
                             "<a>No href</a></p>",
                             -1, rewrite_medlineplus, seen, NULL);

  g_assert_cmpstr (output, ==,
                   "<p><a href=\"hl://topic/12\">Type 2</a>, "
                   "<a href=\"hl://topic/7\">Diabetes</a>, "
                   "<a href=\"https://www.cdc.gov/?a=1&amp;b=2\">CDC</a>, "
                   "Evil, Other, No href</p>");

  /* Every href, decoded and trimmed, reaches the callback. */
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "https://medlineplus.gov/diabetestype2.html");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "diabetes.html");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "https://www.cdc.gov/?a=1&b=2");
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "https://medlineplus.gov/evil.html");
  g_assert_cmpstr (g_ptr_array_index (seen, 4), ==, "other.html");
}

static void
test_sanitize_plain_text (void)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autofree char *output = NULL;

  output = hl_html_sanitize ("<h3>Causes</h3><p>Smoking&nbsp;&amp; <b>air</b> pollution.</p>"
                             "<ul><li>Cough</li><li>Fever<ul><li>High</li></ul></li></ul>"
                             "<p>Line<br>break</p><div>Block</div><div>Other</div>"
                             "<script>var hidden;</script><p>Ends &lt;here&gt;</p>",
                             -1, NULL, NULL, plain);

  g_assert_cmpstr (plain->str, ==,
                   "Causes\nSmoking\xc2\xa0& air pollution.\nCough\nFever\nHigh\nLine\nbreak\n"
                   "Block\nOther\nEnds <here>");
  g_assert_null (strstr (plain->str, "hidden"));
  g_assert_null (strstr (plain->str, "<b>"));

  /* Appends to what is already there. */
  g_string_assign (plain, "Title. ");
  g_free (hl_html_sanitize ("<p>One</p><p>Two</p>", -1, NULL, NULL, plain));
  g_assert_cmpstr (plain->str, ==, "Title. One\nTwo");
}

static void
test_sanitize_medlineplus (void)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autofree char *output = NULL;

  output = hl_html_sanitize (medlineplus_summary, -1, NULL, NULL, plain);

  g_assert_cmpstr (output, ==,
                   "<p>A1C is a blood test for "
                   "<a href=\"https://medlineplus.gov/diabetestype2.html\">"
                   "type 2 diabetes</a>.</p><ul><li>A normal A1C level is below 5.7%</li></ul>"
                   "<p>NIH: National Institute of Diabetes and Digestive and Kidney Diseases</p>");
  g_assert_cmpstr (plain->str, ==,
                   "A1C is a blood test for type 2 diabetes.\n"
                   "A normal A1C level is below 5.7%\n"
                   "NIH: National Institute of Diabetes and Digestive and Kidney Diseases");
  assert_only_allowed_markup (output);
}

static void
test_sanitize_idempotent (void)
{
  static const char *const inputs[] = {
    medlineplus_summary,
    "<p>Unclosed<p>twice<ul><li>a<li>b</ul>tail",
    "<div>One<p>Two</div>Three<table><tr><td>Four</table>",
    "<a href=\"https://a.example/\">x<a href=\"https://b.example/\">y</a>",
    "<b><p>Block in inline</p></b><em>a<li>b</em>",
    "<ul><ol><li>x</ol></ul><li>y</li><ul>text<li>z",
    "<h3>a<p>b</h3><p>c<h3>d</h3>",
    "<span>Leading text</span><p>then</p> trailing",
    "</body>after</html>more<body>again",
    "<p>&lt;b&gt; &amp;amp; &quot;",
  };
  static const char *const pieces[] = {
    "<p>", "</p>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<em>", "</em>", "<b>",
    "</b>", "<i>", "</i>", "<strong>", "</strong>", "<h3>", "</h3>", "<br>", "</a>",
    "<a href=\"https://medlineplus.gov/?a=1&b=2\">", "<a href='hl://topic/1'>",
    "<a href=\"javascript:x\">", "<div>", "</div>", "<span>", "</span>", "<table>", "<td>",
    "</td>", "<script>", "</script>", "<h1>", "</h1>", "<body>", "</body>", "<html>", "</html>",
    "<head>", "<title>", "<hr>", "<img src=x>", "<p class=x>", "<dl>", "<dd>", " ", "\n",
    "word", "x<y", "&amp;", "&nbsp;", "<!-- c -->", "'", "\"", ">", "<", "&", "\xc3", "é",
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260101);
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *once = sanitize (inputs[i]);
      g_autofree char *twice = sanitize (once);

      g_assert_cmpstr (twice, ==, once);
      assert_only_allowed_markup (once);
    }

  /* Tag soup, reproducible. */
  for (i = 0; i < 2000; i++)
    {
      g_autoptr (GString) soup = g_string_new (NULL);
      g_autofree char *once = NULL;
      g_autofree char *twice = NULL;
      int n = g_rand_int_range (rand, 0, 30);
      int j;

      for (j = 0; j < n; j++)
        g_string_append (soup, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      once = sanitize (soup->str);
      twice = sanitize (once);
      if (g_strcmp0 (once, twice) != 0)
        g_error ("not stable: “%s” → “%s” → “%s”", soup->str, once, twice);
      assert_only_allowed_markup (once);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/html/escape-text", test_escape_text);
  g_test_add_func ("/core/html/escape-attr", test_escape_attr);
  g_test_add_func ("/core/html/escape-append", test_escape_append);
  g_test_add_func ("/core/html/allowed-url", test_allowed_url);
  g_test_add_func ("/core/html/sanitize/script", test_sanitize_script);
  g_test_add_func ("/core/html/sanitize/event-handlers", test_sanitize_event_handlers);
  g_test_add_func ("/core/html/sanitize/style", test_sanitize_style);
  g_test_add_func ("/core/html/sanitize/embedded", test_sanitize_embedded);
  g_test_add_func ("/core/html/sanitize/javascript-links", test_sanitize_javascript_links);
  g_test_add_func ("/core/html/sanitize/data-links", test_sanitize_data_links);
  g_test_add_func ("/core/html/sanitize/links", test_sanitize_links);
  g_test_add_func ("/core/html/sanitize/formatting", test_sanitize_formatting);
  g_test_add_func ("/core/html/sanitize/lists", test_sanitize_lists);
  g_test_add_func ("/core/html/sanitize/unclosed", test_sanitize_unclosed);
  g_test_add_func ("/core/html/sanitize/unknown-elements", test_sanitize_unknown_elements);
  g_test_add_func ("/core/html/sanitize/comments", test_sanitize_comments);
  g_test_add_func ("/core/html/sanitize/text-escaping", test_sanitize_text_escaping);
  g_test_add_func ("/core/html/sanitize/empty", test_sanitize_empty);
  g_test_add_func ("/core/html/sanitize/length", test_sanitize_length);
  g_test_add_func ("/core/html/sanitize/invalid-utf8", test_sanitize_invalid_utf8);
  g_test_add_func ("/core/html/sanitize/nesting-limit", test_sanitize_nesting_limit);
  g_test_add_func ("/core/html/sanitize/rewrite", test_sanitize_rewrite);
  g_test_add_func ("/core/html/sanitize/plain-text", test_sanitize_plain_text);
  g_test_add_func ("/core/html/sanitize/medlineplus", test_sanitize_medlineplus);
  g_test_add_func ("/core/html/sanitize/idempotent", test_sanitize_idempotent);

  return g_test_run ();
}
