/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-figures.h"

G_BEGIN_DECLS

/* What the leadership dashboard shows, computed from the plan as of a day: the KPI tiles,
 * LTV:CAC, spend against budget to date, and the campaigns that need attention. Plain data;
 * the charts draw it and the page lays it out. */

#define PL_DASHBOARD_MAX_TILES 8
/* A campaign ending within this many days of the day shown needs a decision soon. */
#define PL_DASHBOARD_ENDING_DAYS 14

typedef struct {
  PlItem      *kpi;      /* borrowed from the plan */
  double       value;    /* in the month shown, NAN when not measured */
  double       target;   /* for the month shown, NAN when none */
  PlKpiStatus  status;
  GArray      *series;   /* double per month from the period start to the month shown, NAN
                          * where not measured: the sparkline's points */
} PlDashboardTile;

typedef enum {
  PL_ATTENTION_OFF_TARGET  = 1 << 0,  /* a KPI it is linked to is off target */
  PL_ATTENTION_OVER_BUDGET = 1 << 1,  /* it spent more than it was allocated */
  PL_ATTENTION_ENDING_SOON = 1 << 2,  /* running or planned, and ends within days */
} PlAttentionReason;

typedef struct {
  PlItem *campaign;      /* borrowed */
  guint   reasons;       /* PlAttentionReason */
  char   *text;          /* the reasons in plain words */
  char   *share_text;    /* the same with no amount: "25 % over budget" */
} PlAttention;

typedef struct {
  guint32    as_of;          /* the day the figures are for */
  guint32    month;          /* first day of the month of the KPIs shown: the last measured
                              * at or before as_of */
  guint32    until;          /* the first day after that month: the funnel and LTV:CAC run
                              * from the period start to here */
  GArray    *tiles;          /* PlDashboardTile, at most PL_DASHBOARD_MAX_TILES, in plan order */
  double     ltv_cac;        /* from the period start to the end of the month shown; NAN when
                              * not available */
  gint64     spend_to_date;  /* actual, from the period start to the end of as_of's month */
  gint64     budget_to_date; /* planned over the same months */
  gint64     budget;         /* planned over the whole period */
  GPtrArray *attention;      /* PlAttention, off target first, then over budget, then ending */
} PlDashboard;

/* The day a dashboard opened on @today shows: @today inside the plan's period; otherwise
 * the last day with measurements, so that a plan for another year still reads. */
guint32      pl_dashboard_as_of (PlPlan *plan, guint32 today);
/* Computes everything the dashboard shows as of the Julian day @as_of; free with
 * pl_dashboard_free(). */
PlDashboard *pl_dashboard_new   (PlPlan *plan, guint32 as_of);
void         pl_dashboard_free  (PlDashboard *dashboard);
/* The value of @tile the month before the one shown, NAN when not measured. */
double       pl_dashboard_tile_previous (const PlDashboardTile *tile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlDashboard, pl_dashboard_free)

G_END_DECLS
