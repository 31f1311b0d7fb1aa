/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-chart-catalog"
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "pl-budget-burn-chart.h"
#include "pl-budget-month-chart.h"
#include "pl-budget-totals.h"
#include "pl-cac-breakdown-chart.h"
#include "pl-calendar.h"
#include "pl-category-spend-chart.h"
#include "pl-chart-catalog.h"
#include "pl-dashboard-chart.h"
#include "pl-dashboard.h"
#include "pl-error.h"
#include "pl-funnel-chart.h"
#include "pl-kpi-chain-chart.h"
#include "pl-maturity.h"
#include "pl-month-chart.h"
#include "pl-paper.h"
#include "pl-radar-chart.h"
#include "pl-timeline-chart.h"

static const PlChartKind kinds[] = {
  { "dashboard", N_("Leadership dashboard") },
  { "funnel", N_("Funnel") },
  { "chain", N_("KPI chain") },
  { "budget", N_("Budget by month") },
  { "burn", N_("Budget burn") },
  { "categories", N_("Spend by category") },
  { "cac", N_("Customer acquisition cost") },
  { "timeline", N_("Campaign timeline") },
  { "month", N_("Calendar month") },
  { "radar", N_("Maturity radar") },
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

static gboolean
check_known (const char *name, GError **error)
{
  if (pl_chart_catalog_lookup (name) != NULL)
    return TRUE;
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("There is no chart called “%s”."), name);
  return FALSE;
}

/* The maturity rounds to compare: the latest and the one before, if any. */
static gboolean
radar_rounds (PlPlan *plan, PlMaturity **current, PlMaturity **previous, GError **error)
{
  g_autoptr(GPtrArray) rounds = pl_maturity_rounds (plan);
  const PlQuestionnaire *questionnaire = pl_questionnaire_get_current ();

  if (rounds->len == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("The plan has no maturity self-assessment yet: answer one on the Maturity page first."));
      return FALSE;
    }
  if (questionnaire == NULL)
    {
      /* The program did not say where its questionnaire is (pl_questionnaire_set_source()). */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("Pilote’s maturity questionnaire cannot be found: reinstall Pilote."));
      return FALSE;
    }
  *current = pl_maturity_score_round (questionnaire, plan, rounds->pdata[rounds->len - 1]);
  *previous = rounds->len > 1 ? pl_maturity_score_round (questionnaire, plan, rounds->pdata[rounds->len - 2]) : NULL;
  return TRUE;
}

gboolean
pl_chart_catalog_size (PlPlan *plan, const char *name, double *width, double *height, GError **error)
{
  if (!check_known (name, error))
    return FALSE;
  *width = 900;
  *height = 460;
  if (g_str_equal (name, "dashboard"))
    {
      *width = 1280;
      *height = 760;
    }
  else if (g_str_equal (name, "chain"))
    {
      g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
      /* Room for every node at its full size: the chain is read, not squeezed. */
      *width = MAX (600, layout->n_columns * 268.0 + 32);
      *height = MAX (300, layout->max_rows * 72.0 + 72);
    }
  else if (g_str_equal (name, "timeline"))
    {
      g_autoptr(PlTimelineLayout) layout = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);
      *width = 1400;
      *height = PL_TIMELINE_AXIS_H + pl_timeline_layout_height (layout) + 8;
    }
  else if (g_str_equal (name, "month"))
    {
      *width = 1100;
      *height = 720;
    }
  else if (g_str_equal (name, "radar"))
    {
      g_autoptr(PlMaturity) current = NULL;
      g_autoptr(PlMaturity) previous = NULL;
      if (!radar_rounds (plan, &current, &previous, error))
        return FALSE;
      *width = 720;
      *height = 600;
    }
  return TRUE;
}

