/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The leadership dashboard's figures on the bundled example plan, against figures read off
 * the file by hand: the eight tiles in plan order, LTV:CAC, spend against budget to date, and
 * the one campaign that needs attention. */
#include "config.h"

#include <math.h>

#include "pl-dashboard.h"
#include "pl-plan-file.h"

static PlPlan *
load_example (void)
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
  g_autoptr(PlPlan) plan = load_example ();
  g_autoptr(PlDashboard) dashboard = NULL;
  guint32 as_of = pl_dashboard_as_of (plan, pl_plan_get_start (plan) - 30);
  static const struct { const char *id; double value, target; PlKpiStatus status; } expected[] = {
    { "kpi-leads", 689, 688, PL_KPI_STATUS_GOOD },
    { "kpi-mql", 234, 220, PL_KPI_STATUS_GOOD },
    { "kpi-sql", 84, 77, PL_KPI_STATUS_GOOD },
    { "kpi-new-customers", 11, 9, PL_KPI_STATUS_GOOD },
    { "kpi-mrr", 495487, 496668, PL_KPI_STATUS_CLOSE },
    { "kpi-cpl", 195.70152394775036, 209.30232558139534, PL_KPI_STATUS_GOOD },
    { "kpi-cac", 12258.031818181818, 16000, PL_KPI_STATUS_GOOD },
    { "kpi-ltv-cac", 4.8215476546645837, 3.6182281449893394, PL_KPI_STATUS_GOOD },
  };

  g_assert_cmpuint (as_of, ==, pl_figures_measured_until (plan) - 1);
  dashboard = pl_dashboard_new (plan, as_of);
  /* June 2027 is the last month measured. */
  g_assert_cmpuint (dashboard->month, ==, pl_plan_month_start (plan, 5));
  g_assert_cmpuint (dashboard->tiles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PlDashboardTile *tile = &g_array_index (dashboard->tiles, PlDashboardTile, i);

      g_assert_cmpstr (pl_item_get_id (tile->kpi), ==, expected[i].id);
      g_assert_cmpfloat_with_epsilon (tile->value, expected[i].value, 1e-6);
      g_assert_cmpfloat_with_epsilon (tile->target, expected[i].target, 1e-6);
      g_assert_cmpint (tile->status, ==, expected[i].status);
      g_assert_cmpuint (tile->series->len, ==, 6);
      g_assert_cmpfloat_with_epsilon (g_array_index (tile->series, double, 5), tile->value, 1e-9);
    }
  /* Leads in May, by hand from the file. */
  g_assert_cmpfloat (pl_dashboard_tile_previous (&g_array_index (dashboard->tiles, PlDashboardTile, 0)), ==, 754);
  g_assert_cmpfloat_with_epsilon (dashboard->ltv_cac, 3.3923463762940851, 1e-9);
  /* January to June: 888,017.31 spent of 922,500.00 planned; 1,844,500.00 for the year. */
  g_assert_cmpint (dashboard->spend_to_date, ==, 88801731);
  g_assert_cmpint (dashboard->budget_to_date, ==, 92250000);
  g_assert_cmpint (dashboard->budget, ==, 184450000);
  /* The LinkedIn line ran only "Close faster" from January to June, so all of its spend is
   * that campaign's: 98,222.92 of 98,000.00 allocated. */
  g_assert_cmpuint (dashboard->attention->len, ==, 2);
  {
    PlAttention *entry = dashboard->attention->pdata[0];
    g_assert_cmpstr (pl_item_get_id (entry->campaign), ==, "cmp-close-faster");
    g_assert_cmpuint (entry->reasons, ==, PL_ATTENTION_OVER_BUDGET);
  }
  {
    PlAttention *entry = dashboard->attention->pdata[1];
    g_assert_cmpstr (pl_item_get_id (entry->campaign), ==, "cmp-partners");
    g_assert_cmpuint (entry->reasons, ==, PL_ATTENTION_ENDING_SOON);
    g_assert_cmpstr (entry->text, ==, "ends in 9 days");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dashboard/example", test_example);
  return g_test_run ();
}
