/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpi-target-spread"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-apportion.h"
#include "pl-error.h"
#include "pl-kpi-period.h"
#include "pl-kpi-target-spread.h"
#include "pl-objective-progress.h"
#include "pl-rules.h"

gboolean
pl_kpi_target_is_level (PlKpi *kpi)
{
  return pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE) != PL_AGGREGATE_SUM;
}

GArray *
pl_kpi_target_periods (PlPlan *plan, PlKpi *kpi, const PlBasis *span)
{
  GArray *periods = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 day;

  if (span->to <= span->from)
    return periods;
  day = pl_kpi_period_start (plan, PL_ITEM (kpi), span->from);
  if (day < span->from)
    day = pl_kpi_period_next (plan, PL_ITEM (kpi), span->from);
  for (; day < span->to; day = pl_kpi_period_next (plan, PL_ITEM (kpi), day))
    g_array_append_val (periods, day);
  return periods;
}

static const char *
kpi_name (PlKpi *kpi)
{
  return pl_item_get_display_name (PL_ITEM (kpi));
}

/* How finely a value of @kpi is written: 1 for a count, the minor unit for money, 0 when a
 * value is kept as it comes (a rate, a ratio). */
static double
kpi_step (PlPlan *plan, PlKpi *kpi)
{
  switch (pl_item_get_int (PL_ITEM (kpi), PL_KPI_UNIT))
    {
    case PL_UNIT_COUNT:
      return 1;
    case PL_UNIT_CURRENCY:
      return pow (10, -(double) pl_plan_get_currency_exponent (plan));
    default:
      return 0;
    }
}

static double
round_to (double value, double step)
{
  return step > 0 ? round (value / step) * step : value;
}

/* Last year's measurements of the same periods, as weights; FALSE when one is missing, one is
 * negative or they add up to nothing: there is no shape to follow. */
static gboolean
last_year_weights (PlPlan *plan, PlKpi *kpi, GArray *periods, double *weights)
{
  PlSeries *measurements = pl_kpi_get_measurements (kpi);
  double sum = 0;

  for (guint i = 0; i < periods->len; i++)
    {
      guint32 day = g_array_index (periods, guint32, i);
      const PlPoint *point;
      GDate date;

      /* A week a year earlier is 52 weeks earlier, so that it starts on a Monday too. */
      if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_FREQUENCY) == PL_FREQUENCY_WEEKLY)
        day -= 364;
      else
        {
          g_date_clear (&date, 1);
          g_date_set_julian (&date, day);
          g_date_subtract_years (&date, 1);
          day = pl_kpi_period_start (plan, PL_ITEM (kpi), g_date_get_julian (&date));
        }
      point = pl_series_lookup (measurements, day);
      if (point == NULL || !(point->value >= 0))
        return FALSE;
      weights[i] = point->value;
      sum += point->value;
    }
  return sum > 0;
}

/* The current targets over the periods as weights; FALSE when one is missing, or they cannot
 * be a shape (a negative one, nothing at all). */
static gboolean
current_weights (PlKpi *kpi, GArray *periods, double *weights)
{
  PlSeries *targets = pl_kpi_get_targets (kpi);
  double sum = 0;

  for (guint i = 0; i < periods->len; i++)
    {
      const PlPoint *point = pl_series_lookup (targets, g_array_index (periods, guint32, i));

      if (point == NULL || !(point->value >= 0))
        return FALSE;
      weights[i] = point->value;
      sum += point->value;
    }
  return sum > 0;
}

/* Splits @value into parts in proportion to @weights, exact to @step when it has one. */
static void
split (double value, double step, const double *weights, guint n, double *values)
{
  double sum = 0;

  if (step > 0)
    {
      g_autofree gint64 *parts = g_new (gint64, n);

      pl_apportion ((gint64) llround (value / step), weights, n, parts);
      for (guint i = 0; i < n; i++)
        values[i] = (double) parts[i] * step;
      return;
    }
  for (guint i = 0; i < n; i++)
    sum += weights[i];
  for (guint i = 0; i < n; i++)
    values[i] = value * weights[i] / sum;
}

