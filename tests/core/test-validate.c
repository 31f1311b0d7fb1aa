/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validation returns every problem at once, each naming its record, in plain words. */
#include "config.h"

#include <string.h>

#include "pl-enums.h"
#include "pl-error.h"
#include "pl-formula.h"
#include "pl-kpi-value.h"
#include "pl-plan-validate.h"
#include "pl-rules.h"

static PlItem *
add (PlPlan *plan, GType type, const char *id)
{
  PlItem *item = g_object_new (type, NULL);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);

  pl_item_set_id (item, id);
  g_ptr_array_add (one, item);
  /* As the reader does: without the checks an edit would make. */
  pl_plan_append_loaded (plan, pl_collection_for_type (type), one);
  return item;
}

static const PlProblem *
find (GPtrArray *problems, const char *id, const char *message)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const PlProblem *problem = g_ptr_array_index (problems, i);
      if (g_strcmp0 (problem->id, id) == 0 && strcmp (problem->message, message) == 0)
        return problem;
    }
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s: %s", ((PlProblem *) problems->pdata[i])->id,
                    ((PlProblem *) problems->pdata[i])->message);
  return NULL;
}

static void
test_clean_default (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autoptr(GPtrArray) problems = pl_plan_validate (plan);

  g_assert_cmpuint (problems->len, ==, 0);
}

/* pl_plan_validate_record() finds what pl_plan_validate() finds of each record: for a KPI all of
 * it (its chain's problems included), for the others at least what concerns them alone. */
static void
assert_records_agree (PlPlan *plan)
{
  g_autoptr(GPtrArray) all = pl_plan_validate (plan);

  for (int c = 0; c < PL_N_COLLECTIONS; c++)
    {
      GListModel *model = pl_plan_get_collection (plan, c);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(PlItem) item = g_list_model_get_item (model, i);
          g_autoptr(GPtrArray) own = pl_plan_validate_record (plan, item);
          guint n = 0;

          for (guint k = 0; k < own->len; k++)
            g_assert_nonnull (find (all, pl_item_get_id (item), ((PlProblem *) own->pdata[k])->message));
          for (guint k = 0; k < all->len; k++)
            n += g_strcmp0 (((PlProblem *) all->pdata[k])->id, pl_item_get_id (item)) == 0;
          if (PL_IS_KPI (item))
            g_assert_cmpuint (own->len, ==, n);
        }
    }
}

