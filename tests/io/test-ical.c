/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The iCalendar export of the example plan and of a plan of skipped and moved occurrences,
 * read back with libical and compared with the plan event by event (every recurring one
 * expanded as a calendar program does: its RRULE, less its EXDATEs, with the events that
 * take the place of one occurrence); stable from one run to the next but for DTSTAMP; and
 * byte for byte the file libical writes for the same events (the export writes its lines
 * itself since issue 19), on texts that escaping and folding must get right. */
#include <glib.h>
#include <libical/ical.h>
#include <string.h>
#include <sys/resource.h>

#include "pl-calendar.h"
#include "pl-enums.h"
#include "pl-ical.h"
#include "pl-ical-event.h"
#include "pl-ical-lines.h"
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
day (int y, int m, int d)
{
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static PlItem *
add_entry (PlPlan *plan, const char *id, PlEntryKind kind, PlCadence cadence, guint32 start, guint32 end,
           const char *campaign)
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

/* A 2027 plan whose series have occurrences skipped and moved, month ends and a leap day
 * among them. */
static PlPlan *
occurrences_plan (void)
{
  PlPlan *plan = pl_plan_new ();
  g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
  PlItem *monthly, *weekly, *yearly, *once, *gone, *ending;

  pl_item_set_string (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_TITLE, "Occurrences");
  pl_item_set_julian (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_START, day (2027, 1, 1));
  pl_item_set_id (campaign, "cmp");
  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Campaign");
  pl_item_set_string (campaign, PL_CAMPAIGN_CHANNEL, "Events");
  pl_item_set_julian (campaign, PL_CAMPAIGN_START, day (2027, 3, 1));
  pl_item_set_julian (campaign, PL_CAMPAIGN_END, day (2027, 4, 15));
  pl_plan_add (plan, campaign);

  monthly = add_entry (plan, "monthly", PL_ENTRY_REVIEW, PL_CADENCE_MONTHLY, day (2027, 1, 31), 0, NULL);
  g_assert_true (pl_calendar_apply_skip (plan, monthly, day (2027, 2, 28), NULL));
  g_assert_true (pl_calendar_apply_move (plan, monthly, day (2027, 4, 30), day (2027, 5, 3), NULL));
  /* Past the end of the period, where the series stops. */
  g_assert_true (pl_calendar_apply_move (plan, monthly, day (2027, 12, 31), day (2028, 1, 4), NULL));
  add_entry (plan, "quarterly", PL_ENTRY_REVIEW, PL_CADENCE_QUARTERLY, day (2027, 1, 31), 0, NULL);
  /* Two days each, Monday and Tuesday. */
  weekly = add_entry (plan, "weekly", PL_ENTRY_ACTIVITY, PL_CADENCE_WEEKLY, day (2027, 1, 4), day (2027, 1, 5), NULL);
  g_assert_true (pl_calendar_apply_skip (plan, weekly, day (2027, 1, 11), NULL));
  g_assert_true (pl_calendar_apply_move (plan, weekly, day (2027, 1, 18), day (2027, 1, 20), NULL));
  yearly = add_entry (plan, "yearly", PL_ENTRY_REVIEW, PL_CADENCE_YEARLY, day (2024, 2, 29), 0, NULL);
  g_assert_true (pl_calendar_apply_skip (plan, yearly, day (2025, 2, 28), NULL));
  g_assert_true (pl_calendar_apply_move (plan, yearly, day (2026, 2, 28), day (2026, 3, 2), NULL));
  once = add_entry (plan, "once", PL_ENTRY_MILESTONE, PL_CADENCE_NONE, day (2027, 5, 4), 0, NULL);
  g_assert_true (pl_calendar_apply_move (plan, once, day (2027, 5, 4), day (2027, 5, 6), NULL));
  gone = add_entry (plan, "gone", PL_ENTRY_MILESTONE, PL_CADENCE_NONE, day (2027, 6, 1), 0, NULL);
  g_assert_true (pl_calendar_apply_skip (plan, gone, day (2027, 6, 1), NULL));
  ending = add_entry (plan, "ending", PL_ENTRY_REVIEW, PL_CADENCE_END_OF_CAMPAIGN, day (2027, 3, 1), 0, "cmp");
  g_assert_true (pl_calendar_apply_move (plan, ending, day (2027, 4, 15), day (2027, 4, 16), NULL));
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

static int
compare_days (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
remove_day (GArray *days, guint32 julian)
{
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, guint32, i) == julian)
      {
        g_array_remove_index (days, i);
        return;
      }
  {
    GDate date;
    char text[16];

    g_date_clear (&date, 1);
    g_date_set_julian (&date, julian);
    g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
    g_error ("%s is not a day of the event", text);
  }
}

/* The days @master happens on as a calendar program reads it: its RRULE's days from DTSTART,
 * less its EXDATEs, each event of @events with its UID and a RECURRENCE-ID moving one. */
static GArray *
expand (icalcomponent *master, GPtrArray *events)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  struct icaltimetype start = icalcomponent_get_dtstart (master);
  icalproperty *rule = icalcomponent_get_first_property (master, ICAL_RRULE_PROPERTY);

  if (rule != NULL)
    {
      icalrecur_iterator *iterator = icalrecur_iterator_new (icalproperty_get_rrule (rule), start);
      struct icaltimetype next;

      g_assert_nonnull (iterator);
      while (!icaltime_is_null_time (next = icalrecur_iterator_next (iterator)))
        {
          guint32 julian = julian_of (next);
          g_array_append_val (days, julian);
        }
      icalrecur_iterator_free (iterator);
    }
  else
    {
      guint32 julian = julian_of (start);
      g_array_append_val (days, julian);
    }
  for (icalproperty *exdate = icalcomponent_get_first_property (master, ICAL_EXDATE_PROPERTY); exdate != NULL;
       exdate = icalcomponent_get_next_property (master, ICAL_EXDATE_PROPERTY))
    {
      g_assert_true (icalproperty_get_exdate (exdate).is_date);
      remove_day (days, julian_of (icalproperty_get_exdate (exdate)));
    }
  for (guint i = 0; i < events->len; i++)
    {
      icalcomponent *e = events->pdata[i];
      icalproperty *id = icalcomponent_get_first_property (e, ICAL_RECURRENCEID_PROPERTY);
      guint32 julian;

      if (id == NULL || g_strcmp0 (icalcomponent_get_uid (e), icalcomponent_get_uid (master)) != 0)
        continue;
      g_assert_nonnull (rule);
      g_assert_true (icalproperty_get_recurrenceid (id).is_date);
      remove_day (days, julian_of (icalproperty_get_recurrenceid (id)));
      julian = julian_of (icalcomponent_get_dtstart (e));
      g_array_append_val (days, julian);
    }
  g_array_sort (days, compare_days);
  return days;
}

