/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts on paper: every chart inside the page between header and footer, in its own
 * proportions; a long timeline continued over pages, more of them when split by quarter.
 * Writes chart-pages.pdf and the first page as a PNG to look at. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>

#include "pl-chart-pages.h"
#include "pl-test-charts.h"

#define A4_W 595.0
#define A4_H 842.0
#define MARGIN 36.0

static void
test_pages (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  const char *charts[] = { "budget", "burn", "timeline", "radar", NULL };
  guint32 today = pl_plan_month_start (plan, 5) + 20;
  g_autoptr(PlChartPages) fit = pl_chart_pages_new (plan, charts, "Budget", today, A4_W, A4_H, MARGIN, FALSE);
  g_autoptr(PlChartPages) split = pl_chart_pages_new (plan, charts, "Budget", today, A4_H, A4_W, MARGIN, TRUE);
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "chart-pages.pdf", NULL);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "chart-pages-1.png", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, A4_W, A4_H);
  cairo_t *cr = cairo_create (surface);
  double x, y, w, h;

  /* Budget, burn, the timeline fitted to the width on one page (13 campaigns), the radar. */
  g_assert_cmpuint (pl_chart_pages_get_n_pages (fit), ==, 4);
  /* Split by quarter: four pages of timeline. */
  g_assert_cmpuint (pl_chart_pages_get_n_pages (split), ==, 7);
  for (guint i = 0; i < pl_chart_pages_get_n_pages (fit); i++)
    {
      pl_chart_pages_chart_rect (fit, i, &x, &y, &w, &h);
      /* Clear of the header and the footer, inside the margins. */
      g_assert_cmpfloat (x, >=, MARGIN - 1e-9);
      g_assert_cmpfloat (x + w, <=, A4_W - MARGIN + 1e-9);
      g_assert_cmpfloat (y, >=, MARGIN + 30);
      g_assert_cmpfloat (y + h, <=, A4_H - MARGIN - 20);
      pl_chart_pages_draw_page (fit, cr, i);
      cairo_show_page (cr);
    }
  /* The budget chart keeps the proportions it is drawn in (900 by 460). */
  pl_chart_pages_chart_rect (fit, 0, &x, &y, &w, &h);
  g_assert_cmpfloat (fabs (w / h - 900.0 / 460.0), <, 1e-9);
  g_assert_cmpfloat (fabs (w - (A4_W - 2 * MARGIN)), <, 1e-9);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) A4_H, (int) A4_W);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pl_chart_pages_draw_page (split, cr, 2);
  cairo_surface_write_to_png (surface, png);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-pages/pages", test_pages);
  return g_test_run ();
}
