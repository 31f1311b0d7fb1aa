/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The KPI trend: the actual where there are measurements and nowhere else, the summary. */
#include <glib.h>
#include <gio/gio.h>
#include <math.h>

#include "pl-plan-file.h"
#include "pl-trend-chart.h"

#define WIDTH  720
#define HEIGHT 300

static guint
colored_pixels_in (cairo_surface_t *surface, int x0, int x1, int y0, int y1, const PlColor *color)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 argb = *(guint32 *) (data + y * stride + x * 4);
        if (fabs (((argb >> 16) & 0xff) / 255.0 - color->r) < 0.03 &&
            fabs (((argb >> 8) & 0xff) / 255.0 - color->g) < 0.03 &&
            fabs ((argb & 0xff) / 255.0 - color->b) < 0.03)
          n++;
      }
  return n;
}

static guint
colored_pixels (cairo_surface_t *surface, int x0, int x1, const PlColor *color)
{
  return colored_pixels_in (surface, x0, x1, 0, cairo_image_surface_get_height (surface), color);
}

static void
test_leads (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  const PlChartStyle *style = pl_chart_style_light ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "trend-leads.png", NULL);
  g_autofree char *summary = NULL;
  double month_w = (WIDTH - 56.0 - 24.0) / 11;

  g_assert_no_error (error);
  summary = pl_trend_chart_draw (plan, pl_plan_lookup (plan, "kpi-leads"), FALSE, cr, WIDTH, HEIGHT, style);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  /* January to June measured; leads beat the target in March, April, May and June; July to
   * December forecast. */
  g_assert_cmpstr (summary, ==, "“Leads”: 6 months measured, 4 on target. The 6 months left are forecast with their "
                                "80% band. Last value carried forward, chosen by a back-test on 6 months: 15.1% mean "
                                "error; no other method did better.");
  /* The actual line runs from January to June, not after (below the key, whose swatch of it
   * is at the top right). */
  g_assert_cmpuint (colored_pixels (surface, 56, (int) (56 + 5 * month_w), &style->good), >, 100);
  g_assert_cmpuint (colored_pixels_in (surface, (int) (56 + 5.5 * month_w), WIDTH, 26, HEIGHT, &style->good), ==, 0);
  g_assert_cmpuint (colored_pixels_in (surface, WIDTH / 2, WIDTH, 0, 26, &style->good), >, 20);
  /* After June, the forecast's band: the actual's colour, faint, over the background. */
  {
    PlColor band = { 1 - 0.16 * (1 - style->good.r), 1 - 0.16 * (1 - style->good.g), 1 - 0.16 * (1 - style->good.b) };

    g_assert_cmpuint (colored_pixels (surface, (int) (56 + 5.5 * month_w), WIDTH, &band), >, 1000);
    /* Before June, only the lines' soft edges come near that colour. */
    g_assert_cmpuint (colored_pixels (surface, 56, (int) (56 + 4.5 * month_w), &band), <, 100);
    /* The key above the plot, at its right: a swatch of the band (with the dashed line through
     * it) before "Forecast, 80% range"; nothing of the band's colour above it on the left. */
    g_assert_cmpuint (colored_pixels_in (surface, WIDTH - 24 - 200, WIDTH - 24, 0, 24, &band), >, 60);
    g_assert_cmpuint (colored_pixels_in (surface, WIDTH - 24 - 200, WIDTH - 24, 0, 24, &style->muted), >, 0);
    g_assert_cmpuint (colored_pixels_in (surface, 0, WIDTH / 2, 0, 24, &band), ==, 0);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The forecast's key in the dark and the high-contrast styles: the band's swatch as the band
 * is drawn there (its edges as lines in high contrast), the words in the muted colour. */
static void
test_key_styles (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  const PlChartStyle *styles[] = { pl_chart_style_dark (), pl_chart_style_high_contrast (FALSE) };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *name = g_strdup_printf ("trend-leads-%s.png", i == 0 ? "dark" : "high-contrast");
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, name, NULL);
      g_autofree char *summary = pl_trend_chart_draw (plan, pl_plan_lookup (plan, "kpi-leads"), FALSE, cr, WIDTH,
                                                      HEIGHT, styles[i]);

      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpuint (colored_pixels_in (surface, WIDTH - 24 - 200, WIDTH - 24, 0, 24, &styles[i]->muted), >, 0);
      if (styles[i]->high_contrast)
        g_assert_cmpuint (colored_pixels_in (surface, WIDTH - 24 - 200, WIDTH - 24, 0, 24, &styles[i]->good), >, 20);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trend/leads", test_leads);
  g_test_add_func ("/trend/key-styles", test_key_styles);
  return g_test_run ();
}
