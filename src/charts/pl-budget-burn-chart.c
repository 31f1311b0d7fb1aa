/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-burn-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-budget-burn-chart.h"
#include "pl-chart-draw.h"
#include "pl-figures.h"
#include "pl-money.h"

#define AXIS_W   58.0
#define RIGHT_W  96.0
#define MONTHS_H 22.0
#define PAD      30.0  /* above the plot, at least: the axis' unit and the legend */
#define N_KEYS   4

void
pl_budget_burn_projection (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of,
                           PlBudgetBurnProjection *projection, guint *months_spent)
{
  guint months = pl_budget_totals_get_months (totals);
  guint exponent = pl_plan_get_currency_exponent (plan);
  PlLatestEstimate estimate = pl_forecast_spend (plan, as_of);
  guint spent = 0;
  gint64 to_date = 0;

  memset (projection, 0, sizeof *projection);
  for (guint m = 0; m < months; m++)
    if (pl_budget_totals_actual (totals, NULL, (int) m) != 0)
      spent = m + 1;
  for (guint m = 0; m < spent; m++)
    to_date = pl_money_sum (to_date, pl_budget_totals_actual (totals, NULL, (int) m));
  if (months_spent != NULL)
    *months_spent = spent;
  if (spent == 0)
    return;
  /* The plan's forecast, the one the report prints above the chart and the dashboard's
   * spend gauge gives: the months it counts as measured, then its months to come. */
  if (estimate.missing == PL_ESTIMATE_AVAILABLE && isfinite (estimate.value) && isfinite (estimate.low)
      && isfinite (estimate.high) && estimate.n_actual < estimate.n_months && estimate.n_months == months
      && months <= PL_FORECAST_MAX_MONTHS)
    {
      gint64 sum = 0;

      projection->forecast = TRUE;
      projection->from = estimate.n_actual;
      for (guint m = 0; m < months; m++)
        {
          sum = pl_money_sum (sum, pl_money_from_major (estimate.months[m].value, exponent));
          projection->cumulative[m + 1] = sum;
        }
      projection->start = projection->cumulative[projection->from];
      projection->end = pl_money_from_major (estimate.value, exponent);
      projection->low = pl_money_from_major (estimate.low, exponent);
      projection->high = pl_money_from_major (estimate.high, exponent);
      return;
    }
  /* No forecast: the average month so far for every month left. Past what a sum holds, the
   * projection is not available either (PL_MONEY_OVERFLOW). */
  projection->from = spent;
  projection->start = to_date;
  projection->end = pl_money_sum (to_date, pl_money_from_major ((double) to_date / spent * (months - spent), 0));
  projection->low = projection->high = projection->end;
}

/* The month after the last one with committed spend (orders not yet invoiced), 0 without. */
static guint
months_committed (const PlBudgetTotals *totals)
{
  guint last = 0;

  for (guint m = 0; m < pl_budget_totals_get_months (totals); m++)
    if (pl_budget_totals_committed (totals, NULL, (int) m) != 0)
      last = m + 1;
  return last;
}

/* The actual spend plus the committed to the end of month @months - 1: the committed band's top. */
static gint64
booked_to (const PlBudgetTotals *totals, guint months)
{
  gint64 sum = 0;

  for (guint m = 0; m < months; m++)
    sum = pl_money_sum (sum, pl_money_sum (pl_budget_totals_actual (totals, NULL, (int) m),
                                           pl_budget_totals_committed (totals, NULL, (int) m)));
  return sum;
}

static double
axis_max (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of)
{
  PlBudgetBurnProjection projection;
  gint64 booked = booked_to (totals, pl_budget_totals_get_months (totals));

  pl_budget_burn_projection (plan, totals, as_of, &projection, NULL);
  /* The forecast's band may run above: it is cut at the top rather than squeeze the rest. */
  return pl_chart_nice_ceiling ((double) MAX (MAX (pl_budget_totals_planned (totals, NULL, -1), projection.end), booked) * 1.05);
}

/* The legend's entries, in @style's colours; the spend's colour is red when it runs over.
 * Returns how many: the committed spend has one only when there is some. */
