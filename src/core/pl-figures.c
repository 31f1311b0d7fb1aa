/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-figures"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
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
    total = pl_money_sum (total, amounts[i]);
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
        total = pl_money_sum (total, pl_figures_line_planned (PL_BUDGET_LINE (line), month));
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

      if (date < from || date >= to || !pl_spend_is_actual (entry))
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
      total = pl_money_sum (total, pl_item_get_int (entry, PL_SPEND_AMOUNT));
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
  return pl_money_difference (actual, planned);
}

double
pl_figures_percent_used (gint64 planned, gint64 actual)
{
  if (planned == PL_MONEY_OVERFLOW || actual == PL_MONEY_OVERFLOW)
    return NAN;
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
        total = pl_money_sum (total, pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT));
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
      *total = pl_money_sum (*total, pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT));
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
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);

  return pl_budget_totals_campaign_actual (totals, PL_ITEM (campaign));
}


/* The figures engine. Every figure a view shows is asked for here, on a named basis, and
 * remembered until one of the collections it is made from changes: KPI values of a plan of
 * thousands of campaigns are asked for many times per redraw, and a chain of formulas must
 * not be evaluated again for every KPI that uses it. */

typedef struct {
  gpointer kpi;       /* a PlKpi, or NULL for a plan-wide figure */
  guint    kind;      /* PlSeriesKind for a KPI; 100 + PlFigureKind otherwise */
  guint32  from, to;
} Key;

typedef struct {
  Key      key;
  PlFigure figure;
  gint64   amount;    /* Cache.budget: the sum in minor units */
} Entry;

typedef struct {
  guint64     serial;
  guint64     budget_serial;
  GHashTable *entries;      /* Key -> Entry */
  GHashTable *budget;       /* Key -> Entry: sums of the budget alone, which a KPI's edit leaves */
  GHashTable *formulas;     /* PlKpi -> PlFormula, NULL when it does not parse */
  GHashTable *evaluating;   /* PlKpi being evaluated: met again, it is a formula loop */
  PlKpi      *by_stage[PL_N_STAGES];
  gboolean    has_spend_records;
} Cache;

static const PlCollection cache_sources[] = {
  PL_COLLECTION_NONE, PL_COLLECTION_KPIS, PL_COLLECTION_SPEND, PL_COLLECTION_LINES, PL_COLLECTION_CATEGORIES,
};

static guint
key_hash (gconstpointer data)
{
  const Key *key = data;

  return g_direct_hash (key->kpi) ^ (key->kind * 2654435761u) ^ (key->from * 40503u) ^ (key->to * 69069u);
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->kpi == y->kpi && x->kind == y->kind && x->from == y->from && x->to == y->to;
}

static void
cache_free (gpointer data)
{
  Cache *cache = data;

  g_hash_table_unref (cache->entries);
  g_hash_table_unref (cache->budget);
  g_hash_table_unref (cache->formulas);
  g_hash_table_unref (cache->evaluating);
  g_free (cache);
}

static const PlCollection budget_sources[] = {
  PL_COLLECTION_NONE, PL_COLLECTION_SPEND, PL_COLLECTION_LINES, PL_COLLECTION_CATEGORIES,
};

static guint64
budget_serial (PlPlan *plan)
{
  return pl_plan_get_collections_serial (plan, budget_sources, G_N_ELEMENTS (budget_sources));
}

static guint64
sources_serial (PlPlan *plan)
{
  return pl_plan_get_collections_serial (plan, cache_sources, G_N_ELEMENTS (cache_sources));
}

static void
cache_fill (Cache *cache, PlPlan *plan)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);

  g_hash_table_remove_all (cache->entries);
  g_hash_table_remove_all (cache->formulas);
  memset (cache->by_stage, 0, sizeof cache->by_stage);
  for (guint i = g_list_model_get_n_items (kpis); i-- > 0;)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      PlStage stage = pl_item_get_int (kpi, PL_KPI_STAGE);

      /* The plan holds the KPI; the first one of a stage stands for it. */
      if (stage > PL_STAGE_NONE && stage < PL_N_STAGES)
        cache->by_stage[stage] = PL_KPI (kpi);
    }
  cache->has_spend_records = pl_plan_get_n (plan, PL_COLLECTION_SPEND) > 0;
  cache->serial = sources_serial (plan);
}

static Cache *
cache_get (PlPlan *plan)
{
  Cache *cache = g_object_get_data (G_OBJECT (plan), "pl-figures-cache");

  if (cache == NULL)
    {
      cache = g_new0 (Cache, 1);
      cache->entries = g_hash_table_new_full (key_hash, key_equal, NULL, g_free);
      cache->budget = g_hash_table_new_full (key_hash, key_equal, NULL, g_free);
      cache->formulas = pl_formula_cache_new ();
      cache->evaluating = g_hash_table_new (NULL, NULL);
      g_object_set_data_full (G_OBJECT (plan), "pl-figures-cache", cache, cache_free);
      cache_fill (cache, plan);
    }
  else if (cache->serial != sources_serial (plan))
    cache_fill (cache, plan);
  if (cache->budget_serial != budget_serial (plan))
    {
      g_hash_table_remove_all (cache->budget);
      cache->budget_serial = budget_serial (plan);
    }
  return cache;
}

