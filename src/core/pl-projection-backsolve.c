/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-projection"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-basis.h"
#include "pl-error.h"
#include "pl-money.h"
#include "pl-projection-private.h"

/* The reverse of the chain: from a goal over the period back to the spend it needs. */

/* The rows a back-solve fills, in this order. */
static const PlProjectionRow solved_rows[] = {
  PL_PROJECTION_SPEND, PL_PROJECTION_LEADS, PL_PROJECTION_MQL, PL_PROJECTION_SQL,
  PL_PROJECTION_CUSTOMERS, PL_PROJECTION_REVENUE,
};

struct _PlBacksolve {
  PlGoalKind goal;
  double     amount;
  guint      n_months;
  /* Row i of solved_rows, column c is values[i * (n_months + 2) + c]: the months, the
   * total, then what is needed before the period starts. */
  double    *values;
  double     planned;        /* the budget's spend over the period, after the drivers' changes */
  double     budget_leads;   /* the leads it buys at the drivers' CPL with the safety margin */
  gboolean   has_lever;
  PlDriver   lever;
  double     lever_from, lever_to;
  guint32    lever_month;    /* the month that achieved lever_to, 0 when none did */
};

/* @row's values, NULL for a row a back-solve does not fill. */
static double *
values_of (const PlBacksolve *self, PlProjectionRow row)
{
  for (guint i = 0; i < G_N_ELEMENTS (solved_rows); i++)
    if (solved_rows[i] == row)
      return self->values + i * (self->n_months + 2);
  return NULL;
}

/* A driver the back-solve divides by: known and more than zero, or a message in words. */
static gboolean
check_driver (const PlDrivers *drivers, PlDriver driver, GError **error)
{
  double value = pl_drivers_get (drivers, driver, NULL);

  if (isnan (value))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   /* Translators: %s is a driver's name (Cost per lead) */
                   _("%s is not known: measure it over more months, or type it as an assumption."),
                   pl_driver_name (driver));
      return FALSE;
    }
  if (value <= 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   /* Translators: %s is a driver's name (MQL to SQL conversion) */
                   _("%s is 0: no goal can be reached through it. Type a value above 0."),
                   pl_driver_name (driver));
      return FALSE;
    }
  return TRUE;
}

/* How far a lever must go, against what the plan has achieved for it. */
typedef struct {
  gboolean within_reach;  /* some month of the window already did what it needs */
  gboolean achieved;      /* it has a best month to compare with */
  double   score;         /* the smaller, the better the lever (see find_lever) */
} Reach;

/* Two scores equal but for rounding: every lever needs the same factor, computed apart. */
static gboolean
same_score (double a, double b)
{
  return fabs (a - b) <= 1e-9 * MAX (fabs (a), fabs (b));
}

/* @driver's reach when it must go from @from to @to. Everything is measured as a gain, the
 * log of the ratio in the direction that brings more customers (down for CPL, up for the
 * others): the gain needed is log F for every lever, the gain achieved is that of the best
 * month over the value now (0 without history, or when the value now is already better
 * than any month: an assumption is its own best). Within reach when the needed gain is no
 * more than the achieved one, then scored by their quotient: the share of what the plan has
 * shown it can do that the lever uses up. Beyond reach, scored by what is needed past the
 * best month, |log (needed / best)|. */
static Reach
lever_reach (const PlDrivers *drivers, PlDriver driver, double from, double to, guint32 *month)
{
  Reach reach = { FALSE, FALSE, 0 };
  double best, needed_gain, achieved_gain = 0;

  *month = 0;
  if (driver == PL_DRIVER_SPEND_CHANGE)
    /* The budget is what the plan achieves at a 0 % change: the spend needs the whole gap. */
    needed_gain = log ((1 + to / 100) / (1 + from / 100));
  else
    {
      gboolean down = driver == PL_DRIVER_CPL;

      needed_gain = down ? log (from / to) : log (to / from);
      if (pl_drivers_get_best_month (drivers, driver, &best, month))
        {
          reach.achieved = TRUE;
          achieved_gain = MAX (down ? log (from / best) : log (best / from), 0);
        }
    }
  if (achieved_gain > 0 && (needed_gain <= achieved_gain || same_score (needed_gain, achieved_gain)))
    {
      reach.within_reach = TRUE;
      reach.score = needed_gain / achieved_gain;
    }
  else
    {
      reach.score = needed_gain - achieved_gain;
      *month = 0;
    }
  return reach;
}

