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
  /* Only the layers [first_column, end_column) (a printed piece); 0, 0: all of them. */
  guint   first_column, end_column;
  /* For paper: no margin of its own, the space between layers a share of a box's width, the
   * chain centred with its legend under it. */
  gboolean paper;
} PlKpiChainOptions;

/* How the boxes' text is laid out at a size: every box of a chain takes one text size, the
 * largest at which every name fits whole in its box (never an ellipsis, never a word broken);
 * when even the smallest does not hold them, no name is shown (the tooltip has them). */
typedef struct {
  gboolean compact;      /* the compact form (name on up to three lines, value below) */
  double   text_px;      /* the one text size of the names and values; 0: no names shown */
  guint    names_shown;  /* boxes with their name */
  gboolean values_shown; /* the value under each name */
  gboolean names_whole;  /* every name shown laid out whole: not ellipsized, no word broken */
  /* The geometry drawn, in the chart's units: the boxes' size, the narrowest space between two
   * layers drawn (0: one layer), the height the tallest box's text takes with its padding,
   * and how far down the boxes go (the top of the highest, the bottom of the lowest). */
  double   box_w, box_h, layer_gap, text_h, top, bottom;
} PlKpiChainText;

/* The key of the boxes' status colours (on target, close, off target, no figures or no
 * target), from (@x, @y) on lines up to @right at @size: draws it on @cr (NULL: measures only)
 * and returns its height. */
double      pl_kpi_chain_chart_legend    (cairo_t *cr, const PlChartStyle *style, double size, double x, double y,
                                          double right);

/* The smallest and largest text size of the boxes, in the chart's units (points on paper). */
#define PL_KPI_CHAIN_TEXT_MIN  8.0
#define PL_KPI_CHAIN_TEXT_MAX 13.0

/* How a KPI stands against its target in the month starting @month (direction-aware);
 * pl_figures_kpi_status() for one month. */
PlKpiStatus pl_kpi_status            (PlPlan *plan, PlItem *kpi, guint32 month);

/* Paints the KPI chain of @plan, laid out by @layout, in a @width x @height area of @cr: the
 * layout's boxes and routes mapped to the area (layers squeezed together below the natural
 * size, never reshaped), a box per KPI with a status colour and, at its natural size and
 * above, its latest value against target and a small trend; below it, the compact form: the
 * name on up to three lines and the value (on paper, against its target where the box holds
 * both, on two lines if need be). On paper the chain is centred, its boxes as tall as their
 * text, and the key of the status colours is under it. Links carry stage conversion rates
 * where they fit.
 * Returns a short text summary of what was drawn. */
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
/* The chain's natural size (zoom 1): boxes in full form, every layer apart as laid out. */
void        pl_kpi_chain_chart_natural_size (const PlChainLayout *layout, double *width, double *height);
/* How the text of the chain is laid out when drawn at @width x @height (layers [first,
 * end) of @options, if set): the form, the one text size, whether every name is whole. */
void        pl_kpi_chain_chart_text      (PlPlan *plan, const PlChainLayout *layout,
                                          const PlKpiChainOptions *options, double width,
                                          double height, const PlChartStyle *style, PlKpiChainText *text);

G_END_DECLS
