/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's pieces on image surfaces: the LTV:CAC bar against the 3x line, a tile's
 * status stripe, sparkline and ellipsised name, the spend gauge in proportion, the attention
 * list, and the whole dashboard at 1366x768 in light and dark (PNGs left in the build folder). */
#include <glib.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "pl-dashboard-chart.h"
#include "pl-plan-file.h"
#include "pl-test-charts.h"

#define PAD 12

static PlDashboard *
stub (double ltv_cac)
{
  PlDashboard *dashboard = g_new0 (PlDashboard, 1);

  dashboard->tiles = g_array_new (FALSE, FALSE, sizeof (PlDashboardTile));
  dashboard->attention = g_ptr_array_new ();
  dashboard->ltv_cac = ltv_cac;
  return dashboard;
}

static void
write_png (cairo_surface_t *surface, const char *name)
{
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, name, NULL);

  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
}

/* From the first to the last pixel of @color on row @y between @x0 and @x1. */
static double
run_length (cairo_surface_t *surface, double y, double x0, double x1, const PlColor *color, const PlColor *under)
{
  int first = -1, last = -1;

  for (int x = (int) x0; x < (int) x1; x++)
    if (pl_test_charts_pixel_is (surface, x + 0.5, y, color, under, 1))
      {
        if (first < 0)
          first = x;
        last = x;
      }
  return first < 0 ? 0 : last - first + 1;
}

