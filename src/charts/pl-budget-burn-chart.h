/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-budget-totals.h"
#include "pl-chart-style.h"
#include "pl-forecast.h"

G_BEGIN_DECLS

/* Where spend is heading by the period's end, drawn after the months spent. */
typedef struct {
  gboolean forecast;    /* the plan's forecast of its spend (pl_forecast_spend() as of the
                         * day the figures are for, the dashboard's and the report's); else
                         * a straight run rate: the average month so far for every month left */
  guint    from;        /* the line starts at the end of this many months... */
  gint64   start;       /* ...at this cumulative spend (minor units) */
  gint64   end;         /* where it ends at the period's end; 0 when nothing is spent */
  gint64   low, high;   /* the forecast's 80 % band at the end; both end for a run rate */
  gint64   cumulative[PL_FORECAST_MAX_MONTHS + 1]; /* a forecast's line, month by month
                         * (cumulative[m]: the end of month m, from the first month) */
} PlBudgetBurnProjection;

/* The projection of the budget burn as of the Julian day @as_of: the plan's spend forecast
 * when it has one for a month still to come, else the run rate of @totals' months with spend.
 * Sets *@months_spent to the months up to the last one with spend. */
void   pl_budget_burn_projection (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of,
                                  PlBudgetBurnProjection *projection, guint *months_spent);

/* Paints the budget burn as of @as_of: cumulative actual spend against the cumulative plan,
 * and the projection to the period's end (pl_budget_burn_projection(), with its band when it
 * is the forecast), with the plan's total and the projected end labelled. Returns a short
 * text summary. */
char  *pl_budget_burn_chart_draw (PlPlan               *plan,
                                  const PlBudgetTotals *totals,
                                  guint32               as_of,
                                  cairo_t              *cr,
                                  double                width,
                                  double                height,
                                  const PlChartStyle   *style);
/* The summary pl_budget_burn_chart_draw() returns, as its sentences (a new NULL-terminated
 * array), without drawing; in a share-safe @style, without amounts. */
char **pl_budget_burn_chart_sentences (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of,
                                       const PlChartStyle *style);
/* Where the projection line ends at @width x @height (for tests). */
void   pl_budget_burn_chart_projection_end (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of,
                                            double width, double height, double *x, double *y);

G_END_DECLS
