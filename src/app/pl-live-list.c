/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-live-list"
#include "config.h"

#include "pl-live-list.h"

struct _PlLiveList
{
  GObject     parent_instance;

  GListModel *source;
  GPtrArray  *items;       /* the source's items, held: what to let go of when they leave it */
  GStrv       properties;  /* the names of the properties watched */
};

static void pl_live_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlLiveList, pl_live_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pl_live_list_model_init))

enum {
  ITEM_NOTIFY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_item_notify_cb (GObject *item, GParamSpec *pspec, PlLiveList *self)
{
  guint position;

  for (guint i = 0; self->properties[i] != NULL; i++)
    if (g_str_equal (self->properties[i], pspec->name))
      {
        if (g_ptr_array_find (self->items, item, &position))
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
        g_signal_emit (self, signals[ITEM_NOTIFY], g_quark_from_string (pspec->name), item, pspec);
        return;
      }
}

static void
let_go (PlLiveList *self, guint position, guint n)
{
  for (guint i = position; i < position + n; i++)
    g_signal_handlers_disconnect_by_func (self->items->pdata[i], on_item_notify_cb, self);
  g_ptr_array_remove_range (self->items, position, n);
}

static void
on_source_items_changed_cb (GListModel *source, guint position, guint removed, guint added, PlLiveList *self)
{
  let_go (self, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (source, position + i);

      g_signal_connect (item, "notify", G_CALLBACK (on_item_notify_cb), self);
      g_ptr_array_insert (self->items, (int) (position + i), item);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
pl_live_list_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (PL_LIVE_LIST (model)->source);
}

static guint
pl_live_list_get_n_items (GListModel *model)
{
  return PL_LIVE_LIST (model)->items->len;
}

static gpointer
pl_live_list_get_item (GListModel *model, guint position)
{
  PlLiveList *self = PL_LIVE_LIST (model);

  return position < self->items->len ? g_object_ref (self->items->pdata[position]) : NULL;
}

static void
pl_live_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pl_live_list_get_item_type;
  iface->get_n_items = pl_live_list_get_n_items;
  iface->get_item = pl_live_list_get_item;
}

static void
pl_live_list_dispose (GObject *object)
{
  PlLiveList *self = PL_LIVE_LIST (object);

  if (self->source != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->source, on_source_items_changed_cb, self);
      let_go (self, 0, self->items->len);
    }
  g_clear_object (&self->source);
  G_OBJECT_CLASS (pl_live_list_parent_class)->dispose (object);
}

static void
pl_live_list_finalize (GObject *object)
{
  PlLiveList *self = PL_LIVE_LIST (object);

  g_ptr_array_unref (self->items);
  g_strfreev (self->properties);
  G_OBJECT_CLASS (pl_live_list_parent_class)->finalize (object);
}

static void
pl_live_list_class_init (PlLiveListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_live_list_dispose;
  object_class->finalize = pl_live_list_finalize;

  /* PlLiveList::item-notify (detailed by the property): a watched property of @item changed,
   * after the list said so. */
  signals[ITEM_NOTIFY] = g_signal_new ("item-notify", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED | G_SIGNAL_NO_RECURSE, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_PARAM);
}

static void
pl_live_list_init (PlLiveList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

PlLiveList *
pl_live_list_new (GListModel *source, const char * const *properties)
{
  PlLiveList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (properties != NULL, NULL);

  self = g_object_new (PL_TYPE_LIVE_LIST, NULL);
  self->source = g_object_ref (source);
  self->properties = g_strdupv ((char **) properties);
  g_signal_connect (source, "items-changed", G_CALLBACK (on_source_items_changed_cb), self);
  on_source_items_changed_cb (source, 0, 0, g_list_model_get_n_items (source), self);
  return self;
}
