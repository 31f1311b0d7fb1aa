/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* One problem found in a plan. */
typedef struct {
  char     *id;        /* the record it concerns, NULL for the plan itself */
  guint     line;      /* where that record is in its file, 0 when unknown */
  guint     column;
  gboolean  blocking;  /* the model cannot hold the plan (a dangling reference, a loop) */
  gboolean  warning;   /* likely a mistake but possible (a funnel stage above the one before it):
                        * reported, the plan still counts as valid */
  char     *message;   /* plain words, translated */
} PlProblem;

void       pl_problem_free   (PlProblem *problem);
/* Returns every problem of @plan, in file order (a new array of PlProblem). */
GPtrArray *pl_plan_validate  (PlPlan *plan);
/* Returns the problems pl_plan_validate() finds in @item alone, for a KPI with those of the
 * chain that name it, without going through the rest of the plan (a new array of PlProblem). */
GPtrArray *pl_plan_validate_record (PlPlan *plan, PlItem *item);
/* Returns only the problems the model cannot hold (dangling references, a loop of the chain). */
GPtrArray *pl_plan_validate_blocking (PlPlan *plan);
/* Returns the IDs of the KPIs that take part in a loop of the chain, or NULL when acyclic. */
GPtrArray *pl_plan_find_chain_cycle (PlPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlProblem, pl_problem_free)

G_END_DECLS
