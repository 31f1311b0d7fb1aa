/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cell-paste"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-cell-paste.h"
#include "pl-objective-progress.h"
#include "pl-rules.h"

/* Ends the paste's group: kept when no cell was refused (@i is @n_cells). */
static gboolean
end_paste (PlPlan *plan, guint i, guint n_cells, guint *refused)
{
  if (i < n_cells && refused != NULL)
    *refused = i;
  return pl_plan_finish_group (plan, i == n_cells);
}

gboolean
pl_cell_paste_planned (PlPlan *plan, const PlPlannedCell *cells, guint n_cells, guint *refused, GError **error)
{
  guint i;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  /* Translators: the name of the undoable step of pasting cells */
  pl_plan_begin_group (plan, _("Paste"));
  for (i = 0; i < n_cells; i++)
    if (!pl_plan_set_planned (plan, cells[i].line, cells[i].month, cells[i].amount, error))
      break;
  return end_paste (plan, i, n_cells, refused);
}

gboolean
pl_cell_paste_points (PlPlan *plan, PlSeriesKind kind, const PlPointCell *cells, guint n_cells, guint *refused,
                      GError **error)
{
  guint i;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  /* Translators: the name of the undoable step of pasting cells */
  pl_plan_begin_group (plan, _("Paste"));
  for (i = 0; i < n_cells; i++)
    {
      /* What a KPI cannot hold is refused as when it is typed (pl_kpi_value_parse()). */
      if (!pl_rule_kpi_value (cells[i].kpi, cells[i].value, error))
        break;
      pl_plan_set_point (plan, cells[i].kpi, kind, cells[i].julian, cells[i].value, NULL);
    }
  /* The objectives tied to a KPI follow its targets in the same step (one number, not two). */
  for (guint k = 0; i == n_cells && kind == PL_SERIES_TARGETS && k < n_cells; k++)
    if (!pl_objectives_follow_kpi (plan, cells[k].kpi, error))
      return end_paste (plan, 0, n_cells, refused);
  return end_paste (plan, i, n_cells, refused);
}
