/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chart-catalog"
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "pl-budget-burn-chart.h"
#include "pl-budget-month-chart.h"
#include "pl-budget-totals.h"
#include "pl-cac-breakdown-chart.h"
#include "pl-campaign-ranking-chart.h"
#include "pl-chain-paper.h"
#include "pl-category-spend-chart.h"
#include "pl-chart-catalog.h"
#include "pl-chart-draw.h"
#include "pl-chart-rows.h"
#include "pl-dashboard-chart.h"
#include "pl-dashboard.h"
#include "pl-error.h"
#include "pl-funnel-chart.h"
#include "pl-kpi-chain-chart.h"
#include "pl-maturity.h"
#include "pl-month-chart.h"
#include "pl-radar-chart.h"
#include "pl-scenario-chart.h"
#include "pl-timeline-chart.h"

/* ---- each chart's row: how it is drawn, summed up and shown as a table ---- */

static char *
dashboard_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
                GError **error)
{
  return pl_dashboard_draw (plan, today, cr, width, height, style);
}

static char **
dashboard_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                     GError **error)
{
  return pl_dashboard_sentences (plan, today, style);
}

/* The funnel shows the dashboard's months: from the start of the period to date. */
static guint32
funnel_until (PlPlan *plan, guint32 today)
{
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, today);

  return dashboard->until;
}

static char *
funnel_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
             GError **error)
{
  return pl_funnel_chart_draw (plan, pl_plan_get_start (plan), funnel_until (plan, today), cr, width, height, style);
}

static char **
funnel_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                  GError **error)
{
  return pl_funnel_chart_sentences (plan, pl_plan_get_start (plan), funnel_until (plan, today));
}

/* The whole chain, its latest month, no node selected. */
static const PlKpiChainOptions chain_options = { 0, -1 };

static gboolean
chain_size (PlPlan *plan, double *width, double *height, GError **error)
{
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);

  /* Its natural size: every box in full form, the chain read, not squeezed; a chain of one
   * or none still a chart's size. */
  pl_kpi_chain_chart_natural_size (layout, width, height);
  *width = MAX (*width, 600);
  *height = MAX (*height, 300);
  return TRUE;
}

static char *
chain_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
            GError **error)
{
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);

  return pl_kpi_chain_chart_draw (plan, layout, &chain_options, cr, width, height, style);
}

static char **
chain_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                 GError **error)
{
  g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);

  return pl_kpi_chain_chart_sentences (plan, layout, &chain_options);
}

/* The three budget charts draw from the plan's budget totals, summed once a drawing. */
typedef char  *(*BudgetDraw)      (PlPlan *plan, const PlBudgetTotals *totals, cairo_t *cr, double width,
                                   double height, const PlChartStyle *style);
typedef char **(*BudgetSentences) (PlPlan *plan, const PlBudgetTotals *totals, const PlChartStyle *style);

static char *
with_totals_draw (BudgetDraw draw, PlPlan *plan, cairo_t *cr, double width, double height, const PlChartStyle *style)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);

  return draw (plan, totals, cr, width, height, style);
}

static char **
with_totals_sentences (BudgetSentences sentences, PlPlan *plan, const PlChartStyle *style)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);

  return sentences (plan, totals, style);
}

static char *
budget_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
             GError **error)
{
  return with_totals_draw (pl_budget_month_chart_draw, plan, cr, width, height, style);
}

static char **
budget_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                  GError **error)
{
  return with_totals_sentences (pl_budget_month_chart_sentences, plan, style);
}

static char *
burn_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
           GError **error)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);

  /* @today is the day the figures are for (the report's as_of): the forecast printed above. */
  return pl_budget_burn_chart_draw (plan, totals, today, cr, width, height, style);
}

static char **
burn_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                GError **error)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);

  return pl_budget_burn_chart_sentences (plan, totals, today, style);
}

static char *
categories_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
                 GError **error)
{
  return with_totals_draw (pl_category_spend_chart_draw, plan, cr, width, height, style);
}

static char **
categories_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                      GError **error)
{
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);

  /* As many categories as fit the height, as drawn. */
  return pl_category_spend_chart_sentences (plan, totals, height);
}

