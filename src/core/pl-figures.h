/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-basis.h"
#include "pl-enums.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Every derived figure of DOMAIN.md. Money is exact (gint64 minor units); rates are
 * doubles and NAN means "not available" (a zero or missing denominator), never 0.
 * A @month of -1 means the whole fiscal period. Ranges of days are [from, to). */

/* Planned amount of @line for @month. */
gint64   pl_figures_line_planned        (PlBudgetLine *line, int month);
gint64   pl_figures_category_planned    (PlPlan *plan, PlCategory *category, int month);
/* Planned amount of the whole plan. A NULL @category in the functions above means every one. */
gint64   pl_figures_planned             (PlPlan *plan, int month);
/* Actual spend booked on @line in @month. */
gint64   pl_figures_line_actual         (PlPlan *plan, PlBudgetLine *line, int month);
gint64   pl_figures_category_actual     (PlPlan *plan, PlCategory *category, int month);
gint64   pl_figures_actual              (PlPlan *plan, int month);
/* Actual spend between two days, only on acquisition categories when @acquisition_only. */
gint64   pl_figures_actual_between      (PlPlan *plan, guint32 from, guint32 to,
                                         gboolean acquisition_only);
/* Actual minus planned. */
gint64   pl_figures_variance            (gint64 planned, gint64 actual);
/* Actual / planned, NAN when nothing is planned. */
double   pl_figures_percent_used        (gint64 planned, gint64 actual);

/* Total allocated from @line to campaigns. */
gint64   pl_figures_line_allocated      (PlPlan *plan, PlBudgetLine *line);
/* Total allocated to @campaign from every line. */
gint64   pl_figures_campaign_allocated  (PlPlan *plan, PlCampaign *campaign);
/* Totals of every allocation grouped by the ID in @field (PL_ALLOCATION_LINE or
 * PL_ALLOCATION_CAMPAIGN), in one pass: a new table from ID to a gint64 pointer. */
GHashTable *pl_figures_allocated_by      (PlPlan *plan, guint field);
/* Actual spend of @campaign, by the rule of pl_budget_totals_campaign_actual(). */
gint64   pl_figures_campaign_actual     (PlPlan *plan, PlCampaign *campaign);

/* How a KPI stands against its target. */
typedef enum {
  PL_KPI_STATUS_NO_DATA,  /* not measured yet */
  PL_KPI_STATUS_GOOD,     /* on target or better */
  PL_KPI_STATUS_CLOSE,    /* within 10 % of target, on the wrong side */
  PL_KPI_STATUS_OFF,
  PL_KPI_STATUS_NO_TARGET,
} PlKpiStatus;

/* Why a figure is not available. */
typedef enum {
  PL_MISSING_NONE,
  PL_MISSING_NO_KPI,          /* the plan has no KPI for a figure it needs */
  PL_MISSING_NOT_MEASURED,    /* nothing measured over the basis */
  PL_MISSING_NO_TARGET,
  PL_MISSING_ZERO,            /* its divisor is zero */
  PL_MISSING_BEFORE_PERIOD,   /* the basis is empty: the period has not started */
  PL_MISSING_LOOP,            /* a formula that refers to itself */
  PL_MISSING_FORMULA,         /* a formula that cannot be read */
} PlMissing;

/* A figure on its basis. @value is NAN when not available, and then @missing says why and
 * @missing_stage which figure was missing or zero (PL_STAGE_NONE when none applies). Money
 * is in major units. */
typedef struct {
  double    value;
  PlMissing missing;
  PlStage   missing_stage;
  PlBasis   basis;
} PlFigure;

/* The plan-wide figures of DOMAIN.md. */
typedef enum {
  PL_FIGURE_SPEND,             /* from the spend records, or the spend KPI without them */
  PL_FIGURE_ACQUISITION_SPEND, /* the same, on acquisition categories only: CAC's cost */
  PL_FIGURE_PLANNED,           /* planned, a month cut by the basis counted for its days */
  PL_FIGURE_CPL,               /* spend / leads */
  PL_FIGURE_CAC,               /* acquisition spend / new customers */
  PL_FIGURE_ARPU,              /* MRR / customers; without an MRR KPI, revenue / new customers */
  PL_FIGURE_MARGIN,            /* the margin KPI, or 1.0 (assumed) without one */
  PL_FIGURE_LTV,               /* ARPU x margin / churn (a sale's value / share not buying again) */
  PL_FIGURE_LTV_CAC,
  PL_FIGURE_ROI,               /* (revenue - spend) / spend */
  PL_FIGURE_USED,              /* spend / planned over the same basis */
  PL_FIGURE_USED_OF_PERIOD,    /* spend over the basis / planned over the whole period */
  PL_N_FIGURES
} PlFigureKind;

