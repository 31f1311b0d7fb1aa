/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-drivers.h"

G_BEGIN_DECLS

/* Forward and reverse planning arithmetic over the fiscal period, month by month (issue 21).
 *
 * Forward: leads = spend / CPL; each later stage = the stage above x its conversion rate,
 * moved later by the delay between them. A delay of d days moves a month's volume by d / 30
 * months: 45 days puts half of March's volume in April and half in May. Volume pushed past
 * the period's end is counted in PL_PROJECTION_AFTER_PERIOD, never silently lost.
 * Leads come from all the spend (the CPL from history is all spend over leads); CAC counts
 * only the acquisition categories' spend, as PL_FIGURE_CAC does.
 * Reverse: the same arithmetic run backwards from a goal.
 * What-if: run forward again with a copy of the drivers changed; nothing in the plan changes. */

typedef enum {
  PL_PROJECTION_SPEND,        /* planned spend after the drivers' changes, major units */
  PL_PROJECTION_LEADS,
  PL_PROJECTION_MQL,
  PL_PROJECTION_SQL,
  PL_PROJECTION_CUSTOMERS,    /* new customers */
  PL_PROJECTION_REVENUE,      /* new revenue: new customers x PL_DRIVER_DEAL */
  PL_PROJECTION_CAC,          /* acquisition spend / new customers (NAN when none) */
  PL_PROJECTION_LTV,          /* ARPU x margin / churn */
  PL_PROJECTION_LTV_CAC,
  PL_PROJECTION_ROI,          /* (revenue - spend) / spend */
  PL_N_PROJECTION_ROWS
} PlProjectionRow;

/* A month index meaning the whole period (sums for volumes and money, ratios of the sums
 * for CAC, LTV:CAC and ROI). */
#define PL_PROJECTION_TOTAL (-1)
/* A month index meaning what the delays push past the period's end (leads to customers and
 * their revenue; NAN for spend and the ratios). */
#define PL_PROJECTION_AFTER_PERIOD (-2)

/* What a plan's chain is computed from, prepared once per plan state: the budget's planned
 * spend by category and month, the funnel's KPIs, every KPI formula parsed and put in the
 * order they can be evaluated. Running it again with other drivers is cheap (a what-if
 * through 300 KPIs over 12 months takes well under a millisecond). It does not follow the
 * plan: make a new one when the plan's KPIs, budget lines, categories or period change. */
typedef struct _PlProjector PlProjector;

/* A forward projection: every row and every KPI of the plan, month by month. */
typedef struct _PlProjection PlProjection;

PlProjector   *pl_projector_new                 (PlPlan *plan);
void           pl_projector_free                (PlProjector *projector);

/* Runs the chain forward from @drivers. */
PlProjection  *pl_projector_forward             (PlProjector *projector, const PlDrivers *drivers);
/* The same, refilling @projection (from this projector) without allocating: the what-if path. */
void           pl_projector_forward_into        (PlProjector *projector, const PlDrivers *drivers,
                                                 PlProjection *projection);
PlProjection  *pl_projection_copy               (const PlProjection *projection);
void           pl_projection_free               (PlProjection *projection);

guint          pl_projection_get_n_months       (const PlProjection *projection);
/* @row in @month (0-based, PL_PROJECTION_TOTAL or PL_PROJECTION_AFTER_PERIOD); NAN when
 * not available (a missing driver, a zero divisor). */
double         pl_projection_get                (const PlProjection *projection,
                                                 PlProjectionRow row, int month);
/* @kpi's projected value in @month (or PL_PROJECTION_TOTAL, combined by its aggregate):
 * funnel-stage KPIs take their row, formula KPIs are evaluated from the projected values of
 * the KPIs they name, and any other KPI keeps its value over the drivers' window (a link
 * without a formula carries no arithmetic). NAN when not available. */
double         pl_projection_get_kpi            (const PlProjection *projection,
                                                 PlKpi *kpi, int month);

