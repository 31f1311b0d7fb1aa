/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-totals"
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-figures.h"
#include "pl-money.h"

/* One row of figures: a month per column, then the whole period in the last. */
typedef struct {
  gint64 *planned;
  gint64 *actual;
  gint64 *committed;  /* ordered, not yet invoiced */
  gint64 *direct;     /* lines only: the part of actual booked for one campaign */
  gint64  allocated;  /* lines only */
  PlItem *category;   /* lines only, borrowed */
  int     horizon;    /* lines only: 0 short-term, 1 long-term */
} Row;

typedef struct {
  gint64  allocated;
  gint64 *actual;     /* a month per column, then the whole period */
} CampaignRow;

struct _PlBudgetTotals
{
  PlPlan     *plan;
  guint       months;
  GHashTable *rows;       /* PlItem (line or category) -> Row */
  GHashTable *campaigns;  /* campaign ID -> CampaignRow, made on the first question */
  guint64     campaigns_serial;  /* of the campaigns (their dates) when they were made */
  Row         total;
  guint64     serials[6];  /* of the collections the totals were made from */
  guint       n_lines;     /* counted */
  Row         horizons[2];
  Row         unbudgeted;  /* spend on no line */
};

static void
row_init (Row *row, guint months)
{
  row->planned = g_new0 (gint64, months + 1);
  row->actual = g_new0 (gint64, months + 1);
  row->committed = g_new0 (gint64, months + 1);
  row->direct = g_new0 (gint64, months + 1);
  row->allocated = 0;
}

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->planned, g_free);
  g_clear_pointer (&row->actual, g_free);
  g_clear_pointer (&row->committed, g_free);
  g_clear_pointer (&row->direct, g_free);
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
  row->planned[month] = pl_money_sum (row->planned[month], amount);
  row->planned[self->months] = pl_money_sum (row->planned[self->months], amount);
}

static void
add_actual (PlBudgetTotals *self, Row *row, guint month, gint64 amount)
{
  row->actual[month] = pl_money_sum (row->actual[month], amount);
  row->actual[self->months] = pl_money_sum (row->actual[self->months], amount);
}

static void
add_committed (PlBudgetTotals *self, Row *row, guint month, gint64 amount)
{
  row->committed[month] = pl_money_sum (row->committed[month], amount);
  row->committed[self->months] = pl_money_sum (row->committed[self->months], amount);
}

static void
campaign_row_free (gpointer data)
{
  CampaignRow *row = data;

  g_free (row->actual);
  g_free (row);
}

