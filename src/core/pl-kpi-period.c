/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpi-period"
#include "config.h"

#include "pl-enums.h"
#include "pl-kpi-period.h"

guint32
pl_kpi_period_start (PlPlan *plan, PlItem *kpi, guint32 julian)
{
  GDate date, start;
  int months;

  g_return_val_if_fail (g_date_valid_julian (julian), julian);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  switch (pl_item_get_int (kpi, PL_KPI_FREQUENCY))
    {
    case PL_FREQUENCY_WEEKLY:
      /* GDate's weekdays run from Monday (1) to Sunday (7), whatever the locale. */
      return julian - ((guint32) g_date_get_weekday (&date) - G_DATE_MONDAY);
    case PL_FREQUENCY_QUARTERLY:
      g_date_clear (&start, 1);
      g_date_set_julian (&start, pl_plan_get_start (plan));
      months = (g_date_get_year (&date) - g_date_get_year (&start)) * 12 +
               (int) g_date_get_month (&date) - (int) g_date_get_month (&start);
      g_date_set_day (&date, 1);
      g_date_subtract_months (&date, (guint) (((months % 3) + 3) % 3));
      return g_date_get_julian (&date);
    case PL_FREQUENCY_MONTHLY:
    default:
      g_date_set_day (&date, 1);
      return g_date_get_julian (&date);
    }
}

guint32
pl_kpi_period_next (PlPlan *plan, PlItem *kpi, guint32 julian)
{
  guint32 first = pl_kpi_period_start (plan, kpi, julian);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  switch (pl_item_get_int (kpi, PL_KPI_FREQUENCY))
    {
    case PL_FREQUENCY_WEEKLY:
      return first + 7;
    case PL_FREQUENCY_QUARTERLY:
      g_date_add_months (&date, 3);
      return g_date_get_julian (&date);
    case PL_FREQUENCY_MONTHLY:
    default:
      g_date_add_months (&date, 1);
      return g_date_get_julian (&date);
    }
}
