/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The campaign ranking chart on tests/data/results/ranking.pilote, eight campaigns of round
 * numbers worked by hand (its notes): the order of the bars in each mode, their lengths in
 * proportion to the figure and their thickness to the spend, negative ROI to the left of the
 * axis in the bad colour, the campaigns not ranked left out and counted under the chart; the
 * best and the worst of 20,000 with the gap between; PNGs to look at in the build folder. */
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "pl-campaign-ranking-chart.h"
#include "pl-chart-draw.h"
#include "pl-money.h"
#include "pl-test-charts.h"

#define WIDTH  900
#define HEIGHT 460

/* The link of campaign @campaign to KPI @kpi, or NULL. */
static PlCampaignKpi *
link_of (PlPlan *plan, const char *campaign, const char *kpi)
{
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      if (g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_CAMPAIGN), campaign) == 0 &&
          g_strcmp0 (pl_item_get_string (link, PL_CAMPAIGN_KPI_KPI), kpi) == 0)
        return PL_CAMPAIGN_KPI (link);
    }
  return NULL;
}

static PlFigure
figure (double value, PlMissing missing)
{
  return (PlFigure) { value, isnan (value) ? missing : PL_MISSING_NONE, PL_STAGE_NONE };
}

/* The figures of the fixture worked by hand (its notes), as pl_campaign_figures_all() is to
 * give them: spent, the main result, revenue, ROI and cost per result. */
static GArray *
hand_figures (PlPlan *plan)
{
  static const struct {
    const char *id, *main;
    double spent, result, revenue;
  } hand[] = {
    { "cmp-webinars", "kpi-leads", 10000, 200, 40000 },
    { "cmp-search", "kpi-leads", 20000, 200, 30000 },
    { "cmp-retargeting", "kpi-leads", 5000, 25, 2500 },
    { "cmp-events", "kpi-leads", 40000, 100, 80000 },
    { "cmp-content", "kpi-leads", 8000, 400, NAN },
    { "cmp-partners", "kpi-new-customers", 6000, 3, 15000 },
    { "cmp-podcast", "kpi-leads", 3000, 0, NAN },
    { "cmp-brand", "kpi-leads", 0, 50, NAN },
  };
  GArray *figures = g_array_new (FALSE, TRUE, sizeof (PlCampaignFigures));
  /* As of 15 March, on the KPIs' basis: January and February, the months measured. */
  PlBasis basis = pl_campaign_ranking_basis (plan, pl_plan_month_start (plan, 2) + 14);

  g_assert_cmpuint (basis.from, ==, pl_plan_month_start (plan, 0));
  g_assert_cmpuint (basis.to, ==, pl_plan_month_start (plan, 2));
  for (guint i = 0; i < G_N_ELEMENTS (hand); i++)
    {
      PlCampaignFigures f = { 0 };

      f.campaign = PL_CAMPAIGN (pl_plan_lookup (plan, hand[i].id));
      g_assert_nonnull (f.campaign);
      f.basis = basis;
      f.spent = (gint64) hand[i].spent * 100;
      f.spent_major = hand[i].spent;
      f.main_link = link_of (plan, hand[i].id, hand[i].main);
      g_assert_nonnull (f.main_link);
      f.main_kpi = PL_KPI (pl_plan_lookup (plan, hand[i].main));
      f.main_result = figure (hand[i].result, PL_MISSING_NOT_MEASURED);
      f.cost_per_result = hand[i].result > 0 ? figure (hand[i].spent / hand[i].result, PL_MISSING_NONE)
                                             : figure (NAN, PL_MISSING_ZERO);
      f.revenue = figure (hand[i].revenue, PL_MISSING_NOT_MEASURED);
      f.roi = hand[i].spent <= 0 ? figure (NAN, PL_MISSING_ZERO)
              : figure ((hand[i].revenue - hand[i].spent) / hand[i].spent, PL_MISSING_NOT_MEASURED);
      g_array_append_val (figures, f);
    }
  return figures;
}

static const char *
name_of (const PlCampaignRankingBar *bar)
{
  return pl_item_get_string (PL_ITEM (bar->figures->campaign), PL_CAMPAIGN_NAME);
}