/* TRUE when @a is a better lever than @b, which comes before it in the candidates' order. */
static gboolean
better_reach (Reach a, Reach b)
{
  if (a.within_reach != b.within_reach)
    return a.within_reach;
  if (!same_score (a.score, b.score))
    return a.score < b.score;
  /* On a tie, a lever the plan has history for, so that spend wins only when no driver
   * has any; then the first in the candidates' order. */
  return a.achieved && !b.achieved;
}

/* The one lever that alone closes the gap, chosen against what the plan has already
 * achieved (the rule lives here and in lever_reach, nowhere else). The chain is a product
 * (customers = spend / CPL x the three rates), so every lever must move the customers by
 * the same factor F = needed spend / planned spend: the spend, the rates and (for a
 * revenue goal) the deal size are multiplied by F, the CPL divided by it. Measured alone,
 * every lever's change is the same (log F), and as a plain relative change CPL's 1 - 1/F
 * always beats the others' F - 1; so each lever's needed value is compared with its best
 * month over the drivers' window (pl_drivers_get_best_month; the value itself when the
 * driver has no history, the budget itself for the spend):
 * - a lever whose needed value some month already achieved is within reach; among those
 *   wins the one whose change is smallest against what its best month showed (it uses the
 *   least of its proven headroom), and its month is named;
 * - when none is, the lever whose needed value is least beyond its best month, as a ratio
 *   |log (needed / best)|; a lever without history is a full log F beyond, like the spend,
 *   so the spend wins only when no driver has history.
 * Candidates, in their order for ties: the plan-wide spend change, CPL, each conversion
 * rate (below 100 %), and the deal for a revenue goal. The delays are not candidates: they
 * move customers in time, not in number. */
static void
find_lever (PlBacksolve *self, const PlDrivers *drivers, double needed_spend)
{
  static const PlDriver candidates[] = {
    PL_DRIVER_SPEND_CHANGE, PL_DRIVER_CPL, PL_DRIVER_LEAD_TO_MQL, PL_DRIVER_MQL_TO_SQL,
    PL_DRIVER_SQL_TO_CUSTOMER, PL_DRIVER_DEAL,
  };
  double factor = needed_spend / self->planned;
  Reach best = { 0 };

  if (!(needed_spend > self->planned) || !(self->planned > 0) || !isfinite (factor))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      PlDriver driver = candidates[i];
      double from = pl_drivers_get (drivers, driver, NULL), to;
      guint32 month;
      Reach reach;

      switch (driver)
        {
        case PL_DRIVER_SPEND_CHANGE:
          to = ((1 + from / 100) * factor - 1) * 100;
          break;
        case PL_DRIVER_CPL:
          to = from / factor;
          break;
        case PL_DRIVER_DEAL:
          if (self->goal != PL_GOAL_REVENUE)
            continue;
          to = from * factor;
          break;
        default:
          to = from * factor;
          if (to >= 1)
            continue;
          break;
        }
      reach = lever_reach (drivers, driver, from, to, &month);
      if (!self->has_lever || better_reach (reach, best))
        {
          best = reach;
          self->has_lever = TRUE;
          self->lever = driver;
          self->lever_from = from;
          self->lever_to = to;
          self->lever_month = month;
        }
    }
}