static char *
cac_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
          GError **error)
{
  return pl_cac_breakdown_chart_draw (plan, cr, width, height, style);
}

static char **
cac_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style, GError **error)
{
  return pl_cac_breakdown_chart_sentences (plan, style);
}

static gboolean
timeline_size (PlPlan *plan, double *width, double *height, GError **error)
{
  g_autoptr(PlTimelineLayout) layout = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);

  *width = 1400;
  *height = PL_TIMELINE_AXIS_H + pl_timeline_layout_height (layout) + 8 +
            pl_timeline_chart_legend_height (plan, NULL, *width, pl_chart_style_light ());
  return TRUE;
}

static char *
timeline_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
               GError **error)
{
  g_autoptr(PlTimelineLayout) layout = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);
  PlTimelineOptions options = { pl_plan_get_start (plan), pl_plan_get_end (plan), today, 0, -1 };

  options.preview_row = options.preview_lane = -1;
  options.legend = TRUE;
  return pl_timeline_chart_draw (plan, layout, &options, cr, width, height, style);
}

static char **
timeline_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                    GError **error)
{
  g_autoptr(PlTimelineLayout) layout = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);

  return pl_timeline_chart_sentences (layout);
}

/* The month of @today, or the first of the period before it starts. */
static guint32
month_of (PlPlan *plan, guint32 today)
{
  return pl_plan_month_start (plan, (guint) MAX (pl_plan_month_index (plan, today), 0));
}

static char *
month_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
            GError **error)
{
  PlMonthOptions options = { month_of (plan, today), NULL, 0, 0, NULL };
  g_autoptr(PlCampaignPaint) paint = pl_campaign_paint_new (plan, PL_COLOR_BY_STATUS);
  /* On its own (exported, copied, printed) the month says what its colours mean, below it. */
  double legend_h = pl_campaign_paint_legend_height (paint, width - 16, FALSE, style) + 12;
  char *summary;

  pl_chart_set_color (cr, &style->background, 1);
  cairo_paint (cr);
  summary = pl_month_chart_draw (plan, &options, cr, width, height - legend_h, style);
  pl_campaign_paint_draw_legend (paint, cr, 8, height - legend_h + 6, width - 16, FALSE, style);
  return summary;
}

static char **
month_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                 GError **error)
{
  return pl_month_chart_sentences (plan, month_of (plan, today));
}

/* The maturity rounds to compare, the latest and the one before if any, and the questionnaire
 * they are scored with. */
static gboolean
radar_rounds (PlPlan *plan, const PlQuestionnaire **questionnaire, PlMaturity **current, PlMaturity **previous,
              GError **error)
{
  g_autoptr(GPtrArray) rounds = pl_maturity_rounds (plan);

  *questionnaire = pl_questionnaire_get_current ();
  if (rounds->len == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The plan has no maturity self-assessment yet: answer one on the Maturity page first."));
      return FALSE;
    }
  if (*questionnaire == NULL)
    {
      /* The program did not say where its questionnaire is (pl_questionnaire_set_source()). */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("Pilote’s maturity questionnaire cannot be found: reinstall Pilote."));
      return FALSE;
    }
  *current = pl_maturity_score_round (*questionnaire, plan, rounds->pdata[rounds->len - 1]);
  *previous = rounds->len > 1 ? pl_maturity_score_round (*questionnaire, plan, rounds->pdata[rounds->len - 2]) : NULL;
  return TRUE;
}

static gboolean
radar_size (PlPlan *plan, double *width, double *height, GError **error)
{
  const PlQuestionnaire *questionnaire;
  g_autoptr(PlMaturity) current = NULL;
  g_autoptr(PlMaturity) previous = NULL;

  *width = 720;
  *height = 600;
  return radar_rounds (plan, &questionnaire, &current, &previous, error);
}

static char *
radar_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
            GError **error)
{
  const PlQuestionnaire *questionnaire;
  g_autoptr(PlMaturity) current = NULL;
  g_autoptr(PlMaturity) previous = NULL;

  if (!radar_rounds (plan, &questionnaire, &current, &previous, error))
    return NULL;
  return pl_radar_chart_draw (questionnaire, current, previous, cr, width, height, style);
}

