/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-maturity-evidence"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-budget-totals.h"
#include "pl-figures.h"
#include "pl-hygiene.h"
#include "pl-maturity-evidence.h"

/* A rating and the plan this far apart (out of 100) tell different stories. */
#define DISAGREEMENT 40

void
pl_evidence_free (PlEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->dimension);
  g_free (evidence->fact);
  g_free (evidence->place);
  g_free (evidence);
}

static void
add (GPtrArray *facts, const char *dimension, double score, const char *place, char *fact)
{
  PlEvidence *evidence = g_new0 (PlEvidence, 1);

  evidence->dimension = g_strdup (dimension);
  evidence->fact = fact;
  evidence->score = CLAMP (score, 0, 100);
  evidence->place = g_strdup (place);
  g_ptr_array_add (facts, evidence);
}

static double
share (guint part, guint whole)
{
  return whole > 0 ? 100.0 * part / whole : 0;
}

GPtrArray *
pl_maturity_evidence (PlPlan *plan)
{
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_evidence_free);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  g_autoptr(GHashTable) linked = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) hygiene = pl_hygiene_check (plan);
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  guint n_campaigns = g_list_model_get_n_items (campaigns), n_kpis = g_list_model_get_n_items (kpis);
  guint vanity = 0, owned_targeted = 0, with_brief = 0, business_tiles = 0, tiles = 0, months_spent = 0;
  guint32 measured = pl_figures_measured_until (plan);
  int last = pl_plan_month_index (plan, measured - 1);

  for (guint i = 0, n = g_list_model_get_n_items (links); i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *campaign = pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN);
      if (campaign != NULL)
        g_hash_table_add (linked, (gpointer) campaign);
    }
  for (guint i = 0; i < hygiene->len; i++)
    vanity += ((PlHygieneFinding *) hygiene->pdata[i])->kind == PL_HYGIENE_VANITY;
  for (guint i = 0; i < n_kpis; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      const char *formula = pl_item_get_string (kpi, PL_KPI_FORMULA);
      gboolean derived = formula != NULL && *formula != '\0';
      gboolean targeted = derived || pl_series_get_n (pl_kpi_get_targets (PL_KPI (kpi))) > 0;

      owned_targeted += pl_item_get_string (kpi, PL_KPI_OWNER) != NULL && targeted;
      if (pl_item_get_int (kpi, PL_KPI_DASHBOARD))
        {
          gint64 stage = pl_item_get_int (kpi, PL_KPI_STAGE);

          tiles++;
          business_tiles += pl_item_get_int (kpi, PL_KPI_LAYER) == PL_LAYER_BUSINESS ||
                            stage == PL_STAGE_LEADS || stage == PL_STAGE_MQL || stage == PL_STAGE_SQL;
        }
    }
  for (guint i = 0; i < n_campaigns; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      const char *success = pl_item_get_string (campaign, PL_CAMPAIGN_SUCCESS);
      with_brief += success != NULL && *success != '\0';
    }
  for (int m = 0; m <= last; m++)
    months_spent += pl_budget_totals_actual (totals, NULL, m) > 0;

  add (facts, "linked", share (g_hash_table_size (linked), n_campaigns), "campaigns",
       g_strdup_printf (ngettext ("%u of %u campaign is linked to a KPI.", "%u of %u campaigns are linked to a KPI.",
                                  n_campaigns), g_hash_table_size (linked), n_campaigns));
  add (facts, "linked", share (n_kpis - vanity, n_kpis), "chain",
       g_strdup_printf (ngettext ("%u of %u KPI leads to a lead or revenue KPI through the chain.",
                                  "%u of %u KPIs lead to a lead or revenue KPI through the chain.", n_kpis),
                        n_kpis - vanity, n_kpis));
  add (facts, "performance", share (owned_targeted, n_kpis), "kpis",
       g_strdup_printf (ngettext ("%u of %u KPI has an owner and a target.", "%u of %u KPIs have an owner and a target.",
                                  n_kpis), owned_targeted, n_kpis));
  add (facts, "performance", tiles == 0 ? 0 : share (business_tiles, tiles), "dashboard",
       tiles == 0 ? g_strdup (_("No KPI is on the leadership dashboard."))
                  : g_strdup_printf (ngettext ("%u of the %u dashboard KPI is a lead or business result.",
                                               "%u of the %u dashboard KPIs are leads or business results.", tiles),
                                     business_tiles, tiles));
  if (last < 0)
    add (facts, "data", 0, "kpis", g_strdup (_("No measurement is recorded for this plan’s period yet.")));
  else
    {
      GDate date;
      char month[64];
      g_date_set_julian (&date, measured - 1);
      g_date_strftime (month, sizeof month, "%B %Y", &date);
      add (facts, "data", 100, "kpis",
           g_strdup_printf (_("Measurements are recorded up to %s."), month));
    }
  add (facts, "ops", last < 0 ? 0 : share (months_spent, (guint) last + 1), "budget",
       g_strdup_printf (ngettext ("Actual spend is recorded for %u of the %u month measured.",
                                  "Actual spend is recorded for %u of the %u months measured.", (guint) MAX (last + 1, 0)),
                        months_spent, (guint) MAX (last + 1, 0)));
  add (facts, "reporting", share (with_brief, n_campaigns), "campaigns",
       g_strdup_printf (ngettext ("%u of %u campaign says in its brief what success looks like.",
                                  "%u of %u campaigns say in their brief what success looks like.", n_campaigns),
                        with_brief, n_campaigns));
  {
    gint64 long_term = pl_budget_totals_horizon_planned (totals, PL_HORIZON_LONG);
    gint64 all = pl_budget_totals_planned (totals, NULL, -1);
    double long_share = all > 0 ? 100.0 * (double) long_term / (double) all : 0;
    /* A portfolio decided on purpose has both kinds of spend; all of one kind is not one. */
    add (facts, "planning", long_share > 0 && long_share < 100 ? 100 : 0, "budget",
         g_strdup_printf (_("%.0f%% of the budget goes to long-term work, %.0f%% to short-term activation."),
                          long_share, 100 - long_share));
  }
  return facts;
}

char *
pl_maturity_disagreement (double rating, const char *dimension, const PlEvidence *evidence)
{
  if (isnan (rating) || fabs (rating - evidence->score) < DISAGREEMENT)
    return NULL;
  if (rating > evidence->score)
    /* Translators: the dimension's title, the team's rating out of 100, then a sentence of
     * fact from the plan */
    return g_strdup_printf (_("“%s” is rated %.0f out of 100, more than the plan shows. %s"),
                            dimension, rating, evidence->fact);
  /* Translators: the dimension's title, the team's rating out of 100, then a sentence of fact
   * from the plan */
  return g_strdup_printf (_("“%s” is rated only %.0f out of 100, though the plan shows more. %s"),
                          dimension, rating, evidence->fact);
}
