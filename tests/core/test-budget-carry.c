/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Budget carried over (pl-budget-carry.h, issue 23): what closed months left unspent (orders
 * count, an overspent month gives nothing), moved into later months exactly in minor units,
 * refused in plain words with the plan untouched, one undoable edit with its record, through
 * the file and back, and said in English and French. */
#include "config.h"

#include <glib.h>
#include <locale.h>

#include "pl-budget-carry.h"
#include "pl-dashboard.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-i18n.h"
#include "pl-plan-reader.h"
#include "pl-plan-state.h"
#include "pl-plan-validate.h"
#include "pl-plan-writer.h"

enum { JAN, FEB, MAR, APR, MAY, JUN, JUL };

typedef struct {
  PlPlan *plan;
  PlItem *line;
} Fixture;

static guint32
julian (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Adds @item to @plan as the reader does, with no undo step. */
static void
load (PlPlan *plan, PlCollection collection, PlItem *item)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *id = pl_plan_make_id (plan, "x");

  pl_item_set_id (item, id);
  g_ptr_array_add (items, item);
  pl_plan_append_loaded (plan, collection, items);
}

static void
add_spend (PlPlan *plan, PlItem *line, guint32 day, gint64 amount, PlSpendStatus status)
{
  g_autoptr(PlItem) spend = g_object_new (PL_TYPE_SPEND, NULL);

  if (line != NULL)
    pl_item_set_string (spend, PL_SPEND_LINE, pl_item_get_id (line));
  pl_item_set_julian (spend, PL_SPEND_DATE, day);
  pl_item_set_int (spend, PL_SPEND_AMOUNT, amount);
  pl_item_set_int (spend, PL_SPEND_STATUS, status);
  load (plan, PL_COLLECTION_SPEND, spend);
}

/* A plan of 2027 in @currency with one line, "Paid search", planning @each in January to
 * June; no undo step yet. */
static PlPlan *
make_plan (const char *currency, gint64 each, PlItem **line_out)
{
  PlPlan *plan = pl_plan_new ();
  PlItem *metadata = PL_ITEM (pl_plan_get_metadata (plan));
  g_autoptr(PlItem) category = g_object_new (PL_TYPE_CATEGORY, NULL);
  g_autoptr(PlItem) line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
  gint64 planned[12] = { each, each, each, each, each, each };

  pl_item_set_string (metadata, PL_METADATA_CURRENCY, currency);
  pl_item_set_julian (metadata, PL_METADATA_START, julian (1, 1, 2027));
  pl_item_set_int (metadata, PL_METADATA_MONTHS, 12);
  pl_item_set_string (category, PL_CATEGORY_NAME, "Paid media");
  load (plan, PL_COLLECTION_CATEGORIES, category);
  pl_item_set_string (line, PL_BUDGET_LINE_NAME, "Paid search");
  pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, pl_item_get_id (category));
  pl_item_set_variant (line, PL_BUDGET_LINE_PLANNED,
                       g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, planned, 12, sizeof (gint64)));
  load (plan, PL_COLLECTION_LINES, line);
  *line_out = line;
  return plan;
}

/* Q1 of 1,000.00 a month: January spent 600 and ordered 100 (300 left), February spent
 * 1,500 (overspent: nothing), March had a 50 credit and nothing else (its plan, not more). */
static void
setup (Fixture *f, gconstpointer data)
{
  f->plan = make_plan ("EUR", 100000, &f->line);
  add_spend (f->plan, f->line, julian (10, 1, 2027), 60000, PL_SPEND_ACTUAL);
  add_spend (f->plan, f->line, julian (12, 1, 2027), 10000, PL_SPEND_COMMITTED);
  add_spend (f->plan, f->line, julian (3, 2, 2027), 150000, PL_SPEND_ACTUAL);
  add_spend (f->plan, f->line, julian (20, 3, 2027), -5000, PL_SPEND_ACTUAL);
  /* Unbudgeted spend is no line's. */
  add_spend (f->plan, NULL, julian (21, 1, 2027), 99900, PL_SPEND_ACTUAL);
  g_assert_false (pl_plan_can_undo (f->plan));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_object_unref (f->plan);
}

