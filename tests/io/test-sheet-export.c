/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The spreadsheet export (pl-sheet-export.h), read back by an independent reader: each file
 * is written as XLSX and CSV, then check-sheet.py reads them with openpyxl and Python's csv
 * module and compares them with the figures the core gives (written here into a JSON file):
 * the cells, their number formats, the formulas and their cached results, the frozen panes,
 * the sheet's name, and the CSV's values. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-budget-totals.h"
#include "pl-error.h"
#include "pl-figures.h"
#include "pl-io-test-util.h"
#include "pl-plan-file.h"
#include "pl-sheet-export.h"

static PlPlan *
load (const char *first, const char *name)
{
  g_autofree char *path = g_str_equal (first, "example")
    ? g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "examples", name, NULL)
    : g_build_filename (g_getenv ("G_TEST_SRCDIR"), "io", "sheets", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_SCHEMA, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* ---- the expectations, as JSON ---- */

static void
json_string (GString *out, const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '"' || *p == '\\')
      g_string_append_printf (out, "\\%c", *p);
    else if ((guchar) *p < 0x20)
      g_string_append_printf (out, "\\u%04x", *p);
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '"');
}

/* A cell the test expects: its row by the text of its first two columns, its column by its
 * headings, and its value. Keys end the JSON object the caller opened. */
static void
expect_cell (GString *cells, const char *a, const char *b, const char *top, const char *bottom)
{
  if (cells->len > 1)
    g_string_append (cells, ",\n");
  g_string_append (cells, "{\"row\": [");
  json_string (cells, a);
  g_string_append (cells, ", ");
  json_string (cells, b);
  g_string_append (cells, "], \"column\": [");
  json_string (cells, top);
  g_string_append (cells, ", ");
  json_string (cells, bottom);
  g_string_append (cells, "]");
}

static void
expect_value (GString *cells, const char *a, const char *b, const char *top, const char *bottom, double value,
              const char *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  expect_cell (cells, a, b, top, bottom);
  g_string_append_printf (cells, ", \"value\": %s", g_ascii_dtostr (buffer, sizeof buffer, value));
  if (format != NULL)
    {
      g_string_append (cells, ", \"format\": ");
      json_string (cells, format);
    }
  g_string_append (cells, "}");
}

static void
expect_money (GString *cells, PlPlan *plan, const char *a, const char *b, const char *top, const char *bottom,
              gint64 amount)
{
  expect_value (cells, a, b, top, bottom, amount / pow (10, pl_plan_get_currency_exponent (plan)), NULL);
}

static void
expect_text (GString *cells, const char *a, const char *b, const char *top, const char *text)
{
  expect_cell (cells, a, b, top, NULL);
  g_string_append (cells, ", \"text\": ");
  json_string (cells, text);
  g_string_append (cells, "}");
}

static char *
month_heading (PlPlan *plan, guint month)
{
  GDate date;
  char text[64];

  g_date_set_julian (&date, pl_plan_month_start (plan, month));
  g_date_strftime (text, sizeof text, "%b %Y", &date);
  return g_strdup (text);
}

/* Runs check-sheet.py on the expectations; fails the test with what it says. */
static void
run_checker (const char *dir, const char *json)
{
  g_autofree char *path = g_build_filename (dir, "expect.json", NULL);
  g_autofree char *script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "io", "check-sheet.py", NULL);
  const char *python = g_getenv ("PILOTE_PYTHON") ? g_getenv ("PILOTE_PYTHON") : "/usr/bin/python3";
  const char *argv[] = { python, script, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-sheet.py failed:\n%s%s", out, err);
}

