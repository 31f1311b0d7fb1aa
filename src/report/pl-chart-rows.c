/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chart-rows"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-campaign-ranking-chart.h"
#include "pl-chart-draw.h"
#include "pl-chart-rows.h"
#include "pl-dashboard.h"
#include "pl-figures.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-records.h"
#include "pl-scenario-chart.h"

void
pl_chart_rows_add (GPtrArray *rows, ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;
  const char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, cell);
  va_end (args);
  g_ptr_array_add (rows, g_strv_builder_end (builder));
}

static char *
money (PlPlan *plan, gint64 amount)
{
  return pl_money_format (amount, pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
}

static char *
kpi_figure (PlKpi *kpi, double value)
{
  return isnan (value) ? g_strdup ("—") : pl_kpi_value_format (kpi, value);
}

/* The month the dashboard shows, as [from, to). */
static void
latest_month (PlPlan *plan, guint32 today, guint32 *from, guint32 *to)
{
  GDate date;

  g_date_set_julian (&date, pl_dashboard_resolve_as_of (plan, today));
  g_date_set_day (&date, 1);
  *from = g_date_get_julian (&date);
  g_date_add_months (&date, 1);
  *to = g_date_get_julian (&date);
}

void
pl_chart_rows_chain (PlPlan *plan, guint32 today, GPtrArray *rows)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  guint32 from, to;

  latest_month (plan, today, &from, &to);
  pl_chart_rows_add (rows, _("KPI"), _("Latest"), _("Target"), _("Status"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);
      g_autofree char *latest = kpi_figure (kpi, pl_figures_kpi_value (plan, kpi, from, to));
      g_autofree char *target = kpi_figure (kpi, pl_figures_kpi_target (plan, kpi, from, to));

      /* The words of the one status rule, as the charts, the report and the CLI say them. */
      pl_chart_rows_add (rows, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), latest, target,
                         pl_kpi_status_describe (pl_figures_kpi_status (plan, kpi, from, to)), NULL);
    }
}

void
pl_chart_rows_funnel (PlPlan *plan, guint32 today, GPtrArray *rows)
{
  /* The same months as the chart it stands for: the dashboard's measured months. */
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, pl_dashboard_resolve_as_of (plan, today));
  PlFunnelStage stages[PL_FUNNEL_MAX_STAGES];
  guint n = pl_figures_funnel (plan, &dashboard->measured_basis, stages);

  pl_chart_rows_add (rows, _("Stage"), _("Actual"), C_("planned figure", "Plan"), _("Rate"), NULL);
  for (guint i = 0; i < n; i++)
    {
      PlKpi *kpi = stages[i].kpi;
      g_autofree char *actual_text = kpi_figure (kpi, stages[i].actual.value);
      g_autofree char *plan_text = kpi_figure (kpi, stages[i].target.value);
      g_autofree char *rate = isnan (stages[i].rate.value) ? g_strdup ("—") : pl_percent_format (stages[i].rate.value * 100, 1);

      pl_chart_rows_add (rows, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), actual_text, plan_text, rate, NULL);
    }
}

void
pl_chart_rows_months (PlPlan *plan, guint32 today, GPtrArray *rows)
{
  GDate date;

  pl_chart_rows_add (rows, _("Month"), _("Planned"), _("Actual"), NULL);
  g_date_set_julian (&date, pl_plan_get_start (plan));
  for (guint m = 0; m < pl_plan_get_months (plan); m++)
    {
      char name[64];
      g_autofree char *planned = money (plan, pl_figures_planned (plan, (int) m));
      g_autofree char *actual = money (plan, pl_figures_actual (plan, (int) m));

      g_date_strftime (name, sizeof name, "%B %Y", &date);
      pl_chart_rows_add (rows, name, planned, actual, NULL);
      g_date_add_months (&date, 1);
    }
}

void
pl_chart_rows_categories (PlPlan *plan, guint32 today, GPtrArray *rows)
{
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);

  pl_chart_rows_add (rows, _("Category"), _("Planned"), _("Actual"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PlCategory) category = g_list_model_get_item (categories, i);
      g_autofree char *planned = money (plan, pl_figures_category_planned (plan, category, -1));
      g_autofree char *actual = money (plan, pl_figures_category_actual (plan, category, -1));

      pl_chart_rows_add (rows, pl_item_get_display_name (PL_ITEM (category)), planned, actual, NULL);
    }
}

