/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "pl-chart-style.h"
#include "pl-figures.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Drawing steps the charts share. */

/* Sets @color with @alpha as the source. */
void         pl_chart_set_color   (cairo_t *cr, const PlColor *color, double alpha);
/* The opacity of a secondary line or mark (an edge, a border, a grid, an earlier round): the
 * chart's @alpha, or full under a high-contrast @style, where a faded line would read as
 * background. */
double       pl_chart_faint       (const PlChartStyle *style, double alpha);
/* A layout in the style's font at @size pixels, for the labels of one chart. */
PangoLayout *pl_chart_text_new    (cairo_t *cr, const PlChartStyle *style, double size);
/* Sets @layout's font to @size pixels, its family and weight kept. */
void         pl_chart_text_set_size (PangoLayout *layout, double size);
/* Shows @text in the box at (@x, @y) @w wide, aligned, ellipsised at the end when too long;
 * returns the height drawn. */
double       pl_chart_text        (cairo_t *cr, PangoLayout *layout, const char *text,
                                   double x, double y, double w, PangoAlignment align);
/* Shows the short name of month @month of @plan's period ("Jan") centred in @w. */
void         pl_chart_month_label (cairo_t *cr, PangoLayout *layout, PlPlan *plan, guint month,
                                   double x, double y, double w);
/* The width in pixels of the widest of the short names of @plan's first @n months in
 * @layout (its width unset): what decides whether every month's name fits on an axis. */
int          pl_chart_widest_month (PangoLayout *layout, PlPlan *plan, guint n);
/* The colour that says how a KPI stands: green, amber, red, grey. */
const PlColor *pl_chart_status_color (const PlChartStyle *style, PlKpiStatus status);
/* The colour of series @index (categories...), distinct and readable on the style's background. */
const PlColor *pl_chart_series_color (const PlChartStyle *style, guint index);
/* An amount of @plan's money in minor units as an axis or bar label, in the user's locale:
 * "€850", "€12.5k", "1,2M €" (two decimals of millions when @precise); in a share-safe
 * @style, its share of @whole instead ("62 %", "–" when @whole is not positive). */
char        *pl_chart_amount      (const PlChartStyle *style, PlPlan *plan, gint64 amount, gint64 whole,
                                   gboolean precise);
/* A rounded "nice" axis maximum at or above @value (1, 2, 2.5 or 5 times a power of ten). */
double       pl_chart_nice_ceiling (double value);

/* A rectangle with corners rounded by @r, as a new sub-path. */
void         pl_chart_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r);
/* The whole @width x @height as a card with a hairline border: dashboard pieces stand out
 * from the window in the light style as in the dark one. */
void         pl_chart_card        (cairo_t *cr, double width, double height, const PlChartStyle *style);

/* A chart's summary is whole sentences, each translated as one: the text its draw function
 * returns is @sentences (freed here) a space apart. */
char        *pl_chart_sentences_join (char **sentences);
/* A summary of one sentence: @sentence (taken) in a NULL-terminated array. */
char       **pl_chart_sentence       (char *sentence);

/* A warning sign (an amber triangle with "!") in the @size square at (@x, @y). */
void         pl_chart_warning_sign (cairo_t *cr, double x, double y, double size, const PlChartStyle *style);

G_END_DECLS
