/* hl-clinic-directory.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hl-address.h"
#include "hl-clinic-directory.h"
#include "hl-error.h"
#include "hl-paths.h"

/* The file is written by hand by whoever deploys the app, so every problem
 * is reported with the file name, where in the file it is and how to fix it.
 * Members we do not know are ignored, which leaves room for notes such as
 * "sources" and for later additions. */

#define CURRENT_FORMAT  1
#define HOME_OFFICE_ID  "home-office"
#define FILE_NAME       "clinics.json"

struct _HlClinicDirectory
{
  GObject     parent_instance;

  char       *path;
  char       *organization_name;
  char       *helpline;
  HlClinic   *home_office;
  GListStore *clinics;
  GHashTable *by_id;     /* id → HlClinic, both owned by clinics */
};

G_DEFINE_FINAL_TYPE (HlClinicDirectory, hl_clinic_directory, G_TYPE_OBJECT)

/* Where a value was read, for messages. */
typedef struct
{
  const char *file;      /* display name of the file */
  const char *place;     /* "the home office", "clinic 3"… */
} Where;

/* Everything an HlClinic holds but its id. */
typedef struct
{
  char  *name;
  char  *city;
  char  *state;
  char  *address;
  char  *postal_code;
  char  *phone;
  char  *fax;
  char  *hours;
  char **services;
} Facts;

static void
facts_clear (Facts *facts)
{
  g_clear_pointer (&facts->name, g_free);
  g_clear_pointer (&facts->city, g_free);
  g_clear_pointer (&facts->state, g_free);
  g_clear_pointer (&facts->address, g_free);
  g_clear_pointer (&facts->postal_code, g_free);
  g_clear_pointer (&facts->phone, g_free);
  g_clear_pointer (&facts->fax, g_free);
  g_clear_pointer (&facts->hours, g_free);
  g_clear_pointer (&facts->services, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

static void
hl_clinic_directory_finalize (GObject *object)
{
  HlClinicDirectory *self = HL_CLINIC_DIRECTORY (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->clinics);
  g_clear_object (&self->home_office);
  g_free (self->helpline);
  g_free (self->organization_name);
  g_free (self->path);

  G_OBJECT_CLASS (hl_clinic_directory_parent_class)->finalize (object);
}

static void
hl_clinic_directory_class_init (HlClinicDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_clinic_directory_finalize;
}

static void
hl_clinic_directory_init (HlClinicDirectory *self)
{
  self->clinics = g_list_store_new (HL_TYPE_CLINIC);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Blank text counts as absent: an admin who empties a value means "unknown". */
static char *
dup_trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static gboolean
node_is_absent (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* The text of a string node, trimmed (NULL when blank). json-glib also
 * takes escapes that JSON does not have, such as an octal \217, and hands
 * back the bytes they make, which need not be UTF-8: such text is refused,
 * as it could not be shown. */
static gboolean
read_text (JsonNode     *node,
           const char   *member,
           const Where  *where,
           char        **out,
           GError      **error)
{
  const char *text = json_node_get_string (node);

  *out = NULL;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   /* Translators: the first %s is a file name, the second a
                    * member such as “phone”, the third a place such as
                    * “clinic 3” or “the home office”. Keep \uXXXX as it is. */
                   _("“%s”: “%s” in %s is not readable text. Write letters as they are, "
                     "or as \\uXXXX escapes."),
                   where->file, member, where->place);
      return FALSE;
    }

  *out = dup_trimmed (text);
  return TRUE;
}

/* An optional string member; absent, null and blank all give NULL. */
static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const Where *where,
             char       **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node_is_absent (node))
    return TRUE;

  if (!node_is_string (node))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   /* Translators: the first %s is a file name, the second a
                    * member such as “phone”, the third a place such as
                    * “clinic 3” or “the home office”. */
                   _("“%s”: “%s” in %s must be a string in double quotes."),
                   where->file, member, where->place);
      return FALSE;
    }

  return read_text (node, member, where, out, error);
}

