/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The calendar's reading of the plan: when each calendar entry happens, and what looks wrong
 * in the schedule. */

/* Today in the user's time zone, as a Julian day. */
guint32    pl_calendar_today       (void);

/* The days (Julian, ascending) @entry happens on within [@from, @to): once on its start, or
 * by its cadence from its start — a monthly review on the 31st falls on each month's last
 * day, a yearly one on 29 February on the 28th in other years; "end of campaign" is its
 * campaign's last day. A new array of guint32. */
GArray    *pl_calendar_occurrences (PlPlan *plan, PlItem *entry, guint32 from, guint32 to);

typedef enum {
  PL_CALENDAR_ACTIVITY_OUTSIDE,  /* an activity outside its campaign's dates */
  PL_CALENDAR_PAST_PERIOD,       /* a campaign running past the fiscal period */
  PL_CALENDAR_OVERLAP,           /* two campaigns for one segment on one channel at once */
  PL_CALENDAR_NO_REVIEW,         /* a campaign with no review before its end */
} PlCalendarWarningKind;

typedef struct {
  PlCalendarWarningKind  kind;
  char                  *id;       /* the entry or campaign to select */
  char                  *message;  /* in plain words */
} PlCalendarWarning;

/* Every warning of @plan's schedule (a new array of PlCalendarWarning), in plan order. */
GPtrArray *pl_calendar_warnings    (PlPlan *plan);
void       pl_calendar_warning_free (PlCalendarWarning *warning);

G_END_DECLS
