/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When calendar entries happen, against dates worked out by hand (month ends, leap years, a
 * window that starts mid-year), and every schedule warning. */
#include "config.h"

#include "pl-calendar.h"
#include "pl-enums.h"

static guint32
day (int y, int m, int d)
{
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static PlItem *
entry (PlPlan *plan, const char *id, PlEntryKind kind, PlCadence cadence, guint32 start, guint32 end, const char *campaign)
{
  g_autoptr(PlItem) item = g_object_new (PL_TYPE_ENTRY, NULL);

  pl_item_set_id (item, id);
  pl_item_set_string (item, PL_ENTRY_TITLE, id);
  pl_item_set_int (item, PL_ENTRY_KIND, kind);
  pl_item_set_int (item, PL_ENTRY_CADENCE, cadence);
  pl_item_set_julian (item, PL_ENTRY_START, start);
  pl_item_set_julian (item, PL_ENTRY_END, end);
  pl_item_set_string (item, PL_ENTRY_CAMPAIGN, campaign);
  pl_plan_add (plan, item);
  return item;
}

static PlItem *
campaign (PlPlan *plan, const char *id, guint32 start, guint32 end, const char *segment, const char *channel)
{
  g_autoptr(PlItem) item = g_object_new (PL_TYPE_CAMPAIGN, NULL);

  pl_item_set_id (item, id);
  pl_item_set_string (item, PL_CAMPAIGN_NAME, id);
  pl_item_set_julian (item, PL_CAMPAIGN_START, start);
  pl_item_set_julian (item, PL_CAMPAIGN_END, end);
  pl_item_set_string (item, PL_CAMPAIGN_SEGMENT, segment);
  pl_item_set_string (item, PL_CAMPAIGN_CHANNEL, channel);
  pl_plan_add (plan, item);
  return item;
}

static void
assert_days (GArray *days, const guint32 *expected, guint n)
{
  g_assert_cmpuint (days->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (days, guint32, i), ==, expected[i]);
}

static void
test_occurrences (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *monthly = entry (plan, "m", PL_ENTRY_REVIEW, PL_CADENCE_MONTHLY, day (2027, 1, 31), 0, NULL);
  PlItem *quarterly = entry (plan, "q", PL_ENTRY_REVIEW, PL_CADENCE_QUARTERLY, day (2027, 11, 30), 0, NULL);
  PlItem *yearly = entry (plan, "y", PL_ENTRY_REVIEW, PL_CADENCE_YEARLY, day (2028, 2, 29), 0, NULL);
  PlItem *weekly = entry (plan, "w", PL_ENTRY_REVIEW, PL_CADENCE_WEEKLY, day (2027, 12, 27), 0, NULL);
  PlItem *once = entry (plan, "o", PL_ENTRY_MILESTONE, PL_CADENCE_NONE, day (2027, 5, 4), 0, NULL);
  PlItem *ending;

  {
    /* The 31st falls on each month's last day, the leap day included. */
    const guint32 expected[] = { day (2027, 1, 31), day (2027, 2, 28), day (2027, 3, 31), day (2027, 4, 30) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, monthly, day (2027, 1, 1), day (2027, 5, 1));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  {
    /* A window that starts mid-year: only what falls inside it. */
    const guint32 expected[] = { day (2028, 2, 29), day (2028, 5, 30) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, quarterly, day (2028, 1, 1), day (2028, 7, 1));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  {
    const guint32 expected[] = { day (2028, 2, 29), day (2029, 2, 28), day (2030, 2, 28), day (2031, 2, 28), day (2032, 2, 29) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, yearly, day (2028, 1, 1), day (2033, 1, 1));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  {
    /* Across the new year, every seven days. */
    const guint32 expected[] = { day (2027, 12, 27), day (2028, 1, 3), day (2028, 1, 10) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, weekly, day (2027, 12, 1), day (2028, 1, 17));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  {
    const guint32 expected[] = { day (2027, 5, 4) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, once, day (2027, 1, 1), day (2028, 1, 1));
    g_autoptr(GArray) none = pl_calendar_occurrences (plan, once, day (2027, 6, 1), day (2028, 1, 1));
    assert_days (days, expected, 1);
    g_assert_cmpuint (none->len, ==, 0);
  }
  campaign (plan, "c", day (2027, 3, 1), day (2027, 4, 15), NULL, NULL);
  ending = entry (plan, "e", PL_ENTRY_REVIEW, PL_CADENCE_END_OF_CAMPAIGN, day (2027, 3, 1), 0, "c");
  {
    const guint32 expected[] = { day (2027, 4, 15) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, ending, day (2027, 1, 1), day (2028, 1, 1));
    assert_days (days, expected, 1);
  }
}

static void
test_warnings (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  guint32 start = pl_plan_get_start (plan);
  g_autoptr(GPtrArray) warnings = NULL;
  static const struct { PlCalendarWarningKind kind; const char *id; const char *message; } expected[] = {
    { PL_CALENDAR_ACTIVITY_OUTSIDE, "a-early", "The activity “a-early” falls outside the dates of its campaign “reviewed”." },
    { PL_CALENDAR_NO_REVIEW, "unreviewed", "No review is planned while “unreviewed” runs." },
    { PL_CALENDAR_OVERLAP, "twin", "“twin” and “reviewed” reach the same segment on the same channel at the same time." },
    { PL_CALENDAR_PAST_PERIOD, "long", "The campaign “long” runs past the end of the fiscal period." },
  };

  campaign (plan, "reviewed", start + 10, start + 60, "seg", "Search");
  campaign (plan, "unreviewed", start + 200, start + 203, "seg", "Events");
  campaign (plan, "twin", start + 50, start + 80, "seg", "Search");
  campaign (plan, "long", start + 90, pl_plan_get_end (plan) + 20, NULL, NULL);
  entry (plan, "monthly", PL_ENTRY_REVIEW, PL_CADENCE_MONTHLY, start + 27, 0, NULL);
  entry (plan, "a-early", PL_ENTRY_ACTIVITY, PL_CADENCE_NONE, start + 5, start + 12, "reviewed");
  entry (plan, "a-inside", PL_ENTRY_ACTIVITY, PL_CADENCE_NONE, start + 20, start + 30, "reviewed");
  /* The monthly review falls on the 28th (the period starts on the 1st); "unreviewed" runs
   * from the 20th to the 23rd of July. */
  warnings = pl_calendar_warnings (plan);
  g_assert_cmpuint (warnings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      PlCalendarWarning *warning = warnings->pdata[i];
      g_assert_cmpint (warning->kind, ==, expected[i].kind);
      g_assert_cmpstr (warning->id, ==, expected[i].id);
      g_assert_cmpstr (warning->message, ==, expected[i].message);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/occurrences", test_occurrences);
  g_test_add_func ("/calendar/warnings", test_warnings);
  return g_test_run ();
}
