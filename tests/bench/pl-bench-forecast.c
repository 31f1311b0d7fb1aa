/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forecast benchmark (issue 21): the latest estimate of every KPI of the 20,000-campaign
 * plan, and of its spend, as of the end of the period's sixth month (each KPI's method chosen
 * by its own back-test), timed over N runs (21 by default) with the remembered figures thrown
 * away before each run, as on a plan just opened. Then the forecasts' accuracy on months they
 * have not seen: for every measured KPI, each of the last 12 months of its history (the
 * period's) is forecast one month ahead from the months before it only, by the method its
 * back-test on those months chooses and by the last value carried forward; the mean absolute
 * percentage error of each over those months, averaged over the KPIs. The last line:
 *   forecast-20k-ms=B target-ms=50 mape-chosen=X mape-naive=Y chosen-beats-naive=yes|no
 * Usage: pl-bench-forecast [--runs N] [FILE] (the plan is generated when no FILE is given).
 * It judges nothing but the line's check: it is not a unit test. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-forecast.h"
#include "pl-plan-file.h"

#define HELD_OUT 12

/* Where the time goes, in the last run: KPIs from their points, KPIs from the figures
 * (formulas), spend. */
static double part_ms[3];

static gboolean
has_formula (PlKpi *kpi)
{
  const char *formula = pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA);

  return formula != NULL && *formula != '\0';
}

static double
forecast_all (PlPlan *plan, GListModel *kpis, guint32 as_of, guint *available)
{
  gint64 start, lap;
  double sum = 0;

  /* Nothing remembered: the formula KPIs' months are computed again. */
  g_object_set_data (G_OBJECT (plan), "pl-figures-cache", NULL);
  *available = 0;
  start = g_get_monotonic_time ();
  part_ms[0] = part_ms[1] = 0;
  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);
      PlLatestEstimate e;

      lap = g_get_monotonic_time ();
      e = pl_forecast_kpi (plan, kpi, as_of);
      part_ms[has_formula (kpi)] += (g_get_monotonic_time () - lap) / 1000.0;

      if (e.missing == PL_ESTIMATE_AVAILABLE)
        {
          (*available)++;
          sum += e.high - e.low;
        }
    }
  lap = g_get_monotonic_time ();
  sum += pl_forecast_spend (plan, as_of).value;
  part_ms[2] = (g_get_monotonic_time () - lap) / 1000.0;
  /* Keep the compiler from dropping the work. */
  if (isnan (sum) && sum == 1)
    g_print (" ");
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct {
  double chosen, naive;     /* sums of the KPIs' MAPE */
  guint  n_kpis;
  guint  wins[PL_N_FORECAST_METHODS];
} Accuracy;

/* One KPI's held-out test: see the comment at the top. */
static void
held_out (const double *y, Accuracy *acc)
{
  double chosen = 0, naive = 0;
  guint n = 0;

  for (guint t = PL_FORECAST_MAX_HISTORY - HELD_OUT; t < PL_FORECAST_MAX_HISTORY; t++)
    {
      PlForecast c, l;

      if (!isfinite (y[t]) || y[t] == 0)
        continue;
      if (!pl_forecast_series (y, t, 1, &c) || !pl_forecast_series_with (y, t, 1, PL_FORECAST_NAIVE, &l))
        continue;
      chosen += fabs ((y[t] - c.points[0].value) / y[t]);
      naive += fabs ((y[t] - l.points[0].value) / y[t]);
      acc->wins[c.method]++;
      n++;
    }
  if (n == 0)
    return;
  acc->chosen += chosen / n;
  acc->naive += naive / n;
  acc->n_kpis++;
}

int
main (int argc, char **argv)
{
  guint runs = 21, available = 0;
  const char *path = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autofree double *times = NULL;
  GListModel *kpis;
  guint32 as_of, end;
  Accuracy acc = { 0 };
  double ms, mape_chosen, mape_naive;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      {
        i++;
        runs = MAX (1, (guint) atoi (argv[i]));
      }
    else
      path = argv[i];
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
      if (plan == NULL)
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          return 1;
        }
    }
  else
    plan = pl_bench_plan_new ();
  kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  as_of = pl_plan_month_start (plan, MIN (6, pl_plan_get_months (plan) - 1)) - 1;
  end = pl_plan_get_end (plan) - 1;
  g_print ("plan: %u campaigns, %u KPIs, %u measurements\n",
           pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), g_list_model_get_n_items (kpis),
           pl_bench_plan_count_measurements (plan));

  forecast_all (plan, kpis, as_of, &available);  /* warm up */
  times = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    times[r] = forecast_all (plan, kpis, as_of, &available);
  ms = pl_bench_median (times, runs);
  g_print ("latest estimate of every KPI (%u available) and of spend, median of %u runs: %.2f ms (target <= 50 ms)\n",
           available, runs, ms);
  g_print ("  last run: KPIs from their points %.2f ms, KPIs with a formula %.2f ms, spend %.2f ms\n",
           part_ms[0], part_ms[1], part_ms[2]);

  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);
      double y[PL_FORECAST_MAX_HISTORY];
      guint known = 0;

      pl_forecast_kpi_months (plan, kpi, end, y);
      for (guint m = 0; m < PL_FORECAST_MAX_HISTORY; m++)
        known += isfinite (y[m]);
      /* A KPI needs its history and the months held out to be tested. */
      if (known >= 24)
        held_out (y, &acc);
    }
  mape_chosen = acc.n_kpis > 0 ? acc.chosen / acc.n_kpis : NAN;
  mape_naive = acc.n_kpis > 0 ? acc.naive / acc.n_kpis : NAN;
  g_print ("held-out months: the last %u of %u KPIs with 24 months or more; methods chosen:", HELD_OUT, acc.n_kpis);
  for (PlForecastMethod m = 0; m < PL_N_FORECAST_METHODS; m++)
    g_print (" %s %u", pl_forecast_method_key (m), acc.wins[m]);
  g_print ("\n");
  g_print ("forecast-20k-ms=%.2f target-ms=50 mape-chosen=%.4f mape-naive=%.4f chosen-beats-naive=%s\n",
           ms, mape_chosen, mape_naive, mape_chosen <= mape_naive ? "yes" : "no");
  return 0;
}
