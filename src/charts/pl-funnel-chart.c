/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-funnel-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "pl-enums.h"
#include "pl-figures.h"
#include "pl-funnel-chart.h"
#include "pl-records.h"

#define MARGIN  16.0
#define LABEL_W 170.0
#define VALUE_W 200.0

static const PlStage funnel[] = {
  PL_STAGE_VISITORS, PL_STAGE_LEADS, PL_STAGE_MQL, PL_STAGE_SQL, PL_STAGE_NEW_CUSTOMERS,
};

int
pl_funnel_chart_stages (PlPlan *plan, int stages[6])
{
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (funnel); i++)
    if (pl_figures_kpi_for_stage (plan, funnel[i]) != NULL)
      stages[n++] = funnel[i];
  stages[n] = -1;
  return n;
}

static void
set_color (cairo_t *cr, const PlColor *color, double alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

static void
show (cairo_t *cr, PangoLayout *text, const char *markup, double x, double y, double w, PangoAlignment align)
{
  pango_layout_set_markup (text, markup, -1);
  pango_layout_set_width (text, (int) (w * PANGO_SCALE));
  pango_layout_set_alignment (text, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

static char *
count (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%'.0f", value);
}

char *
pl_funnel_chart_draw (PlPlan *plan, guint32 from, guint32 to, cairo_t *cr, double width, double height,
                      const PlChartStyle *style)
{
  int stages[6];
  int n = pl_funnel_chart_stages (plan, stages);
  g_autoptr(PangoLayout) text = pango_cairo_create_layout (cr);
  g_autoptr(GString) summary = g_string_new (NULL);
  PangoFontDescription *font;
  double row_h, bar_w, font_px;
  g_autofree char *font_name = NULL;

  set_color (cr, &style->background, 1);
  cairo_paint (cr);
  if (n == 0)
    return g_strdup (_("The plan has no funnel KPIs (visitors, leads, MQL, SQL, new customers)."));

  row_h = (height - 2 * MARGIN) / n;
  bar_w = MAX (width - 2 * MARGIN - LABEL_W - VALUE_W, 20);
  font_px = CLAMP (row_h * 0.16, 8, 13);
  font_name = g_strdup_printf ("%s %.1fpx", style->font, font_px);
  font = pango_font_description_from_string (font_name);
  pango_layout_set_font_description (text, font);
  pango_font_description_free (font);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);

  g_string_append (summary, _("Funnel:"));
  for (int i = 0; i < n; i++)
    {
      PlKpi *kpi = pl_figures_kpi_for_stage (plan, stages[i]);
      double actual = pl_figures_kpi_value (plan, kpi, from, to);
      double target = pl_figures_kpi_target (plan, kpi, from, to);
      double scale = MAX (isnan (actual) ? 0 : actual, isnan (target) ? 0 : target);
      double y = MARGIN + i * row_h;
      double bar_h = MIN (row_h * 0.22, 18);
      double x = MARGIN + LABEL_W;
      const PlColor *status = isnan (actual) || isnan (target) ? &style->no_data
                              : actual >= target ? &style->good
                              : actual >= 0.9 * target ? &style->warning : &style->bad;
      g_autofree char *name = g_markup_escape_text (pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME), -1);
      g_autofree char *a = count (actual);
      g_autofree char *t = count (target);
      g_autofree char *values = g_markup_printf_escaped (_("<b>%s</b>  <span alpha=\"70%%\">target %s</span>"), a, t);

      set_color (cr, &style->text, 1);
      show (cr, text, name, MARGIN, y + row_h * 0.18, LABEL_W - 12, PANGO_ALIGN_LEFT);
      /* Actual over target, both scaled to the larger: how far the stage is from plan. */
      if (scale > 0)
        {
          set_color (cr, &style->muted, 0.25);
          cairo_rectangle (cr, x, y + row_h * 0.18 + bar_h + 3, bar_w * (isnan (target) ? 0 : target) / scale, bar_h * 0.6);
          cairo_fill (cr);
          set_color (cr, status, 1);
          cairo_rectangle (cr, x, y + row_h * 0.18, bar_w * (isnan (actual) ? 0 : actual) / scale, bar_h);
          cairo_fill (cr);
        }
      set_color (cr, &style->text, 1);
      show (cr, text, values, x + bar_w + 12, y + row_h * 0.18, VALUE_W - 12, PANGO_ALIGN_LEFT);
      g_string_append_printf (summary, i ? " → %s %s" : " %s %s", a, pl_item_get_string (PL_ITEM (kpi), PL_KPI_NAME));

      if (i > 0)
        {
          PlKpi *previous = pl_figures_kpi_for_stage (plan, stages[i - 1]);
          double rate = actual / pl_figures_kpi_value (plan, previous, from, to);
          double planned = target / pl_figures_kpi_target (plan, previous, from, to);
          g_autofree char *label = NULL;

          if (isfinite (rate))
            {
              label = isfinite (planned)
                      ? g_strdup_printf (_("↓ %.1f %% (planned %.1f %%)"), rate * 100, planned * 100)
                      : g_strdup_printf (_("↓ %.1f %%"), rate * 100);
              g_string_append_printf (summary, " (%.1f %%)", rate * 100);
              set_color (cr, &style->muted, 1);
              show (cr, text, label, MARGIN, y - row_h * 0.02, LABEL_W + bar_w, PANGO_ALIGN_LEFT);
            }
        }
    }
  g_string_append_c (summary, '.');
  return g_string_free (g_steal_pointer (&summary), FALSE);
}