static Entry *
table_lookup (GHashTable *table, gpointer kpi, guint kind, const PlBasis *basis)
{
  Key key = { kpi, kind, basis->from, basis->to };

  return g_hash_table_lookup (table, &key);
}

static Entry *
table_store (GHashTable *table, gpointer kpi, guint kind, const PlFigure *figure)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->key = (Key) { kpi, kind, figure->basis.from, figure->basis.to };
  entry->figure = *figure;
  g_hash_table_replace (table, &entry->key, entry);
  return entry;
}

static const PlFigure *
cache_lookup (Cache *cache, gpointer kpi, guint kind, const PlBasis *basis)
{
  Entry *entry = table_lookup (cache->entries, kpi, kind, basis);

  return entry ? &entry->figure : NULL;
}

static const PlFigure *
cache_store (Cache *cache, gpointer kpi, guint kind, const PlFigure *figure)
{
  return &table_store (cache->entries, kpi, kind, figure)->figure;
}

/* Keys of the budget's own sums in Cache.budget. */
enum { BUDGET_SPEND = 1, BUDGET_ACQUISITION_SPEND, BUDGET_PLANNED };

/* A sum of the budget over @basis, in minor units, remembered while the budget stands. */
static gint64
budget_sum (PlPlan *plan, guint what, const PlBasis *basis, gint64 (*compute) (PlPlan *, const PlBasis *))
{
  Cache *cache = cache_get (plan);
  const Entry *cached = table_lookup (cache->budget, NULL, what, basis);
  PlFigure figure = { 0, PL_MISSING_NONE, PL_STAGE_NONE, *basis };
  Entry *stored;

  /* The sum itself, not the figure's double: that one is not exact past 2^53. */
  if (cached != NULL)
    return cached->amount;
  stored = table_store (cache->budget, NULL, what, &figure);
  stored->amount = compute (plan, basis);
  return stored->amount;
}

static gint64
records_spend (PlPlan *plan, const PlBasis *basis)
{
  return sum_spend (plan, NULL, NULL, basis->from, basis->to, FALSE);
}

static gint64
records_acquisition_spend (PlPlan *plan, const PlBasis *basis)
{
  return sum_spend (plan, NULL, NULL, basis->from, basis->to, TRUE);
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

static gboolean
has_formula (PlKpi *kpi)
{
  const char *text = pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA);

  return text != NULL && *text != '\0';
}

static double major (PlPlan *plan, gint64 amount);
static const PlFigure *kpi_figure (PlPlan *plan, Cache *cache, PlKpi *kpi, PlSeriesKind kind,
                                   const PlBasis *basis);

typedef struct {
  PlPlan       *plan;
  Cache        *cache;
  PlSeriesKind  kind;
  const PlBasis *basis;
  PlMissing     why;     /* the first reason an operand was missing */
  PlStage       stage;
} Operands;

static double
lookup_operand (const char *id, gpointer user_data)
{
  Operands *operands = user_data;
  PlItem *item = pl_plan_lookup (operands->plan, id);
  const PlFigure *figure;

  if (item == NULL || !PL_IS_KPI (item))
    {
      if (operands->why == PL_MISSING_NONE)
        operands->why = PL_MISSING_NO_KPI;
      return NAN;
    }
  /* One that is being evaluated leads back here: a loop (the others are evaluated already). */
  figure = cache_lookup (operands->cache, item, operands->kind, operands->basis);
  if (figure == NULL && g_hash_table_contains (operands->cache->evaluating, item))
    {
      if (operands->why == PL_MISSING_NONE)
        {
          operands->why = PL_MISSING_LOOP;
          operands->stage = (PlStage) pl_item_get_int (item, PL_KPI_STAGE);
        }
      return NAN;
    }
  if (figure == NULL)
    figure = kpi_figure (operands->plan, operands->cache, PL_KPI (item), operands->kind, operands->basis);
  if (isnan (figure->value) && operands->why == PL_MISSING_NONE)
    {
      operands->why = figure->missing;
      operands->stage = figure->missing_stage != PL_STAGE_NONE ? figure->missing_stage
                                                                : (PlStage) pl_item_get_int (item, PL_KPI_STAGE);
    }
  return figure->value;
}