static void
test_every_problem (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autoptr(GPtrArray) problems = NULL;
  PlItem *campaign, *line, *allocation, *kpi, *link1, *link2, *spend, *entry, *tool;
  gint64 amounts[12] = { 1000 };
  const PlProblem *problem;

  campaign = add (plan, PL_TYPE_CAMPAIGN, "cmp-1");
  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Launch");
  pl_item_set_string (campaign, PL_CAMPAIGN_SEGMENT, "seg-missing");
  pl_item_set_julian (campaign, PL_CAMPAIGN_START, pl_plan_month_start (plan, 3));
  pl_item_set_julian (campaign, PL_CAMPAIGN_END, pl_plan_month_start (plan, 2));

  line = add (plan, PL_TYPE_BUDGET_LINE, "line-1");
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, "cat-digital");
  pl_item_set_string (line, PL_BUDGET_LINE_NAME, "Ads");
  pl_item_set_variant (line, PL_BUDGET_LINE_PLANNED,
                       g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, amounts, 12, sizeof (gint64)));
  allocation = add (plan, PL_TYPE_ALLOCATION, "al-1");
  pl_item_set_string (allocation, PL_ALLOCATION_LINE, "line-1");
  pl_item_set_string (allocation, PL_ALLOCATION_CAMPAIGN, "cmp-1");
  pl_item_set_int (allocation, PL_ALLOCATION_AMOUNT, 1500);

  kpi = add (plan, PL_TYPE_KPI, "kpi-odd");
  pl_item_set_string (kpi, PL_KPI_NAME, "Odd");
  pl_item_set_string (kpi, PL_KPI_FORMULA, "kpi-leads / kpi-nothing");

  link1 = add (plan, PL_TYPE_KPI_LINK, "lnk-a");
  pl_item_set_string (link1, PL_KPI_LINK_UPSTREAM, "kpi-revenue");
  pl_item_set_string (link1, PL_KPI_LINK_DOWNSTREAM, "kpi-odd");
  link2 = add (plan, PL_TYPE_KPI_LINK, "lnk-b");
  pl_item_set_string (link2, PL_KPI_LINK_UPSTREAM, "kpi-odd");
  pl_item_set_string (link2, PL_KPI_LINK_DOWNSTREAM, "kpi-spend");

  spend = add (plan, PL_TYPE_SPEND, "sp-1");
  pl_item_set_string (spend, PL_SPEND_LINE, "line-1");
  pl_item_set_julian (spend, PL_SPEND_DATE, pl_plan_get_end (plan) + 3);
  pl_item_set_int (spend, PL_SPEND_AMOUNT, -5);

  entry = add (plan, PL_TYPE_ENTRY, "ent-1");
  pl_item_set_string (entry, PL_ENTRY_CAMPAIGN, "kpi-leads");

  tool = add (plan, PL_TYPE_TOOL, "tool-1");
  g_assert_nonnull (tool);
  pl_item_set_int (tool, PL_TOOL_COST, -5);

  problems = pl_plan_validate (plan);
  /* Records named by their names, or by what they join; never by their IDs. */
  g_assert_nonnull (find (problems, "cmp-1", "The campaign “Launch” refers to “seg-missing” as its segment, which does not exist."));
  g_assert_nonnull (find (problems, "cmp-1", "The campaign “Launch” ends before it starts."));
  g_assert_nonnull (find (problems, "line-1", "The budget line “Ads” plans 10.00 EUR in all: its allocations to campaigns cannot add up to 15.00 EUR."));
  g_assert_nonnull (find (problems, "kpi-odd", "The formula of the KPI “Odd” names “kpi-nothing”, which is not a KPI of this plan."));
  /* A negative spend is a credit (a refund), since format 1.4; a negative cost is not. */
  g_assert_null (find (problems, "sp-1", "The amount of the spend of 4 January 2028 on “Ads” cannot be negative."));
  g_assert_nonnull (find (problems, "tool-1", "The annual cost of an unnamed martech tool cannot be negative."));
  g_assert_nonnull (find (problems, "sp-1", "The spend of 4 January 2028 on “Ads” is outside the fiscal period, which runs from 1 January 2027 to 31 December 2027."));
  g_assert_nonnull (find (problems, "ent-1", "Every calendar entry needs a title."));
  g_assert_nonnull (find (problems, "ent-1", "An unnamed calendar entry has no date."));
  g_assert_nonnull (find (problems, "ent-1", "An unnamed calendar entry names the KPI “Leads” as its campaign."));
  g_assert_nonnull (find (problems, "tool-1", "Every martech tool needs a name."));
  problem = find (problems, "kpi-spend",
                  "The KPI chain loops back on itself: Marketing spend → Unique visitors → Leads → Marketing qualified leads → "
                  "Sales qualified leads → New customers → New revenue → Odd → Marketing spend.");
  g_assert_nonnull (problem);
  g_assert_true (problem->blocking);
  for (guint i = 0; i < problems->len; i++)
    g_assert_null (strstr (((PlProblem *) problems->pdata[i])->message, "al-1"));
  g_assert_cmpuint (problems->len, ==, 11);
  assert_records_agree (plan);
  {
    g_autoptr(GPtrArray) own = pl_plan_validate_record (plan, kpi);
    g_assert_cmpuint (own->len, ==, 1);
  }
}

