/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pl-enums.h"

G_BEGIN_DECLS

/* One value per period (the period's first day, as a Julian day); a KPI holds two
 * series, its targets and its measurements. Plain data: there can be hundreds of
 * thousands of points, so they are not objects. */
typedef struct {
  guint32     julian;
  double      value;
  const char *source; /* interned, NULL when unknown */
} PlPoint;

typedef struct _PlSeries PlSeries;

/* Which series of a record: a KPI's targets or measurements, or a campaign's results on one
 * KPI (PlCampaignKpi, format 1.5: what the campaign actually brought, by month). */
typedef enum { PL_SERIES_TARGETS, PL_SERIES_MEASUREMENTS, PL_SERIES_RESULTS } PlSeriesKind;

PlSeries      *pl_series_new       (void);
void           pl_series_free      (PlSeries *series);
guint          pl_series_get_n     (const PlSeries *series);
const PlPoint *pl_series_get       (const PlSeries *series, guint index);
/* Returns the point of the period starting on @julian, or NULL. */
const PlPoint *pl_series_lookup    (const PlSeries *series, guint32 julian);
/* Adds or replaces the point of @julian; keeps the series sorted. */
void           pl_series_set       (PlSeries *series, guint32 julian, double value, const char *source);
/* Removes the point of @julian; returns FALSE when there was none. */
gboolean       pl_series_remove    (PlSeries *series, guint32 julian);
/* Returns the last point on or before @julian, or NULL. */
const PlPoint *pl_series_latest    (const PlSeries *series, guint32 julian);
/* Returns the index of the first point on or after @julian (n when none). */
guint          pl_series_lower_bound (const PlSeries *series, guint32 julian);
gboolean       pl_series_equal     (const PlSeries *a, const PlSeries *b);
/* The points of the periods starting in [@from, @to) combined by @aggregate (a sum, the last,
 * the mean) into *@value; returns how many there were (none: *@value is NAN). */
guint          pl_series_combine   (const PlSeries *series, guint32 from, guint32 to,
                                    PlAggregate aggregate, double *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSeries, pl_series_free)

G_END_DECLS
