/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The KPIs page on the example plan: the definition form, the chain and campaign links,
 * the month grid (typing, a bad value, computed cells, off-target marks, undo), and the
 * jump to a KPI from elsewhere. Writes screenshots. */
#include <math.h>

#include "pl-cell-editor.h"
#include "pl-kpis-page.h"
#include "pl-measurements-grid.h"
#include "pl-record-table.h"
#include "pl-test-util.h"

static GtkWidget *
grid_cell (GtkWidget *grid, PlItem *kpi, guint month)
{
  GtkWidget *found = NULL;

  /* The grid's cells are entries bound to a KPI and a month. */
  for (GtkWidget *w = pl_test_find_widget (grid, GTK_TYPE_COLUMN_VIEW); w != NULL; w = NULL)
    {
      GPtrArray *stack = g_ptr_array_new ();
      g_ptr_array_add (stack, w);
      while (stack->len > 0 && found == NULL)
        {
          GtkWidget *node = g_ptr_array_steal_index (stack, stack->len - 1);
          if (PL_IS_CELL_EDITOR (node) && g_object_get_data (G_OBJECT (node), "kpi") == (gpointer) kpi &&
              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (node), "month")) == month)
            found = node;
          for (GtkWidget *c = gtk_widget_get_first_child (node); c != NULL; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
      g_ptr_array_unref (stack);
    }
  return found;
}

static void
test_kpis_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pilote-ui-XXXXXX", NULL);
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_KPIS_PAGE);
  GtkWidget *grid = pl_test_find_widget (page, PL_TYPE_MEASUREMENTS_GRID);
  PlItem *leads = pl_plan_lookup (plan, "kpi-leads");
  PlItem *cpl = pl_plan_lookup (plan, "kpi-cpl");
  GtkWidget *form, *name, *cell;
  guint32 january = pl_plan_month_start (plan, 0);
  gboolean any_off = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "kpis");
  /* The jump other pages use (hygiene findings, the chain). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "s", "kpi-leads");
  pl_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (GTK_WIDGET (window), "page_stack"))), ==, "kpis");
  form = pl_test_find_by_id (page, "form");
  name = gtk_grid_get_child_at (GTK_GRID (form), 1, 0);
  g_assert_true (GTK_IS_ENTRY (name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Leads");
  /* Both sides of the links: the campaigns that feed Leads are listed with it. */
  g_assert_nonnull (pl_test_find_widget (pl_test_find_by_id (page, "campaigns_box"), PL_TYPE_RECORD_TABLE));
  pl_test_screenshot (GTK_WIDGET (window), "kpis-definition");

  /* Renaming through the form is one undoable edit. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Leads (all sources)");
  g_signal_emit_by_name (name, "activate");
  pl_test_spin ();
  g_assert_cmpstr (pl_item_get_string (leads, PL_KPI_NAME), ==, "Leads (all sources)");
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_cmpstr (pl_item_get_string (leads, PL_KPI_NAME), ==, "Leads");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Leads");

  /* The figures: typed into, checked, undone. */
  gtk_widget_activate_action (page, "kpis.edit-figures", NULL);
  pl_test_wait_drawn (grid);
  cell = grid_cell (grid, leads, 0);
  g_assert_nonnull (cell);
  g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, "585");
  pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), "12,5x");
  g_assert_false (pl_cell_editor_commit (PL_CELL_EDITOR (cell)));
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpfloat (pl_series_lookup (pl_kpi_get_measurements (PL_KPI (leads)), january)->value, ==, 585);
  pl_cell_editor_cancel (PL_CELL_EDITOR (cell));
  pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), "1 234");
  g_assert_true (pl_cell_editor_commit (PL_CELL_EDITOR (cell)));
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  pl_test_spin ();
  g_assert_cmpfloat (pl_series_lookup (pl_kpi_get_measurements (PL_KPI (leads)), january)->value, ==, 1234);
  g_assert_true (pl_plan_can_undo (plan));
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_cmpfloat (pl_series_lookup (pl_kpi_get_measurements (PL_KPI (leads)), january)->value, ==, 585);
  g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, "585");

  /* Computed from its formula: shown, not typed into. */
  cell = grid_cell (grid, cpl, 0);
  g_assert_nonnull (cell);
  g_assert_false (pl_cell_editor_get_editable (PL_CELL_EDITOR (cell)));
  g_assert_true (gtk_widget_has_css_class (cell, "derived"));
  g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), !=, "");

  /* The example has months off target (it is a plausible plan, not a perfect one). */
  for (guint m = 0; m < 6; m++)
    {
      GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
      for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
        {
          g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
          GtkWidget *c = grid_cell (grid, kpi, m);
          if (c != NULL && gtk_widget_has_css_class (c, "off-target"))
            {
              any_off = TRUE;
              g_assert_nonnull (gtk_widget_get_tooltip_text (c));
            }
        }
    }
  g_assert_true (any_off);
  pl_test_screenshot (GTK_WIDGET (window), "kpis-figures");

  /* Targets are typed the same way. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "kind")), 1);
  pl_test_spin ();
  cell = grid_cell (grid, leads, 0);
  g_assert_cmpstr (pl_cell_editor_get_text (PL_CELL_EDITOR (cell)), ==, "620");
  pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), "700");
  g_assert_true (pl_cell_editor_commit (PL_CELL_EDITOR (cell)));
  pl_test_spin ();
  g_assert_cmpfloat (pl_series_lookup (pl_kpi_get_targets (PL_KPI (leads)), january)->value, ==, 700);
  pl_plan_undo (plan);
  pl_test_spin ();
  g_assert_false (pl_plan_get_modified (plan));

  /* Adding a KPI selects it, ready to be named; undo takes it away. */
  {
    guint n = pl_plan_get_n (plan, PL_COLLECTION_KPIS);
    gtk_widget_activate_action (page, "kpis.add", NULL);
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_KPIS), ==, n + 1);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "New KPI");
    pl_plan_undo (plan);
    pl_test_spin ();
    g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_KPIS), ==, n);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "editor_stack"))), ==, "none");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/kpis/page", test_kpis_page);
  return g_test_run ();
}
