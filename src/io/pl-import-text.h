/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-measurement-import.h"

G_BEGIN_DECLS

/* How the imports read the cells of a file the same way: numbers in the file's format, columns
 * found by their headers, rejected rows in the same words. Shared by the KPI import
 * (pl-measurement-import.c) and the spend import (pl-spend-import.c); their dates are read by
 * pl_import_parse_date(). The budget sheet reader reads its file with pl_import_read_capped(). */

/* Reads @file (at most @max_size bytes, checked as it comes) into a new NUL-terminated text of
 * *@length bytes; NULL with PL_ERROR_FILE in plain words when it cannot be read, @is_folder or
 * @too_large (both already translated) being the words for a folder and for a file too large.
 * Shared by the CSV imports (pl_import_read_file()) and the budget sheet (pl_sheet_read_file()). */
char     *pl_import_read_capped    (GFile *file, gsize max_size, const char *is_folder, const char *too_large,
                                    gsize *length, GError **error);
/* Reads a number as a file writes it: @decimal ('.' or ','), @thousands (0, or ',', '.', ' ' or
 * '\'') between groups of three digits only, spaces (NBSP too) between digits, at most one "%"
 * (*@percent set when it is there). *@c_number (optional) gets the number as C writes it,
 * without the "%". FALSE when it is not a number in that format. */
gboolean  pl_import_parse_number   (const char *text, char decimal, char thousands, double *value,
                                    gboolean *percent, char **c_number);
/* The column of @header named @wanted (any case, spaces around ignored) or numbered @wanted
 * (1-based); -1 when @wanted is NULL, -2 when there is no such column. */
int       pl_import_find_column    (GStrv header, const char *wanted);
/* The first column of @header named like one of @names (NULL-terminated, in order of
 * preference), or -1. */
int       pl_import_guess_column   (GStrv header, const char * const *names);
/* A rejected row: @reason, and the same in a list ("Row 14: …"). */
PlImportRejection *pl_import_rejection_new  (guint row, char *reason);
void               pl_import_rejection_free (PlImportRejection *rejection);

G_END_DECLS
