/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-maturity.h"

G_BEGIN_DECLS

/* What the plan itself shows about a dimension of the self-assessment, to put beside the
 * team's rating: a fact in words and how far it goes on the same 0-100 scale. */
typedef struct {
  char   *dimension;  /* the questionnaire's dimension ID */
  char   *fact;       /* "9 of 13 campaigns are linked to a KPI." */
  double  score;      /* 0 to 100 */
  char   *place;      /* where Pilote acts on it: a page name for win.show-page */
} PlEvidence;

/* The facts of @plan, in the questionnaire's dimension order (a new array of PlEvidence). */
GPtrArray *pl_maturity_evidence  (PlPlan *plan);
/* The sentences that say the self-rating of @dimension (its title) and the plan disagree, or
 * NULL when they do not (a gap of 40 points or more either way). */
char      *pl_maturity_disagreement (double rating, const char *dimension, const PlEvidence *evidence);
void       pl_evidence_free      (PlEvidence *evidence);

G_END_DECLS
