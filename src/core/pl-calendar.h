/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The calendar's reading of the plan: when each calendar entry happens, and what looks wrong
 * in the schedule. */

/* Today in the user's time zone, as a Julian day. */
guint32    pl_calendar_today       (void);
/* The day a week starts on in the user's locale (Sunday in en_US, Monday in fr_FR); Monday,
 * as ISO 8601 has it, where the locale does not say (C). */
GDateWeekday pl_calendar_first_weekday (void);

/* The days (Julian, ascending, each once) @entry happens on within [@from, @to): once on its
 * start, or by its cadence from its start — a monthly review on the 31st falls on each month's
 * last day, a yearly one on 29 February on the 28th in other years; "end of campaign" is its
 * campaign's last day. Skipped occurrences are left out and moved ones are on their new day
 * (there when that day is in the window, wherever their own date is). A new array of guint32. */
GArray    *pl_calendar_occurrences (PlPlan *plan, PlItem *entry, guint32 from, guint32 to);

/* One occurrence of a series can be skipped or held on another day without changing the
 * series: the entry's "skip" list holds the dates of the occurrences that do not happen
 * ("2027-08-28"), its "move" list an occurrence's own date and the day it moves to
 * ("2027-12-28 2027-12-16"). The helpers below keep both lists sorted by original date, so
 * that files diff well. */

/* Reads a value of the skip list: TRUE, with the date in *@origin, when @text is a date
 * written YYYY-MM-DD. */
gboolean   pl_calendar_parse_skip  (const char *text, guint32 *origin);
/* Reads a value of the move list: TRUE when @text is two such dates separated by one space. */
gboolean   pl_calendar_parse_move  (const char *text, guint32 *origin, guint32 *day);
/* Whether @entry's series, before any skip or move, has an occurrence on @day. */
gboolean   pl_calendar_in_series   (PlPlan *plan, PlItem *entry, guint32 day);

typedef struct {
  guint32 origin;  /* the occurrence's own date */
  guint32 day;     /* the day it is held on instead */
} PlCalendarMove;

/* The skips that take effect: the own dates (guint32, ascending) of the occurrences of the
 * series that do not happen. Values that do not read or name no occurrence are left out. */
GArray    *pl_calendar_skipped     (PlPlan *plan, PlItem *entry);
/* The moves that take effect (a new array of PlCalendarMove, by own date). Left out: a move
 * of a day the series does not have, of a skipped occurrence, onto its own date, and any
 * move of an occurrence after its first. */
GArray    *pl_calendar_moves       (PlPlan *plan, PlItem *entry);
/* For a @day pl_calendar_occurrences() returned: TRUE when an occurrence was moved there,
 * with its own date in *@origin (otherwise *@origin is @day). */
gboolean   pl_calendar_occurrence_origin (PlItem *entry, guint32 day, guint32 *origin);

/* What to store for an edit of one occurrence, @day being a day pl_calendar_occurrences()
 * returned (a moved occurrence by its new day). Each returns the new value of one field of
 * @entry, for pl_plan_set_strv(): a new list sorted by original date, or NULL when empty.
 * Values that do not read are dropped. Skipping an occurrence that was moved changes both
 * fields: pl_calendar_apply_skip() makes that one undoable edit. */

/* The skip list with @day's occurrence added (by its own date when it was moved). */
char     **pl_calendar_skip_occurrence    (PlItem *entry, guint32 day);
/* The move list without the move that brought an occurrence to @day. */
char     **pl_calendar_unmove_occurrence  (PlItem *entry, guint32 day);
/* The move list with @day's occurrence held on @to: an occurrence moved already has its move
 * changed, and one moved back onto its own date has its move removed. */
char     **pl_calendar_move_occurrence    (PlItem *entry, guint32 day, guint32 to);
/* The skip list without @origin: the occurrence of that date happens again. */
char     **pl_calendar_restore_occurrence (PlItem *entry, guint32 origin);

/* The same edits, each one undoable step. They return FALSE with @error, and change nothing,
 * when @entry does not happen on @day, or when @to is not a date or a day @entry already
 * happens on. */
gboolean   pl_calendar_apply_skip    (PlPlan *plan, PlItem *entry, guint32 day, GError **error);
gboolean   pl_calendar_apply_move    (PlPlan *plan, PlItem *entry, guint32 day, guint32 to,
                                      GError **error);
/* Brings back the occurrence of @origin, whether skipped or moved; FALSE with @error when
 * it is neither. */
gboolean   pl_calendar_apply_restore (PlPlan *plan, PlItem *entry, guint32 origin, GError **error);

/* The entry in words for a message: "the review “Monthly marketing review”". */
char      *pl_calendar_describe_entry (PlItem *entry);
/* Makes @entry the item leaders ask for first: a monthly review, "Monthly review", from the
 * period's first day. */
void       pl_calendar_prepare_review (PlPlan *plan, PlItem *entry);

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
