/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-ical"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "pl-calendar.h"
#include "pl-enums.h"
#include "pl-ical.h"
#include "pl-ical-event.h"
#include "pl-ical-lines.h"

/* ---- the events of a plan ---- */

typedef struct {
  PlPlan          *plan;
  PlIcalEventFunc  func;
  gpointer         user_data;
  gboolean         stopped;
  char             plan_key[13];
  GString         *uid;
  GString         *description;
  const char      *kind_labels[8];  /* an entry kind's category, looked up once */
} Walk;

static void
emit (Walk *walk, PlItem *item, PlIcalEvent *event)
{
  const char *id = pl_item_get_id (item);

  g_string_truncate (walk->uid, 0);
  g_string_append (walk->uid, id != NULL ? id : "(null)");
  g_string_append_c (walk->uid, '-');
  g_string_append (walk->uid, walk->plan_key);
  g_string_append (walk->uid, "@pilote");
  event->uid = walk->uid->str;
  if (event->summary == NULL)
    event->summary = "";
  for (guint i = 0; i < G_N_ELEMENTS (event->categories); i++)
    if (event->categories[i] != NULL && *event->categories[i] == '\0')
      event->categories[i] = NULL;
  if (!walk->func (event, walk->user_data))
    walk->stopped = TRUE;
}

static void
walk_campaign (Walk *walk, PlItem *campaign)
{
  PlPlan *plan = walk->plan;
  guint32 start = pl_item_get_julian (campaign, PL_CAMPAIGN_START), end = pl_item_get_julian (campaign, PL_CAMPAIGN_END);
  PlItem *segment = pl_plan_lookup (plan, pl_item_get_string (campaign, PL_CAMPAIGN_SEGMENT));
  PlItem *owner = pl_plan_lookup (plan, pl_item_get_string (campaign, PL_CAMPAIGN_OWNER));
  const char *success = pl_item_get_string (campaign, PL_CAMPAIGN_SUCCESS);
  const char *problem = pl_item_get_string (campaign, PL_CAMPAIGN_PROBLEM);
  GString *description = walk->description;
  PlIcalEvent event = { 0 };

  if (start == 0)
    return;
  g_string_truncate (description, 0);
  if (owner != NULL)
    g_string_append_printf (description, _("Owner: %s\n"), pl_item_get_display_name (owner));
  if (problem != NULL)
    g_string_append_printf (description, _("Problem: %s\n"), problem);
  if (success != NULL)
    g_string_append_printf (description, _("Success looks like: %s\n"), success);
  event.summary = pl_item_get_string (campaign, PL_CAMPAIGN_NAME);
  event.start = start;
  /* All-day events end the day after their last day (RFC 5545, 3.6.1). */
  event.end = (end > start ? end : start) + 1;
  event.categories[0] = pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL);
  event.categories[1] = segment ? pl_item_get_display_name (segment) : NULL;
  event.description = description->len > 0 ? description->str : NULL;
  emit (walk, campaign, &event);
}

/* The RRULE of a cadence, up to @until. The plan holds a monthly series started on the 29th to
 * 31st on the last day of shorter months (pl_calendar_occurrences()), where a plain rule would
 * leave those months out (RFC 5545, 3.3.10): the rule names every day from the 28th to the
 * start's and keeps the last one the month has. The same for a yearly one on 29 February. */
static void
make_rule (PlIcalRule *rule, guint32 start, gint64 cadence, guint32 until)
{
  GDate date;
  GDateDay day;
  gboolean month_end;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, start);
  day = g_date_get_day (&date);
  rule->freq = cadence == PL_CADENCE_WEEKLY ? PL_ICAL_WEEKLY
             : cadence == PL_CADENCE_YEARLY ? PL_ICAL_YEARLY : PL_ICAL_MONTHLY;
  rule->interval = cadence == PL_CADENCE_QUARTERLY ? 3 : 1;
  rule->until = until;
  month_end = cadence == PL_CADENCE_YEARLY ? g_date_get_month (&date) == G_DATE_FEBRUARY && day == 29
                                           : cadence != PL_CADENCE_WEEKLY && day > 28;
  if (month_end)
    {
      for (GDateDay d = 28; d <= day; d++)
        rule->month_days[rule->n_month_days++] = (guint8) d;
      rule->last = TRUE;
      if (cadence == PL_CADENCE_YEARLY)
        rule->month = G_DATE_FEBRUARY;
    }
}

