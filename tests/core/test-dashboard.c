/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The leadership dashboard's figures on a plan built for it: the tiles, spend against budget
 * to date, and each reason a campaign needs attention (and the campaigns that do not). */
#include "config.h"

#include <math.h>

#include "pl-dashboard.h"

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
campaign (PlPlan *plan, const char *id, const char *name, PlCampaignStatus status, guint32 end)
{
  PlItem *item = add (plan, PL_TYPE_CAMPAIGN, id);

  pl_item_set_string (item, PL_CAMPAIGN_NAME, name);
  pl_item_set_int (item, PL_CAMPAIGN_STATUS, status);
  pl_item_set_julian (item, PL_CAMPAIGN_END, end);
  return item;
}

static void
test_dashboard (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  guint32 jan = pl_plan_month_start (plan, 0), feb = pl_plan_month_start (plan, 1), mar = pl_plan_month_start (plan, 2);
  PlItem *category = add (plan, PL_TYPE_CATEGORY, "cat");
  PlItem *line = add (plan, PL_TYPE_BUDGET_LINE, "line");
  PlItem *leads = add (plan, PL_TYPE_KPI, "kpi-leads");
  PlItem *hidden = add (plan, PL_TYPE_KPI, "kpi-hidden");
  PlItem *spend, *link, *allocation;
  g_autoptr(PlDashboard) dashboard = NULL;
  gint64 planned[12] = { 100000, 100000, 100000, 100000, 0 };

  pl_item_set_string (category, PL_CATEGORY_NAME, "Paid");
  pl_item_set_string (line, PL_BUDGET_LINE_NAME, "Search");
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, "cat");
  pl_item_set_variant (line, PL_BUDGET_LINE_PLANNED, g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, planned, 12, sizeof (gint64)));
  pl_item_set_string (leads, PL_KPI_NAME, "Leads");
  pl_item_set_int (leads, PL_KPI_STAGE, PL_STAGE_LEADS);
  pl_item_set_int (leads, PL_KPI_DASHBOARD, TRUE);
  pl_item_set_string (hidden, PL_KPI_NAME, "Not on the dashboard");
  /* Leads: on target in January, 30 % short in February, the last month measured. */
  pl_plan_set_point (plan, PL_KPI (leads), PL_SERIES_TARGETS, jan, 100, NULL);
  pl_plan_set_point (plan, PL_KPI (leads), PL_SERIES_MEASUREMENTS, jan, 110, NULL);
  pl_plan_set_point (plan, PL_KPI (leads), PL_SERIES_TARGETS, feb, 100, NULL);
  pl_plan_set_point (plan, PL_KPI (leads), PL_SERIES_MEASUREMENTS, feb, 70, NULL);
  /* The line plans 4,000.00 but spends 5,000.00 in February. */
  spend = add (plan, PL_TYPE_SPEND, "sp");
  pl_item_set_string (spend, PL_SPEND_LINE, "line");
  pl_item_set_julian (spend, PL_SPEND_DATE, feb + 3);
  pl_item_set_int (spend, PL_SPEND_AMOUNT, 500000);

  /* Over budget: draws all of the line, which overspent. */
  campaign (plan, "cmp-over", "Over", PL_STATUS_RUNNING, 0);
  allocation = add (plan, PL_TYPE_ALLOCATION, "al");
  pl_item_set_string (allocation, PL_ALLOCATION_LINE, "line");
  pl_item_set_string (allocation, PL_ALLOCATION_CAMPAIGN, "cmp-over");
  pl_item_set_int (allocation, PL_ALLOCATION_AMOUNT, 400000);
  /* Off target: linked to Leads. */
  campaign (plan, "cmp-off", "Off", PL_STATUS_RUNNING, 0);
  link = add (plan, PL_TYPE_CAMPAIGN_KPI, "ck");
  pl_item_set_string (link, PL_CAMPAIGN_KPI_CAMPAIGN, "cmp-off");
  pl_item_set_string (link, PL_CAMPAIGN_KPI_KPI, "kpi-leads");
  /* Ending soon, and its twin ending too late, one already ended, and one stopped. */
  campaign (plan, "cmp-ending", "Ending", PL_STATUS_RUNNING, feb + 20 + PL_DASHBOARD_ENDING_DAYS);
  campaign (plan, "cmp-later", "Later", PL_STATUS_RUNNING, feb + 21 + PL_DASHBOARD_ENDING_DAYS);
  campaign (plan, "cmp-done", "Done", PL_STATUS_COMPLETED, feb + 25);
  campaign (plan, "cmp-stopped", "Stopped", PL_STATUS_STOPPED, feb + 22);

  /* Opened on a day outside the period, the dashboard shows the last day measured. */
  g_assert_cmpuint (pl_dashboard_as_of (plan, jan - 400), ==, mar - 1);
  g_assert_cmpuint (pl_dashboard_as_of (plan, feb + 20), ==, feb + 20);
  dashboard = pl_dashboard_new (plan, feb + 20);
  g_assert_cmpuint (dashboard->month, ==, feb);
  g_assert_cmpuint (dashboard->tiles->len, ==, 1);
  {
    PlDashboardTile *tile = &g_array_index (dashboard->tiles, PlDashboardTile, 0);
    g_assert_true (tile->kpi == leads);
    g_assert_cmpfloat (tile->value, ==, 70);
    g_assert_cmpfloat (tile->target, ==, 100);
    g_assert_cmpint (tile->status, ==, PL_KPI_STATUS_OFF);
  }
  /* To date is January and February. */
  g_assert_cmpint (dashboard->spend_to_date, ==, 500000);
  g_assert_cmpint (dashboard->budget_to_date, ==, 200000);
  g_assert_cmpint (dashboard->budget, ==, 400000);
  g_assert_true (isnan (dashboard->ltv_cac));

  g_assert_cmpuint (dashboard->attention->len, ==, 3);
  {
    PlAttention *off = dashboard->attention->pdata[0], *over = dashboard->attention->pdata[1];
    PlAttention *ending = dashboard->attention->pdata[2];

    g_assert_cmpstr (pl_item_get_id (off->campaign), ==, "cmp-off");
    g_assert_cmpuint (off->reasons, ==, PL_ATTENTION_OFF_TARGET);
    g_assert_cmpstr (off->text, ==, "“Leads” is off target");
    g_assert_cmpstr (pl_item_get_id (over->campaign), ==, "cmp-over");
    g_assert_cmpuint (over->reasons, ==, PL_ATTENTION_OVER_BUDGET);
    g_assert_cmpstr (over->text, ==, "1\u202F000 EUR over budget");
    g_assert_cmpstr (pl_item_get_id (ending->campaign), ==, "cmp-ending");
    g_assert_cmpstr (ending->text, ==, "ends in 14 days");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dashboard/figures", test_dashboard);
  return g_test_run ();
}