static gint64
planned (PlItem *line, int month)
{
  return pl_figures_line_planned (PL_BUDGET_LINE (line), month);
}

static void
test_unspent (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, JAN, JAN), ==, 30000);
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, FEB, FEB), ==, 0);
  /* March left its whole plan, but its quarter only 800.00. */
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, MAR, MAR), ==, 80000);
  /* February's overspend takes from what January and March left: the quarter left 800.00. */
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, JAN, MAR), ==, 80000);
  /* A month planning nothing has nothing to give. */
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, JUL, JUL), ==, 0);
}

static void
test_closed_months (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (pl_budget_carry_closed_months (f->plan, julian (31, 12, 2026)), ==, 0);
  g_assert_cmpuint (pl_budget_carry_closed_months (f->plan, julian (31, 1, 2027)), ==, 0);
  g_assert_cmpuint (pl_budget_carry_closed_months (f->plan, julian (1, 2, 2027)), ==, 1);
  g_assert_cmpuint (pl_budget_carry_closed_months (f->plan, julian (1, 4, 2027)), ==, 3);
  g_assert_cmpuint (pl_budget_carry_closed_months (f->plan, julian (1, 1, 2028)), ==, 12);
}

/* The window's day: today, or later when months were measured ahead; the day after the one
 * chosen for the figures. */
static void
test_as_of (Fixture *f, gconstpointer data)
{
  g_autoptr(PlItem) kpi = g_object_new (PL_TYPE_KPI, NULL);

  g_assert_cmpuint (pl_budget_carry_as_of (f->plan, julian (6, 12, 2026)), ==, julian (6, 12, 2026));
  pl_item_set_string (kpi, PL_KPI_NAME, "Leads");
  load (f->plan, PL_COLLECTION_KPIS, kpi);
  pl_series_set (pl_kpi_get_measurements (PL_KPI (kpi)), julian (1, 3, 2027), 120, NULL);
  g_assert_cmpuint (pl_budget_carry_as_of (f->plan, julian (6, 12, 2026)), ==, julian (1, 4, 2027));
  g_assert_cmpuint (pl_budget_carry_as_of (f->plan, julian (9, 9, 2027)), ==, julian (9, 9, 2027));
  pl_dashboard_choose_as_of (f->plan, julian (31, 1, 2027));
  g_assert_cmpuint (pl_budget_carry_as_of (f->plan, julian (9, 9, 2027)), ==, julian (1, 2, 2027));
  g_assert_cmpuint (pl_budget_carry_closed_months (f->plan, pl_budget_carry_as_of (f->plan, 0)), ==, 1);
}

/* All of Q1's 1,300.00 evenly over April–June: 433.33, 433.33 and 433.34; January gives its
 * 300, March its 1,000, February nothing. One step: undo takes back the amounts and the
 * record, redo brings both. */