/* Where the plan's spend comes from: one source, never both. */
typedef enum {
  PL_SPEND_NONE,          /* no spending records and no spend KPI */
  PL_SPEND_FROM_RECORDS,  /* the spending records; the spend KPI shows their sum */
  PL_SPEND_FROM_KPI,      /* no spending records: the spend KPI's measurements */
} PlSpendSource;

/* @kind of @plan over @basis. Remembered until the KPIs, spend, lines, categories or period
 * change, so asking again is a hash lookup. */
PlFigure     pl_figures_get            (PlPlan *plan, PlFigureKind kind, const PlBasis *basis);
/* @kpi's measurements (or targets) over @basis combined by its aggregate, or its formula
 * evaluated over the operands on the same basis; a formula loop reads "not available". */
PlFigure     pl_figures_kpi            (PlPlan *plan, PlKpi *kpi, PlSeriesKind kind, const PlBasis *basis);
/* The measurements of the first KPI of @stage. */
PlFigure     pl_figures_stage          (PlPlan *plan, PlStage stage, const PlBasis *basis);
/* Planned (a month cut by the basis counted for its days) and spend of @category, or of
 * every category when NULL, over @basis, in minor units; with @used their ratio (NAN when
 * nothing is planned). The whole plan's spend comes from its one source; a category's can
 * only come from spending records: without them it is unknown, *@actual is 0, *@used NAN,
 * and FALSE is returned so that the caller shows "–" rather than 0. */
gboolean     pl_figures_category_on    (PlPlan *plan, PlCategory *category, const PlBasis *basis,
                                        gint64 *planned, gint64 *actual, double *used);
/* Conversion from stage @a to stage @b: b / a. */
PlFigure     pl_figures_get_conversion (PlPlan *plan, PlStage a, PlStage b, const PlBasis *basis);
/* What the plan aims at for @kind over @basis: for CPL the spend planned over the leads
 * targeted, for CAC the acquisition spend planned over the new customers targeted, for
 * LTV:CAC pl_figures_ltv_cac_target(), for spend the plan; missing (PL_MISSING_NO_TARGET)
 * otherwise. */
PlFigure     pl_figures_get_target     (PlPlan *plan, PlFigureKind kind, const PlBasis *basis);
/* @value as a share of @target (1.0 is on target), NAN when either is missing or the target
 * is zero: how every "against target" column reads. */
double       pl_figures_against        (double value, double target);
/* A stage of the funnel over a basis: its KPI, actual and target, how it stands, and the
 * rates from the stage above it (NAN-valued figures for the first). */
typedef struct {
  PlStage     stage;
  PlKpi      *kpi;            /* borrowed */
  PlFigure    actual;
  PlFigure    target;
  PlKpiStatus status;
  PlFigure    rate;           /* actual / the actual of the stage above */
  PlFigure    planned_rate;   /* target / the target of the stage above */
  PlFigure    against;        /* actual / target */
} PlFunnelStage;

#define PL_FUNNEL_MAX_STAGES 6

/* The funnel's stages the plan counts, top to bottom (visitors, leads, MQL, SQL,
 * opportunities, new customers), over @basis: what the funnel chart draws, its table lists,
 * and the summary and report convert. Returns how many were filled. */
guint        pl_figures_funnel         (PlPlan *plan, const PlBasis *basis,
                                        PlFunnelStage stages[PL_FUNNEL_MAX_STAGES]);
/* TRUE when no margin is measured over @basis, so LTV assumes 100 %. */
gboolean     pl_figures_margin_assumed (PlPlan *plan, const PlBasis *basis);
PlSpendSource pl_figures_spend_source  (PlPlan *plan);
/* Why @figure is not available, in words ("leads not measured in June 2027"); NULL when it is. */
char        *pl_figure_reason          (PlPlan *plan, const PlFigure *figure);
/* Stable keys for scripts ("cpl", "not-measured") and the figure's name for people. */
const char  *pl_figure_kind_key        (PlFigureKind kind);
const char  *pl_figure_kind_name       (PlFigureKind kind);
const char  *pl_missing_key            (PlMissing why);

