/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-chart-style.h"
#include "pl-figures.h"
#include "pl-kpi-chain-layout.h"

G_BEGIN_DECLS


typedef struct {
  guint32 month;     /* first day of the month shown; 0: the last month with measurements */
  int     selected;  /* index of the highlighted node, or -1 */
} PlKpiChainOptions;

/* How a KPI stands against its target in the month starting @month (direction-aware);
 * pl_figures_kpi_status() for one month. */
PlKpiStatus pl_kpi_status            (PlPlan *plan, PlItem *kpi, guint32 month);

/* Paints the KPI chain of @plan, laid out by @layout, in a @width x @height area of @cr:
 * columns left to right, a node per KPI with its latest value against target, a status
 * colour and a small trend, and edges labelled with stage conversion rates. Returns a short
 * text summary of what was drawn. */
char       *pl_kpi_chain_chart_draw  (PlPlan                  *plan,
                                      const PlChainLayout     *layout,
                                      const PlKpiChainOptions *options,
                                      cairo_t                 *cr,
                                      double                   width,
                                      double                   height,
                                      const PlChartStyle      *style);
/* The summary pl_kpi_chain_chart_draw() returns, as its sentences (a new NULL-terminated
 * array), without drawing. */
char      **pl_kpi_chain_chart_sentences (PlPlan *plan, const PlChainLayout *layout,
                                          const PlKpiChainOptions *options);
/* The rectangle of node @index when drawn at @width x @height (for hit tests and tests). */
void        pl_kpi_chain_chart_node_rect (const PlChainLayout *layout, guint index,
                                          double width, double height,
                                          double *x, double *y, double *w, double *h);

G_END_DECLS
