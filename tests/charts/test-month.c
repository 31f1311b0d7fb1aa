/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar's month view: the grid of weeks, overlapping items in separate rows, bars
 * placed by their days; light and dark PNGs to look at. */
#include <glib.h>
#include <math.h>

#include "pl-month-chart.h"
#include "pl-test-charts.h"

#define WIDTH  1100
#define HEIGHT 640

static void
test_march (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  guint32 march = pl_plan_month_start (plan, 2);
  g_autoptr(GArray) bars = pl_month_chart_bars (plan, march);
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "month-light.png", "month-dark.png" };

  /* March 2027 starts on a Monday and needs five weeks. */
  g_assert_cmpuint (pl_month_chart_weeks (march), ==, 5);
  g_assert_cmpuint (pl_month_chart_weeks (pl_plan_month_start (plan, 1)), ==, 4);
  g_assert_cmpuint (bars->len, >, 20);
  for (guint i = 0; i < bars->len; i++)
    {
      const PlMonthBar *a = &g_array_index (bars, PlMonthBar, i);
      double x, y, w, h;

      pl_month_chart_bar_rect (a, march, 5, WIDTH, HEIGHT, &x, &y, &w, &h);
      /* Placed by its days: a seventh of the width a day. */
      g_assert_cmpfloat (fabs (x - (WIDTH / 7.0 * (a->start - (march + 7 * a->week)) + 2)), <, 1e-9);
      g_assert_cmpfloat (fabs (w - (WIDTH / 7.0 * (a->end - a->start + 1) - 4)), <, 1e-9);
      /* Two items sharing a day of the same week never share a row. */
      for (guint j = i + 1; j < bars->len; j++)
        {
          const PlMonthBar *b = &g_array_index (bars, PlMonthBar, j);
          if (a->week == b->week && a->start <= b->end && b->start <= a->end)
            g_assert_cmpuint (a->lane, !=, b->lane);
        }
    }
  for (guint s = 0; s < 2; s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, names[s], NULL);
      g_autofree char *summary = pl_month_chart_draw (plan, march, cr, WIDTH, HEIGHT, styles[s]);

      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (g_str_has_prefix (summary, "March 2027: "));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/month/march", test_march);
  return g_test_run ();
}
