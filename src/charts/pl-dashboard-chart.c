/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-dashboard-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-chart-draw.h"
#include "pl-enums.h"
#include "pl-dashboard-chart.h"
#include "pl-funnel-chart.h"
#include "pl-kpi-value.h"
#include "pl-trend-chart.h"

#define PAD 12.0

static const char *
status_words (PlKpiStatus status)
{
  switch (status)
    {
    case PL_KPI_STATUS_GOOD: return _("on target");
    case PL_KPI_STATUS_CLOSE: return _("close to target");
    case PL_KPI_STATUS_OFF: return _("off target");
    default: return _("not measured");
    }
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

char *
pl_dashboard_tile_draw (PlPlan *plan, const PlDashboardTile *tile, cairo_t *cr, double width, double height,
                        const PlChartStyle *style)
{
  const char *name = pl_item_get_string (tile->kpi, PL_KPI_NAME);
  g_autofree char *number = isnan (tile->value) ? g_strdup ("–") : pl_kpi_value_format (PL_KPI (tile->kpi), tile->value);
  /* Money says which money. */
  g_autofree char *value = pl_item_get_int (tile->kpi, PL_KPI_UNIT) == PL_UNIT_CURRENCY && !isnan (tile->value)
                           ? g_strdup_printf ("%s %s", number, pl_plan_get_currency (plan)) : g_strdup (number);
  g_autofree char *target = isnan (tile->target) ? NULL : pl_kpi_value_format (PL_KPI (tile->kpi), tile->target);
  g_autofree char *target_line = target ? g_strdup_printf (_("target %s"), target) : g_strdup (_("no target"));
  g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, 12);
  g_autoptr(PangoLayout) large = pl_chart_text_new (cr, style, MIN (26, height * 0.3));
  double spark_w = MIN (width * 0.38, 120), text_w = width - 2 * PAD - spark_w - 8;
  pl_chart_set_color (cr, &style->surface, 1);
  rounded_rect (cr, 0.5, 0.5, width - 1, height - 1, 8);
  cairo_fill (cr);
  pl_chart_set_color (cr, pl_chart_status_color (style, tile->status), 1);
  cairo_rectangle (cr, 0, 8, 4, height - 16);
  cairo_fill (cr);

  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_text (cr, small, name, PAD, PAD - 2, width - 2 * PAD, PANGO_ALIGN_LEFT);
  pl_chart_set_color (cr, &style->text, 1);
  {
    /* A long figure ("495 487 EUR") takes a smaller font rather than an ellipsis. */
    double size = MIN (26, height * 0.3);
    int value_w;

    pango_layout_set_width (large, -1);
    pango_layout_set_text (large, value, -1);
    pango_layout_get_pixel_size (large, &value_w, NULL);
    if (value_w > text_w && value_w > 0)
      {
        PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (large));
        pango_font_description_set_absolute_size (font, MAX (12, 0.94 * size * text_w / value_w) * PANGO_SCALE);
        pango_layout_set_font_description (large, font);
        pango_font_description_free (font);
      }
    pl_chart_text (cr, large, value, PAD, height * 0.33, text_w, PANGO_ALIGN_LEFT);
  }
  pl_chart_set_color (cr, pl_chart_status_color (style, tile->status), 1);
  {
    g_autofree char *line = g_strdup_printf ("%s · %s", status_words (tile->status), target_line);
    pl_chart_text (cr, small, line, PAD, height - PAD - 15, width - 2 * PAD, PANGO_ALIGN_LEFT);
  }

  /* The trend, right of the value, as a sparkline. */
  cairo_save (cr);
  cairo_translate (cr, width - PAD - spark_w, height * 0.36);
  {
    g_autofree char *trend = pl_trend_chart_draw (plan, tile->kpi, TRUE, cr, spark_w, height * 0.3, style);
  }
  cairo_restore (cr);
  /* Translators: a dashboard tile: KPI name, its value, how it stands, its target */
  return g_strdup_printf (_("%s: %s, %s (%s)."), name, value, status_words (tile->status), target_line);
}

void
pl_ltv_cac_gauge_geometry (double ratio, double width, double *bar_end, double *healthy_x)
{
  /* The scale runs to 5x, or further when the ratio is above it, so 3x is always in view. */
  double top = MAX (5.0, isnan (ratio) ? 0 : ceil (ratio * 1.15));

  *bar_end = isnan (ratio) ? 0 : width * MAX (ratio, 0) / top;
  *healthy_x = width * PL_LTV_CAC_HEALTHY / top;
}

/* "LTV:CAC, January to June 2027": the gauge is over the months measured, where a tile
 * shows one month. */
