/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-sheet-read"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <gsf/gsf-infile-impl.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "pl-csv.h"
#include "pl-error.h"
#include "pl-import-text.h"
#include "pl-sheet-read.h"

/* libgsf 1.14 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* Shared strings: more than any workbook a budget comes in. */
#define MAX_SHARED_STRINGS 2000000
/* Elements nested deeper than this are no spreadsheet. */
#define MAX_DEPTH 256


/* Adds @text (taken) to @builder: g_strv_builder_take() is GLib 2.80. */
static void
strv_builder_take (GStrvBuilder *builder, char *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

/* ---- cells and rows ---- */

static void
cell_clear (PlSheetCell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

static void
row_free (PlSheetRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < row->n_cells; i++)
    cell_clear (&row->cells[i]);
  g_free (row->cells);
  g_free (row);
}

void
pl_sheet_free (PlSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_strfreev (sheet->names);
  g_free (sheet->name);
  g_clear_pointer (&sheet->rows, g_ptr_array_unref);
  g_strfreev (sheet->notes);
  g_free (sheet);
}

const PlSheetCell *
pl_sheet_row_get (const PlSheetRow *row, guint column)
{
  return row != NULL && column < row->n_cells ? &row->cells[column] : NULL;
}

char *
pl_sheet_column_name (guint column)
{
  char buffer[16];
  int i = (int) sizeof buffer - 1;

  buffer[i] = '\0';
  for (guint n = column + 1; n > 0 && i > 0; n = (n - 1) / 26)
    buffer[--i] = (char) ('A' + (n - 1) % 26);
  return g_strdup (buffer + i);
}

guint32
pl_sheet_serial_to_julian (double serial, gboolean date1904)
{
  GDate date;
  double days = floor (serial);

  /* Up to 9999-12-31 (2958465 with the 1900 epoch). */
  if (!isfinite (serial) || days < 0 || days > 2958465)
    return 0;
  g_date_clear (&date, 1);
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else
    {
      /* Excel counts a 29 February 1900 that never was (serial 60), as Lotus 1-2-3 did: from
       * serial 61 on, days count from 30 December 1899. */
      if (days == 0)
        return 0;
      if (days == 60)
        days = 59;  /* read as the 28th, the day before it */
      g_date_set_dmy (&date, days < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
    }
  g_date_add_days (&date, (guint) days);
  return g_date_get_year (&date) <= 9999 ? g_date_get_julian (&date) : 0;
}

/* Builds the rows of the sheet as its cells come. */
typedef struct {
  GPtrArray *rows;
  GArray    *cells;        /* PlSheetCell of the row being read */
  guint      n_columns;
  gsize      n_cells;
  gboolean   wide;         /* cells beyond PL_SHEET_MAX_COLUMNS were left out */
  gboolean   too_many;     /* PL_SHEET_MAX_CELLS reached: the sheet is refused */
} Builder;

static void
builder_init (Builder *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->cells = g_array_new (FALSE, TRUE, sizeof (PlSheetCell));
  g_array_set_clear_func (self->cells, (GDestroyNotify) cell_clear);
  self->n_columns = 0;
  self->n_cells = 0;
  self->wide = self->too_many = FALSE;
}

static void
builder_clear (Builder *self)
{
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
}

/* Puts @cell (taken) at @column of the current row; cells beyond the limit are dropped. */
static void
builder_set (Builder *self, guint column, PlSheetCell *cell)
{
  if (column >= PL_SHEET_MAX_COLUMNS)
    {
      self->wide = TRUE;
      cell_clear (cell);
      return;
    }
  if (column >= self->cells->len)
    g_array_set_size (self->cells, column + 1);
  cell_clear (&g_array_index (self->cells, PlSheetCell, column));
  g_array_index (self->cells, PlSheetCell, column) = *cell;
  *cell = (PlSheetCell) { 0 };
}

static gboolean
cell_is_blank (const PlSheetCell *cell)
{
  return cell->kind == PL_SHEET_CELL_EMPTY;
}

/* Ends the current row as row @number, @repeat times (ODS repeats identical rows). */
static void
builder_end_row (Builder *self, guint number, guint repeat)
{
  guint n = self->cells->len;
  gboolean content = FALSE;

  /* Up to the last cell with content or merged into one: a year merged over twelve months
   * reaches the twelfth. A row of nothing else than merged cells is no row. */
  while (n > 0 && cell_is_blank (&g_array_index (self->cells, PlSheetCell, n - 1)) &&
         !g_array_index (self->cells, PlSheetCell, n - 1).covered)
    n--;
  for (guint i = 0; i < n && !content; i++)
    content = !cell_is_blank (&g_array_index (self->cells, PlSheetCell, i));
  if (content && !self->too_many)
    for (guint r = 0; r < repeat; r++)
      {
        PlSheetRow *row;

        if (self->n_cells + n > PL_SHEET_MAX_CELLS)
          {
            self->too_many = TRUE;
            break;
          }
        row = g_new0 (PlSheetRow, 1);
        row->row = number + r;
        row->n_cells = n;
        row->cells = g_new0 (PlSheetCell, n);
        for (guint i = 0; i < n; i++)
          {
            const PlSheetCell *from = &g_array_index (self->cells, PlSheetCell, i);
            row->cells[i] = *from;
            row->cells[i].text = g_strdup (from->text);
            if (from->kind == PL_SHEET_CELL_EMPTY)
              row->cells[i].number = NAN;
          }
        self->n_cells += n;
        self->n_columns = MAX (self->n_columns, n);
        g_ptr_array_add (self->rows, row);
      }
  g_array_set_size (self->cells, 0);
}

static void
cell_set_text (PlSheetCell *cell, const char *text)
{
  gsize length = strlen (text);

  /* Cut at Excel's own limit, on a character boundary. */
  if (length > PL_SHEET_MAX_TEXT)
    length = (gsize) (g_utf8_find_prev_char (text, text + PL_SHEET_MAX_TEXT + 1) - text);
  g_free (cell->text);
  cell->text = g_strndup (text, length);
}

static void
cell_set_number (PlSheetCell *cell, double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  cell->kind = PL_SHEET_CELL_NUMBER;
  cell->number = number;
  /* Spreadsheets show 15 significant digits: 0.1 + 0.2 reads 0.3, as in the cell. */
  cell_set_text (cell, g_ascii_formatd (buffer, sizeof buffer, "%.15g", number));
}

static void
cell_set_date (PlSheetCell *cell, double serial, guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  cell->kind = PL_SHEET_CELL_DATE;
  cell->number = serial;
  cell->julian = julian;
  g_free (cell->text);
  cell->text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

/* Reads a number as files write it ("16000", "1.6E4"); FALSE unless the whole text is one. */
static gboolean
parse_double (const char *text, double *out)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  return end != NULL && *end == '\0' && isfinite (*out);
}

/* "2027-01-15" or "2027-01-15T00:00:00": its day; 0 when it is not one. */
static guint32
parse_iso_day (const char *text)
{
  int year, month, day;
  char rest = 0;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) < 3 ||
      (rest != 0 && rest != 'T' && rest != ' ') || year < 1 || year > 9999 || month < 1 || month > 12 ||
      day < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  {
    GDate date;
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    return g_date_get_julian (&date);
  }
}

/* ---- the XML parts, streamed from the container ---- */

typedef struct {
  GsfInput        *input;
  const char      *name;     /* the part, for messages */
  gsize            read;
  gboolean         too_large;
  gboolean         failed;
  xmlTextReaderPtr reader;
  char            *message;  /* the parser's first error */
  int              line;
} Part;

static int
part_read_cb (void *context, char *buffer, int length)
{
  Part *self = context;
  gsf_off_t remaining = gsf_input_remaining (self->input);
  gsize n = (gsize) MIN ((gsf_off_t) length, MAX (remaining, 0));

  if (n == 0)
    return 0;
  /* Counted as it inflates: a part that claims a small size and inflates beyond it is cut
   * by libgsf, one that claims a huge size stops here. */
  if (self->read + n > PL_SHEET_MAX_PART_SIZE)
    {
      self->too_large = TRUE;
      return -1;
    }
  if (gsf_input_read (self->input, n, (guint8 *) buffer) == NULL)
    {
      self->failed = TRUE;
      return -1;
    }
  self->read += n;
  return (int) n;
}

static void
part_error_cb (void *context, const xmlError *error)
{
  Part *self = context;

  if (self->message == NULL && error != NULL && error->level >= XML_ERR_ERROR)
    {
      self->message = g_strdup (error->message ? error->message : "");
      g_strchomp (self->message);
      self->line = error->line;
    }
}

/* Opens @input (taken) as XML; no network, no entities expanded, no DTD loaded. */
static void
part_open (Part *self, GsfInput *input, const char *name)
{
  *self = (Part) { 0 };
  self->input = input;
  self->name = name;
  /* A zip member is inflated to the size its directory declares and no further: a bomb is
   * known before a byte of it is read. */
  self->too_large = gsf_input_size (input) > (gsf_off_t) PL_SHEET_MAX_PART_SIZE;
  self->failed = g_object_get_data (G_OBJECT (input), "pl-damaged") != NULL;
  self->reader = xmlReaderForIO (part_read_cb, NULL, self, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (self->reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (self->reader, (xmlStructuredErrorFunc) part_error_cb, self);
}

static void
part_close (Part *self)
{
  if (self->reader != NULL)
    xmlFreeTextReader (self->reader);
  g_clear_object (&self->input);
  g_clear_pointer (&self->message, g_free);
}

static void
set_damaged (GError **error, const char *part, const char *details)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FILE,
               /* Translators: a part of the file ("xl/worksheets/sheet1.xml"), then what the parser said */
               _("The spreadsheet is damaged (its part %s cannot be read: %s). Open it in your spreadsheet "
                 "application and save it again."), part, details);
}

/* Moves to the next node: 1, 0 at the end, or -1 with @error set. */
static int
part_next (Part *self, GError **error)
{
  int ret = self->reader && !self->too_large && !self->failed ? xmlTextReaderRead (self->reader) : -1;

  if (ret == 1 && xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      set_damaged (error, self->name, _("it has a document type declaration, which spreadsheets never have"));
      return -1;
    }
  if (ret == 1 && xmlTextReaderDepth (self->reader) > MAX_DEPTH)
    {
      set_damaged (error, self->name, _("its elements are nested too deeply"));
      return -1;
    }
  if (ret >= 0)
    return ret;
  if (self->too_large)
    g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                 _("The spreadsheet’s part %s is larger than %u MB once unpacked: too large to be a budget "
                   "sheet, or a damaged file."), self->name, (guint) (PL_SHEET_MAX_PART_SIZE / (1024 * 1024)));
  else if (self->failed)
    set_damaged (error, self->name, _("the file is cut short or its data is corrupt"));
  else
    {
      g_autofree char *details = self->message && self->line > 0
        /* Translators: what the XML parser said, then a line number */
        ? g_strdup_printf (_("%s, line %d"), self->message, self->line)
        : g_strdup (self->message ? self->message : _("it is not XML"));
      set_damaged (error, self->name, details);
    }
  return -1;
}

