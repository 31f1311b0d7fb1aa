/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates for reading in C, French and American English: no padding before a one-digit day,
 * the locale's month names, and the month first only where the locale writes it first.
 * Untranslated here (the catalogue is the app tests' business): the formats are the msgids. */
#include <glib.h>
#include <locale.h>

#include "pl-date-text.h"

static guint32
julian (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
test_locales (void)
{
  static const struct { const char *locale; const char *long_text, *day_mon, *weekday, *with_year; } cases[] = {
    { "C.UTF-8", "5 March 2027", "5 Mar", "Friday 5 March", "5 Mar 2027" },
    { "fr_FR.UTF-8", "5 mars 2027", "5 mars", "vendredi 5 mars", "5 mars 2027" },
    { "en_US.UTF-8", "March 5, 2027", "Mar 5", "Friday, March 5", "Mar 5, 2027" },
  };
  guint32 day = julian (5, 3, 2027);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *long_text = NULL;
      g_autofree char *day_mon = NULL;
      g_autofree char *weekday = NULL;
      g_autofree char *with_year = NULL;

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        {
          g_test_message ("the %s locale is missing: run tools/install-deps", cases[i].locale);
          g_test_fail ();
          continue;
        }
      long_text = pl_date_text (day, PL_DATE_LONG);
      day_mon = pl_date_text (day, PL_DATE_DAY_MON);
      weekday = pl_date_text (day, PL_DATE_WEEKDAY_DAY_MONTH);
      with_year = pl_date_text (day, PL_DATE_DAY_MON_YEAR);
      g_assert_cmpstr (long_text, ==, cases[i].long_text);
      g_assert_cmpstr (day_mon, ==, cases[i].day_mon);
      g_assert_cmpstr (weekday, ==, cases[i].weekday);
      g_assert_cmpstr (with_year, ==, cases[i].with_year);
    }
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_invalid (void)
{
  g_autofree char *text = pl_date_text (0, PL_DATE_LONG);

  g_assert_cmpstr (text, ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date-text/locales", test_locales);
  g_test_add_func ("/date-text/invalid", test_invalid);
  return g_test_run ();
}
