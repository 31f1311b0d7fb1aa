/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's pieces on image surfaces: the LTV:CAC bar against the 3x line, a tile's
 * status stripe, the spend gauge, and the whole dashboard at 1366x768 in light and dark. */
#include <glib.h>
#include <gio/gio.h>
#include <math.h>

#include "pl-dashboard-chart.h"
#include "pl-plan-file.h"
#include "pl-test-charts.h"

static void
test_ltv_cac (void)
{
  const PlChartStyle *style = pl_chart_style_light ();
  double end, healthy, end2, healthy2;

  /* On a 0-5x scale, 4.8x ends at 96 % and the line is at 60 %. */
  pl_ltv_cac_gauge_geometry (4.8, 500, &end, &healthy);
  g_assert_cmpfloat (fabs (end - 500 * 4.8 / 6), <, 1e-9);
  pl_ltv_cac_gauge_geometry (2.0, 500, &end2, &healthy2);
  g_assert_cmpfloat (end2, ==, 200);
  g_assert_cmpfloat (healthy2, ==, 300);
  /* Above the scale, the scale grows and 3x stays in view. */
  pl_ltv_cac_gauge_geometry (9.0, 500, &end, &healthy);
  g_assert_cmpfloat (end, <, 500);
  g_assert_cmpfloat (healthy, >, 0);
  {
    g_autoptr(PlPlan) plan = pl_plan_new ();
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 110);
    cairo_t *cr = cairo_create (surface);
    g_autofree char *low = pl_ltv_cac_gauge_draw (plan, 2.0, cr, 400, 110, style);
    double bar_y = 110 - 12 - 30 + 6;

    g_assert_cmpstr (low, ==, "LTV:CAC is 2.0, below the healthy line of 3.");
    /* Below the line the bar is red. */
    pl_ltv_cac_gauge_geometry (2.0, 400 - 24, &end, &healthy);
    g_assert_true (pl_test_charts_pixel_is (surface, 12 + end / 2, bar_y, &style->bad, &style->background, 1));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_whole (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "dashboard-light.png", "dashboard-dark.png" };
  guint32 today = pl_plan_get_start (plan) - 30;

  for (guint s = 0; s < 2; s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1366, 768);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, names[s], NULL);
      g_autofree char *summary = pl_dashboard_draw (plan, today, cr, 1366, 768, styles[s]);

      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_nonnull (strstr (summary, "LTV:CAC is 3.4, above the healthy line of 3."));
      g_assert_nonnull (strstr (summary, "Leads: 689, on target (target 688)."));
      g_assert_true (g_str_has_suffix (summary, "1 campaign needs attention."));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_tile (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, pl_dashboard_as_of (plan, 0));
  const PlChartStyle *style = pl_chart_style_light ();

  for (guint i = 0; i < dashboard->tiles->len; i++)
    {
      const PlDashboardTile *tile = &g_array_index (dashboard->tiles, PlDashboardTile, i);
      const PlColor *expected = tile->status == PL_KPI_STATUS_GOOD ? &style->good
                              : tile->status == PL_KPI_STATUS_CLOSE ? &style->warning : &style->bad;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 280, 100);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *summary = pl_dashboard_tile_draw (plan, tile, cr, 280, 100, style);

      g_assert_true (g_str_has_prefix (summary, pl_item_get_string (tile->kpi, PL_KPI_NAME)));
      /* The stripe on the left says how the KPI stands. */
      g_assert_true (pl_test_charts_pixel_is (surface, 2, 50, expected, &style->background, 1));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dashboard-chart/ltv-cac", test_ltv_cac);
  g_test_add_func ("/dashboard-chart/tile", test_tile);
  g_test_add_func ("/dashboard-chart/whole", test_whole);
  return g_test_run ();
}
