/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-basis.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-formula.h"
#include "pl-hygiene.h"
#include "pl-plan-validate.h"

static double
lookup (const char *id, gpointer data)
{
  if (strcmp (id, "kpi-spend") == 0)
    return 3500;
  if (strcmp (id, "kpi-leads") == 0)
    return 30;
  if (strcmp (id, "zero") == 0)
    return 0;
  return NAN;
}

static double
eval (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlFormula) formula = pl_formula_parse (text, &error);

  g_assert_no_error (error);
  return pl_formula_evaluate (formula, lookup, NULL);
}

static void
test_arithmetic (void)
{
  g_assert_cmpfloat (eval ("1 + 2 * 3"), ==, 7);
  g_assert_cmpfloat (eval ("(1 + 2) * 3"), ==, 9);
  g_assert_cmpfloat (eval ("10 - 4 - 3"), ==, 3);
  g_assert_cmpfloat (eval ("12 / 4 / 3"), ==, 1);
  g_assert_cmpfloat (eval ("-2 * -3"), ==, 6);
  g_assert_cmpfloat (eval ("0.5e1"), ==, 5);
  g_assert_cmpfloat_with_epsilon (eval ("kpi-spend / kpi-leads"), 3500.0 / 30, 1e-12);
  g_assert_cmpfloat (eval ("(kpi-spend - 500) / 100"), ==, 30);
}

static void
test_not_available (void)
{
  g_assert_true (isnan (eval ("kpi-spend / zero")));
  g_assert_true (isnan (eval ("kpi-unknown + 1")));
  g_assert_true (isnan (eval ("1e308 * 1e308")));
}

static void
test_references (void)
{
  g_autoptr(PlFormula) formula = pl_formula_parse ("(a + b) / a * c_1", NULL);
  const char * const *refs = pl_formula_get_references (formula);

  g_assert_cmpuint (g_strv_length ((char **) refs), ==, 3);
  g_assert_cmpstr (refs[0], ==, "a");
  g_assert_cmpstr (refs[1], ==, "b");
  g_assert_cmpstr (refs[2], ==, "c_1");
}

static void
test_syntax_errors (void)
{
  static const struct { const char *text, *message; } cases[] = {
    { "", "The formula ends too early at character 1 of the formula" },
    { "kpi-a /", "The formula ends too early at character 8 of the formula" },
    { "(a + b", "A closing parenthesis is missing at character 7 of the formula" },
    { "a $ b", "Unexpected character at character 3 of the formula" },
    { "a b", "Unexpected character at character 3 of the formula" },
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlFormula) formula = pl_formula_parse (cases[i].text, &error);

      g_assert_null (formula);
      g_assert_error (error, PL_ERROR, PL_ERROR_FORMULA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  /* Hostile nesting is refused, not a stack overflow. */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '(');
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlFormula) formula = pl_formula_parse (deep->str, &error);
    g_assert_null (formula);
    g_assert_error (error, PL_ERROR, PL_ERROR_FORMULA);
  }
  g_string_truncate (deep, 0);
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '-');
  g_string_append_c (deep, '1');
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlFormula) formula = pl_formula_parse (deep->str, &error);
    g_assert_null (formula);
  }
}

/* Adds KPIs named k0, k1... each with the formula @formula gives for its index, as the
 * reader would: no edit checks. */
static void
add_kpis (PlPlan *plan, guint n, const char *(*formula) (guint i, char *buffer, gsize size))
{
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      PlItem *kpi = g_object_new (PL_TYPE_KPI, NULL);
      char id[32], name[32], buffer[128];

      g_snprintf (id, sizeof id, "k%u", i);
      g_snprintf (name, sizeof name, "K%u", i);
      pl_item_set_id (kpi, id);
      pl_item_set_string (kpi, PL_KPI_NAME, name);
      pl_item_set_string (kpi, PL_KPI_FORMULA, formula (i, buffer, sizeof buffer));
      g_ptr_array_add (kpis, kpi);
    }
  pl_plan_append_loaded (plan, PL_COLLECTION_KPIS, kpis);
}

#define N_LAYERS 60

/* k(2i) and k(2i+1) both use both KPIs of the next layer: 2^60 paths from the top, which a
 * search following every path would never finish; the last layer uses the top. */
static const char *
layered (guint i, char *buffer, gsize size)
{
  guint next = (i / 2 + 1) % N_LAYERS;

  g_snprintf (buffer, size, "k%u + k%u", next * 2, next * 2 + 1);
  return buffer;
}

static const char *
chain (guint i, char *buffer, gsize size)
{
  /* Each uses the next; the last uses a number: no loop, 100,000 KPIs deep. */
  if (i == 99999)
    return "1";
  g_snprintf (buffer, size, "k%u * 2", i + 1);
  return buffer;
}

