/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-sheet-export"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "pl-error.h"
#include "pl-money.h"
#include "pl-sheet-export.h"

static const char *what_keys[PL_SHEET_N_WHAT] = { "budget", "kpis", "campaigns" };

const char *
pl_sheet_what_key (PlSheetWhat what)
{
  g_return_val_if_fail (what < PL_SHEET_N_WHAT, NULL);
  return what_keys[what];
}

gboolean
pl_sheet_what_from_key (const char *key, PlSheetWhat *what)
{
  for (guint i = 0; key != NULL && i < PL_SHEET_N_WHAT; i++)
    if (strcmp (key, what_keys[i]) == 0)
      {
        *what = i;
        return TRUE;
      }
  return FALSE;
}

const char *
pl_sheet_format_extension (PlSheetFormat format)
{
  return format == PL_SHEET_CSV ? "csv" : "xlsx";
}

gboolean
pl_sheet_format_for_path (const char *path, PlSheetFormat *format, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *name = g_filename_display_basename (path);

  if (g_str_has_suffix (lower, ".xlsx"))
    *format = PL_SHEET_XLSX;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = PL_SHEET_CSV;
  else
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” ends in neither .xlsx nor .csv: name the file NAME.xlsx for an Excel workbook "
                     "or NAME.csv for a CSV file."), name);
      return FALSE;
    }
  return TRUE;
}

char *
pl_sheet_suggest_name (PlPlan *plan, PlSheetWhat what, PlSheetFormat format)
{
  const char *title = pl_plan_get_title (plan);
  const char *label = pl_sheet_what_title (what);
  g_autofree char *name = NULL;

  name = title != NULL && *title != '\0' ? g_strdup_printf ("%s – %s.%s", title, label, pl_sheet_format_extension (format))
                                         : g_strdup_printf ("%s.%s", label, pl_sheet_format_extension (format));
  /* A title is no path. */
  g_strdelimit (name, "/\\", '-');
  return g_steal_pointer (&name);
}

/* ---- writing a file whole or not at all ---- */

/* Says in plain words why @path could not be written, from @errsv (an errno) or, when it is
 * 0, @detail. */
static void
set_write_error (GError **error, const char *path, int errsv, const char *detail)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *folder_path = g_path_get_dirname (path);
  g_autofree char *folder = g_filename_display_name (folder_path);

  switch (errsv)
    {
    case EACCES:
    case EPERM:
      g_set_error (error, PL_ERROR, PL_ERROR_READ_ONLY,
                   _("%s: The spreadsheet was not written, because the folder “%s” is read-only (permission "
                     "denied). Choose another folder."), name, folder);
      return;
    case EROFS:
      g_set_error (error, PL_ERROR, PL_ERROR_READ_ONLY,
                   _("%s: The spreadsheet was not written, because the disk that holds the folder “%s” is "
                     "read-only. Choose another disk."), name, folder);
      return;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: The spreadsheet was not written, because the disk is full. Free some space or "
                     "choose another disk; a file of that name was left as it was."), name);
      return;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: The spreadsheet was not written, because the folder “%s” does not exist. "
                     "Choose another folder."), name, folder);
      return;
    case EISDIR:
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("%s: The spreadsheet was not written, because this is the name of a folder. "
                     "Choose a file name."), name);
      return;
    default:
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("%s: The spreadsheet was not written: %s"),
                   name, errsv != 0 ? g_strerror (errsv) : detail);
    }
}

/* Makes an empty temporary file beside @path (so that renaming it over @path is atomic and
 * the disk it fills is @path's); returns its name, or NULL with @error. */
static char *
temporary_beside (const char *path, int *fd, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s%s.%s.XXXXXX", folder, G_DIR_SEPARATOR_S, base);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, path, EISDIR, NULL);
      return NULL;
    }
  /* 0666 less the umask: the file others may read, as any file the user makes. */
  *fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0666);
  if (*fd < 0)
    {
      set_write_error (error, path, errno, NULL);
      return NULL;
    }
  return g_steal_pointer (&template);
}

static gboolean
finish_temporary (const char *temp, const char *path, GError **error)
{
  if (g_rename (temp, path) != 0)
    {
      int errsv = errno;

      g_unlink (temp);
      set_write_error (error, path, errsv, NULL);
      return FALSE;
    }
  return TRUE;
}

/* ---- XLSX ---- */