static void
test_ltv_cac (void)
{
  const PlChartStyle *style = pl_chart_style_light ();
  double end, healthy, end2, healthy2;
  const double ratios[] = { 2.0, 4.2 };

  /* 4.8x on a scale grown to 6x; 2x on 0-5x, the line at 60 %. */
  pl_ltv_cac_gauge_geometry (4.8, 500, &end, &healthy);
  g_assert_cmpfloat (fabs (end - 500 * 4.8 / 6), <, 1e-9);
  pl_ltv_cac_gauge_geometry (2.0, 500, &end2, &healthy2);
  g_assert_cmpfloat (end2, ==, 200);
  g_assert_cmpfloat (healthy2, ==, 300);
  /* Above the scale, the scale grows and 3x stays in view. */
  pl_ltv_cac_gauge_geometry (9.0, 500, &end, &healthy);
  g_assert_cmpfloat (end, <, 500);
  g_assert_cmpfloat (healthy, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (ratios); i++)
    {
      g_autoptr(PlPlan) plan = pl_plan_new ();
      g_autoptr(PlDashboard) dashboard = stub (ratios[i]);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 120);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *summary = NULL;
      g_autofree char *name = g_strdup_printf ("ltv-cac-%u.png", i);
      double bar_y = pl_dashboard_gauge_bar_y (120) + 6;
      const PlColor *color = ratios[i] < 3 ? &style->bad : &style->good;

      dashboard->until = pl_plan_month_start (plan, 3);
      summary = pl_ltv_cac_gauge_draw (plan, dashboard, cr, 400, 120, style);
      write_png (surface, name);
      /* Below the line the bar is red, above it green, as long as the ratio says. */
      pl_ltv_cac_gauge_geometry (ratios[i], 400 - 2 * PAD, &end, &healthy);
      g_assert_cmpfloat_with_epsilon (run_length (surface, bar_y, 0, 400, color, &style->surface), end, 2);
      g_assert_true (pl_test_charts_pixel_is (surface, PAD + end / 3, bar_y, color, &style->surface, 1));
      g_assert_true (pl_test_charts_pixel_is (surface, PAD + end + 4, bar_y, &style->muted, &style->surface, 0.25) ||
                     ratios[i] > 3);
      g_assert_cmpstr (summary, ==, ratios[i] < 3 ? "LTV:CAC is 2.0, below the healthy line of 3."
                                                  : "LTV:CAC is 4.2, above the healthy line of 3.");
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The spend bar against the planned-to-date track, in proportion; red when over. */
static void
test_spend (void)
{
  const PlChartStyle *style = pl_chart_style_light ();
  const gint64 spend[] = { 7500000, 12000000 };

  for (guint i = 0; i < G_N_ELEMENTS (spend); i++)
    {
      g_autoptr(PlPlan) plan = pl_plan_new ();
      g_autoptr(PlDashboard) dashboard = stub (NAN);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 424, 120);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *summary = NULL;
      g_autofree char *name = g_strdup_printf ("spend-%u.png", i);
      double bar_y = pl_dashboard_gauge_bar_y (120) + 6, scale;
      gboolean over = spend[i] > 10000000;

      dashboard->spend_to_date = spend[i];
      dashboard->budget_to_date = 10000000;
      dashboard->budget = 40000000;
      /* The shares come from core with the rest: the chart only draws them. */
      dashboard->used.value = (double) spend[i] / 10000000;
      dashboard->used_of_period.value = (double) spend[i] / 40000000;
      dashboard->as_of = pl_plan_get_start (plan) + 30;
      summary = pl_spend_gauge_draw (plan, dashboard, cr, 424, 120, style);
      write_png (surface, name);
      scale = 400.0 / MAX (spend[i], 10000000);
      g_assert_cmpfloat_with_epsilon (run_length (surface, bar_y, 0, 424, over ? &style->bad : &style->good, &style->surface),
                                      spend[i] * scale, 2);
      g_assert_cmpstr (summary, ==, over ? "Spent 120k\u00A0EUR of the 100k\u00A0EUR planned to date (120%)."
                                         : "Spent 75k\u00A0EUR of the 100k\u00A0EUR planned to date (75%).");
      {
        PlChartStyle safe = *style;
        g_autofree char *shared = NULL;

        safe.share_safe = TRUE;
        shared = pl_spend_gauge_draw (plan, dashboard, cr, 424, 120, &safe);
        g_assert_cmpstr (shared, ==, over ? "Spent 120% of the budget planned to date."
                                          : "Spent 75% of the budget planned to date.");
      }
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

  g_assert_cmpuint (dashboard->tiles->len, ==, 8);
  for (guint i = 0; i < dashboard->tiles->len; i++)
    {
      PlDashboardTile *tile = &g_array_index (dashboard->tiles, PlDashboardTile, i);
      const PlColor *expected = tile->status == PL_KPI_STATUS_GOOD ? &style->good
                              : tile->status == PL_KPI_STATUS_CLOSE ? &style->warning : &style->bad;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 280, 100);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *summary = pl_dashboard_tile_draw (plan, tile, cr, 280, 100, style);
      g_autofree char *name = g_strdup_printf ("tile-%u.png", i);
      gboolean dot = FALSE;

      write_png (surface, name);
      g_assert_true (g_str_has_prefix (summary, pl_item_get_string (tile->kpi, PL_KPI_NAME)));
      /* The stripe on the left says how the KPI stands. */
      g_assert_true (pl_test_charts_pixel_is (surface, 6, 50, expected, &style->surface, 1));
      /* The sparkline ends on a dot of the same colour, at the right of the tile. */
      for (int y = 20; y < 80 && !dot; y++)
        dot = pl_test_charts_pixel_is (surface, 280 - PAD - 1, y, expected, &style->surface, 1) ||
              pl_test_charts_pixel_is (surface, 280 - PAD - 2, y, expected, &style->surface, 1);
      g_assert_true (dot);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  /* Leads: 689 in June against 688, after 754 in May; then the forecast of the year: 4,219 to
   * June and June's 689 carried over the six months left (8,353), in its 80 % band. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 280, 100);
    cairo_t *cr = cairo_create (surface);
    g_autofree char *summary = pl_dashboard_tile_draw (plan, &g_array_index (dashboard->tiles, PlDashboardTile, 0), cr,
                                                       280, 100, style);
    g_assert_cmpstr (summary, ==, "Leads, June 2027: 689, on target (target 688), down from 754 the month before. "
                                  "On course for 6\u202F873 to 9\u202F833 by the end of December 2027 (80% band; "
                                  "6 months forecast; method: last value carried forward).");
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  /* A band narrower than the last digit shown reads as one value, not "7 098 to 7 098", and
   * the sentence does not speak of a band; a band of no width the same. */
  for (guint narrow = 0; narrow < 2; narrow++)
    {
      PlDashboardTile tile = g_array_index (dashboard->tiles, PlDashboardTile, 0);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 280, 100);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *summary = NULL;

      tile.estimate.value = 7098;
      tile.estimate.low = narrow ? 7097.8 : 7098;
      tile.estimate.high = narrow ? 7098.3 : 7098;
      summary = pl_dashboard_tile_draw (plan, &tile, cr, 280, 100, style);
      write_png (surface, "tile-one-value.png");
      g_assert_true (g_str_has_suffix (summary, " On course for 7\u202F098 by the end of December 2027 "
                                                "(6 months forecast; method: last value carried forward)."));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  /* CAC, a formula: the estimated spend over the estimated new customers, over the period. */
  {
    PlDashboardTile *cac = NULL;

    for (guint i = 0; i < dashboard->tiles->len; i++)
      if (g_str_equal (pl_item_get_id (g_array_index (dashboard->tiles, PlDashboardTile, i).kpi), "kpi-cac"))
        cac = &g_array_index (dashboard->tiles, PlDashboardTile, i);
    g_assert_nonnull (cac);
    g_assert_cmpint (cac->estimate.forecast.why, ==, PL_FORECAST_WHY_FORMULA);
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 280, 100);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *summary = pl_dashboard_tile_draw (plan, cac, cr, 280, 100, style);

      write_png (surface, "tile-cac.png");
      g_test_message ("%s", summary);
      g_assert_nonnull (strstr (summary, " over the period (80% band; 6 months forecast; method: its formula over its "
                                         "operands’ forecasts)."));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  }
}

