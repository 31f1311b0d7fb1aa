/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The campaign ranking in the report (issue 25), on tests/data/results/ranking.pilote read back
 * with pdftotext: the campaigns section opens with the readings of the ranking by ROI and by
 * cost per result, and the ROI chart follows its table (its caption's words are in the PDF);
 * the board pack's campaigns page has the ranking by ROI, its reading over it; a plan without
 * results says in one line that nothing can be ranked, with no empty chart. */
#include <string.h>

#include "pl-campaign-ranking-chart.h"
#include "pl-chart-catalog.h"
#include "pl-money.h"
#include "pl-report.h"
#include "pl-report-text.h"
#include "pl-test-charts.h"
#include "pl-test-pdf.h"

static guint32
day (int year, int month, int d)
{
  g_autoptr(GDate) date = g_date_new_dmy (d, month, year);

  return g_date_get_julian (date);
}

/* The report of @plan (the board pack when @board, else the campaigns section alone) as of
 * @as_of as text, its lines joined by spaces: a sentence may wrap. */
static char *
report_text (PlPlan *plan, gboolean board, guint32 as_of, const char *name)
{
  PlReportOptions options;
  g_autoptr(PlReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  pl_report_options_init (&options, plan, as_of);
  options.as_of = as_of;
  options.kind = board ? PL_REPORT_KIND_BOARD_PACK : PL_REPORT_KIND_FULL;
  if (!board)
    {
      g_assert_true (pl_report_options_parse_sections (&options, "campaigns", &error));
      g_assert_no_error (error);
    }
  report = pl_report_new (plan, &options);
  g_assert_true (pl_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  text = pl_test_poppler ("pdftotext", path, NULL);
  lines = g_strsplit_set (text, "\n", -1);
  return g_strjoinv (" ", lines);
}

static const char *
find (const char *text, const char *part)
{
  const char *at = strstr (text, part);

  if (at == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
  return at;
}

static void
test_campaigns_section (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  g_autofree char *text = report_text (plan, FALSE, day (2027, 3, 15), "ranking-campaigns.pdf");
  const char *roi_reading = find (text, "“Webinars” returns the most for its spend (ROI 300%); “Retargeting” the least "
                                        "(ROI -50%).");
  const char *cost_reading = find (text, "Cost per result on “Leads”: “Content hub” is the lowest");
  const char *table = find (text, "Results against expected");
  const char *roi = find (text, "Campaigns by return on investment");
  const char *roi_caption = find (text, "Ranked by return on investment, the highest first");

  /* The answers first, the table, then the chart that shows them. */
  g_assert_true (roi_reading < cost_reading && cost_reading < table);
  g_assert_true (table < roi && roi < roi_caption);
  find (text, "Not ranked: 2 campaigns without revenue, 1 campaign with nothing spent.");
  /* One chart: the cost ranking is its reading. */
  g_assert_null (strstr (text, "Campaigns by cost per result"));
}

static void
test_board_pack (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  g_autofree char *text = report_text (plan, TRUE, day (2027, 3, 15), "ranking-board-pack.pdf");

  const char *title = find (text, "Campaigns by return on investment");
  const char *reading = find (text, "“Webinars” returns the most for its spend");
  const char *chart = find (text, "Ranked by return on investment, the highest first");

  /* The reading over the chart: the page is one, the chart takes what it has left. */
  g_assert_true (title < reading && reading < chart);
  /* One ranking on the board's page. */
  g_assert_null (strstr (text, "Campaigns by cost per result"));
}

/* Before any result (the fixture with its results taken away): one line, no chart. */
static void
test_nothing_ranked (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  GListModel *links = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGN_KPIS);
  g_autofree char *text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(PlItem) link = g_list_model_get_item (links, i);
      PlSeries *results = pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link));

      while (pl_series_get_n (results) > 0)
        pl_series_remove (results, pl_series_get (results, 0)->julian);
    }
  text = report_text (plan, FALSE, day (2027, 3, 15), "ranking-none.pdf");
  find (text, "No campaign can be ranked by return on investment yet");
  find (text, "No campaign can be ranked by cost per result yet");
  g_assert_null (strstr (text, "Campaigns by return on investment"));
  g_assert_null (strstr (text, "Campaigns by cost per result"));
  g_assert_null (strstr (text, "Ranked by"));
}

/* The chart as a table, for people who cannot see it: every campaign ranked, best first, then
 * those not ranked and why. */
