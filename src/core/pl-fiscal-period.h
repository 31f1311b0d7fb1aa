/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* Makes the fiscal period start on @start (a Julian day, the first of a month) and last
 * @months (3, 6 or 12), as one undoable step ("Change the Fiscal Period"). When either is
 * refused, returns FALSE with @error and the plan is as before. */
gboolean pl_fiscal_period_set (PlPlan *plan, guint32 start, guint months, GError **error);

G_END_DECLS