typedef struct {
  lxw_workbook *workbook;
  lxw_format   *formats[PL_SHEET_N_ROLES][PL_SHEET_N_STYLES + 2];  /* then dates, text of several lines */
  char         *money;  /* the currency's number format */
} Styles;

#define STYLE_DATE PL_SHEET_N_STYLES
#define STYLE_LINES (PL_SHEET_N_STYLES + 1)

/* The number format of amounts of @currency with @exponent decimals: the sign or code on the
 * side the user's locale puts it ("€" after, "$" before in en_US; after where the locale has
 * no rule, as files write money), quoted so that no character of it is a format code. */
static char *
money_format (const char *currency, guint exponent)
{
  const char *symbol = pl_currency_symbol (currency);
  struct lconv *conventions = localeconv ();
  g_autoptr(GString) digits = g_string_new ("#,##0");

  if (exponent > 0)
    {
      g_string_append_c (digits, '.');
      for (guint i = 0; i < exponent; i++)
        g_string_append_c (digits, '0');
    }
  if (symbol == NULL || strchr (symbol, '"') != NULL)
    return g_strdup (digits->str);
  if (conventions->p_cs_precedes == 1)
    return g_strdup_printf ("\"%s\"%s%s", symbol, conventions->p_sep_by_space ? " " : "", digits->str);
  return g_strdup_printf ("%s \"%s\"", digits->str, symbol);
}

static lxw_format *
format_for (Styles *styles, PlSheetRole role, guint style)
{
  lxw_format *format = styles->formats[role][style];

  if (format != NULL)
    return format;
  format = styles->formats[role][style] = workbook_add_format (styles->workbook);
  switch (style)
    {
    case PL_SHEET_MONEY:
      format_set_num_format (format, styles->money);
      break;
    case PL_SHEET_PERCENT:
      format_set_num_format (format, "0.0%");
      break;
    case PL_SHEET_RATIO:
      format_set_num_format (format, "0.00\"×\"");
      break;
    case PL_SHEET_COUNT:
      format_set_num_format (format, "#,##0");
      break;
    case PL_SHEET_DECIMAL:
      format_set_num_format (format, "#,##0.00");
      break;
    case STYLE_DATE:
      /* Excel's built-in short date: each reader sees the date as its own locale writes it. */
      format_set_num_format_index (format, 14);
      format_set_align (format, LXW_ALIGN_CENTER);
      break;
    case STYLE_LINES:
      /* A name with a line break shows its lines, not one over the next row. */
      format_set_text_wrap (format);
      format_set_indent (format, 1);
      break;
    case PL_SHEET_PLAIN:
      /* Text set off from the amount right-aligned to its left. */
      if (role != PL_SHEET_ROW_HEADER)
        format_set_indent (format, 1);
      break;
    default:
      break;
    }
  switch (role)
    {
    case PL_SHEET_ROW_HEADER:
      format_set_bold (format);
      format_set_bg_color (format, 0xE7ECF2);
      format_set_bottom (format, LXW_BORDER_THIN);
      format_set_align (format, LXW_ALIGN_CENTER);
      format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
      break;
    case PL_SHEET_ROW_SUBTOTAL:
      format_set_bold (format);
      format_set_bg_color (format, 0xF4F6F8);
      break;
    case PL_SHEET_ROW_TOTAL:
      format_set_bold (format);
      format_set_top (format, LXW_BORDER_THIN);
      format_set_bottom (format, LXW_BORDER_DOUBLE);
      break;
    default:
      break;
    }
  return format;
}

/* How many characters @cell takes when shown, roughly: what its column's width must hold. */
static guint
cell_width (const PlSheetTable *table, const PlSheetTableCell *cell)
{
  switch (cell->kind)
    {
    case PL_SHEET_TEXT:
      {
        guint widest = 0;
        const char *start = cell->text;

        /* The longest line of a text that has several. */
        for (const char *p = cell->text;; p++)
          if (*p == '\n' || *p == '\0')
            {
              widest = MAX (widest, (guint) g_utf8_strlen (start, p - start));
              if (*p == '\0')
                break;
              start = p + 1;
            }
        return widest;
      }
    case PL_SHEET_NUMBER:
      {
        double size = fabs (cell->number);
        guint digits = size >= 1 ? (guint) floor (log10 (size)) + 1 : 1;
        guint width = digits + (digits - 1) / 3 + (cell->number < 0);

        switch (cell->style)
          {
          case PL_SHEET_MONEY:
            /* The decimals, a space and the sign or code. */
            return width + (table->exponent ? table->exponent + 1 : 0) + 1 + (guint) g_utf8_strlen (pl_currency_symbol (table->currency), -1);
          case PL_SHEET_PERCENT:
            return width + 4;
          case PL_SHEET_RATIO:
          case PL_SHEET_DECIMAL:
            return width + 3;
          default:
            return width;
          }
      }
    case PL_SHEET_DATE:
      /* 12/31/2027 and the room around it. */
      return 12;
    default:
      return 0;
    }
}

