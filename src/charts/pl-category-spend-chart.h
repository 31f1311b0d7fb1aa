/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-budget-totals.h"
#include "pl-chart-style.h"

G_BEGIN_DECLS

/* Paints spend by category: a row per category, largest planned first, with its planned
 * total as a pale bar, its actual to date over it (red beyond plan) and both amounts at the
 * end. Names too long for the column are ellipsised. Returns a short text summary. */
char *pl_category_spend_chart_draw     (PlPlan               *plan,
                                        const PlBudgetTotals *totals,
                                        cairo_t              *cr,
                                        double                width,
                                        double                height,
                                        const PlChartStyle   *style);
/* The summary pl_category_spend_chart_draw() returns at @height (the categories that fit),
 * as its sentences (a new NULL-terminated array), without drawing. */
char   **pl_category_spend_chart_sentences (PlPlan *plan, const PlBudgetTotals *totals, double height);
/* The bar of @category (planned when !@actual) at @width x @height, for tests; FALSE when
 * the category is not drawn (no room). */
gboolean pl_category_spend_chart_bar_rect (PlPlan *plan, const PlBudgetTotals *totals, PlItem *category,
                                           gboolean actual, double width, double height,
                                           double *x, double *y, double *w, double *h);

G_END_DECLS
