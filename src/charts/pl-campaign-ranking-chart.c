/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-campaign-ranking-chart"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-campaign-ranking-chart.h"
#include "pl-chart-draw.h"
#include "pl-dashboard.h"
#include "pl-money.h"

#define TEXT_SIZE  12.0
#define SMALL_SIZE 11.0
#define ROW_MIN    20.0
#define ROW_MAX    34.0
#define HEADER_H   18.0
#define AXIS_H     20.0
#define GAP        10.0   /* between the columns */
#define THICK      0.8    /* the thickest bar's share of its row */
#define TICK_W     90.0   /* the least room between grid lines */
#define MAX_EACH   8      /* the best and the worst drawn when not all are */
#define OUTLIER    2.0    /* a figure further than this times the 90th percentile is cut short */

/* The labels each bar carries, made once with the layout. */
typedef struct {
  char *value;
  char *spend;
} Labels;

/* ---- ranking ---- */

typedef struct {
  const PlCampaignFigures *figures;
  double value;
  guint  index;  /* in the plan's order, for a stable order among equals */
} Ranked;

/* @figures' result on @kpi over its basis: not measured when it is not attached to it. */
static PlFigure
kpi_result (PlPlan *plan, const PlCampaignFigures *figures, PlKpi *kpi)
{
  PlCampaignKpi *link = pl_campaign_link_to (plan, figures->campaign, kpi);

  if (link == NULL)
    return (PlFigure) { NAN, PL_MISSING_NOT_MEASURED, PL_STAGE_NONE, figures->basis };
  return pl_campaign_link_result (plan, link, &figures->basis);
}

/* The figure @figures is ranked by in @mode against @kpi; FALSE with @why when it is not
 * ranked. By cost, @result is its result on @kpi (NAN when none). */
static gboolean
rank_value (PlPlan *plan, const PlCampaignFigures *figures, PlCampaignRankMode mode, PlKpi *kpi, double *value,
            double *result, PlCampaignUnranked *why)
{
  PlFigure on_kpi;

  *result = NAN;
  if (mode == PL_CAMPAIGN_RANK_ROI)
    {
      if (figures->spent <= 0 || figures->roi.missing == PL_MISSING_ZERO)
        *why = PL_CAMPAIGN_UNRANKED_NOTHING_SPENT;
      else if (isnan (figures->roi.value))
        *why = PL_CAMPAIGN_UNRANKED_NO_REVENUE;
      else
        {
          *value = figures->roi.value;
          return TRUE;
        }
      return FALSE;
    }
  if (kpi == NULL)
    {
      *why = figures->main_link == NULL ? PL_CAMPAIGN_UNRANKED_NO_KPI : PL_CAMPAIGN_UNRANKED_NO_RESULTS;
      return FALSE;
    }
  on_kpi = kpi_result (plan, figures, kpi);
  *result = on_kpi.value;
  if (isnan (on_kpi.value))
    *why = PL_CAMPAIGN_UNRANKED_NO_RESULTS;
  else if (on_kpi.value <= 0)
    *why = PL_CAMPAIGN_UNRANKED_ZERO_RESULTS;
  /* Results that cost nothing are not the cheapest: their spend is not known to the plan. */
  else if (figures->spent <= 0)
    *why = PL_CAMPAIGN_UNRANKED_NOTHING_SPENT;
  else
    {
      *value = figures->spent_major / on_kpi.value;
      return TRUE;
    }
  return FALSE;
}

/* The count KPI on which the most of @figures' campaigns have results over their basis, by
 * any of their links: the widest comparison there is. Ties go to the deeper stage of the
 * funnel, then to the first in the plan's order. NULL when no campaign has results. */
static PlKpi *
common_kpi (PlPlan *plan, GArray *figures)
{
  g_autoptr(GHashTable) campaigns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  PlKpi *best = NULL;
  guint most = 0;

  if (figures->len == 0)
    return NULL;
  for (guint i = 0; i < figures->len; i++)
    {
      const PlCampaignFigures *f = &g_array_index (figures, PlCampaignFigures, i);
      g_hash_table_insert (campaigns, (gpointer) pl_item_get_id (PL_ITEM (f->campaign)), (gpointer) f);
    }
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      const PlCampaignFigures *f = g_hash_table_lookup (campaigns, pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN));
      PlItem *kpi = pl_plan_lookup (plan, pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI));

      if (f == NULL || kpi == NULL || !PL_IS_KPI (kpi) || pl_item_get_int (kpi, PL_KPI_UNIT) != PL_UNIT_COUNT ||
          isnan (pl_campaign_link_result (plan, PL_CAMPAIGN_KPI (link), &f->basis).value))
        continue;
      g_hash_table_insert (counts, kpi, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, kpi)) + 1));
    }
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, kpi));

      if (n > 0 && (n > most || (n == most && pl_campaign_kpi_depth (PL_KPI (kpi)) > pl_campaign_kpi_depth (best))))
        {
          most = n;
          best = PL_KPI (kpi);
        }
    }
  return best;
}

