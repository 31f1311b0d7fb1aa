/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What pl-projection.c (forward) and pl-projection-backsolve.c (reverse) share. */

#include "pl-enums.h"
#include "pl-formula.h"
#include "pl-projection.h"

G_BEGIN_DECLS

/* Where a KPI's projected value comes from. */
typedef enum {
  KPI_FROM_ROW,      /* a funnel stage's row (spend, leads, MQL, SQL, new customers, revenue) */
  KPI_FROM_DRIVER,   /* churn and margin: the driver's value every month */
  KPI_FROM_FORMULA,  /* its formula over the projected values of the KPIs it names */
  KPI_FROM_WINDOW,   /* none of these: its value over the drivers' window */
} KpiSource;

typedef struct {
  PlKpi       *kpi;        /* borrowed: the projector holds the plan */
  KpiSource    source;
  int          row;        /* a PlProjectionRow, or a PlDriver for KPI_FROM_DRIVER */
  PlAggregate  aggregate;
  PlFormula   *formula;    /* NULL when it does not parse */
  const char * const *refs; /* the formula's references; operands[i] is the KPI refs[i] names */
  int         *operands;   /* KPI indices, -1 for a reference to no KPI */
  gboolean     looping;    /* in a formula loop, or computed from one: NAN */
} KpiSlot;

struct _PlProjector {
  PlPlan     *plan;
  guint       n_months;
  /* Planned spend by category bucket and month, major units: bucket b, month m is
   * planned[b * n_months + m]; the last bucket holds lines outside every category. */
  guint       n_buckets;
  char      **bucket_ids;    /* a category ID per bucket, NULL for the last */
  gboolean   *acquisition;   /* per bucket */
  double     *planned;
  /* The KPIs, in plan order, and the formula KPIs in an order they can be evaluated in. */
  guint       n_kpis;
  KpiSlot    *kpis;
  GHashTable *kpi_index;     /* PlKpi -> its index + 1 */
  guint      *order;
  guint       n_order;
  /* The goal KPIs' monthly targets (PlGoalKind), NULL when they give no shape. */
  double     *goal_shape[2];
  /* Window KPIs' monthly values over the window [window_from, window_to), as the KPIs and
   * spend stood at window_serial. */
  guint32     window_from, window_to;
  guint64     window_serial;
  gboolean    window_known;
  double     *window_values;
};

/* The planned spend of month @m with each bucket's @factors, all of it and the acquisition part. */
void   pl_projector_month_spend (PlProjector *projector, const double *factors, guint m, double *spend,
                                 double *acquisition);
/* The factor each bucket's planned spend is multiplied by under @drivers (n_buckets). */
void   pl_projector_spend_factors (PlProjector *projector, const PlDrivers *drivers, double *factors);
/* Puts the sum of @values' @n months in column @n. */
void   pl_projection_sum_months (double *values, guint n);
/* Column @month of @values (months, then the total, then one more column): a month,
 * PL_PROJECTION_TOTAL, or @extra (the index the last column answers to); NAN otherwise. */
double pl_projection_column (const double *values, guint n, int month, int extra);
/* a / b, NAN when b is zero or either is not a number. */
double pl_projection_divide (double a, double b);
/* Each month's volume of @in times @factor, moved by @days (later, or @earlier) into @out:
 * 45 days puts half a month's volume one month on and half two. Columns are the @n months,
 * the total (left to the caller) and one more, where what the move pushes out of the period
 * goes, and where @in's own last column goes too. */
void   pl_projection_shift (const double *in, double *out, guint n, double factor, double days,
                            gboolean earlier);

G_END_DECLS
