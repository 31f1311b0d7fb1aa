/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates for reading in C, French and American English: no padding before a one-digit day,
 * the locale's month names, the month first only where the locale writes it first, and the
 * French "1er" for the first of a month (from the build tree's catalogue); the example a date
 * field shows, in German too. */
#include "config.h"

#include <glib.h>
#include <locale.h>

#include "pl-date-text.h"
#include "pl-i18n.h"

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
  static const struct {
    const char *locale, *language; const char *long_text, *day_mon, *weekday, *with_year, *first;
    const char *numeric, *typed;
  } cases[] = {
    /* French first: GLib decides at its first translation whether the program is translated
     * at all, and under C it would not be. */
    { "fr_FR.UTF-8", "fr", "5 mars 2027", "5 mars", "vendredi 5 mars", "5 mars 2027", "1er mars 2027", "05/03/2027", "5.3.2027" },
    { "C.UTF-8", "en", "5 March 2027", "5 Mar", "Friday 5 March", "5 Mar 2027", "1 March 2027", "2027-03-05", "5/3/2027" },
    { "en_US.UTF-8", "en", "March 5, 2027", "Mar 5", "Friday, March 5", "Mar 5, 2027", "March 1, 2027", "03/05/2027", "3/5/2027" },
  };
  guint32 day = julian (5, 3, 2027);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *long_text = NULL;
      g_autofree char *day_mon = NULL;
      g_autofree char *weekday = NULL;
      g_autofree char *with_year = NULL;
      g_autofree char *first = NULL;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
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
      first = pl_date_text (julian (1, 3, 2027), PL_DATE_LONG);
      g_assert_cmpstr (long_text, ==, cases[i].long_text);
      g_assert_cmpstr (day_mon, ==, cases[i].day_mon);
      g_assert_cmpstr (weekday, ==, cases[i].weekday);
      g_assert_cmpstr (with_year, ==, cases[i].with_year);
      g_assert_cmpstr (first, ==, cases[i].first);
      {
        g_autofree char *numeric = pl_date_text (day, PL_DATE_NUMERIC);
        guint32 back = 0;

        /* What a field shows and what the reader types short read back as the same day. */
        g_assert_cmpstr (numeric, ==, cases[i].numeric);
        g_assert_true (pl_date_parse (numeric, &back));
        g_assert_cmpuint (back, ==, day);
        back = 0;
        g_assert_true (pl_date_parse (cases[i].typed, &back));
        g_assert_cmpuint (back, ==, day);
        back = 0;
        g_assert_true (pl_date_parse ("2027-03-05", &back));
        g_assert_cmpuint (back, ==, day);
      }
    }
  setlocale (LC_ALL, "C.UTF-8");
}

/* The placeholder of a date field: 31 March 2027 in the locale's own order and separators,
 * and what the parser reads back as that day. */
static void
test_example (void)
{
  static const struct { const char *locale, *language, *example; } cases[] = {
    { "fr_FR.UTF-8", "fr", "31/03/2027" },
    { "en_US.UTF-8", "en", "03/31/2027" },
    { "de_DE.UTF-8", "de", "31.03.2027" },
    { "C.UTF-8", "en", "2027-03-31" },
  };
  guint32 day = julian (31, 3, 2027);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *example = NULL;
      guint32 back = 0;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        {
          g_test_message ("the %s locale is missing: run tools/install-deps", cases[i].locale);
          g_test_fail ();
          continue;
        }
      example = pl_date_example ();
      g_assert_cmpstr (example, ==, cases[i].example);
      g_assert_true (pl_date_parse (example, &back));
      g_assert_cmpuint (back, ==, day);
    }
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_invalid (void)
{
  g_autofree char *text = pl_date_text (0, PL_DATE_LONG);

  static const char *bad[] = { "", "31/31/2027", "30/02/2027", "5/3/27", "2027-13-01", "5/3-2027", "tomorrow",
                               "0/3/2027", "5/3/0000" };
  guint32 back = 42;

  g_assert_cmpstr (text, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (pl_date_parse (bad[i], &back));
      g_assert_cmpuint (back, ==, 42);
    }
}

int
main (int argc, char **argv)
{
  pl_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date-text/locales", test_locales);
  g_test_add_func ("/date-text/example", test_example);
  g_test_add_func ("/date-text/invalid", test_invalid);
  return g_test_run ();
}
