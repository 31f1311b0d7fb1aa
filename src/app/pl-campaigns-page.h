/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-page.h"

G_BEGIN_DECLS

#define PL_TYPE_CAMPAIGNS_PAGE (pl_campaigns_page_get_type ())
G_DECLARE_FINAL_TYPE (PlCampaignsPage, pl_campaigns_page, PL, CAMPAIGNS_PAGE, PlPage)

/* The campaigns of the plan in its "plan" property: a filtered, sorted list and an editor
 * for the selected one (fields, brief, linked KPIs, budget). */

/* Selects @campaign in the list (clearing filters that hide it). */
void pl_campaigns_page_select (PlCampaignsPage *self, PlItem *campaign);

G_END_DECLS
