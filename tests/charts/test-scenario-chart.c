/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scenario comparison: each scenario's line in its colour on every measure's chart, the
 * legend, the summary saying each scenario's figures; wide, narrow and dark. PNGs are left in
 * the build folder to look at. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "pl-chart-catalog.h"
#include "pl-chart-draw.h"
#include "pl-dashboard.h"
#include "pl-scenario-chart.h"
#include "pl-test-charts.h"

/* Pixels of @color (within 3 %) in the surface. */
static guint
colored_pixels (cairo_surface_t *surface, const PlColor *color)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 argb = *(guint32 *) (data + y * stride + x * 4);
        if (fabs (((argb >> 16) & 0xff) / 255.0 - color->r) < 0.03 &&
            fabs (((argb >> 8) & 0xff) / 255.0 - color->g) < 0.03 &&
            fabs ((argb & 0xff) / 255.0 - color->b) < 0.03)
          n++;
      }
  return n;
}

/* Base and a "Stretch" with a cost per lead a fifth lower and a tenth more spend. */
static GArray *
two_scenarios (PlPlan *plan)
{
  guint32 as_of = pl_dashboard_resolve_as_of (plan, pl_plan_get_end (plan));
  GArray *series = pl_scenario_series_new (plan, as_of);
  g_autoptr(PlProjector) projector = pl_projector_new (plan);
  g_autoptr(PlDrivers) stretch = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, as_of);
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_drivers_set (stretch, PL_DRIVER_CPL, pl_drivers_get (stretch, PL_DRIVER_CPL, NULL) * 0.8, &error));
  g_assert_no_error (error);
  g_assert_true (pl_drivers_set (stretch, PL_DRIVER_SPEND_CHANGE, 10, &error));
  pl_scenario_series_add (series, "Stretch", pl_projector_forward (projector, stretch));
  return series;
}

static char *
draw_png (PlPlan *plan, GArray *series, int width, int height, const PlChartStyle *style, const char *name,
          cairo_surface_t **out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, name, NULL);
  char *summary = pl_scenario_chart_draw (plan, series, cr, width, height, style);

  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  *out = surface;
  return summary;
}

static void
test_two_scenarios (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(GArray) series = two_scenarios (plan);
  const PlChartStyle *style = pl_chart_style_light ();
  cairo_surface_t *surface = NULL;
  g_autofree char *summary = draw_png (plan, series, 960, 520, style, "scenarios.png", &surface);
  g_auto(GStrv) sentences = pl_scenario_chart_sentences (plan, series, style);
  g_autofree char *joined = g_strjoinv (" ", sentences);

  /* A sentence a scenario, and the drawing says the same. */
  g_assert_cmpuint (g_strv_length (sentences), ==, 2);
  g_assert_true (g_str_has_prefix (sentences[0], "Base: spend "));
  g_assert_true (g_str_has_prefix (sentences[1], "Stretch: spend "));
  g_assert_cmpstr (summary, ==, joined);
  /* Both lines are drawn, in the series' colours: Base as a band at half strength under the other. */
  {
    const PlColor *base = pl_chart_series_color (style, 0);
    PlColor band = { (base->r + style->background.r) / 2, (base->g + style->background.g) / 2,
                     (base->b + style->background.b) / 2 };
    g_assert_cmpuint (colored_pixels (surface, &band), >, 500);
  }
  g_assert_cmpuint (colored_pixels (surface, pl_chart_series_color (style, 1)), >, 500);
  cairo_surface_destroy (surface);

  /* Narrow: two charts a row; dark: the same lines in the dark palette. */
  g_clear_pointer (&summary, g_free);
  summary = draw_png (plan, series, 640, 720, style, "scenarios-narrow.png", &surface);
  cairo_surface_destroy (surface);
  g_clear_pointer (&summary, g_free);
  summary = draw_png (plan, series, 960, 520, pl_chart_style_dark (), "scenarios-dark.png", &surface);
  g_assert_cmpuint (colored_pixels (surface, pl_chart_series_color (pl_chart_style_dark (), 1)), >, 500);
  cairo_surface_destroy (surface);
}

/* Without a saved scenario the chart shows Base alone and says how to add one; the
 * catalog draws and exports it as any chart. */
static void
test_base_only (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sentences = pl_chart_catalog_sentences (plan, "scenarios", pl_plan_get_end (plan),
                                                        pl_chart_style_light (), &error);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "scenarios-base.png", NULL);
  g_autoptr(GPtrArray) rows = pl_chart_catalog_rows (plan, "scenarios", pl_plan_get_end (plan));

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sentences), ==, 2);
  g_assert_true (g_str_has_prefix (sentences[0], "Base: "));
  g_assert_nonnull (strstr (sentences[1], "no scenario"));
  g_assert_true (pl_chart_catalog_export (plan, "scenarios", pl_plan_get_end (plan), png, 1, &error));
  g_assert_no_error (error);
  /* The table: the titles, then Base. */
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((char **) rows->pdata[1])[0], ==, "Base");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario-chart/two-scenarios", test_two_scenarios);
  g_test_add_func ("/scenario-chart/base-only", test_base_only);
  return g_test_run ();
}
