/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a budget by months (pl-budget-import.h) into the example plan from every sheet of
 * tests/data/sheets/ (LibreOffice ODS and XLSX, openpyxl XLSX in both date systems, French,
 * Windows-1252 and English CSV), then from sheets made here for one rule each: the forms of
 * month headers, of amounts, a year written above the months, a fiscal year, lines matched
 * whatever their case and accents. The import is one undoable edit. */
#include <glib.h>
#include <string.h>

#include "pl-budget-import.h"
#include "pl-error.h"
#include "pl-plan-file.h"
#include "pl-plan-reader.h"
#include "pl-plan-writer.h"

static PlPlan *
example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "examples",
                                            "northwind-saas-2027.pilote", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_load (file, NULL, PL_READ_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* A plan of @months months from @start ("2027-04") with two categories and three lines. */
static PlPlan *
small_plan (const char *start, guint months)
{
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan xmlns=\"https://pilote.github.io/ns/plan\" version=\"1.0\">\n"
    "<metadata title=\"T\" currency=\"EUR\" start=\"%s\" months=\"%u\"/>\n"
    "<categories>\n"
    "<category id=\"cat-digital\" name=\"Digital marketing\" acquisition=\"true\"/>\n"
    "<category id=\"cat-events\" name=\"Événements\" acquisition=\"true\"/>\n"
    "</categories>\n"
    "<budget-lines>\n"
    "<line id=\"line-google\" category=\"cat-digital\" name=\"Google Ads – search\" horizon=\"short\" approval=\"approved\"/>\n"
    "<line id=\"line-salon\" category=\"cat-events\" name=\"Salon CFO\" horizon=\"short\" approval=\"approved\"/>\n"
    "<line id=\"line-salon2\" category=\"cat-digital\" name=\"Salon CFO\" horizon=\"short\" approval=\"approved\"/>\n"
    "</budget-lines>\n"
    "</plan>\n", start, months);
  g_autoptr(GError) error = NULL;
  PlPlan *plan = pl_plan_read_bytes (xml, strlen (xml), "t.pilote", PL_READ_DEFAULT, &error);

  g_assert_no_error (error);
  return plan;
}

static PlSheet *
fixture (const char *name, const char *sheet_name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "sheets", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlSheet *sheet = pl_sheet_read_file (file, sheet_name, &error);

  g_assert_no_error (error);
  return sheet;
}

static PlSheet *
csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  PlSheet *sheet = pl_sheet_read_bytes ((const guint8 *) text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  return sheet;
}

static PlBudgetPreview *
preview_ok (PlPlan *plan, const PlSheet *sheet)
{
  g_autoptr(GError) error = NULL;
  PlBudgetPreview *preview = pl_budget_import_preview (plan, sheet, &error);

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  return preview;
}

static const PlBudgetLineChange *
change_named (const PlBudgetPreview *preview, const char *name)
{
  for (guint i = 0; i < preview->lines->len; i++)
    if (g_str_equal (((PlBudgetLineChange *) g_ptr_array_index (preview->lines, i))->name, name))
      return g_ptr_array_index (preview->lines, i);
  g_error ("no line “%s” in the preview", name);
  return NULL;
}

static const PlBudgetColumn *
column_of_kind (const PlBudgetPreview *preview, PlBudgetColumnKind kind, int month)
{
  for (guint i = 0; i < preview->columns->len; i++)
    {
      const PlBudgetColumn *column = g_ptr_array_index (preview->columns, i);
      if (column->kind == kind && (kind != PL_BUDGET_COLUMN_MONTH || column->month == month))
        return column;
    }
  return NULL;
}

static const PlBudgetRow *
row_numbered (const PlBudgetPreview *preview, guint number)
{
  for (guint i = 0; i < preview->rows->len; i++)
    if (((PlBudgetRow *) g_ptr_array_index (preview->rows, i))->row == number)
      return g_ptr_array_index (preview->rows, i);
  return NULL;
}