static void
set_widths (const PlSheetTable *table, lxw_worksheet *sheet)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->n_rows; r++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        const PlSheetTableCell *cell = pl_sheet_table_get (table, r, c);

        /* A heading over several columns does not widen the first. */
        if (cell->span <= 1)
          widths[c] = MAX (widths[c], cell_width (table, cell));
      }
  for (guint c = 0; c < table->n_columns; c++)
    /* Excel's width is in characters of its default font; bold headings need a little more. */
    worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, CLAMP (widths[c] + 3, 8, 60), NULL);
}

static lxw_error
write_cell (const PlSheetTable *table, lxw_worksheet *sheet, Styles *styles, guint r, guint c,
            PlSheetRole role, GString *formula)
{
  const PlSheetTableCell *cell = pl_sheet_table_get (table, r, c);
  guint style = cell->kind == PL_SHEET_DATE ? STYLE_DATE
              : cell->kind == PL_SHEET_TEXT && strchr (cell->text, '\n') != NULL ? STYLE_LINES : cell->style;
  lxw_format *format = format_for (styles, role, style);

  switch (cell->kind)
    {
    case PL_SHEET_TEXT:
      if (cell->span > 1)
        return worksheet_merge_range (sheet, r, (lxw_col_t) c, r, (lxw_col_t) (c + cell->span - 1), cell->text, format);
      /* Always a string cell: a name such as "=1+1" is never run as a formula. */
      return worksheet_write_string (sheet, r, (lxw_col_t) c, cell->text, format);
    case PL_SHEET_NUMBER:
      if (cell->formula == NULL)
        return worksheet_write_number (sheet, r, (lxw_col_t) c, cell->number, format);
      g_string_assign (formula, "=");
      g_string_append (formula, cell->formula);
      /* The result is cached: readers that do not recalculate show it. */
      return worksheet_write_formula_num (sheet, r, (lxw_col_t) c, formula->str, format, cell->number);
    case PL_SHEET_DATE:
      {
        GDate date;
        lxw_datetime datetime = { 0 };

        g_date_set_julian (&date, (guint32) cell->number);
        datetime.year = g_date_get_year (&date);
        datetime.month = g_date_get_month (&date);
        datetime.day = g_date_get_day (&date);
        return worksheet_write_datetime (sheet, r, (lxw_col_t) c, &datetime, format);
      }
    default:
      /* Headings and totals are shaded or ruled across the whole row. */
      return role != PL_SHEET_ROW_BODY ? worksheet_write_blank (sheet, r, (lxw_col_t) c, format) : LXW_NO_ERROR;
    }
}

