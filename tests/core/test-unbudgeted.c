/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unbudgeted spend (pl-unbudgeted.h) and committed spend (issue 23) against figures worked
 * out by hand in the comments: spend on no line, on a line that is gone, credits, lines over
 * their whole period's plan with the entries that took them over; committed spend counted in
 * committed and remaining, never in the actual, CPL, CAC or ROI. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-plan.h"
#include "pl-unbudgeted.h"

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
add_spend (PlPlan *plan, const char *id, const char *line, guint32 date, gint64 cents, PlSpendStatus status)
{
  PlItem *spend = add (plan, PL_TYPE_SPEND, id);

  if (line != NULL)
    pl_item_set_string (spend, PL_SPEND_LINE, line);
  pl_item_set_julian (spend, PL_SPEND_DATE, date);
  pl_item_set_int (spend, PL_SPEND_AMOUNT, cents);
  pl_item_set_int (spend, PL_SPEND_STATUS, status);
  return spend;
}

static void
add_kpi (PlPlan *plan, const char *id, PlStage stage, double jan, double feb)
{
  PlItem *kpi = add (plan, PL_TYPE_KPI, id);

  pl_item_set_string (kpi, PL_KPI_NAME, id);
  pl_item_set_int (kpi, PL_KPI_STAGE, stage);
  pl_series_set (pl_kpi_get_measurements (PL_KPI (kpi)), day (1, 1, 2027), jan, NULL);
  pl_series_set (pl_kpi_get_measurements (PL_KPI (kpi)), day (1, 2, 2027), feb, NULL);
}

static PlItem *
add_line (PlPlan *plan, const char *id, const char *category, gint64 jan, gint64 feb)
{
  PlItem *line = add (plan, PL_TYPE_BUDGET_LINE, id);
  gint64 amounts[12] = { jan, feb };

  pl_item_set_string (line, PL_BUDGET_LINE_NAME, id);
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, category);
  pl_item_set_variant (line, PL_BUDGET_LINE_PLANNED,
                       g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, amounts, 12, sizeof (gint64)));
  return line;
}

/* Paid (acquisition): line l1, 1,000 in January and February. Brand: l2, 500 in January. */
static PlPlan *
new_plan (void)
{
  PlPlan *plan = pl_plan_new ();
  PlItem *paid, *brand;

  pl_item_set_julian (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_START, day (1, 1, 2027));
  paid = add (plan, PL_TYPE_CATEGORY, "cat-paid");
  pl_item_set_string (paid, PL_CATEGORY_NAME, "Paid");
  pl_item_set_int (paid, PL_CATEGORY_ACQUISITION, TRUE);
  brand = add (plan, PL_TYPE_CATEGORY, "cat-brand");
  pl_item_set_string (brand, PL_CATEGORY_NAME, "Brand");
  pl_item_set_int (brand, PL_CATEGORY_ACQUISITION, FALSE);
  add_line (plan, "l1", "cat-paid", 100000, 100000);
  add_line (plan, "l2", "cat-brand", 50000, 0);

  /* l1: 900 + 800 actual, 600 committed: 2,300 booked against 2,000, 300 over, all of it in
   * the order of 20 February (the latest). */
  add_spend (plan, "s1", "l1", day (15, 1, 2027), 90000, PL_SPEND_ACTUAL);
  add_spend (plan, "s2", "l1", day (3, 2, 2027), 80000, PL_SPEND_ACTUAL);
  add_spend (plan, "s3", "l1", day (20, 2, 2027), 60000, PL_SPEND_COMMITTED);
  /* l2: 400 + 150 + 100 actual: 650 against 500, 150 over: the 100 of 2 March and 50 of the
   * 150 of 10 February. */
  add_spend (plan, "s8", "l2", day (20, 1, 2027), 40000, PL_SPEND_ACTUAL);
  add_spend (plan, "s10", "l2", day (10, 2, 2027), 15000, PL_SPEND_ACTUAL);
  add_spend (plan, "s11", "l2", day (2, 3, 2027), 10000, PL_SPEND_ACTUAL);
  /* No line: 1,000 actual, 200 committed, a credit of 150, and 100 on a line that is gone:
   * 1,150, of which 200 committed. Spend before the period is not this period's. */
  add_spend (plan, "s4", NULL, day (10, 1, 2027), 100000, PL_SPEND_ACTUAL);
  add_spend (plan, "s5", NULL, day (1, 2, 2027), 20000, PL_SPEND_COMMITTED);
  add_spend (plan, "s6", NULL, day (1, 3, 2027), -15000, PL_SPEND_ACTUAL);
  add_spend (plan, "s7", "line-gone", day (5, 3, 2027), 10000, PL_SPEND_ACTUAL);
  add_spend (plan, "s9", NULL, day (15, 12, 2026), 500000, PL_SPEND_ACTUAL);

  add_kpi (plan, "leads", PL_STAGE_LEADS, 10, 10);
  add_kpi (plan, "won", PL_STAGE_NEW_CUSTOMERS, 1, 1);
  add_kpi (plan, "revenue", PL_STAGE_REVENUE, 10000, 0);
  return plan;
}

