/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's "Changes since" section (issue 24): the example plan edited (a campaign
 * renamed and one added, a budget line's planned amount raised) against the example with a
 * campaign since dropped. The section is there after the summary, with the counts, the
 * budget before and after equal to the budget totals of each plan, the changes by page in
 * words, and no amount in a share-safe edition; without a comparison there is no section.
 * Its page is written to a PNG to look at, and the PDF read back with poppler. */
#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-money.h"
#include "pl-plan-diff.h"
#include "pl-records.h"
#include "pl-report.h"
#include "pl-report-changes.h"
#include "pl-test-charts.h"
#include "pl-test-pdf.h"

#define RENAMED "Always-on search (EMEA)"

static guint
field (PlItem *item, const char *name)
{
  int index = pl_item_class_find_field (PL_ITEM_GET_CLASS (item), name);

  g_assert_cmpint (index, >=, 0);
  return (guint) index;
}

static PlItem *
new_campaign (const char *id, const char *name)
{
  PlItem *campaign = g_object_new (PL_TYPE_CAMPAIGN, NULL);

  pl_item_set_id (campaign, id);
  pl_item_set_string (campaign, field (campaign, "name"), name);
  return campaign;
}

/* The version before: the example with a campaign since dropped. */
static PlPlan *
plan_before (void)
{
  PlPlan *plan = pl_test_charts_example ();
  g_autoptr(PlItem) dropped = new_campaign ("cmp-dropped", "Dropped roadshow");

  pl_plan_add (plan, dropped);
  return plan;
}

/* The version now: the example with a campaign renamed, one added, and 5,000.00 more
 * planned on the first budget line's first month. */
static PlPlan *
plan_now (void)
{
  PlPlan *plan = pl_test_charts_example ();
  g_autoptr(PlItem) added = new_campaign ("cmp-spring-webinar", "Spring webinar");
  g_autoptr(PlItem) line = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_LINES), 0);
  GVariant *amounts = pl_item_get_variant (line, PL_BUDGET_LINE_PLANNED);
  PlItem *search = pl_plan_lookup (plan, "cmp-search");
  gint64 first = 0;

  g_assert_true (pl_plan_set_string (plan, search, field (search, "name"), RENAMED, NULL));
  pl_plan_add (plan, added);
  if (amounts != NULL && g_variant_n_children (amounts) > 0)
    g_variant_get_child (amounts, 0, "x", &first);
  g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 0, first + 500000, NULL));
  return plan;
}

