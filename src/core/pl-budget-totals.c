/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-totals"
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-figures.h"

/* One row of figures: a month per column, then the whole period in the last. */
typedef struct {
  gint64 *planned;
  gint64 *actual;
  gint64  allocated;  /* lines only */
  PlItem *category;   /* lines only, borrowed */
  int     horizon;    /* lines only: 0 short-term, 1 long-term */
} Row;

typedef struct {
  gint64 allocated;
  gint64 actual;      /* rounded per allocation, as pl_figures_campaign_actual() does */
} CampaignRow;

struct _PlBudgetTotals
{
  PlPlan     *plan;
  guint       months;
  GHashTable *rows;       /* PlItem (line or category) -> Row */
  GHashTable *campaigns;  /* campaign ID -> CampaignRow, made on the first question */
  Row         total;
  guint64     serials[5];  /* of the collections the totals were made from */
  guint       n_lines;     /* counted */
  Row         horizons[2];
};

static void
row_init (Row *row, guint months)
{
  row->planned = g_new0 (gint64, months + 1);
  row->actual = g_new0 (gint64, months + 1);
  row->allocated = 0;
}

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->planned, g_free);
  g_clear_pointer (&row->actual, g_free);
}

static void
row_free (Row *row)
{
  row_clear (row);
  g_free (row);
}

static Row *
row_for (PlBudgetTotals *self, PlItem *item)
{
  Row *row = g_hash_table_lookup (self->rows, item);

  if (row == NULL)
    {
      row = g_new0 (Row, 1);
      row_init (row, self->months);
      g_hash_table_insert (self->rows, item, row);
    }
  return row;
}

static void
add_planned (PlBudgetTotals *self, Row *row, guint month, gint64 amount)
{
  row->planned[month] += amount;
  row->planned[self->months] += amount;
}

static void
add_actual (PlBudgetTotals *self, Row *row, guint month, gint64 amount)
{
  row->actual[month] += amount;
  row->actual[self->months] += amount;
}

static int
horizon_index (PlItem *line)
{
  return pl_item_get_int (line, PL_BUDGET_LINE_HORIZON) == PL_HORIZON_LONG ? 1 : 0;
}

/* The month of @julian among the period's month @bounds (months + 1 first days), or -1:
 * computed once per pass rather than with dates for each of thousands of entries. */
static int
month_of (const guint32 *bounds, guint months, guint32 julian)
{
  guint low = 0, high = months;

  if (julian < bounds[0] || julian >= bounds[months])
    return -1;
  while (high - low > 1)
    {
      guint mid = (low + high) / 2;
      if (julian >= bounds[mid])
        low = mid;
      else
        high = mid;
    }
  return (int) low;
}

/* What the totals depend on: lines, categories, spend, allocations and the period. */
static const PlCollection sources[5] = {
  PL_COLLECTION_LINES, PL_COLLECTION_CATEGORIES, PL_COLLECTION_SPEND, PL_COLLECTION_ALLOCATIONS, PL_COLLECTION_NONE
};

static void
add_line_planned (PlBudgetTotals *self, PlItem *line, Row *row)
{
  Row *category_row = row->category ? row_for (self, row->category) : NULL;
  GVariant *planned = pl_item_get_variant (line, PL_BUDGET_LINE_PLANNED);
  gsize n_amounts = 0;
  const gint64 *amounts = planned ? g_variant_get_fixed_array (planned, &n_amounts, sizeof (gint64)) : NULL;

  for (guint m = 0; m < self->months; m++)
    {
      gint64 amount = m < n_amounts ? amounts[m] : 0;

      add_planned (self, row, m, amount);
      if (category_row != NULL)
        add_planned (self, category_row, m, amount);
      add_planned (self, &self->total, m, amount);
      add_planned (self, &self->horizons[row->horizon], m, amount);
    }
}