static void
test_flagged (void)
{
  g_autoptr(PlPlan) plan = new_plan ();
  g_autoptr(PlUnbudgeted) u = pl_unbudgeted_new (plan, NULL);
  static const struct { const char *id; const char *line; gint64 amount; } expected[] = {
    { "s4", NULL, 100000 }, { "s5", NULL, 20000 }, { "s6", NULL, -15000 }, { "s7", NULL, 10000 },
    { "s3", "l1", 30000 },
    { "s10", "l2", 5000 }, { "s11", "l2", 10000 },
  };
  g_autofree char *sentence = NULL, *reason = NULL;

  g_assert_cmpint (u->no_line, ==, 115000);
  g_assert_cmpint (u->no_line_committed, ==, 20000);
  g_assert_cmpint (u->over_lines, ==, 45000);
  g_assert_cmpint (u->total, ==, 160000);
  /* The most over first. */
  g_assert_cmpuint (u->lines->len, ==, 2);
  g_assert_true (g_array_index (u->lines, PlUnbudgetedLine, 0).line == pl_plan_lookup (plan, "l1"));
  g_assert_cmpint (g_array_index (u->lines, PlUnbudgetedLine, 0).planned, ==, 200000);
  g_assert_cmpint (g_array_index (u->lines, PlUnbudgetedLine, 0).booked, ==, 230000);
  g_assert_cmpint (g_array_index (u->lines, PlUnbudgetedLine, 0).over, ==, 30000);
  g_assert_cmpint (g_array_index (u->lines, PlUnbudgetedLine, 1).over, ==, 15000);
  g_assert_cmpuint (u->entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PlUnbudgetedEntry *e = &g_array_index (u->entries, PlUnbudgetedEntry, i);
      g_assert_cmpstr (pl_item_get_id (e->entry), ==, expected[i].id);
      g_assert_true (e->line == (expected[i].line ? pl_plan_lookup (plan, expected[i].line) : NULL));
      g_assert_cmpint (e->amount, ==, expected[i].amount);
    }
  sentence = pl_unbudgeted_describe (plan, u);
  g_assert_nonnull (sentence);
  g_assert_nonnull (strstr (sentence, "beyond the plans of 2 lines"));
  reason = pl_unbudgeted_entry_reason (&g_array_index (u->entries, PlUnbudgetedEntry, 5));
  g_assert_cmpstr (reason, ==, "Beyond the plan of l2");
}

