/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-records.h"
#include "pl-test-chain-plan.h"

#define STAGES   10
#define PER_STAGE 30
#define MONTHS   6

PlPlan *
pl_test_chain_plan_new (void)
{
  PlPlan *plan = pl_plan_new ();
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_links = 0;

  for (guint k = 0; k < STAGES * PER_STAGE; k++)
    {
      PlItem *kpi = g_object_new (PL_TYPE_KPI, NULL);
      g_autofree char *id = g_strdup_printf ("k%03u", k);
      g_autofree char *name = g_strdup_printf ("KPI %u", k);

      pl_item_set_id (kpi, id);
      pl_item_set_string (kpi, PL_KPI_NAME, name);
      /* Figures that put some KPIs on target, some close and some off, with a trend. */
      for (guint m = 0; m < MONTHS; m++)
        {
          guint32 month = pl_plan_month_start (plan, m);
          double target = 1000.0 + 10 * k + 50 * m;

          pl_series_set (pl_kpi_get_targets (PL_KPI (kpi)), month, target, NULL);
          pl_series_set (pl_kpi_get_measurements (PL_KPI (kpi)), month,
                         target * (0.8 + 0.05 * ((k + m) % 6)), NULL);
        }
      g_ptr_array_add (kpis, kpi);
      if (k >= PER_STAGE)
        for (guint j = 0; j < 2; j++)
          {
            PlItem *link = g_object_new (PL_TYPE_KPI_LINK, NULL);
            g_autofree char *link_id = g_strdup_printf ("l%u", n_links++);
            g_autofree char *up = g_strdup_printf ("k%03u", (k / PER_STAGE - 1) * PER_STAGE + (k * 7 + j * 13) % PER_STAGE);

            pl_item_set_id (link, link_id);
            pl_item_set_string (link, PL_KPI_LINK_UPSTREAM, up);
            pl_item_set_string (link, PL_KPI_LINK_DOWNSTREAM, id);
            g_ptr_array_add (links, link);
          }
    }
  pl_plan_append_loaded (plan, PL_COLLECTION_KPIS, kpis);
  pl_plan_append_loaded (plan, PL_COLLECTION_KPI_LINKS, links);
  return plan;
}
