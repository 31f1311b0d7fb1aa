/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-burn-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-budget-burn-chart.h"
#include "pl-chart-draw.h"
#include "pl-figures.h"
#include "pl-money.h"

#define AXIS_W   58.0
#define RIGHT_W  96.0
#define MONTHS_H 22.0
#define PAD      30.0  /* above the plot, at least: the axis' unit and the legend */
#define N_KEYS   3

gint64
pl_budget_burn_projection (const PlBudgetTotals *totals, guint *months_spent)
{
  guint months = pl_budget_totals_get_months (totals);
  guint spent = 0;
  gint64 to_date = 0;

  for (guint m = 0; m < months; m++)
    if (pl_budget_totals_actual (totals, NULL, (int) m) != 0)
      spent = m + 1;
  for (guint m = 0; m < spent; m++)
    to_date = pl_money_sum (to_date, pl_budget_totals_actual (totals, NULL, (int) m));
  if (months_spent != NULL)
    *months_spent = spent;
  if (spent == 0)
    return 0;
  /* Past what a sum holds, the projection is not available either (PL_MONEY_OVERFLOW). */
  return pl_money_sum (to_date, pl_money_from_major ((double) to_date / spent * (months - spent), 0));
}

static double
axis_max (const PlBudgetTotals *totals)
{
  return pl_chart_nice_ceiling ((double) MAX (pl_budget_totals_planned (totals, NULL, -1),
                                              pl_budget_burn_projection (totals, NULL)) * 1.05);
}

/* The legend's entries, in @style's colours; the spend's colour is red when it runs over. */
static void
legend_items (const PlChartStyle *style, gboolean over, PlChartLegendItem items[N_KEYS])
{
  items[0] = (PlChartLegendItem) { _("Planned"), &style->muted, 1, PL_CHART_MARK_DASHED };
  items[1] = (PlChartLegendItem) { _("Spent to date"), over ? &style->bad : &style->good, 1, PL_CHART_MARK_LINE };
  items[2] = (PlChartLegendItem) { _("At this rate"), over ? &style->bad : &style->good, 1, PL_CHART_MARK_DOTTED };
}

/* The top of the plot: below the legend, which takes more lines in a narrow chart. */
static double
plot_top (double width)
{
  PlChartLegendItem items[N_KEYS];

  legend_items (pl_chart_style_light (), FALSE, items);
  return MAX (PAD, pl_chart_legend_height (pl_chart_style_light (), 11, items, N_KEYS, AXIS_W, width - RIGHT_W) + 12);
}

static void
point (const PlBudgetTotals *totals, double width, double height, double month, double amount, double *x, double *y)
{
  guint months = MAX (pl_budget_totals_get_months (totals), 1);
  double top = plot_top (width);
  double w = width - AXIS_W - RIGHT_W, h = height - top - MONTHS_H;

  *x = AXIS_W + w * month / months;
  *y = top + h - h * amount / axis_max (totals);
}

void
pl_budget_burn_chart_projection_end (const PlBudgetTotals *totals, double width, double height, double *x, double *y)
{
  point (totals, width, height, pl_budget_totals_get_months (totals), (double) pl_budget_burn_projection (totals, NULL), x, y);
}

/* A dot where a line ends and its value beside it, at @label_y so two labels never overlap. */
static void
end_label (cairo_t *cr, PangoLayout *text, const PlChartStyle *style, const PlColor *color, double x, double y,
           double label_y, const char *caption, PlPlan *plan, gint64 amount, gint64 whole)
{
  /* Precise: the two ends are often close, and the difference is the point. */
  g_autofree char *value = pl_chart_amount (style, plan, amount, whole, TRUE);
  g_autofree char *label = g_strdup_printf ("%s\n%s", value, caption);

  pl_chart_set_color (cr, color, 1);
  cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
  cairo_fill (cr);
  pl_chart_axis_label (cr, text, label, x + 8, label_y - 8, RIGHT_W - 10, PANGO_ALIGN_LEFT);
}

char **
pl_budget_burn_chart_sentences (PlPlan *plan, const PlBudgetTotals *totals, const PlChartStyle *style)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  guint spent = 0;
  gint64 projected = pl_budget_burn_projection (totals, &spent);
  gint64 planned_total = pl_budget_totals_planned (totals, NULL, -1);
  double against = pl_figures_against ((double) projected, (double) planned_total);
  g_autofree char *share = isnan (against) ? g_strdup ("–") : pl_percent_format (100.0 * against, 0);
  g_autofree char *projected_text = NULL, *planned_text = NULL;

  if (style->share_safe)
    return pl_chart_sentence (spent == 0 ? g_strdup (_("Nothing spent yet."))
                              /* Translators: the projected end spend as a share of the budget */
                              : g_strdup_printf (_("At the current rate, spend reaches %s of the budget by the end of the period."),
                                                 share));
  projected_text = pl_money_format (projected, exponent, pl_plan_get_currency (plan));
  planned_text = pl_money_format (planned_total, exponent, pl_plan_get_currency (plan));
  if (spent == 0)
    return pl_chart_sentence (g_strdup_printf (_("Nothing spent yet against a budget of %s."), planned_text));
  /* Translators: projected end spend, its share of the budget, the budget */
  return pl_chart_sentence (g_strdup_printf (_("At the current rate, spend reaches %s by the end of the period: %s of the budget of %s."),
                                             projected_text, share, planned_text));
}

