/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-budget-totals.h"
#include "pl-figures.h"

G_BEGIN_DECLS

/* What each campaign actually brought, against what it cost (issue 25).
 *
 * A campaign's results are stored on its links to KPIs (pl_campaign_kpi_get_results()), one
 * value per month, in the KPI's unit. Over a basis, a link's result is its points whose month
 * starts in [basis.from, basis.to), combined by the KPI's aggregate (a sum for counts and
 * money); no point there is "not measured", never 0 (an empty basis, before the period, is
 * PL_MISSING_BEFORE_PERIOD, as pl_figures_kpi() says it).
 *
 * Spend is the figures engine's: pl_budget_totals_campaign_actual_month() summed over the
 * months of the basis (the whole period: pl_budget_totals_campaign_actual()), so the list,
 * the campaign's page, the report, the chart and `pilote-cli summary --json` show the same
 * number as the Budget page. Budget is what is allocated to the campaign
 * (pl_budget_totals_campaign_allocated()), whatever the basis.
 *
 * Every figure that is not available says why (PlFigure.missing) and
 * pl_campaign_figure_reason() puts it in words; a rate is never 0 for "unknown". */

/* The result that stands for a campaign in the list, the chart and the hints: its link to
 * the KPI deepest in the funnel among those it is attached to that count something (unit
 * PL_UNIT_COUNT; stages leads < MQL < SQL < opportunities < new customers; then visitors;
 * then any other count KPI), preferring links with results (in any month, whatever the basis)
 * over links with only an expected contribution; the first in the plan's order on a tie.
 * NULL when it is attached to no count KPI. */
PlCampaignKpi *pl_campaign_main_link (PlPlan *plan, PlCampaign *campaign);
/* How deep in the funnel @kpi counts, as the main result ranks it: new customers 7,
 * opportunities 6, SQL 5, MQL 4, leads 3, visitors 2, any other count 1; 0 when it counts
 * nothing (money, rates). */
int            pl_campaign_kpi_depth (PlKpi *kpi);

/* @campaign's link to @kpi (the first when there are several), NULL when it has none. */
PlCampaignKpi *pl_campaign_link_to (PlPlan *plan, PlCampaign *campaign, PlKpi *kpi);

/* A link's result over @basis (see above): a figure whose missing is
 * PL_MISSING_NOT_MEASURED when no month of the basis has a result. */
PlFigure    pl_campaign_link_result (PlPlan *plan, PlCampaignKpi *link, const PlBasis *basis);

typedef struct {
  PlCampaign    *campaign;       /* borrowed */
  PlBasis        basis;
  gint64         budget;         /* allocated, minor units */
  gint64         spent;          /* spend over the basis, minor units */
  double         spent_major;    /* the same in major units, for ratios */

  PlCampaignKpi *main_link;      /* pl_campaign_main_link(), NULL when none; borrowed */
  PlKpi         *main_kpi;       /* its KPI; borrowed */
  PlFigure       main_result;    /* the main link's result over the basis */
  double         main_expected;  /* its expected contribution (the whole campaign), NAN unset */
  double         main_against;   /* result / expected (pl_figures_against()), NAN when either is missing */
  PlFigure       cost_per_result; /* spent / main result; PL_MISSING_ZERO when the result is 0,
                                   * PL_MISSING_NOT_MEASURED without results; without a main
                                   * link, it and main_result are PL_MISSING_NO_KPI */

  /* The campaign's results on the plan's stage KPIs (pl_figures_kpi_for_stage()): the link to
   * that KPI when the campaign has one, else not measured. */
  PlFigure       leads;
  PlFigure       customers;       /* new customers */
  PlFigure       cost_per_lead;   /* spent / leads */
  PlFigure       cost_per_customer;
  PlFigure       pipeline;        /* results on a money KPI of the opportunities stage, when the
                                   * plan has one (pipeline value), major units */
  PlFigure       revenue;         /* results on the revenue KPI (PL_STAGE_REVENUE), major units */
  PlFigure       roi;             /* (revenue - spent) / spent: missing with missing_stage
                                   * PL_STAGE_REVENUE when no revenue is known for the campaign (as
                                   * revenue is: PL_MISSING_NOT_MEASURED, or PL_MISSING_NO_KPI when
                                   * the plan has no revenue KPI), PL_MISSING_ZERO with
                                   * PL_STAGE_SPEND when nothing is spent */
} PlCampaignFigures;

/* The figures of @campaign over @basis. @totals may be NULL (made for the call); pass the
 * caller's PlBudgetTotals when computing many campaigns. */
void        pl_campaign_figures_get  (PlPlan *plan, PlBudgetTotals *totals,
                                      PlCampaign *campaign, const PlBasis *basis,
                                      PlCampaignFigures *figures);
/* The figures of every campaign of @plan, in the plan's order: a new array of
 * PlCampaignFigures, computed with one PlBudgetTotals. */
GArray     *pl_campaign_figures_all  (PlPlan *plan, const PlBasis *basis);

