/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-campaign-results.h"

G_BEGIN_DECLS

/* How the window writes a campaign's figures (pl-campaign-results.h): the list's columns,
 * the campaign's page, the KPI page's attribution line, on one basis. */

/* The basis of every campaign figure in the window: the dashboard's "to date", the period's
 * start to the end of the last month measured as of the dashboard's day
 * (pl_dashboard_bases()'s measured_basis), as the KPI grid's "To date" column. */
PlBasis  pl_campaign_figures_basis        (PlPlan *plan);
/* "Figures to date: January to June 2027". */
char    *pl_campaign_figures_caption      (PlPlan *plan, const PlBasis *basis);

/* The figure columns of the campaigns list. */
typedef enum {
  PL_CAMPAIGN_COLUMN_BUDGET,
  PL_CAMPAIGN_COLUMN_SPENT,
  PL_CAMPAIGN_COLUMN_RESULT,
  PL_CAMPAIGN_COLUMN_COST,
  PL_CAMPAIGN_COLUMN_ROI,
  PL_N_CAMPAIGN_COLUMNS
} PlCampaignColumn;

/* The cell of @column for @figures: "410 / 600 leads", "€42", "220 %", or
 * "–" when not available. *@tooltip (may be NULL) gets what the cell means or, for "–", why
 * it is not available (pl_campaign_figure_reason()). */
char    *pl_campaign_column_text          (PlPlan *plan, const PlCampaignFigures *figures,
                                           PlCampaignColumn column, char **tooltip);
/* The same as it shows in the list, under a title that names the currency: the amounts
 * bare ("240,000"), their exact amount with the currency in *@tooltip. */
char    *pl_campaign_column_cell          (PlPlan *plan, const PlCampaignFigures *figures,
                                           PlCampaignColumn column, char **tooltip);
/* The plan's currency as the amounts on screen name it: "€", or "EUR" where the user's
 * locale has no rule for money (C), as pl_money_format() writes it. */
char    *pl_campaign_currency_sign        (PlPlan *plan);
/* The title of @column in the list: "Budget (€)", "ROI". */
char    *pl_campaign_column_title         (PlPlan *plan, PlCampaignColumn column);
/* Where @column puts @a against @b, ascending unless @descending; what is not available comes
 * last in both directions, and 0 when both are. */
int      pl_campaign_column_compare       (const PlCampaignFigures *a, const PlCampaignFigures *b,
                                           PlCampaignColumn column, gboolean descending);

/* @amount (minor units) to the whole currency unit, as the list and a campaign's page write
 * budgets and spend: "€98,223", or bare ("98,223") under a title that names the currency. */
char    *pl_campaign_whole_amount         (PlPlan *plan, gint64 amount, gboolean bare);

/* @kpi's name as a word in a sentence: "leads" for "Leads", "SQL" stays "SQL". */
char    *pl_campaign_kpi_word             (PlKpi *kpi);

G_END_DECLS
