/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The KPI chain on paper: the example chain on one landscape page, A4 and Letter, every name
 * whole at 8 points or more; the 300-KPI chain in pieces of whole layers, never in tiles.
 * Writes chain-paper-a4.pdf and chain-paper-a4.png, chain-paper-letter.png to look at. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>

#include "pl-chart-catalog.h"
#include "pl-chart-pages.h"
#include "pl-kpi-chain-chart.h"
#include "pl-test-chain-plan.h"
#include "pl-test-charts.h"

/* The report's margins (pl-report.c). */
#define MARGIN 42.0

static void
write_page (PlChartPages *pages, guint page, double width, double height, const char *name)
{
  g_autofree char *png = g_strdup_printf ("%s.png", name);
  g_autofree char *pdf = g_strdup_printf ("%s.pdf", name);
  g_autofree char *png_path = g_test_build_filename (G_TEST_BUILT, png, NULL);
  g_autofree char *pdf_path = g_test_build_filename (G_TEST_BUILT, pdf, NULL);
  /* Twice the points, to read it. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (2 * width), (int) (2 * height));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, 2, 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pl_chart_pages_draw_page (pages, cr, page);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  surface = cairo_pdf_surface_create (pdf_path, width, height);
  cr = cairo_create (surface);
  pl_chart_pages_draw_page (pages, cr, page);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_test_message ("page: %s", png_path);
}

static void
test_example_one_page (void)
{
  static const struct { const char *name; double width, height; } papers[] = {
    { "chain-paper-a4", 842, 595 },      /* A4 landscape */
    { "chain-paper-letter", 792, 612 },  /* Letter landscape */
  };
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  const char *charts[] = { "chain", NULL };
  guint32 today = pl_plan_month_start (plan, 5) + 20;

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(PlChartPages) pages = pl_chart_pages_new (plan, charts, "KPI chain", today, papers[p].width,
                                                          papers[p].height, MARGIN, FALSE);
      PlKpiChainOptions options = { 0, -1, 0, 0, TRUE };
      PlKpiChainText text;
      double x, y, w, h;

      g_assert_cmpuint (pl_chart_pages_get_n_pages (pages), ==, 1);
      pl_chart_pages_chart_rect (pages, 0, &x, &y, &w, &h);
      g_assert_cmpfloat (x + w, <=, papers[p].width - MARGIN + 1e-9);
      g_assert_cmpfloat (y + h, <=, papers[p].height - MARGIN - 20);
      /* Drawn at its size in points: its text sizes are points. */
      pl_kpi_chain_chart_text (plan, layout, &options, w, h, pl_chart_style_light (), &text);
      g_test_message ("%s: chain %.0f x %.0f pt, text %.1f pt, %u names, whole %d", papers[p].name, w, h,
                      text.text_px, text.names_shown, text.names_whole);
      g_assert_cmpfloat (text.text_px, >=, 8);
      g_assert_cmpuint (text.names_shown, ==, 19);
      g_assert_true (text.names_whole);
      /* Room between layers for the links to turn: a quarter of a box's width or more. */
      g_test_message ("%s: boxes %.1f x %.1f pt, text %.1f pt high, layers %.1f pt apart, boxes from %.0f to %.0f pt",
                      papers[p].name, text.box_w, text.box_h, text.text_h, text.layer_gap, text.top, text.bottom);
      g_assert_cmpfloat (text.layer_gap, >=, text.box_w / 4 - 1e-6);
      /* Boxes no taller than their text... */
      g_assert_cmpfloat (text.box_h, <=, text.text_h + 1);
      /* ...and the rows spread over the page, the chain centred (its key under it). */
      g_assert_cmpfloat (text.bottom - text.top, >=, 0.6 * h);
      g_assert_cmpfloat (fabs (text.top - (h - text.bottom)), <=, 0.15 * h);
      write_page (pages, 0, papers[p].width, papers[p].height, papers[p].name);
    }
}

/* 300 KPIs in 10 layers of 30: more than a page holds; a piece per run of whole layers, in
 * order, each layer in exactly one piece, every name whole at 8 points or more. */
static void
test_300_by_layers (void)
{
  g_autoptr(PlPlan) plan = pl_test_chain_plan_new ();
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
  g_autoptr(GArray) pieces = g_array_new (FALSE, TRUE, sizeof (PlChartPiece));
  PlTimelineLayout *timeline = NULL;
  guint next = 0;

  g_assert_true (pl_chart_pieces_add (plan, &timeline, pl_chart_catalog_lookup ("chain"), 842 - 2 * MARGIN,
                                      595 - 2 * MARGIN - 60, FALSE, pieces));
  g_test_message ("300 KPIs: %u pieces", pieces->len);
  g_assert_cmpuint (pieces->len, >, 1);
  for (guint i = 0; i < pieces->len; i++)
    {
      const PlChartPiece *piece = &g_array_index (pieces, PlChartPiece, i);

      g_assert_cmpuint (piece->from, ==, next);
      g_assert_cmpuint (piece->to, >, piece->from);
      g_assert_cmpfloat (piece->scale, ==, 1);
      {
        PlKpiChainOptions options = { 0, -1, piece->from, piece->to, TRUE };
        PlKpiChainText text;

        pl_kpi_chain_chart_text (plan, layout, &options, piece->width, piece->height, pl_chart_style_light (), &text);
        g_test_message ("piece %u: layers %u to %u, text %.1f pt", i, piece->from, piece->to - 1, text.text_px);
        g_assert_cmpfloat (text.text_px, >=, 8);
        g_assert_true (text.names_whole);
      }
      next = piece->to;
    }
  g_assert_cmpuint (next, ==, layout->n_columns);
  {
    const char *charts[] = { "chain", NULL };
    g_autoptr(PlChartPages) pages = pl_chart_pages_new (plan, charts, "KPI chain", pl_plan_month_start (plan, 5), 842,
                                                        595, MARGIN, FALSE);

    g_assert_cmpuint (pl_chart_pages_get_n_pages (pages), ==, pieces->len);
    write_page (pages, 1, 842, 595, "chain-paper-300-page-2");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chain-paper/example-one-page", test_example_one_page);
  g_test_add_func ("/chain-paper/300-by-layers", test_300_by_layers);
  return g_test_run ();
}
