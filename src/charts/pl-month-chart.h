/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-campaign-paint.h"
#include "pl-chart-style.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* The month view of the calendar: a grid of weeks (Monday first) where campaigns are bars
 * spanning their days, and milestones, activities and review occurrences one-day marks, each
 * in the first free row of its week; a day with more than fit says "+N more". */

typedef struct {
  PlItem  *item;   /* a campaign or a calendar entry, borrowed */
  guint32  start;  /* the first and last day shown in its week */
  guint32  end;
  guint    week;   /* the week row of the grid */
  guint    lane;   /* its row within the week */
} PlMonthBar;

typedef struct {
  guint32                month;      /* the month's first day */
  const PlCampaignPaint *paint;      /* the campaigns' colours; NULL: by status */
  guint32                highlight_from, highlight_to;  /* days tinted for a drag; 0: none */
  GHashTable            *warned;     /* campaigns (PlItem) the schedule warns about, or NULL */
} PlMonthOptions;

/* The bars of the month starting @month (a first day), week by week (a new array). */
GArray *pl_month_chart_bars (PlPlan *plan, guint32 month);
/* Paints the month at @width x @height. Returns a short text summary. */
char   *pl_month_chart_draw (PlPlan *plan, const PlMonthOptions *options, cairo_t *cr, double width, double height,
                             const PlChartStyle *style);
/* The summary pl_month_chart_draw() returns for the month starting @month, as its sentences
 * (a new NULL-terminated array), without drawing. */
char  **pl_month_chart_sentences (PlPlan *plan, guint32 month);
/* Where @bar goes at @width x @height, for the month with @n_weeks week rows; FALSE when its
 * lane does not fit in the week (counted in "+N more"). */
gboolean pl_month_chart_bar_rect (const PlMonthBar *bar, guint32 month, guint n_weeks, double width, double height,
                                  double *x, double *y, double *w, double *h);
/* The number of week rows the month starting @month needs (4 to 6). */
guint  pl_month_chart_weeks (guint32 month);
/* The day of the cell under (@x, @y), or 0 over the weekday names. */
guint32 pl_month_chart_day_at (guint32 month, double width, double height, double x, double y);
/* The bar under (@x, @y) (an index into @bars), or -1. */
int     pl_month_chart_bar_at (GArray *bars, guint32 month, double width, double height, double x, double y);
/* Whether (@x, @y) is on a day's "+N more" (that day in @day). */
gboolean pl_month_chart_more_at (GArray *bars, guint32 month, double width, double height, double x, double y,
                                 guint32 *day);
/* Every campaign and entry on @day, in the order the grid shows them (borrowed items). */
GPtrArray *pl_month_chart_items_on (GArray *bars, guint32 day);

G_END_DECLS