static char **
radar_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                 GError **error)
{
  const PlQuestionnaire *questionnaire;
  g_autoptr(PlMaturity) current = NULL;
  g_autoptr(PlMaturity) previous = NULL;

  if (!radar_rounds (plan, &questionnaire, &current, &previous, error))
    return NULL;
  return pl_radar_chart_sentences (questionnaire, current, previous);
}

/* The scenarios side by side, the plan's drivers as of the dashboard's day. */
static char *
scenarios_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
                GError **error)
{
  g_autoptr(GArray) series = pl_scenario_series_new (plan, pl_dashboard_resolve_as_of (plan, today));

  return pl_scenario_chart_draw (plan, series, cr, width, height, style);
}

static char **
scenarios_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style,
                     GError **error)
{
  g_autoptr(GArray) series = pl_scenario_series_new (plan, pl_dashboard_resolve_as_of (plan, today));

  return pl_scenario_chart_sentences (plan, series, style);
}

/* The campaigns ranked, as of the dashboard's day. */
static PlCampaignRankingLayout *
ranking_layout (PlPlan *plan, guint32 today, PlCampaignRankMode mode, double width, double height,
                const PlChartStyle *style, GArray **figures)
{
  PlBasis basis = pl_campaign_ranking_basis (plan, today);
  PlCampaignRankingOptions options = { mode, NULL };

  *figures = pl_campaign_figures_all (plan, &basis);
  return pl_campaign_ranking_layout_new (plan, *figures, &options, width, height, style);
}

/* As high as its rows need, up to the catalogue's height: a short ranking is not stretched.
 * The size knows no day: it makes room for the campaigns ranked over the whole period, as
 * many as or more than to any day. */
static gboolean
ranking_size (PlCampaignRankMode mode, PlPlan *plan, double *width, double *height)
{
  g_autoptr(GArray) figures = NULL;
  g_autoptr(PlCampaignRankingLayout) layout = ranking_layout (plan, pl_plan_get_end (plan), mode, *width, *height,
                                                              pl_chart_style_light (), &figures);

  *height = CLAMP (ceil (pl_campaign_ranking_layout_height (layout)) + 8, 200, *height);
  return TRUE;
}

static char *
ranking_draw (PlCampaignRankMode mode, PlPlan *plan, guint32 today, cairo_t *cr, double width, double height,
              const PlChartStyle *style)
{
  return pl_campaign_ranking_chart_draw (plan, today, mode, cr, width, height, style);
}

static char **
ranking_sentences (PlCampaignRankMode mode, PlPlan *plan, guint32 today, double width, double height,
                   const PlChartStyle *style)
{
  g_autoptr(GArray) figures = NULL;
  g_autoptr(PlCampaignRankingLayout) layout = ranking_layout (plan, today, mode, width, height, style, &figures);

  return pl_campaign_ranking_chart_sentences (plan, layout, style);
}

static gboolean
roi_size (PlPlan *plan, double *width, double *height, GError **error)
{
  return ranking_size (PL_CAMPAIGN_RANK_ROI, plan, width, height);
}

static char *
roi_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
          GError **error)
{
  return ranking_draw (PL_CAMPAIGN_RANK_ROI, plan, today, cr, width, height, style);
}

static char **
roi_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style, GError **error)
{
  return ranking_sentences (PL_CAMPAIGN_RANK_ROI, plan, today, width, height, style);
}

static void
roi_rows (PlPlan *plan, guint32 today, GPtrArray *rows)
{
  pl_chart_rows_campaigns (plan, today, PL_CAMPAIGN_RANK_ROI, rows);
}

static gboolean
cost_size (PlPlan *plan, double *width, double *height, GError **error)
{
  return ranking_size (PL_CAMPAIGN_RANK_COST, plan, width, height);
}

static char *
cost_draw (PlPlan *plan, guint32 today, cairo_t *cr, double width, double height, const PlChartStyle *style,
           GError **error)
{
  return ranking_draw (PL_CAMPAIGN_RANK_COST, plan, today, cr, width, height, style);
}

