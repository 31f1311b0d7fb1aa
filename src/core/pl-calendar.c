/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-calendar"
#include "config.h"

#include <langinfo.h>
#include <locale.h>

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-enums.h"
#include "pl-error.h"

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

GDateWeekday
pl_calendar_first_weekday (void)
{
#ifdef __GLIBC__
  const char *time_locale = setlocale (LC_TIME, NULL);
  union { unsigned int word; const char *string; } origin;
  int first, week_start;

  if (time_locale == NULL || g_str_equal (time_locale, "C") || g_str_equal (time_locale, "POSIX") ||
      g_str_has_prefix (time_locale, "C."))
    return G_DATE_MONDAY;
  /* glibc counts from the day of its week origin: 1997-11-30 (a Sunday) or 1997-12-01. */
  first = nl_langinfo (_NL_TIME_FIRST_WEEKDAY)[0];
  origin.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_start = ((origin.word == 19971201 ? 1 : 0) + first - 1) % 7;  /* 0: Sunday */
  return week_start == 0 ? G_DATE_SUNDAY : (GDateWeekday) week_start;
#else
  return G_DATE_MONDAY;
#endif
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

/* The series before any skip or move. */
static GArray *
series (PlPlan *plan, PlItem *entry, guint32 from, guint32 to)
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

static guint
month_number (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return (guint) g_date_get_year (&date) * 12 + (guint) g_date_get_month (&date) - 1;
}

/* pl_calendar_in_series() by arithmetic, since skips and moves are checked on every
 * expansion; without @plan, an "end of campaign" entry is taken to happen on any day. */
static gboolean
in_series (PlPlan *plan, PlItem *entry, guint32 day)
{
  guint32 start = pl_item_get_julian (entry, PL_ENTRY_START);
  guint step, months;

  if (start == 0 || day == 0)
    return FALSE;
  switch (pl_item_get_int (entry, PL_ENTRY_CADENCE))
    {
    case PL_CADENCE_END_OF_CAMPAIGN:
      {
        PlItem *campaign;

        if (plan == NULL)
          return TRUE;
        campaign = pl_plan_lookup (plan, pl_item_get_string (entry, PL_ENTRY_CAMPAIGN));
        return campaign != NULL && pl_item_get_julian (campaign, PL_CAMPAIGN_END) == day;
      }
    case PL_CADENCE_WEEKLY:
      return day >= start && (day - start) % 7 == 0;
    case PL_CADENCE_MONTHLY: step = 1; break;
    case PL_CADENCE_QUARTERLY: step = 3; break;
    case PL_CADENCE_YEARLY: step = 12; break;
    default:
      return day == start;
    }
  if (day < start)
    return FALSE;
  months = month_number (day) - month_number (start);
  return months % step == 0 && add_months (start, months) == day;
}

gboolean
pl_calendar_in_series (PlPlan *plan, PlItem *entry, guint32 day)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (PL_IS_ENTRY (entry), FALSE);
  return in_series (plan, entry, day);
}

/* Reads exactly YYYY-MM-DD, the way plan files write dates. */
static gboolean
parse_day (const char *text, guint32 *julian)
{
  guint values[3] = { 0 };
  const guint widths[3] = { 4, 2, 2 };
  const char *p = text;

  for (guint part = 0; part < 3; part++)
    {
      for (guint i = 0; i < widths[part]; i++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          values[part] = values[part] * 10 + (guint) (*p - '0');
        }
      if (part < 2 && *p++ != '-')
        return FALSE;
    }
  if (values[0] < 1 || !g_date_valid_dmy ((GDateDay) values[2], (GDateMonth) values[1], (GDateYear) values[0]))
    return FALSE;
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, (GDateDay) values[2], (GDateMonth) values[1], (GDateYear) values[0]);
    *julian = g_date_get_julian (&date);
  }
  return TRUE;
}

