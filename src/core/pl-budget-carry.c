/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-carry"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pl-apportion.h"
#include "pl-budget-carry.h"
#include "pl-budget-totals.h"
#include "pl-dashboard.h"
#include "pl-date-text.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-money.h"
#include "pl-rules.h"

/* The first day after month @month of the period. */
static guint32
month_end (PlPlan *plan, guint month)
{
  return month + 1 < pl_plan_get_months (plan) ? pl_plan_month_start (plan, month + 1) : pl_plan_get_end (plan);
}

guint
pl_budget_carry_closed_months (PlPlan *plan, guint32 today)
{
  guint months = pl_plan_get_months (plan);
  guint closed = 0;

  while (closed < months && month_end (plan, closed) <= today)
    closed++;
  return closed;
}

/* What month @month of @line left, planned less actual less committed, at most its plan (a
 * month whose credits outweigh its spend gives back its plan, not the refunds of other months);
 * negative when the month overspent. */
static gint64
month_left (const PlBudgetTotals *totals, PlItem *line, guint month)
{
  gint64 remaining = pl_budget_totals_line_remaining (totals, line, (int) month);
  gint64 planned = pl_budget_totals_line_planned (totals, line, (int) month);

  return remaining == PL_MONEY_OVERFLOW ? 0 : MIN (remaining, MAX (planned, 0));
}

/* What months [@first, @last] of @line left together: what each left, an overspent month
 * taking back from the others. @weights (one per month, or NULL) get what each month left
 * when it left something, the share it gives of a move. */
static gint64
span_net (const PlBudgetTotals *totals, PlItem *line, guint first, guint last, double *weights)
{
  gint64 net = 0;

  for (guint m = first; m <= last && m < pl_budget_totals_get_months (totals); m++)
    {
      gint64 left = month_left (totals, line, m);

      net = pl_money_sum (net, left);
      if (weights != NULL)
        weights[m - first] = (double) MAX (left, 0);
    }
  return net == PL_MONEY_OVERFLOW ? 0 : net;
}

/* What months [@first, @last] of @line left unspent, never below nothing: a quarter gives back
 * no more than the quarter did not spend, and months of a quarter no more than their quarter
 * left (else carrying a quarter, then one of its months, would give more than it left). */
static gint64
span_unspent (const PlBudgetTotals *totals, PlItem *line, guint first, guint last, double *weights)
{
  gint64 unspent = span_net (totals, line, first, last, weights);
  guint quarter = first / 3 * 3;

  if (last / 3 * 3 == quarter && (first != quarter || last != quarter + 2))
    unspent = MIN (unspent, span_net (totals, line, quarter, quarter + 2, NULL));
  return MAX (unspent, 0);
}

guint32
pl_budget_carry_as_of (PlPlan *plan, guint32 today)
{
  guint32 chosen = pl_dashboard_get_chosen_as_of (plan);
  guint32 measured = pl_figures_measured_until (plan);

  if (chosen != 0)
    return chosen + 1;
  /* measured_until() is the period's start when nothing is measured. */
  return measured > pl_plan_get_start (plan) ? MAX (today, measured) : today;
}

gint64
pl_budget_carry_unspent_in (const PlBudgetTotals *totals, PlItem *line, guint first, guint last)
{
  g_return_val_if_fail (PL_IS_BUDGET_LINE (line), 0);
  return span_unspent (totals, line, first, last, NULL);
}

gint64
pl_budget_carry_month_left_in (const PlBudgetTotals *totals, PlItem *line, guint month)
{
  g_return_val_if_fail (PL_IS_BUDGET_LINE (line), 0);
  return month < pl_budget_totals_get_months (totals) ? month_left (totals, line, month) : 0;
}

gint64
pl_budget_carry_unspent (PlPlan *plan, PlItem *line, guint first, guint last)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);

  return pl_budget_carry_unspent_in (totals, line, first, last);
}

