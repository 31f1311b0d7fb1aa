/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-scenario-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-chart-draw.h"
#include "pl-money.h"
#include "pl-records.h"
#include "pl-records.h"
#include "pl-scenario.h"
#include "pl-scenario-chart.h"

#define LEGEND_H 28.0
#define GAP      18.0
#define TITLE_H  20.0
#define PAD      8.0
#define AXIS_RESERVE 80.0
#define MONTHS_H 18.0

const PlProjectionRow pl_scenario_chart_measures[PL_SCENARIO_CHART_N_MEASURES] = {
  PL_PROJECTION_SPEND, PL_PROJECTION_LEADS, PL_PROJECTION_CUSTOMERS,
  PL_PROJECTION_REVENUE, PL_PROJECTION_CAC, PL_PROJECTION_LTV_CAC,
};

/* ---- the series ---- */

static void
series_clear (gpointer data)
{
  PlScenarioSeries *series = data;

  g_clear_pointer (&series->name, g_free);
  g_clear_pointer (&series->projection, pl_projection_free);
}

GArray *
pl_scenario_series_new_empty (void)
{
  GArray *series = g_array_new (FALSE, TRUE, sizeof (PlScenarioSeries));

  g_array_set_clear_func (series, series_clear);
  return series;
}

void
pl_scenario_series_add (GArray *series, const char *name, PlProjection *projection)
{
  PlScenarioSeries entry = { g_strdup (name), projection };

  g_array_append_val (series, entry);
}

GArray *
pl_scenario_series_new (PlPlan *plan, guint32 as_of)
{
  GArray *series = pl_scenario_series_new_empty ();
  g_autoptr(PlProjector) projector = pl_projector_new (plan);
  g_autoptr(PlDrivers) base = pl_drivers_new_from_plan (plan, PL_DRIVERS_DEFAULT_WINDOW, as_of);

  /* Translators: the scenario made of the plan's own drivers, from its history */
  GListModel *scenarios = pl_plan_get_collection (plan, PL_COLLECTION_SCENARIOS);

  pl_scenario_series_add (series, C_("scenario", "Base"), pl_projector_forward (projector, base));
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(PlItem) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(PlDrivers) drivers = pl_scenario_get_drivers (PL_SCENARIO (scenario), plan, as_of);

      pl_scenario_series_add (series, pl_item_get_string (scenario, PL_SCENARIO_NAME),
                              pl_projector_forward (projector, drivers));
    }
  return series;
}

/* ---- figures in words ---- */

gboolean
pl_scenario_chart_is_money (PlProjectionRow row)
{
  return row == PL_PROJECTION_SPEND || row == PL_PROJECTION_REVENUE || row == PL_PROJECTION_CAC ||
         row == PL_PROJECTION_LTV;
}

char *
pl_scenario_chart_value_text (const PlChartStyle *style, PlPlan *plan, PlProjectionRow row, double value,
                              double whole, gboolean brief)
{
  guint exponent = pl_plan_get_currency_exponent (plan);

  if (isnan (value) || isinf (value))
    return g_strdup ("–");
  if (pl_scenario_chart_is_money (row))
    {
      gint64 minor = pl_money_from_major (value, exponent);
      gint64 base = isnan (whole) ? 0 : pl_money_from_major (whole, exponent);

      if (minor == PL_MONEY_OVERFLOW)
        return g_strdup ("–");
      if (brief || style->share_safe)
        return pl_chart_amount (style, plan, minor, base, FALSE);
      /* Whole units: a projection has no meaningful cents. */
      return pl_money_format (pl_money_from_major (round (value), exponent), exponent, pl_plan_get_currency (plan));
    }
  if (row == PL_PROJECTION_LTV_CAC)
    return pl_ratio_format (value, 1);
  if (row == PL_PROJECTION_ROI)
    return pl_percent_format (value * 100, 0);
  if (brief)
    return pl_number_short (value, FALSE);
  {
    g_autofree char *plain = g_strdup_printf ("%.0f", round (value));
    return pl_group_digits (plain);
  }
}

