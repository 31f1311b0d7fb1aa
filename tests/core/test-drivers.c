/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The drivers of the planning arithmetic (issue 21): their values from history over a
 * window, where each comes from in words, their defaults, and the values they refuse. */
#include "config.h"

#include <math.h>

#include "pl-enums.h"
#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-projection.h"
#include "pl-test-round-plan.h"

/* Measured in April, May and June 2027 (pl-test-round-plan.h). */
static void
test_from_history (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  g_autoptr(PlDrivers) drivers = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, pl_test_day (30, 6, 2027));
  static const struct { PlDriver driver; double value; PlDriverSource source; const char *text; } expected[] = {
    { PL_DRIVER_CPL, 50, PL_DRIVER_FROM_HISTORY, "Last 3 months (April to June 2027)" },
    { PL_DRIVER_LEAD_TO_MQL, 0.3, PL_DRIVER_FROM_HISTORY, "Last 3 months (April to June 2027)" },
    { PL_DRIVER_MQL_TO_SQL, 0.5, PL_DRIVER_FROM_HISTORY, "Last 3 months (April to June 2027)" },
    { PL_DRIVER_SQL_TO_CUSTOMER, 0.2, PL_DRIVER_FROM_HISTORY, "Last 3 months (April to June 2027)" },
    { PL_DRIVER_DELAY_LEAD_TO_MQL, 0, PL_DRIVER_DEFAULT, "Default: no delay" },
    { PL_DRIVER_DELAY_MQL_TO_SQL, 0, PL_DRIVER_DEFAULT, "Default: no delay" },
    { PL_DRIVER_DELAY_SQL_TO_CUSTOMER, 0, PL_DRIVER_DEFAULT, "Default: no delay" },
    { PL_DRIVER_DEAL, 5000, PL_DRIVER_FROM_HISTORY, "Last 3 months (April to June 2027)" },
    { PL_DRIVER_ARPU, 500, PL_DRIVER_FROM_HISTORY, "Last 3 months (April to June 2027)" },
    { PL_DRIVER_MARGIN, 1, PL_DRIVER_DEFAULT, "Default: 100 % margin" },
    { PL_DRIVER_CHURN, 0.02, PL_DRIVER_FROM_HISTORY, "Last 3 months (April to June 2027)" },
    { PL_DRIVER_SPEND_CHANGE, 0, PL_DRIVER_DEFAULT, "Default: no change" },
  };
  guint32 from, to;

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == PL_N_DRIVERS);
  g_assert_cmpuint (pl_drivers_get_window (drivers, &from, &to), ==, 3);
  g_assert_cmpuint (from, ==, pl_test_day (1, 4, 2027));
  g_assert_cmpuint (to, ==, pl_test_day (1, 7, 2027));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PlDriverSource source;
      g_autofree char *text = pl_drivers_describe_source (drivers, plan, expected[i].driver);

      g_assert_cmpfloat_with_epsilon (pl_drivers_get (drivers, expected[i].driver, &source), expected[i].value, 1e-12);
      g_assert_cmpint (source, ==, expected[i].source);
      g_assert_cmpstr (text, ==, expected[i].text);
    }
  g_assert_false (pl_drivers_has_assumptions (drivers));
}

/* The window: shorter on request, ending with the last month measured by the as-of day,
 * never reaching back before the first month measured, empty before any measurement. */
