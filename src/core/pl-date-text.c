/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-date-text"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "pl-date-text.h"

/* The locale's own numeric date says which comes first; C keeps the day first, as the
 * files and the tests read. */
static gboolean
month_first (void)
{
  const char *name = setlocale (LC_TIME, NULL);
  const char *numeric = nl_langinfo (D_FMT);

  if (name == NULL || g_str_equal (name, "C") || g_str_has_prefix (name, "C.") || g_str_equal (name, "POSIX"))
    return FALSE;
  return strstr (numeric, "%m") != NULL && strstr (numeric, "%d") != NULL
         && strstr (numeric, "%m") < strstr (numeric, "%d");
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
    case PL_DATE_LONG:
    default:
      return month_before_day ? C_("date, month first", "%B %-d, %Y") : C_("date", "%-d %B %Y");
    }
}

char *
pl_date_text (guint32 julian, PlDateStyle style)
{
  GDate date;
  char text[128];
  g_autofree char *format = NULL;

  g_date_clear (&date, 1);
  if (!g_date_valid_julian (julian))
    return g_strdup ("");
  g_date_set_julian (&date, julian);
  format = g_strdup (format_for (style, month_first ()));
  if (g_date_get_day (&date) == 1)
    {
      /* Translators: the first day of a month in a date ("1 March"); French writes "1er" */
      g_auto(GStrv) parts = g_strsplit (format, "%-d", -1);

      g_free (format);
      format = g_strjoinv (C_("day of month", "1"), parts);
    }
  if (g_date_strftime (text, sizeof text, format, &date) == 0)
    return g_strdup ("");
  return g_strdup (text);
}
