/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pl-ical-event.h"

G_BEGIN_DECLS

/* iCalendar content lines (RFC 5545, 3.1), byte for byte as libical 3.0 writes them, so that
 * the export stays the file it was when libical wrote it: a line longer than 74 octets is
 * folded after its last ';', ':' or ' ' within them, else before a character that starts
 * there (never inside a UTF-8 sequence); CRLF ends every line. A calendar of a million
 * events is written with these at a few allocations per event, where libical made dozens. */

typedef enum {
  PL_ICAL_TEXT,  /* a TEXT value: '\', ';', ',' and newlines escaped */
  PL_ICAL_LIST,  /* CATEGORIES and X- values: ',' and ';' kept, as list separators */
} PlIcalQuoting;

/* Appends "NAME:VALUE" with @value quoted as @quoting says: '\r', '\b' and '\f' dropped,
 * '\t' kept, '\n' written "\n", '\' written "\\". */
void pl_ical_append_text (GString *out, const char *name, const char *value, PlIcalQuoting quoting);
/* Appends "NAME;VALUE=DATE:YYYYMMDD" for the GDate Julian day @julian (> 0). */
void pl_ical_append_date (GString *out, const char *name, guint32 julian);
/* Appends "RRULE:FREQ=..." for @rule (its freq not PL_ICAL_ONCE). */
void pl_ical_append_rule (GString *out, const PlIcalRule *rule);
/* Appends "DTSTAMP:YYYYMMDDTHHMMSSZ" for the Unix time @stamp. */
void pl_ical_append_stamp (GString *out, gint64 stamp);

G_END_DECLS