static gboolean
write_xlsx (const PlSheetTable *table, const char *path, const char *temp, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = folder };
  lxw_doc_properties properties = { 0 };
  /* The currency's format follows the user's locale; the file's numbers must not. */
  Styles styles = { .money = money_format (table->currency, table->exponent) };
  locale_t c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  locale_t user_locale;
  g_autoptr(GString) formula = g_string_new (NULL);
  lxw_worksheet *sheet;
  lxw_error status = LXW_NO_ERROR;
  int errsv;

  /* libxlsxwriter 1.1 writes numbers with printf: in French, "1049,75", which no reader
   * takes for a number. This thread writes them in the C locale, whatever the user's. */
  g_assert (c_locale != (locale_t) 0);
  user_locale = uselocale (c_locale);
  errno = 0;
  styles.workbook = workbook_new_opt (temp, &options);
  if (styles.workbook == NULL)
    {
      errsv = errno;
      uselocale (user_locale);
      freelocale (c_locale);
      g_free (styles.money);
      set_write_error (error, path, errsv, lxw_strerror (LXW_ERROR_CREATING_XLSX_FILE));
      return FALSE;
    }
  properties.title = table->title;
  workbook_set_properties (styles.workbook, &properties);
  sheet = workbook_add_worksheet (styles.workbook, table->title);
  if (sheet == NULL)
    /* A sheet name Excel refuses: the default one rather than no file. */
    sheet = workbook_add_worksheet (styles.workbook, NULL);
  set_widths (table, sheet);
  worksheet_freeze_panes (sheet, (lxw_row_t) table->n_header_rows, (lxw_col_t) table->n_fixed_columns);
  if (table->n_header_rows > 0)
    worksheet_repeat_rows (sheet, 0, (lxw_row_t) table->n_header_rows - 1);
  worksheet_set_landscape (sheet);
  /* Printed, a list fits the page's width; the budget's 50 columns go over several pages,
   * each with the names of the rows. */
  if (table->n_columns <= 16)
    worksheet_fit_to_pages (sheet, 1, 0);
  else if (table->n_fixed_columns > 0)
    worksheet_repeat_columns (sheet, 0, (lxw_col_t) table->n_fixed_columns - 1);
  if (table->filter && table->n_rows > 2)
    worksheet_autofilter (sheet, 0, 0, (lxw_row_t) table->n_rows - 2, (lxw_col_t) table->n_columns - 1);

  /* Row by row, left to right: constant memory mode writes each row out as the next begins. */
  for (guint r = 0; r < table->n_rows && status == LXW_NO_ERROR; r++)
    {
      PlSheetRole role = pl_sheet_table_role (table, r);
      guint lines = 1;

      /* A row as high as its text of most lines (before its cells, in constant memory mode). */
      for (guint c = 0; c < table->n_columns; c++)
        {
          const PlSheetTableCell *cell = pl_sheet_table_get (table, r, c);
          guint n = 1;

          for (const char *p = cell->kind == PL_SHEET_TEXT ? cell->text : ""; *p != '\0'; p++)
            n += *p == '\n';
          lines = MAX (lines, n);
        }
      if (lines > 1)
        worksheet_set_row (sheet, r, 15.0 * MIN (lines, 20), NULL);
      for (guint c = 0; c < table->n_columns && status == LXW_NO_ERROR; c++)
        {
          const PlSheetTableCell *cell = pl_sheet_table_get (table, r, c);

          status = write_cell (table, sheet, &styles, r, c, role, formula);
          if (cell->kind == PL_SHEET_TEXT && cell->span > 1)
            c += cell->span - 1;
        }
    }
  errno = 0;
  /* The workbook is freed even when it fails. */
  if (status == LXW_NO_ERROR)
    status = workbook_close (styles.workbook);
  else
    workbook_close (styles.workbook);
  errsv = errno;
  uselocale (user_locale);
  freelocale (c_locale);
  g_free (styles.money);
  if (status != LXW_NO_ERROR)
    {
      g_unlink (temp);
      set_write_error (error, path, errsv, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

/* ---- CSV ---- */

typedef struct {
  char separator;
  char decimal;
} CsvMarks;

static void
csv_text (GString *out, const char *text, const CsvMarks *marks)
{
  gboolean quote = FALSE;
  gsize length = strlen (text);

  /* A spreadsheet runs "=..." found in a CSV as a formula: an apostrophe keeps it text. */
  gboolean guard = strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';

  quote = strchr (text, marks->separator) || strchr (text, '"') || strchr (text, '\n') || strchr (text, '\r') ||
          (length > 0 && (text[0] == ' ' || text[length - 1] == ' '));
  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
csv_number (GString *out, const PlSheetTable *table, const PlSheetTableCell *cell, const CsvMarks *marks)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize start = out->len;
  /* -0 reads 0. */
  double value = cell->number == 0 ? 0 : cell->number;

  switch (cell->style)
    {
    case PL_SHEET_MONEY:
      {
        g_autofree char *format = g_strdup_printf ("%%.%uf", table->exponent);
        g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, format, value));
        break;
      }
    case PL_SHEET_COUNT:
      g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));
      break;
    default:
      /* The shortest decimal that reads back the same (g_ascii_dtostr() writes 17 digits:
       * 0.017000000000000001 for 0.017). */
      for (int digits = 15; digits <= 17; digits++)
        {
          char format[8];

          g_snprintf (format, sizeof format, "%%.%dg", digits);
          g_ascii_formatd (buffer, sizeof buffer, format, value);
          if (g_ascii_strtod (buffer, NULL) == value)
            break;
        }
      g_string_append (out, buffer);
    }
  for (gsize i = start; i < out->len; i++)
    if (out->str[i] == '.')
      out->str[i] = marks->decimal;
}

