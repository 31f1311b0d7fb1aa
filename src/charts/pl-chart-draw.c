/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <math.h>

#include "pl-chart-draw.h"
#include "pl-figures.h"
#include "pl-money.h"

void
pl_chart_set_color (cairo_t *cr, const PlColor *color, double alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

double
pl_chart_faint (const PlChartStyle *style, double alpha)
{
  return style->high_contrast ? 1 : alpha;
}

PangoLayout *
pl_chart_text_new (cairo_t *cr, const PlChartStyle *style, double size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

void
pl_chart_text_set_size (PangoLayout *layout, double size)
{
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

static PlChartTextHook text_hook;
static gpointer text_hook_data;

void
pl_chart_set_text_hook (PlChartTextHook hook, gpointer data)
{
  text_hook = hook;
  text_hook_data = data;
}

PlChartTextHook
pl_chart_get_text_hook (gpointer *data)
{
  *data = text_hook_data;
  return text_hook;
}

void
pl_chart_note_legend (const char *label)
{
  if (text_hook != NULL)
    text_hook (label, PL_CHART_LABEL_LEGEND, FALSE, text_hook_data);
}

/* Tells the test hook, if any, about @layout just drawn in a box @w wide. */
static void
report_text (PangoLayout *layout, const char *text, double w, PlChartLabel kind)
{
  PangoRectangle ink, logical;

  if (text_hook == NULL)
    return;
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  text_hook (text, kind, pango_layout_is_ellipsized (layout) || logical.width > w + 0.5, text_hook_data);
}

void
pl_chart_note_text (PangoLayout *layout, double w)
{
  report_text (layout, pango_layout_get_text (layout), w, PL_CHART_LABEL_TEXT);
}

double
pl_chart_text (cairo_t *cr, PangoLayout *layout, const char *text, double x, double y, double w,
               PangoAlignment align)
{
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (w, 1) * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);
  report_text (layout, text, w, PL_CHART_LABEL_TEXT);
  return height;
}

/* Lays @text out whole in @w: on words over more lines when longer, smaller (down to 8
 * pixels) when a word alone is wider or the lines are taller than @h; @layout's size is
 * restored by the caller. */
static void
lay_out_whole (PangoLayout *layout, const char *text, double w, double h)
{
  double size = pango_font_description_get_size (pango_layout_get_font_description (layout)) / (double) PANGO_SCALE;
  int width, height;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, (int) (MAX (w, 1) * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  while ((width > w + 0.5 || height > h + 0.5) && size > 8)
    {
      size = MAX (8, size - 0.5);
      pl_chart_text_set_size (layout, size);
      pango_layout_get_pixel_size (layout, &width, &height);
    }
}

double
pl_chart_axis_label_height (PangoLayout *layout, const char *text, double w, double h)
{
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));
  int height;

  lay_out_whole (layout, text, w, h);
  pango_layout_get_pixel_size (layout, NULL, &height);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_font_description_free (font);
  return height;
}

double
pl_chart_axis_label_in (cairo_t *cr, PangoLayout *layout, const char *text, double x, double y, double w, double h,
                        PangoAlignment align)
{
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));
  int height;

  lay_out_whole (layout, text, w, h);
  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);
  report_text (layout, text, w, PL_CHART_LABEL_AXIS);
  /* The layout goes on drawing other labels as it was made. */
  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_font_description_free (font);
  return height;
}

double
pl_chart_axis_label (cairo_t *cr, PangoLayout *layout, const char *text, double x, double y, double w,
                     PangoAlignment align)
{
  return pl_chart_axis_label_in (cr, layout, text, x, y, w, G_MAXDOUBLE, align);
}

#define SWATCH_W 20.0
#define ITEM_GAP 16.0
#define LINE_H   18.0

