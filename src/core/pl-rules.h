/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The rules a plan's values keep, one function per rule. An edit in the window that breaks
 * one is refused with the rule's message (a PL_ERROR_INVALID_VALUE), and pl_plan_validate()
 * reports the same message for a file that breaks it: the two never disagree.
 * Messages name records as the user does, by their names, never by their IDs. */

/* @item in words for a message, by its name or what it joins ("the campaign “Launch”",
 * "the allocation from “Paid search” to “Spring webinar series”"); with @capital, the first
 * letter is a capital, to start a sentence. */
char     *pl_rules_describe          (PlPlan *plan, PlItem *item, gboolean capital);
/* The month starting on @julian, as a sentence names it: "March 2027". */
char     *pl_rules_describe_month    (guint32 julian);
/* @kpis (a NULL-terminated path around a loop) by their names: "LTV → ARPU → LTV". */
char     *pl_rules_describe_path     (PlItem **kpis);
/* Sets @error to the message of a formula loop along @kpis (NULL-terminated), naming them. */
void      pl_rules_set_loop_error    (PlItem **kpis, GError **error);

/* A required field of @item is set (@set). */
gboolean  pl_rule_required           (PlPlan *plan, PlItem *item, guint field, gboolean set,
                                      GError **error);
/* Money is never negative: budgets, allocations, tool costs and spending alike (a refund
 * lowers the spend entry it refunds). */
gboolean  pl_rule_money              (PlPlan *plan, PlItem *item, guint field, gint64 amount,
                                      GError **error);
/* The amount a budget line plans for its month @month (0-based) is never negative. */
gboolean  pl_rule_planned            (PlPlan *plan, PlItem *line, guint month, gint64 amount,
                                      GError **error);
/* A value of @kpi, a measurement or a target (NAN, no value, always passes): a count of a
 * funnel stage, money and days are never negative; a percentage (a rate, a churn, a margin)
 * is between 0 and 100 % (stored as 0..1). Other counts, currency and ratios of no stage may
 * be negative (a net promoter score, a profit). */
gboolean  pl_rule_kpi_value          (PlKpi *kpi, double value, GError **error);
/* @kpi's formula set to @formula does not bring it back to itself through other formulas. */
gboolean  pl_rule_kpi_formula        (PlPlan *plan, PlKpi *kpi, const char *formula,
                                      GError **error);
/* @spend dated @julian falls inside the fiscal period (money spent outside it would count in
 * no month of the budget). */
gboolean  pl_rule_spend_date         (PlPlan *plan, PlItem *spend, guint32 julian, GError **error);
/* A budget line planning @planned in all gives its campaigns @allocated at most. */
gboolean  pl_rule_line_allocations   (PlPlan *plan, PlItem *line, gint64 planned, gint64 allocated,
                                      GError **error);
/* No other scenario of @plan is named @name, compared without case: a scenario is chosen by
 * its name (pilote-cli forecast --scenario NAME). */
gboolean  pl_rule_scenario_name      (PlPlan *plan, PlItem *scenario, const char *name,
                                      GError **error);
/* A scenario's history window is 1 to PL_RULE_MAX_WINDOW months. */
#define PL_RULE_MAX_WINDOW 60
gboolean  pl_rule_scenario_window    (PlPlan *plan, PlItem *scenario, gint64 months,
                                      GError **error);

G_END_DECLS
