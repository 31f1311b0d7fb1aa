/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pl-measurement-import.h"
#include "pl-plan-file.h"

G_BEGIN_DECLS

/* What every pilote-cli command shares, so that commands can live in files of their own. */

/* Exit codes: 0 done, 1 the file has problems (or could not be written), 2 the command
 * line is wrong. The imports, run by scripts that must know whether the plan changed, say 1
 * whenever nothing was saved (rows rejected, a file that cannot be read) and 3 when the plan
 * was saved with rows left out (--keep-going). */
enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2, EXIT_PARTIAL = 3 };

/* Prints @message for a wrong command line of @command and how to get help; returns EXIT_USAGE. */
int      pl_cli_usage_error       (const char *command, const char *message);
/* Parses the options of a command; returns FALSE (with a message printed, *@status set) on a
 * usage error. */
gboolean pl_cli_parse             (const char *command, const char *arguments, const char *summary,
                                   GOptionEntry *entries, int *argc, char ***argv, int *status);


/* What the import commands (import, import-spend, import-budget) do alike. Each prints what went
 * wrong itself, in the same form: a file name, then the reason. */

/* How a CSV import's command line says the file writes dates and numbers, as given. */
typedef struct
{
  const char *date_format;   /* --date-format */
  const char *thousands;     /* --thousands */
  const char *delimiter;     /* --delimiter */
  gboolean    decimal_comma; /* --decimal-comma */
  gboolean    decimal_point; /* --decimal-point */
} PlCliCsvFormat;

/* Checks @given for @command and sets the import options it says (*@decimal 0 when neither
 * decimal option is given: the import finds it); FALSE with the usage error printed and
 * *@status set. */
gboolean pl_cli_read_csv_format   (const char *command, const PlCliCsvFormat *given, PlImportDateFormat *date_format,
                                   char *decimal, char *thousands, char *delimiter, int *status);
/* Loads the plan named @name on the command line; *@file and *@stamp are for saving it back.
 * NULL with the reason printed. */
PlPlan  *pl_cli_load_plan         (const char *name, GFile **file, PlFileStamp *stamp);
/* Reads the CSV file named @name on the command line (pl_import_read_file()) into a new text of
 * *@length bytes; *@data is the file. NULL with the reason printed after @name. */
char    *pl_cli_read_import       (const char *name, GFile **data, gsize *length);
/* Prints each PlImportRejection of @rejected as "@name:row: reason" on stderr. */
void     pl_cli_print_rejections  (const char *name, GPtrArray *rejected);
/* The values of a list option given repeated or comma-separated (both read the same), in one
 * list without empty pieces; @texts may be NULL. */
GStrv    pl_cli_split_list        (char **texts);
/* Saves @plan back to @file (loaded with @stamp); FALSE with the reason printed. */
gboolean pl_cli_save_plan         (PlPlan *plan, GFile *file, PlFileStamp *stamp);
/* The exit status of an import that left @n_left_out rows out: of its dry run (@dry_run), or
 * once it changed @applied things and saved them. */
int      pl_cli_import_status     (guint n_left_out, gboolean dry_run, guint applied);

G_END_DECLS
