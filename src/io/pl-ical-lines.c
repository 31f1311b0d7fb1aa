/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-ical"
#include "config.h"

#include <string.h>
#include <time.h>

#include "pl-ical-lines.h"

/* The longest line, with the space that starts a continuation (libical's MAX_LINE_LEN). */
#define MAX_LINE 75

/* Where the line that starts at @start ends, @left octets (its CRLF included) being left:
 * libical 3.0's get_next_line_start(), step for step. Its first choice can end a line after
 * two octets, and its second can split the final CRLF: the same file needs the same steps. */
static const char *
next_line_start (const char *start, gsize left)
{
  if (left < MAX_LINE)
    return start + left;
  for (const char *pos = start + MAX_LINE - 2; pos > start; pos--)
    if (*pos == ';' || *pos == ':' || *pos == ' ')
      return pos + 1;
  for (const char *pos = start + MAX_LINE - 1; pos > start; pos--)
    if (((guchar) *pos & 0x80) == 0 || ((guchar) *pos & 0xC0) == 0xC0)
      return pos;
  return start + MAX_LINE - 1;
}

/* Appends the @length octets of @line (which end with CRLF), folded. */
static void
append_folded (GString *out, const char *line, gsize length)
{
  const char *start = line;
  gsize left = length;

  while (left > 0)
    {
      const char *next = next_line_start (start, left);

      if (start != line)
        g_string_append_len (out, "\r\n ", 3);
      g_string_append_len (out, start, next - start);
      left -= (gsize) (next - start);
      start = next;
    }
}

void
pl_ical_append_text (GString *out, const char *name, const char *value, PlIcalQuoting quoting)
{
  gsize name_length = strlen (name);
  /* An escape doubles a character at most. */
  gsize size = name_length + 1 + 2 * strlen (value) + 2;
  char stack[1024];
  g_autofree char *heap = size > sizeof stack ? g_malloc (size) : NULL;
  char *line = heap != NULL ? heap : stack;
  char *p = line;

  memcpy (p, name, name_length);
  p += name_length;
  *p++ = ':';
  /* libical's icalmemory_strdup_and_quote(). */
  for (const char *v = value; *v != '\0'; v++)
    switch (*v)
      {
      case '\n':
        *p++ = '\\';
        *p++ = 'n';
        break;
      case '\r':
      case '\b':
      case '\f':
        break;
      case ';':
      case ',':
        if (quoting == PL_ICAL_LIST)
          {
            *p++ = *v;
            break;
          }
        /* fall through */
      case '\\':
        *p++ = '\\';
        *p++ = *v;
        break;
      default:
        *p++ = *v;
        break;
      }
  *p++ = '\r';
  *p++ = '\n';
  append_folded (out, line, (gsize) (p - line));
}

/* Writes "YYYYMMDD" as libical prints a date ("%04d%02d%02d" cut at 8 characters) at @p;
 * returns the end. */
static char *
print_date (char *p, int year, int month, int day)
{
  char text[48];
  int length;

  if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99)
    {
      const int digits[] = { year / 1000, year / 100 % 10, year / 10 % 10, year % 10,
                             month / 10, month % 10, day / 10, day % 10 };

      for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
        *p++ = (char) ('0' + digits[i]);
      return p;
    }
  length = g_snprintf (text, sizeof text, "%04d%02d%02d", year, month, day);
  length = MIN (length, 8);
  memcpy (p, text, (gsize) length);
  return p + length;
}

static char *
print_julian (char *p, guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return print_date (p, g_date_get_year (&date), (int) g_date_get_month (&date), g_date_get_day (&date));
}

static char *
print_string (char *p, const char *text)
{
  gsize length = strlen (text);

  memcpy (p, text, length);
  return p + length;
}

void
pl_ical_append_date (GString *out, const char *name, guint32 julian)
{
  char line[128];
  char *p = line;

  g_return_if_fail (strlen (name) < 64);
  p = print_string (p, name);
  p = print_string (p, ";VALUE=DATE:");
  p = print_julian (p, julian);
  p = print_string (p, "\r\n");
  append_folded (out, line, (gsize) (p - line));
}

void
pl_ical_append_rule (GString *out, const PlIcalRule *rule)
{
  static const char *frequencies[] = {
    [PL_ICAL_WEEKLY] = "WEEKLY", [PL_ICAL_MONTHLY] = "MONTHLY", [PL_ICAL_YEARLY] = "YEARLY",
  };
  char line[256];
  char *p = line;

  g_return_if_fail (rule->freq > PL_ICAL_ONCE && rule->freq <= PL_ICAL_YEARLY);
  g_return_if_fail (rule->n_month_days <= G_N_ELEMENTS (rule->month_days));
  /* libical's icalrecurrencetype_as_string_r(), for the parts a plan uses, in its order. */
  p = print_string (p, "RRULE:FREQ=");
  p = print_string (p, frequencies[rule->freq]);
  p = print_string (p, ";UNTIL=");
  p = print_julian (p, rule->until);
  if (rule->interval != 1)
    p += g_snprintf (p, 32, ";INTERVAL=%u", rule->interval);
  if (rule->n_month_days > 0)
    {
      p = print_string (p, ";BYMONTHDAY=");
      for (guint i = 0; i < rule->n_month_days; i++)
        p += g_snprintf (p, 8, i == 0 ? "%u" : ",%u", (guint) rule->month_days[i]);
    }
  if (rule->month != 0)
    p += g_snprintf (p, 32, ";BYMONTH=%u", rule->month);
  if (rule->last)
    p = print_string (p, ";BYSETPOS=-1");
  p = print_string (p, "\r\n");
  append_folded (out, line, (gsize) (p - line));
}

void
pl_ical_append_stamp (GString *out, gint64 stamp)
{
  time_t time = (time_t) stamp;
  struct tm utc;
  char line[128];
  char *p = line;

  p = print_string (p, "DTSTAMP:");
  /* libical's icaltime_from_timet_with_zone(): a time gmtime() cannot break down is its null
   * time, which has no zone and so no "Z". */
  if (gmtime_r (&time, &utc) == NULL)
    p = print_string (p, "00000000T000000");
  else
    {
      char text[32];

      p = print_date (p, utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
      g_snprintf (text, sizeof text, "T%02d%02d%02dZ", utc.tm_hour, utc.tm_min, utc.tm_sec);
      p = print_string (p, text);
    }
  p = print_string (p, "\r\n");
  append_folded (out, line, (gsize) (p - line));
}
