/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-plan.h"

G_BEGIN_DECLS

/* Importing KPI measurements from a CSV export (GA4, a CRM): the columns to read, the
 * formats of dates and numbers, a preview of what would change with every rejected row and
 * why, then the change itself as one undoable edit. */

typedef enum {
  PL_IMPORT_DATE_AUTO,     /* from the first date of the file */
  PL_IMPORT_DATE_ISO,      /* 2027-03-31 */
  PL_IMPORT_DATE_DMY,      /* 31/03/2027 (also with - or .) */
  PL_IMPORT_DATE_MDY,      /* 03/31/2027 */
  PL_IMPORT_DATE_COMPACT,  /* 20270331, as GA4 writes it */
  PL_IMPORT_DATE_MONTH,    /* 2027-03, or 202703: the month's first day */
} PlImportDateFormat;

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
  char                decimal;       /* '.' or ','; 0 is '.' */
  char                thousands;     /* 0 none, or ',', '.', ' ' (any space, NBSP too) or '\''; spaces
                                      * are always skipped; never the same as @decimal */
  char                delimiter;     /* 0: found from the file */
  const char         *source;        /* kept with each measurement, e.g. "GA4" */
} PlImportOptions;

typedef struct {
  guint    row;        /* the line of the file */
  PlItem  *kpi;        /* borrowed from the plan */
  guint32  date;       /* Julian day: the first day of the KPI's period (see pl_import_period_start) */
  double   value;      /* as stored (a percentage as a fraction) */
  double   previous;   /* the value it replaces, NAN when new */
} PlImportRow;

typedef struct {
  guint  row;
  char  *reason;       /* "“12,5x” is not a number in this file’s format." */
  char  *message;      /* the same, for a list: "Row 14: “12,5x” is not a number…" */
} PlImportRejection;

typedef struct {
  GStrv      header;
  char       delimiter;
  guint      n_records;  /* data rows read */
  GStrv      ignored;    /* a column per KPI found from the header: the other columns, which
                          * are not read (a KPI renamed in the export shows here) */
  GArray    *rows;       /* PlImportRow, to apply */
  GPtrArray *rejected;   /* PlImportRejection */
} PlImportPreview;

/* Files above this are not an export of KPI figures; reading stops there. */
#define PL_IMPORT_MAX_FILE_SIZE ((gsize) 256 * 1024 * 1024)

/* Reads the CSV @file (at most PL_IMPORT_MAX_FILE_SIZE bytes) into a new NUL-terminated
 * text; NULL with PL_ERROR_FILE in plain words when it cannot be read. */
char            *pl_import_read_file    (GFile *file, gsize *length, GError **error);
/* Reads @text for @plan. Returns what the import would do; NULL with PL_ERROR_FILE when the
 * file as a whole cannot be used (not UTF-8, a quote never closed, no data, no date column
 * or KPI columns found). Nothing in @plan changes. */
PlImportPreview *pl_import_preview      (PlPlan *plan, const char *text, gssize length,
                                         const PlImportOptions *options, GError **error);
/* Applies the rows of @preview to @plan as one undoable edit; returns how many. */
guint            pl_import_apply        (PlPlan *plan, const PlImportPreview *preview, const char *source);
void             pl_import_preview_free (PlImportPreview *preview);
/* The first record of @text (the header), so that columns can be chosen even when no guess
 * fits; NULL with PL_ERROR_FILE when the file is not CSV text or holds nothing.
 * *@delimiter (optional) gets the delimiter found. */
GStrv            pl_import_read_header  (const char *text, gssize length, char *delimiter, GError **error);
/* Which columns of @header look like the dates, the KPIs and the values (by their names,
 * in English or French); -1 for those none does. */
void             pl_import_guess_columns (GStrv header, int *date, int *kpi, int *value);
/* The day a measurement of @kpi on @julian is stored on: the first day of its month for a
 * monthly KPI, of its quarter of the plan's year for a quarterly one, @julian itself for a
 * weekly one. */
guint32          pl_import_period_start (PlPlan *plan, PlItem *kpi, guint32 julian);
/* Reads a date in @format (AUTO tries each); 0 when it is not one. */
guint32          pl_import_parse_date   (const char *text, PlImportDateFormat format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlImportPreview, pl_import_preview_free)

G_END_DECLS