/* Lays the legend out; draws it when @cr is not NULL. Returns its height. */
static double
legend_run (cairo_t *cr, PangoLayout *layout, const PlChartStyle *style, const PlChartLegendItem *items, guint n,
            double x, double y, double right)
{
  static const double dash[] = { 5, 3 }, dots[] = { 2, 4 };
  double cx = x, cy = y;

  for (guint i = 0; i < n; i++)
    {
      int tw = pl_chart_text_width (layout, items[i].label), th;
      double mid;

      pango_layout_get_pixel_size (layout, NULL, &th);
      if (cx > x && cx + SWATCH_W + 6 + tw > right)
        {
          cx = x;
          cy += LINE_H;
        }
      if (cr == NULL)
        {
          cx += SWATCH_W + 6 + tw + ITEM_GAP;
          continue;
        }
      mid = cy + LINE_H / 2;
      pl_chart_set_color (cr, items[i].color, items[i].alpha);
      cairo_set_line_width (cr, 2);
      switch (items[i].mark)
        {
        case PL_CHART_MARK_BOX:
          cairo_rectangle (cr, cx + 4, mid - 6, 12, 12);
          cairo_fill (cr);
          break;
        case PL_CHART_MARK_DOTTED:
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, dots, 2, 0);
          cairo_move_to (cr, cx + 1, mid);
          cairo_line_to (cr, cx + SWATCH_W - 1, mid);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          break;
        case PL_CHART_MARK_DASHED:
          cairo_set_dash (cr, dash, 2, 0);
          G_GNUC_FALLTHROUGH;
        case PL_CHART_MARK_LINE:
          cairo_move_to (cr, cx, mid);
          cairo_line_to (cr, cx + SWATCH_W, mid);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        case PL_CHART_MARK_BAND:
          cairo_rectangle (cr, cx, mid - 6, SWATCH_W, 12);
          cairo_fill (cr);
          pl_chart_set_color (cr, items[i].color, MIN (1, items[i].alpha * 3));
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, cx, mid - 5.5);
          cairo_line_to (cr, cx + SWATCH_W, mid - 5.5);
          cairo_move_to (cr, cx, mid + 5.5);
          cairo_line_to (cr, cx + SWATCH_W, mid + 5.5);
          cairo_stroke (cr);
          break;
        case PL_CHART_MARK_DOT:
        default:
          cairo_arc (cr, cx + SWATCH_W / 2, mid, 4, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        }
      pl_chart_set_color (cr, &style->text, 1);
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, items[i].label, -1);
      cairo_move_to (cr, cx + SWATCH_W + 6, mid - th / 2.0);
      pango_cairo_show_layout (cr, layout);
      report_text (layout, items[i].label, right - cx - SWATCH_W - 6 + 0.5, PL_CHART_LABEL_LEGEND);
      cx += SWATCH_W + 6 + tw + ITEM_GAP;
    }
  return n > 0 ? cy + LINE_H - y : 0;
}

double
pl_chart_legend (cairo_t *cr, PangoLayout *layout, const PlChartStyle *style, const PlChartLegendItem *items, guint n,
                 double x, double y, double right)
{
  return legend_run (cr, layout, style, items, n, x, y, right);
}

double
pl_chart_legend_width (PangoLayout *layout, const PlChartLegendItem *items, guint n)
{
  double width = 0;

  for (guint i = 0; i < n; i++)
    width += SWATCH_W + 6 + pl_chart_text_width (layout, items[i].label) + (i + 1 < n ? ITEM_GAP : 0);
  return width;
}

double
pl_chart_legend_height (const PlChartStyle *style, double size, const PlChartLegendItem *items, guint n, double x,
                        double right)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (style->font);

  g_object_unref (context);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return legend_run (NULL, layout, style, items, n, x, 0, right);
}

void
pl_chart_month_label (cairo_t *cr, PangoLayout *layout, PlPlan *plan, guint month, double x, double y, double w)
{
  GDate date;
  char name[32];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, pl_plan_month_start (plan, month));
  g_date_strftime (name, sizeof name, "%b", &date);
  pl_chart_axis_label (cr, layout, name, x, y, w, PANGO_ALIGN_CENTER);
}

int
pl_chart_widest_month (PangoLayout *layout, PlPlan *plan, guint n)
{
  int widest = 0;

  pango_layout_set_width (layout, -1);
  for (guint m = 0; m < n; m++)
    {
      GDate date;
      char name[32];
      int name_w;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, pl_plan_month_start (plan, m));
      g_date_strftime (name, sizeof name, "%b", &date);
      pango_layout_set_text (layout, name, -1);
      pango_layout_get_pixel_size (layout, &name_w, NULL);
      widest = MAX (widest, name_w);
    }
  return widest;
}

guint
pl_chart_month_step (PangoLayout *layout, PlPlan *plan, guint n, double slot)
{
  int widest = pl_chart_widest_month (layout, plan, n);

  return (guint) CLAMP (ceil ((widest + 4) / MAX (slot, 1)), 1, MAX (n, 1));
}

char *
pl_chart_amount (const PlChartStyle *style, PlPlan *plan, gint64 amount, gint64 whole, gboolean precise)
{
  double value = (double) amount / pow (10, pl_plan_get_currency_exponent (plan));
  g_autofree char *number = NULL;

  if (style->share_safe)
    return whole > 0 ? pl_percent_format (100.0 * pl_figures_against ((double) amount, (double) whole), 0) : g_strdup ("–");
  /* Under a thousand, whole units: a chart's axis has no room for cents. */
  number = pl_number_short (fabs (value) < 1e3 ? round (value) : value, precise);
  return pl_money_decorate (number, pl_plan_get_currency (plan));
}

char *
pl_chart_money_unit (const PlChartStyle *style, PlPlan *plan, double top, double *divisor)
{
  double minor = pow (10, pl_plan_get_currency_exponent (plan));
  const char *currency = pl_plan_get_currency (plan);
  const char *symbol = pl_currency_symbol (currency);
  const char *prefix = "";
  /* Without a multiple, a code where the locale has no rule for the symbol, as files write it. */
  gboolean apart = currency == NULL || g_strcmp0 (symbol, currency) == 0 || localeconv ()->p_cs_precedes == CHAR_MAX;

  *divisor = minor;
  if (style->share_safe)
    return g_strdup ("");
  if (fabs (top) / minor >= 1e6)
    {
      *divisor = minor * 1e6;
      /* Translators: millions, before a currency in an axis' unit: "M€" */
      prefix = C_("axis unit", "M");
    }
  else if (fabs (top) / minor >= 1e3)
    {
      *divisor = minor * 1e3;
      /* Translators: thousands, before a currency in an axis' unit: "k€" */
      prefix = C_("axis unit", "k");
    }
  if (currency == NULL)
    return g_strdup (prefix);
  if (*prefix == '\0')
    return g_strdup (apart ? currency : symbol);
  /* Written as the chart's amounts are ("12 k €", "€12k"), without the number. */
  return pl_money_decorate (prefix, currency);
}

