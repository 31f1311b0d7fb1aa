/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-grid-view.h"

GtkColumnView *
pl_grid_view_new (GtkWidget *parent, GtkSelectionModel *model, GtkScrolledWindow **scrolled)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (model));

  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_show_column_separators (view, TRUE);
  gtk_column_view_set_reorderable (view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (view), "measurements");
  *scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_has_frame (*scrolled, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (*scrolled), TRUE);
  gtk_scrolled_window_set_child (*scrolled, GTK_WIDGET (view));
  gtk_widget_set_parent (GTK_WIDGET (*scrolled), parent);
  return view;
}

void
pl_grid_view_scroll_to (GtkScrolledWindow *scrolled, guint position, guint n)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  if (n == 0)
    return;
  /* A third of the way down the page, so the rows around it show too. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * position / n -
                                        gtk_adjustment_get_page_size (adjustment) / 3);
}
