/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The funnel chart drawn into an image surface: bands narrowing down the funnel, the actual
 * bar and the plan ticks in proportion to the values, colours by status, the summary; the
 * example plan in light and dark, and a small hand-built funnel. */
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

static gboolean
is_color (cairo_surface_t *surface, int x, int y, const PlColor *color)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb = *(guint32 *) (data + y * stride + x * 4);

  return fabs (((argb >> 16) & 0xff) / 255.0 - color->r) < 0.02 &&
         fabs (((argb >> 8) & 0xff) / 255.0 - color->g) < 0.02 &&
         fabs ((argb & 0xff) / 255.0 - color->b) < 0.02;
}

/* From the first to the last pixel of exactly @color on row @y, in the funnel's column. */
static int
run_length (cairo_surface_t *surface, int y, const PlColor *color, double cx, double band_w)
{
  int first = -1, last = -1;

  for (int x = (int) (cx - band_w / 2) - 4; x <= (int) (cx + band_w / 2) + 4; x++)
    if (is_color (surface, x, y, color))
      {
        if (first < 0)
          first = x;
        last = x;
      }
  return first < 0 ? 0 : last - first + 1;
}

static PlPlan *
example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_example (void)
{
  g_autoptr(PlPlan) plan = example ();
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "funnel-example.png", "funnel-example-dark.png" };
  int stages[PL_FUNNEL_MAX_STAGES + 1];

  g_assert_cmpint (pl_funnel_chart_stages (plan, stages), ==, 5);
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const PlChartStyle *style = styles[s];
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, names[s], NULL);
      g_autofree char *summary = pl_funnel_chart_draw (plan, pl_plan_get_start (plan), pl_figures_measured_until (plan),
                                                       cr, WIDTH, HEIGHT, style);
      double cx, band_w, middle, previous_w = G_MAXDOUBLE;

      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpstr (summary, ==,
                       "Funnel, January to June 2027: Unique visitors 201\u202F700 (plan 196\u202F230)"
                       " → Leads 4\u202F219 (plan 4\u202F085), 2.1% converted"
                       " → Marketing qualified leads 1\u202F345 (plan 1\u202F307), 31.9% converted"
                       " → Sales qualified leads 479 (plan 457), 35.6% converted"
                       " → New customers 55 (plan 55), 11.5% converted.");
      for (guint i = 0; i < 5; i++)
        {
          /* Every stage beats or meets its plan: a green bar filling its band, which
           * narrows down the funnel (less a pixel under each plan tick and the antialiased ends). */
          pl_funnel_chart_band (i, 5, WIDTH, HEIGHT, &cx, &band_w, &middle);
          g_assert_cmpfloat (band_w, <, previous_w);
          previous_w = band_w;
          g_assert_cmpfloat_with_epsilon (run_length (surface, (int) middle, &style->good, cx, band_w), band_w, 4);
        }
      /* Visitors: the plan ticks at 196,230 / 201,700 of the band, in the text colour. */
      pl_funnel_chart_band (0, 5, WIDTH, HEIGHT, &cx, &band_w, &middle);
      {
        double tick = band_w * 196230 / 201700 / 2;
        g_assert_true (is_color (surface, (int) floor (cx - tick), (int) middle, &style->text));
        g_assert_true (is_color (surface, (int) floor (cx + tick), (int) middle, &style->text));
        g_assert_false (is_color (surface, (int) (cx - tick) - 4, (int) middle, &style->text));
      }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static PlItem *
stage_kpi (PlPlan *plan, const char *id, const char *name, PlStage stage, double actual, double target)
{
  PlItem *kpi = g_object_new (PL_TYPE_KPI, NULL);
  guint32 jan = pl_plan_month_start (plan, 0);

  pl_item_set_id (kpi, id);
  pl_item_set_string (kpi, PL_KPI_NAME, name);
  pl_item_set_int (kpi, PL_KPI_STAGE, stage);
  pl_plan_add (plan, kpi);
  g_object_unref (kpi);
  if (!isnan (actual))
    pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_MEASUREMENTS, jan, actual, NULL);
  if (!isnan (target))
    pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_TARGETS, jan, target, NULL);
  return kpi;
}

/* Leads at half their plan: a red bar half the band, the ticks at its ends; MQL 95 of 100:
 * amber, 95 % of the band; SQL with no plan: no ticks, "no plan". */
static void
test_proportions (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  const PlChartStyle *style = pl_chart_style_light ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 700, 260);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "funnel-proportions.png", NULL);
  g_autofree char *summary = NULL;
  double cx, band_w, middle;

  stage_kpi (plan, "leads", "Leads", PL_STAGE_LEADS, 500, 1000);
  stage_kpi (plan, "mql", "A marketing qualified lead stage with a very long name indeed", PL_STAGE_MQL, 95, 100);
  stage_kpi (plan, "sql", "SQL", PL_STAGE_SQL, 40, NAN);
  summary = pl_funnel_chart_draw (plan, pl_plan_month_start (plan, 0), pl_plan_month_start (plan, 1), cr, 700, 260, style);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_nonnull (strstr (summary, "Leads 500 (plan 1\u202F000) →"));
  g_assert_nonnull (strstr (summary, "(plan 100), 19.0% converted →"));
  g_assert_true (g_str_has_suffix (summary, "SQL 40 (plan –), 42.1% converted."));

  pl_funnel_chart_band (0, 3, 700, 260, &cx, &band_w, &middle);
  g_assert_cmpfloat_with_epsilon (run_length (surface, (int) middle, &style->bad, cx, band_w), band_w / 2, 3);
  g_assert_true (is_color (surface, (int) floor (cx + band_w / 2), (int) middle, &style->text));
  pl_funnel_chart_band (1, 3, 700, 260, &cx, &band_w, &middle);
  g_assert_cmpfloat_with_epsilon (run_length (surface, (int) middle, &style->warning, cx, band_w), band_w * 0.95, 3);
  /* The long name stops before the funnel. */
  g_assert_false (is_color (surface, (int) (cx - band_w / 2) - 3, (int) middle, &style->text));
  pl_funnel_chart_band (2, 3, 700, 260, &cx, &band_w, &middle);
  g_assert_cmpfloat_with_epsilon (run_length (surface, (int) middle, &style->no_data, cx, band_w), band_w, 2);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *summary = pl_funnel_chart_draw (plan, pl_plan_get_start (plan), pl_plan_get_end (plan), cr, 300, 200,
                                                   pl_chart_style_light ());

  g_assert_cmpstr (summary, ==, "The plan has no funnel KPIs (visitors, leads, MQL, SQL, new customers).");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/funnel/example", test_example);
  g_test_add_func ("/funnel/proportions", test_proportions);
  g_test_add_func ("/funnel/empty", test_empty);
  return g_test_run ();
}