/* A list of strings, or NULL when it is absent or only holds blanks; FALSE
 * without @error set when it holds something else. */
static gboolean
read_string_list (JsonNode     *node,
                  const char   *member,
                  const Where  *where,
                  GStrvBuilder *builder,
                  GError      **error)
{
  JsonArray *array = json_node_get_array (node);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *text = NULL;

      if (node_is_absent (element))
        continue;
      if (!node_is_string (element))
        return FALSE;

      if (!read_text (element, member, where, &text, error))
        return FALSE;
      if (text != NULL)
        g_strv_builder_add (builder, text);
    }

  return TRUE;
}

static gboolean
read_services (JsonObject  *object,
               const Where *where,
               char      ***out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, "services");
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) services = NULL;

  *out = NULL;
  if (node_is_absent (node))
    return TRUE;

  builder = g_strv_builder_new ();
  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      !read_string_list (node, "services", where, builder, error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   /* Translators: the first %s is a file name, the second a
                    * place such as “clinic 3”. Keep the example in quotes. */
                   _("“%s”: “services” in %s must be a list of strings, such as "
                     "[ \"Primary care\", \"Virtual visit\" ]."),
                   where->file, where->place);
      return FALSE;
    }

  services = g_strv_builder_end (builder);
  if (services[0] != NULL)
    *out = g_steal_pointer (&services);

  return TRUE;
}

/* One string, or a list of lines for a timetable. */
static gboolean
read_hours (JsonObject  *object,
            const Where *where,
            char       **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, "hours");
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) lines = NULL;

  *out = NULL;
  if (node_is_absent (node))
    return TRUE;

  if (node_is_string (node))
    return read_text (node, "hours", where, out, error);

  builder = g_strv_builder_new ();
  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      !read_string_list (node, "hours", where, builder, error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   /* Translators: the first %s is a file name, the second a
                    * place such as “clinic 3”. */
                   _("“%s”: “hours” in %s must be a string, or a list of strings "
                     "with one line each."),
                   where->file, where->place);
      return FALSE;
    }

  lines = g_strv_builder_end (builder);
  if (lines[0] != NULL)
    *out = g_strjoinv ("\n", lines);

  return TRUE;
}

static gboolean
read_facts (JsonObject  *object,
            const Where *where,
            Facts       *facts,
            GError     **error)
{
  return read_string (object, "name", where, &facts->name, error) &&
         read_string (object, "address", where, &facts->address, error) &&
         read_string (object, "city", where, &facts->city, error) &&
         read_string (object, "state", where, &facts->state, error) &&
         read_string (object, "postal-code", where, &facts->postal_code, error) &&
         read_string (object, "phone", where, &facts->phone, error) &&
         read_string (object, "fax", where, &facts->fax, error) &&
         read_hours (object, where, &facts->hours, error) &&
         read_services (object, where, &facts->services, error);
}

static HlClinic *
facts_to_clinic (const char  *id,
                 const Facts *facts)
{
  return g_object_new (HL_TYPE_CLINIC,
                       "id", id,
                       "name", facts->name,
                       "city", facts->city,
                       "state", facts->state,
                       "address", facts->address,
                       "postal-code", facts->postal_code,
                       "phone", facts->phone,
                       "fax", facts->fax,
                       "hours", facts->hours,
                       "services", facts->services,
                       NULL);
}

/* Ids end up in page addresses, so they follow the addresses' rule. */
static gboolean
is_valid_id (const char *id)
{
  return hl_address_is_valid_clinic_id (id);
}