static const PlCampaignRankingBar *
bar_named (const PlCampaignRankingLayout *layout, const char *name)
{
  for (guint i = 0; i < layout->bars->len; i++)
    if (g_str_equal (name_of (&g_array_index (layout->bars, PlCampaignRankingBar, i)), name))
      return &g_array_index (layout->bars, PlCampaignRankingBar, i);
  return NULL;
}

/* Paints @layout into a PNG called @png in the build folder (and under PILOTE_SHOTS when set);
 * returns the surface, for pixels, and the summary in @summary. */
static cairo_surface_t *
paint (PlPlan *plan, const PlCampaignRankingLayout *layout, const PlChartStyle *style, double width, double height,
       const char *png, char **summary)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, png, NULL);
  const char *shots = g_getenv ("PILOTE_SHOTS");

  *summary = pl_campaign_ranking_chart_paint (plan, layout, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  if (shots != NULL)
    {
      g_autofree char *shot = g_build_filename (shots, png, NULL);
      cairo_surface_write_to_png (surface, shot);
    }
  return surface;
}

/* Checks the bars of @layout against @names, best first: in that order top to bottom, each
 * in its own row, lengths in proportion to the figures from the axis. */
static void
check_order (const PlCampaignRankingLayout *layout, const char * const *names, guint n)
{
  double per_unit = NAN;

  g_assert_cmpuint (layout->bars->len, ==, n);
  g_assert_cmpuint (layout->n_ranked, ==, n);
  g_assert_cmpuint (layout->n_hidden, ==, 0);
  for (guint i = 0; i < n; i++)
    {
      const PlCampaignRankingBar *bar = &g_array_index (layout->bars, PlCampaignRankingBar, i);

      g_assert_cmpstr (name_of (bar), ==, names[i]);
      g_assert_cmpuint (bar->rank, ==, i);
      if (i > 0)
        g_assert_cmpfloat (bar->row_y, >=, g_array_index (layout->bars, PlCampaignRankingBar, i - 1).row_y + 
                                           g_array_index (layout->bars, PlCampaignRankingBar, i - 1).row_h - 1e-9);
      /* The bar within its row, within the plot. */
      g_assert_cmpfloat (bar->y, >=, bar->row_y);
      g_assert_cmpfloat (bar->y + bar->h, <=, bar->row_y + bar->row_h + 1e-9);
      g_assert_cmpfloat (bar->x, >=, layout->plot_x - 1e-9);
      g_assert_cmpfloat (bar->x + bar->w, <=, layout->plot_x + layout->plot_w + 1e-9);
      /* Its length in proportion to its figure. */
      if (isnan (per_unit))
        per_unit = bar->w / fabs (bar->value);
      g_assert_cmpfloat (fabs (bar->w - per_unit * fabs (bar->value)), <, 1e-6);
    }
}

static double
thickness (const PlCampaignRankingLayout *layout, const char *name)
{
  const PlCampaignRankingBar *bar = bar_named (layout, name);

  g_assert_nonnull (bar);
  return bar->h;
}