static int
by_roi (gconstpointer a, gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  if (x->figures->spent != y->figures->spent)
    return x->figures->spent > y->figures->spent ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
by_cost (gconstpointer a, gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->value != y->value)
    return x->value < y->value ? -1 : 1;
  if (x->figures->spent != y->figures->spent)
    return x->figures->spent > y->figures->spent ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
by_value (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* ---- text ---- */

static PangoLayout *
measuring_layout (const PlChartStyle *style, double size)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (style->font);

  g_object_unref (context);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static double
to_minor (PlPlan *plan, double major)
{
  return round (major * pow (10, pl_plan_get_currency_exponent (plan)));
}

/* @value of @mode as a bar's label or a tick: "300 %", "€45". */
static char *
value_text (PlPlan *plan, PlCampaignRankMode mode, double value, double overall, const PlChartStyle *style)
{
  if (mode == PL_CAMPAIGN_RANK_ROI)
    return pl_percent_format (100 * value, 0);
  /* Share-safe: a cost as a share of all ranked campaigns' cost per result. */
  return pl_chart_amount (style, plan, (gint64) to_minor (plan, value),
                          isnan (overall) ? 0 : (gint64) to_minor (plan, overall), FALSE);
}

static char *
count_text (guint n)
{
  g_autofree char *plain = g_strdup_printf ("%u", n);

  return pl_number_localise (plain, TRUE);
}

/* "Ranked by ROI, January to March 2027. Each bar’s thickness is the campaign’s spend." */
static char *
caption_text (PlPlan *plan, const PlCampaignRankingLayout *layout, const PlBasis *basis, const PlChartStyle *style)
{
  g_autofree char *when = pl_basis_describe (plan, basis);
  g_autofree char *ranked = NULL;

  if (layout->options.mode == PL_CAMPAIGN_RANK_ROI)
    /* Translators: the ranking chart's caption: the basis ("January to March 2027") */
    ranked = g_strdup_printf (_("Ranked by return on investment, the highest first, %s."), when);
  else if (layout->options.kpi != NULL)
    {
      /* Those ranked, those with nothing spent and those whose results add up to 0. */
      guint n = layout->n_campaigns - layout->n_unranked[PL_CAMPAIGN_UNRANKED_NO_RESULTS]
                - layout->n_unranked[PL_CAMPAIGN_UNRANKED_NO_KPI];
      g_autofree char *count = count_text (n);

      /* Translators: the ranking chart's caption: the KPI compared, how many campaigns have
       * results on it, the basis ("January to March 2027") */
      ranked = g_strdup_printf (ngettext ("Ranked by cost per result on “%s” (spent ÷ results), the lowest first, "
                                          "among the %s campaign with results on it, %s.",
                                          "Ranked by cost per result on “%s” (spent ÷ results), the lowest first, "
                                          "among the %s campaigns with results on it, %s.", n),
                                pl_item_get_string (PL_ITEM (layout->options.kpi), PL_KPI_NAME), count, when);
    }
  else
    ranked = g_strdup_printf (_("Ranked by cost per result, the lowest first, %s."), when);
  if (style->share_safe && layout->options.mode == PL_CAMPAIGN_RANK_COST)
    return g_strdup_printf ("%s %s", ranked,
                            _("A bar’s thickness is the campaign’s spend; its cost is a share of all ranked "
                              "campaigns’ together."));
  return g_strdup_printf ("%s %s", ranked, _("A bar’s thickness is the campaign’s spend."));
}

/* "Not ranked: 3 campaigns without revenue, 1 campaign with nothing spent."; NULL when all are. */
static char *
unranked_text (const PlCampaignRankingLayout *layout)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint why = 0; why < PL_CAMPAIGN_UNRANKED_N; why++)
    {
      guint n = layout->n_unranked[why];
      g_autofree char *count = count_text (n);
      char *part = NULL;

      if (n == 0)
        continue;
      switch ((PlCampaignUnranked) why)
        {
        case PL_CAMPAIGN_UNRANKED_NO_REVENUE:
          part = g_strdup_printf (ngettext ("%s campaign without revenue", "%s campaigns without revenue", n), count);
          break;
        case PL_CAMPAIGN_UNRANKED_NOTHING_SPENT:
          part = g_strdup_printf (ngettext ("%s campaign with nothing spent", "%s campaigns with nothing spent", n),
                                  count);
          break;
        case PL_CAMPAIGN_UNRANKED_NO_RESULTS:
          if (layout->options.kpi != NULL)
            /* Translators: under the ranking chart by cost per result: a count, the KPI compared */
            part = g_strdup_printf (ngettext ("%s campaign with no results on “%s”",
                                              "%s campaigns with no results on “%s”", n),
                                    count, pl_item_get_string (PL_ITEM (layout->options.kpi), PL_KPI_NAME));
          else
            part = g_strdup_printf (ngettext ("%s campaign with no results yet", "%s campaigns with no results yet", n),
                                    count);
          break;
        case PL_CAMPAIGN_UNRANKED_ZERO_RESULTS:
          part = g_strdup_printf (ngettext ("%s campaign whose results add up to 0",
                                            "%s campaigns whose results add up to 0", n), count);
          break;
        case PL_CAMPAIGN_UNRANKED_NO_KPI:
          part = g_strdup_printf (ngettext ("%s campaign attached to no KPI that counts results",
                                            "%s campaigns attached to no KPI that counts results", n), count);
          break;
        case PL_CAMPAIGN_UNRANKED_N:
        default:
          g_assert_not_reached ();
        }
      g_ptr_array_add (parts, part);
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (", ", (char **) parts->pdata);
  /* Translators: under the ranking chart: the list of campaigns left out and why */
  return g_strdup_printf (_("Not ranked: %s."), list);
}

/* "… 19,984 more" */
static char *
gap_text (guint n)
{
  g_autofree char *count = count_text (n);

  /* Translators: the line between the best and the worst campaigns of the ranking chart */
  return g_strdup_printf (ngettext ("… %s more", "… %s more", n), count);
}

/* ---- layout ---- */

/* What the layout keeps beside its public part. */
typedef struct {
  PlCampaignRankingLayout public;
  PlPlan *plan;      /* borrowed: it outlives its figures */
  GArray *ranked;    /* Ranked, every ranked campaign, best first */
  GArray *labels;    /* Labels, one a bar */
  PlBasis basis;
  char   *caption;
  char   *footer;    /* NULL when every campaign is ranked */
  char   *gap;
  char   *overall_text;
  double  used_h;
} Layout;

void
pl_campaign_ranking_layout_free (PlCampaignRankingLayout *layout)
{
  Layout *self = (Layout *) layout;

  if (self == NULL)
    return;
  for (guint i = 0; i < self->labels->len; i++)
    {
      g_free (g_array_index (self->labels, Labels, i).value);
      g_free (g_array_index (self->labels, Labels, i).spend);
    }
  g_array_unref (self->labels);
  g_array_unref (self->ranked);
  g_array_unref (layout->bars);
  g_free (self->caption);
  g_free (self->footer);
  g_free (self->gap);
  g_free (self->overall_text);
  g_free (self);
}

PlBasis
pl_campaign_ranking_basis (PlPlan *plan, guint32 as_of)
{
  PlDashboardBases bases;

  pl_dashboard_bases (plan, as_of, &bases);
  return bases.measured_basis;
}

/* Sets the scale from the values drawn, none beyond @cap: from 0 (or the lowest negative
 * ROI, to half a tick) to the highest, on round ticks about TICK_W pixels apart, counted in @unit (1, or in a
 * share-safe chart of costs the cost of all ranked campaigns together, so that the ticks are
 * round shares of it). */
static void
set_scale (PlCampaignRankingLayout *layout, double unit, double cap)
{
  double low = 0, high = 0, tick;

  for (guint i = 0; i < layout->bars->len; i++)
    {
      double v = MIN (g_array_index (layout->bars, PlCampaignRankingBar, i).value, cap) / unit;
      low = MIN (low, v);
      high = MAX (high, v);
    }
  if (high - low <= 0)
    high = 1;
  tick = pl_chart_nice_ceiling ((high - low) / CLAMP (floor (layout->plot_w / TICK_W), 2, 8));
  layout->tick = tick * unit;
  layout->low = floor (low / (tick / 2) + 1e-9) * (tick / 2) * unit;
  layout->high = ceil (high / tick - 1e-9) * tick * unit;
}

/* Where a scale should stop so that a few far-off figures (an ROI of 40,000 % on a campaign
 * that spent almost nothing) do not flatten every other bar: the 90th percentile of the
 * figures ranked when the highest drawn is more than twice it, else no cap. */
static double
outlier_cap (const PlCampaignRankingLayout *layout, GArray *ranked)
{
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (double), ranked->len);
  double highest = -G_MAXDOUBLE, p90;

  for (guint i = 0; i < ranked->len; i++)
    g_array_append_val (values, g_array_index (ranked, Ranked, i).value);
  for (guint i = 0; i < layout->bars->len; i++)
    highest = MAX (highest, g_array_index (layout->bars, PlCampaignRankingBar, i).value);
  if (values->len == 0)
    return G_MAXDOUBLE;
  g_array_sort (values, by_value);
  p90 = g_array_index (values, double, (guint) round ((values->len - 1) * 0.9));
  return p90 > 0 && highest > OUTLIER * p90 ? p90 : G_MAXDOUBLE;
}

