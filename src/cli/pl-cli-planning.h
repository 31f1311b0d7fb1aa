/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-projection.h"
#include "pl-scenario.h"

G_BEGIN_DECLS

/* pilote-cli forecast and backsolve (issue 21): the planning arithmetic month by month, in
 * words for a terminal or, with @json, in the JSON form of `summary --json`
 * (doc/summary-json.md, "forecast and backsolve"). The drivers are @plan's over the last 3
 * months measured on or before @as_of, or @scenario's when not NULL, each with its source. */

/* The scenario of @plan named @name (as pl_scenario_find()), or NULL with a PL_ERROR_NOT_FOUND
 * in words that lists the plan's scenarios. */
PlScenario *pl_cli_find_scenario (PlPlan *plan, const char *name, GError **error);

/* The forward projection: spend, leads, MQL, SQL, new customers, new revenue, CAC, LTV:CAC
 * and ROI by month and for the period, and the drivers used. NULL with a PL_ERROR_INVALID_VALUE
 * in words when a driver the chain needs (the cost per lead, a conversion rate) is not known. */
char       *pl_cli_forecast      (PlPlan *plan, PlScenario *scenario, guint32 as_of, gboolean json,
                                  GError **error);

/* Reads a goal as typed after --target: "revenue=AMOUNT" or "customers=N", N above 0.
 * FALSE with a PL_ERROR_INVALID_VALUE in words otherwise. */
gboolean    pl_cli_parse_target  (const char *text, PlGoalKind *goal, double *amount, GError **error);

/* What @amount of @goal over the period needs, month by month (spend with the @safety margin,
 * leads, MQL, SQL, customers), against the budget, and the gap and its lever in one sentence
 * (pl_backsolve_describe()). NULL with the back-solve's error in words when it cannot run. */
char       *pl_cli_backsolve     (PlPlan *plan, PlScenario *scenario, guint32 as_of, PlGoalKind goal,
                                  double amount, double safety, gboolean json, GError **error);

G_END_DECLS