gboolean
pl_calendar_parse_skip (const char *text, guint32 *origin)
{
  guint32 day;

  if (text == NULL || strlen (text) != 10 || !parse_day (text, &day))
    return FALSE;
  if (origin != NULL)
    *origin = day;
  return TRUE;
}

gboolean
pl_calendar_parse_move (const char *text, guint32 *origin, guint32 *day)
{
  guint32 from, to;

  if (text == NULL || strlen (text) != 21 || text[10] != ' ' || !parse_day (text, &from) ||
      !parse_day (text + 11, &to))
    return FALSE;
  if (origin != NULL)
    *origin = from;
  if (day != NULL)
    *day = to;
  return TRUE;
}

static char *
format_day (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static int
compare_days (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_moves (gconstpointer a, gconstpointer b)
{
  return compare_days (&((const PlCalendarMove *) a)->origin, &((const PlCalendarMove *) b)->origin);
}

/* Whether the ascending @days hold @day. */
static gboolean
has_day (GArray *days, guint32 day)
{
  /* An empty GArray has no data, which bsearch() must not be given. */
  return days->len > 0 && bsearch (&day, days->data, days->len, sizeof (guint32), compare_days) != NULL;
}

static GArray *
read_skipped (PlPlan *plan, PlItem *entry)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char * const *skip = pl_item_get_strv (entry, PL_ENTRY_SKIP);
  guint kept = 0;

  for (guint i = 0; skip != NULL && skip[i] != NULL; i++)
    {
      guint32 origin;

      if (pl_calendar_parse_skip (skip[i], &origin) && in_series (plan, entry, origin))
        g_array_append_val (days, origin);
    }
  g_array_sort (days, compare_days);
  for (guint i = 0; i < days->len; i++)
    if (kept == 0 || g_array_index (days, guint32, i) != g_array_index (days, guint32, kept - 1))
      g_array_index (days, guint32, kept++) = g_array_index (days, guint32, i);
  g_array_set_size (days, kept);
  return days;
}

static GArray *
read_moves (PlPlan *plan, PlItem *entry, GArray *skipped)
{
  GArray *moves = g_array_new (FALSE, FALSE, sizeof (PlCalendarMove));
  const char * const *move = pl_item_get_strv (entry, PL_ENTRY_MOVE);

  for (guint i = 0; move != NULL && move[i] != NULL; i++)
    {
      PlCalendarMove m;
      gboolean again = FALSE;

      if (!pl_calendar_parse_move (move[i], &m.origin, &m.day) || m.day == m.origin ||
          !in_series (plan, entry, m.origin) || has_day (skipped, m.origin))
        continue;
      for (guint j = 0; j < moves->len && !again; j++)
        again = g_array_index (moves, PlCalendarMove, j).origin == m.origin;
      if (!again)
        g_array_append_val (moves, m);
    }
  g_array_sort (moves, compare_moves);
  return moves;
}

GArray *
pl_calendar_skipped (PlPlan *plan, PlItem *entry)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  g_return_val_if_fail (PL_IS_ENTRY (entry), NULL);
  return read_skipped (plan, entry);
}

GArray *
pl_calendar_moves (PlPlan *plan, PlItem *entry)
{
  g_autoptr(GArray) skipped = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan), NULL);
  g_return_val_if_fail (PL_IS_ENTRY (entry), NULL);
  skipped = read_skipped (plan, entry);
  return read_moves (plan, entry, skipped);
}

