/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-import-text"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pl-error.h"
#include "pl-import-text.h"

gboolean
pl_import_parse_number (const char *text, char decimal, char thousands, double *value, gboolean *percent_out,
                        char **c_number)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean percent = FALSE, grouped = FALSE, fraction = FALSE;
  guint digits = 0;  /* of the integer part, since the last thousands separator */
  char *end = NULL;
  double number;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
      /* A space before a digit groups digits; elsewhere ("12 %") it is only a space. */
      gboolean group_space = space && g_ascii_isdigit (*g_utf8_next_char (p));

      /* Thousands separators only between groups of three digits: with "," for thousands,
       * "12,5" is a decimal comma gone wrong, not 125. Spaces group digits in any file. */
      if ((group_space && digits > 0 && !fraction) || (thousands != 0 && thousands != ' ' && c == (gunichar) thousands))
        {
          if (fraction || digits == 0 || digits > 3 || (grouped && digits != 3))
            return FALSE;
          grouped = TRUE;
          digits = 0;
          continue;
        }
      if (space)
        continue;
      if (c == '%' && !percent)
        {
          percent = TRUE;
          continue;
        }
      if (percent || c == '%')
        return FALSE;
      if (c == (gunichar) decimal || c == '.' || c == ',')
        {
          if (c != (gunichar) decimal || (grouped && digits != 3))
            return FALSE;
          fraction = TRUE;
          c = '.';
        }
      else if (g_ascii_isdigit (c) && !fraction)
        digits++;
      g_string_append_unichar (clean, c);
    }
  if (grouped && !fraction && digits != 3)
    return FALSE;
  if (clean->len == 0)
    return FALSE;
  number = g_ascii_strtod (clean->str, &end);
  if (*end != '\0' || !isfinite (number) || strpbrk (clean->str, "eExX") != NULL)
    return FALSE;
  *value = number;
  if (percent_out != NULL)
    *percent_out = percent;
  if (c_number != NULL)
    *c_number = g_string_free (g_steal_pointer (&clean), FALSE);
  return TRUE;
}

int
pl_import_find_column (GStrv header, const char *wanted)
{
  g_autofree char *folded = NULL;
  char *end = NULL;
  long number;

  if (wanted == NULL)
    return -1;
  number = strtol (wanted, &end, 10);
  if (end != wanted && *end == '\0' && number >= 1 && number <= (long) g_strv_length (header))
    return (int) number - 1;
  folded = g_utf8_casefold (wanted, -1);
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (header[i]));
      g_autofree char *a = g_utf8_casefold (trimmed, -1);
      if (g_str_equal (a, folded))
        return (int) i;
    }
  return -2;
}

int
pl_import_guess_column (GStrv header, const char * const *names)
{
  for (guint n = 0; names[n] != NULL; n++)
    {
      int found = pl_import_find_column (header, names[n]);
      if (found >= 0)
        return found;
    }
  return -1;
}

PlImportRejection *
pl_import_rejection_new (guint row, char *reason)
{
  PlImportRejection *rejection = g_new0 (PlImportRejection, 1);

  rejection->row = row;
  rejection->reason = reason;
  /* Translators: a rejected row of a CSV import: its line in the file, then why */
  rejection->message = g_strdup_printf (_("Row %u: %s"), row, reason);
  return rejection;
}

void
pl_import_rejection_free (PlImportRejection *rejection)
{
  if (rejection == NULL)
    return;
  g_free (rejection->reason);
  g_free (rejection->message);
  g_free (rejection);
}

char *
pl_import_read_capped (GFile *file, gsize max_size, const char *is_folder, const char *too_large, gsize *length,
                       GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &local_error);
  g_autoptr(GByteArray) bytes = NULL;
  guint8 buffer[64 * 1024];

  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, is_folder);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("There is no such file."));
      else
        g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The file cannot be opened: %s"), local_error->message);
      return NULL;
    }
  bytes = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The file cannot be read: %s"), local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      /* Checked as it comes: a pipe or a growing file has no size to ask first. */
      if (bytes->len + (gsize) n > max_size)
        {
          g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, too_large);
          return NULL;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}
