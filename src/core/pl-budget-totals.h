/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-enums.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Every total of the budget at one moment, computed in one pass over the lines, the spend
 * and the allocations: what the budget page, its charts and the dashboard read, instead of
 * summing the plan again for every cell. Plain data, made again after each change (cheap:
 * linear in the records). Money in minor units; a @month of -1 means the whole period. */
typedef struct _PlBudgetTotals PlBudgetTotals;

/* Returns the totals of @plan, which must outlive them. */
PlBudgetTotals *pl_budget_totals_new          (PlPlan *plan);
/* Brings the totals up to date with their plan, redoing only what its changes touched
 * (typing a planned amount sums the planned amounts again, nothing else). Returns TRUE
 * when anything was redone. */
gboolean        pl_budget_totals_refresh      (PlBudgetTotals *totals);
void            pl_budget_totals_free         (PlBudgetTotals *totals);
guint           pl_budget_totals_get_months   (const PlBudgetTotals *totals);

/* Planned and actual of @line, a PlBudgetLine of the plan. Actual is invoiced spend
 * (pl_spend_is_actual()), credits subtracted; an order not yet invoiced is committed. */
gint64          pl_budget_totals_line_planned (const PlBudgetTotals *totals, PlItem *line, int month);
gint64          pl_budget_totals_line_actual  (const PlBudgetTotals *totals, PlItem *line, int month);
gint64          pl_budget_totals_line_committed (const PlBudgetTotals *totals, PlItem *line, int month);
/* Planned less actual less committed: what is left to spend (negative when over). */
gint64          pl_budget_totals_line_remaining (const PlBudgetTotals *totals, PlItem *line, int month);
/* Allocated from @line to campaigns. */
gint64          pl_budget_totals_line_allocated (const PlBudgetTotals *totals, PlItem *line);
/* Planned, actual, committed and remaining of @category (a PlCategory), or of the whole plan
 * when NULL. The whole plan's actual and committed count unbudgeted spend too: it is spent,
 * though no line covers it, so the plan's total is its lines' plus the unbudgeted. */
gint64          pl_budget_totals_planned      (const PlBudgetTotals *totals, PlItem *category, int month);
gint64          pl_budget_totals_actual       (const PlBudgetTotals *totals, PlItem *category, int month);
gint64          pl_budget_totals_committed    (const PlBudgetTotals *totals, PlItem *category, int month);
gint64          pl_budget_totals_remaining    (const PlBudgetTotals *totals, PlItem *category, int month);
/* Actual and committed spend on no budget line (PL_SPEND_LINE unset or naming no line). */
gint64          pl_budget_totals_unbudgeted   (const PlBudgetTotals *totals, int month);
gint64          pl_budget_totals_unbudgeted_committed (const PlBudgetTotals *totals, int month);
/* Planned and actual of the lines tagged @horizon (short-term or long-term). */
gint64          pl_budget_totals_horizon_planned (const PlBudgetTotals *totals, PlHorizon horizon);
gint64          pl_budget_totals_horizon_actual  (const PlBudgetTotals *totals, PlHorizon horizon);
/* Allocated to @campaign, and its spend: the spend booked for it, and its share of the
 * spend of the lines it draws on in each month it runs, in proportion to its allocation and
 * to its days in the month among the campaigns running then (the campaign's dates bound it:
 * a campaign that has not started has spent nothing). */
gint64          pl_budget_totals_campaign_allocated (const PlBudgetTotals *totals, PlItem *campaign);
gint64          pl_budget_totals_campaign_actual    (const PlBudgetTotals *totals, PlItem *campaign);
/* The same for one month (-1: the whole period). */
gint64          pl_budget_totals_campaign_actual_month (const PlBudgetTotals *totals, PlItem *campaign,
                                                        int month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlBudgetTotals, pl_budget_totals_free)

G_END_DECLS
