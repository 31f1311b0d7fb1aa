/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-funnel-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-chart-draw.h"
#include "pl-chart-period.h"
#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-funnel-chart.h"
#include "pl-kpi-value.h"
#include "pl-money.h"
#include "pl-records.h"

#define PAD      12.0
#define TITLE_H  24.0
#define BAR_H    22.0
/* The last stage's band is this share of the first's: the shape says "funnel" while every
 * stage stays wide enough to compare its actual with its plan. */
#define NARROWEST 0.5

int
pl_funnel_chart_stages (PlPlan *plan, int stages[PL_FUNNEL_MAX_STAGES + 1])
{
  PlFunnelStage funnel[PL_FUNNEL_MAX_STAGES];
  PlBasis basis = pl_basis_period (plan);
  guint n = pl_figures_funnel (plan, &basis, funnel);

  for (guint i = 0; i < n; i++)
    stages[i] = funnel[i].stage;
  stages[n] = -1;
  return (int) n;
}

static void
columns (double width, double *label_w, double *value_w)
{
  /* French plan lines ("prévu 196 230 · +2,1 %") are the widest text: the band gives way. */
  *label_w = CLAMP (width * 0.21, 70, 190);
  *value_w = CLAMP (width * 0.27, 110, 210);
}

/* The height of a bar and of the gap below it, where the rate goes. */
static void
rows (guint n, double height, double *bar_h, double *gap)
{
  /* Room below the last bar for its plan line. */
  double avail = height - PAD - TITLE_H - PAD - 14;

  *bar_h = MIN (BAR_H, avail * 0.55 / MAX (n, 1));
  *gap = n > 1 ? (avail - n * *bar_h) / (n - 1) : 0;
}

void
pl_funnel_chart_band (guint index, guint n, double width, double height, double *center_x, double *band_w,
                      double *middle_y)
{
  double label_w, value_w, bar_h, gap, full;

  columns (width, &label_w, &value_w);
  rows (n, height, &bar_h, &gap);
  full = MAX (width - 2 * PAD - label_w - value_w - 16, 20);
  *center_x = PAD + label_w + full / 2;
  *band_w = full * (1 - (1 - NARROWEST) * index / MAX (n - 1, 1));
  *middle_y = PAD + TITLE_H + index * (bar_h + gap) + bar_h / 2;
}

static char *
figure (PlKpi *kpi, double value)
{
  return isnan (value) ? g_strdup ("–") : pl_kpi_value_format (kpi, value);
}

static char *
percent (double rate)
{
  return pl_percent_format (rate * 100, 1);
}

/* The funnel's title, over the range of months. */
static char *
title_of (guint32 from, guint32 to)
{
  g_autofree char *months = pl_chart_period_months (from, to);

  /* Translators: the funnel's title, over a range of months ("January to June 2027") */
  return months ? g_strdup_printf (_("Funnel, %s"), months) : g_strdup (_("Funnel"));
}

/* The summary of @n stages under @title: one sentence, from the first stage to the last. */
static char **
sentences_of (const char *title, const PlFunnelStage *stages, int n)
{
  g_autoptr(GString) summary = NULL;

  if (n == 0)
    return pl_chart_sentence (g_strdup (_("The plan has no funnel KPIs (visitors, leads, MQL, SQL, new customers).")));
  summary = g_string_new (title);
  g_string_append_c (summary, ':');
  for (int i = 0; i < n; i++)
    {
      PlKpi *kpi = stages[i].kpi;
      const char *name = pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME);
      g_autofree char *a = figure (kpi, stages[i].actual.value);
      g_autofree char *t = figure (kpi, stages[i].target.value);

      if (i > 0)
        g_string_append (summary, " →");
      if (i > 0 && isfinite (stages[i].rate.value))
        {
          g_autofree char *converted = percent (stages[i].rate.value);
          /* Translators: a funnel stage in the summary: its name, actual, plan, and the rate from the stage before */
          g_string_append_printf (summary, _(" %s %s (plan %s), %s converted"), name, a, t, converted);
        }
      else
        /* Translators: a funnel stage in the summary: its name, actual and plan */
        g_string_append_printf (summary, _(" %s %s (plan %s)"), name, a, t);
    }
  g_string_append_c (summary, '.');
  return pl_chart_sentence (g_string_free (g_steal_pointer (&summary), FALSE));
}