static void
test_evenly_undo_redo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) moves = NULL;
  const char * const *carried;

  g_assert_true (pl_budget_carry (f->plan, f->line, JAN, MAR, APR, JUN, PL_CARRY_EVENLY, 80000,
                                  julian (1, 4, 2027), &error));
  g_assert_no_error (error);
  g_assert_cmpint (planned (f->line, JAN), ==, 81538);
  g_assert_cmpint (planned (f->line, FEB), ==, 100000);
  g_assert_cmpint (planned (f->line, MAR), ==, 38462);
  g_assert_cmpint (planned (f->line, APR), ==, 126666);
  g_assert_cmpint (planned (f->line, MAY), ==, 126666);
  g_assert_cmpint (planned (f->line, JUN), ==, 126668);
  g_assert_cmpint (planned (f->line, -1), ==, 600000);
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, JAN, MAR), ==, 0);
  carried = pl_item_get_strv (f->line, PL_BUDGET_LINE_CARRIED);
  g_assert_cmpstr (carried[0], ==, "2027-01 2027-03 2027-04 2027-06 800.00");
  g_assert_null (carried[1]);
  moves = pl_budget_carry_list (f->plan, f->line);
  g_assert_cmpuint (moves->len, ==, 1);
  g_assert_cmpuint (g_array_index (moves, PlCarry, 0).from_first, ==, JAN);
  g_assert_cmpuint (g_array_index (moves, PlCarry, 0).to_last, ==, JUN);
  g_assert_cmpint (g_array_index (moves, PlCarry, 0).amount, ==, 80000);
  g_assert_cmpint (pl_budget_carry_month_amount (f->plan, f->line, APR), ==, 26666);
  g_assert_cmpint (pl_budget_carry_month_amount (f->plan, f->line, JUN), ==, 26668);
  /* What each month of a source of several months gave is not recorded. */
  g_assert_cmpint (pl_budget_carry_month_amount (f->plan, f->line, JAN), ==, 0);
  g_assert_cmpint (pl_budget_carry_month_amount (f->plan, f->line, JUL), ==, 0);

  g_assert_true (pl_plan_can_undo (f->plan));
  g_assert_cmpstr (pl_plan_get_undo_label (f->plan), ==, "Carry Over Budget");
  g_assert_true (pl_plan_undo (f->plan));
  g_assert_false (pl_plan_can_undo (f->plan));
  g_assert_false (pl_plan_get_modified (f->plan));
  g_assert_cmpint (planned (f->line, MAR), ==, 100000);
  g_assert_cmpint (planned (f->line, APR), ==, 100000);
  g_assert_null (pl_item_get_strv (f->line, PL_BUDGET_LINE_CARRIED));
  g_assert_true (pl_plan_redo (f->plan));
  g_assert_cmpint (planned (f->line, JUN), ==, 126668);
  g_assert_cmpstr (pl_item_get_strv (f->line, PL_BUDGET_LINE_CARRIED)[0], ==, "2027-01 2027-03 2027-04 2027-06 800.00");
}

/* Part of Q1: the months give in proportion to what they left (300 : 1,000), to the cent. */
static void
test_partial (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 changes[12];

  g_assert_true (pl_budget_carry_preview (f->plan, f->line, JAN, MAR, APR, JUN, PL_CARRY_EVENLY, 65000,
                                          julian (1, 4, 2027), changes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changes[JAN], ==, -15000);
  g_assert_cmpint (changes[FEB], ==, 0);
  g_assert_cmpint (changes[MAR], ==, -50000);
  g_assert_cmpint (changes[APR] + changes[MAY] + changes[JUN], ==, 65000);
  g_assert_cmpint (changes[JUL], ==, 0);
  /* The preview is what the edit does. */
  g_assert_true (pl_budget_carry (f->plan, f->line, JAN, MAR, APR, JUN, PL_CARRY_EVENLY, 65000,
                                  julian (1, 4, 2027), &error));
  g_assert_cmpint (planned (f->line, JAN), ==, 100000 - 15000);
  g_assert_cmpint (planned (f->line, MAR), ==, 100000 - 50000);
  g_assert_cmpint (planned (f->line, JUN), ==, 100000 + 21668);
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, JAN, MAR), ==, 15000);

  /* Carried twice from the same quarter: no more than the quarter left in all. */
  g_assert_false (pl_budget_carry (f->plan, f->line, JAN, MAR, JUL, JUL, PL_CARRY_ONE_MONTH, 15001,
                                   julian (1, 4, 2027), &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (pl_budget_carry (f->plan, f->line, JAN, MAR, JUL, JUL, PL_CARRY_ONE_MONTH, 15000,
                                  julian (1, 4, 2027), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, JAN, MAR), ==, 0);
  /* Nor a month of it afterwards: January still left 30.00 of its own, which February's
   * overspend took. */
  {
    g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (f->plan);

    g_assert_cmpint (pl_budget_totals_line_remaining (totals, f->line, JAN), >, 0);
  }
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, JAN, JAN), ==, 0);
  g_assert_false (pl_budget_carry (f->plan, f->line, JAN, JAN, JUL, JUL, PL_CARRY_ONE_MONTH, 1,
                                   julian (1, 4, 2027), &error));
  g_clear_error (&error);
  /* Q1 now plans what it spent and ordered (2,100.00 spent, 100.00 ordered; March's 50.00
   * credit is not given away), the year unchanged. */
  g_assert_cmpint (planned (f->line, JAN) + planned (f->line, FEB) + planned (f->line, MAR), ==, 220000);
  g_assert_cmpint (planned (f->line, -1), ==, 600000);
}