/* Stable keys ("leads", "ltv-cac") and names for people ("Leads", "LTV:CAC"). */
const char    *pl_projection_row_key            (PlProjectionRow row);
const char    *pl_projection_row_name           (PlProjectionRow row);

/* The goal of a back-solve. */
typedef enum {
  PL_GOAL_REVENUE,           /* new revenue over the period, major units */
  PL_GOAL_CUSTOMERS,         /* new customers over the period */
} PlGoalKind;

#define PL_BACKSOLVE_DEFAULT_SAFETY 0.20

typedef struct _PlBacksolve PlBacksolve;

/* Works back from @amount of @goal over the period: the customers needed each month (shaped
 * like the goal KPI's monthly targets, else like the planned spend, else evenly), and the
 * SQL, MQL and leads needed in earlier months by the delays, and the spend they need at the
 * drivers' CPL raised by @safety (0.2 adds 20 %). The leads are moved earlier by the inverse
 * of the forward shift (45 days: half a month earlier, half two). Without delays, forward
 * from the spend it asks for gives the goal back month by month; with them, its count in the
 * period and after it, less what was asked before the period. Fails with a
 * PL_ERROR_INVALID_VALUE in words when a driver it needs is missing or zero, @amount is not
 * positive, or @safety is outside 0 to 1. */
PlBacksolve   *pl_projector_backsolve           (PlProjector *projector, const PlDrivers *drivers,
                                                 PlGoalKind goal, double amount, double safety,
                                                 GError **error);
void           pl_backsolve_free                (PlBacksolve *backsolve);

/* What is needed: PL_PROJECTION_SPEND (with the safety margin), LEADS, MQL, SQL, CUSTOMERS
 * and REVENUE, in @month, PL_PROJECTION_TOTAL, or PL_PROJECTION_BEFORE_PERIOD (what the
 * delays ask for before the period starts, which no spend in the period can bring). */
#define PL_PROJECTION_BEFORE_PERIOD (-3)
double         pl_backsolve_get                 (const PlBacksolve *backsolve,
                                                 PlProjectionRow row, int month);
/* The gap between what the goal needs and what the budget brings, over the period: in money
 * (needed spend - planned spend, after the drivers' spend changes) and in leads (needed -
 * the leads the planned spend buys at the CPL raised by the safety margin, so that both
 * gaps say the same). Positive is short. */
double         pl_backsolve_gap_money           (const PlBacksolve *backsolve);
double         pl_backsolve_gap_leads           (const PlBacksolve *backsolve);
/* The one lever that alone closes the gap, its value now and the value it needs; FALSE when
 * there is no gap or no lever closes it alone (nothing planned). Candidates:
 * PL_DRIVER_SPEND_CHANGE, CPL, the three conversion rates (below 100 %), and the deal for a
 * revenue goal. Every lever must move the customers by the same factor, so the choice is
 * made against what the plan has achieved (pl_drivers_get_best_month): a lever whose needed
 * value some month of the drivers' window already reached is within reach, and among those
 * the one that uses the least of the way from its value now to its best month wins; when
 * none is within reach, the one least beyond its best month (|log (needed / best)|). A
 * driver without history compares with its own value, and the spend with the budget: they
 * need the whole change, so the spend wins only when no driver has history. Ties go to a
 * driver with history, then to the order above. */
gboolean       pl_backsolve_get_lever           (const PlBacksolve *backsolve, PlDriver *driver,
                                                 double *from, double *to);
/* The first day of the month that already achieved the value the lever needs (the latest
 * such best month), 0 when the lever is beyond every month or there is none. */
guint32        pl_backsolve_get_lever_month     (const PlBacksolve *backsolve);
/* The gap and the lever in one sentence, naming the month when the lever is within reach:
 * "The goal needs 412,000 EUR more than the budget, or 1,840 more leads; or raise MQL to SQL
 * conversion from 35 % to 41 %, as in May 2027." Free with g_free(). */
char          *pl_backsolve_describe            (const PlBacksolve *backsolve, PlPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlProjector, pl_projector_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlProjection, pl_projection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlBacksolve, pl_backsolve_free)

G_END_DECLS