/* Months [@first, @last] in words; a whole quarter as a quarter when @quarters. */
static char *
describe_months (PlPlan *plan, guint first, guint last, gboolean quarters)
{
  guint32 a = pl_plan_month_start (plan, first), b = pl_plan_month_start (plan, last);
  g_autofree char *start = NULL, *end = NULL;

  if (first == last)
    return pl_rules_describe_month (a);
  end = pl_rules_describe_month (b);
  quarters = quarters && first % 3 == 0 && last == first + 2;
  if (quarters)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, pl_plan_get_start (plan));
      /* A quarter of a year starting in January is the calendar's: its year says which. */
      if (g_date_get_month (&date) == G_DATE_JANUARY)
        /* Translators: a quarter of the fiscal year and its year, "Q1 2027" */
        return g_strdup_printf (_("Q%u %d"), first / 3 + 1, pl_date_year (a));
    }
  /* Translators: the month name alone, as in "January" of "January–March 2027" */
  start = pl_date_year (a) == pl_date_year (b) ? pl_date_format (a, C_("month alone", "%B")) : pl_rules_describe_month (a);
  if (quarters)
    /* Translators: a fiscal quarter that is not the calendar's, and its months:
     * "Q2 (July–September 2027)" */
    return g_strdup_printf (_("Q%u (%s–%s)"), first / 3 + 1, start, end);
  /* Translators: a span of months, "January–February 2027", "November 2027–January 2028" */
  return g_strdup_printf (_("%s–%s"), start, end);
}

char *
pl_budget_carry_describe_months (PlPlan *plan, guint first, guint last)
{
  return describe_months (plan, first, last, TRUE);
}

char *
pl_budget_carry_describe_span (PlPlan *plan, guint first, guint last)
{
  return describe_months (plan, first, last, FALSE);
}

static gboolean
fail (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Sets @error to a PL_ERROR_INVALID_VALUE; returns FALSE, for `return fail (...)`. */
static gboolean
fail (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PL_ERROR, PL_ERROR_INVALID_VALUE, format, args));
  va_end (args);
  return FALSE;
}

