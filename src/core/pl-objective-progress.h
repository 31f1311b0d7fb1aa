/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-basis.h"
#include "pl-figures.h"
#include "pl-kpi-target-spread.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* An objective is tied to its KPI's target: one number, not two. Its target IS the KPI's
 * target over its span (the period's start to its due date, by the KPI's aggregate) when the
 * KPI has targets of its own there; otherwise (no KPI, a KPI computed by a formula, a KPI
 * without targets there) it is the objective's own number. */

/* The KPI @objective is measured by, or NULL. */
PlKpi    *pl_objective_get_kpi        (PlPlan *plan, PlObjective *objective);
/* The span its target covers: the period's first day to its due date included (the whole
 * period without one), cut at the period's end. */
PlBasis   pl_objective_span           (PlPlan *plan, PlObjective *objective);
/* TRUE when the objective's target is its KPI's: a KPI of its own targets (no formula) with a
 * target in a period of the span. */
gboolean  pl_objective_is_tied        (PlPlan *plan, PlObjective *objective);
/* The objective's target (see above); NAN when it has none. */
double    pl_objective_target         (PlPlan *plan, PlObjective *objective);
/* Sets the objective's target to @target. Tied, or with a KPI of its own targets that has none
 * yet, the KPI's targets over the span are spread to it (pl_kpi_target_spread()): keeping their
 * current shape when the KPI has targets in each month of the span, evenly otherwise; *@used
 * (may be NULL) says which. A KPI computed by a formula keeps the objective's own number. One
 * undoable edit; changes nothing on failure. */
gboolean  pl_objective_set_target     (PlPlan *plan, PlObjective *objective, double target,
                                       PlTargetSpreadMethod *used, GError **error);
/* Sets the KPI @objective is measured by (@kpi_id, NULL for none). Tied to it, the objective
 * takes its target; a KPI of its own targets without any in the span takes the objective's
 * number, spread evenly, as a file read would (pl_objectives_reconcile()). One undoable edit. */
gboolean  pl_objective_set_kpi        (PlPlan *plan, PlObjective *objective, const char *kpi_id,
                                       GError **error);
/* Brings every objective tied to @kpi to its KPI's target, as part of the edit that changed the
 * KPI's targets (call it inside that edit's group), so that the file holds one number. */
gboolean  pl_objectives_follow_kpi    (PlPlan *plan, PlKpi *kpi, GError **error);
/* For the reader, on a plan just read (no undo, not modified): an objective whose number
 * differs from its KPI's target takes the KPI's; one whose KPI has no targets in its span
 * spreads its number there evenly. Returns one sentence per objective changed, in words (a new
 * array of strings, empty when nothing was). Call it before the plan's figures are first asked. */
GPtrArray *pl_objectives_reconcile    (PlPlan *plan);

/* How an objective is doing on @as_of: the same months as the dashboard and the summary (the
 * period's start to the end of the last month measured, not after @as_of), within its span. */
typedef struct {
  PlKpi       *kpi;             /* borrowed; NULL when the objective has none */
  PlBasis      span;            /* pl_objective_span() */
  double       target;          /* pl_objective_target() */
  gboolean     tied;            /* pl_objective_is_tied() */
  PlBasis      to_date;         /* the months measured within the span */
  double       actual;          /* the KPI's measurements over @to_date, by its aggregate */
  double       target_to_date;  /* the KPI's targets over @to_date (NAN untied) */
  double       projected;       /* at the span's end: the latest estimate (pl_forecast_kpi():
                                 * the months measured and the forecast of the others), NAN
                                 * when there is none */
  double       projected_low;   /* its 80 % band */
  double       projected_high;
  PlKpiStatus  status;          /* the projection against the target, or the actual against
                                 * the target to date when there is no projection */
} PlObjectiveProgress;

void        pl_objective_progress        (PlPlan *plan, PlObjective *objective, guint32 as_of,
                                          PlObjectiveProgress *progress);
/* "On track", "Close to target", "Off track", "Not measured yet", "No target": the status in words. */
const char *pl_objective_status_describe (PlKpiStatus status);

G_END_DECLS
