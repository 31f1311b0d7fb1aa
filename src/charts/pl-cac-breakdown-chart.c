/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-cac-breakdown-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-cac-breakdown-chart.h"
#include "pl-chart-draw.h"
#include "pl-figures.h"
#include "pl-money.h"

#define BAR_H   36.0
#define ROW_H   22.0

static int
by_cost (gconstpointer a, gconstpointer b)
{
  const PlCacPart *x = a, *y = b;
  return x->cost == y->cost ? 0 : x->cost > y->cost ? -1 : 1;
}

GArray *
pl_cac_breakdown (PlPlan *plan, double *cac)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (PlCacPart));
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  guint32 from = pl_plan_get_start (plan), to = pl_figures_measured_until (plan);
  double customers = pl_figures_stage_value (plan, PL_STAGE_NEW_CUSTOMERS, from, to);
  double scale = pow (10, pl_plan_get_currency_exponent (plan));
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  int last = pl_plan_month_index (plan, to - 1);

  *cac = 0;
  if (isnan (customers) || customers <= 0 || last < 0)
    return parts;
  for (guint i = 0, n = g_list_model_get_n_items (categories); i < n; i++)
    {
      g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
      gint64 spent = 0;
      PlCacPart part;

      if (!pl_item_get_int (category, PL_CATEGORY_ACQUISITION))
        continue;
      /* The same months as the customers counted. */
      for (int m = 0; m <= last; m++)
        spent = pl_money_sum (spent, pl_budget_totals_actual (totals, category, m));
      if (spent == 0)
        continue;
      part.category = category;
      part.cost = (double) spent / scale / customers;
      *cac += part.cost;
      g_array_append_val (parts, part);
    }
  g_array_sort (parts, by_cost);
  return parts;
}

/* A cost per customer in whole units of the plan's money, as the user's locale writes it. */
static char *
money (PlPlan *plan, double major)
{
  return pl_money_format ((gint64) round (major) * (gint64) pow (10, pl_plan_get_currency_exponent (plan)),
                          pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
}

/* The summary of the CAC @cac made of @parts. */
static char **
sentences_of (PlPlan *plan, GArray *parts, double cac, const PlChartStyle *style)
{
  const PlCacPart *first;
  g_autofree char *share = NULL;
  g_autofree char *total = NULL;

  if (parts->len == 0)
    return pl_chart_sentence (g_strdup (_("No new customers measured yet: the CAC cannot be broken down.")));
  first = &g_array_index (parts, PlCacPart, 0);
  share = pl_percent_format (100 * first->cost / cac, 0);
  if (style->share_safe)
    /* Translators: the largest category of the acquisition cost, its share */
    return pl_chart_sentence (g_strdup_printf (_("“%s” makes up %s of the acquisition cost of a new customer."),
                                               pl_item_get_string (first->category, PL_CATEGORY_NAME), share));
  total = money (plan, cac);
  /* Translators: the CAC, the largest category, its share */
  return pl_chart_sentence (g_strdup_printf (_("Each new customer cost %s in acquisition spend; “%s” makes up %s of it."),
                                             total, pl_item_get_string (first->category, PL_CATEGORY_NAME), share));
}

char **
pl_cac_breakdown_chart_sentences (PlPlan *plan, const PlChartStyle *style)
{
  double cac = 0;
  g_autoptr(GArray) parts = pl_cac_breakdown (plan, &cac);

  return sentences_of (plan, parts, cac, style);
}

char *
pl_cac_breakdown_chart_draw (PlPlan *plan, cairo_t *cr, double width, double height, const PlChartStyle *style)
{
  double cac = 0, x = 0;
  g_autoptr(GArray) parts = pl_cac_breakdown (plan, &cac);
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, 12);
  guint rows = (guint) MAX (0, floor ((height - BAR_H - 12) / ROW_H));
  double column_w = width / 2;

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  if (parts->len == 0)
    {
      g_auto(GStrv) none = sentences_of (plan, parts, cac, style);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_text (cr, text, none[0], 0, 0, width, PANGO_ALIGN_LEFT);
      return g_strdup (none[0]);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      const PlCacPart *part = &g_array_index (parts, PlCacPart, i);
      double w = width * part->cost / cac;

      pl_chart_set_color (cr, pl_chart_series_color (style, i), 1);
      cairo_rectangle (cr, x, 0, MAX (w - 1, 1), BAR_H);
      cairo_fill (cr);
      x += w;
    }
  /* The legend in two columns, as many rows as fit; the rest go unnamed in the bar. */
  for (guint i = 0; i < parts->len && i < 2 * rows; i++)
    {
      const PlCacPart *part = &g_array_index (parts, PlCacPart, i);
      double lx = (i / MAX (rows, 1)) * column_w, ly = BAR_H + 12 + (i % MAX (rows, 1)) * ROW_H;
      g_autofree char *share = pl_percent_format (100 * part->cost / cac, 0);
      g_autofree char *cost = money (plan, part->cost);
      g_autofree char *label = style->share_safe
                                 ? g_strdup_printf ("%s — %s", pl_item_get_string (part->category, PL_CATEGORY_NAME), share)
                                 : g_strdup_printf ("%s — %s (%s)", pl_item_get_string (part->category, PL_CATEGORY_NAME),
                                                    cost, share);

      pl_chart_set_color (cr, pl_chart_series_color (style, i), 1);
      cairo_rectangle (cr, lx, ly + 3, 12, 12);
      cairo_fill (cr);
      pl_chart_set_color (cr, &style->text, 1);
      pl_chart_text (cr, text, label, lx + 18, ly, column_w - 24, PANGO_ALIGN_LEFT);
      pl_chart_note_legend (label);
    }
  return pl_chart_sentences_join (sentences_of (plan, parts, cac, style));
}
