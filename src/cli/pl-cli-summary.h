/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Returns the plan's summary as plain text for a terminal: title and period, budget by
 * category planned against actual, campaigns by status, the KPI chain's figures to date. */
char *pl_cli_summary (PlPlan *plan);

G_END_DECLS
