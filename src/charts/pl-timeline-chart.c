/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-timeline-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-chart-draw.h"
#include "pl-enums.h"
#include "pl-timeline-chart.h"

/* ---- layout ---- */

/* Borrowed from the plan or static: called once per campaign, so nothing is copied. */
static const char *
lane_name (PlPlan *plan, PlItem *campaign, PlTimelineLanes lanes)
{
  PlItem *ref;
  const char *channel;

  switch (lanes)
    {
    case PL_LANES_SEGMENT:
      ref = pl_plan_lookup (plan, pl_item_get_string (campaign, PL_CAMPAIGN_SEGMENT));
      return ref ? pl_item_get_display_name (ref) : _("No segment");
    case PL_LANES_OWNER:
      ref = pl_plan_lookup (plan, pl_item_get_string (campaign, PL_CAMPAIGN_OWNER));
      return ref ? pl_item_get_display_name (ref) : _("No owner");
    case PL_LANES_STATUS:
      return pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, (int) pl_item_get_int (campaign, PL_CAMPAIGN_STATUS));
    case PL_LANES_CHANNEL:
    default:
      channel = pl_item_get_string (campaign, PL_CAMPAIGN_CHANNEL);
      return channel ? channel : _("No channel");
    }
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
by_lane_then_start (gconstpointer a, gconstpointer b)
{
  const PlTimelineRow *x = a, *y = b;

  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Rows by lane, then start, then the plan's order: two stable counting sorts (by start, then
 * by lane), linear where a comparison sort of 20,000 rows took most of the layout's time.
 * A plan whose dates spread over far more days than it has campaigns is sorted by comparison. */
static void
sort_rows (GArray *rows, guint n_lanes)
{
  guint n = rows->len;
  guint32 low = G_MAXUINT32, high = 0;
  g_autofree PlTimelineRow *by_start = NULL;
  g_autofree guint *count = NULL;
  guint span;

  for (guint i = 0; i < n; i++)
    {
      low = MIN (low, g_array_index (rows, PlTimelineRow, i).start);
      high = MAX (high, g_array_index (rows, PlTimelineRow, i).start);
    }
  if (n < 2)
    return;
  span = high - low + 1;
  if (span > 8 * n + 4096)
    {
      g_array_sort (rows, by_lane_then_start);
      return;
    }
  by_start = g_new (PlTimelineRow, n);
  count = g_new0 (guint, MAX (span, n_lanes) + 1);
  for (guint i = 0; i < n; i++)
    count[g_array_index (rows, PlTimelineRow, i).start - low + 1]++;
  for (guint d = 1; d <= span; d++)
    count[d] += count[d - 1];
  for (guint i = 0; i < n; i++)
    by_start[count[g_array_index (rows, PlTimelineRow, i).start - low]++] = g_array_index (rows, PlTimelineRow, i);
  memset (count, 0, (MAX (span, n_lanes) + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    count[by_start[i].lane + 1]++;
  for (guint l = 1; l <= n_lanes; l++)
    count[l] += count[l - 1];
  for (guint i = 0; i < n; i++)
    g_array_index (rows, PlTimelineRow, count[by_start[i].lane]++) = by_start[i];
}

PlTimelineLayout *
pl_timeline_layout_new (PlPlan *plan, PlTimelineLanes lanes)
{
  PlTimelineLayout *self = g_new0 (PlTimelineLayout, 1);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(GHashTable) lane_index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *order = NULL;

  self->rows = g_array_new (FALSE, FALSE, sizeof (PlTimelineRow));
  self->lanes = g_ptr_array_new_with_free_func (g_free);
  self->lane_first = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      const char *name = lane_name (plan, campaign, lanes);
      PlTimelineRow row = { campaign, 0, pl_item_get_julian (campaign, PL_CAMPAIGN_START),
                            pl_item_get_julian (campaign, PL_CAMPAIGN_END) };
      gpointer found;

      if (row.start == 0)
        continue;
      if (row.end < row.start)
        row.end = row.start;
      if (!g_hash_table_lookup_extended (lane_index, name, NULL, &found))
        {
          found = GUINT_TO_POINTER (names->len);
          g_ptr_array_add (names, g_strdup (name));
          g_hash_table_insert (lane_index, names->pdata[names->len - 1], found);
        }
      row.lane = GPOINTER_TO_UINT (found);
      g_array_append_val (self->rows, row);
    }
  /* Lanes in alphabetical order, rows by start within their lane. */
  order = g_new (guint, MAX (names->len, 1));
  /* Collation keys made once: comparing names with g_utf8_collate() each time is slow. */
  {
    g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < names->len; i++)
      {
        g_autofree char *key = g_utf8_collate_key (names->pdata[i], -1);
        /* The index rides after the key, so sorting the keys sorts the indexes. */
        g_ptr_array_add (keys, g_strdup_printf ("%s%c%08u", key, 1, i));
      }
    g_ptr_array_sort (keys, compare_keys);
    for (guint i = 0; i < keys->len; i++)
      order[i] = (guint) strtoul (strrchr (keys->pdata[i], 1) + 1, NULL, 10);
  }
  {
    g_autofree guint *rank = g_new (guint, MAX (names->len, 1));
    for (guint i = 0; i < names->len; i++)
      rank[order[i]] = i;
    for (guint r = 0; r < self->rows->len; r++)
      g_array_index (self->rows, PlTimelineRow, r).lane = rank[g_array_index (self->rows, PlTimelineRow, r).lane];
  }
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (self->lanes, g_strdup (names->pdata[order[i]]));
  sort_rows (self->rows, names->len);
  for (guint r = 0; r < self->rows->len; r++)
    if (r == 0 || g_array_index (self->rows, PlTimelineRow, r).lane != g_array_index (self->rows, PlTimelineRow, r - 1).lane)
      g_array_append_val (self->lane_first, r);
  return self;
}