static double
x_of (const PlCampaignRankingLayout *layout, double value)
{
  return layout->plot_x + layout->plot_w * (value - layout->low) / (layout->high - layout->low);
}

PlCampaignRankingLayout *
pl_campaign_ranking_layout_new (PlPlan *plan, GArray *figures, const PlCampaignRankingOptions *options, double width,
                                double height, const PlChartStyle *style)
{
  Layout *self = g_new0 (Layout, 1);
  PlCampaignRankingLayout *layout = &self->public;
  g_autoptr(PangoLayout) text = measuring_layout (style, TEXT_SIZE);
  g_autoptr(PangoLayout) small = measuring_layout (style, SMALL_SIZE);
  double revenue = 0, results = 0, spent = 0, top, area, row_h, footer_h, max_h, value_w = 0, spend_w = 0;
  gint64 max_spent = 1;
  guint fit, n_worst, n_rows;

  layout->options = *options;
  layout->n_campaigns = figures->len;
  layout->bars = g_array_new (FALSE, TRUE, sizeof (PlCampaignRankingBar));
  self->ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  self->labels = g_array_new (FALSE, TRUE, sizeof (Labels));
  self->basis = figures->len > 0 ? g_array_index (figures, PlCampaignFigures, 0).basis : pl_basis_period (plan);
  self->plan = plan;
  if (options->mode == PL_CAMPAIGN_RANK_COST && options->kpi == NULL)
    layout->options.kpi = common_kpi (plan, figures);
  if (options->mode == PL_CAMPAIGN_RANK_ROI)
    layout->options.kpi = NULL;

  for (guint i = 0; i < figures->len; i++)
    {
      const PlCampaignFigures *f = &g_array_index (figures, PlCampaignFigures, i);
      Ranked r = { f, 0, i };
      PlCampaignUnranked why;
      double result;

      if (!rank_value (plan, f, layout->options.mode, layout->options.kpi, &r.value, &result, &why))
        {
          layout->n_unranked[why]++;
          continue;
        }
      g_array_append_val (self->ranked, r);
      layout->spent_ranked = pl_money_sum (layout->spent_ranked, f->spent);
      spent += f->spent_major;
      revenue += options->mode == PL_CAMPAIGN_RANK_ROI ? f->revenue.value : 0;
      results += options->mode == PL_CAMPAIGN_RANK_COST ? result : 0;
    }
  g_array_sort (self->ranked, options->mode == PL_CAMPAIGN_RANK_ROI ? by_roi : by_cost);
  layout->n_ranked = self->ranked->len;
  layout->overall = layout->n_ranked == 0 || spent <= 0 ? NAN
                    : options->mode == PL_CAMPAIGN_RANK_ROI ? (revenue - spent) / spent
                    : results > 0 ? spent / results : NAN;

  /* The text around the rows: the caption on as many lines as it takes, the reasons under. */
  self->caption = caption_text (plan, layout, &self->basis, style);
  self->footer = unranked_text (layout);
  layout->caption_h = *self->caption ? pl_chart_axis_label_height (small, self->caption, width, G_MAXDOUBLE) + 6 : 0;
  layout->header_y = layout->caption_h;
  top = layout->header_y + HEADER_H;
  footer_h = self->footer != NULL ? pl_chart_axis_label_height (small, self->footer, width, G_MAXDOUBLE) + 4 : 0;
  area = MAX (height - top - AXIS_H - footer_h, 0);

  /* The rows: all when they fit, else the best and the worst with a line between. */
  fit = (guint) floor (area / ROW_MIN);
  if (layout->n_ranked <= fit)
    {
      layout->n_best = layout->n_ranked;
      n_worst = 0;
    }
  else if (fit >= 3)
    {
      /* The extremes are what a ranking of many is read for: a few of each, roomy. */
      layout->n_best = MIN (fit / 2, MAX_EACH);
      n_worst = MIN (fit - 1 - layout->n_best, MAX_EACH);
    }
  else
    {
      layout->n_best = fit;
      n_worst = 0;
    }
  layout->n_hidden = layout->n_ranked - layout->n_best - n_worst;
  n_rows = layout->n_best + n_worst + (layout->n_hidden > 0 && n_worst > 0);
  row_h = MIN (ROW_MAX, area / MAX (n_rows, 1));
  /* The axis and the reasons right under the rows: a short ranking leaves the rest blank. */
  layout->axis_y = top + row_h * n_rows;
  layout->footer_y = self->footer != NULL ? layout->axis_y + AXIS_H : height;
  self->used_h = MIN (height, layout->axis_y + AXIS_H + footer_h);
  for (guint i = 0; i < layout->n_best + n_worst; i++)
    {
      guint k = i < layout->n_best ? i : layout->n_ranked - n_worst + (i - layout->n_best);
      const Ranked *r = &g_array_index (self->ranked, Ranked, k);
      PlCampaignRankingBar bar = { r->figures, k, r->value };
      Labels labels = { 0 };

      bar.row_h = row_h;
      bar.row_y = top + row_h * (i + (i >= layout->n_best && layout->n_hidden > 0));
      g_array_append_val (layout->bars, bar);
      max_spent = MAX (max_spent, r->figures->spent);
      labels.value = value_text (plan, options->mode, r->value, layout->overall, style);
      labels.spend = pl_chart_amount (style, plan, r->figures->spent, layout->spent_ranked, FALSE);
      value_w = MAX (value_w, pl_chart_text_width (text, labels.value));
      spend_w = MAX (spend_w, pl_chart_text_width (text, labels.spend));
      g_array_append_val (self->labels, labels);
    }
  if (layout->n_hidden > 0 && n_worst > 0)
    {
      layout->gap_y = top + row_h * layout->n_best;
      layout->gap_h = row_h;
    }
  self->gap = gap_text (layout->n_hidden);

  /* The columns: the name, the bars, the figure and the spend, the last two as wide as
   * their widest label or title. */
  value_w = MAX (value_w, pl_chart_text_width (small, options->mode == PL_CAMPAIGN_RANK_ROI ? _("ROI") : _("Cost")));
  spend_w = MAX (spend_w, pl_chart_text_width (small, style->share_safe ? _("Share spent") : _("Spent")));
  layout->name_x = 4;
  layout->name_w = CLAMP (width * 0.26, 70, 220) - 4;
  layout->spend_w = spend_w + 4;
  layout->spend_x = width - 4 - layout->spend_w;
  layout->value_w = value_w + 4;
  layout->value_x = layout->spend_x - GAP - layout->value_w;
  layout->plot_x = layout->name_x + layout->name_w + GAP;
  layout->plot_w = MAX (layout->value_x - GAP - layout->plot_x, 10);
  set_scale (layout, style->share_safe && options->mode == PL_CAMPAIGN_RANK_COST && layout->overall > 0
                     ? layout->overall : 1, outlier_cap (layout, self->ranked));
  /* Leave room for the end ticks' labels, centred on the plot's edges. */
    {
      g_autofree char *first = value_text (plan, options->mode, ceil (layout->low / layout->tick - 1e-9) * layout->tick,
                                           layout->overall, style);
      g_autofree char *last = value_text (plan, options->mode, layout->high, layout->overall, style);
      double left = pl_chart_text_width (small, first) / 2.0, right = pl_chart_text_width (small, last) / 2.0;

      layout->plot_x += MAX (left - GAP, 0);
      layout->plot_w = MAX (layout->value_x - GAP - MAX (right - GAP, 0) - layout->plot_x, 10);
    }
  layout->axis_x = x_of (layout, 0);

  /* The bars: length the figure from 0, thickness the spend. */
  max_h = row_h * THICK;
  for (guint i = 0; i < layout->bars->len; i++)
    {
      PlCampaignRankingBar *bar = &g_array_index (layout->bars, PlCampaignRankingBar, i);
      double end = x_of (layout, MIN (bar->value, layout->high));

      /* Beyond the scale, cut short at its end: its label says how far. */
      bar->cut = bar->value > layout->high;
      bar->x = MIN (end, layout->axis_x);
      bar->w = fabs (end - layout->axis_x);
      bar->h = MAX (PL_CAMPAIGN_RANKING_MIN_THICKNESS, max_h * (double) bar->figures->spent / (double) max_spent);
      bar->y = bar->row_y + (bar->row_h - bar->h) / 2;
    }
  if (!isnan (layout->overall))
    {
      g_autofree char *overall = value_text (plan, options->mode, layout->overall, layout->overall, style);
      /* Translators: the mark of all ranked campaigns taken together on the ranking chart */
      self->overall_text = g_strdup_printf (_("All: %s"), overall);
    }
  return layout;
}

