/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-import-change.h"
#include "pl-plan.h"

G_BEGIN_DECLS

/* Importing KPI measurements from a CSV export (GA4, a CRM): the columns to read, the
 * formats of dates and numbers, a preview of what would change with every rejected row and
 * why, then the change itself as one undoable edit.
 *
 * Each date lands in the period of its KPI's frequency (pl-kpi-period.h) and the file's figure
 * for that period replaces whatever the plan holds in it, on any of its days: an import never
 * adds a second value to a period, and importing the same export again changes nothing. Rows
 * finer than the KPI (daily rows into a monthly KPI) are combined by the KPI's aggregate.
 *
 * With a campaign column (PlImportOptions.campaign_column, pl-import-campaigns.h), the same
 * rules give campaign results instead: each row's values are what its campaign brought to the
 * KPIs, by month (whatever the KPI's frequency), replacing the month's result on the campaign's
 * link to the KPI; the link is added when there is none. */

typedef enum {
  PL_IMPORT_DATE_AUTO,     /* from the first date of the file */
  PL_IMPORT_DATE_ISO,      /* 2027-03-31 */
  PL_IMPORT_DATE_DMY,      /* 31/03/2027 (also with - or .) */
  PL_IMPORT_DATE_MDY,      /* 03/31/2027 */
  PL_IMPORT_DATE_COMPACT,  /* 20270331, as GA4 writes it */
  PL_IMPORT_DATE_MONTH,    /* 2027-03, 202703, 03/2027, Mar 2027, janv. 2027: the month's first day */
  PL_IMPORT_DATE_WORDS,    /* Dec 1, 2026; 1 déc. 2026; 1er décembre 2026 */
} PlImportDateFormat;

/* How numbers without a "%" read for a KPI measured in percent. */
typedef enum {
  PL_IMPORT_PERCENT_AUTO,      /* as the column's header says ("Churn (%)"), else as the KPI's history */
  PL_IMPORT_PERCENT_NUMBERS,   /* percent numbers: 0.9 is 0.9 % */
  PL_IMPORT_PERCENT_FRACTIONS, /* fractions: 0.9 is 90 % */
} PlImportPercent;

typedef struct {
  /* Columns by header name (any case) or 1-based number; NULL: guessed from the header. */
  const char         *date_column;
  const char         *kpi_column;    /* long format: a KPI per row... */
  const char         *value_column;  /* ...and its value */
  gboolean            wide;          /* wide format: every other column naming a KPI is one */
  /* Wide format, the KPI columns chosen: each "HEADER" (by its name or number, naming a KPI by
   * its ID or name) or "HEADER=KPI" (GA4's "Total users=kpi-visitors"); NULL: every column
   * whose header names a KPI. Implies @wide. */
  const char * const *kpi_columns;
  PlImportDateFormat  date_format;
  char                decimal;       /* '.' or ','; 0: ',' when fields are separated by ';', '.' otherwise */
  char                thousands;     /* 0 none, or ',', '.', ' ' (any space, NBSP too) or '\''; spaces
                                      * are always skipped; never the same as @decimal */
  char                delimiter;     /* 0: found from the file */
  const char         *source;        /* kept with each measurement, e.g. "GA4" */
  PlImportPercent     percent;
  /* The column naming each row's campaign, by header name (any case) or 1-based number: the
   * row's values are then that campaign's results on the KPIs (by month), not the KPIs'
   * measurements. NULL: a column headed as CRM and analytics exports head it ("Campaign",
   * "Campaign name", "utm_campaign", "Session campaign", "Campagne"…, see
   * pl_import_guess_campaign_column()) is taken, unless @no_campaign says the file holds KPI
   * measurements only. */
  const char         *campaign_column;
  gboolean            no_campaign;
} PlImportOptions;

typedef struct {
  guint  row;
  char  *reason;       /* "“12,5x” is not a number in this file’s format." */
  char  *message;      /* the same, for a list: "Row 14: “12,5x” is not a number…" */
} PlImportRejection;

/* A campaign name (or code) of the file that no campaign of the plan has, and its rows. */
typedef struct {
  char  *name;         /* as the file writes it, trimmed */
  guint  n_rows;
  guint  first_row;
} PlImportUnmatched;

