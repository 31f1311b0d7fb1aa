/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-campaign-results.h"

G_BEGIN_DECLS

#define PL_TYPE_CAMPAIGN_HINTS (pl_campaign_hints_get_type ())
G_DECLARE_FINAL_TYPE (PlCampaignHints, pl_campaign_hints, PL, CAMPAIGN_HINTS, GtkWidget)

/* The campaigns page's reallocation hints (pl_campaign_reallocations()): up to three
 * sentences, each with a Keep button that makes it one undoable edit
 * (pl_reallocation_apply()), then says what moved with an Undo button. Nothing changes
 * until Keep; hidden when there is no hint and nothing to say. */
PlCampaignHints *pl_campaign_hints_new       (void);
/* Shows the hints of @plan over @basis (NULL plan: none); computed again only when what
 * they depend on changed since the last call. */
void             pl_campaign_hints_update    (PlCampaignHints *self, PlPlan *plan, const PlBasis *basis);
/* The number of hints shown. */
guint            pl_campaign_hints_get_n     (PlCampaignHints *self);
/* The sentence of hint @index, or NULL; its Keep button; for tests. */
const char      *pl_campaign_hints_get_text  (PlCampaignHints *self, guint index);
GtkWidget       *pl_campaign_hints_get_keep_button (PlCampaignHints *self, guint index);
/* What the last Keep said, or NULL; its Undo button. */
const char      *pl_campaign_hints_get_feedback (PlCampaignHints *self);
GtkWidget       *pl_campaign_hints_get_undo_button (PlCampaignHints *self);

G_END_DECLS
