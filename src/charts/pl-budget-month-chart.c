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

static Frame
frame (const PlBudgetTotals *totals, double width, double height)
{
  guint months = pl_budget_totals_get_months (totals);
  gint64 highest = 0;
  Frame f = { AXIS_W, LEGEND_H + PAD, width - 2 * AXIS_W, height - LEGEND_H - PAD - MONTHS_H, 0, 0 };

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

static void
legend_item (cairo_t *cr, PangoLayout *text, const PlChartStyle *style, double *x, const PlColor *color,
             double alpha, gboolean line, gboolean dashed, const char *label)
{
  static const double dash[] = { 5, 3 };
  int label_w;

  pl_chart_set_color (cr, color, alpha);
  if (line)
    {
      cairo_set_line_width (cr, 2);
      if (dashed)
        cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, *x, 10);
      cairo_line_to (cr, *x + 18, 10);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      cairo_rectangle (cr, *x + 4, 4, 10, 12);
      cairo_fill (cr);
    }
  pl_chart_set_color (cr, &style->text, 1);
  pango_layout_set_width (text, -1);
  pango_layout_set_text (text, label, -1);
  pango_layout_get_pixel_size (text, &label_w, NULL);
  cairo_move_to (cr, *x + 24, 3);
  pango_cairo_show_layout (cr, text);
  *x += 24 + label_w + 18;
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
  double lx = f.x;

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);

  /* Grid and both axes, four steps each. */
  for (int i = 0; i <= 4; i++)
    {
      double py = f.y + f.h - f.h * i / 4;
      /* Shared, both axes read as shares of the whole budget. */
      g_autofree char *left = pl_chart_amount (style, plan, (gint64) (f.bar_max * i / 4), planned_total, FALSE);
      g_autofree char *right = pl_chart_amount (style, plan, (gint64) (f.cumul_max * i / 4), planned_total, FALSE);

      pl_chart_set_color (cr, &style->muted, i == 0 ? 0.6 : 0.2);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, f.x, floor (py) + 0.5);
      cairo_line_to (cr, f.x + f.w, floor (py) + 0.5);
      cairo_stroke (cr);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_text (cr, text, left, 0, py - 7, AXIS_W - 8, PANGO_ALIGN_RIGHT);
      pl_chart_text (cr, text, right, f.x + f.w + 8, py - 7, AXIS_W - 8, PANGO_ALIGN_LEFT);
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
      pl_chart_month_label (cr, text, plan, m, f.x + slot * m, f.y + f.h + 4, slot);
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

  legend_item (cr, text, style, &lx, &style->muted, 0.35, FALSE, FALSE, _("Planned"));
  legend_item (cr, text, style, &lx, &style->good, 0.9, FALSE, FALSE, _("Spent"));
  legend_item (cr, text, style, &lx, &style->bad, 0.9, FALSE, FALSE, _("Spent over plan"));
  legend_item (cr, text, style, &lx, &style->muted, 1, TRUE, TRUE, _("Planned to date"));
  legend_item (cr, text, style, &lx, &style->text, 0.85, TRUE, FALSE, _("Spent to date"));

  return pl_chart_sentences_join (pl_budget_month_chart_sentences (plan, totals, style));
}
