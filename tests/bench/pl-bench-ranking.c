/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The campaign ranking benchmark (issue 25): the benchmark's plan of 20,000 campaigns, given
 * results on each campaign's links and revenue on a link to the plan's revenue KPI for six
 * months, its figures computed (pl_campaign_figures_all()) and the ranking by ROI and by cost
 * per result laid out and drawn at 900x460, as the report and `pilote-cli chart` do.
 *
 * Usage: pl-bench-ranking [--runs N] [--png DIR]
 * Each figure is the median of N runs (5 by default); then one last line:
 *   ranking-figures-20k-ms=A ranking-roi-20k-ms=B ranking-cost-20k-ms=C
 * (B and C: the layout and the drawing from the figures). With --png, writes DIR/rchart-roi-20k-bench.png
 * and DIR/rchart-cost-20k-bench.png. It judges nothing: it exits 0 unless something fails. */
#include "config.h"

#include <stdlib.h>

#include "pl-bench-plan.h"
#include "pl-bench-stats.h"
#include "pl-campaign-ranking-chart.h"
#include "pl-figures.h"

#define WIDTH  900
#define HEIGHT 460

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Six months of results on every link of a campaign, and revenue on a new link to the
 * revenue KPI for four campaigns in five: the same on every run. */
static void
add_results (PlPlan *plan)
{
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  PlKpi *revenue = pl_figures_kpi_for_stage (plan, PL_STAGE_REVENUE);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 seed = 7;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      PlSeries *results = pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link));

      for (guint m = 0; m < 6; m++)
        {
          seed = seed * 1103515245 + 12345;
          pl_series_set (results, pl_plan_month_start (plan, m), (seed >> 16) % 40, NULL);
        }
    }
  for (guint c = 0; revenue != NULL && c < g_list_model_get_n_items (campaigns); c++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, c);
      PlItem *link;
      g_autofree char *id = NULL;

      if (c % 5 == 4)
        continue;
      link = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);
      id = g_strdup_printf ("ck-revenue-%u", c);
      pl_item_set_id (link, id);
      pl_item_set_string (link, PL_CAMPAIGN_KPI_CAMPAIGN, pl_item_get_id (campaign));
      pl_item_set_string (link, PL_CAMPAIGN_KPI_KPI, pl_item_get_id (PL_ITEM (revenue)));
      for (guint m = 0; m < 6; m++)
        {
          seed = seed * 1103515245 + 12345;
          pl_series_set (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link)), pl_plan_month_start (plan, m),
                         (seed >> 16) % 30000, NULL);
        }
      g_ptr_array_add (added, link);
    }
  pl_plan_append_loaded (plan, PL_COLLECTION_CAMPAIGN_KPIS, added);
}

static double
draw (PlPlan *plan, GArray *figures, PlCampaignRankMode mode, const char *png)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PlCampaignRankingOptions options = { mode, NULL };
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PlCampaignRankingLayout) layout = pl_campaign_ranking_layout_new (plan, figures, &options, WIDTH, HEIGHT,
                                                                              pl_chart_style_light ());
  g_autofree char *summary = pl_campaign_ranking_chart_paint (plan, layout, cr, WIDTH, HEIGHT, pl_chart_style_light ());
  double ms = ms_since (start);

  cairo_destroy (cr);
  if (png != NULL)
    {
      g_print ("%s\n", summary);
      cairo_surface_write_to_png (surface, png);
    }
  cairo_surface_destroy (surface);
  return ms;
}

int
main (int argc, char *argv[])
{
  int runs = 5;
  g_autofree char *dir = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each measure", "N" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Write the charts as PNG files in DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = NULL;
  g_autoptr(GArray) figures_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) roi_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cost_ms = g_array_new (FALSE, FALSE, sizeof (double));
  PlBasis basis;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  plan = pl_bench_plan_new ();
  add_results (plan);
  basis = pl_basis_to_date (plan, pl_plan_month_start (plan, 6) - 1);
  for (int r = 0; r < MAX (runs, 1); r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) figures = pl_campaign_figures_all (plan, &basis);
      double ms = ms_since (start), roi, cost;
      g_autofree char *roi_png = dir != NULL && r == 0 ? g_build_filename (dir, "rchart-roi-20k-bench.png", NULL) : NULL;
      g_autofree char *cost_png = dir != NULL && r == 0 ? g_build_filename (dir, "rchart-cost-20k-bench.png", NULL) : NULL;

      g_array_append_val (figures_ms, ms);
      roi = draw (plan, figures, PL_CAMPAIGN_RANK_ROI, roi_png);
      cost = draw (plan, figures, PL_CAMPAIGN_RANK_COST, cost_png);
      g_array_append_val (roi_ms, roi);
      g_array_append_val (cost_ms, cost);
    }
  g_print ("ranking-figures-20k-ms=%.1f ranking-roi-20k-ms=%.1f ranking-cost-20k-ms=%.1f\n",
           pl_bench_median ((double *) figures_ms->data, figures_ms->len),
           pl_bench_median ((double *) roi_ms->data, roi_ms->len), pl_bench_median ((double *) cost_ms->data, cost_ms->len));
  return EXIT_SUCCESS;
}
