/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-campaign-paint.h"
#include "pl-chart-draw.h"
#include "pl-enums.h"

struct _PlCampaignPaint
{
  PlColorBy   by;
  GPtrArray  *names;  /* the legend's names, in order */
  GHashTable *index;  /* channel name or segment ID -> its legend index + 1 */
  int         none;   /* the legend entry of campaigns with no channel or segment, or -1 */
};

static const char *
no_key_name (PlColorBy by)
{
  return by == PL_COLOR_BY_SEGMENT ? _("No segment") : _("No channel");
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

PlCampaignPaint *
pl_campaign_paint_new (PlPlan *plan, PlColorBy by)
{
  PlCampaignPaint *self = g_new0 (PlCampaignPaint, 1);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  g_autoptr(GHashTable) name_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);  /* key -> name */
  g_autoptr(GHashTable) position = g_hash_table_new (g_str_hash, g_str_equal);  /* name -> legend index + 1 */
  gboolean keyless = FALSE;
  GHashTableIter iter;
  gpointer key, name;

  self->by = by;
  self->none = -1;
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (by == PL_COLOR_BY_STATUS)
    return self;
  for (guint i = 0, n = g_list_model_get_n_items (campaigns); i < n; i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      const char *value = pl_item_get_string (campaign, by == PL_COLOR_BY_SEGMENT ? PL_CAMPAIGN_SEGMENT : PL_CAMPAIGN_CHANNEL);
      PlItem *segment = by == PL_COLOR_BY_SEGMENT && value ? pl_plan_lookup (plan, value) : NULL;

      if (value == NULL || (by == PL_COLOR_BY_SEGMENT && segment == NULL))
        keyless = TRUE;
      else if (!g_hash_table_contains (name_of, value))
        g_hash_table_insert (name_of, g_strdup (value), g_strdup (segment ? pl_item_get_display_name (segment) : value));
    }
  /* Segments' names, not their IDs, order the legend; two segments may share a name, so the
   * legend is made of names and every key points at its name's entry. */
  g_hash_table_iter_init (&iter, name_of);
  while (g_hash_table_iter_next (&iter, &key, &name))
    if (!g_hash_table_contains (position, name))
      {
        g_ptr_array_add (self->names, g_strdup (name));
        g_hash_table_insert (position, self->names->pdata[self->names->len - 1], GUINT_TO_POINTER (1));
      }
  g_ptr_array_sort (self->names, compare_names);
  for (guint i = 0; i < self->names->len; i++)
    g_hash_table_insert (position, self->names->pdata[i], GUINT_TO_POINTER (i + 1));
  g_hash_table_iter_init (&iter, name_of);
  while (g_hash_table_iter_next (&iter, &key, &name))
    g_hash_table_insert (self->index, g_strdup (key), g_hash_table_lookup (position, name));
  if (keyless)
    {
      self->none = (int) self->names->len;
      g_ptr_array_add (self->names, g_strdup (no_key_name (by)));
    }
  return self;
}

void
pl_campaign_paint_free (PlCampaignPaint *paint)
{
  if (paint == NULL)
    return;
  g_ptr_array_unref (paint->names);
  g_hash_table_unref (paint->index);
  g_free (paint);
}

PlColorBy
pl_campaign_paint_get_by (const PlCampaignPaint *paint)
{
  return paint ? paint->by : PL_COLOR_BY_STATUS;
}

guint
pl_campaign_paint_n_keys (const PlCampaignPaint *paint)
{
  return paint == NULL || paint->by == PL_COLOR_BY_STATUS ? 4 : paint->names->len;
}

static const PlColor *
status_color (const PlChartStyle *style, gint64 status)
{
  switch (status)
    {
    case PL_STATUS_RUNNING: return &style->good;
    case PL_STATUS_COMPLETED: return &style->muted;
    case PL_STATUS_STOPPED: return &style->bad;
    default: return pl_chart_series_color (style, 0);
    }
}

static const PlCampaignStatus statuses[] = { PL_STATUS_PLANNED, PL_STATUS_RUNNING, PL_STATUS_COMPLETED, PL_STATUS_STOPPED };

const char *
pl_campaign_paint_key_name (const PlCampaignPaint *paint, guint index)
{
  if (paint == NULL || paint->by == PL_COLOR_BY_STATUS)
    return pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, statuses[MIN (index, G_N_ELEMENTS (statuses) - 1)]);
  g_return_val_if_fail (index < paint->names->len, NULL);
  return paint->names->pdata[index];
}

