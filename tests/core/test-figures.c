/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every derived figure against numbers computed by hand (worked out in the comments). */
#include "config.h"

#include <math.h>

#include "pl-budget-totals.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-maturity.h"
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

/* One status rule for every view: the screen once said "close" where the report said "off". */
static void
test_status_rule (void)
{
  /* Higher is better: at or above on target, within a tenth below close, beyond off. */
  g_assert_cmpint (pl_figures_status (100, 100, PL_DIRECTION_HIGHER), ==, PL_KPI_STATUS_GOOD);
  g_assert_cmpint (pl_figures_status (90, 100, PL_DIRECTION_HIGHER), ==, PL_KPI_STATUS_CLOSE);
  g_assert_cmpint (pl_figures_status (89.9, 100, PL_DIRECTION_HIGHER), ==, PL_KPI_STATUS_OFF);
  /* Lower is better, the same band: 110 is close, 110.5 is off (the screen said close). */
  g_assert_cmpint (pl_figures_status (110, 100, PL_DIRECTION_LOWER), ==, PL_KPI_STATUS_CLOSE);
  g_assert_cmpint (pl_figures_status (110.5, 100, PL_DIRECTION_LOWER), ==, PL_KPI_STATUS_OFF);
  /* A zero target has no band: churn aimed at 0 is off as soon as it is above it. */
  g_assert_cmpint (pl_figures_status (0, 0, PL_DIRECTION_LOWER), ==, PL_KPI_STATUS_GOOD);
  g_assert_cmpint (pl_figures_status (0.001, 0, PL_DIRECTION_LOWER), ==, PL_KPI_STATUS_OFF);
  g_assert_cmpint (pl_figures_status (3, 0, PL_DIRECTION_HIGHER), ==, PL_KPI_STATUS_GOOD);
  /* Not measured, and no target, are statuses of their own. */
  g_assert_cmpint (pl_figures_status (NAN, 100, PL_DIRECTION_HIGHER), ==, PL_KPI_STATUS_NO_DATA);
  g_assert_cmpint (pl_figures_status (100, NAN, PL_DIRECTION_HIGHER), ==, PL_KPI_STATUS_NO_TARGET);
}

/* Spend in the spend KPI only (no spending records): CPL and CAC from it, everywhere. */
static void
test_spend_from_kpi (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  guint32 jan = day (1, 1, 2027), feb = day (1, 2, 2027), mar = day (1, 3, 2027);
  PlBasis basis;
  PlFigure cpl, cac;
  PlItem *formula;

  pl_item_set_julian (meta, PL_METADATA_START, jan);
  basis = pl_basis_to_date (plan, mar - 1);
  add_kpi (plan, "spend", PL_STAGE_SPEND, PL_AGGREGATE_SUM, 1000, 1000, jan, feb);
  add_kpi (plan, "leads", PL_STAGE_LEADS, PL_AGGREGATE_SUM, 20, 20, jan, feb);
  add_kpi (plan, "won", PL_STAGE_NEW_CUSTOMERS, PL_AGGREGATE_SUM, 0, 1, jan, feb);
  formula = add (plan, PL_TYPE_KPI, "cpl");
  pl_item_set_string (formula, PL_KPI_FORMULA, "spend / leads");
  g_assert_cmpint (pl_figures_spend_source (plan), ==, PL_SPEND_FROM_KPI);
  /* 2,000 / 40 = 50 and 2,000 / 1: what a tile's formula gives, not 0. */
  cpl = pl_figures_get (plan, PL_FIGURE_CPL, &basis);
  cac = pl_figures_get (plan, PL_FIGURE_CAC, &basis);
  g_assert_cmpfloat (cpl.value, ==, 50);
  g_assert_cmpfloat (cac.value, ==, 2000);
  g_assert_cmpfloat (pl_figures_kpi (plan, PL_KPI (formula), PL_SERIES_MEASUREMENTS, &basis).value, ==, cpl.value);
  /* The budget's totals take the plan's spend from the KPI too (its charts draw it): all of
   * it on the whole plan, none on a line or category, which it does not know. */
  {
    g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
    g_assert_cmpint (pl_budget_totals_actual (totals, NULL, 0), ==, 100000);
    g_assert_cmpint (pl_budget_totals_actual (totals, NULL, -1), ==, 200000);
  }
  /* A month of spend imported into the KPI moves CPL at once (through an edit). */
  pl_plan_set_point (plan, PL_KPI (pl_plan_lookup (plan, "spend")), PL_SERIES_MEASUREMENTS, feb, 3000, NULL);
  g_assert_cmpfloat (pl_figures_get (plan, PL_FIGURE_CPL, &basis).value, ==, 100);
  /* January alone has no new customer: CAC is not available, and says why. */
  {
    PlBasis january = pl_basis_month (plan, 0);
    PlFigure none = pl_figures_get (plan, PL_FIGURE_CAC, &january);
    g_autofree char *why = pl_figure_reason (plan, &none);

    g_assert_true (isnan (none.value));
    g_assert_cmpint (none.missing, ==, PL_MISSING_ZERO);
    g_assert_cmpint (none.missing_stage, ==, PL_STAGE_NEW_CUSTOMERS);
    g_assert_cmpstr (why, ==, "new customers: zero (January 2027)");
  }
}