static void
test_roi (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  g_autoptr(GArray) figures = hand_figures (plan);
  PlCampaignRankingOptions options = { PL_CAMPAIGN_RANK_ROI, NULL };
  g_autoptr(PlCampaignRankingLayout) layout = NULL;
  const PlChartStyle *style = pl_chart_style_light ();
  static const char *order[] = { "Webinars", "Partner referrals", "Trade shows", "Always-on search", "Retargeting" };
  const PlCampaignRankingBar *retargeting, *webinars;
  g_autofree char *summary = NULL;
  cairo_surface_t *surface;

  layout = pl_campaign_ranking_layout_new (plan, figures, &options, WIDTH, HEIGHT, style);
  check_order (layout, order, G_N_ELEMENTS (order));
  /* Not drawn as 0: counted, and said why. */
  g_assert_cmpuint (layout->n_unranked[PL_CAMPAIGN_UNRANKED_NO_REVENUE], ==, 2);
  g_assert_cmpuint (layout->n_unranked[PL_CAMPAIGN_UNRANKED_NOTHING_SPENT], ==, 1);
  g_assert_null (bar_named (layout, "Content hub"));
  g_assert_null (bar_named (layout, "Podcast"));
  g_assert_null (bar_named (layout, "Brand survey"));
  /* Twice the spend, twice as thick: Trade shows (40,000) and Always-on search (20,000),
   * Webinars (10,000) and Retargeting (5,000). The largest spend takes 80 % of its row. */
  g_assert_cmpfloat (fabs (thickness (layout, "Trade shows") - 2 * thickness (layout, "Always-on search")), <, 1e-9);
  g_assert_cmpfloat (fabs (thickness (layout, "Webinars") - 2 * thickness (layout, "Retargeting")), <, 1e-9);
  g_assert_cmpfloat (fabs (thickness (layout, "Trade shows") - 0.8 * bar_named (layout, "Trade shows")->row_h), <, 1e-9);
  /* Positive ROI from the axis to the right, negative to the left. */
  webinars = bar_named (layout, "Webinars");
  retargeting = bar_named (layout, "Retargeting");
  g_assert_cmpfloat (fabs (webinars->x - layout->axis_x), <, 1e-9);
  g_assert_cmpfloat (fabs (retargeting->x + retargeting->w - layout->axis_x), <, 1e-9);
  g_assert_cmpfloat (retargeting->w, >, 0);
  g_assert_cmpfloat (fabs (webinars->w / retargeting->w - 300.0 / 50.0), <, 1e-9);
  g_assert_cmpfloat (layout->low, <, 0);
  /* All ranked together: (167,500 - 81,000) / 81,000. */
  g_assert_cmpfloat (fabs (layout->overall - (167500.0 - 81000.0) / 81000.0), <, 1e-9);

  surface = paint (plan, layout, style, WIDTH, HEIGHT, "rchart-roi-light.png", &summary);
  g_assert_true (pl_test_charts_pixel_is (surface, webinars->x + webinars->w / 2, webinars->y + webinars->h / 2,
                                          &style->good, &style->background, 0.9));
  /* Retargeting's row is the fifth: shaded. Sampled clear of the axis. */
  g_assert_false (pl_test_charts_pixel_is (surface, retargeting->x + 2, retargeting->y + retargeting->h / 2,
                                           &style->good, &style->background, 0.9));
  g_assert_true (pl_test_charts_pixel_is (surface, retargeting->x + 2, retargeting->y + retargeting->h / 2,
                                          &style->bad, &style->background, 0.9));
  cairo_surface_destroy (surface);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "“Webinars” returns the most for its spend (ROI 300%); "
                                     "“Retargeting” the least (ROI -50%)."));
  g_assert_nonnull (strstr (summary, "Not ranked: 2 campaigns without revenue, 1 campaign with nothing spent."));
  g_assert_nonnull (strstr (summary, "January to February 2027"));
}