static char *
ltv_cac_title (PlPlan *plan)
{
  guint32 until = pl_figures_measured_until (plan);
  GDate first, last;
  char from[64], to[64];

  if (until <= pl_plan_get_start (plan))
    return g_strdup (_("LTV:CAC"));
  g_date_set_julian (&first, pl_plan_get_start (plan));
  g_date_set_julian (&last, until - 1);
  g_date_strftime (from, sizeof from, "%B", &first);
  g_date_strftime (to, sizeof to, "%B %Y", &last);
  /* Translators: LTV:CAC over a range of months, "January" to "June 2027" */
  return g_strdup_printf (_("LTV:CAC, %s to %s"), from, to);
}

char *
pl_ltv_cac_gauge_draw (PlPlan *plan, double ratio, cairo_t *cr, double width, double height, const PlChartStyle *style)
{
  g_autofree char *title = ltv_cac_title (plan);
  g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, 12);
  g_autoptr(PangoLayout) large = pl_chart_text_new (cr, style, 24);
  g_autofree char *value = isnan (ratio) ? g_strdup ("–") : g_strdup_printf ("%.1fx", ratio);
  gboolean healthy = !isnan (ratio) && ratio >= PL_LTV_CAC_HEALTHY;
  double bar_w = width - 2 * PAD, bar_y = height - PAD - 30, bar_end, healthy_x;
  static const double dash[] = { 3, 2 };

  pl_ltv_cac_gauge_geometry (ratio, bar_w, &bar_end, &healthy_x);
  pl_chart_set_color (cr, &style->surface, 1);
  rounded_rect (cr, 0.5, 0.5, width - 1, height - 1, 8);
  cairo_fill (cr);
  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_text (cr, small, title, PAD, PAD - 2, width - 2 * PAD, PANGO_ALIGN_LEFT);
  pl_chart_set_color (cr, &style->text, 1);
  pl_chart_text (cr, large, value, PAD, PAD + 16, width / 2, PANGO_ALIGN_LEFT);
  pl_chart_set_color (cr, healthy ? &style->good : &style->bad, 1);
  pl_chart_text (cr, small, isnan (ratio) ? _("not measured yet") : healthy ? _("healthy: 3x or above") : _("below the 3x line"),
                 width / 2, PAD + 26, width / 2 - PAD, PANGO_ALIGN_RIGHT);

  pl_chart_set_color (cr, &style->muted, 0.25);
  cairo_rectangle (cr, PAD, bar_y, bar_w, 12);
  cairo_fill (cr);
  pl_chart_set_color (cr, healthy ? &style->good : &style->bad, 1);
  cairo_rectangle (cr, PAD, bar_y, bar_end, 12);
  cairo_fill (cr);
  pl_chart_set_color (cr, &style->text, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, PAD + healthy_x, bar_y - 4);
  cairo_line_to (cr, PAD + healthy_x, bar_y + 16);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  pl_chart_text (cr, small, "3x", PAD + healthy_x - 20, bar_y + 16, 40, PANGO_ALIGN_CENTER);
  if (isnan (ratio))
    return g_strdup (_("LTV:CAC is not measured yet."));
  return g_strdup_printf (healthy ? _("LTV:CAC is %.1f, above the healthy line of 3.") : _("LTV:CAC is %.1f, below the healthy line of 3."),
                          ratio);
}

