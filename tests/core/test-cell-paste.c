/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A block pasted into the budget or the KPI grid is one undoable step, never half done. */
#include "config.h"

#include <math.h>

#include "pl-cell-paste.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-plan-state.h"

static PlBudgetLine *
line (PlPlan *plan, const char *name)
{
  g_autoptr(PlItem) item = g_object_new (PL_TYPE_BUDGET_LINE, NULL);

  pl_item_set_string (item, PL_BUDGET_LINE_NAME, name);
  pl_item_set_string (item, PL_BUDGET_LINE_CATEGORY, "cat-digital");
  pl_plan_add (plan, item);
  return PL_BUDGET_LINE (item);
}

static void
test_planned (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlBudgetLine *search = line (plan, "Search ads");
  PlBudgetLine *social = line (plan, "Social ads");
  const PlPlannedCell cells[] = { { search, 0, 1000 }, { search, 1, 2000 }, { social, 0, 500 } };

  pl_plan_mark_saved (plan);
  g_assert_true (pl_cell_paste_planned (plan, cells, G_N_ELEMENTS (cells), NULL, NULL));
  g_assert_cmpint (pl_figures_line_planned (search, -1), ==, 3000);
  g_assert_cmpint (pl_figures_line_planned (social, 0), ==, 500);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Paste");
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpint (pl_figures_line_planned (search, -1) + pl_figures_line_planned (social, -1), ==, 0);
  g_assert_false (pl_plan_get_modified (plan));
}

/* The third cell is refused after two were stored: they go back, nothing is left to redo. */
static void
test_planned_refused (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlBudgetLine *search = line (plan, "Search ads");
  PlBudgetLine *social = line (plan, "Social ads");
  const PlPlannedCell cells[] = { { search, 0, 1000 }, { search, 1, 2000 }, { social, 0, -5 }, { social, 1, 7 } };
  g_autoptr(GError) error = NULL;
  guint refused = G_MAXUINT;
  PlPlanState state;

  pl_plan_mark_saved (plan);
  pl_plan_state_begin (&state, plan);
  g_assert_false (pl_cell_paste_planned (plan, cells, G_N_ELEMENTS (cells), &refused, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpuint (refused, ==, 2);
  pl_plan_state_assert_unchanged (&state);
  g_assert_false (pl_plan_can_redo (plan));
}

static void
test_points (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlKpi *leads = PL_KPI (pl_plan_lookup (plan, "kpi-leads"));
  PlKpi *churn = PL_KPI (pl_plan_lookup (plan, "kpi-churn"));
  guint32 m0 = pl_plan_month_start (plan, 0), m1 = pl_plan_month_start (plan, 1);
  const PlPointCell cells[] = { { leads, m0, 120 }, { leads, m1, 140 }, { churn, m0, 0.02 } };
  const PlPointCell emptied[] = { { leads, m0, NAN } };
  g_autoptr(GError) error = NULL;
  guint refused = G_MAXUINT;
  PlPlanState state;

  pl_plan_mark_saved (plan);
  g_assert_true (pl_cell_paste_points (plan, PL_SERIES_MEASUREMENTS, cells, G_N_ELEMENTS (cells), NULL, NULL));
  g_assert_cmpuint (pl_series_get_n (pl_kpi_get_measurements (leads)), ==, 2);
  g_assert_cmpfloat (pl_series_lookup (pl_kpi_get_measurements (churn), m0)->value, ==, 0.02);
  g_assert_cmpuint (pl_series_get_n (pl_kpi_get_targets (leads)), ==, 0);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Paste");
  /* An empty cell takes the value away. */
  g_assert_true (pl_cell_paste_points (plan, PL_SERIES_MEASUREMENTS, emptied, 1, NULL, NULL));
  g_assert_null (pl_series_lookup (pl_kpi_get_measurements (leads), m0));
  g_assert_true (pl_plan_undo (plan));
  g_assert_true (pl_plan_undo (plan));
  g_assert_false (pl_plan_get_modified (plan));

  /* A churn of 200 % is refused as when it is typed, after the leads were stored. */
  {
    const PlPointCell bad[] = { { leads, m0, 120 }, { churn, m1, 2 } };

    pl_plan_state_begin (&state, plan);
    g_assert_false (pl_cell_paste_points (plan, PL_SERIES_TARGETS, bad, G_N_ELEMENTS (bad), &refused, &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
    g_assert_cmpuint (refused, ==, 1);
    pl_plan_state_assert_unchanged (&state);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cell-paste/planned", test_planned);
  g_test_add_func ("/cell-paste/planned-refused", test_planned_refused);
  g_test_add_func ("/cell-paste/points", test_points);
  return g_test_run ();
}