/* Writes @what of @plan as XLSX and CSV into @dir and has them checked against @cells. */
static void
export_and_check (PlPlan *plan, PlSheetWhat what, const char *dir, const char *freeze, guint header_rows,
                  const char *money_format, guint min_formulas, GString *cells)
{
  g_autofree char *xlsx = g_strdup_printf ("%s/%s.xlsx", dir, pl_sheet_what_key (what));
  g_autofree char *csv = g_strdup_printf ("%s/%s.csv", dir, pl_sheet_what_key (what));
  g_autoptr(GString) json = g_string_new ("{\"xlsx\": ");
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_sheet_export (plan, what, PL_SHEET_XLSX, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (pl_sheet_export (plan, what, PL_SHEET_CSV, csv, &error));
  g_assert_no_error (error);
  json_string (json, xlsx);
  g_string_append (json, ", \"csv\": ");
  json_string (json, csv);
  g_string_append (json, ", \"sheet\": ");
  json_string (json, pl_sheet_what_title (what));
  g_string_append_printf (json, ", \"freeze\": \"%s\", \"header_rows\": %u, \"formulas\": %u, \"exponent\": %u, ",
                          freeze, header_rows, min_formulas, pl_plan_get_currency_exponent (plan));
  g_string_append (json, "\"csv_separator\": \",\", \"csv_decimal\": \".\", \"money_format\": ");
  json_string (json, money_format);
  g_string_append_printf (json, ", \"cells\": [%s]}\n", cells->str + 1);
  run_checker (dir, json->str);
}

/* Every line, category total, the unbudgeted spend and the total, for the period and each
 * month, as PlBudgetTotals (the budget page's figures) has them. */
static void
check_budget (PlPlan *plan, const char *money_format)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-sheet");
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  g_autoptr(GString) cells = g_string_new ("[");
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);
  guint months = pl_plan_get_months (plan);

  for (int m = -1; m < (int) months; m++)
    {
      g_autofree char *top = m < 0 ? g_strdup ("Total") : month_heading (plan, (guint) m);

      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
          PlItem *category = pl_plan_lookup (plan, pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY));
          const char *a = pl_item_get_display_name (category), *b = pl_item_get_display_name (line);
          gint64 planned = pl_budget_totals_line_planned (totals, line, m);
          gint64 actual = pl_budget_totals_line_actual (totals, line, m);

          expect_money (cells, plan, a, b, top, "Planned", planned);
          expect_money (cells, plan, a, b, top, "Committed", pl_budget_totals_line_committed (totals, line, m));
          expect_money (cells, plan, a, b, top, "Actual", actual);
          expect_money (cells, plan, a, b, top, "Variance", pl_figures_variance (planned, actual));
        }
      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(PlItem) category = g_list_model_get_item (categories, i);
          const char *a = pl_item_get_display_name (category);

          expect_money (cells, plan, a, "Category total", top, "Planned", pl_budget_totals_planned (totals, category, m));
          expect_money (cells, plan, a, "Category total", top, "Committed", pl_budget_totals_committed (totals, category, m));
          expect_money (cells, plan, a, "Category total", top, "Actual", pl_budget_totals_actual (totals, category, m));
        }
      expect_money (cells, plan, NULL, "Unbudgeted spend (on no budget line)", top, "Actual",
                    pl_budget_totals_unbudgeted (totals, m));
      expect_money (cells, plan, NULL, "Unbudgeted spend (on no budget line)", top, "Committed",
                    pl_budget_totals_unbudgeted_committed (totals, m));
      expect_money (cells, plan, "Total", NULL, top, "Planned", pl_budget_totals_planned (totals, NULL, m));
      expect_money (cells, plan, "Total", NULL, top, "Committed", pl_budget_totals_committed (totals, NULL, m));
      expect_money (cells, plan, "Total", NULL, top, "Actual", pl_budget_totals_actual (totals, NULL, m));
    }
  export_and_check (plan, PL_SHEET_BUDGET, dir, "C3", 2, money_format, 10, cells);
  pl_io_test_remove_tree (dir);
}

static void
check_campaigns (PlPlan *plan, const char *money_format, GString *cells)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-sheet");
  GListModel *campaigns = pl_plan_get_collection (plan, PL_COLLECTION_CAMPAIGNS);
  gint64 allocated_sum = 0, actual_sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(PlItem) campaign = g_list_model_get_item (campaigns, i);
      const char *name = pl_item_get_display_name (campaign);
      /* What the campaign page shows (pl-campaigns-page.c). */
      gint64 allocated = pl_figures_campaign_allocated (plan, PL_CAMPAIGN (campaign));
      gint64 actual = pl_figures_campaign_actual (plan, PL_CAMPAIGN (campaign));
      guint32 start = pl_item_get_julian (campaign, PL_CAMPAIGN_START);

      expect_money (cells, plan, name, NULL, "Allocated", NULL, allocated);
      expect_money (cells, plan, name, NULL, "Actual spend", NULL, actual);
      expect_money (cells, plan, name, NULL, "Remaining", NULL, allocated - actual);
      if (start != 0)
        {
          GDate date;
          char day[16];

          g_date_set_julian (&date, start);
          g_date_strftime (day, sizeof day, "%Y-%m-%d", &date);
          expect_cell (cells, name, NULL, "Starts", NULL);
          g_string_append_printf (cells, ", \"date\": \"%s\"}", day);
        }
      allocated_sum += allocated;
      actual_sum += actual;
    }
  expect_money (cells, plan, "Total", NULL, "Allocated", NULL, allocated_sum);
  expect_money (cells, plan, "Total", NULL, "Actual spend", NULL, actual_sum);
  export_and_check (plan, PL_SHEET_CAMPAIGNS, dir, "B2", 1, money_format,
                    g_list_model_get_n_items (campaigns) > 0 ? 3 : 0, cells);
  pl_io_test_remove_tree (dir);
}

