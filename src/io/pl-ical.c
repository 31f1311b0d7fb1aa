/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-ical"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pl-calendar.h"
#include "pl-enums.h"
#include "pl-ical.h"

/* Where the events go: each is written as soon as it is made, then freed, so that memory
 * does not grow with the number of entries. The first failure stops the writing. */
typedef struct {
  GOutputStream *out;
  GCancellable  *cancellable;
  GError       **error;
  gboolean       failed;
} Writer;

static void
write_text (Writer *writer, const char *text, gsize length)
{
  if (!writer->failed &&
      !g_output_stream_write_all (writer->out, text, length, NULL, writer->cancellable, writer->error))
    writer->failed = TRUE;
}

/* Writes @component (a VEVENT) as libical serialises it inside a calendar, and frees it. */
static void
emit (Writer *writer, icalcomponent *component)
{
  char *text = icalcomponent_as_ical_string_r (component);

  write_text (writer, text, strlen (text));
  free (text);
  icalcomponent_free (component);
}

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

static char *
uid_of (PlPlan *plan, PlItem *item)
{
  /* The plan's title keeps two plans' IDs apart in one calendar program. */
  g_autofree char *plan_key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, pl_plan_get_title (plan), -1);

  return g_strdup_printf ("%s-%.12s@pilote", pl_item_get_id (item), plan_key);
}

static icalcomponent *
event (PlPlan *plan, PlItem *item, const char *summary, guint32 start, guint32 end, struct icaltimetype stamp)
{
  icalcomponent *component = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = uid_of (plan, item);

  icalcomponent_add_property (component, icalproperty_new_uid (uid));
  icalcomponent_add_property (component, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (component, icalproperty_new_summary (summary ? summary : ""));
  icalcomponent_add_property (component, icalproperty_new_dtstart (all_day (start)));
  /* All-day events end the day after their last day (RFC 5545, 3.6.1). */
  icalcomponent_add_property (component, icalproperty_new_dtend (all_day ((end > start ? end : start) + 1)));
  icalcomponent_add_property (component, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  return component;
}

static void
add_categories (icalcomponent *component, const char *first, const char *second)
{
  if (first != NULL && *first != '\0')
    icalcomponent_add_property (component, icalproperty_new_categories (first));
  if (second != NULL && *second != '\0')
    icalcomponent_add_property (component, icalproperty_new_categories (second));
}

static void
add_campaign (Writer *writer, PlPlan *plan, PlItem *campaign, struct icaltimetype stamp)
{
  guint32 start = pl_item_get_julian (campaign, PL_CAMPAIGN_START), end = pl_item_get_julian (campaign, PL_CAMPAIGN_END);
  PlItem *segment = pl_plan_lookup (plan, pl_item_get_string (campaign, PL_CAMPAIGN_SEGMENT));
  PlItem *owner = pl_plan_lookup (plan, pl_item_get_string (campaign, PL_CAMPAIGN_OWNER));
  g_autoptr(GString) description = g_string_new (NULL);
  const char *success = pl_item_get_string (campaign, PL_CAMPAIGN_SUCCESS);
  const char *problem = pl_item_get_string (campaign, PL_CAMPAIGN_PROBLEM);
  icalcomponent *component;

  if (start == 0)
    return;
  component = event (plan, campaign, pl_item_get_string (campaign, PL_CAMPAIGN_NAME), start, end, stamp);
  add_categories (component, pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL),
                  segment ? pl_item_get_display_name (segment) : NULL);
  if (owner != NULL)
    g_string_append_printf (description, _("Owner: %s\n"), pl_item_get_display_name (owner));
  if (problem != NULL)
    g_string_append_printf (description, _("Problem: %s\n"), problem);
  if (success != NULL)
    g_string_append_printf (description, _("Success looks like: %s\n"), success);
  if (description->len > 0)
    icalcomponent_add_property (component, icalproperty_new_description (description->str));
  emit (writer, component);
}

/* The RRULE of a cadence, up to @until. The plan holds a monthly series started on the 29th to
 * 31st on the last day of shorter months (pl_calendar_occurrences()), where a plain rule would
 * leave those months out (RFC 5545, 3.3.10): the rule names every day from the 28th to the
 * start's and keeps the last one the month has. The same for a yearly one on 29 February. */
static icalproperty *
rrule (guint32 start, gint64 cadence, guint32 until)
{
  struct icalrecurrencetype rule;
  GDate date;
  GDateDay day;
  gboolean month_end;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, start);
  day = g_date_get_day (&date);
  icalrecurrencetype_clear (&rule);
  rule.freq = cadence == PL_CADENCE_WEEKLY ? ICAL_WEEKLY_RECURRENCE
            : cadence == PL_CADENCE_YEARLY ? ICAL_YEARLY_RECURRENCE : ICAL_MONTHLY_RECURRENCE;
  rule.interval = cadence == PL_CADENCE_QUARTERLY ? 3 : 1;
  rule.until = all_day (until);
  month_end = cadence == PL_CADENCE_YEARLY ? g_date_get_month (&date) == G_DATE_FEBRUARY && day == 29
                                           : cadence != PL_CADENCE_WEEKLY && day > 28;
  if (month_end)
    {
      for (GDateDay d = 28; d <= day; d++)
        rule.by_month_day[d - 28] = (short) d;
      rule.by_month_day[day - 27] = ICAL_RECURRENCE_ARRAY_MAX;
      rule.by_set_pos[0] = -1;
      rule.by_set_pos[1] = ICAL_RECURRENCE_ARRAY_MAX;
      if (cadence == PL_CADENCE_YEARLY)
        {
          rule.by_month[0] = G_DATE_FEBRUARY;
          rule.by_month[1] = ICAL_RECURRENCE_ARRAY_MAX;
        }
    }
  return icalproperty_new_rrule (rule);
}

