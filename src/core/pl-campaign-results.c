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

PlCampaignKpi *
pl_campaign_link_to (PlPlan *plan, PlCampaign *campaign, PlKpi *kpi)
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

int
pl_campaign_kpi_depth (PlKpi *kpi)
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
      int depth = kpi != NULL ? pl_campaign_kpi_depth (kpi) : 0;
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
  PlAggregate aggregate = kpi != NULL ? (PlAggregate) pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE)
                                      : PL_AGGREGATE_SUM;
  double value;

  /* As pl_figures_kpi() says of an empty basis, so that both read the same. */
  if (basis->to <= basis->from)
    return missing (basis, PL_MISSING_BEFORE_PERIOD, stage);
  if (pl_series_combine (pl_campaign_kpi_get_results (link), basis->from, basis->to, aggregate, &value) == 0)
    return missing (basis, PL_MISSING_NOT_MEASURED, stage);
  return available (basis, value);
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
  gboolean        spend_recorded; /* the plan has spending records (pl_figures_spend_source()) */
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
  context->spend_recorded = pl_figures_spend_source (plan) == PL_SPEND_FROM_RECORDS;
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
  link = pl_campaign_link_to (context->plan, campaign, kpi);
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
  /* Campaigns' spend comes from the spending records: without any (no spend recorded, or
   * only a spend KPI's monthly totals), 0 is not known to be 0, and a cost per lead of 0
   * would read as free leads where the plan's own CPL says not available. */
  if (!context->spend_recorded)
    figures->spent_major = NAN;

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
  else if (isnan (figures->spent_major))
    figures->roi = missing (basis, PL_MISSING_NOT_MEASURED, PL_STAGE_SPEND);
  else if (figures->spent == 0)
    figures->roi = missing (basis, PL_MISSING_ZERO, PL_STAGE_SPEND);
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
      return not_attached_or_none (stage, kpi == NULL || pl_campaign_link_to (plan, figures->campaign, kpi) != NULL,
                                   when);
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
  /* Campaigns' spend is read from the spending records only (see figures_get). */
  if (figure->missing_stage == PL_STAGE_SPEND && pl_figures_spend_source (plan) != PL_SPEND_FROM_RECORDS)
    return g_strdup (_("The plan has no spending records, so the campaign’s spend is not known"));
  if (figure->missing_stage == PL_STAGE_SPEND)
    return g_strdup_printf (_("The campaign’s spend in %s is too large to compute"), when);
  return count_reason != NULL ? g_strdup (count_reason) : pl_figure_reason (plan, figure);
}

/* The plan's KPI a stage figure of PlCampaignFigures is read from. */
static PlKpi *
stage_kpi (PlPlan *plan, PlStage stage)
{
  return stage == PL_STAGE_OPPORTUNITIES ? pipeline_kpi (plan) : pl_figures_kpi_for_stage (plan, stage);
}

char *
pl_campaign_figure_reason (PlPlan *plan, const PlCampaignFigures *figures, const PlFigure *figure)
{
  g_autofree char *count = NULL;
  g_autofree char *when = NULL;

  if (figure->missing == PL_MISSING_NONE && !isnan (figure->value))
    return NULL;
  if (figure == &figures->main_result)
    return main_result_reason (plan, figures, figure);
  if (figure == &figures->leads)
    return stage_reason (plan, figures, figure, stage_kpi (plan, PL_STAGE_LEADS), PL_STAGE_LEADS);
  if (figure == &figures->customers)
    return stage_reason (plan, figures, figure, stage_kpi (plan, PL_STAGE_NEW_CUSTOMERS), PL_STAGE_NEW_CUSTOMERS);
  if (figure == &figures->pipeline)
    return stage_reason (plan, figures, figure, stage_kpi (plan, PL_STAGE_OPPORTUNITIES), PL_STAGE_OPPORTUNITIES);
  if (figure == &figures->revenue)
    return stage_reason (plan, figures, figure, stage_kpi (plan, PL_STAGE_REVENUE), PL_STAGE_REVENUE);
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
      count = stage_reason (plan, figures, &figures->leads, stage_kpi (plan, PL_STAGE_LEADS), PL_STAGE_LEADS);
      when = pl_basis_describe (plan, &figure->basis);
      /* Translators: "No leads in June 2027: there is no cost per lead" */
      return cost_reason (plan, figure, g_strdup_printf (_("No leads in %s: there is no cost per lead"), when),
                          count);
    }
  if (figure == &figures->cost_per_customer)
    {
      count = stage_reason (plan, figures, &figures->customers, stage_kpi (plan, PL_STAGE_NEW_CUSTOMERS), PL_STAGE_NEW_CUSTOMERS);
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
      return stage_reason (plan, figures, &figures->revenue, stage_kpi (plan, PL_STAGE_REVENUE), PL_STAGE_REVENUE);
    }
  return pl_figure_reason (plan, figure);
}

