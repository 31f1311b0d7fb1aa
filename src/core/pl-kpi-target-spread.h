/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-basis.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* A KPI's target for a span (the period, a quarter) typed once and spread over the periods of
 * the KPI's frequency that start in it, by the KPI's aggregate. A sum (leads, revenue) is split
 * so that the parts add up to the value exactly: whole numbers for a count, the currency's minor
 * unit for money. A level (aggregate last or mean: churn, MRR, LTV:CAC) is the value itself,
 * repeated or reached in steps. */
typedef enum {
  PL_TARGET_SPREAD_EVENLY,     /* a sum: equal parts; a level: the value every month */
  PL_TARGET_SPREAD_PROFILE,    /* a sum: in proportion to weights, one per month of the span */
  PL_TARGET_SPREAD_LAST_YEAR,  /* a sum: in the shape of the same months one year earlier */
  PL_TARGET_SPREAD_KEEP_SHAPE, /* the shape of the KPI's current targets over the span */
  PL_TARGET_SPREAD_STEPS,      /* a level: even steps from a start value to the value */
} PlTargetSpreadMethod;

typedef struct {
  PlTargetSpreadMethod method;
  const double        *weights;   /* PROFILE: one per month of the span, none negative */
  guint                n_weights;
  double               start;     /* STEPS: the first month's value */
} PlTargetSpread;

/* TRUE when @kpi's targets are levels (aggregate last or mean), FALSE for a sum. */
gboolean    pl_kpi_target_is_level   (PlKpi *kpi);
/* The first days of the periods of @kpi's frequency that start within @span, in order, in a
 * new array of guint32: the months a target over @span is spread on. */
GArray     *pl_kpi_target_periods    (PlPlan *plan, PlKpi *kpi, const PlBasis *span);
/* The values spreading @value over @span by @how gives, one per pl_kpi_target_periods(), in a
 * new array of double, without changing the plan. *@used (may be NULL) is the method applied:
 * LAST_YEAR falls back to EVENLY when last year is not measured in each of those months, and
 * KEEP_SHAPE when the KPI has no targets there to keep the shape of. Returns NULL with @error
 * in words when the KPI is computed by a formula, the method does not suit its aggregate, or a
 * value would break the KPI's rules (a negative count, a rate above 100 %). */
GArray     *pl_kpi_target_compute    (PlPlan *plan, PlKpi *kpi, const PlBasis *span, double value,
                                      const PlTargetSpread *how, PlTargetSpreadMethod *used,
                                      GError **error);
/* Sets @kpi's targets over @span to pl_kpi_target_compute()'s values: one undoable edit, which
 * also brings the objectives tied to @kpi to its new target. Changes nothing on failure. */
gboolean    pl_kpi_target_spread     (PlPlan *plan, PlKpi *kpi, const PlBasis *span, double value,
                                      const PlTargetSpread *how, PlTargetSpreadMethod *used,
                                      GError **error);
/* The method in words, for a choice list or a sentence: "Evenly", "In steps"... */
const char *pl_target_spread_name    (PlTargetSpreadMethod method);
/* What the user should be told when @used is not the @requested method ("Last year is not
 * measured in every month: the target is spread evenly."), NULL when it is. */
char       *pl_target_spread_note    (PlTargetSpreadMethod requested, PlTargetSpreadMethod used);

G_END_DECLS