GArray *
pl_calendar_occurrences (PlPlan *plan, PlItem *entry, guint32 from, guint32 to)
{
  GArray *days = series (plan, entry, from, to);
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GArray) moves = NULL;
  guint kept = 0;

  /* Most entries have neither list: the series as it is. */
  if (!pl_item_field_is_set (entry, PL_ENTRY_SKIP) && !pl_item_field_is_set (entry, PL_ENTRY_MOVE))
    return days;
  skipped = read_skipped (plan, entry);
  moves = read_moves (plan, entry, skipped);
  for (guint i = 0; i < days->len; i++)
    {
      guint32 day = g_array_index (days, guint32, i);
      PlCalendarMove key = { day, 0 };

      if (!has_day (skipped, day) &&
          (moves->len == 0 || bsearch (&key, moves->data, moves->len, sizeof (PlCalendarMove), compare_moves) == NULL))
        g_array_index (days, guint32, kept++) = day;
    }
  g_array_set_size (days, kept);
  /* A moved occurrence shows where it is held, wherever its own date is. */
  for (guint i = 0; i < moves->len; i++)
    {
      guint32 day = g_array_index (moves, PlCalendarMove, i).day;
      if (day >= from && day < to)
        g_array_append_val (days, day);
    }
  g_array_sort (days, compare_days);
  kept = 0;
  for (guint i = 0; i < days->len; i++)
    if (kept == 0 || g_array_index (days, guint32, i) != g_array_index (days, guint32, kept - 1))
      g_array_index (days, guint32, kept++) = g_array_index (days, guint32, i);
  g_array_set_size (days, kept);
  return days;
}

gboolean
pl_calendar_occurrence_origin (PlItem *entry, guint32 day, guint32 *origin)
{
  g_autoptr(GArray) skipped = NULL;
  g_autoptr(GArray) moves = NULL;

  g_return_val_if_fail (PL_IS_ENTRY (entry), FALSE);
  if (origin != NULL)
    *origin = day;
  if (!pl_item_field_is_set (entry, PL_ENTRY_MOVE))
    return FALSE;
  skipped = read_skipped (NULL, entry);
  moves = read_moves (NULL, entry, skipped);
  for (guint i = 0; i < moves->len; i++)
    if (g_array_index (moves, PlCalendarMove, i).day == day)
      {
        if (origin != NULL)
          *origin = g_array_index (moves, PlCalendarMove, i).origin;
        return TRUE;
      }
  return FALSE;
}

/* ---- edits of one occurrence ---- */

/* The values of @field that read, but those whose own date is @origin (0: keep all). */
static GPtrArray *
values_but (PlItem *entry, guint field, guint32 origin)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  const char * const *strv = pl_item_get_strv (entry, field);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      guint32 own;
      gboolean reads = field == PL_ENTRY_SKIP ? pl_calendar_parse_skip (strv[i], &own)
                                              : pl_calendar_parse_move (strv[i], &own, NULL);
      if (reads && (origin == 0 || own != origin))
        g_ptr_array_add (values, g_strdup (strv[i]));
    }
  return values;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A list as stored: sorted (ISO dates sort by date), each value once, NULL when empty. */
static char **
finish_list (GPtrArray *values)
{
  g_ptr_array_sort (values, compare_strings);
  for (guint i = 1; i < values->len;)
    if (strcmp (values->pdata[i], values->pdata[i - 1]) == 0)
      g_ptr_array_remove_index (values, i);
    else
      i++;
  if (values->len == 0)
    {
      g_ptr_array_unref (values);
      return NULL;
    }
  g_ptr_array_add (values, NULL);
  return (char **) g_ptr_array_free (values, FALSE);
}

char **
pl_calendar_skip_occurrence (PlItem *entry, guint32 day)
{
  GPtrArray *values;
  guint32 origin;

  g_return_val_if_fail (PL_IS_ENTRY (entry), NULL);
  pl_calendar_occurrence_origin (entry, day, &origin);
  values = values_but (entry, PL_ENTRY_SKIP, origin);
  g_ptr_array_add (values, format_day (origin));
  return finish_list (values);
}

char **
pl_calendar_unmove_occurrence (PlItem *entry, guint32 day)
{
  guint32 origin;

  g_return_val_if_fail (PL_IS_ENTRY (entry), NULL);
  pl_calendar_occurrence_origin (entry, day, &origin);
  return finish_list (values_but (entry, PL_ENTRY_MOVE, origin));
}

