/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-command"
#include "config.h"

#include <math.h>

#include "pl-command.h"
#include "pl-plan-private.h"

typedef struct {
  PlCommand parent;
  PlItem   *item;
  guint     field;
  PlSlot    other;  /* the value not currently in the record */
} SetField;

typedef struct {
  PlCommand    parent;
  PlCollection collection;
  PlItem      *item;
  guint        position;
  gboolean     insert;
} Membership;

typedef struct {
  PlCommand    parent;
  PlCollection collection;
  guint        position;
  GPtrArray   *items;
} Splice;

typedef struct {
  PlCommand     parent;
  PlItem       *item;    /* a KPI, or a campaign's link to one for its results */
  PlSeriesKind  kind;
  guint32       julian;
  double        value;   /* the value not currently in the series */
  const char   *source;
} Point;

typedef struct {
  PlCommand  parent;
  GPtrArray *children;
} Group;

static void
set_field_swap (PlCommand *command, PlPlan *plan)
{
  SetField *self = (SetField *) command;

  pl_item_swap_slot (self->item, self->field, &self->other);
  pl_plan_touch (plan, pl_collection_for_type (G_OBJECT_TYPE (self->item)));
}

static void
set_field_destroy (PlCommand *command)
{
  SetField *self = (SetField *) command;
  const PlField *fields = pl_item_get_fields (self->item, NULL);

  pl_slot_clear (fields[self->field].type, &self->other);
  g_object_unref (self->item);
}

static const PlCommandVTable set_field_vtable = { set_field_swap, set_field_swap, set_field_destroy };

static void
membership_do (Membership *self, PlPlan *plan, gboolean insert)
{
  if (insert)
    pl_plan_real_insert (plan, self->collection, self->item, self->position);
  else
    pl_plan_real_remove (plan, self->collection, self->item);
}

static void
membership_apply (PlCommand *command, PlPlan *plan)
{
  Membership *self = (Membership *) command;

  membership_do (self, plan, self->insert);
}

static void
membership_revert (PlCommand *command, PlPlan *plan)
{
  Membership *self = (Membership *) command;

  membership_do (self, plan, !self->insert);
}

static void
membership_destroy (PlCommand *command)
{
  g_object_unref (((Membership *) command)->item);
}

static const PlCommandVTable membership_vtable = { membership_apply, membership_revert, membership_destroy };

static void
splice_apply (PlCommand *command, PlPlan *plan)
{
  Splice *self = (Splice *) command;

  pl_plan_real_splice (plan, self->collection, self->position, self->items, TRUE);
}

static void
splice_revert (PlCommand *command, PlPlan *plan)
{
  Splice *self = (Splice *) command;

  pl_plan_real_splice (plan, self->collection, self->position, self->items, FALSE);
}

static void
splice_destroy (PlCommand *command)
{
  g_ptr_array_unref (((Splice *) command)->items);
}

static const PlCommandVTable splice_vtable = { splice_apply, splice_revert, splice_destroy };

static void
point_swap (PlCommand *command, PlPlan *plan)
{
  Point *self = (Point *) command;
  PlSeries *series = pl_item_get_series (self->item, self->kind);
  const PlPoint *current = pl_series_lookup (series, self->julian);
  double old_value = current ? current->value : NAN;
  const char *old_source = current ? current->source : NULL;

  if (isnan (self->value))
    pl_series_remove (series, self->julian);
  else
    pl_series_set (series, self->julian, self->value, self->source);
  self->value = old_value;
  self->source = old_source;
  pl_plan_touch (plan, pl_collection_for_type (G_OBJECT_TYPE (self->item)));
}

static void
point_destroy (PlCommand *command)
{
  g_object_unref (((Point *) command)->item);
}

static const PlCommandVTable point_vtable = { point_swap, point_swap, point_destroy };

static void
group_apply (PlCommand *command, PlPlan *plan)
{
  Group *self = (Group *) command;

  for (guint i = 0; i < self->children->len; i++)
    {
      PlCommand *child = g_ptr_array_index (self->children, i);
      child->vtable->apply (child, plan);
    }
}

static void
group_revert (PlCommand *command, PlPlan *plan)
{
  Group *self = (Group *) command;

  for (guint i = self->children->len; i > 0; i--)
    {
      PlCommand *child = g_ptr_array_index (self->children, i - 1);
      child->vtable->revert (child, plan);
    }
}

static void
group_destroy (PlCommand *command)
{
  g_ptr_array_unref (((Group *) command)->children);
}

static const PlCommandVTable group_vtable = { group_apply, group_revert, group_destroy };

static gpointer
command_alloc (gsize size, const PlCommandVTable *vtable, const char *label)
{
  PlCommand *command = g_malloc0 (size);

  command->vtable = vtable;
  command->label = g_strdup (label);
  return command;
}

PlCommand *
pl_command_new_set_field (PlItem *item, guint field, PlSlot slot, const char *label)
{
  SetField *self = command_alloc (sizeof (SetField), &set_field_vtable, label);

  self->item = g_object_ref (item);
  self->field = field;
  self->other = slot;
  return &self->parent;
}

PlCommand *
pl_command_new_membership (PlCollection collection, PlItem *item, guint position,
                           gboolean insert, const char *label)
{
  Membership *self = command_alloc (sizeof (Membership), &membership_vtable, label);

  self->collection = collection;
  self->item = g_object_ref (item);
  self->position = position;
  self->insert = insert;
  return &self->parent;
}

PlCommand *
pl_command_new_splice (PlCollection collection, guint position, GPtrArray *items, const char *label)
{
  Splice *self = command_alloc (sizeof (Splice), &splice_vtable, label);

  self->collection = collection;
  self->position = position;
  self->items = items;
  return &self->parent;
}

PlCommand *
pl_command_new_point (PlItem *item, PlSeriesKind kind, guint32 julian, double value,
                      const char *source, const char *label)
{
  Point *self = command_alloc (sizeof (Point), &point_vtable, label);

  g_return_val_if_fail (pl_item_get_series (item, kind) != NULL, NULL);
  self->item = g_object_ref (item);
  self->kind = kind;
  self->julian = julian;
  self->value = value;
  self->source = source ? g_intern_string (source) : NULL;
  return &self->parent;
}

PlCommand *
pl_command_new_group (const char *label)
{
  Group *self = command_alloc (sizeof (Group), &group_vtable, label);

  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_command_free);
  return &self->parent;
}

void
pl_command_group_add (PlCommand *group, PlCommand *child)
{
  g_return_if_fail (group->vtable == &group_vtable);
  g_ptr_array_add (((Group *) group)->children, child);
}

guint
pl_command_group_get_n (PlCommand *group)
{
  g_return_val_if_fail (group->vtable == &group_vtable, 0);
  return ((Group *) group)->children->len;
}

void
pl_command_group_revert_from (PlCommand *group, guint from, PlPlan *plan)
{
  GPtrArray *children;

  g_return_if_fail (group->vtable == &group_vtable);
  children = ((Group *) group)->children;
  while (children->len > from)
    {
      PlCommand *child = g_ptr_array_index (children, children->len - 1);

      child->vtable->revert (child, plan);
      g_ptr_array_remove_index (children, children->len - 1);
    }
}

void
pl_command_free (PlCommand *command)
{
  if (command == NULL)
    return;
  command->vtable->destroy (command);
  g_free (command->label);
  g_free (command);
}
