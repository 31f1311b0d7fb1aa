/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Paints the funnel (visitors, leads, MQL, SQL, new customers: the stages the plan has a KPI
 * for) over [@from, @to) as a card: one centred band per stage, narrowing down the funnel, in
 * which the actual is the filled bar and the plan two ticks, both on the stage's own scale (the
 * larger of the two fills the band); the figures and the gap to plan on the right; between
 * stages, the conversion rate against the planned rate. Returns a short text summary. */
char *pl_funnel_chart_draw (PlPlan             *plan,
                            guint32             from,
                            guint32             to,
                            cairo_t            *cr,
                            double              width,
                            double              height,
                            const PlChartStyle *style);

/* The summary pl_funnel_chart_draw() returns, as its sentences (a new NULL-terminated array),
 * without drawing. */
char **pl_funnel_chart_sentences (PlPlan *plan, guint32 from, guint32 to);
/* The stages drawn, in order (for tests and hit tests): PlStage values, -1 terminated. */
int  pl_funnel_chart_stages (PlPlan *plan, int stages[PL_FUNNEL_MAX_STAGES + 1]);

/* Where stage @index of @n is drawn in a chart @width x @height: the band's centre and
 * width, and the vertical middle of its bar (for tests). */
void pl_funnel_chart_band   (guint index, guint n, double width, double height,
                             double *center_x, double *band_w, double *middle_y);

G_END_DECLS
