/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-unbudgeted"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-money.h"
#include "pl-unbudgeted.h"

static int
compare_dates (gconstpointer a, gconstpointer b)
{
  PlItem *x = ((const PlUnbudgetedEntry *) a)->entry, *y = ((const PlUnbudgetedEntry *) b)->entry;
  guint32 dx = pl_item_get_julian (x, PL_SPEND_DATE), dy = pl_item_get_julian (y, PL_SPEND_DATE);

  return dx < dy ? -1 : dx > dy;
}

static int
compare_over (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const PlUnbudgetedLine *) a)->over, y = ((const PlUnbudgetedLine *) b)->over;

  return x > y ? -1 : x < y;
}

/* The entries that took @over->line beyond its plan: its latest positive ones, newest first,
 * until they make the excess; put in date order at the end of @entries. */
static void
add_line_entries (PlUnbudgeted *self, const PlUnbudgetedLine *over, GArray *line_entries)
{
  gint64 left = over->over;
  guint first = self->entries->len;

  g_array_sort (line_entries, compare_dates);
  for (guint i = line_entries->len; i-- > 0 && left > 0;)
    {
      PlUnbudgetedEntry entry = g_array_index (line_entries, PlUnbudgetedEntry, i);

      if (entry.amount <= 0)
        continue;
      entry.amount = MIN (entry.amount, left);
      left -= entry.amount;
      g_array_append_val (self->entries, entry);
    }
  /* Newest first above; a list reads oldest first. */
  for (guint i = first, j = self->entries->len; j > 0 && i < --j; i++)
    {
      PlUnbudgetedEntry swap = g_array_index (self->entries, PlUnbudgetedEntry, i);
      g_array_index (self->entries, PlUnbudgetedEntry, i) = g_array_index (self->entries, PlUnbudgetedEntry, j);
      g_array_index (self->entries, PlUnbudgetedEntry, j) = swap;
    }
}

PlUnbudgeted *
pl_unbudgeted_new (PlPlan *plan, const PlBudgetTotals *totals)
{
  g_autoptr(PlBudgetTotals) own = NULL;
  GListModel *lines, *spend;
  g_autoptr(GHashTable) by_line = NULL;  /* line -> GArray of PlUnbudgetedEntry */
  PlUnbudgeted *self;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  if (totals == NULL)
    totals = own = pl_budget_totals_new (plan);
  self = g_new0 (PlUnbudgeted, 1);
  self->lines = g_array_new (FALSE, FALSE, sizeof (PlUnbudgetedLine));
  self->entries = g_array_new (FALSE, FALSE, sizeof (PlUnbudgetedEntry));
  /* The same figures as the budget totals, so the flag and the grid always agree. */
  self->no_line_committed = pl_budget_totals_unbudgeted_committed (totals, -1);
  self->no_line = pl_money_sum (pl_budget_totals_unbudgeted (totals, -1), self->no_line_committed);

  lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  by_line = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      gint64 remaining = pl_budget_totals_line_remaining (totals, line, -1);

      if (remaining < 0 && remaining != PL_MONEY_OVERFLOW)
        {
          PlUnbudgetedLine over = { line, pl_budget_totals_line_planned (totals, line, -1), 0, -remaining };

          over.booked = pl_money_sum (over.planned, over.over);
          g_array_append_val (self->lines, over);
          self->over_lines = pl_money_sum (self->over_lines, over.over);
          g_hash_table_insert (by_line, line, g_array_new (FALSE, FALSE, sizeof (PlUnbudgetedEntry)));
        }
    }
  g_array_sort (self->lines, compare_over);
  self->total = pl_money_sum (MAX (self->no_line, 0), self->over_lines);
  /* Nothing flagged, nothing to list: the spend (200,000 entries after a year of the books)
   * is not read again on every edit of a plan within its budget. */
  if (self->total <= 0)
    return self;

  spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) record = g_list_model_get_item (spend, i);
      PlItem *line = pl_plan_lookup (plan, pl_item_get_string (record, PL_SPEND_LINE));
      PlUnbudgetedEntry entry = { record, NULL, pl_item_get_int (record, PL_SPEND_AMOUNT) };
      GArray *of_line;

      if (pl_plan_month_index (plan, pl_item_get_julian (record, PL_SPEND_DATE)) < 0)
        continue;
      if (line == NULL || !PL_IS_BUDGET_LINE (line))
        g_array_append_val (self->entries, entry);
      else if ((of_line = g_hash_table_lookup (by_line, line)) != NULL)
        {
          entry.line = line;
          g_array_append_val (of_line, entry);
        }
    }
  g_array_sort (self->entries, compare_dates);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const PlUnbudgetedLine *over = &g_array_index (self->lines, PlUnbudgetedLine, i);
      add_line_entries (self, over, g_hash_table_lookup (by_line, over->line));
    }
  return self;
}

void
pl_unbudgeted_free (PlUnbudgeted *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->lines);
  g_array_unref (self->entries);
  g_free (self);
}

char *
pl_unbudgeted_describe (PlPlan *plan, const PlUnbudgeted *self)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  const char *currency = pl_plan_get_currency (plan);
  g_autofree char *total = NULL, *no_line = NULL, *over = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  if (self->total <= 0)
    return NULL;
  total = pl_money_format (self->total, exponent, currency);
  no_line = pl_money_format (self->no_line, exponent, currency);
  over = pl_money_format (self->over_lines, exponent, currency);
  if (self->over_lines <= 0)
    /* Translators: the unbudgeted flag: the amount, then the same amount on no line */
    return g_strdup_printf (_("%s of spend is not in the budget: it is booked on no budget line."), total);
  if (self->no_line <= 0)
    /* Translators: the unbudgeted flag: the amount, then the number of lines booked beyond their plan */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of spend is not in the budget: beyond the plan of %u line.",
                                         "%s of spend is not in the budget: beyond the plans of %u lines.", self->lines->len),
                            total, self->lines->len);
  /* Translators: the unbudgeted flag: the amount, the part on no line, the part beyond the lines' plans, their number */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of spend is not in the budget: %s on no line and %s beyond the plan of %u line.",
                                       "%s of spend is not in the budget: %s on no line and %s beyond the plans of %u lines.",
                                       self->lines->len),
                          total, no_line, over, self->lines->len);
}

char *
pl_unbudgeted_entry_reason (const PlUnbudgetedEntry *entry)
{
  if (entry->line == NULL)
    return g_strdup (_("No budget line"));
  /* Translators: why a spend entry is flagged as unbudgeted: the line's name */
  return g_strdup_printf (_("Beyond the plan of %s"), pl_item_get_display_name (entry->line));
}

gint64
pl_unbudgeted_actual_between (PlPlan *plan, guint32 from, guint32 to)
{
  GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
  gint64 total = 0;

  for (guint i = 0, n = g_list_model_get_n_items (spend); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, i);
      guint32 date = pl_item_get_julian (entry, PL_SPEND_DATE);
      PlItem *line = pl_plan_lookup (plan, pl_item_get_string (entry, PL_SPEND_LINE));

      if (date >= from && date < to && pl_spend_is_actual (entry) && (line == NULL || !PL_IS_BUDGET_LINE (line)))
        total = pl_money_sum (total, pl_item_get_int (entry, PL_SPEND_AMOUNT));
    }
  return total;
}