static PlItem *
line_named (PlPlan *plan, const char *name)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      if (g_strcmp0 (pl_item_get_string (line, PL_BUDGET_LINE_NAME), name) == 0)
        return line;
    }
  return NULL;
}

static gint64
planned (PlItem *line, guint month)
{
  GVariant *amounts = pl_item_get_variant (line, PL_BUDGET_LINE_PLANNED);
  gsize n = 0;
  const gint64 *values = amounts ? g_variant_get_fixed_array (amounts, &n, sizeof (gint64)) : NULL;

  return month < n ? values[month] : 0;
}

/* What every sheet of the fixtures says, against the example plan: LinkedIn, Intent data and
 * Webinar unchanged, Google changed to 22,000 a month, Salon CFO Paris new in Event
 * management, Co-marketing avec Sage new in a new category, Partenariats. */
static void
check_fixture_preview (PlPlan *plan, const PlBudgetPreview *preview)
{
  const PlBudgetLineChange *google = change_named (preview, "GOOGLE ADS - Search");
  const PlBudgetLineChange *salon = change_named (preview, "Salon CFO Paris");
  const PlBudgetLineChange *sage = change_named (preview, "Co-marketing avec Sage");
  g_autofree char *described = pl_budget_import_describe_line (plan, google);

  g_assert_cmpuint (preview->n_new, ==, 2);
  g_assert_cmpuint (preview->n_unchanged, ==, 3);
  g_assert_cmpint (change_named (preview, "LinkedIn Ads – finance audiences")->status, ==, PL_BUDGET_LINE_UNCHANGED);
  g_assert_cmpint (change_named (preview, "Intent data")->status, ==, PL_BUDGET_LINE_UNCHANGED);
  /* Matched whatever the case and the kind of dash. */
  g_assert_cmpint (google->status, ==, PL_BUDGET_LINE_CHANGED);
  g_assert_true (google->line == (PlBudgetLine *) pl_plan_lookup (plan, "line-google"));
  for (guint m = 0; m < 12; m++)
    {
      g_assert_cmpint (google->previous[m], ==, 2000000);
      g_assert_cmpint (google->amounts[m], ==, 2200000);
    }
  g_assert_nonnull (strstr (described, "January 2027 to December 2027: 20\u202f000\u00a0EUR → 22\u202f000\u00a0EUR"));
  g_assert_cmpint (salon->status, ==, PL_BUDGET_LINE_NEW);
  g_assert_true (salon->category == (PlCategory *) pl_plan_lookup (plan, "cat-events"));
  g_assert_cmpint (salon->amounts[4], ==, 500000);
  g_assert_cmpint (salon->amounts[5], ==, 1500000);
  g_assert_cmpint (salon->amounts[0], ==, 0);
  g_assert_null (sage->category);
  g_assert_cmpstr (sage->category_name, ==, "Partenariats");
  g_assert_cmpuint (g_strv_length (preview->new_categories), ==, 1);
  g_assert_cmpstr (preview->new_categories[0], ==, "Partenariats");
}