static void
check_kpis (PlPlan *plan, const char *money_format)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-sheet");
  g_autoptr(GString) cells = g_string_new ("[");
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      gint64 unit = pl_item_get_int (kpi, PL_KPI_UNIT);

      for (guint m = 0; m < pl_plan_get_months (plan); m++)
        {
          g_autofree char *top = month_heading (plan, m);
          guint32 from = pl_plan_month_start (plan, m);
          guint32 to = m + 1 < pl_plan_get_months (plan) ? pl_plan_month_start (plan, m + 1) : pl_plan_get_end (plan);
          /* The measurements grid's values (pl-measurements-grid.c). */
          double actual = pl_figures_kpi_value (plan, PL_KPI (kpi), from, to);
          double target = pl_figures_kpi_target (plan, PL_KPI (kpi), from, to);
          const char *format = unit == PL_UNIT_PERCENT ? "0.0%" : unit == PL_UNIT_CURRENCY ? money_format : NULL;

          if (!isnan (actual) && (format != NULL || actual == floor (actual)))
            expect_value (cells, pl_item_get_display_name (kpi), NULL, top, "Actual", actual,
                          format != NULL ? format : unit == PL_UNIT_RATIO ? "0.00\"×\"" : "#,##0");
          if (!isnan (target) && format != NULL)
            expect_value (cells, pl_item_get_display_name (kpi), NULL, top, "Target", target, format);
        }
    }
  export_and_check (plan, PL_SHEET_KPIS, dir, "C3", 2, money_format, 0, cells);
  pl_io_test_remove_tree (dir);
}

static void
test_example (void)
{
  g_autoptr(PlPlan) plan = load ("example", "northwind-saas-2027.pilote");
  g_autoptr(GString) cells = g_string_new ("[");

  check_budget (plan, "#,##0.00 \"€\"");
  check_kpis (plan, "#,##0.00 \"€\"");
  check_campaigns (plan, "#,##0.00 \"€\"", cells);
}

/* Unbudgeted spend, a credit, committed spend, an empty category, names with commas, quotes,
 * a line break and formula-looking text ("=1+1", written as text, never run). */
static void
test_edge (void)
{
  g_autoptr(PlPlan) plan = load ("sheets", "edge-eur.pilote");
  g_autoptr(PlBudgetTotals) totals = pl_budget_totals_new (plan);
  g_autoptr(GString) cells = g_string_new ("[");

  /* The fixture has what the test is about. */
  g_assert_cmpint (pl_budget_totals_unbudgeted (totals, -1), ==, 7510);
  g_assert_cmpint (pl_budget_totals_unbudgeted_committed (totals, -1), ==, 4000);
  g_assert_cmpint (pl_budget_totals_line_actual (totals, pl_plan_lookup (plan, "l1"), 0), ==, 120000 - 15025);
  check_budget (plan, "#,##0.00 \"€\"");
  check_kpis (plan, "#,##0.00 \"€\"");
  expect_text (cells, "=1+1", NULL, "Campaign", "=1+1");
  expect_text (cells, "=1+1", NULL, "Channel", "@channel");
  expect_text (cells, "Spring, \"launch\"", NULL, "Owner", "=HYPERLINK(\"http://x\")");
  expect_text (cells, "Spring, \"launch\"", NULL, "Segment", "SMB; France");
  expect_text (cells, "Spring, \"launch\"", NULL, "Linked KPIs", "Leads, Cost, per lead");
  check_campaigns (plan, "#,##0.00 \"€\"", cells);
}

/* No decimals in yen. */
static void
test_jpy (void)
{
  g_autoptr(PlPlan) plan = load ("sheets", "edge-jpy.pilote");
  g_autoptr(GString) cells = g_string_new ("[");

  g_assert_cmpuint (pl_plan_get_currency_exponent (plan), ==, 0);
  check_budget (plan, "#,##0 \"¥\"");
  check_campaigns (plan, "#,##0 \"¥\"", cells);
}