/* The spans of @basis, month by month, in which @kpi has a measured figure: a campaign's
 * results in a month the KPI was not measured in (an export a month behind the CRM's) have
 * nothing to be compared with, and would make an over-attribution that is none. A quarterly
 * KPI is measured for its quarter, not month by month: the whole basis. */
static GArray *
measured_spans (PlPlan *plan, PlKpi *kpi, const PlBasis *basis)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PlBasis));

  if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_FREQUENCY) == PL_FREQUENCY_QUARTERLY)
    {
      g_array_append_val (spans, *basis);
      return spans;
    }
  for (guint32 day = basis->from; day < basis->to;)
    {
      PlBasis month = pl_basis_month_of (plan, day);
      PlBasis span = pl_basis_range (MAX (month.from, basis->from), MIN (month.to, basis->to));

      if (month.to <= day)
        break;
      if (pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, &span).missing == PL_MISSING_NONE)
        g_array_append_val (spans, span);
      day = month.to;
    }
  return spans;
}

void
pl_kpi_attribution_get (PlPlan *plan, PlKpi *kpi, const PlBasis *basis, PlKpiAttribution *attribution)
{
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  guint n = g_list_model_get_n_items (links);
  const char *id = pl_item_get_id (PL_ITEM (kpi));
  g_autoptr(GHashTable) campaigns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) spans = NULL;

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
  /* Without the KPI's own figure, every result counts, as nothing is compared. */
  if (isnan (attribution->total))
    g_array_append_val ((spans = g_array_new (FALSE, FALSE, sizeof (PlBasis))), *basis);
  else
    spans = measured_spans (plan, kpi, basis);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);

      if (g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI), id) != 0)
        continue;
      for (guint j = 0; j < spans->len; j++)
        {
          PlFigure result = link_result (PL_CAMPAIGN_KPI (link), kpi, &g_array_index (spans, PlBasis, j));

          if (isnan (result.value))
            continue;
          attribution->attributed += result.value;
          g_hash_table_add (campaigns, (gpointer) pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN));
        }
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

static gint64 planned_from (PlItem *line, guint first);

/* A campaign that may give or receive in a hint. */
typedef struct {
  PlCampaign *campaign;
  double      cpl;        /* major units, above 0 */
  gint64      unspent;    /* allocated - spent over the whole period, what it can give */
  gint64      capacity;   /* its allocation, less what earlier hints gave it */
  double      potential;  /* the most it could gain as giver or receiver, to pick candidates */
  gboolean    gave, received;
  GArray     *lines;      /* a giver's allocations: Piece, made for the candidates kept */
  PlItem     *line;       /* a receiver's main line (its largest allocation's), or NULL */
  gint64      largest;
} Candidate;

/* One allocation of a giver: its line and amount. */
typedef struct {
  PlItem *line;
  gint64  amount;
} Piece;

static void
candidate_clear (gpointer data)
{
  Candidate *c = data;

  g_clear_pointer (&c->lines, g_array_unref);
}

