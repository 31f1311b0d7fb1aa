/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* The plan's calendar as iCalendar (RFC 5545) that calendar programs subscribe to:
 * campaigns and activities as all-day events (the end date exclusive), milestones, and
 * reviews with an RRULE for their cadence up to the end of the period; a skipped occurrence
 * is an EXDATE, a moved one an event of its own with the series' UID and a RECURRENCE-ID
 * naming the occurrence's date. UIDs come from the plan's IDs, so a subscribed
 * calendar updates events rather than duplicating them; two runs differ only in DTSTAMP,
 * which is @stamp (a Unix time; 0 for now). Categories carry the channel and segment, the
 * description the campaign's brief and owner. */
char *pl_ical_write (PlPlan *plan, gint64 stamp);

G_END_DECLS
