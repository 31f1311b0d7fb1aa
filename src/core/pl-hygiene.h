/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

typedef enum {
  PL_HYGIENE_VANITY,            /* leads to no lead or revenue KPI through the chain */
  PL_HYGIENE_NO_OWNER,
  PL_HYGIENE_NO_TARGET,
  PL_HYGIENE_UNLINKED_CAMPAIGN, /* a campaign linked to no KPI */
  PL_HYGIENE_CAC_ALL_SPEND,     /* a KPI divides all spend by new customers where CAC counts
                                 * acquisition categories only: the two figures differ */
} PlHygieneKind;

typedef struct {
  PlHygieneKind  kind;
  char          *id;       /* the KPI or campaign concerned */
  char          *message;  /* in plain words */
} PlHygieneFinding;

void       pl_hygiene_finding_free (PlHygieneFinding *finding);
/* Returns the metric hygiene findings of @plan (a new array of PlHygieneFinding), KPIs in
 * plan order then campaigns. */
GPtrArray *pl_hygiene_check        (PlPlan *plan);
/* TRUE when @kpi's formula reads the spend KPI and the new customers' KPI, and nothing else:
 * the plan's own CAC. */
gboolean   pl_hygiene_divides_spend_by_customers (PlPlan *plan, PlItem *kpi);

G_END_DECLS