static gboolean
check_weights (const PlTargetSpread *how, guint n, GError **error)
{
  double sum = 0;

  if (how->weights == NULL || how->n_weights != n)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   ngettext ("The profile needs one weight per month of the span (%u).",
                             "The profile needs one weight per month of the span (%u).", n), n);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (!(how->weights[i] >= 0) || !isfinite (how->weights[i]))
        {
          g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The weights of a profile cannot be negative."));
          return FALSE;
        }
      sum += how->weights[i];
    }
  if (sum <= 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("A profile needs at least one month with some weight."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
compute_sum (PlPlan *plan, PlKpi *kpi, GArray *periods, double value, const PlTargetSpread *how,
             PlTargetSpreadMethod *used, double *values, GError **error)
{
  guint n = periods->len;
  g_autofree double *weights = g_new (double, n);

  *used = how->method;
  switch (how->method)
    {
    case PL_TARGET_SPREAD_PROFILE:
      if (!check_weights (how, n, error))
        return FALSE;
      memcpy (weights, how->weights, n * sizeof (double));
      break;
    case PL_TARGET_SPREAD_LAST_YEAR:
      if (!last_year_weights (plan, kpi, periods, weights))
        *used = PL_TARGET_SPREAD_EVENLY;
      break;
    case PL_TARGET_SPREAD_KEEP_SHAPE:
      if (!current_weights (kpi, periods, weights))
        *used = PL_TARGET_SPREAD_EVENLY;
      break;
    case PL_TARGET_SPREAD_STEPS:
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” adds up its months: its target is spread evenly, by a profile or like last year, not in steps."),
                   kpi_name (kpi));
      return FALSE;
    case PL_TARGET_SPREAD_EVENLY:
    default:
      break;
    }
  if (*used == PL_TARGET_SPREAD_EVENLY)
    for (guint i = 0; i < n; i++)
      weights[i] = 1;
  split (value, kpi_step (plan, kpi), weights, n, values);
  return TRUE;
}

static gboolean
compute_level (PlPlan *plan, PlKpi *kpi, GArray *periods, double value, const PlTargetSpread *how,
               PlTargetSpreadMethod *used, double *values, GError **error)
{
  guint n = periods->len;
  double step = kpi_step (plan, kpi);
  g_autofree double *current = g_new (double, n);

  *used = how->method;
  switch (how->method)
    {
    case PL_TARGET_SPREAD_STEPS:
      if (!pl_rule_kpi_value (kpi, how->start, error))
        return FALSE;
      for (guint i = 0; i < n; i++)
        values[i] = n == 1 ? value : how->start + (value - how->start) * i / (n - 1);
      break;
    case PL_TARGET_SPREAD_KEEP_SHAPE:
      {
        /* The shape of a level is its ups and downs around what the aggregate reads: scaled so
         * that the aggregate becomes @value. */
        double now = 0;

        if (current_weights (kpi, periods, current))
          {
            if (pl_item_get_int (PL_ITEM (kpi), PL_KPI_AGGREGATE) == PL_AGGREGATE_LAST)
              now = current[n - 1];
            else
              {
                for (guint i = 0; i < n; i++)
                  now += current[i];
                now /= n;
              }
          }
        if (now > 0)
          {
            for (guint i = 0; i < n; i++)
              values[i] = current[i] * value / now;
            break;
          }
        *used = PL_TARGET_SPREAD_EVENLY;
      }
      G_GNUC_FALLTHROUGH;
    case PL_TARGET_SPREAD_EVENLY:
      for (guint i = 0; i < n; i++)
        values[i] = value;
      break;
    case PL_TARGET_SPREAD_PROFILE:
    case PL_TARGET_SPREAD_LAST_YEAR:
    default:
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is a level, not a sum of its months: its target is the same every month or moves in steps."),
                   kpi_name (kpi));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    values[i] = round_to (values[i], step);
  return TRUE;
}

GArray *
pl_kpi_target_compute (PlPlan *plan, PlKpi *kpi, const PlBasis *span, double value,
                       const PlTargetSpread *how, PlTargetSpreadMethod *used, GError **error)
{
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) values = NULL;
  PlTargetSpreadMethod applied = how->method;
  const char *formula;
  gboolean ok;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_KPI (kpi) && span != NULL && how != NULL, NULL);
  formula = pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA);
  if (formula != NULL && *formula != '\0')
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is computed by its formula: set the targets of the KPIs it is computed from."), kpi_name (kpi));
      return NULL;
    }
  if (!pl_rule_kpi_value (kpi, value, error))
    return NULL;
  if (isnan (value))
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("Type the target to spread."));
      return NULL;
    }
  periods = pl_kpi_target_periods (plan, kpi, span);
  if (periods->len == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("No period of “%s” starts within the span: choose a longer one."), kpi_name (kpi));
      return NULL;
    }
  values = g_array_sized_new (FALSE, TRUE, sizeof (double), periods->len);
  g_array_set_size (values, periods->len);
  if (pl_kpi_target_is_level (kpi))
    ok = compute_level (plan, kpi, periods, value, how, &applied, (double *) values->data, error);
  else
    ok = compute_sum (plan, kpi, periods, value, how, &applied, (double *) values->data, error);
  if (!ok)
    return NULL;
  for (guint i = 0; i < values->len; i++)
    if (!pl_rule_kpi_value (kpi, g_array_index (values, double, i), error))
      return NULL;
  if (used != NULL)
    *used = applied;
  return g_steal_pointer (&values);
}