/* Skips the current element's content (the reader stays on its end). */
static int
part_skip (Part *self, GError **error)
{
  if (xmlTextReaderIsEmptyElement (self->reader))
    return 1;
  {
    int depth = xmlTextReaderDepth (self->reader);
    int ret;

    while ((ret = part_next (self, error)) == 1)
      if (xmlTextReaderDepth (self->reader) == depth && xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT)
        return 1;
    return ret < 0 ? -1 : 0;
  }
}

static gboolean
is_start (Part *self, const char *name)
{
  return xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (self->reader), name) == 0;
}

static gboolean
is_end (Part *self, const char *name)
{
  return (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT ||
          (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (self->reader))) &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (self->reader), name) == 0;
}

static gboolean
is_text (Part *self)
{
  int type = xmlTextReaderNodeType (self->reader);
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
         type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE;
}

/* An attribute by local name, whatever its prefix; a new string or NULL. */
static char *
attribute (Part *self, const char *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (self->reader) != 1)
    return NULL;
  do
    if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (self->reader), name) == 0)
      {
        value = g_strdup ((const char *) xmlTextReaderConstValue (self->reader));
        break;
      }
  while (xmlTextReaderMoveToNextAttribute (self->reader) == 1);
  xmlTextReaderMoveToElement (self->reader);
  return value;
}

/* Appends text, never beyond the cell limit (a cell of a million characters is cut). */
static void
append_capped (GString *text, const char *more)
{
  if (text->len < PL_SHEET_MAX_TEXT + 4)
    g_string_append_len (text, more, (gssize) MIN (strlen (more), PL_SHEET_MAX_TEXT + 4 - text->len));
}

/* Opens @name in @dir through the class, as gsf_infile_child_by_name() does without its
 * warning on a damaged entry: a damaged entry gives an empty input marked "pl-damaged",
 * which part_next() reports in words. */
static GsfInput *
open_child (GsfInfile *dir, const char *name)
{
  g_autoptr(GError) error = NULL;
  GsfInput *child = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (dir))->child_by_name (dir, name, &error);

  if (error != NULL)
    {
      g_clear_object (&child);
      child = gsf_input_memory_new ((const guint8 *) "", 0, FALSE);
      g_object_set_data (G_OBJECT (child), "pl-damaged", GINT_TO_POINTER (1));
    }
  return child;
}