/* Fills the givers' allocations and the receivers' main lines, in one pass over the plan's
 * allocations (twenty thousand campaigns: never a pass per campaign). */
static void
candidates_fill (PlPlan *plan, GArray *givers, GArray *receivers)
{
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);
  g_autoptr(GHashTable) giving = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) taking = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < givers->len; i++)
    {
      Candidate *c = &g_array_index (givers, Candidate, i);
      c->lines = g_array_new (FALSE, FALSE, sizeof (Piece));
      g_hash_table_insert (giving, (gpointer) pl_item_get_id (PL_ITEM (c->campaign)), c);
    }
  for (guint i = 0; i < receivers->len; i++)
    {
      Candidate *c = &g_array_index (receivers, Candidate, i);
      c->largest = -1;
      g_hash_table_insert (taking, (gpointer) pl_item_get_id (PL_ITEM (c->campaign)), c);
    }
  for (guint i = 0, n = g_list_model_get_n_items (allocations); i < n; i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      const char *campaign = pl_item_get_string (allocation, PL_ALLOCATION_CAMPAIGN);
      PlItem *line = pl_plan_lookup (plan, pl_item_get_string (allocation, PL_ALLOCATION_LINE));
      gint64 amount = pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);
      Candidate *c;

      if (campaign == NULL || line == NULL || !PL_IS_BUDGET_LINE (line))
        continue;
      if ((c = g_hash_table_lookup (giving, campaign)) != NULL)
        {
          Piece piece = { line, amount };
          g_array_append_val (c->lines, piece);
        }
      if ((c = g_hash_table_lookup (taking, campaign)) != NULL && amount > c->largest)
        {
          c->largest = amount;
          c->line = line;
        }
    }
}

/* What @giver can give @receiver from month @first on: all it has on the receiver's line (or
 * on any line, for a receiver with none), elsewhere at most what the line still plans, as
 * pl_reallocation_apply() moves those planned amounts with the allocation. */
static gint64
pair_movable (const Candidate *giver, const Candidate *receiver, guint first)
{
  gint64 sum = 0;

  for (guint i = 0; i < giver->lines->len; i++)
    {
      const Piece *piece = &g_array_index (giver->lines, Piece, i);

      if (receiver->line == NULL || receiver->line == piece->line)
        sum = pl_money_sum (sum, piece->amount);
      else
        sum = pl_money_sum (sum, MIN (piece->amount, planned_from (piece->line, first)));
    }
  return sum;
}

/* Among twenty thousand campaigns every pair is too many: the hints are looked for among
 * the givers and receivers with the most to gain (all of them in any plan of fewer). */
#define MAX_CANDIDATES 64

static int
by_potential (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return x->potential < y->potential ? 1 : x->potential > y->potential ? -1 : 0;
}

/* The leads @amount (minor units) buys at @to_cpl instead of @from_cpl. */
static double
leads_gain (gint64 amount, double scale, double from_cpl, double to_cpl)
{
  double major = (double) amount / scale;

  return major / to_cpl - major / from_cpl;
}

/* The what-if of @hint through the chain: the drivers' CPL changed so that the period's
 * leads change by the hint's leads. */
static void
reallocation_effect (PlProjector *projector, const PlDrivers *drivers, const PlProjection *before,
                     PlReallocation *hint)
{
  double spend = pl_projection_get (before, PL_PROJECTION_SPEND, PL_PROJECTION_TOTAL);
  double leads = pl_projection_get (before, PL_PROJECTION_LEADS, PL_PROJECTION_TOTAL);
  g_autoptr(PlDrivers) changed = NULL;
  g_autoptr(PlProjection) after = NULL;

  hint->customers_before = pl_projection_get (before, PL_PROJECTION_CUSTOMERS, PL_PROJECTION_TOTAL);
  hint->cac_before = pl_projection_get (before, PL_PROJECTION_CAC, PL_PROJECTION_TOTAL);
  hint->customers_after = hint->cac_after = NAN;
  if (isnan (spend) || isnan (leads) || spend <= 0 || leads + hint->leads_delta <= 0)
    return;
  changed = pl_drivers_copy (drivers);
  if (!pl_drivers_set (changed, PL_DRIVER_CPL, spend / (leads + hint->leads_delta), NULL))
    return;
  after = pl_projector_forward (projector, changed);
  hint->customers_after = pl_projection_get (after, PL_PROJECTION_CUSTOMERS, PL_PROJECTION_TOTAL);
  hint->cac_after = pl_projection_get (after, PL_PROJECTION_CAC, PL_PROJECTION_TOTAL);
}

