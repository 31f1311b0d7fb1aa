/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Returns a plan of 300 KPIs in a chain of 10 stages of 30, each KPI fed by two of the stage
 * before (540 links), with six months of targets and measurements; the same on every call.
 * Shared by the chart tests and the chart benchmark. */
PlPlan *pl_test_chain_plan_new (void);

G_END_DECLS