/* Every event of @plan's calendar against the plan; returns the number of events that take
 * the place of one occurrence. */
static guint
check_calendar (PlPlan *plan, guint *n_recurring)
{
  g_autofree char *text = pl_ical_write (plan, 1800000000);
  icalcomponent *calendar = icalparser_parse_string (text);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
  guint32 until = pl_plan_get_end (plan) - 1;
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint recurring = 0, overrides = 0, skipped_singles = 0;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  /* libical finds nothing wrong with it. */
  icalrestriction_check (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  /* Collected first: libical walks a component's children with one cursor. */
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_ptr_array_add (events, e);
  for (guint i = 0; i < events->len; i++)
    {
      icalcomponent *e = events->pdata[i];
      const char *uid = icalcomponent_get_uid (e);
      g_autofree char *id = g_strndup (uid, strrchr (uid, '-') - uid);
      PlItem *item = pl_plan_lookup (plan, id);
      struct icaltimetype start = icalcomponent_get_dtstart (e), end = icalcomponent_get_dtend (e);

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
          guint32 first = pl_item_get_julian (item, PL_ENTRY_START), last = pl_item_get_julian (item, PL_ENTRY_END);
          g_autoptr(GArray) days = NULL;
          g_autoptr(GArray) expected = NULL;
          guint kept = 0;

          g_assert_true (PL_IS_ENTRY (item));
          g_assert_cmpstr (icalcomponent_get_summary (e), ==, pl_item_get_string (item, PL_ENTRY_TITLE));
          /* Every occurrence lasts as long as the entry. */
          if (cadence != PL_CADENCE_END_OF_CAMPAIGN)
            g_assert_cmpuint (julian_of (end) - julian_of (start), ==, (last > first ? last - first : 0) + 1);
          if (icalcomponent_get_first_property (e, ICAL_RECURRENCEID_PROPERTY) != NULL)
            {
              /* Stands for one occurrence of its series; compared with it. */
              g_assert_null (rrule);
              overrides++;
              continue;
            }
          g_assert_false (g_hash_table_contains (seen, item));
          g_hash_table_add (seen, item);
          if (cadence == PL_CADENCE_NONE || cadence == PL_CADENCE_END_OF_CAMPAIGN)
            g_assert_null (rrule);
          else
            {
              struct icalrecurrencetype rule = icalproperty_get_rrule (rrule);
              recurring++;
              g_assert_cmpint (rule.freq, ==, cadence == PL_CADENCE_WEEKLY ? ICAL_WEEKLY_RECURRENCE
                                              : cadence == PL_CADENCE_YEARLY ? ICAL_YEARLY_RECURRENCE : ICAL_MONTHLY_RECURRENCE);
              g_assert_cmpint (rule.interval, ==, cadence == PL_CADENCE_QUARTERLY ? 3 : 1);
              g_assert_cmpuint (julian_of (rule.until), ==, until);
            }
          /* The same days as the plan's: a series up to the end of the period, counted by
           * the occurrences' own dates. */
          days = expand (e, events);
          expected = pl_calendar_occurrences (plan, item, 0, until + 3660);
          for (guint d = 0; d < expected->len; d++)
            {
              guint32 origin;

              pl_calendar_occurrence_origin (item, g_array_index (expected, guint32, d), &origin);
              if (rrule == NULL || origin <= until)
                g_array_index (expected, guint32, kept++) = g_array_index (expected, guint32, d);
            }
          g_array_set_size (expected, kept);
          g_assert_cmpuint (days->len, ==, expected->len);
          g_assert_cmpmem (days->data, days->len * sizeof (guint32), expected->data, expected->len * sizeof (guint32));
        }
    }
  /* An entry whose only occurrence is skipped has no event. */
  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
      g_autoptr(GArray) days = pl_calendar_occurrences (plan, entry, 0, until + 3660);

      if (!g_hash_table_contains (seen, entry))
        {
          g_assert_cmpuint (days->len, ==, 0);
          skipped_singles++;
        }
    }
  g_assert_cmpuint (events->len, ==, g_list_model_get_n_items (campaigns) + g_list_model_get_n_items (entries)
                                     - skipped_singles + overrides);
  *n_recurring = recurring;
  icalcomponent_free (calendar);
  return overrides;
}