static void
test_window (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  g_autoptr(PlDrivers) one = pl_drivers_new_from_plan (plan, 1, pl_test_day (31, 12, 2027));
  g_autoptr(PlDrivers) may = pl_drivers_new_from_plan (plan, 3, pl_test_day (15, 5, 2027));
  g_autoptr(PlDrivers) year = pl_drivers_new_from_plan (plan, 12, pl_test_day (30, 6, 2027));
  g_autoptr(PlDrivers) none = pl_drivers_new_from_plan (plan, 0, pl_test_day (31, 3, 2027));
  g_autofree char *one_text = pl_drivers_describe_source (one, plan, PL_DRIVER_CPL);
  g_autofree char *may_text = pl_drivers_describe_source (may, plan, PL_DRIVER_CPL);
  g_autofree char *year_text = pl_drivers_describe_source (year, plan, PL_DRIVER_CPL);
  g_autofree char *none_text = pl_drivers_describe_source (none, plan, PL_DRIVER_CPL);
  PlDriverSource source;

  g_assert_cmpuint (pl_drivers_get_window (one, NULL, NULL), ==, 1);
  g_assert_cmpstr (one_text, ==, "Last month (June 2027)");
  g_assert_cmpuint (pl_drivers_get_window (may, NULL, NULL), ==, 2);
  g_assert_cmpstr (may_text, ==, "Last 2 months (April to May 2027)");
  g_assert_cmpuint (pl_drivers_get_window (year, NULL, NULL), ==, 3);
  g_assert_cmpstr (year_text, ==, "Last 3 months (April to June 2027)");
  g_assert_cmpfloat (pl_drivers_get (may, PL_DRIVER_CPL, NULL), ==, 50);

  g_assert_cmpuint (pl_drivers_get_window (none, NULL, NULL), ==, 0);
  g_assert_true (isnan (pl_drivers_get (none, PL_DRIVER_CPL, &source)));
  g_assert_cmpint (source, ==, PL_DRIVER_MISSING);
  g_assert_cmpstr (none_text, ==, "Not measured");
  /* Defaults hold without history. */
  g_assert_cmpfloat (pl_drivers_get (none, PL_DRIVER_MARGIN, &source), ==, 1);
  g_assert_cmpint (source, ==, PL_DRIVER_DEFAULT);
}

/* July's spend is in, its funnel not yet: the window ends with July, but each ratio is
 * taken over the months that measure both its terms, so CPL stays 10,000 / 200 rather than
 * (2 x 10,000 + 99,999) / 400. */
