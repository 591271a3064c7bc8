/* test-util.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hl-clinic-directory.h"
#include "hl-medlineplus-importer.h"
#include "hl-page-renderer.h"
#include "hl-topic-store.h"

G_BEGIN_DECLS

/* Helpers shared by the test binaries. */

/* The starter corpus in data/library. */
#define STARTER_EN     39
#define STARTER_ES     17
#define STARTER_SITES  197
#define STARTER_GROUPS 23

/* The files in tests/data/malformed were made with
 * tests/gen-corpus.py --topics 8: 4 English and 4 Spanish topics. */
#define SMALL_EN 4
#define SMALL_ES 4

/* What an unfinished import leaves next to the library. */
#define IMPORT_PREFIX "library.db.import-"


/* Deletes @path and everything below it (never following links). */
void hl_test_remove_tree        (const char *path);
/* Points the app's data folder at the source tree's data/ when the test runs
 * outside meson, which sets it. */
void hl_test_use_source_data    (void);

/* Importing */

/* A folder of its own under the per-test data dir, which
 * G_TEST_OPTION_ISOLATE_DIRS makes private to each test and removes
 * afterwards. */
char *hl_test_scratch_dir (const char *name);

char *hl_test_library_in (const char *dir);

char *hl_test_malformed_path (const char *name);

char *hl_test_starter_path (void);

HlMedlinePlusImporter *hl_test_new_importer (const char *topics_path,
                                             const char *library_path);

gboolean hl_test_import_file (const char  *topics_path,
                              const char  *library_path,
                              GError     **error);

void hl_test_import_or_die (const char *topics_path,
                            const char *library_path);

GBytes *hl_test_read_bytes (const char *path);

/* Names in @dir that an unfinished import would leave behind. */
guint hl_test_count_leftovers (const char *dir_path);

gboolean hl_test_bytes_contain (GBytes     *bytes,
                                const char *needle);

HlTopicStore *hl_test_open_store (const char *library_path);

void hl_test_assert_counts (const char *library_path,
                            guint       n_en,
                            guint       n_es);

/* The library file has exactly the bytes it had, still opens and still
 * holds the starter corpus; no half-built library is left next to it. */
void hl_test_assert_library_unchanged (const char *library_path,
                                       GBytes     *before);

void hl_test_assert_message_names_file (const GError *error,
                                        const char   *path);

/* @line 0: the message has no line; -1: it has one; else that line. */
void hl_test_assert_message_line (const GError *error,
                                  int           line);

void hl_test_write_or_die (const char *path,
                           const char *contents,
                           gssize      length);

/* Overwrites the root page of @table in the library with bytes that are no
 * SQLite page: reading that table then fails with SQLITE_CORRUPT. */
void hl_test_corrupt_table (const char *library_path,
                            const char *table);

/* A synthetic corpus of @n_topics made by tests/gen-corpus.py in @dir. */
char *hl_test_generate_corpus (const char *dir,
                               guint       n_topics);

/* An archive holding @contents as its one entry: ZIP, or gzip when
 * @entry_name is NULL. */
char *hl_test_write_archive (const char *dir,
                             const char *name,
                             const char *entry_name,
                             GBytes     *contents);

/* A library to read, for the store tests */

/* Each test gets a library of its own, built in its private data dir
 * (G_TEST_OPTION_ISOLATE_DIRS removes it afterwards). */
typedef struct
{
  char         *library;
  HlTopicStore *store;
} HlStoreFixture;

/* NULL: the installed starter corpus; otherwise a file in tests/data. */
void hl_store_fixture_set_up (HlStoreFixture *fixture,
                              gconstpointer   data);

void hl_store_fixture_tear_down (HlStoreFixture *fixture,
                                 gconstpointer   data);

GListModel *hl_test_search (HlTopicStore *store,
                            const char   *query,
                            const char   *language);

int hl_test_hit_id (GListModel *hits,
                    guint       position);

/* Where topic @id is in @hits, or -1. */
int hl_test_hit_position (GListModel *hits,
                          int         id);

void hl_test_log_hits (const char *query,
                       GListModel *hits);

/* Topic @first is found, and before @second when that is found too. */
void hl_test_assert_ranked_before (HlTopicStore *store,
                                   const char   *query,
                                   const char   *language,
                                   int           first,
                                   int           second);

void hl_test_assert_first_hit (HlTopicStore *store,
                               const char   *query,
                               const char   *language,
                               int           id);

GArray *hl_test_hit_ids (GListModel *hits);

/* Two queries that must find the same topics in the same order. */
void hl_test_assert_same_hits (HlTopicStore *store,
                               const char   *query,
                               const char   *other,
                               const char   *language);

char *hl_test_fold (const char *text);

/* A renderer, and checks of the pages it makes */

/* Each test renders from a library of its own, built in its private data
 * dir (G_TEST_OPTION_ISOLATE_DIRS removes it afterwards), and the clinic
 * directory shipped in data/clinics.json. */
typedef struct
{
  HlTopicStore      *store;
  HlClinicDirectory *clinics;
  HlPageRenderer    *renderer;
} HlPageFixture;

HlTopicStore *hl_test_import_library (const char *file);

HlClinicDirectory *hl_test_load_clinics (void);

/* NULL: the installed starter corpus; otherwise a file in tests/data. */
void hl_page_fixture_set_up (HlPageFixture *fixture,
                             gconstpointer  data);

void hl_page_fixture_tear_down (HlPageFixture *fixture,
                                gconstpointer  data);

guint hl_test_count_occurrences (const char *haystack,
                                 const char *needle);

/* Where @needle first is in @html, or -1. */
gssize hl_test_index_of (const char *html,
                         const char *needle);

void hl_test_assert_contains (const char *uri,
                              const char *html,
                              const char *needle);

void hl_test_assert_lacks (const char *uri,
                           const char *html,
                           const char *needle);

/* @needles appear in this order. */
void hl_test_assert_in_order (const char         *uri,
                              const char         *html,
                              const char * const *needles);

/* The body may not run code, load anything or restyle the page; every '<'
 * in it starts a real tag, and every '&' an entity. */
void hl_test_assert_body_is_safe (const char *uri,
                                  const char *html);

/* What every page must be: one complete UTF-8 document with our one style
 * sheet and the content security policy, balanced and safe. */
void hl_test_assert_valid_page (const char *uri,
                                const char *html);

char *hl_test_render (HlPageFixture *fixture,
                      const char    *uri);

void hl_test_assert_not_found (HlPageRenderer *renderer,
                               const char     *uri);

/* The language of the topic at every hl://topic/ID link in @html. */
void hl_test_assert_topic_links_in (const char   *uri,
                                    const char   *html,
                                    HlTopicStore *store,
                                    const char   *language,
                                    guint         expected);

G_END_DECLS
