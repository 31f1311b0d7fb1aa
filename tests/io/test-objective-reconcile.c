/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An objective's target is its KPI's (pl-objective-progress.h): a file whose objective says
 * otherwise opens with the KPI's number, says so once, and saves the KPI's number. */
#include <glib.h>
#include <string.h>

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/objective-reconcile/mismatch", test_mismatch);
  g_test_add_func ("/objective-reconcile/example", test_example);
  return g_test_run ();
}