/* One event of @entry, on @start to @end. */
static icalcomponent *
entry_event (PlPlan *plan, PlItem *entry, guint32 start, guint32 end, struct icaltimetype stamp)
{
  PlItem *campaign = pl_plan_lookup (plan, pl_item_get_string (entry, PL_ENTRY_CAMPAIGN));
  const char *note = pl_item_get_string (entry, PL_ENTRY_NOTE);
  icalcomponent *component = event (plan, entry, pl_item_get_string (entry, PL_ENTRY_TITLE), start, end, stamp);

  add_categories (component, pl_enum_get_label (PL_TYPE_ENTRY_KIND, (int) pl_item_get_int (entry, PL_ENTRY_KIND)),
                  campaign ? pl_item_get_string (campaign, PL_CAMPAIGN_NAME) : NULL);
  if (note != NULL)
    icalcomponent_add_property (component, icalproperty_new_description (note));
  return component;
}

static void
add_entry (Writer *writer, PlPlan *plan, PlItem *entry, struct icaltimetype stamp)
{
  guint32 start = pl_item_get_julian (entry, PL_ENTRY_START), end = pl_item_get_julian (entry, PL_ENTRY_END);
  gint64 cadence = pl_item_get_int (entry, PL_ENTRY_CADENCE);
  PlItem *campaign = pl_plan_lookup (plan, pl_item_get_string (entry, PL_ENTRY_CAMPAIGN));
  /* Reviews stop with the plan's period. */
  guint32 until = pl_plan_get_end (plan) - 1;
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GArray) moves = NULL;
  guint32 length;
  icalcomponent *component;

  if (start == 0)
    return;
  if (cadence == PL_CADENCE_END_OF_CAMPAIGN)
    {
      /* Held on the campaign's last day: a single event there. */
      guint32 last = campaign ? pl_item_get_julian (campaign, PL_CAMPAIGN_END) : 0;
      start = end = last != 0 ? last : start;
    }
  length = end > start ? end - start : 0;
  skipped = pl_calendar_skipped (plan, entry);
  moves = pl_calendar_moves (plan, entry);
  if (cadence != PL_CADENCE_WEEKLY && cadence != PL_CADENCE_MONTHLY && cadence != PL_CADENCE_QUARTERLY &&
      cadence != PL_CADENCE_YEARLY)
    {
      /* A single occurrence: not there when skipped, on its new day when moved. */
      if (skipped->len > 0)
        return;
      if (moves->len > 0)
        start = g_array_index (moves, PlCalendarMove, 0).day;
      emit (writer, entry_event (plan, entry, start, start + length, stamp));
      return;
    }

  component = entry_event (plan, entry, start, start + length, stamp);
  icalcomponent_add_property (component, rrule (start, cadence, until));
  /* The rule has no occurrence past its end to take out or move. */
  for (guint i = 0; i < skipped->len && g_array_index (skipped, guint32, i) <= until; i++)
    icalcomponent_add_property (component, icalproperty_new_exdate (all_day (g_array_index (skipped, guint32, i))));
  emit (writer, component);
  /* A moved occurrence is an event of its own that takes the place of the one of its date
   * (RFC 5545, 3.8.4.4), so that calendar programs show the series as one. */
  for (guint i = 0; i < moves->len; i++)
    {
      const PlCalendarMove *move = &g_array_index (moves, PlCalendarMove, i);
      icalcomponent *moved;

      if (move->origin > until)
        break;
      moved = entry_event (plan, entry, move->day, move->day + length, stamp);
      icalcomponent_add_property (moved, icalproperty_new_recurrenceid (all_day (move->origin)));
      emit (writer, moved);
    }
}

