/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The calendar's edits of campaigns' dates, each one undoable edit of the plan, whether it
 * comes from a drag, the keyboard or a popover. (Adding a campaign: pl-campaign-edits.h.) */

/* Moves @campaign's start (@start), end (@end) or both by @days; a campaign keeps at least
 * one day. A campaign with no dates is left alone. */
void    pl_schedule_shift_campaign (PlPlan *plan, PlItem *campaign, int days, gboolean start, gboolean end);

G_END_DECLS
