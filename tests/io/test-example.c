/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bundled example plans, the English one and the French one, read like a real company's:
 * sound, clean, plausible figures. Each test runs on both. */
#include <glib.h>
#include <math.h>

#include "pl-budget-totals.h"
#include "pl-dashboard.h"
#include "pl-figures.h"
#include "pl-hygiene.h"
#include "pl-plan-file.h"
#include "pl-plan-validate.h"

typedef struct {
  const char *file;
  const char *tiles[8];        /* the dashboard's tiles, in order */
  const char *attention[2];    /* the campaigns that need attention at the end of June */
  const char *category;        /* a category to move a line to */
} Example;

static const Example examples[] = {
  { "northwind-saas-2027.pilote",
    { "kpi-leads", "kpi-mql", "kpi-sql", "kpi-new-customers", "kpi-mrr", "kpi-cpl", "kpi-cac", "kpi-ltv-cac" },
    { "cmp-close-faster", "cmp-partners" }, "cat-staff" },
  { "tramontane-qhse-2027.pilote",
    { "kpi-leads", "kpi-mql", "kpi-sql", "kpi-nouveaux-clients", "kpi-mrr", "kpi-cpl", "kpi-cac", "kpi-ltv-cac" },
    { "cmp-audit-serein", "cmp-partenaires" }, "cat-personnel" },
};

static PlPlan *
example (const Example *self)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "examples", self->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_SCHEMA, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static void
test_clean (gconstpointer data)
{
  const Example *self = data;
  g_autoptr(PlPlan) plan = example (self);
  g_autoptr(GPtrArray) problems = pl_plan_validate (plan);
  g_autoptr(GPtrArray) findings = pl_hygiene_check (plan);

  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", ((PlHygieneFinding *) g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* What a B2B SaaS marketer would expect over January to June. */
static void
test_plausible (gconstpointer data)
{
  const Example *self = data;
  g_autoptr(PlPlan) plan = example (self);
  guint32 from = pl_plan_get_start (plan), to = pl_figures_measured_until (plan);
  double cpl = pl_figures_cpl (plan, from, to);
  double cac = pl_figures_cac (plan, from, to);
  double ratio = pl_figures_ltv_cac (plan, from, to);
  double mql_sql = pl_figures_conversion (plan, PL_STAGE_MQL, PL_STAGE_SQL, from, to);

  g_assert_cmpuint (to, ==, pl_plan_month_start (plan, 6));
  g_assert_cmpfloat (cpl, >, 50);
  g_assert_cmpfloat (cpl, <, 400);
  g_assert_cmpfloat (cac, >, 5000);
  g_assert_cmpfloat (cac, <, 40000);
  g_assert_cmpfloat (ratio, >=, PL_LTV_CAC_HEALTHY);
  g_assert_cmpfloat (ratio, <, 5);
  g_assert_cmpfloat (mql_sql, >, 0.2);
  g_assert_cmpfloat (mql_sql, <, 0.5);
}

/* Every total of @totals equals the same total made afresh. */
static void
assert_totals_fresh (PlPlan *plan, PlBudgetTotals *totals)
{
  g_autoptr(PlBudgetTotals) fresh = pl_budget_totals_new (plan);
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);

  for (int m = -1; m < (int) pl_plan_get_months (plan); m++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
          g_assert_cmpint (pl_budget_totals_line_planned (totals, line, m), ==, pl_budget_totals_line_planned (fresh, line, m));
          g_assert_cmpint (pl_budget_totals_line_actual (totals, line, m), ==, pl_budget_totals_line_actual (fresh, line, m));
        }
      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
          g_assert_cmpint (pl_budget_totals_planned (totals, category, m), ==, pl_budget_totals_planned (fresh, category, m));
          g_assert_cmpint (pl_budget_totals_actual (totals, category, m), ==, pl_budget_totals_actual (fresh, category, m));
        }
      g_assert_cmpint (pl_budget_totals_planned (totals, NULL, m), ==, pl_budget_totals_planned (fresh, NULL, m));
      g_assert_cmpint (pl_budget_totals_actual (totals, NULL, m), ==, pl_budget_totals_actual (fresh, NULL, m));
    }
  g_assert_cmpint (pl_budget_totals_horizon_planned (totals, PL_HORIZON_LONG), ==, pl_budget_totals_horizon_planned (fresh, PL_HORIZON_LONG));
  g_assert_cmpint (pl_budget_totals_horizon_actual (totals, PL_HORIZON_SHORT), ==, pl_budget_totals_horizon_actual (fresh, PL_HORIZON_SHORT));
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      g_assert_cmpint (pl_budget_totals_campaign_actual (totals, campaign), ==, pl_budget_totals_campaign_actual (fresh, campaign));
    }
}