/* Applies @preview, checks the plan, undoes to the same bytes, redoes. */
static void
check_apply (PlPlan *plan, const PlBudgetPreview *preview)
{
  g_autoptr(GBytes) before = pl_plan_write_bytes (plan);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  guint n_lines = g_list_model_get_n_items (lines), n_categories = pl_plan_get_n (plan, PL_COLLECTION_CATEGORIES);
  PlItem *salon, *sage, *category;

  g_assert_cmpuint (pl_budget_import_apply (plan, preview, &error), ==, preview->n_new + preview->n_changed);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import Budget");
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n_lines + 2);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CATEGORIES), ==, n_categories + 1);
  g_assert_cmpint (planned (pl_plan_lookup (plan, "line-google"), 6), ==, 2200000);
  salon = line_named (plan, "Salon CFO Paris");
  g_assert_nonnull (salon);
  g_assert_cmpstr (pl_item_get_string (salon, PL_BUDGET_LINE_CATEGORY), ==, "cat-events");
  g_assert_cmpint (planned (salon, 5), ==, 1500000);
  /* Under its category: right after the category's last line, not at the end of the list. */
  {
    g_autoptr(PlItem) before_salon = NULL;
    guint position = 0;
    for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
      {
        g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
        if (line == salon)
          position = i;
      }
    before_salon = g_list_model_get_item (lines, position - 1);
    g_assert_cmpstr (pl_item_get_id (before_salon), ==, "line-webinars");
  }
  sage = line_named (plan, "Co-marketing avec Sage");
  category = pl_plan_lookup (plan, pl_item_get_string (sage, PL_BUDGET_LINE_CATEGORY));
  g_assert_cmpstr (pl_item_get_string (category, PL_CATEGORY_NAME), ==, "Partenariats");
  /* One undo takes all of it back, to the byte. */
  g_assert_true (pl_plan_undo (plan));
  undone = pl_plan_write_bytes (plan);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_redo (plan));
  g_assert_nonnull (line_named (plan, "Salon CFO Paris"));
  g_assert_true (pl_plan_undo (plan));
}

static void
test_libreoffice (void)
{
  const char *files[] = { "budget-lo.ods", "budget-lo.xlsx", "budget-lo.fods" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(PlPlan) plan = example ();
      g_autoptr(PlSheet) sheet = fixture (files[i], NULL);
      g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);
      const PlBudgetLineChange *intent = change_named (preview, "Intent data");

      check_fixture_preview (plan, preview);
      g_assert_cmpuint (preview->n_changed, ==, 1);
      g_assert_cmpuint (preview->n_skipped, ==, 0);
      /* Below the title and the year merged over the months. */
      g_assert_cmpuint (preview->header_row, ==, 4);
      g_assert_cmpuint (column_of_kind (preview, PL_BUDGET_COLUMN_CATEGORY, -1)->column, ==, 0);
      g_assert_cmpuint (column_of_kind (preview, PL_BUDGET_COLUMN_NAME, -1)->column, ==, 1);
      g_assert_cmpuint (column_of_kind (preview, PL_BUDGET_COLUMN_MONTH, 0)->column, ==, 2);
      g_assert_cmpstr (column_of_kind (preview, PL_BUDGET_COLUMN_MONTH, 7)->header, ==, "août");
      g_assert_cmpuint (column_of_kind (preview, PL_BUDGET_COLUMN_TOTAL, -1)->column, ==, 14);
      /* Subtotals left out; the category merged down carries to every line under it. */
      g_assert_cmpint (row_numbered (preview, 8)->kind, ==, PL_BUDGET_ROW_TOTAL);
      g_assert_cmpint (row_numbered (preview, 13)->kind, ==, PL_BUDGET_ROW_TOTAL);
      g_assert_cmpint (row_numbered (preview, 10)->kind, ==, PL_BUDGET_ROW_LINE);
      /* The total typed wrong is said, and the months imported. */
      g_assert_nonnull (intent->note);
      g_assert_nonnull (strstr (intent->note, "18\u202f500\u00a0EUR"));
      g_assert_nonnull (strstr (intent->note, "18\u202f000\u00a0EUR"));
      g_assert_null (change_named (preview, "LinkedIn Ads – finance audiences")->note);
      g_assert_nonnull (preview->notes[0]);
      check_apply (plan, preview);
    }
}

