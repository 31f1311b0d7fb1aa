/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The budget charts: bar sizes in proportion to the amounts, the colours of spend over plan,
 * the burn's projection, the CAC split; summaries; light and dark PNGs to look at. */
#include <glib.h>
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pl-budget-burn-chart.h"
#include "pl-budget-month-chart.h"
#include "pl-cac-breakdown-chart.h"
#include "pl-category-spend-chart.h"
#include "pl-chart-draw.h"
#include "pl-figures.h"
#include "pl-forecast.h"
#include "pl-money.h"
#include "pl-plan-file.h"
#include "pl-test-charts.h"

#define WIDTH  1000
#define HEIGHT 420

static void
draw (PlPlan *plan, const PlChartStyle *style, const char *name)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autofree char *summary = pl_budget_month_chart_draw (plan, totals, cr, WIDTH, HEIGHT, style);
  double ref_h = 0;
  gint64 ref_amount = 0;
  guint coloured = 0;

  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (g_str_has_prefix (summary, "Planned "));
  g_assert_nonnull (strstr (summary, "over 12 months; spent"));
  g_assert_nonnull (strstr (summary, "in 6 months"));

  for (guint m = 0; m < 12; m++)
    for (int actual = 0; actual <= 1; actual++)
      {
        gint64 amount = actual ? pl_budget_totals_actual (totals, NULL, (int) m) : pl_budget_totals_planned (totals, NULL, (int) m);
        double x, y, w, h;

        pl_budget_month_chart_bar_rect (totals, m, actual, WIDTH, HEIGHT, &x, &y, &w, &h);
        g_assert_cmpfloat (w, >, 8);
        if (amount == 0)
          {
            g_assert_cmpfloat (h, ==, 0);
            continue;
          }
        /* Heights in proportion to the amounts. */
        if (ref_amount == 0)
          {
            ref_amount = amount;
            ref_h = h;
          }
        g_assert_cmpfloat (fabs (h / ref_h - (double) amount / (double) ref_amount), <, 1e-9);
        g_assert_cmpfloat (y + h, <=, HEIGHT - 20);
        /* The actual bar is green, or red in a month over plan (sampled low in the bar, clear of the lines). */
        if (actual)
          {
            gboolean over = amount > pl_budget_totals_planned (totals, NULL, (int) m);
            g_assert_true (pl_test_charts_pixel_is (surface, x + w / 2, y + h - 3, over ? &style->bad : &style->good, &style->background, 0.9));
            coloured++;
          }
      }
  g_assert_cmpuint (coloured, ==, 6);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  draw (plan, pl_chart_style_light (), "budget-month-light.png");
  draw (plan, pl_chart_style_dark (), "budget-month-dark.png");
}

/* The burn: its projection is the plan's spend forecast as of the day the figures are for
 * (pl_forecast_spend(), the number the report prints above the chart and the dashboard's
 * spend gauge gives), with its band; before, the chart drew a straight run rate of its own
 * (1.78M EUR against the forecast's 1.76M EUR on the example). Where the line ends, the
 * summary; the run rate only without a forecast, and said as such. */
