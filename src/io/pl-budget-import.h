/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan.h"
#include "pl-sheet-read.h"

G_BEGIN_DECLS

/* Importing a budget from a sheet shaped as lines by months (pl-sheet-read.h): a header row
 * of months in any usual form ("2027-01", "Jan 2027", "janv. 2027", "janvier", "01/2027", a
 * date cell, "M1"), a column of line names, perhaps a category column or category rows (a
 * name with no amounts, the lines under it), perhaps a total column (checked against the
 * months, never imported), subtotal and total rows (left out). A month whose figures sit side
 * by side ("Planned", "Actual", "Variance" in a row under the month merged over them, or
 * headings such as "Jan 2027 – Planned" and "Actual Jan 2027") is read from its budget's
 * column, the other figures left; so is Pilote's own export (pl-sheet-table.h), whose rows of
 * spend on no line are left out. A preview says how every row
 * and column was read and which lines are new, changed (old → new per month) or unchanged;
 * applying it is one undoable edit. Lines are matched to the plan's by name, whatever the
 * case, accents and spaces. The months a sheet has set the line's amounts for those months
 * (an empty cell is 0); the months it does not have are left as they are. */

typedef enum {
  PL_BUDGET_COLUMN_IGNORED,   /* read as nothing: @reason says why */
  PL_BUDGET_COLUMN_NAME,      /* the line names */
  PL_BUDGET_COLUMN_CATEGORY,  /* the categories */
  PL_BUDGET_COLUMN_MONTH,     /* a month of the plan: @month */
  PL_BUDGET_COLUMN_TOTAL,     /* the year's total: checked, not imported */
} PlBudgetColumnKind;

typedef struct {
  guint              column;  /* 0-based */
  PlBudgetColumnKind kind;
  int                month;   /* MONTH: the plan's month (0-based) */
  char              *header;  /* as the sheet writes it */
  char              *reason;  /* IGNORED: "March 2026 is outside the plan’s period" */
} PlBudgetColumn;

typedef enum {
  PL_BUDGET_ROW_LINE,      /* a budget line: see the line changes */
  PL_BUDGET_ROW_CATEGORY,  /* a category heading the rows under it */
  PL_BUDGET_ROW_TOTAL,     /* a total or subtotal, left out */
  PL_BUDGET_ROW_SKIPPED,   /* a line that cannot be read, not imported: @reason says why */
  PL_BUDGET_ROW_IGNORED,   /* nothing to import (a note, a line with no amounts): @reason */
} PlBudgetRowKind;

typedef struct {
  guint           row;     /* 1-based, as the spreadsheet numbers it */
  PlBudgetRowKind kind;
  char           *label;   /* its name, "" when none */
  char           *reason;  /* SKIPPED and TOTAL: why, in a sentence */
} PlBudgetRow;

typedef enum {
  PL_BUDGET_LINE_NEW,
  PL_BUDGET_LINE_CHANGED,
  PL_BUDGET_LINE_UNCHANGED,
} PlBudgetLineStatus;

typedef struct {
  guint              row;
  PlBudgetLineStatus status;
  char              *name;          /* as the sheet writes it */
  PlBudgetLine      *line;          /* the plan's line it updates (borrowed), NULL when new */
  PlCategory        *category;      /* NEW: the category it goes in (borrowed), NULL when one is created */
  char              *category_name; /* NEW: the category's name (the one to create when @category is NULL) */
  guint              n_months;      /* the plan's months */
  gint64            *amounts;       /* the amounts after the import, for every month of the plan */
  gint64            *previous;      /* the amounts now (zeros for a new line) */
  char              *note;          /* "The sheet’s total, 120 000, is not the sum of its months, 119 000." */
} PlBudgetLineChange;

typedef struct {
  char      *sheet_name;  /* the sheet read ("" for CSV) */
  GStrv      sheet_names; /* every sheet of the file */
  guint      header_row;  /* 1-based */
  GPtrArray *columns;     /* PlBudgetColumn, for every non-empty header cell, left to right */
  GPtrArray *rows;        /* PlBudgetRow, every non-empty row under the header */
  GPtrArray *lines;       /* PlBudgetLineChange, in sheet order */
  GStrv      new_categories; /* the categories Import creates */
  GStrv      notes;       /* what was read differently from the sheet's face, in sentences */
  char       decimal;     /* the decimal separator of amounts written as text */
  guint      n_new, n_changed, n_unchanged;
  guint      n_skipped;   /* rows SKIPPED: lines the sheet has and the import leaves out */
} PlBudgetPreview;

/* Reads @sheet for @plan: finds the header row, the columns and every line. NULL with
 * PL_ERROR_FILE in plain words when the sheet cannot be a budget by months (empty, no row of
 * months, no column of names, no month in the plan's period). Nothing in @plan changes. */
PlBudgetPreview *pl_budget_import_preview (PlPlan *plan, const PlSheet *sheet, GError **error);
/* Applies @preview to @plan as one undoable edit ("Import Budget"): the categories to create,
 * the new lines under their categories, the changed lines' amounts. Returns the number of
 * lines added or changed (0: nothing done, no undo step); FALSE-like 0 with @error when the
 * plan refused an amount (then the plan is as before). */
guint            pl_budget_import_apply   (PlPlan *plan, const PlBudgetPreview *preview, GError **error);
void             pl_budget_import_preview_free (PlBudgetPreview *preview);

/* "2 lines new, 3 changed, 1 unchanged, 2 rows skipped": for a final message. */
char            *pl_budget_import_counts_text (const PlBudgetPreview *preview);
/* How column @column was read: "Column C “janv.”: January 2027", "Column A: line names",
 * "Column F “mars 2026”: not read (a month outside the plan’s period)". */
char            *pl_budget_import_describe_column (PlPlan *plan, const PlBudgetColumn *column);
/* How every column was read, runs of months in a row said once: "Column A “Catégorie”: categories",
 * "Columns C to N (“janvier” to “décembre”): January 2027 to December 2027". */
GStrv            pl_budget_import_describe_columns (PlPlan *plan, const PlBudgetPreview *preview);
/* Row @row in a sentence: "Row 7: “Events” is a category." "Row 12: skipped, “12,5x” in March 2027
 * is not an amount." */
char            *pl_budget_import_describe_row (const PlBudgetRow *row);
/* A line change in one line: "Row 4: LinkedIn Ads (new, in Digital marketing): 120 000 over 12 months",
 * "Row 5: “Google Ads”: March 2027: 19 000 EUR → 21 000 EUR; April 2027 to June 2027: …", "Row 6: SEO: unchanged". */
char            *pl_budget_import_describe_line (PlPlan *plan, const PlBudgetLineChange *change);
/* The months a change sets otherwise, old → new, months in a row that change alike said once:
 * "January 2027 to March 2027: 19 000 EUR → 21 000 EUR; April 2027: …"
 * ("" when none). */
char            *pl_budget_import_describe_months (PlPlan *plan, const PlBudgetLineChange *change);
/* Normalises a name for matching: accents and case gone, spaces and dashes folded. */
char            *pl_budget_import_match_key (const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlBudgetPreview, pl_budget_import_preview_free)

G_END_DECLS