/* A new plan: categories with no line, nothing spent, no campaign. */
static void
test_no_spend (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Empty");
  g_autoptr(GString) cells = g_string_new ("[");

  check_budget (plan, "#,##0.00 \"€\"");
  check_campaigns (plan, "#,##0.00 \"€\"", cells);
}

/* A plan that books no spending: its spend is the spend KPI's measurements, the whole plan's
 * and no line's, on a row of its own so that the total still adds up. */
static void
test_spend_from_kpi (void)
{
  g_autoptr(PlPlan) plan = load ("example", "northwind-saas-2027.pilote");
  GListModel *spend = pl_plan_get_collection (plan, PL_COLLECTION_SPEND);
  g_autoptr(PlSheetTable) table = NULL;
  g_autoptr(PlBudgetTotals) totals = NULL;

  while (g_list_model_get_n_items (spend) > 0)
    {
      g_autoptr(PlItem) entry = g_list_model_get_item (spend, 0);
      pl_plan_remove (plan, entry);
    }
  g_assert_cmpint (pl_figures_spend_source (plan), ==, PL_SPEND_FROM_KPI);
  totals = pl_budget_totals_new (plan);
  g_assert_cmpint (pl_budget_totals_actual (totals, NULL, -1), >, 0);
  table = pl_sheet_table_new (plan, PL_SHEET_BUDGET);
  g_assert_cmpstr (pl_sheet_table_get (table, table->n_rows - 2, 1)->text, ==,
                   "Spend measured by the spend KPI (no spending records)");
  check_budget (plan, "#,##0.00 \"€\"");
}

/* The exact formulas of the example's budget: what finance audits. */
static void
test_formulas (void)
{
  g_autoptr(PlPlan) plan = load ("example", "northwind-saas-2027.pilote");
  g_autoptr(PlSheetTable) table = pl_sheet_table_new (plan, PL_SHEET_BUDGET);
  const PlSheetTableCell *cell;
  guint last = table->n_rows - 1;

  g_assert_cmpuint (table->n_columns, ==, 2 + 13 * 4);
  /* The first line: its variance, its period's planned. */
  cell = pl_sheet_table_get (table, 2, 5);
  g_assert_cmpint (cell->kind, ==, PL_SHEET_NUMBER);
  g_assert_cmpstr (cell->formula, ==, "E3-C3");
  cell = pl_sheet_table_get (table, 2, 2 + 12 * 4);
  g_assert_cmpstr (cell->formula, ==, "SUM(C3,G3,K3,O3,S3,W3,AA3,AE3,AI3,AM3,AQ3,AU3)");
  /* The total sums the category totals and the unbudgeted spend. */
  g_assert_cmpint (pl_sheet_table_role (table, last), ==, PL_SHEET_ROW_TOTAL);
  cell = pl_sheet_table_get (table, last, 2);
  g_assert_true (g_str_has_prefix (cell->formula, "SUM(C"));
  {
    g_auto(GStrv) terms = g_strsplit (cell->formula, ",", -1);
    g_assert_cmpuint (g_strv_length (terms), ==, 10 + 1);
  }
  g_assert_cmpint (pl_sheet_table_role (table, last - 1), ==, PL_SHEET_ROW_BODY);
  g_assert_cmpstr (pl_sheet_table_get (table, last - 1, 1)->text, ==, "Unbudgeted spend (on no budget line)");
}

static void
test_format_for_path (void)
{
  g_autoptr(GError) error = NULL;
  PlSheetFormat format;

  g_assert_true (pl_sheet_format_for_path ("/tmp/a.XLSX", &format, NULL));
  g_assert_cmpint (format, ==, PL_SHEET_XLSX);
  g_assert_true (pl_sheet_format_for_path ("b.csv", &format, NULL));
  g_assert_cmpint (format, ==, PL_SHEET_CSV);
  g_assert_false (pl_sheet_format_for_path ("/tmp/budget.ods", &format, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "“budget.ods” ends in neither .xlsx nor .csv: name the file NAME.xlsx for an "
                                       "Excel workbook or NAME.csv for a CSV file.");
}

/* ---- writing that fails leaves what was there ---- */

static void
assert_only (const char *dir, const char *name)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, <=, 1);
}