const PlColor *
pl_campaign_paint_key_color (const PlCampaignPaint *paint, guint index, const PlChartStyle *style)
{
  if (paint == NULL || paint->by == PL_COLOR_BY_STATUS)
    return status_color (style, statuses[MIN (index, G_N_ELEMENTS (statuses) - 1)]);
  /* Campaigns with no channel or segment stay grey, apart from the palette. */
  if ((int) index == paint->none)
    return &style->no_data;
  return pl_chart_series_color (style, index);
}

const PlColor *
pl_campaign_paint_color (const PlCampaignPaint *paint, PlItem *campaign, const PlChartStyle *style)
{
  const char *key;
  guint index;

  if (paint == NULL || paint->by == PL_COLOR_BY_STATUS)
    return status_color (style, pl_item_get_int (campaign, PL_CAMPAIGN_STATUS));
  key = pl_item_get_string (campaign, paint->by == PL_COLOR_BY_SEGMENT ? PL_CAMPAIGN_SEGMENT : PL_CAMPAIGN_CHANNEL);
  index = key ? GPOINTER_TO_UINT (g_hash_table_lookup (paint->index, key)) : 0;
  return index > 0 ? pl_campaign_paint_key_color (paint, index - 1, style) : &style->no_data;
}

/* The status pattern over a bar already filled with @color. */
static void
paint_pattern (cairo_t *cr, gint64 status, const PlColor *color, double x, double y, double w, double h,
               const PlChartStyle *style)
{
  switch (status)
    {
    case PL_STATUS_PLANNED:
      /* Hatched: not started yet. */
      cairo_save (cr);
      cairo_rectangle (cr, x, y, w, h);
      cairo_clip (cr);
      pl_chart_set_color (cr, color, 0.5);
      cairo_set_line_width (cr, 2);
      for (double s = x - h; s < x + w; s += 7)
        {
          cairo_move_to (cr, s, y + h);
          cairo_line_to (cr, s + h, y);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
      pl_chart_set_color (cr, color, 1);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (w - 1, 1), h - 1);
      cairo_stroke (cr);
      break;
    case PL_STATUS_COMPLETED:
      /* A tick at the start, when there is room for it. */
      if (w >= 16)
        {
          pl_chart_set_color (cr, &style->text, 0.8);
          cairo_set_line_width (cr, 2);
          cairo_move_to (cr, x + 4, y + h / 2);
          cairo_line_to (cr, x + 7, y + h - 5);
          cairo_line_to (cr, x + 12, y + 4);
          cairo_stroke (cr);
        }
      break;
    case PL_STATUS_STOPPED:
      pl_chart_set_color (cr, &style->background, 1);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x, y + h / 2);
      cairo_line_to (cr, x + w, y + h / 2);
      cairo_stroke (cr);
      break;
    default:
      break;
    }
}

static double
fill_alpha (gint64 status)
{
  return status == PL_STATUS_PLANNED ? 0.3 : status == PL_STATUS_COMPLETED ? 0.45 : 0.85;
}

void
pl_campaign_paint_bar (const PlCampaignPaint *paint, PlItem *campaign, cairo_t *cr, double x, double y, double w,
                       double h, const PlChartStyle *style)
{
  const PlColor *color = pl_campaign_paint_color (paint, campaign, style);
  gint64 status = pl_item_get_int (campaign, PL_CAMPAIGN_STATUS);

  w = MAX (w, 2);
  pl_chart_set_color (cr, color, fill_alpha (status));
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  paint_pattern (cr, status, color, x, y, w, h, style);
}

const PlColor *
pl_campaign_paint_text_color (PlItem *campaign, const PlChartStyle *style)
{
  gint64 status = pl_item_get_int (campaign, PL_CAMPAIGN_STATUS);

  /* Light fills (planned, completed) carry the text colour, strong ones the background's. */
  return status == PL_STATUS_PLANNED || status == PL_STATUS_COMPLETED ? &style->text : &style->background;
}

double
pl_campaign_paint_text_inset (PlItem *campaign)
{
  /* Clear of the completed tick. */
  return pl_item_get_int (campaign, PL_CAMPAIGN_STATUS) == PL_STATUS_COMPLETED ? 12 : 0;
}

