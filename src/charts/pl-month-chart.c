/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-month-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-calendar.h"
#include "pl-chart-draw.h"
#include "pl-enums.h"
#include "pl-campaign-paint.h"
#include "pl-month-chart.h"

#define HEADER_H 24.0
#define DAY_H    20.0   /* the day's number at the top of its cell */
#define BAR_H    17.0
#define BAR_GAP  2.0

/* The first day of the locale's week on or before the first of the month: the grid's first day. */
static guint32
grid_start (guint32 month)
{
  GDate date;
  g_date_set_julian (&date, month);
  return month - (g_date_get_weekday (&date) + 7 - pl_calendar_first_weekday ()) % 7;
}

static guint32
month_after (guint32 month)
{
  GDate date;
  g_date_set_julian (&date, month);
  g_date_add_months (&date, 1);
  return g_date_get_julian (&date);
}

/* How many bar rows a week shows: the last is kept for "+N more". */
static guint
lanes_in_week (double week_h)
{
  return (guint) MAX (0, (week_h - DAY_H - BAR_H) / (BAR_H + BAR_GAP));
}

guint
pl_month_chart_weeks (guint32 month)
{
  return (month_after (month) - grid_start (month) + 6) / 7;
}

static void
add_span (GArray *bars, PlItem *item, guint32 start, guint32 end, guint32 first, guint n_weeks)
{
  for (guint week = 0; week < n_weeks; week++)
    {
      guint32 from = first + 7 * week, to = from + 6;
      PlMonthBar bar = { item, MAX (start, from), MIN (end, to), week, 0 };

      if (start <= to && end >= from)
        g_array_append_val (bars, bar);
    }
}

static int
by_week_then_start (gconstpointer a, gconstpointer b)
{
  const PlMonthBar *x = a, *y = b;

  if (x->week != y->week)
    return x->week < y->week ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* Longer bars first: they are the ones worth keeping in view. */
  return x->end > y->end ? -1 : x->end < y->end ? 1 : 0;
}

GArray *
pl_month_chart_bars (PlPlan *plan, guint32 month)
{
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (PlMonthBar));
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
  guint32 first = grid_start (month);
  guint n_weeks = pl_month_chart_weeks (month);
  guint32 last = first + 7 * n_weeks;

  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      guint32 start = pl_item_get_julian (campaign, PL_CAMPAIGN_START), end = pl_item_get_julian (campaign, PL_CAMPAIGN_END);

      if (start != 0)
        add_span (bars, campaign, start, MAX (end, start), first, n_weeks);
    }
  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
      g_autoptr(GArray) days = pl_calendar_occurrences (plan, entry, first, last);

      for (guint d = 0; d < days->len; d++)
        add_span (bars, entry, g_array_index (days, guint32, d), g_array_index (days, guint32, d), first, n_weeks);
    }
  g_array_sort (bars, by_week_then_start);
  /* Each bar takes the first row of its week free over all its days. */
  {
    g_autoptr(GArray) busy_until = g_array_new (FALSE, TRUE, sizeof (guint32));
    guint week = G_MAXUINT;

    for (guint b = 0; b < bars->len; b++)
      {
        PlMonthBar *bar = &g_array_index (bars, PlMonthBar, b);
        guint lane = 0;

        if (bar->week != week)
          {
            week = bar->week;
            g_array_set_size (busy_until, 0);
          }
        while (lane < busy_until->len && g_array_index (busy_until, guint32, lane) >= bar->start)
          lane++;
        if (lane == busy_until->len)
          g_array_set_size (busy_until, lane + 1);
        g_array_index (busy_until, guint32, lane) = bar->end;
        bar->lane = lane;
      }
  }
  return bars;
}

gboolean
pl_month_chart_bar_rect (const PlMonthBar *bar, guint32 month, guint n_weeks, double width, double height, double *x,
                         double *y, double *w, double *h)
{
  double day_w = width / 7, week_h = (height - HEADER_H) / MAX (n_weeks, 1);
  guint32 first = grid_start (month) + 7 * bar->week;
  guint lanes = lanes_in_week (week_h);

  *x = day_w * (bar->start - first) + 2;
  *w = day_w * (bar->end - bar->start + 1) - 4;
  *y = HEADER_H + week_h * bar->week + DAY_H + bar->lane * (BAR_H + BAR_GAP);
  *h = BAR_H;
  return bar->lane < lanes;
}