static gboolean
read_format (JsonObject  *root,
             const char  *file,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "format");
  gint64 format;

  /* Optional: a file without it is taken to be format 1. */
  if (node_is_absent (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: “format” must be a whole number without quotes, such as %d."),
                   file, CURRENT_FORMAT);
      return FALSE;
    }

  format = json_node_get_int (node);
  if (format > CURRENT_FORMAT)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is written in format %lld, but this version of "
                     "Health Library only reads format %d. Update Health Library."),
                   file, (long long) format, CURRENT_FORMAT);
      return FALSE;
    }
  if (format < CURRENT_FORMAT)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: “format” %lld does not exist; use %d."),
                   file, (long long) format, CURRENT_FORMAT);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_home_office (HlClinicDirectory  *self,
                  JsonObject         *organization,
                  const char         *file,
                  GError            **error)
{
  JsonNode *node = json_object_get_member (organization, "home-office");
  Where where = { file, _("the home office") };
  g_auto(Facts) facts = { NULL, };

  if (node_is_absent (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: “home-office” in “organization” must be an object in "
                     "braces { … }."),
                   file);
      return FALSE;
    }

  if (!read_facts (json_node_get_object (node), &where, &facts, error))
    return FALSE;

  /* An empty object tells nothing; callers check for NULL, not for blanks. */
  if (facts.address == NULL && facts.city == NULL && facts.state == NULL &&
      facts.postal_code == NULL && facts.phone == NULL && facts.fax == NULL &&
      facts.hours == NULL && facts.services == NULL)
    return TRUE;

  if (facts.name == NULL)
    facts.name = g_strdup (self->organization_name);

  self->home_office = facts_to_clinic (HOME_OFFICE_ID, &facts);
  return TRUE;
}

static gboolean
read_organization (HlClinicDirectory  *self,
                   JsonObject         *root,
                   const char         *file,
                   GError            **error)
{
  JsonNode *node = json_object_get_member (root, "organization");
  Where where = { file, _("“organization”") };
  JsonObject *organization;

  if (node_is_absent (node))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s” has no “organization”. Add an “organization” object with "
                     "at least a “name”."),
                   file);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: “organization” must be an object in braces { … }."),
                   file);
      return FALSE;
    }

  organization = json_node_get_object (node);
  if (!read_string (organization, "name", &where, &self->organization_name, error) ||
      !read_string (organization, "helpline", &where, &self->helpline, error))
    return FALSE;

  if (self->organization_name == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: the organization has no “name”. Add it to “organization”."),
                   file);
      return FALSE;
    }

  return read_home_office (self, organization, file, error);
}

static gboolean
read_clinic (HlClinicDirectory  *self,
             JsonNode           *node,
             guint               number,
             GHashTable         *numbers,
             const char         *file,
             GError            **error)
{
  g_autofree char *place = NULL;
  g_autofree char *id = NULL;
  g_auto(Facts) facts = { NULL, };
  g_autoptr(HlClinic) clinic = NULL;
  JsonObject *object;
  Where where;
  const char *missing = NULL;
  guint first;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: clinic %u must be an object in braces { … }."),
                   file, number);
      return FALSE;
    }

  /* Translators: a place in the file, used in other messages. */
  place = g_strdup_printf (_("clinic %u"), number);
  where.file = file;
  where.place = place;

  object = json_node_get_object (node);
  if (!read_string (object, "id", &where, &id, error) ||
      !read_facts (object, &where, &facts, error))
    return FALSE;

  if (id == NULL)
    missing = "id";
  else if (facts.name == NULL)
    missing = "name";
  else if (facts.city == NULL)
    missing = "city";

  if (missing != NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   /* Translators: the last %s is “id”, “name” or “city”. */
                   _("“%s”: clinic %u has no “%s”. Every clinic needs an “id”, a “name” "
                     "and a “city”."),
                   file, number, missing);
      return FALSE;
    }

  if (!is_valid_id (id))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: clinic %u has the id “%s”. Ids may only use the lower-case "
                     "letters a–z, digits and “-”, as in “hughes-springs”."),
                   file, number, id);
      return FALSE;
    }

  if (g_str_equal (id, HOME_OFFICE_ID))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: clinic %u has the id “%s”, which is kept for the home office. "
                     "Choose another id."),
                   file, number, id);
      return FALSE;
    }

  first = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, id));
  if (first != 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: clinics %u and %u both have the id “%s”. Give each clinic "
                     "an id of its own."),
                   file, first, number, id);
      return FALSE;
    }

  clinic = facts_to_clinic (id, &facts);
  g_list_store_append (self->clinics, clinic);
  /* Keys are the clinic's own id, which lives as long as the store. */
  g_hash_table_insert (self->by_id, (char *) hl_clinic_get_id (clinic), clinic);
  g_hash_table_insert (numbers, (char *) hl_clinic_get_id (clinic), GUINT_TO_POINTER (number));

  return TRUE;
}

