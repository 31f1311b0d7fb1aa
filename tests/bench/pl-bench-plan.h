/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

#define PL_BENCH_CAMPAIGNS    20000
#define PL_BENCH_KPIS         300
#define PL_BENCH_MEASUREMENTS 500000

/* A plan of the benchmark's size, the same on every call. */
PlPlan *pl_bench_plan_new (void);
