/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The events of a plan's iCalendar export as plain data, apart from how they are written:
 * pl-ical.c writes them, and its test writes them again with libical to compare the bytes. */

typedef enum {
  PL_ICAL_ONCE,
  PL_ICAL_WEEKLY,
  PL_ICAL_MONTHLY,
  PL_ICAL_YEARLY,
} PlIcalFrequency;

/* An RRULE (RFC 5545, 3.3.10). */
typedef struct {
  PlIcalFrequency freq;           /* PL_ICAL_ONCE: no rule */
  guint           interval;       /* 1, or 3 for a quarter */
  guint32         until;          /* the last day it may happen on */
  guint8          month_days[4];  /* BYMONTHDAY, n_month_days of them */
  guint           n_month_days;
  guint           month;          /* BYMONTH, or 0 */
  gboolean        last;           /* BYSETPOS=-1: the last of month_days that the month has */
} PlIcalRule;

/* One VEVENT: all-day, the end exclusive (RFC 5545, 3.6.1). */
typedef struct {
  const char    *uid;
  const char    *summary;         /* never NULL */
  guint32        start;           /* the first day */
  guint32        end;             /* the day after the last */
  const char    *categories[2];   /* NULL where there is none */
  const char    *description;     /* NULL when there is none */
  PlIcalRule     rule;
  const guint32 *exdates;         /* n_exdates occurrences the rule skips, in order */
  guint          n_exdates;
  guint32        recurrence_id;   /* the occurrence of its series it stands for, or 0 */
} PlIcalEvent;

/* Takes one event (valid only during the call); FALSE stops the walk. */
typedef gboolean (*PlIcalEventFunc) (const PlIcalEvent *event, gpointer user_data);

/* Gives @func the events of @plan's calendar in the order of the export (pl-ical.h): the
 * campaigns, then the calendar entries, each series followed by the events that move one of
 * its occurrences. */
void pl_ical_walk (PlPlan *plan, PlIcalEventFunc func, gpointer user_data);

G_END_DECLS