/* Opens the member @path ("xl/worksheets/sheet1.xml") of @zip; NULL when absent. */
static GsfInput *
open_member (GsfInfile *zip, const char *path)
{
  GsfInput *input = NULL;

  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (*names[i] == '\0' || g_str_equal (names[i], "."))
        continue;
      if (g_str_equal (names[i], ".."))
        {
          if (parts->len > 0)
            g_ptr_array_set_size (parts, (int) parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, names[i]);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      GsfInput *next = open_child (input ? GSF_INFILE (input) : zip, g_ptr_array_index (parts, i));

      g_clear_object (&input);
      if (next == NULL)
        return NULL;
      input = next;
      if (i + 1 < parts->len && !GSF_IS_INFILE (input))
        {
          g_clear_object (&input);
          return NULL;
        }
    }
  return input;
}

/* Whether a sheet asked for by @wanted is @name, whatever the case ("budget" finds "Budget"). */
static gboolean
same_sheet_name (const char *wanted, const char *name)
{
  g_autofree char *a = wanted ? g_utf8_casefold (wanted, -1) : NULL;
  g_autofree char *b = name ? g_utf8_casefold (name, -1) : NULL;

  return a != NULL && b != NULL && g_str_equal (a, b);
}

/* ---- XLSX ---- */

typedef struct {
  GsfInfile *zip;
  GPtrArray *strings;     /* shared strings */
  GArray    *date_styles; /* gboolean per cellXfs index */
  gboolean   date1904;
  GPtrArray *sheet_names;
  GPtrArray *sheet_targets;
  char      *strings_path;
  char      *styles_path;
} Xlsx;

/* @target of a relationship of the part in @folder ("xl"), as a path in the archive. */
static char *
resolve_target (const char *folder, const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  return *folder ? g_strconcat (folder, "/", target, NULL) : g_strdup (target);
}

static gboolean
xlsx_read_relationships (GsfInfile *zip, const char *path, const char *folder, GHashTable *by_id,
                         char **office_document, char **strings, char **styles, GError **error)
{
  Part part;
  int ret;

  {
    GsfInput *input = open_member (zip, path);
    if (input == NULL)
      return TRUE;
    part_open (&part, input, path);
  }
  while ((ret = part_next (&part, error)) == 1)
    if (is_start (&part, "Relationship"))
      {
        g_autofree char *id = attribute (&part, "Id");
        g_autofree char *type = attribute (&part, "Type");
        g_autofree char *target = attribute (&part, "Target");
        g_autofree char *mode = attribute (&part, "TargetMode");

        if (target == NULL || type == NULL || g_strcmp0 (mode, "External") == 0)
          continue;
        if (g_str_has_suffix (type, "/officeDocument") && office_document && *office_document == NULL)
          *office_document = resolve_target (folder, target);
        else if (g_str_has_suffix (type, "/sharedStrings") && strings && *strings == NULL)
          *strings = resolve_target (folder, target);
        else if (g_str_has_suffix (type, "/styles") && styles && *styles == NULL)
          *styles = resolve_target (folder, target);
        else if (id != NULL && by_id != NULL)
          g_hash_table_replace (by_id, g_steal_pointer (&id), resolve_target (folder, target));
      }
  part_close (&part);
  return ret == 0;
}

static gboolean
xlsx_read_workbook (Xlsx *self, GError **error)
{
  g_autofree char *workbook = NULL, *folder = NULL, *rels = NULL;
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Part part;
  int ret;

  if (!xlsx_read_relationships (self->zip, "_rels/.rels", "", NULL, &workbook, NULL, NULL, error))
    return FALSE;
  if (workbook == NULL)
    workbook = g_strdup ("xl/workbook.xml");
  folder = g_path_get_dirname (workbook);
  if (g_str_equal (folder, "."))
    folder[0] = '\0';
  {
    g_autofree char *base = g_path_get_basename (workbook);
    rels = *folder ? g_strconcat (folder, "/_rels/", base, ".rels", NULL) : g_strconcat ("_rels/", base, ".rels", NULL);
  }
  if (!xlsx_read_relationships (self->zip, rels, folder, targets, NULL, &self->strings_path, &self->styles_path, error))
    return FALSE;
  {
    GsfInput *input = open_member (self->zip, workbook);
    if (input == NULL)
      {
        g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                             _("The file is a ZIP archive but not an XLSX or ODS spreadsheet (it has no workbook)."));
        return FALSE;
      }
    part_open (&part, input, workbook);
  }
  while ((ret = part_next (&part, error)) == 1)
    if (is_start (&part, "workbookPr"))
      {
        g_autofree char *date1904 = attribute (&part, "date1904");
        self->date1904 = date1904 && (g_str_equal (date1904, "1") || g_ascii_strcasecmp (date1904, "true") == 0);
      }
    else if (is_start (&part, "sheet") && self->sheet_names->len < 10000)
      {
        g_autofree char *name = attribute (&part, "name");
        g_autofree char *id = attribute (&part, "id");
        const char *target = id ? g_hash_table_lookup (targets, id) : NULL;

        g_ptr_array_add (self->sheet_names, g_strdup (name ? name : ""));
        g_ptr_array_add (self->sheet_targets, g_strdup (target));
      }
  part_close (&part);
  if (ret < 0)
    return FALSE;
  if (self->sheet_names->len == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("The workbook has no sheet."));
      return FALSE;
    }
  return TRUE;
}

/* Whether a number format's code shows a date: it has days, months or years outside quotes
 * and brackets ("dd/mm/yyyy", "mmm-yy", "[$-40C]mmmm yyyy"; not "#,##0 \"d\""). */
static gboolean
format_code_is_date (const char *code)
{
  gboolean date = FALSE, time = FALSE;

  for (const char *p = code; p && *p; p++)
    {
      if (*p == '"')
        {
          const char *close = strchr (p + 1, '"');
          if (close == NULL)
            break;
          p = close;
        }
      else if (*p == '[')
        {
          const char *close = strchr (p + 1, ']');
          if (close == NULL)
            break;
          p = close;
        }
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
        }
      else if (*p == ';')
        break;  /* the first section says it */
      else if (strchr ("dDyY", *p))
        date = TRUE;
      else if (strchr ("mM", *p))
        date = TRUE;
      else if (strchr ("hHsS", *p))
        time = TRUE;
    }
  /* "mm:ss" is minutes, "h:mm" too: without days or years and with hours, a time. */
  if (time)
    {
      for (const char *p = code; p && *p; p++)
        if (strchr ("dDyY", *p))
          return TRUE;
      return FALSE;
    }
  return date;
}

static gboolean
builtin_format_is_date (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static gboolean
xlsx_read_styles (Xlsx *self, GError **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char *path = self->styles_path ? self->styles_path : "xl/styles.xml";
  gboolean in_xfs = FALSE;
  Part part;
  int ret;

  {
    GsfInput *input = open_member (self->zip, path);
    if (input == NULL)
      return TRUE;  /* no styles: no dates, every number a number */
    part_open (&part, input, path);
  }
  while ((ret = part_next (&part, error)) == 1)
    if (is_start (&part, "numFmt"))
      {
        g_autofree char *id = attribute (&part, "numFmtId");
        g_autofree char *code = attribute (&part, "formatCode");
        if (id != NULL && code != NULL)
          g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)),
                               GINT_TO_POINTER (format_code_is_date (code) ? 2 : 1));
      }
    else if (is_start (&part, "cellXfs"))
      in_xfs = !xmlTextReaderIsEmptyElement (part.reader);
    else if (is_end (&part, "cellXfs"))
      in_xfs = FALSE;
    else if (in_xfs && is_start (&part, "xf") && self->date_styles->len < 100000)
      {
        g_autofree char *id_text = attribute (&part, "numFmtId");
        guint id = id_text ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
        int kind = GPOINTER_TO_INT (g_hash_table_lookup (custom, GUINT_TO_POINTER (id)));
        gboolean date = kind ? kind == 2 : builtin_format_is_date (id);
        g_array_append_val (self->date_styles, date);
      }
  part_close (&part);
  return ret == 0;
}

