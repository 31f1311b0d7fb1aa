/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading spreadsheets (tests/data/sheets/, README.md there says which program wrote which):
 * the same workbook as LibreOffice writes it in ODS and XLSX, an XLSX from openpyxl with date
 * headers in both date systems, CSV in French and English shapes and in Windows-1252, and
 * files that must be refused in words: truncated, a zip bomb, an old .xls, a text document,
 * a sheet of a million rows. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "pl-error.h"
#include "pl-sheet-read.h"

static PlSheet *
read_fixture (const char *name, const char *sheet_name, GError **error)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "sheets", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pl_sheet_read_file (file, sheet_name, error);
}

static PlSheet *
read_ok (const char *name, const char *sheet_name)
{
  g_autoptr(GError) error = NULL;
  PlSheet *sheet = read_fixture (name, sheet_name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static PlSheet *
read_text (const char *text, GError **error)
{
  return pl_sheet_read_bytes ((const guint8 *) text, strlen (text), NULL, error);
}

/* The row numbered @number (as the spreadsheet numbers it), or NULL. */
static const PlSheetRow *
row_numbered (const PlSheet *sheet, guint number)
{
  for (guint i = 0; i < sheet->rows->len; i++)
    if (((PlSheetRow *) g_ptr_array_index (sheet->rows, i))->row == number)
      return g_ptr_array_index (sheet->rows, i);
  return NULL;
}

/* The cell at @column ("C") of row @number. */
static const PlSheetCell *
cell_at (const PlSheet *sheet, const char *column, guint number)
{
  const PlSheetRow *row = row_numbered (sheet, number);
  guint index = 0;

  for (const char *p = column; *p; p++)
    index = index * 26 + (guint) (*p - 'A' + 1);
  return pl_sheet_row_get (row, index - 1);
}

static guint32
julian (int year, int month, int day)
{
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* What LibreOffice wrote, in either format: the same cells. */
static void
check_libreoffice_budget (const PlSheet *sheet)
{
  const PlSheetCell *cell;

  g_assert_cmpstr (sheet->name, ==, "Budget 2027");
  g_assert_cmpuint (g_strv_length (sheet->names), ==, 2);
  g_assert_cmpstr (sheet->names[1], ==, "Révision T1");
  /* Twelve rows with content; the million empty rows to the sheet's end are not rows. */
  g_assert_cmpuint (sheet->rows->len, ==, 12);
  g_assert_cmpuint (sheet->n_columns, ==, 15);
  g_assert_null (row_numbered (sheet, 2));
  g_assert_cmpstr (cell_at (sheet, "A", 1)->text, ==, "Northwind – budget marketing 2027");
  /* The year merged over the twelve months: the cells it covers say so, to the twelfth. */
  cell = cell_at (sheet, "C", 3);
  g_assert_cmpint (cell->kind, ==, PL_SHEET_CELL_NUMBER);
  g_assert_cmpfloat (cell->number, ==, 2027);
  g_assert_true (cell_at (sheet, "D", 3)->covered);
  g_assert_true (cell_at (sheet, "N", 3)->covered);
  g_assert_cmpint (cell_at (sheet, "N", 3)->kind, ==, PL_SHEET_CELL_EMPTY);
  g_assert_cmpstr (cell_at (sheet, "J", 4)->text, ==, "août");
  /* The category merged down over its lines. */
  g_assert_cmpstr (cell_at (sheet, "A", 5)->text, ==, "Digital marketing");
  g_assert_true (cell_at (sheet, "A", 6)->covered);
  g_assert_cmpstr (cell_at (sheet, "B", 6)->text, ==, "GOOGLE ADS - Search");
  cell = cell_at (sheet, "C", 5);
  g_assert_cmpint (cell->kind, ==, PL_SHEET_CELL_NUMBER);
  g_assert_cmpfloat (cell->number, ==, 16000);
  /* Formulas: their cached results. */
  g_assert_cmpfloat (cell_at (sheet, "O", 5)->number, ==, 210000);
  g_assert_cmpfloat (cell_at (sheet, "O", 8)->number, ==, 492500);
  g_assert_cmpfloat (cell_at (sheet, "O", 7)->number, ==, 18500);
  /* An empty cell between two amounts. */
  g_assert_cmpint (cell_at (sheet, "C", 10)->kind, ==, PL_SHEET_CELL_EMPTY);
  g_assert_cmpfloat (cell_at (sheet, "H", 10)->number, ==, 15000);
}

static void
test_libreoffice_ods (void)
{
  g_autoptr(PlSheet) sheet = read_ok ("budget-lo.ods", NULL);

  g_assert_cmpint (sheet->format, ==, PL_SHEET_FORMAT_ODS);
  check_libreoffice_budget (sheet);
}

static void
test_libreoffice_xlsx (void)
{
  g_autoptr(PlSheet) sheet = read_ok ("budget-lo.xlsx", NULL);

  g_assert_cmpint (sheet->format, ==, PL_SHEET_FORMAT_XLSX);
  g_assert_false (sheet->date1904);
  check_libreoffice_budget (sheet);
}

/* The flat ODS LibreOffice converted from: the same reader, from memory. */
static void
test_flat_ods (void)
{
  g_autoptr(PlSheet) sheet = read_ok ("budget-lo.fods", NULL);

  g_assert_cmpint (sheet->format, ==, PL_SHEET_FORMAT_ODS);
  check_libreoffice_budget (sheet);
}

static void
test_named_sheet (void)
{
  const char *files[] = { "budget-lo.ods", "budget-lo.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(PlSheet) sheet = read_ok (files[i], "Révision T1");
      g_autoptr(PlSheet) folded = read_ok (files[i], "révision t1");
      g_autoptr(GError) error = NULL;
      g_autoptr(PlSheet) missing = read_fixture (files[i], "Budget 2028", &error);

      g_assert_cmpstr (sheet->name, ==, "Révision T1");
      g_assert_cmpuint (sheet->rows->len, ==, 2);
      g_assert_cmpstr (cell_at (sheet, "B", 1)->text, ==, "2027-01");
      g_assert_cmpfloat (cell_at (sheet, "D", 2)->number, ==, 25000);
      g_assert_cmpstr (folded->name, ==, "Révision T1");
      g_assert_null (missing);
      g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "“Budget 2028”"));
      g_assert_nonnull (strstr (error->message, "Budget 2027, Révision T1"));
    }
}

static void
check_openpyxl (const PlSheet *sheet)
{
  const PlSheetCell *cell = cell_at (sheet, "B", 1);

  g_assert_cmpstr (sheet->name, ==, "Budget");
  g_assert_cmpint (cell->kind, ==, PL_SHEET_CELL_DATE);
  g_assert_cmpuint (cell->julian, ==, julian (2027, 1, 1));
  g_assert_cmpstr (cell->text, ==, "2027-01-01");
  g_assert_cmpuint (cell_at (sheet, "M", 1)->julian, ==, julian (2027, 12, 1));
  /* A formula openpyxl wrote has no cached result: an empty cell, not a guess. */
  g_assert_true (cell_at (sheet, "N", 3) == NULL || cell_at (sheet, "N", 3)->kind == PL_SHEET_CELL_EMPTY);
  cell = cell_at (sheet, "B", 14);
  g_assert_cmpint (cell->kind, ==, PL_SHEET_CELL_TEXT);
  g_assert_cmpstr (cell->text, ==, "€3,000.00");
  g_assert_cmpfloat (cell_at (sheet, "C", 3)->number, ==, 16000);
}

static void
test_openpyxl (void)
{
  g_autoptr(PlSheet) sheet = read_ok ("budget-openpyxl.xlsx", NULL);

  g_assert_false (sheet->date1904);
  check_openpyxl (sheet);
}

static void
test_date1904 (void)
{
  g_autoptr(PlSheet) sheet = read_ok ("budget-1904.xlsx", NULL);

  g_assert_true (sheet->date1904);
  /* The serial numbers are 1,462 days smaller; the days are the same. */
  g_assert_cmpfloat (cell_at (sheet, "B", 1)->number, ==, 46388 - 1462);
  check_openpyxl (sheet);
}

static void
test_serial_numbers (void)
{
  g_assert_cmpuint (pl_sheet_serial_to_julian (1, FALSE), ==, julian (1900, 1, 1));
  g_assert_cmpuint (pl_sheet_serial_to_julian (59, FALSE), ==, julian (1900, 2, 28));
  /* Excel's 29 February 1900, which never was. */
  g_assert_cmpuint (pl_sheet_serial_to_julian (60, FALSE), ==, julian (1900, 2, 28));
  g_assert_cmpuint (pl_sheet_serial_to_julian (61, FALSE), ==, julian (1900, 3, 1));
  g_assert_cmpuint (pl_sheet_serial_to_julian (46388, FALSE), ==, julian (2027, 1, 1));
  g_assert_cmpuint (pl_sheet_serial_to_julian (46388.75, FALSE), ==, julian (2027, 1, 1));
  g_assert_cmpuint (pl_sheet_serial_to_julian (0, TRUE), ==, julian (1904, 1, 1));
  g_assert_cmpuint (pl_sheet_serial_to_julian (46388 - 1462, TRUE), ==, julian (2027, 1, 1));
  g_assert_cmpuint (pl_sheet_serial_to_julian (2958465, FALSE), ==, julian (9999, 12, 31));
  g_assert_cmpuint (pl_sheet_serial_to_julian (-1, FALSE), ==, 0);
  g_assert_cmpuint (pl_sheet_serial_to_julian (1e12, FALSE), ==, 0);
  g_assert_cmpuint (pl_sheet_serial_to_julian (NAN, FALSE), ==, 0);
}

static void
test_column_names (void)
{
  const struct { guint column; const char *name; } cases[] = {
    { 0, "A" }, { 25, "Z" }, { 26, "AA" }, { 701, "ZZ" }, { 702, "AAA" }, { 16383, "XFD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = pl_sheet_column_name (cases[i].column);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_csv (void)
{
  g_autoptr(PlSheet) french = read_ok ("budget-fr.csv", NULL);
  g_autoptr(PlSheet) windows = read_ok ("budget-fr-cp1252.csv", NULL);
  g_autoptr(PlSheet) english = read_ok ("budget-en.csv", NULL);

  g_assert_cmpint (french->format, ==, PL_SHEET_FORMAT_CSV);
  g_assert_cmpint (french->delimiter, ==, ';');
  /* The byte-order mark is not part of the first header. */
  g_assert_cmpstr (cell_at (french, "A", 1)->text, ==, "Catégorie");
  g_assert_cmpstr (cell_at (french, "C", 1)->text, ==, "janv. 2027");
  g_assert_cmpstr (cell_at (french, "C", 2)->text, ==, "16\u202f000,00\u00a0€");
  g_assert_cmpint (cell_at (french, "C", 2)->kind, ==, PL_SHEET_CELL_TEXT);
  g_assert_null (french->notes[0]);
  /* Windows-1252: the same words, and a note that says how it was read. */
  g_assert_cmpstr (cell_at (windows, "A", 1)->text, ==, "Catégorie");
  g_assert_cmpstr (cell_at (windows, "C", 2)->text, ==, "16\u00a0000,00\u00a0€");
  g_assert_nonnull (strstr (windows->notes[0], "WINDOWS-1252"));
  g_assert_cmpint (english->delimiter, ==, ',');
  g_assert_cmpstr (cell_at (english, "B", 5)->text, ==, "$22,000.00");
  /* Blank lines are no rows; the lines keep their numbers in the file. */
  g_assert_null (row_numbered (english, 2));
  g_assert_cmpstr (cell_at (english, "A", 3)->text, ==, "Digital marketing");
}

/* Every file that is no spreadsheet, or a broken one, is refused in words. */
static void
test_refused (void)
{
  const struct { const char *fixture; const char *text; gsize size; const char *words; } cases[] = {
    { "truncated.xlsx", NULL, 0, "cut short" },
    { "bomb.xlsx", NULL, 0, "larger than 256 MB once unpacked" },
    { NULL, "", 0, "empty" },
    { NULL, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and more", 20, "Excel 97–2003" },
    { NULL, "PK\x05\x06", 22, "damaged or incomplete" },
    { NULL, "\x7F" "ELF\x02\x01\x01\x00\x00\x00", 10, "neither a spreadsheet" },
    { NULL, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><office:document xmlns:office=\"o\"/>", 0,
      "document type declaration" },
    { NULL, "<?xml version=\"1.0\"?><office:document xmlns:office=\"o\"><table", 0, "damaged" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlSheet) sheet = cases[i].fixture
        ? read_fixture (cases[i].fixture, NULL, &error)
        : pl_sheet_read_bytes ((const guint8 *) cases[i].text, cases[i].size ? cases[i].size : strlen (cases[i].text),
                               NULL, &error);

      g_assert_null (sheet);
      g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].words);
    }
}

/* A row repeated a million times by ODS is refused as too large, without a million rows
 * in memory first; empty cells repeated to the sheet's edge cost nothing. */
static void
test_repeats (void)
{
  const char *head = "<?xml version=\"1.0\"?><office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                     "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                     "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                     "<table:table table:name=\"S\">";
  const char *tail = "</table:table></office:spreadsheet></office:body></office:document>";
  g_autofree char *huge = g_strconcat (head, "<table:table-row table:number-rows-repeated=\"1000000\">"
                                       "<table:table-cell office:value-type=\"float\" office:value=\"1\"/></table:table-row>",
                                       tail, NULL);
  g_autofree char *wide = g_strconcat (head, "<table:table-row table:number-rows-repeated=\"1048576\">"
                                       "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
                                       "<table:table-row><table:table-cell table:number-columns-repeated=\"3\"/>"
                                       "<table:table-cell office:value-type=\"string\"><text:p>a<text:s text:c=\"3\"/>b</text:p>"
                                       "<text:p>c</text:p></table:table-cell>"
                                       "<table:table-cell office:value-type=\"float\" office:value=\"2\" "
                                       "table:number-columns-repeated=\"5000\"/></table:table-row>",
                                       tail, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlSheet) refused = read_text (huge, &error);
  g_autoptr(PlSheet) sheet = NULL;

  g_assert_null (refused);
  g_assert_error (error, PL_ERROR, PL_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "more than 500000 cells"));
  g_clear_error (&error);
  sheet = read_text (wide, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, 1);
  g_assert_cmpuint (((PlSheetRow *) g_ptr_array_index (sheet->rows, 0))->row, ==, 1048577);
  g_assert_cmpstr (cell_at (sheet, "D", 1048577)->text, ==, "a   b\nc");
  /* Cut at the limit of columns, and said. */
  g_assert_cmpuint (sheet->n_columns, ==, PL_SHEET_MAX_COLUMNS);
  g_assert_nonnull (sheet->notes[0]);
  g_assert_nonnull (strstr (sheet->notes[0], "AMJ"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheet-read/libreoffice-ods", test_libreoffice_ods);
  g_test_add_func ("/sheet-read/libreoffice-xlsx", test_libreoffice_xlsx);
  g_test_add_func ("/sheet-read/flat-ods", test_flat_ods);
  g_test_add_func ("/sheet-read/named-sheet", test_named_sheet);
  g_test_add_func ("/sheet-read/openpyxl", test_openpyxl);
  g_test_add_func ("/sheet-read/date1904", test_date1904);
  g_test_add_func ("/sheet-read/serial-numbers", test_serial_numbers);
  g_test_add_func ("/sheet-read/column-names", test_column_names);
  g_test_add_func ("/sheet-read/csv", test_csv);
  g_test_add_func ("/sheet-read/refused", test_refused);
  g_test_add_func ("/sheet-read/repeats", test_repeats);
  return g_test_run ();
}
