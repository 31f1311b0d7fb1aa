/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-trend-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "pl-calendar.h"
#include "pl-chart-draw.h"
#include "pl-dashboard.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-forecast.h"
#include "pl-money.h"
#include "pl-records.h"
#include "pl-trend-chart.h"

#define AXIS_W   56.0
#define MONTHS_H 22.0
#define PAD      10.0

static void
set_color (cairo_t *cr, const PlColor *color, double alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

static void
label (cairo_t *cr, PangoLayout *text, const char *markup, double x, double y, double w, PangoAlignment align)
{
  pango_layout_set_markup (text, markup, -1);
  pango_layout_set_width (text, (int) (w * PANGO_SCALE));
  pango_layout_set_alignment (text, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

/* A value on the axis, short and in the KPI's unit: "450k", "35 %", "3.5×". */
static char *
axis_value (PlItem *kpi, double value)
{
  switch (pl_item_get_int (kpi, PL_KPI_UNIT))
    {
    case PL_UNIT_PERCENT:
      return pl_percent_format (value * 100, fabs (value) < 0.1 && value != 0 ? 1 : 0);
    case PL_UNIT_RATIO:
      return pl_ratio_format (value, 1);
    default:
      return pl_number_short (value, FALSE);
    }
}

static void
plot (cairo_t *cr, const double *values, guint n, double x, double y, double w, double h, double low, double high,
      gboolean points)
{
  gboolean drawing = FALSE;

  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      double px = x + (n > 1 ? w * i / (n - 1) : w / 2);
      double py = y + h - (high > low ? h * (values[i] - low) / (high - low) : h / 2);

      if (isnan (values[i]))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, px, py);
      else
        cairo_move_to (cr, px, py);
      drawing = TRUE;
    }
  cairo_stroke (cr);
  if (!points)
    return;
  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]))
      {
        double px = x + (n > 1 ? w * i / (n - 1) : w / 2);
        double py = y + h - (high > low ? h * (values[i] - low) / (high - low) : h / 2);
        cairo_arc (cr, px, py, 3, 0, 2 * G_PI);
        cairo_fill (cr);
      }
}

/* The key's height, above the plot, when a forecast is drawn. */
#define KEY_H 18.0

/* Paints the band's path as the forecast's band reads: a light area, or in high contrast
 * its edges as lines rather than a faint fill. */
