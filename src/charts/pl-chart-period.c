/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-chart-period.h"

char *
pl_chart_period_months (guint32 from, guint32 to)
{
  GDate first, last;
  char a[64], b[64];

  if (to <= from || !g_date_valid_julian (from) || !g_date_valid_julian (to - 1))
    return NULL;
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, from);
  g_date_set_julian (&last, to - 1);
  g_date_strftime (b, sizeof b, "%B %Y", &last);
  if (g_date_get_year (&first) == g_date_get_year (&last) && g_date_get_month (&first) == g_date_get_month (&last))
    return g_strdup (b);
  /* The year once when both months are in it. */
  g_date_strftime (a, sizeof a, g_date_get_year (&first) == g_date_get_year (&last) ? "%B" : "%B %Y", &first);
  /* Translators: a range of months, "January" to "June 2027" */
  return g_strdup_printf (_("%s to %s"), a, b);
}
