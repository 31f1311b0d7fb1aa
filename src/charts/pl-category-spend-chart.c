/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-category-spend-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-category-spend-chart.h"
#include "pl-chart-draw.h"
#include "pl-money.h"

#define NAME_W   0.28   /* of the width */
#define VALUE_W  150.0
#define ROW_MIN  22.0
#define ROW_MAX  40.0
#define LEGEND_H 24.0
/* Narrower than this, a category's name goes above its bars, which take the whole width. */
#define STACKED_BELOW 560.0
#define NAME_H   17.0   /* the line of a name above its bars */

typedef struct {
  PlItem *category;
  gint64  planned;
  gint64  actual;
} Row;

static int
by_planned (gconstpointer a, gconstpointer b)
{
  const Row *x = a, *y = b;
  return x->planned == y->planned ? 0 : x->planned > y->planned ? -1 : 1;
}

/* The categories to draw at @width x @height, largest first, as many as fit. */
static GArray *
rows (PlPlan *plan, const PlBudgetTotals *totals, double width, double height, double *row_h, double *top)
{
  gboolean stacked = width < STACKED_BELOW;
  double least = stacked ? ROW_MIN + NAME_H : ROW_MIN, most = stacked ? ROW_MAX + NAME_H : ROW_MAX;
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  GArray *array = g_array_new (FALSE, FALSE, sizeof (Row));
  guint fit;

  for (guint i = 0, n = g_list_model_get_n_items (categories); i < n; i++)
    {
      g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
      Row row = { category, pl_budget_totals_planned (totals, category, -1), pl_budget_totals_actual (totals, category, -1) };
      g_array_append_val (array, row);
    }
  g_array_sort (array, by_planned);
  *top = LEGEND_H;
  fit = (guint) floor (MAX (height - *top, 0) / least);
  if (array->len > fit)
    g_array_set_size (array, fit);
  *row_h = array->len > 0 ? MIN (most, (height - *top) / array->len) : most;
  return array;
}

static double
scale_max (GArray *array)
{
  gint64 highest = 1;

  for (guint i = 0; i < array->len; i++)
    {
      const Row *row = &g_array_index (array, Row, i);
      highest = MAX (highest, MAX (row->planned, row->actual));
    }
  return (double) highest;
}

gboolean
pl_category_spend_chart_bar_rect (PlPlan *plan, const PlBudgetTotals *totals, PlItem *category, gboolean actual,
                                  double width, double height, double *x, double *y, double *w, double *h)
{
  double row_h, top;
  g_autoptr(GArray) array = rows (plan, totals, width, height, &row_h, &top);
  gboolean stacked = width < STACKED_BELOW;
  double bar_x = stacked ? 0 : width * NAME_W, bar_w = width - bar_x - VALUE_W, highest = scale_max (array);
  double name_h = stacked ? NAME_H : 0, bars_h = row_h - name_h;

  for (guint i = 0; i < array->len; i++)
    {
      const Row *row = &g_array_index (array, Row, i);
      if (row->category != category)
        continue;
      *x = bar_x;
      *w = bar_w * (double) (actual ? row->actual : row->planned) / highest;
      *h = actual ? bars_h * 0.34 : bars_h * 0.62;
      *y = top + row_h * i + name_h + (bars_h - bars_h * 0.62) / 2 + (actual ? bars_h * 0.14 : 0);
      return TRUE;
    }
  return FALSE;
}

static char **
sentences_at (PlPlan *plan, const PlBudgetTotals *totals, double width, double height)
{
  double row_h, top;
  g_autoptr(GArray) array = rows (plan, totals, width, height, &row_h, &top);
  guint over = 0;

  if (array->len == 0)
    return pl_chart_sentence (g_strdup (_("The budget has no categories yet.")));
  for (guint i = 0; i < array->len; i++)
    over += g_array_index (array, Row, i).actual > g_array_index (array, Row, i).planned;
  /* Translators: the number of categories, the largest one's name, how many are over plan */
  return pl_chart_sentence (g_strdup_printf (ngettext ("%u category; the largest is “%s”; %u spent more than planned.",
                                                       "%u categories; the largest is “%s”; %u spent more than planned.",
                                                       array->len),
                                             array->len,
                                             pl_item_get_string (g_array_index (array, Row, 0).category, PL_CATEGORY_NAME),
                                             over));
}

char **
pl_category_spend_chart_sentences (PlPlan *plan, const PlBudgetTotals *totals, double height)
{
  return sentences_at (plan, totals, STACKED_BELOW, height);
}

char *
pl_category_spend_chart_draw (PlPlan *plan, const PlBudgetTotals *totals, cairo_t *cr, double width, double height,
                              const PlChartStyle *style)
{
  double row_h, top;
  g_autoptr(GArray) array = rows (plan, totals, width, height, &row_h, &top);
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 12);
  gint64 whole = pl_budget_totals_planned (totals, NULL, -1);
  gboolean stacked = width < STACKED_BELOW;
  const PlChartLegendItem legend[] = {
    { _("Planned"), &style->muted, 0.3, PL_CHART_MARK_BOX },
    { _("Spent"), &style->good, 0.9, PL_CHART_MARK_BOX },
    { _("Spent over plan"), &style->bad, 0.9, PL_CHART_MARK_BOX },
  };

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  if (array->len > 0)
    pl_chart_legend (cr, text, style, legend, G_N_ELEMENTS (legend), stacked ? 0 : width * NAME_W, 2, width);
  for (guint i = 0; i < array->len; i++)
    {
      const Row *row = &g_array_index (array, Row, i);
      const char *name = pl_item_get_string (row->category, PL_CATEGORY_NAME);
      double x, y, w, h;
      /* Shared, both read as shares of the whole budget. */
      g_autofree char *planned = pl_chart_amount (style, plan, row->planned, whole, FALSE);
      g_autofree char *actual = pl_chart_amount (style, plan, row->actual, whole, FALSE);
      g_autofree char *values = g_strdup_printf ("%s / %s", actual, planned);

      pl_category_spend_chart_bar_rect (plan, totals, row->category, FALSE, width, height, &x, &y, &w, &h);
      pl_chart_set_color (cr, &style->text, 1);
      /* The name whole: above its bars in a narrow chart, else beside them, on two lines if need be. */
      if (stacked)
        pl_chart_axis_label (cr, text, name, 0, top + row_h * i, width - VALUE_W, PANGO_ALIGN_LEFT);
      else
        pl_chart_axis_label (cr, text, name, 0, y + h / 2 - pl_chart_axis_label_height (text, name, width * NAME_W - 10, G_MAXDOUBLE) / 2,
                             width * NAME_W - 10, PANGO_ALIGN_RIGHT);
      pl_chart_set_color (cr, &style->muted, 0.3);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_axis_label (cr, text, values, width - VALUE_W + 8, y + h / 2 - 8, VALUE_W - 8, PANGO_ALIGN_LEFT);
      pl_category_spend_chart_bar_rect (plan, totals, row->category, TRUE, width, height, &x, &y, &w, &h);
      pl_chart_set_color (cr, row->actual > row->planned ? &style->bad : &style->good, 0.9);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
    }
  return pl_chart_sentences_join (sentences_at (plan, totals, width, height));
}
