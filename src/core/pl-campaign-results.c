/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-campaign-results.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-drivers.h"
#include "pl-error.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-projection.h"

/* The links of each campaign, made once per change of the links: the list, the chart and
 * summary --json ask for the figures of twenty thousand campaigns at a time, and scanning
 * every link for each would be quadratic. Kept on the plan, made again when the links'
 * collection changes (the borrowed links cannot outlive that). */
typedef struct {
  guint64     serial;
  GHashTable *by_campaign;  /* campaign ID -> GPtrArray of PlCampaignKpi, borrowed */
} LinkIndex;

static void
link_index_free (gpointer data)
{
  LinkIndex *index = data;

  g_hash_table_unref (index->by_campaign);
  g_free (index);
}

static GHashTable *
links_by_campaign (PlPlan *plan)
{
  guint64 serial = pl_plan_get_collection_serial (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  LinkIndex *index = g_object_get_data (G_OBJECT (plan), "pl-campaign-link-index");
  GListModel *links;
  guint n;

  if (index != NULL && index->serial == serial)
    return index->by_campaign;

  index = g_new0 (LinkIndex, 1);
  index->serial = serial;
  index->by_campaign = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);
  links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  n = g_list_model_get_n_items (links);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const char *campaign = pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN);
      GPtrArray *list;

      if (campaign == NULL)
        continue;
      list = g_hash_table_lookup (index->by_campaign, campaign);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          /* The key lives in the link, which the index never outlives. */
          g_hash_table_insert (index->by_campaign, (gpointer) campaign, list);
        }
      g_ptr_array_add (list, link);
    }
  g_object_set_data_full (G_OBJECT (plan), "pl-campaign-link-index", index, link_index_free);
  return index->by_campaign;
}

static GPtrArray *
campaign_links (PlPlan *plan, PlCampaign *campaign)
{
  return g_hash_table_lookup (links_by_campaign (plan), pl_item_get_id (PL_ITEM (campaign)));
}

static PlKpi *
link_kpi (PlPlan *plan, PlCampaignKpi *link)
{
  PlItem *kpi = pl_plan_lookup (plan, pl_item_get_string (PL_ITEM (link), PL_CAMPAIGN_KPI_KPI));

  return kpi != NULL && PL_IS_KPI (kpi) ? PL_KPI (kpi) : NULL;
}

static PlCampaignKpi *
link_to (PlPlan *plan, PlCampaign *campaign, PlKpi *kpi)
{
  GPtrArray *links;

  if (kpi == NULL || (links = campaign_links (plan, campaign)) == NULL)
    return NULL;
  for (guint i = 0; i < links->len; i++)
    if (g_strcmp0 (pl_item_get_string (links->pdata[i], PL_CAMPAIGN_KPI_KPI),
                   pl_item_get_id (PL_ITEM (kpi))) == 0)
      return links->pdata[i];
  return NULL;
}

/* How deep in the funnel a KPI counts, for the main result: 0 when it counts nothing. */
static int
count_depth (PlKpi *kpi)
{
  if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT) != PL_UNIT_COUNT)
    return 0;
  switch ((PlStage) pl_item_get_int (PL_ITEM (kpi), PL_KPI_STAGE))
    {
    case PL_STAGE_NEW_CUSTOMERS: return 7;
    case PL_STAGE_OPPORTUNITIES: return 6;
    case PL_STAGE_SQL: return 5;
    case PL_STAGE_MQL: return 4;
    case PL_STAGE_LEADS: return 3;
    case PL_STAGE_VISITORS: return 2;
    default: return 1;
    }
}

PlCampaignKpi *
pl_campaign_main_link (PlPlan *plan, PlCampaign *campaign)
{
  GPtrArray *links = campaign_links (plan, campaign);
  PlCampaignKpi *best = NULL;
  int best_rank = 0;

  if (links == NULL)
    return NULL;
  for (guint i = 0; i < links->len; i++)
    {
      PlCampaignKpi *link = links->pdata[i];
      PlKpi *kpi = link_kpi (plan, link);
      int depth = kpi != NULL ? count_depth (kpi) : 0;
      int rank;

      if (depth == 0)
        continue;
      /* Results first: a campaign that has brought something is judged on it. */
      rank = depth + (pl_series_get_n (pl_campaign_kpi_get_results (link)) > 0 ? 100 : 0);
      if (rank > best_rank)
        {
          best = link;
          best_rank = rank;
        }
    }
  return best;
}

