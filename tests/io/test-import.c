/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing measurements from CSV exports (tests/io/csv/): GA4's wide file with comment
 * lines and a byte-order mark, a European CRM's semicolons and decimal commas with every
 * kind of bad row, quoted fields over several lines, and files that cannot be used at all;
 * the import is one undoable edit. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "pl-csv.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-measurement-import.h"
#include "pl-plan-file.h"
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

static char *
fixture (const char *name, gsize *length)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "io", "csv", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, length, NULL));
  return text;
}

/* The preview of @text, which must read as a whole. */
static PlImportPreview *
preview_of (PlPlan *plan, const char *text, const PlImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  PlImportPreview *preview = pl_import_preview (plan, text, -1, options, &error);

  g_assert_no_error (error);
  return preview;
}

/* The preview of the fixture @name, which must read as a whole. */
static PlImportPreview *
preview_of_fixture (PlPlan *plan, const char *name, const PlImportOptions *options)
{
  gsize length;
  g_autofree char *text = fixture (name, &length);
  g_autoptr(GError) error = NULL;
  PlImportPreview *preview = pl_import_preview (plan, text, (gssize) length, options, &error);

  g_assert_no_error (error);
  return preview;
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
  PlImportOptions options = { .thousands = ',', .source = "GA4" };
  g_autoptr(PlImportPreview) preview = preview_of_fixture (plan, "ga4-wide.csv", &options);
  double before = measured (plan, "kpi-visitors", day (2027, 1, 1));

  g_assert_cmpint (preview->delimiter, ==, ',');
  g_assert_cmpuint (preview->n_records, ==, 3);
  g_assert_cmpstr (preview->header[1], ==, "Unique visitors");
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  /* Visitors three times, leads twice (March's cell is empty: not measured, not an error). */
  g_assert_cmpuint (preview->changes->len, ==, 5);
  {
    PlImportChange *first = &g_array_index (preview->changes, PlImportChange, 0);
    PlImportChange *second = &g_array_index (preview->changes, PlImportChange, 2);
    g_assert_cmpuint (first->row, ==, 8);
    g_assert_cmpstr (pl_item_get_id (first->item), ==, "kpi-visitors");
    g_assert_cmpuint (first->period, ==, day (2027, 1, 1));
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
  PlImportOptions options = { .decimal = ',', .date_format = PL_IMPORT_DATE_DMY };
  g_autoptr(PlImportPreview) preview = preview_of_fixture (plan, "crm-semicolon.csv", &options);
  static const char *reasons[] = {
    "Row 4: “Sessions” is not a KPI of this plan.",
    "Row 5: “31/04/2027” is not a date in this file’s format.",
    "Row 6: “12,5x” is not a number in this file’s format.",
    "Row 7: “Cost per lead” is computed from its formula; import the KPIs it is computed from.",
    "Row 9: a second value for “Leads” on the same date (row 8 has one).",
  };

  g_assert_cmpint (preview->delimiter, ==, ';');
  g_assert_cmpuint (preview->changes->len, ==, 3);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 1).value, ==, 230.5);
  /* By ID as well as by name. */
  g_assert_cmpstr (pl_item_get_id (g_array_index (preview->changes, PlImportChange, 2).item), ==, "kpi-leads");
  g_assert_cmpuint (preview->rejected->len, ==, G_N_ELEMENTS (reasons));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[i])->message, ==, reasons[i]);
}

