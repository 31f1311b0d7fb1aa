/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The funnel chart drawn into an image surface: bars proportional to the values, colours by
 * status, the summary. */
#include <glib.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-funnel-chart.h"
#include "pl-plan-file.h"

#define WIDTH  900
#define HEIGHT 520

static double
bar_length (cairo_surface_t *surface, int y, const PlColor *color)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int length = 0;

  for (int x = 0; x < WIDTH; x++)
    {
      guint32 argb = *(guint32 *) (data + y * stride + x * 4);
      if (fabs (((argb >> 16) & 0xff) / 255.0 - color->r) < 0.02 &&
          fabs (((argb >> 8) & 0xff) / 255.0 - color->g) < 0.02 &&
          fabs ((argb & 0xff) / 255.0 - color->b) < 0.02)
        length++;
    }
  return length;
}

static void
test_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  const PlChartStyle *style = pl_chart_style_light ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  guint32 from, to;
  g_autofree char *summary = NULL;
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "funnel-example.png", NULL);
  int stages[6];

  g_assert_no_error (error);
  from = pl_plan_get_start (plan);
  to = pl_figures_measured_until (plan);
  g_assert_cmpint (pl_funnel_chart_stages (plan, stages), ==, 5);
  summary = pl_funnel_chart_draw (plan, from, to, cr, WIDTH, HEIGHT, style);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("%s", summary);
  g_assert_cmpstr (summary, ==, "Funnel: 201700 Unique visitors → 4219 Leads (2.1 %) → 1345 Marketing qualified leads (31.9 %)"
                                " → 479 Sales qualified leads (35.6 %) → 55 New customers (11.5 %).");

  /* Visitors beat their target: the green bar is the longest, the target bar shorter in
   * proportion (201,700 against 196,230). */
  {
    double row_h = (HEIGHT - 32.0) / 5;
    int y = (int) (16 + row_h * 0.18 + 4);
    double actual = bar_length (surface, y, &style->good);
    double bar_w = WIDTH - 32.0 - 170 - 200;
    g_assert_cmpfloat_with_epsilon (actual, bar_w, 2);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/funnel/example", test_example);
  return g_test_run ();
}