static PlFigure
available (const PlBasis *basis, double value)
{
  PlFigure figure = { value, PL_MISSING_NONE, PL_STAGE_NONE, *basis };

  return figure;
}

static PlFigure
missing (const PlBasis *basis, PlMissing why, PlStage stage)
{
  PlFigure figure = { NAN, why, stage, *basis };

  return figure;
}

static PlFigure
link_result (PlCampaignKpi *link, PlKpi *kpi, const PlBasis *basis)
{
  PlStage stage = kpi != NULL ? (PlStage) pl_item_get_int (PL_ITEM (kpi), PL_KPI_STAGE) : PL_STAGE_NONE;
  PlSeries *series = pl_campaign_kpi_get_results (link);
  double sum = 0, last = NAN;
  guint count = 0;

  /* As pl_figures_kpi() says of an empty basis, so that both read the same. */
  if (basis->to <= basis->from)
    return missing (basis, PL_MISSING_BEFORE_PERIOD, stage);
  for (guint i = pl_series_lower_bound (series, basis->from); i < pl_series_get_n (series); i++)
    {
      const PlPoint *point = pl_series_get (series, i);

      if (point->julian >= basis->to)
        break;
      sum += point->value;
      last = point->value;
      count++;
    }
  if (count == 0)
    return missing (basis, PL_MISSING_NOT_MEASURED, stage);
  switch (kpi != NULL ? (PlAggregate) pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE) : PL_AGGREGATE_SUM)
    {
    case PL_AGGREGATE_LAST:
      return available (basis, last);
    case PL_AGGREGATE_MEAN:
      return available (basis, sum / count);
    case PL_AGGREGATE_SUM:
    default:
      return available (basis, sum);
    }
}

PlFigure
pl_campaign_link_result (PlPlan *plan, PlCampaignKpi *link, const PlBasis *basis)
{
  return link_result (link, link_kpi (plan, link), basis);
}

/* What figures_get needs of the plan, found once for every campaign. */
typedef struct {
  PlPlan         *plan;
  PlBudgetTotals *totals;
  double          scale;       /* 10^exponent of the plan's currency */
  gboolean        whole_period;
  int             first_month, end_month;  /* the period's months the basis holds: [first, end) */
  PlKpi          *leads, *customers, *pipeline, *revenue;
} Context;

static PlKpi *
pipeline_kpi (PlPlan *plan)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  guint n = g_list_model_get_n_items (kpis);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);

      if (pl_item_get_int (kpi, PL_KPI_STAGE) == PL_STAGE_OPPORTUNITIES &&
          pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_CURRENCY)
        return PL_KPI (kpi);
    }
  return NULL;
}

static void
context_init (Context *context, PlPlan *plan, PlBudgetTotals *totals, const PlBasis *basis)
{
  guint months = pl_plan_get_months (plan);

  context->plan = plan;
  context->totals = totals;
  context->scale = pow (10, pl_plan_get_currency_exponent (plan));
  context->whole_period = basis->from <= pl_plan_get_start (plan) && basis->to >= pl_plan_get_end (plan);
  context->first_month = 0;
  while (context->first_month < (int) months &&
         pl_plan_month_start (plan, context->first_month) < basis->from)
    context->first_month++;
  context->end_month = context->first_month;
  while (context->end_month < (int) months && pl_plan_month_start (plan, context->end_month) < basis->to)
    context->end_month++;
  context->leads = pl_figures_kpi_for_stage (plan, PL_STAGE_LEADS);
  context->customers = pl_figures_kpi_for_stage (plan, PL_STAGE_NEW_CUSTOMERS);
  context->revenue = pl_figures_kpi_for_stage (plan, PL_STAGE_REVENUE);
  context->pipeline = pipeline_kpi (plan);
}