char **
pl_funnel_chart_sentences (PlPlan *plan, guint32 from, guint32 to)
{
  PlFunnelStage stages[PL_FUNNEL_MAX_STAGES];
  PlBasis basis = pl_basis_range (from, to);
  int n = (int) pl_figures_funnel (plan, &basis, stages);
  g_autofree char *title = title_of (from, to);

  return sentences_of (title, stages, n);
}

/* The legend: a filled square for the actual, a tick for the plan, right-aligned. */
static void
legend (cairo_t *cr, PangoLayout *text, double right, double y, const PlChartStyle *style)
{
  const char *actual = _("Actual"), *plan = C_("planned figure", "Plan");
  int actual_w, plan_w;
  double x;

  pango_layout_set_width (text, -1);
  pango_layout_set_text (text, actual, -1);
  pango_layout_get_pixel_size (text, &actual_w, NULL);
  pango_layout_set_text (text, plan, -1);
  pango_layout_get_pixel_size (text, &plan_w, NULL);
  x = right - plan_w;
  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_text (cr, text, plan, x, y, plan_w + 1, PANGO_ALIGN_LEFT);
  pl_chart_set_color (cr, &style->text, 1);
  cairo_rectangle (cr, x - 8, y + 1, 2, 13);
  cairo_fill (cr);
  x -= 20 + actual_w;
  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_text (cr, text, actual, x, y, actual_w + 1, PANGO_ALIGN_LEFT);
  pl_chart_set_color (cr, &style->good, 1);
  cairo_rectangle (cr, x - 14, y + 3, 10, 10);
  cairo_fill (cr);
  pl_chart_note_legend (actual);
  pl_chart_note_legend (plan);
}