static void
test_openpyxl (void)
{
  const char *files[] = { "budget-openpyxl.xlsx", "budget-1904.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(PlPlan) plan = example ();
      g_autoptr(PlSheet) sheet = fixture (files[i], NULL);
      g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);
      const PlBudgetLineChange *training = change_named (preview, "Training and certifications");
      g_autofree char *refund = NULL, *martech = NULL;

      check_fixture_preview (plan, preview);
      g_assert_cmpuint (preview->header_row, ==, 1);
      g_assert_null (column_of_kind (preview, PL_BUDGET_COLUMN_CATEGORY, -1));
      g_assert_cmpstr (column_of_kind (preview, PL_BUDGET_COLUMN_MONTH, 0)->header, ==, "2027-01-01");
      g_assert_cmpint (row_numbered (preview, 2)->kind, ==, PL_BUDGET_ROW_CATEGORY);
      g_assert_cmpint (row_numbered (preview, 6)->kind, ==, PL_BUDGET_ROW_TOTAL);
      /* Amounts typed as text, with a currency sign and thousands. */
      g_assert_cmpint (training->amounts[0], ==, 300000);
      g_assert_cmpint (training->amounts[1], ==, 300000);
      g_assert_cmpint (training->amounts[2], ==, 0);
      /* A credit and a word where amounts go: skipped, and said. */
      g_assert_cmpuint (preview->n_skipped, ==, 2);
      refund = pl_budget_import_describe_row (row_numbered (preview, 15));
      martech = pl_budget_import_describe_row (row_numbered (preview, 16));
      g_assert_cmpstr (refund, ==, "Row 15: “Refund from agency” skipped, “(500)” in February 2027 is negative, "
                                   "and a budget plans no credits.");
      g_assert_cmpstr (martech, ==, "Row 16: “Martech subscriptions” skipped, “n/a” in January 2027 is not an amount.");
      /* The formulas of the total column have no results: nothing to check them against. */
      g_assert_null (change_named (preview, "Intent data")->note);
    }
}

static void
test_csv_fixtures (void)
{
  const char *files[] = { "budget-fr.csv", "budget-fr-cp1252.csv", "budget-en.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(PlPlan) plan = example ();
      g_autoptr(PlSheet) sheet = fixture (files[i], NULL);
      g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);

      check_fixture_preview (plan, preview);
      g_assert_cmpuint (preview->n_skipped, ==, 0);
      g_assert_cmpint (preview->decimal, ==, i < 2 ? ',' : '.');
      check_apply (plan, preview);
    }
}

/* A sheet of the first quarter: the other months stay as they are; "(500)" is refused. */
static void
test_some_months (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlSheet) sheet = fixture ("budget-m.csv", NULL);
  g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);
  const PlBudgetLineChange *google = change_named (preview, "Google Ads – search");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (google->amounts[0], ==, 2500000);
  g_assert_cmpint (google->amounts[2], ==, 2500000);
  g_assert_cmpint (google->amounts[3], ==, 2000000);
  g_assert_cmpint (google->amounts[11], ==, 2000000);
  g_assert_cmpuint (preview->n_skipped, ==, 1);
  g_assert_cmpuint (pl_budget_import_apply (plan, preview, &error), ==, 1);
  g_assert_cmpint (planned (pl_plan_lookup (plan, "line-google"), 3), ==, 2000000);
  g_assert_cmpint (planned (pl_plan_lookup (plan, "line-seo"), 2), ==, 650000);
}

/* Every form of month header, in one sheet; and relative months. */
static void
test_month_forms (void)
{
  g_autoptr(PlPlan) plan = small_plan ("2027-01", 12);
  g_autoptr(PlSheet) sheet = csv ("Line;2027-01;Feb 2027;mars 2027;04/2027;M5;Jun-27;juillet;2027-08-31;"
                                  "September 2027;oct. 2027;202711;Décembre\n"
                                  "Google Ads – search;1;2;3;4;5;6;7;8;9;10;11;12\n");
  g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);
  const PlBudgetLineChange *google = change_named (preview, "Google Ads – search");

  for (int m = 0; m < 12; m++)
    {
      g_assert_nonnull (column_of_kind (preview, PL_BUDGET_COLUMN_MONTH, m));
      g_assert_cmpint (google->amounts[m], ==, (m + 1) * 100);
    }
}

