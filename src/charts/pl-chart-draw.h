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
/* Shows axis label @text (a tick's value, a month, a category's name) whole, never cut, in
 * the box at (@x, @y) @w wide, aligned: on more lines when longer than @w, smaller when a word
 * alone is wider; returns the height drawn. */
double       pl_chart_axis_label  (cairo_t *cr, PangoLayout *layout, const char *text,
                                   double x, double y, double w, PangoAlignment align);
/* The same, the text smaller (down to 8 pixels) when its lines are taller than @h. */
double       pl_chart_axis_label_in (cairo_t *cr, PangoLayout *layout, const char *text,
                                     double x, double y, double w, double h, PangoAlignment align);
/* The height pl_chart_axis_label_in() would draw @text in, to centre it (@h G_MAXDOUBLE:
 * pl_chart_axis_label()'s). */
double       pl_chart_axis_label_height (PangoLayout *layout, const char *text, double w, double h);
typedef enum {
  PL_CHART_LABEL_TEXT,    /* pl_chart_text(): a title, a name in a cell, which may be cut */
  PL_CHART_LABEL_AXIS,    /* pl_chart_axis_label(): never cut */
  PL_CHART_LABEL_LEGEND,  /* an entry of pl_chart_legend() */
} PlChartLabel;
/* What a test learns of every label drawn: its text, its kind, and whether it was cut
 * (ellipsised, or wider than its box). */
typedef void (*PlChartTextHook) (const char *text, PlChartLabel kind, gboolean cut, gpointer data);
/* Tells the test hook that legend entry @label was drawn by a chart's own code. */
void         pl_chart_note_legend (const char *label);
/* Tells the test hook that @layout was drawn in a box @w wide by other code than
 * pl_chart_text() (a report's table cell), with its text and whether it was cut. */
void         pl_chart_note_text   (PangoLayout *layout, double w);
/* Calls @hook (NULL: none) for every label drawn from now on. For tests: not thread-safe. */
void         pl_chart_set_text_hook (PlChartTextHook hook, gpointer data);
/* The hook set, and its @data; a chart that draws only to measure sets none meanwhile. */
PlChartTextHook pl_chart_get_text_hook (gpointer *data);
/* How a legend shows a series. */
typedef enum {
  PL_CHART_MARK_BOX,     /* a filled square: bars, areas */
  PL_CHART_MARK_LINE,    /* a solid line */
  PL_CHART_MARK_DASHED,  /* a dashed line: a plan, a target, an earlier round */
  PL_CHART_MARK_DOTTED,  /* a dotted line: a projection */
  PL_CHART_MARK_BAND,    /* a faint box edged above and below: a range */
  PL_CHART_MARK_DOT,     /* a round mark */
} PlChartMark;

typedef struct {
  const char    *label;
  const PlColor *color;
  double         alpha;
  PlChartMark    mark;
} PlChartLegendItem;

/* Draws the legend of a chart with more than one series: @items side by side from (@x, @y),
 * onto more lines before @right, in @layout's font; returns the height taken. */
double       pl_chart_legend        (cairo_t *cr, PangoLayout *layout, const PlChartStyle *style,
                                     const PlChartLegendItem *items, guint n, double x, double y, double right);
/* The width pl_chart_legend() takes for @items on one line in @layout's font. */
double       pl_chart_legend_width  (PangoLayout *layout, const PlChartLegendItem *items, guint n);
/* The height pl_chart_legend() takes for @items between @x and @right at @size pixels in
 * @style's font, without a surface (for a chart's geometry, computed before it is drawn). */
double       pl_chart_legend_height (const PlChartStyle *style, double size, const PlChartLegendItem *items, guint n,
                                     double x, double right);
/* Shows the short name of month @month of @plan's period ("Jan") centred in @w. */
void         pl_chart_month_label (cairo_t *cr, PangoLayout *layout, PlPlan *plan, guint month,
                                   double x, double y, double w);
/* How many months apart to name months on an axis of @n months @slot pixels each, so that
 * every name shown fits whole: 1, or 2, 3... in a narrow chart. */
guint        pl_chart_month_step  (PangoLayout *layout, PlPlan *plan, guint n, double slot);
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
/* The unit of a money axis whose top is @top minor units of @plan's money, written once as
 * the axis' title so that its ticks are bare numbers that always fit, as the chart's amounts
 * write the multiple and the currency: "k €" (French), "€k", "€", or "k EUR" where the locale
 * has no rule for the symbol. Sets @divisor to the minor units one
 * tick unit stands for. In a share-safe @style the ticks are shares and the unit is "". */
char        *pl_chart_money_unit  (const PlChartStyle *style, PlPlan *plan, double top, double *divisor);
/* A tick of that axis: @amount minor units in units of @divisor, in the user's locale ("200",
 * "1.5"); in a share-safe @style, its share of @whole ("62 %"). */
char        *pl_chart_money_tick  (const PlChartStyle *style, PlPlan *plan, double amount, double divisor,
                                   gint64 whole);
/* The width in pixels of @text on one line in @layout. */
int          pl_chart_text_width  (PangoLayout *layout, const char *text);
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