static const char *
pairs (guint i, char *buffer, gsize size)
{
  /* k0 ↔ k1, k2 ↔ k3...; and k10 uses itself alone. */
  g_snprintf (buffer, size, "k%u", i == 10 ? 10 : i ^ 1);
  return buffer;
}

static void
test_loops (void)
{
  {
    g_autoptr(PlPlan) plan = pl_plan_new ();
    g_autoptr(GHashTable) loops = NULL;
    g_autoptr(GPtrArray) paths = NULL;
    gint64 start = g_get_monotonic_time ();

    add_kpis (plan, N_LAYERS * 2, layered);
    loops = pl_formula_find_loops (plan);
    g_assert_cmpuint (g_hash_table_size (loops), ==, N_LAYERS * 2);
    paths = pl_formula_list_loops (plan, NULL, NULL);
    g_assert_cmpuint (paths->len, ==, 1);
    /* The shortest way round: one KPI of each layer. */
    g_assert_cmpuint (g_strv_length ((char **) paths->pdata[0]), ==, N_LAYERS);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  }
  {
    g_autoptr(PlPlan) plan = pl_plan_new ();
    g_autoptr(GHashTable) loops = NULL;
    g_autoptr(GPtrArray) paths = NULL;

    add_kpis (plan, 100000, chain);
    loops = pl_formula_find_loops (plan);
    g_assert_cmpuint (g_hash_table_size (loops), ==, 0);
    paths = pl_formula_list_loops (plan, NULL, NULL);
    g_assert_cmpuint (paths->len, ==, 0);
    g_assert_false (pl_formula_kpi_in_loop (plan, PL_KPI (pl_plan_lookup (plan, "k0"))));
    /* Closing it, as an edit of the last KPI's formula would: one loop of them all. */
    g_clear_pointer (&paths, g_ptr_array_unref);
    paths = pl_formula_list_loops (plan, PL_KPI (pl_plan_lookup (plan, "k99999")), "k0");
    g_assert_cmpuint (paths->len, ==, 1);
    g_assert_cmpuint (g_strv_length ((char **) paths->pdata[0]), ==, 100000);
  }
  {
    g_autoptr(PlPlan) plan = pl_plan_new ();
    g_autoptr(GHashTable) loops = NULL;
    g_autoptr(GPtrArray) paths = NULL;
    PlItem **path;

    add_kpis (plan, 12, pairs);
    loops = pl_formula_find_loops (plan);
    g_assert_cmpuint (g_hash_table_size (loops), ==, 11);
    paths = pl_formula_list_loops (plan, NULL, NULL);
    /* Five pairs and k10 on its own; k11 uses k10 but is in no loop itself. */
    g_assert_cmpuint (paths->len, ==, 6);
    path = paths->pdata[5];
    g_assert_cmpstr (pl_item_get_id (path[0]), ==, "k10");
    g_assert_null (path[1]);
    path = paths->pdata[0];
    g_assert_cmpstr (pl_item_get_id (path[0]), ==, "k0");
    g_assert_cmpstr (pl_item_get_id (path[1]), ==, "k1");
    g_assert_null (path[2]);
  }
}

/* The depth of the chain doubled_chain() makes. */
static guint doubled_depth;

static const char *
doubled_chain (guint i, char *buffer, gsize size)
{
  /* Each uses the next twice: a search following every path makes 2^depth evaluations. */
  if (i == doubled_depth - 1)
    return "1";
  g_snprintf (buffer, size, "(k%u + k%u) / 2", i + 1, i + 1);
  return buffer;
}

static const char *
diamond (guint i, char *buffer, gsize size)
{
  /* Too long for @buffer: kept for the caller to copy, which add_kpis does at once. */
  static char *sum_text;

  /* k0 adds up k1 to k1999, each of which uses k2000. */
  if (i == 0)
    {
      GString *sum = g_string_new ("k1");

      for (guint k = 2; k < 2000; k++)
        g_string_append_printf (sum, " + k%u", k);
      g_free (sum_text);
      sum_text = g_string_free (sum, FALSE);
      return sum_text;
    }
  if (i == 2000)
    return "3";
  return "k2000 * 2";
}

static PlFigure
figure_of (PlPlan *plan, const char *id)
{
  PlBasis period = pl_basis_period (plan);

  return pl_figures_kpi (plan, PL_KPI (pl_plan_lookup (plan, id)), PL_SERIES_MEASUREMENTS, &period);
}

/* A chain of formulas without a loop is evaluated once per KPI, however deep: depth 22 took
 * 15.6 s when every path was followed; evaluated by recursion, a chain this deep needs some
 * 40 MB of stack. */