static void
test_quoted (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = preview_of_fixture (plan, "quoted.csv", &options);

  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, 3);
  /* A record over two lines: the next one starts on line 4. */
  g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 1).row, ==, 4);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 1).value, ==, 12);
  /* "1.4%" of a percentage KPI is the fraction 0.014. */
  g_assert_cmpfloat (fabs (g_array_index (preview->changes, PlImportChange, 2).value - 0.014), <, 1e-12);
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
    g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "io", "csv", NULL);
    g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
    g_autofree char *good = g_build_filename (dir, "quoted.csv", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(GFile) nothing = g_file_new_for_path (missing);
    g_autoptr(GFile) quoted = g_file_new_for_path (good);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    gsize length = 0;

    g_assert_null (pl_import_read_file (folder, &length, &error));
    g_assert_cmpstr (error->message, ==, "This is a folder, not a CSV file.");
    g_clear_error (&error);
    g_assert_null (pl_import_read_file (nothing, &length, &error));
    g_assert_cmpstr (error->message, ==, "There is no such file.");
    g_clear_error (&error);
    text = pl_import_read_file (quoted, &length, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (length, ==, strlen (text));
    g_assert_true (g_str_has_prefix (text, "date,kpi,value,note\n"));
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

static GPtrArray *
read_csv (const char *text, gssize length, const char *comment, char *delimiter)
{
  PlCsvOptions options = { 0, comment };
  g_autoptr(GError) error = NULL;
  GPtrArray *records = pl_csv_read (text, length, &options, delimiter, &error);

  g_assert_no_error (error);
  return records;
}

#define FIELD(records, r, f) (((PlCsvRecord *) (records)->pdata[r])->fields[f])
#define LINE(records, r) (((PlCsvRecord *) (records)->pdata[r])->line)

/* The reader alone: line breaks of both kinds, quotes, comments, the delimiter found. */
static void
test_csv_reader (void)
{
  char delimiter = 0;
  {
    /* CRLF, a quoted field over two lines with a CRLF of its own, "" and an empty quoted
     * field as a whole record: each record keeps the line it starts on. */
    g_autoptr(GPtrArray) records = read_csv ("a,b\r\n\"x\r\ny\",\"say \"\"hi\"\"\"\r\n\"\"\r\nlast,\"\"", -1, NULL, &delimiter);
    g_assert_cmpint (delimiter, ==, ',');
    g_assert_cmpuint (records->len, ==, 4);
    g_assert_cmpstr (FIELD (records, 1, 0), ==, "x\r\ny");
    g_assert_cmpstr (FIELD (records, 1, 1), ==, "say \"hi\"");
    g_assert_cmpuint (LINE (records, 1), ==, 2);
    g_assert_cmpuint (g_strv_length (((PlCsvRecord *) records->pdata[2])->fields), ==, 1);
    g_assert_cmpstr (FIELD (records, 2, 0), ==, "");
    g_assert_cmpuint (LINE (records, 2), ==, 4);
    g_assert_cmpstr (FIELD (records, 3, 1), ==, "");
    g_assert_cmpuint (LINE (records, 3), ==, 5);
  }
  {
    /* A byte-order mark, comment and blank lines, tabs; a "#" inside a record is data. */
    g_autoptr(GPtrArray) records = read_csv ("\xEF\xBB\xBF# GA4\n\n# more\nDate\tUsers\n20270101\t#1\n", -1, NULL, &delimiter);
    g_assert_cmpint (delimiter, ==, '\t');
    g_assert_cmpuint (records->len, ==, 2);
    g_assert_cmpstr (FIELD (records, 0, 0), ==, "Date");
    g_assert_cmpuint (LINE (records, 0), ==, 4);
    g_assert_cmpstr (FIELD (records, 1, 1), ==, "#1");
  }
  {
    /* Semicolons win over the decimal commas of the same line; another comment prefix. */
    g_autoptr(GPtrArray) records = read_csv ("// CRM\nMois;Valeur;Taux\n01/04/2027;230,5;1,5\n", -1, "//", &delimiter);
    g_assert_cmpint (delimiter, ==, ';');
    g_assert_cmpuint (records->len, ==, 2);
    g_assert_cmpstr (FIELD (records, 1, 1), ==, "230,5");
  }
  {
    /* Excel's "Unicode text": UTF-16 with its byte-order mark, tab-separated. */
    gsize size = 0;
    g_autofree char *utf16 = g_convert ("\xEF\xBB\xBFMois\tLeads\n01/04/2027\t700 \xE2\x82\xAC\n", -1, "UTF-16LE", "UTF-8",
                                        NULL, &size, NULL);
    g_autoptr(GPtrArray) records = read_csv (utf16, (gssize) size, NULL, &delimiter);
    g_assert_cmpint (delimiter, ==, '\t');
    g_assert_cmpuint (records->len, ==, 2);
    g_assert_cmpstr (FIELD (records, 0, 0), ==, "Mois");
    g_assert_cmpstr (FIELD (records, 1, 1), ==, "700 \xE2\x82\xAC");
    g_assert_cmpuint (LINE (records, 1), ==, 2);
  }
  {
    /* No comment lines at all, and a text that does not end in a NUL. */
    const char text[] = { '#', 'a', ',', 'b', '\n', '1', ',', '2', 'X' };
    g_autoptr(GPtrArray) records = read_csv (text, sizeof text - 1, "", &delimiter);
    g_assert_cmpuint (records->len, ==, 2);
    g_assert_cmpstr (FIELD (records, 0, 0), ==, "#a");
    g_assert_cmpstr (FIELD (records, 1, 1), ==, "2");
  }
}

/* Every kind of bad row of a long file, each with its line and a plain reason, and the
 * dates where the rows that read are stored. */
static void
test_bad_rows (void)
{
  g_autoptr(PlPlan) plan = example ();
  gsize length;
  g_autofree char *text = fixture ("bad-rows.csv", &length);
  PlImportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportPreview) preview = NULL;
  static const char *reasons[] = {
    "Row 3: “2027-13-01” is not a date in this file’s format.",
    "Row 4: “Unknown KPI” is not a KPI of this plan.",
    "Row 5: “1.2.3” is not a number in this file’s format.",
    "Row 6: it has 2 fields where the header has 3.",
    "Row 7: no value for “New customers”.",
    "Row 8: “12%” is a percentage, and “New customers” is not measured in percent.",
    "Row 9: “Cost per lead” is computed from its formula; import the KPIs it is computed from.",
  };
  static const struct { guint row; const char *kpi; int y, m, d; double value; guint n_rows; } rows[] = {
    { 2, "kpi-sql", 2027, 6, 1, 95, 1 },
    /* Monthly: the 15th and the 20th go on the month's first day, added up as bookings are. */
    { 10, "kpi-revenue", 2027, 6, 1, 3000, 2 },
    /* Weekly: on the Monday of each Tuesday's week. */
    { 12, "kpi-leads", 2027, 6, 14, 40, 1 },
    { 13, "kpi-leads", 2027, 6, 21, 41, 1 },
  };

  g_assert_true (pl_plan_set_int (plan, pl_plan_lookup (plan, "kpi-leads"), PL_KPI_FREQUENCY, PL_FREQUENCY_WEEKLY, NULL));
  preview = pl_import_preview (plan, text, (gssize) length, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_records, ==, 12);
  g_assert_cmpuint (preview->rejected->len, ==, G_N_ELEMENTS (reasons));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[i])->message, ==, reasons[i]);
  g_assert_cmpuint (((PlImportRejection *) preview->rejected->pdata[0])->row, ==, 3);
  g_assert_cmpuint (preview->changes->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      PlImportChange *row = &g_array_index (preview->changes, PlImportChange, i);
      g_assert_cmpuint (row->row, ==, rows[i].row);
      g_assert_cmpstr (pl_item_get_id (row->item), ==, rows[i].kpi);
      g_assert_cmpuint (row->period, ==, day (rows[i].y, rows[i].m, rows[i].d));
      g_assert_cmpfloat (row->value, ==, rows[i].value);
      g_assert_cmpuint (row->n_rows, ==, rows[i].n_rows);
    }
  /* The example measured June's SQL already: the preview says what is replaced. */
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 0).previous, ==,
                     measured (plan, "kpi-sql", day (2027, 6, 1)));
  g_assert_false (isnan (g_array_index (preview->changes, PlImportChange, 0).previous));
  g_assert_true (isnan (g_array_index (preview->changes, PlImportChange, 2).previous));
}

