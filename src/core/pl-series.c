/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "pl-series.h"

struct _PlSeries
{
  GArray *points;
};

PlSeries *
pl_series_new (void)
{
  PlSeries *series = g_new0 (PlSeries, 1);

  series->points = g_array_new (FALSE, FALSE, sizeof (PlPoint));
  return series;
}

void
pl_series_free (PlSeries *series)
{
  if (series == NULL)
    return;
  g_array_unref (series->points);
  g_free (series);
}

guint
pl_series_get_n (const PlSeries *series)
{
  return series->points->len;
}

const PlPoint *
pl_series_get (const PlSeries *series, guint index)
{
  g_return_val_if_fail (index < series->points->len, NULL);
  return &g_array_index (series->points, PlPoint, index);
}

guint
pl_series_lower_bound (const PlSeries *series, guint32 julian)
{
  guint lo = 0, hi = series->points->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (series->points, PlPoint, mid).julian < julian)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

const PlPoint *
pl_series_lookup (const PlSeries *series, guint32 julian)
{
  guint n = series->points->len;
  guint i;

  /* Past the last point: the common question while a file is read in date order. */
  if (n == 0 || g_array_index (series->points, PlPoint, n - 1).julian < julian)
    return NULL;
  i = pl_series_lower_bound (series, julian);

  if (i < series->points->len && g_array_index (series->points, PlPoint, i).julian == julian)
    return &g_array_index (series->points, PlPoint, i);
  return NULL;
}

const PlPoint *
pl_series_latest (const PlSeries *series, guint32 julian)
{
  guint i = pl_series_lower_bound (series, julian + 1);

  return i > 0 ? &g_array_index (series->points, PlPoint, i - 1) : NULL;
}

void
pl_series_set (PlSeries *series, guint32 julian, double value, const char *source)
{
  PlPoint point = { julian, value, source ? g_intern_string (source) : NULL };
  guint n = series->points->len;
  guint i;

  /* Files and imports come in date order: appending is the common case. */
  if (n == 0 || g_array_index (series->points, PlPoint, n - 1).julian < julian)
    {
      g_array_append_val (series->points, point);
      return;
    }
  i = pl_series_lower_bound (series, julian);
  if (i < n && g_array_index (series->points, PlPoint, i).julian == julian)
    g_array_index (series->points, PlPoint, i) = point;
  else
    g_array_insert_val (series->points, i, point);
}

gboolean
pl_series_remove (PlSeries *series, guint32 julian)
{
  guint i = pl_series_lower_bound (series, julian);

  if (i >= series->points->len || g_array_index (series->points, PlPoint, i).julian != julian)
    return FALSE;
  g_array_remove_index (series->points, i);
  return TRUE;
}

gboolean
pl_series_equal (const PlSeries *a, const PlSeries *b)
{
  if (a->points->len != b->points->len)
    return FALSE;
  for (guint i = 0; i < a->points->len; i++)
    {
      const PlPoint *p = &g_array_index (a->points, PlPoint, i);
      const PlPoint *q = &g_array_index (b->points, PlPoint, i);

      if (p->julian != q->julian || p->source != q->source ||
          !(p->value == q->value || (isnan (p->value) && isnan (q->value))))
        return FALSE;
    }
  return TRUE;
}

guint
pl_series_combine (const PlSeries *series, guint32 from, guint32 to, PlAggregate aggregate, double *value)
{
  double sum = 0, last = NAN;
  guint count = 0;

  for (guint i = pl_series_lower_bound (series, from); i < pl_series_get_n (series); i++)
    {
      const PlPoint *point = pl_series_get (series, i);

      if (point->julian >= to)
        break;
      sum += point->value;
      last = point->value;
      count++;
    }
  switch (aggregate)
    {
    case PL_AGGREGATE_LAST:
      *value = last;
      break;
    case PL_AGGREGATE_MEAN:
      *value = count > 0 ? sum / count : NAN;
      break;
    case PL_AGGREGATE_SUM:
    default:
      *value = count > 0 ? sum : NAN;
      break;
    }
  return count;
}