/* A name too long for the tile is cut with an ellipsis: nothing is drawn over the right
 * padding on the name's line. */
static void
test_tile_long_name (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, pl_dashboard_as_of (plan, 0));
  PlDashboardTile *tile = &g_array_index (dashboard->tiles, PlDashboardTile, 4);
  const PlChartStyle *style = pl_chart_style_dark ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 96);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *summary = NULL;

  pl_item_set_string (tile->kpi, PL_KPI_NAME, "Monthly recurring revenue from every segment and every region we sell in");
  summary = pl_dashboard_tile_draw (plan, tile, cr, 200, 96, style);
  write_png (surface, "tile-long-name.png");
  g_assert_true (g_str_has_prefix (summary, "Monthly recurring revenue from every segment and every region we sell in, June 2027: "));
  for (int y = 8; y < 24; y++)
    for (int x = 200 - PAD + 1; x < 200 - 2; x++)
      g_assert_true (pl_test_charts_pixel_is (surface, x + 0.5, y + 0.5, &style->surface, &style->surface, 1));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_attention (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlDashboard) dashboard = stub (NAN);
  const PlChartStyle *style = pl_chart_style_light ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 100);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  PlAttention entries[4];

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      PlItem *campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Campaign");
      g_ptr_array_add (campaigns, campaign);
      entries[i].campaign = campaign;
      entries[i].reasons = i == 0 ? PL_ATTENTION_OVER_BUDGET : PL_ATTENTION_ENDING_SOON;
      entries[i].text = (char *) "ends in 3 days";
      g_ptr_array_add (dashboard->attention, &entries[i]);
    }
  /* Three rows fit in 100 pixels: two campaigns and "and 2 more". */
  summary = pl_attention_list_draw (dashboard, cr, 600, 100, style);
  write_png (surface, "attention.png");
  g_assert_cmpstr (summary, ==, "4 campaigns need attention.");
  /* The first is over budget: a red dot; the second ends soon: an amber one. */
  g_assert_true (pl_test_charts_pixel_is (surface, PAD + 4, 6 + 15, &style->bad, &style->surface, 1));
  g_assert_true (pl_test_charts_pixel_is (surface, PAD + 4, 6 + 30 + 15, &style->warning, &style->surface, 1));
  g_assert_false (pl_test_charts_pixel_is (surface, PAD + 4, 6 + 60 + 15, &style->warning, &style->surface, 1));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_whole (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "dashboard-light.png", "dashboard-dark.png" };
  guint32 today = pl_dashboard_as_of (plan, pl_plan_get_start (plan) - 30);

  for (guint s = 0; s < 2; s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1366, 768);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *summary = pl_dashboard_draw (plan, today, cr, 1366, 768, styles[s]);

      write_png (surface, names[s]);
      g_test_message ("%s", summary);
      g_assert_true (g_str_has_prefix (summary, "Funnel, January to June 2027: Unique visitors 201\u202F700 (plan 196\u202F230)"));
      /* Against the target the plan sets on its LTV:CAC KPI, as the report and the summary. */
      g_assert_nonnull (strstr (summary, "LTV:CAC is 3.4 against the plan’s target of 3.45×: close to target; healthy from 3."));
      g_assert_nonnull (strstr (summary, "Spent 888k\u00A0EUR of the 922k\u00A0EUR planned to date (96%)."));
      g_assert_nonnull (strstr (summary, "Leads, June 2027: 689, on target (target 688), down from 754 the month before."));
      g_assert_nonnull (strstr (summary, "Monthly recurring revenue, June 2027: 495\u202F487\u00A0EUR, close to target"));
      g_assert_true (g_str_has_suffix (summary, "2 campaigns need attention."));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The reference plan of round numbers (tests/data, worked out in tests/cli/test-cli.c): the
 * dashboard's accessible summary says the same figures as the summary and the report. */