static gint64
spent_over (Context *context, PlCampaign *campaign)
{
  gint64 spent = 0;

  if (context->whole_period)
    return pl_budget_totals_campaign_actual (context->totals, PL_ITEM (campaign));
  for (int month = context->first_month; month < context->end_month; month++)
    spent = pl_money_sum (spent, pl_budget_totals_campaign_actual_month (context->totals,
                                                                         PL_ITEM (campaign), month));
  return spent;
}

/* The campaign's result on @kpi, one of the plan's stage KPIs. */
static PlFigure
stage_result (Context *context, PlCampaign *campaign, PlKpi *kpi, PlStage stage, const PlBasis *basis)
{
  PlCampaignKpi *link;

  if (kpi == NULL)
    return missing (basis, PL_MISSING_NO_KPI, stage);
  link = link_to (context->plan, campaign, kpi);
  if (link == NULL)
    return missing (basis, PL_MISSING_NOT_MEASURED, stage);
  return link_result (link, kpi, basis);
}

/* Spend divided by a count: a result of 0 leaves no cost to speak of. Nothing spent on a
 * campaign with results is a real cost of 0 (a free webinar), not a missing figure. */
static PlFigure
cost_per (double spent_major, const PlFigure *count, PlStage stage, const PlBasis *basis)
{
  if (isnan (count->value))
    return missing (basis, count->missing, count->missing_stage != PL_STAGE_NONE ? count->missing_stage : stage);
  if (count->value == 0)
    return missing (basis, PL_MISSING_ZERO, stage);
  if (isnan (spent_major))
    return missing (basis, PL_MISSING_NOT_MEASURED, PL_STAGE_SPEND);
  return available (basis, spent_major / count->value);
}

static void
figures_get (Context *context, PlCampaign *campaign, const PlBasis *basis, PlCampaignFigures *figures)
{
  PlPlan *plan = context->plan;
  PlStage main_stage = PL_STAGE_NONE;

  memset (figures, 0, sizeof *figures);
  figures->campaign = campaign;
  figures->basis = *basis;
  figures->budget = pl_budget_totals_campaign_allocated (context->totals, PL_ITEM (campaign));
  figures->spent = spent_over (context, campaign);
  figures->spent_major = figures->spent == PL_MONEY_OVERFLOW ? NAN : (double) figures->spent / context->scale;

  figures->main_link = pl_campaign_main_link (plan, campaign);
  figures->main_kpi = figures->main_link != NULL ? link_kpi (plan, figures->main_link) : NULL;
  if (figures->main_link != NULL)
    {
      main_stage = pl_item_get_int (PL_ITEM (figures->main_kpi), PL_KPI_STAGE);
      figures->main_result = link_result (figures->main_link, figures->main_kpi, basis);
      figures->main_expected = pl_item_get_double (PL_ITEM (figures->main_link), PL_CAMPAIGN_KPI_CONTRIBUTION);
    }
  else
    {
      figures->main_result = missing (basis, PL_MISSING_NO_KPI, PL_STAGE_NONE);
      figures->main_expected = NAN;
    }
  figures->main_against = pl_figures_against (figures->main_result.value, figures->main_expected);
  figures->cost_per_result = cost_per (figures->spent_major, &figures->main_result, main_stage, basis);

  figures->leads = stage_result (context, campaign, context->leads, PL_STAGE_LEADS, basis);
  figures->customers = stage_result (context, campaign, context->customers, PL_STAGE_NEW_CUSTOMERS, basis);
  figures->cost_per_lead = cost_per (figures->spent_major, &figures->leads, PL_STAGE_LEADS, basis);
  figures->cost_per_customer = cost_per (figures->spent_major, &figures->customers,
                                         PL_STAGE_NEW_CUSTOMERS, basis);
  figures->pipeline = stage_result (context, campaign, context->pipeline, PL_STAGE_OPPORTUNITIES, basis);
  figures->revenue = stage_result (context, campaign, context->revenue, PL_STAGE_REVENUE, basis);

  if (isnan (figures->revenue.value))
    figures->roi = missing (basis, figures->revenue.missing, PL_STAGE_REVENUE);
  else if (figures->spent == 0)
    figures->roi = missing (basis, PL_MISSING_ZERO, PL_STAGE_SPEND);
  else if (isnan (figures->spent_major))
    figures->roi = missing (basis, PL_MISSING_NOT_MEASURED, PL_STAGE_SPEND);
  else
    figures->roi = available (basis, (figures->revenue.value - figures->spent_major) / figures->spent_major);
}