PlBacksolve *
pl_projector_backsolve (PlProjector *projector, const PlDrivers *drivers, PlGoalKind goal,
                        double amount, double safety, GError **error)
{
  g_autoptr(PlBacksolve) self = NULL;
  g_autofree double *factors = NULL;
  g_autofree double *shape = NULL;
  const double *weights;
  double *spend, *leads, *mql, *sql, *customers, *revenue;
  double cpl, deal, wanted, sum = 0;
  guint n;

  g_return_val_if_fail (projector != NULL && drivers != NULL, NULL);
  g_return_val_if_fail (goal == PL_GOAL_REVENUE || goal == PL_GOAL_CUSTOMERS, NULL);
  if (!isfinite (amount) || amount <= 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                           goal == PL_GOAL_REVENUE ? _("The revenue goal must be more than 0.")
                                                   : _("The goal in new customers must be more than 0."));
      return NULL;
    }
  if (!isfinite (safety) || safety < 0 || safety > 1)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                           _("The safety margin is between 0 % and 100 %."));
      return NULL;
    }
  if (!check_driver (drivers, PL_DRIVER_CPL, error) || !check_driver (drivers, PL_DRIVER_LEAD_TO_MQL, error) ||
      !check_driver (drivers, PL_DRIVER_MQL_TO_SQL, error) || !check_driver (drivers, PL_DRIVER_SQL_TO_CUSTOMER, error) ||
      (goal == PL_GOAL_REVENUE && !check_driver (drivers, PL_DRIVER_DEAL, error)))
    return NULL;

  n = projector->n_months;
  self = g_new0 (PlBacksolve, 1);
  self->goal = goal;
  self->amount = amount;
  self->n_months = n;
  self->values = g_new0 (double, G_N_ELEMENTS (solved_rows) * (n + 2));
  spend = values_of (self, PL_PROJECTION_SPEND);
  leads = values_of (self, PL_PROJECTION_LEADS);
  mql = values_of (self, PL_PROJECTION_MQL);
  sql = values_of (self, PL_PROJECTION_SQL);
  customers = values_of (self, PL_PROJECTION_CUSTOMERS);
  revenue = values_of (self, PL_PROJECTION_REVENUE);
  cpl = pl_drivers_get (drivers, PL_DRIVER_CPL, NULL);
  deal = pl_drivers_get (drivers, PL_DRIVER_DEAL, NULL);

  /* The budget as the drivers change it: what the goal is compared with, and the shape of
   * the months when the goal's KPI has no monthly targets. */
  factors = g_new (double, projector->n_buckets);
  pl_projector_spend_factors (projector, drivers, factors);
  shape = g_new0 (double, n + 1);
  for (guint m = 0; m < n; m++)
    {
      pl_projector_month_spend (projector, factors, m, &shape[m], NULL);
      self->planned += shape[m];
    }
  /* The leads the budget buys at the CPL raised by the safety margin, as the needed spend
   * is: the gap in leads and the gap in money then say the same thing. */
  self->budget_leads = self->planned / (cpl * (1 + safety));

  weights = projector->goal_shape[goal];
  if (weights == NULL && self->planned > 0)
    weights = shape;
  for (guint m = 0; m < n; m++)
    sum += weights != NULL ? weights[m] : 1;
  wanted = goal == PL_GOAL_REVENUE ? amount / deal : amount;
  for (guint m = 0; m < n; m++)
    customers[m] = wanted * (weights != NULL ? weights[m] : 1) / sum;
  customers[n + 1] = 0;

  pl_projection_shift (customers, sql, n, 1 / pl_drivers_get (drivers, PL_DRIVER_SQL_TO_CUSTOMER, NULL),
                       pl_drivers_get (drivers, PL_DRIVER_DELAY_SQL_TO_CUSTOMER, NULL), TRUE);
  pl_projection_shift (sql, mql, n, 1 / pl_drivers_get (drivers, PL_DRIVER_MQL_TO_SQL, NULL),
                       pl_drivers_get (drivers, PL_DRIVER_DELAY_MQL_TO_SQL, NULL), TRUE);
  pl_projection_shift (mql, leads, n, 1 / pl_drivers_get (drivers, PL_DRIVER_LEAD_TO_MQL, NULL),
                       pl_drivers_get (drivers, PL_DRIVER_DELAY_LEAD_TO_MQL, NULL), TRUE);
  for (guint m = 0; m <= n + 1; m++)
    {
      spend[m] = leads[m] * cpl * (1 + safety);
      revenue[m] = customers[m] * deal;
    }
  for (guint i = 0; i < G_N_ELEMENTS (solved_rows); i++)
    pl_projection_sum_months (self->values + i * (n + 2), n);

  find_lever (self, drivers, spend[n]);
  return g_steal_pointer (&self);
}