/* One legend entry: a swatch then its name; returns its width. */
static double
legend_entry (cairo_t *cr, PangoLayout *text, const char *name, const PlColor *color, gint64 status, double x, double y,
              const PlChartStyle *style)
{
  int tw, th;

  pl_chart_set_color (cr, color, fill_alpha (status));
  cairo_rectangle (cr, x, y + 3, 22, 12);
  cairo_fill (cr);
  paint_pattern (cr, status, color, x, y + 3, 22, 12, style);
  pango_layout_set_width (text, -1);
  pango_layout_set_text (text, name, -1);
  pango_layout_get_pixel_size (text, &tw, &th);
  pl_chart_set_color (cr, &style->text, 1);
  cairo_move_to (cr, x + 28, y + (18 - th) / 2.0);
  pango_cairo_show_layout (cr, text);
  pl_chart_note_legend (name);
  return 28 + tw + 16;
}

double
pl_campaign_paint_draw_legend (const PlCampaignPaint *paint, cairo_t *cr, double x, double y, double width,
                               gboolean today, const PlChartStyle *style)
{
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 11);
  guint n = pl_campaign_paint_n_keys (paint);
  gboolean by_status = pl_campaign_paint_get_by (paint) == PL_COLOR_BY_STATUS;
  double cx = x, cy = y;

  for (guint i = 0; i < n + (by_status ? 0 : G_N_ELEMENTS (statuses)); i++)
    {
      const char *name;
      const PlColor *color;
      gint64 status;
      int tw, th;

      if (i < n)
        {
          name = pl_campaign_paint_key_name (paint, i);
          color = pl_campaign_paint_key_color (paint, i, style);
          status = by_status ? statuses[i] : PL_STATUS_RUNNING;
        }
      else
        {
          /* After the colours, what the patterns mean, on a neutral swatch. */
          status = statuses[i - n];
          name = pl_enum_get_label (PL_TYPE_CAMPAIGN_STATUS, status);
          color = &style->muted;
        }
      pango_layout_set_text (text, name, -1);
      pango_layout_get_pixel_size (text, &tw, &th);
      if (cx > x && cx + 28 + tw > x + width)
        {
          cx = x;
          cy += 20;
        }
      cx += legend_entry (cr, text, name, color, status, cx, cy, style);
    }
  /* The marks that are not campaigns. */
  {
    const char *marks[] = { _("Activity or milestone"), _("Review"), _("Today") };
    for (guint m = 0; m < G_N_ELEMENTS (marks) - (today ? 0 : 1); m++)
      {
        int tw, th;
        pango_layout_set_text (text, marks[m], -1);
        pango_layout_get_pixel_size (text, &tw, &th);
        if (cx > x && cx + 16 + tw > x + width)
          {
            cx = x;
            cy += 20;
          }
        pl_chart_set_color (cr, m == 0 ? &style->text : m == 1 ? &style->warning : &style->bad, 1);
        if (m == 2)
          {
            /* The today line, as the timeline draws it. */
            cairo_rectangle (cr, cx + 4, cy + 1, 1.5, 16);
          }
        else if (m == 0)
          {
            cairo_move_to (cr, cx + 5, cy + 3);
            cairo_line_to (cr, cx + 10, cy + 9);
            cairo_line_to (cr, cx + 5, cy + 15);
            cairo_line_to (cr, cx, cy + 9);
            cairo_close_path (cr);
          }
        else
          cairo_arc (cr, cx + 5, cy + 9, 4, 0, 2 * G_PI);
        cairo_fill (cr);
        pl_chart_set_color (cr, &style->text, 1);
        cairo_move_to (cr, cx + 16, cy + (18 - th) / 2.0);
        pango_cairo_show_layout (cr, text);
        pl_chart_note_legend (marks[m]);
        cx += 16 + tw + 16;
      }
  }
  return cy + 20 - y;
}

double
pl_campaign_paint_legend_height (const PlCampaignPaint *paint, double width, gboolean today, const PlChartStyle *style)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  gpointer hook_data;
  PlChartTextHook hook = pl_chart_get_text_hook (&hook_data);
  double height;

  /* Measured by drawing it where nothing shows (its lines wrap as the fonts decide), unseen
   * by a test counting what is drawn. */
  pl_chart_set_text_hook (NULL, NULL);
  height = pl_campaign_paint_draw_legend (paint, cr, 0, 0, width, today, style);
  pl_chart_set_text_hook (hook, hook_data);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}
