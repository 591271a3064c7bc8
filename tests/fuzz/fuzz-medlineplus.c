/* fuzz-medlineplus.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The MedlinePlus reader on any bytes: plain XML, gzip or ZIP (the reader
 * tells them apart by their first bytes, as it does for a user's file), read
 * as a health-topic file and as a topic-group file. Every summary goes
 * through the sanitizer, as the importer sends it. */

#include "config.h"

#include "fuzz-common.h"
#include "hl-html.h"
#include "hl-medlineplus-parser.h"

static gboolean
topic_cb (HlTopic  *topic,
          gpointer  user_data,
          GError  **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *summary = hl_html_sanitize (topic->summary ? topic->summary : "", -1, NULL,
                                               NULL, text);

  FUZZ_CHECK (topic->id > 0);
  FUZZ_CHECK (topic->title != NULL && topic->url != NULL && topic->language != NULL);
  FUZZ_CHECK (g_utf8_validate (summary, -1, NULL));
  hl_topic_free (topic);
  return TRUE;
}

static gboolean
group_cb (int          id,
          const char  *language,
          const char  *name,
          const char  *url,
          gpointer     user_data,
          GError     **error)
{
  FUZZ_CHECK (id > 0 && language != NULL && name != NULL);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *path = fuzz_scratch_file ("mplus_topics_fuzz.xml");
  HlTopicsFileInfo info = { 0 };
  GError *error = NULL;
  gboolean ok;

  fuzz_write (path, data, size);

  ok = hl_medlineplus_parse_topics (path, topic_cb, NULL, NULL, NULL, &info, &error);
  /* Either a file was read, or a message says why not. */
  FUZZ_CHECK (ok == (error == NULL));
  FUZZ_CHECK (error == NULL || (error->message[0] != '\0' &&
                                g_utf8_validate (error->message, -1, NULL)));
  g_clear_error (&error);
  hl_topics_file_info_clear (&info);

  ok = hl_medlineplus_parse_groups (path, group_cb, NULL, &error);
  FUZZ_CHECK (ok == (error == NULL));
  g_clear_error (&error);

  return 0;
}