void
pl_campaign_figures_get (PlPlan *plan, PlBudgetTotals *totals, PlCampaign *campaign,
                         const PlBasis *basis, PlCampaignFigures *figures)
{
  g_autoptr(PlBudgetTotals) own = NULL;
  Context context;

  if (totals == NULL)
    totals = own = pl_budget_totals_new (plan);
  context_init (&context, plan, totals, basis);
  figures_get (&context, campaign, basis, figures);
}

GArray *
pl_campaign_figures_all (PlPlan *plan, const PlBasis *basis)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  guint n = g_list_model_get_n_items (campaigns);
  GArray *all = g_array_sized_new (FALSE, TRUE, sizeof (PlCampaignFigures), n);
  Context context;

  context_init (&context, plan, totals, basis);
  g_array_set_size (all, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);

      figures_get (&context, PL_CAMPAIGN (campaign), basis, &g_array_index (all, PlCampaignFigures, i));
    }
  return all;
}

/* Why a figure read from one of the plan's stage KPIs (@stage) is missing, in words. */
static char *
not_attached_or_none (PlStage stage, gboolean attached, const char *when)
{
  switch (stage)
    {
    case PL_STAGE_LEADS:
      /* Translators: "No leads recorded for this campaign in Q2 2027" */
      return attached ? g_strdup_printf (_("No leads recorded for this campaign in %s"), when)
                      : g_strdup (_("The campaign is not attached to a leads KPI"));
    case PL_STAGE_NEW_CUSTOMERS:
      return attached ? g_strdup_printf (_("No new customers recorded for this campaign in %s"), when)
                      : g_strdup (_("The campaign is not attached to a new customers KPI"));
    case PL_STAGE_OPPORTUNITIES:
      return attached ? g_strdup_printf (_("No pipeline recorded for this campaign in %s"), when)
                      : g_strdup (_("The campaign is not attached to the pipeline KPI"));
    case PL_STAGE_REVENUE:
    default:
      return attached ? g_strdup_printf (_("No revenue recorded for this campaign in %s"), when)
                      : g_strdup (_("The campaign is not attached to a revenue KPI"));
    }
}

static const char *
no_stage_kpi (PlStage stage)
{
  switch (stage)
    {
    case PL_STAGE_LEADS: return _("The plan has no leads KPI");
    case PL_STAGE_NEW_CUSTOMERS: return _("The plan has no new customers KPI");
    case PL_STAGE_OPPORTUNITIES: return _("The plan has no pipeline KPI (opportunities counted in money)");
    case PL_STAGE_REVENUE:
    default: return _("The plan has no revenue KPI");
    }
}

static char *
stage_reason (PlPlan *plan, const PlCampaignFigures *figures, const PlFigure *figure, PlKpi *kpi,
              PlStage stage)
{
  g_autofree char *when = pl_basis_describe (plan, &figure->basis);

  switch (figure->missing)
    {
    case PL_MISSING_NONE:
      return NULL;
    case PL_MISSING_NO_KPI:
      return g_strdup (no_stage_kpi (stage));
    case PL_MISSING_BEFORE_PERIOD:
      return g_strdup (_("The period has not started yet"));
    case PL_MISSING_NOT_MEASURED:
      return not_attached_or_none (stage, kpi == NULL || link_to (plan, figures->campaign, kpi) != NULL, when);
    default:
      return pl_figure_reason (plan, figure);
    }
}

