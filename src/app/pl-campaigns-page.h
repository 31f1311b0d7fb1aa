/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_CAMPAIGNS_PAGE (pl_campaigns_page_get_type ())
G_DECLARE_FINAL_TYPE (PlCampaignsPage, pl_campaigns_page, PL, CAMPAIGNS_PAGE, GtkWidget)

/* The page edits the plan in its "plan" property (NULL shows nothing). */

G_END_DECLS