const PlCampaignFigures *
pl_campaign_ranking_layout_nth (const PlCampaignRankingLayout *layout, guint n, double *value)
{
  const Layout *self = (const Layout *) layout;

  g_return_val_if_fail (n < self->ranked->len, NULL);
  *value = g_array_index (self->ranked, Ranked, n).value;
  return g_array_index (self->ranked, Ranked, n).figures;
}

gboolean
pl_campaign_ranking_layout_ranks (const PlCampaignRankingLayout *layout, const PlCampaignFigures *figures,
                                  double *value, PlCampaignUnranked *why)
{
  double result;

  return rank_value (((const Layout *) layout)->plan, figures, layout->options.mode, layout->options.kpi, value,
                     &result, why);
}

PlFigure
pl_campaign_ranking_result (const PlCampaignRankingLayout *layout, const PlCampaignFigures *figures)
{
  if (layout->options.mode == PL_CAMPAIGN_RANK_ROI)
    return figures->revenue;
  if (layout->options.kpi == NULL)
    return (PlFigure) { NAN, PL_MISSING_NO_KPI, PL_STAGE_NONE, figures->basis };
  return kpi_result (((const Layout *) layout)->plan, figures, layout->options.kpi);
}

char *
pl_campaign_ranking_value_text (PlPlan *plan, const PlCampaignRankingLayout *layout, double value,
                                const PlChartStyle *style)
{
  return value_text (plan, layout->options.mode, value, layout->overall, style);
}

