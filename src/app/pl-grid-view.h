/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns a column view of figures over @model (taken): separators between rows and
 * columns, the data-table style, in a framed scrolled window (*@scrolled) parented to @parent. */
GtkColumnView *pl_grid_view_new       (GtkWidget *parent, GtkSelectionModel *model,
                                       GtkScrolledWindow **scrolled);
/* Scrolls @scrolled so that row @position of @n rows of equal height comes into view:
 * GTK 4.8 has no gtk_column_view_scroll_to(). */
void           pl_grid_view_scroll_to (GtkScrolledWindow *scrolled, guint position, guint n);

G_END_DECLS
