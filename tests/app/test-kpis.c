/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The KPIs page on the example plan: the definition form, the chain and campaign links,
 * the month grid (typing, a bad value, computed cells, off-target marks, undo), and the
 * jump to a KPI from elsewhere. Writes screenshots. */
#include <math.h>
#include <string.h>

#include "pl-basis.h"
#include "pl-cell-editor.h"
#include "pl-figures.h"
#include "pl-kpis-page.h"
#include "pl-measurements-grid.h"
#include "pl-record-table.h"
#include "pl-test-util.h"
#include "pl-tooltip.h"

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
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
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
              g_assert_nonnull (pl_tooltip_get (c));
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

/* Values no plan can hold are refused where they are typed, in the words pilote-cli validate
 * reports them with (issue 18): negative leads, a churn of 200 %, a margin of 8,000 %, and a
 * formula that would compute a KPI from itself. */
static void
test_impossible_values (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_KPIS_PAGE);
  GtkWidget *grid = pl_test_find_widget (page, PL_TYPE_MEASUREMENTS_GRID);
  guint32 january = pl_plan_month_start (plan, 0);
  static const struct { const char *kpi, *typed, *message; } cases[] = {
    { "kpi-leads", "-40", "“Leads” is a count: it cannot be negative." },
    { "kpi-churn", "200 %", "“Monthly churn rate” is a churn rate: it is between 0% and 100% (no more customers can leave than there are)." },
    { "kpi-margin", "8000 %", "“Gross margin” is a margin: it is between 0% and 100% of revenue." },
  };
  GtkWidget *formula;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "kpis");
  /* The figures' view (kpis.edit-figures is for a KPI selected, and none is). */
  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "view_stack")), "figures");
  pl_test_wait_drawn (grid);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PlItem *kpi = pl_plan_lookup (plan, cases[i].kpi);
      const PlPoint *before = pl_series_lookup (pl_kpi_get_measurements (PL_KPI (kpi)), january);
      double old = before ? before->value : NAN;
      GtkWidget *cell = grid_cell (grid, kpi, 0);
      const PlPoint *after;

      g_assert_nonnull (cell);
      /* Typed over the value as in a spreadsheet, and refused with the rule's words. */
      pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), cases[i].typed);
      g_assert_false (pl_cell_editor_commit (PL_CELL_EDITOR (cell)));
      g_assert_true (gtk_widget_has_css_class (cell, "error"));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, cases[i].message);
      pl_cell_editor_cancel (PL_CELL_EDITOR (cell));
      pl_test_spin ();
      after = pl_series_lookup (pl_kpi_get_measurements (PL_KPI (kpi)), january);
      g_assert_true (after != NULL ? after->value == old : isnan (old));
    }
  g_assert_false (pl_plan_get_modified (plan));

  /* ARPU from LTV, which LTV is computed from: refused, the loop named. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "s", "kpi-arpu");
  pl_test_spin ();
  formula = gtk_grid_get_child_at (GTK_GRID (pl_test_find_by_id (page, "form")), 1, 9);
  g_assert_true (GTK_IS_ENTRY (formula));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (formula)), ==, "kpi-mrr / kpi-customers");
  gtk_editable_set_text (GTK_EDITABLE (formula), "kpi-ltv / 24");
  g_signal_emit_by_name (formula, "activate");
  pl_test_spin ();
  g_assert_true (gtk_widget_has_css_class (formula, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (formula), ==,
                   "Formula loop: Average revenue per user → Customer lifetime value → Average revenue per user. "
                   "A KPI cannot be computed from itself: these read “not available” until one of their formulas changes.");
  g_assert_cmpstr (pl_item_get_string (pl_plan_lookup (plan, "kpi-arpu"), PL_KPI_FORMULA), ==, "kpi-mrr / kpi-customers");
  g_assert_false (pl_plan_get_modified (plan));

  /* A value that came in without the check (from a file, say) is shown with the KPI, in
   * validation's words, so that it can be found and mended. */
  {
    GtkWidget *problems = pl_test_find_by_id (page, "problems");

    g_assert_false (gtk_widget_get_visible (problems));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "s", "kpi-leads");
    pl_plan_set_point (plan, PL_KPI (pl_plan_lookup (plan, "kpi-leads")), PL_SERIES_MEASUREMENTS, january, -40, NULL);
    pl_test_spin ();
    g_assert_true (gtk_widget_get_visible (problems));
    /* The period as the KPI's frequency names it (a week, or a month). */
    g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (problems)),
                                     "“Leads” is a count: it cannot be negative. Its measurement for "));
    g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (problems)), "January 2027 is -40."));
    pl_plan_undo (plan);
    pl_test_spin ();
    g_assert_false (gtk_widget_get_visible (problems));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* A plan file whose formulas loop opens; every KPI of the loop says so with the KPI, not
 * only the first one validation names it on, and reads "not available". */
static void
test_loaded_loop (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autofree char *text = NULL;
  g_autoptr(GString) looped = NULL;
  PlWindow *window;
  PlPlan *plan;
  GtkWidget *page, *problems;
  PlBasis period;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  looped = g_string_new (text);
  g_assert_cmpuint (g_string_replace (looped, "formula=\"kpi-mrr / kpi-customers\"", "formula=\"kpi-ltv / 24\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, looped->str, -1, NULL));
  window = pl_test_open_in_window (path);
  plan = pl_document_get_plan (pl_window_get_document (window));
  page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_KPIS_PAGE);
  problems = pl_test_find_by_id (page, "problems");
  period = pl_basis_period (plan);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "kpis");
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? "kpi-arpu" : "kpi-ltv";

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-item", "s", id);
      pl_test_spin ();
      g_assert_true (gtk_widget_get_visible (problems));
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problems)), "Formula loop: "));
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problems)), "Average revenue per user"));
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problems)), "Customer lifetime value"));
      g_assert_true (isnan (pl_figures_kpi (plan, PL_KPI (pl_plan_lookup (plan, id)), PL_SERIES_MEASUREMENTS, &period).value));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/kpis/page", test_kpis_page);
  g_test_add_func ("/kpis/impossible-values", test_impossible_values);
  g_test_add_func ("/kpis/loaded-loop", test_loaded_loop);
  return g_test_run ();
}