/* Why @figure (one of @figures' fields) is not available, in words for the campaign:
 * "No revenue recorded for this campaign in Q2 2027", "Nothing spent on it in June 2027",
 * "No results typed or imported yet", "The campaign is not attached to a leads KPI";
 * NULL when it is available. Free with g_free(). */
char       *pl_campaign_figure_reason (PlPlan *plan, const PlCampaignFigures *figures,
                                       const PlFigure *figure);

/* How much of a KPI's own figure the campaigns explain over a basis. Only a KPI whose
 * aggregate is a sum can be split among campaigns: for the others @additive is FALSE and
 * the rest is NAN. */
typedef struct {
  PlKpi   *kpi;           /* borrowed */
  PlBasis  basis;
  gboolean additive;
  double   total;         /* the KPI's measured value over the basis (pl_figures_kpi()), NAN when not measured */
  double   attributed;    /* the sum of every campaign's result on it over the basis (0 when none) */
  double   unexplained;   /* total - attributed when that is >= 0, else 0; NAN when total is NAN */
  double   over;          /* attributed - total when that is > 0 (several campaigns credited for
                           * one lead), else 0; never shown as a negative remainder; NAN when
                           * total is NAN */
  guint    n_campaigns;   /* campaigns with a result on it over the basis */
} PlKpiAttribution;

void        pl_kpi_attribution_get   (PlPlan *plan, PlKpi *kpi, const PlBasis *basis,
                                      PlKpiAttribution *attribution);
/* "1,240 of 1,500 leads come from campaigns; 260 (17 %) from no campaign." or "Campaigns are
 * credited with 1,620 leads, 120 more than the 1,500 measured (over-attribution)."; NULL when
 * not additive or nothing is attributed. Free with g_free(). */
char       *pl_kpi_attribution_describe (PlPlan *plan, const PlKpiAttribution *attribution);

/* A hint: move budget from the campaign with the worst cost per lead to the one with the best,
 * shown as a what-if through the chain. Campaigns qualify with a cost per lead available and
 * above 0 over the basis (one that has spent nothing says nothing of what more would buy) and,
 * for the one giving, budget not yet spent (allocated - spent over the whole period > 0); the
 * one receiving must be planned or running and not ended before the basis's last day. The
 * amount is that unspent budget, capped at the receiving campaign's own allocation (doubling
 * it at most, over all the hints it receives in) and at what pl_reallocation_apply() can move
 * (off the receiver's line, what the giving lines still plan after the basis), rounded down
 * (to thousands from 10,000, hundreds from 1,000, whole units below). The effect: the leads the amount buys at the
 * best cost per lead instead of the worst, put through the planning chain (pl-projection.h),
 * from the drivers of the history up to the basis' last day, as the drivers' CPL changed so
 * that the period's leads change by that much; customers and CAC read from the projection
 * before and after, each hint alone against the plan. Nothing in the plan changes. In a plan
 * of thousands of campaigns the pairs are looked for among the 64 givers and 64 receivers
 * with the most to gain. */
typedef struct {
  PlCampaign *from;         /* borrowed */
  PlCampaign *to;           /* borrowed */
  gint64      amount;       /* minor units */
  double      from_cpl;     /* major units */
  double      to_cpl;
  double      leads_delta;  /* leads gained over the period */
  double      customers_before, customers_after;  /* new customers over the period, projected */
  double      cac_before, cac_after;              /* major units; NAN when not available */
  guint32     from_day;     /* the money moves in the months starting on or after this day (the
                             * day after the hints' basis); 0: every month of the period */
} PlReallocation;

/* Up to @max hints over @basis, best gain first, each pair of campaigns at most once, each
 * campaign giving in at most one and never both giving and receiving: a new array of
 * PlReallocation (empty when fewer than two campaigns qualify). */
GArray     *pl_campaign_reallocations (PlPlan *plan, const PlBasis *basis, guint max);
/* The hint in one sentence: "Move 12,000 EUR from Retargeting (CPL 180 EUR) to Webinars
 * (CPL 45 EUR): about 200 more leads, 6 more customers, CAC 4,100 → 3,800 EUR." */
char       *pl_reallocation_describe  (PlPlan *plan, const PlReallocation *hint);
/* Keeps @hint, as one undoable edit named "Move Budget Between Campaigns": takes its amount
 * from the giving campaign's allocations (the largest first) and gives it to the receiving
 * campaign on the line it draws on most, moving that much of the giving line's planned amounts
 * in the months from @hint's from_day on (in proportion to what each plans) to the receiving
 * line, so that no line allocates more than it plans and the plan's total stays. The months
 * before stay as they are: a line's past spend is shared among its campaigns by allocation
 * (pl-budget-totals.h), and putting the receiver on the giver's line would hand it part of
 * spend it never drew on. Only a receiver with no allocation at all joins the giver's line.
 * An allocation emptied stays, at 0. FALSE with PL_ERROR_INVALID_VALUE, and nothing changed,
 * when the giving campaign no longer has that much allocated, or its lines plan less than
 * that from from_day on. */
gboolean    pl_reallocation_apply     (PlPlan *plan, const PlReallocation *hint, GError **error);

G_END_DECLS