/* A month merged over several figures, named in the row under it (as finance's sheets and
 * Pilote's own export write them): each month is read from its budget's column, whatever the
 * figures' order and language; the other figures and the spend on no line are left alone. */
static void
test_figure_columns (void)
{
  g_autoptr(PlPlan) plan = small_plan ("2027-01", 12);
  g_autoptr(PlSheet) sheet = csv ("Ligne;janv. 2027;;;févr. 2027;;;Total;;;mars 2027;\n"
                                  ";Réalisé;Budget prévu;Écart;Engagé;PRÉVU;Reste;Budgété;Réalisé;Écart;Réalisé;Écart\n"
                                  "Google Ads – search;9;1;8;7;2;5;3;12;9;4;4\n"
                                  "Dépenses hors budget;5;0;0;4;0;0;0;0;0;0;0\n"
                                  "Total de la catégorie;9;1;8;7;2;5;3;12;9;4;4\n");
  g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);
  const PlBudgetLineChange *google = change_named (preview, "Google Ads – search");
  const PlBudgetColumn *total = column_of_kind (preview, PL_BUDGET_COLUMN_TOTAL, -1);

  g_assert_cmpuint (column_of_kind (preview, PL_BUDGET_COLUMN_MONTH, 0)->column, ==, 2);
  g_assert_cmpuint (column_of_kind (preview, PL_BUDGET_COLUMN_MONTH, 1)->column, ==, 5);
  g_assert_cmpstr (column_of_kind (preview, PL_BUDGET_COLUMN_MONTH, 1)->header, ==, "févr. 2027 / PRÉVU");
  g_assert_nonnull (total);
  g_assert_cmpuint (total->column, ==, 7);
  g_assert_cmpint (google->amounts[0], ==, 100);
  g_assert_cmpint (google->amounts[1], ==, 200);
  g_assert_null (google->note);
  /* March has only the actual spend and its variance: no budget to read. */
  g_assert_null (column_of_kind (preview, PL_BUDGET_COLUMN_MONTH, 2));
  g_assert_cmpint (google->amounts[2], ==, 0);
  g_assert_cmpuint (preview->lines->len, ==, 1);
  g_assert_cmpuint (preview->n_skipped, ==, 0);
  g_assert_cmpint (row_numbered (preview, 2) == NULL, ==, TRUE);
  g_assert_cmpint (row_numbered (preview, 4)->kind, ==, PL_BUDGET_ROW_IGNORED);
  g_assert_cmpint (row_numbered (preview, 5)->kind, ==, PL_BUDGET_ROW_TOTAL);
  g_assert_true (g_strv_contains ((const char * const *) preview->notes,
                                  "Row 2 names the figures under each month: the budget is read from “Budget prévu”, "
                                  "and “Réalisé”, “Écart”, “Engagé”, “Reste” are left alone."));
}

/* One header row naming the figure beside the month, before or after it. */
static void
test_figure_headings (void)
{
  g_autoptr(PlPlan) plan = small_plan ("2027-01", 12);
  g_autoptr(PlSheet) sheet = csv ("Line;Jan 2027 Planned;Actual Jan 2027;Budget févr. 2027;Feb 2027 Actual;"
                                  "Planned Mar 2027;Réalisé mars 2027;Budget 2027\n"
                                  "Google Ads – search;1;9;2;9;3;9;6\n");
  g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);
  const PlBudgetLineChange *google = change_named (preview, "Google Ads – search");

  g_assert_cmpint (google->amounts[0], ==, 100);
  g_assert_cmpint (google->amounts[1], ==, 200);
  g_assert_cmpint (google->amounts[2], ==, 300);
  g_assert_cmpuint (column_of_kind (preview, PL_BUDGET_COLUMN_MONTH, 2)->column, ==, 5);
  for (guint i = 0; i < preview->columns->len; i++)
    {
      const PlBudgetColumn *column = g_ptr_array_index (preview->columns, i);
      if (column->column == 2 || column->column == 4 || column->column == 6)
        {
          g_assert_cmpint (column->kind, ==, PL_BUDGET_COLUMN_IGNORED);
          g_assert_cmpstr (column->reason, ==, "another figure than the budget");
        }
    }
  g_assert_cmpuint (preview->n_skipped, ==, 0);
}