void
pl_timeline_layout_free (PlTimelineLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rows);
  g_ptr_array_unref (self->lanes);
  g_array_unref (self->lane_first);
  g_clear_pointer (&self->row_of, g_hash_table_unref);
  g_free (self);
}

void
pl_timeline_layout_keep (PlTimelineLayout *self, GHashTable *campaigns)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (PlTimelineRow));
  GPtrArray *lanes = g_ptr_array_new_with_free_func (g_free);
  guint last_lane = G_MAXUINT;

  g_array_set_size (self->lane_first, 0);
  /* Rows are by lane already: a lane's kept rows stay together and in order. */
  for (guint r = 0; r < self->rows->len; r++)
    {
      PlTimelineRow row = g_array_index (self->rows, PlTimelineRow, r);

      if (!g_hash_table_contains (campaigns, row.campaign))
        continue;
      if (row.lane != last_lane)
        {
          last_lane = row.lane;
          g_ptr_array_add (lanes, g_strdup (self->lanes->pdata[row.lane]));
          g_array_append_val (self->lane_first, rows->len);
        }
      row.lane = lanes->len - 1;
      g_array_append_val (rows, row);
    }
  g_array_unref (self->rows);
  g_ptr_array_unref (self->lanes);
  self->rows = rows;
  self->lanes = lanes;
  g_clear_pointer (&self->row_of, g_hash_table_unref);
}

/* Every lane starts with a heading one row high. */
static double
row_top (const PlTimelineLayout *layout, guint row)
{
  guint lane = g_array_index (layout->rows, PlTimelineRow, row).lane;
  return (row + lane + 1) * PL_TIMELINE_ROW_H;
}

double
pl_timeline_layout_height (const PlTimelineLayout *layout)
{
  return (layout->rows->len + layout->lanes->len) * PL_TIMELINE_ROW_H;
}