gboolean
pl_budget_carry_preview (PlPlan *plan, PlItem *line, guint from_first, guint from_last, guint to_first,
                         guint to_last, PlCarrySpread spread, gint64 amount, guint32 today, gint64 *changes,
                         GError **error)
{
  guint months = pl_plan_get_months (plan);
  guint exponent = pl_plan_get_currency_exponent (plan);
  const char *currency = pl_plan_get_currency (plan);
  g_autoptr(PlBudgetTotals) totals = NULL;
  g_autofree double *weights = NULL;
  g_autofree gint64 *parts = NULL;
  g_autofree char *sources = NULL;
  gint64 unspent = 0;
  guint n_from, n_to;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (PL_IS_BUDGET_LINE (line), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  memset (changes, 0, months * sizeof (gint64));
  if (from_first > from_last || to_first > to_last || from_last >= months || to_last >= months)
    return fail (error, _("The months to carry from and into must be months of the plan’s period, in order."));
  if (spread == PL_CARRY_ONE_MONTH && to_first != to_last)
    return fail (error, _("Carrying into one month needs that one month."));
  sources = pl_budget_carry_describe_months (plan, from_first, from_last);
  if (month_end (plan, from_last) > today)
    {
      g_autofree char *open = pl_rules_describe_month (pl_plan_month_start (plan, from_last));
      /* Translators: a month; only what a month did not spend, once it is over, moves */
      return fail (error, _("%s has not ended yet: only the unspent budget of months that have ended can be "
                            "carried over."), open);
    }
  if (to_first <= from_last)
    {
      g_autofree char *targets = pl_budget_carry_describe_months (plan, to_first, to_last);
      /* Translators: "The budget of Q1 2027 can only be carried into later months, not into March 2027." */
      return fail (error, _("The budget of %s can only be carried into later months, not into %s."), sources, targets);
    }

  n_from = from_last - from_first + 1;
  weights = g_new0 (double, n_from);
  totals = pl_budget_totals_new (plan);
  unspent = span_unspent (totals, line, from_first, from_last, weights);
  if (unspent <= 0)
    /* Translators: a budget line, then months */
    return fail (error, _("“%s” has nothing unspent in %s: its spend and orders used all it planned."),
                 pl_item_get_display_name (line), sources);
  if (amount <= 0)
    return fail (error, _("The amount to carry must be more than zero."));
  if (amount > unspent)
    {
      g_autofree char *most = pl_money_format (unspent, exponent, currency);
      g_autofree char *asked = pl_money_format (amount, exponent, currency);
      /* Translators: "Only €12,000 is unspent in Q1 2027 on “Paid search”: €15,000 cannot be carried." */
      return fail (error, _("Only %s is unspent in %s on “%s”: %s cannot be carried."), most, sources,
                   pl_item_get_display_name (line), asked);
    }

  /* The sources give in proportion to what each left unspent: all of it when all is carried. */
  parts = g_new0 (gint64, n_from);
  pl_apportion (amount, weights, n_from, parts);
  for (guint m = from_first; m <= from_last; m++)
    changes[m] = -parts[m - from_first];
  n_to = to_last - to_first + 1;
  for (guint m = to_first; m <= to_last; m++)
    changes[m] = amount / n_to + (m == to_last ? amount % n_to : 0);

  /* A target month may not hold more than a plan holds. */
  for (guint m = to_first; m <= to_last; m++)
    if (!pl_rule_planned (plan, line, m, pl_money_sum (pl_figures_line_planned (PL_BUDGET_LINE (line), (int) m),
                                                       changes[m]), error))
      {
        memset (changes, 0, months * sizeof (gint64));
        return FALSE;
      }
  return TRUE;
}

/* "2027-04", as the file writes a month. */
static char *
file_month (PlPlan *plan, guint month)
{
  return pl_date_format (pl_plan_month_start (plan, month), "%Y-%m");
}

gboolean
pl_budget_carry (PlPlan *plan, PlItem *line, guint from_first, guint from_last, guint to_first, guint to_last,
                 PlCarrySpread spread, gint64 amount, guint32 today, GError **error)
{
  guint months = pl_plan_get_months (plan);
  g_autofree gint64 *changes = g_new0 (gint64, months);
  g_autofree gint64 *planned = NULL;
  GVariant *current;
  gsize n = 0;
  const gint64 *old;
  const char * const *carried;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *money = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  gboolean ok;

  if (!pl_budget_carry_preview (plan, line, from_first, from_last, to_first, to_last, spread, amount, today,
                                changes, error))
    return FALSE;

  current = pl_item_get_variant (line, PL_BUDGET_LINE_PLANNED);
  old = current ? g_variant_get_fixed_array (current, &n, sizeof (gint64)) : NULL;
  planned = g_new0 (gint64, MAX (n, months));
  if (n > 0)
    memcpy (planned, old, n * sizeof (gint64));
  for (guint m = 0; m < months; m++)
    planned[m] += changes[m];

  carried = pl_item_get_strv (line, PL_BUDGET_LINE_CARRIED);
  for (guint i = 0; carried != NULL && carried[i] != NULL; i++)
    g_ptr_array_add (strings, g_strdup (carried[i]));
  a = file_month (plan, from_first);
  b = file_month (plan, from_last);
  c = file_month (plan, to_first);
  d = file_month (plan, to_last);
  money = pl_money_to_string (amount, pl_plan_get_currency_exponent (plan));
  g_ptr_array_add (strings, g_strdup_printf ("%s %s %s %s %s", a, b, c, d, money));
  g_ptr_array_add (strings, NULL);

  pl_plan_begin_group (plan, _("Carry Over Budget"));
  ok = pl_plan_set_variant (plan, line, PL_BUDGET_LINE_PLANNED,
                            g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, planned, MAX (n, months), sizeof (gint64)),
                            error) &&
       pl_plan_set_strv (plan, line, PL_BUDGET_LINE_CARRIED, (const char * const *) strings->pdata, error);
  return pl_plan_finish_group (plan, ok);
}

/* "2027-04" as the first day of its month; FALSE when it is not a month. */
static gboolean
read_month (const char *text, guint32 *julian)
{
  guint64 year, month;

  if (strlen (text) != 7 || text[4] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]))
    return FALSE;
  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  if (year < 1 || month < 1 || month > 12)
    return FALSE;
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 1, (GDateMonth) month, (GDateYear) year);
    *julian = g_date_get_julian (&date);
  }
  return TRUE;
}

gboolean
pl_budget_carry_read (const char *text, guint exponent, guint32 days[4], gint64 *amount, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);
  g_autoptr(GError) money_error = NULL;
  guint32 read[4];

  if (g_strv_length (parts) != 5)
    return fail (error, _("it is not four months and an amount separated by spaces "
                          "(FROM-FIRST FROM-LAST TO-FIRST TO-LAST AMOUNT, as in “2027-01 2027-03 2027-04 2027-06 "
                          "12000.00”)"));
  for (guint i = 0; i < 4; i++)
    if (!read_month (parts[i], &read[i]))
      return fail (error, _("“%s” is not a month (YYYY-MM)"), parts[i]);
  if (read[0] > read[1] || read[2] > read[3])
    return fail (error, _("a span of months ends before it starts"));
  if (read[2] <= read[1])
    return fail (error, _("the months it went to do not come after those it came from"));
  if (!pl_money_parse (parts[4], exponent, amount, &money_error))
    return fail (error, "%s", money_error->message);
  if (*amount <= 0)
    return fail (error, _("the amount carried must be more than zero"));
  memcpy (days, read, sizeof read);
  return TRUE;
}

