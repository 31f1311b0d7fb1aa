/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Period targets spread over a KPI's months (pl-kpi-target-spread.h) and the objective tied to
 * its KPI's target (pl-objective-progress.h), on a plan of round numbers: 2027, twelve months. */
#include "config.h"

#include <math.h>

#include "pl-error.h"
#include "pl-figures.h"
#include "pl-kpi-target-spread.h"
#include "pl-objective-progress.h"

typedef struct {
  PlPlan *plan;
  PlKpi  *leads;    /* count, sum */
  PlKpi  *revenue;  /* currency, sum */
  PlKpi  *churn;    /* percent, mean */
  PlKpi  *mrr;      /* currency, last */
  PlKpi  *cpl;      /* a formula */
} Fixture;

static guint32
day (int year, int month, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return g_date_get_julian (&date);
}

static PlKpi *
add_kpi (PlPlan *plan, const char *id, const char *name, PlUnit unit, PlAggregate aggregate, PlStage stage)
{
  PlItem *kpi = g_object_new (PL_TYPE_KPI, NULL);

  pl_item_set_id (kpi, id);
  pl_item_set_string (kpi, PL_KPI_NAME, name);
  pl_item_set_int (kpi, PL_KPI_UNIT, unit);
  pl_item_set_int (kpi, PL_KPI_AGGREGATE, aggregate);
  pl_item_set_int (kpi, PL_KPI_STAGE, stage);
  pl_plan_add (plan, kpi);
  g_object_unref (kpi);
  return PL_KPI (kpi);
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->plan = pl_plan_new ();
  pl_item_set_julian (PL_ITEM (pl_plan_get_metadata (f->plan)), PL_METADATA_START, day (2027, 1, 1));
  f->leads = add_kpi (f->plan, "kpi-leads", "Leads", PL_UNIT_COUNT, PL_AGGREGATE_SUM, PL_STAGE_LEADS);
  f->revenue = add_kpi (f->plan, "kpi-revenue", "Revenue", PL_UNIT_CURRENCY, PL_AGGREGATE_SUM, PL_STAGE_REVENUE);
  f->churn = add_kpi (f->plan, "kpi-churn", "Churn", PL_UNIT_PERCENT, PL_AGGREGATE_MEAN, PL_STAGE_CHURN);
  f->mrr = add_kpi (f->plan, "kpi-mrr", "MRR", PL_UNIT_CURRENCY, PL_AGGREGATE_LAST, PL_STAGE_MRR);
  f->cpl = add_kpi (f->plan, "kpi-cpl", "Cost per lead", PL_UNIT_CURRENCY, PL_AGGREGATE_MEAN, PL_STAGE_NONE);
  pl_item_set_string (PL_ITEM (f->cpl), PL_KPI_FORMULA, "kpi-revenue / kpi-leads");
  pl_plan_mark_saved (f->plan);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_object_unref (f->plan);
}

static double
target (Fixture *f, PlKpi *kpi, int month)
{
  const PlPoint *point = pl_series_lookup (pl_kpi_get_targets (kpi), day (2027, month, 1));

  return point != NULL ? point->value : NAN;
}

static double
period_target (Fixture *f, PlKpi *kpi)
{
  PlBasis period = pl_basis_period (f->plan);

  return pl_figures_kpi (f->plan, kpi, PL_SERIES_TARGETS, &period).value;
}

static void
test_evenly_whole (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  PlTargetSpread how = { PL_TARGET_SPREAD_EVENLY };
  PlTargetSpreadMethod used = -1;
  g_autoptr(GError) error = NULL;

  /* 1,000 leads over 12 months: 83 each and 4 left, one each to the first four months. */
  g_assert_true (pl_kpi_target_spread (f->plan, f->leads, &period, 1000, &how, &used, &error));
  g_assert_no_error (error);
  g_assert_cmpint (used, ==, PL_TARGET_SPREAD_EVENLY);
  for (int m = 1; m <= 12; m++)
    g_assert_cmpfloat (target (f, f->leads, m), ==, m <= 4 ? 84 : 83);
  g_assert_cmpfloat (period_target (f, f->leads), ==, 1000);
  /* One undoable step, named. */
  g_assert_cmpstr (pl_plan_get_undo_label (f->plan), ==, "Set the target of “Leads”");
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_cmpuint (pl_series_get_n (pl_kpi_get_targets (f->leads)), ==, 0);
}