static PlFigure
measure (PlPlan *plan, Cache *cache, PlKpi *kpi, PlSeriesKind kind, const PlBasis *basis)
{
  PlStage stage = pl_item_get_int (PL_ITEM (kpi), PL_KPI_STAGE);
  PlSeries *series;
  double value;

  if (basis->to <= basis->from)
    return missing (basis, PL_MISSING_BEFORE_PERIOD, stage);
  if (has_formula (kpi))
    {
      PlFormula *formula = pl_formula_cache_get (cache->formulas, kpi);
      Operands operands = { plan, cache, kind, basis, PL_MISSING_NONE, PL_STAGE_NONE };
      PlFigure figure;

      if (formula == NULL)
        return missing (basis, PL_MISSING_FORMULA, stage);
      if (g_hash_table_contains (cache->evaluating, kpi))
        return missing (basis, PL_MISSING_LOOP, stage);
      g_hash_table_add (cache->evaluating, kpi);
      figure = available (basis, pl_formula_evaluate (formula, lookup_operand, &operands));
      g_hash_table_remove (cache->evaluating, kpi);
      if (isnan (figure.value) || isinf (figure.value))
        figure = missing (basis, operands.why != PL_MISSING_NONE ? operands.why : PL_MISSING_ZERO,
                          operands.stage != PL_STAGE_NONE ? operands.stage : stage);
      return figure;
    }
  /* Where the plan books its spending, the spend KPI is what was booked: one source. */
  if (stage == PL_STAGE_SPEND && kind == PL_SERIES_MEASUREMENTS && cache->has_spend_records)
    {
      if (basis->from >= pl_plan_get_end (plan) || basis->to <= pl_plan_get_start (plan))
        return missing (basis, PL_MISSING_NOT_MEASURED, stage);
      return available (basis, major (plan, budget_sum (plan, BUDGET_SPEND, basis, records_spend)));
    }

  series = kind == PL_SERIES_TARGETS ? pl_kpi_get_targets (kpi) : pl_kpi_get_measurements (kpi);
  if (pl_series_combine (series, basis->from, basis->to,
                         (PlAggregate) pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE), &value) == 0)
    return missing (basis, kind == PL_SERIES_TARGETS ? PL_MISSING_NO_TARGET : PL_MISSING_NOT_MEASURED, stage);
  return available (basis, value);
}

static const PlFigure *
measure_and_store (PlPlan *plan, Cache *cache, PlKpi *kpi, PlSeriesKind kind, const PlBasis *basis)
{
  PlFigure figure = measure (plan, cache, kpi, kind, basis);

  figure.basis = *basis;
  return cache_store (cache, kpi, kind, &figure);
}

/* Evaluates @kpi's formula after every KPI it uses, however deep the chain: a depth-first
 * walk with a stack of its own (a chain of 100,000 formulas would overflow the thread's),
 * each KPI evaluated once and remembered, so the cost is linear in the chain. A KPI met
 * again while it waits for its operands is in a loop: lookup_operand() finds it in
 * Cache.evaluating and reads it as not available. */
static void
evaluate_chain (PlPlan *plan, Cache *cache, PlKpi *kpi, PlSeriesKind kind, const PlBasis *basis)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  /* The KPIs whose operands are on the stack above them: the second time, they are evaluated. */
  g_autoptr(GHashTable) expanded = g_hash_table_new (NULL, NULL);

  g_ptr_array_add (stack, kpi);
  while (stack->len > 0)
    {
      PlKpi *top = g_ptr_array_index (stack, stack->len - 1);
      PlFormula *formula;

      if (cache_lookup (cache, top, kind, basis) != NULL)
        {
          g_ptr_array_set_size (stack, stack->len - 1);
          continue;
        }
      if (g_hash_table_contains (expanded, top))
        {
          g_ptr_array_set_size (stack, stack->len - 1);
          g_hash_table_remove (cache->evaluating, top);
          measure_and_store (plan, cache, top, kind, basis);
          continue;
        }
      g_hash_table_add (expanded, top);
      if (!has_formula (top) || (formula = pl_formula_cache_get (cache->formulas, top)) == NULL)
        continue;
      g_hash_table_add (cache->evaluating, top);
      for (const char * const *ref = pl_formula_get_references (formula); *ref != NULL; ref++)
        {
          PlItem *operand = pl_plan_lookup (plan, *ref);

          if (operand != NULL && PL_IS_KPI (operand) && !g_hash_table_contains (cache->evaluating, operand) &&
              cache_lookup (cache, operand, kind, basis) == NULL)
            g_ptr_array_add (stack, operand);
        }
    }
}

static const PlFigure *
kpi_figure (PlPlan *plan, Cache *cache, PlKpi *kpi, PlSeriesKind kind, const PlBasis *basis)
{
  const PlFigure *cached = cache_lookup (cache, kpi, kind, basis);

  if (cached != NULL)
    return cached;
  if (!has_formula (kpi))
    return measure_and_store (plan, cache, kpi, kind, basis);
  evaluate_chain (plan, cache, kpi, kind, basis);
  return cache_lookup (cache, kpi, kind, basis);
}

PlFigure
pl_figures_kpi (PlPlan *plan, PlKpi *kpi, PlSeriesKind kind, const PlBasis *basis)
{
  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_KPI (kpi), missing (basis, PL_MISSING_NO_KPI, PL_STAGE_NONE));
  return *kpi_figure (plan, cache_get (plan), kpi, kind, basis);
}

PlKpi *
pl_figures_kpi_for_stage (PlPlan *plan, PlStage stage)
{
  if (stage <= PL_STAGE_NONE || stage >= PL_N_STAGES)
    return NULL;
  return cache_get (plan)->by_stage[stage];
}

PlFigure
pl_figures_stage (PlPlan *plan, PlStage stage, const PlBasis *basis)
{
  PlKpi *kpi = pl_figures_kpi_for_stage (plan, stage);

  if (kpi == NULL)
    return missing (basis, PL_MISSING_NO_KPI, stage);
  return pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, basis);
}

