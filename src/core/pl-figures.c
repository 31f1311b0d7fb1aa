/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-figures"
#include "config.h"

#include <math.h>

#include "pl-figures.h"
#include "pl-formula.h"
#include "pl-money.h"

gint64
pl_figures_line_planned (PlBudgetLine *line, int month)
{
  GVariant *planned = pl_item_get_variant (PL_ITEM (line), PL_BUDGET_LINE_PLANNED);
  const gint64 *amounts;
  gint64 total = 0;
  gsize n;

  if (planned == NULL)
    return 0;
  amounts = g_variant_get_fixed_array (planned, &n, sizeof (gint64));
  if (month >= 0)
    return (gsize) month < n ? amounts[month] : 0;
  for (gsize i = 0; i < n; i++)
    total += amounts[i];
  return total;
}

static gboolean
line_in (PlItem *line, PlCategory *category)
{
  return category == NULL ||
         g_strcmp0 (pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY),
                    pl_item_get_id (PL_ITEM (category))) == 0;
}

gint64
pl_figures_category_planned (PlPlan *plan, PlCategory *category, int month)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  gint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      if (line_in (line, category))
        total += pl_figures_line_planned (PL_BUDGET_LINE (line), month);
    }
  return total;
}

gint64
pl_figures_planned (PlPlan *plan, int month)
{
  return pl_figures_category_planned (plan, NULL, month);
}

/* Sums spend entries matching the filters; @line and @category may be NULL. */
static gint64
sum_spend (PlPlan *plan, PlItem *line, PlCategory *category, guint32 from, guint32 to,
           gboolean acquisition_only)
{
  GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
  gint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (spend); i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      guint32 date = pl_item_get_julian (entry, PL_SPEND_DATE);
      const char *line_id = pl_item_get_string (entry, PL_SPEND_LINE);
      PlItem *entry_line;

      if (date < from || date >= to)
        continue;
      if (line != NULL && g_strcmp0 (line_id, pl_item_get_id (line)) != 0)
        continue;
      entry_line = pl_plan_lookup (plan, line_id);
      if (category != NULL && (entry_line == NULL || !line_in (entry_line, category)))
        continue;
      if (acquisition_only)
        {
          PlItem *cat = entry_line ? pl_plan_lookup (plan, pl_item_get_string (entry_line, PL_BUDGET_LINE_CATEGORY)) : NULL;
          if (cat == NULL || !pl_item_get_int (cat, PL_CATEGORY_ACQUISITION))
            continue;
        }
      total += pl_item_get_int (entry, PL_SPEND_AMOUNT);
    }
  return total;
}

static void
month_range (PlPlan *plan, int month, guint32 *from, guint32 *to)
{
  if (month < 0)
    {
      *from = pl_plan_get_start (plan);
      *to = pl_plan_get_end (plan);
    }
  else
    {
      *from = pl_plan_month_start (plan, month);
      *to = pl_plan_month_start (plan, month + 1);
    }
}

gint64
pl_figures_line_actual (PlPlan *plan, PlBudgetLine *line, int month)
{
  guint32 from, to;

  month_range (plan, month, &from, &to);
  return sum_spend (plan, PL_ITEM (line), NULL, from, to, FALSE);
}

gint64
pl_figures_category_actual (PlPlan *plan, PlCategory *category, int month)
{
  guint32 from, to;

  month_range (plan, month, &from, &to);
  return sum_spend (plan, NULL, category, from, to, FALSE);
}

gint64
pl_figures_actual (PlPlan *plan, int month)
{
  return pl_figures_category_actual (plan, NULL, month);
}

gint64
pl_figures_actual_between (PlPlan *plan, guint32 from, guint32 to, gboolean acquisition_only)
{
  return sum_spend (plan, NULL, NULL, from, to, acquisition_only);
}

gint64
pl_figures_variance (gint64 planned, gint64 actual)
{
  return actual - planned;
}

double
pl_figures_percent_used (gint64 planned, gint64 actual)
{
  return planned == 0 ? NAN : (double) actual / (double) planned;
}

static gint64
sum_allocations (PlPlan *plan, guint field, PlItem *target)
{
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);
  gint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (allocations); i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      if (g_strcmp0 (pl_item_get_string (allocation, field), pl_item_get_id (target)) == 0)
        total += pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);
    }
  return total;
}