GArray *
pl_budget_carry_list (PlPlan *plan, PlItem *line)
{
  const char * const *carried = pl_item_get_strv (line, PL_BUDGET_LINE_CARRIED);
  guint exponent = pl_plan_get_currency_exponent (plan);
  GArray *moves = g_array_new (FALSE, FALSE, sizeof (PlCarry));

  for (guint i = 0; carried != NULL && carried[i] != NULL; i++)
    {
      guint32 days[4];
      int index[4];
      PlCarry carry;
      gboolean inside = TRUE;

      if (!pl_budget_carry_read (carried[i], exponent, days, &carry.amount, NULL))
        continue;
      /* A move recorded before the fiscal period changed may name months no longer in it. */
      for (guint k = 0; k < 4; k++)
        inside = inside && (index[k] = pl_plan_month_index (plan, days[k])) >= 0;
      if (!inside)
        continue;
      carry.from_first = (guint) index[0];
      carry.from_last = (guint) index[1];
      carry.to_first = (guint) index[2];
      carry.to_last = (guint) index[3];
      g_array_append_val (moves, carry);
    }
  return moves;
}

/* What month @month received of @carry, spread evenly with the rounding in the last. */
static gint64
received (const PlCarry *carry, guint month)
{
  guint n = carry->to_last - carry->to_first + 1;

  if (month < carry->to_first || month > carry->to_last)
    return 0;
  return carry->amount / n + (month == carry->to_last ? carry->amount % n : 0);
}

gint64
pl_budget_carry_month_amount (PlPlan *plan, PlItem *line, guint month)
{
  g_autoptr(GArray) moves = pl_budget_carry_list (plan, line);
  gint64 total = 0;

  for (guint i = 0; i < moves->len; i++)
    {
      const PlCarry *carry = &g_array_index (moves, PlCarry, i);

      total = pl_money_sum (total, received (carry, month));
      if (carry->from_first == month && carry->from_last == month)
        total = pl_money_difference (total, carry->amount);
    }
  return total;
}

char *
pl_budget_carry_describe_month (PlPlan *plan, PlItem *line, guint month)
{
  g_autoptr(GArray) moves = pl_budget_carry_list (plan, line);
  g_autoptr(GString) text = g_string_new (NULL);
  guint exponent = pl_plan_get_currency_exponent (plan);
  const char *currency = pl_plan_get_currency (plan);

  for (guint i = 0; i < moves->len; i++)
    {
      const PlCarry *carry = &g_array_index (moves, PlCarry, i);
      g_autofree char *money = NULL, *from = NULL, *to = NULL;
      gboolean gave = month >= carry->from_first && month <= carry->from_last;
      gboolean got = month >= carry->to_first && month <= carry->to_last;

      if (!gave && !got)
        continue;
      money = pl_money_format (carry->amount, exponent, currency);
      from = pl_budget_carry_describe_months (plan, carry->from_first, carry->from_last);
      /* Where it went reads as the months a budget shows, where it came from as a period. */
      to = describe_months (plan, carry->to_first, carry->to_last, FALSE);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (got && carry->to_first == carry->to_last)
        /* Translators: "€12,000 carried from Q1 2027" (budget left unspent, moved into this month) */
        g_string_append_printf (text, _("%s carried from %s"), money, from);
      else if (got)
        /* Translators: "€12,000 carried from Q1 2027 into April–June 2027" */
        g_string_append_printf (text, _("%s carried from %s into %s"), money, from, to);
      else if (carry->from_first == carry->from_last)
        /* Translators: "€8,000 carried into April–June 2027" (budget this month left unspent) */
        g_string_append_printf (text, _("%s carried into %s"), money, to);
      else
        /* Translators: "€8,000 of Q1 2027 carried into April–June 2027" */
        g_string_append_printf (text, _("%s of %s carried into %s"), money, from, to);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
