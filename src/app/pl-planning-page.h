/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-drivers.h"
#include "pl-page.h"

G_BEGIN_DECLS

#define PL_TYPE_PLANNING_PAGE (pl_planning_page_get_type ())
G_DECLARE_FINAL_TYPE (PlPlanningPage, pl_planning_page, PL, PLANNING_PAGE, PlPage)

/* The planning arithmetic of issue 21: a what-if on the chain's drivers beside the plan's
 * own projection, the back-solve of a goal, and the plan's scenarios side by side. Nothing
 * in the plan changes until the user saves a scenario. */

/* The what-if's drivers, owned by the page (for tests and the benchmark). */
const PlDrivers *pl_planning_page_get_whatif (PlPlanningPage *self);

G_END_DECLS