static void
compute (PlBudgetTotals *self)
{
  PlPlan *plan = self->plan;
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);
  g_autofree guint32 *bounds = NULL;
  /* The lines by ID: a few hundred, where the plan's own index holds every record. */
  g_autoptr(GHashTable) line_rows = g_hash_table_new (g_str_hash, g_str_equal);

  self->months = pl_plan_get_months (plan);
  bounds = g_new (guint32, self->months + 1);
  for (guint m = 0; m <= self->months; m++)
    bounds[m] = pl_plan_month_start (plan, m);
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) row_free);
  row_init (&self->total, self->months);
  row_init (&self->horizons[0], self->months);
  row_init (&self->horizons[1], self->months);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    self->serials[i] = pl_plan_get_collection_serial (plan, sources[i]);

  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      Row *row = row_for (self, line);

      row->category = pl_plan_lookup (plan, pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY));
      row->horizon = horizon_index (line);
      g_hash_table_insert (line_rows, (gpointer) pl_item_get_id (line), row);
      add_line_planned (self, line, row);
    }
  self->n_lines = g_list_model_get_n_items (lines);

  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      int month = month_of (bounds, self->months, pl_item_get_julian (entry, PL_SPEND_DATE));
      const char *line_id = pl_item_get_string (entry, PL_SPEND_LINE);
      Row *row = month < 0 || line_id == NULL ? NULL : g_hash_table_lookup (line_rows, line_id);
      gint64 amount = pl_item_get_int (entry, PL_SPEND_AMOUNT);

      /* Spend outside the period is a validation problem, not part of this period's figures. */
      if (row == NULL)
        continue;
      add_actual (self, row, (guint) month, amount);
      if (row->category != NULL)
        add_actual (self, row_for (self, row->category), (guint) month, amount);
      add_actual (self, &self->total, (guint) month, amount);
      add_actual (self, &self->horizons[row->horizon], (guint) month, amount);
    }

  for (guint i = 0, n = g_list_model_get_n_items (allocations); i < n; i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      const char *line_id = pl_item_get_string (allocation, PL_ALLOCATION_LINE);
      Row *row = line_id ? g_hash_table_lookup (line_rows, line_id) : NULL;

      if (row != NULL)
        row->allocated += pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);
    }
}

static void
clear (PlBudgetTotals *self)
{
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->campaigns, g_hash_table_unref);
  row_clear (&self->total);
  row_clear (&self->horizons[0]);
  row_clear (&self->horizons[1]);
}

PlBudgetTotals *
pl_budget_totals_new (PlPlan *plan)
{
  PlBudgetTotals *self;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  self = g_new0 (PlBudgetTotals, 1);
  self->plan = plan;
  compute (self);
  return self;
}

/* TRUE when only planned amounts can have changed: every line is where it was counted. */
static gboolean
lines_in_place (PlBudgetTotals *self)
{
  GListModel *lines = pl_plan_get_collection (self->plan, PL_COLLECTION_LINES);
  guint counted = 0;

  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      const Row *row = g_hash_table_lookup (self->rows, line);

      if (row == NULL || row->horizon != horizon_index (line) ||
          row->category != pl_plan_lookup (self->plan, pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY)))
        return FALSE;
      counted++;
    }
  /* A line removed leaves the others in place but its actuals in the sums. */
  return counted == self->n_lines;
}

gboolean
pl_budget_totals_refresh (PlBudgetTotals *self)
{
  GListModel *lines;
  GHashTableIter iter;
  gpointer key, value;
  gboolean others_changed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  for (guint i = 1; i < G_N_ELEMENTS (sources); i++)
    others_changed |= self->serials[i] != pl_plan_get_collection_serial (self->plan, sources[i]);
  if (!others_changed && self->serials[0] == pl_plan_get_collection_serial (self->plan, PL_COLLECTION_LINES))
    return FALSE;
  if (others_changed || !lines_in_place (self))
    {
      clear (self);
      compute (self);
      return TRUE;
    }
  /* A planned amount was typed: the actuals and allocations stand, the planned sums are made again. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    memset (((Row *) value)->planned, 0, (self->months + 1) * sizeof (gint64));
  memset (self->total.planned, 0, (self->months + 1) * sizeof (gint64));
  memset (self->horizons[0].planned, 0, (self->months + 1) * sizeof (gint64));
  memset (self->horizons[1].planned, 0, (self->months + 1) * sizeof (gint64));
  lines = pl_plan_get_collection (self->plan, PL_COLLECTION_LINES);
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      add_line_planned (self, line, g_hash_table_lookup (self->rows, line));
    }
  /* A campaign's share of the actual depends on its lines' planned totals. */
  g_clear_pointer (&self->campaigns, g_hash_table_unref);
  self->serials[0] = pl_plan_get_collection_serial (self->plan, PL_COLLECTION_LINES);
  return TRUE;
}