/* TRUE when @campaign is planned or running and has not ended before @day. */
static gboolean
still_running (PlCampaign *campaign, guint32 day)
{
  PlCampaignStatus status = pl_item_get_int (PL_ITEM (campaign), PL_CAMPAIGN_STATUS);
  guint32 end = pl_item_get_julian (PL_ITEM (campaign), PL_CAMPAIGN_END);

  if (status != PL_STATUS_PLANNED && status != PL_STATUS_RUNNING)
    return FALSE;
  /* The end day is the campaign's last: one ending on the basis's last day still counts. */
  return end == 0 || end + 1 >= day;
}

/* The first month of @plan's period that starts on or after @day. */
static guint
first_month_from (PlPlan *plan, guint32 day)
{
  guint first = 0;

  while (first < pl_plan_get_months (plan) && day > 0 && pl_plan_month_start (plan, first) < day)
    first++;
  return first;
}

/* @amount rounded down to a figure a CMO would move: whole thousands from 10,000, hundreds
 * from 1,000, whole units below. */
static gint64
round_amount (gint64 amount, guint exponent)
{
  gint64 unit = 1;

  for (guint e = 0; e < exponent; e++)
    unit *= 10;
  if (amount >= 10000 * unit)
    unit *= 1000;
  else if (amount >= 1000 * unit)
    unit *= 100;
  return amount / unit * unit;
}

