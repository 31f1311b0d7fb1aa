/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"

G_BEGIN_DECLS

/* What a spreadsheet export holds: the budget, the KPI measurements or the campaigns list,
 * as a grid of cells made once from the plan's figures (PlBudgetTotals, pl-figures.h: the
 * numbers the window shows). The XLSX and CSV writers (pl-sheet-export.h) only lay it out. */

typedef enum {
  PL_SHEET_BUDGET,     /* planned, committed, actual and variance by line and month */
  PL_SHEET_KPIS,       /* each KPI's actual and target by month */
  PL_SHEET_CAMPAIGNS,  /* one row a campaign */
  PL_SHEET_N_WHAT
} PlSheetWhat;

typedef enum {
  PL_SHEET_EMPTY,
  PL_SHEET_TEXT,    /* always text, even "=1+1" */
  PL_SHEET_NUMBER,  /* a number, or a formula's cached result */
  PL_SHEET_DATE,    /* a day: @number is its Julian day */
} PlSheetKind;

/* How a number reads. */
typedef enum {
  PL_SHEET_PLAIN,
  PL_SHEET_MONEY,    /* in major units of the plan's currency */
  PL_SHEET_PERCENT,  /* a share: 0.125 reads 12.5 % */
  PL_SHEET_RATIO,    /* 3.4× */
  PL_SHEET_COUNT,    /* whole numbers, grouped */
  PL_SHEET_DECIMAL,  /* two decimals, grouped */
  PL_SHEET_N_STYLES
} PlSheetStyle;

/* What a row is, for its look. */
typedef enum {
  PL_SHEET_ROW_HEADER,
  PL_SHEET_ROW_BODY,
  PL_SHEET_ROW_SUBTOTAL,
  PL_SHEET_ROW_TOTAL,
  PL_SHEET_N_ROLES
} PlSheetRole;

typedef struct {
  guint8  kind;     /* PlSheetKind */
  guint8  style;    /* PlSheetStyle */
  guint16 span;     /* header cells: the columns the text covers (merged); 0 or 1 otherwise */
  char   *text;     /* PL_SHEET_TEXT */
  char   *formula;  /* PL_SHEET_NUMBER: the formula that makes it ("SUM(C3:C9)", no "="), or NULL */
  double  number;
} PlSheetTableCell;

typedef struct {
  char   *title;            /* the sheet's name, in the user's language, fit for a sheet tab */
  guint   n_columns;
  guint   n_rows;
  guint   n_header_rows;    /* frozen at the top */
  guint   n_fixed_columns;  /* frozen at the left: what names the row */
  char   *currency;         /* ISO 4217 */
  guint   exponent;         /* its decimals */
  gboolean filter;          /* the header row gets filter buttons (one header row, a total row last) */
  /* private */
  GArray *cells;            /* n_rows × n_columns PlSheetTableCell */
  GArray *roles;            /* a PlSheetRole per row */
} PlSheetTable;

/* @what in the user's language, as a sheet's name and in menus ("Budget", "KPI measurements"). */
const char        *pl_sheet_what_title   (PlSheetWhat what);
/* Returns @what of @plan as a table. */
PlSheetTable      *pl_sheet_table_new    (PlPlan *plan, PlSheetWhat what);
void               pl_sheet_table_free   (PlSheetTable *table);
const PlSheetTableCell *pl_sheet_table_get    (const PlSheetTable *table, guint row, guint column);
PlSheetRole        pl_sheet_table_role   (const PlSheetTable *table, guint row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSheetTable, pl_sheet_table_free)

G_END_DECLS