static gboolean
xlsx_read_strings (Xlsx *self, GError **error)
{
  const char *path = self->strings_path ? self->strings_path : "xl/sharedStrings.xml";
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_si = FALSE;
  int skip_depth = -1, text_depth = -1;
  Part part;
  int ret;

  {
    GsfInput *input = open_member (self->zip, path);
    if (input == NULL)
      return TRUE;
    part_open (&part, input, path);
  }
  while ((ret = part_next (&part, error)) == 1)
    {
      int depth = xmlTextReaderDepth (part.reader);

      if (skip_depth >= 0)
        {
          if (depth == skip_depth && is_end (&part, "rPh"))
            skip_depth = -1;
          continue;
        }
      if (is_start (&part, "si"))
        {
          in_si = TRUE;
          g_string_truncate (text, 0);
          if (xmlTextReaderIsEmptyElement (part.reader))
            goto end_si;
        }
      else if (in_si && is_start (&part, "rPh") && !xmlTextReaderIsEmptyElement (part.reader))
        skip_depth = depth;  /* phonetic runs (Japanese furigana) are not the text */
      else if (in_si && is_start (&part, "t") && !xmlTextReaderIsEmptyElement (part.reader))
        text_depth = depth;
      else if (text_depth >= 0 && is_end (&part, "t"))
        text_depth = -1;
      else if (text_depth >= 0 && is_text (&part))
        append_capped (text, (const char *) xmlTextReaderConstValue (part.reader));
      else if (in_si && is_end (&part, "si"))
        {
        end_si:
          in_si = FALSE;
          if (self->strings->len >= MAX_SHARED_STRINGS)
            {
              part_close (&part);
              g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                           _("The workbook holds more than %u different texts: too large to be a budget sheet."),
                           MAX_SHARED_STRINGS);
              return FALSE;
            }
          g_ptr_array_add (self->strings, g_strdup (text->str));
        }
    }
  part_close (&part);
  return ret == 0;
}

/* "AB12": column 27 (0-based 27), row 12; FALSE when it is no cell reference. */
static gboolean
parse_reference (const char *ref, guint *column, guint *row)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  for (; g_ascii_isalpha (*p) && p - ref < 4; p++)
    c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
  for (; g_ascii_isdigit (*p) && r < 100000000; p++)
    r = r * 10 + (guint64) (*p - '0');
  if (c == 0 || r == 0 || *p != '\0')
    return FALSE;
  *column = (guint) (c - 1);
  *row = (guint) r;
  return TRUE;
}

typedef struct {
  char *type;      /* t="s", "str", "inlineStr", "b", "e", "n", "d" */
  guint style;
  GString *value;  /* <v> */
  GString *inline_text;
  gboolean has_value;
} XlsxCell;

static void
xlsx_make_cell (Xlsx *self, XlsxCell *c, PlSheetCell *cell)
{
  const char *type = c->type ? c->type : "n";
  double number;

  *cell = (PlSheetCell) { .number = NAN };
  if (g_str_equal (type, "inlineStr"))
    {
      if (c->inline_text->len > 0)
        {
          cell->kind = PL_SHEET_CELL_TEXT;
          cell_set_text (cell, c->inline_text->str);
        }
      return;
    }
  if (!c->has_value)
    return;
  if (g_str_equal (type, "s"))
    {
      guint64 index;
      const char *text;

      if (!parse_double (c->value->str, &number) || number < 0 || (index = (guint64) number) >= self->strings->len)
        return;  /* a string the workbook does not have: an empty cell rather than a guess */
      text = g_ptr_array_index (self->strings, (guint) index);
      if (*text != '\0')
        {
          cell->kind = PL_SHEET_CELL_TEXT;
          cell_set_text (cell, text);
        }
    }
  else if (g_str_equal (type, "str"))
    {
      if (c->value->len > 0)
        {
          cell->kind = PL_SHEET_CELL_TEXT;
          cell_set_text (cell, c->value->str);
        }
    }
  else if (g_str_equal (type, "b"))
    {
      gboolean value = g_str_equal (g_strstrip (c->value->str), "1");
      cell->kind = PL_SHEET_CELL_BOOL;
      cell->number = value;
      cell_set_text (cell, value ? "TRUE" : "FALSE");
    }
  else if (g_str_equal (type, "e"))
    {
      cell->kind = PL_SHEET_CELL_ERROR;
      cell_set_text (cell, c->value->str);
    }
  else if (g_str_equal (type, "d"))
    {
      guint32 julian = parse_iso_day (c->value->str);
      if (julian != 0)
        cell_set_date (cell, NAN, julian);
      else if (c->value->len > 0)
        {
          cell->kind = PL_SHEET_CELL_TEXT;
          cell_set_text (cell, c->value->str);
        }
    }
  else if (parse_double (c->value->str, &number))
    {
      guint32 julian = 0;
      if (c->style < self->date_styles->len && g_array_index (self->date_styles, gboolean, c->style))
        julian = pl_sheet_serial_to_julian (number, self->date1904);
      if (julian != 0)
        cell_set_date (cell, number, julian);
      else
        cell_set_number (cell, number);
    }
  else if (c->value->len > 0)
    {
      cell->kind = PL_SHEET_CELL_TEXT;
      cell_set_text (cell, c->value->str);
    }
}