/* Once the plan books spending, the spend KPI shows what was booked: one source. */
static void
test_spend_from_records (Fixture *f, gconstpointer data)
{
  PlKpi *spend = PL_KPI (pl_plan_lookup (f->plan, "spend"));
  PlBasis january = pl_basis_month (f->plan, 0);

  g_assert_cmpint (pl_figures_spend_source (f->plan), ==, PL_SPEND_FROM_RECORDS);
  /* January's records: 900.50 + 499.50, whatever the KPI's own measurement says. */
  g_assert_cmpfloat (pl_figures_kpi (f->plan, spend, PL_SERIES_MEASUREMENTS, &january).value, ==, 1400);
  g_assert_cmpfloat (pl_figures_get (f->plan, PL_FIGURE_SPEND, &january).value, ==, 1400);
}

/* A campaign's spend stays inside its dates, shared by days among the campaigns running. */
static void
test_campaign_dates (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *meta = PL_ITEM (pl_plan_get_metadata (plan));
  gint64 amounts[12] = { 0 };
  PlItem *line, *always, *july, *direct;
  g_autoptr(PlBudgetTotals) totals = NULL;

  pl_item_set_julian (meta, PL_METADATA_START, day (1, 1, 2027));
  line = add (plan, PL_TYPE_BUDGET_LINE, "line");
  pl_item_set_variant (line, PL_BUDGET_LINE_PLANNED, g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, amounts, 12, sizeof (gint64)));
  always = add (plan, PL_TYPE_CAMPAIGN, "always");
  july = add (plan, PL_TYPE_CAMPAIGN, "july");
  pl_item_set_julian (july, PL_CAMPAIGN_START, day (16, 7, 2027));
  pl_item_set_julian (july, PL_CAMPAIGN_END, day (31, 8, 2027));
  direct = add (plan, PL_TYPE_CAMPAIGN, "direct");
  pl_item_set_julian (direct, PL_CAMPAIGN_START, day (1, 9, 2027));
  pl_item_set_julian (direct, PL_CAMPAIGN_END, day (30, 9, 2027));
  {
    const char *ids[] = { "always", "july" };
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *id = g_strdup_printf ("al-%s", ids[i]);
        PlItem *allocation = add (plan, PL_TYPE_ALLOCATION, id);
        pl_item_set_string (allocation, PL_ALLOCATION_LINE, "line");
        pl_item_set_string (allocation, PL_ALLOCATION_CAMPAIGN, ids[i]);
        pl_item_set_int (allocation, PL_ALLOCATION_AMOUNT, 100000);
      }
  }
  add_spend (plan, "june", "line", day (10, 6, 2027), 2294000);
  /* July: "always" runs 31 days, "july" 16 days: 31 / 47 and 16 / 47 of 4,700.00. */
  add_spend (plan, "july-spend", "line", day (20, 7, 2027), 470000);
  /* September: booked for "direct", which has no allocation; and 100.00 that no campaign
   * running then draws on but "always". */
  add_spend (plan, "sept", "line", day (5, 9, 2027), 50000);
  pl_item_set_string (pl_plan_lookup (plan, "sept"), PL_SPEND_CAMPAIGN, "direct");
  add_spend (plan, "sept-2", "line", day (6, 9, 2027), 10000);

  totals = pl_budget_totals_new (plan);
  /* The July campaign spent nothing in June: all of June's 22,940 is the other one's. */
  g_assert_cmpint (pl_budget_totals_campaign_actual_month (totals, july, 5), ==, 0);
  g_assert_cmpint (pl_budget_totals_campaign_actual_month (totals, always, 5), ==, 2294000);
  g_assert_cmpint (pl_budget_totals_campaign_actual_month (totals, always, 6), ==, 310000);
  g_assert_cmpint (pl_budget_totals_campaign_actual_month (totals, july, 6), ==, 160000);
  g_assert_cmpint (pl_budget_totals_campaign_actual (totals, july), ==, 160000);
  g_assert_cmpint (pl_budget_totals_campaign_actual_month (totals, direct, 8), ==, 50000);
  g_assert_cmpint (pl_budget_totals_campaign_actual_month (totals, always, 8), ==, 10000);
  /* Every cent of the line goes somewhere, once. */
  g_assert_cmpint (pl_budget_totals_campaign_actual (totals, always) + pl_budget_totals_campaign_actual (totals, july) +
                   pl_budget_totals_campaign_actual (totals, direct), ==, pl_budget_totals_line_actual (totals, line, -1));
}