static void
test_cost (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  g_autoptr(GArray) figures = hand_figures (plan);
  PlCampaignRankingOptions options = { PL_CAMPAIGN_RANK_COST, NULL };
  g_autoptr(PlCampaignRankingLayout) layout = NULL;
  g_autoptr(PlCampaignRankingLayout) customers = NULL;
  const PlChartStyle *style = pl_chart_style_light ();
  static const char *order[] = { "Content hub", "Webinars", "Always-on search", "Retargeting", "Trade shows" };
  g_autofree char *summary = NULL;
  cairo_surface_t *surface;

  layout = pl_campaign_ranking_layout_new (plan, figures, &options, WIDTH, HEIGHT, style);
  /* Leads: the KPI most campaigns have results on. */
  g_assert_true (layout->options.kpi == PL_KPI (pl_plan_lookup (plan, "kpi-leads")));
  /* Lowest first, from 0 to the right. */
  check_order (layout, order, G_N_ELEMENTS (order));
  g_assert_cmpfloat (layout->low, ==, 0);
  g_assert_cmpfloat (fabs (bar_named (layout, "Trade shows")->w / bar_named (layout, "Content hub")->w - 400.0 / 20.0), <, 1e-9);
  g_assert_cmpfloat (fabs (thickness (layout, "Trade shows") - 2 * thickness (layout, "Always-on search")), <, 1e-9);
  /* Partner referrals brought customers, no leads. */
  g_assert_cmpuint (layout->n_unranked[PL_CAMPAIGN_UNRANKED_NO_RESULTS], ==, 1);
  g_assert_cmpuint (layout->n_unranked[PL_CAMPAIGN_UNRANKED_ZERO_RESULTS], ==, 1);
  g_assert_cmpuint (layout->n_unranked[PL_CAMPAIGN_UNRANKED_NOTHING_SPENT], ==, 1);
  /* All ranked together: 83,000 EUR for 925 leads. */
  g_assert_cmpfloat (fabs (layout->overall - 83000.0 / 925.0), <, 1e-9);

  surface = paint (plan, layout, style, WIDTH, HEIGHT, "rchart-cost-light.png", &summary);
  cairo_surface_destroy (surface);
  g_test_message ("%s", summary);
  {
    g_autofree char *lowest = pl_chart_amount (style, plan, 2000, 0, FALSE);
    g_autofree char *highest = pl_chart_amount (style, plan, 40000, 0, FALSE);
    g_autofree char *reading = g_strdup_printf ("Cost per result on “Leads”: “Content hub” is the lowest (%s), "
                                                "“Trade shows” the highest (%s).", lowest, highest);
    g_assert_nonnull (strstr (summary, reading));
  }
  g_assert_nonnull (strstr (summary, "1 campaign with no results on “Leads”"));
  g_assert_nonnull (strstr (summary, "the lowest first, among the 7 campaigns with results on it, January to February 2027."));

  /* The caller's KPI: only Partner referrals has results on new customers. */
  options.kpi = PL_KPI (pl_plan_lookup (plan, "kpi-new-customers"));
  customers = pl_campaign_ranking_layout_new (plan, figures, &options, WIDTH, HEIGHT, style);
  g_assert_cmpuint (customers->n_ranked, ==, 1);
  g_assert_cmpstr (name_of (&g_array_index (customers->bars, PlCampaignRankingBar, 0)), ==, "Partner referrals");
  g_assert_cmpuint (customers->n_unranked[PL_CAMPAIGN_UNRANKED_NO_RESULTS], ==, 7);
}

/* Gives Webinars 2 new customers in January beside its 200 leads: its main result becomes
 * new customers, but it still brought leads and is compared with the others on them. */
static PlCampaignKpi *
add_customers (PlPlan *plan)
{
  PlItem *link = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);

  pl_item_set_id (link, "ck-webinars-customers");
  pl_item_set_string (link, PL_CAMPAIGN_KPI_CAMPAIGN, "cmp-webinars");
  pl_item_set_string (link, PL_CAMPAIGN_KPI_KPI, "kpi-new-customers");
  pl_plan_add (plan, link);
  g_object_unref (link);
  pl_plan_set_result (plan, PL_CAMPAIGN_KPI (link), pl_plan_month_start (plan, 0), 2, NULL);
  return PL_CAMPAIGN_KPI (link);
}

/* By cost, every campaign with results on the KPI compared is ranked, whatever its main
 * result, at its spend over its result on that KPI. */
static void
test_cost_any_link (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  PlCampaignKpi *customers = add_customers (plan);
  PlBasis basis = pl_campaign_ranking_basis (plan, pl_plan_month_start (plan, 2) + 14);
  g_autoptr(GArray) figures = pl_campaign_figures_all (plan, &basis);
  PlCampaignRankingOptions options = { PL_CAMPAIGN_RANK_COST, NULL };
  g_autoptr(PlCampaignRankingLayout) layout = pl_campaign_ranking_layout_new (plan, figures, &options, WIDTH, HEIGHT,
                                                                              pl_chart_style_light ());
  static const char *order[] = { "Content hub", "Webinars", "Always-on search", "Retargeting", "Trade shows" };
  const PlCampaignFigures *webinars = &g_array_index (figures, PlCampaignFigures, 0);
  PlCampaignUnranked why;
  double value;
  PlFigure result;

  g_assert_true (webinars->main_link == customers);
  g_assert_true (layout->options.kpi == PL_KPI (pl_plan_lookup (plan, "kpi-leads")));
  check_order (layout, order, G_N_ELEMENTS (order));
  /* 10,000 EUR for 200 leads, not for 2 customers. */
  g_assert_true (pl_campaign_ranking_layout_ranks (layout, webinars, &value, &why));
  g_assert_cmpfloat (fabs (value - 50), <, 1e-9);
  result = pl_campaign_ranking_result (layout, webinars);
  g_assert_cmpfloat (result.value, ==, 200);
  g_assert_cmpfloat (fabs (layout->overall - 83000.0 / 925.0), <, 1e-9);
}