static void
export_expecting (const char *path, PlSheetFormat format, int code, const char *words)
{
  g_autoptr(PlPlan) plan = load ("example", "northwind-saas-2027.pilote");
  g_autoptr(GError) error = NULL;

  if (pl_sheet_export (plan, PL_SHEET_BUDGET, format, path, &error))
    _exit (3);
  if (!g_error_matches (error, PL_ERROR, code) || strstr (error->message, words) == NULL)
    {
      g_printerr ("%s\n", error->message);
      _exit (4);
    }
  _exit (0);
}

static int
wait_child (pid_t pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

static void
test_full_disk (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-sheet");
  g_autofree char *path = g_build_filename (dir, "budget.xlsx", NULL);

  for (PlSheetFormat format = PL_SHEET_XLSX; format <= PL_SHEET_CSV; format++)
    {
      pid_t pid;

      g_assert_true (g_file_set_contents (path, "the old file", -1, NULL));
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          struct rlimit limit = { 2048, 2048 };

          /* A file size limit makes writes fail as on a full disk (EFBIG instead of ENOSPC). */
          signal (SIGXFSZ, SIG_IGN);
          setrlimit (RLIMIT_FSIZE, &limit);
          export_expecting (path, format, PL_ERROR_FILE, "because the disk is full");
        }
      g_assert_cmpint (wait_child (pid), ==, 0);
      {
        g_autofree char *contents = NULL;
        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, "the old file");
      }
      assert_only (dir, "budget.xlsx");
    }
  pl_io_test_remove_tree (dir);
}

/* A rate reads in the CSV as it was measured, 0.017, not as the double nearest it written
 * out to 17 digits (0.017000000000000001). */
static void
test_csv_shortest (void)
{
  g_autoptr(PlPlan) plan = load ("example", "northwind-saas-2027.pilote");
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-sheet");
  g_autofree char *path = g_build_filename (dir, "kpis.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_sheet_export (plan, PL_SHEET_KPIS, PL_SHEET_CSV, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "\nMonthly churn rate,Percentage,0.017,0.015,0.0165,0.015,"));
  g_assert_null (strstr (contents, "0000000"));
  pl_io_test_remove_tree (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-sheet");
  g_autofree char *path = g_build_filename (dir, "budget.csv", NULL);
  struct passwd *nobody = getpwnam ("nobody");
  pid_t pid;

  if (geteuid () == 0 && nobody == NULL)
    {
      g_test_skip ("root writes anywhere, and there is no user nobody to be instead");
      return;
    }
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* root writes anywhere; a read-only folder only stops an ordinary user. */
      if (geteuid () == 0 && (setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0))
        _exit (6);
      export_expecting (path, PL_SHEET_CSV, PL_ERROR_READ_ONLY, "is read-only (permission denied)");
    }
  g_assert_cmpint (wait_child (pid), ==, 0);
  assert_only (dir, NULL);
  pl_io_test_remove_tree (dir);
}

static void
test_no_folder (void)
{
  g_autoptr(PlPlan) plan = pl_plan_new_default ("Plan");
  g_autofree char *dir = pl_io_test_temp_dir ("pilote-sheet");
  g_autofree char *missing = g_build_filename (dir, "gone", "budget.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (pl_sheet_export (plan, PL_SHEET_BUDGET, PL_SHEET_XLSX, missing, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "budget.xlsx: The spreadsheet was not written, because the folder"));
  g_assert_nonnull (strstr (error->message, "does not exist. Choose another folder."));
  g_clear_error (&error);
  /* A folder's name. */
  g_assert_false (pl_sheet_export (plan, PL_SHEET_BUDGET, PL_SHEET_CSV, dir, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "because this is the name of a folder"));
  assert_only (dir, NULL);
  pl_io_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheet-export/example", test_example);
  g_test_add_func ("/sheet-export/edge", test_edge);
  g_test_add_func ("/sheet-export/jpy", test_jpy);
  g_test_add_func ("/sheet-export/no-spend", test_no_spend);
  g_test_add_func ("/sheet-export/spend-from-kpi", test_spend_from_kpi);
  g_test_add_func ("/sheet-export/formulas", test_formulas);
  g_test_add_func ("/sheet-export/format-for-path", test_format_for_path);
  g_test_add_func ("/sheet-export/full-disk", test_full_disk);
  g_test_add_func ("/sheet-export/csv-shortest", test_csv_shortest);
  g_test_add_func ("/sheet-export/read-only-folder", test_read_only_folder);
  g_test_add_func ("/sheet-export/no-folder", test_no_folder);
  return g_test_run ();
}
