/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-measurement-import.h"

G_BEGIN_DECLS

/* Campaign results from a CRM or analytics export with a campaign column (HubSpot's and
 * Salesforce's campaign reports, GA4's session campaign): which column names the campaigns,
 * which campaign of the plan a cell names, which cells name none. The import itself is
 * pl_import_preview() with PlImportOptions.campaign_column.
 *
 * A cell finds its campaign by the campaign's code (PL_CAMPAIGN_CODE) first, then by its name,
 * both in any case, with what exports do to names undone: spaces around and repeated (no-break
 * spaces and tabs too), quotes around ("…", '…', “…”, ‘…’, « … »). Nothing else: a name that
 * differs otherwise ("Spring webinars" for "Spring webinar") matches nothing, and is reported,
 * rather than guessed. */

typedef struct _PlImportCampaigns PlImportCampaigns;

/* The campaigns of @plan by code and by name, and their links to KPIs; borrows @plan, which
 * must not change while it is used. */
PlImportCampaigns *pl_import_campaigns_new  (PlPlan *plan);
void               pl_import_campaigns_free (PlImportCampaigns *self);
/* The campaign @cell names, by code then by name; NULL when none does, or when the name is
 * several campaigns' and no code tells them apart (*@ambiguous set, optional). */
PlItem            *pl_import_campaigns_find (PlImportCampaigns *self, const char *cell, gboolean *ambiguous);
/* The link (PlCampaignKpi) of @campaign to @kpi, or NULL when they are not linked. */
PlItem            *pl_import_campaigns_link (PlImportCampaigns *self, PlItem *campaign, PlItem *kpi);

/* @cell as campaign names compare: spaces around and repeated made one, quotes around taken
 * off, case folded. */
char              *pl_import_campaign_key   (const char *cell);
/* The column of @header that names campaigns as exports head it, or -1. In order: "Campaign
 * name", "Campaign", "Session campaign name", "Session campaign", "First user campaign name",
 * "First user campaign", "utm_campaign", "Nom de la campagne", "Campagne", "Campagne de
 * session", and last "Campaign ID" (Salesforce writes it beside "Campaign Name"). */
int                pl_import_guess_campaign_column (GStrv header);
/* Whether @cell names no campaign: empty, or what GA4 writes for traffic from none ("(not set)",
 * "(direct)", "(organic)", "(referral)", "(none)", "(cross-network)", "(data not available)"). */
gboolean           pl_import_is_not_campaign (const char *cell);
/* The campaign names of @preview that matched none, in a sentence for the CMO, each with its
 * rows ("“Spring promo” (3 rows, from row 14)"); NULL when every campaign matched. */
char              *pl_import_unmatched_text  (const PlImportPreview *preview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlImportCampaigns, pl_import_campaigns_free)

G_END_DECLS
