/* hl-content-date.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "hl-content-date.h"

/* "2026-11-23" exactly, and a real day. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned year, month, day;
  char end;

  if (text == NULL || strlen (text) < 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) < 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

HlMedlinePlusFile
hl_content_date_parse_file_name (const char  *name,
                                 char       **date)
{
  static const struct {
    const char        *prefix;
    const char        *suffix;
    HlMedlinePlusFile  kind;
  } kinds[] = {
    { "mplus_topics_compressed_", ".zip", HL_MEDLINEPLUS_FILE_TOPICS_ZIP },
    { "mplus_topics_", ".xml", HL_MEDLINEPLUS_FILE_TOPICS },
    { "mplus_topic_groups_", ".xml", HL_MEDLINEPLUS_FILE_GROUPS },
  };

  if (date != NULL)
    *date = NULL;
  if (name == NULL)
    return HL_MEDLINEPLUS_FILE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      size_t prefix_len = strlen (kinds[i].prefix);
      GDate parsed;

      if (strlen (name) != prefix_len + 10 + strlen (kinds[i].suffix) ||
          !g_str_has_prefix (name, kinds[i].prefix) ||
          !g_str_has_suffix (name, kinds[i].suffix))
        continue;

      /* Only the date between them. */
      if (!parse_date (name + prefix_len, &parsed) || name[prefix_len + 10] != '.')
        return HL_MEDLINEPLUS_FILE_NONE;

      if (date != NULL)
        *date = g_strndup (name + prefix_len, 10);
      return kinds[i].kind;
    }

  return HL_MEDLINEPLUS_FILE_NONE;
}

char *
hl_content_date_of_source (HlTopicStore *store)
{
  char *date = NULL;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (store), NULL);

  hl_content_date_parse_file_name (hl_topic_store_get_meta (store, "source"), &date);
  return date;
}

char *
hl_content_date_of_store (HlTopicStore *store)
{
  const char *generated;
  GDate date;

  g_return_val_if_fail (HL_IS_TOPIC_STORE (store), NULL);

  /* The importer keeps "2026-11-23T08:25:09" from the file's root. */
  generated = hl_topic_store_get_meta (store, "date-generated");
  if (parse_date (generated, &date))
    return g_strndup (generated, 10);

  return hl_content_date_of_source (store);
}

int
hl_content_date_age_in_days (const char *date,
                             GDateTime  *now)
{
  GDate then, today;

  g_return_val_if_fail (now != NULL, -1);

  if (!parse_date (date, &then))
    return -1;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return MAX (0, g_date_days_between (&then, &today));
}

gboolean
hl_content_date_is_stale (const char *date,
                          guint       stale_after_days,
                          GDateTime  *now)
{
  int age = hl_content_date_age_in_days (date, now);

  return stale_after_days > 0 && age >= 0 && (guint) age > stale_after_days;
}
