/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fiscal period's start and length change together, or not at all. */
#include "config.h"

#include "pl-error.h"
#include "pl-fiscal-period.h"
#include "pl-plan-state.h"

static guint32
first_of (int year, int month)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, (GDateMonth) month, (GDateYear) year);

  return g_date_get_julian (date);
}

static void
test_set (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  guint32 start = pl_plan_get_start (plan);

  pl_plan_mark_saved (plan);
  g_assert_true (pl_fiscal_period_set (plan, first_of (2031, 4), 6, NULL));
  g_assert_cmpuint (pl_plan_get_start (plan), ==, first_of (2031, 4));
  g_assert_cmpuint (pl_plan_get_months (plan), ==, 6);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change the Fiscal Period");
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpuint (pl_plan_get_start (plan), ==, start);
  g_assert_cmpuint (pl_plan_get_months (plan), ==, 12);
  g_assert_false (pl_plan_get_modified (plan));
}

/* The start is taken, then the length refused: the start goes back too. */
static void
test_refused (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GError) error = NULL;
  PlPlanState state;

  pl_plan_mark_saved (plan);
  pl_plan_state_begin (&state, plan);
  g_assert_false (pl_fiscal_period_set (plan, first_of (2031, 4), 5, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "A fiscal period lasts 3, 6 or 12 months.");
  pl_plan_state_assert_unchanged (&state);
  g_assert_false (pl_plan_can_undo (plan));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fiscal-period/set", test_set);
  g_test_add_func ("/fiscal-period/refused", test_refused);
  return g_test_run ();
}
