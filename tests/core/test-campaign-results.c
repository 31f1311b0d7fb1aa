/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Campaign results and ROI (issue 25) on tests/data/results/round-campaigns.pilote, a plan
 * of round numbers whose every figure is worked out by hand below. EUR, January to December
 * 2027; all spend is booked for one campaign each, so a campaign's spend is what is booked
 * for it (its lines have nothing left to share out).
 *
 *   campaign      budget  spent (Jan, Feb)      leads (Jan, Feb, Mar)  new customers  revenue        pipeline
 *   Webinars      10,000  4,000 (2,000, 2,000)  100 (60, 40, -)        4 (2, 2) of 5  12,000 (8k,4k) 30,000 (Feb)
 *   Retargeting   25,000  12,000 (6,000, 6,000) 60 (30, 30, -)         0 (0, 0) of 3  -              -
 *   Trade show     6,000  0                     20 (-, -, 20)          - (2 expected) 5,000 (Mar)    -
 *   Brand video    4,000  1,000 (1,000, -)      - (only "Brand preference", a ratio: 1.2, 1.6)
 *   Social ads     8,000  4,000 (-, 4,000)      40 (-, 40, -)          -              2,000 (Feb)    -
 *
 * The KPIs' own measurements: leads 100 a month (Jan to Mar), MQL 50, SQL 20, new customers
 * 5 a month, revenue 10,000, 5,000, 5,000, pipeline 20,000 in February. The budget plans
 * 57,000 (Digital 15,000 a month, Events 6,000 in January and March). */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "pl-campaign-results.h"
#include "pl-error.h"
#include "pl-plan-file.h"

static PlPlan *
load_round (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "results",
                                                 "round-campaigns.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static PlCampaign *
campaign (PlPlan *plan, const char *id)
{
  PlItem *item = pl_plan_lookup (plan, id);

  g_assert_nonnull (item);
  return PL_CAMPAIGN (item);
}

static void
figures_of (PlPlan *plan, const char *id, const PlBasis *basis, PlCampaignFigures *figures)
{
  pl_campaign_figures_get (plan, NULL, campaign (plan, id), basis, figures);
}

#define assert_figure(figure, expected) \
  G_STMT_START { \
    g_assert_cmpint ((figure).missing, ==, PL_MISSING_NONE); \
    g_assert_cmpfloat_with_epsilon ((figure).value, (expected), 1e-9); \
  } G_STMT_END

#define assert_missing(figure, why, stage) \
  G_STMT_START { \
    g_assert_true (isnan ((figure).value)); \
    g_assert_cmpint ((figure).missing, ==, (why)); \
    g_assert_cmpint ((figure).missing_stage, ==, (stage)); \
  } G_STMT_END

/* Webinars over the whole period: everything available. */
static void
test_webinars_period (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis period = pl_basis_period (plan);
  PlCampaignFigures f;

  figures_of (plan, "cmp-webinars", &period, &f);
  g_assert_true (pl_basis_equal (&f.basis, &period));
  g_assert_cmpint (f.budget, ==, 1000000);
  /* 2,000 + 2,000, the same as the Budget page's figure. */
  g_assert_cmpint (f.spent, ==, 400000);
  g_assert_cmpint (f.spent, ==, pl_figures_campaign_actual (plan, campaign (plan, "cmp-webinars")));
  g_assert_cmpfloat (f.spent_major, ==, 4000);
  /* Attached to leads and new customers with results: new customers is deeper. */
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (f.main_link)), ==, "ck-web-customers");
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (f.main_kpi)), ==, "kpi-new-customers");
  assert_figure (f.main_result, 4);            /* 2 + 2 */
  g_assert_cmpfloat (f.main_expected, ==, 5);
  g_assert_cmpfloat_with_epsilon (f.main_against, 0.8, 1e-12);  /* 4 / 5 */
  assert_figure (f.cost_per_result, 1000);     /* 4,000 / 4 */
  assert_figure (f.leads, 100);                /* 60 + 40 */
  assert_figure (f.customers, 4);
  assert_figure (f.cost_per_lead, 40);         /* 4,000 / 100 */
  assert_figure (f.cost_per_customer, 1000);   /* 4,000 / 4 */
  assert_figure (f.pipeline, 30000);
  assert_figure (f.revenue, 12000);            /* 8,000 + 4,000 */
  assert_figure (f.roi, 2);                    /* (12,000 - 4,000) / 4,000 */
  {
    const PlFigure *all[] = { &f.main_result, &f.cost_per_result, &f.leads, &f.customers, &f.cost_per_lead,
                              &f.cost_per_customer, &f.pipeline, &f.revenue, &f.roi };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      g_assert_null (pl_campaign_figure_reason (plan, &f, all[i]));
  }
}