static void
paint_band (cairo_t *cr, const PlChartStyle *style)
{
  if (style->high_contrast)
    {
      pl_chart_set_color (cr, &style->good, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else
    {
      pl_chart_set_color (cr, &style->good, 0.16);
      cairo_fill (cr);
    }
}

/* Strokes the path as the point forecast reads: dashed, in the actual's colour, fainter. */
static void
stroke_forecast (cairo_t *cr, const PlChartStyle *style)
{
  static const double dash[] = { 6, 4 };

  pl_chart_set_color (cr, &style->good, style->high_contrast ? 1 : 0.7);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The forecast of the months after the last measured one: the 80 % band as a light area from
 * the last actual point, widening, and the point forecast as a dashed line. */
static void
plot_forecast (cairo_t *cr, const PlLatestEstimate *e, guint n, double x, double y, double w, double h, double low,
               double high, const PlChartStyle *style)
{
  guint first = e->n_actual > 0 ? e->n_actual - 1 : 0;

#define PX(i) (x + (n > 1 ? w * (i) / (n - 1) : w / 2))
#define PY(v) (y + h - (high > low ? h * ((v) - low) / (high - low) : h / 2))
  cairo_new_path (cr);
  for (guint m = first; m < n; m++)
    cairo_line_to (cr, PX (m), PY (e->months[m].high));
  for (guint m = n; m-- > first;)
    cairo_line_to (cr, PX (m), PY (e->months[m].low));
  cairo_close_path (cr);
  paint_band (cr, style);
  cairo_new_path (cr);
  for (guint m = first; m < n; m++)
    cairo_line_to (cr, PX (m), PY (e->months[m].value));
  stroke_forecast (cr, style);
#undef PX
#undef PY
}

/* The forecast's key, right-aligned on @right above the plot: a swatch of the band with the
 * dashed line through it, and "Forecast, 80% range" in the axis labels' colour and size.
 * Returns where it starts on the left. */
static double
forecast_key (cairo_t *cr, PangoLayout *text, double right, double y, const PlChartStyle *style)
{
  const char *words = _("Forecast, 80% range");
  g_autofree char *markup = g_markup_escape_text (words, -1);
  int text_w, text_h;
  double x;

  pango_layout_set_width (text, -1);
  pango_layout_set_markup (text, markup, -1);
  pango_layout_get_pixel_size (text, &text_w, &text_h);
  x = right - text_w;
  set_color (cr, &style->muted, 1);
  label (cr, text, markup, x, y + (KEY_H - text_h) / 2 - 2, text_w + 1, PANGO_ALIGN_LEFT);
  cairo_new_path (cr);
  cairo_rectangle (cr, x - 30, y + 2, 24, KEY_H - 8);
  paint_band (cr, style);
  cairo_new_path (cr);
  cairo_move_to (cr, x - 30, y + KEY_H / 2 - 1);
  cairo_line_to (cr, x - 6, y + KEY_H / 2 - 1);
  stroke_forecast (cr, style);
  pl_chart_note_legend (words);
  return x - 30;
}

/* The width of a line's key: its swatch, its words and the gap after them. */
static double
line_key_width (PangoLayout *text, const char *words)
{
  return 30 + pl_chart_text_width (text, words) + 14;
}

/* A line's key, right-aligned on @right: a short stroke of it before @words. */
static void
line_key (cairo_t *cr, PangoLayout *text, const char *words, double right, double y, const PlColor *color,
          double line_w, gboolean dashed, const PlChartStyle *style)
{
  static const double dash[] = { 5, 4 };
  g_autofree char *markup = g_markup_escape_text (words, -1);
  int text_w = pl_chart_text_width (text, words), text_h;
  double x = right - 14 - text_w;

  pango_layout_get_pixel_size (text, NULL, &text_h);
  set_color (cr, &style->muted, 1);
  label (cr, text, markup, x, y + (KEY_H - text_h) / 2 - 2, text_w + 1, PANGO_ALIGN_LEFT);
  set_color (cr, color, 1);
  cairo_set_line_width (cr, line_w);
  if (dashed)
    cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, x - 30, y + KEY_H / 2 - 1);
  cairo_line_to (cr, x - 6, y + KEY_H / 2 - 1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  pl_chart_note_legend (words);
}

/* The key above the plot, right-aligned on @right: the actual's line, the target's dashed
 * line, then the forecast's band when there is one; on two lines when one is too short
 * from @left. Returns its height. */
static double
draw_key (cairo_t *cr, PangoLayout *text, double left, double right, double y, gboolean forecast,
          const PlChartStyle *style)
{
  const char *actual = _("Actual"), *target = _("Target");
  double lines_w = line_key_width (text, actual) + line_key_width (text, target);
  double forecast_w = forecast ? 30 + pl_chart_text_width (text, _("Forecast, 80% range")) : 0;
  gboolean two_lines = forecast && left + lines_w + forecast_w > right;
  double end = right;

  if (cr == NULL)
    return two_lines ? 2 * KEY_H : KEY_H;
  /* A line's key ends in a gap: past the right edge when nothing follows it. */
  if (forecast && !two_lines)
    end = forecast_key (cr, text, right, y, style);
  else
    end = right + 14;
  if (forecast && two_lines)
    forecast_key (cr, text, right, y + KEY_H, style);
  line_key (cr, text, target, end, y, &style->muted, 1.5, TRUE, style);
  line_key (cr, text, actual, end - line_key_width (text, target), y, &style->good, 2.5, FALSE, style);
  return two_lines ? 2 * KEY_H : KEY_H;
}

char *
pl_trend_chart_draw (PlPlan *plan, PlItem *kpi, gboolean sparkline, cairo_t *cr, double width, double height,
                     const PlChartStyle *style)
{
  guint n = pl_plan_get_months (plan);
  g_autofree double *actual = g_new (double, n);
  g_autofree double *target = g_new (double, n);
  double low = INFINITY, high = -INFINITY;
  guint measured = 0, on_target = 0;
  const char *name = pl_item_get_string (kpi, PL_KPI_NAME);
  gboolean lower_better = pl_item_get_int (kpi, PL_KPI_DIRECTION) == PL_DIRECTION_LOWER;
  /* The rest of the period forecast as the dashboard does, as of the same day. */
  PlLatestEstimate estimate = pl_forecast_kpi (plan, PL_KPI (kpi), pl_dashboard_resolve_as_of (plan, pl_calendar_today ()));
  gboolean forecast = !sparkline && estimate.missing == PL_ESTIMATE_AVAILABLE && estimate.n_months == n &&
                      estimate.n_actual > 0 && estimate.n_actual < n;
  g_autofree char *measured_text = NULL;

  /* A formula's band can be unknown (a divisor's reaching zero): then none is drawn. */
  for (guint m = forecast ? estimate.n_actual : n; m < n; m++)
    forecast = forecast && isfinite (estimate.months[m].low) && isfinite (estimate.months[m].high);
  for (guint m = 0; m < n; m++)
    {
      guint32 from = pl_plan_month_start (plan, m);
      guint32 to = m + 1 < n ? pl_plan_month_start (plan, m + 1) : pl_plan_get_end (plan);

      actual[m] = pl_figures_kpi_value (plan, PL_KPI (kpi), from, to);
      target[m] = pl_figures_kpi_target (plan, PL_KPI (kpi), from, to);
      if (!isnan (actual[m]))
        {
          low = MIN (low, actual[m]);
          high = MAX (high, actual[m]);
          measured++;
          if (!isnan (target[m]) && (lower_better ? actual[m] <= target[m] : actual[m] >= target[m]))
            on_target++;
        }
      if (!isnan (target[m]) && !sparkline)
        {
          low = MIN (low, target[m]);
          high = MAX (high, target[m]);
        }
      if (forecast && m >= estimate.n_actual)
        {
          low = MIN (low, estimate.months[m].low);
          high = MAX (high, estimate.months[m].high);
        }
    }

  if (!sparkline)
    {
      set_color (cr, &style->background, 1);
      cairo_paint (cr);
    }
  if (!isfinite (low))
    return g_strdup_printf (_("“%s” has no figures yet."), name);
  if (!sparkline)
    {
      /* Some room above and below, and the axis from zero when the values are all positive
       * and not far from it, so a small change does not look like a collapse. */
      double span = high - low;
      if (low > 0 && low < span * 2)
        low = 0;
      high += span * 0.08 + (span == 0 ? fabs (high) * 0.1 + 1 : 0);
      /* From zero, the lines fall on round figures. */
      if (low == 0)
        high = pl_chart_nice_ceiling (high);
    }

  if (sparkline)
    {
      cairo_set_line_width (cr, 1.5);
      set_color (cr, &style->text, 0.9);
      plot (cr, actual, n, 1, 1, width - 2, height - 2, low, high, FALSE);
    }
  else
    {
      g_autoptr(PangoLayout) text = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string (style->font);
      double key, x = AXIS_W, y, w = width - AXIS_W - 24, h;

      pango_font_description_set_absolute_size (font, 10 * PANGO_SCALE);
      pango_layout_set_font_description (text, font);
      pango_font_description_free (font);
      /* What each line is, above the plot: the actual, the target and the forecast. */
      key = draw_key (NULL, text, x, x + w, PAD - 4, forecast, style);
      y = PAD + key;
      h = height - PAD - key - MONTHS_H;
      for (int i = 0; i <= 2; i++)
        {
          double value = low + (high - low) * i / 2;
          double py = y + h - h * i / 2;
          g_autofree char *value_text = axis_value (kpi, value);
          g_autofree char *markup = g_markup_escape_text (value_text, -1);

          set_color (cr, &style->muted, 0.25);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, x, py);
          cairo_line_to (cr, x + w, py);
          cairo_stroke (cr);
          set_color (cr, &style->muted, 1);
          label (cr, text, markup, 0, py - 7, AXIS_W - 6, PANGO_ALIGN_RIGHT);
        }
      {
        /* Every month when their names fit side by side, else every other one, or fewer. */
        double column = n > 1 ? w / (n - 1) : w;
        int widest = pl_chart_widest_month (text, plan, n);
        guint step;

        step = (guint) MAX (1, ceil ((widest + 6) / column));
        for (guint m = 0; m < n; m += step)
          {
            GDate date;
            char month[32];
            g_autofree char *markup = NULL;
            double px = x + (n > 1 ? w * m / (n - 1) : w / 2);

            g_date_clear (&date, 1);
            g_date_set_julian (&date, pl_plan_month_start (plan, m));
            g_date_strftime (month, sizeof month, "%b", &date);
            markup = g_markup_escape_text (month, -1);
            set_color (cr, &style->muted, 1);
            label (cr, text, markup, px - column * step / 2, y + h + 4, column * step, PANGO_ALIGN_CENTER);
          }
      }
      if (forecast)
        {
          plot_forecast (cr, &estimate, n, x, y, w, h, low, high, style);
        }
      draw_key (cr, text, x, x + w, PAD - 4, forecast, style);
      {
        static const double dash[] = { 5, 4 };
        set_color (cr, &style->muted, 1);
        cairo_set_line_width (cr, 1.5);
        cairo_set_dash (cr, dash, 2, 0);
        plot (cr, target, n, x, y, w, h, low, high, FALSE);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      cairo_set_line_width (cr, 2.5);
      set_color (cr, &style->good, 1);
      plot (cr, actual, n, x, y, w, h, low, high, TRUE);
    }
  measured_text = g_strdup_printf (ngettext ("“%s”: %u month measured, %u on target.",
                                             "“%s”: %u months measured, %u on target.", measured),
                                   name, measured, on_target);
  if (forecast)
    {
      guint left = n - estimate.n_actual;
      g_autofree char *how = pl_forecast_describe (&estimate.forecast);
      /* Translators: after the trend chart's summary; then how the forecast was made */
      g_autofree char *band = g_strdup_printf (ngettext ("The month left is forecast with its 80%% band.",
                                                         "The %u months left are forecast with their 80%% band.", left),
                                               left);
      return g_strjoin (" ", measured_text, band, how, NULL);
    }
  return g_steal_pointer (&measured_text);
}