GArray *
pl_campaign_reallocations (PlPlan *plan, const PlBasis *basis, guint max)
{
  GArray *hints = g_array_new (FALSE, TRUE, sizeof (PlReallocation));
  g_autoptr(GArray) figures = NULL;
  g_autoptr(GArray) givers = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(GArray) receivers = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(PlBudgetTotals) totals = NULL;
  g_autoptr(PlProjector) projector = NULL;
  g_autoptr(PlDrivers) drivers = NULL;
  g_autoptr(PlProjection) before = NULL;
  double scale = pow (10, pl_plan_get_currency_exponent (plan));
  double best_cpl = INFINITY, worst_cpl = 0;
  guint exponent = pl_plan_get_currency_exponent (plan);
  guint first = first_month_from (plan, basis->to);

  g_array_set_clear_func (givers, candidate_clear);
  if (max == 0)
    return hints;
  figures = pl_campaign_figures_all (plan, basis);
  totals = pl_budget_totals_new (plan);
  for (guint i = 0; i < figures->len; i++)
    {
      const PlCampaignFigures *f = &g_array_index (figures, PlCampaignFigures, i);
      Candidate candidate = { f->campaign, f->cost_per_lead.value, 0, f->budget, 0, FALSE, FALSE };

      /* A campaign that has spent nothing has a CPL of 0: it says nothing of what more
       * budget would buy there. */
      if (isnan (candidate.cpl) || candidate.cpl <= 0)
        continue;
      candidate.unspent = pl_money_difference (f->budget, pl_budget_totals_campaign_actual (totals, PL_ITEM (f->campaign)));
      best_cpl = MIN (best_cpl, candidate.cpl);
      worst_cpl = MAX (worst_cpl, candidate.cpl);
      if (candidate.unspent > 0 && candidate.unspent != PL_MONEY_OVERFLOW)
        g_array_append_val (givers, candidate);
      /* Budget left in a finished campaign can go elsewhere; only a campaign that will still
       * run after the basis can take more. */
      if (candidate.capacity > 0 && candidate.capacity != PL_MONEY_OVERFLOW &&
          still_running (f->campaign, basis->to))
        g_array_append_val (receivers, candidate);
    }
  for (guint i = 0; i < givers->len; i++)
    {
      Candidate *c = &g_array_index (givers, Candidate, i);
      c->potential = leads_gain (c->unspent, scale, c->cpl, best_cpl);
    }
  for (guint i = 0; i < receivers->len; i++)
    {
      Candidate *c = &g_array_index (receivers, Candidate, i);
      c->potential = leads_gain (c->capacity, scale, worst_cpl, c->cpl);
    }
  g_array_sort (givers, by_potential);
  g_array_sort (receivers, by_potential);
  g_array_set_size (givers, MIN (givers->len, MAX_CANDIDATES));
  g_array_set_size (receivers, MIN (receivers->len, MAX_CANDIDATES));
  candidates_fill (plan, givers, receivers);

  /* Best gain first, taking each time the best pair left: a campaign gives in one hint at
   * most, one that gives never receives (nor the other way), and a receiver takes at most
   * its own allocation over all the hints. */
  while (hints->len < max)
    {
      Candidate *from = NULL, *to = NULL;
      gint64 amount = 0;
      double gain = 0;

      for (guint g = 0; g < givers->len; g++)
        for (guint r = 0; r < receivers->len; r++)
          {
            Candidate *giver = &g_array_index (givers, Candidate, g);
            Candidate *receiver = &g_array_index (receivers, Candidate, r);
            gint64 moved = round_amount (MIN (MIN (giver->unspent, receiver->capacity),
                                              pair_movable (giver, receiver, first)), exponent);
            double leads;

            if (giver->gave || giver->received || receiver->gave || giver->campaign == receiver->campaign ||
                receiver->cpl >= giver->cpl || moved <= 0)
              continue;
            leads = leads_gain (moved, scale, giver->cpl, receiver->cpl);
            if (leads > gain)
              {
                from = giver;
                to = receiver;
                amount = moved;
                gain = leads;
              }
          }
      if (from == NULL)
        break;
      from->gave = TRUE;
      to->capacity -= amount;
      /* The same campaign among the receivers, or the givers, is marked through its twin. */
      for (guint r = 0; r < receivers->len; r++)
        if (g_array_index (receivers, Candidate, r).campaign == from->campaign)
          g_array_index (receivers, Candidate, r).gave = TRUE;
      for (guint g = 0; g < givers->len; g++)
        if (g_array_index (givers, Candidate, g).campaign == to->campaign)
          g_array_index (givers, Candidate, g).received = TRUE;
      {
        PlReallocation hint = { from->campaign, to->campaign, amount, from->cpl, to->cpl, gain,
                                NAN, NAN, NAN, NAN, basis->to };
        g_array_append_val (hints, hint);
      }
    }
  if (hints->len == 0)
    return hints;

  /* The drivers from the history up to the basis' end, as the planning page's. */
  projector = pl_projector_new (plan);
  drivers = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, basis->to > basis->from ? basis->to - 1 : basis->to);
  before = pl_projector_forward (projector, drivers);
  for (guint i = 0; i < hints->len; i++)
    reallocation_effect (projector, drivers, before, &g_array_index (hints, PlReallocation, i));
  return hints;
}

/* Two amounts in major units set side by side ("CAC 1,400 → 1,124 EUR") in one form, as the
 * dashboard writes a cost (pl_kpi_value_format()): whole units from 1,000, else the cents
 * when either has some, for both, so that "200.00 → 33.33" never reads "200 → 33.33". */