static void
test_round_trip (void)
{
  g_autoptr(PlPlan) plan = example ();
  guint recurring = 0;

  /* The monthly review skips August's and holds December's on the 16th. */
  g_assert_cmpuint (check_calendar (plan, &recurring), ==, 1);
  g_assert_cmpuint (recurring, ==, 4);
}

/* @text with its long lines joined again (RFC 5545, 3.1). */
static char *
unfold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
      p += 2;
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_occurrences (void)
{
  g_autoptr(PlPlan) plan = occurrences_plan ();
  g_autofree char *folded = pl_ical_write (plan, 1800000000);
  g_autofree char *text = unfold (folded);
  guint recurring = 0;
  static const char *lines[] = {
    /* The 31st, and a month's last day when it has no 31st. */
    "RRULE:FREQ=MONTHLY;UNTIL=20271231;BYMONTHDAY=28,29,30,31;BYSETPOS=-1\r\n",
    "RRULE:FREQ=MONTHLY;UNTIL=20271231;INTERVAL=3;BYMONTHDAY=28,29,30,31;BYSETPOS=-1\r\n",
    "RRULE:FREQ=YEARLY;UNTIL=20271231;BYMONTHDAY=28,29;BYMONTH=2;BYSETPOS=-1\r\n",
    "RRULE:FREQ=WEEKLY;UNTIL=20271231\r\n",
    "EXDATE;VALUE=DATE:20270228\r\n",
    "EXDATE;VALUE=DATE:20270111\r\n",
    "EXDATE;VALUE=DATE:20250228\r\n",
    "RECURRENCE-ID;VALUE=DATE:20270430\r\n",
    "RECURRENCE-ID;VALUE=DATE:20271231\r\n",
    "RECURRENCE-ID;VALUE=DATE:20270118\r\n",
    "RECURRENCE-ID;VALUE=DATE:20260228\r\n",
  };

  /* Monthly: April's and December's; weekly: one; yearly: one. */
  g_assert_cmpuint (check_calendar (plan, &recurring), ==, 4);
  g_assert_cmpuint (recurring, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (strstr (text, lines[i]) == NULL)
      g_error ("no “%s” in:\n%s", lines[i], text);
  /* A moved occurrence is never taken out as well. */
  g_assert_null (strstr (text, "EXDATE;VALUE=DATE:20270430"));
  g_assert_null (strstr (text, "SUMMARY:gone\r\n"));
}

/* Two runs are the same file but for DTSTAMP: a subscribed calendar updates, never duplicates. */
static void
test_stable (void)
{
  PlPlan *plans[] = { example (), occurrences_plan () };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      g_autofree char *a = pl_ical_write (plans[p], 1800000000);
      g_autofree char *b = pl_ical_write (plans[p], 1800000000);
      g_autofree char *c = pl_ical_write (plans[p], 1900000000);
      g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
      g_auto(GStrv) lines_c = g_strsplit (c, "\n", -1);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (g_strv_length (lines_a), ==, g_strv_length (lines_c));
      for (guint i = 0; lines_a[i] != NULL; i++)
        if (!g_str_has_prefix (lines_a[i], "DTSTAMP:"))
          g_assert_cmpstr (lines_a[i], ==, lines_c[i]);
      g_object_unref (plans[p]);
    }
}