int
pl_timeline_layout_find_row (PlTimelineLayout *layout, PlItem *campaign)
{
  /* Made on first use: drawing needs only the rows in view, and indexing 20,000 campaigns
   * would be a good part of every layout. Keyed by the record itself, not its ID. */
  if (layout->row_of == NULL)
    {
      layout->row_of = g_hash_table_new (NULL, NULL);
      for (guint r = 0; r < layout->rows->len; r++)
        g_hash_table_insert (layout->row_of, g_array_index (layout->rows, PlTimelineRow, r).campaign, GUINT_TO_POINTER (r + 1));
    }
  return campaign ? GPOINTER_TO_INT (g_hash_table_lookup (layout->row_of, campaign)) - 1 : -1;
}

static double
x_of (const PlTimelineOptions *options, double width, guint32 day)
{
  double span = MAX (1, (double) options->to - options->from);
  return PL_TIMELINE_LABEL_W + (width - PL_TIMELINE_LABEL_W) * ((double) day - options->from) / span;
}

gboolean
pl_timeline_chart_bar_rect (const PlTimelineLayout *layout, const PlTimelineOptions *options, guint row, double width,
                            double height, double *x, double *y, double *w, double *h)
{
  const PlTimelineRow *r = &g_array_index (layout->rows, PlTimelineRow, row);
  double top = PL_TIMELINE_AXIS_H + row_top (layout, row) - options->scroll;

  *x = MAX (x_of (options, width, r->start), PL_TIMELINE_LABEL_W);
  *w = MIN (x_of (options, width, r->end + 1), width) - *x;
  *y = top + 4;
  *h = PL_TIMELINE_ROW_H - 8;
  return *w > 0 && top + PL_TIMELINE_ROW_H > PL_TIMELINE_AXIS_H && top < height;
}

int
pl_timeline_chart_row_at (const PlTimelineLayout *layout, const PlTimelineOptions *options, double width,
                          double height, double x, double y)
{
  for (guint r = 0; r < layout->rows->len; r++)
    {
      double top = PL_TIMELINE_AXIS_H + row_top (layout, r) - options->scroll;
      if (y >= top && y < top + PL_TIMELINE_ROW_H && y >= PL_TIMELINE_AXIS_H)
        return (int) r;
    }
  return -1;
}

int
pl_timeline_chart_lane_at (const PlTimelineLayout *layout, const PlTimelineOptions *options, double height, double y)
{
  if (y < PL_TIMELINE_AXIS_H || y >= height)
    return -1;
  for (guint l = 0; l < layout->lane_first->len; l++)
    {
      double top = PL_TIMELINE_AXIS_H + (g_array_index (layout->lane_first, guint, l) + l) * PL_TIMELINE_ROW_H - options->scroll;
      if (y >= top && y < top + PL_TIMELINE_ROW_H)
        return (int) l;
    }
  if (y >= PL_TIMELINE_AXIS_H + pl_timeline_layout_height (layout) - options->scroll)
    return (int) layout->lanes->len;
  return -1;
}

guint32
pl_timeline_chart_day_at (const PlTimelineOptions *options, double width, double x)
{
  double span = MAX (1, (double) options->to - options->from);
  double day = options->from + (x - PL_TIMELINE_LABEL_W) * span / MAX (1, width - PL_TIMELINE_LABEL_W);

  return (guint32) CLAMP (floor (day), options->from, MAX (options->from, options->to - 1));
}

/* ---- drawing ---- */

char **
pl_timeline_chart_sentences (const PlTimelineLayout *layout)
{
  return pl_chart_sentence (g_strdup_printf (ngettext ("%u campaign in %u lane on the timeline.",
                                                       "%u campaigns in %u lanes on the timeline.", layout->rows->len),
                                             layout->rows->len, layout->lanes->len));
}

