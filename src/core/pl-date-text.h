/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much of a date a sentence or a label shows. */
typedef enum {
  PL_DATE_DAY_MONTH,        /* 5 March */
  PL_DATE_DAY_MON,          /* 5 Mar */
  PL_DATE_WEEKDAY_DAY_MON,  /* Fri 5 Mar */
  PL_DATE_WEEKDAY_DAY_MONTH,/* Friday 5 March */
  PL_DATE_DAY_MON_YEAR,     /* 5 Mar 2027 */
  PL_DATE_LONG,             /* 5 March 2027 */
  PL_DATE_NUMERIC,          /* 05/03/2027, 03/05/2027 in en_US, 2027-03-05 in C */
} PlDateStyle;

/* The day @julian written for reading in the user's locale: its month and weekday names, the
 * day without padding, and the day after the month where the locale writes dates month first
 * (en_US: "March 5, 2027"). Free with g_free(). */
char *pl_date_text (guint32 julian, PlDateStyle style);

/* An example date as a date field shows it and pl_date_parse() reads it: 31 March 2027 in the
 * locale's order and separators (31/03/2027 in French, 03/31/2027 in en_US, 31.03.2027 in
 * German, 2027-03-31 in C). What empty date fields show as placeholder. Free with g_free(). */
char *pl_date_example (void);

/* The day @julian through strftime() @format ("%B %Y"), in the user's locale; "" when it is
 * not a valid day or the text does not fit. Free with g_free(). */
char *pl_date_format (guint32 julian, const char *format);
/* The year of the day @julian. */
int   pl_date_year   (guint32 julian);

/* Reads a date as a field shows it (PL_DATE_NUMERIC, with a slash, a dot or a dash, the day
 * and month in the locale's order and a four-digit year) or as files write it (2027-03-05).
 * Returns FALSE, leaving @julian alone, when @text is not a valid date. */
gboolean pl_date_parse (const char *text, guint32 *julian);

G_END_DECLS
