/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Metric hygiene: vanity metrics, KPIs without owner or target, campaigns linked to nothing. */
#include <glib.h>

#include "pl-enums.h"
#include "pl-hygiene.h"
#include "pl-records.h"

static PlItem *
add_kpi (PlPlan *plan, const char *id, const char *name, PlStage stage, const char *formula)
{
  g_autoptr(PlItem) kpi = g_object_new (PL_TYPE_KPI, NULL);

  pl_item_set_id (kpi, id);
  pl_item_set_string (kpi, PL_KPI_NAME, name);
  pl_item_set_int (kpi, PL_KPI_STAGE, stage);
  pl_item_set_string (kpi, PL_KPI_OWNER, "m1");
  pl_item_set_string (kpi, PL_KPI_FORMULA, formula);
  if (formula == NULL)
    pl_series_set (pl_kpi_get_targets (PL_KPI (kpi)), pl_plan_get_start (plan), 100, NULL);
  pl_plan_add (plan, kpi);
  return kpi;
}

static void
add_link (PlPlan *plan, const char *up, const char *down)
{
  g_autoptr(PlItem) link = g_object_new (PL_TYPE_KPI_LINK, NULL);

  pl_item_set_string (link, PL_KPI_LINK_UPSTREAM, up);
  pl_item_set_string (link, PL_KPI_LINK_DOWNSTREAM, down);
  pl_plan_add (plan, link);
}

static char *
describe (GPtrArray *findings)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      PlHygieneFinding *finding = g_ptr_array_index (findings, i);
      g_string_append_printf (text, "%d %s: %s\n", finding->kind, finding->id, finding->message);
    }
  return g_string_free (text, FALSE);
}

static void
test_findings (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlItem) member = g_object_new (PL_TYPE_MEMBER, NULL);
  g_autoptr(PlItem) linked = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  g_autoptr(PlItem) alone = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  g_autoptr(PlItem) campaign_kpi = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *text = NULL;
  PlItem *orphan;

  pl_item_set_id (member, "m1");
  pl_item_set_string (member, PL_MEMBER_NAME, "Ana");
  pl_plan_add (plan, member);
  /* Visitors feed leads; CPL is computed from leads; margin feeds LTV, computed from MRR. */
  add_kpi (plan, "visitors", "Visitors", PL_STAGE_VISITORS, NULL);
  add_kpi (plan, "leads", "Leads", PL_STAGE_LEADS, NULL);
  add_kpi (plan, "spend", "Spend", PL_STAGE_SPEND, NULL);
  add_kpi (plan, "cpl", "CPL", PL_STAGE_NONE, "spend / leads");
  add_kpi (plan, "mrr", "MRR", PL_STAGE_MRR, NULL);
  add_kpi (plan, "margin", "Margin", PL_STAGE_MARGIN, NULL);
  add_kpi (plan, "ltv", "LTV", PL_STAGE_NONE, "mrr * margin");
  add_link (plan, "visitors", "leads");
  add_link (plan, "margin", "ltv");
  /* Followers feed impressions and nothing else: vanity, both. */
  add_kpi (plan, "followers", "Social followers", PL_STAGE_NONE, NULL);
  add_kpi (plan, "impressions", "Impressions", PL_STAGE_IMPRESSIONS, NULL);
  add_link (plan, "followers", "impressions");
  /* No owner, no target. */
  orphan = add_kpi (plan, "nps", "NPS", PL_STAGE_CUSTOMERS, NULL);
  pl_item_set_string (orphan, PL_KPI_OWNER, NULL);
  pl_series_remove (pl_kpi_get_targets (PL_KPI (orphan)), pl_plan_get_start (plan));

  pl_item_set_id (linked, "c1");
  pl_item_set_string (linked, PL_CAMPAIGN_NAME, "Webinars");
  pl_plan_add (plan, linked);
  pl_item_set_id (alone, "c2");
  pl_item_set_string (alone, PL_CAMPAIGN_NAME, "Billboard");
  pl_plan_add (plan, alone);
  pl_item_set_string (campaign_kpi, PL_CAMPAIGN_KPI_CAMPAIGN, "c1");
  pl_item_set_string (campaign_kpi, PL_CAMPAIGN_KPI_KPI, "leads");
  pl_plan_add (plan, campaign_kpi);

  findings = pl_hygiene_check (plan);
  text = describe (findings);
  g_assert_cmpstr (text, ==,
                   "0 followers: “Social followers” leads to no lead or revenue KPI through the chain: is it a vanity metric?\n"
                   "0 impressions: “Impressions” leads to no lead or revenue KPI through the chain: is it a vanity metric?\n"
                   "1 nps: “NPS” has no owner.\n"
                   "2 nps: “NPS” has no target in the plan’s period.\n"
                   "3 c2: The campaign “Billboard” is linked to no KPI.\n");
}

