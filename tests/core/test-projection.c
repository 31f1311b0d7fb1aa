/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The planning arithmetic of issue 21 on the plan of round numbers (pl-test-round-plan.h),
 * every figure worked out by hand in the comments: forward, what-if, reverse, delays, and
 * both directions agreeing. */
#include "config.h"

#include <math.h>

#include "pl-error.h"
#include "pl-projection.h"
#include "pl-test-round-plan.h"

#define AS_OF (pl_test_day (30, 6, 2027))

typedef struct {
  PlPlan      *plan;
  PlDrivers   *drivers;
  PlProjector *projector;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->plan = pl_test_round_plan_new ();
  f->drivers = pl_drivers_new_from_plan (f->plan, PL_DRIVERS_DEFAULT_WINDOW, AS_OF);
  f->projector = pl_projector_new (f->plan);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  pl_projector_free (f->projector);
  pl_drivers_free (f->drivers);
  g_object_unref (f->plan);
}

static void
assert_row (const PlProjection *projection, PlProjectionRow row, int month, double expected)
{
  g_assert_cmpfloat_with_epsilon (pl_projection_get (projection, row, month), expected, 1e-9 * MAX (1, fabs (expected)));
}

/* 10,000 a month at CPL 50 is 200 leads; x 30 % = 60 MQL; x 50 % = 30 SQL; x 20 % = 6 new
 * customers; x 5,000 = 30,000 new revenue. Over 12 months: 120,000 spent, 2,400 leads, 720
 * MQL, 360 SQL, 72 customers, 360,000 revenue; CAC 120,000 / 72 = 1,666.67; LTV 500 x 100 %
 * / 2 % = 25,000; LTV:CAC 15; ROI (360,000 - 120,000) / 120,000 = 2. */
static void
test_forward (Fixture *f, gconstpointer data)
{
  g_autoptr(PlProjection) projection = pl_projector_forward (f->projector, f->drivers);
  PlKpi *cpl = PL_KPI (pl_plan_lookup (f->plan, "kpi-cpl"));
  PlKpi *churn = PL_KPI (pl_plan_lookup (f->plan, "kpi-churn"));
  PlKpi *customers = PL_KPI (pl_plan_lookup (f->plan, "kpi-customers"));

  g_assert_cmpuint (pl_projection_get_n_months (projection), ==, 12);
  for (int m = 0; m < 12; m++)
    {
      assert_row (projection, PL_PROJECTION_SPEND, m, 10000);
      assert_row (projection, PL_PROJECTION_LEADS, m, 200);
      assert_row (projection, PL_PROJECTION_MQL, m, 60);
      assert_row (projection, PL_PROJECTION_SQL, m, 30);
      assert_row (projection, PL_PROJECTION_CUSTOMERS, m, 6);
      assert_row (projection, PL_PROJECTION_REVENUE, m, 30000);
      assert_row (projection, PL_PROJECTION_CAC, m, 10000.0 / 6);
      assert_row (projection, PL_PROJECTION_LTV, m, 25000);
      assert_row (projection, PL_PROJECTION_LTV_CAC, m, 15);
      assert_row (projection, PL_PROJECTION_ROI, m, 2);
      g_assert_cmpfloat_with_epsilon (pl_projection_get_kpi (projection, cpl, m), 50, 1e-9);
      g_assert_cmpfloat_with_epsilon (pl_projection_get_kpi (projection, churn, m), 0.02, 1e-12);
      /* A KPI the chain does not compute keeps its value over the window. */
      g_assert_cmpfloat_with_epsilon (pl_projection_get_kpi (projection, customers, m), 100, 1e-9);
    }
  assert_row (projection, PL_PROJECTION_SPEND, PL_PROJECTION_TOTAL, 120000);
  assert_row (projection, PL_PROJECTION_LEADS, PL_PROJECTION_TOTAL, 2400);
  assert_row (projection, PL_PROJECTION_MQL, PL_PROJECTION_TOTAL, 720);
  assert_row (projection, PL_PROJECTION_SQL, PL_PROJECTION_TOTAL, 360);
  assert_row (projection, PL_PROJECTION_CUSTOMERS, PL_PROJECTION_TOTAL, 72);
  assert_row (projection, PL_PROJECTION_REVENUE, PL_PROJECTION_TOTAL, 360000);
  assert_row (projection, PL_PROJECTION_CAC, PL_PROJECTION_TOTAL, 120000.0 / 72);
  assert_row (projection, PL_PROJECTION_LTV_CAC, PL_PROJECTION_TOTAL, 15);
  assert_row (projection, PL_PROJECTION_ROI, PL_PROJECTION_TOTAL, 2);
  /* No delay: nothing passes the period's end. */
  assert_row (projection, PL_PROJECTION_CUSTOMERS, PL_PROJECTION_AFTER_PERIOD, 0);
  g_assert_cmpfloat_with_epsilon (pl_projection_get_kpi (projection, cpl, PL_PROJECTION_TOTAL), 50, 1e-9);
  /* Out of range. */
  g_assert_true (isnan (pl_projection_get (projection, PL_PROJECTION_LEADS, 12)));
  g_assert_true (isnan (pl_projection_get (projection, PL_PROJECTION_CAC, PL_PROJECTION_AFTER_PERIOD)));
}

