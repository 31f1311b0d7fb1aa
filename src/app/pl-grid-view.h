/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* Returns a column view of figures over @model (taken): separators between rows and
 * columns, the data-table style, in a framed scrolled window (*@scrolled) parented to @parent. */
GtkColumnView *pl_grid_view_new       (GtkWidget *parent, GtkSelectionModel *model,
                                       GtkScrolledWindow **scrolled);
/* Scrolls @scrolled so that row @position of @n rows of equal height comes into view:
 * GTK 4.8 has no gtk_column_view_scroll_to(). */
void           pl_grid_view_scroll_to (GtkScrolledWindow *scrolled, guint position, guint n);
/* Scrolls @scrolled sideways and up or down just enough to show @widget (a cell) whole. */
void           pl_grid_view_reveal    (GtkScrolledWindow *scrolled, GtkWidget *widget);

/* A label for a figure computed beside a grid's cells (a total, an expected contribution):
 * right-aligned digits, cut at its start when too long. */
GtkWidget     *pl_grid_view_new_figure_label (void);

/* ---- where a bound cell is ---- */

/* Remembers that @cell shows the row of @list_item (NULL: none, it is unbound). */
void           pl_grid_view_cell_bound    (GtkWidget *cell, GtkListItem *list_item);
/* The row @cell shows, or G_MAXUINT when it is unbound: the list item's position, which
 * follows rows added or removed above, at no cost (a search of the list is linear). */
guint          pl_grid_view_cell_position (GtkWidget *cell);

/* ---- refreshing the bound cells after a change ---- */

/* Calls @refresh (@grid, cell) on each of @cells (the bound cells of a grid whose rows scroll in
 * @scrolled, all of the same height, placed by pl_grid_view_cell_bound()) that shows a row on
 * screen, now; on the others (GTK 4.8 binds some 200 rows, a tenth of them on screen) once the
 * change is drawn, and then @after (@grid) if not NULL: what can wait for the next frame. */
typedef void (*PlGridRefresh) (gpointer grid, GtkWidget *cell);
typedef void (*PlGridAfter)   (gpointer grid);
void           pl_grid_view_refresh_cells (gpointer grid, GtkScrolledWindow *scrolled, GPtrArray *cells,
                                           guint n_rows, PlGridRefresh refresh, PlGridAfter after);
/* Drops a refresh of @grid's cells still waiting (the grid goes, or changes plan). */
void           pl_grid_view_cancel_refresh (gpointer grid);

/* ---- blocks of cells on the clipboard ---- */

/* Splits text copied from a spreadsheet (LibreOffice Calc, Excel, a web page's table) into
 * rows of cells: cells by tabs, rows by "\n" or "\r\n", the last newline ignored, cells in
 * double quotes unquoted ("" is a quote inside them). Returns a GPtrArray of GStrv, never
 * empty (an empty text is one empty cell); rows may have different lengths. */
GPtrArray     *pl_grid_parse_block    (const char *text);
/* @rows (a GPtrArray of GStrv) as a spreadsheet reads it back: cells by tabs, rows ending in
 * "\n"; a cell holding a tab, a newline or a quote is quoted. */
char          *pl_grid_format_block   (GPtrArray *rows);
/* A number as copied out of a grid: @shown as the grid writes it, with the no-break spaces
 * that group its thousands taken out, so that a spreadsheet reads it as a number. */
char          *pl_grid_copy_number    (const char *shown);

/* "Paid search, March", or with @with_year "Leads, March 2027": a cell of a month grid named
 * by its row and its month, as messages name it. */
char          *pl_grid_describe_cell  (PlPlan *plan, const char *row, guint month, gboolean with_year);

/* ---- the 10x check ---- */

/* The median of @values (@n of them) but the one at @skip, leaving out zeros and NANs: a
 * row's usual month. NAN when no other month has a value. */
double         pl_grid_usual_value    (const double *values, guint n, guint skip);
/* TRUE when @value is 10 times @usual or more, or a tenth of it or less (never for zero, a
 * month left empty on purpose, nor when @usual is NAN). *@above says which. */
gboolean       pl_grid_is_unusual     (double value, double usual, gboolean *above);

/* ---- what a grid says about the last edit ---- */

#define PL_TYPE_GRID_NOTICE (pl_grid_notice_get_type ())
G_DECLARE_FINAL_TYPE (PlGridNotice, pl_grid_notice, PL, GRID_NOTICE, GtkWidget)

/* A line beside a grid: a value refused or a paste refused (error), or a value typed far
 * from its row's usual month (warning) with an Undo button; it never takes the focus from
 * the grid. Emits "undo" when Undo is pressed, then hides. Hidden until shown. */
PlGridNotice  *pl_grid_notice_new        (void);
/* Shows @message (translated); an Undo button when @can_undo, the warning look, else the
 * error look. */
void           pl_grid_notice_show       (PlGridNotice *self, const char *message, gboolean can_undo);
void           pl_grid_notice_hide       (PlGridNotice *self);
/* The message shown, or NULL when hidden (for tests). */
const char    *pl_grid_notice_get_message (PlGridNotice *self);
/* The Undo button (for tests). */
GtkWidget     *pl_grid_notice_get_undo_button (PlGridNotice *self);

G_END_DECLS