static void
money_pair (PlPlan *plan, double a, double b, char **a_text, char **b_text)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  const char *currency = pl_plan_get_currency (plan);
  double values[2] = { a, b };
  char **texts[2] = { a_text, b_text };
  gboolean whole = fmax (fabs (a), fabs (b)) >= 1000 || (a == floor (a) && b == floor (b));

  for (guint i = 0; i < 2; i++)
    {
      gint64 amount = pl_money_from_major (whole ? round (values[i]) : values[i], exponent);
      g_autofree char *plain = NULL;
      g_autofree char *number = NULL;

      if (whole || amount == PL_MONEY_OVERFLOW)
        {
          *texts[i] = pl_money_format (amount, exponent, currency);
          continue;
        }
      plain = pl_money_to_string (amount, exponent);
      number = pl_number_localise (plain, TRUE);
      *texts[i] = pl_money_decorate (number, currency);
    }
}

static char *
count_text (double value)
{
  /* A tenth says something below ten ("about 6.2 more customers"), never when it is ".0". */
  gboolean tenths = fabs (value) < 10 && fabs (value * 10 - round (value) * 10) >= 0.5;
  g_autofree char *plain = g_strdup_printf (tenths ? "%.1f" : "%.0f", value);

  return pl_number_localise (plain, TRUE);
}

char *
pl_reallocation_describe (PlPlan *plan, const PlReallocation *hint)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  g_autofree char *amount = pl_money_format (hint->amount, exponent, pl_plan_get_currency (plan));
  g_autofree char *from_cpl = NULL;
  g_autofree char *to_cpl = NULL;
  g_autofree char *leads = count_text (hint->leads_delta);
  const char *from = pl_item_get_display_name (PL_ITEM (hint->from));
  const char *to = pl_item_get_display_name (PL_ITEM (hint->to));

  money_pair (plan, hint->from_cpl, hint->to_cpl, &from_cpl, &to_cpl);
  if (!isnan (hint->customers_after) && !isnan (hint->customers_before) &&
      !isnan (hint->cac_before) && !isnan (hint->cac_after))
    {
      g_autofree char *customers = count_text (hint->customers_after - hint->customers_before);
      g_autofree char *cac_before = NULL;
      g_autofree char *cac_after = NULL;

      money_pair (plan, hint->cac_before, hint->cac_after, &cac_before, &cac_after);

      /* Translators: "Move 12,000 EUR from Retargeting (CPL 180 EUR) to Webinars (CPL 45 EUR):
       * about 200 more leads, 6 more new customers, CAC 4,100 → 3,800 EUR." */
      return g_strdup_printf (_("Move %s from %s (CPL %s) to %s (CPL %s): about %s more leads, "
                                "%s more new customers, CAC %s → %s."),
                              amount, from, from_cpl, to, to_cpl, leads, customers, cac_before, cac_after);
    }
  /* Translators: "Move 12,000 EUR from Retargeting (CPL 180 EUR) to Webinars (CPL 45 EUR):
   * about 200 more leads." */
  return g_strdup_printf (_("Move %s from %s (CPL %s) to %s (CPL %s): about %s more leads."),
                          amount, from, from_cpl, to, to_cpl, leads);
}

static int
by_amount (gconstpointer a, gconstpointer b)
{
  gint64 x = pl_item_get_int (*(PlItem **) a, PL_ALLOCATION_AMOUNT);
  gint64 y = pl_item_get_int (*(PlItem **) b, PL_ALLOCATION_AMOUNT);

  return x < y ? 1 : x > y ? -1 : 0;
}

static PlItem *
allocation_on (PlPlan *plan, PlCampaign *campaign, const char *line)
{
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);
  guint n = g_list_model_get_n_items (allocations);
  const char *id = pl_item_get_id (PL_ITEM (campaign));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);

      if (g_strcmp0 (pl_item_get_string (allocation, PL_ALLOCATION_CAMPAIGN), id) == 0 &&
          g_strcmp0 (pl_item_get_string (allocation, PL_ALLOCATION_LINE), line) == 0)
        return allocation;
    }
  return NULL;
}