/* The flag agrees with the budget totals the grid shows, and goes when nothing is left. */
static void
test_agrees_with_totals (void)
{
  g_autoptr(PlPlan) plan = new_plan ();
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  PlItem *l1 = pl_plan_lookup (plan, "l1");

  {
    g_autoptr(PlUnbudgeted) u = pl_unbudgeted_new (plan, totals);
    g_assert_cmpint (u->no_line, ==, pl_budget_totals_unbudgeted (totals, -1) + pl_budget_totals_unbudgeted_committed (totals, -1));
    g_assert_cmpint (g_array_index (u->lines, PlUnbudgetedLine, 0).over, ==, -pl_budget_totals_line_remaining (totals, l1, -1));
  }
  /* Spend put on lines, and the lines' plans raised: nothing is unbudgeted. */
  for (const char * const *id = (const char *[]) { "s4", "s5", "s6", "s7", NULL }; *id; id++)
    g_assert_true (pl_plan_set_string (plan, pl_plan_lookup (plan, *id), PL_SPEND_LINE, "l2", NULL));
  g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (l1), 0, 200000, NULL));
  g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (pl_plan_lookup (plan, "l2")), 0, 1000000, NULL));
  /* The totals follow the edits, as the budget page's do. */
  g_assert_true (pl_budget_totals_refresh (totals));
  {
    g_autoptr(PlUnbudgeted) u = pl_unbudgeted_new (plan, totals);
    g_autofree char *sentence = pl_unbudgeted_describe (plan, u);

    g_assert_cmpint (u->total, ==, 0);
    g_assert_cmpuint (u->entries->len, ==, 0);
    g_assert_null (sentence);
  }
}

/* Committed spend is in committed and remaining, never in the actual, CPL, CAC or ROI. */
static void
test_committed_not_spent (void)
{
  g_autoptr(PlPlan) plan = new_plan ();
  PlItem *l1 = pl_plan_lookup (plan, "l1");
  guint32 jan = day (1, 1, 2027), mar = day (1, 3, 2027);
  /* January and February, actual only: 900 + 800 + 400 + 150 + 1,000 = 3,250. */
  double spent = 3250, cpl = pl_figures_cpl (plan, jan, mar), cac = pl_figures_cac (plan, jan, mar);
  double roi = pl_figures_roi (plan, jan, mar);

  {
    g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
    g_assert_cmpint (pl_budget_totals_line_actual (totals, l1, -1), ==, 170000);
    g_assert_cmpint (pl_budget_totals_line_committed (totals, l1, -1), ==, 60000);
    g_assert_cmpint (pl_budget_totals_line_committed (totals, l1, 1), ==, 60000);
    g_assert_cmpint (pl_budget_totals_line_remaining (totals, l1, -1), ==, 200000 - 170000 - 60000);
    /* The plan's committed counts the order on no line too: 600 + 200. */
    g_assert_cmpint (pl_budget_totals_committed (totals, NULL, -1), ==, 80000);
    g_assert_cmpint (pl_budget_totals_remaining (totals, NULL, -1), ==,
                     pl_budget_totals_planned (totals, NULL, -1) - pl_budget_totals_actual (totals, NULL, -1) - 80000);
    g_assert_cmpint (pl_figures_actual_between (plan, jan, mar, FALSE), ==, 325000);
  }
  g_assert_cmpfloat_with_epsilon (cpl, spent / 20, 1e-9);
  /* CAC: acquisition categories only, l1's actual 1,700 over 2 new customers. */
  g_assert_cmpfloat_with_epsilon (cac, 1700.0 / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (roi, (10000 - spent) / spent, 1e-12);

  /* The order of 20 February invoiced: it is spent now, and every figure moves by its 600. */
  g_assert_true (pl_plan_set_int (plan, pl_plan_lookup (plan, "s3"), PL_SPEND_STATUS, PL_SPEND_ACTUAL, NULL));
  g_assert_cmpfloat_with_epsilon (pl_figures_cpl (plan, jan, mar), (spent + 600) / 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (pl_figures_cac (plan, jan, mar), 2300.0 / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (pl_figures_roi (plan, jan, mar), (10000 - spent - 600) / (spent + 600), 1e-12);
  {
    g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
    g_autoptr(PlUnbudgeted) u = pl_unbudgeted_new (plan, totals);
    g_assert_cmpint (pl_budget_totals_line_committed (totals, l1, -1), ==, 0);
    g_assert_cmpint (pl_budget_totals_line_actual (totals, l1, -1), ==, 230000);
    /* Still 300 over: an order beyond the plan was already unbudgeted before its invoice. */
    g_assert_cmpint (u->over_lines, ==, 45000);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/unbudgeted/flagged", test_flagged);
  g_test_add_func ("/unbudgeted/agrees-with-totals", test_agrees_with_totals);
  g_test_add_func ("/unbudgeted/committed-not-spent", test_committed_not_spent);
  return g_test_run ();
}
