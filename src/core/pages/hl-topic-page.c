/* hl-topic-page.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hl-html.h"
#include "hl-topic-contents.h"
#include "hl-topic-page.h"
#include "hl-topic-qr.h"

/* Where an information category goes on the page. MedlinePlus's own order
 * (Basics, Learn More, See Play and Learn, Research, Resources, For You),
 * with the Spanish names and the older names of 2012 files in the same
 * places. Unknown categories follow, in the order the file gives them. */
static const struct
{
  const char *name;
  int         rank;
} category_ranks[] = {
  { "Start Here", 10 }, { "Comience aquí", 10 }, { "Overviews", 10 }, { "Resúmenes", 10 },
  { "Diagnosis and Tests", 20 }, { "Diagnóstico y exámenes", 20 },
  { "Diagnosis/Symptoms", 20 }, { "Diagnósticos/Síntomas", 20 },
  { "Prevention and Risk Factors", 30 }, { "Prevención y factores de riesgo", 30 },
  { "Treatments and Therapies", 40 }, { "Tratamientos y terapias", 40 },
  { "Symptoms", 50 }, { "Síntomas", 50 },
  { "Learn More", 60 }, { "Más información", 60 },
  { "Living With", 70 }, { "Viviendo con...", 70 },
  { "Related Issues", 80 }, { "Asuntos relacionados", 80 },
  { "Specifics", 90 }, { "Asuntos específicos", 90 },
  { "Specific Conditions", 90 }, { "Condiciones específicas", 90 },
  { "Genetics", 100 }, { "Genética", 100 },
  { "Videos and Tutorials", 110 }, { "Interactivos y videos", 110 },
  { "Tutorials", 110 }, { "Tutoriales", 110 }, { "Videos", 111 },
  { "Health Check Tools", 120 }, { "Images", 130 }, { "Imágenes", 130 },
  { "Statistics and Research", 140 }, { "Estadísticas e investigación", 140 },
  { "Clinical Trials", 150 }, { "Journal Articles", 160 },
  { "Reference Desk", 170 }, { "Find an Expert", 180 }, { "Especialistas", 180 },
  { "Organizations", 185 },
  { "Children", 190 }, { "Niños/as", 190 }, { "Niños", 190 },
  { "Teenagers", 200 }, { "Adolescentes", 200 },
  { "Men", 210 }, { "Hombres", 210 },
  { "Women", 220 }, { "Mujeres", 220 },
  { "Older Adults", 230 }, { "Seniors", 230 }, { "Personas mayores", 230 },
  { "Patient Handouts", 240 },
  { "Latest News", 250 }, { "Últimas noticias", 250 },
};

#define RANK_UNKNOWN 1000
#define RANK_START_HERE 10

/* A topic with this many sections or more opens with "On this page". */
#define CONTENTS_MIN_ENTRIES 4

/* Categories that are not page sections: Encyclopedia links make up their
 * own box, the others are MedlinePlus bookkeeping it never shows. */
static gboolean
is_encyclopedia (const char *category)
{
  return g_str_equal (category, "Encyclopedia");
}

static gboolean
is_hidden_category (const char *category)
{
  return g_str_equal (category, "Spanish/Español") || g_str_has_prefix (category, "NON-DISPLAY");
}

static int
category_rank (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (category_ranks); i++)
    if (g_str_equal (category_ranks[i].name, category))
      return category_ranks[i].rank;
  return RANK_UNKNOWN;
}

gboolean
hl_topic_page_is_start_here (const char *category)
{
  return category != NULL && category_rank (category) == RANK_START_HERE;
}

typedef struct
{
  const char *name;
  int         rank;
  guint       first_seen;
  GPtrArray  *sites;   /* HlSite, borrowed */
} Section;

static void
section_free (Section *section)
{
  g_ptr_array_unref (section->sites);
  g_free (section);
}

