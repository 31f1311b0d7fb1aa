/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Period targets and objectives in the window, on the example plan: the measurements grid's
 * period-to-date and total columns against the figures the rest of the window shows, "Set
 * target for the period…" on the KPIs page spreading a quarter's target and the objective
 * following it, and the Plan page's objectives with their progress. Writes screenshots. */
#include <math.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-cell-editor.h"
#include "pl-dashboard.h"
#include "pl-figures.h"
#include "pl-kpi-value.h"
#include "pl-kpis-page.h"
#include "pl-measurements-grid.h"
#include "pl-objective-progress.h"
#include "pl-plan-page.h"
#include "pl-test-util.h"

/* What a column must read: the KPI's figure over the basis, as the KPI formats it. */
static char *
expected (PlPlan *plan, PlItem *kpi, PlSeriesKind kind, const PlBasis *basis)
{
  PlFigure figure = pl_figures_kpi (plan, PL_KPI (kpi), kind, basis);

  return isnan (figure.value) ? g_strdup ("–") : pl_kpi_value_format (PL_KPI (kpi), figure.value);
}

/* The first label under @root that reads @text, or NULL. */
static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The grid's cell of @kpi in @month: an editor bound to that KPI and month. */
static GtkWidget *
grid_cell (GtkWidget *root, PlItem *kpi, guint month)
{
  if (PL_IS_CELL_EDITOR (root) && g_object_get_data (G_OBJECT (root), "kpi") == (gpointer) kpi &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (root), "month")) == month)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = grid_cell (child, kpi, month);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_grid_columns (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  GtkWidget *page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_KPIS_PAGE);
  PlMeasurementsGrid *grid = PL_MEASUREMENTS_GRID (pl_test_find_widget (page, PL_TYPE_MEASUREMENTS_GRID));
  PlDashboardBases bases;
  PlBasis period = pl_basis_period (plan);
  const char *ids[] = { "kpi-spend", "kpi-leads", "kpi-sql", "kpi-mrr", "kpi-churn", "kpi-ltv-cac" };

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "kpis");
  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "view_stack")), "figures");
  pl_test_wait_drawn (GTK_WIDGET (grid));
  /* The months the dashboard reads to date: January to June in the example. */
  pl_dashboard_bases (plan, pl_dashboard_resolve_as_of (plan, pl_calendar_today ()), &bases);
  g_assert_cmpuint (bases.measured_basis.to, ==, pl_plan_month_start (plan, 6));
  for (guint k = 0; k < 2; k++)
    {
      PlSeriesKind kind = k == 0 ? PL_SERIES_MEASUREMENTS : PL_SERIES_TARGETS;

      gtk_drop_down_set_selected (GTK_DROP_DOWN (pl_test_find_by_id (page, "kind")), k);
      pl_test_spin ();
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          PlItem *kpi = pl_plan_lookup (plan, ids[i]);
          g_autofree char *to_date = pl_measurements_grid_get_total_text (grid, kpi, TRUE);
          g_autofree char *total = pl_measurements_grid_get_total_text (grid, kpi, FALSE);
          g_autofree char *want_to_date = expected (plan, kpi, kind, &bases.measured_basis);
          g_autofree char *want_total = expected (plan, kpi, kind, &period);

          g_assert_cmpstr (to_date, ==, want_to_date);
          g_assert_cmpstr (total, ==, want_total);
        }
    }
  /* By hand: 479 SQL measured to June; 969 targeted for the year, 457 of them to June. */
  {
    PlItem *sql = pl_plan_lookup (plan, "kpi-sql");
    g_autofree char *year = pl_measurements_grid_get_total_text (grid, sql, FALSE);
    g_autofree char *half = pl_measurements_grid_get_total_text (grid, sql, TRUE);

    g_assert_cmpstr (year, ==, "969");
    g_assert_cmpstr (half, ==, "457");
  }
  pl_test_screenshot (GTK_WIDGET (window), "targets-grid");
  /* A month's target typed in the grid moves the objective tied to the KPI, in the same step,
   * and the total column with it. */
  {
    PlItem *sql = pl_plan_lookup (plan, "kpi-sql");
    PlItem *objective = pl_plan_lookup (plan, "obj-sql");
    GtkWidget *cell = grid_cell (GTK_WIDGET (grid), sql, 0);
    g_autofree char *total = NULL;

    g_assert_nonnull (cell);
    pl_cell_editor_start_editing (PL_CELL_EDITOR (cell), "100");
    g_assert_true (pl_cell_editor_commit (PL_CELL_EDITOR (cell)));
    pl_test_spin ();
    g_assert_cmpfloat (pl_item_get_double (objective, PL_OBJECTIVE_TARGET), ==, 969 - 69 + 100);
    total = pl_measurements_grid_get_total_text (grid, sql, FALSE);
    g_assert_cmpstr (total, ==, "1\u202F000");
    g_assert_true (pl_plan_undo (plan));
    g_assert_cmpfloat (pl_item_get_double (objective, PL_OBJECTIVE_TARGET), ==, 969);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

static void
test_period_target (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  PlKpisPage *page = PL_KPIS_PAGE (pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_KPIS_PAGE));
  PlItem *sql = pl_plan_lookup (plan, "kpi-sql");
  PlObjective *objective = PL_OBJECTIVE (pl_plan_lookup (plan, "obj-sql"));
  PlBasis q2 = pl_basis_quarter (plan, 1);
  PlTargetPopover *popover;
  GtkWidget *amount, *preview;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "kpis");
  pl_kpis_page_select (page, sql);
  pl_test_spin ();
  /* The command and its shortcut's action: the current period target is the default. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "kpis.set-target", NULL));
  pl_test_spin ();
  popover = pl_kpis_page_get_target_popover (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  amount = pl_test_find_by_id (GTK_WIDGET (popover), "amount");
  preview = pl_test_find_by_id (GTK_WIDGET (popover), "preview");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "969");
  /* A planned KPI keeps its shape unless told otherwise: the preview says each month. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (preview)), "Sep"));
  pl_test_screenshot (GTK_WIDGET (window), "targets-popover");

  /* The second quarter: 227 targeted (74 + 76 + 77), now 300, kept in shape. */
  pl_target_popover_set_span (popover, 2);
  pl_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "227");
  pl_test_type_into (GTK_WIDGET (popover), "amount", "300");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpfloat (pl_figures_kpi (plan, PL_KPI (sql), PL_SERIES_TARGETS, &q2).value, ==, 300);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Set the target of “Sales qualified leads”");
  /* The objective is the KPI's target: one number, moved in the same step. */
  g_assert_cmpfloat (pl_objective_target (plan, objective), ==, 969 - 227 + 300);
  g_assert_cmpfloat (pl_item_get_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET), ==, 969 - 227 + 300);
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpfloat (pl_item_get_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET), ==, 969);

  /* A refusal is said in the popover and changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "kpis.set-target", NULL));
  pl_test_spin ();
  pl_test_type_into (GTK_WIDGET (popover), "amount", "-5");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_widget_has_css_class (preview, "error"));
  g_assert_cmpfloat (pl_objective_target (plan, objective), ==, 969);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* Over the figures, the command is for the KPI of the grid's row. */
  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (GTK_WIDGET (page), "view_stack")), "figures");
  pl_test_wait_drawn (pl_test_find_widget (GTK_WIDGET (page), PL_TYPE_MEASUREMENTS_GRID));
  pl_measurements_grid_focus_kpi (PL_MEASUREMENTS_GRID (pl_test_find_widget (GTK_WIDGET (page), PL_TYPE_MEASUREMENTS_GRID)),
                                  pl_plan_lookup (plan, "kpi-churn"));
  pl_test_spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "kpis.set-target", NULL));
  pl_test_spin ();
  popover = pl_kpis_page_get_target_popover (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (pl_test_find_by_id (GTK_WIDGET (popover), "title"))), ==,
                   "Target for “Monthly churn rate”");
  /* A level: its mean over the period is the default, repeated or stepped, not split. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pl_test_find_by_id (GTK_WIDGET (popover), "amount"))), ==, "1.5%");
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The Plan page's objectives: target, actual to date, projected and a status in words. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan");
  pl_test_spin ();
  {
    GtkWidget *plan_page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_PLAN_PAGE);
    GtkWidget *objectives = pl_test_find_by_id (plan_page, "objectives_box");
    GtkWidget *scrolled = gtk_widget_get_ancestor (objectives, GTK_TYPE_SCROLLED_WINDOW);
    PlObjectiveProgress progress;
    g_autofree char *actual = NULL;

    pl_objective_progress (plan, objective, pl_dashboard_resolve_as_of (plan, pl_calendar_today ()), &progress);
    actual = pl_kpi_value_format (progress.kpi, progress.actual);
    g_assert_cmpstr (actual, ==, "479");
    g_assert_nonnull (find_label (objectives, "479"));
    g_assert_nonnull (find_label (objectives, pl_objective_status_describe (progress.status)));
    if (scrolled != NULL)
      {
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (objectives, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), &bounds));
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), bounds.origin.y - 40);
      }
    pl_test_screenshot (GTK_WIDGET (window), "targets-objectives");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

/* A file whose objective disagrees with its KPI opens with the KPI's number, said once in the
 * window's banner; saving writes the KPI's number, and the file then opens without a word. */
static void
test_reconciled_on_open (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_plan (dir, "tests/io/objectives/mismatch.pilote", "mismatch.pilote");
  g_autofree char *contents = NULL;
  PlWindow *window = pl_test_open_in_window (path);
  PlPlan *plan = pl_document_get_plan (pl_window_get_document (window));
  const char *error = pl_window_get_error (window);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "Some objectives now take their KPI’s target"));
  g_assert_nonnull (strstr (error, "960"));
  g_assert_cmpfloat (pl_objective_target (plan, PL_OBJECTIVE (pl_plan_lookup (plan, "obj-sql"))), ==, 960);
  /* The banner slides in: the screenshot once it is open. */
  {
    gint64 until = g_get_monotonic_time () + 800 * G_TIME_SPAN_MILLISECOND;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  pl_test_screenshot (GTK_WIDGET (window), "targets-reconciled");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  pl_test_wait_loaded ();
  pl_test_spin ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "target=\"960\""));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  window = pl_test_open_in_window (path);
  g_assert_null (pl_window_get_error (window));
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/targets/grid-columns", test_grid_columns);
  g_test_add_func ("/targets/period-target", test_period_target);
  g_test_add_func ("/targets/reconciled-on-open", test_reconciled_on_open);
  return g_test_run ();
}