/* The one-pass totals agree with the plain sums of pl-figures everywhere, and follow edits. */
static void
test_budget_totals (gconstpointer data)
{
  const Example *self = data;
  g_autoptr(PlPlan) plan = example (self);
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  guint months = pl_plan_get_months (plan);

  g_assert_cmpuint (pl_budget_totals_get_months (totals), ==, months);
  for (int m = -1; m < (int) months; m++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
          g_assert_cmpint (pl_budget_totals_line_planned (totals, line, m), ==, pl_figures_line_planned (PL_BUDGET_LINE (line), m));
          g_assert_cmpint (pl_budget_totals_line_actual (totals, line, m), ==, pl_figures_line_actual (plan, PL_BUDGET_LINE (line), m));
          if (m < 0)
            g_assert_cmpint (pl_budget_totals_line_allocated (totals, line), ==, pl_figures_line_allocated (plan, PL_BUDGET_LINE (line)));
        }
      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
          g_assert_cmpint (pl_budget_totals_planned (totals, category, m), ==, pl_figures_category_planned (plan, PL_CATEGORY (category), m));
          g_assert_cmpint (pl_budget_totals_actual (totals, category, m), ==, pl_figures_category_actual (plan, PL_CATEGORY (category), m));
        }
      g_assert_cmpint (pl_budget_totals_planned (totals, NULL, m), ==, pl_figures_planned (plan, m));
      g_assert_cmpint (pl_budget_totals_actual (totals, NULL, m), ==, pl_figures_actual (plan, m));
    }
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      g_assert_cmpint (pl_budget_totals_campaign_allocated (totals, campaign), ==, pl_figures_campaign_allocated (plan, PL_CAMPAIGN (campaign)));
      g_assert_cmpint (pl_budget_totals_campaign_actual (totals, campaign), ==, pl_figures_campaign_actual (plan, PL_CAMPAIGN (campaign)));
    }
  g_assert_cmpint (pl_budget_totals_horizon_planned (totals, PL_HORIZON_SHORT) + pl_budget_totals_horizon_planned (totals, PL_HORIZON_LONG),
                   ==, pl_figures_planned (plan, -1));
  g_assert_cmpint (pl_budget_totals_horizon_actual (totals, PL_HORIZON_SHORT) + pl_budget_totals_horizon_actual (totals, PL_HORIZON_LONG),
                   ==, pl_figures_actual (plan, -1));
  /* The example plans both kinds of spend. */
  g_assert_cmpint (pl_budget_totals_horizon_planned (totals, PL_HORIZON_LONG), >, 0);
  g_assert_cmpint (pl_budget_totals_horizon_planned (totals, PL_HORIZON_SHORT), >, 0);

  /* Refreshed after edits, the totals equal totals made afresh: a planned amount typed, a
   * line moved to another category, a spend entry removed, a line removed; and undo. */
  {
    g_autoptr(PlItem) line = g_list_model_get_item (lines, 0);
    g_autoptr(PlItem) other = g_list_model_get_item (lines, 5);
    g_autoptr(PlItem) entry = g_list_model_get_item (pl_plan_get_collection (plan, PL_COLLECTION_SPEND), 0);
    gint64 before = pl_budget_totals_planned (totals, NULL, 2);

    g_assert_false (pl_budget_totals_refresh (totals));
    g_assert_true (pl_plan_set_planned (plan, PL_BUDGET_LINE (line), 2, pl_figures_line_planned (PL_BUDGET_LINE (line), 2) + 12345, NULL));
    g_assert_true (pl_budget_totals_refresh (totals));
    g_assert_cmpint (pl_budget_totals_planned (totals, NULL, 2), ==, before + 12345);
    assert_totals_fresh (plan, totals);
    g_assert_true (pl_plan_set_string (plan, other, PL_BUDGET_LINE_CATEGORY, self->category, NULL));
    g_assert_true (pl_budget_totals_refresh (totals));
    assert_totals_fresh (plan, totals);
    pl_plan_remove (plan, entry);
    g_assert_true (pl_budget_totals_refresh (totals));
    assert_totals_fresh (plan, totals);
    pl_plan_remove (plan, other);
    g_assert_true (pl_budget_totals_refresh (totals));
    assert_totals_fresh (plan, totals);
    while (pl_plan_can_undo (plan))
      pl_plan_undo (plan);
    g_assert_true (pl_budget_totals_refresh (totals));
    assert_totals_fresh (plan, totals);
  }
}