static int
compare_sections (gconstpointer a,
                  gconstpointer b)
{
  const Section *sa = *(const Section **) a;
  const Section *sb = *(const Section **) b;

  if (sa->rank != sb->rank)
    return sa->rank < sb->rank ? -1 : 1;
  return sa->first_seen < sb->first_seen ? -1 : sa->first_seen > sb->first_seen;
}

/* Groups the sites by information category, in display order. */
static GPtrArray *
collect_sections (HlTopic    *topic,
                  GPtrArray **encyclopedia)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);

  *encyclopedia = g_ptr_array_new ();

  for (guint i = 0; i < topic->sites->len; i++)
    {
      HlSite *site = g_ptr_array_index (topic->sites, i);

      for (guint c = 0; c < site->categories->len; c++)
        {
          const char *category = g_ptr_array_index (site->categories, c);
          Section *section;

          if (is_hidden_category (category))
            continue;
          if (is_encyclopedia (category))
            {
              g_ptr_array_add (*encyclopedia, site);
              continue;
            }

          section = g_hash_table_lookup (by_name, category);
          if (section == NULL)
            {
              section = g_new0 (Section, 1);
              section->name = category;
              section->rank = category_rank (category);
              section->first_seen = sections->len;
              section->sites = g_ptr_array_new ();
              g_hash_table_insert (by_name, (gpointer) category, section);
              g_ptr_array_add (sections, section);
            }
          g_ptr_array_add (section->sites, site);
        }
    }

  g_ptr_array_sort (sections, compare_sections);
  return sections;
}

static void
append_joined (GString    *out,
               GPtrArray  *values,
               const char *separator)
{
  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      hl_html_append_text (out, g_ptr_array_index (values, i));
    }
}