/* Month headers as bare serial numbers (date cells that lost their format) read as months;
 * amounts the size of serial numbers in the rows under them do not make a header. */
static void
test_serial_headers (void)
{
  g_autoptr(PlPlan) plan = small_plan ("2027-01", 12);
  g_autoptr(PlSheet) sheet = csv ("Line;46388;46419;46447\n"
                                  "Google Ads – search;46000;46001;46002;46003\n"
                                  "Salon CFO;46388;46419;46447\n");
  g_autoptr(PlBudgetPreview) preview = NULL;

  /* CSV cells are text: made numbers here, as an XLSX without styles gives them. */
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      PlSheetRow *row = g_ptr_array_index (sheet->rows, r);
      for (guint c = 1; c < row->n_cells; c++)
        {
          row->cells[c].kind = PL_SHEET_CELL_NUMBER;
          row->cells[c].number = g_ascii_strtod (row->cells[c].text, NULL);
        }
    }
  preview = preview_ok (plan, sheet);
  g_assert_cmpuint (preview->header_row, ==, 1);
  g_assert_cmpint (change_named (preview, "Google Ads – search")->amounts[2], ==, 4600200);
  g_assert_nonnull (strstr (preview->notes[0], "serial numbers"));
}

/* A fiscal year from April: "janvier" is January of the second year; a month before the
 * period is a column left out, and said. */
static void
test_fiscal_year (void)
{
  g_autoptr(PlPlan) plan = small_plan ("2027-04", 12);
  g_autoptr(PlSheet) sheet = csv ("Poste;mars 2027;avril;janvier;M12\nGoogle Ads – search;9;4;1;3\n");
  g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);
  const PlBudgetLineChange *google = change_named (preview, "Google Ads – search");
  const PlBudgetColumn *march = g_ptr_array_index (preview->columns, 1);
  g_autofree char *said = pl_budget_import_describe_column (plan, march);

  g_assert_cmpint (march->kind, ==, PL_BUDGET_COLUMN_IGNORED);
  g_assert_cmpstr (said, ==, "Column B “mars 2027”: not read (a month outside the plan’s period)");
  g_assert_cmpint (google->amounts[0], ==, 400);
  g_assert_cmpint (google->amounts[9], ==, 100);
  g_assert_cmpint (google->amounts[11], ==, 300);
  g_assert_nonnull (preview->notes[0]);
}

/* "janvier" under a "2026" merged above is January 2026, not the plan's January: refused
 * rather than read into the wrong year. */
static void
test_year_above (void)
{
  g_autoptr(PlPlan) plan = small_plan ("2027-01", 12);
  g_autoptr(PlSheet) sheet = csv (";2026;;\nPoste;janvier;février;mars\nGoogle Ads – search;1;2;3\n");
  g_autoptr(PlSheet) right = csv (";2027\nPoste;janvier;février;mars\nGoogle Ads – search;1;2;3\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlBudgetPreview) refused = pl_budget_import_preview (plan, sheet, &error);
  g_autoptr(PlBudgetPreview) preview = NULL;

  g_assert_null (refused);
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "outside the plan’s period"));
  preview = preview_ok (plan, right);
  g_assert_cmpuint (preview->header_row, ==, 2);
  g_assert_cmpint (change_named (preview, "Google Ads – search")->amounts[2], ==, 300);
}

