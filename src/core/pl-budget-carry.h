/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Budget carried over (issue 23): the unspent part of closed months of a budget line moved
 * into later months of the same line, as one undoable edit. The planned amounts hold the move
 * (the source months lose what they did not spend, the target months gain it), and the line's
 * PL_BUDGET_LINE_CARRIED strings record it, so that the budget can say "12,000 carried from
 * Q1" beside the months that received it. Undoing the edit takes both back. Months are
 * 0-based in the plan's period. */

typedef enum {
  PL_CARRY_EVENLY,      /* spread over the target months, the rounding in the last */
  PL_CARRY_ONE_MONTH,   /* all into the first target month (to_first == to_last) */
} PlCarrySpread;

typedef struct {
  guint  from_first, from_last;  /* the months it came from */
  guint  to_first, to_last;      /* the months it went to */
  gint64 amount;                 /* minor units, > 0 */
} PlCarry;

/* What @line left unspent over months [@first, @last]: for each month, planned less actual
 * less committed when positive (a month overspent gives nothing back), summed. */
gint64   pl_budget_carry_unspent        (PlPlan *plan, PlItem *line, guint first, guint last);
/* Moves @amount (at most the unspent of the source months) of @line from months
 * [@from_first, @from_last], which must all have ended by @today (a Julian day), into months
 * [@to_first, @to_last], which must come after them, spread as @spread says. One undoable
 * edit. FALSE with PL_ERROR_INVALID_VALUE in plain words when it cannot be done (nothing
 * unspent, a month not closed, targets not after the sources, out of the period). */
gboolean pl_budget_carry                (PlPlan *plan, PlItem *line, guint from_first, guint from_last,
                                         guint to_first, guint to_last, PlCarrySpread spread,
                                         gint64 amount, guint32 today, GError **error);
/* The moves recorded on @line, oldest first: a new array of PlCarry (strings that do not
 * read are skipped; the reader reports them). */
GArray  *pl_budget_carry_list           (PlPlan *plan, PlItem *line);
/* What month @month of @line received or gave, in words for a cell's tooltip or a note:
 * "12,000 € carried from Q1 2027", "8,000 € carried into April–June 2027"; NULL when none. */
char    *pl_budget_carry_describe_month (PlPlan *plan, PlItem *line, guint month);
/* The amount month @month of @line received (positive) or gave (negative) by carrying. */
gint64   pl_budget_carry_month_amount   (PlPlan *plan, PlItem *line, guint month);

G_END_DECLS
