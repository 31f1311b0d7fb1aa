/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_BUDGET_GRID (pl_budget_grid_get_type ())
G_DECLARE_FINAL_TYPE (PlBudgetGrid, pl_budget_grid, PL, BUDGET_GRID, GtkWidget)

/* What the month cells show (issue 23): the plan, typed into, or what was booked against it,
 * read only: actual spend (invoices), committed spend (orders not yet invoiced), and what
 * remains (planned less actual less committed, in red when below zero). */
typedef enum {
  PL_BUDGET_FIGURE_PLANNED,
  PL_BUDGET_FIGURE_ACTUAL,
  PL_BUDGET_FIGURE_COMMITTED,
  PL_BUDGET_FIGURE_REMAINING,
} PlBudgetFigure;

/* The budget as a spreadsheet: categories with their lines beneath, a column per month of
 * the period showing one figure (PlBudgetFigure), then the whole period's planned total,
 * actual, committed, remaining and share of the period's plan spent. A line's months are typed
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
/* Shows @figure in the month cells; the planned amounts alone are typed into. */
void          pl_budget_grid_set_figure    (PlBudgetGrid *self, PlBudgetFigure figure);
PlBudgetFigure pl_budget_grid_get_figure   (PlBudgetGrid *self);
/* The text of a total column of @item: 0 planned total, 1 actual, 2 committed, 3 remaining,
 * 4 share of the period's plan spent. */
char         *pl_budget_grid_get_total_text (PlBudgetGrid *self, PlItem *item, guint column);

G_END_DECLS