/* "Used" is the spend to a day against the plan to the same day, whatever comes after. */
static void
test_used_to_date (Fixture *f, gconstpointer data)
{
  /* As of the end of February: 3,500 spent of 3,500 planned; March's 100.00 is after. */
  PlBasis to_feb = pl_basis_to_date (f->plan, f->mar - 1);
  /* As of 14 February: January's 1,400 + February 3rd's 2,100 against 1,500 + 2,000 x 14 / 28. */
  PlBasis mid_feb = pl_basis_to_date (f->plan, f->feb + 13);
  g_autofree char *label = pl_basis_describe (f->plan, &mid_feb);

  g_assert_cmpfloat_with_epsilon (pl_figures_get (f->plan, PL_FIGURE_USED, &to_feb).value, 3500.0 / 3500.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (pl_figures_get (f->plan, PL_FIGURE_USED, &mid_feb).value, 3500.0 / 2500.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (pl_figures_get (f->plan, PL_FIGURE_USED_OF_PERIOD, &to_feb).value, 3500.0 / 3500.0, 1e-12);
  g_assert_cmpstr (label, ==, "1 January to 14 February 2027");
}

/* Formulas that use each other read "not available", and a long chain is evaluated once per
 * KPI, not once per path (2^22 paths at depth 22). */
static void
test_formula_chain (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *base = add_kpi (plan, "k0", PL_STAGE_NONE, PL_AGGREGATE_SUM, 1, 1, day (1, 1, 2027), day (1, 2, 2027));
  PlItem *a = add (plan, PL_TYPE_KPI, "a");
  PlItem *b = add (plan, PL_TYPE_KPI, "b");
  PlItem *last = base;
  PlBasis basis = pl_basis_range (day (1, 1, 2027), day (1, 3, 2027));
  PlFigure looped;

  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("k%u", i);
      g_autofree char *formula = g_strdup_printf ("k%u + k%u", i - 1, i - 1);
      last = add (plan, PL_TYPE_KPI, id);
      pl_item_set_string (last, PL_KPI_FORMULA, formula);
    }
  /* 2 x 2^40, computed in 40 steps. */
  g_assert_cmpfloat (pl_figures_kpi (plan, PL_KPI (last), PL_SERIES_MEASUREMENTS, &basis).value, ==, 2 * pow (2, 40));
  pl_item_set_string (a, PL_KPI_FORMULA, "b + 1");
  pl_item_set_string (b, PL_KPI_FORMULA, "a + 1");
  looped = pl_figures_kpi (plan, PL_KPI (a), PL_SERIES_MEASUREMENTS, &basis);
  g_assert_true (isnan (looped.value));
  g_assert_cmpint (looped.missing, ==, PL_MISSING_LOOP);
}

/* The strongest and weakest dimensions, one ranking for the radar, the page and the report:
 * ties in the questionnaire's order, dimensions nobody rated left out. */
static void
test_maturity_order (void)
{
  double scores[] = { 40, NAN, 75, 40, 75 };
  PlMaturity maturity = { G_N_ELEMENTS (scores), scores };
  g_autoptr(GArray) strong = pl_maturity_order (&maturity, FALSE);
  g_autoptr(GArray) weak = pl_maturity_order (&maturity, TRUE);
  const guint strong_expected[] = { 2, 4, 0, 3 }, weak_expected[] = { 0, 3, 2, 4 };

  g_assert_cmpuint (strong->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpuint (g_array_index (strong, guint, i), ==, strong_expected[i]);
      g_assert_cmpuint (g_array_index (weak, guint, i), ==, weak_expected[i]);
    }
}

/* A new plan has nothing measured (its dashboard says what to enter first); one measurement or
 * one spend entry is something, each undone is nothing again. */
static void
test_any_measured (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, 0);
  PlItem *spend;

  g_assert_false (pl_figures_any_measured (plan));
  pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_TARGETS, pl_plan_get_start (plan), 100, NULL);
  g_assert_false (pl_figures_any_measured (plan));
  pl_plan_set_point (plan, PL_KPI (kpi), PL_SERIES_MEASUREMENTS, pl_plan_get_start (plan), 100, NULL);
  g_assert_true (pl_figures_any_measured (plan));
  pl_plan_undo (plan);
  g_assert_false (pl_figures_any_measured (plan));
  spend = add (plan, PL_TYPE_SPEND, "spend-1");
  pl_item_set_julian (spend, PL_SPEND_DATE, pl_plan_get_start (plan));
  g_assert_true (pl_figures_any_measured (plan));
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
  ADD ("/figures/spend-from-records", test_spend_from_records);
  ADD ("/figures/used-to-date", test_used_to_date);
#undef ADD
  g_test_add_func ("/figures/status-rule", test_status_rule);
  g_test_add_func ("/figures/maturity-order", test_maturity_order);
  g_test_add_func ("/figures/spend-from-kpi", test_spend_from_kpi);
  g_test_add_func ("/figures/campaign-dates", test_campaign_dates);
  g_test_add_func ("/figures/formula-chain", test_formula_chain);
  g_test_add_func ("/figures/formula-loop", test_formula_loop);
  g_test_add_func ("/figures/any-measured", test_any_measured);
  return g_test_run ();
}
