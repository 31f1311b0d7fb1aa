/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-choice-list"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-choice-list.h"
#include "pl-enums.h"

struct _PlChoiceList
{
  GObject          parent_instance;

  GListModel      *records;  /* the collection */
  GtkStringObject *none;
  GHashTable      *index;    /* ID -> position + 1; NULL until asked, dropped on a change */
  gboolean         changing; /* telling of a change: a selection moved now is not the user's */
};

static void pl_choice_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlChoiceList, pl_choice_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pl_choice_list_model_init))

/* ---- GListModel ---- */

static GType
get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (PL_CHOICE_LIST (model)->records) + 1;
}

static gpointer
get_item (GListModel *model, guint position)
{
  PlChoiceList *self = PL_CHOICE_LIST (model);

  if (position == 0)
    return g_object_ref (self->none);
  return g_list_model_get_item (self->records, position - 1);
}

static void
pl_choice_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_records_changed_cb (PlChoiceList *self, guint position, guint removed, guint added)
{
  /* Positions after the change moved: the index is made again when next asked. */
  g_clear_pointer (&self->index, g_hash_table_unref);
  self->changing = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), position + 1, removed, added);
  self->changing = FALSE;
}

/* ---- GObject ---- */

static void
pl_choice_list_dispose (GObject *object)
{
  PlChoiceList *self = PL_CHOICE_LIST (object);

  if (self->records != NULL)
    g_signal_handlers_disconnect_by_data (self->records, self);
  g_clear_object (&self->records);
  g_clear_object (&self->none);
  g_clear_pointer (&self->index, g_hash_table_unref);
  G_OBJECT_CLASS (pl_choice_list_parent_class)->dispose (object);
}

static void
pl_choice_list_class_init (PlChoiceListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pl_choice_list_dispose;
}

static void
pl_choice_list_init (PlChoiceList *self)
{
}

/* ---- public API ---- */

PlChoiceList *
pl_choice_list_for (PlPlan *plan, PlCollection collection)
{
  static GQuark quarks[PL_N_COLLECTIONS];
  PlChoiceList *self;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  g_return_val_if_fail (collection >= 0 && collection < PL_N_COLLECTIONS, NULL);
  if (quarks[collection] == 0)
    {
      g_autofree char *key = g_strdup_printf ("pl-choice-list-%d", collection);
      quarks[collection] = g_quark_from_string (key);
    }
  self = g_object_get_qdata (G_OBJECT (plan), quarks[collection]);
  if (self != NULL)
    return self;
  self = g_object_new (PL_TYPE_CHOICE_LIST, NULL);
  self->none = gtk_string_object_new (pl_choice_list_none_text (collection));
  self->records = g_object_ref (pl_plan_get_collection (plan, collection));
  g_signal_connect_swapped (self->records, "items-changed", G_CALLBACK (on_records_changed_cb), self);
  g_object_set_qdata_full (G_OBJECT (plan), quarks[collection], self, g_object_unref);
  return self;
}

const char *
pl_choice_list_none_text (PlCollection collection)
{
  /* Spend on no line is unbudgeted spend (issue 23): said so wherever a line is chosen. */
  if (collection == PL_COLLECTION_LINES)
    /* Translators: no budget line chosen for spend or a spend rule: the spend is outside the budget */
    return C_("no budget line", "Unbudgeted");
  /* Translators: no record chosen (a campaign, a KPI, a person); French "Aucune" suits them */
  return C_("no record", "None");
}

guint
pl_choice_list_find (PlChoiceList *self, const char *id)
{
  g_return_val_if_fail (PL_IS_CHOICE_LIST (self), GTK_INVALID_LIST_POSITION);
  if (id == NULL || *id == '\0')
    return 0;
  if (self->index == NULL)
    {
      guint n = g_list_model_get_n_items (self->records);

      self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlItem) record = g_list_model_get_item (self->records, i);
          g_hash_table_insert (self->index, g_strdup (pl_item_get_id (record)), GUINT_TO_POINTER (i + 2));
        }
    }
  {
    guint at = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, id));
    return at > 0 ? at - 1 : GTK_INVALID_LIST_POSITION;
  }
}

const char *
pl_choice_list_get_id (PlChoiceList *self, guint position)
{
  g_autoptr(PlItem) record = NULL;

  g_return_val_if_fail (PL_IS_CHOICE_LIST (self), NULL);
  if (position == 0)
    return "";
  record = g_list_model_get_item (self->records, position - 1);
  /* The collection keeps the record, and so its ID, after this reference goes. */
  return record != NULL ? pl_item_get_id (record) : NULL;
}

gboolean
pl_choice_list_is_changing (PlChoiceList *self)
{
  g_return_val_if_fail (PL_IS_CHOICE_LIST (self), FALSE);
  return self->changing;
}

const char *
pl_choice_get_text (gpointer choice)
{
  if (PL_IS_ITEM (choice))
    return pl_item_get_display_name (choice);
  if (GTK_IS_STRING_OBJECT (choice))
    return gtk_string_object_get_string (choice);
  return "";
}

GListModel *
pl_choice_list_for_enum (GType enum_type)
{
  static GHashTable *lists;
  GtkStringList *list;

  if (lists == NULL)
    lists = g_hash_table_new (NULL, NULL);
  list = g_hash_table_lookup (lists, GSIZE_TO_POINTER (enum_type));
  if (list == NULL)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

      list = gtk_string_list_new (NULL);
      for (guint i = 0; i < klass->n_values; i++)
        gtk_string_list_append (list, pl_enum_get_label (enum_type, klass->values[i].value));
      g_hash_table_insert (lists, GSIZE_TO_POINTER (enum_type), list);
    }
  return G_LIST_MODEL (list);
}
