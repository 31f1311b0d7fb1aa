/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-measurement-import"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl-csv.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-measurement-import.h"

void
pl_import_preview_free (PlImportPreview *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->header);
  g_strfreev (self->ignored);
  g_array_unref (self->rows);
  for (guint i = 0; i < self->rejected->len; i++)
    {
      g_free (((PlImportRejection *) self->rejected->pdata[i])->reason);
      g_free (((PlImportRejection *) self->rejected->pdata[i])->message);
    }
  g_ptr_array_unref (self->rejected);
  g_free (self);
}

/* ---- dates ---- */

static guint32
julian_of (int year, int month, int day)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  {
    GDate date;
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    return g_date_get_julian (&date);
  }
}

static gboolean
all_digits (const char *text, gsize n)
{
  if (strlen (text) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

guint32
pl_import_parse_date (const char *text, PlImportDateFormat format)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  int a = 0, b = 0, c = 0;
  char s1 = 0, s2 = 0, rest = 0;
  char *time;

  /* CRM exports date their rows to the minute ("2027-03-31 14:05", "2027-03-31T14:05:00Z"):
   * the day is what counts. */
  if ((time = strpbrk (clean, "T ")) != NULL && time != clean && strchr (time, ':') != NULL)
    *time = '\0';

  switch (format)
    {
    case PL_IMPORT_DATE_AUTO:
      for (int f = PL_IMPORT_DATE_ISO; f <= PL_IMPORT_DATE_MONTH; f++)
        {
          guint32 day;
          /* Day first and month first read the same "01/02/2027": day first, as most of the world. */
          if (f == PL_IMPORT_DATE_MDY)
            continue;
          if ((day = pl_import_parse_date (clean, (PlImportDateFormat) f)) != 0)
            return day;
        }
      return pl_import_parse_date (clean, PL_IMPORT_DATE_MDY);
    case PL_IMPORT_DATE_ISO:
      if (sscanf (clean, "%4d-%2d-%2d%c", &a, &b, &c, &rest) == 3 && strlen (clean) == 10)
        return julian_of (a, b, c);
      return 0;
    case PL_IMPORT_DATE_DMY:
    case PL_IMPORT_DATE_MDY:
      if (sscanf (clean, "%2d%c%2d%c%4d%c", &a, &s1, &b, &s2, &c, &rest) == 5 && s1 == s2 &&
          (s1 == '/' || s1 == '-' || s1 == '.') && c >= 1000)
        return format == PL_IMPORT_DATE_DMY ? julian_of (c, b, a) : julian_of (c, a, b);
      return 0;
    case PL_IMPORT_DATE_COMPACT:
      if (all_digits (clean, 8) && sscanf (clean, "%4d%2d%2d", &a, &b, &c) == 3)
        return julian_of (a, b, c);
      return 0;
    case PL_IMPORT_DATE_MONTH:
      if (all_digits (clean, 6) && sscanf (clean, "%4d%2d", &a, &b) == 2)
        return julian_of (a, b, 1);
      if (sscanf (clean, "%4d-%2d%c", &a, &b, &rest) == 2 && strlen (clean) == 7)
        return julian_of (a, b, 1);
      return 0;
    default:
      return 0;
    }
}

/* ---- numbers ---- */

typedef enum { VALUE_OK, VALUE_NOT_A_NUMBER, VALUE_NOT_PERCENT } ValueParse;

/* Reads a value as the file writes it: its decimal and thousands separators, spaces, a "%"
 * for a percentage KPI (stored as a fraction; *@signed_percent says the sign was there). */
static ValueParse
parse_value (const char *text, const PlImportOptions *options, PlItem *kpi, double *value, gboolean *signed_percent)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char decimal = options->decimal ? options->decimal : '.';
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
      if ((group_space && digits > 0 && !fraction) || (options->thousands != 0 && options->thousands != ' ' && c == (gunichar) options->thousands))
        {
          if (fraction || digits == 0 || digits > 3 || (grouped && digits != 3))
            return VALUE_NOT_A_NUMBER;
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
        return VALUE_NOT_A_NUMBER;
      if (c == (gunichar) decimal || c == '.' || c == ',')
        {
          if (c != (gunichar) decimal || (grouped && digits != 3))
            return VALUE_NOT_A_NUMBER;
          fraction = TRUE;
          c = '.';
        }
      else if (g_ascii_isdigit (c) && !fraction)
        digits++;
      g_string_append_unichar (clean, c);
    }
  if (grouped && !fraction && digits != 3)
    return VALUE_NOT_A_NUMBER;
  if (clean->len == 0)
    return VALUE_NOT_A_NUMBER;
  number = g_ascii_strtod (clean->str, &end);
  if (*end != '\0' || !isfinite (number) || strpbrk (clean->str, "eExX") != NULL)
    return VALUE_NOT_A_NUMBER;
  /* A percentage KPI holds fractions: "32.5 %" is 0.325. Without the sign, the file's
   * other values decide (see unsigned_percentages). */
  if (pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_PERCENT && percent)
    number /= 100;
  else if (percent)
    return VALUE_NOT_PERCENT;
  *signed_percent = percent;
  *value = number;
  return VALUE_OK;
}