/* January alone: the month basis counts January's spend and results only. */
static void
test_webinars_month (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis january = pl_basis_month (plan, 0);
  PlCampaignFigures f;
  g_autofree char *reason = NULL;

  figures_of (plan, "cmp-webinars", &january, &f);
  g_assert_cmpint (f.budget, ==, 1000000);     /* the budget has no basis */
  g_assert_cmpint (f.spent, ==, 200000);
  assert_figure (f.main_result, 2);
  g_assert_cmpfloat_with_epsilon (f.main_against, 0.4, 1e-12);  /* 2 of the campaign's 5 */
  assert_figure (f.leads, 60);
  assert_figure (f.cost_per_lead, 2000.0 / 60);
  assert_figure (f.cost_per_customer, 1000);   /* 2,000 / 2 */
  assert_figure (f.revenue, 8000);
  assert_figure (f.roi, 3);                    /* (8,000 - 2,000) / 2,000 */
  /* The pipeline came in February. */
  assert_missing (f.pipeline, PL_MISSING_NOT_MEASURED, PL_STAGE_OPPORTUNITIES);
  reason = pl_campaign_figure_reason (plan, &f, &f.pipeline);
  g_assert_cmpstr (reason, ==, "No pipeline recorded for this campaign in January 2027");

  /* March: nothing spent, nothing brought. */
  {
    PlBasis march = pl_basis_month (plan, 2);
    g_autofree char *why = NULL;

    figures_of (plan, "cmp-webinars", &march, &f);
    g_assert_cmpint (f.spent, ==, 0);
    assert_missing (f.main_result, PL_MISSING_NOT_MEASURED, PL_STAGE_NEW_CUSTOMERS);
    assert_missing (f.cost_per_result, PL_MISSING_NOT_MEASURED, PL_STAGE_NEW_CUSTOMERS);
    g_assert_true (isnan (f.main_against));
    why = pl_campaign_figure_reason (plan, &f, &f.main_result);
    g_assert_cmpstr (why, ==, "No results typed or imported yet for “New customers” in March 2027");
  }
  /* The first quarter is the period's figures, as nothing happened after March. */
  {
    PlBasis q1 = pl_basis_quarter (plan, 0);

    figures_of (plan, "cmp-webinars", &q1, &f);
    g_assert_cmpint (f.spent, ==, 400000);
    assert_figure (f.roi, 2);
  }
}

/* Retargeting: zero customers, so no cost per customer nor per result; no revenue link. */
static void
test_retargeting (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis period = pl_basis_period (plan);
  PlCampaignFigures f;
  g_autofree char *roi = NULL;
  g_autofree char *per_result = NULL;
  g_autofree char *per_customer = NULL;

  figures_of (plan, "cmp-retargeting", &period, &f);
  g_assert_cmpint (f.budget, ==, 2500000);     /* 20,000 + 5,000 */
  g_assert_cmpint (f.spent, ==, 1200000);
  g_assert_cmpint (f.spent, ==, pl_figures_campaign_actual (plan, campaign (plan, "cmp-retargeting")));
  /* Its results on new customers are zeros: still results, and deeper than leads. */
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (f.main_link)), ==, "ck-ret-customers");
  assert_figure (f.main_result, 0);
  g_assert_cmpfloat (f.main_against, ==, 0);   /* 0 of 3 */
  assert_missing (f.cost_per_result, PL_MISSING_ZERO, PL_STAGE_NEW_CUSTOMERS);
  assert_figure (f.cost_per_lead, 200);        /* 12,000 / 60 */
  assert_missing (f.cost_per_customer, PL_MISSING_ZERO, PL_STAGE_NEW_CUSTOMERS);
  assert_missing (f.revenue, PL_MISSING_NOT_MEASURED, PL_STAGE_REVENUE);
  assert_missing (f.roi, PL_MISSING_NOT_MEASURED, PL_STAGE_REVENUE);
  assert_missing (f.pipeline, PL_MISSING_NOT_MEASURED, PL_STAGE_OPPORTUNITIES);

  per_result = pl_campaign_figure_reason (plan, &f, &f.cost_per_result);
  g_assert_cmpstr (per_result, ==, "“New customers” is 0 in January to December 2027: there is no cost per result");
  per_customer = pl_campaign_figure_reason (plan, &f, &f.cost_per_customer);
  g_assert_cmpstr (per_customer, ==, "No new customers in January to December 2027: there is no cost per customer");
  roi = pl_campaign_figure_reason (plan, &f, &f.roi);
  g_assert_cmpstr (roi, ==, "The campaign is not attached to a revenue KPI");
}