/* The line @campaign has its largest allocation on, or NULL when it has none. */
static const char *
main_line (PlPlan *plan, PlCampaign *campaign)
{
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);
  const char *id = pl_item_get_id (PL_ITEM (campaign));
  const char *line = NULL;
  gint64 most = -1;

  for (guint i = 0, n = g_list_model_get_n_items (allocations); i < n; i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      gint64 amount = pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);

      if (g_strcmp0 (pl_item_get_string (allocation, PL_ALLOCATION_CAMPAIGN), id) == 0 && amount > most)
        {
          most = amount;
          line = pl_item_get_string (allocation, PL_ALLOCATION_LINE);
        }
    }
  return line;
}

/* What @line plans in the months from @first on. */
static gint64
planned_from (PlItem *line, guint first)
{
  gsize n = 0;
  const gint64 *amounts = g_variant_get_fixed_array (pl_item_get_variant (line, PL_BUDGET_LINE_PLANNED),
                                                     &n, sizeof (gint64));
  gint64 sum = 0;

  for (gsize m = first; m < n; m++)
    sum = pl_money_sum (sum, amounts[m]);
  return sum;
}

/* Moves @amount (at most what @from plans from month @first on) of @from's planned amounts in
 * those months to @to's, each month giving in proportion to what it plans. */
static gboolean
move_planned (PlPlan *plan, PlItem *from, PlItem *to, guint first, gint64 amount, GError **error)
{
  guint months = pl_plan_get_months (plan);
  gsize n_from = 0, n_to = 0;
  const gint64 *a = g_variant_get_fixed_array (pl_item_get_variant (from, PL_BUDGET_LINE_PLANNED),
                                               &n_from, sizeof (gint64));
  const gint64 *b = g_variant_get_fixed_array (pl_item_get_variant (to, PL_BUDGET_LINE_PLANNED),
                                               &n_to, sizeof (gint64));
  g_autofree gint64 *give = g_new0 (gint64, months);
  g_autofree gint64 *take = g_new0 (gint64, months);
  gint64 total = planned_from (from, first), left = amount;

  for (guint m = 0; m < months; m++)
    {
      give[m] = m < n_from ? a[m] : 0;
      take[m] = m < n_to ? b[m] : 0;
    }
  for (guint m = first; m < months && total > 0; m++)
    {
      /* In proportion; rounding's leftover comes from the last months below. */
      gint64 part = (gint64) ((double) amount * (double) give[m] / (double) total);

      part = MIN (part, MIN (give[m], left));
      give[m] -= part;
      take[m] += part;
      left -= part;
    }
  for (guint m = months; left > 0 && m-- > first;)
    {
      gint64 part = MIN (give[m], left);

      give[m] -= part;
      take[m] += part;
      left -= part;
    }
  return pl_plan_set_variant (plan, from, PL_BUDGET_LINE_PLANNED,
                              g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, give, months, sizeof (gint64)),
                              error) &&
         pl_plan_set_variant (plan, to, PL_BUDGET_LINE_PLANNED,
                              g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, take, months, sizeof (gint64)),
                              error);
}

/* Gives @moved to @campaign on @line: its allocation there grows, or one is added. */
static gboolean
allocate (PlPlan *plan, PlCampaign *campaign, const char *line, gint64 moved, GError **error)
{
  PlItem *receiving = allocation_on (plan, campaign, line);
  g_autoptr(PlItem) added = NULL;

  if (receiving != NULL)
    return pl_plan_set_int (plan, receiving, PL_ALLOCATION_AMOUNT,
                            pl_item_get_int (receiving, PL_ALLOCATION_AMOUNT) + moved, error);
  added = g_object_new (PL_TYPE_ALLOCATION, NULL);
  pl_item_set_string (added, PL_ALLOCATION_LINE, line);
  pl_item_set_string (added, PL_ALLOCATION_CAMPAIGN, pl_item_get_id (PL_ITEM (campaign)));
  pl_item_set_int (added, PL_ALLOCATION_AMOUNT, moved);
  pl_plan_add (plan, added);
  return TRUE;
}