/* Undo gives back the very bytes of the plan, redo the very bytes of the import. */
static void
test_undo_exact (void)
{
  g_autoptr(PlPlan) plan = example ();
  gsize length;
  g_autofree char *text = fixture ("bad-rows.csv", &length);
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) applied = NULL, undone = NULL, redone = NULL;

  /* A value off June's first day: the import replaces it too, and undo brings it back. */
  pl_plan_set_point (plan, PL_KPI (pl_plan_lookup (plan, "kpi-leads")), PL_SERIES_MEASUREMENTS, day (2027, 6, 10), 5, NULL);
  pl_plan_mark_saved (plan);
  before = pl_plan_write_bytes (plan);
  preview = pl_import_preview (plan, text, (gssize) length, &options, NULL);
  g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 2).n_previous, ==, 2);
  g_assert_cmpuint (pl_import_apply (plan, preview, "bad-rows.csv"), ==, 3);
  applied = pl_plan_write_bytes (plan);
  g_assert_false (g_bytes_equal (before, applied));
  g_assert_true (isnan (measured (plan, "kpi-leads", day (2027, 6, 10))));
  g_assert_cmpstr (pl_plan_get_undo_label (plan), ==, "Import 3 Measurements");
  g_assert_true (pl_plan_undo (plan));
  undone = pl_plan_write_bytes (plan);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_false (pl_plan_get_modified (plan));
  g_assert_true (pl_plan_redo (plan));
  redone = pl_plan_write_bytes (plan);
  g_assert_true (g_bytes_equal (applied, redone));
  /* Leads are monthly: the 15th's and the 22nd's values, added up, are June's. */
  g_assert_cmpfloat (measured (plan, "kpi-leads", day (2027, 6, 1)), ==, 81);
  g_assert_true (g_strstr_len (g_bytes_get_data (redone, NULL), (gssize) g_bytes_get_size (redone),
                               "source=\"bad-rows.csv\"") != NULL);
}

/* GA4's own column names mapped to KPIs; a column left out is not read. */
static void
test_kpi_columns (void)
{
  g_autoptr(PlPlan) plan = example ();
  gsize length;
  g_autofree char *text = fixture ("ga4-mapped.csv", &length);
  const char *columns[] = { "Total users=kpi-visitors", NULL };
  PlImportOptions options = { .kpi_columns = columns };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportPreview) preview = pl_import_preview (plan, text, (gssize) length, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, 2);
  g_assert_cmpstr (pl_item_get_id (g_array_index (preview->changes, PlImportChange, 1).item), ==, "kpi-visitors");
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 1).value, ==, 32500);
  g_clear_pointer (&preview, pl_import_preview_free);

  /* Without a choice, the columns whose headers name KPIs: here only Leads. The others
   * are named, so that a KPI renamed in the export does not go unseen. */
  options.kpi_columns = NULL;
  preview = pl_import_preview (plan, text, (gssize) length, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->changes->len, ==, 1);
  g_assert_cmpuint (g_strv_length (preview->ignored), ==, 2);
  g_assert_cmpstr (preview->ignored[0], ==, "Total users");
  g_assert_cmpstr (preview->ignored[1], ==, "Notes");
  g_clear_pointer (&preview, pl_import_preview_free);

  {
    static const struct { const char *column; const char *message; } bad[] = {
      { "Sessions", "The file has no column “Sessions”." },
      { "Notes", "“Notes” is not a KPI of this plan." },
      { "Total users=kpi-nothing", "“kpi-nothing” is not a KPI of this plan." },
      { "Date=kpi-leads", "The column “Date” holds the dates, not a KPI." },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) bad_error = NULL;
        columns[0] = bad[i].column;
        options.kpi_columns = columns;
        g_assert_null (pl_import_preview (plan, text, (gssize) length, &options, &bad_error));
        g_assert_error (bad_error, PL_ERROR, PL_ERROR_FILE);
        g_assert_cmpstr (bad_error->message, ==, bad[i].message);
      }
  }
}

/* Numbers as exports write them, and the ones that must not read. */
static void
test_numbers (void)
{
  g_autoptr(PlPlan) plan = example ();
  static const struct { char decimal, thousands; const char *cell; double value; } cases[] = {
    { '.', ',', "1,234,567.5", 1234567.5 },
    { ',', '.', "1.234.567,5", 1234567.5 },
    { ',', ' ', "1 234,5", 1234.5 },
    { ',', 0, "1\xC2\xA0" "234,5", 1234.5 },
    { '.', '\'', "1'234", 1234 },
    { '.', 0, " 12.5 ", 12.5 },
    { '.', ',', "12,5", NAN },      /* a decimal comma, not 125 */
    { '.', ',', "1,2345", NAN },
    { '.', 0, "1,234", NAN },
    { ',', 0, "12.5", NAN },
    { '.', 0, "1e3", NAN },
    { '.', 0, "nan", NAN },
    { '.', 0, "12%5", NAN },
    { '.', 0, "0x10", NAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("date\tkpi\tvalue\n2027-06-01\tkpi-sql\t%s\n", cases[i].cell);
      PlImportOptions options = { .decimal = cases[i].decimal, .thousands = cases[i].thousands };
      g_autoptr(GError) error = NULL;
      g_autoptr(PlImportPreview) preview = pl_import_preview (plan, text, -1, &options, &error);

      g_test_message ("%s", cases[i].cell);
      g_assert_no_error (error);
      if (isnan (cases[i].value))
        g_assert_cmpuint (preview->changes->len, ==, 0);
      else
        g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 0).value, ==, cases[i].value);
    }
  {
    /* Percentages of a percentage KPI, with or without the sign, as fractions. */
    g_autoptr(PlImportPreview) preview = pl_import_preview (plan, "date,kpi,value\n2027-06-01,kpi-churn,1.5 %\n2027-07-01,kpi-churn,2.5\n",
                                                            -1, &(PlImportOptions) { 0 }, NULL);
    g_assert_cmpuint (preview->changes->len, ==, 2);
    g_assert_cmpfloat (fabs (g_array_index (preview->changes, PlImportChange, 0).value - 0.015), <, 1e-12);
    g_assert_cmpfloat (fabs (g_array_index (preview->changes, PlImportChange, 1).value - 0.025), <, 1e-12);
  }
  {
    g_autoptr(GError) error = NULL;
    PlImportOptions options = { .decimal = ',', .thousands = ',' };
    g_assert_null (pl_import_preview (plan, "date,kpi,value\n", -1, &options, &error));
    g_assert_cmpstr (error->message, ==, "“,” cannot separate both thousands and decimals: choose another thousands separator.");
  }
}