static void
test_rows (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  g_autoptr(GPtrArray) roi = pl_chart_catalog_rows (plan, "campaign-roi", day (2027, 3, 15));
  g_autoptr(GPtrArray) cost = pl_chart_catalog_rows (plan, "campaign-cost", day (2027, 3, 15));
  char **row;

  g_assert_cmpuint (roi->len, ==, 1 + 8);
  row = g_ptr_array_index (roi, 0);
  g_assert_cmpstr (row[2], ==, "ROI");
  row = g_ptr_array_index (roi, 1);
  g_assert_cmpstr (row[0], ==, "1");
  g_assert_cmpstr (row[1], ==, "Webinars");
  g_assert_cmpstr (row[2], ==, "300%");
  row = g_ptr_array_index (roi, 5);
  g_assert_cmpstr (row[1], ==, "Retargeting");
  g_assert_cmpstr (row[2], ==, "-50%");
  row = g_ptr_array_index (roi, 6);
  g_assert_cmpstr (row[0], ==, "—");
  g_assert_cmpstr (row[1], ==, "Content hub");
  g_assert_cmpstr (row[2], ==, "Not ranked: no revenue recorded");

  g_assert_cmpuint (cost->len, ==, 1 + 8);
  row = g_ptr_array_index (cost, 0);
  g_assert_cmpstr (row[4], ==, "Leads");
  row = g_ptr_array_index (cost, 1);
  g_assert_cmpstr (row[1], ==, "Content hub");
  g_assert_cmpstr (row[4], ==, "400");
  /* Partner referrals brought customers, no leads: said so, no result on leads. */
  row = g_ptr_array_index (cost, 6);
  g_assert_cmpstr (row[1], ==, "Partner referrals");
  g_assert_cmpstr (row[2], ==, "Not ranked: no results on “Leads”");
  g_assert_cmpstr (row[4], ==, "—");
}

/* The row of @table whose first cell is @name. */
static char **
row_named (PlReportTableText *table, const char *name)
{
  for (guint r = 0; r < table->rows->len; r++)
    if (g_str_equal (((char **) table->rows->pdata[r])[0], name))
      return table->rows->pdata[r];
  g_error ("no row “%s”", name);
}

/* The report's campaigns table gives the figures of pl_campaign_figures_get() over the
 * ranking's basis, as the Campaigns page and `pilote-cli summary --json` do: Webinars spent
 * 10,000 EUR in January and February for 200 leads and 40,000 EUR of bookings (ROI 300 %).
 * Each KPI reads brought against expected, brought alone when nothing was expected, expected
 * alone before any result; share-safe, its money results as shares. */
static void
test_campaigns_table (void)
{
  g_autoptr(PlPlan) plan = pl_test_charts_load_data ("results/ranking.pilote");
  guint32 as_of = day (2027, 3, 15);
  PlBasis basis = pl_campaign_ranking_basis (plan, as_of);
  PlCampaign *webinars = PL_CAMPAIGN (pl_plan_lookup (plan, "cmp-webinars"));
  PlItem *customers = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);
  g_autoptr(PlReportTableText) table = NULL;
  g_autoptr(PlReportTableText) share_safe = NULL;
  PlCampaignFigures figures;
  g_autofree char *spent = NULL;
  g_autofree char *allocated = NULL;
  g_autofree char *roi = NULL;
  char **row;

  pl_item_set_double (pl_plan_lookup (plan, "ck-1"), PL_CAMPAIGN_KPI_CONTRIBUTION, 250);
  pl_item_set_double (pl_plan_lookup (plan, "ck-3"), PL_CAMPAIGN_KPI_CONTRIBUTION, 80000);
  pl_item_set_id (customers, "ck-webinars-customers");
  pl_item_set_string (customers, PL_CAMPAIGN_KPI_CAMPAIGN, "cmp-webinars");
  pl_item_set_string (customers, PL_CAMPAIGN_KPI_KPI, "kpi-new-customers");
  pl_item_set_double (customers, PL_CAMPAIGN_KPI_CONTRIBUTION, 5);
  pl_plan_add (plan, customers);
  g_object_unref (customers);

  pl_campaign_figures_get (plan, NULL, webinars, &basis, &figures);
  g_assert_cmpint (figures.spent, ==, 1000000);
  spent = pl_money_format (figures.spent, 2, "EUR");
  allocated = pl_money_format (figures.budget, 2, "EUR");
  roi = pl_percent_format (100 * figures.roi.value, 0);
  g_assert_cmpstr (roi, ==, "300%");

  table = pl_report_campaigns_table (plan, as_of, FALSE);
  g_assert_cmpstr (table->header[6], ==, "ROI");
  g_assert_cmpstr (table->header[7], ==, "Results against expected");
  row = row_named (table, "Webinars");
  g_assert_cmpstr (row[4], ==, allocated);
  g_assert_cmpstr (row[5], ==, spent);
  g_assert_cmpstr (row[6], ==, roi);
  g_assert_cmpstr (row[7], ==, "Leads 200 of 250 · New bookings 40\u202f000\u00a0EUR of 80\u202f000\u00a0EUR · "
                               "New customers 5 expected");
  /* No revenue known: no ROI, a dash. */
  row = row_named (table, "Content hub");
  g_assert_cmpstr (row[6], ==, "–");
  g_assert_cmpstr (row[7], ==, "Leads 400");

  share_safe = pl_report_campaigns_table (plan, as_of, TRUE);
  row = row_named (share_safe, "Webinars");
  g_assert_null (strstr (row[5], "EUR"));
  g_assert_cmpstr (row[6], ==, roi);
  g_assert_cmpstr (row[7], ==, "Leads 200 of 250 · New bookings 50% of expected · New customers 5 expected");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/ranking/campaigns-section", test_campaigns_section);
  g_test_add_func ("/report/ranking/board-pack", test_board_pack);
  g_test_add_func ("/report/ranking/nothing-ranked", test_nothing_ranked);
  g_test_add_func ("/report/ranking/rows", test_rows);
  g_test_add_func ("/report/ranking/campaigns-table", test_campaigns_table);
  return g_test_run ();
}
