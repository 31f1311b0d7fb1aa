/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_MEASUREMENTS_GRID (pl_measurements_grid_get_type ())
G_DECLARE_FINAL_TYPE (PlMeasurementsGrid, pl_measurements_grid, PL, MEASUREMENTS_GRID, GtkWidget)

/* Every KPI of a plan by month of its period: a cell per month, typed into like a
 * spreadsheet (PlCellEditor), each change an undoable edit; blocks of cells copied and
 * pasted as tab-separated text in the user's locale, a paste one undoable edit; a value 10
 * times off its KPI's usual month warned about beside the grid, with Undo. Derived KPIs are
 * computed and read-only (selected and copied, not typed into);
 * measurements off target are marked, with the target in the cell's tooltip. Shows the
 * actuals, or the targets (property "kind"). */
PlMeasurementsGrid *pl_measurements_grid_new       (void);
void                pl_measurements_grid_set_plan  (PlMeasurementsGrid *self, PlPlan *plan);
void                pl_measurements_grid_set_kind  (PlMeasurementsGrid *self, PlSeriesKind kind);
PlSeriesKind        pl_measurements_grid_get_kind  (PlMeasurementsGrid *self);
/* Scrolls to @kpi's row and puts the keyboard focus in its first cell. */
void                pl_measurements_grid_focus_kpi (PlMeasurementsGrid *self, PlItem *kpi);
/* The text of the cell of @kpi in month @month (for tests and accessibility), or NULL. */
char               *pl_measurements_grid_get_text  (PlMeasurementsGrid *self, PlItem *kpi, guint month);
/* The text of @kpi's period-to-date (@to_date) or total column, or NULL when its row is not
 * bound. */
char               *pl_measurements_grid_get_total_text (PlMeasurementsGrid *self, PlItem *kpi, gboolean to_date);

G_END_DECLS