static const PlColor *
mark_color (const PlChartStyle *style, PlItem *entry)
{
  return pl_item_get_int (entry, PL_ENTRY_KIND) == PL_ENTRY_REVIEW ? &style->warning : &style->text;
}

guint32
pl_month_chart_day_at (guint32 month, double width, double height, double x, double y)
{
  guint n_weeks = pl_month_chart_weeks (month);
  double day_w = width / 7, week_h = (height - HEADER_H) / n_weeks;
  int column = (int) floor (x / day_w), week = (int) floor ((y - HEADER_H) / week_h);

  if (y < HEADER_H || column < 0 || column > 6 || week < 0 || week >= (int) n_weeks)
    return 0;
  return grid_start (month) + 7 * (guint) week + (guint) column;
}

int
pl_month_chart_bar_at (GArray *bars, guint32 month, double width, double height, double x, double y)
{
  guint n_weeks = pl_month_chart_weeks (month);

  for (guint b = 0; b < bars->len; b++)
    {
      double bx, by, bw, bh;
      if (pl_month_chart_bar_rect (&g_array_index (bars, PlMonthBar, b), month, n_weeks, width, height, &bx, &by, &bw, &bh) &&
          x >= bx && x < bx + bw && y >= by && y < by + bh)
        return (int) b;
    }
  return -1;
}

/* How many of @day's bars do not fit in its week. */
static guint
hidden_on (GArray *bars, guint32 day, guint lanes)
{
  guint hidden = 0;

  for (guint b = 0; b < bars->len; b++)
    {
      const PlMonthBar *bar = &g_array_index (bars, PlMonthBar, b);
      if (bar->lane >= lanes && bar->start <= day && bar->end >= day)
        hidden++;
    }
  return hidden;
}

gboolean
pl_month_chart_more_at (GArray *bars, guint32 month, double width, double height, double x, double y, guint32 *day)
{
  guint n_weeks = pl_month_chart_weeks (month);
  double week_h = (height - HEADER_H) / n_weeks;
  guint32 found = pl_month_chart_day_at (month, width, height, x, y);
  double bottom;

  if (found == 0)
    return FALSE;
  bottom = HEADER_H + week_h * ((found - grid_start (month)) / 7 + 1);
  if (y < bottom - BAR_H || hidden_on (bars, found, lanes_in_week (week_h)) == 0)
    return FALSE;
  *day = found;
  return TRUE;
}

GPtrArray *
pl_month_chart_items_on (GArray *bars, guint32 day)
{
  g_autoptr(GArray) on_day = g_array_new (FALSE, FALSE, sizeof (PlMonthBar));
  GPtrArray *items = g_ptr_array_new ();

  for (guint b = 0; b < bars->len; b++)
    if (g_array_index (bars, PlMonthBar, b).start <= day && g_array_index (bars, PlMonthBar, b).end >= day)
      g_array_append_val (on_day, g_array_index (bars, PlMonthBar, b));
  /* Row order, as the grid shows them. */
  for (guint lane = 0, left = on_day->len; left > 0; lane++)
    for (guint b = 0; b < on_day->len; b++)
      if (g_array_index (on_day, PlMonthBar, b).lane == lane)
        {
          g_ptr_array_add (items, g_array_index (on_day, PlMonthBar, b).item);
          left--;
        }
  return items;
}

/* The summary of the month starting @month, @n_bars items on its grid. */
static char **
sentences_of (guint32 month, guint n_bars)
{
  GDate date;
  char name[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, month);
  g_date_strftime (name, sizeof name, "%B %Y", &date);
  return pl_chart_sentence (g_strdup_printf (ngettext ("%s: %u item on the calendar.", "%s: %u items on the calendar.",
                                                       n_bars),
                                             name, n_bars));
}

char **
pl_month_chart_sentences (PlPlan *plan, guint32 month)
{
  g_autoptr(GArray) bars = pl_month_chart_bars (plan, month);

  return sentences_of (month, bars->len);
}