static gboolean
read_clinics (HlClinicDirectory  *self,
              JsonObject         *root,
              const char         *file,
              GError            **error)
{
  JsonNode *node = json_object_get_member (root, "clinics");
  g_autoptr(GHashTable) numbers = NULL;
  JsonArray *array;
  guint n;

  /* Required, even if empty, so that a misspelt member is not silently read
   * as "no clinics". */
  if (node_is_absent (node))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s” has no “clinics” list. Add one, even an empty one: "
                     "\"clinics\": [ ]."),
                   file);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_DATA,
                   _("“%s”: “clinics” must be a list in brackets [ … ] of clinic objects."),
                   file);
      return FALSE;
    }

  numbers = g_hash_table_new (g_str_hash, g_str_equal);
  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      if (!read_clinic (self, json_array_get_element (array, i), i + 1, numbers, file, error))
        return FALSE;
    }

  return TRUE;
}

/* json-glib reports "FILE:LINE:COLUMN: Parse error: DETAIL"; pick out the
 * position so that our message can put it in plain words. */
static gboolean
split_parse_message (const char  *path,
                     const char  *message,
                     guint64     *line,
                     guint64     *column,
                     const char **detail)
{
  const char *p = message;
  char *end;

  if (!g_str_has_prefix (p, path) || p[strlen (path)] != ':')
    return FALSE;
  p += strlen (path) + 1;

  *line = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return FALSE;
  p = end + 1;

  *column = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return FALSE;
  p = end + 1;

  while (g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "Parse error: "))
    p += strlen ("Parse error: ");

  *detail = p;
  return TRUE;
}

static void
set_load_error (const char    *path,
                const char    *file,
                const GError  *load_error,
                GError       **error)
{
  if (g_error_matches (load_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
      g_error_matches (load_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND,
                   _("The clinic directory “%s” does not exist."),
                   file);
    }
  else if (g_error_matches (load_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is a folder, not a clinic directory file."),
                   file);
    }
  else if (load_error->domain == JSON_PARSER_ERROR)
    {
      /* json-glib quotes the text it stopped at, cut to a length in bytes
       * that may fall inside a character (found by fuzz-clinic-directory). */
      g_autofree char *valid = g_utf8_make_valid (load_error->message, -1);
      guint64 line, column;
      const char *detail;

      if (split_parse_message (path, valid, &line, &column, &detail))
        g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                     /* Translators: the last %s is json-glib's description of
                      * the mistake. */
                     _("“%s” is not valid JSON: line %llu, column %llu: %s. Correct the "
                       "file near that line."),
                     file, (unsigned long long) line, (unsigned long long) column, detail);
      else
        g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                     _("“%s” is not valid JSON: %s"),
                     file, valid);
    }
  else
    {
      /* GLib's message already names the file. */
      g_set_error (error, HL_ERROR, HL_ERROR_FAILED,
                   _("Could not read the clinic directory: %s"),
                   load_error->message);
    }
}

/**
 * hl_clinic_directory_new_from_file:
 * @path: a JSON file in the format of data/clinics.json
 * @error: return location for a #GError
 *
 * Reads and checks the whole file; nothing is returned for a file with any
 * mistake in it. Errors are in the %HL_ERROR domain: %HL_ERROR_NOT_FOUND,
 * %HL_ERROR_PARSE for malformed JSON, %HL_ERROR_INVALID_FILE for an empty
 * file, a wrong top level or a newer format, and %HL_ERROR_INVALID_DATA for
 * missing or mistyped members and duplicate ids.
 *
 * Returns: (transfer full): the directory, or %NULL with @error set
 */
