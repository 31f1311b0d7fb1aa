/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Paints the funnel (visitors, leads, MQL, SQL, new customers: the stages the plan has a KPI
 * for) over [@from, @to): per stage the actual against the target, each pair of bars scaled
 * to the larger of the two, and the stage-to-stage conversion rate, actual and planned.
 * Returns a short text summary. */
char *pl_funnel_chart_draw (PlPlan             *plan,
                            guint32             from,
                            guint32             to,
                            cairo_t            *cr,
                            double              width,
                            double              height,
                            const PlChartStyle *style);

/* The stages drawn, in order (for tests and hit tests): PlStage values, -1 terminated. */
int  pl_funnel_chart_stages (PlPlan *plan, int stages[6]);

G_END_DECLS