/* Merged ranges ("A1:C1"): every cell but the first is covered. */
static void
mark_covered (Builder *builder, GArray *ranges)
{
  GPtrArray *rows = builder->rows;
  /* Marks are a help to the reader of the sheet, never worth a long wait: a file of
   * overlapping merges over every row stops being marked after this many cells. */
  gsize budget = 4 * (gsize) PL_SHEET_MAX_CELLS;

  for (guint i = 0; i < ranges->len; i += 4)
    {
      guint c1 = g_array_index (ranges, guint, i), r1 = g_array_index (ranges, guint, i + 1);
      guint c2 = g_array_index (ranges, guint, i + 2), r2 = g_array_index (ranges, guint, i + 3);
      guint low = 0, high = rows->len;

      /* The rows are in order: the first at or after r1. */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;
          if (((PlSheetRow *) g_ptr_array_index (rows, middle))->row < r1)
            low = middle + 1;
          else
            high = middle;
        }
      for (guint k = low; k < rows->len; k++)
        {
          PlSheetRow *row = g_ptr_array_index (rows, k);
          if (row->row > r2)
            break;
          if (budget < (gsize) (c2 - c1 + 2))
            return;
          budget -= c2 - c1 + 2;
          /* The row ends where its content does: it grows to hold the cells merged into it. */
          if (row->n_cells > c1 && row->n_cells <= c2 && c2 < PL_SHEET_MAX_COLUMNS)
            {
              builder->n_cells += c2 + 1 - row->n_cells;
              if (builder->n_cells > PL_SHEET_MAX_CELLS)
                {
                  builder->too_many = TRUE;
                  return;
                }
              builder->n_columns = MAX (builder->n_columns, c2 + 1);
              row->cells = g_renew (PlSheetCell, row->cells, c2 + 1);
              for (guint c = row->n_cells; c <= c2; c++)
                row->cells[c] = (PlSheetCell) { .number = NAN };
              row->n_cells = c2 + 1;
            }
          for (guint c = c1; c <= c2 && c < row->n_cells; c++)
            if ((c != c1 || row->row != r1) && row->cells[c].kind == PL_SHEET_CELL_EMPTY)
              row->cells[c].covered = TRUE;
        }
    }
}

static gboolean
xlsx_read_sheet (Xlsx *self, const char *path, Builder *builder, GError **error)
{
  XlsxCell c = { 0 };
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (guint));
  guint row_number = 0, column = 0;
  gboolean in_cell = FALSE, in_value = FALSE, in_inline = FALSE, in_row = FALSE;
  int skip_depth = -1;
  Part part;
  int ret;

  {
    GsfInput *input = path ? open_member (self->zip, path) : NULL;
    if (input == NULL)
      {
        g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The spreadsheet is damaged (its part %s is missing). "
                                                       "Open it in your spreadsheet application and save it again."),
                     path ? path : "xl/worksheets");
        return FALSE;
      }
    part_open (&part, input, path);
  }
  c.value = value;
  c.inline_text = inline_text;
  while ((ret = part_next (&part, error)) == 1)
    {
      int depth = xmlTextReaderDepth (part.reader);

      if (skip_depth >= 0)
        {
          if (depth == skip_depth && xmlTextReaderNodeType (part.reader) == XML_READER_TYPE_END_ELEMENT)
            skip_depth = -1;
          continue;
        }
      if (is_start (&part, "row"))
        {
          g_autofree char *r = attribute (&part, "r");
          guint64 number = r ? g_ascii_strtoull (r, NULL, 10) : 0;

          if (in_row)
            builder_end_row (builder, row_number, 1);
          row_number = number > row_number && number <= 100000000 ? (guint) number : row_number + 1;
          column = 0;
          in_row = TRUE;
          if (xmlTextReaderIsEmptyElement (part.reader))
            {
              builder_end_row (builder, row_number, 1);
              in_row = FALSE;
            }
        }
      else if (in_row && is_end (&part, "row"))
        {
          builder_end_row (builder, row_number, 1);
          in_row = FALSE;
        }
      else if (in_row && is_start (&part, "c"))
        {
          g_autofree char *r = attribute (&part, "r");
          g_autofree char *s = attribute (&part, "s");
          guint ref_column, ref_row;

          if (parse_reference (r, &ref_column, &ref_row))
            column = ref_column;
          g_free (c.type);
          c.type = attribute (&part, "t");
          c.style = s ? (guint) MIN (g_ascii_strtoull (s, NULL, 10), G_MAXUINT) : 0;
          c.has_value = FALSE;
          g_string_truncate (value, 0);
          g_string_truncate (inline_text, 0);
          in_cell = TRUE;
          if (xmlTextReaderIsEmptyElement (part.reader))
            goto end_cell;
        }
      else if (in_cell && is_end (&part, "c"))
        {
          PlSheetCell cell;
        end_cell:
          xlsx_make_cell (self, &c, &cell);
          if (cell.kind != PL_SHEET_CELL_EMPTY)
            builder_set (builder, column, &cell);
          cell_clear (&cell);
          column++;
          in_cell = FALSE;
        }
      else if (in_cell && is_start (&part, "v"))
        {
          in_value = !xmlTextReaderIsEmptyElement (part.reader);
          c.has_value = TRUE;
        }
      else if (in_value && is_end (&part, "v"))
        in_value = FALSE;
      else if (in_cell && is_start (&part, "is"))
        in_inline = !xmlTextReaderIsEmptyElement (part.reader);
      else if (in_inline && is_end (&part, "is"))
        in_inline = FALSE;
      else if (in_inline && is_start (&part, "rPh") && !xmlTextReaderIsEmptyElement (part.reader))
        skip_depth = depth;
      else if (in_cell && is_start (&part, "f") && !xmlTextReaderIsEmptyElement (part.reader))
        skip_depth = depth;  /* the formula: its cached result in <v> is what counts */
      else if (is_text (&part) && in_value)
        append_capped (value, (const char *) xmlTextReaderConstValue (part.reader));
      else if (is_text (&part) && in_inline)
        append_capped (inline_text, (const char *) xmlTextReaderConstValue (part.reader));
      else if (is_start (&part, "mergeCell") && merged->len < 4 * 100000)
        {
          g_autofree char *ref = attribute (&part, "ref");
          char *colon = ref ? strchr (ref, ':') : NULL;
          guint c1, r1, c2, r2;

          if (colon != NULL)
            {
              *colon = '\0';
              if (parse_reference (ref, &c1, &r1) && parse_reference (colon + 1, &c2, &r2) && c1 <= c2 && r1 <= r2)
                {
                  guint values[] = { c1, r1, MIN (c2, PL_SHEET_MAX_COLUMNS), r2 };
                  g_array_append_vals (merged, values, 4);
                }
            }
        }
      if (builder->too_many)
        break;
    }
  if (in_row && ret == 0)
    builder_end_row (builder, row_number, 1);
  g_free (c.type);
  part_close (&part);
  if (ret < 0)
    return FALSE;
  mark_covered (builder, merged);
  return TRUE;
}

