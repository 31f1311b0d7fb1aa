/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing measurements from CSV exports (tests/io/csv/): GA4's wide file with comment
 * lines and a byte-order mark, a European CRM's semicolons and decimal commas with every
 * kind of bad row, quoted fields over several lines, and files that cannot be used at all;
 * the import is one undoable edit. */
#include <glib.h>
#include <math.h>

#include "pl-error.h"
#include "pl-measurement-import.h"
#include "pl-plan-file.h"

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

static char *
fixture (const char *name, gsize *length)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "io", "csv", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, length, NULL));
  return text;
}

static guint32
day (int y, int m, int d)
{
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static double
measured (PlPlan *plan, const char *kpi, guint32 julian)
{
  const PlPoint *point = pl_series_lookup (pl_kpi_get_measurements (PL_KPI (pl_plan_lookup (plan, kpi))), julian);
  return point ? point->value : NAN;
}

static void
test_ga4_wide (void)
{
  g_autoptr(PlPlan) plan = example ();
  gsize length;
  g_autofree char *text = fixture ("ga4-wide.csv", &length);
  PlImportOptions options = { .thousands = ',', .source = "GA4" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportPreview) preview = pl_import_preview (plan, text, (gssize) length, &options, &error);
  double before = measured (plan, "kpi-visitors", day (2027, 1, 1));

  g_assert_no_error (error);
  g_assert_cmpint (preview->delimiter, ==, ',');
  g_assert_cmpuint (preview->n_records, ==, 3);
  g_assert_cmpstr (preview->header[1], ==, "Unique visitors");
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  /* Visitors three times, leads twice (March's cell is empty: not measured, not an error). */
  g_assert_cmpuint (preview->rows->len, ==, 5);
  {
    PlImportRow *first = &g_array_index (preview->rows, PlImportRow, 0);
    PlImportRow *second = &g_array_index (preview->rows, PlImportRow, 2);
    g_assert_cmpuint (first->row, ==, 8);
    g_assert_cmpstr (pl_item_get_id (first->kpi), ==, "kpi-visitors");
    g_assert_cmpuint (first->date, ==, day (2027, 1, 1));
    g_assert_cmpfloat (first->value, ==, 31000);
    g_assert_cmpfloat (first->previous, ==, before);
    g_assert_cmpfloat (second->value, ==, 32500);
  }
  /* Nothing changed yet; applying is one undoable step, undone exactly. */
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_cmpuint (pl_import_apply (plan, preview, "GA4"), ==, 5);
  g_assert_cmpfloat (measured (plan, "kpi-visitors", day (2027, 1, 1)), ==, 31000);
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import 5 Measurements");
  g_assert_true (pl_plan_undo (plan));
  g_assert_cmpfloat (measured (plan, "kpi-visitors", day (2027, 1, 1)), ==, before);
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_redo (plan));
  g_assert_cmpfloat (measured (plan, "kpi-leads", day (2027, 2, 1)), ==, 655);
}

static void
test_crm_rejections (void)
{
  g_autoptr(PlPlan) plan = example ();
  gsize length;
  g_autofree char *text = fixture ("crm-semicolon.csv", &length);
  PlImportOptions options = { .decimal = ',', .date_format = PL_IMPORT_DATE_DMY };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportPreview) preview = pl_import_preview (plan, text, (gssize) length, &options, &error);
  static const char *reasons[] = {
    "Row 4: “Sessions” is not a KPI of this plan.",
    "Row 5: “31/04/2027” is not a date in this file’s format.",
    "Row 6: “12,5x” is not a number in this file’s format.",
    "Row 7: “Cost per lead” is computed from its formula; import the KPIs it is computed from.",
    "Row 9: a second value for “Leads” on the same date (row 8 has one).",
  };

  g_assert_no_error (error);
  g_assert_cmpint (preview->delimiter, ==, ';');
  g_assert_cmpuint (preview->rows->len, ==, 3);
  g_assert_cmpfloat (g_array_index (preview->rows, PlImportRow, 1).value, ==, 230.5);
  /* By ID as well as by name. */
  g_assert_cmpstr (pl_item_get_id (g_array_index (preview->rows, PlImportRow, 2).kpi), ==, "kpi-leads");
  g_assert_cmpuint (preview->rejected->len, ==, G_N_ELEMENTS (reasons));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[i])->message, ==, reasons[i]);
}

