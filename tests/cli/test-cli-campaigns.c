/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `pilote-cli summary --json` gives each campaign's figures and the KPIs' attribution (issue
 * 25) equal to the core's (pl-campaign-results.h), on tests/data/results/round-campaigns.pilote
 * (its figures are worked by hand in tests/core/test-campaign-results.c): the summary run as
 * a program, its output read by a real JSON parser. */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "pl-campaign-results.h"
#include "pl-dashboard.h"
#include "pl-date-text.h"
#include "pl-plan-file.h"

static char *
fixture (void)
{
  return g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "tests", "data", "results",
                           "round-campaigns.pilote", NULL);
}

static char *
run_cli (const char * const *argv, int *status)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (args, (char *) g_getenv ("PILOTE_CLI"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);
  process = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  return out;
}

/* Runs the Python expressions @checks (on the document as d) and asserts each prints the
 * string beside it: one interpreter for them all. */
static void
assert_json (const char *json, GPtrArray *checks)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = checks->len / 2;

  g_ptr_array_add (argv, (char *) g_getenv ("PYTHON3"));
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, "import json, sys\nd = json.load(sys.stdin)\nfor e in sys.argv[1:]:\n"
                         "    r = eval(e)\n    print(r if isinstance(r, str) else repr(r))");
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (argv, checks->pdata[2 * i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, json, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("the checks failed on:\n%s", json);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (lines[i], checks->pdata[2 * i + 1]) != 0)
      g_error ("%s gives %s, not %s", (char *) checks->pdata[2 * i], lines[i], (char *) checks->pdata[2 * i + 1]);
}

static void
check (GPtrArray *checks, char *expression, const char *expected)
{
  g_ptr_array_add (checks, expression);
  g_ptr_array_add (checks, g_strdup (expected));
}

/* The JSON's value at @path equals @value: a number within a billionth, or null for NAN. */
static void
check_number (GPtrArray *checks, const char *path, double value)
{
  if (isnan (value))
    check (checks, g_strdup_printf ("%s is None", path), "True");
  else
    check (checks, g_strdup_printf ("abs(%s - %.17g) < 1e-9", path, value), "True");
}

static void
check_figure (GPtrArray *checks, PlPlan *plan, const char *path, const PlCampaignFigures *figures,
              const PlFigure *figure)
{
  g_autofree char *value = g_strdup_printf ("%s['value']", path);
  g_autofree char *reason = pl_campaign_figure_reason (plan, figures, figure);

  check_number (checks, value, figure->value);
  check (checks, g_strdup_printf ("%s['missing']", path),
         figure->missing == PL_MISSING_NONE ? "None" : pl_missing_key (figure->missing));
  check (checks, g_strdup_printf ("%s['reason']", path), reason != NULL ? reason : "None");
  check (checks, g_strdup_printf ("%s['basis']['label']", path), "January to March 2027");
}