PlSpendSource
pl_figures_spend_source (PlPlan *plan)
{
  if (pl_plan_get_n (plan, PL_COLLECTION_SPEND) > 0)
    return PL_SPEND_FROM_RECORDS;
  return pl_figures_kpi_for_stage (plan, PL_STAGE_SPEND) != NULL ? PL_SPEND_FROM_KPI : PL_SPEND_NONE;
}

/* Numerator over denominator, missing (and saying which) when either is, or when the
 * denominator is zero. */
static PlFigure
divide (const PlBasis *basis, const PlFigure *numerator, const PlFigure *denominator)
{
  if (isnan (numerator->value))
    return missing (basis, numerator->missing, numerator->missing_stage);
  if (isnan (denominator->value))
    return missing (basis, denominator->missing, denominator->missing_stage);
  if (denominator->value == 0)
    return missing (basis, PL_MISSING_ZERO, denominator->missing_stage);
  return available (basis, numerator->value / denominator->value);
}

static PlFigure
with_stage (PlFigure figure, PlStage stage)
{
  if (figure.missing_stage == PL_STAGE_NONE)
    figure.missing_stage = stage;
  return figure;
}

/* Spend over @basis from its one source: the spend records, or else the spend KPI. */
static PlFigure
spend_figure (PlPlan *plan, const PlBasis *basis, gboolean acquisition_only)
{
  switch (pl_figures_spend_source (plan))
    {
    case PL_SPEND_FROM_RECORDS:
      if (basis->to <= basis->from)
        return missing (basis, PL_MISSING_BEFORE_PERIOD, PL_STAGE_SPEND);
      return available (basis, major (plan, acquisition_only
                                              ? budget_sum (plan, BUDGET_ACQUISITION_SPEND, basis, records_acquisition_spend)
                                              : budget_sum (plan, BUDGET_SPEND, basis, records_spend)));
    case PL_SPEND_FROM_KPI:
      return with_stage (pl_figures_stage (plan, PL_STAGE_SPEND, basis), PL_STAGE_SPEND);
    case PL_SPEND_NONE:
    default:
      return missing (basis, PL_MISSING_NOT_MEASURED, PL_STAGE_SPEND);
    }
}

/* Planned over @basis, a month cut by the basis counted for its days in it. */
static gint64
category_planned_over (PlPlan *plan, PlCategory *category, const PlBasis *basis)
{
  gint64 total = 0;

  for (guint m = 0; m < pl_plan_get_months (plan); m++)
    {
      PlBasis month = pl_basis_month (plan, m);
      guint32 from = MAX (month.from, basis->from), to = MIN (month.to, basis->to);
      gint64 planned;

      if (to <= from)
        continue;
      planned = pl_figures_category_planned (plan, category, (int) m);
      total = pl_money_sum (total, to - from == month.to - month.from || planned == PL_MONEY_OVERFLOW ? planned
                                   : (gint64) llround ((double) planned * (to - from) / (month.to - month.from)));
    }
  return total;
}

static gint64
all_planned_over (PlPlan *plan, const PlBasis *basis)
{
  return category_planned_over (plan, NULL, basis);
}

static gint64
planned_over (PlPlan *plan, const PlBasis *basis)
{
  return budget_sum (plan, BUDGET_PLANNED, basis, all_planned_over);
}

gboolean
pl_figures_category_on (PlPlan *plan, PlCategory *category, const PlBasis *basis,
                        gint64 *planned, gint64 *actual, double *used)
{
  gint64 p = category_planned_over (plan, category, basis);
  gboolean known = category == NULL || pl_figures_spend_source (plan) == PL_SPEND_FROM_RECORDS;
  gint64 a = 0;

  if (category != NULL)
    a = known ? sum_spend (plan, NULL, category, basis->from, basis->to, FALSE) : 0;
  else
    {
      double spend = spend_figure (plan, basis, FALSE).value;
      a = isnan (spend) ? 0 : pl_money_from_major (spend, pl_plan_get_currency_exponent (plan));
    }

  if (planned != NULL)
    *planned = p;
  if (actual != NULL)
    *actual = a;
  if (used != NULL)
    *used = known ? pl_figures_percent_used (p, a) : NAN;
  return known;
}

static PlFigure
stage_figure (PlPlan *plan, PlStage stage, const PlBasis *basis)
{
  return with_stage (pl_figures_stage (plan, stage, basis), stage);
}

