/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-budget-totals.h"
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
 * less committed, at most what it planned (credits outweighing its spend give back its plan,
 * not other months' refunds), summed, never below nothing: a month overspent gives nothing
 * back and takes from what the other months left (a quarter gives back no more than the
 * quarter did not spend, as its budget shows it), and months of one fiscal quarter give back
 * no more than their whole quarter left. */
gint64   pl_budget_carry_unspent        (PlPlan *plan, PlItem *line, guint first, guint last);
/* The same read from @totals (up to date with their plan): for a view that shows many
 * periods without summing the plan again for each. */
gint64   pl_budget_carry_unspent_in     (const PlBudgetTotals *totals, PlItem *line, guint first, guint last);
/* What month @month of @line left as the unspent of a span counts it, read from @totals:
 * planned less actual less committed, at most its plan, negative when it overspent (what it
 * takes from the span's other months). */
gint64   pl_budget_carry_month_left_in  (const PlBudgetTotals *totals, PlItem *line, guint month);
/* Moves @amount (at most the unspent of the source months) of @line from months
 * [@from_first, @from_last], which must all have ended by @today (a Julian day), into months
 * [@to_first, @to_last], which must come after them, spread as @spread says. One undoable
 * edit. FALSE with PL_ERROR_INVALID_VALUE in plain words when it cannot be done (nothing
 * unspent, a month not closed, targets not after the sources, out of the period).
 * When @amount is less than the unspent of several source months, each gives in proportion to
 * what it left unspent (exact in minor units); evenly puts amount / n in each target month and
 * the rounding remainder in the last. */
gboolean pl_budget_carry                (PlPlan *plan, PlItem *line, guint from_first, guint from_last,
                                         guint to_first, guint to_last, PlCarrySpread spread,
                                         gint64 amount, guint32 today, GError **error);
/* What pl_budget_carry() would do, without doing it: FALSE with the same error, or TRUE with
 * @changes (one per month of the period, set to 0 first) holding what each month's planned
 * amount would gain (positive) or lose (negative). For a preview that checks as a user types. */
gboolean pl_budget_carry_preview        (PlPlan *plan, PlItem *line, guint from_first, guint from_last,
                                         guint to_first, guint to_last, PlCarrySpread spread,
                                         gint64 amount, guint32 today, gint64 *changes, GError **error);
/* How many months of the period, from its first, have ended by @today (a Julian day): the
 * months that can be carried from. */
guint    pl_budget_carry_closed_months  (PlPlan *plan, guint32 today);
/* The day months count as closed by in the window, for pl_budget_carry()'s @today: the day
 * after the one the budget's figures are as of when the user chose it (the figures are as of
 * that day's end: pl_dashboard_choose_as_of()), otherwise @today or, when later, the first
 * day after the last month measured (a plan measured ahead of the calendar, as the bundled
 * example is, has closed those months). */
guint32  pl_budget_carry_as_of          (PlPlan *plan, guint32 today);
/* Months [@first, @last] of the period in words: "March 2027", "Q1 2027" for a whole fiscal
 * quarter of a year starting in January ("Q2 (July–September 2027)" otherwise, where "Q2 2027"
 * would be read as April–June), "January–February 2027", "November 2027–January 2028". */
char    *pl_budget_carry_describe_months (PlPlan *plan, guint first, guint last);
/* The same without naming quarters ("April–June 2027"): months as a budget shows them. */
char    *pl_budget_carry_describe_span  (PlPlan *plan, guint first, guint last);
/* The moves recorded on @line, oldest first: a new array of PlCarry (strings that do not
 * read, or name months outside the period, are skipped; the reader reports those that do
 * not read). */
GArray  *pl_budget_carry_list           (PlPlan *plan, PlItem *line);
/* What month @month of @line received or gave, in words for a cell's tooltip or a note, one
 * line per move, oldest first; NULL when none (a cell is marked as carried when it is not).
 * Where it came from reads as a period, where it went as the months a budget shows: a
 * month that received "12,000 € carried from Q1 2027" (one target month) or "12,000 € carried
 * from Q1 2027 into April–June 2027"; a month that gave "8,000 € carried into April–June 2027"
 * or, of a source of several months, "8,000 € of Q1 2027 carried into April–June 2027". */
char    *pl_budget_carry_describe_month (PlPlan *plan, PlItem *line, guint month);
/* The amount month @month of @line received (positive) or gave (negative) by carrying. What
 * each month of a source of several months gave is not recorded (a move keeps its total, and
 * the months gave in proportion to an unspent that later spend changes): such a move counts
 * here only in the months that received it; pl_budget_carry_describe_month() names it. */
gint64   pl_budget_carry_month_amount   (PlPlan *plan, PlItem *line, guint month);
/* Reads @text, one string of PL_BUDGET_LINE_CARRIED, with money of @exponent decimals: TRUE
 * with the first days (Julian) of its four months in @days (from first, from last, to first,
 * to last) and its amount; FALSE with a clause in plain words saying what does not read
 * ("“2027-13” is not a month (YYYY-MM)"), for the reader to put in its sentence. */
gboolean pl_budget_carry_read           (const char *text, guint exponent, guint32 days[4],
                                         gint64 *amount, GError **error);

G_END_DECLS