/* What exports do that a strict reader would refuse: times after the dates, empty cells past
 * the last column, month-first dates, rates as fractions or as percentages. */
static void
test_export_habits (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlImportOptions options = { 0 };
  {
    g_autoptr(PlImportPreview) preview = pl_import_preview (plan,
      "date,kpi,value\n2027-06-01 14:05,kpi-sql,90,,\n2027-07-01T09:00:00Z,kpi-sql,91\n", -1, &options, NULL);
    g_assert_cmpuint (preview->rejected->len, ==, 0);
    g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 0).period, ==, day (2027, 6, 1));
    g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 1).period, ==, day (2027, 7, 1));
    g_assert_cmpuint (preview->ignored[0] == NULL, ==, TRUE);
  }
  {
    /* "04/01" alone could be either; "04/13" makes the whole file month first. */
    g_autoptr(PlImportPreview) preview = pl_import_preview (plan,
      "date,kpi,value\n04/01/2027,kpi-leads,1\n04/13/2027,kpi-leads,2\n", -1, &options, NULL);
    g_assert_cmpuint (preview->rejected->len, ==, 0);
    /* Both in April (monthly leads: one value, the two added up). */
    g_assert_cmpuint (preview->changes->len, ==, 1);
    g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 0).period, ==, day (2027, 4, 1));
    g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 0).n_rows, ==, 2);
    g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 0).value, ==, 3);
  }
  {
    /* Both kinds in one file: day first, and the row that cannot be says so. */
    g_autoptr(PlImportPreview) preview = pl_import_preview (plan,
      "date,kpi,value\n13/04/2027,kpi-leads,1\n04/14/2027,kpi-leads,2\n", -1, &options, NULL);
    g_assert_cmpuint (preview->changes->len, ==, 1);
    g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[0])->message, ==,
                     "Row 3: “04/14/2027” is not a date in this file’s format.");
  }
  {
    /* One KPI's rates read one way: 1.4 makes 0.9 a percentage too. */
    g_autoptr(PlImportPreview) preview = pl_import_preview (plan,
      "date,kpi,value\n2027-06-01,kpi-churn,0.9\n2027-07-01,kpi-churn,1.4\n", -1, &options, NULL);
    g_assert_cmpfloat (fabs (g_array_index (preview->changes, PlImportChange, 0).value - 0.009), <, 1e-12);
    g_assert_cmpfloat (fabs (g_array_index (preview->changes, PlImportChange, 1).value - 0.014), <, 1e-12);
  }
  {
    /* All at most 1: fractions, as GA4 writes rates. */
    g_autoptr(PlImportPreview) preview = pl_import_preview (plan,
      "date,kpi,value\n2027-06-01,kpi-churn,0.02\n", -1, &options, NULL);
    g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 0).value, ==, 0.02);
  }
}

/* The sum of @kpi's measurements, and how many of them fall in January 2027. */
static double
total (PlPlan *plan, const char *kpi, guint *n_in_january)
{
  PlSeries *series = pl_kpi_get_measurements (PL_KPI (pl_plan_lookup (plan, kpi)));
  double sum = 0;

  *n_in_january = 0;
  for (guint i = 0; i < pl_series_get_n (series); i++)
    {
      sum += pl_series_get (series, i)->value;
      *n_in_january += pl_series_get (series, i)->julian >= day (2027, 1, 1) && pl_series_get (series, i)->julian < day (2027, 2, 1);
    }
  return sum;
}

/* A CRM report dated on month ends into KPIs whose values sit on month starts: each date is
 * its month, and the month's value is replaced, never doubled (leads to date stay 4,219, not
 * 8,438). A value stored on another day of the month goes too. */
static void
test_month_ends (void)
{
  g_autoptr(PlPlan) plan = example ();
  gsize length;
  g_autofree char *text = fixture ("crm-month-ends.csv", &length);
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = NULL;
  guint n_january;

  g_assert_cmpfloat (total (plan, "kpi-leads", &n_january), ==, 4219);
  preview = preview_of (plan, text, &options);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, 6);
  g_assert_cmpstr (preview->notes[0], ==, "The file’s dates are all month ends: each is read as its month’s figure.");
  for (guint i = 0; i < preview->changes->len; i++)
    g_assert_true (pl_import_change_is_unchanged (&g_array_index (preview->changes, PlImportChange, i)));
  g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 0).period, ==, day (2027, 1, 1));
  g_assert_cmpuint (pl_import_apply (plan, preview, "crm"), ==, 0);
  g_assert_cmpfloat (total (plan, "kpi-leads", &n_january), ==, 4219);
  g_clear_pointer (&preview, pl_import_preview_free);

  /* January held on its 1st and on the 15th: the file's 31 January replaces both. */
  pl_plan_set_point (plan, PL_KPI (pl_plan_lookup (plan, "kpi-leads")), PL_SERIES_MEASUREMENTS, day (2027, 1, 15), 100, NULL);
  g_assert_cmpfloat (total (plan, "kpi-leads", &n_january), ==, 4319);
  preview = preview_of (plan, "date,kpi,value\n2027-01-31,Leads,600\n", &options);
  {
    const PlImportChange *change = &g_array_index (preview->changes, PlImportChange, 0);
    g_autofree char *line = pl_import_change_describe (plan, change);
    g_assert_cmpuint (change->n_previous, ==, 2);
    g_assert_cmpfloat (change->previous, ==, 685);
    g_assert_cmpstr (line, ==, "Leads, January 2027: 685 → 600 (replaces 2 values)");
  }
  g_assert_cmpuint (pl_import_apply (plan, preview, "crm"), ==, 1);
  g_assert_cmpfloat (total (plan, "kpi-leads", &n_january), ==, 4219 - 585 + 600);
  g_assert_cmpuint (n_january, ==, 1);
  g_assert_cmpfloat (measured (plan, "kpi-leads", day (2027, 1, 1)), ==, 600);
  g_clear_pointer (&preview, pl_import_preview_free);

  /* Monthly figures say nothing of the weeks in them: refused for a weekly KPI. */
  g_assert_true (pl_plan_set_int (plan, pl_plan_lookup (plan, "kpi-leads"), PL_KPI_FREQUENCY, PL_FREQUENCY_WEEKLY, NULL));
  preview = preview_of (plan, text, &options);
  g_assert_cmpuint (preview->changes->len, ==, 0);
  g_assert_cmpuint (preview->rejected->len, ==, 6);
  g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[0])->message, ==,
                   "Row 2: “Leads” takes a value a week, and this file’s dates are all month ends: it holds monthly "
                   "figures. Make “Leads” monthly, or import weekly figures.");
}