/* Yen have no minor unit: 1,000 yen over three months is 333, 333 and 334. */
static void
test_evenly_jpy (void)
{
  PlItem *line;
  g_autoptr(PlPlan) plan = make_plan ("JPY", 5000, &line);
  g_autoptr(GError) error = NULL;

  add_spend (plan, line, julian (5, 1, 2027), 4000, PL_SPEND_ACTUAL);
  g_assert_cmpint (pl_budget_carry_unspent (plan, line, JAN, JAN), ==, 1000);
  g_assert_true (pl_budget_carry (plan, line, JAN, JAN, FEB, APR, PL_CARRY_EVENLY, 1000, julian (3, 2, 2027), &error));
  g_assert_no_error (error);
  g_assert_cmpint (planned (line, JAN), ==, 4000);
  g_assert_cmpint (planned (line, FEB), ==, 5333);
  g_assert_cmpint (planned (line, MAR), ==, 5333);
  g_assert_cmpint (planned (line, APR), ==, 5334);
  g_assert_cmpstr (pl_item_get_strv (line, PL_BUDGET_LINE_CARRIED)[0], ==, "2027-01 2027-01 2027-02 2027-04 1000");
  /* A month that was the only source gave the whole move. */
  g_assert_cmpint (pl_budget_carry_month_amount (plan, line, JAN), ==, -1000);
  g_assert_cmpint (pl_budget_carry_month_amount (plan, line, APR), ==, 334);
  /* Two yen over three months: the last takes both. */
  g_assert_true (pl_budget_carry (plan, line, FEB, FEB, MAR, MAY, PL_CARRY_EVENLY, 2, julian (1, 3, 2027), &error));
  g_assert_cmpint (planned (line, MAR), ==, 5333);
  g_assert_cmpint (planned (line, MAY), ==, 5002);
  g_assert_cmpint (pl_budget_carry_month_amount (plan, line, APR), ==, 334);
  g_assert_cmpint (pl_budget_carry_month_amount (plan, line, MAY), ==, 2);
}

static void
test_one_month (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_budget_carry (f->plan, f->line, JAN, JAN, MAY, MAY, PL_CARRY_ONE_MONTH, 25050,
                                  julian (1, 2, 2027), &error));
  g_assert_no_error (error);
  g_assert_cmpint (planned (f->line, JAN), ==, 100000 - 25050);
  g_assert_cmpint (planned (f->line, APR), ==, 100000);
  g_assert_cmpint (planned (f->line, MAY), ==, 100000 + 25050);
  g_assert_cmpstr (pl_item_get_strv (f->line, PL_BUDGET_LINE_CARRIED)[0], ==, "2027-01 2027-01 2027-05 2027-05 250.50");
  /* A second move is recorded after the first. March left its plan, 1,000.00, but Q1 only
   * 549.50 once February's overspend and January's move are counted. */
  g_assert_cmpint (pl_budget_carry_unspent (f->plan, f->line, MAR, MAR), ==, 80000 - 25050);
  g_assert_true (pl_budget_carry (f->plan, f->line, MAR, MAR, JUL, JUL, PL_CARRY_ONE_MONTH, 54950,
                                  julian (1, 4, 2027), &error));
  g_assert_cmpstr (pl_item_get_strv (f->line, PL_BUDGET_LINE_CARRIED)[1], ==, "2027-03 2027-03 2027-07 2027-07 549.50");
  g_assert_cmpint (pl_budget_carry_month_amount (f->plan, f->line, MAR), ==, -54950);
}