static void
test_chain_linear (void)
{
  {
    g_autoptr(PlPlan) plan = pl_plan_new ();
    gint64 start = g_get_monotonic_time ();

    doubled_depth = 2000;
    add_kpis (plan, doubled_depth, doubled_chain);
    g_assert_cmpfloat (figure_of (plan, "k0").value, ==, 1);
    g_assert_cmpfloat (figure_of (plan, "k1000").value, ==, 1);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  }
  {
    g_autoptr(PlPlan) plan = pl_plan_new ();
    g_autoptr(GPtrArray) findings = NULL;
    gint64 start = g_get_monotonic_time ();

    doubled_depth = 20000;
    add_kpis (plan, doubled_depth, doubled_chain);
    g_assert_cmpfloat (figure_of (plan, "k0").value, ==, 1);
    /* The metric hygiene follows formulas too: one walk, not one pass per link. */
    findings = pl_hygiene_check (plan);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  }
  {
    g_autoptr(PlPlan) plan = pl_plan_new ();
    gint64 start = g_get_monotonic_time ();

    add_kpis (plan, 2001, diamond);
    g_assert_cmpfloat (figure_of (plan, "k0").value, ==, 1999 * 6);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  }
}

static const char *
loop_of_five (guint i, char *buffer, gsize size)
{
  /* k0 → k1 → ... → k4 → k0; k5 uses the loop; k6 and k7 use each other; k8 is a number and
   * k9 uses it. */
  if (i < 5)
    g_snprintf (buffer, size, "k%u + 1", (i + 1) % 5);
  else if (i == 5)
    return "k2 * 2";
  else if (i == 6 || i == 7)
    g_snprintf (buffer, size, "k%u * 3", i == 6 ? 7 : 6);
  else if (i == 8)
    return "4";
  else
    return "k8 / 2";
  return buffer;
}

/* The KPIs of a loop read "not available" for that reason, whichever is asked for first;
 * those outside it keep their values; validate names the KPIs of each loop. */
static void
test_loop_not_available (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GPtrArray) problems = NULL;
  guint loops = 0;

  add_kpis (plan, 10, loop_of_five);
  g_assert_true (isnan (figure_of (plan, "k3").value));
  g_assert_cmpint (figure_of (plan, "k3").missing, ==, PL_MISSING_LOOP);
  for (guint i = 0; i < 8; i++)
    {
      char id[8];

      g_snprintf (id, sizeof id, "k%u", i);
      g_assert_true (isnan (figure_of (plan, id).value));
      g_assert_cmpint (figure_of (plan, id).missing, ==, PL_MISSING_LOOP);
    }
  g_assert_cmpfloat (figure_of (plan, "k9").value, ==, 2);
  problems = pl_plan_validate (plan);
  for (guint i = 0; i < problems->len; i++)
    {
      const PlProblem *problem = g_ptr_array_index (problems, i);

      if (strstr (problem->message, "Formula loop") == NULL)
        continue;
      loops++;
      g_assert_true (strstr (problem->message, "K0 → K1 → K2 → K3 → K4 → K0") != NULL ||
                     strstr (problem->message, "K6 → K7 → K6") != NULL);
    }
  g_assert_cmpuint (loops, ==, 2);
}

static const char *
two_loops_sharing (guint i, char *buffer, gsize size)
{
  /* k0 ↔ k1 and k1 ↔ k2: one knot, whose shortest loop from k0 leaves k2 out; k3 alone. */
  static const char *formulas[] = { "k1", "k0 + k2", "k1", "5" };

  return formulas[i];
}

/* A formula typed into a KPI that closes a loop is refused, naming the KPIs of the loop
 * through that KPI, even when the plan already holds another loop in the same knot. */
static void
test_typed_loop (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GError) error = NULL;
  PlItem *k2, *k3;

  add_kpis (plan, 4, two_loops_sharing);
  k2 = pl_plan_lookup (plan, "k2");
  k3 = pl_plan_lookup (plan, "k3");
  g_assert_false (pl_plan_set_string (plan, k2, PL_KPI_FORMULA, "k1 * 2", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "K2 → K1 → K2"));
  g_clear_error (&error);
  g_assert_false (pl_plan_set_string (plan, k3, PL_KPI_FORMULA, "k3 + 1", &error));
  g_assert_nonnull (strstr (error->message, "K3 → K3"));
  g_clear_error (&error);
  /* Out of the loop, it is taken. */
  g_assert_true (pl_plan_set_string (plan, k2, PL_KPI_FORMULA, "k3 * 2", NULL));
  g_assert_cmpfloat (figure_of (plan, "k2").value, ==, 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/formula/arithmetic", test_arithmetic);
  g_test_add_func ("/formula/not-available", test_not_available);
  g_test_add_func ("/formula/references", test_references);
  g_test_add_func ("/formula/syntax-errors", test_syntax_errors);
  g_test_add_func ("/formula/loops", test_loops);
  g_test_add_func ("/formula/chain-linear", test_chain_linear);
  g_test_add_func ("/formula/loop-not-available", test_loop_not_available);
  g_test_add_func ("/formula/typed-loop", test_typed_loop);
  return g_test_run ();
}
