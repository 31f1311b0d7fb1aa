/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-date-text"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "pl-date-text.h"

static gboolean
c_locale (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_has_prefix (name, "C.") || g_str_equal (name, "POSIX");
}

/* The locale's own numeric date says which comes first; C keeps the day first, as the
 * files and the tests read. */
static gboolean
month_first (void)
{
  const char *numeric = nl_langinfo (D_FMT);

  if (c_locale ())
    return FALSE;
  return strstr (numeric, "%m") != NULL && strstr (numeric, "%d") != NULL
         && strstr (numeric, "%m") < strstr (numeric, "%d");
}

/* The locale's numeric date with a four-digit year and two-digit day and month, in its own
 * order and with its own separator ("%d.%m.%Y" in de_DE), or NULL when its %x is not three
 * numbers the parser reads back (a two-digit year is widened, never kept). */
static const char *
locale_numeric (void)
{
  static char format[16];
  const char *d_fmt = nl_langinfo (D_FMT);
  char order[3], separator = 0;
  guint n = 0;

  for (const char *p = d_fmt; *p != '\0' && n <= 3; p++)
    {
      if (*p != '%')
        {
          if (n == 0 || (separator != 0 && separator != *p) || strchr ("/.-", *p) == NULL)
            return NULL;
          separator = *p;
          continue;
        }
      p++;
      if (*p == 'd' || *p == 'e')
        order[n++] = 'd';
      else if (*p == 'm')
        order[n++] = 'm';
      else if (*p == 'Y' || *p == 'y')
        order[n++] = 'Y';
      else
        return NULL;
    }
  /* The parser reads a year first as year-month-day, and otherwise the year last. */
  if (n != 3 || separator == 0 || (order[0] == 'Y' ? order[1] != 'm' : order[2] != 'Y'))
    return NULL;
  g_snprintf (format, sizeof format, "%%%c%c%%%c%c%%%c", order[0], separator, order[1], separator, order[2]);
  return format;
}

static const char *
format_for (PlDateStyle style, gboolean month_before_day)
{
  /* Translators: strftime(3) formats; "%-d" is the day without padding. The "month first"
   * ones are used only where the locale writes its dates month first (en_US); French never
   * does, so translate them as the others. */
  switch (style)
    {
    case PL_DATE_DAY_MONTH:
      return month_before_day ? C_("date, month first", "%B %-d") : C_("date", "%-d %B");
    case PL_DATE_DAY_MON:
      return month_before_day ? C_("date, month first", "%b %-d") : C_("date", "%-d %b");
    case PL_DATE_WEEKDAY_DAY_MON:
      return month_before_day ? C_("date, month first", "%a, %b %-d") : C_("date", "%a %-d %b");
    case PL_DATE_WEEKDAY_DAY_MONTH:
      return month_before_day ? C_("date, month first", "%A, %B %-d") : C_("date", "%A %-d %B");
    case PL_DATE_DAY_MON_YEAR:
      return month_before_day ? C_("date, month first", "%b %-d, %Y") : C_("date", "%-d %b %Y");
    case PL_DATE_NUMERIC:
      /* The four-digit year keeps "03/05/27" from being misread; C has no numeric order of
       * its own, so it writes what files do. */
      if (c_locale ())
        return "%Y-%m-%d";
      if (locale_numeric () != NULL)
        return locale_numeric ();
      return month_before_day ? "%m/%d/%Y" : C_("date, numeric", "%d/%m/%Y");
    case PL_DATE_LONG:
    default:
      return month_before_day ? C_("date, month first", "%B %-d, %Y") : C_("date", "%-d %B %Y");
    }
}

char *
pl_date_text (guint32 julian, PlDateStyle style)
{
  GDate date;
  g_autofree char *format = NULL;

  g_date_clear (&date, 1);
  if (!g_date_valid_julian (julian))
    return g_strdup ("");
  g_date_set_julian (&date, julian);
  format = g_strdup (format_for (style, month_first ()));
  if (g_date_get_day (&date) == 1 && style != PL_DATE_NUMERIC)
    {
      /* Translators: the first day of a month in a date ("1 March"); French writes "1er" */
      g_auto(GStrv) parts = g_strsplit (format, "%-d", -1);

      g_free (format);
      format = g_strjoinv (C_("day of month", "1"), parts);
    }
  return pl_date_format (julian, format);
}

char *
pl_date_format (guint32 julian, const char *format)
{
  GDate date;
  char text[128];

  if (!g_date_valid_julian (julian))
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (text, sizeof text, format, &date) == 0)
    return g_strdup ("");
  return g_strdup (text);
}

char *
pl_date_example (void)
{
  GDate date;

  /* The 31st, so that the example shows which of day and month comes first. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_MARCH, 2027);
  return pl_date_text (g_date_get_julian (&date), PL_DATE_NUMERIC);
}

int
pl_date_year (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_year (&date);
}

gboolean
pl_date_parse (const char *text, guint32 *julian)
{
  /* Compiled once: a date field checks what is typed at every key. */
  static GRegex *numeric;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *first = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *last = NULL;
  guint year, month, day;
  GDate date;

  if (g_once_init_enter (&numeric))
    g_once_init_leave (&numeric, g_regex_new ("^\\s*(\\d{1,4})([-/.])(\\d{1,2})\\2(\\d{1,4})\\s*$", G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (numeric, text, 0, &match))
    return FALSE;
  first = g_match_info_fetch (match, 1);
  middle = g_match_info_fetch (match, 3);
  last = g_match_info_fetch (match, 4);
  if (strlen (first) == 4)
    {
      year = (guint) atoi (first);
      month = (guint) atoi (middle);
      day = (guint) atoi (last);
    }
  else if (strlen (last) == 4)
    {
      gboolean month_before_day = month_first ();

      year = (guint) atoi (last);
      month = (guint) atoi (month_before_day ? first : middle);
      day = (guint) atoi (month_before_day ? middle : first);
    }
  else
    return FALSE;
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *julian = g_date_get_julian (&date);
  return TRUE;
}