static void
test_reference (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "round-numbers.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1366, 768);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *summary = NULL;
  static const char *expected[] = {
    "Funnel, January to February 2027: Visitors 2\u202F000 (plan 2\u202F000) → Leads 200 (plan 200), 10.0% converted "
    "→ MQL 50 (plan 50), 25.0% converted → SQL 20 (plan 20), 40.0% converted → New customers 5 (plan 4), 25.0% converted.",
    "LTV:CAC is 20.0, above the healthy line of 3.",
    "Spent 10k\u00A0EUR of the 12k\u00A0EUR planned to date (83%).",
    "Leads, February 2027: 80, off target (target 100), down from 120 the month before.",
    "New customers, February 2027: 2, on target (target 2), down from 3 the month before.",
    "MRR, February 2027: 100\u202F000\u00A0EUR, on target (target 100\u202F000\u00A0EUR), up from 98\u202F000\u00A0EUR the month before.",
  };

  g_assert_no_error (error);
  summary = pl_dashboard_draw (plan, pl_dashboard_as_of (plan, 0), cr, 1366, 768, pl_chart_style_light ());
  write_png (surface, "dashboard-reference.png");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (summary, expected[i]) == NULL)
      g_error ("“%s” is missing from the dashboard's summary:\n%s", expected[i], summary);
  /* Before the period: no months in the funnel or LTV:CAC, the spend already booked, and no
   * campaign said to be on target. */
  g_free (summary);
  summary = pl_dashboard_draw (plan, pl_plan_get_start (plan) - 12, cr, 1366, 768, pl_chart_style_light ());
  g_assert_nonnull (strstr (summary, "The period has not started; 10k\u00A0EUR is already booked for it."));
  g_assert_nonnull (strstr (summary, "LTV:CAC is not measured yet."));
  g_assert_nonnull (strstr (summary, "nothing is measured yet to judge them against their targets."));
  g_assert_null (strstr (summary, "2\u202F000"));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A KPI whose formula refers to itself reads "not available" and says why, not "not measured". */
static void
test_tile_loop (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlDashboard) dashboard = NULL;
  PlItem *cpl = pl_plan_lookup (plan, "kpi-cpl");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 96);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *summary = NULL;

  /* The rules refuse a loop as an edit; a file can still hold one (set before any figure). */
  pl_item_set_string (pl_plan_lookup (plan, "kpi-leads"), PL_KPI_FORMULA, "kpi-cpl * 2");
  dashboard = pl_dashboard_new (plan, pl_dashboard_as_of (plan, 0));
  for (guint i = 0; i < dashboard->tiles->len; i++)
    {
      PlDashboardTile *tile = &g_array_index (dashboard->tiles, PlDashboardTile, i);
      if (tile->kpi != cpl)
        continue;
      g_assert_cmpint (tile->missing, ==, PL_MISSING_LOOP);
      summary = pl_dashboard_tile_draw (plan, tile, cr, 300, 96, pl_chart_style_light ());
    }
  g_assert_cmpstr (summary, ==, "Cost per lead, June 2027: not available: its formula refers to itself.");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dashboard-chart/ltv-cac", test_ltv_cac);
  g_test_add_func ("/dashboard-chart/spend", test_spend);
  g_test_add_func ("/dashboard-chart/tile", test_tile);
  g_test_add_func ("/dashboard-chart/tile-long-name", test_tile_long_name);
  g_test_add_func ("/dashboard-chart/attention", test_attention);
  g_test_add_func ("/dashboard-chart/whole", test_whole);
  g_test_add_func ("/dashboard-chart/reference", test_reference);
  g_test_add_func ("/dashboard-chart/tile-loop", test_tile_loop);
  return g_test_run ();
}