/* ---- columns ---- */

static int
find_column (GStrv header, const char *wanted)
{
  char *end = NULL;
  long number;

  if (wanted == NULL)
    return -1;
  number = strtol (wanted, &end, 10);
  if (end != wanted && *end == '\0' && number >= 1 && number <= (long) g_strv_length (header))
    return (int) number - 1;
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (header[i]));
      g_autofree char *a = g_utf8_casefold (trimmed, -1);
      g_autofree char *b = g_utf8_casefold (wanted, -1);
      if (g_str_equal (a, b))
        return (int) i;
    }
  return -2;
}

/* A column named like one of @names (date, day, month...), or -1. */
static int
guess_column (GStrv header, const char * const *names)
{
  for (guint n = 0; names[n] != NULL; n++)
    {
      int found = find_column (header, names[n]);
      if (found >= 0)
        return found;
    }
  return -1;
}

/* The plan's KPIs by ID and by name, case folded: a long file names one on every row. IDs
 * are added last, so that a KPI named like another's ID is found by the ID. */
static GHashTable *
kpi_index_new (PlPlan *plan)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *kpis = pl_plan_get_collection (plan, PL_COLLECTION_KPIS);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
      {
        g_autoptr(PlItem) kpi = g_list_model_get_item (kpis, i);
        const char *key = pass == 0 ? pl_item_get_string (kpi, PL_KPI_NAME) : pl_item_get_id (kpi);

        if (key != NULL)
          g_hash_table_insert (index, g_utf8_casefold (key, -1), kpi);
      }
  return index;
}

/* The KPI a column or a cell names: by ID, or by name in any case. */
static PlItem *
find_kpi (GHashTable *index, const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *wanted = g_utf8_casefold (trimmed, -1);

  return g_hash_table_lookup (index, wanted);
}

/* ---- the preview ---- */

G_GNUC_PRINTF (3, 4) static void
reject (PlImportPreview *self, guint row, const char *format, ...)
{
  PlImportRejection *rejection = g_new0 (PlImportRejection, 1);
  va_list args;

  va_start (args, format);
  rejection->reason = g_strdup_vprintf (format, args);
  va_end (args);
  rejection->row = row;
  /* Translators: a rejected row of a CSV import: its line in the file, then why */
  rejection->message = g_strdup_printf (_("Row %u: %s"), row, rejection->reason);
  g_ptr_array_add (self->rejected, rejection);
}

static gboolean
is_derived (PlItem *kpi)
{
  const char *formula = pl_item_get_string (kpi, PL_KPI_FORMULA);
  return formula != NULL && *formula != '\0';
}

