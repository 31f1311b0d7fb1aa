/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every derived figure against numbers computed by hand (worked out in the comments). */
#include "config.h"

#include <math.h>

#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-plan.h"

typedef struct {
  PlPlan  *plan;
  guint32  jan, feb, mar;
} Fixture;

static guint32
day (int d, int m, int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static PlItem *
add (PlPlan *plan, GType type, const char *id)
{
  PlItem *item = g_object_new (type, NULL);

  pl_item_set_id (item, id);
  pl_plan_add (plan, item);
  g_object_unref (item);
  return item;
}

static PlItem *
add_kpi (PlPlan *plan, const char *id, PlStage stage, PlAggregate aggregate, double jan, double feb,
         guint32 jan_day, guint32 feb_day)
{
  PlItem *kpi = add (plan, PL_TYPE_KPI, id);

  pl_item_set_string (kpi, PL_KPI_NAME, id);
  pl_item_set_int (kpi, PL_KPI_STAGE, stage);
  pl_item_set_int (kpi, PL_KPI_AGGREGATE, aggregate);
  pl_series_set (pl_kpi_get_measurements (PL_KPI (kpi)), jan_day, jan, NULL);
  pl_series_set (pl_kpi_get_measurements (PL_KPI (kpi)), feb_day, feb, NULL);
  return kpi;
}

static void
add_spend (PlPlan *plan, const char *id, const char *line, guint32 date, gint64 cents)
{
  PlItem *spend = add (plan, PL_TYPE_SPEND, id);

  pl_item_set_string (spend, PL_SPEND_LINE, line);
  pl_item_set_julian (spend, PL_SPEND_DATE, date);
  pl_item_set_int (spend, PL_SPEND_AMOUNT, cents);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  PlPlan *plan = pl_plan_new ();
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  PlItem *paid, *brand, *l1, *l2, *campaign, *allocation;
  gint64 l1_amounts[12] = { 100000, 200000 };  /* 1,000.00 in January, 2,000.00 in February */
  gint64 l2_amounts[12] = { 50000 };           /* 500.00 in January */

  f->plan = plan;
  f->jan = day (1, 1, 2027);
  f->feb = day (1, 2, 2027);
  f->mar = day (1, 3, 2027);
  pl_item_set_julian (meta, PL_METADATA_START, f->jan);

  paid = add (plan, PL_TYPE_CATEGORY, "cat-paid");
  pl_item_set_string (paid, PL_CATEGORY_NAME, "Paid media");
  brand = add (plan, PL_TYPE_CATEGORY, "cat-brand");
  pl_item_set_string (brand, PL_CATEGORY_NAME, "Brand");
  pl_item_set_int (brand, PL_CATEGORY_ACQUISITION, FALSE);

  l1 = add (plan, PL_TYPE_BUDGET_LINE, "l1");
  pl_item_set_string (l1, PL_BUDGET_LINE_CATEGORY, "cat-paid");
  pl_item_set_variant (l1, PL_BUDGET_LINE_PLANNED,
                       g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, l1_amounts, 12, sizeof (gint64)));
  l2 = add (plan, PL_TYPE_BUDGET_LINE, "l2");
  pl_item_set_string (l2, PL_BUDGET_LINE_CATEGORY, "cat-brand");
  pl_item_set_variant (l2, PL_BUDGET_LINE_PLANNED,
                       g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, l2_amounts, 12, sizeof (gint64)));

  add_spend (plan, "s1", "l1", day (15, 1, 2027), 90050);   /* 900.50 */
  add_spend (plan, "s2", "l1", day (3, 2, 2027), 210000);   /* 2,100.00 */
  add_spend (plan, "s3", "l2", day (20, 1, 2027), 49950);   /* 499.50 */
  add_spend (plan, "s4", "l1", day (1, 3, 2027), 10000);    /* 100.00, in March */

  campaign = add (plan, PL_TYPE_CAMPAIGN, "c1");
  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Search");
  allocation = add (plan, PL_TYPE_ALLOCATION, "a1");
  pl_item_set_string (allocation, PL_ALLOCATION_LINE, "l1");
  pl_item_set_string (allocation, PL_ALLOCATION_CAMPAIGN, "c1");
  pl_item_set_int (allocation, PL_ALLOCATION_AMOUNT, 150000);

  add_kpi (plan, "spend", PL_STAGE_SPEND, PL_AGGREGATE_SUM, 1400, 2100, f->jan, f->feb);
  add_kpi (plan, "visitors", PL_STAGE_VISITORS, PL_AGGREGATE_SUM, 500, 1000, f->jan, f->feb);
  add_kpi (plan, "leads", PL_STAGE_LEADS, PL_AGGREGATE_SUM, 10, 20, f->jan, f->feb);
  add_kpi (plan, "mql", PL_STAGE_MQL, PL_AGGREGATE_SUM, 4, 8, f->jan, f->feb);
  add_kpi (plan, "sql", PL_STAGE_SQL, PL_AGGREGATE_SUM, 2, 4, f->jan, f->feb);
  add_kpi (plan, "new", PL_STAGE_NEW_CUSTOMERS, PL_AGGREGATE_SUM, 1, 2, f->jan, f->feb);
  add_kpi (plan, "customers", PL_STAGE_CUSTOMERS, PL_AGGREGATE_LAST, 100, 102, f->jan, f->feb);
  add_kpi (plan, "mrr", PL_STAGE_MRR, PL_AGGREGATE_LAST, 200000, 204000, f->jan, f->feb);
  add_kpi (plan, "churn", PL_STAGE_CHURN, PL_AGGREGATE_MEAN, 0.01, 0.03, f->jan, f->feb);
  add_kpi (plan, "revenue", PL_STAGE_REVENUE, PL_AGGREGATE_SUM, 3000, 9000, f->jan, f->feb);
  pl_item_set_string (add (plan, PL_TYPE_KPI, "cpl"), PL_KPI_FORMULA, "spend / leads");
  pl_item_set_string (add (plan, PL_TYPE_KPI, "cpl2"), PL_KPI_FORMULA, "(cpl * 2) - 10");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->plan);
}