/* Trade show: nothing spent yet. Its cost per lead is a real 0; its ROI is not available. */
static void
test_trade_show (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis period = pl_basis_period (plan);
  PlBasis january = pl_basis_month (plan, 0);
  PlCampaignFigures f;
  g_autofree char *roi = NULL;
  g_autofree char *leads = NULL;

  figures_of (plan, "cmp-show", &period, &f);
  g_assert_cmpint (f.budget, ==, 600000);
  g_assert_cmpint (f.spent, ==, 0);
  /* Attached to new customers with an expected contribution only, and to leads with
   * results: the link with results wins though it is higher in the funnel. */
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (f.main_link)), ==, "ck-show-leads");
  assert_figure (f.main_result, 20);
  g_assert_cmpfloat (f.main_expected, ==, 30);
  assert_figure (f.cost_per_lead, 0);
  assert_figure (f.cost_per_result, 0);
  assert_missing (f.customers, PL_MISSING_NOT_MEASURED, PL_STAGE_NEW_CUSTOMERS);
  assert_figure (f.revenue, 5000);
  assert_missing (f.roi, PL_MISSING_ZERO, PL_STAGE_SPEND);
  roi = pl_campaign_figure_reason (plan, &f, &f.roi);
  g_assert_cmpstr (roi, ==, "Nothing spent on it in January to December 2027");

  figures_of (plan, "cmp-show", &january, &f);
  assert_missing (f.leads, PL_MISSING_NOT_MEASURED, PL_STAGE_LEADS);
  assert_missing (f.cost_per_lead, PL_MISSING_NOT_MEASURED, PL_STAGE_LEADS);
  leads = pl_campaign_figure_reason (plan, &f, &f.cost_per_lead);
  g_assert_cmpstr (leads, ==, "No leads recorded for this campaign in January 2027");
}

/* Brand video counts nothing: no main result. */
static void
test_brand (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis period = pl_basis_period (plan);
  PlCampaignFigures f;
  g_autofree char *result = NULL;
  g_autofree char *leads = NULL;

  g_assert_null (pl_campaign_main_link (plan, campaign (plan, "cmp-brand")));
  figures_of (plan, "cmp-brand", &period, &f);
  g_assert_null (f.main_link);
  g_assert_null (f.main_kpi);
  g_assert_cmpint (f.spent, ==, 100000);
  assert_missing (f.main_result, PL_MISSING_NO_KPI, PL_STAGE_NONE);
  assert_missing (f.cost_per_result, PL_MISSING_NO_KPI, PL_STAGE_NONE);
  g_assert_true (isnan (f.main_expected));
  result = pl_campaign_figure_reason (plan, &f, &f.cost_per_result);
  g_assert_cmpstr (result, ==, "The campaign is not attached to a KPI that counts results (leads, customers…)");
  leads = pl_campaign_figure_reason (plan, &f, &f.leads);
  g_assert_cmpstr (leads, ==, "The campaign is not attached to a leads KPI");
  /* A link's result on a mean KPI is the mean of its months: (1.2 + 1.6) / 2. */
  {
    PlCampaignKpi *link = PL_CAMPAIGN_KPI (pl_plan_lookup (plan, "ck-brand-nps"));
    PlFigure nps = pl_campaign_link_result (plan, link, &period);

    assert_figure (nps, 1.4);
  }
}

/* Spend no campaign is booked for is shared among the campaigns on its line (the Budget
 * page's rule): 3,000 on Events in January goes to Retargeting (5,000 allocated there) and
 * the trade show (6,000), both running all month, 5/11 and 6/11. The months' spend adds up
 * to the period's, and the period's is the Budget page's. */
static void
test_shared_spend (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  g_autoptr(PlItem) entry = g_object_new (PL_TYPE_SPEND, NULL);
  PlBasis period = pl_basis_period (plan);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  PlCampaignFigures f;

  pl_item_set_string (entry, PL_SPEND_LINE, "line-events");
  pl_item_set_julian (entry, PL_SPEND_DATE, pl_plan_month_start (plan, 0) + 9);
  pl_item_set_int (entry, PL_SPEND_AMOUNT, 300000);
  pl_plan_add (plan, entry);

  figures_of (plan, "cmp-show", &period, &f);
  g_assert_cmpint (f.spent, ==, 163636);       /* 3,000 x 6/11, to the cent */
  figures_of (plan, "cmp-retargeting", &period, &f);
  g_assert_cmpint (f.spent, ==, 1200000 + 136364);
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      gint64 months = 0;

      for (guint m = 0; m < pl_plan_get_months (plan); m++)
        {
          PlBasis month = pl_basis_month (plan, m);

          pl_campaign_figures_get (plan, NULL, PL_CAMPAIGN (campaign), &month, &f);
          months += f.spent;
        }
      pl_campaign_figures_get (plan, NULL, PL_CAMPAIGN (campaign), &period, &f);
      g_assert_cmpint (months, ==, f.spent);
      g_assert_cmpint (f.spent, ==, pl_figures_campaign_actual (plan, PL_CAMPAIGN (campaign)));
    }
}

