/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart benchmark: the KPI chain laid out and drawn at 1600x1000 on an image surface, for
 * the example plan and for the 300-KPI chain of the chart tests, and the dashboard drawn at
 * 1366x768 when the charts library has it.
 *
 * Usage: pl-bench-charts [--runs N]
 * Each figure is the median of N runs (50 by default), printed with its target; then one last
 * line:
 *   chain-example-ms=A chain-300-ms=B dashboard-ms=C
 * (C is n/a without the dashboard chart). It judges nothing: it exits 0 unless something
 * fails. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl-bench-stats.h"
#include "pl-figures.h"
#include "pl-kpi-chain-chart.h"
#include "pl-plan-file.h"
#include "pl-test-chain-plan.h"
#include "pl-dashboard-chart.h"

#define CHAIN_WIDTH      1600
#define CHAIN_HEIGHT     1000
#define DASHBOARD_WIDTH  1366
#define DASHBOARD_HEIGHT 768

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The median time of laying out and drawing @plan's chain, as the widget does after a change
 * of the plan; also the medians of each half. */
static double
bench_chain (PlPlan *plan, guint runs, double *layout_ms, double *draw_ms)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHAIN_WIDTH, CHAIN_HEIGHT);
  g_autofree double *total = g_new (double, runs);
  g_autofree double *layouts = g_new (double, runs);
  g_autofree double *draws = g_new (double, runs);
  double result;

  for (guint r = 0; r < runs; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
      gint64 middle = g_get_monotonic_time ();
      g_autofree char *summary = pl_kpi_chain_chart_draw (plan, layout, NULL, cr, CHAIN_WIDTH, CHAIN_HEIGHT,
                                                          pl_chart_style_light ());

      cairo_surface_flush (surface);
      total[r] = ms_since (start);
      layouts[r] = (middle - start) / 1000.0;
      draws[r] = ms_since (middle);
      cairo_destroy (cr);
    }
  result = pl_bench_median (total, runs);
  *layout_ms = pl_bench_median (layouts, runs);
  *draw_ms = pl_bench_median (draws, runs);
  cairo_surface_destroy (surface);
  return result;
}

static void
report (const char *what, double ms, double target_ms)
{
  printf ("%-52s %7.2f ms  (target <= %2.0f ms: %s)\n", what, ms, target_ms, ms <= target_ms ? "met" : "MISSED");
}

int
main (int argc, char **argv)
{
  guint runs = 50;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) example = NULL;
  g_autoptr(PlPlan) chain300 = NULL;
  double dashboard_ms;
  double example_ms, chain300_ms, layout_ms, draw_ms;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      {
        i++;
        runs = MAX (1, (guint) g_ascii_strtoull (argv[i], NULL, 10));
      }
    else
      {
        fprintf (stderr, "Usage: %s [--runs N]\n", argv[0]);
        return 2;
      }

  path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT") ? g_getenv ("PILOTE_SOURCE_ROOT") : ".",
                           "data", "examples", "northwind-saas-2027.pilote", NULL);
  file = g_file_new_for_path (path);
  example = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  if (example == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      return 1;
    }
  chain300 = pl_test_chain_plan_new ();

  printf ("medians of %u runs\n", runs);
  example_ms = bench_chain (example, runs, &layout_ms, &draw_ms);
  report ("KPI chain, example plan, layout + draw 1600x1000", example_ms, 5);
  printf ("  layout %.2f ms, draw %.2f ms\n", layout_ms, draw_ms);
  chain300_ms = bench_chain (chain300, runs, &layout_ms, &draw_ms);
  report ("KPI chain, 300 KPIs, layout + draw 1600x1000", chain300_ms, 16);
  printf ("  layout %.2f ms, draw %.2f ms\n", layout_ms, draw_ms);

  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, DASHBOARD_WIDTH, DASHBOARD_HEIGHT);
    g_autofree double *times = g_new (double, runs);
    /* "Today" is the last day the example has figures for. */
    guint32 today = pl_figures_measured_until (example) - 1;
    for (guint r = 0; r < runs; r++)
      {
        cairo_t *cr = cairo_create (surface);
        gint64 start = g_get_monotonic_time ();
        g_autofree char *summary = pl_dashboard_draw (example, today, cr, DASHBOARD_WIDTH, DASHBOARD_HEIGHT,
                                                      pl_chart_style_light ());
        cairo_surface_flush (surface);
        times[r] = ms_since (start);
        cairo_destroy (cr);
      }
    cairo_surface_destroy (surface);
    dashboard_ms = pl_bench_median (times, runs);
    report ("dashboard, example plan, draw 1366x768", dashboard_ms, 16);
  }

  printf ("chain-example-ms=%.2f chain-300-ms=%.2f dashboard-ms=%.2f\n", example_ms, chain300_ms, dashboard_ms);
  return 0;
}