static void
test_quoted (void)
{
  g_autoptr(PlPlan) plan = example ();
  gsize length;
  g_autofree char *text = fixture ("quoted.csv", &length);
  PlImportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportPreview) preview = pl_import_preview (plan, text, (gssize) length, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->rows->len, ==, 3);
  /* A record over two lines: the next one starts on line 4. */
  g_assert_cmpuint (g_array_index (preview->rows, PlImportRow, 1).row, ==, 4);
  g_assert_cmpfloat (g_array_index (preview->rows, PlImportRow, 1).value, ==, 12);
  /* "1.4%" of a percentage KPI is the fraction 0.014. */
  g_assert_cmpfloat (fabs (g_array_index (preview->rows, PlImportRow, 2).value - 0.014), <, 1e-12);
}

static void
test_bad_files (void)
{
  static const struct { const char *file; const char *message; } bad[] = {
    { "unclosed.csv", "The quoted field opened on line 2 is never closed." },
    { "not-utf8.csv", "Line 2 is not UTF-8 text: save the file as UTF-8 (in a spreadsheet, “CSV UTF-8”)." },
    { "header-only.csv", "The file has a header line but no data under it." },
    { "empty.csv", "The file holds no data." },
  };
  g_autoptr(PlPlan) plan = example ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gsize length;
      g_autofree char *text = fixture (bad[i].file, &length);
      PlImportOptions options = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(PlImportPreview) preview = pl_import_preview (plan, text, (gssize) length, &options, &error);

      g_assert_null (preview);
      g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
      g_assert_cmpstr (error->message, ==, bad[i].message);
    }
  {
    PlImportOptions options = { .date_column = "When" };
    g_autoptr(GError) error = NULL;
    g_autoptr(PlImportPreview) preview = pl_import_preview (plan, "date,kpi,value\n2027-01-01,kpi-leads,3\n", -1, &options, &error);
    g_assert_null (preview);
    g_assert_cmpstr (error->message, ==, "The file has no column “When” for the dates.");
  }
}

static void
test_dates (void)
{
  g_assert_cmpuint (pl_import_parse_date ("2027-03-31", PL_IMPORT_DATE_ISO), ==, day (2027, 3, 31));
  g_assert_cmpuint (pl_import_parse_date ("31/03/2027", PL_IMPORT_DATE_DMY), ==, day (2027, 3, 31));
  g_assert_cmpuint (pl_import_parse_date ("03/31/2027", PL_IMPORT_DATE_MDY), ==, day (2027, 3, 31));
  g_assert_cmpuint (pl_import_parse_date ("31.03.2027", PL_IMPORT_DATE_DMY), ==, day (2027, 3, 31));
  g_assert_cmpuint (pl_import_parse_date ("20270331", PL_IMPORT_DATE_COMPACT), ==, day (2027, 3, 31));
  g_assert_cmpuint (pl_import_parse_date ("2027-03", PL_IMPORT_DATE_MONTH), ==, day (2027, 3, 1));
  g_assert_cmpuint (pl_import_parse_date ("202703", PL_IMPORT_DATE_MONTH), ==, day (2027, 3, 1));
  g_assert_cmpuint (pl_import_parse_date ("03/31/2027", PL_IMPORT_DATE_AUTO), ==, day (2027, 3, 31));
  g_assert_cmpuint (pl_import_parse_date ("2027-02-30", PL_IMPORT_DATE_ISO), ==, 0);
  g_assert_cmpuint (pl_import_parse_date ("2027-3-1", PL_IMPORT_DATE_ISO), ==, 0);
  g_assert_cmpuint (pl_import_parse_date ("yesterday", PL_IMPORT_DATE_AUTO), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/ga4-wide", test_ga4_wide);
  g_test_add_func ("/import/crm-rejections", test_crm_rejections);
  g_test_add_func ("/import/quoted", test_quoted);
  g_test_add_func ("/import/bad-files", test_bad_files);
  return g_test_run ();
}
