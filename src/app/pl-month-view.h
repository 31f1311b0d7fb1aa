/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-campaign-paint.h"
#include "pl-plan.h"

G_BEGIN_DECLS

#define PL_TYPE_MONTH_VIEW (pl_month_view_get_type ())
G_DECLARE_FINAL_TYPE (PlMonthView, pl_month_view, PL, MONTH_VIEW, GtkWidget)

/* The calendar's month: a grid of weeks with the campaigns as bars and the milestones,
 * activities and reviews as marks. Drag a campaign's bar to move it by days, drag across
 * empty days to add a campaign; double-click opens an item; a day's "+N more" opens a
 * popover listing everything on that day. */

PlMonthView *pl_month_view_new        (void);
void         pl_month_view_set_plan   (PlMonthView *self, PlPlan *plan);
/* The colours of the campaigns (borrowed: the caller keeps it alive, or sets NULL first). */
void         pl_month_view_set_paint  (PlMonthView *self, const PlCampaignPaint *paint);
/* The campaigns to mark with a warning sign (borrowed, like the paint). */
void         pl_month_view_set_warned (PlMonthView *self, GHashTable *warned);
/* Shows the month whose first day is @month. */
void         pl_month_view_show_month (PlMonthView *self, guint32 month);
guint32      pl_month_view_get_month  (PlMonthView *self);
/* Shows the month @months before (negative) or after the one shown. */
void         pl_month_view_step       (PlMonthView *self, int months);
/* Takes the plan's changes into account. */
void         pl_month_view_refresh    (PlMonthView *self);
/* Opens the popover of everything on @day; FALSE when @day is not in the grid. */
gboolean     pl_month_view_show_day   (PlMonthView *self, guint32 day);
/* The popover of pl_month_view_show_day() and its list, for tests. */
GtkPopover  *pl_month_view_get_day_popover (PlMonthView *self);

G_END_DECLS