static void
test_budget_totals (Fixture *f, gconstpointer data)
{
  PlCategory *paid = PL_CATEGORY (pl_plan_lookup (f->plan, "cat-paid"));
  PlCategory *brand = PL_CATEGORY (pl_plan_lookup (f->plan, "cat-brand"));

  /* Planned: January 1,000 + 500 = 1,500; February 2,000; the year 3,500. */
  g_assert_cmpint (pl_figures_planned (f->plan, 0), ==, 150000);
  g_assert_cmpint (pl_figures_planned (f->plan, 1), ==, 200000);
  g_assert_cmpint (pl_figures_planned (f->plan, -1), ==, 350000);
  g_assert_cmpint (pl_figures_category_planned (f->plan, paid, -1), ==, 300000);
  g_assert_cmpint (pl_figures_category_planned (f->plan, brand, 0), ==, 50000);
  /* Actual: January 900.50 + 499.50 = 1,400; February 2,100; March 100; the year 3,600. */
  g_assert_cmpint (pl_figures_actual (f->plan, 0), ==, 140000);
  g_assert_cmpint (pl_figures_actual (f->plan, 1), ==, 210000);
  g_assert_cmpint (pl_figures_actual (f->plan, 2), ==, 10000);
  g_assert_cmpint (pl_figures_actual (f->plan, -1), ==, 360000);
  g_assert_cmpint (pl_figures_category_actual (f->plan, paid, -1), ==, 310050);
  g_assert_cmpint (pl_figures_line_actual (f->plan, PL_BUDGET_LINE (pl_plan_lookup (f->plan, "l2")), -1), ==, 49950);
  /* Variance 3,600 - 3,500 = +100; January used 1,400 / 1,500. */
  g_assert_cmpint (pl_figures_variance (pl_figures_planned (f->plan, -1), pl_figures_actual (f->plan, -1)), ==, 10000);
  g_assert_cmpfloat_with_epsilon (pl_figures_percent_used (150000, 140000), 0.933333333, 1e-8);
  g_assert_true (isnan (pl_figures_percent_used (0, 100)));
}

static void
test_campaign_totals (Fixture *f, gconstpointer data)
{
  PlCampaign *campaign = PL_CAMPAIGN (pl_plan_lookup (f->plan, "c1"));

  g_assert_cmpint (pl_figures_campaign_allocated (f->plan, campaign), ==, 150000);
  g_assert_cmpint (pl_figures_line_allocated (f->plan, PL_BUDGET_LINE (pl_plan_lookup (f->plan, "l1"))), ==, 150000);
  /* Line l1 spent 3,100.50; the campaign, without dates, is the only one it funds: all of it. */
  g_assert_cmpint (pl_figures_campaign_actual (f->plan, campaign), ==, 310050);
}