static char **
cost_sentences (PlPlan *plan, guint32 today, double width, double height, const PlChartStyle *style, GError **error)
{
  return ranking_sentences (PL_CAMPAIGN_RANK_COST, plan, today, width, height, style);
}

static void
cost_rows (PlPlan *plan, guint32 today, GPtrArray *rows)
{
  pl_chart_rows_campaigns (plan, today, PL_CAMPAIGN_RANK_COST, rows);
}

/* ---- the table ---- */

static const PlChartKind kinds[] = {
  { .name = "dashboard", .title = N_("Leadership dashboard"), .page = "dashboard", .width = 1280, .height = 760,
    .draw = dashboard_draw, .sentences = dashboard_sentences },
  { .name = "funnel", .title = N_("Funnel"), .width = 900, .height = 460,
    .draw = funnel_draw, .sentences = funnel_sentences, .rows = pl_chart_rows_funnel },
  { .name = "chain", .title = N_("KPI chain"), .page = "chain", .width = 600, .height = 300, .size = chain_size,
    .draw = chain_draw, .sentences = chain_sentences, .rows = pl_chart_rows_chain,
    .pieces = pl_chain_paper_pieces, .draw_piece = pl_chain_paper_piece_draw },
  { .name = "budget", .title = N_("Budget by month"), .page = "budget", .width = 900, .height = 460,
    .draw = budget_draw, .sentences = budget_sentences, .rows = pl_chart_rows_months },
  { .name = "burn", .title = N_("Budget burn"), .page = "budget", .width = 900, .height = 460,
    .draw = burn_draw, .sentences = burn_sentences, .rows = pl_chart_rows_months },
  { .name = "categories", .title = N_("Spend by category"), .page = "budget", .width = 900, .height = 460,
    .draw = categories_draw, .sentences = categories_sentences, .rows = pl_chart_rows_categories },
  { .name = "cac", .title = N_("Customer acquisition cost"), .page = "budget", .width = 900, .height = 460,
    .draw = cac_draw, .sentences = cac_sentences },
  { .name = "timeline", .title = N_("Campaign timeline"), .page = "calendar", .width = 1400, .height = 460,
    .size = timeline_size, .draw = timeline_draw, .sentences = timeline_sentences,
    .pieces = pl_paper_timeline_pieces, .draw_piece = pl_paper_timeline_piece_draw },
  { .name = "month", .title = N_("Calendar month"), .page = "calendar", .width = 1100, .height = 720,
    .draw = month_draw, .sentences = month_sentences },
  { .name = "scenarios", .title = N_("Scenarios side by side"), .page = "planning", .width = 760, .height = 540,
    .draw = scenarios_draw, .sentences = scenarios_sentences, .rows = pl_chart_rows_scenarios },
  { .name = "radar", .title = N_("Maturity radar"), .page = "assessment", .width = 720, .height = 600,
    .size = radar_size, .draw = radar_draw, .sentences = radar_sentences },
  { .name = "campaign-roi", .title = N_("Campaigns by return on investment"), .page = "campaigns", .width = 900,
    .height = 460, .size = roi_size, .draw = roi_draw, .sentences = roi_sentences, .rows = roi_rows },
  { .name = "campaign-cost", .title = N_("Campaigns by cost per result"), .page = "campaigns", .width = 900,
    .height = 460, .size = cost_size, .draw = cost_draw, .sentences = cost_sentences, .rows = cost_rows },
};

const PlChartKind *
pl_chart_catalog_list (guint *n)
{
  *n = G_N_ELEMENTS (kinds);
  return kinds;
}

const PlChartKind *
pl_chart_catalog_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

/* The chart called @name, or NULL with @error. */
static const PlChartKind *
find (const char *name, GError **error)
{
  const PlChartKind *kind = pl_chart_catalog_lookup (name);

  if (kind == NULL)
    g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("There is no chart called “%s”."), name);
  return kind;
}

gboolean
pl_chart_catalog_size (PlPlan *plan, const char *name, double *width, double *height, GError **error)
{
  const PlChartKind *kind = find (name, error);

  if (kind == NULL)
    return FALSE;
  *width = kind->width;
  *height = kind->height;
  return kind->size == NULL || kind->size (plan, width, height, error);
}