/* Every campaign, in the plan's order, equal to one by one. */
static void
test_all (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis period = pl_basis_period (plan);
  g_autoptr(GArray) all = pl_campaign_figures_all (plan, &period);
  static const char *ids[] = { "cmp-webinars", "cmp-retargeting", "cmp-show", "cmp-brand", "cmp-social" };

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < all->len; i++)
    {
      PlCampaignFigures *a = &g_array_index (all, PlCampaignFigures, i);
      PlCampaignFigures b;

      figures_of (plan, ids[i], &period, &b);
      g_assert_cmpstr (pl_item_get_id (PL_ITEM (a->campaign)), ==, ids[i]);
      g_assert_cmpint (a->spent, ==, b.spent);
      g_assert_cmpint (a->budget, ==, b.budget);
      g_assert_true (a->main_link == b.main_link);
      g_assert_cmpint (a->roi.missing, ==, b.roi.missing);
    }
  /* Social ads: 4,000 for 40 leads, and 2,000 of revenue: a loss, (2,000 - 4,000) / 4,000. */
  assert_figure (g_array_index (all, PlCampaignFigures, 4).cost_per_lead, 100);
  assert_figure (g_array_index (all, PlCampaignFigures, 4).roi, -0.5);
}

/* Main link follows the results: typing one for the trade show's customers moves it there. */
static void
test_main_link_follows (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlCampaign *show = campaign (plan, "cmp-show");
  PlCampaignKpi *customers = PL_CAMPAIGN_KPI (pl_plan_lookup (plan, "ck-show-customers"));

  g_assert_cmpstr (pl_item_get_id (PL_ITEM (pl_campaign_main_link (plan, show))), ==, "ck-show-leads");
  pl_plan_set_result (plan, customers, pl_plan_month_start (plan, 2), 1, NULL);
  g_assert_true (pl_campaign_main_link (plan, show) == customers);
  pl_plan_undo (plan);
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (pl_campaign_main_link (plan, show))), ==, "ck-show-leads");
}

/* Leads: 300 measured in Q1, campaigns credited with 100 + 60 + 20 + 40 = 220, so 80 from
 * no campaign; in January 100 measured, 60 + 30 credited. */
static void
test_attribution_unexplained (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlKpi *leads = PL_KPI (pl_plan_lookup (plan, "kpi-leads"));
  PlBasis period = pl_basis_period (plan);
  PlBasis january = pl_basis_month (plan, 0);
  PlKpiAttribution a;
  g_autofree char *text = NULL;
  g_autofree char *text_january = NULL;

  pl_kpi_attribution_get (plan, leads, &period, &a);
  g_assert_true (a.additive);
  g_assert_cmpfloat (a.total, ==, 300);
  g_assert_cmpfloat (a.attributed, ==, 220);
  g_assert_cmpfloat (a.unexplained, ==, 80);
  g_assert_cmpfloat (a.over, ==, 0);
  g_assert_cmpuint (a.n_campaigns, ==, 4);
  text = pl_kpi_attribution_describe (plan, &a);
  g_assert_cmpstr (text, ==, "220 of 300 leads come from campaigns; 80 (27%) from no campaign.");

  pl_kpi_attribution_get (plan, leads, &january, &a);
  g_assert_cmpfloat (a.total, ==, 100);
  g_assert_cmpfloat (a.attributed, ==, 90);
  g_assert_cmpfloat (a.unexplained, ==, 10);
  g_assert_cmpuint (a.n_campaigns, ==, 2);
  text_january = pl_kpi_attribution_describe (plan, &a);
  g_assert_cmpstr (text_january, ==, "90 of 100 leads come from campaigns; 10 (10%) from no campaign.");
}

/* Pipeline: 20,000 measured, Webinars credited with 30,000: 10,000 over, never -10,000. */
static void
test_attribution_over (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlKpi *pipeline = PL_KPI (pl_plan_lookup (plan, "kpi-pipeline"));
  PlBasis period = pl_basis_period (plan);
  PlKpiAttribution a;
  g_autofree char *text = NULL;

  pl_kpi_attribution_get (plan, pipeline, &period, &a);
  g_assert_true (a.additive);
  g_assert_cmpfloat (a.total, ==, 20000);
  g_assert_cmpfloat (a.attributed, ==, 30000);
  g_assert_cmpfloat (a.unexplained, ==, 0);
  g_assert_cmpfloat (a.over, ==, 10000);
  text = pl_kpi_attribution_describe (plan, &a);
  g_assert_cmpstr (text, ==, "Campaigns are credited with 30\u202f000 pipeline, 10\u202f000 more than the 20\u202f000 measured (over-attribution).");
}

