/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-dashboard-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-chart-draw.h"
#include "pl-chart-period.h"
#include "pl-dashboard-chart.h"
#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-funnel-chart.h"
#include "pl-kpi-value.h"
#include "pl-money.h"

#define PAD    12.0
#define GAP    12.0
#define BAR_H  12.0
#define ROW_H  30.0

static const char *
status_words (PlKpiStatus status)
{
  switch (status)
    {
    case PL_KPI_STATUS_GOOD: return _("on target");
    case PL_KPI_STATUS_CLOSE: return _("close to target");
    case PL_KPI_STATUS_OFF: return _("off target");
    case PL_KPI_STATUS_NO_TARGET: return _("no target");
    case PL_KPI_STATUS_NO_DATA:
    default: return _("not measured");
    }
}

static int
text_width (PangoLayout *layout, const char *text)
{
  int w;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

/* Shrinks @layout's font so that @text fits @width, down to @floor pixels: a long figure
 * ("1 495 487 EUR") reads better smaller than cut. */
static void
fit_font (PangoLayout *layout, const char *text, double size, double width, double floor)
{
  int w = text_width (layout, text);

  if (w > width && w > 0)
    pl_chart_text_set_size (layout, MAX (floor, 0.96 * size * width / w));
}

/* The months so far as a line, the target of the month shown as a dashed level, the last
 * point as a dot in the status colour. */
static void
sparkline (const PlDashboardTile *tile, cairo_t *cr, double x, double y, double w, double h,
           const PlChartStyle *style)
{
  static const double dash[] = { 3, 3 };
  GArray *series = tile->series;
  double low = INFINITY, high = -INFINITY;
  gboolean drawing = FALSE;
  guint n = series->len;

#define PX(i) (x + (n > 1 ? w * (i) / (n - 1) : w / 2))
#define PY(v) (y + h - (high > low ? h * ((v) - low) / (high - low) : h / 2))
  for (guint i = 0; i < n; i++)
    {
      double v = g_array_index (series, double, i);
      if (!isnan (v))
        {
          low = MIN (low, v);
          high = MAX (high, v);
        }
    }
  if (!isfinite (low))
    return;
  if (!isnan (tile->target))
    {
      low = MIN (low, tile->target);
      high = MAX (high, tile->target);
      pl_chart_set_color (cr, &style->muted, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, round (PY (tile->target)) + 0.5);
      cairo_line_to (cr, x + w, round (PY (tile->target)) + 0.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  pl_chart_set_color (cr, &style->text, 0.75);
  for (guint i = 0; i < n; i++)
    {
      double v = g_array_index (series, double, i);

      if (isnan (v))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, PX (i), PY (v));
      else
        cairo_move_to (cr, PX (i), PY (v));
      drawing = TRUE;
    }
  cairo_stroke (cr);
  if (!isnan (tile->value))
    {
      pl_chart_set_color (cr, pl_chart_status_color (style, tile->status), 1);
      cairo_arc (cr, PX (n - 1), PY (tile->value), 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
#undef PX
#undef PY
}

/* A KPI in money whose amount the style must not show. */
static gboolean
withholds (const PlChartStyle *style, const PlDashboardTile *tile)
{
  return style->share_safe && pl_item_get_int (tile->kpi, PL_KPI_UNIT) == PL_UNIT_CURRENCY;
}

/* A value of the tile's KPI as the tile shows it: with its money's sign when it is money. */
static char *
kpi_value (PlPlan *plan, const PlDashboardTile *tile, double value)
{
  g_autofree char *number = pl_kpi_value_format (PL_KPI (tile->kpi), value);

  if (pl_item_get_int (tile->kpi, PL_KPI_UNIT) == PL_UNIT_CURRENCY)
    return pl_money_decorate (number, pl_plan_get_currency (plan));
  return g_steal_pointer (&number);
}

/* The same, shortened for a tile whose line is too narrow for it: "497k €". */
static char *
kpi_value_short (PlPlan *plan, const PlDashboardTile *tile, double value)
{
  g_autofree char *number = NULL;

  switch (pl_item_get_int (tile->kpi, PL_KPI_UNIT))
    {
    case PL_UNIT_CURRENCY:
      number = pl_number_short (value, FALSE);
      return pl_money_decorate (number, pl_plan_get_currency (plan));
    case PL_UNIT_COUNT:
      return pl_number_short (value, FALSE);
    default:
      return kpi_value (plan, tile, value);
    }
}

/* The tile's line under its figure, "on target · target 496,600 €", shortened until it fits
 * @width: the target in thousands, then without the words the stripe's colour already says. */
static char *
tile_line (PlPlan *plan, const PlDashboardTile *tile, const char *target_line, PangoLayout *layout, double width)
{
  char *line = g_strdup_printf ("%s · %s", status_words (tile->status), target_line);
  int line_w;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, line, -1);
  pango_layout_get_pixel_size (layout, &line_w, NULL);
  if (line_w <= width || isnan (tile->target) || isnan (tile->value) || tile->target == 0)
    return line;
  g_free (line);
  {
    g_autofree char *target = kpi_value_short (plan, tile, tile->target);
    g_autofree char *shorter = g_strdup_printf (_("target %s"), target);

    line = g_strdup_printf ("%s · %s", status_words (tile->status), shorter);
    pango_layout_set_text (layout, line, -1);
    pango_layout_get_pixel_size (layout, &line_w, NULL);
    if (line_w <= width)
      return line;
    g_free (line);
    return g_steal_pointer (&shorter);
  }
}

/* The tile's figure and what it is measured against. Share-safe, money becomes an index:
 * its share of the target, or of the month before when it has no target. */
static void
tile_figures (PlPlan *plan, const PlDashboardTile *tile, const PlChartStyle *style, char **value, char **against)
{
  double previous = pl_dashboard_tile_previous (tile);

  if (withholds (style, tile))
    {
      gboolean to_target = !isnan (tile->target) && tile->target > 0;
      double base = to_target ? tile->target : previous;

      if (isnan (tile->value) || isnan (base) || base <= 0)
        {
          *value = g_strdup ("–");
          *against = g_strdup (_("amount withheld"));
          return;
        }
      *value = pl_percent_format (100 * pl_figures_against (tile->value, base), 0);
      *against = g_strdup (to_target ? _("of target") : _("of the month before"));
      return;
    }
  *value = isnan (tile->value) ? g_strdup ("–") : kpi_value (plan, tile, tile->value);
  if (isnan (tile->target))
    *against = g_strdup (_("no target"));
  else
    {
      g_autofree char *target = kpi_value (plan, tile, tile->target);
      *against = g_strdup_printf (_("target %s"), target);
    }
}

/* What a tile whose formula cannot give a value says instead; NULL for the others. */
static const char *
missing_line (const PlDashboardTile *tile)
{
  /* Not "not measured": no measurement would give it a value until its formula is mended. */
  if (tile->missing == PL_MISSING_LOOP)
    return _("not available: its formula refers to itself");
  if (tile->missing == PL_MISSING_FORMULA)
    return _("not available: its formula cannot be read");
  return NULL;
}

/* TRUE when the tile has a forecast to show: its estimate is available and some month of
 * the period is still to come. */
static gboolean
has_estimate (const PlDashboardTile *tile)
{
  const PlLatestEstimate *e = &tile->estimate;

  return e->missing == PL_ESTIMATE_AVAILABLE && e->n_actual < e->n_months && isfinite (e->low) &&
         isfinite (e->high);
}

/* The estimate's 80 % band as the tile writes it: "470 to 520"; with @dash, "470–520"; with
 * @shorten, in thousands ("1.2M–1.3M EUR"); share-safe money as shares of the period's target
 * ("96% to 103%"). A band whose ends read the same as written (no spread, or less than the
 * last digit shown) is one value, "7 098", not "7 098 to 7 098": then *@one_value is set, so
 * that the sentence around it does not speak of a band. NULL when it cannot be shown. */
static char *
estimate_range (PlPlan *plan, const PlDashboardTile *tile, const PlChartStyle *style, gboolean shorten,
                gboolean dash, gboolean *one_value)
{
  const PlLatestEstimate *e = &tile->estimate;
  PlUnit unit = pl_item_get_int (tile->kpi, PL_KPI_UNIT);
  /* A count is forecast whole: "470 to 520", not "469.61 to 520.38". */
  double low = unit == PL_UNIT_COUNT ? round (e->low) : e->low;
  double high = unit == PL_UNIT_COUNT ? round (e->high) : e->high;
  g_autofree char *low_text = NULL, *high_text = NULL;
  g_autofree char *range = NULL;

  if (withholds (style, tile))
    {
      if (isnan (tile->period_target) || tile->period_target <= 0)
        return NULL;
      low_text = pl_percent_format (100 * low / tile->period_target, 0);
      high_text = pl_percent_format (100 * high / tile->period_target, 0);
    }
  else if (shorten && (unit == PL_UNIT_COUNT || unit == PL_UNIT_CURRENCY))
    {
      low_text = pl_number_short (low, FALSE);
      high_text = pl_number_short (high, FALSE);
    }
  else
    {
      low_text = pl_kpi_value_format (PL_KPI (tile->kpi), low);
      high_text = pl_kpi_value_format (PL_KPI (tile->kpi), high);
    }
  *one_value = g_str_equal (low_text, high_text);
  if (*one_value)
    range = g_steal_pointer (&low_text);
  else if (dash)
    /* Translators: the 80 % band of a forecast where room is short, "470–520" */
    range = g_strdup_printf (C_("forecast band", "%s–%s"), low_text, high_text);
  else
    /* Translators: the 80 % band of a forecast, "470 to 520" */
    range = g_strdup_printf (C_("forecast band", "%s to %s"), low_text, high_text);
  /* Money's sign once, after the band: "510k to 540k EUR". */
  if (unit == PL_UNIT_CURRENCY && !withholds (style, tile))
    return pl_money_decorate (range, pl_plan_get_currency (plan));
  return g_steal_pointer (&range);
}

/* The period's last month, short ("Dec") or with its year ("December 2027"). */
static char *
period_end_month (PlPlan *plan, gboolean full)
{
  guint32 last = pl_plan_get_end (plan) - 1;
  GDate date;
  char text[64];

  if (full)
    return pl_chart_period_months (last, last + 1);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, last);
  g_date_strftime (text, sizeof text, "%b", &date);
  return g_strdup (text);
}

/* The tile's forecast line, "on course for 470 to 520 by Dec", shortened until it fits @width:
 * a dash between the values, then without the month, then the values in thousands, then
 * "forecast 470–520". NULL when the tile has none. */
static char *
estimate_line (PlPlan *plan, const PlDashboardTile *tile, const PlChartStyle *style, PangoLayout *layout, double width)
{
  /* Each way to write it: the values shortened, a dash, the month said. */
  static const struct { gboolean shorten, dash, when; } ways[] = {
    { FALSE, FALSE, TRUE }, { FALSE, TRUE, TRUE }, { FALSE, TRUE, FALSE },
    { TRUE, TRUE, TRUE }, { TRUE, TRUE, FALSE },
  };
  g_autofree char *month = period_end_month (plan, FALSE);

  for (guint i = 0; i <= G_N_ELEMENTS (ways); i++)
    {
      gboolean last = i == G_N_ELEMENTS (ways);
      gboolean one_value;
      g_autofree char *range = estimate_range (plan, tile, style, last || ways[i].shorten, last || ways[i].dash,
                                               &one_value);
      char *line;

      if (range == NULL)
        return NULL;
      if (last)
        /* Translators: a dashboard tile's forecast where room is short, "forecast 470–520" */
        return g_strdup_printf (_("forecast %s"), range);
      if (withholds (style, tile))
        /* Translators: a dashboard tile's forecast as shares of the period's target, "on course for 96% to 103% of target" */
        line = g_strdup_printf (_("on course for %s of target"), range);
      else if (!ways[i].when)
        /* Translators: a dashboard tile's forecast where room is short, "on course for 470–520" */
        line = g_strdup_printf (_("on course for %s"), range);
      else if (tile->estimate.forecast.why == PL_FORECAST_WHY_FORMULA)
        /* Translators: a dashboard tile's forecast of a ratio over the whole period, "on course for 3.1× to 6.5× over the period" */
        line = g_strdup_printf (_("on course for %s over the period"), range);
      else if (tile->estimate.aggregate == PL_AGGREGATE_LAST)
        /* Translators: a dashboard tile's forecast of a level at the period's end, "on course for 510k to 540k EUR in Dec" */
        line = g_strdup_printf (_("on course for %s in %s"), range, month);
      else if (tile->estimate.aggregate == PL_AGGREGATE_MEAN)
        /* Translators: a dashboard tile's forecast of the period's average, "on course for 31% to 34% on average" */
        line = g_strdup_printf (_("on course for %s on average"), range);
      else
        /* Translators: a dashboard tile's forecast of the period's total, "on course for 470 to 520 by Dec" */
        line = g_strdup_printf (_("on course for %s by %s"), range, month);
      if (text_width (layout, line) <= width)
        return line;
      g_free (line);
    }
  return NULL;
}

/* The estimate in a sentence for the tile's summary, "On course for 470 to 520 by the end of
 * December 2027 (80% band; 6 months forecast by Holt's linear trend).", or NULL. */
static char *
estimate_sentence (PlPlan *plan, const PlDashboardTile *tile, const PlChartStyle *style)
{
  const PlLatestEstimate *e = &tile->estimate;
  gboolean one_value;
  g_autofree char *range = NULL;
  g_autofree char *month = NULL;
  g_autofree char *when = NULL;
  guint months;

  if (!has_estimate (tile) || (range = estimate_range (plan, tile, style, FALSE, FALSE, &one_value)) == NULL)
    return NULL;
  months = e->n_months - e->n_actual;
  month = period_end_month (plan, TRUE);
  if (withholds (style, tile))
    /* Translators: what a forecast is against when the amounts are withheld */
    when = g_strdup (_("of the period’s target"));
  else if (e->forecast.why == PL_FORECAST_WHY_FORMULA)
    /* Translators: when a formula KPI is forecast, over the whole period */
    when = g_strdup (_("over the period"));
  else if (e->aggregate == PL_AGGREGATE_LAST)
    /* Translators: when a level is forecast, "in December 2027" */
    when = g_strdup_printf (_("in %s"), month);
  else if (e->aggregate == PL_AGGREGATE_MEAN)
    when = g_strdup (_("on average over the period"));
  else
    /* Translators: when a total is forecast, "by the end of December 2027" */
    when = g_strdup_printf (_("by the end of %s"), month);
  if (one_value)
    /* Translators: a dashboard tile's forecast with no spread (one month measured, or less
     * than the last digit shown): the value, when ("by the end of December 2027"), the months forecast, the method */
    return g_strdup_printf (ngettext ("On course for %s %s (%u month forecast; method: %s).",
                                      "On course for %s %s (%u months forecast; method: %s).", months),
                            range, when, months, pl_forecast_method_of (&e->forecast));
  /* Translators: a dashboard tile's forecast: the 80 % band, when ("by the end of December
   * 2027"), the months forecast, the method ("Holt's linear trend") */
  return g_strdup_printf (ngettext ("On course for %s %s (80%% band; %u month forecast; method: %s).",
                                    "On course for %s %s (80%% band; %u months forecast; method: %s).", months),
                          range, when, months, pl_forecast_method_of (&e->forecast));
}

/* The sentence a tile's summary is. */
static char *
tile_figures_sentence (PlPlan *plan, const PlDashboardTile *tile, const PlChartStyle *style)
{
  const char *name = pl_item_get_string (tile->kpi, PL_KPI_NAME);
  g_autofree char *month = pl_basis_describe (plan, &tile->basis);
  g_autofree char *value = NULL;
  g_autofree char *target_line = NULL;
  g_autofree char *before = NULL;
  double previous = pl_dashboard_tile_previous (tile);

  if (missing_line (tile) != NULL)
    /* Translators: a dashboard tile: KPI name, the month, why its value is not available */
    return g_strdup_printf (_("%s, %s: %s."), name, month, missing_line (tile));
  tile_figures (plan, tile, style, &value, &target_line);
  if (!isnan (previous) && !isnan (tile->value) && previous != tile->value && !withholds (style, tile))
    before = kpi_value (plan, tile, previous);
  if (before != NULL && tile->value > previous)
    /* Translators: a dashboard tile: KPI name, the month, its value, how it stands, its target, the month before's value */
    return g_strdup_printf (_("%s, %s: %s, %s (%s), up from %s the month before."), name, month, value,
                            status_words (tile->status), target_line, before);
  if (before != NULL)
    /* Translators: a dashboard tile: KPI name, the month, its value, how it stands, its target, the month before's value */
    return g_strdup_printf (_("%s, %s: %s, %s (%s), down from %s the month before."), name, month, value,
                            status_words (tile->status), target_line, before);
  /* Translators: a dashboard tile: KPI name, the month, its value, how it stands, its target */
  return g_strdup_printf (_("%s, %s: %s, %s (%s)."), name, month, value, status_words (tile->status), target_line);
}

/* The sentence a tile's summary is: its figures, then its forecast when it has one. */
static char *
tile_sentence (PlPlan *plan, const PlDashboardTile *tile, const PlChartStyle *style)
{
  char *figures = tile_figures_sentence (plan, tile, style);
  g_autofree char *estimate = estimate_sentence (plan, tile, style);
  char *both;

  if (estimate == NULL)
    return figures;
  both = g_strconcat (figures, " ", estimate, NULL);
  g_free (figures);
  return both;
}

char *
pl_dashboard_tile_draw (PlPlan *plan, const PlDashboardTile *tile, cairo_t *cr, double width, double height,
                        const PlChartStyle *style)
{
  const char *name = pl_item_get_string (tile->kpi, PL_KPI_NAME);
  const PlColor *color = pl_chart_status_color (style, tile->status);
  g_autofree char *value = NULL;
  g_autofree char *target_line = NULL;
  g_autofree char *line = NULL;
  g_autofree char *estimate = NULL;
  double size = CLAMP (height * 0.27, 14, 26);
  g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, 12);
  g_autoptr(PangoLayout) large = NULL;
  double spark_w = MIN (width * 0.34, 110), left = PAD + 6, text_w = width - left - PAD - spark_w - 10;
  g_autofree char *month = pl_basis_describe (plan, &tile->basis);
  double month_w, line_y = height - PAD - 13, middle = height / 2, middle_h = height * 0.3;
  int large_h;

  tile_figures (plan, tile, style, &value, &target_line);
  if (missing_line (tile) != NULL)
    line = g_strdup (missing_line (tile));
  else
    line = withholds (style, tile) ? g_strdup_printf ("%s · %s", status_words (tile->status), target_line)
                                   : tile_line (plan, tile, target_line, small, width - left - PAD);
  /* The forecast takes a line above the status when the tile is tall enough for both under
   * its figure: the figure and the sparkline share what is left between the name and it. */
  if (has_estimate (tile) && height >= PL_DASHBOARD_TILE_FORECAST_H)
    estimate = estimate_line (plan, tile, style, small, width - left - PAD);
  if (estimate != NULL)
    {
      double top = PAD + 14, bottom = line_y - 17;

      middle = (top + bottom) / 2;
      middle_h = MIN (middle_h, bottom - top - 4);
      size = CLAMP ((bottom - top) * 0.75, 14, 26);
    }
  large = pl_chart_text_new (cr, style, size);
  pl_chart_card (cr, width, height, style);
  /* The stripe says how the KPI stands before anything is read. */
  pl_chart_set_color (cr, color, 1);
  pl_chart_rounded_rect (cr, 4, 8, 4, height - 16, 2);
  cairo_fill (cr);

  /* Every figure names its basis: the month, at the top right above the sparkline. */
  month_w = MIN (text_width (small, month), spark_w);
  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_text (cr, small, month, width - PAD - month_w, PAD - 3, month_w, PANGO_ALIGN_RIGHT);
  pl_chart_text (cr, small, name, left, PAD - 3, width - left - PAD - month_w - 8, PANGO_ALIGN_LEFT);
  fit_font (large, value, size, text_w, 12);
  pango_layout_set_text (large, value, -1);
  pango_layout_get_pixel_size (large, NULL, &large_h);
  pl_chart_set_color (cr, &style->text, 1);
  pl_chart_text (cr, large, value, left, middle - large_h / 2.0, text_w, PANGO_ALIGN_LEFT);
  if (estimate != NULL)
    {
      pl_chart_set_color (cr, &style->text, 0.85);
      pl_chart_text (cr, small, estimate, left, line_y - 17, width - left - PAD, PANGO_ALIGN_LEFT);
    }
  /* Only a KPI that needs a look says so in colour; the stripe already shows the others. */
  pl_chart_set_color (cr, tile->status == PL_KPI_STATUS_CLOSE || tile->status == PL_KPI_STATUS_OFF ? color : &style->muted, 1);
  pl_chart_text (cr, small, line, left, line_y, width - left - PAD, PANGO_ALIGN_LEFT);
  sparkline (tile, cr, width - PAD - spark_w, middle - middle_h / 2 - height * 0.01, spark_w, middle_h, style);
  return tile_sentence (plan, tile, style);
}

void
pl_ltv_cac_gauge_geometry (double ratio, double width, double *bar_end, double *healthy_x)
{
  /* The scale runs to 5x, or further when the ratio is above it, so 3x is always in view. */
  double top = MAX (5.0, isnan (ratio) ? 0 : ceil (ratio * 1.15));

  *bar_end = isnan (ratio) ? 0 : width * MAX (ratio, 0) / top;
  *healthy_x = width * PL_LTV_CAC_HEALTHY / top;
}

double
pl_dashboard_gauge_bar_y (double height)
{
  return height - PAD - 16 - BAR_H;
}

/* The title, the figure large on the left and a comment on the right of it. */
static void
gauge_head (cairo_t *cr, const char *title, const char *figure, const char *comment, const PlColor *comment_color,
            double width, double height, const PlChartStyle *style)
{
  g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, 12);
  g_autoptr(PangoLayout) note = pl_chart_text_new (cr, style, 12);
  g_autoptr(PangoLayout) large = pl_chart_text_new (cr, style, CLAMP (height * 0.22, 16, 24));
  int figure_w = text_width (large, figure);
  double room = width - 2 * PAD - MIN (figure_w, width / 2) - 12;
  int large_h, note_h;
  double y = PAD + 16;

  /* Long French titles and large text: a little smaller rather than cut. */
  fit_font (small, title, 12, width - 2 * PAD, 10);
  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_text (cr, small, title, PAD, PAD - 3, width - 2 * PAD, PANGO_ALIGN_LEFT);
  pl_chart_set_color (cr, &style->text, 1);
  large_h = (int) pl_chart_text (cr, large, figure, PAD, y, width / 2, PANGO_ALIGN_LEFT);
  fit_font (note, comment, 12, room, 10);
  if (text_width (note, comment) > room)
    {
      /* Still too long: on two lines, the second ending on the figure's baseline. */
      pango_layout_set_wrap (note, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (note, -2);
    }
  pango_layout_set_text (note, comment, -1);
  pango_layout_set_width (note, (int) (MAX (room, 1) * PANGO_SCALE));
  pango_layout_get_pixel_size (note, NULL, &note_h);
  pl_chart_set_color (cr, comment_color, 1);
  pl_chart_text (cr, note, comment, PAD + MIN (figure_w, width / 2) + 12, y + large_h - note_h - 3, room,
                 PANGO_ALIGN_RIGHT);
}

/* The sentence the LTV:CAC gauge's summary is. */
static char *
ltv_cac_sentence (const PlDashboard *dashboard)
{
  double ratio = dashboard->ltv_cac;

  if (isnan (ratio))
    return g_strdup (_("LTV:CAC is not measured yet."));
  if (dashboard->ltv_cac_plan_target)
    {
      g_autofree char *target = pl_ratio_format (dashboard->ltv_cac_target, 2);
      g_autofree char *word = g_utf8_strdown (pl_kpi_status_describe (dashboard->ltv_cac_status), -1);
      /* Translators: the LTV:CAC gauge's summary against the plan's target: "LTV:CAC is 3.4 against the plan’s target of 3.45×: close to target; healthy from 3." */
      return g_strdup_printf (_("LTV:CAC is %.1f against the plan’s target of %s: %s; healthy from 3."), ratio, target, word);
    }
  return g_strdup_printf (ratio >= PL_LTV_CAC_HEALTHY ? _("LTV:CAC is %.1f, above the healthy line of 3.")
                                                      : _("LTV:CAC is %.1f, below the healthy line of 3."),
                          ratio);
}

char *
pl_ltv_cac_gauge_draw (PlPlan *plan, const PlDashboard *dashboard, cairo_t *cr, double width, double height,
                       const PlChartStyle *style)
{
  static const double dash[] = { 3, 2 };
  double ratio = dashboard->ltv_cac;
  g_autofree char *months = pl_chart_period_months (pl_plan_get_start (plan), dashboard->until);
  /* Translators: LTV:CAC over a range of months ("January to June 2027") */
  g_autofree char *title = months ? g_strdup_printf (_("LTV:CAC, %s"), months) : g_strdup (_("LTV:CAC"));
  g_autofree char *value = isnan (ratio) ? g_strdup ("–") : pl_ratio_format (ratio, 1);
  g_autoptr(PangoLayout) tiny = pl_chart_text_new (cr, style, 10);
  gboolean healthy = !isnan (ratio) && ratio >= PL_LTV_CAC_HEALTHY;
  /* Against the plan's own target when it sets one (the health line is then context), as the
   * report's summary and `pilote-cli summary` read it. */
  const PlColor *color = !dashboard->ltv_cac_plan_target ? (healthy ? &style->good : &style->bad)
                         : dashboard->ltv_cac_status == PL_KPI_STATUS_GOOD ? &style->good
                         : dashboard->ltv_cac_status == PL_KPI_STATUS_CLOSE ? &style->warning : &style->bad;
  g_autofree char *target = pl_ratio_format (dashboard->ltv_cac_target, 2);
  g_autofree char *comment = NULL;
  double bar_w = width - 2 * PAD, bar_y = pl_dashboard_gauge_bar_y (height), bar_end, healthy_x, top;
  int step = 1;

  if (isnan (ratio))
    comment = g_strdup (_("not measured yet"));
  else if (!dashboard->ltv_cac_plan_target)
    comment = g_strdup (healthy ? _("healthy: 3× or above") : _("below the 3× line"));
  else if (dashboard->ltv_cac_status == PL_KPI_STATUS_GOOD)
    /* Translators: the LTV:CAC gauge against the plan's target, "on target (3.45×) · healthy from 3×" */
    comment = g_strdup_printf (_("on target (%s) · healthy from 3×"), target);
  else if (dashboard->ltv_cac_status == PL_KPI_STATUS_CLOSE)
    /* Translators: the LTV:CAC gauge against the plan's target, "close to the 3.45× target · healthy from 3×" */
    comment = g_strdup_printf (_("close to the %s target · healthy from 3×"), target);
  else
    /* Translators: the LTV:CAC gauge against the plan's target, "below the 3.45× target · healthy from 3×" */
    comment = g_strdup_printf (_("below the %s target · healthy from 3×"), target);
  pl_chart_card (cr, width, height, style);
  gauge_head (cr, title, value, comment, isnan (ratio) ? &style->muted : color, width, height, style);

  pl_ltv_cac_gauge_geometry (ratio, bar_w, &bar_end, &healthy_x);
  top = bar_w * PL_LTV_CAC_HEALTHY / healthy_x;
  pl_chart_set_color (cr, &style->muted, 0.25);
  pl_chart_rounded_rect (cr, PAD, bar_y, bar_w, BAR_H, 3);
  cairo_fill (cr);
  if (bar_end > 0)
    {
      pl_chart_set_color (cr, color, 1);
      pl_chart_rounded_rect (cr, PAD, bar_y, bar_end, BAR_H, 3);
      cairo_fill (cr);
    }
  /* The scale under the bar, one mark per x, and the health line across it. */
  /* A mark every 1, 2, 5, 10... x, as many as fit 34 px apart: a ratio of 20 would
   * otherwise crowd 21 marks into the bar. */
  {
    static const int steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      {
        step = steps[s];
        if (bar_w * step / top >= 34)
          break;
      }
  }
  for (int i = 0; i <= (int) round (top); i += step)
    {
      g_autofree char *mark = pl_ratio_format (i, 0);
      double x = PAD + bar_w * i / top;

      /* The health line has its own mark, and the marks beside it would run into it. */
      if (i == (int) PL_LTV_CAC_HEALTHY || (i != 0 && fabs (bar_w * (i - PL_LTV_CAC_HEALTHY) / top) < 18))
        continue;
      pl_chart_set_color (cr, &style->muted, 1);
      /* The ends of the scale stay inside the card. */
      pl_chart_axis_label (cr, tiny, mark, i == 0 ? PAD : x + 15 > width - PAD ? width - PAD - 30 : x - 15, bar_y + BAR_H + 3, 30,
                     i == 0 ? PANGO_ALIGN_LEFT : x + 15 > width - PAD ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
    }
  pl_chart_set_color (cr, &style->text, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, round (PAD + healthy_x), bar_y - 5);
  cairo_line_to (cr, round (PAD + healthy_x), bar_y + BAR_H + 3);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  {
    g_autoptr(PangoLayout) bold = pl_chart_text_new (cr, style, 10);
    g_autofree char *healthy_mark = pl_ratio_format (PL_LTV_CAC_HEALTHY, 0);
    g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", healthy_mark);

    pango_layout_set_markup (bold, markup, -1);
    pango_layout_set_width (bold, 30 * PANGO_SCALE);
    pango_layout_set_alignment (bold, PANGO_ALIGN_CENTER);
    cairo_move_to (cr, PAD + healthy_x - 15, bar_y + BAR_H + 3);
    pango_cairo_show_layout (cr, bold);
  }
  return ltv_cac_sentence (dashboard);
}

static char *spend_figures_sentence (PlPlan *plan, const PlDashboard *dashboard, const PlChartStyle *style);

/* The 80 % band of the period's spend, "1.7M–1.9M EUR" (share-safe, as shares of the period's
 * budget), or NULL when there is no forecast: the period measured to its end, or no spend. */
static char *
spend_range (PlPlan *plan, const PlDashboard *dashboard, const PlChartStyle *style)
{
  const PlLatestEstimate *e = &dashboard->spend_estimate;
  double unit = pow (10, pl_plan_get_currency_exponent (plan));
  g_autofree char *low = NULL, *high = NULL;

  if (e->missing != PL_ESTIMATE_AVAILABLE || e->n_actual >= e->n_months || !isfinite (e->low) || !isfinite (e->high))
    return NULL;
  if (style->share_safe)
    {
      if (dashboard->budget <= 0)
        return NULL;
      low = pl_percent_format (100 * e->low * unit / dashboard->budget, 0);
      high = pl_percent_format (100 * e->high * unit / dashboard->budget, 0);
      return g_strdup_printf (C_("forecast band", "%s–%s"), low, high);
    }
  low = pl_number_short (e->low, FALSE);
  high = pl_number_short (e->high, FALSE);
  {
    g_autofree char *range = g_strdup_printf (C_("forecast band", "%s–%s"), low, high);
    return pl_money_decorate (range, pl_plan_get_currency (plan));
  }
}

/* The sentence the spend gauge's summary is; in a share-safe @style, without amounts. */
static char *
spend_sentence (PlPlan *plan, const PlDashboard *dashboard, const PlChartStyle *style)
{
  char *figures = spend_figures_sentence (plan, dashboard, style);
  g_autofree char *range = spend_range (plan, dashboard, style);
  g_autofree char *month = NULL;
  g_autofree char *course = NULL;
  char *both;

  if (range == NULL)
    return figures;
  month = period_end_month (plan, TRUE);
  course = style->share_safe
    /* Translators: the spend gauge's forecast, share-safe: "On course for 92%–98% of the period's budget by the end of December 2027 (80% band)." */
    ? g_strdup_printf (_("On course for %s of the period’s budget by the end of %s (80%% band)."), range, month)
    /* Translators: the spend gauge's forecast: "On course for 1.7M–1.9M EUR by the end of December 2027 (80% band)." */
    : g_strdup_printf (_("On course for %s by the end of %s (80%% band)."), range, month);
  both = g_strconcat (figures, " ", course, NULL);
  g_free (figures);
  return both;
}

/* The spend gauge's figures in a sentence; in a share-safe @style, without amounts. */
static char *
spend_figures_sentence (PlPlan *plan, const PlDashboard *dashboard, const PlChartStyle *style)
{
  g_autofree char *spent = pl_chart_amount (style, plan, dashboard->spend_to_date, dashboard->budget_to_date, FALSE);
  g_autofree char *planned = NULL;
  g_autofree char *percent = NULL;

  if (dashboard->before_period)
    /* Translators: the spend gauge's summary before the period starts: the spend already booked */
    return g_strdup_printf (_("The period has not started; %s is already booked for it."), spent);
  if (isnan (dashboard->used.value))
    return g_strdup (_("No budget is planned to date."));
  if (style->share_safe)
    return g_strdup_printf (_("Spent %s of the budget planned to date."), spent);
  planned = pl_chart_amount (style, plan, dashboard->budget_to_date, dashboard->budget, FALSE);
  percent = pl_percent_format (dashboard->used.value * 100, 0);
  /* Translators: the spend to date, the budget to date, the share spent */
  return g_strdup_printf (_("Spent %s of the %s planned to date (%s)."), spent, planned, percent);
}

char *
pl_spend_gauge_draw (PlPlan *plan, const PlDashboard *dashboard, cairo_t *cr, double width, double height,
                     const PlChartStyle *style)
{
  g_autoptr(PangoLayout) tiny = pl_chart_text_new (cr, style, 11);
  /* Share-safe, the spend is a share of the budget to date, the budget a share of the year's. */
  g_autofree char *spent = pl_chart_amount (style, plan, dashboard->spend_to_date, dashboard->budget_to_date, FALSE);
  g_autofree char *planned = pl_chart_amount (style, plan, dashboard->budget_to_date, dashboard->budget, FALSE);
  g_autofree char *year = pl_chart_amount (style, plan, dashboard->budget, 0, FALSE);
  g_autofree char *detail = NULL;
  g_autofree char *budget = NULL;
  double share = dashboard->used.value;
  g_autofree char *until = pl_date_text (MIN (dashboard->as_of, pl_plan_get_end (plan) - 1), PL_DATE_LONG);
  /* Translators: the spend gauge's title, "Spend to 30 June 2027" */
  g_autofree char *title = dashboard->before_period ? g_strdup (_("Spend recorded for the period"))
                                                    : g_strdup_printf (_("Spend to %s"), until);
  /* Before the period, the spend already booked is set against the whole budget. */
  gint64 against = dashboard->before_period ? dashboard->budget : dashboard->budget_to_date;
  gboolean over = dashboard->spend_to_date > against;
  double bar_w = width - 2 * PAD, bar_y = pl_dashboard_gauge_bar_y (height);
  double scale = MAX (against, dashboard->spend_to_date);

  pl_chart_card (cr, width, height, style);
  if (dashboard->before_period)
    detail = g_strdup (_("the period has not started"));
  else if (isnan (share))
    detail = g_strdup (_("nothing planned yet"));
  else if (style->share_safe)
    /* Translators: under the share of the budget to date spent: the share of the year's budget planned to date */
    detail = g_strdup_printf (_("of the budget to date (%s of the year’s)"), planned);
  else
    {
      g_autofree char *percent = pl_percent_format (share * 100, 0);
      /* Translators: the share spent of the budget planned to date, that budget */
      detail = g_strdup_printf (_("%s of %s planned to date"), percent, planned);
    }
  gauge_head (cr, title, spent, detail, over ? &style->bad : &style->muted, width, height, style);

  pl_chart_set_color (cr, &style->muted, 0.25);
  pl_chart_rounded_rect (cr, PAD, bar_y, scale > 0 ? bar_w * against / scale : bar_w, BAR_H, 3);
  cairo_fill (cr);
  if (scale > 0 && dashboard->spend_to_date > 0)
    {
      pl_chart_set_color (cr, over ? &style->bad : &style->good, 1);
      pl_chart_rounded_rect (cr, PAD, bar_y, bar_w * dashboard->spend_to_date / scale, BAR_H, 3);
      cairo_fill (cr);
    }
  if (style->share_safe)
    budget = NULL;
  else if (!isnan (dashboard->used_of_period.value))
    {
      g_autofree char *of_year = pl_percent_format (dashboard->used_of_period.value * 100, 0);
      /* Translators: under the spend gauge: the share of the whole period's budget spent, that budget */
      budget = g_strdup_printf (_("%s of the %s budgeted for the whole period"), of_year, year);
    }
  else
    /* Translators: the budget of the whole plan, under the spend gauge */
    budget = g_strdup_printf (_("%s budgeted for the whole period"), year);
  pl_chart_set_color (cr, &style->muted, 1);
  {
    /* Where the spend is heading, on the left under the bar when it fits beside the budget;
     * else it takes the budget's place, said with it ("... of the 1.8M EUR budgeted"). */
    g_autofree char *range = spend_range (plan, dashboard, style);
    g_autofree char *course = NULL;

    if (range != NULL)
      /* Translators: under the spend gauge, where the spend is heading: "on course for 1.7M to 1.9M EUR" */
      course = g_strdup_printf (_("on course for %s"), range);
    if (course != NULL && budget != NULL && text_width (tiny, course) + text_width (tiny, budget) + 16 > bar_w)
      {
        g_free (budget);
        /* Translators: under the spend gauge: where the spend is heading, the budget of the whole period */
        budget = g_strdup_printf (_("on course for %s of the %s budgeted"), range, year);
        g_clear_pointer (&course, g_free);
        if (text_width (tiny, budget) > bar_w)
          g_clear_pointer (&budget, g_free);
      }
    if (course != NULL)
      pl_chart_text (cr, tiny, course, PAD, bar_y + BAR_H + 3, bar_w, PANGO_ALIGN_LEFT);
  }
  if (budget != NULL)
    pl_chart_text (cr, tiny, budget, PAD, bar_y + BAR_H + 3, bar_w, PANGO_ALIGN_RIGHT);
  return spend_sentence (plan, dashboard, style);
}

/* The sentence the list of campaigns needing attention sums up in. */
static char *
attention_sentence (const PlDashboard *dashboard)
{
  guint n = dashboard->attention->len;

  if (n == 0)
    /* Nothing measured: no campaign can be said to be on target. */
    return g_strdup (dashboard->measured ? _("None: every campaign is on target, within budget and not about to end.")
                                         : _("None over budget or about to end; nothing is measured yet to judge them against their targets."));
  return g_strdup_printf (ngettext ("%u campaign needs attention.", "%u campaigns need attention.", n), n);
}

char *
pl_attention_list_draw (const PlDashboard *dashboard, cairo_t *cr, double width, double height,
                        const PlChartStyle *style)
{
  g_autoptr(PangoLayout) name = pl_chart_text_new (cr, style, 13);
  g_autoptr(PangoLayout) why = pl_chart_text_new (cr, style, 12);
  GPtrArray *attention = dashboard->attention;
  guint fit = (guint) MAX (1, floor ((height - PAD / 2 - 2) / ROW_H)), shown;
  double y = PAD / 2;

  pl_chart_card (cr, width, height, style);
  if (attention->len == 0)
    {
      char *none = attention_sentence (dashboard);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_text (cr, name, none, PAD, y + 7, width - 2 * PAD, PANGO_ALIGN_LEFT);
      return none;
    }
  /* The last row says how many more there are when they do not all fit. */
  shown = attention->len <= fit ? attention->len : fit - 1;
  /* Core describes the first ones only; the rest are counted on the last row. */
  shown = MIN (shown, PL_DASHBOARD_MAX_DESCRIBED);
  for (guint i = 0; i < shown; i++)
    {
      PlAttention *entry = attention->pdata[i];
      const PlColor *color = entry->reasons & (PL_ATTENTION_OFF_TARGET | PL_ATTENTION_OVER_BUDGET) ? &style->bad
                                                                                                  : &style->warning;
      const char *reasons = style->share_safe ? entry->share_text : entry->text;
      int why_w = MIN (text_width (why, reasons), (int) (width * 0.6));

      if (i > 0)
        {
          pl_chart_set_color (cr, &style->muted, 0.2);
          cairo_rectangle (cr, PAD, round (y), width - 2 * PAD, 1);
          cairo_fill (cr);
        }
      pl_chart_set_color (cr, color, 1);
      cairo_arc (cr, PAD + 4, y + ROW_H / 2, 4, 0, 2 * G_PI);
      cairo_fill (cr);
      pl_chart_set_color (cr, &style->text, 1);
      pl_chart_text (cr, name, pl_item_get_string (entry->campaign, PL_CAMPAIGN_NAME), PAD + 16, y + 7,
                     width - 2 * PAD - 16 - why_w - 16, PANGO_ALIGN_LEFT);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_text (cr, why, reasons, width - PAD - why_w, y + 8, why_w, PANGO_ALIGN_RIGHT);
      y += ROW_H;
    }
  if (shown < attention->len)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more campaign", "and %u more campaigns",
                                                         attention->len - shown), attention->len - shown);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_text (cr, why, more, PAD + 16, y + 8, width - 2 * PAD, PANGO_ALIGN_LEFT);
    }
  return attention_sentence (dashboard);
}

