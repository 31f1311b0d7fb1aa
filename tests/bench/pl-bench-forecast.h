/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double ms;            /* median wall time of the latest estimate of every KPI and of spend */
  double mape_chosen;   /* held-out error of the methods the back-tests chose */
  double mape_naive;    /* and of the last value carried forward, on the same months */
} PlBenchForecast;

/* Times the forecast of every KPI of the plan at @path (generated when NULL) over @runs runs
 * and measures its accuracy on held-out months, printing the details; FALSE when the plan
 * cannot be read. */
gboolean pl_bench_forecast_run (const char *path, guint runs, PlBenchForecast *result);

G_END_DECLS
