/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-hygiene"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-formula.h"
#include "pl-hygiene.h"
#include "pl-records.h"

void
pl_hygiene_finding_free (PlHygieneFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->id);
  g_free (finding->message);
  g_free (finding);
}

G_GNUC_PRINTF (4, 5) static void
add (GPtrArray *findings, PlHygieneKind kind, PlItem *item, const char *format, ...)
{
  PlHygieneFinding *finding = g_new0 (PlHygieneFinding, 1);
  va_list args;

  va_start (args, format);
  finding->message = g_strdup_vprintf (format, args);
  va_end (args);
  finding->kind = kind;
  finding->id = g_strdup (pl_item_get_id (item));
  g_ptr_array_add (findings, finding);
}

/* The stages leadership steers by (seed 004): leads and qualified leads, customers, revenue. */
static gboolean
is_result_stage (gint64 stage)
{
  switch (stage)
    {
    case PL_STAGE_LEADS:
    case PL_STAGE_MQL:
    case PL_STAGE_SQL:
    case PL_STAGE_OPPORTUNITIES:
    case PL_STAGE_NEW_CUSTOMERS:
    case PL_STAGE_CUSTOMERS:
    case PL_STAGE_REVENUE:
    case PL_STAGE_MRR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Records that @from being connected makes @to connected too. */
static void
add_edge (GHashTable *edges, const char *from, const char *to)
{
  GPtrArray *targets = g_hash_table_lookup (edges, from);

  if (targets == NULL)
    {
      targets = g_ptr_array_new ();
      g_hash_table_insert (edges, (gpointer) from, targets);
    }
  g_ptr_array_add (targets, (gpointer) to);
}

/* A KPI matters when it is a lead or revenue KPI, feeds one through the chain, is computed
 * from one (CPL, a conversion rate) or goes into the formula of one that matters: what the
 * result KPIs reach along those ties, each followed once (a chain of 100,000 formulas in
 * any order takes one walk, where passes until nothing changes took one pass per link). */
static GHashTable *
connected_kpis (PlPlan *plan)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_KPI_LINKS);
  GHashTable *connected = g_hash_table_new (g_str_hash, g_str_equal);
  /* ID -> the IDs it connects (all strings held by the plan's records) */
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *up = pl_item_get_string (link, PL_KPI_LINK_UPSTREAM);
      const char *down = pl_item_get_string (link, PL_KPI_LINK_DOWNSTREAM);
      PlItem *upstream = up ? pl_plan_lookup (plan, up) : NULL;

      if (upstream != NULL && down != NULL)
        add_edge (edges, down, pl_item_get_id (upstream));
    }
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      const char *text = pl_item_get_string (kpi, PL_KPI_FORMULA);
      g_autoptr(PlFormula) formula = NULL;
      const char * const *refs;

      if (is_result_stage (pl_item_get_int (kpi, PL_KPI_STAGE)) &&
          g_hash_table_add (connected, (gpointer) pl_item_get_id (kpi)))
        g_ptr_array_add (queue, (gpointer) pl_item_get_id (kpi));
      if (text == NULL || (formula = pl_formula_parse (text, NULL)) == NULL)
        continue;
      refs = pl_formula_get_references (formula);
      for (guint r = 0; refs[r] != NULL; r++)
        {
          PlItem *operand = pl_plan_lookup (plan, refs[r]);

          /* What a KPI that matters is computed from matters too (spend, for CAC), and a
           * KPI computed from one that matters matters. */
          if (operand != NULL)
            {
              add_edge (edges, pl_item_get_id (kpi), pl_item_get_id (operand));
              add_edge (edges, pl_item_get_id (operand), pl_item_get_id (kpi));
            }
        }
    }
  for (guint head = 0; head < queue->len; head++)
    {
      GPtrArray *targets = g_hash_table_lookup (edges, g_ptr_array_index (queue, head));

      for (guint t = 0; targets != NULL && t < targets->len; t++)
        if (g_hash_table_add (connected, g_ptr_array_index (targets, t)))
          g_ptr_array_add (queue, g_ptr_array_index (targets, t));
    }
  return connected;
}

