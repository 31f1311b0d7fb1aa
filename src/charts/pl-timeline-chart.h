/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-campaign-paint.h"
#include "pl-chart-style.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* The campaign timeline (Gantt-like): a row per campaign, grouped into lanes by channel,
 * segment, owner or status, its activities and milestones inside its row, reviews and the
 * plan's milestones on the axis, the months of the period, a today line. Laid out once per
 * change; drawn for any visible window of dates and rows, so 20,000 campaigns stay fluid. */

typedef enum {
  PL_LANES_CHANNEL,
  PL_LANES_SEGMENT,
  PL_LANES_OWNER,
  PL_LANES_STATUS,
} PlTimelineLanes;

typedef struct {
  PlItem *campaign;  /* borrowed */
  guint   lane;      /* index into the layout's lane names */
  guint32 start;
  guint32 end;       /* the last day */
} PlTimelineRow;

typedef struct {
  GArray    *rows;   /* PlTimelineRow, by lane then start date */
  GPtrArray *lanes;  /* lane names, in order */
  GArray    *lane_first;  /* the first row of each lane */
  GHashTable *row_of;     /* campaign -> its row + 1; made on first pl_timeline_layout_find_row() */
} PlTimelineLayout;

typedef struct {
  guint32 from, to;   /* the days shown: [from, to) */
  guint32 today;      /* 0: no today line */
  double  scroll;     /* pixels scrolled down the rows */
  int     selected;   /* the selected row, or -1 */
  const PlCampaignPaint *paint;  /* the bars' colours; NULL: by status */
  GHashTable *warned;  /* campaigns (PlItem) the schedule warns about, with a sign; or NULL */
  /* A drag in progress (preview_end 0: none): row @preview_row's bar shown over these days,
   * or, when @preview_lane is not -1, a new campaign's in that lane's heading row. */
  int     preview_row;
  int     preview_lane;
  guint32 preview_start, preview_end;
  /* Its legend below the rows (a chart on its own: exported, copied, printed); the window
   * shows it beside the chart instead. */
  gboolean legend;
} PlTimelineOptions;

#define PL_TIMELINE_ROW_H    26.0
/* The months' names, then the today mark's "Today", then the reviews' dots. */
#define PL_TIMELINE_AXIS_H   46.0
#define PL_TIMELINE_LABEL_W  220.0

PlTimelineLayout *pl_timeline_layout_new  (PlPlan *plan, PlTimelineLanes lanes);
void              pl_timeline_layout_free (PlTimelineLayout *layout);
/* Keeps only the rows of the campaigns in @campaigns (a set of PlItem); lanes left with no
 * row go too. For a printed timeline of a plan too big to print whole. */
void              pl_timeline_layout_keep (PlTimelineLayout *layout, GHashTable *campaigns);
/* The row of @campaign, or -1 when it has none (no dates, or not in the plan). */
int               pl_timeline_layout_find_row (PlTimelineLayout *layout, PlItem *campaign);
/* The height all the rows take (lane headings included). */
double            pl_timeline_layout_height (const PlTimelineLayout *layout);

char *pl_timeline_chart_draw     (PlPlan *plan, const PlTimelineLayout *layout, const PlTimelineOptions *options,
                                  cairo_t *cr, double width, double height, const PlChartStyle *style);
/* The summary pl_timeline_chart_draw() returns, as its sentences (a new NULL-terminated
 * array), without drawing. */
char   **pl_timeline_chart_sentences (const PlTimelineLayout *layout);
/* The height of the legend pl_timeline_chart_draw() draws below the rows at @width when
 * asked (the colours of @paint, NULL: by status). */
double   pl_timeline_chart_legend_height (PlPlan *plan, const PlCampaignPaint *paint, double width,
                                          const PlChartStyle *style);
/* The bar of row @row at @width x @height; FALSE when it is out of view. */
gboolean pl_timeline_chart_bar_rect (const PlTimelineLayout *layout, const PlTimelineOptions *options, guint row,
                                     double width, double height, double *x, double *y, double *w, double *h);
/* The lane whose heading row is under (@y), the number of lanes below the last row (a place
 * for a campaign in no lane), or -1 over a campaign's row or the axis. */
int      pl_timeline_chart_lane_at  (const PlTimelineLayout *layout, const PlTimelineOptions *options, double height,
                                     double y);
/* The day under @x (clamped to the days shown). */
guint32  pl_timeline_chart_day_at   (const PlTimelineOptions *options, double width, double x);
/* The row under (@x, @y), or -1. */
int      pl_timeline_chart_row_at   (const PlTimelineLayout *layout, const PlTimelineOptions *options,
                                     double width, double height, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlTimelineLayout, pl_timeline_layout_free)

G_END_DECLS