static guint
legend_items (const PlChartStyle *style, gboolean over, gboolean forecast, gboolean committed, PlChartLegendItem items[N_KEYS])
{
  guint n = 0;

  items[n++] = (PlChartLegendItem) { _("Planned"), &style->muted, 1, PL_CHART_MARK_DASHED };
  items[n++] = (PlChartLegendItem) { _("Spent to date"), over ? &style->bad : &style->good, 1, PL_CHART_MARK_LINE };
  if (committed)
    /* Translators: the budget burn's legend: orders placed, not yet invoiced, drawn above the spend */
    items[n++] = (PlChartLegendItem) { _("Committed, not invoiced"), &style->warning, 1, PL_CHART_MARK_BAND };
  /* Translators: the budget burn's legend: the plan's spend forecast, with its 80 % band */
  items[n++] = (PlChartLegendItem) { forecast ? _("Forecast (80% band)") : _("At this rate"), over ? &style->bad : &style->good,
                                     1, PL_CHART_MARK_DOTTED };
  return n;
}

/* The top of the plot: below the legend, which takes more lines in a narrow chart. */
static double
plot_top (double width, gboolean committed)
{
  PlChartLegendItem items[N_KEYS];
  guint n = legend_items (pl_chart_style_light (), FALSE, TRUE, committed, items);

  return MAX (PAD, pl_chart_legend_height (pl_chart_style_light (), 11, items, n, AXIS_W, width - RIGHT_W) + 12);
}

/* Where the chart's coordinates come from: the plot's size and its scale, computed once. */
typedef struct {
  const PlBudgetTotals *totals;
  double width, height, top, max;
} Frame;

static Frame
frame_new (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of, double width, double height)
{
  return (Frame) { totals, width, height, plot_top (width, months_committed (totals) > 0), axis_max (plan, totals, as_of) };
}

static void
point (const Frame *f, double month, double amount, double *x, double *y)
{
  guint months = MAX (pl_budget_totals_get_months (f->totals), 1);
  double w = f->width - AXIS_W - RIGHT_W, h = f->height - f->top - MONTHS_H;

  *x = AXIS_W + w * month / months;
  *y = f->top + h - h * amount / f->max;
}