/* The default KPI: as many campaigns with results on new customers as on leads, the deeper
 * stage wins; the campaigns without results on it are "no results on" it. */
static void
test_cost_tie (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  PlBasis basis = pl_campaign_ranking_basis (plan, pl_plan_month_start (plan, 2) + 14);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) two = g_array_new (FALSE, TRUE, sizeof (PlCampaignFigures));
  PlCampaignRankingOptions options = { PL_CAMPAIGN_RANK_COST, NULL };
  g_autoptr(PlCampaignRankingLayout) layout = NULL;
  g_autofree char *reason = NULL;
  PlCampaignUnranked why;
  double value;

  add_customers (plan);
  all = pl_campaign_figures_all (plan, &basis);
  /* Webinars (leads and customers) and Always-on search (leads): 2 on leads, 1 on customers. */
  g_array_append_val (two, g_array_index (all, PlCampaignFigures, 0));
  g_array_append_val (two, g_array_index (all, PlCampaignFigures, 1));
  layout = pl_campaign_ranking_layout_new (plan, two, &options, WIDTH, HEIGHT, pl_chart_style_light ());
  g_assert_true (layout->options.kpi == PL_KPI (pl_plan_lookup (plan, "kpi-leads")));
  g_clear_pointer (&layout, pl_campaign_ranking_layout_free);
  /* Webinars alone: 1 each, customers are deeper. */
  g_array_set_size (two, 1);
  layout = pl_campaign_ranking_layout_new (plan, two, &options, WIDTH, HEIGHT, pl_chart_style_light ());
  g_assert_true (layout->options.kpi == PL_KPI (pl_plan_lookup (plan, "kpi-new-customers")));
  g_assert_cmpuint (layout->n_ranked, ==, 1);
  /* Search beside it on customers: no results on them. */
  g_assert_false (pl_campaign_ranking_layout_ranks (layout, &g_array_index (all, PlCampaignFigures, 1), &value, &why));
  g_assert_cmpint (why, ==, PL_CAMPAIGN_UNRANKED_NO_RESULTS);
  reason = pl_campaign_ranking_unranked_text (layout, why);
  g_assert_cmpstr (reason, ==, "Not ranked: no results on “New customers”");
}

/* The figures from core (pl_campaign_figures_all()) on the fixture are the ones worked by hand:
 * the same order and the same bars in each mode. */
static void
test_from_plan (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  g_autoptr(GArray) hand = hand_figures (plan);
  PlBasis basis = pl_campaign_ranking_basis (plan, pl_plan_month_start (plan, 2) + 14);
  g_autoptr(GArray) computed = pl_campaign_figures_all (plan, &basis);

  for (int mode = PL_CAMPAIGN_RANK_ROI; mode <= PL_CAMPAIGN_RANK_COST; mode++)
    {
      PlCampaignRankingOptions options = { mode, NULL };
      g_autoptr(PlCampaignRankingLayout) expected = pl_campaign_ranking_layout_new (plan, hand, &options, WIDTH, HEIGHT,
                                                                                    pl_chart_style_light ());
      g_autoptr(PlCampaignRankingLayout) layout = pl_campaign_ranking_layout_new (plan, computed, &options, WIDTH, HEIGHT,
                                                                                  pl_chart_style_light ());

      g_assert_true (layout->options.kpi == expected->options.kpi);
      g_assert_cmpuint (layout->bars->len, ==, expected->bars->len);
      for (guint i = 0; i < layout->bars->len; i++)
        {
          const PlCampaignRankingBar *a = &g_array_index (layout->bars, PlCampaignRankingBar, i);
          const PlCampaignRankingBar *b = &g_array_index (expected->bars, PlCampaignRankingBar, i);

          g_assert_true (a->figures->campaign == b->figures->campaign);
          g_assert_cmpfloat (fabs (a->value - b->value), <, 1e-9);
          g_assert_cmpfloat (fabs (a->w - b->w), <, 1e-6);
          g_assert_cmpfloat (fabs (a->h - b->h), <, 1e-6);
        }
      for (guint why = 0; why < PL_CAMPAIGN_UNRANKED_N; why++)
        g_assert_cmpuint (layout->n_unranked[why], ==, expected->n_unranked[why]);
    }
}