void
pl_backsolve_free (PlBacksolve *backsolve)
{
  if (backsolve == NULL)
    return;
  g_free (backsolve->values);
  g_free (backsolve);
}

double
pl_backsolve_get (const PlBacksolve *backsolve, PlProjectionRow row, int month)
{
  const double *values;

  g_return_val_if_fail (backsolve != NULL, NAN);
  values = values_of (backsolve, row);
  return values != NULL ? pl_projection_column (values, backsolve->n_months, month, PL_PROJECTION_BEFORE_PERIOD) : NAN;
}

double
pl_backsolve_gap_money (const PlBacksolve *backsolve)
{
  g_return_val_if_fail (backsolve != NULL, NAN);
  return pl_backsolve_get (backsolve, PL_PROJECTION_SPEND, PL_PROJECTION_TOTAL) - backsolve->planned;
}

double
pl_backsolve_gap_leads (const PlBacksolve *backsolve)
{
  g_return_val_if_fail (backsolve != NULL, NAN);
  return pl_backsolve_get (backsolve, PL_PROJECTION_LEADS, PL_PROJECTION_TOTAL) - backsolve->budget_leads;
}

gboolean
pl_backsolve_get_lever (const PlBacksolve *backsolve, PlDriver *driver, double *from, double *to)
{
  g_return_val_if_fail (backsolve != NULL, FALSE);
  if (!backsolve->has_lever)
    return FALSE;
  if (driver != NULL)
    *driver = backsolve->lever;
  if (from != NULL)
    *from = backsolve->lever_from;
  if (to != NULL)
    *to = backsolve->lever_to;
  return TRUE;
}

guint32
pl_backsolve_get_lever_month (const PlBacksolve *backsolve)
{
  g_return_val_if_fail (backsolve != NULL, 0);
  return backsolve->has_lever ? backsolve->lever_month : 0;
}

/* An amount in whole units of the plan's currency ("412,000 EUR"), as the report writes it. */
static char *
money_text (PlPlan *plan, double major, gboolean cents)
{
  guint exponent = pl_plan_get_currency_exponent (plan);

  return pl_money_format (pl_money_from_major (cents ? major : round (major), exponent), exponent,
                          pl_plan_get_currency (plan));
}

static char *
count_text (double value)
{
  g_autofree char *plain = g_strdup_printf ("%.0f", value);

  return pl_group_digits (plain);
}

/* Two rates with as few decimals as tell them apart: "35 %" to "41 %", "35 %" to "35.4 %". */
static void
rates_text (double from, double to, char **from_text, char **to_text)
{
  for (int decimals = 0; decimals <= 2; decimals++)
    {
      g_free (*from_text);
      g_free (*to_text);
      *from_text = pl_percent_format (from * 100, decimals);
      *to_text = pl_percent_format (to * 100, decimals);
      if (g_strcmp0 (*from_text, *to_text) != 0)
        return;
    }
}