/* The one status rule, for every view: at or better than @target is on target; within a
 * tenth of it on the wrong side is close (a zero target has no such band); beyond, off. */
PlKpiStatus  pl_figures_status         (double value, double target, PlDirection direction);
PlKpiStatus  pl_figures_kpi_status_on  (PlPlan *plan, PlKpi *kpi, const PlBasis *basis);
/* "On target", "Close to target"...; and a key for scripts ("on-target"). */
const char  *pl_kpi_status_describe    (PlKpiStatus status);
const char  *pl_kpi_status_key         (PlKpiStatus status);

/* The same engine on a plain range [from, to), for the views of the first version. */
/* How @kpi's value over [from, to) stands against its target there (pl_figures_status()). */
PlKpiStatus pl_figures_kpi_status       (PlPlan *plan, PlKpi *kpi, guint32 from, guint32 to);

/* The first KPI of @stage, or NULL. */
PlKpi   *pl_figures_kpi_for_stage       (PlPlan *plan, PlStage stage);
/* The value of @kpi over [from, to): its measurements combined by its aggregate, or its
 * formula evaluated over the operands' values for the same range. */
double   pl_figures_kpi_value           (PlPlan *plan, PlKpi *kpi, guint32 from, guint32 to);
/* The same for the targets. */
double   pl_figures_kpi_target          (PlPlan *plan, PlKpi *kpi, guint32 from, guint32 to);
/* The value of the first KPI of @stage over [from, to), NAN when there is none. */
double   pl_figures_stage_value         (PlPlan *plan, PlStage stage, guint32 from, guint32 to);
/* The first day after the last month with any measurement, or the period start. */
guint32  pl_figures_measured_until      (PlPlan *plan);
/* TRUE when some KPI has a measurement or some spend is recorded: FALSE for a new plan, whose
 * dashboard has nothing to show yet. */
gboolean pl_figures_any_measured        (PlPlan *plan);

/* @to / @from stage counts: conversion from stage @a to stage @b. */
double   pl_figures_conversion          (PlPlan *plan, PlStage a, PlStage b, guint32 from, guint32 to);
/* Spend (from its one source) / count at @stage (CPL for leads, CPA for any stage), in major units. */
double   pl_figures_cost_per            (PlPlan *plan, PlStage stage, guint32 from, guint32 to);
double   pl_figures_cpl                 (PlPlan *plan, guint32 from, guint32 to);
/* Acquisition spend (from its one source) / new customers, in major units. */
double   pl_figures_cac                 (PlPlan *plan, guint32 from, guint32 to);
/* MRR / customers at the end of the range. */
double   pl_figures_arpu                (PlPlan *plan, guint32 from, guint32 to);
/* ARPU x margin / churn; *@margin_assumed is set when no margin KPI gave a value (100% used). */
double   pl_figures_ltv                 (PlPlan *plan, guint32 from, guint32 to,
                                         gboolean *margin_assumed);
double   pl_figures_ltv_cac             (PlPlan *plan, guint32 from, guint32 to);
/* (revenue - spend) / spend. */
double   pl_figures_roi                 (PlPlan *plan, guint32 from, guint32 to);
/* The health line of LTV:CAC (DOMAIN.md, seed 003). */
#define PL_LTV_CAC_HEALTHY 3.0
/* The plan's KPI that is figure @kind, or NULL: for CPL a money KPI whose formula reads the
 * spend and the leads KPIs, for CAC one reading the spend and the new customers KPIs, for
 * LTV:CAC a ratio KPI whose formula reads that CAC KPI; NULL for any other kind. */
PlKpi   *pl_figures_kpi_for_figure      (PlPlan *plan, PlFigureKind kind);
/* LTV:CAC's target over @basis, the one rule of every view: the target the plan sets on its
 * LTV:CAC KPI there when it sets one (the plan's own word wins), else the health line
 * PL_LTV_CAC_HEALTHY; *@from_plan (may be NULL) says which. */
double   pl_figures_ltv_cac_target      (PlPlan *plan, const PlBasis *basis, gboolean *from_plan);

G_END_DECLS