/* The process's peak resident memory so far, in KiB. */
static long
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* A GOutputStream that counts what it is given and keeps nothing; full (as a disk is) past
 * @room bytes when that is not 0. */
typedef struct { GOutputStream parent; gsize written; guint writes; gsize room; } CountingStream;
typedef struct { GOutputStreamClass parent; } CountingStreamClass;
static GType counting_stream_get_type (void);
G_DEFINE_TYPE (CountingStream, counting_stream, G_TYPE_OUTPUT_STREAM)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CountingStream, g_object_unref)

static gssize
counting_write (GOutputStream *stream, const void *buffer, gsize count, GCancellable *cancellable, GError **error)
{
  CountingStream *self = (CountingStream *) stream;

  if (self->room != 0 && self->written + count > self->room)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }
  self->written += count;
  self->writes++;
  return (gssize) count;
}

static void
counting_stream_class_init (CountingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = counting_write;
}

static void
counting_stream_init (CountingStream *self)
{
}

/* 30,000 calendar entries are written one event at a time: the calendar is never held in
 * memory whole (it took 6.2 GB for a million), so the peak memory does not grow with the
 * export; what is written is what pl_ical_write() gives. */
static void
test_streamed (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CountingStream) out = g_object_new (counting_stream_get_type (), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = NULL;
  long before;

  for (guint i = 0; i < 30000; i++)
    {
      PlItem *entry = g_object_new (PL_TYPE_ENTRY, NULL);
      char id[32];

      g_snprintf (id, sizeof id, "e%u", i);
      pl_item_set_id (entry, id);
      pl_item_set_string (entry, PL_ENTRY_TITLE, "A milestone with a title of some length");
      pl_item_set_string (entry, PL_ENTRY_NOTE, "Agenda, owners and the deck to bring to the meeting.");
      pl_item_set_julian (entry, PL_ENTRY_START, pl_plan_get_start (plan) + i % 300);
      g_ptr_array_add (entries, entry);
    }
  pl_plan_append_loaded (plan, PL_COLLECTION_CALENDAR, entries);
  before = peak_kib ();
  g_assert_true (pl_ical_write_stream (plan, 1800000000, G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
  /* A write per event, and about 300 bytes each: 9 MB that were never in memory at once
   * (built whole, they took some 190 MB). */
  g_assert_cmpuint (out->writes, >, 30000);
  g_assert_cmpuint (out->written, >, 30000 * 250);
#ifndef __SANITIZE_ADDRESS__
  /* AddressSanitizer keeps freed memory aside (its quarantine) by design: the peak is only
   * measured without it. */
  g_assert_cmpint (peak_kib () - before, <, 16 * 1024);
#else
  (void) before;
#endif
  whole = pl_ical_write (plan, 1800000000);
  g_assert_cmpuint (strlen (whole), ==, out->written);

  /* A disk that fills up stops the export at once, with the reason. */
  {
    g_autoptr(CountingStream) full = g_object_new (counting_stream_get_type (), NULL);

    full->room = 10000;
    g_assert_false (pl_ical_write_stream (plan, 1800000000, G_OUTPUT_STREAM (full), NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_assert_cmpuint (full->writes, <, 100);
  }
}

/* Texts that the escaping and folding of RFC 5545 must get right. */
static const char *tricky_texts[] = {
  "",
  "Plain",
  "Commas, semicolons; colons: and back\\slashes\\",
  "Line one\nLine two\r\nLine three\rend\n",
  "Tab\there, backspace\b, form feed\f, \x01 and \x7f",
  "\\n is not a newline, \\; nor \\, an escape",
  "“Quoted” \"twice\" and 'once'",
  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
  "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé",
  "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€",
  "𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞",
  "aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞aé€𝄞",
  "Words of an ordinary length that run on past the seventy-five octets of a line, "
  "and on again, so that the line is folded twice or three times by the writer",
  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\\\\\\\\\\\",
  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,,,,,,;;;;;;\n\n\n\n\n\n",
};

/* A text of pieces from the list below, drawn from @rand: separators, escapes and characters of
 * every UTF-8 length, in runs that put them on either side of a fold. */
static char *
random_text (GRand *rand)
{
  static const char *pieces[] = {
    "a", "b", "xxxxxxxxxx", " ", ",", ";", ":", "\\", "\n", "\r", "\t", "\b", "\f", "\x01",
    "é", "€", "𝄞", "\"", "=", "-", "@", "\\n", "éé", "€€€",
  };
  GString *text = g_string_new (NULL);
  guint n = (guint) g_rand_int_range (rand, 0, 120);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (text, FALSE);
}

/* A plan whose every text is one of tricky_texts or of @n_random random ones, with campaigns,
 * members, segments and calendar entries of every cadence on the days RRULE treats apart. */
static PlPlan *
tricky_plan (const char *title, guint n_random)
{
  PlPlan *plan = pl_plan_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270101);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  static const int starts[][3] = {
    { 2027, 1, 31 }, { 2027, 1, 28 }, { 2027, 1, 29 }, { 2027, 1, 30 }, { 2027, 3, 15 },
    { 2024, 2, 29 }, { 2027, 2, 28 }, { 2027, 12, 31 }, { 2026, 11, 30 }, { 2027, 6, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tricky_texts); i++)
    g_ptr_array_add (texts, g_strdup (tricky_texts[i]));
  for (guint i = 0; i < n_random; i++)
    g_ptr_array_add (texts, random_text (rand));
  pl_item_set_string (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_TITLE, title);
  pl_item_set_julian (PL_ITEM (pl_plan_get_metadata (plan)), PL_METADATA_START, day (2027, 1, 1));
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = texts->pdata[i];
      const char *other = texts->pdata[(i + 1) % texts->len];
      g_autoptr(PlItem) member = g_object_new (PL_TYPE_MEMBER, NULL);
      g_autoptr(PlItem) segment = g_object_new (PL_TYPE_SEGMENT, NULL);
      g_autoptr(PlItem) campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      g_autoptr(PlItem) entry = g_object_new (PL_TYPE_ENTRY, NULL);
      const int *start = starts[i % G_N_ELEMENTS (starts)];
      guint32 first = day (start[0], start[1], start[2]);
      char id[32];

      g_snprintf (id, sizeof id, "member-%u", i);
      pl_item_set_id (member, id);
      pl_item_set_string (member, PL_MEMBER_NAME, text);
      pl_plan_add (plan, member);
      g_snprintf (id, sizeof id, "segment-%u", i);
      pl_item_set_id (segment, id);
      pl_item_set_string (segment, PL_SEGMENT_NAME, other);
      pl_plan_add (plan, segment);

      g_snprintf (id, sizeof id, "campaign-%u", i);
      pl_item_set_id (campaign, id);
      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, i % 7 == 3 ? NULL : text);
      pl_item_set_string (campaign, PL_CAMPAIGN_CHANNEL, other);
      if (i % 3 != 1)
        pl_item_set_string (campaign, PL_CAMPAIGN_SEGMENT, pl_item_get_id (segment));
      if (i % 4 != 2)
        pl_item_set_string (campaign, PL_CAMPAIGN_OWNER, pl_item_get_id (member));
      if (i % 2 == 0)
        pl_item_set_string (campaign, PL_CAMPAIGN_PROBLEM, other);
      if (i % 5 != 0)
        pl_item_set_string (campaign, PL_CAMPAIGN_SUCCESS, text);
      pl_item_set_julian (campaign, PL_CAMPAIGN_START, i % 11 == 5 ? 0 : first);
      pl_item_set_julian (campaign, PL_CAMPAIGN_END, first + (i % 6) * 9);
      pl_plan_add (plan, campaign);

      g_snprintf (id, sizeof id, "entry-%u", i);
      pl_item_set_id (entry, id);
      pl_item_set_string (entry, PL_ENTRY_TITLE, i % 9 == 4 ? NULL : text);
      pl_item_set_string (entry, PL_ENTRY_NOTE, i % 3 == 0 ? NULL : other);
      pl_item_set_int (entry, PL_ENTRY_KIND, (int) (i % 3));
      pl_item_set_int (entry, PL_ENTRY_CADENCE, (int) (i % 6));
      pl_item_set_julian (entry, PL_ENTRY_START, first);
      pl_item_set_julian (entry, PL_ENTRY_END, i % 4 == 0 ? 0 : first + i % 3);
      if (i % 2 == 1)
        pl_item_set_string (entry, PL_ENTRY_CAMPAIGN, pl_item_get_id (campaign));
      pl_plan_add (plan, entry);
      {
        g_autoptr(GArray) days = pl_calendar_occurrences (plan, entry, first, first + 800);

        if (i % 5 == 1)
          pl_calendar_apply_skip (plan, entry, first, NULL);
        if (days->len > 1 && i % 2 == 0)
          pl_calendar_apply_skip (plan, entry, g_array_index (days, guint32, 1), NULL);
        if (days->len > 2)
          pl_calendar_apply_move (plan, entry, g_array_index (days, guint32, 2), g_array_index (days, guint32, 2) + 2, NULL);
        if (days->len > 3 && i % 3 != 2)
          pl_calendar_apply_move (plan, entry, g_array_index (days, guint32, days->len - 1),
                                  g_array_index (days, guint32, days->len - 1) + 1, NULL);
      }
    }
  return plan;
}

/* ---- the same bytes as libical ---- */

static struct icaltimetype
all_day (guint32 julian)
{
  GDate date;
  struct icaltimetype time = icaltime_null_date ();

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  time.year = g_date_get_year (&date);
  time.month = g_date_get_month (&date);
  time.day = g_date_get_day (&date);
  time.is_date = 1;
  return time;
}

static struct icalrecurrencetype
libical_rule (const PlIcalRule *rule)
{
  struct icalrecurrencetype recurrence;

  icalrecurrencetype_clear (&recurrence);
  recurrence.freq = rule->freq == PL_ICAL_WEEKLY ? ICAL_WEEKLY_RECURRENCE
                  : rule->freq == PL_ICAL_YEARLY ? ICAL_YEARLY_RECURRENCE : ICAL_MONTHLY_RECURRENCE;
  recurrence.interval = (short) rule->interval;
  recurrence.until = all_day (rule->until);
  for (guint i = 0; i < rule->n_month_days; i++)
    recurrence.by_month_day[i] = rule->month_days[i];
  recurrence.by_month_day[rule->n_month_days] = ICAL_RECURRENCE_ARRAY_MAX;
  if (rule->month != 0)
    {
      recurrence.by_month[0] = (short) rule->month;
      recurrence.by_month[1] = ICAL_RECURRENCE_ARRAY_MAX;
    }
  if (rule->last)
    {
      recurrence.by_set_pos[0] = -1;
      recurrence.by_set_pos[1] = ICAL_RECURRENCE_ARRAY_MAX;
    }
  return recurrence;
}

/* What libical writes for one property; freed by the caller. */
static char *
libical_line (icalproperty *property)
{
  char *text = icalproperty_as_ical_string_r (property);
  char *copy = g_strdup (text);

  free (text);
  icalproperty_free (property);
  return copy;
}

static icalproperty *
libical_x (const char *name, const char *value)
{
  icalproperty *property = icalproperty_new_x (value);

  icalproperty_set_x_name (property, name);
  return property;
}

/* Our line for a property, and libical's, are the same bytes. */
static void
assert_same_line (GString *ours, icalproperty *property)
{
  g_autofree char *theirs = libical_line (property);

  g_assert_cmpstr (ours->str, ==, theirs);
  g_string_truncate (ours, 0);
}

/* Each text in every property that carries one, folded and escaped as libical does. */
static void
test_same_lines (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  g_autoptr(GString) ours = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tricky_texts) + 5000; i++)
    {
      g_autofree char *random = i >= G_N_ELEMENTS (tricky_texts) ? random_text (rand) : NULL;
      const char *text = random != NULL ? random : tricky_texts[i];

      pl_ical_append_text (ours, "SUMMARY", text, PL_ICAL_TEXT);
      assert_same_line (ours, icalproperty_new_summary (text));
      pl_ical_append_text (ours, "DESCRIPTION", text, PL_ICAL_TEXT);
      assert_same_line (ours, icalproperty_new_description (text));
      pl_ical_append_text (ours, "UID", text, PL_ICAL_TEXT);
      assert_same_line (ours, icalproperty_new_uid (text));
      pl_ical_append_text (ours, "CATEGORIES", text, PL_ICAL_LIST);
      assert_same_line (ours, icalproperty_new_categories (text));
      pl_ical_append_text (ours, "X-WR-CALNAME", text, PL_ICAL_LIST);
      assert_same_line (ours, libical_x ("X-WR-CALNAME", text));
    }
  /* Days a few apart, over the years libical writes as dates: it wrote 1 January of year 1
   * without VALUE=DATE, and every day past 3000 as "00000000T000000", which is no date (the
   * export writes those days as they are). */
  for (guint32 julian = day (1, 1, 2); julian <= day (3000, 12, 31); julian += 37)
    {
      pl_ical_append_date (ours, "DTSTART", julian);
      assert_same_line (ours, icalproperty_new_dtstart (all_day (julian)));
      pl_ical_append_date (ours, "RECURRENCE-ID", julian);
      assert_same_line (ours, icalproperty_new_recurrenceid (all_day (julian)));
    }
  for (gint64 stamp = 0; stamp < G_GINT64_CONSTANT (32503680000); stamp += 99999937)
    {
      pl_ical_append_stamp (ours, stamp);
      assert_same_line (ours, icalproperty_new_dtstamp (icaltime_from_timet_with_zone ((time_t) stamp, 0,
                                                                                       icaltimezone_get_utc_timezone ())));
    }
  for (PlIcalFrequency freq = PL_ICAL_WEEKLY; freq <= PL_ICAL_YEARLY; freq++)
    for (guint n = 0; n <= 4; n++)
      {
        PlIcalRule rule = { freq, 1 + 2 * (n % 2), day (2027, 12, 31), { 28, 29, 30, 31 }, n, n % 3 == 1 ? 2 : 0, n > 0 };
        struct icalrecurrencetype recurrence = libical_rule (&rule);

        pl_ical_append_rule (ours, &rule);
        assert_same_line (ours, icalproperty_new_rrule (recurrence));
      }
}

