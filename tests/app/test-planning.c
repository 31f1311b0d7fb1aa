/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Planning page on the example plan at 1366x768: a driver changed on the what-if moves
 * the what-if's figures (checked against pl_projector_forward() run here) and not the plan;
 * the what-if saved as a scenario is in the plan and compared with Base; a goal is
 * back-solved. Writes a screenshot of each view. */
#include <math.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-chart-style.h"
#include "pl-dashboard.h"
#include "pl-planning-page.h"
#include "pl-projection.h"
#include "pl-scenario.h"
#include "pl-scenario-chart.h"
#include "pl-test-util.h"

/* The text of @plan's @row over the period as the page writes it in sentences. */
static char *
total_text (PlPlan *plan, PlProjection *projection, PlProjectionRow row)
{
  return pl_scenario_chart_value_text (pl_chart_style_light (), plan, row,
                                       pl_projection_get (projection, row, PL_PROJECTION_TOTAL), NAN, FALSE);
}

/* The value editor of @driver on the page. */
static GtkSpinButton *
driver_spin (GtkWidget *root, PlDriver driver)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found;

      if (GTK_IS_SPIN_BUTTON (child) && g_object_get_data (G_OBJECT (child), "driver") == GUINT_TO_POINTER (driver))
        return GTK_SPIN_BUTTON (child);
      if ((found = driver_spin (child, driver)) != NULL)
        return found;
    }
  return NULL;
}

static void
show_view (GtkWidget *page, const char *name)
{
  gtk_stack_set_visible_child_name (GTK_STACK (pl_test_find_by_id (page, "view_stack")), name);
  pl_test_wait_drawn (page);
}

