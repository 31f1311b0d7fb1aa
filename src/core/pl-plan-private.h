/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-command.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* The primitives the undo commands use; they do not record anything. */
void pl_plan_real_insert (PlPlan *self, PlCollection collection, PlItem *item, guint position);
void pl_plan_real_remove (PlPlan *self, PlCollection collection, PlItem *item);
/* Inserts @items at @position of @collection at once (one "items-changed"), or removes the
 * @items that sit there: a bulk insertion and its undo, without a search per record. */
void pl_plan_real_splice (PlPlan *self, PlCollection collection, guint position, GPtrArray *items,
                          gboolean insert);
/* Records that a record of @collection (PL_COLLECTION_NONE: the metadata) changed. */
void pl_plan_touch (PlPlan *self, PlCollection collection);
/* Tells views that something changed. */
void pl_plan_emit_changed (PlPlan *self);
/* Applies @command (taken) and records it, without the checks of the pl_plan_set_*() edits:
 * for a change made of many that is right only as a whole (pl_plan_update_to()), whose steps
 * may each break a rule on the way. */
void pl_plan_push (PlPlan *self, PlCommand *command);

G_END_DECLS