char *
pl_funnel_chart_draw (PlPlan *plan, guint32 from, guint32 to, cairo_t *cr, double width, double height,
                      const PlChartStyle *style)
{
  PlFunnelStage stages[PL_FUNNEL_MAX_STAGES];
  PlBasis basis = pl_basis_range (from, to);
  int n = (int) pl_figures_funnel (plan, &basis, stages);
  g_autofree char *title = title_of (from, to);
  g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, 12);
  g_autoptr(PangoLayout) rate_text = NULL;
  g_autoptr(PangoLayout) name_text = NULL;
  g_autoptr(PangoLayout) value_text = NULL;
  double label_w, value_w, bar_h, gap;
  double previous_y = 0, previous_w = 0, cx = 0;

  /* A card, like the dashboard's other pieces, so that the chart reads the same on screen
   * and on paper. */
  pl_chart_card (cr, width, height, style);
  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_text (cr, small, title, PAD, PAD - 2, width / 2, PANGO_ALIGN_LEFT);
  if (n == 0)
    {
      g_auto(GStrv) none = sentences_of (title, stages, n);
      pl_chart_text (cr, small, none[0], PAD, PAD + TITLE_H, width - 2 * PAD, PANGO_ALIGN_LEFT);
      return g_strdup (none[0]);
    }
  legend (cr, small, width - PAD, PAD - 2, style);

  columns (width, &label_w, &value_w);
  rows (n, height, &bar_h, &gap);
  name_text = pl_chart_text_new (cr, style, CLAMP (bar_h * 0.62, 9, 13));
  value_text = pl_chart_text_new (cr, style, CLAMP (bar_h * 0.62, 9, 13));
  rate_text = pl_chart_text_new (cr, style, CLAMP (gap * 0.42, 8, 12));

  for (int i = 0; i < n; i++)
    {
      PlKpi *kpi = stages[i].kpi;
      const char *name = pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME);
      double actual = stages[i].actual.value;
      double target = stages[i].target.value;
      double scale = MAX (isnan (actual) ? 0 : actual, isnan (target) ? 0 : target);
      PlKpiStatus status = stages[i].status;
      const PlColor *color = pl_chart_status_color (style, status);
      g_autofree char *a = figure (kpi, actual);
      g_autofree char *t = figure (kpi, target);
      g_autofree char *plan_line = NULL;
      double band_w, middle, top;

      pl_funnel_chart_band ((guint) i, (guint) n, width, height, &cx, &band_w, &middle);
      top = middle - bar_h / 2;

      /* From the stage above: the funnel's wall and the conversion rate against plan. */
      if (i > 0)
        {
          double rate = stages[i].rate.value, planned = stages[i].planned_rate.value;

          pl_chart_set_color (cr, &style->muted, 0.12);
          cairo_move_to (cr, cx - previous_w / 2, previous_y);
          cairo_line_to (cr, cx + previous_w / 2, previous_y);
          cairo_line_to (cr, cx + band_w / 2, top);
          cairo_line_to (cr, cx - band_w / 2, top);
          cairo_close_path (cr);
          cairo_fill (cr);
          if (isfinite (rate))
            {
              g_autofree char *r = percent (rate);
              g_autofree char *p = isfinite (planned) ? percent (planned) : NULL;
              /* Translators: a conversion rate between two funnel stages, and the planned one */
              g_autofree char *label = p ? g_strdup_printf (_("↓ %s  (plan %s)"), r, p) : g_strdup_printf ("↓ %s", r);
              int text_h;

              /* A narrow band keeps the rate whole and leaves the plan's to the stage's line. */
              if (pl_chart_text_width (rate_text, label) > previous_w)
                {
                  g_free (label);
                  label = g_strdup_printf ("↓ %s", r);
                }
              pango_layout_set_text (rate_text, label, -1);
              pango_layout_get_pixel_size (rate_text, NULL, &text_h);
              if (text_h <= gap)
                {
                  /* Below plan by a tenth or more, the rate says so in colour. */
                  pl_chart_set_color (cr, isfinite (planned) && rate < planned * 0.9 ? &style->bad : &style->text, 0.85);
                  pl_chart_text (cr, rate_text, label, cx - previous_w / 2, previous_y + (gap - text_h) / 2,
                                 previous_w, PANGO_ALIGN_CENTER);
                }
            }
        }

      /* The band is the larger of actual and plan; the bar the actual, the ticks the plan. */
      pl_chart_set_color (cr, status == PL_KPI_STATUS_NO_DATA ? &style->no_data : color, 0.2);
      pl_chart_rounded_rect (cr, cx - band_w / 2, top, band_w, bar_h, 3);
      cairo_fill (cr);
      if (scale > 0 && !isnan (actual))
        {
          double w = band_w * actual / scale;
          pl_chart_set_color (cr, color, 1);
          pl_chart_rounded_rect (cr, cx - w / 2, top, w, bar_h, 3);
          cairo_fill (cr);
        }
      if (scale > 0 && !isnan (target))
        {
          double w = band_w * target / scale;
          pl_chart_set_color (cr, &style->text, 1);
          cairo_rectangle (cr, cx - w / 2 - 1, top - 3, 2, bar_h + 6);
          cairo_rectangle (cr, cx + w / 2 - 1, top - 3, 2, bar_h + 6);
          cairo_fill (cr);
        }

      pl_chart_set_color (cr, &style->text, 1);
      {
        /* A long name ("Marketing qualified leads") takes two lines rather than an ellipsis,
         * smaller when its stage's room is short. */
        double room = bar_h + gap - 4;
        double text_h = pl_chart_axis_label_height (name_text, name, label_w - 8, room);

        pl_chart_axis_label_in (cr, name_text, name, PAD, middle - text_h / 2.0, label_w - 8, room, PANGO_ALIGN_LEFT);
      }
      {
        g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", a);
        int text_h;

        pango_layout_set_width (value_text, (int) ((value_w - 4) * PANGO_SCALE));
        pango_layout_set_alignment (value_text, PANGO_ALIGN_LEFT);
        pango_layout_set_markup (value_text, markup, -1);
        pango_layout_get_pixel_size (value_text, NULL, &text_h);
        cairo_move_to (cr, width - PAD - value_w, middle - text_h / 2.0);
        pango_cairo_show_layout (cr, value_text);
      }
      if (isnan (target))
        plan_line = g_strdup (_("no plan"));
      else if (isnan (actual) || target == 0)
        plan_line = g_strdup_printf (_("plan %s"), t);
      else
        /* Translators: under a funnel stage's figure: its plan and the gap to it */
        plan_line = g_strdup_printf (_("plan %s · %+.1f%%"), t, (stages[i].against.value - 1) * 100);
      if (gap >= 14 || i == n - 1)
        {
          pl_chart_set_color (cr, status == PL_KPI_STATUS_OFF || status == PL_KPI_STATUS_CLOSE ? color : &style->muted, 1);
          pl_chart_text (cr, rate_text, plan_line, width - PAD - value_w, top + bar_h + 1, value_w - 4, PANGO_ALIGN_LEFT);
        }

      previous_y = top + bar_h;
      previous_w = band_w;
    }
  return pl_chart_sentences_join (sentences_of (title, stages, n));
}