/* The calendar's own lines before its events ("BEGIN:VCALENDAR" to X-WR-CALNAME) and after
 * them ("END:VCALENDAR"), as libical writes a calendar around its components. */
static void
calendar_frame (PlPlan *plan, char **head, char **tail)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalproperty *title = icalproperty_new_x (pl_plan_get_title (plan));
  char *text, *end;

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Pilote//Marketing plan//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalproperty_set_x_name (title, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, title);
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  end = g_strrstr (text, "END:VCALENDAR");
  g_assert (end != NULL);
  *head = g_strndup (text, (gsize) (end - text));
  *tail = g_strdup (end);
  /* libical's memory is its own. */
  free (text);
}

gboolean
pl_ical_write_stream (PlPlan *plan, gint64 stamp, GOutputStream *out, GCancellable *cancellable, GError **error)
{
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
  struct icaltimetype now = icaltime_from_timet_with_zone (stamp != 0 ? (time_t) stamp : time (NULL), 0,
                                                          icaltimezone_get_utc_timezone ());
  Writer writer = { out, cancellable, error, FALSE };
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan) && G_IS_OUTPUT_STREAM (out), FALSE);
  calendar_frame (plan, &head, &tail);
  write_text (&writer, head, strlen (head));
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n && !writer.failed; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      add_campaign (&writer, plan, campaign, now);
    }
  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n && !writer.failed; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
      add_entry (&writer, plan, entry, now);
    }
  write_text (&writer, tail, strlen (tail));
  return !writer.failed;
}

gboolean
pl_ical_export (PlPlan *plan, GFile *file, GError **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  gboolean existed;

  g_return_val_if_fail (PL_IS_PLAN (plan) && G_IS_FILE (file), FALSE);
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 64 * 1024);
  if (!pl_ical_write_stream (plan, 0, buffered, NULL, error))
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      /* Closed cancelled, GIO does not put the replacement in place; a file that was not
       * there before is written directly, and half a calendar is no use: it goes. */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (buffered, cancelled, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (buffered, NULL, error);
}

char *
pl_ical_write (PlPlan *plan, gint64 stamp)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  /* Memory does not fail but by aborting. */
  pl_ical_write_stream (plan, stamp, out, NULL, NULL);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}