static const char *
kind_label (Walk *walk, gint64 kind)
{
  if (kind < 0 || kind >= (gint64) G_N_ELEMENTS (walk->kind_labels))
    return pl_enum_get_label (PL_TYPE_ENTRY_KIND, (int) kind);
  /* Translated once: gettext costs more than writing the event. */
  if (walk->kind_labels[kind] == NULL)
    walk->kind_labels[kind] = pl_enum_get_label (PL_TYPE_ENTRY_KIND, (int) kind);
  return walk->kind_labels[kind];
}

static void
walk_entry (Walk *walk, PlItem *entry)
{
  PlPlan *plan = walk->plan;
  guint32 start = pl_item_get_julian (entry, PL_ENTRY_START), end = pl_item_get_julian (entry, PL_ENTRY_END);
  gint64 cadence = pl_item_get_int (entry, PL_ENTRY_CADENCE);
  PlItem *campaign = pl_plan_lookup (plan, pl_item_get_string (entry, PL_ENTRY_CAMPAIGN));
  /* Reviews stop with the plan's period. */
  guint32 until = pl_plan_get_end (plan) - 1;
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GArray) moves = NULL;
  guint32 length;
  PlIcalEvent event = { 0 };

  if (start == 0)
    return;
  if (cadence == PL_CADENCE_END_OF_CAMPAIGN)
    {
      /* Held on the campaign's last day: a single event there. */
      guint32 last = campaign ? pl_item_get_julian (campaign, PL_CAMPAIGN_END) : 0;
      start = end = last != 0 ? last : start;
    }
  length = end > start ? end - start : 0;
  /* Most entries have neither list: nothing to look for. */
  if (pl_item_field_is_set (entry, PL_ENTRY_SKIP) || pl_item_field_is_set (entry, PL_ENTRY_MOVE))
    {
      skipped = pl_calendar_skipped (plan, entry);
      moves = pl_calendar_moves (plan, entry);
    }
  event.summary = pl_item_get_string (entry, PL_ENTRY_TITLE);
  event.categories[0] = kind_label (walk, pl_item_get_int (entry, PL_ENTRY_KIND));
  event.categories[1] = campaign ? pl_item_get_string (campaign, PL_CAMPAIGN_NAME) : NULL;
  event.description = pl_item_get_string (entry, PL_ENTRY_NOTE);
  if (cadence != PL_CADENCE_WEEKLY && cadence != PL_CADENCE_MONTHLY && cadence != PL_CADENCE_QUARTERLY &&
      cadence != PL_CADENCE_YEARLY)
    {
      /* A single occurrence: not there when skipped, on its new day when moved. */
      if (skipped != NULL && skipped->len > 0)
        return;
      if (moves != NULL && moves->len > 0)
        start = g_array_index (moves, PlCalendarMove, 0).day;
      event.start = start;
      event.end = start + length + 1;
      emit (walk, entry, &event);
      return;
    }

  event.start = start;
  event.end = start + length + 1;
  make_rule (&event.rule, start, cadence, until);
  /* The rule has no occurrence past its end to take out or move. */
  if (skipped != NULL)
    {
      event.exdates = (const guint32 *) skipped->data;
      while (event.n_exdates < skipped->len && event.exdates[event.n_exdates] <= until)
        event.n_exdates++;
    }
  emit (walk, entry, &event);
  /* A moved occurrence is an event of its own that takes the place of the one of its date
   * (RFC 5545, 3.8.4.4), so that calendar programs show the series as one. */
  for (guint i = 0; moves != NULL && i < moves->len && !walk->stopped; i++)
    {
      const PlCalendarMove *move = &g_array_index (moves, PlCalendarMove, i);

      if (move->origin > until)
        break;
      memset (&event.rule, 0, sizeof event.rule);
      event.exdates = NULL;
      event.n_exdates = 0;
      event.start = move->day;
      event.end = move->day + length + 1;
      event.recurrence_id = move->origin;
      emit (walk, entry, &event);
    }
}

