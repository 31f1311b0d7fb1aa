/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-page.h"

G_BEGIN_DECLS

#define PL_TYPE_PLAN_PAGE (pl_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (PlPlanPage, pl_plan_page, PL, PLAN_PAGE, PlPage)

/* The page edits the plan in its "plan" property (NULL shows nothing). */

G_END_DECLS
