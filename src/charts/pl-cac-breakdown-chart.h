/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-budget-totals.h"
#include "pl-chart-style.h"

G_BEGIN_DECLS

/* The part of the customer acquisition cost (CAC) each acquisition category makes up over
 * the months measured so far: its actual spend divided by the new customers won. */
typedef struct {
  PlItem *category;  /* borrowed */
  double  cost;      /* in major units per new customer */
} PlCacPart;

/* Returns the parts, largest first (a new array of PlCacPart), and sets *@cac to their sum;
 * empty when no new customer was measured. */
GArray *pl_cac_breakdown     (PlPlan *plan, double *cac);

/* Paints the CAC as one bar split by category, each part labelled with its amount and
 * share below. Returns a short text summary. */
char   *pl_cac_breakdown_chart_draw (PlPlan             *plan,
                                     cairo_t            *cr,
                                     double              width,
                                     double              height,
                                     const PlChartStyle *style);

/* The summary pl_cac_breakdown_chart_draw() returns, as its sentences (a new NULL-terminated
 * array), without drawing; in a share-safe @style, without amounts. */
char  **pl_cac_breakdown_chart_sentences (PlPlan *plan, const PlChartStyle *style);

G_END_DECLS
