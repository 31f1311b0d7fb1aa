/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "pl-enums.h"
#include "pl-error.h"
#include "pl-kpi-value.h"

static PlKpi *
kpi_with_unit (PlUnit unit)
{
  PlItem *kpi = g_object_new (PL_TYPE_KPI, NULL);

  pl_item_set_int (kpi, PL_KPI_UNIT, unit);
  return PL_KPI (kpi);
}

static void
test_format (void)
{
  static const struct { PlUnit unit; double value; const char *text; } cases[] = {
    { PL_UNIT_COUNT, 585, "585" }, { PL_UNIT_COUNT, 12450, "12\u202F450" },
    { PL_UNIT_COUNT, -1234567, "-1\u202F234\u202F567" }, { PL_UNIT_COUNT, 2.5, "2.50" },
    { PL_UNIT_CURRENCY, 182.4, "182.40" }, { PL_UNIT_CURRENCY, 495000, "495\u202F000" }, { PL_UNIT_CURRENCY, 132469.54, "132\u202F470" },
    { PL_UNIT_PERCENT, 0.325, "32.5%" }, { PL_UNIT_RATIO, 3.4, "3.40×" }, { PL_UNIT_DAYS, 45, "45" },
    { PL_UNIT_COUNT, NAN, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlKpi) kpi = kpi_with_unit (cases[i].unit);
      g_autofree char *text = pl_kpi_value_format (kpi, cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_parse (void)
{
  static const struct { PlUnit unit; const char *text; double value; } good[] = {
    { PL_UNIT_COUNT, "585", 585 }, { PL_UNIT_COUNT, "12 450", 12450 }, { PL_UNIT_COUNT, "12\u202F450", 12450 },
    { PL_UNIT_COUNT, " 7 ", 7 }, { PL_UNIT_CURRENCY, "182,40", 182.4 }, { PL_UNIT_CURRENCY, "182.4", 182.4 },
    { PL_UNIT_PERCENT, "32.5 %", 0.325 }, { PL_UNIT_PERCENT, "32,5", 0.325 }, { PL_UNIT_RATIO, "3.4x", 3.4 }, { PL_UNIT_RATIO, "3,4×", 3.4 },
    { PL_UNIT_COUNT, "-3", -3 },
  };
  static const struct { PlUnit unit; const char *text; } bad[] = {
    { PL_UNIT_COUNT, "abc" }, { PL_UNIT_COUNT, "12,5x" }, { PL_UNIT_COUNT, "1e3" }, { PL_UNIT_COUNT, "5 %" },
    { PL_UNIT_PERCENT, "%" }, { PL_UNIT_CURRENCY, "1,234.50" }, { PL_UNIT_COUNT, "inf" }, { PL_UNIT_COUNT, "-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(PlKpi) kpi = kpi_with_unit (good[i].unit);
      g_autoptr(GError) error = NULL;
      double value = 0;

      g_assert_true (pl_kpi_value_parse (kpi, good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, good[i].value, 1e-9);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PlKpi) kpi = kpi_with_unit (bad[i].unit);
      g_autoptr(GError) error = NULL;
      double value = 42;

      g_assert_false (pl_kpi_value_parse (kpi, bad[i].text, &value, &error));
      g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
      g_assert_true (strstr (error->message, bad[i].text) != NULL);
      g_assert_cmpfloat (value, ==, 42);
    }
  {
    g_autoptr(PlKpi) kpi = kpi_with_unit (PL_UNIT_COUNT);
    double value = 0;
    /* An empty cell is no value: it removes the measurement. */
    g_assert_true (pl_kpi_value_parse (kpi, "  ", &value, NULL));
    g_assert_true (isnan (value));
  }
}

/* What is shown can be typed back unchanged. */
static void
test_round_trip (void)
{
  static const PlUnit units[] = { PL_UNIT_COUNT, PL_UNIT_CURRENCY, PL_UNIT_PERCENT, PL_UNIT_RATIO, PL_UNIT_DAYS };
  static const double values[] = { 0, 1, 585, 12450, 182.4, 0.325, 3.25, 1234567 };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        g_autoptr(PlKpi) kpi = kpi_with_unit (units[u]);
        g_autofree char *text = pl_kpi_value_format (kpi, values[v]);
        double back = NAN;

        /* Above 100 % is no percentage: the rule refuses it (test-validate.c). */
        if (units[u] == PL_UNIT_PERCENT && values[v] > 1)
          continue;
        g_assert_true (pl_kpi_value_parse (kpi, text, &back, NULL));
        g_assert_cmpfloat_with_epsilon (back, values[v], units[u] == PL_UNIT_PERCENT ? 5e-4 : units[u] == PL_UNIT_CURRENCY ? 0.5 : 6e-3);
      }
}

/* Each locale's separators shown, and what is shown typed back. */
static void
test_locales (void)
{
  static const struct { const char *locale; const char *count, *decimal, *percent, *money; } cases[] = {
    { "fr_FR.UTF-8", "12\u202F450", "2,50", "32,5%", "182,40" },
    { "en_US.UTF-8", "12,450", "2.50", "32.5%", "182.40" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlKpi) count = kpi_with_unit (PL_UNIT_COUNT);
      g_autoptr(PlKpi) percent = kpi_with_unit (PL_UNIT_PERCENT);
      g_autoptr(PlKpi) money = kpi_with_unit (PL_UNIT_CURRENCY);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *c = NULL;
      g_autofree char *d = NULL;
      double value;

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        {
          g_test_message ("the %s locale is missing: run tools/install-deps", cases[i].locale);
          g_test_fail ();
          continue;
        }
      a = pl_kpi_value_format (count, 12450);
      b = pl_kpi_value_format (count, 2.5);
      c = pl_kpi_value_format (percent, 0.325);
      d = pl_kpi_value_format (money, 182.4);
      g_assert_cmpstr (a, ==, cases[i].count);
      g_assert_cmpstr (b, ==, cases[i].decimal);
      g_assert_cmpstr (c, ==, cases[i].percent);
      g_assert_cmpstr (d, ==, cases[i].money);
      g_assert_true (pl_kpi_value_parse (count, a, &value, NULL));
      g_assert_cmpfloat (value, ==, 12450);
      g_assert_true (pl_kpi_value_parse (count, b, &value, NULL));
      g_assert_cmpfloat (value, ==, 2.5);
      g_assert_true (pl_kpi_value_parse (percent, c, &value, NULL));
      g_assert_cmpfloat (fabs (value - 0.325), <, 1e-12);
      g_assert_true (pl_kpi_value_parse (money, "€182.40", &value, NULL));
      g_assert_cmpfloat (fabs (value - 182.4), <, 1e-9);
    }
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kpi-value/format", test_format);
  g_test_add_func ("/kpi-value/parse", test_parse);
  g_test_add_func ("/kpi-value/round-trip", test_round_trip);
  g_test_add_func ("/kpi-value/locales", test_locales);
  return g_test_run ();
}
