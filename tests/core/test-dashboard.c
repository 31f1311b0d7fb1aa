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
  /* 3,997.77 allotted: 1,002.23 over, said rounded as every amount around it is. */
  pl_item_set_int (allocation, PL_ALLOCATION_AMOUNT, 399777);
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

  /* By default the dashboard shows the end of the last month measured, whatever today is. */
  g_assert_cmpuint (pl_dashboard_as_of (plan, jan - 400), ==, mar - 1);
  g_assert_cmpuint (pl_dashboard_as_of (plan, feb + 20), ==, mar - 1);
  dashboard = pl_dashboard_new (plan, feb + 20);
  g_assert_cmpuint (dashboard->month, ==, feb);
  g_assert_cmpuint (dashboard->until, ==, mar);
  g_assert_cmpuint (dashboard->tiles->len, ==, 1);
  {
    PlDashboardTile *tile = &g_array_index (dashboard->tiles, PlDashboardTile, 0);
    g_assert_true (tile->kpi == leads);
    g_assert_cmpfloat (tile->value, ==, 70);
    g_assert_cmpfloat (tile->target, ==, 100);
    g_assert_cmpint (tile->status, ==, PL_KPI_STATUS_OFF);
    /* The sparkline runs from January to the month shown. */
    g_assert_cmpuint (tile->series->len, ==, 2);
    g_assert_cmpfloat (g_array_index (tile->series, double, 0), ==, 110);
    g_assert_cmpfloat (g_array_index (tile->series, double, 1), ==, 70);
    g_assert_cmpfloat (pl_dashboard_tile_previous (tile), ==, 110);
  }
  /* To date is January and 21 days of February's 28: the plan to the same day. */
  g_assert_cmpint (dashboard->spend_to_date, ==, 500000);
  g_assert_cmpint (dashboard->budget_to_date, ==, 100000 + 75000);
  g_assert_cmpfloat_with_epsilon (dashboard->used.value, 5000.0 / 1750.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (dashboard->used_of_period.value, 5000.0 / 4000.0, 1e-12);
  g_assert_cmpint (dashboard->to_date.kind, ==, PL_BASIS_TO_DATE);
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
    g_assert_cmpstr (over->text, ==, "1\u202F002\u00A0EUR over budget");
    /* Share-safe words say by how much without an amount. */
    g_assert_true (g_str_has_suffix (over->share_text, "% over budget"));
    g_assert_null (strstr (over->share_text, "EUR"));
    g_assert_cmpstr (ending->share_text, ==, ending->text);
    g_assert_cmpstr (pl_item_get_id (ending->campaign), ==, "cmp-ending");
    g_assert_cmpstr (ending->text, ==, "ends in 14 days");
  }

  /* As of a day in January, the dashboard shows January even though February is measured:
   * Leads on target, a one-point sparkline, January's budget and spend, and Ending far off. */
  g_clear_pointer (&dashboard, pl_dashboard_free);
  dashboard = pl_dashboard_new (plan, jan + 10);
  g_assert_cmpuint (dashboard->month, ==, jan);
  g_assert_cmpuint (dashboard->until, ==, feb);
  {
    PlDashboardTile *tile = &g_array_index (dashboard->tiles, PlDashboardTile, 0);
    g_assert_cmpfloat (tile->value, ==, 110);
    g_assert_cmpint (tile->status, ==, PL_KPI_STATUS_GOOD);
    g_assert_cmpuint (tile->series->len, ==, 1);
    g_assert_true (isnan (pl_dashboard_tile_previous (tile)));
  }
  g_assert_cmpint (dashboard->spend_to_date, ==, 0);
  /* 11 days of January's 31. */
  g_assert_cmpint (dashboard->budget_to_date, ==, 35484);
  /* Leads were on target in January, and the overspend is booked in February. */
  for (guint i = 0; i < dashboard->attention->len; i++)
    {
      PlAttention *entry = dashboard->attention->pdata[i];
      g_assert_cmpstr (pl_item_get_id (entry->campaign), !=, "cmp-off");
      g_assert_cmpstr (pl_item_get_id (entry->campaign), !=, "cmp-ending");
    }

  /* A campaign ending today still needs a decision; the day after it ended, it no longer
   * shows as ending. */
  g_clear_pointer (&dashboard, pl_dashboard_free);
  dashboard = pl_dashboard_new (plan, feb + 20 + PL_DASHBOARD_ENDING_DAYS);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < dashboard->attention->len; i++)
      {
        PlAttention *entry = dashboard->attention->pdata[i];
        if (g_str_equal (pl_item_get_id (entry->campaign), "cmp-ending"))
          {
            g_assert_cmpstr (entry->text, ==, "ends today");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* Before the period: nothing is measured, no campaign is judged against a KPI, and the
   * spend already booked for the period shows (February's, booked ahead). */
  g_clear_pointer (&dashboard, pl_dashboard_free);
  dashboard = pl_dashboard_new (plan, jan - 20);
  g_assert_true (dashboard->before_period);
  g_assert_false (dashboard->measured);
  g_assert_cmpint (dashboard->spend_to_date, ==, 500000);
  g_assert_cmpint (dashboard->to_date.kind, ==, PL_BASIS_PERIOD);
  {
    PlDashboardTile *tile = &g_array_index (dashboard->tiles, PlDashboardTile, 0);
    g_assert_true (isnan (tile->value));
    g_assert_cmpint (tile->status, ==, PL_KPI_STATUS_NO_DATA);
  }
  for (guint i = 0; i < dashboard->attention->len; i++)
    g_assert_false (((PlAttention *) dashboard->attention->pdata[i])->reasons & PL_ATTENTION_OFF_TARGET);
}

/* More than eight KPIs on the dashboard: the first eight in plan order. */
static void
test_max_tiles (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlDashboard) dashboard = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("kpi-%u", i);
      PlItem *kpi = add (plan, PL_TYPE_KPI, id);

      pl_item_set_string (kpi, PL_KPI_NAME, id);
      pl_item_set_int (kpi, PL_KPI_DASHBOARD, i != 1);
    }
  dashboard = pl_dashboard_new (plan, pl_plan_get_start (plan));
  g_assert_cmpuint (dashboard->tiles->len, ==, PL_DASHBOARD_MAX_TILES);
  g_assert_cmpstr (pl_item_get_id (g_array_index (dashboard->tiles, PlDashboardTile, 0).kpi), ==, "kpi-0");
  g_assert_cmpstr (pl_item_get_id (g_array_index (dashboard->tiles, PlDashboardTile, 1).kpi), ==, "kpi-2");
  g_assert_cmpstr (pl_item_get_id (g_array_index (dashboard->tiles, PlDashboardTile, 7).kpi), ==, "kpi-8");
  /* Nothing measured: no value, no ratio, nothing spent. */
  g_assert_true (isnan (g_array_index (dashboard->tiles, PlDashboardTile, 0).value));
  g_assert_true (isnan (dashboard->ltv_cac));
  g_assert_cmpint (dashboard->spend_to_date, ==, 0);
  g_assert_cmpuint (dashboard->attention->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dashboard/figures", test_dashboard);
  g_test_add_func ("/dashboard/max-tiles", test_max_tiles);
  return g_test_run ();
}
