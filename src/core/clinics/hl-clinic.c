/* hl-clinic.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-clinic.h"

struct _HlClinic
{
  GObject parent_instance;

  char   *id;
  char   *name;
  char   *city;
  char   *state;
  char   *address;
  char   *postal_code;
  char   *phone;
  char   *fax;
  char   *hours;
  char  **services;
};

G_DEFINE_FINAL_TYPE (HlClinic, hl_clinic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CITY,
  PROP_STATE,
  PROP_ADDRESS,
  PROP_POSTAL_CODE,
  PROP_PHONE,
  PROP_FAX,
  PROP_HOURS,
  PROP_SERVICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The getters promise NULL for an unknown fact, so blank values are
 * dropped here rather than in every caller. */
static char *
dup_fact (const char *value)
{
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (value));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static char **
dup_facts (const char * const *values)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) result = NULL;

  if (values == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *value = dup_fact (values[i]);

      if (value != NULL)
        g_strv_builder_add (builder, value);
    }

  result = g_strv_builder_end (builder);
  if (result[0] == NULL)
    return NULL;

  return g_steal_pointer (&result);
}

static void
hl_clinic_finalize (GObject *object)
{
  HlClinic *self = HL_CLINIC (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->city);
  g_free (self->state);
  g_free (self->address);
  g_free (self->postal_code);
  g_free (self->phone);
  g_free (self->fax);
  g_free (self->hours);
  g_strfreev (self->services);

  G_OBJECT_CLASS (hl_clinic_parent_class)->finalize (object);
}

static void
hl_clinic_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HlClinic *self = HL_CLINIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_POSTAL_CODE:
      g_value_set_string (value, self->postal_code);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_FAX:
      g_value_set_string (value, self->fax);
      break;

    case PROP_HOURS:
      g_value_set_string (value, self->hours);
      break;

    case PROP_SERVICES:
      g_value_set_boxed (value, self->services);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_clinic_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HlClinic *self = HL_CLINIC (object);

  /* All properties are construct-only, so each field is set exactly once. */
  switch (prop_id)
    {
    case PROP_ID:
      self->id = dup_fact (g_value_get_string (value));
      break;

    case PROP_NAME:
      self->name = dup_fact (g_value_get_string (value));
      break;

    case PROP_CITY:
      self->city = dup_fact (g_value_get_string (value));
      break;

    case PROP_STATE:
      self->state = dup_fact (g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      self->address = dup_fact (g_value_get_string (value));
      break;

    case PROP_POSTAL_CODE:
      self->postal_code = dup_fact (g_value_get_string (value));
      break;

    case PROP_PHONE:
      self->phone = dup_fact (g_value_get_string (value));
      break;

    case PROP_FAX:
      self->fax = dup_fact (g_value_get_string (value));
      break;

    case PROP_HOURS:
      self->hours = dup_fact (g_value_get_string (value));
      break;

    case PROP_SERVICES:
      self->services = dup_facts (g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                              G_PARAM_STATIC_STRINGS);
}

static void
hl_clinic_class_init (HlClinicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_clinic_finalize;
  object_class->get_property = hl_clinic_get_property;
  object_class->set_property = hl_clinic_set_property;

  /* Blank strings given to any of these read back as NULL. */
  properties[PROP_ID] = string_property ("id");
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_CITY] = string_property ("city");
  properties[PROP_STATE] = string_property ("state");
  properties[PROP_ADDRESS] = string_property ("address");
  properties[PROP_POSTAL_CODE] = string_property ("postal-code");
  properties[PROP_PHONE] = string_property ("phone");
  properties[PROP_FAX] = string_property ("fax");
  /* Free text; several lines are separated by "\n". */
  properties[PROP_HOURS] = string_property ("hours");
  properties[PROP_SERVICES] =
    g_param_spec_boxed ("services", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_clinic_init (HlClinic *self)
{
}

const char *
hl_clinic_get_id (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return self->id;
}

const char *
hl_clinic_get_name (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return self->name;
}

const char *
hl_clinic_get_city (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return self->city;
}

const char *
hl_clinic_get_state (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return self->state;
}

const char *
hl_clinic_get_address (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return self->address;
}

const char *
hl_clinic_get_postal_code (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return self->postal_code;
}

const char *
hl_clinic_get_phone (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return self->phone;
}

const char *
hl_clinic_get_fax (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return self->fax;
}

const char *
hl_clinic_get_hours (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return self->hours;
}

const char * const *
hl_clinic_get_services (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  return (const char * const *) self->services;
}

char *
hl_clinic_dup_place (HlClinic *self)
{
  g_return_val_if_fail (HL_IS_CLINIC (self), NULL);

  if (self->city != NULL && self->state != NULL)
    return g_strdup_printf ("%s, %s", self->city, self->state);
  if (self->city != NULL)
    return g_strdup (self->city);

  /* Not reachable for clinics from a directory, which always have a city. */
  return g_strdup (self->state);
}

char *
hl_phone_to_tel_uri (const char *phone)
{
  g_autoptr(GString) digits = NULL;
  gboolean international;

  /* Accepting NULL lets callers pass hl_clinic_get_phone() straight in. */
  if (phone == NULL)
    return NULL;

  while (g_ascii_isspace (*phone))
    phone++;
  international = (*phone == '+');

  digits = g_string_new (NULL);
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      /* "x12", "ext. 12" or a dialling pause: what follows is not part of
       * the number, and gluing it on would dial a different one. */
      else if (digits->len > 0 && (g_ascii_isalpha (*p) || *p == ',' || *p == ';'))
        break;
    }

  if (digits->len == 0)
    return NULL;

  if (international)
    return g_strconcat ("tel:+", digits->str, NULL);
  if (digits->len == 10)
    return g_strconcat ("tel:+1", digits->str, NULL);
  if (digits->len == 11 && digits->str[0] == '1')
    return g_strconcat ("tel:+", digits->str, NULL);

  return g_strconcat ("tel:", digits->str, NULL);
}