/* Derived KPIs take their targets from their formula's KPIs. */
static void
test_derived_target (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GPtrArray) findings = NULL;

  add_kpi (plan, "leads", "Leads", PL_STAGE_LEADS, NULL);
  add_kpi (plan, "spend", "Spend", PL_STAGE_SPEND, NULL);
  add_kpi (plan, "cpl", "CPL", PL_STAGE_NONE, "spend / leads");
  add_link (plan, "spend", "leads");
  findings = pl_hygiene_check (plan);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* A KPI "spend / new customers" where some spend is not an acquisition cost is not the CAC of
 * the figures: said, naming that category; with every category acquisition, nothing is said. */
static void
test_cac_all_spend (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(PlItem) category = g_object_new (PL_TYPE_CATEGORY, NULL);
  g_autoptr(PlItem) line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  g_autoptr(PlItem) spend = g_object_new (PL_TYPE_SPEND, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  gboolean said = FALSE;

  add_kpi (plan, "spend", "Spend", PL_STAGE_SPEND, NULL);
  add_kpi (plan, "won", "New customers", PL_STAGE_NEW_CUSTOMERS, NULL);
  add_kpi (plan, "cac", "CAC", PL_STAGE_NONE, "spend / won");
  pl_item_set_id (category, "staff");
  pl_item_set_string (category, PL_CATEGORY_NAME, "Staff");
  pl_item_set_int (category, PL_CATEGORY_ACQUISITION, FALSE);
  pl_plan_add (plan, category);
  pl_item_set_id (line, "l");
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, "staff");
  pl_plan_add (plan, line);
  pl_item_set_string (spend, PL_SPEND_LINE, "l");
  pl_item_set_julian (spend, PL_SPEND_DATE, pl_plan_get_start (plan));
  pl_plan_add (plan, spend);
  findings = pl_hygiene_check (plan);
  for (guint i = 0; i < findings->len; i++)
    {
      PlHygieneFinding *finding = g_ptr_array_index (findings, i);
      if (finding->kind == PL_HYGIENE_CAC_ALL_SPEND)
        {
          g_assert_cmpstr (finding->id, ==, "cac");
          g_assert_cmpstr (finding->message, ==, "“CAC” divides all spend by new customers, while CAC counts the "
                                                 "acquisition categories only (“Staff” is not one): the two figures differ.");
          said = TRUE;
        }
    }
  g_assert_true (said);
  g_assert_true (pl_plan_set_int (plan, category, PL_CATEGORY_ACQUISITION, TRUE, NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = pl_hygiene_check (plan);
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpint (((PlHygieneFinding *) g_ptr_array_index (findings, i))->kind, !=, PL_HYGIENE_CAC_ALL_SPEND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hygiene/findings", test_findings);
  g_test_add_func ("/hygiene/derived-target", test_derived_target);
  g_test_add_func ("/hygiene/cac-all-spend", test_cac_all_spend);
  return g_test_run ();
}