/* Months into a quarterly KPI: three months make its quarter, whether dated on their first
 * or their last days; a file starting in the quarter's second month has only part of it. */
static void
test_quarters (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) ends = NULL;
  g_autoptr(PlImportPreview) starts = NULL;
  g_autoptr(PlImportPreview) late = NULL;
  g_autoptr(PlImportPreview) single = NULL;

  g_assert_true (pl_plan_set_int (plan, pl_plan_lookup (plan, "kpi-leads"), PL_KPI_FREQUENCY, PL_FREQUENCY_QUARTERLY, NULL));
  ends = preview_of (plan, "date,kpi,value\n2027-01-31,Leads,100\n2027-02-28,Leads,110\n2027-03-31,Leads,120\n", &options);
  g_assert_cmpuint (ends->rejected->len, ==, 0);
  g_assert_cmpuint (ends->changes->len, ==, 1);
  g_assert_cmpfloat (g_array_index (ends->changes, PlImportChange, 0).value, ==, 330);
  /* Its three months' values go, the quarter keeps one on its first day. */
  g_assert_cmpuint (g_array_index (ends->changes, PlImportChange, 0).n_previous, ==, 3);
  starts = preview_of (plan, "date,kpi,value\n2027-01-01,Leads,100\n2027-02-01,Leads,110\n2027-03-01,Leads,120\n", &options);
  g_assert_cmpfloat (g_array_index (starts->changes, PlImportChange, 0).value, ==, 330);
  late = preview_of (plan, "date,kpi,value\n2027-02-01,Leads,110\n2027-03-01,Leads,120\n2027-04-01,Leads,130\n", &options);
  g_assert_cmpuint (late->rejected->len, ==, 2);
  g_assert_cmpuint (late->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (late->changes, PlImportChange, 0).period, ==, day (2027, 4, 1));

  /* One date on a month's end is only a date: into a weekly KPI, its week. A header's unit
   * other than "%" is not dropped to find a KPI ("Leads (k)" are not leads). */
  g_assert_true (pl_plan_set_int (plan, pl_plan_lookup (plan, "kpi-leads"), PL_KPI_FREQUENCY, PL_FREQUENCY_WEEKLY, NULL));
  single = preview_of (plan, "Date,Leads,Leads (k)\n2027-06-30,40,0.04\n", &options);
  g_assert_cmpuint (single->rejected->len, ==, 0);
  g_assert_cmpuint (single->changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (single->changes, PlImportChange, 0).period, ==, day (2027, 6, 28));
  g_assert_cmpstr (single->ignored[0], ==, "Leads (k)");
}

/* GA4's daily rows into monthly KPIs: added up per month (the KPIs' aggregate is a sum), and
 * importing the file again, or after a shorter one, gives the same plan. */
static void
test_daily_idempotent (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlPlan) again = example ();
  gsize length;
  g_autofree char *text = fixture ("ga4-daily.csv", &length);
  g_autofree char *january = NULL;
  PlImportOptions options = { .thousands = ',' };
  g_autoptr(PlImportPreview) preview = preview_of (plan, text, &options);
  g_autoptr(GBytes) once = NULL, twice = NULL, after_shorter = NULL;
  PlImportCounts counts;

  g_assert_cmpuint (preview->n_records, ==, 59);
  g_assert_cmpuint (preview->n_values, ==, 118);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, 4);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 0).value, ==, 35960);
  g_assert_cmpuint (g_array_index (preview->changes, PlImportChange, 0).n_rows, ==, 31);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 1).value, ==, 620);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 2).value, ==, 32200);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 3).value, ==, 616);
  g_assert_cmpuint (pl_import_apply (plan, preview, "GA4"), ==, 4);
  once = pl_plan_write_bytes (plan);
  g_clear_pointer (&preview, pl_import_preview_free);
  preview = preview_of (plan, text, &options);
  counts = pl_import_changes_count (preview->changes);
  g_assert_cmpuint (counts.unchanged, ==, 4);
  g_assert_cmpuint (counts.added + counts.replaced, ==, 0);
  g_assert_cmpuint (pl_import_apply (plan, preview, "GA4"), ==, 0);
  twice = pl_plan_write_bytes (plan);
  g_assert_true (g_bytes_equal (once, twice));
  g_clear_pointer (&preview, pl_import_preview_free);

  /* January alone first, then the longer file: the same plan as the longer one alone. */
  january = g_strndup (text, (gsize) (strstr (text, "20270201") - text));
  preview = preview_of (again, january, &options);
  g_assert_cmpuint (pl_import_apply (again, preview, "GA4"), ==, 2);
  g_clear_pointer (&preview, pl_import_preview_free);
  preview = preview_of (again, text, &options);
  pl_import_apply (again, preview, "GA4");
  after_shorter = pl_plan_write_bytes (again);
  g_assert_true (g_bytes_equal (once, after_shorter));
  g_clear_pointer (&preview, pl_import_preview_free);

  /* A file that starts on the 15th has half of January: its sum would replace the month's. */
  preview = preview_of (plan, "Date,Leads\n20270115,20\n20270116,21\n20270201,22\n20270202,23\n", &options);
  g_assert_cmpuint (preview->rejected->len, ==, 2);
  g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[0])->message, ==,
                   "Row 2: the file starts on 2027-01-15, inside January 2027: the days before would be missing from "
                   "“Leads” for that period. Export whole periods.");
  /* It ends on 2 February: two days of February (45) do not replace the whole month the plan
   * holds (616); the plan keeps it and the import says why. */
  g_assert_cmpuint (preview->changes->len, ==, 0);
  g_assert_cmpstr (preview->notes[0], ==, "Leads, February 2027: the file stops on 2027-02-02, so the plan keeps its 616 for "
                                          "the whole period.");
  g_clear_pointer (&preview, pl_import_preview_free);
  /* Into a month the plan does not hold yet, the days so far are the month to date. */
  preview = preview_of (plan, "Date,Leads\n20270801,20\n20270802,21\n", &options);
  g_assert_cmpuint (preview->changes->len, ==, 1);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 0).value, ==, 41);
  g_assert_cmpstr (preview->notes[0], ==, "The file ends on 2027-08-02: the values of the period holding that day are to that day.");
}

