/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-objective-progress"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-dashboard.h"
#include "pl-error.h"
#include "pl-forecast.h"
#include "pl-kpi-value.h"
#include "pl-objective-progress.h"
#include "pl-plan-private.h"
#include "pl-rules.h"

PlKpi *
pl_objective_get_kpi (PlPlan *plan, PlObjective *objective)
{
  const char *id = pl_item_get_string (PL_ITEM (objective), PL_OBJECTIVE_KPI);
  PlItem *kpi = id != NULL ? pl_plan_lookup (plan, id) : NULL;

  return kpi != NULL && PL_IS_KPI (kpi) ? PL_KPI (kpi) : NULL;
}

PlBasis
pl_objective_span (PlPlan *plan, PlObjective *objective)
{
  if (!pl_item_field_is_set (PL_ITEM (objective), PL_OBJECTIVE_DUE))
    return pl_basis_period (plan);
  return pl_basis_to_date (plan, pl_item_get_julian (PL_ITEM (objective), PL_OBJECTIVE_DUE));
}

static gboolean
has_formula (PlKpi *kpi)
{
  const char *formula = pl_item_get_string (PL_ITEM (kpi), PL_KPI_FORMULA);

  return formula != NULL && *formula != '\0';
}

/* A KPI whose targets are its own (no formula): an objective's number can be spread there. */
static PlKpi *
own_targets_kpi (PlPlan *plan, PlObjective *objective)
{
  PlKpi *kpi = pl_objective_get_kpi (plan, objective);

  return kpi != NULL && !has_formula (kpi) ? kpi : NULL;
}

static gboolean
has_targets_in (PlKpi *kpi, const PlBasis *span)
{
  PlSeries *targets = pl_kpi_get_targets (kpi);
  guint i = pl_series_lower_bound (targets, span->from);

  return span->to > span->from && i < pl_series_get_n (targets) && pl_series_get (targets, i)->julian < span->to;
}

gboolean
pl_objective_is_tied (PlPlan *plan, PlObjective *objective)
{
  PlKpi *kpi = own_targets_kpi (plan, objective);
  PlBasis span = pl_objective_span (plan, objective);

  return kpi != NULL && has_targets_in (kpi, &span);
}

/* The KPI's target as a file and a cell write it: a mean of twelve 0.015 reads 0.015, not
 * 0.015000000000000001, so that it does not differ from the number it was spread from. */
static double
tidy (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return value;
  return g_ascii_strtod (g_ascii_formatd (buffer, sizeof buffer, "%.12g", value), NULL);
}

double
pl_objective_target (PlPlan *plan, PlObjective *objective)
{
  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_OBJECTIVE (objective), NAN);
  if (pl_objective_is_tied (plan, objective))
    {
      PlBasis span = pl_objective_span (plan, objective);

      return tidy (pl_figures_kpi (plan, pl_objective_get_kpi (plan, objective), PL_SERIES_TARGETS, &span).value);
    }
  if (!pl_item_field_is_set (PL_ITEM (objective), PL_OBJECTIVE_TARGET))
    return NAN;
  return pl_item_get_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET);
}

static gboolean
same_number (double a, double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1, MAX (fabs (a), fabs (b)));
}

gboolean
pl_objective_set_kpi (PlPlan *plan, PlObjective *objective, const char *kpi_id, GError **error)
{
  PlKpi *kpi;
  PlBasis span;
  gboolean ok;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_OBJECTIVE (objective), FALSE);
  pl_plan_begin_group (plan, _("Change the objective’s KPI"));
  ok = pl_plan_set_string (plan, PL_ITEM (objective), PL_OBJECTIVE_KPI, kpi_id, error);
  kpi = own_targets_kpi (plan, objective);
  span = pl_objective_span (plan, objective);
  if (ok && kpi != NULL && has_targets_in (kpi, &span))
    ok = pl_objectives_follow_kpi (plan, kpi, error);
  else if (ok && kpi != NULL && span.to > span.from && pl_item_field_is_set (PL_ITEM (objective), PL_OBJECTIVE_TARGET))
    {
      PlTargetSpread how = { PL_TARGET_SPREAD_EVENLY, NULL, 0, 0 };

      ok = pl_kpi_target_spread (plan, kpi, &span, pl_item_get_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET),
                                 &how, NULL, error);
    }
  return pl_plan_finish_group (plan, ok);
}

