/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-spread"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-apportion.h"
#include "pl-budget-spread.h"
#include "pl-error.h"
#include "pl-figures.h"

static GVariant *
amounts_variant (const gint64 *amounts, guint n)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, amounts, n, sizeof (gint64));
}

static gboolean
check_total (gint64 total, GError **error)
{
  if (total < 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("A planned amount cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_budget_spread_profile (PlPlan *plan, PlBudgetLine *line, gint64 total, const double *weights,
                          guint n_weights, GError **error)
{
  guint months = pl_plan_get_months (plan);
  g_autofree gint64 *parts = g_new0 (gint64, months);
  double sum = 0;

  g_return_val_if_fail (PL_IS_BUDGET_LINE (line), FALSE);
  if (!check_total (total, error))
    return FALSE;
  if (n_weights != months)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   ngettext ("The profile needs one weight per month of the plan (%u).",
                             "The profile needs one weight per month of the plan (%u).", months), months);
      return FALSE;
    }
  for (guint i = 0; i < n_weights; i++)
    {
      if (!(weights[i] >= 0) || !isfinite (weights[i]))
        {
          g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The weights of a profile cannot be negative."));
          return FALSE;
        }
      sum += weights[i];
    }
  if (sum <= 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("A profile needs at least one month with some weight."));
      return FALSE;
    }
  pl_apportion (total, weights, months, parts);
  return pl_plan_set_variant (plan, PL_ITEM (line), PL_BUDGET_LINE_PLANNED, amounts_variant (parts, months), error);
}

gboolean
pl_budget_spread_evenly (PlPlan *plan, PlBudgetLine *line, gint64 total, GError **error)
{
  guint months = pl_plan_get_months (plan);
  g_autofree double *weights = g_new (double, months);

  for (guint i = 0; i < months; i++)
    weights[i] = 1;
  return pl_budget_spread_profile (plan, line, total, weights, months, error);
}

gboolean
pl_budget_copy_month (PlPlan *plan, PlBudgetLine *line, guint month, GError **error)
{
  guint months = pl_plan_get_months (plan);
  g_autofree gint64 *amounts = g_new (gint64, months);
  gint64 amount;

  g_return_val_if_fail (PL_IS_BUDGET_LINE (line), FALSE);
  if (month >= months)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The month is outside the fiscal period."));
      return FALSE;
    }
  amount = pl_figures_line_planned (line, (int) month);
  for (guint i = 0; i < months; i++)
    amounts[i] = amount;
  return pl_plan_set_variant (plan, PL_ITEM (line), PL_BUDGET_LINE_PLANNED, amounts_variant (amounts, months), error);
}

gboolean
pl_budget_scale_category (PlPlan *plan, PlCategory *category, double percent, GError **error)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  guint months = pl_plan_get_months (plan);
  double factor = 1 + percent / 100;
  g_autofree char *label = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_CATEGORY (category), FALSE);
  if (!isfinite (percent) || factor < 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                           _("A category can be cut by 100 % at most: planned amounts cannot be negative."));
      return FALSE;
    }
  /* Translators: an undoable step, e.g. "Scale “Paid media” by 10 %" */
  label = g_strdup_printf (_("Scale “%s” by %g%%"), pl_item_get_string (PL_ITEM (category), PL_CATEGORY_NAME), percent);
  pl_plan_begin_group (plan, label);
  for (guint i = 0, n = g_list_model_get_n_items (lines); ok && i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      g_autofree gint64 *amounts = NULL;

      if (g_strcmp0 (pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY), pl_item_get_id (PL_ITEM (category))) != 0)
        continue;
      amounts = g_new (gint64, months);
      for (guint m = 0; m < months; m++)
        {
          double scaled = (double) pl_figures_line_planned (PL_BUDGET_LINE (line), (int) m) * factor;

          /* Beyond what a gint64 holds is beyond what a plan holds: the plan says so. */
          amounts[m] = scaled < 0x1p62 ? (gint64) llround (scaled) : G_MAXINT64;
        }
      /* A month grown past the most a plan holds is refused, and the lines scaled before it
       * go back: a category is scaled whole or not at all. */
      ok = pl_plan_set_variant (plan, line, PL_BUDGET_LINE_PLANNED, amounts_variant (amounts, months), error);
    }
  return pl_plan_finish_group (plan, ok);
}
