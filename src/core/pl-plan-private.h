/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The primitives the undo commands use; they do not record anything. */
void pl_plan_real_insert (PlPlan *self, PlCollection collection, PlItem *item, guint position);
void pl_plan_real_remove (PlPlan *self, PlCollection collection, PlItem *item);
/* Tells views that something changed. */
void pl_plan_emit_changed (PlPlan *self);

G_END_DECLS
