/* hl-basket.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hl-basket.h"

struct _HlBasket
{
  GObject    parent_instance;

  GPtrArray *topics;   /* HlTopicRef */
};

static void hl_basket_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HlBasket, hl_basket, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hl_basket_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
hl_basket_get_item_type (GListModel *model)
{
  return HL_TYPE_TOPIC_REF;
}

static guint
hl_basket_get_n_items (GListModel *model)
{
  return HL_BASKET (model)->topics->len;
}

static gpointer
hl_basket_get_item (GListModel *model,
                    guint       position)
{
  HlBasket *self = HL_BASKET (model);

  if (position >= self->topics->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->topics, position));
}

static void
hl_basket_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hl_basket_get_item_type;
  iface->get_n_items = hl_basket_get_n_items;
  iface->get_item = hl_basket_get_item;
}

static void
hl_basket_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HlBasket *self = HL_BASKET (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->topics->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_basket_finalize (GObject *object)
{
  g_ptr_array_unref (HL_BASKET (object)->topics);

  G_OBJECT_CLASS (hl_basket_parent_class)->finalize (object);
}

static void
hl_basket_class_init (HlBasketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_basket_finalize;
  object_class->get_property = hl_basket_get_property;

  /**
   * HlBasket:n-items:
   *
   * How many topics are in the basket.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hl_basket_init (HlBasket *self)
{
  self->topics = g_ptr_array_new_with_free_func (g_object_unref);
}

HlBasket *
hl_basket_new (void)
{
  return g_object_new (HL_TYPE_BASKET, NULL);
}

static int
find (HlBasket *self,
      int       id)
{
  for (guint i = 0; i < self->topics->len; i++)
    if (hl_topic_ref_get_id (g_ptr_array_index (self->topics, i)) == id)
      return i;
  return -1;
}

static void
changed (HlBasket *self,
         guint     position,
         guint     removed,
         guint     added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

gboolean
hl_basket_add (HlBasket   *self,
               HlTopicRef *topic)
{
  g_return_val_if_fail (HL_IS_BASKET (self), FALSE);
  g_return_val_if_fail (HL_IS_TOPIC_REF (topic), FALSE);

  if (find (self, hl_topic_ref_get_id (topic)) >= 0)
    return FALSE;

  /* A copy without a search snippet: the basket keeps topics, nothing else. */
  g_ptr_array_add (self->topics, hl_topic_ref_new (hl_topic_ref_get_id (topic),
                                                   hl_topic_ref_get_language (topic),
                                                   hl_topic_ref_get_title (topic), NULL));
  changed (self, self->topics->len - 1, 0, 1);
  return TRUE;
}

gboolean
hl_basket_contains (HlBasket *self,
                    int       id)
{
  g_return_val_if_fail (HL_IS_BASKET (self), FALSE);

  return find (self, id) >= 0;
}

gboolean
hl_basket_remove (HlBasket *self,
                  int       id)
{
  int position;

  g_return_val_if_fail (HL_IS_BASKET (self), FALSE);

  position = find (self, id);
  if (position < 0)
    return FALSE;

  g_ptr_array_remove_index (self->topics, position);
  changed (self, position, 1, 0);
  return TRUE;
}

gboolean
hl_basket_move (HlBasket *self,
                guint     from,
                guint     to)
{
  gpointer topic;

  g_return_val_if_fail (HL_IS_BASKET (self), FALSE);

  if (from >= self->topics->len || to >= self->topics->len || from == to)
    return FALSE;

  topic = g_ptr_array_steal_index (self->topics, from);
  g_ptr_array_insert (self->topics, to, topic);
  changed (self, MIN (from, to), ABS ((int) from - (int) to) + 1, ABS ((int) from - (int) to) + 1);
  return TRUE;
}

void
hl_basket_clear (HlBasket *self)
{
  guint n;

  g_return_if_fail (HL_IS_BASKET (self));

  n = self->topics->len;
  if (n == 0)
    return;

  g_ptr_array_set_size (self->topics, 0);
  changed (self, 0, n, 0);
}

GArray *
hl_basket_dup_ids (HlBasket *self)
{
  GArray *ids;

  g_return_val_if_fail (HL_IS_BASKET (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (int), self->topics->len);
  for (guint i = 0; i < self->topics->len; i++)
    {
      int id = hl_topic_ref_get_id (g_ptr_array_index (self->topics, i));

      g_array_append_val (ids, id);
    }
  return ids;
}

void
hl_basket_retain_in (HlBasket     *self,
                     HlTopicStore *store)
{
  guint n;

  g_return_if_fail (HL_IS_BASKET (self));
  g_return_if_fail (store == NULL || HL_IS_TOPIC_STORE (store));

  n = self->topics->len;
  if (n == 0)
    return;

  for (guint i = self->topics->len; i-- > 0;)
    {
      HlTopicRef *old = g_ptr_array_index (self->topics, i);
      HlTopicRef *fresh = store ? hl_topic_store_get_topic_ref (store, hl_topic_ref_get_id (old), NULL)
                                : NULL;

      if (fresh == NULL)
        g_ptr_array_remove_index (self->topics, i);
      else
        {
          self->topics->pdata[i] = fresh;
          g_object_unref (old);
        }
    }

  changed (self, 0, n, self->topics->len);
}
