/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scenarios (issue 21): named driver assumptions kept in the plan, each edit one undo step,
 * their drivers on top of the plan's history, and what validation says of a bad one. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-error.h"
#include "pl-plan-validate.h"
#include "pl-scenario.h"
#include "pl-test-round-plan.h"

/* As of the end of June 2027: April to June measured (pl-test-round-plan.h). */
#define AS_OF pl_test_day (30, 6, 2027)

static PlDrivers *
stretch_drivers (PlPlan *plan)
{
  PlDrivers *drivers = pl_drivers_new_from_plan (plan, 3, AS_OF);
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_drivers_set (drivers, PL_DRIVER_SPEND_CHANGE, -5, &error));
  g_assert_true (pl_drivers_set (drivers, PL_DRIVER_MQL_TO_SQL, 0.6, &error));
  g_assert_true (pl_drivers_set (drivers, PL_DRIVER_CPL, 40, &error));
  g_assert_true (pl_drivers_set_category_change (drivers, "cat-brand", 10, &error));
  g_assert_true (pl_drivers_set_category_change (drivers, "cat-ads", -20, &error));
  g_assert_no_error (error);
  return drivers;
}

static char *
assumptions_text (PlItem *scenario)
{
  GVariant *assumptions = pl_item_get_variant (scenario, PL_SCENARIO_ASSUMPTIONS);

  return assumptions != NULL ? g_variant_print (assumptions, FALSE) : g_strdup ("none");
}

/* Added in one undo step, its assumptions in the file's order, its drivers those assumed on
 * top of the history. */
static void
test_add (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  g_autoptr(PlDrivers) drivers = stretch_drivers (plan);
  g_autoptr(PlDrivers) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PlScenario *scenario;
  PlDriverSource source;
  guint64 serial;

  pl_plan_mark_saved (plan);
  scenario = pl_scenario_add (plan, "  Stretch ", drivers, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SCENARIOS), ==, 1);
  g_assert_cmpstr (pl_item_get_string (PL_ITEM (scenario), PL_SCENARIO_NAME), ==, "Stretch");
  g_assert_cmpint (pl_item_get_int (PL_ITEM (scenario), PL_SCENARIO_WINDOW), ==, 3);
  g_assert_true (g_str_has_prefix (pl_item_get_id (PL_ITEM (scenario)), "scn-"));
  text = assumptions_text (PL_ITEM (scenario));
  g_assert_cmpstr (text, ==, "[('driver', 'cpl', 40.0), ('driver', 'mql-to-sql', 0.59999999999999998), "
                             "('driver', 'spend-change', -5.0), ('category', 'cat-ads', -20.0), "
                             "('category', 'cat-brand', 10.0)]");
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Add Scenario");

  back = pl_scenario_get_drivers (scenario, plan, AS_OF);
  g_assert_cmpfloat (pl_drivers_get (back, PL_DRIVER_CPL, &source), ==, 40);
  g_assert_cmpint (source, ==, PL_DRIVER_ASSUMED);
  g_assert_cmpfloat (pl_drivers_get (back, PL_DRIVER_MQL_TO_SQL, NULL), ==, 0.6);
  g_assert_cmpfloat (pl_drivers_get (back, PL_DRIVER_SPEND_CHANGE, NULL), ==, -5);
  g_assert_cmpfloat (pl_drivers_get_category_change (back, "cat-ads"), ==, -20);
  /* What the scenario does not assume comes from the last three months. */
  g_assert_cmpfloat_with_epsilon (pl_drivers_get (back, PL_DRIVER_LEAD_TO_MQL, &source), 0.3, 1e-12);
  g_assert_cmpint (source, ==, PL_DRIVER_FROM_HISTORY);

  serial = pl_plan_get_serial (plan);
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SCENARIOS), ==, 0);
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_cmpuint (pl_plan_get_serial (plan), >, serial);
}

