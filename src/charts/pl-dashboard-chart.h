/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-dashboard.h"

G_BEGIN_DECLS

/* The pieces of the leadership dashboard, and the whole of it on one surface (for printing
 * and the benchmark). Each paints a card filling @width x @height and returns a short text
 * summary of what it drew. */

/* A tile at least this high has room for its forecast's line ("on course for 470 to 520 by
 * Dec") between its figure and its status. */
#define PL_DASHBOARD_TILE_FORECAST_H 96

/* A KPI tile: its name (ellipsised), the value of the month large, its status and target,
 * a status stripe and the months so far as a sparkline with the target as a dashed level;
 * from PL_DASHBOARD_TILE_FORECAST_H high, the 80 % band of the period's estimate too. */
char *pl_dashboard_tile_draw   (PlPlan *plan, const PlDashboardTile *tile, cairo_t *cr,
                                double width, double height, const PlChartStyle *style);
/* The dashboard's LTV:CAC as a bar on a 0-5x (or wider) scale with the 3x health line. */
char *pl_ltv_cac_gauge_draw    (PlPlan *plan, const PlDashboard *dashboard, cairo_t *cr,
                                double width, double height, const PlChartStyle *style);
/* Spend against budget to date: the planned to date as the track, the spend over it. */
char *pl_spend_gauge_draw      (PlPlan *plan, const PlDashboard *dashboard, cairo_t *cr,
                                double width, double height, const PlChartStyle *style);
/* The campaigns needing attention as a list of rows (name, reasons), as many as fit, then
 * "and N more". */
char *pl_attention_list_draw   (const PlDashboard *dashboard, cairo_t *cr, double width,
                                double height, const PlChartStyle *style);
/* The whole dashboard as of @today (see pl_dashboard_as_of()): a header, the funnel, the two
 * gauges, the tiles and the campaigns needing attention, laid out in @width x @height. */
char *pl_dashboard_draw        (PlPlan *plan, guint32 today, cairo_t *cr, double width,
                                double height, const PlChartStyle *style);
/* The summary pl_dashboard_draw() returns, as its sentences (a new NULL-terminated array),
 * without drawing; in a share-safe @style, without amounts. */
char **pl_dashboard_sentences  (PlPlan *plan, guint32 today, const PlChartStyle *style);
/* Where the LTV:CAC bar ends and where the 3x line is, in a gauge bar @width wide (for tests). */
void  pl_ltv_cac_gauge_geometry (double ratio, double width, double *bar_end, double *healthy_x);
/* The top of the gauges' bar in a card @height high (for tests). */
double pl_dashboard_gauge_bar_y (double height);

G_END_DECLS
