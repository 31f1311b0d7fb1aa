/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-page.h"

G_BEGIN_DECLS

#define PL_TYPE_BUDGET_PAGE (pl_budget_page_get_type ())
G_DECLARE_FINAL_TYPE (PlBudgetPage, pl_budget_page, PL, BUDGET_PAGE, PlPage)

/* The budget of the plan in its "plan" property: categories and lines by month with their
 * totals, the selected line's details and allocations, the spreading helpers, the actual
 * spend entries, and the budget charts. */

G_END_DECLS
