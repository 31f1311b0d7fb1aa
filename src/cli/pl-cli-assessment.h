/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Returns round @round of @plan's self-assessment (NULL: the latest) as plain text: its
 * date and respondents, each dimension's score beside the previous round's, the overall
 * score and the persona. NULL with @error when the plan has no such round. */
char *pl_cli_assessment      (PlPlan *plan, const char *round, GError **error);
/* One line for the plan summary: the latest round's overall score and persona, or NULL. */
char *pl_cli_assessment_line (PlPlan *plan);

G_END_DECLS