gboolean
pl_objective_set_target (PlPlan *plan, PlObjective *objective, double target, PlTargetSpreadMethod *used,
                         GError **error)
{
  PlKpi *kpi;
  PlBasis span;
  PlTargetSpread how = { PL_TARGET_SPREAD_EVENLY, NULL, 0, 0 };
  gboolean ok;

  g_return_val_if_fail (PL_IS_PLAN (plan) && PL_IS_OBJECTIVE (objective), FALSE);
  kpi = own_targets_kpi (plan, objective);
  if (kpi == NULL)
    return pl_plan_set_double (plan, PL_ITEM (objective), PL_OBJECTIVE_TARGET, target, error);
  span = pl_objective_span (plan, objective);
  /* A KPI planned month by month keeps its seasons; one without targets is spread evenly. */
  if (has_targets_in (kpi, &span))
    how.method = PL_TARGET_SPREAD_KEEP_SHAPE;
  pl_plan_begin_group (plan, _("Change the objective’s target"));
  ok = pl_kpi_target_spread (plan, kpi, &span, target, &how, used, error);
  /* The KPI's rounding (whole leads, cents) may leave the objective a hair from what was typed. */
  if (ok)
    ok = pl_objectives_follow_kpi (plan, kpi, error);
  return pl_plan_finish_group (plan, ok);
}


gboolean
pl_objectives_follow_kpi (PlPlan *plan, PlKpi *kpi, GError **error)
{
  GListModel *objectives = pl_plan_get_collection (plan, PL_COLLECTION_OBJECTIVES);

  for (guint i = 0, n = g_list_model_get_n_items (objectives); i < n; i++)
    {
      g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, i);
      double target;

      if (pl_objective_get_kpi (plan, objective) != kpi || !pl_objective_is_tied (plan, objective))
        continue;
      target = pl_objective_target (plan, objective);
      if (pl_item_field_is_set (PL_ITEM (objective), PL_OBJECTIVE_TARGET) &&
          same_number (pl_item_get_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET), target))
        continue;
      if (!pl_plan_set_double (plan, PL_ITEM (objective), PL_OBJECTIVE_TARGET, target, error))
        return FALSE;
    }
  return TRUE;
}

static char *
objective_name (PlPlan *plan, PlObjective *objective)
{
  return pl_rules_describe (plan, PL_ITEM (objective), TRUE);
}

/* Without targets in its span, the KPI takes the objective's number, spread evenly. */
static char *
spread_own_number (PlPlan *plan, PlObjective *objective, PlKpi *kpi, const PlBasis *span)
{
  PlTargetSpread how = { PL_TARGET_SPREAD_EVENLY, NULL, 0, 0 };
  double target = pl_item_get_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET);
  g_autoptr(GArray) values = NULL;
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = objective_name (plan, objective);
  g_autofree char *number = pl_kpi_value_format (kpi, target);

  values = pl_kpi_target_compute (plan, kpi, span, target, &how, NULL, &error);
  if (values == NULL)
    /* Translators: the objective, its target, the KPI, why it cannot be spread */
    return g_strdup_printf (_("%s keeps its target of %s apart from “%s”: %s"), name, number,
                            pl_item_get_display_name (PL_ITEM (kpi)), error->message);
  periods = pl_kpi_target_periods (plan, kpi, span);
  for (guint i = 0; i < periods->len; i++)
    pl_series_set (pl_kpi_get_targets (kpi), g_array_index (periods, guint32, i), g_array_index (values, double, i), NULL);
  pl_plan_touch (plan, PL_COLLECTION_KPIS);
  /* Translators: the objective, its target, the KPI whose months it was spread over */
  return g_strdup_printf (_("%s: “%s” had no targets, so its target of %s was spread evenly over the KPI’s months."),
                          name, pl_item_get_display_name (PL_ITEM (kpi)), number);
}

