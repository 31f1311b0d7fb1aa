/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-projection.h"

G_BEGIN_DECLS

/* The scenarios of a plan side by side (issue 21): spend, leads, customers, revenue, CAC and
 * LTV:CAC month by month, one small chart a measure, one line a scenario. Six measures in
 * six units cannot share an axis, and a selector would hide five of them on paper: small
 * multiples show them all at once, each on its own scale, the scenarios in the same colours. */

/* One scenario to compare: its name and its forward projection. */
typedef struct {
  char         *name;
  PlProjection *projection;
} PlScenarioSeries;

/* The measures the comparison shows, in order. */
#define PL_SCENARIO_CHART_N_MEASURES 6
extern const PlProjectionRow pl_scenario_chart_measures[PL_SCENARIO_CHART_N_MEASURES];

/* @plan's scenarios projected forward: "Base" (the plan's drivers from its history as of
 * @as_of, a Julian day), then each saved scenario in the plan's order. A new array of
 * PlScenarioSeries that frees them with itself (g_array_unref). */
GArray *pl_scenario_series_new       (PlPlan *plan, guint32 as_of);
/* An empty array of PlScenarioSeries that frees them with itself; add with
 * pl_scenario_series_add(). */
GArray *pl_scenario_series_new_empty (void);
/* Appends @name with @projection (taken). */
void    pl_scenario_series_add       (GArray *series, const char *name, PlProjection *projection);

/* TRUE for the rows that are amounts of money: spend, revenue, CAC, LTV. */
gboolean pl_scenario_chart_is_money  (PlProjectionRow row);
/* @value of @row as a table shows it: money in @plan's currency (short when @brief), counts
 * rounded to units, LTV:CAC as "3.4×", ROI as a percentage, "–" when not available. In a
 * share-safe @style, money is shown as its share of @whole (the same figure for Base). */
char   *pl_scenario_chart_value_text (const PlChartStyle *style, PlPlan *plan, PlProjectionRow row, double value,
                                      double whole, gboolean brief);

/* @value of @driver as an assumption reads: "150.00 EUR", "41.5 %", "45 days", "+10 %". */
char   *pl_scenario_chart_driver_text (PlPlan *plan, PlDriver driver, double value);
/* What @drivers assume, in words for a paragraph: "MQL to SQL conversion 41.5 %, Events
 * −20 %"; money left out (the driver named alone) when @share_safe. NULL when nothing is assumed. */
char   *pl_scenario_chart_assumptions_text (PlPlan *plan, const PlDrivers *drivers, gboolean share_safe);

/* Paints @series (PlScenarioSeries) at @width x @height; returns the summary (sentences). */
char   *pl_scenario_chart_draw       (PlPlan *plan, GArray *series, cairo_t *cr, double width, double height,
                                      const PlChartStyle *style);
/* The summary pl_scenario_chart_draw() returns, as sentences (a new NULL-terminated array):
 * each scenario's figures over the period. */
char  **pl_scenario_chart_sentences  (PlPlan *plan, GArray *series, const PlChartStyle *style);

G_END_DECLS