static void
test_summary_json (void)
{
  g_autofree char *path = fixture ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) all = NULL;
  g_autofree char *json = NULL;
  guint32 as_of = pl_plan_get_end (plan) - 1;
  PlDashboardBases bases;
  GListModel *kpis;
  guint n_attributed = 0;
  int status;

  g_assert_no_error (error);
  json = run_cli ((const char *[]) { "summary", "--json", "--as-of", "2027-12-31", path, NULL }, &status);
  g_assert_cmpint (status, ==, 0);

  /* The summary's KPIs' basis: the months measured, January to March. */
  pl_dashboard_bases (plan, as_of, &bases);
  all = pl_campaign_figures_all (plan, &bases.measured_basis);
  check (checks, g_strdup ("len(d['campaign_figures'])"), "5");
  check (checks, g_strdup ("d['campaigns']['total']"), "5");
  for (guint i = 0; i < all->len; i++)
    {
      const PlCampaignFigures *f = &g_array_index (all, PlCampaignFigures, i);
      g_autofree char *c = g_strdup_printf ("d['campaign_figures'][%u]", i);
      g_autofree char *budget = g_strdup_printf ("%s['budget']", c);
      g_autofree char *spent = g_strdup_printf ("%s['spent']", c);
      g_autofree char *expected = g_strdup_printf ("%s['main_result']['expected']", c);
      g_autofree char *against = g_strdup_printf ("%s['main_result']['against']", c);
      g_autofree char *main = g_strdup_printf ("%s['main_result']['value']", c);
      static const char *keys[] = { "cost_per_result", "leads", "customers", "cost_per_lead",
                                    "cost_per_customer", "pipeline", "revenue", "roi" };
      const PlFigure *figures[] = { &f->cost_per_result, &f->leads, &f->customers, &f->cost_per_lead,
                                    &f->cost_per_customer, &f->pipeline, &f->revenue, &f->roi };

      check (checks, g_strdup_printf ("%s['id']", c), pl_item_get_id (PL_ITEM (f->campaign)));
      check (checks, g_strdup_printf ("%s['name']", c), pl_item_get_display_name (PL_ITEM (f->campaign)));
      check (checks, g_strdup_printf ("%s['basis']['label']", c), "January to March 2027");
      check_number (checks, budget, f->budget / 100.0);
      check_number (checks, spent, f->spent_major);
      check (checks, g_strdup_printf ("%s['main_result']['kpi']", c),
             f->main_kpi != NULL ? pl_item_get_id (PL_ITEM (f->main_kpi)) : "None");
      check_number (checks, expected, f->main_expected);
      check_number (checks, against, f->main_against);
      check_figure (checks, plan, main, f, &f->main_result);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *key = g_strdup_printf ("%s['%s']", c, keys[k]);
          check_figure (checks, plan, key, f, figures[k]);
        }
    }
  /* A few by hand, so that the core and the CLI cannot both be wrong the same way. */
  check (checks, g_strdup ("d['campaign_figures'][0]['roi']['value']"), "2");
  check (checks, g_strdup ("d['campaign_figures'][0]['spent']"), "4000");
  check (checks, g_strdup ("d['campaign_figures'][1]['cost_per_lead']['value']"), "200");
  check (checks, g_strdup ("d['campaign_figures'][4]['roi']['value']"), "-0.5");
  check (checks, g_strdup ("d['campaign_figures'][1]['roi']['missing']"), "not-measured");
  check (checks, g_strdup ("d['campaign_figures'][2]['roi']['missing']"), "zero");
  check (checks, g_strdup ("d['campaign_figures'][3]['main_result']['kpi']"), "None");

  kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlKpi) kpi = g_list_model_get_item (kpis, i);
      PlKpiAttribution a;
      g_autofree char *k = NULL;
      g_autofree char *total = NULL, *attributed = NULL, *unexplained = NULL, *over = NULL;
      g_autofree char *sentence = NULL;
      g_autofree char *count = NULL;

      pl_kpi_attribution_get (plan, kpi, &bases.measured_basis, &a);
      if (!a.additive || a.n_campaigns == 0)
        continue;
      k = g_strdup_printf ("d['kpi_attribution'][%u]", n_attributed++);
      total = g_strdup_printf ("%s['total']['value']", k);
      attributed = g_strdup_printf ("%s['attributed']", k);
      unexplained = g_strdup_printf ("%s['unexplained']", k);
      over = g_strdup_printf ("%s['over']", k);
      sentence = pl_kpi_attribution_describe (plan, &a);
      check (checks, g_strdup_printf ("%s['kpi']", k), pl_item_get_id (PL_ITEM (kpi)));
      check_number (checks, total, a.total);
      check_number (checks, attributed, a.attributed);
      check_number (checks, unexplained, a.unexplained);
      check_number (checks, over, a.over);
      count = g_strdup_printf ("%u", a.n_campaigns);
      check (checks, g_strdup_printf ("%s['campaigns']", k), count);
      check (checks, g_strdup_printf ("%s['sentence']", k), sentence);
    }
  /* Leads, pipeline, new customers and revenue; the brand preference is a mean. */
  g_assert_cmpuint (n_attributed, ==, 4);
  check (checks, g_strdup ("len(d['kpi_attribution'])"), "4");
  check (checks, g_strdup ("d['kpi_attribution'][1]['over']"), "10000");
  assert_json (json, checks);
}

/* The text summary's best campaigns: by ROI, then by cost per result. */
static void
test_summary_text (void)
{
  g_autofree char *path = fixture ();
  g_autofree char *out = NULL;
  const char *block;
  int status;

  out = run_cli ((const char *[]) { "summary", "--as-of", "2027-12-31", path, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  block = strstr (out, "Best return, January to March 2027 (EUR)");
  g_assert_nonnull (block);
  /* Webinars (ROI 200 %), Social ads (-50 %), then the trade show (no ROI, nothing spent;
   * a cost per result of 0). */
  g_assert_nonnull (strstr (block, "\n  Webinars                                      4\u202F000.00                 "
                                   "4 New customers         1\u202F000.00    200.0%\n"
                                   "  Social ads                                    4\u202F000.00                        "
                                   "40 Leads           100.00    -50.0%\n"
                                   "  Trade show                                        0.00                        "
                                   "20 Leads             0.00       n/a\n"));
  /* Retargeting has neither (0 customers, no revenue), Brand video counts nothing. */
  g_assert_null (strstr (block, "Retargeting"));
  g_assert_null (strstr (block, "Brand video"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/summary/campaign-figures-json", test_summary_json);
  g_test_add_func ("/cli/summary/campaign-returns-text", test_summary_text);
  return g_test_run ();
}