GPtrArray *
pl_objectives_reconcile (PlPlan *plan)
{
  GListModel *objectives = pl_plan_get_collection (plan, PL_COLLECTION_OBJECTIVES);
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (objectives);

  g_return_val_if_fail (PL_IS_PLAN (plan), notes);
  /* The KPIs without targets take their objective's number first: the comparisons after ask
   * the figures, which then see every target. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, i);
      PlKpi *kpi = own_targets_kpi (plan, objective);
      PlBasis span = pl_objective_span (plan, objective);

      if (kpi != NULL && pl_item_field_is_set (PL_ITEM (objective), PL_OBJECTIVE_TARGET) &&
          span.to > span.from && !has_targets_in (kpi, &span))
        g_ptr_array_add (notes, spread_own_number (plan, objective, kpi, &span));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, i);
      PlKpi *kpi = pl_objective_get_kpi (plan, objective);
      double own, target;
      g_autofree char *name = NULL;
      g_autofree char *was = NULL;
          g_autofree char *now = NULL;

      if (!pl_objective_is_tied (plan, objective))
        continue;
      target = pl_objective_target (plan, objective);
      own = pl_item_get_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET);
      if (isnan (target) || (pl_item_field_is_set (PL_ITEM (objective), PL_OBJECTIVE_TARGET) && same_number (own, target)))
        continue;
      if (pl_item_field_is_set (PL_ITEM (objective), PL_OBJECTIVE_TARGET))
        {
          name = objective_name (plan, objective);
          was = pl_kpi_value_format (kpi, own);
          now = pl_kpi_value_format (kpi, target);
          /* Translators: the objective, the number the file gave it, the KPI, its target */
          g_ptr_array_add (notes, g_strdup_printf (_("%s said %s, but the targets of “%s” give %s over the same "
                                                     "months: the objective now follows the KPI."),
                                                   name, was, pl_item_get_display_name (PL_ITEM (kpi)), now));
        }
      pl_item_set_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET, target);
    }
  return notes;
}

/* The latest estimate over the objective's span: its months up to the due date combined as
 * the forecast combines the period's (a formula KPI over its operands' estimates). */
static void
project (PlPlan *plan, PlObjectiveProgress *progress, guint32 as_of)
{
  PlLatestEstimate estimate = pl_forecast_kpi_until (plan, progress->kpi, as_of, progress->span.to);

  if (estimate.missing != PL_ESTIMATE_AVAILABLE || isnan (estimate.value))
    return;
  progress->projected = estimate.value;
  progress->projected_low = estimate.low;
  progress->projected_high = estimate.high;
}

void
pl_objective_progress (PlPlan *plan, PlObjective *objective, guint32 as_of, PlObjectiveProgress *progress)
{
  PlDashboardBases bases;
  PlDirection direction;

  g_return_if_fail (PL_IS_PLAN (plan) && PL_IS_OBJECTIVE (objective) && progress != NULL);
  progress->kpi = pl_objective_get_kpi (plan, objective);
  progress->span = pl_objective_span (plan, objective);
  progress->target = pl_objective_target (plan, objective);
  progress->tied = pl_objective_is_tied (plan, objective);
  pl_dashboard_bases (plan, as_of, &bases);
  progress->to_date = bases.measured_basis;
  progress->to_date.to = MIN (progress->to_date.to, progress->span.to);
  progress->to_date.to = MAX (progress->to_date.to, progress->to_date.from);
  progress->actual = NAN;
  progress->target_to_date = NAN;
  progress->projected = NAN;
  progress->projected_low = NAN;
  progress->projected_high = NAN;
  progress->status = PL_KPI_STATUS_NO_DATA;
  if (progress->kpi == NULL)
    return;
  progress->actual = pl_figures_kpi (plan, progress->kpi, PL_SERIES_MEASUREMENTS, &progress->to_date).value;
  if (progress->tied)
    progress->target_to_date = pl_figures_kpi (plan, progress->kpi, PL_SERIES_TARGETS, &progress->to_date).value;
  project (plan, progress, as_of);
  direction = (PlDirection) pl_item_get_int (PL_ITEM (progress->kpi), PL_KPI_DIRECTION);
  if (!isnan (progress->projected))
    progress->status = pl_figures_status (progress->projected, progress->target, direction);
  else if (!progress->tied && !isnan (progress->target) && !isnan (progress->actual) &&
           progress->to_date.to == progress->span.to)
    progress->status = pl_figures_status (progress->actual, progress->target, direction);
  else
    progress->status = pl_figures_status (progress->actual, progress->target_to_date, direction);
}

const char *
pl_objective_status_describe (PlKpiStatus status)
{
  switch (status)
    {
    case PL_KPI_STATUS_GOOD: return _("On track");
    case PL_KPI_STATUS_CLOSE: return _("Close to target");
    case PL_KPI_STATUS_OFF: return _("Off track");
    case PL_KPI_STATUS_NO_TARGET: return _("No target");
    case PL_KPI_STATUS_NO_DATA:
    default: return _("Not measured yet");
    }
}