/* The legend's colours: @paint's, or by status as the bars are without one. */
static PlCampaignPaint *
legend_paint (PlPlan *plan, const PlCampaignPaint *paint)
{
  return pl_campaign_paint_new (plan, paint != NULL ? pl_campaign_paint_get_by (paint) : PL_COLOR_BY_STATUS);
}

double
pl_timeline_chart_legend_height (PlPlan *plan, const PlCampaignPaint *paint, double width, const PlChartStyle *style)
{
  g_autoptr(PlCampaignPaint) colours = legend_paint (plan, paint);

  return pl_campaign_paint_legend_height (colours, width - 16, TRUE, style) + 12;
}

/* Today as a red line down the chart, named in the axis band when its day is shown. */
static void
draw_today (cairo_t *cr, PangoLayout *text, const PlTimelineOptions *options, double width, double bottom,
            const PlChartStyle *style)
{
  const char *label = _("Today");
  double x = x_of (options, width, options->today);
  int label_w = pl_chart_text_width (text, label);
  /* Centred on the line, kept inside the chart's dates. */
  double lx = CLAMP (x - label_w / 2.0 - 4, PL_TIMELINE_LABEL_W, MAX (PL_TIMELINE_LABEL_W, width - label_w - 8));

  if (options->today < options->from || options->today >= options->to)
    return;
  pl_chart_set_color (cr, &style->bad, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x, PL_TIMELINE_AXIS_H - 10);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);
  pl_chart_rounded_rect (cr, lx, PL_TIMELINE_AXIS_H - 24, label_w + 8, 15, 3);
  cairo_fill (cr);
  pl_chart_set_color (cr, &style->background, 1);
  pl_chart_axis_label (cr, text, label, lx + 4, PL_TIMELINE_AXIS_H - 24, label_w + 1, PANGO_ALIGN_LEFT);
}