char *
pl_scenario_chart_driver_text (PlPlan *plan, PlDriver driver, double value)
{
  guint exponent = pl_plan_get_currency_exponent (plan);

  if (!isfinite (value))
    return g_strdup ("–");
  switch (pl_driver_unit (driver))
    {
    case PL_DRIVER_UNIT_MONEY:
      return pl_money_format (pl_money_from_major (round (value * 100) / 100, exponent), exponent,
                              pl_plan_get_currency (plan));
    case PL_DRIVER_UNIT_RATE:
      return pl_percent_format (value * 100, value * 100 == round (value * 100) ? 0 : 1);
    case PL_DRIVER_UNIT_DAYS:
      return g_strdup_printf (ngettext ("%.0f day", "%.0f days", (gulong) round (value)), round (value));
    case PL_DRIVER_UNIT_PERCENT_CHANGE:
    default:
      {
        g_autofree char *percent = pl_percent_format (fabs (value), 0);
        return g_strdup_printf ("%s%s", value > 0 ? "+" : value < 0 ? "−" : "", percent);
      }
    }
}

char *
pl_scenario_chart_assumptions_text (PlPlan *plan, const PlDrivers *drivers, gboolean share_safe)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) categories = pl_drivers_list_category_changes (drivers);

  for (PlDriver d = 0; d < PL_N_DRIVERS; d++)
    {
      PlDriverSource source;
      double value = pl_drivers_get (drivers, d, &source);
      g_autofree char *text = NULL;

      if (source != PL_DRIVER_ASSUMED)
        continue;
      if (share_safe && pl_driver_unit (d) == PL_DRIVER_UNIT_MONEY)
        {
          g_ptr_array_add (parts, g_strdup (pl_driver_name (d)));
          continue;
        }
      text = pl_scenario_chart_driver_text (plan, d, value);
      /* Translators: an assumption of a scenario, a driver's name and its value */
      g_ptr_array_add (parts, g_strdup_printf (_("%s %s"), pl_driver_name (d), text));
    }
  for (guint i = 0; categories[i] != NULL; i++)
    {
      PlItem *category = pl_plan_lookup (plan, categories[i]);
      g_autofree char *text = pl_scenario_chart_driver_text (plan, PL_DRIVER_SPEND_CHANGE,
                                                             pl_drivers_get_category_change (drivers, categories[i]));

      g_ptr_array_add (parts, g_strdup_printf (_("%s %s"), category != NULL ? pl_item_get_string (category, PL_CATEGORY_NAME)
                                                                          : categories[i], text));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between a scenario's assumptions */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

char **
pl_scenario_chart_sentences (PlPlan *plan, GArray *series, const PlChartStyle *style)
{
  GPtrArray *sentences = g_ptr_array_new ();
  const PlScenarioSeries *base = series->len > 0 ? &g_array_index (series, PlScenarioSeries, 0) : NULL;

  for (guint i = 0; i < series->len; i++)
    {
      const PlScenarioSeries *s = &g_array_index (series, PlScenarioSeries, i);
      char *text[PL_SCENARIO_CHART_N_MEASURES] = { NULL };

      for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
        {
          PlProjectionRow row = pl_scenario_chart_measures[k];
          text[k] = pl_scenario_chart_value_text (style, plan, row, pl_projection_get (s->projection, row, PL_PROJECTION_TOTAL),
                                                  pl_projection_get (base->projection, row, PL_PROJECTION_TOTAL), FALSE);
        }
      /* Translators: a scenario's name, then its spend, leads, new customers, new revenue,
       * CAC and LTV:CAC over the period */
      g_ptr_array_add (sentences, g_strdup_printf (_("%s: spend %s, %s leads, %s new customers, new revenue %s, CAC %s, LTV:CAC %s over the period."),
                                                   s->name, text[0], text[1], text[2], text[3], text[4], text[5]));
      for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
        g_free (text[k]);
    }
  if (series->len < 2)
    g_ptr_array_add (sentences, g_strdup (_("The plan has no scenario to compare yet: save one from the what-if on the Planning page.")));
  g_ptr_array_add (sentences, NULL);
  return (char **) g_ptr_array_free (sentences, FALSE);
}

/* ---- drawing ---- */

/* The x of month @m's point in a plot @w wide from @x: the middle of its slot. */
static double
month_x (double x, double w, guint n, guint m)
{
  return x + w * (m + 0.5) / MAX (n, 1);
}

/* Base, when there are others, is a wide pale band under them. */
static double
series_width (GArray *series, guint i)
{
  return i == 0 && series->len > 1 ? 5 : 2;
}

static double
series_alpha (const PlChartStyle *style, GArray *series, guint i)
{
  return i == 0 && series->len > 1 ? pl_chart_faint (style, 0.5) : 1;
}

static void
draw_legend (cairo_t *cr, PangoLayout *text, GArray *series, double width, const PlChartStyle *style)
{
  double x = 0;
  double item_max = series->len > 0 ? MAX (80, width / series->len) : width;

  for (guint i = 0; i < series->len; i++)
    {
      const PlScenarioSeries *s = &g_array_index (series, PlScenarioSeries, i);
      int label_w;

      pl_chart_set_color (cr, pl_chart_series_color (style, i), series_alpha (style, series, i));
      cairo_set_line_width (cr, series_width (series, i));
      cairo_move_to (cr, x, 11);
      cairo_line_to (cr, x + 20, 11);
      cairo_stroke (cr);
      if (series_alpha (style, series, i) == 1)
        {
          cairo_arc (cr, x + 10, 11, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      pl_chart_set_color (cr, &style->text, 1);
      pango_layout_set_width (text, (int) ((item_max - 44) * PANGO_SCALE));
      pango_layout_set_alignment (text, PANGO_ALIGN_LEFT);
      pango_layout_set_text (text, s->name, -1);
      pango_layout_get_pixel_size (text, &label_w, NULL);
      cairo_move_to (cr, x + 26, 3);
      pango_cairo_show_layout (cr, text);
      pl_chart_note_legend (s->name);
      x += 26 + label_w + 22;
      if (x > width)
        break;
    }
}

static void
draw_panel (cairo_t *cr, PangoLayout *text, PlPlan *plan, GArray *series, PlProjectionRow row, double px,
            double py, double pw, double ph, const PlChartStyle *style)
{
  guint n = pl_plan_get_months (plan);
  const PlScenarioSeries *base = &g_array_index (series, PlScenarioSeries, 0);
  double base_total = pl_projection_get (base->projection, row, PL_PROJECTION_TOTAL);
  double top = 0, axis_w = 0, x, y = py + TITLE_H + 6, w, h = ph - TITLE_H - 6 - MONTHS_H;
  char *labels[3];
  int widest;
  guint step;

  for (guint i = 0; i < series->len; i++)
    for (guint m = 0; m < n; m++)
      {
        double v = pl_projection_get (g_array_index (series, PlScenarioSeries, i).projection, row, (int) m);
        if (isfinite (v))
          top = MAX (top, v);
      }
  top = pl_chart_nice_ceiling (top);
  /* Zero, half and the top: enough to read a level without crowding a small chart. The
   * axis is as wide as its longest label ("250k EUR"), so that none is cut. */
  pl_chart_text_set_size (text, 10);
  pango_layout_set_width (text, -1);
  for (int i = 0; i <= 2; i++)
    {
      int label_w;

      /* Money axes in a share-safe style read as shares of Base's average month. */
      labels[i] = pl_scenario_chart_value_text (style, plan, row, top * i / 2,
                                                style->share_safe ? base_total / MAX (n, 1) : NAN, TRUE);
      pango_layout_set_text (text, labels[i], -1);
      pango_layout_get_pixel_size (text, &label_w, NULL);
      axis_w = MAX (axis_w, label_w + 8);
    }
  x = px + axis_w;
  w = pw - axis_w - 4;

  pl_chart_text_set_size (text, 12);
  pl_chart_set_color (cr, &style->text, 1);
  {
    PangoFontDescription *bold = pango_font_description_copy (pango_layout_get_font_description (text));
    pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description (text, bold);
    pl_chart_text (cr, text, pl_projection_row_name (row), px, py, pw, PANGO_ALIGN_LEFT);
    pango_font_description_set_weight (bold, PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description (text, bold);
    pango_font_description_free (bold);
  }
  pl_chart_text_set_size (text, 10);
  for (int i = 0; i <= 2; i++)
    {
      double gy = floor (y + h - h * i / 2) + 0.5;
      g_autofree char *label = labels[i];

      pl_chart_set_color (cr, &style->muted, pl_chart_faint (style, i == 0 ? 0.6 : 0.2));
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, gy);
      cairo_line_to (cr, x + w, gy);
      cairo_stroke (cr);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_axis_label (cr, text, label, px, gy - 7, axis_w - 6, PANGO_ALIGN_RIGHT);
    }

  /* Every month when their names fit side by side, else every other one, or fewer. */
  widest = pl_chart_widest_month (text, plan, n);
  /* The same months on every chart: the step is found for the widest axis a chart may have. */
  step = (guint) MAX (1, ceil ((widest + 6) / ((pw - 4 - AXIS_RESERVE) / MAX (n, 1))));
  pl_chart_set_color (cr, &style->muted, 1);
  for (guint m = 0; m < n; m += step)
    {
      double slot = w / MAX (n, 1);
      pl_chart_month_label (cr, text, plan, m, month_x (x, w, n, m) - slot * step / 2, y + h + 3, slot * step);
    }

  /* The scenarios, Base under the others as a wide pale band: the reference the others are
   * read against, still seen on both sides of a scenario that keeps its figures. */
  for (guint i = 0; i < series->len; i++)
    {
      PlProjection *projection = g_array_index (series, PlScenarioSeries, i).projection;
      gboolean drawing = FALSE;

      pl_chart_set_color (cr, pl_chart_series_color (style, i), series_alpha (style, series, i));
      cairo_set_line_width (cr, series_width (series, i));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_new_path (cr);
      for (guint m = 0; m < n; m++)
        {
          double v = pl_projection_get (projection, row, (int) m);
          double vx = month_x (x, w, n, m), vy = y + h - h * v / top;

          if (!isfinite (v))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, vx, vy);
          else
            cairo_move_to (cr, vx, vy);
          drawing = TRUE;
        }
      cairo_stroke (cr);
      /* Points where there is room for them (a month standing alone shows too), not on
       * Base's band, where they would darken it. */
      if (w / MAX (n, 1) >= 10 && series_alpha (style, series, i) == 1)
        for (guint m = 0; m < n; m++)
          {
            double v = pl_projection_get (projection, row, (int) m);
            if (isfinite (v))
              {
                cairo_arc (cr, month_x (x, w, n, m), y + h - h * v / top, 2.5, 0, 2 * G_PI);
                cairo_fill (cr);
              }
          }
    }
}

char *
pl_scenario_chart_draw (PlPlan *plan, GArray *series, cairo_t *cr, double width, double height,
                        const PlChartStyle *style)
{
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 12);
  /* Three charts a row when there is room for them, else two. */
  guint columns = width >= 720 ? 3 : 2;
  guint rows = (PL_SCENARIO_CHART_N_MEASURES + columns - 1) / columns;
  double pw = (width - 2 * PAD - GAP * (columns - 1)) / columns;
  double ph = (height - 2 * PAD - LEGEND_H - GAP * (rows - 1)) / rows;

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  if (series->len == 0)
    return pl_chart_sentences_join (pl_scenario_chart_sentences (plan, series, style));
  cairo_save (cr);
  cairo_translate (cr, PAD, PAD);
  draw_legend (cr, text, series, width - 2 * PAD, style);
  for (guint k = 0; k < PL_SCENARIO_CHART_N_MEASURES; k++)
    draw_panel (cr, text, plan, series, pl_scenario_chart_measures[k], (k % columns) * (pw + GAP),
                LEGEND_H + (k / columns) * (ph + GAP), pw, ph, style);
  cairo_restore (cr);
  return pl_chart_sentences_join (pl_scenario_chart_sentences (plan, series, style));
}
