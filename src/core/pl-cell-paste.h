/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* A block of cells pasted into one of the grids, stored as one undoable step ("Paste"). A
 * paste is never half done: when a cell is refused, *@refused (when not NULL) is its index,
 * @error says why, and the plan is as before. */

/* A planned amount: month @month (0-based) of @line. */
typedef struct {
  PlBudgetLine *line;
  guint         month;
  gint64        amount;
} PlPlannedCell;

/* A KPI's value on a day: NAN takes the value away. */
typedef struct {
  PlKpi   *kpi;
  guint32  julian;
  double   value;
} PlPointCell;

/* Sets the @n_cells planned amounts of @cells. */
gboolean pl_cell_paste_planned (PlPlan *plan, const PlPlannedCell *cells, guint n_cells, guint *refused,
                                GError **error);
/* Sets the @n_cells targets or measurements (@kind) of @cells. */
gboolean pl_cell_paste_points  (PlPlan *plan, PlSeriesKind kind, const PlPointCell *cells, guint n_cells,
                                guint *refused, GError **error);

G_END_DECLS
