/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Committed and unbudgeted spend (issue 23) said the same everywhere: `pilote-cli summary`
 * run as a program on a saved plan, the report's budget section and the budget totals the
 * Budget page shows (tests/app/test-budget.c checks the page against the same totals). The
 * example plan, with an order not yet invoiced and two entries on no line. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pl-budget-totals.h"
#include "pl-figures.h"
#include "pl-money.h"
#include "pl-plan-file.h"
#include "pl-report-text.h"
#include "pl-unbudgeted.h"
#include "../pl-test-scratch.h"

static PlItem *
add_spend (PlPlan *plan, const char *line, guint month, gint64 amount, PlSpendStatus status, const char *vendor)
{
  g_autoptr(PlItem) entry = g_object_new (PL_TYPE_SPEND, NULL);

  if (line != NULL)
    pl_item_set_string (entry, PL_SPEND_LINE, line);
  pl_item_set_julian (entry, PL_SPEND_DATE, pl_plan_month_start (plan, month) + 4);
  pl_item_set_int (entry, PL_SPEND_AMOUNT, amount);
  pl_item_set_int (entry, PL_SPEND_STATUS, status);
  pl_item_set_string (entry, PL_SPEND_VENDOR, vendor);
  pl_plan_add (plan, entry);
  return entry;
}

/* The summary's line that starts with @label (after its indent), or NULL. */
static char *
line_of (const char *out, const char *label)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), label))
      return g_strdup (lines[i]);
  return NULL;
}

/* The summary's table cells are numbers with two decimals, their digits grouped as the rest
 * of the summary groups them (LC_ALL=C.UTF-8: a narrow no-break space). */
static char *
cli_amount (gint64 minor)
{
  g_autofree char *plain = g_strdup_printf ("%.2f", (double) minor / 100);

  return pl_number_localise (plain, TRUE);
}

/* The report's row named @name, its cell @column. */
static const char *
report_cell (PlReportTableText *table, const char *name, guint column)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = table->rows->pdata[r];
      if (g_strcmp0 (cells[0], name) == 0)
        return cells[column];
    }
  return NULL;
}

/* A whole amount as the report writes it: "5 000 EUR", rounded. */
static char *
report_amount (PlPlan *plan, gint64 minor)
{
  return pl_money_format (pl_money_from_major (round ((double) minor / 100), 2), 2, pl_plan_get_currency (plan));
}

static void
test_agree (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("PILOTE_SOURCE_ROOT"), "data", "examples",
                                              "northwind-saas-2027.pilote", NULL);
  g_autofree char *dir = pl_test_scratch_make ("pilote-cli-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "plan.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GFile) saved = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlan) plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);
  g_autoptr(PlBudgetTotals) totals = NULL;
  g_autoptr(PlUnbudgeted) unbudgeted = NULL;
  g_autoptr(PlReportTableText) report = NULL;
  g_autofree char *out = NULL, *err = NULL, *flag = NULL;
  const char *argv[] = { g_getenv ("PILOTE_CLI"), "summary", path, "--as-of", "2027-06-20", NULL };
  guint32 as_of;
  int status = 0;
  gint64 no_line, spent;
  GDate day;

  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, G_DATE_JUNE, 2027);
  as_of = g_date_get_julian (&day);
  /* An order for LinkedIn in June, not invoiced; a trade show stand in March and a print run
   * ordered in April, on no line. */
  add_spend (plan, "line-linkedin", 5, 1234500, PL_SPEND_COMMITTED, "LinkedIn Ireland");
  add_spend (plan, NULL, 2, 420000, PL_SPEND_ACTUAL, "Trade show stand");
  add_spend (plan, NULL, 3, 80000, PL_SPEND_COMMITTED, "Print agency");
  g_assert_true (pl_plan_save (plan, saved, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", out);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  totals = pl_budget_totals_new (plan);
  unbudgeted = pl_unbudgeted_new (plan, totals);
  report = pl_report_budget_table (plan, as_of, FALSE);
  no_line = pl_unbudgeted_actual_between (plan, pl_plan_get_start (plan), as_of + 1);
  spent = pl_figures_actual_between (plan, pl_plan_get_start (plan), as_of + 1, FALSE);
  /* Only the stand is spent on no line; the print run is ordered, not spent. */
  g_assert_cmpint (no_line, ==, 420000);
  g_assert_cmpint (pl_budget_totals_committed (totals, NULL, -1), ==, 1234500 + 80000);

  /* The row of spend on no line, and the total spent, in the summary and the report. */
  {
    g_autofree char *row = line_of (out, "Unbudgeted (no line)");
    g_autofree char *total = line_of (out, "Total");
    g_autofree char *cli_no_line = cli_amount (no_line);
    g_autofree char *cli_spent = cli_amount (spent);
    g_autofree char *rep_no_line = report_amount (plan, no_line);
    g_autofree char *rep_spent = report_amount (plan, spent);

    g_assert_nonnull (row);
    g_assert_nonnull (strstr (row, cli_no_line));
    g_assert_nonnull (total);
    g_assert_nonnull (strstr (total, cli_spent));
    g_assert_cmpstr (report_cell (report, "Unbudgeted (no line)", 3), ==, rep_no_line);
    g_assert_cmpstr (report_cell (report, "All categories", 3), ==, rep_spent);
  }
  /* Committed and what remains: the totals' figures, in the summary and the report. */
  {
    guint exponent = pl_plan_get_currency_exponent (plan);
    g_autofree char *committed = pl_money_format (pl_budget_totals_committed (totals, NULL, -1), exponent, "EUR");
    g_autofree char *remaining = pl_money_format (pl_budget_totals_remaining (totals, NULL, -1), exponent, "EUR");
    g_autofree char *rep_committed = report_amount (plan, pl_budget_totals_committed (totals, NULL, -1));
    g_autofree char *rep_remaining = report_amount (plan, pl_budget_totals_remaining (totals, NULL, -1));
    g_autoptr(GString) joined = g_string_new (NULL);
    g_autofree char *after = NULL;
    g_autofree char *line = line_of (out, "Committed:");

    for (guint i = 0; i < report->after->len; i++)
      g_string_append_printf (joined, "%s\n", (const char *) report->after->pdata[i]);
    after = g_string_free (g_steal_pointer (&joined), FALSE);
    g_assert_nonnull (line);
    g_assert_nonnull (strstr (line, committed));
    g_assert_nonnull (strstr (line, remaining));
    g_assert_nonnull (strstr (after, rep_committed));
    g_assert_nonnull (strstr (after, rep_remaining));
    /* The flag, word for word the Budget page's banner, in the summary and the report. */
    flag = pl_unbudgeted_describe (plan, unbudgeted);
    g_assert_nonnull (flag);
    g_assert_nonnull (strstr (out, flag));
    g_assert_nonnull (strstr (after, flag));
  }
  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);
    g_unlink (backup);
  }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-budget/agree", test_agree);
  return g_test_run ();
}
