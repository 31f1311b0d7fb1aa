/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "pl-campaign-results.h"
#include "pl-chart-style.h"

G_BEGIN_DECLS

/* The campaigns ranked (issue 25): one horizontal bar each, the best at the top, its length
 * the figure ranked and its thickness the campaign's spend over the basis (thickness in
 * proportion to spend, at least MIN_THICKNESS pixels), so that the best, the worst and what
 * they cost stand out at a glance. Every figure comes from pl-campaign-results.h.
 *
 * By ROI: bars start from 0, a negative ROI to the left of the axis in the "bad" colour, a
 * positive one to the right in the "good" colour; the side of the axis says it in grey too.
 * Campaigns with no revenue known or nothing spent are not ranked (never drawn as 0).
 *
 * By cost per result: lower is better, so the lowest is at the top. Costs per result are
 * comparable only for the same result (a lead does not cost what a customer does): the
 * campaigns are compared on one count KPI, the caller's, or by default the one on which the
 * most campaigns have results over the basis, by any of their links and not only their main
 * result (ties: the deeper stage of the funnel, then the first in the plan's order). A
 * campaign's cost is its spend over its result on that KPI (pl_campaign_link_to(),
 * pl_campaign_link_result()). The chart's caption names the KPI and how many campaigns have
 * results on it; the campaigns with no result on it, a result of 0 or nothing spent are
 * counted under the chart ("Not ranked: ..."), not drawn.
 *
 * A few figures far beyond the others (more than twice the 90th percentile of those ranked: an
 * ROI of 40,000 % on a campaign that spent almost nothing) would flatten every other bar: the
 * scale stops at that percentile and their bars are drawn to its end with a break, their
 * labels giving the figure.
 *
 * With more campaigns than rows fit, the best (at most 8) at the top and as many of the worst
 * at the bottom, a line between them saying how many are left out ("… 19,984 more"). */

#define PL_CAMPAIGN_RANKING_MIN_THICKNESS 2.0

typedef enum {
  PL_CAMPAIGN_RANK_ROI,    /* return on investment, the highest first */
  PL_CAMPAIGN_RANK_COST,   /* cost per result on one KPI, the lowest first */
} PlCampaignRankMode;

typedef struct {
  PlCampaignRankMode mode;
  PlKpi             *kpi;  /* by cost: the result compared; NULL: the KPI most campaigns have results on */
} PlCampaignRankingOptions;

/* Why a campaign is not ranked. */
typedef enum {
  PL_CAMPAIGN_UNRANKED_NO_REVENUE,     /* ROI: no revenue known over the basis */
  PL_CAMPAIGN_UNRANKED_NOTHING_SPENT,
  PL_CAMPAIGN_UNRANKED_NO_RESULTS,     /* cost: no result on the KPI compared over the basis */
  PL_CAMPAIGN_UNRANKED_ZERO_RESULTS,   /* cost: its results on it add up to 0 */
  PL_CAMPAIGN_UNRANKED_NO_KPI,         /* cost, no campaign having results: attached to no KPI that counts */
  PL_CAMPAIGN_UNRANKED_N
} PlCampaignUnranked;

typedef struct {
  const PlCampaignFigures *figures;  /* borrowed from the array the layout was made from */
  guint   rank;                      /* 0: the best */
  double  value;                     /* ROI as a ratio (0.5 is 50 %), or the cost per result in major units */
  double  x, y, w, h;                /* the bar, in pixels */
  double  row_y, row_h;              /* its row: the name and the labels are centred in it */
  gboolean cut;                      /* beyond the scale: drawn to its end, broken (see below) */
} PlCampaignRankingBar;

/* Where everything goes, computed apart from drawing so that tests can read it. */
typedef struct {
  PlCampaignRankingOptions options;  /* kpi: the one compared (by cost), NULL when none */
  guint   n_campaigns;
  guint   n_ranked;
  guint   n_unranked[PL_CAMPAIGN_UNRANKED_N];
  GArray *bars;           /* PlCampaignRankingBar, top to bottom */
  guint   n_best;         /* bars[0, n_best) are the best; the others the worst, after the gap */
  guint   n_hidden;       /* ranked campaigns between the two, not drawn */
  double  gap_y, gap_h;   /* the row that says how many are left out, when n_hidden > 0 */
  double  caption_h;      /* the caption's lines at the top */
  double  header_y;       /* the columns' titles */
  double  name_x, name_w, plot_x, plot_w, value_x, value_w, spend_x, spend_w;
  double  low, high;      /* the values at plot_x and at plot_x + plot_w */
  double  tick;           /* the step between grid lines */
  double  axis_x;         /* where 0 is */
  double  axis_y;         /* the tick labels' line, under the rows */
  double  footer_y;       /* the "Not ranked" line, when any is not */
  gint64  spent_ranked;   /* the ranked campaigns' spend, minor units: the whole of share-safe labels */
  double  overall;        /* all ranked campaigns as one: ROI, or spend over results (major units) */
} PlCampaignRankingLayout;