void
pl_budget_burn_chart_projection_end (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of, double width,
                                     double height, double *x, double *y)
{
  Frame f = frame_new (plan, totals, as_of, width, height);
  PlBudgetBurnProjection projection;

  pl_budget_burn_projection (plan, totals, as_of, &projection, NULL);
  point (&f, pl_budget_totals_get_months (totals), (double) projection.end, x, y);
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

/* The sentences on the spend and its projection. */
static char **
spend_sentences (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of, const PlChartStyle *style)
{
  guint exponent = pl_plan_get_currency_exponent (plan);
  const char *currency = pl_plan_get_currency (plan);
  guint spent = 0;
  PlBudgetBurnProjection p;
  gint64 planned_total = pl_budget_totals_planned (totals, NULL, -1);
  double against;
  g_autofree char *share = NULL, *projected_text = NULL, *planned_text = NULL;

  pl_budget_burn_projection (plan, totals, as_of, &p, &spent);
  against = pl_figures_against ((double) p.end, (double) planned_total);
  share = isnan (against) ? g_strdup ("–") : pl_percent_format (100.0 * against, 0);
  if (style->share_safe)
    {
      g_autofree char *low = NULL, *high = NULL;

      if (spent == 0)
        return pl_chart_sentence (g_strdup (_("Nothing spent yet.")));
      if (!p.forecast)
        /* Translators: the projected end spend as a share of the budget */
        return pl_chart_sentence (g_strdup_printf (_("At the current rate, spend reaches %s of the budget by the end of the period."),
                                                   share));
      low = pl_percent_format (100.0 * pl_figures_against ((double) p.low, (double) planned_total), 0);
      high = pl_percent_format (100.0 * pl_figures_against ((double) p.high, (double) planned_total), 0);
      /* Translators: the budget burn's forecast, share-safe: its share of the budget, then its 80 % band */
      return pl_chart_sentence (g_strdup_printf (_("The forecast reaches %s of the budget by the end of the period "
                                                   "(80%% band: %s to %s)."), share, low, high));
    }
  projected_text = pl_money_format (p.end, exponent, currency);
  planned_text = pl_money_format (planned_total, exponent, currency);
  if (spent == 0)
    return pl_chart_sentence (g_strdup_printf (_("Nothing spent yet against a budget of %s."), planned_text));
  if (p.forecast)
    {
      g_autofree char *low = pl_money_format (p.low, exponent, currency);
      g_autofree char *high = pl_money_format (p.high, exponent, currency);
      /* Translators: the budget burn's forecast: the end spend, its 80 % band, its share of the budget, the budget */
      return pl_chart_sentence (g_strdup_printf (_("The forecast reaches %s by the end of the period (80%% band: %s to %s): "
                                                   "%s of the budget of %s."),
                                                 projected_text, low, high, share, planned_text));
    }
  /* Translators: projected end spend, its share of the budget, the budget */
  return pl_chart_sentence (g_strdup_printf (_("At the current rate, spend reaches %s by the end of the period: %s of the budget of %s."),
                                             projected_text, share, planned_text));
}

/* What the band above the spend holds: the orders placed and not yet invoiced. */
static char *
committed_sentence (PlPlan *plan, const PlBudgetTotals *totals, const PlChartStyle *style)
{
  gint64 committed = pl_budget_totals_committed (totals, NULL, -1);
  gint64 planned = pl_budget_totals_planned (totals, NULL, -1);

  if (style->share_safe)
    {
      double against = pl_figures_against ((double) committed, (double) planned);
      g_autofree char *share = isnan (against) ? g_strdup ("–") : pl_percent_format (100.0 * against, 0);
      /* Translators: the budget burn's committed spend, share-safe: its share of the budget */
      return g_strdup_printf (_("Orders placed and not yet invoiced commit a further %s of the budget."), share);
    }
  {
    g_autofree char *amount = pl_money_format (committed, pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
    /* Translators: the budget burn's committed spend: the amount of the orders not yet invoiced */
    return g_strdup_printf (_("Orders placed and not yet invoiced commit a further %s."), amount);
  }
}

char **
pl_budget_burn_chart_sentences (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of, const PlChartStyle *style)
{
  char **sentences = spend_sentences (plan, totals, as_of, style);
  guint n = g_strv_length (sentences);

  if (pl_budget_totals_committed (totals, NULL, -1) == 0)
    return sentences;
  sentences = g_renew (char *, sentences, n + 2);
  sentences[n] = committed_sentence (plan, totals, style);
  sentences[n + 1] = NULL;
  return sentences;
}

char *
pl_budget_burn_chart_draw (PlPlan *plan, const PlBudgetTotals *totals, guint32 as_of, cairo_t *cr, double width,
                           double height, const PlChartStyle *style)
{
  static const double dash[] = { 6, 4 };
  guint months = pl_budget_totals_get_months (totals);
  guint spent = 0;
  PlBudgetBurnProjection p;
  gint64 planned_total = pl_budget_totals_planned (totals, NULL, -1);
  gint64 sum = 0;
  Frame f = frame_new (plan, totals, as_of, width, height);
  double top = f.max, x, y, x0, y0;
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 11);
  gboolean over;
  const PlColor *color;
  guint committed_months = months_committed (totals);

  pl_budget_burn_projection (plan, totals, as_of, &p, &spent);
  over = p.end > planned_total;
  color = over ? &style->bad : &style->good;
  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  {
    double divisor;
    g_autofree char *unit = pl_chart_money_unit (style, plan, top, &divisor);

    pl_chart_set_color (cr, &style->muted, 1);
    pl_chart_axis_label (cr, text, unit, 0, f.top - 24, AXIS_W - 8, PANGO_ALIGN_RIGHT);
    for (int i = 0; i <= 4; i++)
      {
        g_autofree char *label = pl_chart_money_tick (style, plan, top * i / 4, divisor, planned_total);
        point (&f, 0, top * i / 4, &x, &y);
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

      point (&f, m, 0, &x, &y);
      point (&f, m + 1, 0, &x1, &unused);
      step = pl_chart_month_step (text, plan, months, x1 - x);
      pl_chart_set_color (cr, &style->muted, 1);
      if (m % step == 0)
        pl_chart_month_label (cr, text, plan, m, (x + x1) / 2 - (x1 - x) * step / 2, y + 4, (x1 - x) * step);
    }

  /* The forecast's 80 % band, widening from where the forecast starts to its band at the
   * period's end, under the lines. */
  if (spent > 0 && p.forecast && p.from < months)
    {
      cairo_save (cr);
      point (&f, 0, f.max, &x0, &y0);
      point (&f, months, 0, &x, &y);
      cairo_rectangle (cr, x0, y0, x - x0, y - y0);
      cairo_clip (cr);
      for (guint m = p.from; m <= months; m++)
        {
          double share = (double) (m - p.from) / (months - p.from);
          point (&f, m, p.cumulative[m] + share * (p.high - p.end), &x, &y);
          m == p.from ? cairo_move_to (cr, x, y) : cairo_line_to (cr, x, y);
        }
      for (guint m = months + 1; m-- > p.from;)
        {
          double share = (double) (m - p.from) / (months - p.from);
          point (&f, m, p.cumulative[m] - share * (p.end - p.low), &x, &y);
          cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      pl_chart_set_color (cr, color, 0.15);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  /* The plan, month by month, dashed. */
  cairo_set_line_width (cr, 2);
  pl_chart_set_color (cr, &style->muted, 1);
  cairo_set_dash (cr, dash, 2, 0);
  point (&f, 0, 0, &x, &y);
  cairo_move_to (cr, x, y);
  for (guint m = 0; m < months; m++)
    {
      sum = pl_money_sum (sum, pl_budget_totals_planned (totals, NULL, (int) m));
      point (&f, m + 1, (double) sum, &x, &y);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* The orders not yet invoiced, a band stacked on the actual from the first month with an
   * order: its foot the cumulative actual, its top the actual plus the committed, edged with
   * a dashed line. */
  if (committed_months > 0)
    {
      guint last = MAX (committed_months, spent), first = 0;
      g_autofree gint64 *foot = g_new0 (gint64, last + 1);
      g_autofree gint64 *top_sum = g_new0 (gint64, last + 1);

      for (guint m = 0; m < last; m++)
        {
          foot[m + 1] = pl_money_sum (foot[m], pl_budget_totals_actual (totals, NULL, (int) m));
          top_sum[m + 1] = pl_money_sum (top_sum[m], pl_money_sum (pl_budget_totals_actual (totals, NULL, (int) m),
                                                                   pl_budget_totals_committed (totals, NULL, (int) m)));
        }
      while (first < last && pl_budget_totals_committed (totals, NULL, (int) first) == 0)
        first++;
      for (guint m = first; m <= last; m++)
        {
          point (&f, m, (double) top_sum[m], &x, &y);
          m == first ? cairo_move_to (cr, x, y) : cairo_line_to (cr, x, y);
        }
      for (guint m = last + 1; m-- > first;)
        {
          point (&f, m, (double) foot[m], &x, &y);
          cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      pl_chart_set_color (cr, &style->warning, style->high_contrast ? 0.5 : 0.3);
      cairo_fill (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, 2, 0);
      for (guint m = first; m <= last; m++)
        {
          point (&f, m, (double) top_sum[m], &x, &y);
          m == first ? cairo_move_to (cr, x, y) : cairo_line_to (cr, x, y);
        }
      pl_chart_set_color (cr, &style->warning, 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The actual, solid, then the projection, dotted: the forecast month by month from the
   * months it counts as measured, or the run rate straight from the last month spent. */
  sum = 0;
  point (&f, 0, 0, &x0, &y0);
  cairo_move_to (cr, x0, y0);
  for (guint m = 0; m < spent; m++)
    {
      sum = pl_money_sum (sum, pl_budget_totals_actual (totals, NULL, (int) m));
      point (&f, m + 1, (double) sum, &x0, &y0);
      cairo_line_to (cr, x0, y0);
    }
  pl_chart_set_color (cr, color, 1);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
  if (spent > 0 && p.from < months)
    {
      static const double dots[] = { 2, 4 };
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dots, 2, 0);
      point (&f, p.from, (double) p.start, &x, &y);
      cairo_move_to (cr, x, y);
      for (guint m = p.from + 1; p.forecast && m < months; m++)
        {
          point (&f, m, (double) p.cumulative[m], &x, &y);
          cairo_line_to (cr, x, y);
        }
      pl_budget_burn_chart_projection_end (plan, totals, as_of, width, height, &x, &y);
      cairo_line_to (cr, x, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }

  {
    double px, py, qx, qy, label_qy;
    point (&f, months, (double) planned_total, &px, &py);
    point (&f, months, (double) p.end, &qx, &qy);
    /* Keep the two end labels apart when the projection lands near the plan. */
    label_qy = qy;
    if (fabs (py - qy) < 32)
      label_qy = qy <= py ? py - 32 : py + 32;
    end_label (cr, text, style, &style->muted, px, py, py, _("planned"), plan, planned_total, planned_total);
    if (spent > 0)
      /* Translators: the budget burn's label at the end of the plan's spend forecast */
      end_label (cr, text, style, color, qx, qy, label_qy, p.forecast ? C_("budget burn", "forecast") : _("at this rate"),
                 plan, p.end, planned_total);
  }

  {
    PlChartLegendItem items[N_KEYS];
    guint n = legend_items (style, over, p.forecast, committed_months > 0, items);

    /* Before anything is spent, the plan (and the orders placed) alone. */
    if (spent == 0)
      {
        items[1] = items[committed_months > 0 ? 2 : 1];
        n = committed_months > 0 ? 2 : 1;
      }
    pl_chart_legend (cr, text, style, items, n, AXIS_W, 1, width - RIGHT_W);
  }
  return pl_chart_sentences_join (pl_budget_burn_chart_sentences (plan, totals, as_of, style));
}