/* CPL 40: 10,000 / 40 = 250 leads; 75 MQL; 37.5 SQL; 7.5 customers; 37,500 revenue. The CPL
 * KPI's formula (spend / leads) follows: 40. The plan's own drivers are untouched. */
static void
test_what_if (Fixture *f, gconstpointer data)
{
  g_autoptr(PlDrivers) what_if = pl_drivers_copy (f->drivers);
  g_autoptr(PlProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  PlKpi *cpl = PL_KPI (pl_plan_lookup (f->plan, "kpi-cpl"));

  g_assert_true (pl_drivers_set (what_if, PL_DRIVER_CPL, 40, &error));
  g_assert_no_error (error);
  projection = pl_projector_forward (f->projector, what_if);
  assert_row (projection, PL_PROJECTION_LEADS, 3, 250);
  assert_row (projection, PL_PROJECTION_MQL, 3, 75);
  assert_row (projection, PL_PROJECTION_SQL, 3, 37.5);
  assert_row (projection, PL_PROJECTION_CUSTOMERS, 3, 7.5);
  assert_row (projection, PL_PROJECTION_REVENUE, 3, 37500);
  assert_row (projection, PL_PROJECTION_CUSTOMERS, PL_PROJECTION_TOTAL, 90);
  g_assert_cmpfloat_with_epsilon (pl_projection_get_kpi (projection, cpl, 3), 40, 1e-9);
  g_assert_cmpfloat (pl_drivers_get (f->drivers, PL_DRIVER_CPL, NULL), ==, 50);

  /* A fifth of the spend cut: 8,000 a month, 160 leads, 4.8 customers. */
  g_assert_true (pl_drivers_set (what_if, PL_DRIVER_SPEND_CHANGE, -20, &error));
  pl_drivers_reset (what_if, PL_DRIVER_CPL);
  pl_projector_forward_into (f->projector, what_if, projection);
  assert_row (projection, PL_PROJECTION_SPEND, 0, 8000);
  assert_row (projection, PL_PROJECTION_LEADS, 0, 160);
  assert_row (projection, PL_PROJECTION_CUSTOMERS, 0, 4.8);
  /* And the ads category cut by half on top: 10,000 x 0.8 x 0.5 = 4,000. */
  g_assert_true (pl_drivers_set_category_change (what_if, "cat-ads", -50, &error));
  pl_projector_forward_into (f->projector, what_if, projection);
  assert_row (projection, PL_PROJECTION_SPEND, 0, 4000);
  assert_row (projection, PL_PROJECTION_LEADS, 0, 80);
}

/* Revenue goal 360,000: 72 customers, 6 a month (shaped like the flat budget); 30 SQL, 60
 * MQL, 200 leads a month; 10,000 a month at CPL 50, 12,000 with the 20 % safety margin:
 * 144,000 against 120,000 planned, 24,000 short, or 144,000 / 60 - 120,000 / 60 = 400 leads.
 * The one lever: CPL 50 / 1.2 = 41.67 (a 16.7 % change; every other lever needs +20 %). */
static void
test_backsolve (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBacksolve) safe = pl_projector_backsolve (f->projector, f->drivers, PL_GOAL_REVENUE, 360000,
                                                         PL_BACKSOLVE_DEFAULT_SAFETY, &error);
  g_autoptr(PlBacksolve) exact = NULL;
  g_autofree char *text = NULL;
  PlDriver lever;
  double from, to;

  g_assert_no_error (error);
  for (int m = 0; m < 12; m++)
    {
      g_assert_cmpfloat_with_epsilon (pl_backsolve_get (safe, PL_PROJECTION_CUSTOMERS, m), 6, 1e-9);
      g_assert_cmpfloat_with_epsilon (pl_backsolve_get (safe, PL_PROJECTION_SQL, m), 30, 1e-9);
      g_assert_cmpfloat_with_epsilon (pl_backsolve_get (safe, PL_PROJECTION_MQL, m), 60, 1e-9);
      g_assert_cmpfloat_with_epsilon (pl_backsolve_get (safe, PL_PROJECTION_LEADS, m), 200, 1e-9);
      g_assert_cmpfloat_with_epsilon (pl_backsolve_get (safe, PL_PROJECTION_SPEND, m), 12000, 1e-6);
      g_assert_cmpfloat_with_epsilon (pl_backsolve_get (safe, PL_PROJECTION_REVENUE, m), 30000, 1e-6);
    }
  g_assert_cmpfloat_with_epsilon (pl_backsolve_get (safe, PL_PROJECTION_SPEND, PL_PROJECTION_TOTAL), 144000, 1e-6);
  g_assert_cmpfloat_with_epsilon (pl_backsolve_get (safe, PL_PROJECTION_LEADS, PL_PROJECTION_BEFORE_PERIOD), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pl_backsolve_gap_money (safe), 24000, 1e-6);
  g_assert_cmpfloat_with_epsilon (pl_backsolve_gap_leads (safe), 400, 1e-6);
  g_assert_true (pl_backsolve_get_lever (safe, &lever, &from, &to));
  g_assert_cmpint (lever, ==, PL_DRIVER_CPL);
  g_assert_cmpfloat (from, ==, 50);
  g_assert_cmpfloat_with_epsilon (to, 50 / 1.2, 1e-9);
  text = pl_backsolve_describe (safe, f->plan);
  /* The C locale groups with a narrow no-break space and puts a no-break one before the code. */
  g_assert_cmpstr (text, ==, "The goal needs 24\u202F000\u00A0EUR more than the budget, or 400 more leads; "
                             "or lower the cost per lead from 50\u00A0EUR to 41.66\u00A0EUR.");

  /* Without the margin the budget is just enough: no gap, no lever. */
  exact = pl_projector_backsolve (f->projector, f->drivers, PL_GOAL_CUSTOMERS, 72, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (pl_backsolve_get (exact, PL_PROJECTION_SPEND, 5), 10000, 1e-6);
  g_assert_cmpfloat_with_epsilon (pl_backsolve_gap_money (exact), 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (pl_backsolve_gap_leads (exact), 0, 1e-6);
  g_assert_false (pl_backsolve_get_lever (exact, NULL, NULL, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/projection/forward", test_forward);
  ADD ("/projection/what-if", test_what_if);
  ADD ("/projection/backsolve", test_backsolve);
  return g_test_run ();
}
