/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-dashboard.h"

G_BEGIN_DECLS

/* The pieces of the leadership dashboard, and the whole of it on one surface (for printing
 * and the benchmark). Each returns a short text summary of what it drew. */

/* A KPI tile: its name (ellipsised), the value of the month large, the target, a status
 * stripe and the trend as a sparkline. */
char *pl_dashboard_tile_draw   (PlPlan *plan, const PlDashboardTile *tile, cairo_t *cr,
                                double width, double height, const PlChartStyle *style);
/* LTV:CAC over the months measured as a bar on a scale with the 3x health line marked;
 * @plan names the months in its title. */
char *pl_ltv_cac_gauge_draw    (PlPlan *plan, double ratio, cairo_t *cr, double width, double height,
                                const PlChartStyle *style);
/* Spend against budget to date: the planned to date as the track, the spend over it. */
char *pl_spend_gauge_draw      (PlPlan *plan, const PlDashboard *dashboard, cairo_t *cr,
                                double width, double height, const PlChartStyle *style);
/* The whole dashboard as of @today (see pl_dashboard_as_of()): the funnel, the tiles, the two
 * gauges and the campaigns needing attention, laid out in @width x @height. */
char *pl_dashboard_draw        (PlPlan *plan, guint32 today, cairo_t *cr, double width,
                                double height, const PlChartStyle *style);
/* Where the LTV:CAC bar ends and where the 3x line is, in a gauge @width wide (for tests). */
void  pl_ltv_cac_gauge_geometry (double ratio, double width, double *bar_end, double *healthy_x);

G_END_DECLS