static PlSheet *
read_xlsx (GsfInfile *zip, const char *sheet_name, Builder *builder, GError **error)
{
  Xlsx self = { .zip = zip };
  g_autoptr(PlSheet) sheet = g_new0 (PlSheet, 1);
  int index = -1;
  gboolean ok = FALSE;

  self.strings = g_ptr_array_new_with_free_func (g_free);
  self.date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self.sheet_names = g_ptr_array_new_with_free_func (g_free);
  self.sheet_targets = g_ptr_array_new_with_free_func (g_free);
  sheet->format = PL_SHEET_FORMAT_XLSX;
  if (!xlsx_read_workbook (&self, error))
    goto out;
  for (guint i = 0; i < self.sheet_names->len && index < 0; i++)
    if (sheet_name == NULL || g_str_equal (sheet_name, g_ptr_array_index (self.sheet_names, i)))
      index = (int) i;
  for (guint i = 0; i < self.sheet_names->len && index < 0; i++)
    if (same_sheet_name (sheet_name, g_ptr_array_index (self.sheet_names, i)))
      index = (int) i;
  g_ptr_array_add (self.sheet_names, NULL);
  sheet->names = (GStrv) g_ptr_array_steal (self.sheet_names, NULL);
  if (index < 0)
    {
      g_autofree char *list = g_strjoinv (", ", sheet->names);
      /* Translators: the sheet asked for, then the workbook's sheets: "Budget, Notes" */
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("There is no sheet “%s” in this workbook; it has %s."),
                   sheet_name, list);
      goto out;
    }
  sheet->name = g_strdup (sheet->names[index]);
  if (!xlsx_read_styles (&self, error) || !xlsx_read_strings (&self, error) ||
      !xlsx_read_sheet (&self, g_ptr_array_index (self.sheet_targets, (guint) index), builder, error))
    goto out;
  sheet->date1904 = self.date1904;
  ok = TRUE;
out:
  g_ptr_array_unref (self.strings);
  g_array_unref (self.date_styles);
  g_ptr_array_unref (self.sheet_names);
  g_ptr_array_unref (self.sheet_targets);
  g_free (self.strings_path);
  g_free (self.styles_path);
  return ok ? g_steal_pointer (&sheet) : NULL;
}

/* ---- ODS ---- */

/* A number attribute of ODS ("16", "3"), at least 1 and at most @max. */
static guint
repeat_attribute (Part *part, const char *name, guint max)
{
  g_autofree char *text = attribute (part, name);
  guint64 n = text ? g_ascii_strtoull (text, NULL, 10) : 1;
  return (guint) CLAMP (n, 1, max);
}

static void
ods_make_cell (const char *text, gboolean formula, PlSheetCell *cell, char *type, char *value, char *date, char *boolean)
{
  double number;

  *cell = (PlSheetCell) { .number = NAN };
  if (type != NULL && (g_str_equal (type, "float") || g_str_equal (type, "percentage") || g_str_equal (type, "currency")) &&
      parse_double (value, &number))
    {
      cell_set_number (cell, number);
      /* What the cell shows ("16 000,00 €") tells more than the bare number. */
      if (*text != '\0')
        cell_set_text (cell, text);
    }
  else if (type != NULL && g_str_equal (type, "date") && parse_iso_day (date) != 0)
    {
      guint32 julian = parse_iso_day (date);
      /* ODS counts from 30 December 1899 too. */
      cell_set_date (cell, (double) julian - (double) pl_sheet_serial_to_julian (61, FALSE) + 61, julian);
    }
  else if (type != NULL && g_str_equal (type, "boolean") && boolean != NULL)
    {
      gboolean set = g_ascii_strcasecmp (boolean, "true") == 0 || g_str_equal (boolean, "1");
      cell->kind = PL_SHEET_CELL_BOOL;
      cell->number = set;
      cell_set_text (cell, set ? "TRUE" : "FALSE");
    }
  else if (*text != '\0')
    {
      /* A formula that failed shows "Err:502" or "#DIV/0!" with no value. */
      cell->kind = (type == NULL && (g_str_has_prefix (text, "Err:") || g_str_has_prefix (text, "#"))) &&
                   formula ? PL_SHEET_CELL_ERROR : PL_SHEET_CELL_TEXT;
      cell_set_text (cell, text);
    }
}

/* Reads the table named @sheet_name (NULL: the first) of the ODS content at @part, listing
 * every table's name in @names. */
static gboolean
ods_read_content (Part *part, const char *sheet_name, Builder *builder, GPtrArray *names, char **found, GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *type = NULL, *value = NULL, *date = NULL, *boolean = NULL, *string_value = NULL;
  guint row_number = 1, row_repeat = 1, column = 0, column_repeat = 1;
  gboolean in_table = FALSE, in_row = FALSE, in_cell = FALSE, covered = FALSE, first_paragraph = TRUE, formula = FALSE;
  int table_depth = -1, ret;

  while ((ret = part_next (part, error)) == 1)
    {
      if (!in_table && is_start (part, "table"))
        {
          g_autofree char *name = attribute (part, "name");
          gboolean wanted;

          if (names->len >= 10000)
            {
              part_skip (part, error);
              continue;
            }
          g_ptr_array_add (names, g_strdup (name ? name : ""));
          wanted = *found == NULL && (sheet_name == NULL || g_strcmp0 (name, sheet_name) == 0 ||
                                      same_sheet_name (name, sheet_name));
          if (!wanted || xmlTextReaderIsEmptyElement (part->reader))
            {
              if (wanted)
                *found = g_strdup (name ? name : "");
              else if (part_skip (part, error) < 0)
                return FALSE;
              continue;
            }
          *found = g_strdup (name ? name : "");
          in_table = TRUE;
          table_depth = xmlTextReaderDepth (part->reader);
          row_number = 1;
        }
      else if (in_table && xmlTextReaderDepth (part->reader) == table_depth && is_end (part, "table"))
        in_table = FALSE;
      else if (in_table && !in_cell && is_start (part, "table-row"))
        {
          row_repeat = repeat_attribute (part, "number-rows-repeated", 1100000);
          column = 0;
          in_row = TRUE;
          if (xmlTextReaderIsEmptyElement (part->reader))
            goto end_row;
        }
      else if (in_row && !in_cell && is_end (part, "table-row"))
        {
        end_row:
          builder_end_row (builder, row_number, row_repeat);
          row_number = (guint) MIN ((guint64) row_number + row_repeat, 100000000);
          in_row = FALSE;
          if (builder->too_many)
            break;
        }
      else if (in_row && !in_cell && (is_start (part, "table-cell") || is_start (part, "covered-table-cell")))
        {
          covered = is_start (part, "covered-table-cell");
          column_repeat = repeat_attribute (part, "number-columns-repeated", 20000);
          {
            g_autofree char *formula_text = attribute (part, "formula");
            formula = formula_text != NULL;
          }
          g_free (type), type = attribute (part, "value-type");
          g_free (value), value = attribute (part, "value");
          g_free (date), date = attribute (part, "date-value");
          g_free (boolean), boolean = attribute (part, "boolean-value");
          g_free (string_value), string_value = attribute (part, "string-value");
          g_string_truncate (text, 0);
          first_paragraph = TRUE;
          in_cell = TRUE;
          if (xmlTextReaderIsEmptyElement (part->reader))
            goto end_cell;
        }
      else if (in_cell && (is_end (part, "table-cell") || is_end (part, "covered-table-cell")))
        {
          PlSheetCell cell;
        end_cell:
          if (string_value != NULL && text->len == 0)
            append_capped (text, string_value);
          ods_make_cell (text->str, formula, &cell, type, value, date, boolean);
          if (cell.kind == PL_SHEET_CELL_EMPTY)
            {
              if (covered)
                for (guint i = 0; i < column_repeat && column + i < PL_SHEET_MAX_COLUMNS; i++)
                  {
                    PlSheetCell mark = { .covered = TRUE, .number = NAN };
                    builder_set (builder, column + i, &mark);
                  }
              /* Empty cells, however many repeated (16,384 to the sheet's edge), only move on. */
              column = (guint) MIN ((guint64) column + column_repeat, G_MAXUINT / 2);
            }
          else
            {
              for (guint i = 0; i < column_repeat; i++, column++)
                {
                  PlSheetCell copy = cell;
                  if (column >= PL_SHEET_MAX_COLUMNS)
                    {
                      builder->wide = TRUE;
                      column = (guint) MIN ((guint64) column + (column_repeat - i), G_MAXUINT / 2);
                      break;
                    }
                  copy.text = g_strdup (cell.text);
                  copy.covered = covered;
                  builder_set (builder, column, &copy);
                }
            }
          cell_clear (&cell);
          in_cell = FALSE;
        }
      else if (in_cell && (is_start (part, "annotation") || is_start (part, "table")))
        {
          /* A comment on the cell, or a table inside it, is not its text. */
          if (part_skip (part, error) < 0)
            return FALSE;
        }
      else if (in_cell && is_start (part, "p"))
        {
          if (!first_paragraph)
            append_capped (text, "\n");
          first_paragraph = FALSE;
        }
      else if (in_cell && is_start (part, "s"))
        {
          guint n = repeat_attribute (part, "c", 1000);
          for (guint i = 0; i < n; i++)
            append_capped (text, " ");
        }
      else if (in_cell && is_start (part, "tab"))
        append_capped (text, "\t");
      else if (in_cell && is_start (part, "line-break"))
        append_capped (text, "\n");
      else if (in_cell && is_text (part) && xmlTextReaderNodeType (part->reader) != XML_READER_TYPE_WHITESPACE)
        append_capped (text, (const char *) xmlTextReaderConstValue (part->reader));
    }
  return ret == 0 || builder->too_many;
}

