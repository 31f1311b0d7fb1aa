/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-month-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-budget-month-chart.h"
#include "pl-chart-draw.h"
#include "pl-money.h"

#define AXIS_W   58.0
#define LEGEND_H 26.0
#define MONTHS_H 22.0
#define PAD      8.0

typedef struct {
  double x, y, w, h;  /* the plot area */
  double bar_max;     /* the left axis' top, minor units */
  double cumul_max;   /* the right axis' top */
} Frame;

#define N_KEYS 5

/* The legend's entries, in @style's colours. */
static void
legend_items (const PlChartStyle *style, PlChartLegendItem items[N_KEYS])
{
  items[0] = (PlChartLegendItem) { _("Planned"), &style->muted, 0.35, PL_CHART_MARK_BOX };
  items[1] = (PlChartLegendItem) { _("Spent"), &style->good, 0.9, PL_CHART_MARK_BOX };
  items[2] = (PlChartLegendItem) { _("Spent over plan"), &style->bad, 0.9, PL_CHART_MARK_BOX };
  items[3] = (PlChartLegendItem) { _("Planned to date"), &style->muted, 1, PL_CHART_MARK_DASHED };
  items[4] = (PlChartLegendItem) { _("Spent to date"), &style->text, 0.85, PL_CHART_MARK_LINE };
}

static Frame
frame (const PlBudgetTotals *totals, double width, double height)
{
  guint months = pl_budget_totals_get_months (totals);
  gint64 highest = 0;
  PlChartLegendItem items[N_KEYS];
  double legend_h;
  Frame f;

  /* A narrow chart's legend takes more lines: the plot starts below the last. */
  legend_items (pl_chart_style_light (), items);
  legend_h = MAX (LEGEND_H, pl_chart_legend_height (pl_chart_style_light (), 11, items, N_KEYS, AXIS_W, width - AXIS_W) + 8);
  f = (Frame) { AXIS_W, legend_h + PAD, width - 2 * AXIS_W, height - legend_h - PAD - MONTHS_H, 0, 0 };

  for (guint m = 0; m < months; m++)
    highest = MAX (highest, MAX (pl_budget_totals_planned (totals, NULL, (int) m),
                                 pl_budget_totals_actual (totals, NULL, (int) m)));
  f.bar_max = pl_chart_nice_ceiling ((double) highest);
  f.cumul_max = pl_chart_nice_ceiling ((double) MAX (pl_budget_totals_planned (totals, NULL, -1),
                                                     pl_budget_totals_actual (totals, NULL, -1)));
  return f;
}

void
pl_budget_month_chart_bar_rect (const PlBudgetTotals *totals, guint month, gboolean actual, double width,
                                double height, double *x, double *y, double *w, double *h)
{
  Frame f = frame (totals, width, height);
  guint months = MAX (pl_budget_totals_get_months (totals), 1);
  double slot = f.w / months;
  double bar = slot * 0.34;
  gint64 amount = actual ? pl_budget_totals_actual (totals, NULL, (int) month)
                         : pl_budget_totals_planned (totals, NULL, (int) month);

  *w = bar;
  *h = f.h * (double) amount / f.bar_max;
  *x = f.x + slot * month + slot / 2 - bar - 1 + (actual ? bar + 2 : 0);
  *y = f.y + f.h - *h;
}

/* Months up to the last one with any spend: the rest of the period is still to come. */
static guint
months_spent (const PlBudgetTotals *totals)
{
  guint last = 0;

  for (guint m = 0; m < pl_budget_totals_get_months (totals); m++)
    if (pl_budget_totals_actual (totals, NULL, (int) m) != 0)
      last = m + 1;
  return last;
}

static void
cumulative_line (cairo_t *cr, const PlBudgetTotals *totals, const Frame *f, gboolean actual, guint until)
{
  guint months = MAX (pl_budget_totals_get_months (totals), 1);
  double slot = f->w / months;
  gint64 sum = 0;

  cairo_new_path (cr);
  cairo_move_to (cr, f->x, f->y + f->h);
  for (guint m = 0; m < until; m++)
    {
      sum = pl_money_sum (sum, actual ? pl_budget_totals_actual (totals, NULL, (int) m)
                                      : pl_budget_totals_planned (totals, NULL, (int) m));
      cairo_line_to (cr, f->x + slot * (m + 1), f->y + f->h - f->h * (double) sum / f->cumul_max);
    }
  cairo_stroke (cr);
}