static PlFigure
compute_figure (PlPlan *plan, PlFigureKind kind, const PlBasis *basis)
{
  PlFigure a, b;

  switch (kind)
    {
    case PL_FIGURE_SPEND:
      return spend_figure (plan, basis, FALSE);
    case PL_FIGURE_ACQUISITION_SPEND:
      return spend_figure (plan, basis, TRUE);
    case PL_FIGURE_PLANNED:
      return available (basis, major (plan, planned_over (plan, basis)));
    case PL_FIGURE_CPL:
      a = spend_figure (plan, basis, FALSE);
      b = stage_figure (plan, PL_STAGE_LEADS, basis);
      return divide (basis, &a, &b);
    case PL_FIGURE_CAC:
      a = spend_figure (plan, basis, TRUE);
      b = stage_figure (plan, PL_STAGE_NEW_CUSTOMERS, basis);
      return divide (basis, &a, &b);
    case PL_FIGURE_ARPU:
      /* A model without subscriptions (doc/templates.md) earns per sale: what a new customer
       * (an order, a contract) brings stands for what a paying customer brings a month. */
      if (pl_figures_kpi_for_stage (plan, PL_STAGE_MRR) == NULL &&
          pl_figures_kpi_for_stage (plan, PL_STAGE_REVENUE) != NULL)
        {
          a = stage_figure (plan, PL_STAGE_REVENUE, basis);
          b = stage_figure (plan, PL_STAGE_NEW_CUSTOMERS, basis);
          return divide (basis, &a, &b);
        }
      a = stage_figure (plan, PL_STAGE_MRR, basis);
      b = stage_figure (plan, PL_STAGE_CUSTOMERS, basis);
      return divide (basis, &a, &b);
    case PL_FIGURE_MARGIN:
      if (basis->to <= basis->from)
        return missing (basis, PL_MISSING_BEFORE_PERIOD, PL_STAGE_MARGIN);
      a = stage_figure (plan, PL_STAGE_MARGIN, basis);
      /* DOMAIN.md: with no margin given, LTV takes 100 % and says so. */
      return isnan (a.value) ? available (basis, 1.0) : a;
    case PL_FIGURE_LTV:
      a = pl_figures_get (plan, PL_FIGURE_ARPU, basis);
      b = pl_figures_get (plan, PL_FIGURE_MARGIN, basis);
      if (!isnan (a.value))
        a.value *= b.value;
      b = stage_figure (plan, PL_STAGE_CHURN, basis);
      return divide (basis, &a, &b);
    case PL_FIGURE_LTV_CAC:
      a = pl_figures_get (plan, PL_FIGURE_LTV, basis);
      b = pl_figures_get (plan, PL_FIGURE_CAC, basis);
      return divide (basis, &a, &b);
    case PL_FIGURE_ROI:
      a = stage_figure (plan, PL_STAGE_REVENUE, basis);
      b = spend_figure (plan, basis, FALSE);
      if (!isnan (a.value) && !isnan (b.value))
        a.value -= b.value;
      return divide (basis, &a, &b);
    case PL_FIGURE_USED:
      a = spend_figure (plan, basis, FALSE);
      b = available (basis, major (plan, planned_over (plan, basis)));
      return divide (basis, &a, &b);
    case PL_FIGURE_USED_OF_PERIOD:
      {
        PlBasis period = pl_basis_period (plan);
        a = spend_figure (plan, basis, FALSE);
        b = available (basis, major (plan, planned_over (plan, &period)));
        return divide (basis, &a, &b);
      }
    case PL_N_FIGURES:
    default:
      g_return_val_if_reached (missing (basis, PL_MISSING_NOT_MEASURED, PL_STAGE_NONE));
    }
}

PlFigure
pl_figures_get (PlPlan *plan, PlFigureKind kind, const PlBasis *basis)
{
  Cache *cache;
  const PlFigure *cached;
  PlFigure figure;

  g_return_val_if_fail (PL_IS_PLAN (plan), missing (basis, PL_MISSING_NOT_MEASURED, PL_STAGE_NONE));
  cache = cache_get (plan);
  cached = cache_lookup (cache, NULL, 100 + kind, basis);
  if (cached != NULL)
    return *cached;
  figure = compute_figure (plan, kind, basis);
  figure.basis = *basis;
  return *cache_store (cache, NULL, 100 + kind, &figure);
}

PlFigure
pl_figures_get_conversion (PlPlan *plan, PlStage a, PlStage b, const PlBasis *basis)
{
  PlFigure to = stage_figure (plan, b, basis), from = stage_figure (plan, a, basis);

  return divide (basis, &to, &from);
}

/* Planned spend over @basis on acquisition categories only. */
static gint64
acquisition_planned_over (PlPlan *plan, const PlBasis *basis)
{
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  gint64 total = 0;

  for (guint i = 0, n = g_list_model_get_n_items (categories); i < n; i++)
    {
      g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
      if (pl_item_get_int (category, PL_CATEGORY_ACQUISITION))
        total = pl_money_sum (total, category_planned_over (plan, PL_CATEGORY (category), basis));
    }
  return total;
}

static PlFigure
stage_target (PlPlan *plan, PlStage stage, const PlBasis *basis)
{
  PlKpi *kpi = pl_figures_kpi_for_stage (plan, stage);

  if (kpi == NULL)
    return missing (basis, PL_MISSING_NO_KPI, stage);
  return with_stage (pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, basis), stage);
}