/* What an allocation joins names it: its line and its campaign. */
static void
test_names_not_ids (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  PlItem *campaign = add (plan, PL_TYPE_CAMPAIGN, "cmp-7");
  PlItem *line = add (plan, PL_TYPE_BUDGET_LINE, "line-9");
  PlItem *allocation = add (plan, PL_TYPE_ALLOCATION, "al-53");
  g_autofree char *what = NULL;

  pl_item_set_string (campaign, PL_CAMPAIGN_NAME, "Spring webinar series");
  pl_item_set_string (line, PL_BUDGET_LINE_NAME, "Paid search");
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, "cat-digital");
  pl_item_set_string (allocation, PL_ALLOCATION_LINE, "line-9");
  pl_item_set_string (allocation, PL_ALLOCATION_CAMPAIGN, "cmp-7");
  pl_item_set_int (allocation, PL_ALLOCATION_AMOUNT, -100);
  what = pl_rules_describe (plan, allocation, TRUE);
  g_assert_cmpstr (what, ==, "The allocation from “Paid search” to “Spring webinar series”");
  problems = pl_plan_validate (plan);
  g_assert_nonnull (find (problems, "al-53",
                          "The amount of the allocation from “Paid search” to “Spring webinar series” cannot be negative."));
  /* An edit is refused in the same words. */
  g_assert_false (pl_plan_set_int (plan, allocation, PL_ALLOCATION_AMOUNT, -200, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "The amount of the allocation from “Paid search” to “Spring webinar series” cannot be negative.");
}

static PlKpi *
kpi (PlPlan *plan, const char *id)
{
  return PL_KPI (pl_plan_lookup (plan, id));
}

/* Impossible KPI values: each reported by validation with the very message an edit typing it
 * is refused with; the funnel out of order is a warning. All failed before issue 18. */
static void
test_kpi_values (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autoptr(GPtrArray) problems = NULL;
  guint32 january = pl_plan_month_start (plan, 0), february = pl_plan_month_start (plan, 1);
  PlItem *margin = add (plan, PL_TYPE_KPI, "kpi-margin");
  static const struct { const char *kpi, *typed, *message, *problem; } cases[] = {
    { "kpi-leads", "-40", "“Leads” is a count: it cannot be negative.",
      "“Leads” is a count: it cannot be negative. Its measurement for January 2027 is -40." },
    { "kpi-churn", "200 %", "“Monthly churn rate” is a churn rate: it is between 0% and 100% (no more customers can leave than there are).",
      "“Monthly churn rate” is a churn rate: it is between 0% and 100% (no more customers can leave than there are). Its measurement for January 2027 is 200.0%." },
    { "kpi-margin", "8000", "“Gross margin” is a margin: it is between 0% and 100% of revenue.",
      "“Gross margin” is a margin: it is between 0% and 100% of revenue. Its measurement for January 2027 is 8000.0%." },
    { "kpi-revenue", "-1", "“New revenue” is an amount of money: it cannot be negative.",
      "“New revenue” is an amount of money: it cannot be negative. Its measurement for January 2027 is -1." },
  };

  pl_item_set_string (margin, PL_KPI_NAME, "Gross margin");
  pl_item_set_int (margin, PL_KPI_UNIT, PL_UNIT_PERCENT);
  pl_item_set_int (margin, PL_KPI_STAGE, PL_STAGE_MARGIN);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 42;

      /* The edit: what the user types is refused, the value left alone. */
      g_assert_false (pl_kpi_value_parse (kpi (plan, cases[i].kpi), cases[i].typed, &value, &error));
      g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpfloat (value, ==, 42);
    }
  /* The file: as the reader would hold them. */
  pl_series_set (pl_kpi_get_measurements (kpi (plan, "kpi-leads")), january, -40, NULL);
  pl_series_set (pl_kpi_get_measurements (kpi (plan, "kpi-churn")), january, 2, NULL);
  pl_series_set (pl_kpi_get_measurements (kpi (plan, "kpi-margin")), january, 80, NULL);
  pl_series_set (pl_kpi_get_measurements (kpi (plan, "kpi-revenue")), january, -1, NULL);
  /* A target breaks the rule as a measurement does. */
  pl_series_set (pl_kpi_get_targets (kpi (plan, "kpi-churn")), february, -0.01, NULL);
  /* More leads than visitors in February: possible only by mistake, so a warning. */
  pl_series_set (pl_kpi_get_measurements (kpi (plan, "kpi-visitors")), february, 200, NULL);
  pl_series_set (pl_kpi_get_measurements (kpi (plan, "kpi-leads")), february, 250, NULL);
  pl_series_set (pl_kpi_get_measurements (kpi (plan, "kpi-mql")), february, 50, NULL);
  problems = pl_plan_validate (plan);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PlProblem *problem = find (problems, cases[i].kpi, cases[i].problem);
      g_assert_nonnull (problem);
      g_assert_false (problem->warning);
    }
  g_assert_nonnull (find (problems, "kpi-churn",
                          "“Monthly churn rate” is a churn rate: it is between 0% and 100% (no more customers can leave than there are). "
                          "Its target for February 2027 is -1.0%."));
  {
    const PlProblem *problem = find (problems, "kpi-leads",
                                     "In February 2027, “Leads” (250) is above “Unique visitors” (200), the stage before it in the funnel.");
    g_assert_nonnull (problem);
    g_assert_true (problem->warning);
  }
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (cases) + 2);
  /* The values that can be: none of these is refused. */
  {
    double value;
    g_assert_true (pl_kpi_value_parse (kpi (plan, "kpi-churn"), "100 %", &value, NULL));
    g_assert_true (pl_kpi_value_parse (kpi (plan, "kpi-churn"), "0", &value, NULL));
    g_assert_true (pl_kpi_value_parse (kpi (plan, "kpi-leads"), "0", &value, NULL));
    g_assert_true (pl_kpi_value_parse (kpi (plan, "kpi-leads"), "", &value, NULL));
  }
}

