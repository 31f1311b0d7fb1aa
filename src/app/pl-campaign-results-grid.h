/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_CAMPAIGN_RESULTS_GRID (pl_campaign_results_grid_get_type ())
G_DECLARE_FINAL_TYPE (PlCampaignResultsGrid, pl_campaign_results_grid, PL, CAMPAIGN_RESULTS_GRID, GtkWidget)

/* What one campaign brought, month by month: a row per month of the period, a column per KPI
 * it is attached to, typed into as the KPI grid is (PlCellGrid: the keyboard, copy and paste
 * of blocks, rows being months, one undoable edit per cell or paste, pl_plan_set_result()),
 * then a read-only column of its spend by month (the figures engine's). Above the months a
 * row of expected contributions (and the allocation), below them the totals to date (the
 * campaigns list's basis). A value refused says why under the grid and nothing is lost. */
PlCampaignResultsGrid *pl_campaign_results_grid_new          (void);
void                   pl_campaign_results_grid_set_plan     (PlCampaignResultsGrid *self, PlPlan *plan);
/* The campaign shown (NULL: none). */
void                   pl_campaign_results_grid_set_campaign (PlCampaignResultsGrid *self, PlItem *campaign);
/* The number of KPI columns (the spend column not counted). */
guint                  pl_campaign_results_grid_get_n_kpis   (PlCampaignResultsGrid *self);
/* The cell of KPI column @kpi (the spend column: pl_campaign_results_grid_get_n_kpis()) in
 * month @month, or NULL when not on screen: for tests. Its grid row is @month + 1. */
GtkWidget             *pl_campaign_results_grid_get_cell     (PlCampaignResultsGrid *self, guint kpi, guint month);
/* The text of column @kpi's expected contribution (@total FALSE) or total to date; NULL when
 * not bound. */
char                  *pl_campaign_results_grid_get_side_text (PlCampaignResultsGrid *self, guint kpi, gboolean total);
/* The message under the grid, or NULL. */
const char            *pl_campaign_results_grid_get_message  (PlCampaignResultsGrid *self);

G_END_DECLS
