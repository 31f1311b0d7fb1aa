/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pl-enums.h"
#include "pl-test-round-plan.h"

guint32
pl_test_day (int d, int m, int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

PlItem *
pl_test_add_item (PlPlan *plan, GType type, const char *id)
{
  PlItem *item = g_object_new (type, NULL);

  pl_item_set_id (item, id);
  pl_plan_add (plan, item);
  g_object_unref (item);
  return item;
}

static void
add_measured (PlPlan *plan, const char *id, PlStage stage, PlAggregate aggregate, double value)
{
  PlItem *kpi = pl_test_add_item (plan, PL_TYPE_KPI, id);

  pl_item_set_string (kpi, PL_KPI_NAME, id);
  pl_item_set_int (kpi, PL_KPI_STAGE, stage);
  pl_item_set_int (kpi, PL_KPI_AGGREGATE, aggregate);
  for (int month = 4; month <= 6; month++)
    pl_series_set (pl_kpi_get_measurements (PL_KPI (kpi)), pl_test_day (1, month, 2027), value, NULL);
}

void
pl_test_set_planned (PlPlan *plan, const double planned[12])
{
  gint64 amounts[12];

  for (guint m = 0; m < 12; m++)
    amounts[m] = (gint64) llround (planned[m] * 100);
  pl_item_set_variant (pl_plan_lookup (plan, "line-ads"), PL_BUDGET_LINE_PLANNED,
                       g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, amounts, 12, sizeof (gint64)));
}

PlKpi *
pl_test_add_formula_kpi (PlPlan *plan, const char *id, const char *formula)
{
  PlItem *kpi = pl_test_add_item (plan, PL_TYPE_KPI, id);

  pl_item_set_string (kpi, PL_KPI_NAME, id);
  pl_item_set_int (kpi, PL_KPI_AGGREGATE, PL_AGGREGATE_MEAN);
  pl_item_set_string (kpi, PL_KPI_FORMULA, formula);
  return PL_KPI (kpi);
}

PlPlan *
pl_test_round_plan_new (void)
{
  PlPlan *plan = pl_plan_new ();
  static const double flat[12] = { 10000, 10000, 10000, 10000, 10000, 10000,
                                   10000, 10000, 10000, 10000, 10000, 10000 };
  PlItem *item;

  pl_item_set_julian (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_START, pl_test_day (1, 1, 2027));
  item = pl_test_add_item (plan, PL_TYPE_CATEGORY, "cat-ads");
  pl_item_set_string (item, PL_CATEGORY_NAME, "Ads");
  pl_item_set_int (item, PL_CATEGORY_ACQUISITION, TRUE);
  item = pl_test_add_item (plan, PL_TYPE_CATEGORY, "cat-brand");
  pl_item_set_string (item, PL_CATEGORY_NAME, "Brand");
  pl_item_set_int (item, PL_CATEGORY_ACQUISITION, FALSE);
  item = pl_test_add_item (plan, PL_TYPE_BUDGET_LINE, "line-ads");
  pl_item_set_string (item, PL_BUDGET_LINE_CATEGORY, "cat-ads");
  pl_item_set_string (item, PL_BUDGET_LINE_NAME, "Search ads");
  pl_test_set_planned (plan, flat);

  add_measured (plan, "kpi-spend", PL_STAGE_SPEND, PL_AGGREGATE_SUM, 10000);
  add_measured (plan, "kpi-leads", PL_STAGE_LEADS, PL_AGGREGATE_SUM, 200);
  add_measured (plan, "kpi-mql", PL_STAGE_MQL, PL_AGGREGATE_SUM, 60);
  add_measured (plan, "kpi-sql", PL_STAGE_SQL, PL_AGGREGATE_SUM, 30);
  add_measured (plan, "kpi-new-customers", PL_STAGE_NEW_CUSTOMERS, PL_AGGREGATE_SUM, 6);
  add_measured (plan, "kpi-revenue", PL_STAGE_REVENUE, PL_AGGREGATE_SUM, 30000);
  add_measured (plan, "kpi-customers", PL_STAGE_CUSTOMERS, PL_AGGREGATE_LAST, 100);
  add_measured (plan, "kpi-mrr", PL_STAGE_MRR, PL_AGGREGATE_LAST, 50000);
  add_measured (plan, "kpi-churn", PL_STAGE_CHURN, PL_AGGREGATE_MEAN, 0.02);
  pl_test_add_formula_kpi (plan, "kpi-cpl", "kpi-spend / kpi-leads");
  return plan;
}