/* Leads not measured in March (an export a month behind the CRM's): the Trade show's 20
 * leads of March are compared with no measured figure, so they make no over-attribution.
 * January and February: 200 measured, 100 + 60 + 40 credited, nothing left or over. */
static void
test_attribution_unmeasured_month (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlKpi *leads = PL_KPI (pl_plan_lookup (plan, "kpi-leads"));
  PlBasis period = pl_basis_period (plan);
  PlKpiAttribution a;

  pl_plan_set_point (plan, leads, PL_SERIES_MEASUREMENTS, pl_plan_month_start (plan, 2), NAN, NULL);
  pl_kpi_attribution_get (plan, leads, &period, &a);
  g_assert_cmpfloat (a.total, ==, 200);
  g_assert_cmpfloat (a.attributed, ==, 200);
  g_assert_cmpfloat (a.unexplained, ==, 0);
  g_assert_cmpfloat (a.over, ==, 0);
  g_assert_cmpuint (a.n_campaigns, ==, 3);
}

/* A plan that records no spend at all (no spending records, no spend KPI): a campaign's cost
 * is not known, never 0 per lead, as the summary says the plan's own CPL is not available. */
static void
test_no_spend_recorded (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "results-import", "plan.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  PlBasis period;
  PlCampaignFigures f;
  g_autofree char *why = NULL;

  g_assert_no_error (error);
  period = pl_basis_period (plan);
  figures_of (plan, "cmp-webinar", &period, &f);
  assert_figure (f.leads, 40);
  g_assert_cmpint (f.spent, ==, 0);
  assert_missing (f.cost_per_lead, PL_MISSING_NOT_MEASURED, PL_STAGE_SPEND);
  assert_missing (f.cost_per_result, PL_MISSING_NOT_MEASURED, PL_STAGE_SPEND);
  why = pl_campaign_figure_reason (plan, &f, &f.cost_per_lead);
  g_assert_cmpstr (why, ==, "The plan has no spending records, so the campaign’s spend is not known");
}

/* Brand preference is a mean: it cannot be split among campaigns. */
static void
test_attribution_not_additive (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlKpi *nps = PL_KPI (pl_plan_lookup (plan, "kpi-nps"));
  PlBasis period = pl_basis_period (plan);
  PlKpiAttribution a;

  pl_kpi_attribution_get (plan, nps, &period, &a);
  g_assert_false (a.additive);
  g_assert_true (isnan (a.total));
  g_assert_true (isnan (a.unexplained));
  g_assert_true (isnan (a.over));
  g_assert_null (pl_kpi_attribution_describe (plan, &a));
}

/* The hint over the period. Campaigns with a cost per lead above 0: Webinars 40 (6,000
 * unspent of 10,000), Retargeting 200 (13,000 unspent of 25,000), Social ads 100 (4,000 of
 * 8,000); the trade show spent nothing, its CPL of 0 says nothing of what more would buy.
 * Pairs: Retargeting -> Webinars moves min (13,000, 10,000) = 10,000 for 10,000/40 -
 * 10,000/200 = 250 - 50 = 200 more leads; Social -> Webinars 4,000 for 100 - 40 = 60;
 * Retargeting -> Social 8,000 for 80 - 40 = 40. The first is best; then Webinars has had
 * its own allocation (doubled) and Retargeting has given: no other hint.
 * Through the chain (CPL 70 from January to March: 21,000 spent for 300 leads; rates 50 %,
 * 40 %, 25 %): the 57,000 planned buy 814.29 leads, 40.71 customers at a CAC of 1,400; 200
 * more leads are 200 x 0.5 x 0.4 x 0.25 = 10 more customers, a CAC of 57,000 / 50.71. */