char *
pl_month_chart_draw (PlPlan *plan, const PlMonthOptions *options, cairo_t *cr, double width, double height,
                     const PlChartStyle *style)
{
  guint32 month = options->month;
  g_autoptr(GArray) bars = pl_month_chart_bars (plan, month);
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 11);
  g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, 10);
  guint n_weeks = pl_month_chart_weeks (month);
  guint32 first = grid_start (month), next = month_after (month);
  double day_w = width / 7, week_h = (height - HEADER_H) / n_weeks;
  g_autofree guint *hidden = g_new0 (guint, 7 * n_weeks);
  GDate date;
  char name[64];

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  for (guint d = 0; d < 7; d++)
    {
      g_date_set_julian (&date, first + d);
      g_date_strftime (name, sizeof name, "%a", &date);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_axis_label (cr, text, name, day_w * d, 4, day_w, PANGO_ALIGN_CENTER);
    }
  for (guint cell = 0; cell < 7 * n_weeks; cell++)
    {
      guint32 day = first + cell;
      double x = day_w * (cell % 7), y = HEADER_H + week_h * (cell / 7);
      g_autofree char *number = NULL;

      g_date_set_julian (&date, day);
      number = g_strdup_printf ("%u", g_date_get_day (&date));
      /* Days of the months around are shaded and dimmed. */
      if (day < month || day >= next)
        {
          pl_chart_set_color (cr, &style->surface, 1);
          cairo_rectangle (cr, x, y, day_w, week_h);
          cairo_fill (cr);
        }
      if (options->highlight_from != 0 && day >= MIN (options->highlight_from, options->highlight_to) &&
          day <= MAX (options->highlight_from, options->highlight_to))
        {
          pl_chart_set_color (cr, pl_chart_series_color (style, 0), 0.18);
          cairo_rectangle (cr, x, y, day_w, week_h);
          cairo_fill (cr);
        }
      pl_chart_set_color (cr, &style->muted, 0.3);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, floor (x) + 0.5, floor (y) + 0.5, day_w, week_h);
      cairo_stroke (cr);
      pl_chart_set_color (cr, day < month || day >= next ? &style->muted : &style->text, 1);
      pl_chart_text (cr, small, number, x + 4, y + 3, day_w - 8, PANGO_ALIGN_LEFT);
    }
  for (guint b = 0; b < bars->len; b++)
    {
      const PlMonthBar *bar = &g_array_index (bars, PlMonthBar, b);
      const char *title = PL_IS_CAMPAIGN (bar->item) ? pl_item_get_string (bar->item, PL_CAMPAIGN_NAME)
                                                      : pl_item_get_string (bar->item, PL_ENTRY_TITLE);
      double x, y, w, h;

      if (!pl_month_chart_bar_rect (bar, month, n_weeks, width, height, &x, &y, &w, &h))
        {
          for (guint32 day = bar->start; day <= bar->end; day++)
            hidden[day - first]++;
          continue;
        }
      if (PL_IS_CAMPAIGN (bar->item))
        {
          pl_campaign_paint_bar (options->paint, bar->item, cr, x, y, w, h, style);
          pl_chart_set_color (cr, pl_campaign_paint_text_color (bar->item, style), 1);
          x += pl_campaign_paint_text_inset (bar->item);
          w -= pl_campaign_paint_text_inset (bar->item);
          if (options->warned != NULL && g_hash_table_contains (options->warned, bar->item) && w > 30)
            {
              pl_chart_warning_sign (cr, x + 3, y + 2, h - 4, style);
              pl_chart_set_color (cr, pl_campaign_paint_text_color (bar->item, style), 1);
              x += h - 2;
              w -= h - 2;
            }
        }
      else
        {
          /* Marks: a diamond and the title, not a bar, so they read apart from campaigns. */
          pl_chart_set_color (cr, mark_color (style, bar->item), 1);
          cairo_move_to (cr, x + 5, y + 3);
          cairo_line_to (cr, x + 9, y + h / 2);
          cairo_line_to (cr, x + 5, y + h - 3);
          cairo_line_to (cr, x + 1, y + h / 2);
          cairo_close_path (cr);
          cairo_fill (cr);
          pl_chart_set_color (cr, &style->text, 1);
          x += 10;
          w -= 10;
        }
      pl_chart_text (cr, small, title ? title : "", x + 3, y + 2, w - 6, PANGO_ALIGN_LEFT);
    }
  for (guint cell = 0; cell < 7 * n_weeks; cell++)
    if (hidden[cell] > 0)
      {
        g_autofree char *more = g_strdup_printf (ngettext ("+%u more", "+%u more", hidden[cell]), hidden[cell]);
        double x = day_w * (cell % 7), y = HEADER_H + week_h * (cell / 7 + 1) - BAR_H;
        pl_chart_set_color (cr, &style->muted, 1);
        pl_chart_text (cr, small, more, x + 4, y, day_w - 8, PANGO_ALIGN_LEFT);
      }
  return pl_chart_sentences_join (sentences_of (month, bars->len));
}
