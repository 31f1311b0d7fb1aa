/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-projection"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

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
};

static double *
values_of (PlBacksolve *self, PlProjectionRow row)
{
  for (guint i = 0; i < G_N_ELEMENTS (solved_rows); i++)
    if (solved_rows[i] == row)
      return self->values + i * (self->n_months + 2);
  g_return_val_if_reached (NULL);
}

/* What the stage above must bring for @out (months and before) to come out of it at @rate,
 * moved earlier by @days: the inverse of the forward shift, split between the same two
 * months. What falls before the period's first month goes to the "before" column. */
static void
unconvert (const double *out, double *in, guint n, double rate, double days)
{
  guint k;
  double f;

  pl_projection_delay_split (days, &k, &f);
  for (guint m = 0; m <= n + 1; m++)
    in[m] = 0;
  for (guint m = 0; m < n; m++)
    {
      double volume = out[m] / rate;

      in[m >= k ? m - k : n + 1] += volume * (1 - f);
      if (f > 0)
        in[m >= k + 1 ? m - k - 1 : n + 1] += volume * f;
    }
  in[n + 1] += out[n + 1] / rate;
}

static void
sum_months (double *values, guint n)
{
  double total = 0;

  for (guint m = 0; m < n; m++)
    total += values[m];
  values[n] = total;
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

/* The one lever that alone closes the gap with the smallest relative change of its value.
 * The chain is a product (customers = spend / CPL x the three rates), so every lever must
 * move the customers by the same factor F = needed spend / planned spend: the spend, the
 * rates and (for a revenue goal) the deal size are multiplied by F, the CPL divided by it.
 * Candidates: the plan-wide spend change, CPL, each conversion rate (not past 100 %), and
 * the deal size for a revenue goal; on a tie the first in that order. The delays are not
 * candidates: they move customers in time, not in number. */
static void
find_lever (PlBacksolve *self, const PlDrivers *drivers, double needed_spend)
{
  static const PlDriver candidates[] = {
    PL_DRIVER_SPEND_CHANGE, PL_DRIVER_CPL, PL_DRIVER_LEAD_TO_MQL, PL_DRIVER_MQL_TO_SQL,
    PL_DRIVER_SQL_TO_CUSTOMER, PL_DRIVER_DEAL,
  };
  double factor = needed_spend / self->planned, best = INFINITY;

  if (!(needed_spend > self->planned) || !(self->planned > 0) || !isfinite (factor))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      PlDriver driver = candidates[i];
      double from = pl_drivers_get (drivers, driver, NULL), to, change;

      switch (driver)
        {
        case PL_DRIVER_SPEND_CHANGE:
          to = ((1 + from / 100) * factor - 1) * 100;
          /* The change of the spend, not of the percentage: +25 % whatever it was before. */
          change = factor - 1;
          break;
        case PL_DRIVER_CPL:
          to = from / factor;
          change = 1 - 1 / factor;
          break;
        case PL_DRIVER_DEAL:
          if (self->goal != PL_GOAL_REVENUE)
            continue;
          to = from * factor;
          change = factor - 1;
          break;
        default:
          to = from * factor;
          change = factor - 1;
          if (to > 1)
            continue;
          break;
        }
      if (change < best)
        {
          best = change;
          self->has_lever = TRUE;
          self->lever = driver;
          self->lever_from = from;
          self->lever_to = to;
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
      pl_projector_month_spend (projector, drivers, factors, m, &shape[m], NULL);
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

  unconvert (customers, sql, n, pl_drivers_get (drivers, PL_DRIVER_SQL_TO_CUSTOMER, NULL),
             pl_drivers_get (drivers, PL_DRIVER_DELAY_SQL_TO_CUSTOMER, NULL));
  unconvert (sql, mql, n, pl_drivers_get (drivers, PL_DRIVER_MQL_TO_SQL, NULL),
             pl_drivers_get (drivers, PL_DRIVER_DELAY_MQL_TO_SQL, NULL));
  unconvert (mql, leads, n, pl_drivers_get (drivers, PL_DRIVER_LEAD_TO_MQL, NULL),
             pl_drivers_get (drivers, PL_DRIVER_DELAY_LEAD_TO_MQL, NULL));
  for (guint m = 0; m <= n + 1; m++)
    {
      spend[m] = leads[m] * cpl * (1 + safety);
      revenue[m] = customers[m] * deal;
    }
  for (guint i = 0; i < G_N_ELEMENTS (solved_rows); i++)
    sum_months (self->values + i * (n + 2), n);

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
  const double *values = NULL;
  guint n;

  g_return_val_if_fail (backsolve != NULL, NAN);
  for (guint i = 0; i < G_N_ELEMENTS (solved_rows); i++)
    if (solved_rows[i] == row)
      values = backsolve->values + i * (backsolve->n_months + 2);
  n = backsolve->n_months;
  if (values == NULL)
    return NAN;
  if (month == PL_PROJECTION_TOTAL)
    return values[n];
  if (month == PL_PROJECTION_BEFORE_PERIOD)
    return values[n + 1];
  if (month < 0 || (guint) month >= n)
    return NAN;
  return values[month];
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
  double money, leads;
  g_autofree char *money_words = NULL;
  g_autofree char *leads_words = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *lever = NULL;

  g_return_val_if_fail (backsolve != NULL && PL_IS_PLAN (plan), NULL);
  money = pl_backsolve_gap_money (backsolve);
  leads = pl_backsolve_gap_leads (backsolve);
  money_words = money_text (plan, fabs (money), FALSE);
  leads_words = count_text (fabs (leads));
  if (money <= 0)
    /* Translators: the budget against a goal; an amount, then a number of leads */
    return g_strdup_printf (_("The budget covers the goal, with %s to spare (%s leads)."), money_words, leads_words);
  /* Translators: the budget against a goal; an amount, then a number of leads */
  gap = g_strdup_printf (_("The goal needs %s more than the budget, or %s more leads"), money_words, leads_words);
  if (!backsolve->has_lever)
    /* Translators: %s is "The goal needs 412,000 EUR more than the budget, or 1,840 more leads" */
    return g_strdup_printf (_("%s; no single driver closes the gap alone."), gap);
  lever = lever_text (backsolve, plan);
  /* Translators: the gap, then the one lever that closes it ("or raise MQL to SQL conversion
   * from 35 % to 41 %") */
  return g_strdup_printf (_("%s; %s."), gap, lever);
}
