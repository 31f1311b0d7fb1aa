/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-page.h"

G_BEGIN_DECLS

#define PL_TYPE_ASSESSMENT_PAGE (pl_assessment_page_get_type ())
G_DECLARE_FINAL_TYPE (PlAssessmentPage, pl_assessment_page, PL, ASSESSMENT_PAGE, PlPage)

/* The marketing maturity self-assessment of the plan in its "plan" property: a round's
 * results (persona, radar against the previous round, dimensions sorted, the plan's own
 * evidence, next steps) and the step-by-step questionnaire, one dimension per step. */

/* Starts answering round @round as @respondent (the record is made if needed), at the first
 * dimension with a question not yet answered. */
void pl_assessment_page_answer (PlAssessmentPage *self, const char *round, const char *respondent);

G_END_DECLS
