/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A CSV file as exported by web analytics and CRM tools, read by RFC 4180: fields in double
 * quotes may hold separators, quotes ("") and line breaks; lines end in CRLF or LF. A UTF-8
 * byte-order mark is skipped (a UTF-16 one makes the text read as UTF-16, as Excel writes
 * "Unicode text"), and so are lines starting with the comment prefix (GA4 starts its exports
 * with "#" lines) and blank lines. The delimiter is ',', ';' or a tab, found from the first
 * data line when not given. */

typedef struct {
  guint   line;    /* where the record starts in the file (1-based), for messages */
  GStrv   fields;
} PlCsvRecord;

typedef struct {
  char        delimiter;  /* 0: find it */
  const char *comment;    /* NULL: "#"; "": no comment lines */
} PlCsvOptions;

/* Reads @text (@length bytes, -1 for NUL-terminated). Returns the records (a new array of
 * PlCsvRecord), or NULL with PL_ERROR_FILE naming the line, when the text is not UTF-8 or a
 * quoted field is never closed. *@delimiter (optional) says which one was used. */
GPtrArray *pl_csv_read        (const char *text, gssize length, const PlCsvOptions *options,
                               char *delimiter, GError **error);
void       pl_csv_record_free (PlCsvRecord *record);

G_END_DECLS
