/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-calendar"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-calendar.h"
#include "pl-enums.h"

guint32
pl_calendar_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

/* The day @months after @start, on @start's day of the month or the month's last day. */
static guint32
add_months (guint32 start, guint months)
{
  GDate date;
  GDateDay day;
  GDateMonth month;
  GDateYear year;
  guint total;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, start);
  day = g_date_get_day (&date);
  total = (guint) g_date_get_month (&date) - 1 + months;
  year = (GDateYear) (g_date_get_year (&date) + total / 12);
  month = (GDateMonth) (total % 12 + 1);
  day = MIN (day, g_date_get_days_in_month (month, year));
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

GArray *
pl_calendar_occurrences (PlPlan *plan, PlItem *entry, guint32 from, guint32 to)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 start = pl_item_get_julian (entry, PL_ENTRY_START);
  gint64 cadence = pl_item_get_int (entry, PL_ENTRY_CADENCE);

  if (start == 0)
    return days;
  if (cadence == PL_CADENCE_END_OF_CAMPAIGN)
    {
      PlItem *campaign = pl_plan_lookup (plan, pl_item_get_string (entry, PL_ENTRY_CAMPAIGN));
      guint32 end = campaign ? pl_item_get_julian (campaign, PL_CAMPAIGN_END) : 0;
      if (end >= from && end < to && end != 0)
        g_array_append_val (days, end);
      return days;
    }
  for (guint n = 0;; n++)
    {
      guint32 day;

      switch (cadence)
        {
        case PL_CADENCE_WEEKLY: day = start + 7 * n; break;
        case PL_CADENCE_MONTHLY: day = add_months (start, n); break;
        case PL_CADENCE_QUARTERLY: day = add_months (start, 3 * n); break;
        case PL_CADENCE_YEARLY: day = add_months (start, 12 * n); break;
        default: day = n == 0 ? start : G_MAXUINT32; break;
        }
      if (day >= to)
        break;
      if (day >= from)
        g_array_append_val (days, day);
    }
  return days;
}

void
pl_calendar_warning_free (PlCalendarWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->id);
  g_free (warning->message);
  g_free (warning);
}

G_GNUC_PRINTF (4, 5) static void
warn (GPtrArray *warnings, PlCalendarWarningKind kind, PlItem *item, const char *format, ...)
{
  PlCalendarWarning *warning = g_new0 (PlCalendarWarning, 1);
  va_list args;

  va_start (args, format);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  warning->kind = kind;
  warning->id = g_strdup (pl_item_get_id (item));
  g_ptr_array_add (warnings, warning);
}

/* The last day an item covers: its end, or its start for a single day. */
static guint32
last_day (PlItem *item, guint start_field, guint end_field)
{
  guint32 end = pl_item_get_julian (item, end_field);
  return end != 0 ? end : pl_item_get_julian (item, start_field);
}

GPtrArray *
pl_calendar_warnings (PlPlan *plan)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_calendar_warning_free);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
  guint32 period_end = pl_plan_get_end (plan);
  g_autoptr(GArray) review_days = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
      PlItem *campaign = pl_plan_lookup (plan, pl_item_get_string (entry, PL_ENTRY_CAMPAIGN));
      guint32 start = pl_item_get_julian (entry, PL_ENTRY_START), end = last_day (entry, PL_ENTRY_START, PL_ENTRY_END);

      if (pl_item_get_int (entry, PL_ENTRY_KIND) == PL_ENTRY_REVIEW)
        {
          /* Reviews count for every campaign they fall within, up to a year past the period. */
          g_autoptr(GArray) days = pl_calendar_occurrences (plan, entry, 0, period_end + 366);
          g_array_append_vals (review_days, days->data, days->len);
        }
      if (pl_item_get_int (entry, PL_ENTRY_KIND) == PL_ENTRY_ACTIVITY && campaign != NULL && start != 0)
        {
          guint32 from = pl_item_get_julian (campaign, PL_CAMPAIGN_START), to = pl_item_get_julian (campaign, PL_CAMPAIGN_END);
          if ((from != 0 && start < from) || (to != 0 && end > to))
            warn (warnings, PL_CALENDAR_ACTIVITY_OUTSIDE, entry, _("The activity “%s” falls outside the dates of its campaign “%s”."),
                  pl_item_get_string (entry, PL_ENTRY_TITLE), pl_item_get_string (campaign, PL_CAMPAIGN_NAME));
        }
    }

  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      guint32 start = pl_item_get_julian (campaign, PL_CAMPAIGN_START), end = pl_item_get_julian (campaign, PL_CAMPAIGN_END);
      const char *name = pl_item_get_string (campaign, PL_CAMPAIGN_NAME);
      gboolean reviewed = FALSE;

      if (pl_item_get_int (campaign, PL_CAMPAIGN_STATUS) == PL_STATUS_STOPPED)
        continue;
      if (end >= period_end)
        warn (warnings, PL_CALENDAR_PAST_PERIOD, campaign, _("The campaign “%s” runs past the end of the fiscal period."), name);
      for (guint j = 0; j < i; j++)
        {
          g_autoptr(PlItem) other = g_list_model_get_item (campaigns, j);
          guint32 other_start = pl_item_get_julian (other, PL_CAMPAIGN_START), other_end = pl_item_get_julian (other, PL_CAMPAIGN_END);
          const char *segment = pl_item_get_string (campaign, PL_CAMPAIGN_SEGMENT);
          const char *channel = pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL);

          if (segment != NULL && channel != NULL && start != 0 && end != 0 && other_start != 0 && other_end != 0 &&
              pl_item_get_int (other, PL_CAMPAIGN_STATUS) != PL_STATUS_STOPPED &&
              g_strcmp0 (segment, pl_item_get_string (other, PL_CAMPAIGN_SEGMENT)) == 0 &&
              g_strcmp0 (channel, pl_item_get_string (other, PL_CAMPAIGN_CHANNEL)) == 0 &&
              start <= other_end && other_start <= end)
            warn (warnings, PL_CALENDAR_OVERLAP, campaign,
                  _("“%s” and “%s” reach the same segment on the same channel at the same time."),
                  name, pl_item_get_string (other, PL_CAMPAIGN_NAME));
        }
      for (guint r = 0; r < review_days->len && !reviewed; r++)
        {
          guint32 day = g_array_index (review_days, guint32, r);
          reviewed = day >= start && day <= end;
        }
      if (start != 0 && end != 0 && !reviewed)
        warn (warnings, PL_CALENDAR_NO_REVIEW, campaign, _("No review is planned while “%s” runs."), name);
    }
  return warnings;
}