static void
test_burn (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, NULL);
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "budget-burn-light.png", "budget-burn-dark.png" };
  guint32 as_of = pl_plan_month_start (plan, 5) + 19;  /* 20 June 2027 */
  PlLatestEstimate estimate = pl_forecast_spend (plan, as_of);
  guint exponent = pl_plan_get_currency_exponent (plan);
  PlBudgetBurnProjection projection;
  gint64 to_date = 0;
  guint spent = 0;

  for (guint m = 0; m < 6; m++)
    to_date += pl_budget_totals_actual (totals, NULL, (int) m);
  pl_budget_burn_projection (plan, totals, as_of, &projection, &spent);
  g_assert_cmpuint (spent, ==, 6);
  g_assert_true (projection.forecast);
  g_assert_cmpint (estimate.missing, ==, PL_ESTIMATE_AVAILABLE);
  g_assert_cmpint (projection.end, ==, pl_money_from_major (estimate.value, exponent));
  g_assert_cmpint (projection.low, ==, pl_money_from_major (estimate.low, exponent));
  g_assert_cmpint (projection.high, ==, pl_money_from_major (estimate.high, exponent));
  g_assert_cmpint (projection.low, <, projection.end);
  g_assert_cmpint (projection.end, <, projection.high);
  /* It starts where the months it counts as measured end, on the spent line. */
  g_assert_cmpuint (projection.from, ==, estimate.n_actual);
  g_assert_cmpint (llabs (projection.cumulative[12] - projection.end), <=, 12);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, names[i], NULL);
      g_autofree char *summary = pl_budget_burn_chart_draw (plan, totals, as_of, cr, WIDTH, HEIGHT, styles[i]);
      g_autofree char *forecast = pl_money_format (projection.end, exponent, pl_plan_get_currency (plan));
      double x, y;

      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("%s", summary);
      g_assert_true (g_str_has_prefix (summary, "The forecast reaches "));
      g_assert_nonnull (strstr (summary, forecast));
      g_assert_nonnull (strstr (summary, "(80% band: "));
      /* The projection ends at the right edge of the plot, at the height of its value. */
      pl_budget_burn_chart_projection_end (plan, totals, as_of, WIDTH, HEIGHT, &x, &y);
      g_assert_cmpfloat (x, ==, WIDTH - 96.0);
      g_assert_cmpfloat (y, >, 14);
      g_assert_true (pl_test_charts_pixel_is (surface, x, y, projection.end > pl_budget_totals_planned (totals, NULL, -1) ? &styles[i]->bad : &styles[i]->good,
                               &styles[i]->background, 1));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* As of a day before the period nothing of it is measured: no forecast, so the run rate
   * of the months with spend, said as such. */
  pl_budget_burn_projection (plan, totals, pl_plan_get_start (plan) - 30, &projection, &spent);
  g_assert_false (projection.forecast);
  g_assert_cmpint (projection.end, ==, 2 * to_date);
  {
    g_auto(GStrv) sentences = pl_budget_burn_chart_sentences (plan, totals, pl_plan_get_start (plan) - 30,
                                                              pl_chart_style_light ());
    g_assert_true (g_str_has_prefix (sentences[0], "At the current rate, spend reaches "));
  }
}

static void
on_legend_cb (const char *text, PlChartLabel kind, gboolean cut, gpointer data)
{
  if (kind == PL_CHART_LABEL_LEGEND)
    g_ptr_array_add (data, g_strdup (text));
}

/* The burn with committed spend (issue 23): orders not yet invoiced, a band stacked on the
 * spent line with its own legend entry and sentence; the spent line and the projection stay
 * the actual spend's. Drawn to PNG, light and dark, to look at. */
static void
test_burn_committed (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, NULL);
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "budget-burn-committed-light.png", "budget-burn-committed-dark.png" };
  guint32 as_of = pl_plan_month_start (plan, 5) + 19;  /* 20 June 2027 */
  PlBudgetBurnProjection before, after;
  guint spent_before, spent_after;

  {
    g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
    pl_budget_burn_projection (plan, totals, as_of, &before, &spent_before);
  }
  /* 60,000 ordered in May and 90,000 for August, not invoiced. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PlItem) order = g_object_new (PL_TYPE_SPEND, NULL);
      pl_item_set_string (order, PL_SPEND_LINE, "line-linkedin");
      pl_item_set_julian (order, PL_SPEND_DATE, pl_plan_month_start (plan, i == 0 ? 4 : 7) + 9);
      pl_item_set_int (order, PL_SPEND_AMOUNT, i == 0 ? 6000000 : 9000000);
      pl_item_set_int (order, PL_SPEND_STATUS, PL_SPEND_COMMITTED);
      pl_plan_add (plan, order);
    }
  {
    g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);

    g_assert_cmpint (pl_budget_totals_committed (totals, NULL, -1), ==, 15000000);
    /* Not spent: the projection is the actual spend's, as before. */
    pl_budget_burn_projection (plan, totals, as_of, &after, &spent_after);
    g_assert_cmpuint (spent_after, ==, spent_before);
    g_assert_cmpint (after.end, ==, before.end);
    for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
        cairo_t *cr = cairo_create (surface);
        g_autofree char *png = g_test_build_filename (G_TEST_BUILT, names[i], NULL);
        g_autoptr(GPtrArray) legend = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *summary = NULL;

        pl_chart_set_text_hook (on_legend_cb, legend);
        summary = pl_budget_burn_chart_draw (plan, totals, as_of, cr, WIDTH, HEIGHT, styles[i]);
        pl_chart_set_text_hook (NULL, NULL);
        cairo_surface_flush (surface);
        g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
        g_test_message ("%s", summary);
        g_assert_true (g_ptr_array_find_with_equal_func (legend, "Committed, not invoiced", g_str_equal, NULL));
        g_assert_nonnull (strstr (summary, "Orders placed and not yet invoiced commit a further "));
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
    {
      PlChartStyle share_safe = *pl_chart_style_light ();
      g_auto(GStrv) safe = NULL;
      g_autofree char *all = NULL;

      share_safe.share_safe = TRUE;
      safe = pl_budget_burn_chart_sentences (plan, totals, as_of, &share_safe);
      all = g_strjoinv (" ", safe);
      g_assert_nonnull (strstr (all, "commit a further "));
      g_assert_null (strstr (all, "EUR"));
    }
  }
}