char *
pl_chart_catalog_draw (PlPlan *plan, const char *name, guint32 today, cairo_t *cr, double width, double height,
                       const PlChartStyle *style, GError **error)
{
  guint32 as_of = today;

  if (!check_known (name, error))
    return NULL;
  if (g_str_equal (name, "dashboard"))
    return pl_dashboard_draw (plan, today, cr, width, height, style);
  if (g_str_equal (name, "funnel"))
    {
      g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, as_of);
      return pl_funnel_chart_draw (plan, pl_plan_get_start (plan), dashboard->until, cr, width, height, style);
    }
  if (g_str_equal (name, "chain"))
    {
      g_autoptr(PlChainLayout) layout = pl_chain_layout_new (plan);
      PlKpiChainOptions options = { 0, -1 };
      return pl_kpi_chain_chart_draw (plan, layout, &options, cr, width, height, style);
    }
  if (g_str_equal (name, "budget") || g_str_equal (name, "burn") || g_str_equal (name, "categories"))
    {
      g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
      if (g_str_equal (name, "budget"))
        return pl_budget_month_chart_draw (plan, totals, cr, width, height, style);
      if (g_str_equal (name, "burn"))
        return pl_budget_burn_chart_draw (plan, totals, cr, width, height, style);
      return pl_category_spend_chart_draw (plan, totals, cr, width, height, style);
    }
  if (g_str_equal (name, "cac"))
    return pl_cac_breakdown_chart_draw (plan, cr, width, height, style);
  if (g_str_equal (name, "timeline"))
    {
      g_autoptr(PlTimelineLayout) layout = pl_timeline_layout_new (plan, PL_LANES_CHANNEL);
      PlTimelineOptions options = { pl_plan_get_start (plan), pl_plan_get_end (plan), today, 0, -1 };
      options.preview_row = options.preview_lane = -1;
      return pl_timeline_chart_draw (plan, layout, &options, cr, width, height, style);
    }
  if (g_str_equal (name, "month"))
    {
      int index = pl_plan_month_index (plan, as_of);
      PlMonthOptions options = { pl_plan_month_start (plan, (guint) MAX (index, 0)), NULL, 0, 0, NULL };
      return pl_month_chart_draw (plan, &options, cr, width, height, style);
    }
  /* The radar. */
  {
    g_autoptr(PlMaturity) current = NULL;
    g_autoptr(PlMaturity) previous = NULL;
    if (!radar_rounds (plan, &current, &previous, error))
      return NULL;
    return pl_radar_chart_draw (pl_questionnaire_get_current (), current, previous, cr, width, height, style);
  }
}

gboolean
pl_chart_catalog_export (PlPlan *plan, const char *name, guint32 today, const char *path, double scale,
                         GError **error)
{
  PlPaperFile *file;
  g_autofree char *summary = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean png = g_str_has_suffix (lower, ".png"), svg = g_str_has_suffix (lower, ".svg"),
           pdf = g_str_has_suffix (lower, ".pdf");

  if (!png && !svg && !pdf)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” does not end in .png, .svg or .pdf: the name says which kind of file to write."), path);
      return FALSE;
    }
  if (!pl_chart_catalog_size (plan, name, &width, &height, error))
    return FALSE;
  file = pl_paper_file_open (path, error);
  if (file == NULL)
    return FALSE;
  scale = CLAMP (scale, 0.25, 8);
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
  else if (svg)
    surface = cairo_svg_surface_create_for_stream (pl_paper_file_write, file, width, height);
  else
    {
      const PlChartKind *kind = pl_chart_catalog_lookup (name);
      surface = cairo_pdf_surface_create_for_stream (pl_paper_file_write, file, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _(kind->title));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pilote");
    }
  cr = cairo_create (surface);
  if (png)
    cairo_scale (cr, scale, scale);
  summary = pl_chart_catalog_draw (plan, name, today, cr, width, height, pl_chart_style_light (), error);
  cairo_destroy (cr);
  if (summary != NULL && png)
    cairo_surface_write_to_png_stream (surface, pl_paper_file_write, file);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  if (summary == NULL)
    {
      pl_paper_file_close (file, FALSE, NULL);
      return FALSE;
    }
  return pl_paper_file_close (file, TRUE, error);
}
