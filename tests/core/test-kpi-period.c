/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a KPI's frequency means (pl-kpi-period.h): one value per period, dated on its first day;
 * weeks from Monday whatever the locale, quarters of the plan's own year. */
#include "config.h"

#include <locale.h>

#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-kpi-period.h"

/* The day a file writes "2027-03-28". */
static guint32
day (const char *iso)
{
  guint32 julian = 0;

  g_assert_true (pl_date_parse (iso, &julian));
  return julian;
}

static PlItem *
first_kpi (PlPlan *plan)
{
  g_autoptr(PlItem) kpi = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_KPIS), 0);
  return kpi;  /* the plan keeps it */
}

static void
test_monthly (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *kpi = first_kpi (plan);

  pl_item_set_int (kpi, PL_KPI_FREQUENCY, PL_FREQUENCY_MONTHLY);
  g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-01-31")), ==, day ("2027-01-01"));
  g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-02-01")), ==, day ("2027-02-01"));
  g_assert_cmpuint (pl_kpi_period_next (plan, kpi, day ("2027-02-14")), ==, day ("2027-03-01"));
  g_assert_cmpuint (pl_kpi_period_next (plan, kpi, day ("2027-12-31")), ==, day ("2028-01-01"));
}

/* Monday, even where the week starts on Sunday (en_US) or the locale says nothing (C). */
static void
test_weekly (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *kpi = first_kpi (plan);
  const char *locales[] = { "C", "en_US.UTF-8", "fr_FR.UTF-8" };

  pl_item_set_int (kpi, PL_KPI_FREQUENCY, PL_FREQUENCY_WEEKLY);
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      setlocale (LC_ALL, locales[i]);
      /* 2027-03-28 is a Sunday, the last day of the week of Monday the 22nd. */
      g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-03-28")), ==, day ("2027-03-22"));
      g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-03-29")), ==, day ("2027-03-29"));
      g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-03-31")), ==, day ("2027-03-29"));
      /* Across the new year: the week of Friday 1 January 2027 starts in 2026. */
      g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-01-01")), ==, day ("2026-12-28"));
      g_assert_cmpuint (pl_kpi_period_next (plan, kpi, day ("2027-01-01")), ==, day ("2027-01-04"));
    }
  setlocale (LC_ALL, "C.UTF-8");
}

/* Quarters of the plan's year: a plan from April has April to June as its first. */
static void
test_quarterly (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default (NULL);
  PlItem *kpi = first_kpi (plan);

  pl_item_set_int (kpi, PL_KPI_FREQUENCY, PL_FREQUENCY_QUARTERLY);
  pl_item_set_julian (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_START, day ("2027-04-01"));
  g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-04-30")), ==, day ("2027-04-01"));
  g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-06-30")), ==, day ("2027-04-01"));
  g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-07-01")), ==, day ("2027-07-01"));
  g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2028-03-31")), ==, day ("2028-01-01"));
  /* Before the plan's start, the quarters go on backwards. */
  g_assert_cmpuint (pl_kpi_period_start (plan, kpi, day ("2027-03-15")), ==, day ("2027-01-01"));
  g_assert_cmpuint (pl_kpi_period_next (plan, kpi, day ("2027-05-02")), ==, day ("2027-07-01"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kpi-period/monthly", test_monthly);
  g_test_add_func ("/kpi-period/weekly", test_weekly);
  g_test_add_func ("/kpi-period/quarterly", test_quarterly);
  return g_test_run ();
}
