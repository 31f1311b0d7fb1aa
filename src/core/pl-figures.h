/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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
/* Actual spend attributed to @campaign: each line's actual shared in proportion of what the
 * line allocates to the campaign out of its planned total (rounded to the minor unit). */
gint64   pl_figures_campaign_actual     (PlPlan *plan, PlCampaign *campaign);

/* How a KPI stands against its target. */
typedef enum {
  PL_KPI_STATUS_NO_DATA,
  PL_KPI_STATUS_GOOD,     /* on target or better */
  PL_KPI_STATUS_CLOSE,    /* within 10 % of target */
  PL_KPI_STATUS_OFF,
} PlKpiStatus;

/* How @kpi's value over [from, to) stands against its target there, by its direction:
 * good at or better than target, close within 10 %, off beyond. */
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

/* @to / @from stage counts: conversion from stage @a to stage @b. */
double   pl_figures_conversion          (PlPlan *plan, PlStage a, PlStage b, guint32 from, guint32 to);
/* Spend / count at @stage (CPL for leads, CPA for any stage), in major units. */
double   pl_figures_cost_per            (PlPlan *plan, PlStage stage, guint32 from, guint32 to);
double   pl_figures_cpl                 (PlPlan *plan, guint32 from, guint32 to);
/* Acquisition spend / new customers, in major units. */
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

G_END_DECLS