gboolean
pl_kpi_target_spread (PlPlan *plan, PlKpi *kpi, const PlBasis *span, double value,
                      const PlTargetSpread *how, PlTargetSpreadMethod *used, GError **error)
{
  g_autoptr(GArray) values = pl_kpi_target_compute (plan, kpi, span, value, how, used, error);
  g_autoptr(GArray) periods = NULL;
  g_autofree char *label = NULL;

  if (values == NULL)
    return FALSE;
  periods = pl_kpi_target_periods (plan, kpi, span);
  /* Translators: an undoable step, e.g. "Set the target of “Leads”" */
  label = g_strdup_printf (_("Set the target of “%s”"), kpi_name (kpi));
  pl_plan_begin_group (plan, label);
  for (guint i = 0; i < periods->len; i++)
    pl_plan_set_point (plan, kpi, PL_SERIES_TARGETS, g_array_index (periods, guint32, i),
                       g_array_index (values, double, i), NULL);
  return pl_plan_finish_group (plan, pl_objectives_follow_kpi (plan, kpi, error));
}

const char *
pl_target_spread_name (PlTargetSpreadMethod method)
{
  switch (method)
    {
    case PL_TARGET_SPREAD_PROFILE:
      return _("By a seasonal profile");
    case PL_TARGET_SPREAD_LAST_YEAR:
      return _("Like last year");
    case PL_TARGET_SPREAD_KEEP_SHAPE:
      return _("Keeping the current shape");
    case PL_TARGET_SPREAD_STEPS:
      return _("In steps");
    case PL_TARGET_SPREAD_EVENLY:
    default:
      return _("Evenly");
    }
}

char *
pl_target_spread_note (PlTargetSpreadMethod requested, PlTargetSpreadMethod used)
{
  if (requested == used)
    return NULL;
  if (requested == PL_TARGET_SPREAD_LAST_YEAR)
    return g_strdup (_("Last year is not measured in every month of the span: the target is spread evenly."));
  if (requested == PL_TARGET_SPREAD_KEEP_SHAPE)
    return g_strdup (_("The KPI has no targets in every month of the span to keep the shape of: the target is spread evenly."));
  return NULL;
}
