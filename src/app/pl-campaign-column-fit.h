/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Columns of figures as wide as what they show, measured with Pango in the font of the
 * widget that shows them (its text scale included), rather than guessed for one currency
 * and one locale. */

/* The horizontal room a cell of a GtkColumnView takes beside its text (the theme's padding). */
#define PL_COLUMN_CELL_PADDING 18

/* The width of @text in @widget's font; figures (@numeric) with the tabular digits of the
 * "numeric" style class; @bold. */
int   pl_column_text_width (GtkWidget *widget, const char *text, gboolean numeric, gboolean bold);
/* A column title for cells @content pixels wide: @title broken onto lines (at most
 * @max_lines, at spaces) rather than widening the column past its figures; @sortable when
 * the header shows a sort arrow. *@width gets the column's width: the wider of the cells and
 * the title's longest line, with their padding. */
char *pl_column_fit_title  (GtkWidget *widget, const char *title, int content, int max_lines,
                            gboolean sortable, int *width);

G_END_DECLS