char *
pl_spend_gauge_draw (PlPlan *plan, const PlDashboard *dashboard, cairo_t *cr, double width, double height,
                     const PlChartStyle *style)
{
  g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, 12);
  g_autoptr(PangoLayout) large = pl_chart_text_new (cr, style, 24);
  guint exponent = pl_plan_get_currency_exponent (plan);
  g_autofree char *spent = pl_chart_short_money (dashboard->spend_to_date, exponent);
  g_autofree char *planned = pl_chart_short_money (dashboard->budget_to_date, exponent);
  g_autofree char *year = pl_chart_short_money (dashboard->budget, exponent);
  g_autofree char *detail = NULL;
  double share = dashboard->budget_to_date > 0 ? (double) dashboard->spend_to_date / dashboard->budget_to_date : NAN;
  gboolean over = dashboard->spend_to_date > dashboard->budget_to_date;
  double bar_w = width - 2 * PAD, bar_y = height - PAD - 30;
  double scale = MAX (dashboard->budget_to_date, dashboard->spend_to_date);

  pl_chart_set_color (cr, &style->surface, 1);
  rounded_rect (cr, 0.5, 0.5, width - 1, height - 1, 8);
  cairo_fill (cr);
  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_text (cr, small, _("Spend against budget to date"), PAD, PAD - 2, width - 2 * PAD, PANGO_ALIGN_LEFT);
  pl_chart_set_color (cr, &style->text, 1);
  pl_chart_text (cr, large, isnan (share) ? "–" : spent, PAD, PAD + 16, width / 2, PANGO_ALIGN_LEFT);
  /* Translators: the budget planned to date, the share of it spent, the year's budget */
  detail = isnan (share) ? g_strdup (_("nothing planned yet"))
                         : g_strdup_printf (_("of %s planned to date (%.0f %%)"), planned, share * 100);
  pl_chart_set_color (cr, over ? &style->bad : &style->muted, 1);
  pl_chart_text (cr, small, detail, width / 2 - 40, PAD + 26, width / 2 + 40 - PAD, PANGO_ALIGN_RIGHT);

  pl_chart_set_color (cr, &style->muted, 0.25);
  cairo_rectangle (cr, PAD, bar_y, scale > 0 ? bar_w * dashboard->budget_to_date / scale : bar_w, 12);
  cairo_fill (cr);
  pl_chart_set_color (cr, over ? &style->bad : &style->good, 1);
  cairo_rectangle (cr, PAD, bar_y, scale > 0 ? bar_w * dashboard->spend_to_date / scale : 0, 12);
  cairo_fill (cr);
  {
    g_autofree char *budget = g_strdup_printf (_("%s budgeted for the whole period"), year);
    pl_chart_set_color (cr, &style->muted, 1);
    pl_chart_text (cr, small, budget, PAD, bar_y + 16, bar_w, PANGO_ALIGN_RIGHT);
  }
  if (isnan (share))
    return g_strdup (_("No budget is planned to date."));
  return g_strdup_printf (_("Spent %s of the %s planned to date (%.0f %%)."), spent, planned, share * 100);
}

char *
pl_dashboard_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style)
{
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, pl_dashboard_as_of (plan, today));
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 13);
  double top_h = height * 0.38, tiles_h = height * 0.34, list_y = top_h + tiles_h + 2 * PAD;
  double funnel_w = width * 0.6;
  guint columns = 4, rows = (dashboard->tiles->len + columns - 1) / columns;
  double tile_w = (width - (columns - 1) * PAD) / columns;
  double tile_h = rows > 0 ? (tiles_h - (rows - 1) * PAD) / rows : 0;

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
#define PIECE(x, y, w, h, call) \
  G_STMT_START { \
    g_autofree char *piece = NULL; \
    cairo_save (cr); \
    cairo_translate (cr, (x), (y)); \
    piece = (call); \
    cairo_restore (cr); \
    g_string_append_printf (summary, "%s ", piece); \
  } G_STMT_END
  PIECE (0, 0, funnel_w, top_h,
         pl_funnel_chart_draw (plan, pl_plan_get_start (plan), pl_figures_measured_until (plan), cr, funnel_w - PAD, top_h, style));
  PIECE (funnel_w, 0, width - funnel_w, top_h / 2 - PAD / 2,
         pl_ltv_cac_gauge_draw (plan, dashboard->ltv_cac, cr, width - funnel_w, top_h / 2 - PAD / 2, style));
  PIECE (funnel_w, top_h / 2 + PAD / 2, width - funnel_w, top_h / 2 - PAD / 2,
         pl_spend_gauge_draw (plan, dashboard, cr, width - funnel_w, top_h / 2 - PAD / 2, style));
  for (guint i = 0; i < dashboard->tiles->len; i++)
    PIECE ((i % columns) * (tile_w + PAD), top_h + PAD + (i / columns) * (tile_h + PAD), tile_w, tile_h,
           pl_dashboard_tile_draw (plan, &g_array_index (dashboard->tiles, PlDashboardTile, i), cr, tile_w, tile_h, style));
#undef PIECE

  pl_chart_set_color (cr, &style->text, 1);
  pl_chart_text (cr, text, _("Campaigns that need attention"), 0, list_y, width, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < dashboard->attention->len && list_y + 22 * (i + 2) <= height; i++)
    {
      PlAttention *attention = dashboard->attention->pdata[i];
      g_autofree char *line = g_strdup_printf ("%s — %s", pl_item_get_string (attention->campaign, PL_CAMPAIGN_NAME),
                                               attention->text);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_text (cr, text, line, PAD, list_y + 22 * (i + 1), width - PAD, PANGO_ALIGN_LEFT);
    }
  if (dashboard->attention->len == 0)
    {
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_text (cr, text, _("None: every campaign is on target, within budget and not about to end."), PAD,
                     list_y + 22, width - PAD, PANGO_ALIGN_LEFT);
    }
  g_string_append_printf (summary, ngettext ("%u campaign needs attention.", "%u campaigns need attention.",
                                             dashboard->attention->len), dashboard->attention->len);
  return g_string_free (g_steal_pointer (&summary), FALSE);
}