PlFigure
pl_figures_get_target (PlPlan *plan, PlFigureKind kind, const PlBasis *basis)
{
  PlFigure a, b;

  switch (kind)
    {
    case PL_FIGURE_SPEND:
    case PL_FIGURE_PLANNED:
      return available (basis, major (plan, planned_over (plan, basis)));
    case PL_FIGURE_ACQUISITION_SPEND:
      return available (basis, major (plan, acquisition_planned_over (plan, basis)));
    case PL_FIGURE_CPL:
      a = available (basis, major (plan, planned_over (plan, basis)));
      b = stage_target (plan, PL_STAGE_LEADS, basis);
      if (isnan (b.value))
        b.missing = PL_MISSING_NO_TARGET;
      return divide (basis, &a, &b);
    case PL_FIGURE_CAC:
      a = available (basis, major (plan, acquisition_planned_over (plan, basis)));
      b = stage_target (plan, PL_STAGE_NEW_CUSTOMERS, basis);
      if (isnan (b.value))
        b.missing = PL_MISSING_NO_TARGET;
      return divide (basis, &a, &b);
    case PL_FIGURE_LTV_CAC:
      return available (basis, pl_figures_ltv_cac_target (plan, basis, NULL));
    case PL_FIGURE_ARPU:
    case PL_FIGURE_MARGIN:
    case PL_FIGURE_LTV:
    case PL_FIGURE_ROI:
    case PL_FIGURE_USED:
    case PL_FIGURE_USED_OF_PERIOD:
    case PL_N_FIGURES:
    default:
      return missing (basis, PL_MISSING_NO_TARGET, PL_STAGE_NONE);
    }
}

/* The first KPI of @unit whose formula reads both @a and @b (@b may be NULL: only @a). */
static PlKpi *
kpi_reading (PlPlan *plan, PlUnit unit, PlKpi *a, PlKpi *b)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);

  for (guint i = 0, n = g_list_model_get_n_items (kpis); a != NULL && i < n; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      const char *text = pl_item_get_string (kpi, PL_KPI_FORMULA);
      g_autoptr(PlFormula) formula = NULL;
      const char * const *refs;
      gboolean reads_a = FALSE, reads_b = b == NULL;

      if (text == NULL || pl_item_get_int (kpi, PL_KPI_UNIT) != (gint64) unit)
        continue;
      formula = pl_formula_parse (text, NULL);
      refs = formula ? pl_formula_get_references (formula) : NULL;
      for (guint r = 0; refs != NULL && refs[r] != NULL; r++)
        {
          reads_a |= g_str_equal (refs[r], pl_item_get_id (PL_ITEM (a)));
          reads_b |= b != NULL && g_str_equal (refs[r], pl_item_get_id (PL_ITEM (b)));
        }
      if (reads_a && reads_b)
        return PL_KPI (kpi);  /* held by the plan */
    }
  return NULL;
}

PlKpi *
pl_figures_kpi_for_figure (PlPlan *plan, PlFigureKind kind)
{
  PlKpi *spend;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  spend = pl_figures_kpi_for_stage (plan, PL_STAGE_SPEND);
  switch (kind)
    {
    case PL_FIGURE_CPL:
      return kpi_reading (plan, PL_UNIT_CURRENCY, spend, pl_figures_kpi_for_stage (plan, PL_STAGE_LEADS));
    case PL_FIGURE_CAC:
      return kpi_reading (plan, PL_UNIT_CURRENCY, spend, pl_figures_kpi_for_stage (plan, PL_STAGE_NEW_CUSTOMERS));
    case PL_FIGURE_LTV_CAC:
      return kpi_reading (plan, PL_UNIT_RATIO, pl_figures_kpi_for_figure (plan, PL_FIGURE_CAC), NULL);
    default:
      return NULL;
    }
}

double
pl_figures_ltv_cac_target (PlPlan *plan, const PlBasis *basis, gboolean *from_plan)
{
  PlKpi *kpi = pl_figures_kpi_for_figure (plan, PL_FIGURE_LTV_CAC);
  double target = kpi != NULL ? pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, basis).value : NAN;

  if (from_plan != NULL)
    *from_plan = !isnan (target);
  return isnan (target) ? PL_LTV_CAC_HEALTHY : target;
}

double
pl_figures_against (double value, double target)
{
  if (isnan (value) || isnan (target) || target == 0)
    return NAN;
  return value / target;
}

guint
pl_figures_funnel (PlPlan *plan, const PlBasis *basis, PlFunnelStage stages[PL_FUNNEL_MAX_STAGES])
{
  static const PlStage funnel[PL_FUNNEL_MAX_STAGES] = {
    PL_STAGE_VISITORS, PL_STAGE_LEADS, PL_STAGE_MQL, PL_STAGE_SQL, PL_STAGE_OPPORTUNITIES, PL_STAGE_NEW_CUSTOMERS,
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (funnel); i++)
    {
      PlKpi *kpi = pl_figures_kpi_for_stage (plan, funnel[i]);
      PlFunnelStage *stage = &stages[n];

      if (kpi == NULL)
        continue;
      stage->stage = funnel[i];
      stage->kpi = kpi;
      stage->actual = with_stage (pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, basis), funnel[i]);
      stage->target = with_stage (pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, basis), funnel[i]);
      stage->status = pl_figures_kpi_status_on (plan, kpi, basis);
      stage->against = divide (basis, &stage->actual, &stage->target);
      if (n == 0)
        stage->rate = stage->planned_rate = missing (basis, PL_MISSING_NOT_MEASURED, PL_STAGE_NONE);
      else
        {
          stage->rate = divide (basis, &stage->actual, &stages[n - 1].actual);
          stage->planned_rate = divide (basis, &stage->target, &stages[n - 1].target);
        }
      n++;
    }
  return n;
}