/* A campaign attached to a KPI by the import, for its results (no expected contribution). */
typedef struct {
  PlItem *campaign;    /* borrowed from the plan */
  PlItem *kpi;
} PlImportLink;

typedef struct {
  GStrv      header;
  char       delimiter;
  guint      n_records;  /* data rows read */
  guint      n_values;   /* cells read into values (before rows of one period are combined) */
  guint      n_rejected_rows; /* rows with at least one rejection (a wide row may have several) */
  GStrv      ignored;    /* a column per KPI found from the header: the other columns, which
                          * are not read (a KPI renamed in the export shows here) */
  GArray    *changes;    /* PlImportChange, one per KPI and period, in file order: to apply */
  GPtrArray *rejected;   /* PlImportRejection, in file order */
  GStrv      notes;      /* what the import read differently from the file's face, in words
                          * ("The dates are all month ends: …") */
  gboolean   unsigned_percent; /* a percentage KPI's values came without "%" (the choice matters) */
  /* Campaign results (PlImportOptions.campaign_column): */
  int        campaign_column; /* the column naming the campaigns, -1 when the file has none */
  guint      n_not_campaign;  /* rows of traffic from no campaign ("(direct)", "(organic)", "(not set)",
                               * an empty cell): left out, not rejected */
  GArray    *unmatched;       /* PlImportUnmatched, each name once, in file order; its rows are rejected */
  GArray    *new_links;       /* PlImportLink: the links pl_import_apply() adds, in file order */
} PlImportPreview;

/* Files above this are not an export of KPI figures; reading stops there. */
#define PL_IMPORT_MAX_FILE_SIZE ((gsize) 256 * 1024 * 1024)

/* Reads the CSV @file (at most PL_IMPORT_MAX_FILE_SIZE bytes) into a new NUL-terminated
 * text; NULL with PL_ERROR_FILE in plain words when it cannot be read. */
char            *pl_import_read_file    (GFile *file, gsize *length, GError **error);
/* Reads @text for @plan. Returns what the import would do; NULL with PL_ERROR_FILE when the
 * file as a whole cannot be used (not UTF-8, a quote never closed, no data, no date column
 * or KPI columns found, no date that reads), or PL_ERROR_AMBIGUOUS when a percentage KPI's
 * values without "%" could be read two ways (the caller asks: PlImportOptions.percent).
 * Nothing in @plan changes. */
PlImportPreview *pl_import_preview      (PlPlan *plan, const char *text, gssize length,
                                         const PlImportOptions *options, GError **error);
/* The thousands separator @text needs read with @options ("," or "." against the decimal
 * separator; options->thousands is not looked at): that separator when it makes more values
 * read and fewer rows rejected than none, else 0. Digits must come in groups of three
 * around it, so the guess cannot misread a decimal separator. */
char             pl_import_guess_thousands (PlPlan *plan, const char *text, gssize length,
                                            const PlImportOptions *options);
/* Applies the changes of @preview to @plan as one undoable edit: each period gets its one value
 * on its first day, the values stored on its other days go. Returns how many values changed
 * (those the plan held already are left alone). */
guint            pl_import_apply        (PlPlan *plan, const PlImportPreview *preview, const char *source);
void             pl_import_preview_free (PlImportPreview *preview);
/* The first record of @text (the header), so that columns can be chosen even when no guess
 * fits; NULL with PL_ERROR_FILE when the file is not CSV text or holds nothing.
 * *@delimiter (optional) gets the delimiter found. */
GStrv            pl_import_read_header  (const char *text, gssize length, char *delimiter, GError **error);
/* Which columns of @header look like the dates, the KPIs and the values (by their names,
 * in English or French); -1 for those none does. */
void             pl_import_guess_columns (GStrv header, int *date, int *kpi, int *value);
/* The KPI of @plan that a column's header or a cell names, as the import finds it: by ID, or
 * by name in any case, with or without a percent sign after it; NULL when none does. */
PlItem          *pl_import_find_kpi      (PlPlan *plan, const char *text);
/* Reads a date in @format (AUTO tries each); 0 when it is not one. */
guint32          pl_import_parse_date   (const char *text, PlImportDateFormat format);
/* The forms of dates the import reads, for a message: "2027-03-31, 31/03/2027, …". */
const char      *pl_import_date_forms   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlImportPreview, pl_import_preview_free)

G_END_DECLS