void
pl_chart_rows_scenarios (PlPlan *plan, guint32 today, GPtrArray *rows)
{
  g_autoptr(GArray) series = pl_scenario_series_new (plan, pl_dashboard_resolve_as_of (plan, today));
  const PlScenarioSeries *base = &g_array_index (series, PlScenarioSeries, 0);
  const PlProjectionRow *measures = pl_scenario_chart_measures;

  pl_chart_rows_add (rows, _("Scenario"), pl_projection_row_name (measures[0]), pl_projection_row_name (measures[1]),
                     pl_projection_row_name (measures[2]), pl_projection_row_name (measures[3]),
                     pl_projection_row_name (measures[4]), pl_projection_row_name (measures[5]), NULL);
  for (guint i = 0; i < series->len; i++)
    {
      const PlScenarioSeries *s = &g_array_index (series, PlScenarioSeries, i);
      char *cells[PL_SCENARIO_CHART_N_MEASURES];

      for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
        cells[k] = pl_scenario_chart_value_text (pl_chart_style_light (), plan, measures[k],
                                                 pl_projection_get (s->projection, measures[k], PL_PROJECTION_TOTAL),
                                                 pl_projection_get (base->projection, measures[k], PL_PROJECTION_TOTAL),
                                                 FALSE);
      pl_chart_rows_add (rows, s->name, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], NULL);
      for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
        g_free (cells[k]);
    }
}

/* The result a campaign is ranked with: its revenue by ROI, its result on the KPI compared by cost. */
static char *
ranked_result (PlPlan *plan, const PlCampaignRankingLayout *layout, const PlCampaignFigures *figures)
{
  PlFigure result = pl_campaign_ranking_result (layout, figures);
  guint exponent = pl_plan_get_currency_exponent (plan);

  if (layout->options.mode == PL_CAMPAIGN_RANK_ROI)
    return isnan (result.value) ? g_strdup ("—") : money (plan, pl_money_from_major (result.value, exponent));
  return layout->options.kpi != NULL ? kpi_figure (layout->options.kpi, result.value) : g_strdup ("—");
}

void
pl_chart_rows_campaigns (PlPlan *plan, guint32 today, int mode, GPtrArray *rows)
{
  PlBasis basis = pl_campaign_ranking_basis (plan, today);
  g_autoptr(GArray) figures = pl_campaign_figures_all (plan, &basis);
  PlCampaignRankingOptions options = { mode, NULL };
  const PlChartStyle *style = pl_chart_style_light ();
  g_autoptr(PlCampaignRankingLayout) layout = pl_campaign_ranking_layout_new (plan, figures, &options, 900, 460, style);
  g_autofree char *result_title = NULL;

  if (mode == PL_CAMPAIGN_RANK_COST && layout->options.kpi != NULL)
    result_title = g_strdup (pl_item_get_string (PL_ITEM (layout->options.kpi), PL_KPI_NAME));
  pl_chart_rows_add (rows, _("Rank"), _("Campaign"), mode == PL_CAMPAIGN_RANK_ROI ? _("ROI") : _("Cost per result"),
                     _("Spent"), mode == PL_CAMPAIGN_RANK_ROI ? _("Revenue") : result_title ? result_title : _("Result"),
                     NULL);
  for (guint i = 0; i < layout->n_ranked; i++)
    {
      double value;
      const PlCampaignFigures *f = pl_campaign_ranking_layout_nth (layout, i, &value);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *figure = pl_campaign_ranking_value_text (plan, layout, value, style);
      g_autofree char *spent = money (plan, f->spent);
      g_autofree char *result = ranked_result (plan, layout, f);

      pl_chart_rows_add (rows, rank, pl_item_get_string (PL_ITEM (f->campaign), PL_CAMPAIGN_NAME), figure, spent, result,
                         NULL);
    }
  for (guint i = 0; i < figures->len; i++)
    {
      const PlCampaignFigures *f = &g_array_index (figures, PlCampaignFigures, i);
      PlCampaignUnranked why;
      double value;
      g_autofree char *spent = NULL;
      g_autofree char *result = NULL;
      g_autofree char *reason = NULL;

      if (pl_campaign_ranking_layout_ranks (layout, f, &value, &why))
        continue;
      spent = money (plan, f->spent);
      result = ranked_result (plan, layout, f);
      reason = pl_campaign_ranking_unranked_text (layout, why);
      pl_chart_rows_add (rows, "—", pl_item_get_string (PL_ITEM (f->campaign), PL_CAMPAIGN_NAME), reason, spent,
                         result, NULL);
    }
}
