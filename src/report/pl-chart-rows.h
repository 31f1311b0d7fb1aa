/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The figures of the charts that have a table of their own, for people who cannot see the
 * chart and for anyone who wants the exact numbers. Each appends to @rows (an array of
 * NULL-terminated arrays of strings) the column titles, then a row per line of the table. */

/* The KPI chain: every KPI, its latest month (the dashboard's, as of @today) against target. */
void pl_chart_rows_chain      (PlPlan *plan, guint32 today, GPtrArray *rows);
/* The funnel: each stage over the dashboard's measured months, and its rate from the stage before. */
void pl_chart_rows_funnel     (PlPlan *plan, guint32 today, GPtrArray *rows);
/* The budget month by month, planned against actual. */
void pl_chart_rows_months     (PlPlan *plan, guint32 today, GPtrArray *rows);
/* The budget by category over the whole period, planned against actual. */
void pl_chart_rows_categories (PlPlan *plan, guint32 today, GPtrArray *rows);
/* The scenarios (Base and each saved one, as of @today) over the period: spend, leads,
 * customers, revenue, CAC and LTV:CAC. */
void pl_chart_rows_scenarios  (PlPlan *plan, guint32 today, GPtrArray *rows);
/* The campaign ranking (pl-campaign-ranking-chart.h) by @mode as of @today: every campaign
 * ranked, best first, with its figure, spend and result, then those not ranked and why. */
void pl_chart_rows_campaigns  (PlPlan *plan, guint32 today, int mode, GPtrArray *rows);
/* Appends the row of the NULL-terminated cells that follow @rows. */
void pl_chart_rows_add        (GPtrArray *rows, ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