/* Dark, share-safe, narrow and high-contrast: the same bars. */
static void
test_styles (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  g_autoptr(GArray) figures = hand_figures (plan);
  PlChartStyle share_safe = *pl_chart_style_light ();
  static const struct { PlCampaignRankMode mode; double width, height; const char *png; gboolean share_safe; } cases[] = {
    { PL_CAMPAIGN_RANK_ROI, WIDTH, HEIGHT, "rchart-roi-dark.png", FALSE },
    { PL_CAMPAIGN_RANK_COST, WIDTH, HEIGHT, "rchart-cost-share-safe.png", TRUE },
    { PL_CAMPAIGN_RANK_ROI, 360, 300, "rchart-roi-narrow.png", FALSE },
    { PL_CAMPAIGN_RANK_ROI, WIDTH, HEIGHT, "rchart-roi-high-contrast.png", FALSE },
  };

  share_safe.share_safe = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PlChartStyle *style = cases[i].share_safe ? &share_safe : i == 0 ? pl_chart_style_dark ()
                                  : i == 3 ? pl_chart_style_high_contrast (FALSE) : pl_chart_style_light ();
      PlCampaignRankingOptions options = { cases[i].mode, NULL };
      g_autoptr(PlCampaignRankingLayout) layout = pl_campaign_ranking_layout_new (plan, figures, &options, cases[i].width,
                                                                                  cases[i].height, style);
      g_autofree char *summary = NULL;
      cairo_surface_t *surface;

      g_assert_cmpuint (layout->bars->len, ==, 5);
      g_assert_cmpfloat (layout->plot_w, >, 60);
      surface = paint (plan, layout, style, cases[i].width, cases[i].height, cases[i].png, &summary);
      cairo_surface_destroy (surface);
      /* No amount in a share-safe edition. */
      if (cases[i].share_safe)
        g_assert_null (strstr (summary, "€"));
    }
}