/* A KPI's aggregate decides how rows of one period combine: the last for a stock, the mean
 * for a rate. */
static void
test_aggregates (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = preview_of (plan,
    "date,kpi,value\n2027-03-01,kpi-customers,400\n2027-03-02,kpi-customers,410\n2027-03-03,kpi-customers,405\n"
    "2027-03-01,kpi-churn,1.2%\n2027-03-02,kpi-churn,1.4%\n2027-03-03,kpi-churn,1.6%\n", &options);

  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, 2);
  g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 0).value, ==, 405);
  g_assert_cmpfloat (fabs (g_array_index (preview->changes, PlImportChange, 1).value - 0.014), <, 1e-12);
}

/* Rates without "%": "0.9" is 0.9 % or 90 %. The header says, or the KPI's history, or the
 * user; never a guess 100 times off. */
static void
test_percentages (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlPlan) fresh = pl_plan_new_default (NULL);
  PlImportOptions options = { 0 };
  PlItem *churn = NULL;
  GListModel *kpis = pl_plan_get_collection (fresh, PL_COLLECTION_KPIS);

  for (guint i = 0; i < g_list_model_get_n_items (kpis) && churn == NULL; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      if (pl_item_get_int (kpi, PL_KPI_STAGE) == PL_STAGE_CHURN)
        churn = kpi;
    }
  g_assert_nonnull (churn);
  {
    /* No history, no hint: refused as a whole, saying both readings of the value it quotes
     * (not of another row's: 1.1 once read "“0.9” may be 1.1% or 110%"). */
    g_autofree char *csv = g_strdup_printf ("date,%s\n2027-06-01,0.9\n2027-07-01,1.1\n", pl_item_get_id (churn));
    g_autofree char *expected = g_strdup_printf ("“%s” is measured in percent and the file writes its values without a %% sign: "
                                                 "“0.9” may be 0.9%% or 90.0%%.", pl_item_get_string (churn, PL_KPI_NAME));
    g_autoptr(GError) error = NULL;
    g_autoptr(PlImportPreview) preview = pl_import_preview (fresh, csv, -1, &options, &error);

    g_assert_null (preview);
    g_assert_error (error, PL_ERROR, PL_ERROR_AMBIGUOUS);
    g_assert_cmpstr (error->message, ==, expected);
    /* The user says which. */
    options.percent = PL_IMPORT_PERCENT_NUMBERS;
    preview = preview_of (fresh, csv, &options);
    g_assert_cmpfloat (fabs (g_array_index (preview->changes, PlImportChange, 0).value - 0.009), <, 1e-12);
    g_clear_pointer (&preview, pl_import_preview_free);
    options.percent = PL_IMPORT_PERCENT_FRACTIONS;
    preview = preview_of (fresh, csv, &options);
    g_assert_cmpfloat (g_array_index (preview->changes, PlImportChange, 0).value, ==, 0.9);
    options.percent = PL_IMPORT_PERCENT_AUTO;
  }
  {
    /* "Churn (%)": percent numbers, with or without history. */
    g_autofree char *csv = g_strdup_printf ("date,%s (%%)\n2027-06-01,0.9\n", pl_item_get_string (churn, PL_KPI_NAME));
    g_autoptr(PlImportPreview) preview = preview_of (fresh, csv, &options);
    g_assert_cmpfloat (fabs (g_array_index (preview->changes, PlImportChange, 0).value - 0.009), <, 1e-12);
  }
  {
    /* The example's churn is about 1.6 %: "0.9" is 0.9 %, and "0.012" a fraction. */
    g_autoptr(PlImportPreview) numbers = preview_of (plan, "date,kpi,value\n2027-07-01,kpi-churn,0.9\n", &options);
    g_autoptr(PlImportPreview) fractions = preview_of (plan, "date,kpi,value\n2027-07-01,kpi-churn,0.012\n", &options);
    g_assert_cmpfloat (fabs (g_array_index (numbers->changes, PlImportChange, 0).value - 0.009), <, 1e-12);
    g_assert_cmpfloat (g_array_index (fractions->changes, PlImportChange, 0).value, ==, 0.012);
  }
  {
    /* "20" is 20 % or 2,000 %: each ten times or more from 1.6 %. */
    g_autoptr(GError) error = NULL;
    g_assert_null (pl_import_preview (plan, "date,kpi,value\n2027-07-01,kpi-churn,20\n", -1, &options, &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_AMBIGUOUS);
    g_assert_nonnull (strstr (error->message, "is 10 times or more away from the values the plan holds (about 1.6%)"));
  }
}

