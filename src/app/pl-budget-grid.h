/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_BUDGET_GRID (pl_budget_grid_get_type ())
G_DECLARE_FINAL_TYPE (PlBudgetGrid, pl_budget_grid, PL, BUDGET_GRID, GtkWidget)

/* The budget as a spreadsheet: categories with their lines beneath, a column per month of
 * the period, then the total, actual, variance and share used. A line's months are typed
 * into as in a spreadsheet (PlCellEditor: typing replaces, Enter or F2 edits, Escape puts
 * back; Tab moves right, Enter down), each change one undoable edit; a block of cells is
 * selected with Shift, copied and pasted as tab-separated text in the user's locale, a
 * paste one undoable edit. A value 10 times off its line's usual month is warned about
 * beside the grid, with Undo. Categories show their totals, always up to date. The
 * selected row follows the selected cell; emits "notify::selected" when it changes. */
PlBudgetGrid *pl_budget_grid_new           (void);
void          pl_budget_grid_set_plan      (PlBudgetGrid *self, PlPlan *plan);
/* The selected category or line, or NULL. */
PlItem       *pl_budget_grid_get_selected  (PlBudgetGrid *self);
/* Selects @item (a category or a line) and scrolls to it. */
void          pl_budget_grid_select        (PlBudgetGrid *self, PlItem *item);
/* The month cell of @line (for tests and accessibility), or NULL when not on screen. */
GtkWidget    *pl_budget_grid_get_cell      (PlBudgetGrid *self, PlItem *line, guint month);
/* The text of a total column of @item: 0 total, 1 actual, 2 variance, 3 share used. */
char         *pl_budget_grid_get_total_text (PlBudgetGrid *self, PlItem *item, guint column);

G_END_DECLS