void
pl_budget_totals_free (PlBudgetTotals *self)
{
  if (self == NULL)
    return;
  clear (self);
  g_free (self);
}

guint
pl_budget_totals_get_months (const PlBudgetTotals *self)
{
  return self->months;
}

static guint
column (const PlBudgetTotals *self, int month)
{
  return month < 0 || (guint) month >= self->months ? self->months : (guint) month;
}

static const Row *
lookup (const PlBudgetTotals *self, PlItem *item)
{
  return item == NULL ? &self->total : g_hash_table_lookup (self->rows, item);
}

gint64
pl_budget_totals_line_planned (const PlBudgetTotals *self, PlItem *line, int month)
{
  const Row *row = lookup (self, line);
  return row ? row->planned[column (self, month)] : 0;
}

gint64
pl_budget_totals_line_actual (const PlBudgetTotals *self, PlItem *line, int month)
{
  const Row *row = lookup (self, line);
  return row ? row->actual[column (self, month)] : 0;
}

gint64
pl_budget_totals_line_allocated (const PlBudgetTotals *self, PlItem *line)
{
  const Row *row = lookup (self, line);
  return row ? row->allocated : 0;
}

gint64
pl_budget_totals_planned (const PlBudgetTotals *self, PlItem *category, int month)
{
  return pl_budget_totals_line_planned (self, category, month);
}

gint64
pl_budget_totals_actual (const PlBudgetTotals *self, PlItem *category, int month)
{
  return pl_budget_totals_line_actual (self, category, month);
}

gint64
pl_budget_totals_horizon_planned (const PlBudgetTotals *self, PlHorizon horizon)
{
  return self->horizons[horizon == PL_HORIZON_LONG].planned[self->months];
}

gint64
pl_budget_totals_horizon_actual (const PlBudgetTotals *self, PlHorizon horizon)
{
  return self->horizons[horizon == PL_HORIZON_LONG].actual[self->months];
}

/* Campaign totals: thousands of campaigns, asked for by few views, so made on demand. */
static GHashTable *
campaigns (const PlBudgetTotals *totals)
{
  PlBudgetTotals *self = (PlBudgetTotals *) totals;
  GListModel *allocations;

  if (self->campaigns != NULL)
    return self->campaigns;
  self->campaigns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  allocations = pl_plan_get_collection (self->plan, PL_COLLECTION_ALLOCATIONS);
  for (guint i = 0, n = g_list_model_get_n_items (allocations); i < n; i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      PlItem *line = pl_plan_lookup (self->plan, pl_item_get_string (allocation, PL_ALLOCATION_LINE));
      const char *campaign = pl_item_get_string (allocation, PL_ALLOCATION_CAMPAIGN);
      gint64 amount = pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);
      const Row *line_row = line ? g_hash_table_lookup (self->rows, line) : NULL;
      CampaignRow *row;

      if (line_row == NULL || campaign == NULL)
        continue;
      row = g_hash_table_lookup (self->campaigns, campaign);
      if (row == NULL)
        {
          row = g_new0 (CampaignRow, 1);
          /* The key lives as long as the allocation, which the plan holds. */
          g_hash_table_insert (self->campaigns, (gpointer) campaign, row);
        }
      row->allocated += amount;
      if (line_row->planned[self->months] > 0)
        row->actual += (gint64) llround ((double) line_row->actual[self->months] * (double) amount /
                                         (double) line_row->planned[self->months]);
    }
  return self->campaigns;
}

gint64
pl_budget_totals_campaign_allocated (const PlBudgetTotals *self, PlItem *campaign)
{
  const CampaignRow *row = g_hash_table_lookup (campaigns (self), pl_item_get_id (campaign));
  return row ? row->allocated : 0;
}

gint64
pl_budget_totals_campaign_actual (const PlBudgetTotals *self, PlItem *campaign)
{
  const CampaignRow *row = g_hash_table_lookup (campaigns (self), pl_item_get_id (campaign));
  return row ? row->actual : 0;
}