static void
test_planning_page (void)
{
  g_autofree char *dir = pl_test_scratch_dir ("pilote-ui-XXXXXX");
  g_autofree char *path = pl_test_copy_example (dir);
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(PlProjector) projector = NULL;
  g_autoptr(PlDrivers) expected = NULL;
  g_autoptr(PlDrivers) history = NULL;
  g_autoptr(PlProjection) plan_projection = NULL;
  g_autoptr(PlProjection) whatif_projection = NULL;
  g_autofree char *whatif_revenue = NULL, *plan_revenue = NULL;
  PlWindow *window;
  GtkWidget *page, *spin;
  guint32 as_of;
  double rate;
  const char *summary;

  window = pl_test_open_in_window (path);
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "planning");
  page = pl_test_find_widget (GTK_WIDGET (window), PL_TYPE_PLANNING_PAGE);
  pl_test_wait_drawn (page);
  g_object_get (page, "plan", &plan, NULL);
  g_assert_nonnull (plan);
  g_assert_false (pl_plan_get_modified (plan));
  pl_test_screenshot (GTK_WIDGET (window), "planning");

  /* MQL to SQL up ten points on the what-if. */
  as_of = pl_dashboard_resolve_as_of (plan, pl_calendar_today ());
  spin = GTK_WIDGET (driver_spin (pl_test_find_by_id (page, "drivers"), PL_DRIVER_MQL_TO_SQL));
  g_assert_nonnull (spin);
  rate = gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin));
  history = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, as_of);
  g_assert_cmpfloat_with_epsilon (rate / 100, pl_drivers_get (history, PL_DRIVER_MQL_TO_SQL, NULL), 0.001);
  {
    /* The what-if's whole recomputation (projection, tables, back-solve) runs in the change. */
    gint64 start = g_get_monotonic_time ();
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), rate + 10);
    g_test_message ("what-if change on the example plan: %.2f ms", (g_get_monotonic_time () - start) / 1000.0);
  }
  pl_test_wait_drawn (page);

  /* The what-if's revenue is the projection of the same drivers, computed here; the plan's
   * is beside it, and the plan did not change. */
  projector = pl_projector_new (plan);
  expected = pl_drivers_copy (history);
  g_assert_true (pl_drivers_set (expected, PL_DRIVER_MQL_TO_SQL, (rate + 10) / 100, NULL));
  whatif_projection = pl_projector_forward (projector, expected);
  plan_projection = pl_projector_forward (projector, history);
  whatif_revenue = total_text (plan, whatif_projection, PL_PROJECTION_REVENUE);
  plan_revenue = total_text (plan, plan_projection, PL_PROJECTION_REVENUE);
  g_assert_cmpstr (whatif_revenue, !=, plan_revenue);
  summary = gtk_label_get_text (GTK_LABEL (pl_test_find_by_id (page, "whatif_summary")));
  g_assert_nonnull (strstr (summary, whatif_revenue));
  g_assert_nonnull (strstr (summary, plan_revenue));
  g_assert_cmpfloat_with_epsilon (pl_drivers_get (pl_planning_page_get_whatif (PL_PLANNING_PAGE (page)),
                                                  PL_DRIVER_MQL_TO_SQL, NULL), (rate + 10) / 100, 1e-9);
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_false (pl_plan_can_undo (plan));
  {
    g_autoptr(PlDrivers) again = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, as_of);
    g_assert_cmpfloat (pl_drivers_get (again, PL_DRIVER_MQL_TO_SQL, NULL), ==, pl_drivers_get (history, PL_DRIVER_MQL_TO_SQL, NULL));
  }
  pl_test_screenshot (GTK_WIDGET (window), "planning-whatif");

  /* Saved as "Stretch": one undoable edit, the scenario holds the what-if's rate. */
  gtk_widget_activate_action (page, "planning.save-scenario", NULL);
  pl_test_spin ();
  {
    GtkWindow *dialog = pl_test_find_window (GTK_TYPE_DIALOG);
    GtkWidget *entry;
    PlScenario *stretch;
    g_autoptr(PlDrivers) kept = NULL;

    g_assert_nonnull (dialog);
    entry = g_object_get_data (G_OBJECT (dialog), "entry");
    gtk_editable_set_text (GTK_EDITABLE (entry), "Stretch");
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    pl_test_spin ();
    stretch = pl_scenario_find (plan, "Stretch");
    g_assert_nonnull (stretch);
    g_assert_true (pl_plan_can_undo (plan));
    kept = pl_scenario_get_drivers (stretch, plan, as_of);
    g_assert_cmpfloat_with_epsilon (pl_drivers_get (kept, PL_DRIVER_MQL_TO_SQL, NULL), (rate + 10) / 100, 1e-9);
  }

  /* Side by side: Base and Stretch. */
  show_view (page, "scenarios");
  {
    GtkGrid *table = GTK_GRID (pl_test_find_by_id (page, "scenario_table"));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (table, 0, 1))), ==, "Base");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (table, 0, 2))), ==, "Stretch");
    /* Saved, the what-if is the scenario: no third row for it. */
    g_assert_null (gtk_grid_get_child_at (table, 0, 3));
    /* The scenario's name says what it assumes. */
    g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (gtk_grid_get_child_at (table, 0, 2)),
                                     "MQL to SQL conversion "));
  }
  pl_test_screenshot (GTK_WIDGET (window), "planning-scenarios");

  /* A revenue goal above what the budget brings, back-solved with the what-if's drivers
   * and the default 20 % margin: the gap and the lever. */
  show_view (page, "goal");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (pl_test_find_by_id (page, "goal_amount")), 6000000);
  pl_test_wait_drawn (page);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlBacksolve) backsolve = pl_projector_backsolve (projector, expected, PL_GOAL_REVENUE, 6000000,
                                                               PL_BACKSOLVE_DEFAULT_SAFETY, &error);
    g_autofree char *sentence = NULL;

    g_assert_no_error (error);
    sentence = pl_backsolve_describe (backsolve, plan);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pl_test_find_by_id (page, "backsolve_text"))), ==, sentence);
    g_assert_true (g_str_has_prefix (sentence, "The goal needs "));
  }
  pl_test_screenshot (GTK_WIDGET (window), "planning-goal");

  /* Typed in a hurry: a decimal comma is read as the grids read it; text that is not a
   * number, or out of range, is refused in words and changes nothing. */
  show_view (page, "whatif");
  spin = GTK_WIDGET (driver_spin (pl_test_find_by_id (page, "drivers"), PL_DRIVER_MQL_TO_SQL));
  gtk_editable_set_text (GTK_EDITABLE (spin), "41,5");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  pl_test_wait_drawn (page);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 41.5, 1e-9);
  gtk_editable_set_text (GTK_EDITABLE (spin), "4l");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 41.5, 1e-9);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (pl_test_find_by_id (page, "status"))),
                                   "“4l” is not a number"));
  gtk_editable_set_text (GTK_EDITABLE (spin), "150");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 41.5, 1e-9);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pl_test_find_by_id (page, "status"))), ==,
                   "“150” is out of range: type a value from 0 to 100.");
  show_view (page, "goal");
  spin = pl_test_find_by_id (page, "goal_amount");
  gtk_editable_set_text (GTK_EDITABLE (spin), "1 200 000");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 1200000, 1e-9);

  /* A driver nothing measures shows an empty field, not a 0 taken for a measured churn;
   * undone, its value is back. */
  show_view (page, "whatif");
  pl_plan_remove (plan, pl_plan_lookup (plan, "kpi-churn"));
  pl_test_wait_drawn (page);
  spin = GTK_WIDGET (driver_spin (pl_test_find_by_id (page, "drivers"), PL_DRIVER_CHURN));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pl_test_find_by_id (page, "whatif_summary"))), !=, "");
  g_assert_true (pl_plan_undo (plan));
  pl_test_wait_drawn (page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1.5");

  /* The dark theme. */
  show_view (page, "scenarios");
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);
  pl_test_wait_drawn (page);
  pl_test_screenshot (GTK_WIDGET (window), "planning-scenarios-dark");
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);

  pl_plan_mark_saved (plan);
  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_spin ();
  pl_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  pl_test_init (&argc, &argv);
  g_test_add_func ("/planning/page", test_planning_page);
  return g_test_run ();
}
