/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One sheet of a spreadsheet as rows of cells, whatever wrote it: an XLSX workbook (Excel,
 * LibreOffice, Google Sheets, openpyxl), an OpenDocument spreadsheet (.ods, or a flat .fods),
 * or CSV text (pl-csv.h). The containers are read through libgsf and their XML through a
 * streaming libxml2 reader, each part under a size cap, so that a zip bomb or a sheet of a
 * million rows ends in a message instead of filling the memory. Cells hold what the file
 * holds: cached formula results, never formulas; a cell merged into another is empty and
 * says so. */

typedef enum {
  PL_SHEET_CELL_EMPTY,
  PL_SHEET_CELL_TEXT,
  PL_SHEET_CELL_NUMBER,  /* a number cell: @number holds it */
  PL_SHEET_CELL_BOOL,    /* @number is 0 or 1, @text "TRUE" or "FALSE" */
  PL_SHEET_CELL_DATE,    /* a date cell: @julian holds the day, @number the serial number */
  PL_SHEET_CELL_ERROR,   /* "#REF!", "#DIV/0!": a formula that failed */
} PlSheetCellKind;

typedef struct {
  PlSheetCellKind kind;
  gboolean        covered;  /* merged into a cell to its left or above (then empty) */
  char           *text;     /* as written or as shown; NULL for an empty cell */
  double          number;   /* NAN unless NUMBER, BOOL or DATE */
  guint32         julian;   /* DATE: the day; 0 otherwise */
} PlSheetCell;

typedef struct {
  guint        row;        /* 1-based, as the spreadsheet numbers it (the line for CSV) */
  guint        n_cells;    /* up to the last non-empty cell */
  PlSheetCell *cells;
} PlSheetRow;

typedef enum {
  PL_SHEET_FORMAT_CSV,
  PL_SHEET_FORMAT_XLSX,
  PL_SHEET_FORMAT_ODS,
} PlSheetFormat;

typedef struct {
  PlSheetFormat format;
  GStrv         names;     /* every sheet of the workbook, in order (one, "", for CSV) */
  char         *name;      /* the sheet read */
  GPtrArray    *rows;      /* PlSheetRow, non-empty rows only, in order */
  guint         n_columns; /* the widest row */
  gboolean      date1904;  /* XLSX: serial numbers count from 1904 (old Mac Excel) */
  char          delimiter; /* CSV: the one found */
  GStrv         notes;     /* what was read differently from the file's face, in words */
} PlSheet;

/* Limits: far beyond a budget sheet, low enough for any machine. */
#define PL_SHEET_MAX_FILE_SIZE  ((gsize) 64 * 1024 * 1024)   /* the file itself */
#define PL_SHEET_MAX_PART_SIZE  ((gsize) 256 * 1024 * 1024)  /* one uncompressed part */
#define PL_SHEET_MAX_CELLS      500000
#define PL_SHEET_MAX_COLUMNS    1024
#define PL_SHEET_MAX_TEXT       32767                        /* Excel's own cell limit */

/* Reads the sheet named @sheet_name (NULL: the first) of the spreadsheet @data (@size bytes),
 * its kind found from its bytes (@file_name only names it in messages). NULL with PL_ERROR_FILE
 * in plain words when the bytes are not a spreadsheet this reads (an old .xls, a damaged or
 * truncated file, a part too large), or PL_ERROR_NOT_FOUND when there is no such sheet (the
 * message lists those there are). */
PlSheet    *pl_sheet_read_bytes (const guint8 *data, gsize size, const char *sheet_name, GError **error);
/* Reads @file (at most PL_SHEET_MAX_FILE_SIZE bytes) as pl_sheet_read_bytes(). */
PlSheet    *pl_sheet_read_file  (GFile *file, const char *sheet_name, GError **error);
void        pl_sheet_free       (PlSheet *sheet);

/* The cell at @column (0-based) of @row, or NULL beyond its last cell. */
const PlSheetCell *pl_sheet_row_get (const PlSheetRow *row, guint column);
/* The day of spreadsheet serial number @serial (whole days) with the 1900 or the 1904 epoch;
 * 0 when it is no day (negative, beyond year 9999). */
guint32     pl_sheet_serial_to_julian (double serial, gboolean date1904);
/* "A", "B", … "Z", "AA": a column as spreadsheets name it (@column 0-based). */
char       *pl_sheet_column_name (guint column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSheet, pl_sheet_free)

G_END_DECLS