char *
pl_timeline_chart_draw (PlPlan *plan, const PlTimelineLayout *layout, const PlTimelineOptions *options, cairo_t *cr,
                        double width, double height, const PlChartStyle *style)
{
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 11);
  g_autoptr(PangoLayout) bold = pl_chart_text_new (cr, style, 11);
  GListModel *entries = pl_plan_get_collection (plan, PL_COLLECTION_CALENDAR);
  g_autoptr(GHashTable) in_view = g_hash_table_new (NULL, NULL);  /* campaign -> its row + 1 */
  guint first = 0;
  double named_until = -G_MAXDOUBLE;
  g_autoptr(PlCampaignPaint) colours = options->legend ? legend_paint (plan, options->paint) : NULL;
  double legend_h = options->legend ? pl_timeline_chart_legend_height (plan, options->paint, width, style) : 0;
  double bottom = height - legend_h;  /* where the rows end */

  {
    PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (bold));
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description (bold, font);
    pango_font_description_free (font);
  }
  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);

  /* Months on the axis, and their lines down the chart; a name that would run into the one
   * before it (zoomed out, or large text) is left out, its line kept. */
  for (guint32 day = options->from; day < options->to; day++)
    {
      GDate date;
      g_date_set_julian (&date, day);
      if (g_date_get_day (&date) == 1 || day == options->from)
        {
          char name[32];
          double x = x_of (options, width, day);
          g_date_strftime (name, sizeof name, g_date_get_month (&date) == 1 || day == options->from ? "%b %Y" : "%b", &date);
          pl_chart_set_color (cr, &style->muted, 0.25);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, floor (x) + 0.5, PL_TIMELINE_AXIS_H - 6);
          cairo_line_to (cr, floor (x) + 0.5, bottom);
          cairo_stroke (cr);
          if (x + 3 >= named_until + 6)
            {
              int name_w;

              pango_layout_set_width (text, -1);
              pango_layout_set_text (text, name, -1);
              pango_layout_get_pixel_size (text, &name_w, NULL);
              named_until = x + 3 + MIN (name_w, 90);
              pl_chart_set_color (cr, &style->muted, 1);
              pl_chart_axis_label (cr, text, name, x + 3, 4, 90, PANGO_ALIGN_LEFT);
            }
        }
    }
  cairo_save (cr);
  cairo_rectangle (cr, 0, PL_TIMELINE_AXIS_H, width, bottom - PL_TIMELINE_AXIS_H);
  cairo_clip (cr);

  /* Only the rows in view: a binary search for the first, then until past the bottom. */
  {
    guint low = 0, high = layout->rows->len;
    while (low < high)
      {
        guint mid = (low + high) / 2;
        if (PL_TIMELINE_AXIS_H + row_top (layout, mid) - options->scroll + PL_TIMELINE_ROW_H < PL_TIMELINE_AXIS_H)
          low = mid + 1;
        else
          high = mid;
      }
    first = low;
  }
  for (guint r = first; r < layout->rows->len; r++)
    {
      const PlTimelineRow *row = &g_array_index (layout->rows, PlTimelineRow, r);
      double top = PL_TIMELINE_AXIS_H + row_top (layout, r) - options->scroll;
      double x, y, w, h;

      if (top > bottom)
        break;
      g_hash_table_insert (in_view, row->campaign, GUINT_TO_POINTER (r + 1));
      /* The lane's heading above its first row. */
      if (r == 0 || g_array_index (layout->rows, PlTimelineRow, r - 1).lane != row->lane)
        {
          pl_chart_set_color (cr, &style->text, 1);
          pl_chart_axis_label (cr, bold, layout->lanes->pdata[row->lane], 8, top - PL_TIMELINE_ROW_H + 6, PL_TIMELINE_LABEL_W - 12,
                         PANGO_ALIGN_LEFT);
        }
      if ((int) r == options->selected)
        {
          pl_chart_set_color (cr, pl_chart_series_color (style, 0), 0.12);
          cairo_rectangle (cr, 0, top, width, PL_TIMELINE_ROW_H);
          cairo_fill (cr);
        }
      if (options->warned != NULL && g_hash_table_contains (options->warned, row->campaign))
        pl_chart_warning_sign (cr, 4, top + 6, 13, style);
      pl_chart_set_color (cr, &style->text, 1);
      {
        const char *name = pl_item_get_string (row->campaign, PL_CAMPAIGN_NAME);
        double name_w = PL_TIMELINE_LABEL_W - 28;

        /* A long name takes two smaller lines in its row rather than an ellipsis. */
        if (name != NULL && pl_chart_text_width (text, name) > name_w)
          {
            pl_chart_text_set_size (text, 9.5);
            pl_chart_axis_label (cr, text, name, 20, top + 1, name_w, PANGO_ALIGN_LEFT);
            pl_chart_text_set_size (text, 11);
          }
        else
          pl_chart_axis_label (cr, text, name ? name : "", 20, top + 5, name_w, PANGO_ALIGN_LEFT);
      }
      if (options->preview_end != 0 && options->preview_lane < 0 && (int) r == options->preview_row)
        {
          /* Dragged: a dashed outline where it was, the bar where it will go. */
          if (pl_timeline_chart_bar_rect (layout, options, r, width, height, &x, &y, &w, &h))
            {
              double dashes[] = { 4, 3 };
              pl_chart_set_color (cr, &style->muted, 1);
              cairo_set_line_width (cr, 1);
              cairo_set_dash (cr, dashes, 2, 0);
              cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          x = x_of (options, width, options->preview_start);
          w = x_of (options, width, options->preview_end + 1) - x;
          pl_campaign_paint_bar (options->paint, row->campaign, cr, MAX (x, PL_TIMELINE_LABEL_W), top + 4, w, PL_TIMELINE_ROW_H - 8, style);
        }
      else if (pl_timeline_chart_bar_rect (layout, options, r, width, height, &x, &y, &w, &h))
        pl_campaign_paint_bar (options->paint, row->campaign, cr, x, y, w, h, style);
    }
  /* A campaign being made by a drag: a ghost in its lane's heading row. */
  if (options->preview_end != 0 && options->preview_lane >= 0)
    {
      double top = PL_TIMELINE_AXIS_H - options->scroll +
                   ((guint) options->preview_lane < layout->lane_first->len
                      ? (g_array_index (layout->lane_first, guint, options->preview_lane) + options->preview_lane) * PL_TIMELINE_ROW_H
                      : pl_timeline_layout_height (layout));
      double x = MAX (x_of (options, width, options->preview_start), PL_TIMELINE_LABEL_W);
      double w = x_of (options, width, options->preview_end + 1) - x;
      double dashes[] = { 4, 3 };

      pl_chart_set_color (cr, pl_chart_series_color (style, 0), 0.25);
      cairo_rectangle (cr, x, top + 4, w, PL_TIMELINE_ROW_H - 8);
      cairo_fill_preserve (cr);
      pl_chart_set_color (cr, pl_chart_series_color (style, 0), 1);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Activities and milestones inside their campaign's row; reviews as ticks on the axis. */
  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
      const char *campaign = pl_item_get_string (entry, PL_ENTRY_CAMPAIGN);
      gint64 kind = pl_item_get_int (entry, PL_ENTRY_KIND);
      g_autoptr(GArray) days = pl_calendar_occurrences (plan, entry, options->from, options->to);

      for (guint d = 0; d < days->len; d++)
        {
          double x = x_of (options, width, g_array_index (days, guint32, d));
          PlItem *owner = campaign ? pl_plan_lookup (plan, campaign) : NULL;
          int row = owner ? GPOINTER_TO_INT (g_hash_table_lookup (in_view, owner)) - 1 : -1;
          if (row >= 0 && kind != PL_ENTRY_REVIEW)
            {
              double top = PL_TIMELINE_AXIS_H + row_top (layout, (guint) row) - options->scroll;
              pl_chart_set_color (cr, &style->text, 0.9);
              cairo_move_to (cr, x, top + 6);
              cairo_line_to (cr, x + 5, top + PL_TIMELINE_ROW_H / 2);
              cairo_line_to (cr, x, top + PL_TIMELINE_ROW_H - 6);
              cairo_line_to (cr, x - 5, top + PL_TIMELINE_ROW_H / 2);
              cairo_close_path (cr);
              cairo_fill (cr);
            }
        }
    }
  cairo_restore (cr);
  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n; i++)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (entries, i);
      g_autoptr(GArray) days = NULL;

      if (pl_item_get_int (entry, PL_ENTRY_KIND) != PL_ENTRY_REVIEW || pl_item_get_int (entry, PL_ENTRY_CADENCE) == PL_CADENCE_WEEKLY)
        continue;
      days = pl_calendar_occurrences (plan, entry, options->from, options->to);
      for (guint d = 0; d < days->len; d++)
        {
          double x = x_of (options, width, g_array_index (days, guint32, d));
          pl_chart_set_color (cr, &style->warning, 1);
          cairo_arc (cr, x, PL_TIMELINE_AXIS_H - 6, 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  draw_today (cr, text, options, width, bottom, style);
  if (options->legend)
    {
      pl_chart_set_color (cr, &style->background, 1);
      cairo_rectangle (cr, 0, bottom, width, legend_h);
      cairo_fill (cr);
      pl_chart_set_color (cr, &style->muted, pl_chart_faint (style, 0.4));
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, floor (bottom) + 0.5);
      cairo_line_to (cr, width, floor (bottom) + 0.5);
      cairo_stroke (cr);
      pl_campaign_paint_draw_legend (colours, cr, 8, bottom + 6, width - 16,
                                     options->today >= options->from && options->today < options->to, style);
    }
  return pl_chart_sentences_join (pl_timeline_chart_sentences (layout));
}
