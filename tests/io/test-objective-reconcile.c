/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An objective's target is its KPI's (pl-objective-progress.h): a file whose objective says
 * otherwise opens with the KPI's number, says so once, and saves the KPI's number. */
#include <glib.h>
#include <string.h>

#include "pl-dashboard.h"
#include "pl-forecast.h"
#include "pl-objective-progress.h"
#include "pl-plan-file.h"
#include "pl-plan-reader.h"
#include "pl-plan-writer.h"

static PlPlan *
load (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_SCHEMA, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static PlObjective *
objective (PlPlan *plan, const char *id)
{
  return PL_OBJECTIVE (pl_plan_lookup (plan, id));
}

static void
test_mismatch (void)
{
  g_autoptr(PlPlan) plan = load ("io/objectives", "mismatch.pilote");
  const char * const *notes = pl_plan_get_reconciled (plan);
  g_autofree char *notice = pl_plan_describe_reconciled (plan);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PlPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  /* One sentence for the objective that differed, one for the KPI that took a number; the
   * half-year objective agreed (6 x 80) and says nothing. */
  g_assert_nonnull (notes);
  g_assert_cmpuint (g_strv_length ((char **) notes), ==, 2);
  g_assert_nonnull (notice);
  g_test_message ("%s", notice);
  g_assert_nonnull (strstr (notice, "Sales qualified leads"));
  g_assert_nonnull (strstr (notice, "960"));
  /* The KPI's target wins; the untargeted KPI takes the objective's number, every month. */
  g_assert_cmpfloat (pl_objective_target (plan, objective (plan, "obj-sql")), ==, 960);
  g_assert_cmpfloat (pl_item_get_double (pl_plan_lookup (plan, "obj-sql"), PL_OBJECTIVE_TARGET), ==, 960);
  g_assert_cmpfloat (pl_objective_target (plan, objective (plan, "obj-sql-h1")), ==, 480);
  g_assert_cmpfloat (pl_objective_target (plan, objective (plan, "obj-churn")), ==, 0.012);
  g_assert_cmpuint (pl_series_get_n (pl_kpi_get_targets (PL_KPI (pl_plan_lookup (plan, "kpi-churn")))), ==, 12);
  /* Opening changed nothing the user did: no step to undo. */
  g_assert_false (pl_plan_can_undo (plan));

  /* Saved, the file holds the KPI's number, and opens without a word. */
  bytes = pl_plan_write_bytes (plan);
  data = g_bytes_get_data (bytes, &size);
  g_assert_nonnull (g_strstr_len (data, size, "target=\"960\""));
  g_assert_null (g_strstr_len (data, size, "target=\"1000\""));
  again = pl_plan_read_bytes (data, size, "saved.pilote", PL_READ_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_null (pl_plan_get_reconciled (again));
  g_assert_null (pl_plan_describe_reconciled (again));
}

/* The bundled example's objectives agree with their KPIs: it opens without a notice. */
static void
test_example (void)
{
  g_autoptr(PlPlan) plan = load ("../data/examples", "northwind-saas-2027.pilote");

  g_assert_null (pl_plan_describe_reconciled (plan));
  g_assert_cmpfloat (pl_objective_target (plan, objective (plan, "obj-sql")), ==, 969);
  g_assert_cmpfloat (pl_objective_target (plan, objective (plan, "obj-mrr")), ==, 527597);
  /* LTV:CAC is computed by its formula: the objective keeps its own 3. */
  g_assert_false (pl_objective_is_tied (plan, objective (plan, "obj-ltv-cac")));
  g_assert_cmpfloat (pl_objective_target (plan, objective (plan, "obj-ltv-cac")), ==, 3);
}

static guint32
day (int year, int month, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return g_date_get_julian (&date);
}

/* Progress on the example as of 30 June 2027: the same figures as the rest of the window. */
static void
test_progress (void)
{
  g_autoptr(PlPlan) plan = load ("../data/examples", "northwind-saas-2027.pilote");
  guint32 as_of = day (2027, 6, 30);
  PlBasis to_date = pl_basis_to_date (plan, as_of);
  PlBasis period = pl_basis_period (plan);
  const char *ids[] = { "obj-sql", "obj-new", "obj-mrr", "obj-churn", "obj-ltv-cac" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      PlObjective *objective = PL_OBJECTIVE (pl_plan_lookup (plan, ids[i]));
      PlKpi *kpi = pl_objective_get_kpi (plan, objective);
      PlObjectiveProgress progress;
      PlLatestEstimate estimate = pl_forecast_kpi (plan, kpi, as_of);
      PlDirection direction = pl_item_get_int (PL_ITEM (kpi), PL_KPI_DIRECTION);

      pl_objective_progress (plan, objective, as_of, &progress);
      g_assert_true (progress.kpi == kpi);
      g_assert_true (pl_basis_equal (&progress.to_date, &to_date));
      g_assert_cmpfloat (progress.actual, ==, pl_figures_kpi (plan, kpi, PL_SERIES_MEASUREMENTS, &to_date).value);
      g_assert_cmpfloat (progress.projected, ==, estimate.value);
      g_assert_cmpfloat (progress.projected_low, ==, estimate.low);
      g_assert_cmpfloat (progress.projected_high, ==, estimate.high);
      g_assert_cmpint (progress.status, ==, pl_figures_status (progress.projected, progress.target, direction));
      if (progress.tied)
        {
          g_assert_cmpfloat_with_epsilon (progress.target, pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, &period).value, 1e-9);
          g_assert_cmpfloat (progress.target_to_date, ==, pl_figures_kpi (plan, kpi, PL_SERIES_TARGETS, &to_date).value);
        }
    }
  /* By hand: 62 + 73 + 91 + 77 + 92 + 84 SQL to June, against 969 for the year. */
  {
    PlObjectiveProgress sql;

    pl_objective_progress (plan, PL_OBJECTIVE (pl_plan_lookup (plan, "obj-sql")), as_of, &sql);
    g_assert_cmpfloat (sql.actual, ==, 479);
    g_assert_cmpfloat (sql.target_to_date, ==, 457);
    g_assert_cmpfloat (sql.target, ==, 969);
    g_test_message ("SQL projected %g (%g to %g): %s", sql.projected, sql.projected_low, sql.projected_high,
                    pl_objective_status_describe (sql.status));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/objective-reconcile/mismatch", test_mismatch);
  g_test_add_func ("/objective-reconcile/example", test_example);
  g_test_add_func ("/objective-progress/example", test_progress);
  return g_test_run ();
}
