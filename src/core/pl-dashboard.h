/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-figures.h"
#include "pl-forecast.h"

G_BEGIN_DECLS

/* What the leadership dashboard shows, computed from the plan as of a day: the KPI tiles,
 * LTV:CAC, spend against budget to date, and the campaigns that need attention. Plain data;
 * the charts draw it and the page lays it out. */

#define PL_DASHBOARD_MAX_TILES 8
/* The campaigns needing attention that are described in words; the others are counted only
 * (a page lists three, the report six). */
#define PL_DASHBOARD_MAX_DESCRIBED 100
/* A campaign ending within this many days of the day shown needs a decision soon. */
#define PL_DASHBOARD_ENDING_DAYS 14

typedef struct {
  PlItem      *kpi;      /* borrowed from the plan */
  double       value;    /* in the month shown, NAN when not measured */
  double       target;   /* for the month shown, NAN when none */
  PlKpiStatus  status;
  PlBasis      basis;    /* the month shown, which the tile names */
  PlMissing    missing;  /* why the value is not available, PL_MISSING_NONE when it is */
  GArray      *series;   /* double per month from the period start to the month shown, NAN
                          * where not measured: the sparkline's points */
  PlLatestEstimate estimate; /* over the whole period, as of the dashboard's day: "on course
                          * for 470 to 520" */
  double       period_target; /* the KPI's target over the whole period, NAN when none */
} PlDashboardTile;

typedef enum {
  PL_ATTENTION_OFF_TARGET  = 1 << 0,  /* a KPI it is linked to is off target */
  PL_ATTENTION_OVER_BUDGET = 1 << 1,  /* it spent more than it was allocated */
  PL_ATTENTION_ENDING_SOON = 1 << 2,  /* running or planned, and ends within days */
} PlAttentionReason;

typedef struct {
  PlItem *campaign;      /* borrowed */
  guint   reasons;       /* PlAttentionReason */
  char   *text;          /* the reasons in plain words; NULL past PL_DASHBOARD_MAX_DESCRIBED */
  char   *share_text;    /* the same with no amount: "25 % over budget" */
} PlAttention;

typedef struct {
  guint32    as_of;          /* the day the figures are for */
  gboolean   before_period;  /* as_of is before the period's first day: nothing is measured */
  gboolean   measured;       /* some KPI is measured on or before as_of */
  PlBasis    shown;          /* the month of the KPI tiles */
  PlBasis    measured_basis; /* the period's start to the end of that month: funnel, LTV:CAC */
  PlBasis    to_date;        /* the period's start to as_of: spend against budget; before the
                              * period, the whole period (the spend already recorded) */
  PlFigure   ltv_cac_figure; /* on measured_basis */
  PlFigure   used;           /* spend / planned, both on to_date */
  PlFigure   used_of_period; /* spend on to_date / planned for the whole period */
  guint32    month;          /* first day of the month of the KPIs shown: the last measured
                              * at or before as_of */
  guint32    until;          /* the first day after that month: the funnel and LTV:CAC run
                              * from the period start to here */
  GArray    *tiles;          /* PlDashboardTile, at most PL_DASHBOARD_MAX_TILES, in plan order */
  double     ltv_cac;        /* from the period start to the end of the month shown; NAN when
                              * not available */
  double     ltv_cac_target; /* on measured_basis: pl_figures_ltv_cac_target() */
  gboolean   ltv_cac_plan_target; /* that target is the plan's, not the health line */
  PlKpiStatus ltv_cac_status; /* ltv_cac against ltv_cac_target */
  gint64     spend_to_date;  /* spend (from its one source) on to_date */
  gint64     budget_to_date; /* planned on to_date, a month cut by as_of counted for its days */
  gint64     budget;         /* planned over the whole period */
  PlLatestEstimate spend_estimate; /* spend over the whole period, as of as_of */
  GPtrArray *attention;      /* PlAttention, off target first, then over budget, then ending */
} PlDashboard;

/* The spans a dashboard's figures cover as of a day, without computing them: what the
 * summary and the report need to give the same figures on the same bases. */
typedef struct {
  gboolean before_period;  /* the day is before the period's first day */
  gboolean measured;       /* some KPI is measured, and the period has started */
  guint    month_index;    /* of the month shown: the last measured on or before the day */
  PlBasis  shown;          /* that month */
  PlBasis  measured_basis; /* the period's start to the end of that month; empty before the period */
  PlBasis  to_date;        /* the period's start to the day; the whole period before it */
} PlDashboardBases;

void         pl_dashboard_bases (PlPlan *plan, guint32 as_of, PlDashboardBases *bases);

/* The day a dashboard shows by default: the end of the last month with measurements, or
 * @today when nothing is measured yet. */
guint32      pl_dashboard_as_of (PlPlan *plan, guint32 today);
/* Computes everything the dashboard shows as of the Julian day @as_of; free with
 * pl_dashboard_free(). */
PlDashboard *pl_dashboard_new   (PlPlan *plan, guint32 as_of);
/* Chooses the day @plan's dashboard and report are as of, for this session (0: the default
 * of pl_dashboard_as_of()); it is not part of the plan and not saved in its file. */
void         pl_dashboard_choose_as_of  (PlPlan *plan, guint32 day);
/* The day chosen, or 0. */
guint32      pl_dashboard_get_chosen_as_of (PlPlan *plan);
/* The day chosen, or the default for @today. */
guint32      pl_dashboard_resolve_as_of (PlPlan *plan, guint32 today);
void         pl_dashboard_free  (PlDashboard *dashboard);
/* The value of @tile the month before the one shown, NAN when not measured. */
double       pl_dashboard_tile_previous (const PlDashboardTile *tile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlDashboard, pl_dashboard_free)

G_END_DECLS
