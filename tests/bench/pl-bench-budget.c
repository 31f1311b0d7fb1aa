/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The budget benchmark: each budget chart drawn at 1600x1000 on an image surface, for the
 * example plan and for the generated 20,000-campaign plan, and the recomputing of every
 * budget total after one cell edit on the generated plan. Medians of N runs (31 by default).
 * Prints each figure beside its target (issue 5), then one last line:
 *   budget-example-ms=A budget-20k-ms=B recompute-ms=C
 * where A and B are the slowest chart's median. It judges nothing: it is not a unit test. */
#include "config.h"

#include <cairo.h>
#include <stdlib.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-budget-burn-chart.h"
#include "pl-budget-month-chart.h"
#include "pl-budget-totals.h"
#include "pl-cac-breakdown-chart.h"
#include "pl-category-spend-chart.h"
#include "pl-chart-style.h"
#include "pl-dashboard.h"
#include "pl-figures.h"
#include "pl-plan-file.h"

#define WIDTH  1600
#define HEIGHT 1000

static const char *chart_names[] = { "month", "burn", "categories", "cac" };

/* Draws chart @chart once, with the totals made for this drawing as the page does after a change. */
static double
draw_once (PlPlan *plan, guint chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const PlChartStyle *style = pl_chart_style_light ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  g_autofree char *summary = NULL;
  double elapsed;

  switch (chart)
    {
    case 0: summary = pl_budget_month_chart_draw (plan, totals, cr, WIDTH, HEIGHT, style); break;
    case 1: summary = pl_budget_burn_chart_draw (plan, totals, pl_dashboard_as_of (plan, pl_plan_get_start (plan) + 170), cr, WIDTH, HEIGHT, style); break;
    case 2: summary = pl_category_spend_chart_draw (plan, totals, cr, WIDTH, HEIGHT, style); break;
    default: summary = pl_cac_breakdown_chart_draw (plan, cr, WIDTH, HEIGHT, style); break;
    }
  cairo_surface_flush (surface);
  elapsed = (g_get_monotonic_time () - start) / 1000.0;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return elapsed;
}

/* The slowest chart's median, each chart's printed. */
static double
slowest_chart (PlPlan *plan, const char *name, guint runs)
{
  double slowest = 0;

  for (guint chart = 0; chart < G_N_ELEMENTS (chart_names); chart++)
    {
      g_autofree double *times = g_new (double, runs);
      double m;

      draw_once (plan, chart);  /* warm the font caches */
      for (guint r = 0; r < runs; r++)
        times[r] = draw_once (plan, chart);
      m = pl_bench_median (times, runs);
      g_print ("%s plan, %s chart: %.2f ms\n", name, chart_names[chart], m);
      slowest = MAX (slowest, m);
    }
  return slowest;
}

int
main (int argc, char **argv)
{
  guint runs = 31;
  g_autoptr(PlPlan) example = NULL;
  g_autoptr(PlPlan) big = NULL;
  g_autofree double *recompute = NULL;
  g_autofree double *full = NULL;
  g_autoptr(PlBudgetTotals) totals = NULL;
  GListModel *lines;
  double example_ms, big_ms, recompute_ms;

  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    runs = MAX (1, (guint) atoi (argv[2]));
  example = pl_bench_example_plan ();
  big = pl_bench_plan_new ();
  g_print ("generated plan: %u campaigns, %u budget lines, %u spend entries, %u allocations\n",
           pl_plan_get_n (big, PL_COLLECTION_CAMPAIGNS), pl_plan_get_n (big, PL_COLLECTION_LINES),
           pl_plan_get_n (big, PL_COLLECTION_SPEND), pl_plan_get_n (big, PL_COLLECTION_ALLOCATIONS));

  example_ms = slowest_chart (example, "example", runs);
  big_ms = slowest_chart (big, "generated", runs);

  /* One cell edit, then every total brought up to date, as the budget page does on "changed";
   * and, for comparison, every total made from nothing. */
  lines = pl_plan_get_collection (big, PL_COLLECTION_LINES);
  recompute = g_new (double, runs);
  full = g_new (double, runs);
  totals = pl_budget_totals_new (big);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, r % g_list_model_get_n_items (lines));
      g_autoptr(PlBudgetTotals) fresh = NULL;
      gint64 start = g_get_monotonic_time ();

      pl_plan_set_planned (big, PL_BUDGET_LINE (line), r % 12, 100000 + r, NULL);
      pl_budget_totals_refresh (totals);
      recompute[r] = (g_get_monotonic_time () - start) / 1000.0;
      start = g_get_monotonic_time ();
      fresh = pl_budget_totals_new (big);
      full[r] = (g_get_monotonic_time () - start) / 1000.0;
      if (pl_budget_totals_planned (fresh, NULL, -1) != pl_budget_totals_planned (totals, NULL, -1))
        {
          g_printerr ("the refreshed totals differ from fresh ones\n");
          return 1;
        }
    }
  recompute_ms = pl_bench_median (recompute, runs);

  g_print ("medians of %u runs:\n", runs);
  g_print ("slowest budget chart, example plan: %.2f ms (target <= 5 ms)\n", example_ms);
  g_print ("slowest budget chart, generated plan: %.2f ms (target <= 16 ms)\n", big_ms);
  g_print ("recompute every total after one edit, generated plan: %.3f ms (target <= 1 ms)\n", recompute_ms);
  g_print ("  (every total made from nothing instead: %.3f ms)\n", pl_bench_median (full, runs));
  g_print ("budget-example-ms=%.2f budget-20k-ms=%.2f recompute-ms=%.3f\n", example_ms, big_ms, recompute_ms);
  return 0;
}