/* An objective's target is a value of its KPI: the same rule holds it. */
static void
test_objective_target (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autoptr(GPtrArray) problems = NULL;
  PlItem *objective = add (plan, PL_TYPE_OBJECTIVE, "obj-1");

  pl_item_set_string (objective, PL_OBJECTIVE_STATEMENT, "Keep customers");
  pl_item_set_string (objective, PL_OBJECTIVE_KPI, "kpi-churn");
  pl_item_set_double (objective, PL_OBJECTIVE_TARGET, 1.5);
  problems = pl_plan_validate (plan);
  g_assert_nonnull (find (problems, "obj-1",
                          "The objective “Keep customers” has a target its KPI cannot reach: “Monthly churn rate” is a churn "
                          "rate: it is between 0% and 100% (no more customers can leave than there are)."));
  g_assert_cmpuint (problems->len, ==, 1);
}

/* A formula loop is reported once, by KPI names, and an edit making one is refused. */
static void
test_formula_loop (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  PlItem *ltv = PL_ITEM (kpi (plan, "kpi-ltv"));
  PlItem *arpu = PL_ITEM (kpi (plan, "kpi-arpu"));
  static const char *message = "Formula loop: Average revenue per user → Customer lifetime value → Average revenue per user. "
                               "A KPI cannot be computed from itself: these read “not available” until one of their formulas changes.";

  g_assert_false (pl_plan_set_string (plan, arpu, PL_KPI_FORMULA, "kpi-ltv * kpi-churn", &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (pl_item_get_string (arpu, PL_KPI_FORMULA), ==, "kpi-mrr / kpi-customers");
  /* A file may hold one: it opens, and validation names the loop. */
  pl_item_set_string (arpu, PL_KPI_FORMULA, "kpi-ltv * kpi-churn");
  problems = pl_plan_validate (plan);
  g_assert_nonnull (find (problems, "kpi-arpu", message));
  g_assert_true (pl_formula_kpi_in_loop (plan, PL_KPI (ltv)));
  g_assert_false (pl_formula_kpi_in_loop (plan, kpi (plan, "kpi-ltv-cac")));
  assert_records_agree (plan);
}

static guint32
day (int y, int m, int d)
{
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

/* Skipped and moved occurrences that do not read, name a day the series does not have, or
 * clash: each a problem naming the entry, none refusing the plan. */
static void
test_occurrences (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) blocking = NULL;
  PlItem *review = add (plan, PL_TYPE_ENTRY, "ent-mbr");
  PlItem *clean = add (plan, PL_TYPE_ENTRY, "ent-clean");
  const char *skip[] = { "2027-02-28", "2027-03-30", "2027-02-30", NULL };
  const char *move[] = { "2027-02-28 2027-03-02", "2027-04-30 2027-05-02", "2027-04-30 2027-05-04",
                         "2027-05-31 2027-06-30", "2027-07-31 2027-07-32", "2027-08-30 2027-09-01", NULL };
  const char *clean_skip[] = { "2027-08-28", NULL };
  const char *clean_move[] = { "2027-12-28 2027-12-16", NULL };
  static const char *expected[] = {
    "The review “Monthly business review” skips 2027-03-30, a day it does not happen on.",
    "The review “Monthly business review” skips “2027-02-30”, which is not a date (YYYY-MM-DD).",
    "The review “Monthly business review” both skips and moves its occurrence of 2027-02-28.",
    "The review “Monthly business review” moves its occurrence of 2027-04-30 twice.",
    "The review “Monthly business review” moves “2027-07-31 2027-07-32”, which is not two dates (YYYY-MM-DD YYYY-MM-DD).",
    "The review “Monthly business review” moves its occurrence of 2027-08-30, a day it does not happen on.",
    "The review “Monthly business review” moves its occurrence of 2027-05-31 to 2027-06-30, a day it already happens on.",
  };

  /* Monthly on the 31st: 28 February, 31 March, 30 April, 31 May, 30 June, 31 July, 31 August... */
  pl_item_set_string (review, PL_ENTRY_TITLE, "Monthly business review");
  pl_item_set_int (review, PL_ENTRY_KIND, PL_ENTRY_REVIEW);
  pl_item_set_int (review, PL_ENTRY_CADENCE, PL_CADENCE_MONTHLY);
  pl_item_set_julian (review, PL_ENTRY_START, day (2027, 1, 31));
  pl_item_set_strv (review, PL_ENTRY_SKIP, skip);
  pl_item_set_strv (review, PL_ENTRY_MOVE, move);
  pl_item_set_string (clean, PL_ENTRY_TITLE, "Marketing review");
  pl_item_set_int (clean, PL_ENTRY_KIND, PL_ENTRY_REVIEW);
  pl_item_set_int (clean, PL_ENTRY_CADENCE, PL_CADENCE_MONTHLY);
  pl_item_set_julian (clean, PL_ENTRY_START, day (2027, 1, 28));
  pl_item_set_strv (clean, PL_ENTRY_SKIP, clean_skip);
  pl_item_set_strv (clean, PL_ENTRY_MOVE, clean_move);

  problems = pl_plan_validate (plan);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PlProblem *problem = find (problems, "ent-mbr", expected[i]);
      g_assert_nonnull (problem);
      g_assert_false (problem->blocking);
    }
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  blocking = pl_plan_validate_blocking (plan);
  g_assert_cmpuint (blocking->len, ==, 0);
}

static void
test_cycle_finder (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autoptr(GPtrArray) none = pl_plan_find_chain_cycle (plan);
  g_autoptr(GPtrArray) cycle = NULL;
  PlItem *link = add (plan, PL_TYPE_KPI_LINK, "lnk-x");

  g_assert_null (none);
  pl_item_set_string (link, PL_KPI_LINK_UPSTREAM, "kpi-sql");
  pl_item_set_string (link, PL_KPI_LINK_DOWNSTREAM, "kpi-leads");
  cycle = pl_plan_find_chain_cycle (plan);
  g_assert_nonnull (cycle);
  g_assert_cmpuint (cycle->len, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/clean-default", test_clean_default);
  g_test_add_func ("/validate/every-problem", test_every_problem);
  g_test_add_func ("/validate/occurrences", test_occurrences);
  g_test_add_func ("/validate/names-not-ids", test_names_not_ids);
  g_test_add_func ("/validate/kpi-values", test_kpi_values);
  g_test_add_func ("/validate/objective-target", test_objective_target);
  g_test_add_func ("/validate/formula-loop", test_formula_loop);
  g_test_add_func ("/validate/cycle-finder", test_cycle_finder);
  return g_test_run ();
}
