/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-budget-totals.h"
#include "pl-chart-style.h"

G_BEGIN_DECLS

/* Where spend ends at the current rate: the actual to date plus the average month so far
 * for every month left. Sets *@months_spent to the months up to the last one with spend. */
gint64 pl_budget_burn_projection (const PlBudgetTotals *totals, guint *months_spent);

/* Paints the budget burn: cumulative actual spend against the cumulative plan, and the
 * projection to the period's end at the current rate, with the plan's total and the
 * projected end labelled. Returns a short text summary. */
char  *pl_budget_burn_chart_draw (PlPlan               *plan,
                                  const PlBudgetTotals *totals,
                                  cairo_t              *cr,
                                  double                width,
                                  double                height,
                                  const PlChartStyle   *style);
/* The summary pl_budget_burn_chart_draw() returns, as its sentences (a new NULL-terminated
 * array), without drawing; in a share-safe @style, without amounts. */
char **pl_budget_burn_chart_sentences (PlPlan *plan, const PlBudgetTotals *totals, const PlChartStyle *style);
/* Where the projection line ends at @width x @height (for tests). */
void   pl_budget_burn_chart_projection_end (const PlBudgetTotals *totals, double width, double height,
                                            double *x, double *y);

G_END_DECLS
