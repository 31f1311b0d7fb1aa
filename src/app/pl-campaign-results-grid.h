/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_CAMPAIGN_RESULTS_GRID (pl_campaign_results_grid_get_type ())
G_DECLARE_FINAL_TYPE (PlCampaignResultsGrid, pl_campaign_results_grid, PL, CAMPAIGN_RESULTS_GRID, GtkWidget)

/* What one campaign brought, month by month: a row per KPI it is attached to, typed into as
 * the KPI grid is (PlCellGrid: the keyboard, copy and paste of blocks, one undoable edit per
 * cell or paste, pl_plan_set_result()), with its expected contribution and its total beside
 * it; then a read-only row of the campaign's spend by month (the figures engine's), its
 * allocation beside it. A value refused says why under the grid and nothing is lost. */
PlCampaignResultsGrid *pl_campaign_results_grid_new          (void);
void                   pl_campaign_results_grid_set_plan     (PlCampaignResultsGrid *self, PlPlan *plan);
/* The campaign shown (NULL: none). */
void                   pl_campaign_results_grid_set_campaign (PlCampaignResultsGrid *self, PlItem *campaign);
/* The number of KPI rows (the spend row not counted). */
guint                  pl_campaign_results_grid_get_n_kpis   (PlCampaignResultsGrid *self);
/* The month cell of KPI row @row (the spend row: pl_campaign_results_grid_get_n_kpis()), or
 * NULL when not on screen: for tests. */
GtkWidget             *pl_campaign_results_grid_get_cell     (PlCampaignResultsGrid *self, guint row, guint month);
/* The text of row @row's expected (@total FALSE) or total column; NULL when not bound. */
char                  *pl_campaign_results_grid_get_side_text (PlCampaignResultsGrid *self, guint row, gboolean total);
/* The message under the grid, or NULL. */
const char            *pl_campaign_results_grid_get_message  (PlCampaignResultsGrid *self);

G_END_DECLS