/* Spend by category: widths in proportion, largest first, actual coloured by plan. */
static void
test_categories (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  const PlChartStyle *styles[] = { pl_chart_style_light (), pl_chart_style_dark () };
  const char *names[] = { "budget-categories-light.png", "budget-categories-dark.png" };

  for (guint s = 0; s < 2; s++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 420);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, names[s], NULL);
      g_autofree char *summary = pl_category_spend_chart_draw (plan, totals, cr, 900, 420, styles[s]);
      double ref_w = 0;
      gint64 ref = 0;

      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (g_str_has_prefix (summary, "10 categories; the largest is “"));
      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
          gint64 planned = pl_budget_totals_planned (totals, category, -1);
          gint64 actual = pl_budget_totals_actual (totals, category, -1);
          double x, y, w, h;

          g_assert_true (pl_category_spend_chart_bar_rect (plan, totals, category, FALSE, 900, 420, &x, &y, &w, &h));
          if (ref == 0)
            {
              ref = planned;
              ref_w = w;
            }
          g_assert_cmpfloat (fabs (w / ref_w - (double) planned / (double) ref), <, 1e-9);
          g_assert_true (pl_category_spend_chart_bar_rect (plan, totals, category, TRUE, 900, 420, &x, &y, &w, &h));
          if (w >= 3)
            g_assert_true (pl_test_charts_pixel_is (surface, x + w / 2, y + h / 2, actual > planned ? &styles[s]->bad : &styles[s]->good,
                                     &styles[s]->background, 0.9));
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The CAC split adds up to the CAC of pl-figures over the same months. */
static void
test_cac (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_example ();
  double cac = 0;
  g_autoptr(GArray) parts = pl_cac_breakdown (plan, &cac);
  double expected = pl_figures_cac (plan, pl_plan_get_start (plan), pl_figures_measured_until (plan));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 200);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "budget-cac.png", NULL);
  g_autofree char *summary = pl_cac_breakdown_chart_draw (plan, cr, 900, 200, pl_chart_style_light ());

  g_assert_cmpuint (parts->len, >, 3);
  g_assert_cmpfloat (fabs (cac - expected), <, 1e-6 * expected);
  for (guint i = 1; i < parts->len; i++)
    g_assert_cmpfloat (g_array_index (parts, PlCacPart, i - 1).cost, >=, g_array_index (parts, PlCacPart, i).cost);
  g_assert_true (g_str_has_prefix (summary, "Each new customer cost "));
  /* The first part's colour fills the left of the bar. */
  g_assert_true (pl_test_charts_pixel_is (surface, 4, 18, pl_chart_series_color (pl_chart_style_light (), 0), &pl_chart_style_light ()->background, 1));
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A plan with no spend yet: planned bars only, and a summary that says so. */
static void
test_empty (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *summary = pl_budget_month_chart_draw (plan, totals, cr, 400, 200, pl_chart_style_light ());

  g_assert_nonnull (strstr (summary, "spent 0\u00A0EUR"));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/budget-month/example", test_example);
  g_test_add_func ("/budget-month/empty", test_empty);
  g_test_add_func ("/budget-burn/example", test_burn);
  g_test_add_func ("/budget-burn/committed", test_burn_committed);
  g_test_add_func ("/budget-categories/example", test_categories);
  g_test_add_func ("/budget-cac/example", test_cac);
  return g_test_run ();
}