char **
pl_dashboard_sentences (PlPlan *plan, guint32 today, const PlChartStyle *style)
{
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, today);
  g_autofree char **funnel = pl_funnel_chart_sentences (plan, pl_plan_get_start (plan), dashboard->until);
  GPtrArray *sentences = g_ptr_array_new ();

  /* In the order the pieces are drawn; the funnel's strings are taken, not copied. */
  for (guint i = 0; funnel[i] != NULL; i++)
    g_ptr_array_add (sentences, funnel[i]);
  g_ptr_array_add (sentences, ltv_cac_sentence (dashboard));
  g_ptr_array_add (sentences, spend_sentence (plan, dashboard, style));
  for (guint i = 0; i < dashboard->tiles->len; i++)
    g_ptr_array_add (sentences, tile_sentence (plan, &g_array_index (dashboard->tiles, PlDashboardTile, i), style));
  g_ptr_array_add (sentences, attention_sentence (dashboard));
  g_ptr_array_add (sentences, NULL);
  return (char **) g_ptr_array_free (sentences, FALSE);
}

/* Paints one piece at (@x, @y) and adds its summary to @summary. */
#define PIECE(x, y, call) \
  G_STMT_START { \
    g_autofree char *piece = NULL; \
    cairo_save (cr); \
    cairo_translate (cr, (x), (y)); \
    piece = (call); \
    cairo_restore (cr); \
    g_string_append_printf (summary, "%s ", piece); \
  } G_STMT_END