static void
test_funnel (Fixture *f, gconstpointer data)
{
  /* January and February: 1,500 visitors, 30 leads, 12 MQL, 6 SQL, 3 new customers. */
  g_assert_cmpfloat_with_epsilon (pl_figures_conversion (f->plan, PL_STAGE_VISITORS, PL_STAGE_LEADS, f->jan, f->mar), 0.02, 1e-12);
  g_assert_cmpfloat_with_epsilon (pl_figures_conversion (f->plan, PL_STAGE_LEADS, PL_STAGE_MQL, f->jan, f->mar), 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (pl_figures_conversion (f->plan, PL_STAGE_MQL, PL_STAGE_SQL, f->jan, f->mar), 0.5, 1e-12);
  /* No measurement in March: not available, never 0. */
  g_assert_true (isnan (pl_figures_conversion (f->plan, PL_STAGE_LEADS, PL_STAGE_MQL, f->mar, day (1, 4, 2027))));
  /* No opportunities KPI at all. */
  g_assert_true (isnan (pl_figures_conversion (f->plan, PL_STAGE_SQL, PL_STAGE_OPPORTUNITIES, f->jan, f->mar)));
}

static void
test_costs (Fixture *f, gconstpointer data)
{
  /* Spend January-February 3,500: CPL 3,500 / 30 leads; CPA per SQL 3,500 / 6. */
  g_assert_cmpfloat_with_epsilon (pl_figures_cpl (f->plan, f->jan, f->mar), 3500.0 / 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (pl_figures_cost_per (f->plan, PL_STAGE_SQL, f->jan, f->mar), 3500.0 / 6, 1e-9);
  /* CAC counts acquisition categories only: 900.50 + 2,100 = 3,000.50 over 3 new customers. */
  g_assert_cmpfloat_with_epsilon (pl_figures_cac (f->plan, f->jan, f->mar), 3000.5 / 3, 1e-9);
  /* ROI: (12,000 revenue - 3,500) / 3,500. */
  g_assert_cmpfloat_with_epsilon (pl_figures_roi (f->plan, f->jan, f->mar), 8500.0 / 3500, 1e-12);
}

static void
test_ltv (Fixture *f, gconstpointer data)
{
  gboolean assumed = FALSE;
  PlItem *margin;

  /* ARPU at the end of February: 204,000 MRR / 102 customers = 2,000. Churn mean 2 %. */
  g_assert_cmpfloat_with_epsilon (pl_figures_arpu (f->plan, f->jan, f->mar), 2000, 1e-9);
  /* No margin KPI: 100 % is assumed, and said. LTV = 2,000 / 0.02 = 100,000. */
  g_assert_cmpfloat_with_epsilon (pl_figures_ltv (f->plan, f->jan, f->mar, &assumed), 100000, 1e-6);
  g_assert_true (assumed);
  margin = add_kpi (f->plan, "margin", PL_STAGE_MARGIN, PL_AGGREGATE_LAST, 0.75, 0.8, f->jan, f->feb);
  g_assert_nonnull (margin);
  /* With an 80 % margin: 2,000 x 0.8 / 0.02 = 80,000; LTV:CAC = 80,000 / 1,000.1666... */
  g_assert_cmpfloat_with_epsilon (pl_figures_ltv (f->plan, f->jan, f->mar, &assumed), 80000, 1e-6);
  g_assert_false (assumed);
  g_assert_cmpfloat_with_epsilon (pl_figures_ltv_cac (f->plan, f->jan, f->mar), 80000 / (3000.5 / 3), 1e-9);
  g_assert_true (pl_figures_ltv_cac (f->plan, f->jan, f->mar) >= PL_LTV_CAC_HEALTHY);
}

static void
test_derived_kpis (Fixture *f, gconstpointer data)
{
  PlKpi *cpl = PL_KPI (pl_plan_lookup (f->plan, "cpl"));
  PlKpi *cpl2 = PL_KPI (pl_plan_lookup (f->plan, "cpl2"));

  /* Per period: January 1,400 / 10 = 140; February 2,100 / 20 = 105. */
  g_assert_cmpfloat (pl_figures_kpi_value (f->plan, cpl, f->jan, f->feb), ==, 140);
  g_assert_cmpfloat (pl_figures_kpi_value (f->plan, cpl, f->feb, f->mar), ==, 105);
  /* Over both months the operands add up first: 3,500 / 30, not the mean of 140 and 105. */
  g_assert_cmpfloat_with_epsilon (pl_figures_kpi_value (f->plan, cpl, f->jan, f->mar), 3500.0 / 30, 1e-9);
  /* A formula over a derived KPI: 140 x 2 - 10. */
  g_assert_cmpfloat (pl_figures_kpi_value (f->plan, cpl2, f->jan, f->feb), ==, 270);
  /* March has no leads: not available. */
  g_assert_true (isnan (pl_figures_kpi_value (f->plan, cpl, f->mar, day (1, 4, 2027))));
  /* Division by a measured zero is not available either. */
  pl_series_set (pl_kpi_get_measurements (PL_KPI (pl_plan_lookup (f->plan, "leads"))), f->mar, 0, NULL);
  pl_series_set (pl_kpi_get_measurements (PL_KPI (pl_plan_lookup (f->plan, "spend"))), f->mar, 100, NULL);
  g_assert_true (isnan (pl_figures_kpi_value (f->plan, cpl, f->mar, day (1, 4, 2027))));
  g_assert_cmpuint (pl_figures_measured_until (f->plan), ==, day (1, 4, 2027));
}

static void
test_formula_loop (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *a = add (plan, PL_TYPE_KPI, "a");
  PlItem *b = add (plan, PL_TYPE_KPI, "b");

  pl_item_set_string (a, PL_KPI_FORMULA, "b + 1");
  pl_item_set_string (b, PL_KPI_FORMULA, "a + 1");
  /* Formulas naming each other give "not available", not a crash. */
  g_assert_true (isnan (pl_figures_kpi_value (plan, PL_KPI (a), 1, G_MAXUINT32)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/figures/budget-totals", test_budget_totals);
  ADD ("/figures/campaign-totals", test_campaign_totals);
  ADD ("/figures/funnel", test_funnel);
  ADD ("/figures/costs", test_costs);
  ADD ("/figures/ltv", test_ltv);
  ADD ("/figures/derived-kpis", test_derived_kpis);
#undef ADD
  g_test_add_func ("/figures/formula-loop", test_formula_loop);
  return g_test_run ();
}
