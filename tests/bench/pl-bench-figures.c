/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figures benchmark (issue 18): every figure of the dashboard recomputed for the generated
 * 20,000-campaign plan after one edit (a KPI measurement typed, which every figure may depend
 * on), as the dashboard does after a change: its tiles, funnel, LTV:CAC, spend against budget
 * and the campaigns that need attention, then the summary's headline figures. Medians of N
 * runs (21 by default), printed beside the target, then one last line:
 *   figures-20k-ms=A
 * For comparison it also prints the same with every remembered figure thrown away first (a
 * plan just opened). It judges nothing: it is not a unit test. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-dashboard.h"
#include "pl-figures.h"

static const PlFigureKind headline[] = {
  PL_FIGURE_SPEND, PL_FIGURE_CPL, PL_FIGURE_CAC, PL_FIGURE_ARPU, PL_FIGURE_LTV, PL_FIGURE_LTV_CAC,
  PL_FIGURE_ROI, PL_FIGURE_USED, PL_FIGURE_USED_OF_PERIOD,
};

/* Every figure the dashboard and the summary's headline show, as of @as_of. */
static double
figures_once (PlPlan *plan, guint32 as_of)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, as_of);
  double sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (headline); i++)
    sum += pl_figures_get (plan, headline[i], &dashboard->measured_basis).value;
  /* Keep the compiler from dropping the work. */
  if (dashboard->tiles->len == 0 && isnan (sum) && sum == 1)
    g_print (" ");
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  guint runs = 21;
  g_autoptr(PlPlan) plan = NULL;
  g_autofree double *after_edit = NULL;
  g_autofree double *cold = NULL;
  GListModel *kpis;
  guint32 as_of;
  double edit_ms, cold_ms;

  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    runs = MAX (1, (guint) atoi (argv[2]));
  plan = pl_bench_plan_new ();
  kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  as_of = pl_dashboard_as_of (plan, pl_plan_get_start (plan));
  g_print ("generated plan: %u campaigns, %u KPIs, %u measurements, %u spend entries, %u allocations\n",
           pl_plan_get_n (plan, PL_COLLECTION_CAMPAIGNS), g_list_model_get_n_items (kpis),
           pl_bench_plan_count_measurements (plan), pl_plan_get_n (plan, PL_COLLECTION_SPEND),
           pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS));

  figures_once (plan, as_of);  /* warm up */
  after_edit = g_new (double, runs);
  cold = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, r % g_list_model_get_n_items (kpis));

      /* One measurement typed: the figures remembered for the KPIs are no longer true. */
      pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_MEASUREMENTS, pl_plan_get_start (plan), 1000 + r, NULL);
      after_edit[r] = figures_once (plan, as_of);
      /* The same with nothing remembered, as on a plan just opened. */
      g_object_set_data (G_OBJECT (plan), "pl-figures-cache", NULL);
      cold[r] = figures_once (plan, as_of);
    }
  edit_ms = pl_bench_median (after_edit, runs);
  cold_ms = pl_bench_median (cold, runs);
  g_print ("medians of %u runs:\n", runs);
  g_print ("every figure of the dashboard after one edit, generated plan: %.2f ms (target <= 16 ms)\n", edit_ms);
  g_print ("  (with nothing remembered, as on a plan just opened: %.2f ms)\n", cold_ms);
  g_print ("figures-20k-ms=%.2f\n", edit_ms);
  return 0;
}