void
pl_ical_walk (PlPlan *plan, PlIcalEventFunc func, gpointer user_data)
{
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
  const char *title = pl_plan_get_title (plan);
  g_autofree char *plan_key = NULL;
  Walk walk = { plan, func, user_data, FALSE };

  g_return_if_fail (PL_IS_PLAN (plan) && func != NULL);
  /* The plan's title keeps two plans' IDs apart in one calendar program. */
  plan_key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, title != NULL ? title : "", -1);
  g_strlcpy (walk.plan_key, plan_key, sizeof walk.plan_key);
  walk.uid = g_string_new (NULL);
  walk.description = g_string_new (NULL);
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n && !walk.stopped; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      walk_campaign (&walk, campaign);
    }
  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n && !walk.stopped; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
      walk_entry (&walk, entry);
    }
  g_string_free (walk.uid, TRUE);
  g_string_free (walk.description, TRUE);
}

/* ---- writing them ---- */

/* Where the events go: each is written as soon as it is made, so that memory does not grow
 * with the number of entries. The first failure stops the writing. */
typedef struct {
  GOutputStream *out;
  GCancellable  *cancellable;
  GError       **error;
  gboolean       failed;
  GString       *text;   /* the event being written, one write each */
  GString       *stamp;  /* its DTSTAMP line, the same for all */
} Writer;

static void
write_text (Writer *writer, const char *text, gsize length)
{
  if (!writer->failed &&
      !g_output_stream_write_all (writer->out, text, length, NULL, writer->cancellable, writer->error))
    writer->failed = TRUE;
}

/* Writes @event's VEVENT with its properties in the order libical was given them. */
static gboolean
write_event (const PlIcalEvent *event, gpointer user_data)
{
  Writer *writer = user_data;
  GString *text = writer->text;

  g_string_truncate (text, 0);
  g_string_append (text, "BEGIN:VEVENT\r\n");
  pl_ical_append_text (text, "UID", event->uid, PL_ICAL_TEXT);
  g_string_append_len (text, writer->stamp->str, writer->stamp->len);
  pl_ical_append_text (text, "SUMMARY", event->summary, PL_ICAL_TEXT);
  pl_ical_append_date (text, "DTSTART", event->start);
  pl_ical_append_date (text, "DTEND", event->end);
  g_string_append (text, "TRANSP:TRANSPARENT\r\n");
  for (guint i = 0; i < G_N_ELEMENTS (event->categories); i++)
    if (event->categories[i] != NULL)
      pl_ical_append_text (text, "CATEGORIES", event->categories[i], PL_ICAL_LIST);
  if (event->description != NULL)
    pl_ical_append_text (text, "DESCRIPTION", event->description, PL_ICAL_TEXT);
  if (event->rule.freq != PL_ICAL_ONCE)
    pl_ical_append_rule (text, &event->rule);
  for (guint i = 0; i < event->n_exdates; i++)
    pl_ical_append_date (text, "EXDATE", event->exdates[i]);
  if (event->recurrence_id != 0)
    pl_ical_append_date (text, "RECURRENCE-ID", event->recurrence_id);
  g_string_append (text, "END:VEVENT\r\n");
  write_text (writer, text->str, text->len);
  return !writer->failed;
}

gboolean
pl_ical_write_stream (PlPlan *plan, gint64 stamp, GOutputStream *out, GCancellable *cancellable, GError **error)
{
  const char *title;
  Writer writer = { out, cancellable, error, FALSE };
  g_autoptr(GString) head = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) stamp_line = g_string_new (NULL);

  g_return_val_if_fail (PL_IS_PLAN (plan) && G_IS_OUTPUT_STREAM (out), FALSE);
  title = pl_plan_get_title (plan);
  writer.text = text;
  writer.stamp = stamp_line;
  pl_ical_append_stamp (stamp_line, stamp != 0 ? stamp : (gint64) time (NULL));
  g_string_append (head, "BEGIN:VCALENDAR\r\n"
                         "VERSION:2.0\r\n"
                         "PRODID:-//Pilote//Marketing plan//EN\r\n"
                         "CALSCALE:GREGORIAN\r\n");
  pl_ical_append_text (head, "X-WR-CALNAME", title != NULL ? title : "", PL_ICAL_LIST);
  write_text (&writer, head->str, head->len);
  if (!writer.failed)
    pl_ical_walk (plan, write_event, &writer);
  write_text (&writer, "END:VCALENDAR\r\n", strlen ("END:VCALENDAR\r\n"));
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
