/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bundled example plan reads like a real company's: sound, clean, plausible figures. */
#include <glib.h>
#include <math.h>

#include "pl-figures.h"
#include "pl-hygiene.h"
#include "pl-plan-file.h"
#include "pl-plan-validate.h"

static PlPlan *
example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_SCHEMA, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_clean (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(GPtrArray) problems = pl_plan_validate (plan);
  g_autoptr(GPtrArray) findings = pl_hygiene_check (plan);

  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", ((PlHygieneFinding *) g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* What a B2B SaaS marketer would expect over January to June. */
static void
test_plausible (void)
{
  g_autoptr(PlPlan) plan = example ();
  guint32 from = pl_plan_get_start (plan), to = pl_figures_measured_until (plan);
  double cpl = pl_figures_cpl (plan, from, to);
  double cac = pl_figures_cac (plan, from, to);
  double ratio = pl_figures_ltv_cac (plan, from, to);
  double mql_sql = pl_figures_conversion (plan, PL_STAGE_MQL, PL_STAGE_SQL, from, to);

  g_assert_cmpuint (to, ==, pl_plan_month_start (plan, 6));
  g_assert_cmpfloat (cpl, >, 50);
  g_assert_cmpfloat (cpl, <, 400);
  g_assert_cmpfloat (cac, >, 5000);
  g_assert_cmpfloat (cac, <, 40000);
  g_assert_cmpfloat (ratio, >=, PL_LTV_CAC_HEALTHY);
  g_assert_cmpfloat (ratio, <, 5);
  g_assert_cmpfloat (mql_sql, >, 0.2);
  g_assert_cmpfloat (mql_sql, <, 0.5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/example/clean", test_clean);
  g_test_add_func ("/example/plausible", test_plausible);
  return g_test_run ();
}