/* Each refusal says why in plain words and leaves the plan, its undo and "changed" alone. */
static void
test_errors (Fixture *f, gconstpointer data)
{
  static const struct {
    guint from_first, from_last, to_first, to_last;
    PlCarrySpread spread;
    gint64 amount;
    int day, month;
    const char *message;
  } cases[] = {
    { JAN, MAR, APR, JUN, PL_CARRY_EVENLY, 1000, 31, 3,
      "March 2027 has not ended yet: only the unspent budget of months that have ended can be carried over." },
    { JAN, JAN, JAN, FEB, PL_CARRY_EVENLY, 1000, 1, 4,
      "The budget of January 2027 can only be carried into later months, not into January–February 2027." },
    { FEB, MAR, JAN, JAN, PL_CARRY_ONE_MONTH, 1000, 1, 4,
      "The budget of February–March 2027 can only be carried into later months, not into January 2027." },
    { FEB, FEB, APR, APR, PL_CARRY_ONE_MONTH, 1000, 1, 4,
      "“Paid search” has nothing unspent in February 2027: its spend and orders used all it planned." },
    { JAN, MAR, APR, JUN, PL_CARRY_EVENLY, 80001, 1, 4,
      "Only 800 EUR is unspent in Q1 2027 on “Paid search”: 800.01 EUR cannot be carried." },
    { JAN, MAR, APR, JUN, PL_CARRY_EVENLY, 0, 1, 4, "The amount to carry must be more than zero." },
    { JAN, MAR, APR, JUN, PL_CARRY_EVENLY, -5, 1, 4, "The amount to carry must be more than zero." },
    { JAN, MAR, APR, JUN, PL_CARRY_ONE_MONTH, 1000, 1, 4, "Carrying into one month needs that one month." },
    { JAN, MAR, APR, 12, PL_CARRY_EVENLY, 1000, 1, 4,
      "The months to carry from and into must be months of the plan’s period, in order." },
    { MAR, JAN, APR, JUN, PL_CARRY_EVENLY, 1000, 1, 4,
      "The months to carry from and into must be months of the plan’s period, in order." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 changes[12];
      PlPlanState state;
      g_autofree char *expected = NULL;

      /* C writes money with a narrow no-break space between thousands. */
      expected = g_strdup (cases[i].message);
      {
        g_auto(GStrv) parts = g_strsplit (expected, "1 300", -1);
        g_free (expected);
        expected = g_strjoinv ("1\u202f300", parts);
      }
      {
        g_auto(GStrv) parts = g_strsplit (expected, " EUR", -1);
        g_free (expected);
        expected = g_strjoinv ("\u00a0EUR", parts);
      }
      pl_plan_state_begin (&state, f->plan);
      g_assert_false (pl_budget_carry (f->plan, f->line, cases[i].from_first, cases[i].from_last, cases[i].to_first,
                                       cases[i].to_last, cases[i].spread, cases[i].amount,
                                       julian (cases[i].day, cases[i].month, 2027), &error));
      g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
      g_assert_cmpstr (error->message, ==, expected);
      pl_plan_state_assert_unchanged (&state);
      g_clear_error (&error);
      g_assert_false (pl_budget_carry_preview (f->plan, f->line, cases[i].from_first, cases[i].from_last,
                                               cases[i].to_first, cases[i].to_last, cases[i].spread, cases[i].amount,
                                               julian (cases[i].day, cases[i].month, 2027), changes, &error));
      g_assert_cmpstr (error->message, ==, expected);
    }
}

/* A target month cannot hold more than a plan holds: refused with the rule's words. */
static void
test_too_large_target (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  PlPlanState state;

  g_assert_true (pl_plan_set_planned (f->plan, PL_BUDGET_LINE (f->line), APR, G_GINT64_CONSTANT (100000000000000), NULL));
  pl_plan_state_begin (&state, f->plan);
  g_assert_false (pl_budget_carry (f->plan, f->line, JAN, JAN, APR, APR, PL_CARRY_ONE_MONTH, 30000,
                                   julian (1, 2, 2027), &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "The amount planned for April 2027 on the budget line “Paid search” is above"));
  pl_plan_state_assert_unchanged (&state);
}

/* Written as the file format says, read back the same, described the same. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PlPlan) again = NULL;
  g_autoptr(GArray) before = NULL, after = NULL;
  PlItem *line;
  const char *text;

  g_assert_true (pl_budget_carry (f->plan, f->line, JAN, MAR, APR, JUN, PL_CARRY_EVENLY, 80000,
                                  julian (1, 4, 2027), &error));
  g_assert_true (pl_budget_carry (f->plan, f->line, APR, APR, MAY, MAY, PL_CARRY_ONE_MONTH, 126666,
                                  julian (1, 5, 2027), &error));
  g_assert_no_error (error);
  bytes = pl_plan_write_bytes (f->plan);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "version=\"1.4\""));
  g_assert_nonnull (strstr (text, "<carried>2027-01 2027-03 2027-04 2027-06 800.00</carried>"));
  g_assert_nonnull (strstr (text, "<carried>2027-04 2027-04 2027-05 2027-05 1266.66</carried>"));
  again = pl_plan_read_bytes (text, g_bytes_get_size (bytes), "again.pilote", PL_READ_SCHEMA, &error);
  g_assert_no_error (error);
  line = pl_plan_lookup (again, pl_item_get_id (f->line));
  before = pl_budget_carry_list (f->plan, f->line);
  after = pl_budget_carry_list (again, line);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpmem (before->data, before->len * sizeof (PlCarry), after->data, after->len * sizeof (PlCarry));
  for (guint m = 0; m < 12; m++)
    {
      g_autofree char *a = pl_budget_carry_describe_month (f->plan, f->line, m);
      g_autofree char *b = pl_budget_carry_describe_month (again, line, m);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpint (planned (f->line, m), ==, planned (line, m));
      g_assert_cmpint (pl_budget_carry_month_amount (f->plan, f->line, m), ==,
                       pl_budget_carry_month_amount (again, line, m));
    }
}

/* What the reader refuses, and what it keeps but no longer fits the period. */
static void
test_read (void)
{
  static const struct { const char *text; const char *message; } bad[] = {
    { "2027-01 2027-03 2027-04 2027-06", "it is not four months and an amount separated by spaces" },
    { "2027-01  2027-03 2027-04 2027-06 10.00", "it is not four months and an amount separated by spaces" },
    { "2027-1 2027-03 2027-04 2027-06 10.00", "“2027-1” is not a month (YYYY-MM)" },
    { "2027-00 2027-03 2027-04 2027-06 10.00", "“2027-00” is not a month (YYYY-MM)" },
    { "2027-03 2027-01 2027-04 2027-06 10.00", "a span of months ends before it starts" },
    { "2027-01 2027-03 2027-03 2027-06 10.00", "the months it went to do not come after those it came from" },
    { "2027-01 2027-03 2027-04 2027-06 10,00", "“10,00” is not an amount" },
    { "2027-01 2027-03 2027-04 2027-06 10.001", "“10.001” has more decimals than the currency allows (2)" },
    { "2027-01 2027-03 2027-04 2027-06 0.00", "the amount carried must be more than zero" },
    { "2027-01 2027-03 2027-04 2027-06 -5.00", "the amount carried must be more than zero" },
  };
  guint32 days[4];
  gint64 amount;

  g_assert_true (pl_budget_carry_read ("2026-11 2027-01 2027-02 2027-02 12.5", 2, days, &amount, NULL));
  g_assert_cmpuint (days[0], ==, julian (1, 11, 2026));
  g_assert_cmpuint (days[1], ==, julian (1, 1, 2027));
  g_assert_cmpuint (days[3], ==, julian (1, 2, 2027));
  g_assert_cmpint (amount, ==, 1250);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pl_budget_carry_read (bad[i].text, 2, days, &amount, &error));
      g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
      g_assert_true (g_str_has_prefix (error->message, bad[i].message));
    }

  {
    PlItem *line;
    g_autoptr(PlPlan) plan = make_plan ("EUR", 100000, &line);
    const char *carried[] = { "2026-11 2026-12 2027-01 2027-03 100.00", "bad", "2027-01 2027-01 2027-02 2027-02 1.00", NULL };
    g_autoptr(GArray) moves = NULL;

    g_autoptr(GPtrArray) problems = NULL;
    const PlProblem *problem;

    /* A move from before the period (the period changed since) is skipped, as is one that does
     * not read; validation says which, the first as a warning. */
    pl_item_set_strv (line, PL_BUDGET_LINE_CARRIED, carried);
    moves = pl_budget_carry_list (plan, line);
    g_assert_cmpuint (moves->len, ==, 1);
    g_assert_cmpint (g_array_index (moves, PlCarry, 0).amount, ==, 100);
    problems = pl_plan_validate (plan);
    g_assert_cmpuint (problems->len, ==, 2);
    problem = problems->pdata[0];
    g_assert_cmpstr (problem->message, ==, "The budget carried over “2026-11 2026-12 2027-01 2027-03 100.00” on the "
                                           "budget line “Paid search” names months outside the fiscal period (the "
                                           "period changed since): the budget no longer shows it.");
    g_assert_true (problem->warning);
    problem = problems->pdata[1];
    g_assert_true (g_str_has_prefix (problem->message, "The budget carried over “bad” on the budget line “Paid search” "
                                                       "does not read: it is not four months"));
    g_assert_false (problem->warning);
  }
}

