/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pl-apportion.h"

void
pl_apportion (gint64 total, const double *weights, guint n, gint64 *parts)
{
  double sum = 0;
  gint64 given = 0;
  gint64 whole = total < 0 ? -total : total;
  g_autofree double *remainders = g_new (double, n);

  for (guint i = 0; i < n; i++)
    sum += weights[i];
  for (guint i = 0; i < n; i++)
    {
      double exact = (double) whole * weights[i] / sum;
      parts[i] = (gint64) floor (exact);
      remainders[i] = exact - (double) parts[i];
      given += parts[i];
    }
  while (given < whole)
    {
      guint best = 0;
      for (guint i = 1; i < n; i++)
        if (remainders[i] > remainders[best])
          best = i;
      parts[best]++;
      remainders[best] = -1;
      given++;
    }
  if (total < 0)
    for (guint i = 0; i < n; i++)
      parts[i] = -parts[i];
}
