/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-page.h"

G_BEGIN_DECLS

#define PL_TYPE_PLAN_PAGE (pl_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (PlPlanPage, pl_plan_page, PL, PLAN_PAGE, PlPage)

/* The page edits the plan in its "plan" property (NULL shows nothing). */

/* Makes the PNG image in @file the plan's logo, as choosing it does; a file that is not a PNG
 * image or is over 256 KB changes nothing, and the page says why. FALSE with @error then. */
gboolean pl_plan_page_set_logo_file (PlPlanPage *self, GFile *file, GError **error);

G_END_DECLS