/* The heading of column @column: the budget's two rows as one ("Jan 2027 – Planned"). */
static void
csv_heading (GString *out, const PlSheetTable *table, guint column, const CsvMarks *marks)
{
  const char *top = NULL, *bottom = NULL;
  g_autofree char *joined = NULL;

  for (guint c = column + 1; c-- > 0 && top == NULL;)
    {
      const PlSheetTableCell *cell = pl_sheet_table_get (table, 0, c);

      if (cell->kind == PL_SHEET_TEXT && (c == column || c + MAX (cell->span, 1) > column))
        top = cell->text;
      else if (cell->kind == PL_SHEET_TEXT)
        break;
    }
  if (table->n_header_rows > 1)
    {
      const PlSheetTableCell *cell = pl_sheet_table_get (table, 1, column);
      bottom = cell->kind == PL_SHEET_TEXT ? cell->text : NULL;
    }
  joined = top && bottom ? g_strdup_printf ("%s – %s", top, bottom) : g_strdup (top ? top : bottom ? bottom : "");
  csv_text (out, joined, marks);
}

static GString *
csv_contents (const PlSheetTable *table)
{
  struct lconv *conventions = localeconv ();
  /* Excel's list separator follows the decimal mark: ";" where the comma is decimal. */
  gboolean comma = conventions->decimal_point != NULL && strcmp (conventions->decimal_point, ",") == 0;
  CsvMarks marks = { comma ? ';' : ',', comma ? ',' : '.' };
  GString *out = g_string_sized_new (64 * table->n_rows * table->n_columns / 4 + 16);

  g_string_append (out, "\xEF\xBB\xBF");
  for (guint c = 0; c < table->n_columns && table->n_header_rows > 0; c++)
    {
      if (c > 0)
        g_string_append_c (out, marks.separator);
      csv_heading (out, table, c, &marks);
    }
  if (table->n_header_rows > 0)
    g_string_append (out, "\r\n");
  for (guint r = table->n_header_rows; r < table->n_rows; r++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          const PlSheetTableCell *cell = pl_sheet_table_get (table, r, c);

          if (c > 0)
            g_string_append_c (out, marks.separator);
          if (cell->kind == PL_SHEET_TEXT)
            csv_text (out, cell->text, &marks);
          else if (cell->kind == PL_SHEET_NUMBER)
            csv_number (out, table, cell, &marks);
          else if (cell->kind == PL_SHEET_DATE)
            {
              GDate date;
              char day[16];

              g_date_set_julian (&date, (guint32) cell->number);
              g_date_strftime (day, sizeof day, "%Y-%m-%d", &date);
              g_string_append (out, day);
            }
        }
      g_string_append (out, "\r\n");
    }
  return out;
}

static gboolean
write_csv (const PlSheetTable *table, const char *path, const char *temp, int fd, GError **error)
{
  g_autoptr(GString) contents = csv_contents (table);
  const char *data = contents->str;
  gsize left = contents->len;

  while (left > 0)
    {
      gssize n = write (fd, data, MIN (left, (gsize) G_MAXINT32));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int errsv = n < 0 ? errno : ENOSPC;

          g_unlink (temp);
          set_write_error (error, path, errsv, NULL);
          return FALSE;
        }
      data += n;
      left -= (gsize) n;
    }
  return TRUE;
}

gboolean
pl_sheet_table_write (const PlSheetTable *table, PlSheetFormat format, const char *path, GError **error)
{
  g_autofree char *temp = NULL;
  gboolean ok;
  int fd = -1;

  g_return_val_if_fail (table != NULL && path != NULL, FALSE);
  temp = temporary_beside (path, &fd, error);
  if (temp == NULL)
    return FALSE;
  if (format == PL_SHEET_CSV)
    {
      ok = write_csv (table, path, temp, fd, error);
      if (close (fd) != 0 && ok)
        {
          int errsv = errno;

          g_unlink (temp);
          set_write_error (error, path, errsv, NULL);
          ok = FALSE;
        }
    }
  else
    {
      /* libxlsxwriter opens the file by its name. */
      close (fd);
      ok = write_xlsx (table, path, temp, error);
    }
  return ok && finish_temporary (temp, path, error);
}

gboolean
pl_sheet_export (PlPlan *plan, PlSheetWhat what, PlSheetFormat format, const char *path, GError **error)
{
  g_autoptr(PlSheetTable) table = NULL;

  g_return_val_if_fail (PL_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (what < PL_SHEET_N_WHAT, FALSE);
  table = pl_sheet_table_new (plan, what);
  return pl_sheet_table_write (table, format, path, error);
}
