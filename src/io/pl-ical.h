/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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
char    *pl_ical_write        (PlPlan *plan, gint64 stamp);
/* Writes the same to @out one event at a time: memory stays the same whatever the number of
 * entries. FALSE with @error set when writing fails. */
gboolean pl_ical_write_stream (PlPlan *plan, gint64 stamp, GOutputStream *out, GCancellable *cancellable,
                               GError **error);
/* Writes the calendar (stamped now) to @file, replacing it only once all is written
 * (g_file_replace()): a failed export leaves an older file as it was, and no new one. */
gboolean pl_ical_export       (PlPlan *plan, GFile *file, GError **error);

G_END_DECLS