/* The first category that is not an acquisition cost, where spending records are the spend:
 * then a KPI computed as spend over new customers is not the CAC the figures give. */
static PlItem *
non_acquisition_category (PlPlan *plan)
{
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);

  if (pl_figures_spend_source (plan) != PL_SPEND_FROM_RECORDS)
    return NULL;
  for (guint i = 0, n = g_list_model_get_n_items (categories); i < n; i++)
    {
      g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
      if (!pl_item_get_int (category, PL_CATEGORY_ACQUISITION))
        return category;  /* held by the plan */
    }
  return NULL;
}

gboolean
pl_hygiene_divides_spend_by_customers (PlPlan *plan, PlItem *kpi)
{
  const char *text = pl_item_get_string (kpi, PL_KPI_FORMULA);
  PlKpi *spend = pl_figures_kpi_for_stage (plan, PL_STAGE_SPEND);
  PlKpi *customers = pl_figures_kpi_for_stage (plan, PL_STAGE_NEW_CUSTOMERS);
  g_autoptr(PlFormula) formula = NULL;
  const char * const *refs;
  gboolean reads_spend = FALSE, reads_customers = FALSE;

  if (text == NULL || spend == NULL || customers == NULL || strchr (text, '/') == NULL)
    return FALSE;
  formula = pl_formula_parse (text, NULL);
  refs = formula ? pl_formula_get_references (formula) : NULL;
  for (guint r = 0; refs != NULL && refs[r] != NULL; r++)
    {
      if (g_str_equal (refs[r], pl_item_get_id (PL_ITEM (spend))))
        reads_spend = TRUE;
      else if (g_str_equal (refs[r], pl_item_get_id (PL_ITEM (customers))))
        reads_customers = TRUE;
      else
        return FALSE;
    }
  return reads_spend && reads_customers;
}

GPtrArray *
pl_hygiene_check (PlPlan *plan)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_hygiene_finding_free);
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *campaign_kpis = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  g_autoptr(GHashTable) connected = connected_kpis (plan);
  g_autoptr(GHashTable) linked = g_hash_table_new (g_str_hash, g_str_equal);
  PlItem *other_costs = non_acquisition_category (plan);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      const char *name = pl_item_get_string (kpi, PL_KPI_NAME);

      if (!g_hash_table_contains (connected, pl_item_get_id (kpi)))
        add (findings, PL_HYGIENE_VANITY, kpi,
             _("“%s” leads to no lead or revenue KPI through the chain: is it a vanity metric?"), name);
      if (pl_item_get_string (kpi, PL_KPI_OWNER) == NULL)
        add (findings, PL_HYGIENE_NO_OWNER, kpi, _("“%s” has no owner."), name);
      if (isnan (pl_figures_kpi_target (plan, PL_KPI (kpi), pl_plan_get_start (plan), pl_plan_get_end (plan))))
        add (findings, PL_HYGIENE_NO_TARGET, kpi, _("“%s” has no target in the plan’s period."), name);
      if (other_costs != NULL && pl_hygiene_divides_spend_by_customers (plan, kpi))
        add (findings, PL_HYGIENE_CAC_ALL_SPEND, kpi,
             _("“%s” divides all spend by new customers, while CAC counts the acquisition categories only "
               "(“%s” is not one): the two figures differ."),
             name, pl_item_get_string (other_costs, PL_CATEGORY_NAME));
    }
  for (guint i = 0; i < g_list_model_get_n_items (campaign_kpis); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (campaign_kpis, i);
      const char *campaign = pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN);
      if (campaign != NULL && pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI) != NULL)
        g_hash_table_add (linked, (gpointer) campaign);
    }
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      if (!g_hash_table_contains (linked, pl_item_get_id (campaign)))
        add (findings, PL_HYGIENE_UNLINKED_CAMPAIGN, campaign, _("The campaign “%s” is linked to no KPI."),
             pl_item_get_string (campaign, PL_CAMPAIGN_NAME));
    }
  return findings;
}