/* A name is required and its own, compared without case, whether added or renamed. */
static void
test_names (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  g_autoptr(PlDrivers) drivers = pl_drivers_new_from_plan (plan, 3, AS_OF);
  g_autoptr(GError) error = NULL;
  PlScenario *base, *downside;

  g_assert_null (pl_scenario_add (plan, "  ", drivers, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "Every scenario needs a name.");
  g_clear_error (&error);

  base = pl_scenario_add (plan, "Base", drivers, &error);
  g_assert_no_error (error);
  g_assert_null (pl_scenario_add (plan, "BASE", drivers, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "Another scenario is already named “Base”: give each scenario its own name.");
  g_clear_error (&error);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_SCENARIOS), ==, 1);

  downside = pl_scenario_add (plan, "Downside", drivers, &error);
  g_assert_no_error (error);
  g_assert_false (pl_plan_set_string (plan, PL_ITEM (downside), PL_SCENARIO_NAME, "base", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  /* Its own name in other letters is no clash. */
  g_assert_true (pl_plan_set_string (plan, PL_ITEM (downside), PL_SCENARIO_NAME, "DOWNSIDE", &error));
  g_assert_no_error (error);

  g_assert_true (pl_scenario_find (plan, "Base") == base);
  g_assert_true (pl_scenario_find (plan, "base") == base);
  g_assert_true (pl_scenario_find (plan, "downside") == downside);
  g_assert_null (pl_scenario_find (plan, "Stretch"));
  g_assert_null (pl_scenario_find (plan, NULL));

  g_assert_false (pl_plan_set_int (plan, PL_ITEM (base), PL_SCENARIO_WINDOW, 0, &error));
  g_assert_cmpstr (error->message, ==, "The scenario “Base” has a history window of 0 months; it must be 1 to 60 months.");
}

/* New drivers replace the assumptions in one undo step, which gives the old ones back. */
static void
test_set_drivers (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  g_autoptr(PlDrivers) drivers = stretch_drivers (plan);
  g_autoptr(PlDrivers) plain = pl_drivers_new_from_plan (plan, 6, AS_OF);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  PlScenario *scenario = pl_scenario_add (plan, "Stretch", drivers, &error);

  g_assert_no_error (error);
  before = assumptions_text (PL_ITEM (scenario));
  g_assert_true (pl_drivers_set (plain, PL_DRIVER_CHURN, 0.03, &error));
  g_assert_true (pl_scenario_set_drivers (plan, scenario, plain, &error));
  g_assert_no_error (error);
  after = assumptions_text (PL_ITEM (scenario));
  g_assert_cmpstr (after, ==, "[('driver', 'churn', 0.029999999999999999)]");
  /* The window asked for, though the plan measures only three of its six months yet. */
  g_assert_cmpuint (pl_drivers_get_window (plain, NULL, NULL), ==, 3);
  g_assert_cmpint (pl_item_get_int (PL_ITEM (scenario), PL_SCENARIO_WINDOW), ==, 6);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Change Scenario");

  g_assert_true (pl_plan_undo (plan));
  undone = assumptions_text (PL_ITEM (scenario));
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Add Scenario");

  /* Drivers that assume nothing leave a scenario that assumes nothing. */
  g_assert_true (pl_plan_redo (plan));
  pl_drivers_reset (plain, PL_DRIVER_CHURN);
  g_assert_true (pl_scenario_set_drivers (plan, scenario, plain, &error));
  g_assert_no_error (error);
  g_assert_false (pl_item_field_is_set (PL_ITEM (scenario), PL_SCENARIO_ASSUMPTIONS));
}

/* A file edited by hand: what the drivers refuse is left out of the scenario's drivers, and
 * validation says so, in the drivers' own words. */
static void
test_refused (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  g_autoptr(PlItem) scenario = g_object_new (PL_TYPE_SCENARIO, NULL);
  g_autoptr(PlItem) twin = g_object_new (PL_TYPE_SCENARIO, NULL);
  g_autoptr(PlDrivers) drivers = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GVariantBuilder builder;
  guint errors = 0, warnings = 0;
  gboolean rate = FALSE, category = FALSE, name = FALSE;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssd)"));
  g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_DRIVER, "sql-to-customer", 7.0);
  g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_DRIVER, "cpl", 45.0);
  g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_CATEGORY, "cat-gone", -20.0);
  pl_item_set_string (scenario, PL_SCENARIO_NAME, "Downside");
  pl_item_set_variant (scenario, PL_SCENARIO_ASSUMPTIONS, g_variant_builder_end (&builder));
  pl_plan_add (plan, scenario);
  pl_item_set_string (twin, PL_SCENARIO_NAME, "downside");
  pl_plan_add (plan, twin);

  drivers = pl_scenario_get_drivers (PL_SCENARIO (scenario), plan, AS_OF);
  g_assert_cmpfloat (pl_drivers_get (drivers, PL_DRIVER_CPL, NULL), ==, 45);
  g_assert_cmpfloat_with_epsilon (pl_drivers_get (drivers, PL_DRIVER_SQL_TO_CUSTOMER, NULL), 0.2, 1e-12);
  g_assert_cmpfloat (pl_drivers_get_category_change (drivers, "cat-gone"), ==, 0);

  problems = pl_plan_validate (plan);
  for (guint i = 0; i < problems->len; i++)
    {
      PlProblem *problem = g_ptr_array_index (problems, i);

      if (problem->warning)
        warnings++;
      else
        errors++;
      rate = rate || strcmp (problem->message, "The assumption on “SQL to customer conversion” in the scenario "
                                               "“Downside” is left out: A conversion rate or margin is between "
                                               "0 % and 100 %.") == 0;
      category = category || (problem->warning && strstr (problem->message, "“cat-gone”") != NULL);
      /* Said once, on the second of the two. */
      name = name || (g_strcmp0 (problem->id, pl_item_get_id (twin)) == 0 &&
                      strcmp (problem->message, "Another scenario is already named “Downside”: give each "
                                                "scenario its own name.") == 0);
    }
  g_assert_true (rate);
  g_assert_true (category);
  g_assert_true (name);
  g_assert_cmpuint (errors, ==, 2);
  g_assert_cmpuint (warnings, ==, 1);
}

