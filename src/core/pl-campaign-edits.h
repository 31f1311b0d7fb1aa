/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The edits of campaigns that change several fields or records, wherever the window makes
 * them (the campaigns page, the calendar, the month view). Each is one undoable step; when
 * one of its values is refused, it returns the refusal in @error and the plan is exactly as
 * before: no undo step, no "changed", the same modified state. */

/* What a new campaign starts with; every member may be left zero. */
typedef struct {
  const char *name;        /* NULL or blank: "New campaign" */
  guint32     start, end;  /* in either order; both 0: no dates yet */
  PlItem     *like;        /* a campaign whose @like_field the new one takes: the lane it was drawn in */
  guint       like_field;  /* PL_CAMPAIGN_CHANNEL, _SEGMENT, _OWNER or _STATUS */
  gboolean    filling;     /* the user goes on to fill it in: see pl_plan_set_filling() */
} PlCampaignDraft;

/* Adds a planned campaign as @draft says ("Add a Campaign"). Returns it (owned by the plan),
 * or NULL with @error. */
PlItem   *pl_campaign_add       (PlPlan *plan, const PlCampaignDraft *draft, GError **error);
/* Adds a planned copy of @campaign named "NAME (copy)", with links to the same KPIs
 * ("Duplicate the Campaign"). Returns it (owned by the plan), or NULL with @error. */
PlItem   *pl_campaign_duplicate (PlPlan *plan, PlItem *campaign, GError **error);
/* Stops @campaign for @reason, which must say something ("Stop the Campaign"). */
gboolean  pl_campaign_stop      (PlPlan *plan, PlItem *campaign, const char *reason, GError **error);

G_END_DECLS
