/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"
#include "pl-questionnaire.h"

G_BEGIN_DECLS

/* The scores of one round of the self-assessment: every dimension from 0 to 100 (NAN when
 * nobody answered any of its questions with a rating), the overall score, the persona, and
 * across respondents the lowest and highest score of each dimension. */
typedef struct {
  guint            n_dimensions;
  double          *scores;        /* per dimension, the respondents' mean */
  double          *lowest;        /* per dimension, over respondents */
  double          *highest;
  double           overall;       /* mean of the dimensions scored, NAN when none */
  const PlPersona *persona;       /* borrowed from the questionnaire; NULL when nothing scored */
  guint            n_respondents;
  guint            n_answered;    /* ratings counted (not "I don't know") */
} PlMaturity;

/* Scores one respondent's @answers (GVariant "a(sy)", 0 meaning "I don't know"). */
PlMaturity *pl_maturity_score_answers (const PlQuestionnaire *questionnaire, GVariant *answers);
/* Scores the round @round of @plan: each respondent's assessment of that round, then their mean. */
PlMaturity *pl_maturity_score_round   (const PlQuestionnaire *questionnaire, PlPlan *plan, const char *round);
/* The persona for @overall and the dimension @scores, by the questionnaire's rule. */
const PlPersona *pl_maturity_persona  (const PlQuestionnaire *questionnaire, const double *scores, double overall);
/* The rounds of @plan in date order (a new array of strings). */
GPtrArray  *pl_maturity_rounds        (PlPlan *plan);
void        pl_maturity_free          (PlMaturity *maturity);
/* The dimensions scored in @maturity, strongest first or, with @weakest_first, weakest first;
 * ties in the questionnaire's order either way. The one ranking the radar, the assessment
 * page and the report all read: a new array of guint indices. */
GArray     *pl_maturity_order         (const PlMaturity *maturity, gboolean weakest_first);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlMaturity, pl_maturity_free)

G_END_DECLS
