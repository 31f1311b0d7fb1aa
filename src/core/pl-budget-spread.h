/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The spreading helpers a planner expects. Each is one undoable edit of the plan and
 * changes nothing when it fails. Amounts are in minor units and always add up exactly:
 * the cents a division leaves go to the months with the largest remainders. */

/* Spreads @total over the months of @line evenly. */
gboolean pl_budget_spread_evenly  (PlPlan *plan, PlBudgetLine *line, gint64 total, GError **error);
/* Spreads @total over the months of @line in proportion to @weights (one per month of the
 * period, none negative, not all zero): a seasonal profile. */
gboolean pl_budget_spread_profile (PlPlan *plan, PlBudgetLine *line, gint64 total,
                                   const double *weights, guint n_weights, GError **error);
/* Copies month @month of @line to every other month. */
gboolean pl_budget_copy_month     (PlPlan *plan, PlBudgetLine *line, guint month, GError **error);
/* Scales every planned month of every line of @category by @percent (10 adds a tenth,
 * -100 empties it; below -100 is refused). */
gboolean pl_budget_scale_category (PlPlan *plan, PlCategory *category, double percent, GError **error);

G_END_DECLS
