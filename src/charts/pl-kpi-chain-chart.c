/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-kpi-chain-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-kpi-chain-chart.h"
#include "pl-records.h"

#define MARGIN       16.0
#define COLUMN_GAP   30.0
#define ROW_GAP      10.0
#define MAX_NODE_H   62.0
#define MAX_NODE_W   220.0
#define TREND_MONTHS 6

static void
set_color (cairo_t *cr, const PlColor *color, double alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

static guint32
next_month (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_add_months (&date, 1);
  return g_date_get_julian (&date);
}

static guint32
previous_month (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_subtract_months (&date, 1);
  return g_date_get_julian (&date);
}

PlKpiStatus
pl_kpi_status (PlPlan *plan, PlItem *kpi, guint32 month)
{
  guint32 end = next_month (month);
  double value = pl_figures_kpi_value (plan, PL_KPI (kpi), month, end);
  double target = pl_figures_kpi_target (plan, PL_KPI (kpi), month, end);
  double ratio;

  if (isnan (value) || isnan (target) || target == 0 || value == 0)
    return isnan (value) || isnan (target) ? PL_KPI_STATUS_NO_DATA
           : (pl_item_get_int (kpi, PL_KPI_DIRECTION) == PL_DIRECTION_LOWER) == (value <= target)
           ? PL_KPI_STATUS_GOOD : PL_KPI_STATUS_OFF;
  ratio = pl_item_get_int (kpi, PL_KPI_DIRECTION) == PL_DIRECTION_LOWER ? target / value : value / target;
  if (ratio >= 1.0)
    return PL_KPI_STATUS_GOOD;
  if (ratio >= 0.9)
    return PL_KPI_STATUS_CLOSE;
  return PL_KPI_STATUS_OFF;
}

/* A value short enough for a node: 495k, 1.2M, 3.4 %, 3.4x. */
static char *
short_value (PlPlan *plan, PlItem *kpi, double value)
{
  double magnitude = fabs (value);

  if (isnan (value))
    return g_strdup ("–");
  switch (pl_item_get_int (kpi, PL_KPI_UNIT))
    {
    case PL_UNIT_PERCENT:
      return g_strdup_printf ("%.1f %%", value * 100);
    case PL_UNIT_RATIO:
      return g_strdup_printf ("%.1fx", value);
    case PL_UNIT_DAYS:
      return g_strdup_printf (_("%.0f d"), value);
    default:
      break;
    }
  if (magnitude >= 1e6)
    return g_strdup_printf ("%.1fM", value / 1e6);
  if (magnitude >= 1e4)
    return g_strdup_printf ("%.0fk", value / 1e3);
  if (magnitude >= 100 || value == floor (value))
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

static gboolean
is_funnel_stage (gint64 stage)
{
  return stage >= PL_STAGE_VISITORS && stage <= PL_STAGE_NEW_CUSTOMERS;
}

static guint
column_size (const PlChainLayout *layout, guint column)
{
  guint n = 0;

  for (guint i = 0; i < layout->nodes->len; i++)
    if (g_array_index (layout->nodes, PlChainNode, i).column == column)
      n++;
  return n;
}

void
pl_kpi_chain_chart_node_rect (const PlChainLayout *layout, guint index, double width, double height,
                              double *x, double *y, double *w, double *h)
{
  const PlChainNode *node = &g_array_index (layout->nodes, PlChainNode, index);
  double column_w = (width - 2 * MARGIN + COLUMN_GAP) / MAX (layout->n_columns, 1);
  double row_h = (height - 2 * MARGIN) / MAX (layout->max_rows, 1);
  guint rows = column_size (layout, node->column);

  *w = MIN (column_w - COLUMN_GAP, MAX_NODE_W);
  *h = MIN (row_h - ROW_GAP, MAX_NODE_H);
  if (*w < 2)
    *w = 2;
  if (*h < 2)
    *h = MAX (row_h * 0.7, 1);
  /* Columns are centred in their slot, and their nodes centred vertically. */
  *x = MARGIN + node->column * column_w + (column_w - COLUMN_GAP - *w) / 2;
  *y = MARGIN + (layout->max_rows - rows) * row_h / 2 + node->row * row_h + (row_h - *h) / 2;
}

static void
draw_text (cairo_t *cr, PangoLayout *text, const char *markup, double x, double y, double w,
           const PlColor *color)
{
  pango_layout_set_markup (text, markup, -1);
  pango_layout_set_width (text, (int) (w * PANGO_SCALE));
  set_color (cr, color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

static void
draw_trend (cairo_t *cr, PlPlan *plan, PlItem *kpi, guint32 month, double x, double y, double w, double h,
            const PlColor *color)
{
  double values[TREND_MONTHS];
  double low = INFINITY, high = -INFINITY;
  guint32 start = month;
  int n = 0;

  for (int i = 0; i < TREND_MONTHS - 1; i++)
    start = previous_month (start);
  for (int i = 0; i < TREND_MONTHS; i++, start = next_month (start))
    {
      values[i] = pl_figures_kpi_value (plan, PL_KPI (kpi), start, next_month (start));
      if (!isnan (values[i]))
        {
          low = MIN (low, values[i]);
          high = MAX (high, values[i]);
          n++;
        }
    }
  if (n < 2)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  set_color (cr, color, 0.9);
  cairo_new_path (cr);
  for (int i = 0; i < TREND_MONTHS; i++)
    if (!isnan (values[i]))
      {
        double px = x + w * i / (TREND_MONTHS - 1);
        double py = high > low ? y + h - h * (values[i] - low) / (high - low) : y + h / 2;
        cairo_line_to (cr, px, py);
      }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static const PlColor *
status_color (const PlChartStyle *style, PlKpiStatus status)
{
  switch (status)
    {
    case PL_KPI_STATUS_GOOD: return &style->good;
    case PL_KPI_STATUS_CLOSE: return &style->warning;
    case PL_KPI_STATUS_OFF: return &style->bad;
    default: return &style->no_data;
    }
}

char *
pl_kpi_chain_chart_draw (PlPlan                  *plan,
                         const PlChainLayout     *layout,
                         const PlKpiChainOptions *options,
                         cairo_t                 *cr,
                         double                   width,
                         double                   height,
                         const PlChartStyle      *style)
{
  guint32 month = options && options->month ? options->month : previous_month (pl_figures_measured_until (plan));
  guint32 end = next_month (month);
  g_autoptr(PangoLayout) text = pango_cairo_create_layout (cr);
  g_autoptr(GString) off = g_string_new (NULL);
  guint counts[4] = { 0 };
  double font_px;
  g_autofree char *font = NULL;
  PangoFontDescription *description;
  GDate date;
  char month_name[64];

  set_color (cr, &style->background, 1);
  cairo_paint (cr);
  if (layout->nodes->len == 0)
    return g_strdup (_("The plan has no KPIs yet."));

  {
    double x, y, w, h;
    pl_kpi_chain_chart_node_rect (layout, 0, width, height, &x, &y, &w, &h);
    font_px = CLAMP (h * 0.26, 6, 12);
  }
  font = g_strdup_printf ("%s %.1fpx", style->font, font_px);
  description = pango_font_description_from_string (font);
  pango_layout_set_font_description (text, description);
  pango_font_description_free (description);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (text, TRUE);

  /* Edges first, under the nodes. */
  cairo_set_line_width (cr, 1.2);
  for (guint e = 0; e < layout->edges->len; e++)
    {
      const PlChainEdge *edge = &g_array_index (layout->edges, PlChainEdge, e);
      PlItem *from = g_array_index (layout->nodes, PlChainNode, edge->from).kpi;
      PlItem *to = g_array_index (layout->nodes, PlChainNode, edge->to).kpi;
      double x0, y0, w0, h0, x1, y1, w1, h1, sx, sy, ex, ey;

      pl_kpi_chain_chart_node_rect (layout, edge->from, width, height, &x0, &y0, &w0, &h0);
      pl_kpi_chain_chart_node_rect (layout, edge->to, width, height, &x1, &y1, &w1, &h1);
      sx = x0 + w0;
      sy = y0 + h0 / 2;
      ex = x1;
      ey = y1 + h1 / 2;
      set_color (cr, &style->muted, 0.55);
      cairo_move_to (cr, sx, sy);
      cairo_curve_to (cr, sx + COLUMN_GAP * 0.6, sy, ex - COLUMN_GAP * 0.6, ey, ex, ey);
      cairo_stroke (cr);

      /* Stage to stage: a conversion rate, only between two funnel stages in funnel order
       * (customers on the books are a stock, not a stage new customers convert into). */
      if (is_funnel_stage (pl_item_get_int (from, PL_KPI_STAGE)) && is_funnel_stage (pl_item_get_int (to, PL_KPI_STAGE)) &&
          pl_item_get_int (from, PL_KPI_STAGE) < pl_item_get_int (to, PL_KPI_STAGE) && font_px >= 7)
        {
          double a = pl_figures_kpi_value (plan, PL_KPI (from), month, end);
          double b = pl_figures_kpi_value (plan, PL_KPI (to), month, end);
          if (!isnan (a) && !isnan (b) && a > 0)
            {
              g_autofree char *label = g_strdup_printf ("<small>%.1f %%</small>", 100 * b / a);
              PangoRectangle ink;

              pango_layout_set_width (text, -1);
              pango_layout_set_markup (text, label, -1);
              pango_layout_get_pixel_extents (text, NULL, &ink);
              set_color (cr, &style->background, 0.9);
              cairo_rectangle (cr, (sx + ex) / 2 - ink.width / 2.0 - 2, (sy + ey) / 2 - ink.height / 2.0 - 1,
                               ink.width + 4, ink.height + 2);
              cairo_fill (cr);
              set_color (cr, &style->muted, 1);
              cairo_move_to (cr, (sx + ex) / 2 - ink.width / 2.0, (sy + ey) / 2 - ink.height / 2.0);
              pango_cairo_show_layout (cr, text);
            }
        }
    }

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      PlItem *kpi = g_array_index (layout->nodes, PlChainNode, i).kpi;
      PlKpiStatus status = pl_kpi_status (plan, kpi, month);
      double x, y, w, h, radius;

      counts[status]++;
      if (status == PL_KPI_STATUS_OFF)
        g_string_append_printf (off, "%s%s", off->len ? ", " : "", pl_item_get_string (kpi, PL_KPI_NAME));
      pl_kpi_chain_chart_node_rect (layout, i, width, height, &x, &y, &w, &h);
      radius = MIN (6, h / 3);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
      cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
      cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
      cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      set_color (cr, &style->surface, 1);
      cairo_fill_preserve (cr);
      set_color (cr, (options && options->selected == (int) i) ? &style->text : &style->muted,
                 (options && options->selected == (int) i) ? 1 : 0.35);
      cairo_set_line_width (cr, (options && options->selected == (int) i) ? 2 : 1);
      cairo_stroke (cr);
      /* The status as a bar on the left edge: readable at a glance, even at 300 KPIs. */
      set_color (cr, status_color (style, status), 1);
      cairo_rectangle (cr, x, y + 1, MIN (4, w / 4), h - 2);
      cairo_fill (cr);

      if (h >= 2.6 * font_px && w >= 40)
        {
          g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", pl_item_get_string (kpi, PL_KPI_NAME));
          g_autofree char *value = short_value (plan, kpi, pl_figures_kpi_value (plan, PL_KPI (kpi), month, end));
          g_autofree char *target = short_value (plan, kpi, pl_figures_kpi_target (plan, PL_KPI (kpi), month, end));
          g_autofree char *line = g_markup_printf_escaped (_("%s <span alpha=\"70%%\">/ %s</span>"), value, target);
          double text_w = w - 14 - (w >= 150 ? 44 : 0);
          gboolean two_lines = h >= 3.9 * font_px;
          PangoRectangle extents;
          double name_h, top;

          /* A long name may take two lines when the node is tall enough, then ends in "…". */
          pango_layout_set_single_paragraph_mode (text, FALSE);
          pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (text, two_lines ? -2 : -1);
          pango_layout_set_markup (text, name, -1);
          pango_layout_set_width (text, (int) (text_w * PANGO_SCALE));
          pango_layout_get_pixel_extents (text, NULL, &extents);
          name_h = extents.height;
          top = y + (h - name_h - 1.3 * font_px) / 2;
          set_color (cr, &style->text, 1);
          cairo_move_to (cr, x + 9, top);
          pango_cairo_show_layout (cr, text);
          pango_layout_set_height (text, -1);
          pango_layout_set_single_paragraph_mode (text, TRUE);
          draw_text (cr, text, line, x + 9, top + name_h, text_w, &style->muted);
          if (w >= 150)
            draw_trend (cr, plan, kpi, month, x + w - 48, y + h * 0.3, 38, h * 0.4, status_color (style, status));
        }
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, month);
  g_date_strftime (month_name, sizeof month_name, "%B %Y", &date);
  {
    GString *summary = g_string_new (NULL);
    g_string_append_printf (summary, ngettext ("The KPI chain has %u KPI", "The KPI chain has %u KPIs", layout->nodes->len),
                            layout->nodes->len);
    g_string_append_printf (summary, ngettext (" and %u link.", " and %u links.", layout->edges->len), layout->edges->len);
    g_string_append_printf (summary, _(" In %s: %u on target, %u close, %u off target, %u without figures."),
                            month_name, counts[PL_KPI_STATUS_GOOD], counts[PL_KPI_STATUS_CLOSE],
                            counts[PL_KPI_STATUS_OFF], counts[PL_KPI_STATUS_NO_DATA]);
    if (off->len > 0)
      g_string_append_printf (summary, _(" Off target: %s."), off->str);
    return g_string_free (summary, FALSE);
  }
}