gboolean
pl_figures_margin_assumed (PlPlan *plan, const PlBasis *basis)
{
  /* Over no months nothing is computed, so nothing is assumed either. */
  if (basis->to <= basis->from)
    return FALSE;
  return isnan (pl_figures_stage (plan, PL_STAGE_MARGIN, basis).value);
}

static const struct {
  const char *key;
  const char *name;
} figure_names[PL_N_FIGURES] = {
  [PL_FIGURE_SPEND] = { "spend", N_("Spend") },
  [PL_FIGURE_ACQUISITION_SPEND] = { "acquisition-spend", N_("Acquisition spend") },
  [PL_FIGURE_PLANNED] = { "planned", N_("Planned") },
  [PL_FIGURE_CPL] = { "cpl", N_("Cost per lead") },
  [PL_FIGURE_CAC] = { "cac", N_("Customer acquisition cost") },
  [PL_FIGURE_ARPU] = { "arpu", N_("Average revenue per user") },
  [PL_FIGURE_MARGIN] = { "margin", N_("Gross margin") },
  [PL_FIGURE_LTV] = { "ltv", N_("Customer lifetime value") },
  [PL_FIGURE_LTV_CAC] = { "ltv-cac", N_("LTV:CAC") },
  [PL_FIGURE_ROI] = { "roi", N_("Return on investment") },
  [PL_FIGURE_USED] = { "used", N_("Budget used to date") },
  [PL_FIGURE_USED_OF_PERIOD] = { "used-of-period", N_("Share of the whole budget spent") },
};

const char *
pl_figure_kind_key (PlFigureKind kind)
{
  g_return_val_if_fail (kind < PL_N_FIGURES, NULL);
  return figure_names[kind].key;
}

const char *
pl_figure_kind_name (PlFigureKind kind)
{
  g_return_val_if_fail (kind < PL_N_FIGURES, NULL);
  return _(figure_names[kind].name);
}

const char *
pl_missing_key (PlMissing why)
{
  static const char *keys[] = {
    "available", "no-kpi", "not-measured", "no-target", "zero", "before-period", "formula-loop", "bad-formula",
  };

  return why < G_N_ELEMENTS (keys) ? keys[why] : "not-measured";
}

static const char *
stage_words (PlStage stage)
{
  switch (stage)
    {
    case PL_STAGE_SPEND: return _("spend");
    case PL_STAGE_IMPRESSIONS: return _("impressions");
    case PL_STAGE_VISITORS: return _("visitors");
    case PL_STAGE_LEADS: return _("leads");
    case PL_STAGE_MQL: return _("MQL");
    case PL_STAGE_SQL: return _("SQL");
    case PL_STAGE_OPPORTUNITIES: return _("opportunities");
    case PL_STAGE_NEW_CUSTOMERS: return _("new customers");
    case PL_STAGE_CUSTOMERS: return _("customers");
    case PL_STAGE_REVENUE: return _("revenue");
    case PL_STAGE_MRR: return _("MRR");
    case PL_STAGE_CHURN: return _("churn");
    case PL_STAGE_MARGIN: return _("gross margin");
    case PL_STAGE_NONE:
    case PL_N_STAGES:
    default: return NULL;
    }
}

char *
pl_figure_reason (PlPlan *plan, const PlFigure *figure)
{
  const char *what = stage_words (figure->missing_stage);
  g_autofree char *when = pl_basis_describe (plan, &figure->basis);

  switch (figure->missing)
    {
    case PL_MISSING_NONE:
      return NULL;
    case PL_MISSING_NO_KPI:
      /* Translators: "no KPI counts leads in the plan" */
      return what ? g_strdup_printf (_("no KPI counts %s in the plan"), what) : g_strdup (_("a KPI it needs is missing"));
    case PL_MISSING_NO_TARGET:
      /* Translators: "no target (January to June 2027)" */
      return g_strdup_printf (_("no target (%s)"), when);
    case PL_MISSING_ZERO:
      /* Translators: "new customers: zero (June 2027)" */
      return what ? g_strdup_printf (_("%s: zero (%s)"), what, when) : g_strdup_printf (_("a divisor is zero (%s)"), when);
    case PL_MISSING_BEFORE_PERIOD:
      return g_strdup (_("the period has not started"));
    case PL_MISSING_LOOP:
      return g_strdup (_("its formula refers to itself"));
    case PL_MISSING_FORMULA:
      return g_strdup (_("its formula cannot be read"));
    case PL_MISSING_NOT_MEASURED:
    default:
      /* Translators: "leads: not measured (June 2027)" */
      return what ? g_strdup_printf (_("%s: not measured (%s)"), what, when) : g_strdup_printf (_("not measured (%s)"), when);
    }
}

PlKpiStatus
pl_figures_status (double value, double target, PlDirection direction)
{
  double band;

  if (isnan (value))
    return PL_KPI_STATUS_NO_DATA;
  if (isnan (target))
    return PL_KPI_STATUS_NO_TARGET;
  if (direction == PL_DIRECTION_LOWER ? value <= target : value >= target)
    return PL_KPI_STATUS_GOOD;
  /* Close: within a tenth of the target, on the wrong side. A zero target has no band. */
  band = 0.1 * fabs (target);
  return fabs (value - target) <= band ? PL_KPI_STATUS_CLOSE : PL_KPI_STATUS_OFF;
}

