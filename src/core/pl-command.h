/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* An undoable step. Plain data with a table of functions: a plan keeps thousands. */
typedef struct _PlCommand PlCommand;

typedef struct {
  void (*apply)   (PlCommand *command, PlPlan *plan);
  void (*revert)  (PlCommand *command, PlPlan *plan);
  void (*destroy) (PlCommand *command);
} PlCommandVTable;

struct _PlCommand {
  const PlCommandVTable *vtable;
  char                  *label;
  guint64                serial;
};

/* Changes one field of @item to @slot (taken). */
PlCommand *pl_command_new_set_field (PlItem *item, guint field, PlSlot slot, const char *label);
/* Inserts (@insert TRUE) or removes @item at @position of @collection. */
PlCommand *pl_command_new_membership (PlCollection collection, PlItem *item, guint position,
                                      gboolean insert, const char *label);
/* Inserts @items (taken) at @position of @collection, all at once; reverting removes them. */
PlCommand *pl_command_new_splice    (PlCollection collection, guint position, GPtrArray *items,
                                     const char *label);
/* Sets a point of the series @kind of @item (pl_item_get_series()); a NAN value is "no point". */
PlCommand *pl_command_new_point     (PlItem *item, PlSeriesKind kind, guint32 julian,
                                     double value, const char *source, const char *label);
/* Applies @children in order and reverts them in reverse order. */
PlCommand *pl_command_new_group     (const char *label);
void       pl_command_group_add     (PlCommand *group, PlCommand *child);
guint      pl_command_group_get_n   (PlCommand *group);
/* Reverts the children of @group from index @from on, the last first, and drops them. */
void       pl_command_group_revert_from (PlCommand *group, guint from, PlPlan *plan);
void       pl_command_free          (PlCommand *command);

G_END_DECLS
