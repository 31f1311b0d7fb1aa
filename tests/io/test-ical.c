/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The iCalendar export of the example plan, read back with libical and compared with the
 * plan event by event; stable from one run to the next but for DTSTAMP. */
#include <glib.h>
#include <libical/ical.h>

#include "pl-enums.h"
#include "pl-ical.h"
#include "pl-plan-file.h"

static PlPlan *
example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, NULL);

  g_assert_nonnull (plan);
  return plan;
}

static guint32
julian_of (struct icaltimetype time)
{
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) time.day, (GDateMonth) time.month, (GDateYear) time.year);
  return g_date_get_julian (&date);
}

static void
test_round_trip (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autofree char *text = pl_ical_write (plan, 1800000000);
  icalcomponent *calendar = icalparser_parse_string (text);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
  guint events = 0, recurring = 0;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  /* libical finds nothing wrong with it. */
  icalrestriction_check (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (e);
      g_autofree char *id = g_strndup (uid, strrchr (uid, '-') - uid);
      PlItem *item = pl_plan_lookup (plan, id);
      struct icaltimetype start = icalcomponent_get_dtstart (e), end = icalcomponent_get_dtend (e);

      events++;
      g_assert_nonnull (item);
      g_assert_true (start.is_date && end.is_date);
      if (PL_IS_CAMPAIGN (item))
        {
          g_assert_cmpstr (icalcomponent_get_summary (e), ==, pl_item_get_string (item, PL_CAMPAIGN_NAME));
          g_assert_cmpuint (julian_of (start), ==, pl_item_get_julian (item, PL_CAMPAIGN_START));
          /* The end is exclusive: the day after the campaign's last day. */
          g_assert_cmpuint (julian_of (end), ==, pl_item_get_julian (item, PL_CAMPAIGN_END) + 1);
          g_assert_nonnull (icalcomponent_get_first_property (e, ICAL_CATEGORIES_PROPERTY));
        }
      else
        {
          icalproperty *rrule = icalcomponent_get_first_property (e, ICAL_RRULE_PROPERTY);
          gint64 cadence = pl_item_get_int (item, PL_ENTRY_CADENCE);

          g_assert_true (PL_IS_ENTRY (item));
          g_assert_cmpstr (icalcomponent_get_summary (e), ==, pl_item_get_string (item, PL_ENTRY_TITLE));
          if (cadence == PL_CADENCE_NONE || cadence == PL_CADENCE_END_OF_CAMPAIGN)
            g_assert_null (rrule);
          else
            {
              struct icalrecurrencetype rule = icalproperty_get_rrule (rrule);
              recurring++;
              g_assert_cmpint (rule.freq, ==, cadence == PL_CADENCE_WEEKLY ? ICAL_WEEKLY_RECURRENCE
                                              : cadence == PL_CADENCE_YEARLY ? ICAL_YEARLY_RECURRENCE : ICAL_MONTHLY_RECURRENCE);
              g_assert_cmpint (rule.interval, ==, cadence == PL_CADENCE_QUARTERLY ? 3 : 1);
            }
        }
    }
  g_assert_cmpuint (events, ==, g_list_model_get_n_items (campaigns) + g_list_model_get_n_items (entries));
  g_assert_cmpuint (recurring, ==, 4);
  icalcomponent_free (calendar);
}

/* Two runs are the same file but for DTSTAMP: a subscribed calendar updates, never duplicates. */
static void
test_stable (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autofree char *a = pl_ical_write (plan, 1800000000);
  g_autofree char *b = pl_ical_write (plan, 1800000000);
  g_autofree char *c = pl_ical_write (plan, 1900000000);
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_c = g_strsplit (c, "\n", -1);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (g_strv_length (lines_a), ==, g_strv_length (lines_c));
  for (guint i = 0; lines_a[i] != NULL; i++)
    if (!g_str_has_prefix (lines_a[i], "DTSTAMP:"))
      g_assert_cmpstr (lines_a[i], ==, lines_c[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ical/round-trip", test_round_trip);
  g_test_add_func ("/ical/stable", test_stable);
  return g_test_run ();
}