gboolean
pl_reallocation_apply (PlPlan *plan, const PlReallocation *hint, GError **error)
{
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);
  guint n = g_list_model_get_n_items (allocations);
  const char *from_id = pl_item_get_id (PL_ITEM (hint->from));
  g_autoptr(GPtrArray) giving = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *to_line = NULL;
  gint64 allocated = 0, left = hint->amount;
  guint first = 0;
  gboolean ok = TRUE;

  if (pl_plan_lookup (plan, from_id) != PL_ITEM (hint->from) ||
      pl_plan_lookup (plan, pl_item_get_id (PL_ITEM (hint->to))) != PL_ITEM (hint->to))
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                           _("One of the two campaigns is no longer in the plan."));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      PlItem *allocation = g_list_model_get_item (allocations, i);

      if (g_strcmp0 (pl_item_get_string (allocation, PL_ALLOCATION_CAMPAIGN), from_id) != 0)
        {
          g_object_unref (allocation);
          continue;
        }
      allocated = pl_money_sum (allocated, pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT));
      g_ptr_array_add (giving, allocation);
    }
  if (hint->amount <= 0 || allocated == PL_MONEY_OVERFLOW || allocated < hint->amount)
    {
      guint exponent = pl_plan_get_currency_exponent (plan);
      g_autofree char *has = pl_money_format (allocated, exponent, pl_plan_get_currency (plan));
      g_autofree char *needs = pl_money_format (hint->amount, exponent, pl_plan_get_currency (plan));

      /* Translators: "“Retargeting” has 7,000 EUR allocated now, less than the 10,000 EUR to move." */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” has %s allocated now, less than the %s to move."),
                   pl_item_get_display_name (PL_ITEM (hint->from)), has, needs);
      return FALSE;
    }
  g_ptr_array_sort (giving, by_amount);
  /* Copied: the receiver's allocations change below. */
  to_line = g_strdup (main_line (plan, hint->to));
  first = first_month_from (plan, hint->from_day);

  pl_plan_begin_group (plan, _("Move Budget Between Campaigns"));
  for (guint i = 0; ok && left > 0 && i < giving->len; i++)
    {
      PlItem *allocation = giving->pdata[i];
      const char *line = pl_item_get_string (allocation, PL_ALLOCATION_LINE);
      PlItem *from_line = pl_plan_lookup (plan, line);
      PlItem *receiving_line = to_line != NULL ? pl_plan_lookup (plan, to_line) : NULL;
      gint64 amount = pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);
      gint64 moved = MIN (amount, left);
      gboolean same_line = receiving_line == NULL || receiving_line == from_line || from_line == NULL;

      if (!same_line)
        moved = MIN (moved, planned_from (from_line, first));
      if (moved <= 0)
        continue;
      /* Taken first, so that the line never holds more allocated than it plans. */
      ok = pl_plan_set_int (plan, allocation, PL_ALLOCATION_AMOUNT, amount - moved, error);
      if (ok && !same_line)
        ok = move_planned (plan, from_line, receiving_line, first, moved, error) &&
             allocate (plan, hint->to, to_line, moved, error);
      else if (ok)
        ok = allocate (plan, hint->to, line, moved, error);
      left -= moved;
    }
  if (ok && left > 0)
    {
      guint exponent = pl_plan_get_currency_exponent (plan);
      g_autofree char *rest = pl_money_format (left, exponent, pl_plan_get_currency (plan));

      /* Translators: "“Retargeting”'s budget lines plan 4,000 EUR too little in the months to come to move it all." */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The budget lines of “%s” plan %s too little in the months to come to move it all."),
                   pl_item_get_display_name (PL_ITEM (hint->from)), rest);
      ok = FALSE;
    }
  return pl_plan_finish_group (plan, ok);
}
