/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-totals"
#include "config.h"

#include <math.h>

#include "pl-budget-totals.h"
#include "pl-figures.h"

/* One row of figures: a month per column, then the whole period in the last. */
typedef struct {
  gint64 *planned;
  gint64 *actual;
  gint64  allocated;  /* lines only */
} Row;

typedef struct {
  gint64 allocated;
  gint64 actual;      /* rounded per allocation, as pl_figures_campaign_actual() does */
} CampaignRow;

struct _PlBudgetTotals
{
  guint       months;
  GHashTable *rows;       /* PlItem (line or category) -> Row */
  GHashTable *campaigns;  /* campaign ID -> CampaignRow */
  Row         plan;
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
  g_free (row->planned);
  g_free (row->actual);
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

PlBudgetTotals *
pl_budget_totals_new (PlPlan *plan)
{
  PlBudgetTotals *self = g_new0 (PlBudgetTotals, 1);
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
  GListModel *allocations = pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS);

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  self->months = pl_plan_get_months (plan);
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) row_free);
  self->campaigns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  row_init (&self->plan, self->months);
  row_init (&self->horizons[0], self->months);
  row_init (&self->horizons[1], self->months);

  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      PlItem *category = pl_plan_lookup (plan, pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY));
      Row *row = row_for (self, line);
      Row *category_row = category ? row_for (self, category) : NULL;

      for (guint m = 0; m < self->months; m++)
        {
          gint64 amount = pl_figures_line_planned (PL_BUDGET_LINE (line), (int) m);

          add_planned (self, row, m, amount);
          if (category_row != NULL)
            add_planned (self, category_row, m, amount);
          add_planned (self, &self->plan, m, amount);
          add_planned (self, &self->horizons[horizon_index (line)], m, amount);
        }
    }

  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      int month = pl_plan_month_index (plan, pl_item_get_julian (entry, PL_SPEND_DATE));
      PlItem *line = pl_plan_lookup (plan, pl_item_get_string (entry, PL_SPEND_LINE));
      PlItem *category;
      gint64 amount = pl_item_get_int (entry, PL_SPEND_AMOUNT);

      /* Spend outside the period is a validation problem, not part of this period's figures. */
      if (month < 0 || line == NULL)
        continue;
      add_actual (self, row_for (self, line), (guint) month, amount);
      category = pl_plan_lookup (plan, pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY));
      if (category != NULL)
        add_actual (self, row_for (self, category), (guint) month, amount);
      add_actual (self, &self->plan, (guint) month, amount);
      add_actual (self, &self->horizons[horizon_index (line)], (guint) month, amount);
    }

  for (guint i = 0, n = g_list_model_get_n_items (allocations); i < n; i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      PlItem *line = pl_plan_lookup (plan, pl_item_get_string (allocation, PL_ALLOCATION_LINE));
      const char *campaign = pl_item_get_string (allocation, PL_ALLOCATION_CAMPAIGN);
      gint64 amount = pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);
      CampaignRow *row;
      Row *line_row;

      if (line == NULL || campaign == NULL)
        continue;
      line_row = row_for (self, line);
      line_row->allocated += amount;
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
  return self;
}

void
pl_budget_totals_free (PlBudgetTotals *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->rows);
  g_hash_table_unref (self->campaigns);
  row_clear (&self->plan);
  row_clear (&self->horizons[0]);
  row_clear (&self->horizons[1]);
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
  return item == NULL ? &self->plan : g_hash_table_lookup (self->rows, item);
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

gint64
pl_budget_totals_campaign_allocated (const PlBudgetTotals *self, PlItem *campaign)
{
  const CampaignRow *row = g_hash_table_lookup (self->campaigns, pl_item_get_id (campaign));
  return row ? row->allocated : 0;
}

gint64
pl_budget_totals_campaign_actual (const PlBudgetTotals *self, PlItem *campaign)
{
  const CampaignRow *row = g_hash_table_lookup (self->campaigns, pl_item_get_id (campaign));
  return row ? row->actual : 0;
}
