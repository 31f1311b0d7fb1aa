/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pl-bench-plan.h"
#include "pl-records.h"

static const char *channels[] = { "LinkedIn Ads", "Search ads", "Webinars", "Trade show", "Email", "SEO", "Partners" };

static void
add_kpis (PlPlan *plan, GRand *rand)
{
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 start = pl_plan_get_start (plan) - 365 * 4;
  guint per_kpi = PL_BENCH_MEASUREMENTS / PL_BENCH_KPIS;
  guint extra = PL_BENCH_MEASUREMENTS % PL_BENCH_KPIS;

  for (guint k = 0; k < PL_BENCH_KPIS; k++)
    {
      PlItem *kpi = g_object_new (PL_TYPE_KPI, NULL);
      g_autofree char *id = g_strdup_printf ("kpi-b%03u", k);
      g_autofree char *name = g_strdup_printf ("Benchmark KPI %u", k);
      PlSeries *series = pl_kpi_get_measurements (PL_KPI (kpi));
      guint n = per_kpi + (k < extra ? 1 : 0);

      pl_item_set_id (kpi, id);
      pl_item_set_string (kpi, PL_KPI_NAME, name);
      pl_item_set_int (kpi, PL_KPI_LAYER, k % 3);
      for (guint d = 0; d < n; d++)
        pl_series_set (series, start + d, g_rand_int_range (rand, 0, 100000) / 10.0, d % 7 == 0 ? "CRM" : NULL);
      for (guint m = 0; m < 12; m++)
        pl_series_set (pl_kpi_get_targets (PL_KPI (kpi)), pl_plan_month_start (plan, m), 1000 + m * 10, NULL);
      g_ptr_array_add (kpis, kpi);
    }
  pl_plan_append_loaded (plan, PL_COLLECTION_KPIS, kpis);
}

static void
add_campaigns (PlPlan *plan, GRand *rand)
{
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 start = pl_plan_get_start (plan);

  for (guint c = 0; c < PL_BENCH_CAMPAIGNS; c++)
    {
      PlItem *campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      PlItem *link = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);
      g_autofree char *id = g_strdup_printf ("cmp-%05u", c);
      g_autofree char *link_id = g_strdup_printf ("ck-%05u", c);
      g_autofree char *kpi = g_strdup_printf ("kpi-b%03u", c % PL_BENCH_KPIS);
      g_autofree char *name = g_strdup_printf ("Campaign %u – %s", c, channels[c % G_N_ELEMENTS (channels)]);
      guint32 begin = start + g_rand_int_range (rand, 0, 300);

      pl_item_set_id (campaign, id);
      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, name);
      pl_item_set_string (campaign, PL_CAMPAIGN_CHANNEL, channels[c % G_N_ELEMENTS (channels)]);
      pl_item_set_julian (campaign, PL_CAMPAIGN_START, begin);
      pl_item_set_julian (campaign, PL_CAMPAIGN_END, begin + g_rand_int_range (rand, 7, 60));
      pl_item_set_int (campaign, PL_CAMPAIGN_STATUS, c % 4);
      if (c % 4 == 3)
        pl_item_set_string (campaign, PL_CAMPAIGN_STOP_REASON, "Cost per lead three times the target.");
      pl_item_set_string (campaign, PL_CAMPAIGN_PROBLEM, "Finance teams do not know we exist & lose a week every month.");
      pl_item_set_string (campaign, PL_CAMPAIGN_SUCCESS, "600 leads and 190 MQLs at a CPL under €200.");
      pl_item_set_string (campaign, PL_CAMPAIGN_AUDIENCE, "CFOs of mid-market companies.");
      g_ptr_array_add (campaigns, campaign);

      pl_item_set_id (link, link_id);
      pl_item_set_string (link, PL_CAMPAIGN_KPI_CAMPAIGN, id);
      pl_item_set_string (link, PL_CAMPAIGN_KPI_KPI, kpi);
      pl_item_set_double (link, PL_CAMPAIGN_KPI_CONTRIBUTION, g_rand_int_range (rand, 10, 500));
      g_ptr_array_add (links, link);
    }
  pl_plan_append_loaded (plan, PL_COLLECTION_CAMPAIGNS, campaigns);
  pl_plan_append_loaded (plan, PL_COLLECTION_CAMPAIGN_KPIS, links);
}

PlPlan *
pl_bench_plan_new (void)
{
  PlPlan *plan = pl_plan_new_default ("Benchmark plan");
  g_autoptr(GRand) rand = g_rand_new_with_seed (2027);

  add_kpis (plan, rand);
  add_campaigns (plan, rand);
  pl_plan_mark_saved (plan);
  return plan;
}
