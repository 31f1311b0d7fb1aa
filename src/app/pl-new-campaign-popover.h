/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_NEW_CAMPAIGN_POPOVER (pl_new_campaign_popover_get_type ())
G_DECLARE_FINAL_TYPE (PlNewCampaignPopover, pl_new_campaign_popover, PL, NEW_CAMPAIGN_POPOVER, GtkPopover)

/* What a drag over empty days of the calendar opens: the new campaign's dates and a name to
 * type; Enter adds it (one undoable edit) and emits "added", Escape adds nothing. */

PlNewCampaignPopover *pl_new_campaign_popover_new   (void);
/* Points at @where of the popover's parent and asks for the name of a campaign from @start
 * to @end that takes @like's @field (its lane), @like may be NULL. */
void                  pl_new_campaign_popover_ask   (PlNewCampaignPopover *self, PlPlan *plan, guint32 start,
                                                     guint32 end, PlItem *like, guint field,
                                                     const GdkRectangle *where);
/* Adds the campaign as typed so far (pl_campaign_add()) and closes the popover; returns it
 * (owned by the plan), or NULL when nothing was asked or the plan refused it (the popover
 * then says why). */
PlItem               *pl_new_campaign_popover_add   (PlNewCampaignPopover *self);

G_END_DECLS
