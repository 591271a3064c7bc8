/* hl-topic.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A link to another topic or group as MedlinePlus gives it: the id may not
 * exist in the library, so the URL is always kept. */
typedef struct
{
  int   id;
  char *language;   /* "en", "es" or NULL when not given */
  char *title;
  char *url;
} HlTopicLink;

typedef struct
{
  char      *descriptor_id;
  char      *descriptor;
  GPtrArray *qualifier_ids;
  GPtrArray *qualifiers;
} HlMeshHeading;

typedef struct
{
  char *name;              /* English name of the language */
  char *vernacular_name;   /* its own name */
  char *url;
} HlOtherLanguage;

typedef struct
{
  char      *title;
  char      *url;
  char      *mapped_url;      /* the same resource in the other language */
  GPtrArray *categories;      /* information categories, in file order */
  GPtrArray *organizations;
  GPtrArray *descriptions;    /* standard descriptions: NIH, Video, PDF… */
} HlSite;

/* A health topic with every element of the MedlinePlus record. */
typedef struct
{
  int          id;
  char        *language;        /* "en" or "es" */
  char        *title;
  char        *url;
  char        *meta_desc;
  char        *date_created;    /* YYYY-MM-DD, or as given when not a date */
  char        *summary;         /* sanitized HTML */
  GPtrArray   *also_called;     /* char * */
  GPtrArray   *see_references;  /* char * */
  GPtrArray   *groups;          /* HlTopicLink: id, language, name (title), url */
  HlTopicLink *mapped;          /* the same topic in the other language, or NULL */
  GPtrArray   *mesh_headings;   /* HlMeshHeading */
  GPtrArray   *other_languages; /* HlOtherLanguage */
  char        *institute;
  char        *institute_url;
  GPtrArray   *related;         /* HlTopicLink */
  GPtrArray   *sites;           /* HlSite */
} HlTopic;

HlTopic         *hl_topic_new                (void);
void             hl_topic_free               (HlTopic         *topic);
HlTopicLink     *hl_topic_link_new           (void);
void             hl_topic_link_free          (HlTopicLink     *link);
HlMeshHeading   *hl_mesh_heading_new         (void);
void             hl_mesh_heading_free        (HlMeshHeading   *heading);
HlOtherLanguage *hl_other_language_new       (void);
void             hl_other_language_free      (HlOtherLanguage *other);
HlSite          *hl_site_new                 (void);
void             hl_site_free                (HlSite          *site);

/* "en" for "English", "es" for "Spanish" (any case), NULL otherwise. */
const char      *hl_language_from_name       (const char      *name);
/* Normalizes "en"/"es" (and "English"/"Spanish"); NULL for anything else. */
const char      *hl_language_normalize       (const char      *code);
/* "es" when the UI is shown in Spanish, else "en". */
const char      *hl_language_default         (void);
/* "en" → "es" and back. */
const char      *hl_language_other           (const char      *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlTopic, hl_topic_free)

G_END_DECLS