/* Amounts as people type them, with a decimal comma and with a decimal point. */
static void
test_amount_forms (void)
{
  g_autoptr(PlPlan) plan = small_plan ("2027-01", 12);
  g_autoptr(PlSheet) french = csv ("Poste;M1;M2;M3;M4;M5;M6\n"
                                   "Google Ads – search;1 234,56 €;1.234,5;-;12,5;EUR 300;\u202f2\u202f000\u00a0€\n");
  g_autoptr(PlSheet) english = csv ("Line,M1,M2,M3,M4,M5,M6\n"
                                    "Google Ads – search,\"$1,234.56\",1'234.50,–,12.5,300 USD,\"2,000\"\n");
  g_autoptr(PlBudgetPreview) fr = preview_ok (plan, french);
  g_autoptr(PlBudgetPreview) en = preview_ok (plan, english);
  const gint64 expected[] = { 123456, 123450, 0, 1250, 30000, 200000 };

  g_autoptr(PlSheet) hurried = csv ("Line,M1,M2,M3\nGoogle Ads – search,\"$1,234.56\",\"1,5\",3\n"
                                    "Salon CFO,12 5,1,2\nPodcast ads,1,2,3\n");
  g_autoptr(PlBudgetPreview) typo = preview_ok (plan, hurried);
  g_autofree char *comma = pl_budget_import_describe_row (row_numbered (typo, 2));
  g_autofree char *space = pl_budget_import_describe_row (row_numbered (typo, 3));

  /* Typed in a hurry: no amount, said, rather than 15 or 125. */
  g_assert_cmpuint (typo->n_skipped, ==, 2);
  g_assert_cmpstr (comma, ==, "Row 2: “Google Ads – search” skipped, “1,5” in February 2027 is not an amount.");
  g_assert_cmpstr (space, ==, "Row 3: “Salon CFO” skipped, “12 5” in January 2027 is not an amount.");
  g_assert_cmpint (fr->decimal, ==, ',');
  g_assert_cmpint (en->decimal, ==, '.');
  for (guint m = 0; m < G_N_ELEMENTS (expected); m++)
    {
      g_assert_cmpint (change_named (fr, "Google Ads – search")->amounts[m], ==, expected[m]);
      g_assert_cmpint (change_named (en, "Google Ads – search")->amounts[m], ==, expected[m]);
    }
}

/* Names match whatever their case, accents and spaces; where two categories have the name,
 * the sheet's category decides; a line twice in the sheet is read once. */
static void
test_matching (void)
{
  g_autoptr(PlPlan) plan = small_plan ("2027-01", 12);
  g_autoptr(PlSheet) sheet = csv ("Catégorie;Poste;M1\n"
                                  "digital MARKETING;  google ads — SEARCH ;10\n"
                                  "evenements;salon  cfo;20\n"
                                  "EVENEMENTS;Salon CFO;30\n"
                                  ";Nouveau salon;40\n"
                                  "Sous-total;;100\n");
  g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);
  const PlBudgetLineChange *google = g_ptr_array_index (preview->lines, 0);
  const PlBudgetLineChange *salon = g_ptr_array_index (preview->lines, 1);
  const PlBudgetLineChange *added = g_ptr_array_index (preview->lines, 2);
  g_autofree char *again = pl_budget_import_describe_row (row_numbered (preview, 4));

  g_assert_true (google->line == (PlBudgetLine *) pl_plan_lookup (plan, "line-google"));
  g_assert_true (salon->line == (PlBudgetLine *) pl_plan_lookup (plan, "line-salon"));
  g_assert_cmpstr (again, ==, "Row 4: “Salon CFO” skipped, the same line as row 3, which is read.");
  /* The category in force carries down to a line whose category cell is empty. */
  g_assert_true (added->category == (PlCategory *) pl_plan_lookup (plan, "cat-events"));
  g_assert_cmpint (row_numbered (preview, 6)->kind, ==, PL_BUDGET_ROW_TOTAL);
  g_assert_null (preview->new_categories[0]);
}