static PlSheet *
read_ods_part (Part *part, const char *sheet_name, Builder *builder, GError **error)
{
  g_autoptr(PlSheet) sheet = g_new0 (PlSheet, 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *found = NULL;

  sheet->format = PL_SHEET_FORMAT_ODS;
  if (!ods_read_content (part, sheet_name, builder, names, &found, error))
    return NULL;
  if (names->len == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("The spreadsheet has no sheet."));
      return NULL;
    }
  g_ptr_array_add (names, NULL);
  sheet->names = (GStrv) g_ptr_array_steal (names, NULL);
  if (found == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", sheet->names);
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("There is no sheet “%s” in this workbook; it has %s."),
                   sheet_name, list);
      return NULL;
    }
  sheet->name = g_steal_pointer (&found);
  return g_steal_pointer (&sheet);
}

static PlSheet *
read_ods (GsfInfile *zip, const char *sheet_name, Builder *builder, GError **error)
{
  GsfInput *input = open_member (zip, "content.xml");
  PlSheet *sheet;
  Part part;

  if (input == NULL)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("The spreadsheet is damaged (its part content.xml is missing). "
                                                             "Open it in your spreadsheet application and save it again."));
      return NULL;
    }
  part_open (&part, input, "content.xml");
  sheet = read_ods_part (&part, sheet_name, builder, error);
  part_close (&part);
  return sheet;
}

/* ---- CSV ---- */

static PlSheet *
read_csv (const guint8 *data, gsize size, Builder *builder, GError **error)
{
  g_autoptr(PlSheet) sheet = g_new0 (PlSheet, 1);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *converted = NULL;
  const char *text = (const char *) data;
  gboolean utf16 = size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF));
  PlCsvOptions options = { .delimiter = 0, .comment = "" };
  const char *encoding = NULL;

  if (!utf16 && memchr (data, '\0', size) != NULL)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                           _("This file is neither a spreadsheet (XLSX, ODS) nor CSV text."));
      return NULL;
    }
  /* Excel's "CSV" on Windows writes Windows-1252; older tools ISO 8859-15. Either reads. */
  if (!utf16 && !g_utf8_validate ((const char *) data, (gssize) size, NULL))
    {
      static const char * const encodings[] = { "WINDOWS-1252", "ISO-8859-15" };
      gsize converted_size = 0;

      for (guint i = 0; i < G_N_ELEMENTS (encodings) && converted == NULL; i++)
        if ((converted = g_convert ((const char *) data, (gssize) size, "UTF-8", encodings[i], NULL, &converted_size,
                                    NULL)) != NULL)
          encoding = encodings[i];
      size = converted_size;
      if (converted == NULL)
        {
          g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                               _("The file is not UTF-8 text: save it as UTF-8 (in a spreadsheet, “CSV UTF-8”)."));
          return NULL;
        }
      text = converted;
    }
  records = pl_csv_read (text, (gssize) size, &options, &sheet->delimiter, error);
  if (records == NULL)
    return NULL;
  sheet->format = PL_SHEET_FORMAT_CSV;
  sheet->names = g_new0 (char *, 2);
  sheet->names[0] = g_strdup ("");
  sheet->name = g_strdup ("");
  for (guint i = 0; i < records->len && !builder->too_many; i++)
    {
      PlCsvRecord *record = g_ptr_array_index (records, i);
      for (guint c = 0; record->fields[c] != NULL; c++)
        if (*record->fields[c] != '\0')
          {
            PlSheetCell cell = { .kind = PL_SHEET_CELL_TEXT, .number = NAN };
            cell_set_text (&cell, record->fields[c]);
            builder_set (builder, c, &cell);
          }
      builder_end_row (builder, record->line, 1);
    }
  if (encoding != NULL)
    {
      sheet->notes = g_new0 (char *, 2);
      /* Translators: the encoding a CSV file was read in ("WINDOWS-1252") */
      sheet->notes[0] = g_strdup_printf (_("The file is not UTF-8: it was read as %s text."), encoding);
    }
  return g_steal_pointer (&sheet);
}

/* ---- the entry points ---- */

static gboolean
looks_like_flat_ods (const guint8 *data, gsize size)
{
  g_autofree char *head = g_strndup ((const char *) data, MIN (size, 4096));
  const char *p = head;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  return *p == '<' && strstr (p, "office:document") != NULL;
}

static guint
read_le (const guint8 *p, guint n)
{
  guint value = 0;
  for (guint i = n; i > 0; i--)
    value = value << 8 | p[i - 1];
  return value;
}

/* Whether every entry of the zip's central directory has a date libgsf can make: it turns an
 * entry's DOS date into a GDateTime and releases it unchecked, so a date like 31 February
 * ends in a GLib critical rather than an error. Not a zip reader: a directory that cannot be
 * walked is left to libgsf, which says it is damaged. */
