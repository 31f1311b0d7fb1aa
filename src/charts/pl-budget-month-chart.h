/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-budget-totals.h"
#include "pl-chart-style.h"

G_BEGIN_DECLS

/* Paints planned against actual spend month by month: a pair of bars per month (planned
 * pale, actual coloured, red when over plan) on the left axis, and the cumulative planned
 * (dashed) and actual lines on the right axis. Returns a short text summary. */
char *pl_budget_month_chart_draw     (PlPlan               *plan,
                                      const PlBudgetTotals *totals,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      const PlChartStyle   *style);
/* The summary pl_budget_month_chart_draw() returns, as its sentences (a new NULL-terminated
 * array), without drawing; in a share-safe @style, without amounts. */
char **pl_budget_month_chart_sentences (PlPlan *plan, const PlBudgetTotals *totals, const PlChartStyle *style);
/* The rectangle of month @month's planned (@actual FALSE) or actual bar at @width x @height. */
void  pl_budget_month_chart_bar_rect (const PlBudgetTotals *totals, guint month, gboolean actual,
                                      double width, double height,
                                      double *x, double *y, double *w, double *h);

G_END_DECLS