/* Where a measurement goes. The plan keeps one value per period, on the period's first day
 * (pl-series.h), and the figures add up a KPI's points within each month of the plan. So a
 * monthly KPI's value goes on the first of its month and a quarterly one's on the first day
 * of its quarter of the plan's year, whichever day of it the file gives (GA4 may give the
 * last day, a CRM the day of the export). A weekly KPI keeps the file's date: its Monday
 * could fall in the month before and move the figure into that month's total, and plans keep
 * monthly totals of weekly KPIs on the 1st (the example plan does). Two rows landing in the
 * same period are refused rather than added up: a file of the last seven days would
 * otherwise replace a whole month with one week. */
guint32
pl_import_period_start (PlPlan *plan, PlItem *kpi, guint32 julian)
{
  GDate date, start;
  int months;

  g_return_val_if_fail (g_date_valid_julian (julian), julian);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  switch (pl_item_get_int (kpi, PL_KPI_FREQUENCY))
    {
    case PL_FREQUENCY_MONTHLY:
      g_date_set_day (&date, 1);
      return g_date_get_julian (&date);
    case PL_FREQUENCY_QUARTERLY:
      /* Quarters of the plan's year: a plan from April has April-June as its first. */
      g_date_clear (&start, 1);
      g_date_set_julian (&start, pl_plan_get_start (plan));
      months = (g_date_get_year (&date) - g_date_get_year (&start)) * 12 +
               (int) g_date_get_month (&date) - (int) g_date_get_month (&start);
      g_date_set_day (&date, 1);
      g_date_subtract_months (&date, (guint) (((months % 3) + 3) % 3));
      return g_date_get_julian (&date);
    default:
      return julian;
    }
}

typedef struct {
  guint   row;
  guint32 date;  /* as the file gives it */
} Seen;

/* Values of percentage KPIs written without a "%": GA4 writes rates as fractions (0.6523),
 * a CRM often as percentages (65.23). One KPI's values in one file are read the same way,
 * never some each way: as percentages when any of them is above 1 (a rate of 1.4 is not
 * 140 %), as fractions otherwise. */
typedef struct {
  GHashTable *over_one;  /* the KPIs with an unsigned value above 1 */
  GArray     *rows;      /* indexes into the preview's rows of their unsigned values */
} UnsignedPercentages;

static void
unsigned_percentages_apply (UnsignedPercentages *self, PlImportPreview *preview)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      PlImportRow *row = &g_array_index (preview->rows, PlImportRow, g_array_index (self->rows, guint, i));
      if (g_hash_table_contains (self->over_one, row->kpi))
        row->value /= 100;
    }
}