/* 20,000 campaigns: the 8 best, a line, the 8 worst, fast. */
static void
test_many (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) figures = g_array_new (FALSE, TRUE, sizeof (PlCampaignFigures));
  PlCampaignRankingOptions options = { PL_CAMPAIGN_RANK_ROI, NULL };
  g_autoptr(PlCampaignRankingLayout) layout = NULL;
  const PlChartStyle *style = pl_chart_style_light ();
  g_autofree char *summary = NULL;
  cairo_surface_t *surface;
  gint64 start;
  double ms;

  for (guint i = 0; i < 20000; i++)
    {
      PlItem *campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);
      g_autofree char *id = g_strdup_printf ("cmp-%u", i);
      g_autofree char *name = g_strdup_printf ("Campaign number %u of the big plan", i);

      pl_item_set_id (campaign, id);
      pl_item_set_string (campaign, PL_CAMPAIGN_NAME, name);
      g_ptr_array_add (campaigns, campaign);
    }
  pl_plan_append_loaded (plan, PL_COLLECTION_CAMPAIGNS, campaigns);
  for (guint i = 0; i < 20000; i++)
    {
      PlItem *campaign = campaigns->pdata[i];
      PlCampaignFigures f = { 0 };
      /* ROI from -90 % to 400 %, in a scrambled order; every tenth without revenue. */
      double roi = -0.9 + 4.9 * ((i * 7919) % 20000) / 20000.0;

      /* One far beyond the others: 100,000 %. */
      if (i == 12345)
        roi = 1000;

      f.campaign = PL_CAMPAIGN (campaign);
      f.basis = pl_basis_period (plan);
      f.spent = (gint64) (1000 + (i * 31) % 50000) * 100;
      f.spent_major = f.spent / 100.0;
      f.revenue = figure (i % 10 == 9 ? NAN : f.spent_major * (1 + roi), PL_MISSING_NOT_MEASURED);
      f.roi = figure (i % 10 == 9 ? NAN : roi, PL_MISSING_NOT_MEASURED);
      g_array_append_val (figures, f);
    }

  start = g_get_monotonic_time ();
  layout = pl_campaign_ranking_layout_new (plan, figures, &options, WIDTH, HEIGHT, style);
  surface = paint (plan, layout, style, WIDTH, HEIGHT, "rchart-roi-20k.png", &summary);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("20,000 campaigns ranked, laid out and drawn in %.1f ms", ms);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (layout->n_ranked, ==, 18000);
  g_assert_cmpuint (layout->n_unranked[PL_CAMPAIGN_UNRANKED_NOTHING_SPENT], ==, 0);
  g_assert_cmpuint (layout->n_unranked[PL_CAMPAIGN_UNRANKED_NO_REVENUE], ==, 2000);
  g_assert_cmpuint (layout->n_best, ==, 8);
  g_assert_cmpuint (layout->bars->len, ==, 16);
  g_assert_cmpuint (layout->n_hidden, ==, 18000 - 16);
  g_assert_cmpfloat (layout->gap_h, >, 0);
  /* The gap between the best and the worst rows. */
  g_assert_cmpfloat (layout->gap_y, >=, g_array_index (layout->bars, PlCampaignRankingBar, 7).row_y +
                                        g_array_index (layout->bars, PlCampaignRankingBar, 7).row_h - 1e-9);
  g_assert_cmpfloat (layout->gap_y + layout->gap_h, <=, g_array_index (layout->bars, PlCampaignRankingBar, 8).row_y + 1e-9);
  g_assert_cmpuint (g_array_index (layout->bars, PlCampaignRankingBar, 8).rank, ==, 18000 - 8);
  g_assert_cmpfloat (g_array_index (layout->bars, PlCampaignRankingBar, 0).value, >=,
                     g_array_index (layout->bars, PlCampaignRankingBar, 15).value);
  /* The one far off is first, cut short at the scale's end, which is set by the others: the
   * second best (about 400 %) still reads against the worst (about -90 %). */
  {
    const PlCampaignRankingBar *first = &g_array_index (layout->bars, PlCampaignRankingBar, 0);
    const PlCampaignRankingBar *second = &g_array_index (layout->bars, PlCampaignRankingBar, 1);
    const PlCampaignRankingBar *last = &g_array_index (layout->bars, PlCampaignRankingBar, 15);

    g_assert_cmpfloat (first->value, ==, 1000);
    g_assert_true (first->cut);
    g_assert_false (second->cut);
    g_assert_cmpfloat (layout->high, <=, 5);
    g_assert_cmpfloat (fabs (first->x + first->w - (layout->plot_x + layout->plot_w)), <, 1e-6);
    g_assert_cmpfloat (fabs (second->w / last->w - second->value / -last->value), <, 1e-6);
  }
  {
    g_autofree char *all = pl_number_localise ("18000", TRUE);
    g_autofree char *drawn = g_strdup_printf ("The 8 best and the 8 worst of %s campaigns ranked are drawn.", all);
    g_assert_nonnull (strstr (summary, drawn));
  }
  /* Well within a frame's budget on a slow machine. */
  g_assert_cmpfloat (ms, <, 500);
}

static void
test_empty (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new ();
  g_autoptr(GArray) figures = g_array_new (FALSE, TRUE, sizeof (PlCampaignFigures));
  PlCampaignRankingOptions options = { PL_CAMPAIGN_RANK_COST, NULL };
  g_autoptr(PlCampaignRankingLayout) layout = pl_campaign_ranking_layout_new (plan, figures, &options, WIDTH, HEIGHT,
                                                                              pl_chart_style_light ());
  g_autofree char *summary = NULL;
  cairo_surface_t *surface = paint (plan, layout, pl_chart_style_light (), WIDTH, HEIGHT, "rchart-empty.png", &summary);

  cairo_surface_destroy (surface);
  g_assert_cmpuint (layout->bars->len, ==, 0);
  g_assert_cmpstr (summary, ==, "The plan has no campaigns yet.");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/campaign-ranking/roi", test_roi);
  g_test_add_func ("/campaign-ranking/cost", test_cost);
  g_test_add_func ("/campaign-ranking/cost-any-link", test_cost_any_link);
  g_test_add_func ("/campaign-ranking/cost-tie", test_cost_tie);
  g_test_add_func ("/campaign-ranking/from-plan", test_from_plan);
  g_test_add_func ("/campaign-ranking/styles", test_styles);
  g_test_add_func ("/campaign-ranking/many", test_many);
  g_test_add_func ("/campaign-ranking/empty", test_empty);
  return g_test_run ();
}
