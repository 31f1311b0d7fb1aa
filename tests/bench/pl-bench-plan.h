/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The size of the benchmark's plan (the figures). */
#define PL_BENCH_CAMPAIGNS    20000
#define PL_BENCH_KPIS         300
#define PL_BENCH_MEASUREMENTS 500000

/* Returns the benchmark's plan, built with the model API: the same records and values on
 * every call and on every machine (fixed seed, fixed fiscal period, no locale). */
PlPlan  *pl_bench_plan_new                (void);

/* A plan of @n calendar entries over 2027: one in ten a weekly review with an occurrence
 * skipped, the others milestones and activities with a note; the same on every call. */
PlPlan  *pl_bench_calendar_plan_new       (guint n);

/* The bundled example plan (PILOTE_SOURCE_ROOT/data/examples); exits with a message when
 * it cannot be read. */
PlPlan  *pl_bench_example_plan            (void);
/* The number of measurements of every KPI of @plan. */
guint    pl_bench_plan_count_measurements (PlPlan *plan);

/* Builds the plan and saves it to @path with pl_plan_save(), then reads the file back with
 * pl_plan_load() and checks it: no error, no problem from pl_plan_validate(), the same number
 * of records in every collection, and the same bytes when written again. */
gboolean pl_bench_plan_write              (const char *path,
                                           GError    **error);

G_END_DECLS