/* New lines with no category anywhere go into one category made for them, said. */
static void
test_no_category (void)
{
  g_autoptr(PlPlan) plan = small_plan ("2027-01", 12);
  g_autoptr(PlSheet) sheet = csv ("Line;M1\nPodcast ads;10\nNewsletter sponsoring;20\n");
  g_autoptr(PlBudgetPreview) preview = preview_ok (plan, sheet);
  g_autoptr(GError) error = NULL;
  g_autofree char *said = pl_budget_import_describe_line (plan, g_ptr_array_index (preview->lines, 0));

  g_assert_cmpstr (preview->new_categories[0], ==, "Imported");
  g_assert_null (preview->new_categories[1]);
  g_assert_cmpstr (said, ==, "Row 2: “Podcast ads” new, in Imported: 10\u00a0EUR over 1 month (a new category)");
  g_assert_cmpuint (pl_budget_import_apply (plan, preview, &error), ==, 2);
  g_assert_cmpuint (pl_plan_get_n (plan, PL_COLLECTION_CATEGORIES), ==, 3);
}

/* Sheets that are no budget by months say why. */
static void
test_refused (void)
{
  const struct { const char *text; const char *words; } cases[] = {
    { "Name;Owner\nGoogle;Claire\n", "No row of the sheet names months" },
    { "Poste;janv. 2030;févr. 2030\nGoogle;1;2\n", "outside the plan’s period" },
    { "Poste;M1;M2\nTotal;1;2\n", "No row under the months of row 1 is a budget line" },
    { "Poste;M1;M2\nGoogle;#REF!;2\n", "No row under the months of row 1 reads as a budget line. Row 2: “Google” skipped, "
                                        "“#REF!” in January 2027 is not an amount." },
    { ";M1;M2\n;1;2\n", "holds the budget lines’ names" },
  };
  g_autoptr(PlPlan) plan = small_plan ("2027-01", 12);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlSheet) sheet = csv (cases[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlBudgetPreview) preview = pl_budget_import_preview (plan, sheet, &error);

      g_assert_null (preview);
      g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].words);
    }
}

/* Importing the same sheet twice: the second time, every line is unchanged and nothing is done. */
static void
test_again (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlSheet) sheet = fixture ("budget-lo.xlsx", NULL);
  g_autoptr(PlBudgetPreview) first = preview_ok (plan, sheet);
  g_autoptr(PlBudgetPreview) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (pl_budget_import_apply (plan, first, &error), ==, 3);
  second = preview_ok (plan, sheet);
  g_assert_cmpuint (second->n_new, ==, 0);
  g_assert_cmpuint (second->n_changed, ==, 0);
  g_assert_cmpuint (second->n_unchanged, ==, 6);
  g_assert_null (second->new_categories[0]);
  g_assert_cmpuint (pl_budget_import_apply (plan, second, &error), ==, 0);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import Budget");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/budget-import/libreoffice", test_libreoffice);
  g_test_add_func ("/budget-import/openpyxl", test_openpyxl);
  g_test_add_func ("/budget-import/csv-fixtures", test_csv_fixtures);
  g_test_add_func ("/budget-import/some-months", test_some_months);
  g_test_add_func ("/budget-import/month-forms", test_month_forms);
  g_test_add_func ("/budget-import/figure-columns", test_figure_columns);
  g_test_add_func ("/budget-import/figure-headings", test_figure_headings);
  g_test_add_func ("/budget-import/serial-headers", test_serial_headers);
  g_test_add_func ("/budget-import/fiscal-year", test_fiscal_year);
  g_test_add_func ("/budget-import/year-above", test_year_above);
  g_test_add_func ("/budget-import/amount-forms", test_amount_forms);
  g_test_add_func ("/budget-import/matching", test_matching);
  g_test_add_func ("/budget-import/no-category", test_no_category);
  g_test_add_func ("/budget-import/refused", test_refused);
  g_test_add_func ("/budget-import/again", test_again);
  return g_test_run ();
}