/* Removing a budget category takes a scenario's change of its spend with it, in the same
 * undo step; undoing gives both back. */
static void
test_category_removed (void)
{
  g_autoptr(PlPlan) plan = pl_test_round_plan_new ();
  g_autoptr(PlDrivers) drivers = stretch_drivers (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  PlScenario *scenario = pl_scenario_add (plan, "Stretch", drivers, &error);
  PlItem *brand = pl_plan_lookup (plan, "cat-brand");

  g_assert_no_error (error);
  before = assumptions_text (PL_ITEM (scenario));
  pl_plan_remove (plan, brand);
  after = assumptions_text (PL_ITEM (scenario));
  g_assert_null (strstr (after, "cat-brand"));
  g_assert_nonnull (strstr (after, "cat-ads"));
  g_assert_true (pl_plan_undo (plan));
  undone = assumptions_text (PL_ITEM (scenario));
  g_assert_cmpstr (undone, ==, before);
  g_assert_nonnull (pl_plan_lookup (plan, "cat-brand"));
}

/* The order the file keeps, whatever the order given. */
static void
test_sort (void)
{
  GVariantBuilder builder;
  g_autoptr(GVariant) sorted = NULL;
  g_autofree char *text = NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssd)"));
  g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_CATEGORY, "b", 1.0);
  g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_DRIVER, "zzz", 1.0);
  g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_DRIVER, "churn", 0.02);
  g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_CATEGORY, "a", 2.0);
  g_variant_builder_add (&builder, "(ssd)", PL_ASSUME_DRIVER, "lead-to-mql", 0.3);
  sorted = g_variant_ref_sink (pl_scenario_sort_assumptions (g_variant_builder_end (&builder)));
  text = g_variant_print (sorted, FALSE);
  g_assert_cmpstr (text, ==, "[('driver', 'lead-to-mql', 0.29999999999999999), ('driver', 'churn', 0.02), "
                             "('driver', 'zzz', 1.0), ('category', 'a', 2.0), ('category', 'b', 1.0)]");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario/add", test_add);
  g_test_add_func ("/scenario/names", test_names);
  g_test_add_func ("/scenario/set-drivers", test_set_drivers);
  g_test_add_func ("/scenario/refused", test_refused);
  g_test_add_func ("/scenario/sort", test_sort);
  g_test_add_func ("/scenario/category-removed", test_category_removed);
  return g_test_run ();
}