static void
test_evenly_money (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  PlTargetSpread how = { PL_TARGET_SPREAD_EVENLY };
  double cents = 0;

  /* €100,000.01 over 12 months: to the cent, and adding up to the cent. */
  g_assert_true (pl_kpi_target_spread (f->plan, f->revenue, &period, 100000.01, &how, NULL, NULL));
  for (int m = 1; m <= 12; m++)
    {
      double value = target (f, f->revenue, m);

      g_assert_cmpfloat_with_epsilon (value * 100, round (value * 100), 1e-6);
      g_assert_true (value == 8333.34 || value == 8333.33);
      cents += round (value * 100);
    }
  g_assert_cmpfloat (cents, ==, 10000001);
}

static void
test_profile (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  /* A seasonal profile: August is half a month, September and March count double. */
  const double weights[12] = { 1, 1, 2, 1, 1, 1, 1, 0.5, 2, 1, 1, 1 };
  PlTargetSpread how = { PL_TARGET_SPREAD_PROFILE, weights, 12 };
  PlTargetSpread short_profile = { PL_TARGET_SPREAD_PROFILE, weights, 11 };
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_kpi_target_spread (f->plan, f->leads, &period, 1350, &how, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (target (f, f->leads, 1), ==, 100);
  g_assert_cmpfloat (target (f, f->leads, 3), ==, 200);
  g_assert_cmpfloat (target (f, f->leads, 8), ==, 50);
  g_assert_cmpfloat (period_target (f, f->leads), ==, 1350);
  /* A profile that does not fit the span is refused, and nothing changes. */
  g_assert_false (pl_kpi_target_spread (f->plan, f->leads, &period, 99, &short_profile, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpfloat (period_target (f, f->leads), ==, 1350);
}

static void
test_last_year (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  PlTargetSpread how = { PL_TARGET_SPREAD_LAST_YEAR };
  PlTargetSpreadMethod used = -1;
  g_autofree char *note = NULL;

  /* 2026 measured 100 a month, 300 in March: the 2027 target takes that shape. */
  for (int m = 1; m <= 12; m++)
    pl_series_set (pl_kpi_get_measurements (f->leads), day (2026, m, 1), m == 3 ? 300 : 100, NULL);
  g_assert_true (pl_kpi_target_spread (f->plan, f->leads, &period, 2800, &how, &used, NULL));
  g_assert_cmpint (used, ==, PL_TARGET_SPREAD_LAST_YEAR);
  g_assert_null (pl_target_spread_note (how.method, used));
  g_assert_cmpfloat (target (f, f->leads, 3), ==, 600);
  g_assert_cmpfloat (target (f, f->leads, 4), ==, 200);
  g_assert_cmpfloat (period_target (f, f->leads), ==, 2800);

  /* Without last November there is no shape: evenly, and the user is told so. */
  pl_series_remove (pl_kpi_get_measurements (f->leads), day (2026, 11, 1));
  g_assert_true (pl_kpi_target_spread (f->plan, f->leads, &period, 1200, &how, &used, NULL));
  g_assert_cmpint (used, ==, PL_TARGET_SPREAD_EVENLY);
  note = pl_target_spread_note (how.method, used);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "evenly"));
  for (int m = 1; m <= 12; m++)
    g_assert_cmpfloat (target (f, f->leads, m), ==, 100);
}

static void
test_quarter (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  PlBasis q2 = pl_basis_quarter (f->plan, 1);
  PlTargetSpread how = { PL_TARGET_SPREAD_EVENLY };

  g_assert_true (pl_kpi_target_spread (f->plan, f->leads, &period, 1200, &how, NULL, NULL));
  /* A quarter's target moves its three months only. */
  g_assert_true (pl_kpi_target_spread (f->plan, f->leads, &q2, 500, &how, NULL, NULL));
  g_assert_cmpfloat (target (f, f->leads, 3), ==, 100);
  g_assert_cmpfloat (target (f, f->leads, 4), ==, 167);
  g_assert_cmpfloat (target (f, f->leads, 5), ==, 167);
  g_assert_cmpfloat (target (f, f->leads, 6), ==, 166);
  g_assert_cmpfloat (target (f, f->leads, 7), ==, 100);
  g_assert_cmpfloat (pl_figures_kpi (f->plan, f->leads, PL_SERIES_TARGETS, &q2).value, ==, 500);
  g_assert_cmpfloat (period_target (f, f->leads), ==, 1400);
}

static void
test_levels (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  PlTargetSpread repeat = { PL_TARGET_SPREAD_EVENLY };
  PlTargetSpread steps = { PL_TARGET_SPREAD_STEPS, NULL, 0, 0.018 };
  PlTargetSpread mrr_steps = { PL_TARGET_SPREAD_STEPS, NULL, 0, 474000 };

  /* A level is repeated: the period's mean is the value. */
  g_assert_true (pl_kpi_target_spread (f->plan, f->churn, &period, 0.015, &repeat, NULL, NULL));
  for (int m = 1; m <= 12; m++)
    g_assert_cmpfloat (target (f, f->churn, m), ==, 0.015);
  g_assert_cmpfloat_with_epsilon (period_target (f, f->churn), 0.015, 1e-12);
  /* Or it moves in even steps from a start to the value, reached in the last month. */
  g_assert_true (pl_kpi_target_spread (f->plan, f->churn, &period, 0.007, &steps, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (target (f, f->churn, 1), 0.018, 1e-12);
  g_assert_cmpfloat_with_epsilon (target (f, f->churn, 2), 0.017, 1e-12);
  g_assert_cmpfloat_with_epsilon (target (f, f->churn, 12), 0.007, 1e-12);
  g_assert_cmpfloat_with_epsilon (period_target (f, f->churn), 0.0125, 1e-12);
  /* MRR is its last month: stepped to €540,000.00 by December, each month to the cent. */
  g_assert_true (pl_kpi_target_spread (f->plan, f->mrr, &period, 540000, &mrr_steps, NULL, NULL));
  g_assert_cmpfloat (target (f, f->mrr, 1), ==, 474000);
  g_assert_cmpfloat (target (f, f->mrr, 2), ==, 480000);
  g_assert_cmpfloat (target (f, f->mrr, 12), ==, 540000);
  g_assert_cmpfloat (period_target (f, f->mrr), ==, 540000);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  PlTargetSpread evenly = { PL_TARGET_SPREAD_EVENLY };
  PlTargetSpread steps = { PL_TARGET_SPREAD_STEPS, NULL, 0, 10 };
  PlTargetSpread last_year = { PL_TARGET_SPREAD_LAST_YEAR };
  PlTargetSpread bad_start = { PL_TARGET_SPREAD_STEPS, NULL, 0, 1.5 };
  PlBasis empty = pl_basis_range (day (2027, 3, 2), day (2027, 3, 20));

  /* Each refusal in words, and the plan as it was: no step to undo. */
  struct { PlKpi *kpi; const PlBasis *span; double value; const PlTargetSpread *how; } cases[] = {
    { f->leads, &period, 1000, &steps },      /* a sum is not stepped */
    { f->churn, &period, 0.01, &last_year },  /* a level is not split */
    { f->churn, &period, 1.2, &evenly },      /* a rate above 100 % */
    { f->churn, &period, 0.01, &bad_start },  /* nor a start above it */
    { f->leads, &period, -5, &evenly },       /* negative leads */
    { f->cpl, &period, 200, &evenly },        /* a formula has no targets of its own */
    { f->leads, &empty, 10, &evenly },        /* no month starts in the span */
    { f->leads, &period, NAN, &evenly },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pl_kpi_target_spread (f->plan, cases[i].kpi, cases[i].span, cases[i].value, cases[i].how,
                                            NULL, &error));
      g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
  g_assert_false (pl_plan_get_modified (f->plan));
}

static PlObjective *
add_objective (Fixture *f, PlKpi *kpi, double number, guint32 due)
{
  PlItem *objective = g_object_new (PL_TYPE_OBJECTIVE, NULL);

  pl_item_set_string (objective, PL_OBJECTIVE_STATEMENT, "Win the year");
  pl_item_set_string (objective, PL_OBJECTIVE_KPI, pl_item_get_id (PL_ITEM (kpi)));
  if (!isnan (number))
    pl_item_set_double (objective, PL_OBJECTIVE_TARGET, number);
  if (due != 0)
    pl_item_set_julian (objective, PL_OBJECTIVE_DUE, due);
  pl_plan_add (f->plan, objective);
  g_object_unref (objective);
  return PL_OBJECTIVE (objective);
}

static void
test_objective_tie (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  const double weights[12] = { 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1 };
  PlTargetSpread profile = { PL_TARGET_SPREAD_PROFILE, weights, 12 };
  PlObjective *year = add_objective (f, f->leads, 1000, day (2027, 12, 31));
  PlObjective *half = add_objective (f, f->leads, NAN, day (2027, 6, 30));
  PlTargetSpreadMethod used = -1;
  g_autoptr(GError) error = NULL;

  /* Untied: the KPI has no targets, the objective's own number stands. */
  g_assert_false (pl_objective_is_tied (f->plan, year));
  g_assert_cmpfloat (pl_objective_target (f->plan, year), ==, 1000);
  g_assert_true (isnan (pl_objective_target (f->plan, half)));

  /* The KPI's spread becomes both objectives' target, and is written in them. */
  g_assert_true (pl_kpi_target_spread (f->plan, f->leads, &period, 1400, &profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pl_objective_is_tied (f->plan, year));
  g_assert_cmpfloat (pl_objective_target (f->plan, year), ==, 1400);
  g_assert_cmpfloat (pl_item_get_double (PL_ITEM (year), PL_OBJECTIVE_TARGET), ==, 1400);
  /* By its due date: January to June, 100 + 100 + 200 + 100 + 100 + 100. */
  g_assert_cmpfloat (pl_objective_target (f->plan, half), ==, 700);
  g_assert_cmpfloat (pl_item_get_double (PL_ITEM (half), PL_OBJECTIVE_TARGET), ==, 700);

  /* Editing the objective spreads over the KPI's months, keeping their shape: one step. */
  g_assert_true (pl_objective_set_target (f->plan, year, 2800, &used, &error));
  g_assert_no_error (error);
  g_assert_cmpint (used, ==, PL_TARGET_SPREAD_KEEP_SHAPE);
  g_assert_cmpfloat (target (f, f->leads, 3), ==, 400);
  g_assert_cmpfloat (target (f, f->leads, 4), ==, 200);
  g_assert_cmpfloat (period_target (f, f->leads), ==, 2800);
  g_assert_cmpfloat (pl_objective_target (f->plan, half), ==, 1400);
  g_assert_cmpstr (pl_plan_get_undo_label (f->plan), ==, "Change the objective’s target");
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_cmpfloat (period_target (f, f->leads), ==, 1400);
  g_assert_cmpfloat (pl_item_get_double (PL_ITEM (year), PL_OBJECTIVE_TARGET), ==, 1400);

  /* The half-year objective spreads over its own six months only. */
  g_assert_true (pl_objective_set_target (f->plan, half, 600, &used, &error));
  g_assert_cmpfloat (target (f, f->leads, 3), ==, 171);
  g_assert_cmpfloat (target (f, f->leads, 7), ==, 100);
  g_assert_cmpfloat (pl_objective_target (f->plan, half), ==, 600);
  g_assert_cmpfloat (pl_objective_target (f->plan, year), ==, 1300);

  /* A refused target (negative leads) changes nothing. */
  g_assert_false (pl_objective_set_target (f->plan, year, -1, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpfloat (pl_objective_target (f->plan, year), ==, 1300);
}

static void
test_objective_untied (Fixture *f, gconstpointer data)
{
  PlObjective *growth = add_objective (f, f->mrr, 500000, 0);
  PlObjective *efficiency = add_objective (f, f->cpl, 180, 0);
  PlTargetSpreadMethod used = -1;
  g_autoptr(GError) error = NULL;

  /* A KPI without targets takes the objective's number, evenly: for a level, every month. */
  g_assert_true (pl_objective_set_target (f->plan, growth, 520000, &used, &error));
  g_assert_no_error (error);
  g_assert_cmpint (used, ==, PL_TARGET_SPREAD_EVENLY);
  g_assert_cmpfloat (target (f, f->mrr, 1), ==, 520000);
  g_assert_true (pl_objective_is_tied (f->plan, growth));
  /* A KPI computed by a formula has no targets of its own: the objective keeps its number. */
  g_assert_true (pl_objective_set_target (f->plan, efficiency, 150, &used, &error));
  g_assert_false (pl_objective_is_tied (f->plan, efficiency));
  g_assert_cmpfloat (pl_objective_target (f->plan, efficiency), ==, 150);
}

static void
test_objective_kpi (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  PlTargetSpread evenly = { PL_TARGET_SPREAD_EVENLY };
  PlObjective *objective = add_objective (f, f->churn, 0.01, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_kpi_target_spread (f->plan, f->leads, &period, 1200, &evenly, NULL, NULL));
  /* Measured by a KPI with targets, the objective takes them: one number. */
  g_assert_true (pl_objective_set_kpi (f->plan, objective, "kpi-leads", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (pl_item_get_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET), ==, 1200);
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_cmpstr (pl_item_get_string (PL_ITEM (objective), PL_OBJECTIVE_KPI), ==, "kpi-churn");
  g_assert_cmpfloat (pl_item_get_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET), ==, 0.01);
  /* A KPI without targets takes the objective's number, spread, as a file read would. */
  g_assert_true (pl_objective_set_kpi (f->plan, objective, "kpi-mrr", &error));
  g_assert_cmpfloat (target (f, f->mrr, 7), ==, 0.01);
  g_assert_true (pl_plan_undo (f->plan));
  /* What the new KPI cannot hold is refused, and nothing changes. */
  pl_item_set_double (PL_ITEM (objective), PL_OBJECTIVE_TARGET, 5000);
  pl_item_set_string (PL_ITEM (objective), PL_OBJECTIVE_KPI, "kpi-mrr");
  g_assert_false (pl_objective_set_kpi (f->plan, objective, "kpi-churn", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (pl_item_get_string (PL_ITEM (objective), PL_OBJECTIVE_KPI), ==, "kpi-mrr");
  g_assert_cmpuint (pl_series_get_n (pl_kpi_get_targets (f->churn)), ==, 0);
}

static void
test_reconcile (Fixture *f, gconstpointer data)
{
  PlBasis period = pl_basis_period (f->plan);
  PlTargetSpread evenly = { PL_TARGET_SPREAD_EVENLY };
  PlObjective *differs, *agrees, *untargeted, *formula;
  g_autoptr(GPtrArray) notes = NULL;

  g_assert_true (pl_kpi_target_spread (f->plan, f->leads, &period, 1200, &evenly, NULL, NULL));
  pl_plan_mark_saved (f->plan);
  differs = add_objective (f, f->leads, 1000, 0);
  agrees = add_objective (f, f->leads, 1200, 0);
  untargeted = add_objective (f, f->churn, 0.012, 0);
  formula = add_objective (f, f->cpl, 150, 0);
  /* As a reader would leave it: the objectives in place, no undo. */
  pl_item_set_double (PL_ITEM (differs), PL_OBJECTIVE_TARGET, 1000);

  notes = pl_objectives_reconcile (f->plan);
  g_assert_cmpuint (notes->len, ==, 2);
  g_test_message ("%s\n%s", (char *) g_ptr_array_index (notes, 0), (char *) g_ptr_array_index (notes, 1));
  /* The KPI's target wins, said once in words that name both numbers. */
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 1), "said 1"));
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 1), "200"));
  g_assert_cmpfloat (pl_item_get_double (PL_ITEM (differs), PL_OBJECTIVE_TARGET), ==, 1200);
  g_assert_cmpfloat (pl_item_get_double (PL_ITEM (agrees), PL_OBJECTIVE_TARGET), ==, 1200);
  /* A KPI without targets takes the objective's number, spread; a formula's objective stays. */
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "evenly"));
  g_assert_cmpfloat (target (f, f->churn, 6), ==, 0.012);
  g_assert_cmpfloat_with_epsilon (period_target (f, f->churn), 0.012, 1e-12);
  g_assert_cmpfloat (pl_objective_target (f->plan, untargeted), ==, 0.012);
  g_assert_cmpfloat (pl_objective_target (f->plan, formula), ==, 150);
  /* Nothing more to say the second time. */
  g_ptr_array_unref (notes);
  notes = pl_objectives_reconcile (f->plan);
  g_assert_cmpuint (notes->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/target-spread/evenly-whole", Fixture, NULL, setup, test_evenly_whole, teardown);
  g_test_add ("/target-spread/evenly-money", Fixture, NULL, setup, test_evenly_money, teardown);
  g_test_add ("/target-spread/profile", Fixture, NULL, setup, test_profile, teardown);
  g_test_add ("/target-spread/last-year", Fixture, NULL, setup, test_last_year, teardown);
  g_test_add ("/target-spread/quarter", Fixture, NULL, setup, test_quarter, teardown);
  g_test_add ("/target-spread/levels", Fixture, NULL, setup, test_levels, teardown);
  g_test_add ("/target-spread/refused", Fixture, NULL, setup, test_refused, teardown);
  g_test_add ("/objective/tie", Fixture, NULL, setup, test_objective_tie, teardown);
  g_test_add ("/objective/untied", Fixture, NULL, setup, test_objective_untied, teardown);
  g_test_add ("/objective/kpi", Fixture, NULL, setup, test_objective_kpi, teardown);
  g_test_add ("/objective/reconcile", Fixture, NULL, setup, test_reconcile, teardown);
  return g_test_run ();
}