GHashTable *
pl_figures_allocated_by (PlPlan *plan, guint field)
{
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);
  GHashTable *totals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (allocations); i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      const char *id = pl_item_get_string (allocation, field);
      gint64 *total;

      if (id == NULL)
        continue;
      total = g_hash_table_lookup (totals, id);
      if (total == NULL)
        {
          total = g_new0 (gint64, 1);
          /* The key lives as long as the allocation, which the plan holds. */
          g_hash_table_insert (totals, (gpointer) id, total);
        }
      *total += pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);
    }
  return totals;
}

gint64
pl_figures_line_allocated (PlPlan *plan, PlBudgetLine *line)
{
  return sum_allocations (plan, PL_ALLOCATION_LINE, PL_ITEM (line));
}

gint64
pl_figures_campaign_allocated (PlPlan *plan, PlCampaign *campaign)
{
  return sum_allocations (plan, PL_ALLOCATION_CAMPAIGN, PL_ITEM (campaign));
}

gint64
pl_figures_campaign_actual (PlPlan *plan, PlCampaign *campaign)
{
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);
  gint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (allocations); i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      PlItem *line;
      gint64 planned, actual;

      if (g_strcmp0 (pl_item_get_string (allocation, PL_ALLOCATION_CAMPAIGN),
                     pl_item_get_id (PL_ITEM (campaign))) != 0)
        continue;
      line = pl_plan_lookup (plan, pl_item_get_string (allocation, PL_ALLOCATION_LINE));
      if (line == NULL)
        continue;
      planned = pl_figures_line_planned (PL_BUDGET_LINE (line), -1);
      actual = pl_figures_line_actual (plan, PL_BUDGET_LINE (line), -1);
      if (planned > 0)
        total += (gint64) llround ((double) actual *
                                   (double) pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT) /
                                   (double) planned);
    }
  return total;
}

PlKpi *
pl_figures_kpi_for_stage (PlPlan *plan, PlStage stage)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      if (pl_item_get_int (kpi, PL_KPI_STAGE) == stage)
        return PL_KPI (kpi);
    }
  return NULL;
}

typedef struct {
  PlPlan      *plan;
  guint32      from, to;
  PlSeriesKind kind;
  guint        depth;
} Eval;

static double kpi_value (Eval *eval, PlKpi *kpi);

static double
lookup_operand (const char *id, gpointer user_data)
{
  Eval *eval = user_data;
  PlItem *item = pl_plan_lookup (eval->plan, id);

  if (item == NULL || !PL_IS_KPI (item))
    return NAN;
  return kpi_value (eval, PL_KPI (item));
}

static double
kpi_value (Eval *eval, PlKpi *kpi)
{
  const char *formula_text = pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA);
  PlSeries *series;
  PlAggregate aggregate;
  double sum = 0, last = NAN;
  guint count = 0;

  if (formula_text != NULL && *formula_text != '\0')
    {
      g_autoptr(PlFormula) formula = pl_formula_parse (formula_text, NULL);
      double value;

      /* A formula chain deeper than any real plan is a loop through formulas. */
      if (formula == NULL || eval->depth > 32)
        return NAN;
      eval->depth++;
      value = pl_formula_evaluate (formula, lookup_operand, eval);
      eval->depth--;
      return value;
    }

  series = eval->kind == PL_SERIES_TARGETS ? pl_kpi_get_targets (kpi)
                                           : pl_kpi_get_measurements (kpi);
  for (guint i = pl_series_lower_bound (series, eval->from); i < pl_series_get_n (series); i++)
    {
      const PlPoint *point = pl_series_get (series, i);
      if (point->julian >= eval->to)
        break;
      sum += point->value;
      last = point->value;
      count++;
    }
  if (count == 0)
    return NAN;
  aggregate = pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE);
  switch (aggregate)
    {
    case PL_AGGREGATE_LAST:
      return last;
    case PL_AGGREGATE_MEAN:
      return sum / count;
    case PL_AGGREGATE_SUM:
    default:
      return sum;
    }
}

double
pl_figures_kpi_value (PlPlan *plan, PlKpi *kpi, guint32 from, guint32 to)
{
  Eval eval = { plan, from, to, PL_SERIES_MEASUREMENTS, 0 };

  return kpi_value (&eval, kpi);
}

double
pl_figures_kpi_target (PlPlan *plan, PlKpi *kpi, guint32 from, guint32 to)
{
  Eval eval = { plan, from, to, PL_SERIES_TARGETS, 0 };

  return kpi_value (&eval, kpi);
}

