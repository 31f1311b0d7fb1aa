/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-cell-editor.h"

G_BEGIN_DECLS

#define PL_TYPE_CELL_GRID (pl_cell_grid_get_type ())
G_DECLARE_INTERFACE (PlCellGrid, pl_cell_grid, PL, CELL_GRID, GtkWidget)

/* A grid of PlCellEditor cells moved through as a spreadsheet's: the selected cell (the
 * cursor), a block stretched from an anchor with Shift, copy and paste of blocks as
 * tab-separated text. What it shares between grids is here; how a grid gets its rows (a
 * column view's bound cells today) stays behind these functions, so that a grid can change
 * its row plumbing and keep the keyboard. Rows and columns count from 0; the rows scroll in
 * the first GtkScrolledWindow under the grid, all of the same height. */
struct _PlCellGridInterface
{
  GTypeInterface parent_iface;

  guint      (*get_n_rows)    (PlCellGrid *self);
  guint      (*get_n_columns) (PlCellGrid *self);
  /* The cell at (@row, @column) when it is on screen (bound), else NULL. */
  GtkWidget *(*get_cell)      (PlCellGrid *self, guint row, guint column);
  /* Where @cell (bound) is; FALSE when it shows no row now. */
  gboolean   (*locate)        (PlCellGrid *self, GtkWidget *cell, guint *row, guint *column);
  /* The cell's value for the clipboard, as a spreadsheet in the user's locale reads it. */
  char      *(*copy_cell)     (PlCellGrid *self, guint row, guint column);
  /* The cell named as messages name it ("Paid search, March"). */
  char      *(*describe_cell) (PlCellGrid *self, guint row, guint column);
  /* TRUE when the cell can take @text (pasted); else FALSE with @error, a sentence that
   * does not name the cell ("“abc” is not an amount…"). */
  gboolean   (*check_cell)    (PlCellGrid *self, guint row, guint column, const char *text, GError **error);
  /* Stores @rows (GStrv of cells that passed check_cell) from (@row, @column) as one
   * undoable step; when the plan refuses a cell, nothing is kept and @error names it. */
  gboolean   (*store_block)   (PlCellGrid *self, guint row, guint column, GPtrArray *rows, GError **error);
  /* Says why something the user asked for was refused (@message translated). */
  void       (*refuse)        (PlCellGrid *self, const char *message);
  /* Optional: FALSE for a row that Up, Down and Enter pass over (a category's totals). */
  gboolean   (*is_stop)       (PlCellGrid *self, guint row);
  /* Optional: the cursor moved to (@row, @column). */
  void       (*cursor_moved)  (PlCellGrid *self, guint row, guint column);
};

/* Makes @cell one of @self's: its moves, clicks, Ctrl+C and Ctrl+V act on the grid. Once,
 * when the cell is made. */
void     pl_cell_grid_add_cell     (PlCellGrid *self, PlCellEditor *cell);
/* Tells @self that @cell shows a (new) row: it marks the cell in the block or not, and
 * focuses it when the cursor was waiting for it. */
void     pl_cell_grid_cell_bound   (PlCellGrid *self, PlCellEditor *cell);
/* Moves the cursor to (@row, @column), the anchor too unless @extend, and gives that cell the
 * keyboard focus, scrolling to it. */
void     pl_cell_grid_select       (PlCellGrid *self, guint row, guint column, gboolean extend);
/* Puts the cursor and the anchor on @row, keeping the column, without taking the focus: for
 * a row chosen elsewhere (a list, a search). */
void     pl_cell_grid_place_row    (PlCellGrid *self, guint row);
/* The cursor's cell. */
void     pl_cell_grid_get_cursor   (PlCellGrid *self, guint *row, guint *column);
/* The selected block, corners included (a single cell when nothing is stretched). */
void     pl_cell_grid_get_block    (PlCellGrid *self, guint *top, guint *left, guint *bottom, guint *right);
/* Back to the first cell, nothing stretched: for a new plan. */
void     pl_cell_grid_reset        (PlCellGrid *self);

G_END_DECLS