static char *
main_result_reason (PlPlan *plan, const PlCampaignFigures *figures, const PlFigure *figure)
{
  g_autofree char *when = pl_basis_describe (plan, &figure->basis);

  switch (figure->missing)
    {
    case PL_MISSING_NONE:
      return NULL;
    case PL_MISSING_NO_KPI:
      return g_strdup (_("The campaign is not attached to a KPI that counts results (leads, customers…)"));
    case PL_MISSING_BEFORE_PERIOD:
      return g_strdup (_("The period has not started yet"));
    case PL_MISSING_NOT_MEASURED:
      /* Translators: "No results typed or imported yet for “Leads” in Q2 2027" */
      return g_strdup_printf (_("No results typed or imported yet for “%s” in %s"),
                              pl_item_get_display_name (PL_ITEM (figures->main_kpi)), when);
    default:
      return pl_figure_reason (plan, figure);
    }
}

/* A cost per something: zero of it, or the reason it is missing. */
static char *
cost_reason (PlPlan *plan, const PlFigure *figure, char *zero, const char *count_reason)
{
  g_autofree char *when = pl_basis_describe (plan, &figure->basis);

  if (figure->missing == PL_MISSING_ZERO && zero != NULL)
    return zero;
  g_free (zero);
  if (figure->missing == PL_MISSING_NONE)
    return NULL;
  if (figure->missing_stage == PL_STAGE_SPEND)
    return g_strdup_printf (_("The campaign’s spend in %s is too large to compute"), when);
  return count_reason != NULL ? g_strdup (count_reason) : pl_figure_reason (plan, figure);
}

char *
pl_campaign_figure_reason (PlPlan *plan, const PlCampaignFigures *figures, const PlFigure *figure)
{
  Context context;
  g_autofree char *count = NULL;
  g_autofree char *when = NULL;

  if (figure->missing == PL_MISSING_NONE && !isnan (figure->value))
    return NULL;
  context_init (&context, plan, NULL, &figures->basis);
  if (figure == &figures->main_result)
    return main_result_reason (plan, figures, figure);
  if (figure == &figures->leads)
    return stage_reason (plan, figures, figure, context.leads, PL_STAGE_LEADS);
  if (figure == &figures->customers)
    return stage_reason (plan, figures, figure, context.customers, PL_STAGE_NEW_CUSTOMERS);
  if (figure == &figures->pipeline)
    return stage_reason (plan, figures, figure, context.pipeline, PL_STAGE_OPPORTUNITIES);
  if (figure == &figures->revenue)
    return stage_reason (plan, figures, figure, context.revenue, PL_STAGE_REVENUE);
  if (figure == &figures->cost_per_result)
    {
      count = main_result_reason (plan, figures, &figures->main_result);
      if (figures->main_kpi == NULL)
        return g_steal_pointer (&count);
      when = pl_basis_describe (plan, &figure->basis);
      if (figure->missing == PL_MISSING_ZERO)
        /* Translators: "“Leads” is 0 in June 2027: there is no cost per result" */
        return g_strdup_printf (_("“%s” is 0 in %s: there is no cost per result"),
                                pl_item_get_display_name (PL_ITEM (figures->main_kpi)), when);
      return cost_reason (plan, figure, NULL, count);
    }
  if (figure == &figures->cost_per_lead)
    {
      count = stage_reason (plan, figures, &figures->leads, context.leads, PL_STAGE_LEADS);
      when = pl_basis_describe (plan, &figure->basis);
      /* Translators: "No leads in June 2027: there is no cost per lead" */
      return cost_reason (plan, figure, g_strdup_printf (_("No leads in %s: there is no cost per lead"), when),
                          count);
    }
  if (figure == &figures->cost_per_customer)
    {
      count = stage_reason (plan, figures, &figures->customers, context.customers, PL_STAGE_NEW_CUSTOMERS);
      when = pl_basis_describe (plan, &figure->basis);
      return cost_reason (plan, figure,
                          g_strdup_printf (_("No new customers in %s: there is no cost per customer"), when),
                          count);
    }
  if (figure == &figures->roi)
    {
      when = pl_basis_describe (plan, &figure->basis);
      if (figure->missing == PL_MISSING_ZERO)
        /* Translators: "Nothing spent on it in June 2027" */
        return g_strdup_printf (_("Nothing spent on it in %s"), when);
      if (figure->missing_stage == PL_STAGE_SPEND)
        return cost_reason (plan, figure, NULL, NULL);
      return stage_reason (plan, figures, &figures->revenue, context.revenue, PL_STAGE_REVENUE);
    }
  return pl_figure_reason (plan, figure);
}