char *
pl_chart_catalog_draw (PlPlan *plan, const char *name, guint32 today, cairo_t *cr, double width, double height,
                       const PlChartStyle *style, GError **error)
{
  const PlChartKind *kind = find (name, error);

  return kind != NULL ? kind->draw (plan, today, cr, width, height, style, error) : NULL;
}

char **
pl_chart_catalog_sentences (PlPlan *plan, const char *name, guint32 today, const PlChartStyle *style, GError **error)
{
  const PlChartKind *kind = find (name, error);
  double width, height;

  if (kind == NULL || !pl_chart_catalog_size (plan, name, &width, &height, error))
    return NULL;
  return kind->sentences (plan, today, width, height, style, error);
}

GPtrArray *
pl_chart_catalog_rows (PlPlan *plan, const char *name, guint32 today)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const PlChartKind *kind = pl_chart_catalog_lookup (name);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sentences = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan) && kind != NULL, rows);
  if (kind->rows != NULL)
    {
      kind->rows (plan, today, rows);
      return rows;
    }
  /* The summary already holds the figures; a plan that cannot show the chart says why. */
  pl_chart_rows_add (rows, _("Figures"), NULL);
  sentences = pl_chart_catalog_sentences (plan, name, today, pl_chart_style_light (), &error);
  if (sentences == NULL)
    pl_chart_rows_add (rows, error->message, NULL);
  for (guint i = 0; sentences != NULL && sentences[i] != NULL; i++)
    pl_chart_rows_add (rows, sentences[i], NULL);
  return rows;
}

/* Draws chart @name at its size as a PNG (@scale times the pixels), an SVG or a PDF, written
 * through @write; FALSE with @error when the plan cannot show it. */
static gboolean
write_chart (PlPlan *plan, const char *name, guint32 today, PlChartFormat format, double scale,
             cairo_write_func_t write, gpointer closure, GError **error)
{
  g_autofree char *summary = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  if (!pl_chart_catalog_size (plan, name, &width, &height, error))
    return FALSE;
  scale = CLAMP (scale, 0.25, 8);
  if (format == PL_CHART_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
  else if (format == PL_CHART_SVG)
    surface = cairo_svg_surface_create_for_stream (write, closure, width, height);
  else
    {
      const PlChartKind *kind = pl_chart_catalog_lookup (name);
      surface = cairo_pdf_surface_create_for_stream (write, closure, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _(kind->title));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pilote");
    }
  cr = cairo_create (surface);
  if (format == PL_CHART_PNG)
    cairo_scale (cr, scale, scale);
  summary = pl_chart_catalog_draw (plan, name, today, cr, width, height, pl_chart_style_light (), error);
  cairo_destroy (cr);
  if (summary != NULL && format == PL_CHART_PNG)
    cairo_surface_write_to_png_stream (surface, write, closure);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return summary != NULL;
}

gboolean
pl_chart_catalog_export (PlPlan *plan, const char *name, guint32 today, const char *path, double scale,
                         GError **error)
{
  PlPaperFile *file;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  PlChartFormat format;
  double width, height;

  if (g_str_has_suffix (lower, ".png"))
    format = PL_CHART_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = PL_CHART_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = PL_CHART_PDF;
  else
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” does not end in .png, .svg or .pdf: the name says which kind of file to write."), path);
      return FALSE;
    }
  /* A plan that cannot show the chart leaves no file behind. */
  if (!pl_chart_catalog_size (plan, name, &width, &height, error))
    return FALSE;
  file = pl_paper_file_open (path, error);
  if (file == NULL)
    return FALSE;
  if (!write_chart (plan, name, today, format, scale, pl_paper_file_write, file, error))
    {
      pl_paper_file_close (file, FALSE, NULL);
      return FALSE;
    }
  return pl_paper_file_close (file, TRUE, error);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
pl_chart_catalog_render (PlPlan *plan, const char *name, guint32 today, PlChartFormat format, double scale,
                         GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  if (!write_chart (plan, name, today, format, scale, append_bytes, bytes, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
