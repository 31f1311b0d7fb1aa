/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forecast half of the planning benchmark (issue 21; pl-bench-planning.c prints the
 * line): the latest estimate of every KPI of the 20,000-campaign plan, and of its spend, as
 * of the end of the period's sixth month (each KPI's method chosen by its own back-test),
 * timed over N runs with the remembered figures thrown away before each run, as on a plan
 * just opened. Then the forecasts' accuracy on months they have not seen: for every measured
 * KPI, each of the last 12 months of its history (the period's) is forecast one month ahead
 * from the months before it only, by the method its back-test on those months chooses and
 * by the last value carried forward; the mean absolute percentage error of each over those
 * months, averaged over the KPIs. */
#include "config.h"

#include <math.h>
#include <time.h>

#include "pl-bench-forecast.h"
#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-forecast.h"
#include "pl-plan-file.h"

#define HELD_OUT 12

/* Where the time goes, in the last run: KPIs from their points, KPIs from the figures
 * (formulas), spend. */
static double part_ms[3];
/* The processor time of the last run: on a shared machine the clock on the wall also counts
 * the other programs' turns. */
static double cpu_ms;

static double
cpu_now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

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
  cpu_ms = cpu_now_ms ();
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
  cpu_ms = cpu_now_ms () - cpu_ms;
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

gboolean
pl_bench_forecast_run (const char *path, guint runs, PlBenchForecast *result)
{
  guint available = 0;
  g_autoptr(PlPlan) plan = NULL;
  g_autofree double *times = NULL;
  g_autofree double *cpu_times = NULL;
  GListModel *kpis;
  guint32 as_of, end;
  Accuracy acc = { 0 };
  double ms, mape_chosen, mape_naive;

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
      if (plan == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          return FALSE;
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
  cpu_times = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    {
      times[r] = forecast_all (plan, kpis, as_of, &available);
      cpu_times[r] = cpu_ms;
    }
  ms = pl_bench_median (times, runs);
  g_print ("latest estimate of every KPI (%u available) and of spend, median of %u runs: %.2f ms (target <= 50 ms)\n",
           available, runs, ms);
  g_print ("  processor time, median: %.2f ms\n", pl_bench_median (cpu_times, runs));
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
  result->ms = ms;
  result->mape_chosen = mape_chosen;
  result->mape_naive = mape_naive;
  return TRUE;
}