static void
test_reallocations (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis period = pl_basis_period (plan);
  g_autoptr(GArray) hints = pl_campaign_reallocations (plan, &period, 3);
  PlReallocation *hint;
  g_autofree char *text = NULL;

  g_assert_cmpuint (hints->len, ==, 1);
  hint = &g_array_index (hints, PlReallocation, 0);
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (hint->from)), ==, "cmp-retargeting");
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (hint->to)), ==, "cmp-webinars");
  g_assert_cmpint (hint->amount, ==, 1000000);
  g_assert_cmpfloat_with_epsilon (hint->from_cpl, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (hint->to_cpl, 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (hint->leads_delta, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (hint->customers_before, 57000.0 / 70 * 0.05, 1e-6);
  g_assert_cmpfloat_with_epsilon (hint->customers_after - hint->customers_before, 10, 1e-6);
  g_assert_cmpfloat_with_epsilon (hint->cac_before, 1400, 1e-6);
  g_assert_cmpfloat_with_epsilon (hint->cac_after, 57000 / (57000.0 / 70 * 0.05 + 10), 1e-6);
  text = pl_reallocation_describe (plan, hint);
  g_assert_cmpstr (text, ==, "Move 10\u202f000\u00a0EUR from Retargeting (CPL 200\u00a0EUR) to Webinars (CPL 40\u00a0EUR): "
                             "about 200 more leads, 10 more new customers, CAC 1\u202f400\u00a0EUR → 1\u202f124\u00a0EUR.");
  /* Both amounts of a pair in one form: the cents of both when one has some below 1,000. */
  {
    PlReallocation cents = *hint;
    g_autofree char *cents_text = NULL;

    cents.to_cpl = 100.0 / 3;
    cents.cac_before = 400;
    cents.cac_after = 380.5;
    cents_text = pl_reallocation_describe (plan, &cents);
    g_assert_cmpstr (cents_text, ==, "Move 10\u202f000\u00a0EUR from Retargeting (CPL 200.00\u00a0EUR) to Webinars "
                                     "(CPL 33.33\u00a0EUR): about 200 more leads, 10 more new customers, "
                                     "CAC 400.00\u00a0EUR → 380.50\u00a0EUR.");
  }
  /* A few customers: a tenth where it says something, never "3.0". */
  {
    PlReallocation few = *hint;
    g_autofree char *whole = NULL;
    g_autofree char *tenth = NULL;

    few.customers_after = few.customers_before + 3.0000001;
    whole = pl_reallocation_describe (plan, &few);
    g_assert_nonnull (strstr (whole, "about 200 more leads, 3 more new customers,"));
    few.customers_after = few.customers_before + 6.2;
    tenth = pl_reallocation_describe (plan, &few);
    g_assert_nonnull (strstr (tenth, "about 200 more leads, 6.2 more new customers,"));
  }
  /* One hint asked, one given; none asked, none. */
  {
    g_autoptr(GArray) one = pl_campaign_reallocations (plan, &period, 1);
    g_autoptr(GArray) none = pl_campaign_reallocations (plan, &period, 0);

    g_assert_cmpuint (one->len, ==, 1);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* January: Webinars 2,000 for 60 leads (CPL 33.33), Retargeting 6,000 for 30 (200); Social
 * has no leads in January. 10,000 moved: 300 - 50 = 250 more leads. */
static void
test_reallocations_month (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis january = pl_basis_month (plan, 0);
  g_autoptr(GArray) hints = pl_campaign_reallocations (plan, &january, 3);
  PlReallocation *hint;

  g_assert_cmpuint (hints->len, ==, 1);
  hint = &g_array_index (hints, PlReallocation, 0);
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (hint->from)), ==, "cmp-retargeting");
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (hint->to)), ==, "cmp-webinars");
  g_assert_cmpint (hint->amount, ==, 1000000);
  g_assert_cmpfloat_with_epsilon (hint->to_cpl, 2000.0 / 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (hint->leads_delta, 250, 1e-9);
}

/* Without a second campaign that spends, no hint: Webinars alone has a CPL. */
/* Only a campaign that will still run takes more: Webinars completed, the best receiver left
 * is Social ads (CPL 100), which takes at most its own 8,000; and amounts are round. */
static void
test_reallocations_running (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis period = pl_basis_period (plan);
  g_autoptr(GArray) hints = NULL;
  PlReallocation *hint;

  g_assert_true (pl_plan_set_int (plan, pl_plan_lookup (plan, "cmp-webinars"), PL_CAMPAIGN_STATUS,
                                  PL_STATUS_COMPLETED, NULL));
  hints = pl_campaign_reallocations (plan, &period, 3);
  g_assert_cmpuint (hints->len, ==, 1);
  hint = &g_array_index (hints, PlReallocation, 0);
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (hint->from)), ==, "cmp-retargeting");
  g_assert_cmpstr (pl_item_get_id (PL_ITEM (hint->to)), ==, "cmp-social");
  g_assert_cmpint (hint->amount, ==, 800000);
  g_assert_cmpint (hint->amount % 10000, ==, 0);
}

static void
test_reallocations_none (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis march = pl_basis_month (plan, 2);
  g_autoptr(GArray) hints = pl_campaign_reallocations (plan, &march, 3);

  /* In March only the trade show brought leads, and it spent nothing. */
  g_assert_cmpuint (hints->len, ==, 0);
}

static gint64
allocated (PlPlan *plan, const char *id)
{
  return pl_item_get_int (pl_plan_lookup (plan, id), PL_ALLOCATION_AMOUNT);
}

/* Keeping the hint: 10,000 out of Retargeting's largest allocation (Digital, 20,000 ->
 * 10,000) into Webinars' on the same line (10,000 -> 20,000); one step, undone exactly. */
