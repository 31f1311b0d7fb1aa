/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"
#include "pl-sheet-table.h"

G_BEGIN_DECLS

/* Export of the budget, the KPI measurements or the campaigns list (pl-sheet-table.h) to a
 * spreadsheet, for finance.
 *
 * XLSX, written by libxlsxwriter: numbers are number cells in the plan's currency format
 * (`#,##0.00 "€"`, `"$"#,##0.00` where the user's locale puts the sign first, no decimals for
 * JPY), shares in percent format, dates date cells in the reader's short date format; the
 * totals and subtotals are formulas (=SUM(...), variance =actual-planned) with their results
 * cached, so that a reader that does not recalculate shows them; header rows and the naming
 * columns frozen; columns as wide as their content; the sheet named in the user's language.
 * Text is always written as text, even when it looks like a formula ("=1+1").
 *
 * CSV: the values of the same cells, formulas replaced by their results, no formats:
 * - UTF-8 with a byte order mark, without which Excel reads UTF-8 as the ANSI code page;
 * - the separator and the decimal mark of the user's locale, as Excel opens a CSV by a
 *   double click: "," and "." in English; ";" and "," where the locale's decimal mark is a
 *   comma (French, German...), since the comma is then the decimal mark;
 * - amounts with all the currency's decimals and no sign or grouping ("1234.50"); shares as
 *   fractions (0.125 for 12.5 %); dates as YYYY-MM-DD, which every spreadsheet reads;
 * - fields quoted ("...", quotes doubled) when they hold the separator, a quote, a line break
 *   or spaces at either end; lines end with CRLF (RFC 4180);
 * - text that starts with = + - @ or a tab, which a spreadsheet would run as a formula, is
 *   written after an apostrophe ('=1+1), as OWASP advises against formula injection;
 * - a budget's two heading rows are one: "Jan 2027 – Planned".
 *
 * Both are written to a temporary file beside @path, renamed over it when complete: a failed
 * export leaves the old file as it was. */

typedef enum {
  PL_SHEET_XLSX,
  PL_SHEET_CSV,
} PlSheetFormat;

/* The key of @what on the command line ("budget", "kpis", "campaigns"). */
const char *pl_sheet_what_key        (PlSheetWhat what);
/* The PlSheetWhat @key names; FALSE when none. */
gboolean    pl_sheet_what_from_key   (const char *key, PlSheetWhat *what);
/* The format @path's extension names (.xlsx or .csv, in any case); FALSE with a
 * PL_ERROR_INVALID_VALUE in words otherwise. */
gboolean    pl_sheet_format_for_path (const char *path, PlSheetFormat *format, GError **error);
/* The extension of @format, without the dot ("xlsx"). */
const char *pl_sheet_format_extension (PlSheetFormat format);
/* A file name for @what of @plan in @format: "Northwind SaaS 2027 – Budget.xlsx". */
char       *pl_sheet_suggest_name    (PlPlan *plan, PlSheetWhat what, PlSheetFormat format);

/* Writes @table to @path in @format. FALSE with a PL_ERROR_READ_ONLY or PL_ERROR_FILE in plain
 * words naming the file (a read-only folder, a full disk...) when it cannot. */
gboolean    pl_sheet_table_write     (const PlSheetTable *table, PlSheetFormat format, const char *path,
                                      GError **error);
/* Writes @what of @plan to @path in @format, as pl_sheet_table_write(). */
gboolean    pl_sheet_export          (PlPlan *plan, PlSheetWhat what, PlSheetFormat format, const char *path,
                                      GError **error);

G_END_DECLS
