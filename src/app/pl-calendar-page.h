/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-page.h"

G_BEGIN_DECLS

#define PL_TYPE_CALENDAR_PAGE (pl_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (PlCalendarPage, pl_calendar_page, PL, CALENDAR_PAGE, PlPage)

/* The plan's calendar: the campaign timeline (drag a bar to move a campaign, an edge to
 * change its start or end; arrows move the selected one by a day, Shift by a week), the
 * agenda of coming items by week, the schedule's warnings, and the iCalendar export. */

/* Selects @campaign's row and scrolls to it. */
void pl_calendar_page_select (PlCalendarPage *self, PlItem *campaign);
/* Moves the selected campaign by @days, or only its start or end (one undoable edit). */
void pl_calendar_page_move   (PlCalendarPage *self, int days, gboolean start, gboolean end);

/* Where @campaign's bar is in the timeline's own coordinates; FALSE when out of view. */
gboolean pl_calendar_page_get_bar (PlCalendarPage *self, PlItem *campaign, graphene_rect_t *bar);

G_END_DECLS