static CampaignRow *
campaign_row_for (PlBudgetTotals *self, const char *id)
{
  CampaignRow *row = g_hash_table_lookup (self->campaigns, id);

  if (row == NULL)
    {
      row = g_new0 (CampaignRow, 1);
      row->actual = g_new0 (gint64, self->months + 1);
      /* The key lives as long as the record that names the campaign, which the plan holds. */
      g_hash_table_insert (self->campaigns, (gpointer) id, row);
    }
  return row;
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
static const PlCollection sources[6] = {
  PL_COLLECTION_LINES, PL_COLLECTION_CATEGORIES, PL_COLLECTION_SPEND, PL_COLLECTION_ALLOCATIONS, PL_COLLECTION_NONE,
  /* The spend KPI is the spend of a plan with no spending records. */
  PL_COLLECTION_KPIS,
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
  row_init (&self->unbudgeted, self->months);
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

      void (*add) (PlBudgetTotals *, Row *, guint, gint64) = pl_spend_is_actual (entry) ? add_actual : add_committed;

      /* Spend outside the period is a validation problem, not part of this period's figures. */
      if (month < 0)
        continue;
      /* Spend on no line (or on a line that is gone) is unbudgeted: no line's, but the plan's. */
      if (row == NULL)
        {
          add (self, &self->unbudgeted, (guint) month, amount);
          add (self, &self->total, (guint) month, amount);
          continue;
        }
      add (self, row, (guint) month, amount);
      if (row->category != NULL)
        add (self, row_for (self, row->category), (guint) month, amount);
      add (self, &self->total, (guint) month, amount);
      add (self, &self->horizons[row->horizon], (guint) month, amount);
    }

  for (guint i = 0, n = g_list_model_get_n_items (allocations); i < n; i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      const char *line_id = pl_item_get_string (allocation, PL_ALLOCATION_LINE);
      Row *row = line_id ? g_hash_table_lookup (line_rows, line_id) : NULL;

      if (row != NULL)
        row->allocated = pl_money_sum (row->allocated, pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT));
    }

  /* Without spending records, the spend KPI is the plan's spend (pl_figures_spend_source()):
   * the whole plan's actual by month comes from it, as the summary's and the report's do;
   * lines and categories have none to show. */
  if (pl_figures_spend_source (plan) == PL_SPEND_FROM_KPI)
    {
      PlKpi *kpi = pl_figures_kpi_for_stage (plan, PL_STAGE_SPEND);
      guint exponent = pl_plan_get_currency_exponent (plan);

      for (guint m = 0; m < self->months; m++)
        {
          double value = pl_figures_kpi_value (plan, kpi, bounds[m], bounds[m + 1]);
          if (!isnan (value))
            add_actual (self, &self->total, m, pl_money_from_major (value, exponent));
        }
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
  row_clear (&self->unbudgeted);
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
pl_budget_totals_line_committed (const PlBudgetTotals *self, PlItem *line, int month)
{
  const Row *row = lookup (self, line);
  return row ? row->committed[column (self, month)] : 0;
}

gint64
pl_budget_totals_line_remaining (const PlBudgetTotals *self, PlItem *line, int month)
{
  const Row *row = lookup (self, line);
  guint c = column (self, month);
  return row ? pl_money_sum (row->planned[c], -pl_money_sum (row->actual[c], row->committed[c])) : 0;
}

gint64
pl_budget_totals_unbudgeted (const PlBudgetTotals *self, int month)
{
  return self->unbudgeted.actual[column (self, month)];
}

gint64
pl_budget_totals_unbudgeted_committed (const PlBudgetTotals *self, int month)
{
  return self->unbudgeted.committed[column (self, month)];
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
pl_budget_totals_committed (const PlBudgetTotals *self, PlItem *category, int month)
{
  return pl_budget_totals_line_committed (self, category, month);
}

gint64
pl_budget_totals_remaining (const PlBudgetTotals *self, PlItem *category, int month)
{
  return pl_budget_totals_line_remaining (self, category, month);
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

/* One allocation of a line, with the days its campaign runs. */
typedef struct {
  CampaignRow *row;
  gint64       amount;
  guint32      from, to;   /* [from, to) */
} Share;

/* Splits @amount over @n weights so that the parts add up to it exactly: each part is the
 * rounded running total minus the one before, so no cent is lost or made up. */
static void
spread (gint64 amount, const double *weights, guint n, double total, gint64 *parts)
{
  double running = 0;
  gint64 given = 0;

  for (guint i = 0; i < n; i++)
    {
      gint64 upto;

      running += weights[i];
      upto = (gint64) llround ((double) amount * running / total);
      parts[i] = upto - given;
      given = upto;
    }
}

/* Campaign totals: thousands of campaigns, asked for by few views, so made on demand.
 * A line's actual of a month goes to the campaigns active that month, in proportion to
 * their allocations and to the days each runs in it; spend booked for one campaign goes to
 * it alone; what no active campaign can take stays on the line, unattributed. */
static GHashTable *
campaigns (const PlBudgetTotals *totals)
{
  PlBudgetTotals *self = (PlBudgetTotals *) totals;
  GListModel *allocations, *spend;
  g_autoptr(GHashTable) by_line = NULL;
  g_autofree guint32 *bounds = NULL;
  guint64 serial = pl_plan_get_collection_serial (self->plan, PL_COLLECTION_CAMPAIGNS);
  GHashTableIter iter;
  gpointer key, value;

  if (self->campaigns != NULL && self->campaigns_serial == serial)
    return self->campaigns;
  g_clear_pointer (&self->campaigns, g_hash_table_unref);
  self->campaigns_serial = serial;
  self->campaigns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, campaign_row_free);
  bounds = g_new (guint32, self->months + 1);
  for (guint m = 0; m <= self->months; m++)
    bounds[m] = pl_plan_month_start (self->plan, m);

  /* Line row -> GArray of Share. */
  by_line = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  allocations = pl_plan_get_collection (self->plan, PL_COLLECTION_ALLOCATIONS);
  for (guint i = 0, n = g_list_model_get_n_items (allocations); i < n; i++)
    {
      g_autoptr(PlItem) allocation = g_list_model_get_item (allocations, i);
      PlItem *line = pl_plan_lookup (self->plan, pl_item_get_string (allocation, PL_ALLOCATION_LINE));
      const char *campaign_id = pl_item_get_string (allocation, PL_ALLOCATION_CAMPAIGN);
      PlItem *campaign = pl_plan_lookup (self->plan, campaign_id);
      Row *line_row = line ? g_hash_table_lookup (self->rows, line) : NULL;
      GArray *shares;
      Share share;

      if (line_row == NULL || campaign == NULL)
        continue;
      share.row = campaign_row_for (self, campaign_id);
      share.amount = pl_item_get_int (allocation, PL_ALLOCATION_AMOUNT);
      share.row->allocated = pl_money_sum (share.row->allocated, share.amount);
      /* A campaign without dates runs the whole period. */
      share.from = pl_item_get_julian (campaign, PL_CAMPAIGN_START);
      share.to = pl_item_get_julian (campaign, PL_CAMPAIGN_END);
      share.from = share.from ? share.from : bounds[0];
      share.to = share.to ? share.to + 1 : bounds[self->months];
      shares = g_hash_table_lookup (by_line, line_row);
      if (shares == NULL)
        {
          shares = g_array_new (FALSE, FALSE, sizeof (Share));
          g_hash_table_insert (by_line, line_row, shares);
        }
      g_array_append_val (shares, share);
    }

  /* Spend booked for one campaign: counted for it, and out of what its line shares. The
   * lines' rows outlive these totals when only a planned amount changed: their direct part is
   * counted again from nothing, or it would be taken twice out of what the line shares. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    memset (((Row *) value)->direct, 0, (self->months + 1) * sizeof (gint64));
  spend = pl_plan_get_collection (self->plan, PL_COLLECTION_SPEND);
  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      const char *campaign_id = pl_item_get_string (entry, PL_SPEND_CAMPAIGN);
      PlItem *line = pl_plan_lookup (self->plan, pl_item_get_string (entry, PL_SPEND_LINE));
      Row *line_row = line ? g_hash_table_lookup (self->rows, line) : NULL;
      int month = month_of (bounds, self->months, pl_item_get_julian (entry, PL_SPEND_DATE));
      gint64 amount = pl_item_get_int (entry, PL_SPEND_AMOUNT);
      CampaignRow *row;

      if (campaign_id == NULL || pl_plan_lookup (self->plan, campaign_id) == NULL || line_row == NULL || month < 0 ||
          !pl_spend_is_actual (entry))
        continue;
      row = campaign_row_for (self, campaign_id);
      row->actual[month] = pl_money_sum (row->actual[month], amount);
      row->actual[self->months] = pl_money_sum (row->actual[self->months], amount);
      line_row->direct[month] = pl_money_sum (line_row->direct[month], amount);
    }

  g_hash_table_iter_init (&iter, by_line);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Row *line_row = key;
      GArray *shares = value;
      g_autofree double *weights = g_new (double, shares->len);
      g_autofree gint64 *parts = g_new (gint64, shares->len);

      for (guint m = 0; m < self->months; m++)
        {
          gint64 amount = pl_money_difference (line_row->actual[m], line_row->direct[m]);
          double days = (double) (bounds[m + 1] - bounds[m]), total = 0;

          if (amount == 0)
            continue;
          for (guint i = 0; i < shares->len; i++)
            {
              const Share *share = &g_array_index (shares, Share, i);
              guint32 from = MAX (share->from, bounds[m]), to = MIN (share->to, bounds[m + 1]);

              weights[i] = to > from && share->amount > 0 ? (double) share->amount * (double) (to - from) / days : 0;
              total += weights[i];
            }
          if (total <= 0)
            continue;
          if (amount != PL_MONEY_OVERFLOW)
            spread (amount, weights, shares->len, total, parts);
          for (guint i = 0; i < shares->len; i++)
            {
              CampaignRow *row = g_array_index (shares, Share, i).row;
              /* What is not known is not shared out: each campaign's part is not known either. */
              gint64 part = amount == PL_MONEY_OVERFLOW ? (weights[i] > 0 ? PL_MONEY_OVERFLOW : 0) : parts[i];

              row->actual[m] = pl_money_sum (row->actual[m], part);
              row->actual[self->months] = pl_money_sum (row->actual[self->months], part);
            }
        }
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
  return pl_budget_totals_campaign_actual_month (self, campaign, -1);
}

gint64
pl_budget_totals_campaign_actual_month (const PlBudgetTotals *self, PlItem *campaign, int month)
{
  const CampaignRow *row = g_hash_table_lookup (campaigns (self), pl_item_get_id (campaign));
  return row ? row->actual[column (self, month)] : 0;
}