/* Ranks @figures (PlCampaignFigures of @plan's campaigns, as pl_campaign_figures_all() gives
 * them) by @options and lays the chart out at @width x @height in @style's font. @figures
 * and @plan must outlive it. */
PlCampaignRankingLayout *pl_campaign_ranking_layout_new  (PlPlan *plan, GArray *figures,
                                                          const PlCampaignRankingOptions *options,
                                                          double width, double height, const PlChartStyle *style);
void                     pl_campaign_ranking_layout_free (PlCampaignRankingLayout *layout);
/* The campaign ranked @n-th (0: the best; @n < n_ranked, drawn or not) and its figure in @value. */
const PlCampaignFigures *pl_campaign_ranking_layout_nth  (const PlCampaignRankingLayout *layout, guint n,
                                                          double *value);
/* Whether @figures is ranked by @layout's options (its figure in @value), or why not in @why. */
gboolean                 pl_campaign_ranking_layout_ranks (const PlCampaignRankingLayout *layout,
                                                           const PlCampaignFigures *figures, double *value,
                                                           PlCampaignUnranked *why);
/* What @figures is ranked with: by cost its result on the KPI compared (not measured when it
 * has none), by ROI its revenue. */
PlFigure                 pl_campaign_ranking_result (const PlCampaignRankingLayout *layout,
                                                     const PlCampaignFigures *figures);
/* Why a campaign is not ranked, in a few words for a table's cell: "Not ranked: no results
 * on “Leads”". Free with g_free(). */
char                    *pl_campaign_ranking_unranked_text (const PlCampaignRankingLayout *layout,
                                                            PlCampaignUnranked why);
/* The height @layout takes from its top: a short ranking leaves the rest of its box blank. */
double                   pl_campaign_ranking_layout_height (const PlCampaignRankingLayout *layout);
/* @value (one of the figures ranked) as the chart writes it: "300 %", "€45" (in share-safe
 * @style, a cost as a share of all ranked campaigns' together). */
char                    *pl_campaign_ranking_value_text (PlPlan *plan, const PlCampaignRankingLayout *layout,
                                                         double value, const PlChartStyle *style);

/* The basis the chart ranks on as of @as_of, the day the figures are for (a Julian day: the
 * report's as_of, `pilote-cli --as-of`; in the window pl_dashboard_resolve_as_of() of today,
 * as the dashboard): the KPIs' basis, from the period's start to the end of the last month
 * measured on or before that day (pl_dashboard_bases()), as `pilote-cli summary` gives the
 * campaigns' figures: whole months, as results are typed and imported. */
PlBasis pl_campaign_ranking_basis (PlPlan *plan, guint32 as_of);

/* Paints @layout (made from @figures of @plan); returns its summary (sentences joined). */
char   *pl_campaign_ranking_chart_paint (PlPlan *plan, const PlCampaignRankingLayout *layout, cairo_t *cr,
                                         double width, double height, const PlChartStyle *style);
/* The summary of @layout, its sentences (a new NULL-terminated array): who is best and who is
 * worst, what is ranked over which basis, what is not ranked and why. */
char  **pl_campaign_ranking_chart_sentences (PlPlan *plan, const PlCampaignRankingLayout *layout,
                                             const PlChartStyle *style);
/* The one sentence a reader wants: "“Webinars” returns the most for its spend (ROI 300 %);
 * “Retargeting” the least (ROI −50 %)."; NULL when fewer than two campaigns are ranked. */
char   *pl_campaign_ranking_reading (PlPlan *plan, const PlCampaignRankingLayout *layout, const PlChartStyle *style);

/* The chart of @plan's campaigns as of @as_of (see pl_campaign_ranking_basis()) in @mode at
 * @width x @height, figures and layout made for the call: the shape of the other charts' draw
 * functions, for the window's drawing area (with pl_chart_menu_attach (area, "campaign-roi")
 * or "campaign-cost", as the other pages' charts). Returns the summary, for the area's
 * accessible description. The figures are most of the cost (about 110 ms for 20,000
 * campaigns, against 10 ms to lay out and paint by ROI, 30 ms by cost, which reads every
 * link's results to choose the KPI): a page that redraws often keeps them from
 * one change of the plan to the next and calls pl_campaign_ranking_layout_new() and
 * pl_campaign_ranking_chart_paint() itself. */
char   *pl_campaign_ranking_chart_draw (PlPlan *plan, guint32 as_of, PlCampaignRankMode mode, cairo_t *cr,
                                        double width, double height, const PlChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlCampaignRankingLayout, pl_campaign_ranking_layout_free)

G_END_DECLS