char *
pl_dashboard_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style)
{
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, today);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(PangoLayout) title = pl_chart_text_new (cr, style, 18);
  g_autoptr(PangoLayout) heading = pl_chart_text_new (cr, style, 13);
  guint columns = 4, rows = (dashboard->tiles->len + columns - 1) / columns;
  /* The list takes what its rows need (up to six), the funnel and the tiles share the rest. */
  double head_h = 40, list_h = MIN (MAX (dashboard->attention->len, 1), 6) * ROW_H + PAD;
  double inner = height - head_h - GAP - 24 - list_h - (rows > 0 ? GAP : 0);
  double top_h = floor (rows > 0 ? inner * 0.55 : inner), tiles_h = rows > 0 ? inner - top_h : 0;
  double list_y = head_h + top_h + GAP + tiles_h + (rows > 0 ? GAP : 0);
  double funnel_w = floor (width * 0.6), side_w = width - funnel_w - GAP, gauge_h = (top_h - GAP) / 2;
  double tile_w = (width - (columns - 1) * GAP) / columns;
  double tile_h = rows > 0 ? (tiles_h - (rows - 1) * GAP) / rows : 0;
  GDate date;
  char day[64];

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, dashboard->as_of);
  g_date_strftime (day, sizeof day, "%e %B %Y", &date);
  {
    /* Translators: the printed dashboard's title: the plan's title and the day of its figures */
    g_autofree char *markup = g_markup_printf_escaped (_("<b>%s</b>  <span size=\"smaller\" alpha=\"65%%\">as of %s</span>"),
                                                       pl_plan_get_title (plan) ? pl_plan_get_title (plan) : "",
                                                       g_strstrip (day));
    /* What the tiles' small charts draw, at the right of the title when there is room. */
    g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, 12);
    const PlChartLegendItem legend[] = {
      { _("Actual, month by month"), &style->text, 0.75, PL_CHART_MARK_LINE },
      { _("Target"), &style->muted, 0.8, PL_CHART_MARK_DASHED },
    };
    double legend_w = pl_chart_legend_width (small, legend, G_N_ELEMENTS (legend));
    int title_w;

    pl_chart_set_color (cr, &style->text, 1);
    pango_layout_set_markup (title, markup, -1);
    pango_layout_set_width (title, -1);
    pango_layout_get_pixel_size (title, &title_w, NULL);
    pango_layout_set_width (title, (int) (width * PANGO_SCALE));
    cairo_move_to (cr, 0, 4);
    pango_cairo_show_layout (cr, title);
    if (dashboard->tiles->len > 0 && title_w + 24 + legend_w <= width)
      pl_chart_legend (cr, small, style, legend, G_N_ELEMENTS (legend), width - legend_w, 8, width + 1);
  }

  PIECE (0, head_h,
         pl_funnel_chart_draw (plan, pl_plan_get_start (plan), dashboard->until, cr, funnel_w, top_h, style));
  PIECE (funnel_w + GAP, head_h, pl_ltv_cac_gauge_draw (plan, dashboard, cr, side_w, gauge_h, style));
  PIECE (funnel_w + GAP, head_h + gauge_h + GAP, pl_spend_gauge_draw (plan, dashboard, cr, side_w, gauge_h, style));
  for (guint i = 0; i < dashboard->tiles->len; i++)
    PIECE ((i % columns) * (tile_w + GAP), head_h + top_h + GAP + (i / columns) * (tile_h + GAP),
           pl_dashboard_tile_draw (plan, &g_array_index (dashboard->tiles, PlDashboardTile, i), cr, tile_w, tile_h, style));

  pl_chart_set_color (cr, &style->text, 1);
  pango_layout_set_markup (heading, _("<b>Campaigns That Need Attention</b>"), -1);
  cairo_move_to (cr, 0, list_y);
  pango_cairo_show_layout (cr, heading);
  PIECE (0, list_y + 24, pl_attention_list_draw (dashboard, cr, width, list_h, style));
  g_string_truncate (summary, summary->len - 1);
  return g_string_free (g_steal_pointer (&summary), FALSE);
}
#undef PIECE
