/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pl-error.h"
#include "pl-formula.h"

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/formula/arithmetic", test_arithmetic);
  g_test_add_func ("/formula/not-available", test_not_available);
  g_test_add_func ("/formula/references", test_references);
  g_test_add_func ("/formula/syntax-errors", test_syntax_errors);
  return g_test_run ();
}