char *
pl_chart_money_tick (const PlChartStyle *style, PlPlan *plan, double amount, double divisor, gint64 whole)
{
  double value = amount / divisor;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  int decimals = 0;

  if (style->share_safe)
    return pl_chart_amount (style, plan, (gint64) amount, whole, FALSE);
  /* As few decimals as the tick needs: "0", "2.5", "1.25". */
  while (decimals < 2 && fabs (value * pow (10, decimals) - round (value * pow (10, decimals))) > 1e-6)
    decimals++;
  g_ascii_formatd (buffer, sizeof buffer, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" : "%.2f", value);
  return pl_number_localise (buffer, fabs (value) >= 10000);
}

int
pl_chart_text_width (PangoLayout *layout, const char *text)
{
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

double
pl_chart_nice_ceiling (double value)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double power;

  if (!(value > 0))
    return 1;
  power = pow (10, floor (log10 (value)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * power >= value * (1 - 1e-9))
      return steps[i] * power;
  return 10 * power;
}

/* The GNOME palette's blue, green, yellow, orange, red, purple, brown and grey, then a teal
 * and a pink, at a shade that holds on white and one that holds on dark grey. */
static const PlColor series_light[] = {
  { 0.21, 0.52, 0.89 }, { 0.18, 0.76, 0.49 }, { 0.96, 0.76, 0.07 }, { 1.00, 0.47, 0.00 },
  { 0.88, 0.11, 0.14 }, { 0.57, 0.25, 0.67 }, { 0.60, 0.40, 0.22 }, { 0.47, 0.49, 0.51 },
  { 0.13, 0.60, 0.63 }, { 0.84, 0.33, 0.60 },
};
static const PlColor series_dark[] = {
  { 0.38, 0.63, 0.92 }, { 0.34, 0.89, 0.54 }, { 0.97, 0.83, 0.18 }, { 1.00, 0.64, 0.28 },
  { 0.93, 0.33, 0.33 }, { 0.75, 0.38, 0.80 }, { 0.71, 0.51, 0.35 }, { 0.64, 0.64, 0.66 },
  { 0.30, 0.78, 0.80 }, { 0.93, 0.50, 0.73 },
};

const PlColor *
pl_chart_series_color (const PlChartStyle *style, guint index)
{
  gboolean dark = style->background.r < 0.5;
  return dark ? &series_dark[index % G_N_ELEMENTS (series_dark)] : &series_light[index % G_N_ELEMENTS (series_light)];
}

const PlColor *
pl_chart_status_color (const PlChartStyle *style, PlKpiStatus status)
{
  switch (status)
    {
    case PL_KPI_STATUS_GOOD: return &style->good;
    case PL_KPI_STATUS_CLOSE: return &style->warning;
    case PL_KPI_STATUS_OFF: return &style->bad;
    default: return &style->no_data;
    }
}

void
pl_chart_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
pl_chart_card (cairo_t *cr, double width, double height, const PlChartStyle *style)
{
  pl_chart_rounded_rect (cr, 0.5, 0.5, width - 1, height - 1, 8);
  pl_chart_set_color (cr, &style->surface, 1);
  cairo_fill_preserve (cr);
  pl_chart_set_color (cr, &style->muted, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

void
pl_chart_warning_sign (cairo_t *cr, double x, double y, double size, const PlChartStyle *style)
{
  cairo_move_to (cr, x + size / 2, y);
  cairo_line_to (cr, x + size, y + size);
  cairo_line_to (cr, x, y + size);
  cairo_close_path (cr);
  pl_chart_set_color (cr, &style->warning, 1);
  cairo_fill (cr);
  /* The "!" in the background colour: the shape says it without the colour. */
  pl_chart_set_color (cr, &style->background, 1);
  cairo_set_line_width (cr, MAX (1.2, size / 8));
  cairo_move_to (cr, x + size / 2, y + size * 0.35);
  cairo_line_to (cr, x + size / 2, y + size * 0.68);
  cairo_stroke (cr);
  cairo_arc (cr, x + size / 2, y + size * 0.84, MAX (0.8, size / 14), 0, 2 * G_PI);
  cairo_fill (cr);
}

char *
pl_chart_sentences_join (char **sentences)
{
  g_auto(GStrv) owned = sentences;

  return g_strjoinv (" ", owned);
}

char **
pl_chart_sentence (char *sentence)
{
  char **sentences = g_new0 (char *, 2);

  sentences[0] = sentence;
  return sentences;
}