static gboolean
use_locale (const char *locale, const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_message ("the %s locale is missing: run tools/install-deps", locale);
      g_test_fail ();
      return FALSE;
    }
  return TRUE;
}

/* A whole quarter as a quarter, one month by its name, other spans by their ends, in words;
 * where the budget went reads as the months the budget shows. */
static void
test_describe (void)
{
  static const struct {
    const char *locale, *language;
    const char *august, *april, *may, *january, *month, *span, *years, *fiscal;
  } cases[] = {
    { "fr_FR.UTF-8", "fr",
      "12\u202f000\u00a0€ reportés depuis T1 2027",
      "1\u202f300\u00a0€ reportés depuis T1 2027 sur avril–juin 2027\n250,50\u00a0€ reportés sur mai 2027",
      "1\u202f300\u00a0€ reportés depuis T1 2027 sur avril–juin 2027\n250,50\u00a0€ reportés depuis avril 2027",
      "1\u202f300\u00a0€ de T1 2027 reportés sur avril–juin 2027\n12\u202f000\u00a0€ de T1 2027 reportés sur août 2027",
      "mars 2027", "janvier–février 2027", "novembre 2026–janvier 2027", "T1 (octobre–décembre 2026)" },
    { "en_US.UTF-8", "en",
      "€12,000 carried from Q1 2027",
      "€1,300 carried from Q1 2027 into April–June 2027\n€250.50 carried into May 2027",
      "€1,300 carried from Q1 2027 into April–June 2027\n€250.50 carried from April 2027",
      "€1,300 of Q1 2027 carried into April–June 2027\n€12,000 of Q1 2027 carried into August 2027",
      "March 2027", "January–February 2027", "November 2026–January 2027", "Q1 (October–December 2026)" },
  };
  const char *carried[] = { "2027-01 2027-03 2027-04 2027-06 1300.00", "2027-04 2027-04 2027-05 2027-05 250.50",
                            "2027-01 2027-03 2027-08 2027-08 12000.00", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PlItem *line, *metadata;
      g_autoptr(PlPlan) plan = NULL;
      g_autoptr(PlPlan) fiscal = NULL;
      g_autofree char *august = NULL, *april = NULL, *may = NULL, *january = NULL, *july = NULL;
      g_autofree char *month = NULL, *span = NULL, *years = NULL, *quarter = NULL;

      if (!use_locale (cases[i].locale, cases[i].language))
        continue;
      plan = make_plan ("EUR", 100000, &line);
      pl_item_set_strv (line, PL_BUDGET_LINE_CARRIED, carried);
      august = pl_budget_carry_describe_month (plan, line, 7);
      april = pl_budget_carry_describe_month (plan, line, APR);
      may = pl_budget_carry_describe_month (plan, line, MAY);
      january = pl_budget_carry_describe_month (plan, line, JAN);
      july = pl_budget_carry_describe_month (plan, line, JUL);
      g_assert_cmpstr (august, ==, cases[i].august);
      g_assert_cmpstr (april, ==, cases[i].april);
      g_assert_cmpstr (may, ==, cases[i].may);
      g_assert_cmpstr (january, ==, cases[i].january);
      g_assert_null (july);

      month = pl_budget_carry_describe_months (plan, MAR, MAR);
      span = pl_budget_carry_describe_months (plan, JAN, FEB);
      g_assert_cmpstr (month, ==, cases[i].month);
      g_assert_cmpstr (span, ==, cases[i].span);
      /* A fiscal year from October: its first quarter is not the calendar's. */
      fiscal = pl_plan_new ();
      metadata = PL_ITEM (pl_plan_get_metadata (fiscal));
      pl_item_set_julian (metadata, PL_METADATA_START, julian (1, 10, 2026));
      pl_item_set_int (metadata, PL_METADATA_MONTHS, 12);
      years = pl_budget_carry_describe_months (fiscal, 1, 3);
      quarter = pl_budget_carry_describe_months (fiscal, 0, 2);
      g_assert_cmpstr (years, ==, cases[i].years);
      g_assert_cmpstr (quarter, ==, cases[i].fiscal);
    }
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
}