static void
test_paired_months (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  g_autoptr(PlDrivers) drivers = NULL;
  g_autofree char *text = NULL;

  pl_plan_set_point (plan, PL_KPI (pl_plan_lookup (plan, "kpi-spend")), PL_SERIES_MEASUREMENTS,
                     pl_test_day (1, 7, 2027), 99999, NULL);
  /* And July's MRR without its customers: ARPU stays June's 50,000 / 100. */
  pl_plan_set_point (plan, PL_KPI (pl_plan_lookup (plan, "kpi-mrr")), PL_SERIES_MEASUREMENTS,
                     pl_test_day (1, 7, 2027), 70000, NULL);
  drivers = pl_drivers_new_from_plan (plan, 3, pl_test_day (31, 7, 2027));
  text = pl_drivers_describe_source (drivers, plan, PL_DRIVER_CPL);
  g_assert_cmpstr (text, ==, "Last 3 months (May to July 2027)");
  g_assert_cmpfloat_with_epsilon (pl_drivers_get (drivers, PL_DRIVER_CPL, NULL), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (pl_drivers_get (drivers, PL_DRIVER_MQL_TO_SQL, NULL), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (pl_drivers_get (drivers, PL_DRIVER_ARPU, NULL), 500, 1e-9);
}

/* A measured margin replaces the default; a driver without its KPI is missing. */
static void
test_margin_and_missing (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  PlKpi *margin = pl_test_add_formula_kpi (plan, "kpi-margin", NULL);
  g_autoptr(PlDrivers) drivers = NULL;
  PlDriverSource source;

  pl_item_set_int (PL_ITEM (margin), PL_KPI_STAGE, PL_STAGE_MARGIN);
  pl_plan_set_point (plan, margin, PL_SERIES_MEASUREMENTS, pl_test_day (1, 6, 2027), 0.8, NULL);
  pl_plan_remove (plan, pl_plan_lookup (plan, "kpi-mrr"));
  drivers = pl_drivers_new_from_plan (plan, 3, pl_test_day (30, 6, 2027));
  g_assert_cmpfloat (pl_drivers_get (drivers, PL_DRIVER_MARGIN, &source), ==, 0.8);
  g_assert_cmpint (source, ==, PL_DRIVER_FROM_HISTORY);
  g_assert_true (isnan (pl_drivers_get (drivers, PL_DRIVER_ARPU, &source)));
  g_assert_cmpint (source, ==, PL_DRIVER_MISSING);
}

static void
assert_refused (PlDrivers *drivers, PlDriver driver, double value, const char *message)
{
  g_autoptr(GError) error = NULL;
  double before = pl_drivers_get (drivers, driver, NULL);

  g_assert_false (pl_drivers_set (drivers, driver, value, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpfloat (pl_drivers_get (drivers, driver, NULL), ==, before);
}

static void
test_validation (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  g_autoptr(PlDrivers) drivers = pl_drivers_new_from_plan (plan, 3, pl_test_day (30, 6, 2027));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = NULL;
  PlDriverSource source;

  assert_refused (drivers, PL_DRIVER_CPL, 0, "The cost per lead must be more than 0.");
  assert_refused (drivers, PL_DRIVER_CPL, -5, "The cost per lead must be more than 0.");
  assert_refused (drivers, PL_DRIVER_CPL, NAN, "A driver's value must be a number.");
  assert_refused (drivers, PL_DRIVER_MQL_TO_SQL, 1.2, "A conversion rate or margin is between 0 % and 100 %.");
  assert_refused (drivers, PL_DRIVER_LEAD_TO_MQL, -0.1, "A conversion rate or margin is between 0 % and 100 %.");
  assert_refused (drivers, PL_DRIVER_MARGIN, 1.5, "A conversion rate or margin is between 0 % and 100 %.");
  assert_refused (drivers, PL_DRIVER_CHURN, 0, "Monthly churn is more than 0 % and at most 100 %.");
  assert_refused (drivers, PL_DRIVER_DELAY_MQL_TO_SQL, 366, "A delay between stages is from 0 to 365 days.");
  assert_refused (drivers, PL_DRIVER_DELAY_MQL_TO_SQL, -1, "A delay between stages is from 0 to 365 days.");
  assert_refused (drivers, PL_DRIVER_DEAL, -1, "Revenue per customer cannot be negative.");
  assert_refused (drivers, PL_DRIVER_SPEND_CHANGE, -101,
                  "A change in spend cannot cut more than 100 %: type a change of -100 % or more.");
  assert_refused (drivers, PL_DRIVER_SPEND_CHANGE, INFINITY, "A change in spend must be a number.");
  g_assert_false (pl_drivers_has_assumptions (drivers));

  /* The edges are accepted. */
  g_assert_true (pl_drivers_set (drivers, PL_DRIVER_MQL_TO_SQL, 1, &error));
  g_assert_true (pl_drivers_set (drivers, PL_DRIVER_DELAY_MQL_TO_SQL, 365, &error));
  g_assert_true (pl_drivers_set (drivers, PL_DRIVER_SPEND_CHANGE, -100, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (pl_drivers_get (drivers, PL_DRIVER_MQL_TO_SQL, &source), ==, 1);
  g_assert_cmpint (source, ==, PL_DRIVER_ASSUMED);
  g_assert_true (pl_drivers_has_assumptions (drivers));

  /* Reset: back to history, or to the default. */
  pl_drivers_reset (drivers, PL_DRIVER_MQL_TO_SQL);
  pl_drivers_reset (drivers, PL_DRIVER_DELAY_MQL_TO_SQL);
  pl_drivers_reset (drivers, PL_DRIVER_SPEND_CHANGE);
  g_assert_cmpfloat (pl_drivers_get (drivers, PL_DRIVER_MQL_TO_SQL, &source), ==, 0.5);
  g_assert_cmpint (source, ==, PL_DRIVER_FROM_HISTORY);
  g_assert_cmpfloat (pl_drivers_get (drivers, PL_DRIVER_DELAY_MQL_TO_SQL, &source), ==, 0);
  g_assert_cmpint (source, ==, PL_DRIVER_DEFAULT);
  g_assert_false (pl_drivers_has_assumptions (drivers));

  /* A category's change: refused below -100 %, dropped at 0, copied with the drivers. */
  g_assert_false (pl_drivers_set_category_change (drivers, "cat-ads", -120, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (pl_drivers_set_category_change (drivers, "cat-ads", -20, &error));
  g_assert_true (pl_drivers_set_category_change (drivers, "cat-brand", 10, &error));
  g_assert_true (pl_drivers_has_assumptions (drivers));
  {
    g_autoptr(PlDrivers) copy = pl_drivers_copy (drivers);
    g_assert_cmpfloat (pl_drivers_get_category_change (copy, "cat-ads"), ==, -20);
    g_assert_true (pl_drivers_set_category_change (drivers, "cat-ads", 0, &error));
    g_assert_cmpfloat (pl_drivers_get_category_change (copy, "cat-ads"), ==, -20);
  }
  g_assert_cmpfloat (pl_drivers_get_category_change (drivers, "cat-ads"), ==, 0);
  g_assert_cmpfloat (pl_drivers_get_category_change (drivers, "cat-none"), ==, 0);

  /* Assumptions carried over to drivers from another window: the rest stays theirs. */
  {
    g_autoptr(PlDrivers) other = pl_drivers_new_from_plan (plan, 1, pl_test_day (30, 6, 2027));
    g_assert_true (pl_drivers_set (drivers, PL_DRIVER_CPL, 45, &error));
    pl_drivers_take_assumptions (other, drivers);
    g_assert_cmpfloat (pl_drivers_get (other, PL_DRIVER_CPL, &source), ==, 45);
    g_assert_cmpint (source, ==, PL_DRIVER_ASSUMED);
    g_assert_cmpfloat (pl_drivers_get (other, PL_DRIVER_MQL_TO_SQL, &source), ==, 0.5);
    g_assert_cmpint (source, ==, PL_DRIVER_FROM_HISTORY);
    g_assert_cmpfloat (pl_drivers_get_category_change (other, "cat-brand"), ==, 10);
    g_assert_cmpuint (pl_drivers_get_window (other, NULL, NULL), ==, 1);
  }
  categories = pl_drivers_list_category_changes (drivers);
  g_assert_cmpuint (g_strv_length (categories), ==, 1);
  g_assert_cmpstr (categories[0], ==, "cat-brand");
}

static void
test_keys (void)
{
  for (guint i = 0; i < PL_N_DRIVERS; i++)
    {
      PlDriver driver;

      g_assert_true (pl_driver_from_key (pl_driver_key (i), &driver));
      g_assert_cmpint (driver, ==, i);
      g_assert_nonnull (pl_driver_name (i));
    }
  g_assert_cmpstr (pl_driver_key (PL_DRIVER_MQL_TO_SQL), ==, "mql-to-sql");
  g_assert_cmpstr (pl_driver_key (PL_DRIVER_DELAY_MQL_TO_SQL), ==, "delay-mql-to-sql");
  g_assert_cmpstr (pl_driver_key (PL_DRIVER_SPEND_CHANGE), ==, "spend-change");
  g_assert_cmpstr (pl_driver_name (PL_DRIVER_CPL), ==, "Cost per lead");
  g_assert_cmpint (pl_driver_unit (PL_DRIVER_CPL), ==, PL_DRIVER_UNIT_MONEY);
  g_assert_cmpint (pl_driver_unit (PL_DRIVER_CHURN), ==, PL_DRIVER_UNIT_RATE);
  g_assert_cmpint (pl_driver_unit (PL_DRIVER_DELAY_LEAD_TO_MQL), ==, PL_DRIVER_UNIT_DAYS);
  g_assert_cmpint (pl_driver_unit (PL_DRIVER_SPEND_CHANGE), ==, PL_DRIVER_UNIT_PERCENT_CHANGE);
  g_assert_false (pl_driver_from_key ("cost", NULL));
  g_assert_false (pl_driver_from_key (NULL, NULL));
}

/* The bundled example plan: every measured driver finite, the chain projects. */
static void
test_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  g_autoptr(PlDrivers) drivers = NULL;
  g_autoptr(PlProjector) projector = NULL;
  g_autoptr(PlProjection) projection = NULL;
  g_autoptr(PlBacksolve) backsolve = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  drivers = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, pl_plan_get_end (plan));
  text = pl_drivers_describe_source (drivers, plan, PL_DRIVER_CPL);
  g_assert_cmpstr (text, ==, "Last 3 months (April to June 2027)");
  for (guint i = 0; i < PL_N_DRIVERS; i++)
    {
      PlDriverSource source;
      g_assert_true (isfinite (pl_drivers_get (drivers, i, &source)));
      g_assert_cmpint (source, !=, PL_DRIVER_MISSING);
    }
  projector = pl_projector_new (plan);
  projection = pl_projector_forward (projector, drivers);
  for (guint row = 0; row < PL_N_PROJECTION_ROWS; row++)
    g_assert_true (isfinite (pl_projection_get (projection, row, PL_PROJECTION_TOTAL)));
  backsolve = pl_projector_backsolve (projector, drivers, PL_GOAL_REVENUE, 1e6, PL_BACKSOLVE_DEFAULT_SAFETY, &error);
  g_assert_no_error (error);
  g_assert_true (isfinite (pl_backsolve_gap_money (backsolve)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/drivers/from-history", test_from_history);
  g_test_add_func ("/drivers/window", test_window);
  g_test_add_func ("/drivers/paired-months", test_paired_months);
  g_test_add_func ("/drivers/margin-and-missing", test_margin_and_missing);
  g_test_add_func ("/drivers/validation", test_validation);
  g_test_add_func ("/drivers/keys", test_keys);
  g_test_add_func ("/drivers/example", test_example);
  return g_test_run ();
}