/* One value for @kpi on @date from the cell @text of row @row. */
static void
take (PlImportPreview *self, PlPlan *plan, const PlImportOptions *options, GHashTable *seen,
      UnsignedPercentages *percentages, guint row, PlItem *kpi, guint32 date, const char *text)
{
  g_autofree char *key = NULL;
  double value;
  gboolean signed_percent = FALSE;
  const PlPoint *previous;
  PlImportRow entry;
  guint32 stored = pl_import_period_start (plan, kpi, date);
  const Seen *earlier;
  Seen *now;

  if (is_derived (kpi))
    {
      reject (self, row, _("“%s” is computed from its formula; import the KPIs it is computed from."),
              pl_item_get_string (kpi, PL_KPI_NAME));
      return;
    }
  {
    g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
    if (*copy == '\0')
      {
        reject (self, row, _("no value for “%s”."), pl_item_get_string (kpi, PL_KPI_NAME));
        return;
      }
  }
  switch (parse_value (text, options, kpi, &value, &signed_percent))
    {
    case VALUE_NOT_A_NUMBER:
      reject (self, row, _("“%s” is not a number in this file’s format."), text);
      return;
    case VALUE_NOT_PERCENT:
      reject (self, row, _("“%s” is a percentage, and “%s” is not measured in percent."), text,
              pl_item_get_string (kpi, PL_KPI_NAME));
      return;
    case VALUE_OK:
      break;
    }
  key = g_strdup_printf ("%s@%u", pl_item_get_id (kpi), stored);
  if ((earlier = g_hash_table_lookup (seen, key)) != NULL)
    {
      const char *name = pl_item_get_string (kpi, PL_KPI_NAME);

      if (earlier->date == date)
        reject (self, row, _("a second value for “%s” on the same date (row %u has one)."), name, earlier->row);
      else if (pl_item_get_int (kpi, PL_KPI_FREQUENCY) == PL_FREQUENCY_QUARTERLY)
        reject (self, row, _("a second value for “%s” in the same quarter (row %u has one): it takes one value a quarter."),
                name, earlier->row);
      else
        reject (self, row, _("a second value for “%s” in the same month (row %u has one): it takes one value a month."),
                name, earlier->row);
      return;
    }
  now = g_new (Seen, 1);
  now->row = row;
  now->date = date;
  g_hash_table_insert (seen, g_steal_pointer (&key), now);
  previous = pl_series_lookup (pl_kpi_get_measurements (PL_KPI (kpi)), stored);
  entry.row = row;
  entry.kpi = kpi;
  entry.date = stored;
  entry.value = value;
  entry.previous = previous ? previous->value : NAN;
  if (pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_PERCENT && !signed_percent)
    {
      guint index = self->rows->len;

      if (fabs (value) > 1)
        g_hash_table_add (percentages->over_one, kpi);
      g_array_append_val (percentages->rows, index);
    }
  g_array_append_val (self->rows, entry);
}

static const char * const date_names[] = { "date", "day", "month", "week", "period", "jour", "mois", "datum", NULL };
static const char * const kpi_names[] = { "kpi", "metric", "indicator", "name", "indicateur", NULL };
static const char * const value_names[] = { "value", "count", "total", "amount", "valeur", NULL };

void
pl_import_guess_columns (GStrv header, int *date, int *kpi, int *value)
{
  *date = guess_column (header, date_names);
  *kpi = guess_column (header, kpi_names);
  *value = guess_column (header, value_names);
}

char *
pl_import_read_file (GFile *file, gsize *length, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &local_error);
  g_autoptr(GByteArray) bytes = NULL;
  guint8 buffer[64 * 1024];

  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("This is a folder, not a CSV file."));
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
      if (bytes->len + (gsize) n > PL_IMPORT_MAX_FILE_SIZE)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The file is larger than %u MB: too large to import."),
                       (guint) (PL_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

GStrv
pl_import_read_header (const char *text, gssize length, char *delimiter, GError **error)
{
  g_autoptr(GPtrArray) records = pl_csv_read (text, length, NULL, delimiter, error);

  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("The file holds no data."));
      return NULL;
    }
  return g_strdupv (((PlCsvRecord *) records->pdata[0])->fields);
}