char *
pl_campaign_ranking_unranked_text (const PlCampaignRankingLayout *layout, PlCampaignUnranked why)
{
  switch (why)
    {
    case PL_CAMPAIGN_UNRANKED_NO_REVENUE:
      return g_strdup (_("Not ranked: no revenue recorded"));
    case PL_CAMPAIGN_UNRANKED_NOTHING_SPENT:
      return g_strdup (_("Not ranked: nothing spent"));
    case PL_CAMPAIGN_UNRANKED_NO_RESULTS:
      if (layout->options.kpi != NULL)
        /* Translators: a campaign left out of the ranking by cost per result: the KPI compared */
        return g_strdup_printf (_("Not ranked: no results on “%s”"),
                                pl_item_get_string (PL_ITEM (layout->options.kpi), PL_KPI_NAME));
      return g_strdup (_("Not ranked: no results yet"));
    case PL_CAMPAIGN_UNRANKED_ZERO_RESULTS:
      return g_strdup (_("Not ranked: results add up to 0"));
    case PL_CAMPAIGN_UNRANKED_NO_KPI:
      return g_strdup (_("Not ranked: attached to no KPI that counts results"));
    case PL_CAMPAIGN_UNRANKED_N:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

double
pl_campaign_ranking_layout_height (const PlCampaignRankingLayout *layout)
{
  return ((const Layout *) layout)->used_h;
}

/* ---- sentences ---- */

static const char *
name_of (const PlCampaignFigures *figures)
{
  return pl_item_get_string (PL_ITEM (figures->campaign), PL_CAMPAIGN_NAME);
}

char *
pl_campaign_ranking_reading (PlPlan *plan, const PlCampaignRankingLayout *layout, const PlChartStyle *style)
{
  const Layout *self = (const Layout *) layout;
  const Ranked *best, *worst;
  g_autofree char *best_value = NULL;
  g_autofree char *worst_value = NULL;

  if (self->ranked->len < 2)
    return NULL;
  best = &g_array_index (self->ranked, Ranked, 0);
  worst = &g_array_index (self->ranked, Ranked, self->ranked->len - 1);
  best_value = value_text (plan, layout->options.mode, best->value, layout->overall, style);
  worst_value = value_text (plan, layout->options.mode, worst->value, layout->overall, style);
  if (layout->options.mode == PL_CAMPAIGN_RANK_ROI)
    /* Translators: the ranking chart read: the best campaign, its ROI, the worst, its ROI */
    return g_strdup_printf (_("“%s” returns the most for its spend (ROI %s); “%s” the least (ROI %s)."),
                            name_of (best->figures), best_value, name_of (worst->figures), worst_value);
  if (style->share_safe)
    /* Translators: the ranking chart read: the KPI, the cheapest campaign, the dearest */
    return g_strdup_printf (_("Cost per result on “%s”: “%s” is the lowest, “%s” the highest."),
                            pl_item_get_string (PL_ITEM (layout->options.kpi), PL_KPI_NAME),
                            name_of (best->figures), name_of (worst->figures));
  /* Translators: the ranking chart read: the KPI, the cheapest campaign and its cost, the dearest and its cost */
  return g_strdup_printf (_("Cost per result on “%s”: “%s” is the lowest (%s), “%s” the highest (%s)."),
                          pl_item_get_string (PL_ITEM (layout->options.kpi), PL_KPI_NAME),
                          name_of (best->figures), best_value, name_of (worst->figures), worst_value);
}

char **
pl_campaign_ranking_chart_sentences (PlPlan *plan, const PlCampaignRankingLayout *layout, const PlChartStyle *style)
{
  const Layout *self = (const Layout *) layout;
  GPtrArray *sentences = g_ptr_array_new ();
  char *reading;

  if (layout->n_campaigns == 0)
    g_ptr_array_add (sentences, g_strdup (_("The plan has no campaigns yet.")));
  else if (layout->n_ranked == 0)
    g_ptr_array_add (sentences, g_strdup (layout->options.mode == PL_CAMPAIGN_RANK_ROI
                                            ? _("No campaign can be ranked by return on investment yet: none has both "
                                                "spend and revenue recorded.")
                                            : _("No campaign can be ranked by cost per result yet: none has both "
                                                "spend and results recorded.")));
  else if ((reading = pl_campaign_ranking_reading (plan, layout, style)) != NULL)
    g_ptr_array_add (sentences, reading);
  else
    /* Translators: the ranking chart with a single campaign ranked */
    g_ptr_array_add (sentences, g_strdup_printf (_("Only “%s” can be ranked."),
                                                 name_of (g_array_index (self->ranked, Ranked, 0).figures)));
  if (layout->n_ranked > 0)
    g_ptr_array_add (sentences, g_strdup (self->caption));
  if (layout->n_hidden > 0)
    {
      g_autofree char *all = count_text (layout->n_ranked);
      guint worst = layout->bars->len - layout->n_best;
      /* Translators: the ranking chart with too many campaigns to draw: how many best, worst, ranked */
      g_ptr_array_add (sentences, g_strdup_printf (_("The %u best and the %u worst of %s campaigns ranked are drawn."),
                                                   layout->n_best, worst, all));
    }
  if (self->footer != NULL)
    g_ptr_array_add (sentences, g_strdup (self->footer));
  g_ptr_array_add (sentences, NULL);
  return (char **) g_ptr_array_free (sentences, FALSE);
}

/* ---- painting ---- */

char *
pl_campaign_ranking_chart_paint (PlPlan *plan, const PlCampaignRankingLayout *layout, cairo_t *cr, double width,
                                 double height, const PlChartStyle *style)
{
  const Layout *self = (const Layout *) layout;
  g_autoptr(PangoLayout) text = pl_chart_text_new (cr, style, TEXT_SIZE);
  g_autoptr(PangoLayout) small = pl_chart_text_new (cr, style, SMALL_SIZE);
  gboolean roi = layout->options.mode == PL_CAMPAIGN_RANK_ROI;
  double top = layout->header_y + HEADER_H, bottom = layout->axis_y;
  static const double dash[] = { 4, 3 };
  double shade = style->high_contrast ? 0.12 : 0.07;  /* every other row's */

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  if (layout->n_ranked == 0)
    {
      g_auto(GStrv) sentences = pl_campaign_ranking_chart_sentences (plan, layout, style);

      double y = MAX (height / 2 - 30, 4);

      /* Why nothing is ranked, then what each campaign lacks. */
      pl_chart_set_color (cr, &style->muted, 1);
      y += pl_chart_axis_label (cr, text, sentences[0], 8, y, width - 16, PANGO_ALIGN_CENTER) + 6;
      if (self->footer != NULL)
        pl_chart_axis_label (cr, small, self->footer, 8, y, width - 16, PANGO_ALIGN_CENTER);
      return pl_chart_sentences_join (g_steal_pointer (&sentences));
    }

  pl_chart_set_color (cr, &style->muted, 1);
  pl_chart_axis_label (cr, small, self->caption, 0, 0, width, PANGO_ALIGN_LEFT);
  /* The columns' titles. */
  pl_chart_axis_label (cr, small, roi ? _("ROI") : _("Cost"), layout->value_x, layout->header_y,
                       layout->value_w, PANGO_ALIGN_RIGHT);
  pl_chart_axis_label (cr, small, style->share_safe ? _("Share spent") : _("Spent"), layout->spend_x,
                       layout->header_y, layout->spend_w, PANGO_ALIGN_RIGHT);

  /* Every other row shaded, to follow a name to its figures across the width. */
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const PlCampaignRankingBar *bar = &g_array_index (layout->bars, PlCampaignRankingBar, i);
      if (i % 2 == 1)
        {
          pl_chart_set_color (cr, &style->muted, shade);
          cairo_rectangle (cr, 0, bar->row_y, width, bar->row_h);
          cairo_fill (cr);
        }
    }

  /* The grid and its ticks, under the bars. */
  cairo_set_line_width (cr, 1);
  for (double v = ceil (layout->low / layout->tick - 1e-9) * layout->tick; v <= layout->high + layout->tick / 2;
       v += layout->tick)
    {
      double x = round (x_of (layout, v)) + 0.5;
      g_autofree char *tick = value_text (plan, layout->options.mode, fabs (v) < layout->tick / 1e6 ? 0 : v,
                                          layout->overall, style);

      pl_chart_set_color (cr, &style->muted, pl_chart_faint (style, 0.25));
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_axis_label (cr, small, tick, x - 40, bottom + 3, 80, PANGO_ALIGN_CENTER);
    }

  for (guint i = 0; i < layout->bars->len; i++)
    {
      const PlCampaignRankingBar *bar = &g_array_index (layout->bars, PlCampaignRankingBar, i);
      const Labels *labels = &g_array_index (self->labels, Labels, i);
      double mid = bar->row_y + bar->row_h / 2 - 8;
      g_autofree char *name = NULL;
      const PlColor *color = !roi ? pl_chart_series_color (style, 0) : bar->value < 0 ? &style->bad : &style->good;

      pl_chart_set_color (cr, &style->text, 1);
      pl_chart_text (cr, text, name_of (bar->figures), layout->name_x, mid, layout->name_w, PANGO_ALIGN_RIGHT);
      pl_chart_set_color (cr, color, 0.9);
      cairo_rectangle (cr, bar->x, bar->y, MAX (bar->w, 1), bar->h);
      cairo_fill (cr);
      if (bar->cut)
        {
          /* A slanted gap near its end: the bar goes on beyond the scale. */
          double end = bar->x + bar->w;

          cairo_move_to (cr, end - 16, bar->y + bar->h + 2);
          cairo_line_to (cr, end - 11, bar->y - 2);
          cairo_line_to (cr, end - 7, bar->y - 2);
          cairo_line_to (cr, end - 12, bar->y + bar->h + 2);
          cairo_close_path (cr);
          pl_chart_set_color (cr, &style->background, 1);
          cairo_fill_preserve (cr);
          pl_chart_set_color (cr, &style->muted, i % 2 == 1 ? shade : 0);
          cairo_fill (cr);
        }
      pl_chart_set_color (cr, &style->text, 1);
      pl_chart_axis_label (cr, text, labels->value, layout->value_x, mid, layout->value_w, PANGO_ALIGN_RIGHT);
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_axis_label (cr, text, labels->spend, layout->spend_x, mid, layout->spend_w, PANGO_ALIGN_RIGHT);
    }

  /* The axis at 0, over the bars, thicker than the grid: the side of it says the sign in
   * grey too. */
  pl_chart_set_color (cr, &style->text, 0.8);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, round (layout->axis_x), top);
  cairo_line_to (cr, round (layout->axis_x), bottom);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 1);

  /* All ranked campaigns as one, dashed, named at the top. */
  if (self->overall_text != NULL && layout->overall >= layout->low && layout->overall <= layout->high)
    {
      double x = round (x_of (layout, layout->overall)) + 0.5;
      double w = pl_chart_text_width (small, self->overall_text) + 4;

      pl_chart_set_color (cr, &style->text, pl_chart_faint (style, 0.6));
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      pl_chart_set_color (cr, &style->text, 1);
      pl_chart_axis_label (cr, small, self->overall_text, CLAMP (x - w / 2, layout->plot_x, layout->value_x - GAP - w),
                           layout->header_y, w, PANGO_ALIGN_CENTER);
    }

  if (layout->gap_h > 0)
    {
      double y = layout->gap_y + layout->gap_h / 2;

      pl_chart_set_color (cr, &style->background, 1);
      cairo_rectangle (cr, 0, layout->gap_y, width, layout->gap_h);
      cairo_fill (cr);
      pl_chart_set_color (cr, &style->muted, pl_chart_faint (style, 0.5));
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, 0, round (y) + 0.5);
      cairo_line_to (cr, width, round (y) + 0.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      {
        double w = pl_chart_text_width (small, self->gap) + 16;
        double x = layout->name_x + layout->name_w - w;

        pl_chart_set_color (cr, &style->background, 1);
        cairo_rectangle (cr, MAX (x, 0), y - 8, w, 16);
        cairo_fill (cr);
        pl_chart_set_color (cr, &style->muted, 1);
        pl_chart_axis_label (cr, small, self->gap, MAX (x, 0), y - 8, w, PANGO_ALIGN_CENTER);
      }
    }

  if (self->footer != NULL)
    {
      pl_chart_set_color (cr, &style->muted, 1);
      pl_chart_axis_label (cr, small, self->footer, 0, layout->footer_y + 2, width, PANGO_ALIGN_LEFT);
    }
  return pl_chart_sentences_join (pl_campaign_ranking_chart_sentences (plan, layout, style));
}

char *
pl_campaign_ranking_chart_draw (PlPlan *plan, guint32 as_of, PlCampaignRankMode mode, cairo_t *cr, double width,
                                double height, const PlChartStyle *style)
{
  PlBasis basis = pl_campaign_ranking_basis (plan, as_of);
  g_autoptr(GArray) figures = pl_campaign_figures_all (plan, &basis);
  PlCampaignRankingOptions options = { mode, NULL };
  g_autoptr(PlCampaignRankingLayout) layout = pl_campaign_ranking_layout_new (plan, figures, &options, width, height,
                                                                              style);

  return pl_campaign_ranking_chart_paint (plan, layout, cr, width, height, style);
}
