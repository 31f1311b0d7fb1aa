/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar benchmark: layout plus drawing of the campaign timeline at 1600x1000 for the
 * example plan and for the generated 20,000-campaign plan. Medians of N runs (31 by
 * default), each beside its target (issue 7), then one line:
 *   timeline-example-ms=A timeline-20k-ms=B month-example-ms=C
 * C is the month view of March for the example plan. It judges nothing. */
#include "config.h"

#include <cairo.h>
#include <stdlib.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-month-chart.h"
#include "pl-plan-file.h"
#include "pl-timeline-chart.h"

typedef char *(*DrawFunc) (PlPlan *plan, cairo_t *cr);

static char *
draw_timeline (PlPlan *plan, cairo_t *cr)
{
  g_autoptr(PlTimelineLayout) layout = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);
  PlTimelineOptions options = { pl_plan_get_start (plan), pl_plan_get_end (plan), pl_plan_get_start (plan) + 100, 0, -1 };

  return pl_timeline_chart_draw (plan, layout, &options, cr, 1600, 1000, pl_chart_style_light ());
}

static char *
draw_month (PlPlan *plan, cairo_t *cr)
{
  PlMonthOptions options = { pl_plan_month_start (plan, 2), NULL, 0, 0 };

  return pl_month_chart_draw (plan, &options, cr, 1600, 1000, pl_chart_style_light ());
}

/* The median time of @runs calls of @draw on a 1600x1000 surface, layout included. */
static double
draw_ms (PlPlan *plan, DrawFunc draw, guint runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint r = 0; r <= runs; r++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1600, 1000);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      g_autofree char *summary = draw (plan, cr);

      cairo_surface_flush (surface);
      /* The first run warms the font caches and is not counted. */
      if (r > 0)
        times[r - 1] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  return pl_bench_median (times, runs);
}

int
main (int argc, char **argv)
{
  guint runs = 31;
  g_autoptr(PlPlan) example = NULL;
  g_autoptr(PlPlan) big = NULL;
  double example_ms, big_ms, month;

  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    runs = MAX (1, (guint) atoi (argv[2]));
  example = pl_bench_example_plan ();
  example_ms = draw_ms (example, draw_timeline, runs);
  month = draw_ms (example, draw_month, runs);
  big = pl_bench_plan_new ();
  big_ms = draw_ms (big, draw_timeline, runs);
  g_print ("medians of %u runs:\n", runs);
  g_print ("timeline layout + draw 1600x1000, example plan: %.2f ms (target <= 5 ms)\n", example_ms);
  g_print ("timeline layout + draw 1600x1000, 20,000 campaigns: %.2f ms (target <= 16 ms)\n", big_ms);
  g_print ("month view 1600x1000, example plan: %.2f ms (target <= 5 ms)\n", month);
  g_print ("timeline-example-ms=%.2f timeline-20k-ms=%.2f month-example-ms=%.2f\n", example_ms, big_ms, month);
  return 0;
}