double
pl_figures_stage_value (PlPlan *plan, PlStage stage, guint32 from, guint32 to)
{
  PlKpi *kpi = pl_figures_kpi_for_stage (plan, stage);

  return kpi ? pl_figures_kpi_value (plan, kpi, from, to) : NAN;
}

guint32
pl_figures_measured_until (PlPlan *plan)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  guint32 last = 0;
  GDate date;

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      PlSeries *series = pl_kpi_get_measurements (PL_KPI (kpi));
      guint n = pl_series_get_n (series);

      if (n > 0)
        last = MAX (last, pl_series_get (series, n - 1)->julian);
    }
  if (last == 0)
    return pl_plan_get_start (plan);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, last);
  g_date_set_day (&date, 1);
  g_date_add_months (&date, 1);
  return g_date_get_julian (&date);
}

static double
ratio (double numerator, double denominator)
{
  if (isnan (numerator) || isnan (denominator) || denominator == 0)
    return NAN;
  return numerator / denominator;
}

static double
major (PlPlan *plan, gint64 amount)
{
  return (double) amount / pow (10, pl_plan_get_currency_exponent (plan));
}

double
pl_figures_conversion (PlPlan *plan, PlStage a, PlStage b, guint32 from, guint32 to)
{
  return ratio (pl_figures_stage_value (plan, b, from, to),
                pl_figures_stage_value (plan, a, from, to));
}

double
pl_figures_cost_per (PlPlan *plan, PlStage stage, guint32 from, guint32 to)
{
  return ratio (major (plan, pl_figures_actual_between (plan, from, to, FALSE)),
                pl_figures_stage_value (plan, stage, from, to));
}

double
pl_figures_cpl (PlPlan *plan, guint32 from, guint32 to)
{
  return pl_figures_cost_per (plan, PL_STAGE_LEADS, from, to);
}

double
pl_figures_cac (PlPlan *plan, guint32 from, guint32 to)
{
  return ratio (major (plan, pl_figures_actual_between (plan, from, to, TRUE)),
                pl_figures_stage_value (plan, PL_STAGE_NEW_CUSTOMERS, from, to));
}

double
pl_figures_arpu (PlPlan *plan, guint32 from, guint32 to)
{
  return ratio (pl_figures_stage_value (plan, PL_STAGE_MRR, from, to),
                pl_figures_stage_value (plan, PL_STAGE_CUSTOMERS, from, to));
}

double
pl_figures_ltv (PlPlan *plan, guint32 from, guint32 to, gboolean *margin_assumed)
{
  double margin = pl_figures_stage_value (plan, PL_STAGE_MARGIN, from, to);

  if (margin_assumed != NULL)
    *margin_assumed = isnan (margin);
  if (isnan (margin))
    margin = 1.0;
  return ratio (pl_figures_arpu (plan, from, to) * margin,
                pl_figures_stage_value (plan, PL_STAGE_CHURN, from, to));
}

double
pl_figures_ltv_cac (PlPlan *plan, guint32 from, guint32 to)
{
  return ratio (pl_figures_ltv (plan, from, to, NULL), pl_figures_cac (plan, from, to));
}

double
pl_figures_roi (PlPlan *plan, guint32 from, guint32 to)
{
  double cost = major (plan, pl_figures_actual_between (plan, from, to, FALSE));

  return ratio (pl_figures_stage_value (plan, PL_STAGE_REVENUE, from, to) - cost, cost);
}

PlKpiStatus
pl_figures_kpi_status (PlPlan *plan, PlKpi *kpi, guint32 from, guint32 to)
{
  double value = pl_figures_kpi_value (plan, kpi, from, to);
  double target = pl_figures_kpi_target (plan, kpi, from, to);
  gboolean lower_better = pl_item_get_int (PL_ITEM (kpi), PL_KPI_DIRECTION) == PL_DIRECTION_LOWER;
  double ratio;

  if (isnan (value) || isnan (target))
    return PL_KPI_STATUS_NO_DATA;
  /* A zero on either side has no ratio: only which side of the target it is on counts. */
  if (target == 0 || value == 0)
    return lower_better == (value <= target) ? PL_KPI_STATUS_GOOD : PL_KPI_STATUS_OFF;
  ratio = lower_better ? target / value : value / target;
  if (ratio >= 1.0)
    return PL_KPI_STATUS_GOOD;
  if (ratio >= 0.9)
    return PL_KPI_STATUS_CLOSE;
  return PL_KPI_STATUS_OFF;
}