static gboolean
has_row (PlReportTableText *table, guint column, const char *needle)
{
  for (guint i = 0; i < table->rows->len; i++)
    if (strstr (((char **) table->rows->pdata[i])[column], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* In whole units of the currency, as the report shows budgets. */
static char *
money (PlPlan *plan, gint64 amount)
{
  gint64 unit = (gint64) pow (10, pl_plan_get_currency_exponent (plan));
  g_autofree char *text = pl_money_format ((amount + unit / 2) / unit * unit, pl_plan_get_currency_exponent (plan),
                                           pl_plan_get_currency (plan));

  return g_markup_escape_text (text, -1);
}

static void
test_changes_text (void)
{
  g_autoptr(PlPlan) before = plan_before ();
  g_autoptr(PlPlan) now = plan_now ();
  g_autoptr(PlPlanDiff) diff = pl_plan_diff (before, now);
  g_autoptr(PlReportChanges) changes = pl_report_changes_new (diff, "before.pilote", FALSE);
  g_autoptr(PlReportChanges) safe = pl_report_changes_new (diff, "before.pilote", TRUE);
  g_autoptr(PlBudgetTotals) old_totals = pl_budget_totals_new (before);
  g_autoptr(PlBudgetTotals) new_totals = pl_budget_totals_new (now);
  PlReportTableText *campaigns = NULL;
  char **total;
  g_autofree char *old_planned = NULL, *new_planned = NULL;

  g_assert_cmpuint (diff->n_added, ==, 1);
  g_assert_cmpuint (diff->n_removed, ==, 1);
  g_assert_cmpuint (diff->n_changed, ==, 2);  /* the campaign renamed, the budget line */
  g_assert_cmpstr (changes->title, ==, "Changes since “before.pilote”");
  g_assert_cmpstr (changes->subtitle, ==, "1 record added, 1 record removed, 2 records changed.");

  /* The budget: the whole plan's planned total before and after, as the budget totals say,
   * last and marked as the total. */
  g_assert_nonnull (changes->budget);
  g_assert_true (changes->budget->last_is_total);
  total = changes->budget->rows->pdata[changes->budget->rows->len - 1];
  old_planned = money (now, pl_budget_totals_planned (old_totals, NULL, -1));
  new_planned = money (now, pl_budget_totals_planned (new_totals, NULL, -1));
  g_assert_cmpstr (total[1], ==, old_planned);
  g_assert_cmpstr (total[2], ==, new_planned);
  g_assert_nonnull (strstr (total[3], "+"));
  g_assert_cmpint (pl_budget_totals_planned (new_totals, NULL, -1) - pl_budget_totals_planned (old_totals, NULL, -1),
                   ==, 500000);

  /* The changes by page: the Campaigns page's, added and removed first, in words. */
  for (guint i = 0; i < changes->pages->len; i++)
    if (g_strcmp0 (((PlReportTableText *) changes->pages->pdata[i])->subtitle,
                   pl_diff_page_get_title (PL_DIFF_PAGE_CAMPAIGNS)) == 0)
      campaigns = changes->pages->pdata[i];
  g_assert_nonnull (campaigns);
  g_assert_cmpuint (campaigns->rows->len, ==, 3);
  g_assert_cmpstr (((char **) campaigns->rows->pdata[2])[0], ==, "Changed");
  g_assert_true (has_row (campaigns, 1, "Spring webinar"));
  g_assert_true (has_row (campaigns, 1, "Dropped roadshow"));
  g_assert_true (has_row (campaigns, 2, "Always-on search → " RENAMED));

  /* Share-safe: shares, no amount. */
  g_assert_nonnull (safe->budget);
  for (guint i = 0; i < safe->budget->rows->len; i++)
    for (guint c = 1; c < 6; c++)
      {
        const char *cell = ((char **) safe->budget->rows->pdata[i])[c];
        g_assert_true (strstr (cell, "EUR") == NULL && strstr (cell, "€") == NULL);
      }
  total = safe->budget->rows->pdata[safe->budget->rows->len - 1];
  g_assert_cmpstr (total[1], ==, "100%");
}

static void
test_changes_section (void)
{
  g_autoptr(PlPlan) before = plan_before ();
  g_autoptr(PlPlan) now = plan_now ();
  g_autoptr(PlPlanDiff) diff = pl_plan_diff (before, now);
  g_autoptr(PlReport) report = NULL;
  g_autoptr(PlReport) without = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "report-changes.png", NULL);
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, "report-changes.pdf", NULL);
  g_autofree char *text = NULL;
  PlReportOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int page;

  /* No comparison, no section. */
  pl_report_options_init (&options, now, pl_plan_month_start (now, 5) + 19);
  without = pl_report_new (now, &options);
  g_assert_cmpint (pl_report_get_section_page (without, PL_REPORT_CHANGES), ==, -1);

  /* Asked for: after the cover and the summary, even when the sections did not name it. */
  g_assert_true (pl_report_options_parse_sections (&options, "cover,summary,budget", NULL));
  pl_report_options_set_changes (&options, diff, "before.pilote");
  g_assert_cmpuint (options.n_sections, ==, 4);
  g_assert_cmpint (options.sections[2], ==, PL_REPORT_CHANGES);
  report = pl_report_new (now, &options);
  page = pl_report_get_section_page (report, PL_REPORT_CHANGES);
  g_assert_cmpint (page, >, 0);

  /* Drawn, to look at. */
  pl_report_get_page_size (report, (guint) page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * 1.5), (int) (height * 1.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 1.5, 1.5);
  pl_report_draw_page (report, cr, (guint) page);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* And read back from the PDF. */
  g_assert_true (pl_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  text = pl_test_poppler ("pdftotext", pdf, "-layout", NULL);
  g_assert_nonnull (strstr (text, "Changes since “before.pilote”"));
  g_assert_nonnull (strstr (text, "1 record added, 1 record removed, 2 records changed."));
  g_assert_nonnull (strstr (text, "Budget by category, before and after"));
  g_assert_nonnull (strstr (text, "Spring webinar"));
  g_assert_nonnull (strstr (text, "Dropped roadshow"));
}

/* A campaign's results entered since (format 1.5) show on the Campaigns page, the link by its
 * campaign and KPI, the results summed up, in the full and the share-safe edition alike. */
static void
test_changes_results (void)
{
  g_autoptr(PlPlan) before = pl_test_charts_example ();
  g_autoptr(PlPlan) now = pl_test_charts_example ();
  PlItem *link = pl_plan_lookup (now, "ck-3");
  guint n = pl_series_get_n (pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (link)));
  g_autoptr(PlPlanDiff) diff = NULL;
  g_autoptr(PlReportChanges) changes = NULL;
  g_autoptr(PlReportChanges) safe = NULL;
  g_autofree char *expected = NULL;
  PlReportChanges *editions[2];

  g_assert_true (PL_IS_CAMPAIGN_KPI (link));
  pl_plan_set_result (now, PL_CAMPAIGN_KPI (link), pl_plan_month_start (now, 11), 60, "HubSpot");
  diff = pl_plan_diff (before, now);
  g_assert_cmpuint (diff->n_changed, ==, 1);
  changes = pl_report_changes_new (diff, "before.pilote", FALSE);
  safe = pl_report_changes_new (diff, "before.pilote", TRUE);
  expected = g_strdup_printf ("Results: %u month%s → %u month%s (1 added, 0 removed, 0 changed)", n,
                              n == 1 ? "" : "s", n + 1, n + 1 == 1 ? "" : "s");
  editions[0] = changes;
  editions[1] = safe;
  for (guint e = 0; e < G_N_ELEMENTS (editions); e++)
    {
      PlReportTableText *campaigns = NULL;

      for (guint i = 0; i < editions[e]->pages->len; i++)
        if (g_strcmp0 (((PlReportTableText *) editions[e]->pages->pdata[i])->subtitle,
                       pl_diff_page_get_title (PL_DIFF_PAGE_CAMPAIGNS)) == 0)
          campaigns = editions[e]->pages->pdata[i];
      g_assert_nonnull (campaigns);
      g_assert_cmpuint (campaigns->rows->len, ==, 1);
      g_assert_true (has_row (campaigns, 1, "Always-on search → Leads"));
      if (!has_row (campaigns, 2, expected))
        g_error ("“%s” is not in “%s”", expected, ((char **) campaigns->rows->pdata[0])[2]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-changes/text", test_changes_text);
  g_test_add_func ("/report-changes/section", test_changes_section);
  g_test_add_func ("/report-changes/results", test_changes_results);
  return g_test_run ();
}