static char *
lever_text (const PlBacksolve *self, PlPlan *plan)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  switch (self->lever)
    {
    case PL_DRIVER_SPEND_CHANGE:
      to = pl_percent_format ((1 + self->lever_to / 100) / (1 + self->lever_from / 100) * 100 - 100, 0);
      /* Translators: the one lever that closes the gap, %s is a percentage ("25 %") */
      return g_strdup_printf (_("or raise the budget by %s"), to);
    case PL_DRIVER_CPL:
      from = money_text (plan, self->lever_from, TRUE);
      to = money_text (plan, floor (self->lever_to * 100) / 100, TRUE);
      /* Translators: the one lever that closes the gap, from one amount to another */
      return g_strdup_printf (_("or lower the cost per lead from %s to %s"), from, to);
    case PL_DRIVER_DEAL:
      from = money_text (plan, self->lever_from, FALSE);
      to = money_text (plan, ceil (self->lever_to), FALSE);
      /* Translators: the one lever that closes the gap, from one amount to another */
      return g_strdup_printf (_("or raise the revenue per new customer from %s to %s"), from, to);
    case PL_DRIVER_LEAD_TO_MQL:
      rates_text (self->lever_from, self->lever_to, &from, &to);
      /* Translators: the one lever that closes the gap, from one percentage to another */
      return g_strdup_printf (_("or raise lead to MQL conversion from %s to %s"), from, to);
    case PL_DRIVER_MQL_TO_SQL:
      rates_text (self->lever_from, self->lever_to, &from, &to);
      /* Translators: the one lever that closes the gap, from one percentage to another */
      return g_strdup_printf (_("or raise MQL to SQL conversion from %s to %s"), from, to);
    case PL_DRIVER_SQL_TO_CUSTOMER:
    default:
      rates_text (self->lever_from, self->lever_to, &from, &to);
      /* Translators: the one lever that closes the gap, from one percentage to another */
      return g_strdup_printf (_("or raise SQL to customer conversion from %s to %s"), from, to);
    }
}

char *
pl_backsolve_describe (const PlBacksolve *backsolve, PlPlan *plan)
{
  double money, leads, before;
  g_autofree char *money_words = NULL;
  g_autofree char *leads_words = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *lever = NULL;

  g_return_val_if_fail (backsolve != NULL && PL_IS_PLAN (plan), NULL);
  money = pl_backsolve_gap_money (backsolve);
  leads = pl_backsolve_gap_leads (backsolve);
  money_words = money_text (plan, fabs (money), FALSE);
  leads_words = count_text (fabs (leads));
  before = pl_backsolve_get (backsolve, PL_PROJECTION_LEADS, PL_PROJECTION_BEFORE_PERIOD);
  /* With delays, the first months' customers need leads before the period: no spend in it
   * can bring them, so no budget "covers" the goal, whatever the money says. */
  if (before >= 0.5)
    {
      g_autofree char *before_words = count_text (before);
      g_autofree char *rest = NULL;

      if (money <= 0)
        /* Translators: an amount to spare */
        rest = g_strdup_printf (_("For the rest of the goal the budget is enough, with %s to spare."), money_words);
      else
        /* Translators: an amount, then a number of leads */
        rest = g_strdup_printf (_("For the rest of the goal the budget falls %s short, or %s leads."), money_words, leads_words);
      /* Translators: a number of leads, then what the budget does for the rest of the goal */
      return g_strdup_printf (_("Part of the goal is out of reach: with the delays, %s leads would be needed before the period starts, which no spend in it can bring. %s"),
                              before_words, rest);
    }
  if (money <= 0)
    /* Translators: the budget against a goal; an amount, then a number of leads */
    return g_strdup_printf (_("The budget covers the goal, with %s to spare (%s leads)."), money_words, leads_words);
  /* Translators: the budget against a goal; an amount, then a number of leads */
  gap = g_strdup_printf (_("The goal needs %s more than the budget, or %s more leads"), money_words, leads_words);
  if (!backsolve->has_lever)
    /* Translators: %s is "The goal needs 412,000 EUR more than the budget, or 1,840 more leads" */
    return g_strdup_printf (_("%s; no single driver closes the gap alone."), gap);
  lever = lever_text (backsolve, plan);
  if (backsolve->lever_month != 0)
    {
      PlBasis month = pl_basis_range (backsolve->lever_month, pl_month_first_day (backsolve->lever_month, 1));
      g_autofree char *month_words = pl_basis_describe (plan, &month);
      char *achieved;

      /* Translators: the lever, then the month that already achieved the value it needs:
       * "or raise MQL to SQL conversion from 35 % to 41 %, as in May 2027" */
      achieved = g_strdup_printf (_("%s, as in %s"), lever, month_words);
      g_free (lever);
      lever = achieved;
    }
  /* Translators: the gap, then the one lever that closes it ("or raise MQL to SQL conversion
   * from 35 % to 41 %") */
  return g_strdup_printf (_("%s; %s."), gap, lever);
}
