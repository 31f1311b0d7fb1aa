/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Returns the plan's summary as plain text for a terminal, as of the Julian day @as_of:
 * title and period, the budget by category (planned for the period and to date, spent to
 * date, used), campaigns by status, the KPI chain's figures with the basis of each. */
char *pl_cli_summary      (PlPlan *plan, guint32 as_of);
/* The same figures as JSON for scripts: numbers as numbers, a missing figure as null with
 * the reason beside it; the keys are described in doc/summary-json.md and kept stable. */
char *pl_cli_summary_json (PlPlan *plan, guint32 as_of);

G_END_DECLS