static void
append_site (GString    *out,
             HlSite     *site,
             const char *language)
{
  g_string_append (out, "<li>");
  hl_page_append_link (out, hl_html_is_web_url (site->url) ? site->url : NULL,
                       site->title ? site->title : site->url, "external");
  if (site->organizations->len > 0)
    {
      g_string_append (out, " <span class=\"org\">(");
      append_joined (out, site->organizations, ", ");
      g_string_append (out, ")</span>");
    }
  for (guint i = 0; i < site->descriptions->len; i++)
    {
      g_string_append (out, " <span class=\"badge\">");
      hl_html_append_text (out, g_ptr_array_index (site->descriptions, i));
      g_string_append (out, "</span>");
    }
  if (site->mapped_url != NULL && hl_html_is_web_url (site->mapped_url))
    {
      g_string_append (out, " <span class=\"also\">");
      hl_page_append_link (out, site->mapped_url,
                           g_str_equal (language, "es") ? P_ (language, "Also in English")
                                                        : P_ (language, "Also in Spanish"),
                           "external");
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</li>\n");
}

static void
append_heading (GString    *out,
                const char *tag,
                const char *text)
{
  g_string_append_printf (out, "<%s>", tag);
  hl_html_append_text (out, text);
  g_string_append_printf (out, "</%s>\n", tag);
}

/* MedlinePlus links that point at a topic we have open in the app. */
typedef struct
{
  HlTopicStore *store;
  GError       *error;    /* the first failed read */
} RewriteData;

static char *
rewrite_link (const char *href,
              gpointer    user_data)
{
  RewriteData *data = user_data;
  g_autofree char *normalized = NULL;
  const char *old_prefix = "https://www.nlm.nih.gov/medlineplus/";
  int id;

  if (g_str_has_prefix (href, "http://"))
    normalized = g_strconcat ("https://", href + strlen ("http://"), NULL);
  else
    normalized = g_strdup (href);

  if (g_str_has_prefix (normalized, old_prefix))
    {
      char *modern = g_strconcat ("https://medlineplus.gov/", normalized + strlen (old_prefix), NULL);
      g_free (normalized);
      normalized = modern;
    }

  if (!g_str_has_prefix (normalized, "https://medlineplus.gov/"))
    return NULL;

  if (data->error != NULL)
    return NULL;
  id = hl_topic_store_find_topic_by_url (data->store, normalized, &data->error);
  return id > 0 ? hl_address_dup_topic_uri (id) : NULL;
}

/* A topic link: in the app when the library has it, else on MedlinePlus. */
static void
append_topic_link (RewriteData  *data,
                   GString      *out,
                   HlTopicLink  *link)
{
  g_autoptr(HlTopicRef) target = NULL;
  const char *title;

  if (data->error != NULL)
    return;
  if (link->id > 0)
    target = hl_topic_store_get_topic_ref (data->store, link->id, &data->error);
  title = link->title ? link->title : (target ? hl_topic_ref_get_title (target) : NULL);
  if (title == NULL)
    return;

  if (target != NULL)
    {
      g_autofree char *href = hl_topic_ref_dup_uri (target);
      hl_page_append_link (out, href, title, NULL);
    }
  else
    hl_page_append_link (out, hl_html_is_web_url (link->url) ? link->url : NULL, title, "external");
}

static void
append_details (const HlPageContext *ctx,
                GString             *out,
                HlTopic             *topic)
{
  const char *language = topic->language;
  gboolean any = topic->groups->len > 0 || topic->mesh_headings->len > 0 ||
                 topic->date_created != NULL || topic->see_references->len > 0;

  if (!any)
    return;

  g_string_append (out, "<section class=\"details\">\n");
  append_heading (out, "h2", P_ (language, "About This Topic"));
  g_string_append (out, "<dl>\n");

  if (topic->groups->len > 0)
    {
      g_string_append (out, "<dt>");
      hl_html_append_text (out, P_ (language, "Topic groups"));
      g_string_append (out, "</dt><dd>");
      for (guint i = 0; i < topic->groups->len; i++)
        {
          HlTopicLink *group = g_ptr_array_index (topic->groups, i);
          g_autofree char *href = hl_address_dup_group_uri (group->id, topic->language);

          if (i > 0)
            g_string_append (out, ", ");
          hl_page_append_link (out, href, group->title ? group->title : "?", NULL);
        }
      g_string_append (out, "</dd>\n");
    }

  if (topic->see_references->len > 0)
    {
      g_string_append (out, "<dt>");
      hl_html_append_text (out, P_ (language, "See also"));
      g_string_append (out, "</dt><dd>");
      append_joined (out, topic->see_references, "; ");
      g_string_append (out, "</dd>\n");
    }

  if (topic->mesh_headings->len > 0)
    {
      g_string_append (out, "<dt>");
      hl_html_append_text (out, P_ (language, "Medical Subject Headings (MeSH)"));
      g_string_append (out, "</dt><dd>");
      for (guint i = 0; i < topic->mesh_headings->len; i++)
        {
          HlMeshHeading *mesh = g_ptr_array_index (topic->mesh_headings, i);

          if (i > 0)
            g_string_append (out, "; ");
          hl_html_append_text (out, mesh->descriptor);
          if (mesh->qualifiers->len > 0)
            {
              g_string_append (out, " (");
              append_joined (out, mesh->qualifiers, ", ");
              g_string_append (out, ")");
            }
        }
      g_string_append (out, "</dd>\n");
    }

  if (topic->date_created != NULL)
    {
      g_autofree char *date = hl_page_format_date (topic->date_created, language);

      g_string_append (out, "<dt>");
      hl_html_append_text (out, P_ (language, "First published on MedlinePlus"));
      g_string_append (out, "</dt><dd>");
      hl_html_append_text (out, date);
      g_string_append (out, "</dd>\n");
    }

  g_string_append (out, "</dl>\n</section>\n");
}

static void
append_other_languages (GString *out,
                        HlTopic *topic)
{
  const char *language = topic->language;
  gboolean any = FALSE;

  for (guint i = 0; i < topic->other_languages->len; i++)
    {
      HlOtherLanguage *other = g_ptr_array_index (topic->other_languages, i);
      g_autofree char *text = NULL;

      /* Spanish is offered at the top of the page already. */
      if (g_strcmp0 (other->name, "Spanish") == 0 || other->name == NULL)
        continue;

      if (!any)
        {
          g_string_append (out, "<section class=\"languages\">\n");
          append_heading (out, "h2", P_ (language, "Other Languages"));
          g_string_append (out, "<ul class=\"inline\">\n");
          any = TRUE;
        }

      text = other->vernacular_name && g_strcmp0 (other->vernacular_name, other->name) != 0
               ? g_strdup_printf ("%s (%s)", other->name, other->vernacular_name)
               : g_strdup (other->name);
      g_string_append (out, "<li>");
      hl_page_append_link (out, hl_html_is_web_url (other->url) ? other->url : NULL, text,
                           "external");
      g_string_append (out, "</li>\n");
    }

  if (any)
    g_string_append (out, "</ul>\n</section>\n");
}

char *
hl_topic_page_render (const HlPageContext  *ctx,
                      int                   id,
                      GError              **error)
{
  HlTopicStore *store = ctx->store;
  g_autoptr(HlTopic) topic = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) encyclopedia = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *summary_with_ids = NULL;
  g_autoptr(HlTopicContents) contents = hl_topic_contents_new ();
  g_autoptr(GPtrArray) section_ids = NULL;
  g_autofree char *encyclopedia_id = NULL;
  RewriteData rewrite = { store, NULL };
  const char *language;
  GString *out;

  topic = hl_topic_store_load_topic (store, id, error);
  if (topic == NULL)
    return NULL;
  language = topic->language;

  out = g_string_sized_new (32 * 1024);
  hl_page_begin (ctx, out, topic->title, topic->language, "page-topic");

  g_string_append (out, "<nav class=\"crumbs\">");
  {
    g_autoptr(HlAddress) home_address = hl_address_new_home (topic->language);
    g_autofree char *home = hl_address_to_string (home_address);
    hl_page_append_link (out, home, P_ (language, "Home"), NULL);
  }
  if (topic->groups->len > 0)
    {
      HlTopicLink *group = g_ptr_array_index (topic->groups, 0);
      g_autofree char *href = hl_address_dup_group_uri (group->id, topic->language);

      g_string_append (out, " › ");
      hl_page_append_link (out, href, group->title ? group->title : "?", NULL);
    }
  g_string_append (out, "</nav>\n");

  append_heading (out, "h1", topic->title);

  if (topic->also_called->len > 0)
    {
      g_string_append (out, "<p class=\"also-called\"><span class=\"label\">");
      hl_html_append_text (out, P_ (language, "Also called:"));
      g_string_append (out, "</span> ");
      append_joined (out, topic->also_called, ", ");
      g_string_append (out, "</p>\n");
    }

  if (topic->mapped != NULL)
    {
      g_string_append (out, "<p class=\"counterpart\" lang=\"");
      hl_html_append_attr (out, topic->mapped->language ? topic->mapped->language
                                                        : hl_language_other (topic->language));
      g_string_append (out, "\">");
      /* Written in the language it leads to, whatever the UI's language:
       * it is there for the reader who does not read this one. */
      hl_html_append_text (out, g_str_equal (topic->language, "es") ? "In English:" : "En español:");
      g_string_append_c (out, ' ');
      append_topic_link (&rewrite, out, topic->mapped);
      g_string_append (out, "</p>\n");
    }

  /* "On this page": the summary's headings (or the summary), then the
   * categories of links, for a topic long enough to need it. */
  summary = hl_html_sanitize (topic->summary, -1, rewrite_link, &rewrite, NULL);
  summary_with_ids = hl_topic_contents_add_headings (contents, summary);
  if (summary_with_ids == NULL)
    hl_topic_contents_add_entry (contents, "summary", P_ (language, "Summary"));
  sections = collect_sections (topic, &encyclopedia);
  section_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < sections->len; i++)
    g_ptr_array_add (section_ids,
                     hl_topic_contents_add_section (contents,
                                                    ((Section *) g_ptr_array_index (sections, i))->name));
  if (encyclopedia->len > 0)
    encyclopedia_id = hl_topic_contents_add_section (contents, P_ (language, "Medical Encyclopedia"));
  if (hl_topic_contents_get_count (contents) >= CONTENTS_MIN_ENTRIES)
    hl_topic_contents_append (contents, out, P_ (language, "On this page"));

  /* Beside the summary on a wide window, above it on a narrow one. */
  hl_topic_qr_append_box (out, topic);

  g_string_append (out, "<section class=\"summary\" id=\"summary\">\n");
  append_heading (out, "h2", P_ (language, "Summary"));
  g_string_append (out, summary_with_ids ? summary_with_ids : summary);
  g_string_append (out, "\n</section>\n");

  for (guint i = 0; i < sections->len; i++)
    {
      Section *section = g_ptr_array_index (sections, i);

      g_string_append (out, "<section class=\"links\" id=\"");
      hl_html_append_attr (out, g_ptr_array_index (section_ids, i));
      g_string_append (out, "\">\n");
      append_heading (out, "h2", section->name);
      g_string_append (out, "<ul>\n");
      for (guint s = 0; s < section->sites->len; s++)
        append_site (out, g_ptr_array_index (section->sites, s), topic->language);
      g_string_append (out, "</ul>\n</section>\n");
    }

  if (encyclopedia->len > 0)
    {
      g_string_append (out, "<section class=\"links encyclopedia\" id=\"");
      hl_html_append_attr (out, encyclopedia_id);
      g_string_append (out, "\">\n");
      append_heading (out, "h2", P_ (language, "Medical Encyclopedia"));
      g_string_append (out, "<ul>\n");
      for (guint s = 0; s < encyclopedia->len; s++)
        append_site (out, g_ptr_array_index (encyclopedia, s), topic->language);
      g_string_append (out, "</ul>\n</section>\n");
    }

  if (topic->related->len > 0)
    {
      g_string_append (out, "<section class=\"related\">\n");
      append_heading (out, "h2", P_ (language, "Related Health Topics"));
      g_string_append (out, "<ul class=\"inline\">\n");
      for (guint i = 0; i < topic->related->len; i++)
        {
          g_string_append (out, "<li>");
          append_topic_link (&rewrite, out, g_ptr_array_index (topic->related, i));
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n</section>\n");
    }

  if (topic->institute != NULL)
    {
      g_string_append (out, "<section class=\"institute\">\n");
      append_heading (out, "h2", P_ (language, "National Institutes of Health"));
      g_string_append (out, "<p>");
      hl_html_append_text (out, P_ (language, "The primary NIH organization for research on this topic:"));
      g_string_append_c (out, ' ');
      hl_page_append_link (out, hl_html_is_web_url (topic->institute_url) ? topic->institute_url
                                                                          : NULL,
                           topic->institute, "external");
      g_string_append (out, "</p>\n</section>\n");
    }

  append_other_languages (out, topic);
  append_details (ctx, out, topic);

  g_string_append (out, "<p class=\"source\">");
  hl_html_append_text (out, P_ (language, "Source:"));
  g_string_append_c (out, ' ');
  hl_page_append_link (out, hl_html_is_web_url (topic->url) ? topic->url : NULL,
                       P_ (language, "this topic on MedlinePlus"), "external");
  g_string_append (out, "</p>\n");

  hl_page_end (ctx, out, language);

  /* A page with parts missing would look complete: no page instead. */
  if (rewrite.error != NULL)
    {
      g_propagate_error (error, rewrite.error);
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}