void
pl_kpi_attribution_get (PlPlan *plan, PlKpi *kpi, const PlBasis *basis, PlKpiAttribution *attribution)
{
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  guint n = g_list_model_get_n_items (links);
  const char *id = pl_item_get_id (PL_ITEM (kpi));
  g_autoptr(GHashTable) campaigns = g_hash_table_new (g_str_hash, g_str_equal);

  memset (attribution, 0, sizeof *attribution);
  attribution->kpi = kpi;
  attribution->basis = *basis;
  attribution->additive = pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE) == PL_AGGREGATE_SUM;
  if (!attribution->additive)
    {
      attribution->total = attribution->attributed = attribution->unexplained = attribution->over = NAN;
      return;
    }
  attribution->total = pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, basis).value;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      PlFigure result;

      if (g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI), id) != 0)
        continue;
      result = link_result (PL_CAMPAIGN_KPI (link), kpi, basis);
      if (isnan (result.value))
        continue;
      attribution->attributed += result.value;
      g_hash_table_add (campaigns, (gpointer) pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN));
    }
  attribution->n_campaigns = g_hash_table_size (campaigns);
  if (isnan (attribution->total))
    {
      /* Without the KPI's own figure, neither the rest nor the excess is known. */
      attribution->unexplained = attribution->over = NAN;
      return;
    }
  attribution->unexplained = MAX (attribution->total - attribution->attributed, 0);
  attribution->over = MAX (attribution->attributed - attribution->total, 0);
}

char *
pl_kpi_attribution_describe (PlPlan *plan, const PlKpiAttribution *attribution)
{
  g_autofree char *attributed = NULL;
  g_autofree char *total = NULL;
  g_autofree char *name = NULL;

  if (!attribution->additive || attribution->n_campaigns == 0)
    return NULL;
  attributed = pl_kpi_value_format (attribution->kpi, attribution->attributed);
  name = g_utf8_strdown (pl_item_get_display_name (PL_ITEM (attribution->kpi)), -1);
  if (isnan (attribution->total))
    {
      g_autofree char *when = pl_basis_describe (plan, &attribution->basis);

      /* Translators: "Campaigns are credited with 1,240 leads; leads are not measured in June 2027." */
      return g_strdup_printf (_("Campaigns are credited with %s %s; %s are not measured in %s."),
                              attributed, name, name, when);
    }
  total = pl_kpi_value_format (attribution->kpi, attribution->total);
  if (attribution->over > 0)
    {
      g_autofree char *over = pl_kpi_value_format (attribution->kpi, attribution->over);

      /* Translators: "Campaigns are credited with 1,620 leads, 120 more than the 1,500
       * measured (over-attribution)." */
      return g_strdup_printf (_("Campaigns are credited with %s %s, %s more than the %s measured (over-attribution)."),
                              attributed, name, over, total);
    }
  if (attribution->unexplained > 0)
    {
      g_autofree char *rest = pl_kpi_value_format (attribution->kpi, attribution->unexplained);
      g_autofree char *share = pl_percent_format (100 * attribution->unexplained / attribution->total, 0);

      /* Translators: "1,240 of 1,500 leads come from campaigns; 260 (17 %) from no campaign." */
      return g_strdup_printf (_("%s of %s %s come from campaigns; %s (%s) from no campaign."),
                              attributed, total, name, rest, share);
    }
  /* Translators: "All 1,500 leads come from campaigns." */
  return g_strdup_printf (_("All %s %s come from campaigns."), total, name);
}

GArray *
pl_campaign_reallocations (PlPlan *plan, const PlBasis *basis, guint max)
{
  /* Not written yet (first cut): no hint rather than a wrong one. */
  return g_array_new (FALSE, TRUE, sizeof (PlReallocation));
}

char *
pl_reallocation_describe (PlPlan *plan, const PlReallocation *hint)
{
  return NULL;
}

gboolean
pl_reallocation_apply (PlPlan *plan, const PlReallocation *hint, GError **error)
{
  g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                       _("Moving budget between campaigns is not available yet"));
  return FALSE;
}
