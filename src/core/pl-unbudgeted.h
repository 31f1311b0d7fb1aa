/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-budget-totals.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Unbudgeted spend (issue 23): spend no budget line covers, and spend booked on a line beyond
 * its plan. A line is over when its actual plus committed spend over the whole period passes
 * its planned total for the whole period: a line that spends April's budget in March is early,
 * not unbudgeted (the grid's Remaining view shows that timing), while what it books beyond its
 * year is. Committed spend counts as well as actual: an order placed beyond the budget is
 * unbudgeted before its invoice comes. Spend outside the period is left out, as the budget
 * totals leave it. Plain data, made again after each change. Money in minor units. */

typedef struct {
  PlItem *entry;   /* the spend record, borrowed: the plan holds it */
  PlItem *line;    /* the line it is booked on; NULL for spend on no line (or on a line gone) */
  gint64  amount;  /* the part of it outside the budget: all of it on no line, a credit
                    * negative; on a line, what of it lies beyond the line's plan */
} PlUnbudgetedEntry;

typedef struct {
  PlItem *line;     /* borrowed */
  gint64  planned;  /* the whole period's plan */
  gint64  booked;   /* actual plus committed over the whole period */
  gint64  over;     /* booked less planned, > 0 */
} PlUnbudgetedLine;

typedef struct {
  gint64  no_line;            /* actual plus committed on no line, credits subtracted */
  gint64  no_line_committed;  /* the committed part of it */
  gint64  over_lines;         /* the lines' spend beyond their plans, summed */
  gint64  total;              /* what the flag says: no_line (when positive) plus over_lines */
  GArray *lines;              /* PlUnbudgetedLine, the most over first */
  GArray *entries;            /* PlUnbudgetedEntry: those on no line by date, then those that
                               * took each line over its plan (the latest ones), by line, by date;
                               * empty when nothing is flagged (total <= 0) */
} PlUnbudgeted;

/* The unbudgeted spend of @plan, read from @totals (made for the call when NULL), which must
 * be up to date with it. The entries of a line over its plan are its latest positive entries
 * that together make the excess; the first of them may lie partly within the plan, so its
 * amount is the part beyond: the entries' amounts of a line sum to its excess exactly. */
PlUnbudgeted *pl_unbudgeted_new      (PlPlan *plan, const PlBudgetTotals *totals);
void          pl_unbudgeted_free     (PlUnbudgeted *unbudgeted);
/* The flag's sentence, "4,200 € of spend is not in the budget: 3,000 € on no line and 1,200 €
 * beyond the plan of 1 line.", or NULL when nothing is unbudgeted. */
char         *pl_unbudgeted_describe (PlPlan *plan, const PlUnbudgeted *unbudgeted);
/* Why one entry is flagged, in words for a list: "No budget line" or "Beyond the plan of
 * Paid search". */
char         *pl_unbudgeted_entry_reason (const PlUnbudgetedEntry *entry);

/* The actual spend on no budget line (or on a line gone) dated in [@from, @to): the row that
 * makes a budget table's categories add up to the whole plan's spend, which counts it. */
gint64        pl_unbudgeted_actual_between (PlPlan *plan, guint32 from, guint32 to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlUnbudgeted, pl_unbudgeted_free)

G_END_DECLS