/* The month and date forms real exports carry, and a file of dates none reads. */
static void
test_date_forms (void)
{
  static const struct { const char *text; int y, m, d; } forms[] = {
    { "01/2027", 2027, 1, 1 }, { "1/2027", 2027, 1, 1 }, { "2027-01", 2027, 1, 1 }, { "janv. 2027", 2027, 1, 1 },
    { "Janv 2027", 2027, 1, 1 }, { "Jan 2027", 2027, 1, 1 }, { "January 2027", 2027, 1, 1 }, { "JANUARY 2027", 2027, 1, 1 },
    { "févr. 2027", 2027, 2, 1 }, { "fevrier 2027", 2027, 2, 1 }, { "Sept. 2027", 2027, 9, 1 }, { "août 2027", 2027, 8, 1 },
    { "Dec 1, 2026", 2026, 12, 1 }, { "December 31, 2026", 2026, 12, 31 }, { "1 déc. 2026", 2026, 12, 1 },
    { "1er décembre 2026", 2026, 12, 1 }, { "15 Mar 2027", 2027, 3, 15 }, { "1-Dec-2026", 2026, 12, 1 },
    { "Mar 3rd, 2027", 2027, 3, 3 },
  };
  static const char *bad[] = { "13/2027", "Foo 2027", "Dec 32, 2026", "1 déc.", "déc. 1 2026 2027", "Jan", "2027" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_test_message ("%s", forms[i].text);
      g_assert_cmpuint (pl_import_parse_date (forms[i].text, PL_IMPORT_DATE_AUTO), ==, day (forms[i].y, forms[i].m, forms[i].d));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_cmpuint (pl_import_parse_date (bad[i], PL_IMPORT_DATE_AUTO), ==, 0);
    }
  g_assert_cmpuint (pl_import_parse_date ("Jan 2027", PL_IMPORT_DATE_WORDS), ==, 0);
  g_assert_cmpuint (pl_import_parse_date ("Dec 1, 2026", PL_IMPORT_DATE_MONTH), ==, 0);
  {
    g_autoptr(PlPlan) plan = example ();
    g_autoptr(GError) error = NULL;

    g_assert_null (pl_import_preview (plan, "Quand,Leads\nT1 2027,10\nT2 2027,12\n", -1,
                                      &(PlImportOptions) { .date_column = "Quand" }, &error));
    g_assert_cmpstr (error->message, ==, "No date of the column “Quand” reads as a date. Dates read in these forms: "
                     "2027-03-31, 31/03/2027, 03/31/2027, 20270331, 2027-03, 03/2027, Mar 2027, janv. 2027, March 2027, "
                     "Dec 1, 2026 and 1 déc. 2026.");
  }
}

/* A French CRM's monthly export as it comes: byte-order mark, semicolons, months as 01/2027,
 * decimal commas, thousands grouped by spaces and no-break spaces, a "(%)" header, CRLF,
 * quoted fields: no option needed. */
static void
test_french_crm (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = preview_of_fixture (plan, "crm-fr-mensuel.csv", &options);
  static const struct { const char *kpi; int m; double value; } expected[] = {
    { "kpi-leads", 1, 4219 }, { "kpi-mql", 1, 1265 }, { "kpi-churn", 1, 0.009 },
    { "kpi-leads", 2, 4390 }, { "kpi-mql", 2, 1317 }, { "kpi-churn", 2, 0.011 },
    { "kpi-leads", 3, 612 }, { "kpi-mql", 3, 183.5 }, { "kpi-churn", 3, 0.008 },
  };

  g_assert_cmpint (preview->delimiter, ==, ';');
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpstr (preview->header[0], ==, "Mois");
  g_assert_cmpstr (preview->ignored[0], ==, "Commentaire");
  g_assert_cmpuint (preview->changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PlImportChange *change = &g_array_index (preview->changes, PlImportChange, i);
      g_assert_cmpstr (pl_item_get_id (change->item), ==, expected[i].kpi);
      g_assert_cmpuint (change->period, ==, day (2027, expected[i].m, 1));
      g_assert_cmpfloat (fabs (change->value - expected[i].value), <, 1e-9);
    }
}

/* Spend has one source: where the plan records spending, the spend KPI takes no import. */
static void
test_spend_refused (void)
{
  g_autoptr(PlPlan) plan = example ();
  g_autoptr(PlPlan) fresh = pl_plan_new_default (NULL);
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = preview_of (plan, "date,kpi,value\n2027-07-01,kpi-spend,50000\n", &options);
  GListModel *kpis = pl_plan_get_collection (fresh, PL_COLLECTION_KPIS);
  g_autofree char *csv = NULL;

  g_assert_cmpuint (preview->changes->len, ==, 0);
  g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[0])->message, ==,
                   "Row 2: “Marketing spend” comes from the spending records on the Budget page: record spend there, not by import.");
  g_clear_pointer (&preview, pl_import_preview_free);
  /* Without spending records, the spend KPI's measurements are the spend. */
  g_assert_cmpuint (g_list_model_get_n_items (pl_plan_get_collection (fresh, PL_COLLECTION_SPEND)), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (kpis) && csv == NULL; i++)
    {
      g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
      if (pl_item_get_int (kpi, PL_KPI_STAGE) == PL_STAGE_SPEND)
        csv = g_strdup_printf ("date,kpi,value\n2027-07-01,%s,50000\n", pl_item_get_id (kpi));
    }
  g_assert_nonnull (csv);
  preview = preview_of (fresh, csv, &options);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  g_assert_cmpuint (preview->changes->len, ==, 1);
}

/* What an edit refuses, an import refuses too, in the same words: negative leads, a churn of
 * 200 %; the other rows still come in. */
static void
test_impossible_values (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlImportOptions options = { 0 };
  g_autoptr(PlImportPreview) preview = preview_of (plan, "date,kpi,value\n2027-07-01,kpi-leads,-40\n"
                                                         "2027-07-01,kpi-churn,200%\n2027-07-01,kpi-sql,90\n", &options);

  g_assert_cmpuint (preview->rejected->len, ==, 2);
  g_assert_cmpstr (((PlImportRejection *) preview->rejected->pdata[0])->message, ==,
                   "Row 2: “Leads” is a count: it cannot be negative.");
  g_assert_true (g_str_has_prefix (((PlImportRejection *) preview->rejected->pdata[1])->message,
                                   "Row 3: “Monthly churn rate” is a churn rate: it is between 0% and 100%"));
  g_assert_cmpuint (preview->changes->len, ==, 1);
  g_assert_cmpstr (pl_item_get_id (g_array_index (preview->changes, PlImportChange, 0).item), ==, "kpi-sql");
}

/* The first ten days of March do not replace March's complete figure with a third of it:
 * the plan keeps its figure and says why; a longer export then brings the new one. */