char **
pl_budget_month_chart_sentences (PlPlan *plan, const PlBudgetTotals *totals, const PlChartStyle *style)
{
  guint months = pl_budget_totals_get_months (totals);
  gint64 planned_total = pl_budget_totals_planned (totals, NULL, -1);
  gint64 actual_total = pl_budget_totals_actual (totals, NULL, -1);
  guint spent = months_spent (totals);
  guint over = 0;
  g_autofree char *planned_text = NULL, *actual_text = NULL;

  for (guint m = 0; m < months; m++)
    {
      gint64 actual = pl_budget_totals_actual (totals, NULL, (int) m);
      over += actual != 0 && actual > pl_budget_totals_planned (totals, NULL, (int) m);
    }
  if (style->share_safe)
    {
      actual_text = pl_chart_amount (style, plan, actual_total, planned_total, FALSE);
      /* Translators: the share of the budget spent, months with spend, months over plan */
      return pl_chart_sentence (g_strdup_printf (_("Spent %s of the budget in %u months, %u of them over plan."),
                                                 actual_text, spent, over));
    }
  planned_text = pl_money_format (planned_total, pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
  actual_text = pl_money_format (actual_total, pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
  /* Translators: planned total, months, spent total, months with spend, months over plan */
  return pl_chart_sentence (g_strdup_printf (_("Planned %s over %u months; spent %s in %u months, %u of them over plan."),
                                             planned_text, months, actual_text, spent, over));
}

char *
pl_budget_month_chart_draw (PlPlan *plan, const PlBudgetTotals *totals, cairo_t *cr, double width, double height,
                            const PlChartStyle *style)
{
  guint months = pl_budget_totals_get_months (totals);
  gint64 planned_total = pl_budget_totals_planned (totals, NULL, -1);
  guint spent = months_spent (totals);
  Frame f = frame (totals, width, height);
  double slot = f.w / MAX (months, 1);
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 11);
  guint step = pl_chart_month_step (text, plan, months, slot);

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);

  /* Grid and both axes, four steps each, their units above them. */
  {
    double left_divisor, right_divisor;
    g_autofree char *left_unit = pl_chart_money_unit (style, plan, f.bar_max, &left_divisor);
    g_autofree char *right_unit = pl_chart_money_unit (style, plan, f.cumul_max, &right_divisor);

    pl_chart_set_color (cr, &style->muted, 1);
    pl_chart_axis_label (cr, text, left_unit, 0, f.y - 24, AXIS_W - 8, PANGO_ALIGN_RIGHT);
    pl_chart_axis_label (cr, text, right_unit, f.x + f.w + 8, f.y - 24, AXIS_W - 8, PANGO_ALIGN_LEFT);
    for (int i = 0; i <= 4; i++)
      {
        double py = f.y + f.h - f.h * i / 4;
        /* Shared, both axes read as shares of the whole budget. */
        g_autofree char *left = pl_chart_money_tick (style, plan, f.bar_max * i / 4, left_divisor, planned_total);
        g_autofree char *right = pl_chart_money_tick (style, plan, f.cumul_max * i / 4, right_divisor, planned_total);

        pl_chart_set_color (cr, &style->muted, i == 0 ? 0.6 : 0.2);
        cairo_set_line_width (cr, 1);
        cairo_move_to (cr, f.x, floor (py) + 0.5);
        cairo_line_to (cr, f.x + f.w, floor (py) + 0.5);
        cairo_stroke (cr);
        pl_chart_set_color (cr, &style->muted, 1);
        pl_chart_axis_label (cr, text, left, 0, py - 7, AXIS_W - 8, PANGO_ALIGN_RIGHT);
        pl_chart_axis_label (cr, text, right, f.x + f.w + 8, py - 7, AXIS_W - 8, PANGO_ALIGN_LEFT);
      }
  }

  for (guint m = 0; m < months; m++)
    {
      double x, y, w, h;
      gint64 planned = pl_budget_totals_planned (totals, NULL, (int) m);
      gint64 actual = pl_budget_totals_actual (totals, NULL, (int) m);

      pl_budget_month_chart_bar_rect (totals, m, FALSE, width, height, &x, &y, &w, &h);
      pl_chart_set_color (cr, &style->muted, 0.35);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      if (actual != 0)
        {
          gboolean over_plan = actual > planned;
          pl_budget_month_chart_bar_rect (totals, m, TRUE, width, height, &x, &y, &w, &h);
          pl_chart_set_color (cr, over_plan ? &style->bad : &style->good, 0.9);
          cairo_rectangle (cr, x, y, w, h);
          cairo_fill (cr);
        }
      pl_chart_set_color (cr, &style->muted, 1);
      if (m % step == 0)
        pl_chart_month_label (cr, text, plan, m, f.x + slot * m + slot / 2 - slot * step / 2, f.y + f.h + 4,
                              slot * step);
    }

  {
    static const double dash[] = { 6, 4 };
    cairo_set_line_width (cr, 2);
    pl_chart_set_color (cr, &style->muted, 1);
    cairo_set_dash (cr, dash, 2, 0);
    cumulative_line (cr, totals, &f, FALSE, months);
    cairo_set_dash (cr, NULL, 0, 0);
    pl_chart_set_color (cr, &style->text, 0.85);
    cumulative_line (cr, totals, &f, TRUE, spent);
  }

  {
    PlChartLegendItem items[N_KEYS];

    legend_items (style, items);
    pl_chart_legend (cr, text, style, items, N_KEYS, f.x, 1, f.x + f.w);
  }

  return pl_chart_sentences_join (pl_budget_month_chart_sentences (plan, totals, style));
}
