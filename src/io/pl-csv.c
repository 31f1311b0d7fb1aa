/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-csv"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pl-csv.h"
#include "pl-error.h"

void
pl_csv_record_free (PlCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->fields);
  g_free (record);
}

/* Whether the line at @p starts with @comment; the text need not end in a NUL. */
static gboolean
is_comment (const char *p, const char *end, const char *comment, gsize comment_length)
{
  return comment_length > 0 && (gsize) (end - p) >= comment_length && memcmp (p, comment, comment_length) == 0;
}

/* The delimiter of the first data line: the most frequent of ',', ';' and tab outside
 * quotes (a European CRM writes ';' because ',' is its decimal separator). */
static char
find_delimiter (const char *p, const char *end, const char *comment)
{
  gsize comment_length = strlen (comment);
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  /* Skip comment and blank lines. */
  while (p < end && (*p == '\n' || *p == '\r' || is_comment (p, end, comment, comment_length)))
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      p = eol ? eol + 1 : end;
    }
  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          counts[i] += *p == candidates[i];
    }
  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;
  return candidates[best];
}

GPtrArray *
pl_csv_read (const char *text, gssize length, const PlCsvOptions *options, char *delimiter_out, GError **error)
{
  gsize size = length < 0 ? strlen (text) : (gsize) length;
  const char *p = text, *end = text + size, *invalid = NULL;
  const char *comment = options && options->comment ? options->comment : "#";
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_csv_record_free);
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  gsize comment_length = strlen (comment);
  guint line = 1, record_line = 1;
  /* A record has started once anything of it was read, even an empty quoted field. */
  gboolean in_record = FALSE;
  char delimiter;
  g_autofree char *converted = NULL;

  /* Excel's "Unicode text" is UTF-16 with a byte-order mark: unambiguous, so read as such. */
  if (size >= 2 && ((guchar) text[0] == 0xFF || (guchar) text[0] == 0xFE) &&
      (guchar) text[1] == ((guchar) text[0] == 0xFF ? 0xFE : 0xFF))
    {
      gsize converted_size = 0;

      converted = g_convert (text + 2, (gssize) size - 2, "UTF-8", (guchar) text[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                             NULL, &converted_size, NULL);
      if (converted == NULL)
        {
          g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                               _("The file starts as UTF-16 text but is not: save it as UTF-8 (in a spreadsheet, “CSV UTF-8”)."));
          return NULL;
        }
      text = converted;
      size = converted_size;
      p = text;
      end = text + size;
    }
  if (!g_utf8_validate (text, (gssize) size, &invalid))
    {
      guint bad_line = 1;
      for (const char *q = text; q < invalid; q++)
        bad_line += *q == '\n';
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("Line %u is not UTF-8 text: save the file as UTF-8 (in a spreadsheet, “CSV UTF-8”)."), bad_line);
      return NULL;
    }
  if (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  delimiter = options && options->delimiter ? options->delimiter : find_delimiter (p, end, comment);
  if (delimiter_out != NULL)
    *delimiter_out = delimiter;

  while (p < end)
    {
      /* Comment and blank lines count only at the start of a record. */
      if (!in_record && (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n') ||
                         is_comment (p, end, comment, comment_length)))
        {
          const char *eol = memchr (p, '\n', (gsize) (end - p));
          p = eol ? eol + 1 : end;
          line++;
          record_line = line;
          continue;
        }
      in_record = TRUE;
      if (*p == '"' && field->len == 0)
        {
          guint opened = line;
          /* A quoted field: up to the lone closing quote; "" is a quote. */
          for (p++;; p++)
            {
              if (p >= end)
                {
                  g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                               _("The quoted field opened on line %u is never closed."), opened);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                      continue;
                    }
                  p++;
                  break;
                }
              line += *p == '\n';
              g_string_append_c (field, *p);
            }
          /* Anything after the closing quote up to the delimiter is kept as written. */
          continue;
        }
      if (*p == delimiter)
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          p++;
          continue;
        }
      if (*p == '\r' || *p == '\n')
        {
          PlCsvRecord *record = g_new0 (PlCsvRecord, 1);

          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (fields, NULL);
          record->line = record_line;
          /* The array stays, emptied, for the next record. */
          record->fields = (GStrv) g_ptr_array_steal (fields, NULL);
          g_ptr_array_add (records, record);
          line++;
          record_line = line;
          in_record = FALSE;
          continue;
        }
      g_string_append_c (field, *p);
      p++;
    }
  /* The last line may have no line break. */
  if (in_record)
    {
      PlCsvRecord *record = g_new0 (PlCsvRecord, 1);

      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      g_ptr_array_add (fields, NULL);
      record->line = record_line;
      record->fields = (GStrv) g_ptr_array_steal (fields, NULL);
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}