static void
test_partial_period_kept (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlImportOptions options = { 0 };
  g_autoptr(GString) csv = g_string_new ("date,kpi,value\n");
  g_autoptr(PlImportPreview) preview = NULL;
  PlItem *visitors = pl_plan_lookup (plan, "kpi-visitors");
  double march = measured (plan, "kpi-visitors", day (2027, 3, 1));
  gboolean kept = FALSE;

  g_assert_false (isnan (march));
  for (int d = 1; d <= 10; d++)
    g_string_append_printf (csv, "2027-03-%02d,kpi-visitors,100\n", d);
  preview = preview_of (plan, csv->str, &options);
  g_assert_cmpuint (preview->rejected->len, ==, 0);
  for (guint i = 0; i < preview->changes->len; i++)
    g_assert_true (g_array_index (preview->changes, PlImportChange, i).item != visitors);
  for (guint i = 0; preview->notes[i] != NULL; i++)
    kept |= strstr (preview->notes[i], "so the plan keeps its") != NULL;
  g_assert_true (kept);
}

/* A change below what the KPI shows says by how much, not "98 000 → 98 000". */
static void
test_describe_small_change (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlImportChange change = { pl_plan_lookup (plan, "kpi-mrr"), day (2027, 6, 1), day (2027, 7, 1), 98000.5, 98000, 1 };
  g_autofree char *text = pl_import_change_describe (plan, &change);

  g_assert_cmpstr (text, ==, "Monthly recurring revenue, June 2027: 98000 → 98000.5");
}

/* Files shaped unlike the fixtures: a mark and nothing else, trailing separators everywhere,
 * a header with an empty last column, a wide row with two bad cells (one row, two reasons). */
static void
test_odd_shapes (void)
{
  g_autoptr(PlPlan) plan = example ();
  PlImportOptions options = { 0 };
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (pl_import_preview (plan, "\xEF\xBB\xBF", -1, &options, &error));
    g_assert_cmpstr (error->message, ==, "The file holds no data.");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (pl_import_preview (plan, "\xEF\xBB\xBF" "date;kpi;value;\r\n", -1, &options, &error));
    g_assert_cmpstr (error->message, ==, "The file has a header line but no data under it.");
  }
  {
    g_autoptr(PlImportPreview) preview = preview_of (plan, "date,kpi,value,\n2027-06-01,kpi-sql,90,\n2027-07-01,kpi-sql,91,,,\n", &options);
    g_assert_cmpuint (preview->rejected->len, ==, 0);
    g_assert_cmpuint (preview->changes->len, ==, 2);
  }
  {
    g_autoptr(PlImportPreview) preview = preview_of (plan, "Date,Leads,Sales qualified leads\n2027-06-01,x,y\n2027-07-01,5,6\n", &options);
    g_assert_cmpuint (preview->rejected->len, ==, 2);
    g_assert_cmpuint (preview->n_rejected_rows, ==, 1);
    g_assert_cmpuint (preview->n_values, ==, 2);
  }
}

/* Mangled exports never crash the reader nor the preview: each either fails as a whole with
 * a message or lists rows (run under the sanitizers, this is a small fuzzer). */
static void
test_mangled (void)
{
  static const char *files[] = { "ga4-wide.csv", "crm-semicolon.csv", "quoted.csv", "bad-rows.csv", "crm-fr-mensuel.csv",
                                 "ga4-daily.csv", "crm-month-ends.csv" };
  static const char bytes[] = { '"', '\n', '\r', ',', ';', '\t', '#', '%', '.', '0', '9', ' ', '\xC3', '\xFF' };
  g_autoptr(PlPlan) plan = example ();

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      gsize length;
      g_autofree char *text = fixture (files[f], &length);

      for (guint round = 0; round < 300; round++)
        {
          g_autofree char *copy = g_memdup2 (text, length);
          PlImportOptions options = { .decimal = round % 2 ? ',' : '.', .thousands = round % 3 == 0 ? ' ' : 0 };
          g_autoptr(GError) error = NULL;
          g_autoptr(PlImportPreview) preview = NULL;

          for (guint m = 0; m < 1 + round % 5; m++)
            copy[g_test_rand_int_range (0, (gint32) length)] = bytes[g_test_rand_int_range (0, G_N_ELEMENTS (bytes))];
          preview = pl_import_preview (plan, copy, (gssize) g_test_rand_int_range (0, (gint32) length + 1), &options, &error);
          g_assert_true ((preview == NULL) != (error == NULL));
          for (guint i = 0; preview != NULL && i < preview->rejected->len; i++)
            g_assert_true (g_utf8_validate (((PlImportRejection *) preview->rejected->pdata[i])->message, -1, NULL));
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/csv-reader", test_csv_reader);
  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/numbers", test_numbers);
  g_test_add_func ("/import/ga4-wide", test_ga4_wide);
  g_test_add_func ("/import/crm-rejections", test_crm_rejections);
  g_test_add_func ("/import/quoted", test_quoted);
  g_test_add_func ("/import/bad-rows", test_bad_rows);
  g_test_add_func ("/import/bad-files", test_bad_files);
  g_test_add_func ("/import/kpi-columns", test_kpi_columns);
  g_test_add_func ("/import/export-habits", test_export_habits);
  g_test_add_func ("/import/undo-exact", test_undo_exact);
  g_test_add_func ("/import/month-ends", test_month_ends);
  g_test_add_func ("/import/quarters", test_quarters);
  g_test_add_func ("/import/daily-idempotent", test_daily_idempotent);
  g_test_add_func ("/import/aggregates", test_aggregates);
  g_test_add_func ("/import/percentages", test_percentages);
  g_test_add_func ("/import/date-forms", test_date_forms);
  g_test_add_func ("/import/french-crm", test_french_crm);
  g_test_add_func ("/import/spend-refused", test_spend_refused);
  g_test_add_func ("/import/impossible-values", test_impossible_values);
  g_test_add_func ("/import/partial-period-kept", test_partial_period_kept);
  g_test_add_func ("/import/describe-small-change", test_describe_small_change);
  g_test_add_func ("/import/odd-shapes", test_odd_shapes);
  g_test_add_func ("/import/mangled", test_mangled);
  return g_test_run ();
}
