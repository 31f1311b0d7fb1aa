/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The planning benchmark (issue 21): one what-if through a 300-KPI chain over 12 months. A
 * plan whose funnel is measured for three months and whose 300 formula KPIs each name the
 * one before (the first names the leads), the projector made once, then the what-if path
 * the planning page runs at each change, many times: copy the drivers, change the cost per
 * lead, pl_projector_forward_into(). Prints the median beside the target, then one
 * last line:
 *   whatif-300-ms=A target-ms=1
 * It judges nothing: it is not a unit test. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "pl-bench-stats.h"
#include "pl-enums.h"
#include "pl-projection.h"
#include "pl-test-round-plan.h"

#define CHAIN 300

static void
add_stage (PlPlan *plan, const char *id, PlStage stage, double monthly)
{
  PlItem *kpi = pl_test_add_item (plan, PL_TYPE_KPI, id);

  pl_item_set_string (kpi, PL_KPI_NAME, id);
  pl_item_set_int (kpi, PL_KPI_STAGE, stage);
  for (guint m = 0; m < 3; m++)
    pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_MEASUREMENTS, pl_plan_month_start (plan, m), monthly, NULL);
}

static PlPlan *
chain_plan_new (void)
{
  PlPlan *plan = pl_plan_new ();
  gint64 planned[12];
  PlItem *item;

  item = pl_test_add_item (plan, PL_TYPE_CATEGORY, "cat-ads");
  pl_item_set_string (item, PL_CATEGORY_NAME, "Ads");
  pl_item_set_int (item, PL_CATEGORY_ACQUISITION, TRUE);
  for (guint m = 0; m < 12; m++)
    planned[m] = 1000000 + 10000 * m;
  item = pl_test_add_item (plan, PL_TYPE_BUDGET_LINE, "line-ads");
  pl_item_set_string (item, PL_BUDGET_LINE_CATEGORY, "cat-ads");
  pl_item_set_string (item, PL_BUDGET_LINE_NAME, "Ads");
  pl_item_set_variant (item, PL_BUDGET_LINE_PLANNED,
                       g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, planned, 12, sizeof (gint64)));
  add_stage (plan, "kpi-spend", PL_STAGE_SPEND, 10000);
  add_stage (plan, "kpi-leads", PL_STAGE_LEADS, 200);
  add_stage (plan, "kpi-mql", PL_STAGE_MQL, 60);
  add_stage (plan, "kpi-sql", PL_STAGE_SQL, 30);
  add_stage (plan, "kpi-new-customers", PL_STAGE_NEW_CUSTOMERS, 6);
  add_stage (plan, "kpi-revenue", PL_STAGE_REVENUE, 30000);
  for (guint k = 1; k <= CHAIN; k++)
    {
      g_autofree char *id = g_strdup_printf ("kpi-k-%u", k);
      g_autofree char *formula = k == 1 ? g_strdup ("kpi-leads * 1.01") : g_strdup_printf ("kpi-k-%u * 1.01", k - 1);

      item = pl_test_add_item (plan, PL_TYPE_KPI, id);
      pl_item_set_string (item, PL_KPI_NAME, id);
      pl_item_set_string (item, PL_KPI_FORMULA, formula);
    }
  return plan;
}

int
main (int argc, char **argv)
{
  guint runs = 2001;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlDrivers) drivers = NULL;
  g_autoptr(PlProjector) projector = NULL;
  g_autoptr(PlProjection) projection = NULL;
  g_autofree double *times = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  PlKpi *last;
  double whatif_ms, check;

  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    runs = MAX (1, (guint) atoi (argv[2]));
  plan = chain_plan_new ();
  last = PL_KPI (pl_plan_lookup (plan, "kpi-k-300"));
  drivers = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, pl_plan_get_end (plan));
  projector = pl_projector_new (plan);
  projection = pl_projector_forward (projector, drivers);
  g_print ("plan: %u KPIs (a chain of %u formulas), %u months\n", pl_plan_get_n (plan, PL_COLLECTION_KPIS),
           CHAIN, pl_projection_get_n_months (projection));

  times = g_new (double, runs);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PlDrivers) what_if = pl_drivers_copy (drivers);

      pl_drivers_set (what_if, PL_DRIVER_CPL, 40 + r % 20, NULL);
      pl_projector_forward_into (projector, what_if, projection);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  /* The chain followed the last change: leads x 1.01^300 at the end of it. */
  check = pl_projection_get_kpi (projection, last, 0) /
          (pl_projection_get (projection, PL_PROJECTION_LEADS, 0) * pow (1.01, CHAIN));
  if (!(fabs (check - 1) < 1e-9))
    {
      g_printerr ("the chain's last KPI did not follow the what-if (ratio %g)\n", check);
      return 1;
    }
  whatif_ms = pl_bench_median (times, runs);
  g_print ("median of %u runs:\n", runs);
  g_print ("one what-if (CPL changed) through %u KPIs over 12 months: %.3f ms (target <= 1 ms)\n", CHAIN, whatif_ms);

  /* The benchmark line. The forecast's figure, "forecast-20k-ms=B" (its own
   * benchmark, pl-bench-forecast.c), joins it here, after the what-if's. */
  g_string_append_printf (line, "whatif-300-ms=%.3f", whatif_ms);
  g_string_append (line, " target-ms=1");
  g_print ("%s\n", line->str);
  return 0;
}