static gboolean
zip_dates_valid (const guint8 *data, gsize size)
{
  gsize end = 0, offset, count;

  for (gsize i = size >= 22 ? size - 22 : 0; i + 22 <= size && size - i <= 22 + 65535; i--)
    {
      if (memcmp (data + i, "PK\x05\x06", 4) == 0)
        {
          end = i;
          break;
        }
      if (i == 0)
        break;
    }
  if (end == 0)
    return TRUE;
  count = read_le (data + end + 10, 2);
  offset = read_le (data + end + 16, 4);
  for (gsize k = 0; k < count && offset + 46 <= end; k++)
    {
      const guint8 *entry = data + offset;
      guint time, date;

      if (memcmp (entry, "PK\x01\x02", 4) != 0)
        return TRUE;
      time = read_le (entry + 12, 2);
      date = read_le (entry + 14, 2);
      if ((time != 0 || date != 0) &&
          (!g_date_valid_dmy ((GDateDay) (date & 0x1f), (GDateMonth) ((date >> 5) & 0x0f), (GDateYear) ((date >> 9) + 1980)) ||
           (time >> 11) > 23 || ((time >> 5) & 0x3f) > 59 || (time & 0x1f) > 29))
        return FALSE;
      offset += 46 + read_le (entry + 28, 2) + read_le (entry + 30, 2) + read_le (entry + 32, 2);
    }
  return TRUE;
}

static PlSheet *
read_zip (const guint8 *data, gsize size, const char *sheet_name, Builder *builder, GError **error)
{
  g_autoptr(GsfInput) input = gsf_input_memory_new (data, (gsf_off_t) size, FALSE);
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GsfInfile) zip = gsf_infile_zip_new (input, &zip_error);
  g_autoptr(GsfInput) mimetype = NULL;
  char kind[80] = "";

  if (zip == NULL || !zip_dates_valid (data, size))
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                           _("The spreadsheet is damaged or incomplete (it may have been cut short while copying or "
                             "downloading). Open it in your spreadsheet application and save it again."));
      return NULL;
    }
  if ((mimetype = open_member (zip, "mimetype")) != NULL)
    {
      gsize n = (gsize) MIN (gsf_input_size (mimetype), (gsf_off_t) sizeof kind - 1);
      if (gsf_input_read (mimetype, n, (guint8 *) kind) != NULL)
        kind[n] = '\0';
      else
        kind[0] = '\0';
    }
  if (g_str_has_prefix (kind, "application/vnd.oasis.opendocument.spreadsheet"))
    return read_ods (zip, sheet_name, builder, error);
  if (g_str_has_prefix (kind, "application/vnd.oasis.opendocument."))
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                           _("This is an OpenDocument file but not a spreadsheet (a text or a presentation?): "
                             "choose the .ods spreadsheet."));
      return NULL;
    }
  {
    g_autoptr(GsfInput) types = open_member (zip, "[Content_Types].xml");
    if (types == NULL)
      {
        g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                             _("The file is a ZIP archive but not an XLSX or ODS spreadsheet."));
        return NULL;
      }
  }
  return read_xlsx (zip, sheet_name, builder, error);
}

/* libxml2's messages that bypass the reader's handler ("encoding error", "I/O error"): the
 * reader's error says what went wrong, in words, instead. */
static void
ignore_generic_error (void *context, const char *format, ...)
{
}

PlSheet *
pl_sheet_read_bytes (const guint8 *data, gsize size, const char *sheet_name, GError **error)
{
  static gsize initialised = 0;
  g_autoptr(GError) local_error = NULL;
  xmlGenericErrorFunc generic_error = xmlGenericError;
  void *generic_context = xmlGenericErrorContext;
  PlSheet *sheet = NULL;
  Builder builder;

  if (g_once_init_enter (&initialised))
    {
      gsf_init ();
      g_once_init_leave (&initialised, 1);
    }
  if (size == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("The file is empty."));
      return NULL;
    }
  if (size > PL_SHEET_MAX_FILE_SIZE)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The file is larger than %u MB: too large to be a budget sheet."),
                   (guint) (PL_SHEET_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }
  builder_init (&builder);
  /* libxml2 keeps this handler for each thread: set and restored around the reading. */
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  if (size >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    sheet = read_zip (data, size, sheet_name, &builder, &local_error);
  else if (size >= 4 && memcmp (data, "PK", 2) == 0 && (data[2] == 5 || data[2] == 7))
    g_set_error_literal (&local_error, PL_ERROR, PL_ERROR_FILE,
                         _("The spreadsheet is damaged or incomplete (it may have been cut short while copying or "
                           "downloading). Open it in your spreadsheet application and save it again."));
  else if (size >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    g_set_error_literal (&local_error, PL_ERROR, PL_ERROR_FILE,
                         _("This is an Excel 97–2003 workbook (.xls), which Pilote does not read: open it in Excel or "
                           "LibreOffice and save it as .xlsx or .ods."));
  else if (looks_like_flat_ods (data, size))
    {
      Part part;
      part_open (&part, gsf_input_memory_new (data, (gsf_off_t) size, FALSE), "content.xml");
      sheet = read_ods_part (&part, sheet_name, &builder, &local_error);
      part_close (&part);
    }
  else
    sheet = read_csv (data, size, &builder, &local_error);
  xmlSetGenericErrorFunc (generic_context, generic_error);
  if (sheet != NULL && builder.too_many)
    {
      g_clear_pointer (&sheet, pl_sheet_free);
      g_set_error (&local_error, PL_ERROR, PL_ERROR_FILE,
                   _("The sheet holds more than %u cells: too large to be a budget sheet."), PL_SHEET_MAX_CELLS);
    }
  if (sheet != NULL)
    {
      sheet->rows = g_steal_pointer (&builder.rows);
      sheet->n_columns = builder.n_columns;
      if (builder.wide)
        {
          g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
          g_autofree char *last = pl_sheet_column_name (PL_SHEET_MAX_COLUMNS - 1);
          if (sheet->notes != NULL)
            g_strv_builder_addv (notes, (const char **) sheet->notes);
          /* Translators: a column name ("AMJ") */
          strv_builder_take (notes, g_strdup_printf (_("Cells right of column %s were left out."), last));
          g_strfreev (sheet->notes);
          sheet->notes = g_strv_builder_end (notes);
        }
      if (sheet->notes == NULL)
        sheet->notes = g_new0 (char *, 1);
    }
  builder_clear (&builder);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return sheet;
}

PlSheet *
pl_sheet_read_file (GFile *file, const char *sheet_name, GError **error)
{
  g_autofree char *too_large = g_strdup_printf (_("The file is larger than %u MB: too large to be a budget sheet."),
                                                (guint) (PL_SHEET_MAX_FILE_SIZE / (1024 * 1024)));
  g_autofree char *data = NULL;
  gsize size = 0;

  data = pl_import_read_capped (file, PL_SHEET_MAX_FILE_SIZE, _("This is a folder, not a spreadsheet."), too_large, &size,
                                error);
  if (data == NULL)
    return NULL;
  return pl_sheet_read_bytes ((const guint8 *) data, size, sheet_name, error);
}