int
main (int argc, char **argv)
{
  pl_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  /* First: GLib decides at its first translation whether the program is translated. */
  g_test_add_func ("/budget-carry/describe", test_describe);
  g_test_add ("/budget-carry/unspent", Fixture, NULL, setup, test_unspent, teardown);
  g_test_add ("/budget-carry/closed-months", Fixture, NULL, setup, test_closed_months, teardown);
  g_test_add ("/budget-carry/as-of", Fixture, NULL, setup, test_as_of, teardown);
  g_test_add ("/budget-carry/evenly-undo-redo", Fixture, NULL, setup, test_evenly_undo_redo, teardown);
  g_test_add ("/budget-carry/partial", Fixture, NULL, setup, test_partial, teardown);
  g_test_add_func ("/budget-carry/evenly-jpy", test_evenly_jpy);
  g_test_add ("/budget-carry/one-month", Fixture, NULL, setup, test_one_month, teardown);
  g_test_add ("/budget-carry/errors", Fixture, NULL, setup, test_errors, teardown);
  g_test_add ("/budget-carry/too-large-target", Fixture, NULL, setup, test_too_large_target, teardown);
  g_test_add ("/budget-carry/round-trip", Fixture, NULL, setup, test_round_trip, teardown);
  g_test_add_func ("/budget-carry/read", test_read);
  return g_test_run ();
}
