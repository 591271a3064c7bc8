/* test-library-writer.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing a library: each failure reported as what it is. */

#include "config.h"

#include <string.h>

#include "hl-error.h"
#include "hl-library-writer.h"
#include "hl-topic.h"

#include "test-util.h"

static HlTopic *
new_topic (int         id,
           const char *title)
{
  HlTopic *topic = hl_topic_new ();

  topic->id = id;
  topic->language = g_strdup ("en");
  topic->title = g_strdup (title);
  topic->url = g_strdup_printf ("https://medlineplus.gov/t%d.html", id);
  topic->summary = g_strdup ("<p>Text.</p>");
  return topic;
}

static HlLibraryWriter *
new_writer (const char *name)
{
  g_autofree char *dir = hl_test_scratch_dir (name);
  g_autofree char *path = g_build_filename (dir, "library.db.import-test", NULL);
  g_autoptr(GError) error = NULL;
  HlLibraryWriter *writer = hl_library_writer_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (writer);
  return writer;
}

/* Only two topics with one id are reported as two topics with one id. */
static void
test_duplicate_id (void)
{
  g_autoptr(HlLibraryWriter) writer = new_writer ("duplicate");
  g_autoptr(HlTopic) first = new_topic (5, "First");
  g_autoptr(HlTopic) second = new_topic (5, "Second");
  g_autoptr(GError) error = NULL;

  g_assert_true (hl_library_writer_add_topic (writer, first, "Text.", &error));
  g_assert_no_error (error);
  g_assert_false (hl_library_writer_add_topic (writer, second, "Text.", &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "Two topics have the id 5.");
}

/* Any other broken rule is not: it says which. It used to be reported as
 * two topics with one id. */
static void
test_other_constraint (void)
{
  g_autoptr(HlLibraryWriter) writer = new_writer ("constraint");
  g_autoptr(HlTopic) topic = new_topic (6, "Untitled");
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&topic->title, g_free);
  g_assert_false (hl_library_writer_add_topic (writer, topic, "Text.", &error));
  g_assert_nonnull (error);
  if (error == NULL)
    return;
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == HL_ERROR);
  g_assert_null (strstr (error->message, "Two topics"));
  g_assert_nonnull (strstr (error->message, "topic 6"));
  g_assert_nonnull (strstr (error->message, "NOT NULL"));
}

/* A value SQLite will not take is refused, not stored as NULL or as the
 * previous topic's value: the bind's result is checked. */
static void
test_value_too_large (void)
{
  g_autoptr(HlLibraryWriter) writer = new_writer ("too-large");
  g_autoptr(HlTopic) topic = new_topic (7, "Large");
  g_autoptr(GError) error = NULL;
  gsize size = 20 * 1024 * 1024;

  g_free (topic->summary);
  topic->summary = g_malloc (size + 1);
  memset (topic->summary, 'x', size);
  topic->summary[size] = '\0';

  g_assert_false (hl_library_writer_add_topic (writer, topic, "Text.", &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_TOO_LARGE);
  if (error != NULL)
    g_test_message ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/library-writer/duplicate-id", test_duplicate_id);
  g_test_add_func ("/core/library-writer/other-constraint", test_other_constraint);
  g_test_add_func ("/core/library-writer/value-too-large", test_value_too_large);

  return g_test_run ();
}
