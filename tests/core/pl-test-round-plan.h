/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The planning tests' plan of round numbers, worked by hand (issue 21): a 12-month period
 * from January 2027; one acquisition category "cat-ads" whose line "line-ads" plans 10,000
 * every month, and a brand category "cat-brand" (not acquisition) with nothing planned;
 * measured in April, May and June 2027, each month: spend 10,000 (the spend KPI: no
 * spending records), 200 leads, 60 MQL, 30 SQL, 6 new customers, 30,000 new revenue,
 * 100 paying customers, MRR 50,000, churn 2 %; no margin KPI. So CPL 50, conversions 30 %,
 * 50 %, 20 %, deal 5,000, ARPU 500, LTV 25,000. A formula KPI "kpi-cpl" is
 * "kpi-spend / kpi-leads". */
PlPlan  *pl_test_round_plan_new   (void);
/* Adds a record of @type with @id at the end of its collection; the plan holds it. */
PlItem  *pl_test_add_item         (PlPlan *plan, GType type, const char *id);
/* The Julian day of @d/@m/@y. */
guint32  pl_test_day              (int d, int m, int y);
/* Adds a KPI @id with @formula (and no stage) at the end of @plan's KPIs. */
PlKpi   *pl_test_add_formula_kpi  (PlPlan *plan, const char *id, const char *formula);
/* Sets the planned amounts (major units) of the line "line-ads", month by month. */
void     pl_test_set_planned      (PlPlan *plan, const double planned[12]);

G_END_DECLS