HlClinicDirectory *
hl_clinic_directory_new_from_file (const char  *path,
                                   GError     **error)
{
  g_autoptr(HlClinicDirectory) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autofree char *file = NULL;
  JsonNode *root;
  JsonObject *object;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_filename_display_name (path);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_file (parser, path, &load_error))
    {
      set_load_error (path, file, load_error, error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” is empty. It should hold a JSON object with “organization” "
                     "and “clinics”."),
                   file);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID_FILE,
                   _("“%s” must hold a JSON object in braces { … } with “organization” "
                     "and “clinics”."),
                   file);
      return NULL;
    }

  self = g_object_new (HL_TYPE_CLINIC_DIRECTORY, NULL);
  self->path = g_strdup (path);

  object = json_node_get_object (root);
  if (!read_format (object, file, error) ||
      !read_organization (self, object, file, error) ||
      !read_clinics (self, object, file, error))
    return NULL;

  return g_steal_pointer (&self);
}

static char *
get_system_path (void)
{
  return g_build_filename (SYSCONFDIR, "health-library", FILE_NAME, NULL);
}

char *
hl_clinic_directory_find_default_path (void)
{
  g_autofree char *system_path = get_system_path ();

  /* Any file there wins, even a broken one: an admin who put it there
   * wants to hear about its mistakes, not to get the bundled clinics. */
  if (g_file_test (system_path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&system_path);

  return hl_paths_find_data_file (FILE_NAME);
}

HlClinicDirectory *
hl_clinic_directory_new_default (GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = hl_clinic_directory_find_default_path ();
  if (path == NULL)
    {
      g_autofree char *system_path = get_system_path ();
      g_autofree char *system_file = g_filename_display_name (system_path);
      g_autofree char *data_path = g_build_filename (hl_paths_get_data_dir (), FILE_NAME, NULL);
      g_autofree char *data_file = g_filename_display_name (data_path);

      g_set_error (error, HL_ERROR, HL_ERROR_NOT_FOUND,
                   _("No clinic directory was found: neither “%s” nor the bundled “%s” "
                     "exists. Reinstall Health Library, or write one at “%s”."),
                   system_file, data_file, system_file);
      return NULL;
    }

  return hl_clinic_directory_new_from_file (path, error);
}

const char *
hl_clinic_directory_get_path (HlClinicDirectory *self)
{
  g_return_val_if_fail (HL_IS_CLINIC_DIRECTORY (self), NULL);

  return self->path;
}

const char *
hl_clinic_directory_get_organization_name (HlClinicDirectory *self)
{
  g_return_val_if_fail (HL_IS_CLINIC_DIRECTORY (self), NULL);

  return self->organization_name;
}

const char *
hl_clinic_directory_get_helpline (HlClinicDirectory *self)
{
  g_return_val_if_fail (HL_IS_CLINIC_DIRECTORY (self), NULL);

  return self->helpline;
}

HlClinic *
hl_clinic_directory_get_home_office (HlClinicDirectory *self)
{
  g_return_val_if_fail (HL_IS_CLINIC_DIRECTORY (self), NULL);

  return self->home_office;
}

GListModel *
hl_clinic_directory_get_clinics (HlClinicDirectory *self)
{
  g_return_val_if_fail (HL_IS_CLINIC_DIRECTORY (self), NULL);

  return G_LIST_MODEL (self->clinics);
}

HlClinic *
hl_clinic_directory_lookup (HlClinicDirectory *self,
                            const char        *id)
{
  HlClinic *clinic;

  g_return_val_if_fail (HL_IS_CLINIC_DIRECTORY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  clinic = g_hash_table_lookup (self->by_id, id);
  if (clinic == NULL && self->home_office != NULL && g_str_equal (id, HOME_OFFICE_ID))
    clinic = self->home_office;

  return clinic;
}