static void
test_apply_undo (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis period = pl_basis_period (plan);
  g_autoptr(GArray) hints = pl_campaign_reallocations (plan, &period, 1);
  const PlReallocation *hint = &g_array_index (hints, PlReallocation, 0);
  static const char *ids[] = { "al-web", "al-ret-digital", "al-ret-events", "al-show", "al-brand", "al-social" };
  gint64 before[G_N_ELEMENTS (ids)];
  g_autoptr(GError) error = NULL;
  guint n = pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    before[i] = allocated (plan, ids[i]);
  g_assert_true (pl_reallocation_apply (plan, hint, &error));
  g_assert_no_error (error);
  g_assert_cmpint (allocated (plan, "al-ret-digital"), ==, 1000000);
  g_assert_cmpint (allocated (plan, "al-web"), ==, 2000000);
  g_assert_cmpint (allocated (plan, "al-ret-events"), ==, 500000);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS), ==, n);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Move Budget Between Campaigns");

  g_assert_true (pl_plan_undo (plan));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (allocated (plan, ids[i]), ==, before[i]);
  g_assert_false (pl_plan_get_modified (plan));
}

static gint64
planned_in (PlPlan *plan, const char *line, guint month)
{
  gsize n = 0;
  const gint64 *amounts = g_variant_get_fixed_array (pl_item_get_variant (pl_plan_lookup (plan, line),
                                                                          PL_BUDGET_LINE_PLANNED),
                                                     &n, sizeof (gint64));

  return month < n ? amounts[month] : 0;
}

/* Moving more than the largest allocation takes from the next (the file lists Events'
 * 5,000 first: the largest goes first whatever the order). The receiver draws on Digital:
 * what comes from Events moves there with that much of Events' planned amounts, in proportion
 * to each month's (Jan 6,000 and Mar 6,000 give 1,500 each), so that Webinars never joins a
 * line whose past spend would then be shared with it. No allocation added; undo restores all. */
static void
test_apply_lines (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlReallocation hint = { campaign (plan, "cmp-retargeting"), campaign (plan, "cmp-webinars"),
                          2300000, 200, 40, 0, NAN, NAN, NAN, NAN, 0 };
  g_autoptr(GError) error = NULL;
  guint n = pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS);

  g_assert_true (pl_reallocation_apply (plan, &hint, &error));
  g_assert_no_error (error);
  /* 20,000 from Digital, then 3,000 from Events. */
  g_assert_cmpint (allocated (plan, "al-ret-digital"), ==, 0);
  g_assert_cmpint (allocated (plan, "al-ret-events"), ==, 200000);
  g_assert_cmpint (allocated (plan, "al-web"), ==, 3300000);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS), ==, n);
  g_assert_cmpint (planned_in (plan, "line-events", 0), ==, 450000);
  g_assert_cmpint (planned_in (plan, "line-events", 2), ==, 450000);
  g_assert_cmpint (planned_in (plan, "line-digital", 0), ==, 1650000);
  g_assert_cmpint (planned_in (plan, "line-digital", 1), ==, 1500000);
  g_assert_cmpint (planned_in (plan, "line-digital", 2), ==, 1650000);
  g_assert_cmpint (pl_figures_planned (plan, -1), ==, 5700000);

  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS), ==, n);
  g_assert_cmpint (allocated (plan, "al-ret-digital"), ==, 2000000);
  g_assert_cmpint (allocated (plan, "al-ret-events"), ==, 500000);
  g_assert_cmpint (allocated (plan, "al-web"), ==, 1000000);
  g_assert_cmpint (planned_in (plan, "line-events", 0), ==, 600000);
  g_assert_cmpint (planned_in (plan, "line-digital", 0), ==, 1500000);
  g_assert_false (pl_plan_get_modified (plan));
}

/* From March on only: January, past, keeps what it planned; March gives the 3,000. */
static void
test_apply_months_to_come (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlReallocation hint = { campaign (plan, "cmp-retargeting"), campaign (plan, "cmp-webinars"),
                          2300000, 200, 40, 0, NAN, NAN, NAN, NAN, pl_plan_month_start (plan, 2) };
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_reallocation_apply (plan, &hint, &error));
  g_assert_no_error (error);
  g_assert_cmpint (planned_in (plan, "line-events", 0), ==, 600000);
  g_assert_cmpint (planned_in (plan, "line-events", 2), ==, 300000);
  g_assert_cmpint (planned_in (plan, "line-digital", 0), ==, 1500000);
  g_assert_cmpint (planned_in (plan, "line-digital", 2), ==, 1800000);

  /* Nothing left to come on Events: refused, nothing changed. */
  g_assert_true (pl_plan_undo (plan));
  hint.from_day = pl_plan_get_end (plan);
  g_assert_false (pl_reallocation_apply (plan, &hint, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "too little in the months to come"));
  g_assert_cmpint (allocated (plan, "al-ret-digital"), ==, 2000000);
  g_assert_cmpint (allocated (plan, "al-web"), ==, 1000000);
  g_assert_cmpint (planned_in (plan, "line-events", 2), ==, 600000);
}

