/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When calendar entries happen, against dates worked out by hand (month ends, leap years, a
 * window that starts mid-year), occurrences skipped or moved on their own (and the edits that
 * do it, undone and redone), and every schedule warning. */
#include "config.h"

#include <locale.h>

#include "pl-calendar.h"
#include "pl-enums.h"
#include "pl-error.h"

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

/* The list a helper returned, as one string: "a|b", or "" for NULL. */
static char *
joined (char **list)
{
  g_auto(GStrv) owned = list;

  return owned ? g_strjoinv ("|", owned) : g_strdup ("");
}

static void
assert_list (PlItem *item, guint field, const char *expected)
{
  const char * const *list = pl_item_get_strv (item, field);
  g_autofree char *text = list ? g_strjoinv ("|", (char **) list) : g_strdup ("");

  g_assert_cmpstr (text, ==, expected);
}

static void
set_list (PlItem *item, guint field, char **list)
{
  g_auto(GStrv) owned = list;

  pl_item_set_strv (item, field, (const char * const *) owned);
}

static void
test_skip_move_monthly (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *monthly = entry (plan, "m", PL_ENTRY_REVIEW, PL_CADENCE_MONTHLY, day (2027, 1, 31), 0, NULL);
  guint32 origin = 0;

  /* February's occurrence falls on the 28th: that is the one skipped. */
  g_assert_true (pl_calendar_in_series (plan, monthly, day (2027, 2, 28)));
  g_assert_false (pl_calendar_in_series (plan, monthly, day (2027, 3, 30)));
  g_assert_false (pl_calendar_in_series (plan, monthly, day (2026, 12, 31)));
  set_list (monthly, PL_ENTRY_SKIP, pl_calendar_skip_occurrence (monthly, day (2027, 2, 28)));
  assert_list (monthly, PL_ENTRY_SKIP, "2027-02-28");
  /* April's (the 30th) is held on Monday 3 May. */
  set_list (monthly, PL_ENTRY_MOVE, pl_calendar_move_occurrence (monthly, day (2027, 4, 30), day (2027, 5, 3)));
  assert_list (monthly, PL_ENTRY_MOVE, "2027-04-30 2027-05-03");
  {
    const guint32 expected[] = { day (2027, 1, 31), day (2027, 3, 31), day (2027, 5, 3), day (2027, 5, 31), day (2027, 6, 30) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, monthly, day (2027, 1, 1), day (2027, 7, 1));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  g_assert_true (pl_calendar_occurrence_origin (monthly, day (2027, 5, 3), &origin));
  g_assert_cmpuint (origin, ==, day (2027, 4, 30));
  g_assert_false (pl_calendar_occurrence_origin (monthly, day (2027, 5, 31), &origin));
  g_assert_cmpuint (origin, ==, day (2027, 5, 31));

  /* Lists stay sorted by the occurrence's own date, whatever the order of the edits. */
  set_list (monthly, PL_ENTRY_SKIP, pl_calendar_skip_occurrence (monthly, day (2027, 1, 31)));
  set_list (monthly, PL_ENTRY_MOVE, pl_calendar_move_occurrence (monthly, day (2027, 3, 31), day (2027, 3, 29)));
  assert_list (monthly, PL_ENTRY_SKIP, "2027-01-31|2027-02-28");
  assert_list (monthly, PL_ENTRY_MOVE, "2027-03-31 2027-03-29|2027-04-30 2027-05-03");
  /* Moved again: its move changes; moved back onto its own date: its move goes. */
  {
    g_autofree char *again = joined (pl_calendar_move_occurrence (monthly, day (2027, 5, 3), day (2027, 5, 5)));
    g_autofree char *back = joined (pl_calendar_move_occurrence (monthly, day (2027, 5, 3), day (2027, 4, 30)));
    g_autofree char *restored = joined (pl_calendar_restore_occurrence (monthly, day (2027, 1, 31)));
    g_autofree char *nothing_moved = joined (pl_calendar_unmove_occurrence (monthly, day (2027, 5, 31)));

    g_assert_cmpstr (again, ==, "2027-03-31 2027-03-29|2027-04-30 2027-05-05");
    g_assert_cmpstr (back, ==, "2027-03-31 2027-03-29");
    g_assert_cmpstr (restored, ==, "2027-02-28");
    g_assert_cmpstr (nothing_moved, ==, "2027-03-31 2027-03-29|2027-04-30 2027-05-03");
  }
  /* Emptied lists are no lists. */
  set_list (monthly, PL_ENTRY_SKIP, NULL);
  {
    g_auto(GStrv) none = pl_calendar_restore_occurrence (monthly, day (2027, 2, 28));
    g_assert_null (none);
  }
}

static void
test_skip_move_weekly_yearly (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *weekly = entry (plan, "w", PL_ENTRY_REVIEW, PL_CADENCE_WEEKLY, day (2027, 12, 27), 0, NULL);
  PlItem *yearly = entry (plan, "y", PL_ENTRY_REVIEW, PL_CADENCE_YEARLY, day (2028, 2, 29), 0, NULL);

  /* The Monday after new year's day is skipped, the next held on the Wednesday. */
  set_list (weekly, PL_ENTRY_SKIP, pl_calendar_skip_occurrence (weekly, day (2028, 1, 3)));
  set_list (weekly, PL_ENTRY_MOVE, pl_calendar_move_occurrence (weekly, day (2028, 1, 10), day (2028, 1, 12)));
  {
    const guint32 expected[] = { day (2027, 12, 27), day (2028, 1, 12), day (2028, 1, 17) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, weekly, day (2027, 12, 1), day (2028, 1, 24));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  /* Not Mondays of the series. */
  g_assert_false (pl_calendar_in_series (plan, weekly, day (2028, 1, 4)));
  g_assert_false (pl_calendar_in_series (plan, weekly, day (2027, 12, 20)));

  /* A leap-day series: 2030's falls on the 28th and is skipped, 2031's moves to 3 March. */
  set_list (yearly, PL_ENTRY_SKIP, pl_calendar_skip_occurrence (yearly, day (2030, 2, 28)));
  set_list (yearly, PL_ENTRY_MOVE, pl_calendar_move_occurrence (yearly, day (2031, 2, 28), day (2031, 3, 3)));
  assert_list (yearly, PL_ENTRY_SKIP, "2030-02-28");
  assert_list (yearly, PL_ENTRY_MOVE, "2031-02-28 2031-03-03");
  {
    const guint32 expected[] = { day (2028, 2, 29), day (2029, 2, 28), day (2031, 3, 3), day (2032, 2, 29) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, yearly, day (2028, 1, 1), day (2033, 1, 1));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  g_assert_true (pl_calendar_in_series (plan, yearly, day (2029, 2, 28)));
  g_assert_false (pl_calendar_in_series (plan, yearly, day (2029, 3, 1)));
}

/* A moved occurrence shows in a window holding its new day, not in one holding its own date. */
static void
test_moved_across_window (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *monthly = entry (plan, "m", PL_ENTRY_REVIEW, PL_CADENCE_MONTHLY, day (2027, 1, 31), 0, NULL);
  PlItem *once = entry (plan, "o", PL_ENTRY_MILESTONE, PL_CADENCE_NONE, day (2027, 5, 4), 0, NULL);
  PlItem *ending;

  /* June's (the 30th) brought forward into May, April's (the 30th) pushed into June. */
  set_list (monthly, PL_ENTRY_MOVE, pl_calendar_move_occurrence (monthly, day (2027, 6, 30), day (2027, 5, 20)));
  set_list (monthly, PL_ENTRY_MOVE, pl_calendar_move_occurrence (monthly, day (2027, 4, 30), day (2027, 6, 2)));
  assert_list (monthly, PL_ENTRY_MOVE, "2027-04-30 2027-06-02|2027-06-30 2027-05-20");
  {
    const guint32 expected[] = { day (2027, 5, 20), day (2027, 5, 31) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, monthly, day (2027, 5, 1), day (2027, 6, 1));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  {
    const guint32 expected[] = { day (2027, 6, 2) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, monthly, day (2027, 6, 1), day (2027, 7, 1));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  {
    /* April's own occurrence is in June now. */
    g_autoptr(GArray) april = pl_calendar_occurrences (plan, monthly, day (2027, 4, 1), day (2027, 5, 1));
    g_assert_cmpuint (april->len, ==, 0);
  }

  /* A one-off moved, and an end-of-campaign review moved then skipped. */
  set_list (once, PL_ENTRY_MOVE, pl_calendar_move_occurrence (once, day (2027, 5, 4), day (2027, 5, 6)));
  {
    const guint32 expected[] = { day (2027, 5, 6) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, once, day (2027, 1, 1), day (2028, 1, 1));
    assert_days (days, expected, 1);
  }
  campaign (plan, "c", day (2027, 3, 1), day (2027, 4, 15), NULL, NULL);
  ending = entry (plan, "e", PL_ENTRY_REVIEW, PL_CADENCE_END_OF_CAMPAIGN, day (2027, 3, 1), 0, "c");
  g_assert_true (pl_calendar_in_series (plan, ending, day (2027, 4, 15)));
  g_assert_false (pl_calendar_in_series (plan, ending, day (2027, 3, 1)));
  g_assert_true (pl_calendar_apply_move (plan, ending, day (2027, 4, 15), day (2027, 4, 16), NULL));
  {
    const guint32 expected[] = { day (2027, 4, 16) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, ending, day (2027, 1, 1), day (2028, 1, 1));
    assert_days (days, expected, 1);
  }
  g_assert_true (pl_calendar_apply_skip (plan, ending, day (2027, 4, 16), NULL));
  {
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, ending, day (2027, 1, 1), day (2028, 1, 1));
    g_assert_cmpuint (days->len, ==, 0);
  }
  assert_list (ending, PL_ENTRY_SKIP, "2027-04-15");
  assert_list (ending, PL_ENTRY_MOVE, "");
}

/* Skipping a moved occurrence is one undoable step that also drops its move. */
static void
test_apply_undo_redo (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *monthly = entry (plan, "m", PL_ENTRY_REVIEW, PL_CADENCE_MONTHLY, day (2027, 1, 31), 0, NULL);
  g_autoptr(GError) error = NULL;
  const char *before;

  g_assert_true (pl_calendar_apply_move (plan, monthly, day (2027, 4, 30), day (2027, 5, 3), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move the Occurrence");
  assert_list (monthly, PL_ENTRY_MOVE, "2027-04-30 2027-05-03");

  g_assert_true (pl_calendar_apply_skip (plan, monthly, day (2027, 5, 3), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Skip the Occurrence");
  assert_list (monthly, PL_ENTRY_SKIP, "2027-04-30");
  assert_list (monthly, PL_ENTRY_MOVE, "");
  {
    const guint32 expected[] = { day (2027, 3, 31), day (2027, 5, 31) };
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, monthly, day (2027, 3, 1), day (2027, 6, 1));
    assert_days (days, expected, G_N_ELEMENTS (expected));
  }
  /* One undo brings back the move and takes away the skip. */
  g_assert_true (pl_plan_undo (plan));
  assert_list (monthly, PL_ENTRY_SKIP, "");
  assert_list (monthly, PL_ENTRY_MOVE, "2027-04-30 2027-05-03");
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move the Occurrence");
  g_assert_true (pl_plan_redo (plan));
  assert_list (monthly, PL_ENTRY_SKIP, "2027-04-30");
  assert_list (monthly, PL_ENTRY_MOVE, "");

  /* Restored by its own date: happens on 30 April again. */
  g_assert_true (pl_calendar_apply_restore (plan, monthly, day (2027, 4, 30), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Restore the Occurrence");
  assert_list (monthly, PL_ENTRY_SKIP, "");
  {
    g_autoptr(GArray) days = pl_calendar_occurrences (plan, monthly, day (2027, 4, 30), day (2027, 5, 1));
    g_assert_cmpuint (days->len, ==, 1);
  }
  /* A moved one is restored by its own date too, in one step. */
  g_assert_true (pl_calendar_apply_move (plan, monthly, day (2027, 4, 30), day (2027, 5, 3), NULL));
  g_assert_true (pl_calendar_apply_restore (plan, monthly, day (2027, 4, 30), NULL));
  assert_list (monthly, PL_ENTRY_MOVE, "");
  g_assert_true (pl_plan_undo (plan));
  assert_list (monthly, PL_ENTRY_MOVE, "2027-04-30 2027-05-03");
  /* Moved back onto its own date: the move goes. */
  g_assert_true (pl_calendar_apply_move (plan, monthly, day (2027, 5, 3), day (2027, 4, 30), NULL));
  assert_list (monthly, PL_ENTRY_MOVE, "");

  /* Refusals change nothing. */
  before = pl_plan_get_undo_label (plan);
  g_assert_false (pl_calendar_apply_skip (plan, monthly, day (2027, 3, 30), &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "The review “m” does not happen on 2027-03-30.");
  g_clear_error (&error);
  g_assert_false (pl_calendar_apply_move (plan, monthly, day (2027, 4, 30), day (2027, 5, 31), &error));
  g_assert_cmpstr (error->message, ==, "The review “m” already happens on 2027-05-31.");
  g_clear_error (&error);
  g_assert_false (pl_calendar_apply_move (plan, monthly, day (2027, 4, 30), 0, &error));
  g_assert_cmpstr (error->message, ==, "The new day is not a valid date.");
  g_clear_error (&error);
  g_assert_false (pl_calendar_apply_restore (plan, monthly, day (2027, 4, 30), &error));
  g_assert_cmpstr (error->message, ==, "The occurrence of the review “m” on 2027-04-30 is neither skipped nor moved.");
  g_clear_error (&error);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, before);

  /* Typed by hand: every value reads, and a new one names a day of the series. */
  {
    const char *bad_date[] = { "2027-02-30", NULL };
    const char *bad_pair[] = { "2027-04-30 to 2027-05-03", NULL };
    const char *not_in_series[] = { "2027-03-30", NULL };
    const char *good[] = { "2027-02-28", "2027-03-31", NULL };

    g_assert_false (pl_plan_set_strv (plan, monthly, PL_ENTRY_SKIP, bad_date, &error));
    g_assert_cmpstr (error->message, ==, "“2027-02-30” is not a date: write a skipped occurrence as YYYY-MM-DD.");
    g_clear_error (&error);
    g_assert_false (pl_plan_set_strv (plan, monthly, PL_ENTRY_MOVE, bad_pair, &error));
    g_assert_cmpstr (error->message, ==, "“2027-04-30 to 2027-05-03” is not two dates: write a moved occurrence as its "
                                         "own date, a space and the day it moves to (YYYY-MM-DD YYYY-MM-DD).");
    g_clear_error (&error);
    g_assert_false (pl_plan_set_strv (plan, monthly, PL_ENTRY_SKIP, not_in_series, &error));
    g_assert_cmpstr (error->message, ==, "The review “m” does not happen on 2027-03-30.");
    g_clear_error (&error);
    g_assert_true (pl_plan_set_strv (plan, monthly, PL_ENTRY_SKIP, good, &error));
    g_assert_no_error (error);
    /* The series changes under it; the value already there is still accepted. */
    g_assert_true (pl_plan_set_julian (plan, monthly, PL_ENTRY_START, day (2027, 1, 30), NULL));
    g_assert_true (pl_plan_set_strv (plan, monthly, PL_ENTRY_SKIP, good, &error));
    g_assert_no_error (error);
  }
  while (pl_plan_can_undo (plan))
    pl_plan_undo (plan);
  assert_list (monthly, PL_ENTRY_SKIP, "");
  assert_list (monthly, PL_ENTRY_MOVE, "");
}

/* A review that does not happen reviews nothing; one moved into a campaign reviews it. */
static void
test_no_review_after_skip (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  PlItem *monthly;
  g_autoptr(GPtrArray) reviewed = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GPtrArray) moved_away = NULL;
  g_autoptr(GPtrArray) moved_in = NULL;

  pl_item_set_julian (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_START, day (2027, 1, 1));
  campaign (plan, "short", day (2027, 3, 25), day (2027, 3, 31), NULL, NULL);
  monthly = entry (plan, "monthly", PL_ENTRY_REVIEW, PL_CADENCE_MONTHLY, day (2027, 1, 28), 0, NULL);
  reviewed = pl_calendar_warnings (plan);
  g_assert_cmpuint (reviewed->len, ==, 0);

  g_assert_true (pl_calendar_apply_skip (plan, monthly, day (2027, 3, 28), NULL));
  skipped = pl_calendar_warnings (plan);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_cmpint (((PlCalendarWarning *) skipped->pdata[0])->kind, ==, PL_CALENDAR_NO_REVIEW);
  g_assert_cmpstr (((PlCalendarWarning *) skipped->pdata[0])->message, ==, "No review is planned while “short” runs.");

  pl_plan_undo (plan);
  g_assert_true (pl_calendar_apply_move (plan, monthly, day (2027, 3, 28), day (2027, 4, 2), NULL));
  moved_away = pl_calendar_warnings (plan);
  g_assert_cmpuint (moved_away->len, ==, 1);

  /* April's review brought forward into the campaign's last days. */
  g_assert_true (pl_calendar_apply_move (plan, monthly, day (2027, 4, 28), day (2027, 3, 30), NULL));
  moved_in = pl_calendar_warnings (plan);
  g_assert_cmpuint (moved_in->len, ==, 0);
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

/* Campaigns clash only with those of their own segment and channel, stopped ones never; each
 * clash is named once, from the later campaign, in plan order. */
static void
test_overlaps (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  guint32 start = pl_plan_get_start (plan);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  PlItem *stopped;

  campaign (plan, "a", start + 10, start + 40, "seg", "Search");
  campaign (plan, "b", start + 10, start + 40, "other", "Search");
  campaign (plan, "c", start + 10, start + 40, "seg", "Events");
  stopped = campaign (plan, "s", start + 10, start + 40, "seg", "Search");
  pl_item_set_int (stopped, PL_CAMPAIGN_STATUS, PL_STATUS_STOPPED);
  campaign (plan, "d", start + 30, start + 50, "seg", "Search");
  campaign (plan, "e", start + 35, start + 45, "seg", "Search");
  campaign (plan, "f", start + 41, start + 60, "other", "Search");
  campaign (plan, "g", start + 100, start + 120, "seg", "Search");
  warnings = pl_calendar_warnings (plan);
  for (guint i = 0; i < warnings->len; i++)
    {
      PlCalendarWarning *warning = warnings->pdata[i];
      if (warning->kind == PL_CALENDAR_OVERLAP)
        g_string_append_printf (found, "%s\n", warning->message);
    }
  g_assert_cmpstr (found->str, ==,
                   "“d” and “a” reach the same segment on the same channel at the same time.\n"
                   "“e” and “a” reach the same segment on the same channel at the same time.\n"
                   "“e” and “d” reach the same segment on the same channel at the same time.\n");
}

/* The week starts where the user's locale says: Sunday in the US, Monday in France and in C. */
static void
test_first_weekday (void)
{
  static const struct { const char *locale; GDateWeekday first; } cases[] = {
    { "C.UTF-8", G_DATE_MONDAY }, { "fr_FR.UTF-8", G_DATE_MONDAY }, { "en_US.UTF-8", G_DATE_SUNDAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        {
          g_test_message ("the %s locale is missing: run tools/install-deps", cases[i].locale);
          g_test_fail ();
          continue;
        }
      g_assert_cmpint (pl_calendar_first_weekday (), ==, cases[i].first);
    }
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/occurrences", test_occurrences);
  g_test_add_func ("/calendar/skip-move-monthly", test_skip_move_monthly);
  g_test_add_func ("/calendar/skip-move-weekly-yearly", test_skip_move_weekly_yearly);
  g_test_add_func ("/calendar/moved-across-window", test_moved_across_window);
  g_test_add_func ("/calendar/apply-undo-redo", test_apply_undo_redo);
  g_test_add_func ("/calendar/no-review-after-skip", test_no_review_after_skip);
  g_test_add_func ("/calendar/warnings", test_warnings);
  g_test_add_func ("/calendar/overlaps", test_overlaps);
  g_test_add_func ("/calendar/first-weekday", test_first_weekday);
  return g_test_run ();
}