const char *
pl_kpi_status_describe (PlKpiStatus status)
{
  switch (status)
    {
    case PL_KPI_STATUS_GOOD: return _("On target");
    case PL_KPI_STATUS_CLOSE: return _("Close to target");
    case PL_KPI_STATUS_OFF: return _("Off target");
    case PL_KPI_STATUS_NO_TARGET: return _("No target");
    case PL_KPI_STATUS_NO_DATA:
    default: return _("Not measured yet");
    }
}

const char *
pl_kpi_status_key (PlKpiStatus status)
{
  static const char *keys[] = { "not-measured", "on-target", "close", "off-target", "no-target" };

  return status < G_N_ELEMENTS (keys) ? keys[status] : "not-measured";
}

PlKpiStatus
pl_figures_kpi_status_on (PlPlan *plan, PlKpi *kpi, const PlBasis *basis)
{
  PlFigure value = pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, basis);
  PlFigure target = pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, basis);

  return pl_figures_status (value.value, target.value, pl_item_get_int (PL_ITEM (kpi), PL_KPI_DIRECTION));
}

/* The functions of the first version, on a range: the same engine. */

double
pl_figures_kpi_value (PlPlan *plan, PlKpi *kpi, guint32 from, guint32 to)
{
  PlBasis basis = pl_basis_range (from, to);

  return pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, &basis).value;
}

double
pl_figures_kpi_target (PlPlan *plan, PlKpi *kpi, guint32 from, guint32 to)
{
  PlBasis basis = pl_basis_range (from, to);

  return pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, &basis).value;
}

double
pl_figures_stage_value (PlPlan *plan, PlStage stage, guint32 from, guint32 to)
{
  PlBasis basis = pl_basis_range (from, to);

  return pl_figures_stage (plan, stage, &basis).value;
}

PlKpiStatus
pl_figures_kpi_status (PlPlan *plan, PlKpi *kpi, guint32 from, guint32 to)
{
  PlBasis basis = pl_basis_range (from, to);

  return pl_figures_kpi_status_on (plan, kpi, &basis);
}

guint32
pl_figures_measured_until (PlPlan *plan)
{
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  guint32 last = 0;

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
  return pl_month_first_day (last, 1);
}

gboolean
pl_figures_any_measured (PlPlan *plan)
{
  GListModel *kpis;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  if (g_list_model_get_n_items (pl_plan_get_collection (plan, PL_COLLECTION_SPEND)) > 0)
    return TRUE;
  kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);

      if (pl_series_get_n (pl_kpi_get_measurements (PL_KPI (kpi))) > 0)
        return TRUE;
    }
  return FALSE;
}

static double
major (PlPlan *plan, gint64 amount)
{
  /* A sum too large to hold is not available, never a wrapped number. */
  if (amount == PL_MONEY_OVERFLOW)
    return NAN;
  return (double) amount / pow (10, pl_plan_get_currency_exponent (plan));
}

static double
range_figure (PlPlan *plan, PlFigureKind kind, guint32 from, guint32 to)
{
  PlBasis basis = pl_basis_range (from, to);

  return pl_figures_get (plan, kind, &basis).value;
}

double
pl_figures_conversion (PlPlan *plan, PlStage a, PlStage b, guint32 from, guint32 to)
{
  PlBasis basis = pl_basis_range (from, to);

  return pl_figures_get_conversion (plan, a, b, &basis).value;
}

double
pl_figures_cost_per (PlPlan *plan, PlStage stage, guint32 from, guint32 to)
{
  PlBasis basis = pl_basis_range (from, to);
  PlFigure spend = spend_figure (plan, &basis, FALSE), count = stage_figure (plan, stage, &basis);

  return divide (&basis, &spend, &count).value;
}

double
pl_figures_cpl (PlPlan *plan, guint32 from, guint32 to)
{
  return range_figure (plan, PL_FIGURE_CPL, from, to);
}

double
pl_figures_cac (PlPlan *plan, guint32 from, guint32 to)
{
  return range_figure (plan, PL_FIGURE_CAC, from, to);
}

double
pl_figures_arpu (PlPlan *plan, guint32 from, guint32 to)
{
  return range_figure (plan, PL_FIGURE_ARPU, from, to);
}

double
pl_figures_ltv (PlPlan *plan, guint32 from, guint32 to, gboolean *margin_assumed)
{
  PlBasis basis = pl_basis_range (from, to);

  if (margin_assumed != NULL)
    *margin_assumed = pl_figures_margin_assumed (plan, &basis);
  return pl_figures_get (plan, PL_FIGURE_LTV, &basis).value;
}

double
pl_figures_ltv_cac (PlPlan *plan, guint32 from, guint32 to)
{
  return range_figure (plan, PL_FIGURE_LTV_CAC, from, to);
}

double
pl_figures_roi (PlPlan *plan, guint32 from, guint32 to)
{
  return range_figure (plan, PL_FIGURE_ROI, from, to);
}