/* A receiver with no allocation at all joins the giver's line: an allocation is added there,
 * and undo removes it again. */
static void
test_apply_adds (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlReallocation hint = { campaign (plan, "cmp-retargeting"), campaign (plan, "cmp-brand"),
                          500000, 200, 40, 0, NAN, NAN, NAN, NAN, 0 };
  g_autoptr(GError) error = NULL;
  guint n;
  PlItem *added;

  pl_plan_remove (plan, pl_plan_lookup (plan, "al-brand"));
  n = pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS);
  g_assert_true (pl_reallocation_apply (plan, &hint, &error));
  g_assert_no_error (error);
  g_assert_cmpint (allocated (plan, "al-ret-digital"), ==, 1500000);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS), ==, n + 1);
  added = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_ALLOCATIONS), n);
  g_assert_cmpstr (pl_item_get_string (added, PL_ALLOCATION_CAMPAIGN), ==, "cmp-brand");
  g_assert_cmpstr (pl_item_get_string (added, PL_ALLOCATION_LINE), ==, "line-digital");
  g_assert_cmpint (pl_item_get_int (added, PL_ALLOCATION_AMOUNT), ==, 500000);
  g_object_unref (added);
  g_assert_cmpint (planned_in (plan, "line-digital", 0), ==, 1500000);

  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_ALLOCATIONS), ==, n);
  g_assert_cmpint (allocated (plan, "al-ret-digital"), ==, 2000000);
}

/* The giving campaign's allocation shrank since the hint was made: refused, nothing changed. */
static void
test_apply_refused (void)
{
  g_autoptr(PlPlan) plan = load_round ();
  PlBasis period = pl_basis_period (plan);
  g_autoptr(GArray) hints = pl_campaign_reallocations (plan, &period, 1);
  const PlReallocation *hint = &g_array_index (hints, PlReallocation, 0);
  g_autoptr(GError) error = NULL;
  guint64 serial;

  /* 2,000 + 5,000 left: less than the 10,000 to move. */
  g_assert_true (pl_plan_set_int (plan, pl_plan_lookup (plan, "al-ret-digital"), PL_ALLOCATION_AMOUNT, 200000, NULL));
  serial = pl_plan_get_serial (plan);
  g_assert_false (pl_reallocation_apply (plan, hint, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "“Retargeting” has 7\u202f000\u00a0EUR allocated now, less than the 10\u202f000\u00a0EUR to move.");
  g_assert_cmpuint (pl_plan_get_serial (plan), ==, serial);
  g_assert_cmpint (allocated (plan, "al-web"), ==, 1000000);
  g_assert_cmpint (allocated (plan, "al-ret-digital"), ==, 200000);
  g_assert_cmpint (allocated (plan, "al-ret-events"), ==, 500000);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/campaign-results/webinars-period", test_webinars_period);
  g_test_add_func ("/campaign-results/webinars-month", test_webinars_month);
  g_test_add_func ("/campaign-results/retargeting", test_retargeting);
  g_test_add_func ("/campaign-results/trade-show", test_trade_show);
  g_test_add_func ("/campaign-results/brand", test_brand);
  g_test_add_func ("/campaign-results/all", test_all);
  g_test_add_func ("/campaign-results/shared-spend", test_shared_spend);
  g_test_add_func ("/campaign-results/main-link-follows", test_main_link_follows);
  g_test_add_func ("/campaign-results/attribution-unexplained", test_attribution_unexplained);
  g_test_add_func ("/campaign-results/attribution-over", test_attribution_over);
  g_test_add_func ("/campaign-results/attribution-not-additive", test_attribution_not_additive);
  g_test_add_func ("/campaign-results/attribution-unmeasured-month", test_attribution_unmeasured_month);
  g_test_add_func ("/campaign-results/no-spend-recorded", test_no_spend_recorded);
  g_test_add_func ("/campaign-results/reallocations", test_reallocations);
  g_test_add_func ("/campaign-results/reallocations-month", test_reallocations_month);
  g_test_add_func ("/campaign-results/reallocations-none", test_reallocations_none);
  g_test_add_func ("/campaign-results/reallocations-running", test_reallocations_running);
  g_test_add_func ("/campaign-results/apply-undo", test_apply_undo);
  g_test_add_func ("/campaign-results/apply-lines", test_apply_lines);
  g_test_add_func ("/campaign-results/apply-months-to-come", test_apply_months_to_come);
  g_test_add_func ("/campaign-results/apply-adds", test_apply_adds);
  g_test_add_func ("/campaign-results/apply-refused", test_apply_refused);
  return g_test_run ();
}