/* Writes each event with libical, as the export did before issue 19. */
typedef struct {
  GString            *text;
  struct icaltimetype stamp;
} LibicalCalendar;

static gboolean
libical_event (const PlIcalEvent *event, gpointer user_data)
{
  LibicalCalendar *calendar = user_data;
  icalcomponent *component = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  char *text;

  icalcomponent_add_property (component, icalproperty_new_uid (event->uid));
  icalcomponent_add_property (component, icalproperty_new_dtstamp (calendar->stamp));
  icalcomponent_add_property (component, icalproperty_new_summary (event->summary));
  icalcomponent_add_property (component, icalproperty_new_dtstart (all_day (event->start)));
  icalcomponent_add_property (component, icalproperty_new_dtend (all_day (event->end)));
  icalcomponent_add_property (component, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  for (guint i = 0; i < G_N_ELEMENTS (event->categories); i++)
    if (event->categories[i] != NULL)
      icalcomponent_add_property (component, icalproperty_new_categories (event->categories[i]));
  if (event->description != NULL)
    icalcomponent_add_property (component, icalproperty_new_description (event->description));
  if (event->rule.freq != PL_ICAL_ONCE)
    icalcomponent_add_property (component, icalproperty_new_rrule (libical_rule (&event->rule)));
  for (guint i = 0; i < event->n_exdates; i++)
    icalcomponent_add_property (component, icalproperty_new_exdate (all_day (event->exdates[i])));
  if (event->recurrence_id != 0)
    icalcomponent_add_property (component, icalproperty_new_recurrenceid (all_day (event->recurrence_id)));
  text = icalcomponent_as_ical_string_r (component);
  g_string_append (calendar->text, text);
  free (text);
  icalcomponent_free (component);
  return TRUE;
}

static char *
libical_calendar (PlPlan *plan, gint64 stamp)
{
  icalcomponent *frame = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  const char *title = pl_plan_get_title (plan);
  LibicalCalendar calendar = { g_string_new (NULL), icaltime_from_timet_with_zone ((time_t) stamp, 0,
                                                                                   icaltimezone_get_utc_timezone ()) };
  char *text;

  icalcomponent_add_property (frame, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (frame, icalproperty_new_prodid ("-//Pilote//Marketing plan//EN"));
  icalcomponent_add_property (frame, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (frame, libical_x ("X-WR-CALNAME", title != NULL ? title : ""));
  text = icalcomponent_as_ical_string_r (frame);
  icalcomponent_free (frame);
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_string_append_len (calendar.text, text, (gssize) (strlen (text) - strlen ("END:VCALENDAR\r\n")));
  free (text);
  pl_ical_walk (plan, libical_event, &calendar);
  g_string_append (calendar.text, "END:VCALENDAR\r\n");
  return g_string_free (calendar.text, FALSE);
}

/* The whole file, frame and events, is the one libical writes: for the example, for series
 * with skipped and moved occurrences, and for plans whose every text is a trap. */
static void
test_same_as_libical (void)
{
  PlPlan *plans[] = {
    example (),
    occurrences_plan (),
    tricky_plan ("Plan, 2027; the big one\\ with a long title that goes on past the fold €€€", 300),
    tricky_plan ("", 20),
  };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    {
      g_autofree char *ours = pl_ical_write (plans[p], 1800000000);
      g_autofree char *theirs = libical_calendar (plans[p], 1800000000);

      g_assert_cmpuint (strlen (ours), >, 1000);
      g_assert_cmpstr (ours, ==, theirs);
      g_object_unref (plans[p]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ical/round-trip", test_round_trip);
  g_test_add_func ("/ical/occurrences", test_occurrences);
  g_test_add_func ("/ical/stable", test_stable);
  g_test_add_func ("/ical/streamed", test_streamed);
  g_test_add_func ("/ical/same-lines", test_same_lines);
  g_test_add_func ("/ical/same-as-libical", test_same_as_libical);
  return g_test_run ();
}