char **
pl_calendar_move_occurrence (PlItem *entry, guint32 day, guint32 to)
{
  GPtrArray *values;
  guint32 origin;

  g_return_val_if_fail (PL_IS_ENTRY (entry), NULL);
  pl_calendar_occurrence_origin (entry, day, &origin);
  values = values_but (entry, PL_ENTRY_MOVE, origin);
  if (to != origin)
    {
      g_autofree char *from_text = format_day (origin);
      g_autofree char *to_text = format_day (to);
      g_ptr_array_add (values, g_strconcat (from_text, " ", to_text, NULL));
    }
  return finish_list (values);
}

char **
pl_calendar_restore_occurrence (PlItem *entry, guint32 origin)
{
  g_return_val_if_fail (PL_IS_ENTRY (entry), NULL);
  return finish_list (values_but (entry, PL_ENTRY_SKIP, origin));
}

char *
pl_calendar_describe_entry (PlItem *entry)
{
  const char *title = pl_item_get_display_name (entry);

  switch (pl_item_get_int (entry, PL_ENTRY_KIND))
    {
    case PL_ENTRY_REVIEW:
      /* Translators: a calendar entry named in a message */
      return g_strdup_printf (_("the review “%s”"), title ? title : "?");
    case PL_ENTRY_ACTIVITY:
      return g_strdup_printf (_("the activity “%s”"), title ? title : "?");
    default:
      return g_strdup_printf (_("the milestone “%s”"), title ? title : "?");
    }
}

static gboolean
happens_on (PlPlan *plan, PlItem *entry, guint32 day)
{
  g_autoptr(GArray) days = pl_calendar_occurrences (plan, entry, day, day + 1);

  return days->len > 0;
}

static gboolean
check_happens (PlPlan *plan, PlItem *entry, guint32 day, GError **error)
{
  g_autofree char *what = NULL;
  g_autofree char *date = NULL;

  if (day != 0 && day < G_MAXUINT32 && happens_on (plan, entry, day))
    return TRUE;
  what = pl_calendar_describe_entry (entry);
  what[0] = g_ascii_toupper (what[0]);
  date = day != 0 && g_date_valid_julian (day) ? format_day (day) : g_strdup ("?");
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("%s does not happen on %s."), what, date);
  return FALSE;
}

/* Sets the lists as one undoable step named @label; the values are taken. */
static gboolean
set_lists (PlPlan *plan, PlItem *entry, const char *label, gboolean set_skip, char **skip,
           gboolean set_move, char **move, GError **error)
{
  g_auto(GStrv) skip_owned = skip;
  g_auto(GStrv) move_owned = move;

  pl_plan_begin_group (plan, label);
  /* A move list refused after the skip list was taken: the skip list goes back too. */
  return pl_plan_finish_group (plan, (!set_skip || pl_plan_set_strv (plan, entry, PL_ENTRY_SKIP, (const char * const *) skip, error)) &&
                                     (!set_move || pl_plan_set_strv (plan, entry, PL_ENTRY_MOVE, (const char * const *) move, error)));
}

/* Whether a value of @field that reads has @origin as its own date. */
static gboolean
lists (PlItem *entry, guint field, guint32 origin)
{
  g_autoptr(GPtrArray) all = values_but (entry, field, 0);
  g_autoptr(GPtrArray) others = values_but (entry, field, origin);

  return others->len < all->len;
}

gboolean
pl_calendar_apply_skip (PlPlan *plan, PlItem *entry, guint32 day, GError **error)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (PL_IS_ENTRY (entry), FALSE);
  if (!check_happens (plan, entry, day, error))
    return FALSE;
  return set_lists (plan, entry, _("Skip the Occurrence"), TRUE, pl_calendar_skip_occurrence (entry, day),
                    TRUE, pl_calendar_unmove_occurrence (entry, day), error);
}

