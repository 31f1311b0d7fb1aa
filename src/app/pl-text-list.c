/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-text-list"
#include "config.h"

#include "pl-text-list.h"

struct _PlTextList
{
  GObject    parent_instance;

  GPtrArray *array;
  gsize      offset;
};

static void pl_text_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlTextList, pl_text_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pl_text_list_model_init))

static GType
pl_text_list_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
pl_text_list_get_n_items (GListModel *model)
{
  PlTextList *self = PL_TEXT_LIST (model);

  return self->array != NULL ? self->array->len : 0;
}

static gpointer
pl_text_list_get_item (GListModel *model, guint position)
{
  PlTextList *self = PL_TEXT_LIST (model);
  const char *text;

  if (self->array == NULL || position >= self->array->len)
    return NULL;
  text = G_STRUCT_MEMBER (const char *, self->array->pdata[position], self->offset);
  return gtk_string_object_new (text != NULL ? text : "");
}

static void
pl_text_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pl_text_list_get_item_type;
  iface->get_n_items = pl_text_list_get_n_items;
  iface->get_item = pl_text_list_get_item;
}

static void
pl_text_list_finalize (GObject *object)
{
  g_clear_pointer (&PL_TEXT_LIST (object)->array, g_ptr_array_unref);
  G_OBJECT_CLASS (pl_text_list_parent_class)->finalize (object);
}

static void
pl_text_list_class_init (PlTextListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_text_list_finalize;
}

static void
pl_text_list_init (PlTextList *self)
{
}

PlTextList *
pl_text_list_new (void)
{
  return g_object_new (PL_TYPE_TEXT_LIST, NULL);
}

void
pl_text_list_set_array (PlTextList *self, GPtrArray *array, gsize offset)
{
  guint removed;

  g_return_if_fail (PL_IS_TEXT_LIST (self));
  removed = self->array != NULL ? self->array->len : 0;
  g_clear_pointer (&self->array, g_ptr_array_unref);
  self->array = array != NULL ? g_ptr_array_ref (array) : NULL;
  self->offset = offset;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, array != NULL ? array->len : 0);
}

gpointer
pl_text_list_get_data (PlTextList *self, guint position)
{
  g_return_val_if_fail (PL_IS_TEXT_LIST (self), NULL);
  return self->array != NULL && position < self->array->len ? self->array->pdata[position] : NULL;
}