char *
pl_budget_burn_chart_draw (PlPlan *plan, const PlBudgetTotals *totals, cairo_t *cr, double width, double height,
                           const PlChartStyle *style)
{
  static const double dash[] = { 6, 4 };
  guint months = pl_budget_totals_get_months (totals);
  guint spent = 0;
  gint64 projected = pl_budget_burn_projection (totals, &spent);
  gint64 planned_total = pl_budget_totals_planned (totals, NULL, -1);
  gint64 sum = 0;
  double top = axis_max (totals), x, y, x0, y0;
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 11);

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  {
    double divisor;
    g_autofree char *unit = pl_chart_money_unit (style, plan, top, &divisor);

    pl_chart_set_color (cr, &style->muted, 1);
    pl_chart_axis_label (cr, text, unit, 0, plot_top (width) - 24, AXIS_W - 8, PANGO_ALIGN_RIGHT);
    for (int i = 0; i <= 4; i++)
      {
        g_autofree char *label = pl_chart_money_tick (style, plan, top * i / 4, divisor, planned_total);
        point (totals, width, height, 0, top * i / 4, &x, &y);
        pl_chart_set_color (cr, &style->muted, i == 0 ? 0.6 : 0.2);
        cairo_set_line_width (cr, 1);
        cairo_move_to (cr, x, floor (y) + 0.5);
        cairo_line_to (cr, width - RIGHT_W, floor (y) + 0.5);
        cairo_stroke (cr);
        pl_chart_set_color (cr, &style->muted, 1);
        pl_chart_axis_label (cr, text, label, 0, y - 7, AXIS_W - 8, PANGO_ALIGN_RIGHT);
      }
  }
  for (guint m = 0; m < months; m++)
    {
      double x1, unused;
      guint step;

      point (totals, width, height, m, 0, &x, &y);
      point (totals, width, height, m + 1, 0, &x1, &unused);
      step = pl_chart_month_step (text, plan, months, x1 - x);
      pl_chart_set_color (cr, &style->muted, 1);
      if (m % step == 0)
        pl_chart_month_label (cr, text, plan, m, (x + x1) / 2 - (x1 - x) * step / 2, y + 4, (x1 - x) * step);
    }

  /* The plan, month by month, dashed. */
  cairo_set_line_width (cr, 2);
  pl_chart_set_color (cr, &style->muted, 1);
  cairo_set_dash (cr, dash, 2, 0);
  point (totals, width, height, 0, 0, &x, &y);
  cairo_move_to (cr, x, y);
  for (guint m = 0; m < months; m++)
    {
      sum = pl_money_sum (sum, pl_budget_totals_planned (totals, NULL, (int) m));
      point (totals, width, height, m + 1, (double) sum, &x, &y);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* The actual, solid, then its projection at the same rate, dotted. */
  sum = 0;
  point (totals, width, height, 0, 0, &x0, &y0);
  cairo_move_to (cr, x0, y0);
  for (guint m = 0; m < spent; m++)
    {
      sum = pl_money_sum (sum, pl_budget_totals_actual (totals, NULL, (int) m));
      point (totals, width, height, m + 1, (double) sum, &x0, &y0);
      cairo_line_to (cr, x0, y0);
    }
  pl_chart_set_color (cr, projected > planned_total ? &style->bad : &style->good, 1);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
  if (spent > 0 && spent < months)
    {
      static const double dots[] = { 2, 4 };
      pl_budget_burn_chart_projection_end (totals, width, height, &x, &y);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dots, 2, 0);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }

  {
    double px, py, qx, qy, label_qy;
    point (totals, width, height, months, (double) planned_total, &px, &py);
    pl_budget_burn_chart_projection_end (totals, width, height, &qx, &qy);
    /* Keep the two end labels apart when the projection lands near the plan. */
    label_qy = qy;
    if (fabs (py - qy) < 32)
      label_qy = qy <= py ? py - 32 : py + 32;
    end_label (cr, text, style, &style->muted, px, py, py, _("planned"), plan, planned_total, planned_total);
    if (spent > 0)
      end_label (cr, text, style, projected > planned_total ? &style->bad : &style->good, qx, qy, label_qy,
                 _("at this rate"), plan, projected, planned_total);
  }

  {
    PlChartLegendItem items[N_KEYS];

    legend_items (style, projected > planned_total, items);
    pl_chart_legend (cr, text, style, items, spent > 0 ? N_KEYS : 1, AXIS_W, 1, width - RIGHT_W);
  }
  return pl_chart_sentences_join (pl_budget_burn_chart_sentences (plan, totals, style));
}
