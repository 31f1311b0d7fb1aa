/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-budget-spread.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-money.h"
#include "pl-plan-state.h"

typedef struct {
  PlPlan *plan;
  PlItem *category;
  PlItem *line;
  PlItem *other;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->plan = pl_plan_new ();
  f->category = g_object_new (PL_TYPE_CATEGORY, NULL);
  pl_item_set_string (f->category, PL_CATEGORY_NAME, "Paid media");
  pl_plan_add (f->plan, f->category);
  f->line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  pl_item_set_string (f->line, PL_BUDGET_LINE_NAME, "Search ads");
  pl_item_set_string (f->line, PL_BUDGET_LINE_CATEGORY, pl_item_get_id (f->category));
  pl_plan_add (f->plan, f->line);
  f->other = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  pl_item_set_string (f->other, PL_BUDGET_LINE_NAME, "Social ads");
  pl_item_set_string (f->other, PL_BUDGET_LINE_CATEGORY, pl_item_get_id (f->category));
  pl_plan_add (f->plan, f->other);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_object_unref (f->line);
  g_object_unref (f->other);
  g_object_unref (f->category);
  g_object_unref (f->plan);
}

static gint64
month (Fixture *f, PlItem *line, int m)
{
  return pl_figures_line_planned (PL_BUDGET_LINE (line), m);
}

static void
test_evenly (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* 1,000.00 over 12 months: 83.33 each, the 4 cents left to the first four months. */
  g_assert_true (pl_budget_spread_evenly (f->plan, PL_BUDGET_LINE (f->line), 100000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (month (f, f->line, -1), ==, 100000);
  for (int m = 0; m < 12; m++)
    g_assert_cmpint (month (f, f->line, m), ==, m < 4 ? 8334 : 8333);
  /* One undoable step. */
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_cmpint (month (f, f->line, -1), ==, 0);
  g_assert_false (pl_budget_spread_evenly (f->plan, PL_BUDGET_LINE (f->line), -5, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpint (month (f, f->line, -1), ==, 0);
  g_assert_true (pl_plan_can_redo (f->plan));
}

static void
test_profile (Fixture *f, gconstpointer data)
{
  /* Quieter summer and December, a push in the spring and autumn. */
  const double weights[] = { 1, 1, 2, 2, 1, 1, 0.5, 0.5, 2, 2, 1, 0 };
  const double bad_sign[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1 };
  const double zeros[12] = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_budget_spread_profile (f->plan, PL_BUDGET_LINE (f->line), 1400000, weights, 12, &error));
  g_assert_no_error (error);
  g_assert_cmpint (month (f, f->line, -1), ==, 1400000);
  g_assert_cmpint (month (f, f->line, 0), ==, 100000);
  g_assert_cmpint (month (f, f->line, 2), ==, 200000);
  g_assert_cmpint (month (f, f->line, 6), ==, 50000);
  g_assert_cmpint (month (f, f->line, 11), ==, 0);
  g_assert_false (pl_budget_spread_profile (f->plan, PL_BUDGET_LINE (f->line), 1000, weights, 11, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (pl_budget_spread_profile (f->plan, PL_BUDGET_LINE (f->line), 1000, bad_sign, 12, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (pl_budget_spread_profile (f->plan, PL_BUDGET_LINE (f->line), 1000, zeros, 12, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  /* Refusals change nothing. */
  g_assert_cmpint (month (f, f->line, -1), ==, 1400000);
}

static void
test_copy_month (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_plan_set_planned (f->plan, PL_BUDGET_LINE (f->line), 3, 4250, NULL));
  g_assert_true (pl_budget_copy_month (f->plan, PL_BUDGET_LINE (f->line), 3, &error));
  g_assert_cmpint (month (f, f->line, -1), ==, 12 * 4250);
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_cmpint (month (f, f->line, -1), ==, 4250);
  g_assert_false (pl_budget_copy_month (f->plan, PL_BUDGET_LINE (f->line), 12, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
}

static void
test_scale (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  pl_budget_spread_evenly (f->plan, PL_BUDGET_LINE (f->line), 120000, NULL);
  pl_budget_spread_evenly (f->plan, PL_BUDGET_LINE (f->other), 24000, NULL);
  g_assert_true (pl_budget_scale_category (f->plan, PL_CATEGORY (f->category), 10, &error));
  g_assert_cmpint (month (f, f->line, 0), ==, 11000);
  g_assert_cmpint (month (f, f->other, 0), ==, 2200);
  /* Both lines come back in one undo. */
  g_assert_cmpstr (pl_plan_get_undo_label (f->plan), ==, "Scale “Paid media” by 10%");
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_cmpint (month (f, f->line, 0), ==, 10000);
  g_assert_cmpint (month (f, f->other, 0), ==, 2000);
  g_assert_true (pl_budget_scale_category (f->plan, PL_CATEGORY (f->category), -100, &error));
  g_assert_cmpint (month (f, f->line, -1) + month (f, f->other, -1), ==, 0);
  g_assert_false (pl_budget_scale_category (f->plan, PL_CATEGORY (f->category), -150, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
}

/* The second line would grow past the most a plan holds: the first, already scaled, goes
 * back, and the plan is as before. */
static void
test_scale_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  PlPlanState state;

  pl_budget_spread_evenly (f->plan, PL_BUDGET_LINE (f->line), 120000, NULL);
  g_assert_true (pl_plan_set_planned (f->plan, PL_BUDGET_LINE (f->other), 5, pl_money_max (2) / 2, NULL));
  pl_plan_mark_saved (f->plan);
  pl_plan_state_begin (&state, f->plan);
  g_assert_false (pl_budget_scale_category (f->plan, PL_CATEGORY (f->category), 150, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  pl_plan_state_assert_unchanged (&state);
  g_assert_cmpint (month (f, f->line, 0), ==, 10000);
  g_clear_error (&error);
  /* Past what a gint64 holds: refused the same way, not wrapped around. */
  g_assert_false (pl_budget_scale_category (f->plan, PL_CATEGORY (f->category), 1e20, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_false (pl_plan_get_modified (f->plan));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/budget-spread/evenly", Fixture, NULL, setup, test_evenly, teardown);
  g_test_add ("/budget-spread/profile", Fixture, NULL, setup, test_profile, teardown);
  g_test_add ("/budget-spread/copy-month", Fixture, NULL, setup, test_copy_month, teardown);
  g_test_add ("/budget-spread/scale", Fixture, NULL, setup, test_scale, teardown);
  g_test_add ("/budget-spread/scale-refused", Fixture, NULL, setup, test_scale_refused, teardown);
  return g_test_run ();
}