/* The example's leadership dashboard, opened on a day before its year: eight tiles, the
 * spend of the six months measured, and the partner programme about to end. */
static void
test_dashboard (gconstpointer data)
{
  const Example *self = data;
  g_autoptr(PlPlan) plan = example (self);
  guint32 as_of = pl_dashboard_as_of (plan, pl_plan_get_start (plan) - 100);
  g_autoptr(PlDashboard) dashboard = pl_dashboard_new (plan, as_of);
  gint64 spent = 0;

  g_assert_cmpint (pl_plan_month_index (plan, as_of), ==, 5);
  g_assert_cmpuint (dashboard->tiles->len, ==, G_N_ELEMENTS (self->tiles));
  for (guint i = 0; i < G_N_ELEMENTS (self->tiles); i++)
    g_assert_cmpstr (pl_item_get_id (g_array_index (dashboard->tiles, PlDashboardTile, i).kpi), ==, self->tiles[i]);
  for (int m = 0; m < 6; m++)
    spent += pl_figures_actual (plan, m);
  g_assert_cmpint (dashboard->spend_to_date, ==, spent);
  g_assert_cmpfloat (dashboard->ltv_cac, ==, pl_figures_ltv_cac (plan, pl_plan_get_start (plan), pl_figures_measured_until (plan)));
  g_assert_cmpfloat (dashboard->ltv_cac, >, PL_LTV_CAC_HEALTHY);
  g_assert_cmpuint (dashboard->attention->len, ==, 2);
  g_assert_cmpstr (pl_item_get_id (((PlAttention *) dashboard->attention->pdata[0])->campaign), ==, self->attention[0]);
  g_assert_cmpstr (pl_item_get_id (((PlAttention *) dashboard->attention->pdata[1])->campaign), ==, self->attention[1]);
}

int
main (int argc, char **argv)
{
  static const struct {
    const char *name;
    GTestDataFunc func;
  } tests[] = {
    { "clean", test_clean }, { "plausible", test_plausible }, { "budget-totals", test_budget_totals },
    { "dashboard", test_dashboard },
  };

  g_test_init (&argc, &argv, NULL);
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint t = 0; t < G_N_ELEMENTS (tests); t++)
      {
        g_autofree char *path = g_strdup_printf ("/example/%s/%s", e == 0 ? "en" : "fr", tests[t].name);
        g_test_add_data_func (path, &examples[e], tests[t].func);
      }
  return g_test_run ();
}
