/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chart-table"
#include "config.h"

#include <glib/gi18n.h>

#include "pl-chart-catalog.h"
#include "pl-chart-table.h"

GPtrArray *
pl_chart_table_rows (PlPlan *plan, const char *chart, guint32 today)
{
  return pl_chart_catalog_rows (plan, chart, today);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  /* The first column names the row; the figures after it line up on the right. */
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  const char *text = gtk_string_list_get_string (row, column);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

void
pl_chart_table_show (GtkWindow *parent, PlPlan *plan, const char *chart, guint32 today)
{
  g_autoptr(GPtrArray) rows = pl_chart_table_rows (plan, chart, today);
  const PlChartKind *kind = pl_chart_catalog_lookup (chart);
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_LIST);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;
  const char * const *titles;
  g_autofree char *title = NULL;

  g_return_if_fail (rows->len > 0);
  titles = g_ptr_array_index (rows, 0);
  for (guint i = 1; i < rows->len; i++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new (g_ptr_array_index (rows, i));
      g_list_store_append (store, row);
    }
  /* Single selection: the arrow keys move a row at a time and a screen reader reads it. */
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (store))));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  for (guint c = 0; titles[c] != NULL; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
      column = gtk_column_view_column_new (titles[c], factory);
      gtk_column_view_column_set_expand (column, c == 0);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  /* Translators: the title of the window that shows a chart's figures as a table */
  title = g_strdup_printf (_("%s: Data"), kind != NULL ? _(kind->title) : chart);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  /* Escape closes it, as it does a dialog. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (view);
}