gboolean
pl_calendar_apply_move (PlPlan *plan, PlItem *entry, guint32 day, guint32 to, GError **error)
{
  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (PL_IS_ENTRY (entry), FALSE);
  if (!check_happens (plan, entry, day, error))
    return FALSE;
  if (to == 0 || !g_date_valid_julian (to))
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("The new day is not a valid date."));
      return FALSE;
    }
  if (to == day)
    return TRUE;
  /* Two occurrences on one day would show as one. */
  if (happens_on (plan, entry, to))
    {
      g_autofree char *what = pl_calendar_describe_entry (entry);
      g_autofree char *date = format_day (to);

      what[0] = g_ascii_toupper (what[0]);
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("%s already happens on %s."), what, date);
      return FALSE;
    }
  return set_lists (plan, entry, _("Move the Occurrence"), FALSE, NULL,
                    TRUE, pl_calendar_move_occurrence (entry, day, to), error);
}

gboolean
pl_calendar_apply_restore (PlPlan *plan, PlItem *entry, guint32 origin, GError **error)
{
  gboolean skipped, moved;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (PL_IS_ENTRY (entry), FALSE);
  skipped = origin != 0 && lists (entry, PL_ENTRY_SKIP, origin);
  moved = origin != 0 && lists (entry, PL_ENTRY_MOVE, origin);
  if (!skipped && !moved)
    {
      g_autofree char *what = pl_calendar_describe_entry (entry);
      g_autofree char *date = origin != 0 && g_date_valid_julian (origin) ? format_day (origin) : g_strdup ("?");

      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The occurrence of %s on %s is neither skipped nor moved."), what, date);
      return FALSE;
    }
  return set_lists (plan, entry, _("Restore the Occurrence"),
                    skipped, skipped ? pl_calendar_restore_occurrence (entry, origin) : NULL,
                    moved, moved ? finish_list (values_but (entry, PL_ENTRY_MOVE, origin)) : NULL, error);
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
  /* "segment\x1fchannel" -> the campaigns not stopped, with both dates, met so far */
  g_autoptr(GHashTable) same_reach = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

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
      const char *segment = pl_item_get_string (campaign, PL_CAMPAIGN_SEGMENT);
      const char *channel = pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL);
      gboolean reviewed = FALSE;

      if (pl_item_get_int (campaign, PL_CAMPAIGN_STATUS) == PL_STATUS_STOPPED)
        continue;
      if (end >= period_end)
        warn (warnings, PL_CALENDAR_PAST_PERIOD, campaign, _("The campaign “%s” runs past the end of the fiscal period."), name);
      /* Only campaigns of the same segment and channel can clash: each is compared with the
       * earlier ones of its own pair, in plan order, not with every campaign before it. */
      if (segment != NULL && channel != NULL && start != 0 && end != 0)
        {
          g_autofree char *key = g_strconcat (segment, "\x1f", channel, NULL);
          GPtrArray *earlier = g_hash_table_lookup (same_reach, key);

          for (guint j = 0; earlier != NULL && j < earlier->len; j++)
            {
              PlItem *other = g_ptr_array_index (earlier, j);

              if (start <= pl_item_get_julian (other, PL_CAMPAIGN_END) && pl_item_get_julian (other, PL_CAMPAIGN_START) <= end)
                warn (warnings, PL_CALENDAR_OVERLAP, campaign,
                      _("“%s” and “%s” reach the same segment on the same channel at the same time."),
                      name, pl_item_get_string (other, PL_CAMPAIGN_NAME));
            }
          if (earlier == NULL)
            {
              earlier = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (same_reach, g_steal_pointer (&key), earlier);
            }
          g_ptr_array_add (earlier, g_object_ref (campaign));
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

void
pl_calendar_prepare_review (PlPlan *plan, PlItem *entry)
{
  g_return_if_fail (PL_IS_PLAN (plan));
  g_return_if_fail (PL_IS_ENTRY (entry));
  pl_item_set_int (entry, PL_ENTRY_KIND, PL_ENTRY_REVIEW);
  pl_item_set_int (entry, PL_ENTRY_CADENCE, PL_CADENCE_MONTHLY);
  pl_item_set_string (entry, PL_ENTRY_TITLE, _("Monthly review"));
  pl_item_set_julian (entry, PL_ENTRY_START, pl_plan_get_start (plan));
}