PlImportPreview *
pl_import_preview (PlPlan *plan, const char *text, gssize length, const PlImportOptions *options, GError **error)
{
  PlCsvOptions csv = { options->delimiter, NULL };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(PlImportPreview) self = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree PlItem **column_kpis = NULL;
  PlImportDateFormat date_format = options->date_format;
  g_autoptr(GHashTable) over_one = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) percent_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  UnsignedPercentages percentages = { over_one, percent_rows };
  g_autoptr(GStrvBuilder) ignored = g_strv_builder_new ();
  g_autoptr(GHashTable) kpi_index = kpi_index_new (plan);
  int date_col, kpi_col = -1, value_col = -1;
  gboolean wide = options->wide || options->kpi_columns != NULL;
  guint n_columns;

  if (options->thousands != 0 && options->thousands == (options->decimal ? options->decimal : '.'))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("“%c” cannot separate both thousands and decimals: choose another thousands separator."),
                   options->thousands);
      return NULL;
    }
  self = g_new0 (PlImportPreview, 1);
  self->rows = g_array_new (FALSE, FALSE, sizeof (PlImportRow));
  self->rejected = g_ptr_array_new_with_free_func (g_free);
  records = pl_csv_read (text, length, &csv, &self->delimiter, error);
  if (records == NULL)
    return NULL;
  if (records->len < 2)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                           records->len == 0 ? _("The file holds no data.")
                                             : _("The file has a header line but no data under it."));
      return NULL;
    }
  self->header = g_strdupv (((PlCsvRecord *) records->pdata[0])->fields);
  n_columns = g_strv_length (self->header);
  self->n_records = records->len - 1;

  date_col = options->date_column ? find_column (self->header, options->date_column) : guess_column (self->header, date_names);
  if (date_col < 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   options->date_column ? _("The file has no column “%s” for the dates.")
                                        : _("No column of the file looks like a date%s: choose it."),
                   options->date_column ? options->date_column : "");
      return NULL;
    }
  if (!wide)
    {
      kpi_col = options->kpi_column ? find_column (self->header, options->kpi_column) : guess_column (self->header, kpi_names);
      value_col = options->value_column ? find_column (self->header, options->value_column) : guess_column (self->header, value_names);
    }
  if (!wide && (kpi_col < 0 || value_col < 0))
    {
      if (options->kpi_column || options->value_column)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The file has no column “%s”."),
                       kpi_col < 0 ? (options->kpi_column ? options->kpi_column : "kpi")
                                   : (options->value_column ? options->value_column : "value"));
          return NULL;
        }
      /* No KPI and value columns: the file is wide, a column per KPI. */
      kpi_col = value_col = -1;
    }
  if (kpi_col < 0)
    {
      guint matched = 0;

      column_kpis = g_new0 (PlItem *, n_columns);
      for (guint i = 0; options->kpi_columns != NULL && options->kpi_columns[i] != NULL; i++)
        {
          const char *entry = options->kpi_columns[i];
          g_autofree char *column_name = g_strdup (entry);
          const char *kpi_name = NULL;
          char *equals;
          int c = find_column (self->header, entry);

          /* "HEADER=KPI", unless the header itself holds the "=". */
          if (c < 0 && (equals = strchr (column_name, '=')) != NULL)
            {
              *equals = '\0';
              kpi_name = entry + (equals - column_name) + 1;
              c = find_column (self->header, column_name);
            }
          if (c < 0)
            {
              g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The file has no column “%s”."), column_name);
              return NULL;
            }
          if (c == date_col)
            {
              g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The column “%s” holds the dates, not a KPI."), column_name);
              return NULL;
            }
          if ((column_kpis[c] = find_kpi (kpi_index, kpi_name ? kpi_name : self->header[c])) == NULL)
            {
              g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("“%s” is not a KPI of this plan."),
                           kpi_name ? kpi_name : self->header[c]);
              return NULL;
            }
        }
      for (guint c = 0; options->kpi_columns == NULL && c < n_columns; c++)
        if ((int) c != date_col && (column_kpis[c] = find_kpi (kpi_index, self->header[c])) != NULL)
          matched++;
        else if ((int) c != date_col)
          g_strv_builder_add (ignored, self->header[c]);
      if (options->kpi_columns != NULL)
        matched = g_strv_length ((GStrv) options->kpi_columns);
      if (matched == 0)
        {
          g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                               _("No column of the file names a KPI of this plan: name the columns by KPI, or choose the KPI and value columns."));
          return NULL;
        }
    }

  /* The date format is the first one that reads the first date, unless it was given. */
  if (date_format == PL_IMPORT_DATE_AUTO)
    for (guint r = 1; r < records->len && date_format == PL_IMPORT_DATE_AUTO; r++)
      {
        const char *cell = g_strv_length (((PlCsvRecord *) records->pdata[r])->fields) > (guint) date_col
                           ? ((PlCsvRecord *) records->pdata[r])->fields[date_col] : NULL;
        for (int f = PL_IMPORT_DATE_ISO; cell && f <= PL_IMPORT_DATE_MONTH && date_format == PL_IMPORT_DATE_AUTO; f++)
          if (f != PL_IMPORT_DATE_MDY && pl_import_parse_date (cell, (PlImportDateFormat) f) != 0)
            date_format = (PlImportDateFormat) f;
        if (cell != NULL && date_format == PL_IMPORT_DATE_AUTO)
          break;
      }
  /* Day first and month first read "01/04/2027" both: the file's other dates decide (a 13 or
   * more in first place is a day), day first when none does, as most of the world writes. */
  if (date_format == PL_IMPORT_DATE_DMY && options->date_format == PL_IMPORT_DATE_AUTO)
    {
      gboolean day_first = FALSE, month_first = FALSE;

      for (guint r = 1; r < records->len; r++)
        {
          PlCsvRecord *record = records->pdata[r];
          gboolean dmy, mdy;

          if (g_strv_length (record->fields) <= (guint) date_col)
            continue;
          dmy = pl_import_parse_date (record->fields[date_col], PL_IMPORT_DATE_DMY) != 0;
          mdy = pl_import_parse_date (record->fields[date_col], PL_IMPORT_DATE_MDY) != 0;
          day_first |= dmy && !mdy;
          month_first |= mdy && !dmy;
        }
      if (month_first && !day_first)
        date_format = PL_IMPORT_DATE_MDY;
    }

  for (guint r = 1; r < records->len; r++)
    {
      PlCsvRecord *record = records->pdata[r];
      guint n = g_strv_length (record->fields);
      guint32 date;

      /* Spreadsheets write empty cells past the last column ("a,b,c,,"): nothing lost. */
      while (n > n_columns && *g_strstrip (record->fields[n - 1]) == '\0')
        n--;
      if (n != n_columns)
        {
          reject (self, record->line, ngettext ("it has %u field where the header has %u.",
                                                "it has %u fields where the header has %u.", n), n, n_columns);
          continue;
        }
      date = pl_import_parse_date (record->fields[date_col], date_format);
      if (date == 0)
        {
          reject (self, record->line, _("“%s” is not a date in this file’s format."), record->fields[date_col]);
          continue;
        }
      if (kpi_col >= 0)
        {
          PlItem *kpi = find_kpi (kpi_index, record->fields[kpi_col]);
          if (kpi == NULL)
            {
              reject (self, record->line, _("“%s” is not a KPI of this plan."), record->fields[kpi_col]);
              continue;
            }
          take (self, plan, options, seen, &percentages, record->line, kpi, date, record->fields[value_col]);
        }
      else
        for (guint c = 0; c < n_columns; c++)
          {
            g_autofree char *cell = column_kpis[c] ? g_strstrip (g_strdup (record->fields[c])) : NULL;
            /* An empty cell in a wide file is a KPI not measured that day, not an error. */
            if (cell != NULL && *cell != '\0')
              take (self, plan, options, seen, &percentages, record->line, column_kpis[c], date, record->fields[c]);
          }
    }
  unsigned_percentages_apply (&percentages, self);
  self->ignored = g_strv_builder_end (ignored);
  return g_steal_pointer (&self);
}

guint
pl_import_apply (PlPlan *plan, const PlImportPreview *preview, const char *source)
{
  g_autofree char *label = NULL;

  if (preview->rows->len == 0)
    return 0;
  /* Translators: the undoable step of an import */
  label = g_strdup_printf (ngettext ("Import %u Measurement", "Import %u Measurements", preview->rows->len),
                           preview->rows->len);
  pl_plan_begin_group (plan, label);
  for (guint i = 0; i < preview->rows->len; i++)
    {
      const PlImportRow *row = &g_array_index (preview->rows, PlImportRow, i);
      pl_plan_set_point (plan, PL_KPI (row->kpi), PL_SERIES_MEASUREMENTS, row->date, row->value, source);
    }
  pl_plan_end_group (plan);
  return preview->rows->len;
}
