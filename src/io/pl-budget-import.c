/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-budget-import"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pl-budget-import.h"
#include "pl-error.h"
#include "pl-measurement-import.h"
#include "pl-money.h"
#include "pl-rules.h"

/* The header row is looked for among the first rows only: a title, a subtitle, a blank row
 * or two, then the months. */
#define HEADER_SEARCH_ROWS 30


/* Adds @text (taken) to @builder: g_strv_builder_take() is GLib 2.80. */
static void
strv_builder_take (GStrvBuilder *builder, char *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

/* ---- freeing ---- */

static void
column_free (PlBudgetColumn *column)
{
  g_free (column->header);
  g_free (column->reason);
  g_free (column);
}

static void
row_free (PlBudgetRow *row)
{
  g_free (row->label);
  g_free (row->reason);
  g_free (row);
}

static void
line_change_free (PlBudgetLineChange *change)
{
  g_free (change->name);
  g_free (change->category_name);
  g_free (change->amounts);
  g_free (change->previous);
  g_free (change->note);
  g_free (change);
}

void
pl_budget_import_preview_free (PlBudgetPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->sheet_name);
  g_strfreev (preview->sheet_names);
  g_clear_pointer (&preview->columns, g_ptr_array_unref);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_clear_pointer (&preview->lines, g_ptr_array_unref);
  g_strfreev (preview->new_categories);
  g_strfreev (preview->notes);
  g_free (preview);
}

/* ---- names ---- */

char *
pl_budget_import_match_key (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name ? name : "", -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      /* Runs of spaces of any kind read as one; a dash stays, whatever its kind ("–" is "-"). */
      if (g_unichar_isspace (c) || c == '_' || c == 0x00A0 || c == 0x202F)
        {
          space = key->len > 0;
          continue;
        }
      if (type == G_UNICODE_DASH_PUNCTUATION)
        c = '-';
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      {
        char buffer[8];
        g_autofree char *folded = NULL;
        int n = g_unichar_to_utf8 (g_unichar_tolower (c), buffer);
        folded = g_utf8_casefold (buffer, n);
        g_string_append (key, folded);
      }
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
key_starts_with_word (const char *key, const char *word)
{
  gsize n = strlen (word);
  return g_str_has_prefix (key, word) && (key[n] == '\0' || !g_ascii_isalnum (key[n]));
}

/* "Total", "Sous-total Digital", "Subtotal", "Grand total", "Total général", "Digital total". */
static gboolean
is_total_name (const char *name)
{
  g_autofree char *key = pl_budget_import_match_key (name);
  static const char * const starts[] = { "total", "sous-total", "sous total", "sub-total", "sub total", "subtotal",
                                         "grand total", "grand-total", "somme", "sum" };

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    if (key_starts_with_word (key, starts[i]))
      return TRUE;
  return g_str_has_suffix (key, " total") || g_str_has_suffix (key, " subtotal");
}

static gboolean key_is_one_of (const char *key, const char * const *words);

/* Spend on no budget line, as a budget's export writes it under the lines ("Unbudgeted spend",
 * "Dépenses hors budget", "Other spend"): no line to import, nor a total. */
static gboolean
is_spend_name (const char *name)
{
  static const char * const words[] = { "unbudgeted", "depenses hors budget", "hors budget", "other spend",
                                        "autres depenses", "spend measured by", "depenses mesurees par", NULL };
  /* The export's own words in the language it ran in (pl-sheet-table.c). */
  const char *exported[] = { _("Unbudgeted spend (on no budget line)"), _("Other spend"),
                             _("Spend measured by the spend KPI (no spending records)") };
  g_autofree char *key = pl_budget_import_match_key (name);

  for (guint i = 0; i < G_N_ELEMENTS (exported); i++)
    {
      g_autofree char *other = pl_budget_import_match_key (exported[i]);
      if (g_str_equal (key, other))
        return TRUE;
    }
  return key_is_one_of (key, words);
}

static gboolean
key_is_one_of (const char *key, const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (key, words[i]) || key_starts_with_word (key, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_category_header (const char *text)
{
  static const char * const words[] = { "category", "categories", "categorie", "categories", "rubrique", "famille",
                                        "group", "groupe", "section", NULL };
  g_autofree char *key = pl_budget_import_match_key (text);
  return key_is_one_of (key, words);
}

static gboolean
is_total_header (const char *text)
{
  static const char * const words[] = { "total", "annual", "annuel", "annee", "year", "fy", "sum", "somme", "cumul", NULL };
  g_autofree char *key = pl_budget_import_match_key (text);
  return key_is_one_of (key, words) || g_str_has_suffix (key, " total");
}

/* ---- figures ---- */

/* What a heading says of the amounts under it, beside their month: the budget, or another
 * figure of the month (spend, commitments, variance, what remains) that an import leaves. */
typedef enum { FIGURE_NONE, FIGURE_BUDGET, FIGURE_OTHER } Figure;

static Figure
figure_of_key (const char *key)
{
  static const char * const budget[] = { "planned", "plan", "budget", "budgeted", "budget prevu", "prevu",
                                         "budgete", "previsionnel", "forecast budget", NULL };
  static const char * const other[] = { "actual", "actuals", "realise", "reel", "committed", "engage", "engagements",
                                        "variance", "ecart", "remaining", "reste", "restant", "reste a depenser",
                                        "spent", "depense", "forecast", "prevision", NULL };

  for (guint i = 0; budget[i] != NULL; i++)
    if (g_str_equal (key, budget[i]))
      return FIGURE_BUDGET;
  for (guint i = 0; other[i] != NULL; i++)
    if (g_str_equal (key, other[i]))
      return FIGURE_OTHER;
  return FIGURE_NONE;
}

static Figure
figure_of (const PlSheetCell *cell)
{
  g_autofree char *key = NULL;

  if (cell == NULL || cell->kind != PL_SHEET_CELL_TEXT)
    return FIGURE_NONE;
  key = pl_budget_import_match_key (cell->text);
  return figure_of_key (key);
}

/* Cuts the dashes, slashes, colons and brackets that join a figure to its month ("Jan 2027 –
 * Planned", "Planned: Jan 2027", "(Actual)") off both ends of @text, in place. */
static char *
trim_joiners (char *text)
{
  static const gunichar joiners[] = { ' ', '-', '/', '|', ':', '(', ')', '[', ']', ',', 0x2013, 0x2014, 0x00B7, 0x00A0 };
  gboolean cut = TRUE;

  while (cut && *text != '\0')
    {
      char *last = g_utf8_find_prev_char (text, text + strlen (text));
      gunichar first_char = g_utf8_get_char (text), last_char = g_utf8_get_char (last);

      cut = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (joiners); i++)
        {
          if (last_char == joiners[i])
            {
              *last = '\0';
              cut = TRUE;
              break;
            }
          if (first_char == joiners[i])
            {
              memmove (text, g_utf8_next_char (text), strlen (g_utf8_next_char (text)) + 1);
              cut = TRUE;
              break;
            }
        }
    }
  return text;
}

/* Splits a heading that names a figure and a month, "Jan 2027 Planned", "Actual Jan 2027",
 * "Budget janv. 2027": the figure, and in @rest the month's words (NULL when no figure). */
static Figure
split_figure (const char *text, char **rest)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  guint n = 0;

  *rest = NULL;
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      words[n++] = words[i];
    else
      g_free (words[i]);
  words[n] = NULL;
  /* The figure in one or two words, first or last; the month in what is left. */
  for (guint taken = 2; taken >= 1; taken--)
    for (int last = 0; last <= 1 && n > taken; last++)
      {
        guint from = last ? n - taken : 0;
        g_autofree char *joined = NULL;
        g_autofree char *key = NULL;
        Figure figure;
        char *saved = words[from + taken];

        words[from + taken] = NULL;
        joined = g_strjoinv (" ", words + from);
        words[from + taken] = saved;
        key = pl_budget_import_match_key (trim_joiners (joined));
        if ((figure = figure_of_key (key)) == FIGURE_NONE)
          continue;
        saved = words[last ? from : n];
        words[last ? from : n] = NULL;
        *rest = g_strjoinv (" ", words + (last ? 0 : taken));
        words[last ? from : n] = saved;
        trim_joiners (*rest);
        return figure;
      }
  return FIGURE_NONE;
}

/* ---- months ---- */

typedef struct {
  PlPlan  *plan;
  gboolean date1904;
  gboolean serials;   /* a header month came as a bare serial number */
} MonthContext;

/* The plan's month (0-based) holding @julian; -1 outside the period, -2 when not a day. */
static int
month_of_day (PlPlan *plan, guint32 julian)
{
  if (julian == 0)
    return -2;
  return pl_plan_month_index (plan, julian);
}

/* "M1", "M 12", "Mois 3", "Month 3": the plan's month by its number. */
static int
relative_month (const char *text)
{
  g_autofree char *key = pl_budget_import_match_key (text);
  static const char * const prefixes[] = { "mois ", "month ", "m ", "m" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (key, prefixes[i]))
      {
        const char *digits = key + strlen (prefixes[i]);
        guint64 n;
        if (*digits == '\0' || strlen (digits) > 3 || !g_ascii_string_to_unsigned (digits, 10, 1, 999, &n, NULL))
          continue;
        return (int) n - 1;
      }
  return -1;
}

/* The calendar month (1-12) of a month named alone ("janvier", "Jan", "févr."); 0 if none. */
static int
calendar_month_of_name (const char *text)
{
  g_autofree char *with_year = g_strdup_printf ("%s 2000", text);
  guint32 julian = pl_import_parse_date (with_year, PL_IMPORT_DATE_MONTH);
  GDate date;

  if (julian == 0)
    return 0;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_month (&date);
}

/* "Jan-27", "janv. 27", "Jan 27": a month named with a year of two digits; 0 when not. */
static guint32
month_with_short_year (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize n = strlen (copy);
  int month;

  if (n < 4 || !g_ascii_isdigit (copy[n - 1]) || !g_ascii_isdigit (copy[n - 2]) ||
      (n > 2 && g_ascii_isdigit (copy[n - 3])) || !strchr (" -/'.", copy[n - 3]))
    return 0;
  {
    int year = 2000 + (copy[n - 2] - '0') * 10 + (copy[n - 1] - '0');
    copy[n - 3] = '\0';
    if ((month = calendar_month_of_name (copy)) == 0)
      return 0;
    {
      GDate date;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, (GDateMonth) month, (GDateYear) year);
      return g_date_get_julian (&date);
    }
  }
}

/* The plan's first month of calendar month @month (1-12) in year @year, or in any year of the
 * period when @year is 0; -1 when the period has none. */
static int
plan_month_of_calendar (PlPlan *plan, int month, int year)
{
  for (guint i = 0; i < pl_plan_get_months (plan); i++)
    {
      GDate date;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, pl_plan_month_start (plan, i));
      if ((int) g_date_get_month (&date) == month && (year == 0 || (int) g_date_get_year (&date) == year))
        return (int) i;
    }
  return -1;
}

/* cell_month() of a heading naming a month and another figure than the budget ("Actual Jan 2027"). */
#define MONTH_OTHER_FIGURE (-3)

/* Reads @cell as a month of the plan: the month (0-based), -1 for a month outside the
 * period, -2 when it is no month, MONTH_OTHER_FIGURE for a month's figure that is not the
 * budget. @year is a year written above it (merged over the months), 0 when none. */
static int
cell_month (MonthContext *context, const PlSheetCell *cell, int year)
{
  guint32 julian;
  int month;

  if (cell == NULL)
    return -2;
  switch (cell->kind)
    {
    case PL_SHEET_CELL_DATE:
      return month_of_day (context->plan, cell->julian);
    case PL_SHEET_CELL_NUMBER:
      /* A date whose cell lost its format: the serial number of the first day of one of the
       * plan's months. Nothing else: an amount of 46,000 is no month. */
      if (cell->number == floor (cell->number) && cell->number >= 20000 && cell->number <= 80000)
        {
          guint32 day = pl_sheet_serial_to_julian (cell->number, context->date1904);
          int index = month_of_day (context->plan, day);

          if (index >= 0 && pl_plan_month_start (context->plan, (guint) index) == day)
            {
              context->serials = TRUE;
              return index;
            }
        }
      return -2;
    case PL_SHEET_CELL_TEXT:
      break;
    default:
      return -2;
    }
  {
    g_autofree char *rest = NULL;
    Figure figure = split_figure (cell->text, &rest);

    /* "Budget 2027" is a title, not a month. */
    if (figure != FIGURE_NONE && strspn (rest, "0123456789") < strlen (rest))
      {
        PlSheetCell bare = { PL_SHEET_CELL_TEXT, FALSE, rest, NAN, 0 };
        month = cell_month (context, &bare, year);
        return figure == FIGURE_OTHER && month != -2 ? MONTH_OTHER_FIGURE : month;
      }
  }
  if ((month = relative_month (cell->text)) >= 0)
    return month < (int) pl_plan_get_months (context->plan) ? month : -1;
  if ((julian = pl_import_parse_date (cell->text, PL_IMPORT_DATE_MONTH)) != 0 ||
      (julian = month_with_short_year (cell->text)) != 0 ||
      (julian = pl_import_parse_date (cell->text, PL_IMPORT_DATE_AUTO)) != 0)
    return month_of_day (context->plan, julian);
  if ((month = calendar_month_of_name (cell->text)) != 0)
    return plan_month_of_calendar (context->plan, month, year);
  return -2;
}

/* A year written in a row above the header, over @column or merged from its left. */
static int
year_above (const PlSheet *sheet, guint header_index, guint column)
{
  for (guint r = header_index; r > 0 && header_index - r < 3; r--)
    {
      const PlSheetRow *row = g_ptr_array_index (sheet->rows, r - 1);
      for (guint c = column + 1; c > 0; c--)
        {
          const PlSheetCell *cell = pl_sheet_row_get (row, c - 1);
          guint64 year;
          g_autofree char *text = NULL;

          /* A year merged over the months, or written over the first of them (a CSV keeps
           * a merged cell's text in its first cell only), reaches right to the next text. */
          if (cell == NULL || cell->kind == PL_SHEET_CELL_EMPTY)
            continue;
          text = g_strstrip (g_strdup (cell->text ? cell->text : ""));
          if (g_str_has_prefix (text, "FY") || g_str_has_prefix (text, "fy"))
            memmove (text, text + 2, strlen (text + 2) + 1);
          g_strstrip (text);
          if (g_ascii_string_to_unsigned (text, 10, 1900, 2200, &year, NULL))
            return (int) year;
          break;
        }
    }
  return 0;
}

/* ---- amounts ---- */

/* How a text amount votes for the decimal separator: ',' or '.', 0 when it cannot tell. */
static char
decimal_vote (const char *text)
{
  const char *comma = strrchr (text, ','), *point = strrchr (text, '.');
  const char *last = comma > point ? comma : point;
  gsize digits = 0;

  if (last == NULL)
    return 0;
  if (comma != NULL && point != NULL)
    return *last;
  for (const char *p = last + 1; g_ascii_isdigit (*p); p++)
    digits++;
  /* "1,500" and "1.500" group thousands as often as not; "1,50" and "1.5" cannot. */
  return digits == 3 ? 0 : *last;
}

/* Reads an amount written as text: "16 000", "16 000,00 €", "€16,000.00", "(1 200)", "-",
 * "1'200.50", "500 EUR". FALSE when it is none. */
static gboolean
parse_text_amount (const char *text, char decimal, double *out)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  gboolean negative = FALSE, digits = FALSE, open = FALSE, close = FALSE, point = FALSE;
  const char *p = text;
  char *end = NULL;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      gboolean grouping = g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007 || c == '\'' ||
                          c == 0x2019 || ((c == ',' || c == '.') && c != (gunichar) decimal);

      /* Between digits, a separator of thousands has three digits after it: "12 5" or "1,5"
       * typed in a hurry is no amount, rather than 125 or 15. */
      if (grouping && digits && !point && !close && g_ascii_isdigit (*g_utf8_next_char (p)))
        {
          const char *q = g_utf8_next_char (p);
          gsize n = 0;

          while (g_ascii_isdigit (q[n]))
            n++;
          if (n != 3)
            return FALSE;
          continue;
        }
      if (grouping && c != ',' && c != '.')
        continue;
      if (g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
        continue;
      if (g_ascii_isalpha (c))
        {
          /* A currency code: three capitals, before or after the digits. */
          if (g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && g_ascii_isupper (p[2]) && !g_ascii_isalpha (p[3]))
            {
              p += 2;
              continue;
            }
          return FALSE;
        }
      if (c == '(' && !digits && !open)
        open = TRUE;
      else if (c == ')' && open && digits && !close)
        close = TRUE;
      else if ((c == '-' || c == 0x2212 || c == 0x2013) && !digits && !negative)
        negative = TRUE;
      else if ((c == '-' || c == 0x2212) && digits && !negative && !close)
        negative = TRUE;  /* "1200-", as some ledgers write a credit */
      else if (g_ascii_isdigit (c) && !close)
        {
          g_string_append_c (plain, (char) c);
          digits = TRUE;
        }
      else if (c == (gunichar) decimal && digits && !point && !close)
        {
          g_string_append_c (plain, '.');
          point = TRUE;
        }
      else if ((c == ',' || c == '.') && c != (gunichar) decimal && digits && !point && !close)
        continue;  /* thousands */
      else
        return FALSE;
    }
  if (open != close)
    return FALSE;
  /* A lone dash is how accountants write nothing. */
  if (!digits)
    {
      if (negative && !open && plain->len == 0)
        {
          *out = 0;
          return TRUE;
        }
      return FALSE;
    }
  *out = g_ascii_strtod (plain->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (*out))
    return FALSE;
  if (negative || open)
    *out = -*out;
  return TRUE;
}

typedef enum { AMOUNT_EMPTY, AMOUNT_OK, AMOUNT_BAD } AmountRead;

static AmountRead
cell_amount (const PlSheetCell *cell, char decimal, guint exponent, gint64 *out)
{
  double value;

  if (cell == NULL || cell->kind == PL_SHEET_CELL_EMPTY)
    return AMOUNT_EMPTY;
  if (cell->kind == PL_SHEET_CELL_NUMBER)
    value = cell->number;
  else if (cell->kind != PL_SHEET_CELL_TEXT || !parse_text_amount (cell->text, decimal, &value))
    return AMOUNT_BAD;
  if (fabs (value) > (double) PL_MONEY_MAX_UNITS)
    return AMOUNT_BAD;
  *out = pl_money_from_major (value, exponent);
  return *out == PL_MONEY_OVERFLOW ? AMOUNT_BAD : AMOUNT_OK;
}

/* ---- the preview ---- */

typedef struct {
  PlPlan          *plan;
  const PlSheet   *sheet;
  PlBudgetPreview *preview;
  GStrvBuilder    *notes;
  int              name_column;
  int              category_column;
  int              total_column;
  int             *month_columns;  /* the column of each plan month, -1 when none */
  guint            exponent;
  guint            first_row;      /* the index of the first row under the header (and its figures) */
} Reading;

static PlBudgetColumn *
add_column (Reading *self, guint column, PlBudgetColumnKind kind, int month, const PlSheetCell *cell, char *reason)
{
  PlBudgetColumn *c = g_new0 (PlBudgetColumn, 1);

  c->column = column;
  c->kind = kind;
  c->month = month;
  c->header = g_strdup (cell && cell->text ? cell->text : "");
  c->reason = reason;
  g_ptr_array_add (self->preview->columns, c);
  return c;
}

static void
add_row (Reading *self, guint row, PlBudgetRowKind kind, const char *label, char *reason)
{
  PlBudgetRow *r = g_new0 (PlBudgetRow, 1);

  r->row = row;
  r->kind = kind;
  r->label = g_strdup (label ? label : "");
  r->reason = reason;
  g_ptr_array_add (self->preview->rows, r);
  if (kind == PL_BUDGET_ROW_SKIPPED)
    self->preview->n_skipped++;
}

/* The text of a name or a category: a formula that failed ("#N/A") names nothing. */
static const char *
cell_text (const PlSheetRow *row, int column)
{
  const PlSheetCell *cell = column >= 0 ? pl_sheet_row_get (row, (guint) column) : NULL;
  return cell && cell->text && cell->kind != PL_SHEET_CELL_ERROR ? cell->text : "";
}

/* Whether @cell holds words rather than an amount or a date. */
static gboolean
is_words (const PlSheetCell *cell)
{
  double value;
  return cell != NULL && cell->kind == PL_SHEET_CELL_TEXT && !parse_text_amount (cell->text, '.', &value) &&
         !parse_text_amount (cell->text, ',', &value);
}

/* Finds the header: the row among the first ones with the most cells that read as months. */
static gboolean
find_header (Reading *self, MonthContext *context, guint *header_index, GError **error)
{
  guint best = 0;
  gboolean found = FALSE;

  for (guint r = 0; r < MIN (self->sheet->rows->len, HEADER_SEARCH_ROWS); r++)
    {
      const PlSheetRow *row = g_ptr_array_index (self->sheet->rows, r);
      guint n = 0;

      for (guint c = 0; c < row->n_cells; c++)
        if (cell_month (context, &row->cells[c], 0) != -2)
          n++;
      if (n > best)
        {
          best = n;
          *header_index = r;
          found = TRUE;
        }
    }
  context->serials = FALSE;
  if (!found)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("No row of the sheet names months, so it cannot be read as a budget by months: head the "
                     "month columns with “2027-01”, “Jan 2027”, “janvier 2027”, “01/2027” or “M1”."));
      return FALSE;
    }
  return TRUE;
}

/* The row under the header when it names the figures of each month ("Planned", "Actual",
 * "Variance" under a month merged over them, as Pilote's export and finance's own sheets
 * write them); NULL when it does not. */
static const PlSheetRow *
figures_row (Reading *self, guint header_index)
{
  const PlSheetRow *row;
  guint n_budget = 0, n_other = 0;

  if (header_index + 1 >= self->sheet->rows->len)
    return NULL;
  row = g_ptr_array_index (self->sheet->rows, header_index + 1);
  for (guint c = 0; c < row->n_cells; c++)
    {
      Figure figure = figure_of (&row->cells[c]);
      n_budget += figure == FIGURE_BUDGET;
      n_other += figure == FIGURE_OTHER;
    }
  return n_budget > 0 && n_budget + n_other >= 2 ? row : NULL;
}

/* Under the heading at @column, merged over the columns to its right that @figures names, the
 * column of the budget: @column when none names a figure, G_MAXUINT when they all name others.
 * Marks those columns in @taken, and adds the other figures' names to @others. */
static guint
figure_column (const PlSheetRow *header, const PlSheetRow *figures, guint column, guint n_columns,
               gboolean *taken, GPtrArray *others)
{
  guint end = column + 1, budget = column;
  gboolean found = FALSE;

  for (; end < n_columns && figure_of (pl_sheet_row_get (figures, end)) != FIGURE_NONE; end++)
    {
      const PlSheetCell *cell = pl_sheet_row_get (header, end);
      if (cell != NULL && cell->kind != PL_SHEET_CELL_EMPTY)
        break;
    }
  for (guint c = column; c < end; c++)
    {
      const PlSheetCell *cell = pl_sheet_row_get (figures, c);
      Figure figure = figure_of (cell);

      taken[c] = TRUE;
      if (figure == FIGURE_BUDGET && !found)
        {
          budget = c;
          found = TRUE;
        }
      else if (figure != FIGURE_NONE && !g_ptr_array_find_with_equal_func (others, cell->text, g_str_equal, NULL))
        g_ptr_array_add (others, g_strdup (cell->text));
    }
  return found || figure_of (pl_sheet_row_get (figures, column)) == FIGURE_NONE ? budget : G_MAXUINT;
}

/* Adds the budget's figure in @figures to @column's heading: "Jan 2027 / Planned". */
static void
name_figure (PlBudgetColumn *column, const PlSheetRow *figures)
{
  const PlSheetCell *figure = figures ? pl_sheet_row_get (figures, column->column) : NULL;
  g_autofree char *header = column->header;

  if (figure_of (figure) != FIGURE_BUDGET)
    {
      g_steal_pointer (&header);
      return;
    }
  column->header = g_strdup_printf ("%s / %s", header, figure->text);
}

/* Reads the header row: the months, the total, and which columns hold names and categories. */
static gboolean
read_columns (Reading *self, MonthContext *context, guint header_index, GError **error)
{
  const PlSheetRow *header = g_ptr_array_index (self->sheet->rows, header_index);
  guint n_columns = MAX (header->n_cells, self->sheet->n_columns);
  int first_month = -1, n_in_period = 0, n_outside = 0;
  g_autofree int *words = g_new0 (int, n_columns + 1);
  g_autofree gboolean *is_month = g_new0 (gboolean, n_columns + 1);
  const PlSheetRow *figures = figures_row (self, header_index);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
  const char *budget_word = NULL;

  self->first_row = header_index + (figures ? 2 : 1);
  /* Cells of words under the header, by column: where the names are. */
  for (guint r = self->first_row; r < self->sheet->rows->len; r++)
    {
      const PlSheetRow *row = g_ptr_array_index (self->sheet->rows, r);
      for (guint c = 0; c < row->n_cells && c < n_columns; c++)
        words[c] += is_words (&row->cells[c]);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      const PlSheetCell *cell = pl_sheet_row_get (header, c);
      int month = cell_month (context, cell, year_above (self->sheet, header_index, c));
      guint read = c;

      if (month == -2 || is_month[c])
        continue;
      is_month[c] = TRUE;
      if (month == MONTH_OTHER_FIGURE)
        {
          add_column (self, c, PL_BUDGET_COLUMN_IGNORED, -1, cell,
                      /* Translators: why a column headed "Actual Jan 2027" is not read */
                      g_strdup (_("another figure than the budget")));
          continue;
        }
      if (first_month < 0)
        first_month = (int) c;
      if (figures != NULL)
        {
          const PlSheetCell *figure;

          read = figure_column (header, figures, c, n_columns, is_month, others);
          if (read == G_MAXUINT)
            {
              add_column (self, c, PL_BUDGET_COLUMN_IGNORED, -1, cell, g_strdup (_("another figure than the budget")));
              continue;
            }
          figure = pl_sheet_row_get (figures, read);
          if (budget_word == NULL && figure_of (figure) == FIGURE_BUDGET)
            budget_word = figure->text;
        }
      if (month < 0)
        {
          n_outside++;
          add_column (self, c, PL_BUDGET_COLUMN_IGNORED, -1, cell,
                      /* Translators: a sheet's column heading a month the plan does not cover */
                      g_strdup (_("a month outside the plan’s period")));
        }
      else if (self->month_columns[month] >= 0)
        {
          g_autofree char *other = pl_sheet_column_name ((guint) self->month_columns[month]);
          g_autofree char *when = pl_rules_describe_month (pl_plan_month_start (self->plan, (guint) month));
          add_column (self, c, PL_BUDGET_COLUMN_IGNORED, month, cell,
                      /* Translators: a month, then the column read for it ("March 2027 again: column D is read") */
                      g_strdup_printf (_("%s again: column %s is read"), when, other));
        }
      else
        {
          PlBudgetColumn *column;

          self->month_columns[month] = (int) read;
          n_in_period++;
          column = add_column (self, read, PL_BUDGET_COLUMN_MONTH, month, cell, NULL);
          name_figure (column, figures);
        }
    }
  if (n_in_period == 0)
    {
      g_autofree char *from = pl_rules_describe_month (pl_plan_get_start (self->plan));
      g_autofree char *to = pl_rules_describe_month (pl_plan_month_start (self->plan, pl_plan_get_months (self->plan) - 1));
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   /* Translators: the header's row number, then the plan's first and last months */
                   _("The months of row %u are all outside the plan’s period (%s to %s): choose the sheet of this "
                     "plan’s year, or change the plan’s period."), header->row, from, to);
      return FALSE;
    }
  /* Left of the months: the names, and before them the categories. */
  for (guint c = 0; c < n_columns; c++)
    {
      const PlSheetCell *cell = pl_sheet_row_get (header, c);
      g_autofree char *rest = NULL;

      if (is_month[c])
        continue;
      /* "Total – Actual": a total, of what the import leaves. */
      if (cell != NULL && cell->text != NULL && split_figure (cell->text, &rest) == FIGURE_OTHER &&
          is_total_header (rest) && (int) c > first_month)
        {
          is_month[c] = TRUE;
          add_column (self, c, PL_BUDGET_COLUMN_IGNORED, -1, cell,
                      /* Translators: why a column headed "Total Actual" is not read */
                      g_strdup (_("the total of another figure than the budget")));
          continue;
        }
      if (cell != NULL && cell->text != NULL && is_category_header (cell->text) && self->category_column < 0 &&
          (int) c < first_month)
        self->category_column = (int) c;
      else if (cell != NULL && cell->text != NULL && is_total_header (cell->text) && self->total_column < 0 &&
               (int) c > first_month)
        {
          self->total_column = (int) c;
          /* The total of each figure, the budget's checked. */
          if (figures != NULL)
            {
              guint read = figure_column (header, figures, c, n_columns, is_month, others);

              self->total_column = read == G_MAXUINT ? -1 : (int) read;
              is_month[read == G_MAXUINT ? c : read] = FALSE;
            }
        }
    }
  for (int c = first_month - 1; c >= 0 && self->name_column < 0; c--)
    if (c != self->category_column && words[c] > 0)
      self->name_column = c;
  if (self->category_column < 0)
    for (int c = self->name_column - 1; c >= 0; c--)
      if (words[c] > 0)
        {
          self->category_column = c;
          break;
        }
  if (self->category_column > self->name_column && self->name_column >= 0)
    {
      int swap = self->category_column;
      self->category_column = self->name_column;
      self->name_column = swap;
    }
  if (self->name_column < 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   /* Translators: the header's row number */
                   _("No column left of the months of row %u holds the budget lines’ names: put them in the "
                     "first column."), header->row);
      return FALSE;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      const PlSheetCell *cell = pl_sheet_row_get (header, c);

      if (is_month[c])
        continue;
      if ((int) c == self->name_column)
        add_column (self, c, PL_BUDGET_COLUMN_NAME, -1, cell, NULL);
      else if ((int) c == self->category_column)
        add_column (self, c, PL_BUDGET_COLUMN_CATEGORY, -1, cell, NULL);
      else if ((int) c == self->total_column)
        name_figure (add_column (self, c, PL_BUDGET_COLUMN_TOTAL, -1, cell, NULL), figures);
      else if ((cell != NULL && cell->kind != PL_SHEET_CELL_EMPTY) || words[c] > 0)
        add_column (self, c, PL_BUDGET_COLUMN_IGNORED, -1, cell,
                    g_strdup ((int) c < first_month ? _("not the names nor the categories") : _("not a month")));
    }
  if (n_outside > 0)
    strv_builder_take (self->notes,
                         g_strdup_printf (ngettext ("%d column heads a month outside the plan’s period and is not read.",
                                                    "%d columns head months outside the plan’s period and are not read.",
                                                    n_outside), n_outside));
  if (context->serials)
    g_strv_builder_add (self->notes, _("Some months of the header are spreadsheet serial numbers (a date cell that "
                                       "lost its format); they were read as dates."));
  if (figures != NULL && budget_word != NULL && others->len > 0)
    {
      g_autofree char *left = NULL;

      g_ptr_array_add (others, NULL);
      /* Translators: between the names of figures in a list: “Committed”, “Actual” */
      left = g_strjoinv (_("”, “"), (char **) others->pdata);
      /* Translators: the figures row, the budget's figure ("Planned"), then the others */
      strv_builder_take (self->notes, g_strdup_printf (_("Row %u names the figures under each month: the budget is "
                                                         "read from “%s”, and “%s” are left alone."),
                                                       figures->row, budget_word, left));
    }
  return TRUE;
}

static int
compare_columns (gconstpointer a, gconstpointer b)
{
  const PlBudgetColumn *x = *(PlBudgetColumn **) a, *y = *(PlBudgetColumn **) b;
  return (x->column > y->column) - (x->column < y->column);
}

/* The decimal separator of the amounts written as text, by their votes. */
static char
find_decimal (Reading *self)
{
  int comma = 0, point = 0;

  for (guint r = self->first_row; r < self->sheet->rows->len; r++)
    {
      const PlSheetRow *row = g_ptr_array_index (self->sheet->rows, r);
      for (guint m = 0; m < pl_plan_get_months (self->plan); m++)
        {
          const PlSheetCell *cell = self->month_columns[m] >= 0 ? pl_sheet_row_get (row, (guint) self->month_columns[m]) : NULL;
          char vote = cell && cell->kind == PL_SHEET_CELL_TEXT ? decimal_vote (cell->text) : 0;
          comma += vote == ',';
          point += vote == '.';
        }
    }
  if (comma != point)
    return comma > point ? ',' : '.';
  return self->sheet->format == PL_SHEET_FORMAT_CSV && self->sheet->delimiter == ';' ? ',' : '.';
}

typedef struct {
  GHashTable *lines;       /* match key -> GPtrArray of PlBudgetLine */
  GHashTable *categories;  /* match key -> PlCategory */
  GHashTable *seen;        /* match key of a line read -> row number (GUINT) */
} Index;

static void
index_init (Index *index, PlPlan *plan)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GListModel *categories = pl_plan_get_collection (plan, PL_COLLECTION_CATEGORIES);

  index->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  index->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  index->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0, n = g_list_model_get_n_items (categories); i < n; i++)
    {
      PlItem *category = g_list_model_get_item (categories, i);
      char *key = pl_budget_import_match_key (pl_item_get_string (category, PL_CATEGORY_NAME));
      if (g_hash_table_contains (index->categories, key))
        {
          g_free (key);
          g_object_unref (category);
        }
      else
        g_hash_table_insert (index->categories, key, category);
    }
  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      char *key = pl_budget_import_match_key (pl_item_get_string (line, PL_BUDGET_LINE_NAME));
      GPtrArray *same = g_hash_table_lookup (index->lines, key);

      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (index->lines, key, same);
        }
      else
        g_free (key);
      g_ptr_array_add (same, line);
    }
}

static void
index_clear (Index *index)
{
  g_hash_table_unref (index->lines);
  g_hash_table_unref (index->categories);
  g_hash_table_unref (index->seen);
}

/* The plan's line named @name, in the category named @category when several have the name. */
static PlBudgetLine *
find_line (PlPlan *plan, Index *index, const char *key, const char *category)
{
  GPtrArray *same = g_hash_table_lookup (index->lines, key);
  g_autofree char *category_key = category ? pl_budget_import_match_key (category) : NULL;

  if (same == NULL)
    return NULL;
  for (guint i = 0; category_key != NULL && i < same->len; i++)
    {
      PlItem *owner = pl_plan_lookup (plan, pl_item_get_string (g_ptr_array_index (same, i), PL_BUDGET_LINE_CATEGORY));
      g_autofree char *owner_key = owner ? pl_budget_import_match_key (pl_item_get_string (owner, PL_CATEGORY_NAME)) : NULL;
      if (g_strcmp0 (owner_key, category_key) == 0)
        return g_ptr_array_index (same, i);
    }
  return g_ptr_array_index (same, 0);
}

static char *
format_money (PlPlan *plan, gint64 amount)
{
  return pl_money_format (amount, pl_plan_get_currency_exponent (plan), pl_plan_get_currency (plan));
}

static char *
month_name (PlPlan *plan, guint month)
{
  return pl_rules_describe_month (pl_plan_month_start (plan, month));
}

/* "March 2027", or "January 2027 to June 2027". */
static char *
month_range (PlPlan *plan, guint first, guint last)
{
  g_autofree char *from = month_name (plan, first);
  g_autofree char *to = NULL;

  if (last == first)
    return g_steal_pointer (&from);
  to = month_name (plan, last);
  /* Translators: the first and the last month of a run of months */
  return g_strdup_printf (_("%s to %s"), from, to);
}

/* Reads one row under the header. @category is the category in force (rows and merged
 * cells carry it down); @new_categories gathers those to create. */
static void
read_row (Reading *self, Index *index, const PlSheetRow *row, char **category, GPtrArray *new_categories,
          GHashTable *new_category_keys)
{
  PlPlan *plan = self->plan;
  guint months = pl_plan_get_months (plan);
  g_autofree char *name = g_strstrip (g_strdup (cell_text (row, self->name_column)));
  g_autofree char *category_cell = g_strstrip (g_strdup (cell_text (row, self->category_column)));
  g_autofree gint64 *amounts = g_new0 (gint64, months);
  g_autofree char *key = NULL;
  gboolean any = FALSE;
  gint64 sum = 0;
  PlBudgetLineChange *change;
  const char *first_text = NULL;

  for (guint c = 0; c < row->n_cells && first_text == NULL; c++)
    if (row->cells[c].kind == PL_SHEET_CELL_TEXT)
      first_text = row->cells[c].text;
  if (first_text != NULL && (is_total_name (first_text) || (*name && is_total_name (name))))
    {
      /* "Staff" beside "Category total" is no total: the row is said with both. */
      g_autofree char *label = is_total_name (first_text) ? g_strdup (first_text)
                                                          : g_strdup_printf ("%s / %s", first_text, name);
      add_row (self, row->row, PL_BUDGET_ROW_TOTAL, label, g_strdup (_("a total, left out")));
      return;
    }
  if (*name != '\0' && is_spend_name (name))
    {
      add_row (self, row->row, PL_BUDGET_ROW_IGNORED, name,
               /* Translators: why a row "Unbudgeted spend" of a budget sheet is not imported */
               g_strdup (_("spend on no budget line, not a line to plan")));
      return;
    }
  if (*category_cell != '\0')
    {
      g_free (*category);
      *category = g_strdup (category_cell);
    }
  for (guint m = 0; m < months; m++)
    {
      const PlSheetCell *cell;
      gint64 amount = 0;

      if (self->month_columns[m] < 0)
        continue;
      cell = pl_sheet_row_get (row, (guint) self->month_columns[m]);
      switch (cell_amount (cell, self->preview->decimal, self->exponent, &amount))
        {
        case AMOUNT_EMPTY:
          break;
        case AMOUNT_OK:
          any = TRUE;
          if (amount < 0 || amount > pl_money_max (self->exponent))
            {
              g_autofree char *when = month_name (plan, m);
              add_row (self, row->row, PL_BUDGET_ROW_SKIPPED, name,
                       amount < 0
                       /* Translators: the amount as the sheet writes it, then the month */
                       ? g_strdup_printf (_("“%s” in %s is negative, and a budget plans no credits"), cell->text, when)
                       : g_strdup_printf (_("“%s” in %s is above the most a plan holds"), cell->text, when));
              return;
            }
          amounts[m] = amount;
          sum = pl_money_sum (sum, amount);
          break;
        case AMOUNT_BAD:
          {
            g_autofree char *when = month_name (plan, m);
            add_row (self, row->row, PL_BUDGET_ROW_SKIPPED, name,
                     cell->kind == PL_SHEET_CELL_ERROR
                     /* Translators: a formula error ("#REF!"), then the month */
                     ? g_strdup_printf (_("the cell of %s holds an error (%s)"), when, cell->text)
                     /* Translators: the text of a cell, then the month */
                     : g_strdup_printf (_("“%s” in %s is not an amount"), cell->text ? cell->text : "", when));
            return;
          }
        }
    }
  if (*name == '\0')
    {
      if (!any && *category_cell != '\0')
        add_row (self, row->row, PL_BUDGET_ROW_CATEGORY, category_cell, NULL);
      else if (any)
        add_row (self, row->row, PL_BUDGET_ROW_SKIPPED, "", g_strdup (_("amounts without a line name")));
      else
        add_row (self, row->row, PL_BUDGET_ROW_IGNORED, first_text ? first_text : "",
                 g_strdup (_("no line name and no amount")));
      return;
    }
  if (!any)
    {
      if (self->category_column < 0 || *category_cell == '\0')
        {
          /* A name with no amounts heads the lines under it. */
          g_free (*category);
          *category = g_strdup (name);
          add_row (self, row->row, PL_BUDGET_ROW_CATEGORY, name, NULL);
        }
      else
        add_row (self, row->row, PL_BUDGET_ROW_IGNORED, name, g_strdup (_("no amount in any month")));
      return;
    }
  key = pl_budget_import_match_key (name);
  {
    g_autofree char *category_key = pl_budget_import_match_key (*category);
    g_autofree char *seen_key = g_strconcat (key, "\n", category_key, NULL);
    gpointer first = g_hash_table_lookup (index->seen, seen_key);
    if (first != NULL)
      {
        add_row (self, row->row, PL_BUDGET_ROW_SKIPPED, name,
                 /* Translators: the row where the same line was read first */
                 g_strdup_printf (_("the same line as row %u, which is read"), GPOINTER_TO_UINT (first)));
        return;
      }
    g_hash_table_insert (index->seen, g_steal_pointer (&seen_key), GUINT_TO_POINTER (row->row));
  }
  add_row (self, row->row, PL_BUDGET_ROW_LINE, name, NULL);
  change = g_new0 (PlBudgetLineChange, 1);
  change->row = row->row;
  change->name = g_strdup (name);
  change->n_months = months;
  change->line = find_line (plan, index, key, *category);
  change->previous = g_new0 (gint64, months);
  if (change->line != NULL)
    {
      GVariant *planned = pl_item_get_variant (PL_ITEM (change->line), PL_BUDGET_LINE_PLANNED);
      gsize n = 0;
      const gint64 *old = planned ? g_variant_get_fixed_array (planned, &n, sizeof (gint64)) : NULL;
      memcpy (change->previous, old, MIN (n, months) * sizeof (gint64));
    }
  change->amounts = g_memdup2 (change->previous, months * sizeof (gint64));
  for (guint m = 0; m < months; m++)
    if (self->month_columns[m] >= 0)
      change->amounts[m] = amounts[m];
  if (change->line == NULL)
    {
      const char *wanted = *category ? *category : _("Imported");
      g_autofree char *category_key = pl_budget_import_match_key (wanted);

      change->status = PL_BUDGET_LINE_NEW;
      change->category = g_hash_table_lookup (index->categories, category_key);
      if (change->category != NULL)
        change->category_name = g_strdup (pl_item_get_string (PL_ITEM (change->category), PL_CATEGORY_NAME));
      else
        {
          change->category_name = g_strdup (wanted);
          if (!g_hash_table_contains (new_category_keys, category_key))
            {
              g_hash_table_add (new_category_keys, g_steal_pointer (&category_key));
              g_ptr_array_add (new_categories, g_strdup (wanted));
            }
        }
      self->preview->n_new++;
    }
  else if (memcmp (change->amounts, change->previous, months * sizeof (gint64)) == 0)
    {
      change->status = PL_BUDGET_LINE_UNCHANGED;
      self->preview->n_unchanged++;
    }
  else
    {
      change->status = PL_BUDGET_LINE_CHANGED;
      self->preview->n_changed++;
    }
  if (self->total_column >= 0)
    {
      const PlSheetCell *cell = pl_sheet_row_get (row, (guint) self->total_column);
      gint64 total = 0;
      AmountRead read = cell_amount (cell, self->preview->decimal, self->exponent, &total);

      if (read == AMOUNT_OK && total != sum)
        {
          g_autofree char *said = format_money (plan, total);
          g_autofree char *added = format_money (plan, sum);
          /* Translators: the total a sheet writes for a line, then the sum of its months */
          change->note = g_strdup_printf (_("The sheet’s total, %s, is not the sum of its months, %s."), said, added);
        }
      else if (read == AMOUNT_BAD)
        change->note = g_strdup_printf (_("The sheet’s total, “%s”, is not an amount."), cell->text ? cell->text : "");
    }
  g_ptr_array_add (self->preview->lines, change);
}

PlBudgetPreview *
pl_budget_import_preview (PlPlan *plan, const PlSheet *sheet, GError **error)
{
  g_autoptr(PlBudgetPreview) preview = g_new0 (PlBudgetPreview, 1);
  g_autoptr(GPtrArray) new_categories = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) new_category_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_autofree int *month_columns = NULL;
  g_autofree char *category = NULL;
  MonthContext context = { plan, sheet->date1904, FALSE };
  Reading self = { 0 };
  Index index;
  guint header_index = 0, n_mismatched = 0;

  g_return_val_if_fail (PL_IS_PLAN (plan) && sheet != NULL, NULL);
  preview->sheet_name = g_strdup (sheet->name ? sheet->name : "");
  preview->sheet_names = g_strdupv (sheet->names);
  preview->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  preview->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_change_free);
  if (sheet->rows->len == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE, _("The sheet is empty."));
      return NULL;
    }
  month_columns = g_new (int, pl_plan_get_months (plan));
  for (guint m = 0; m < pl_plan_get_months (plan); m++)
    month_columns[m] = -1;
  self = (Reading) { plan, sheet, preview, notes, -1, -1, -1, month_columns, pl_plan_get_currency_exponent (plan) };
  if (sheet->notes != NULL)
    g_strv_builder_addv (notes, (const char **) sheet->notes);
  if (!find_header (&self, &context, &header_index, error) || !read_columns (&self, &context, header_index, error))
    return NULL;
  g_ptr_array_sort (preview->columns, compare_columns);
  preview->header_row = ((PlSheetRow *) g_ptr_array_index (sheet->rows, header_index))->row;
  preview->decimal = find_decimal (&self);
  index_init (&index, plan);
  for (guint r = self.first_row; r < sheet->rows->len; r++)
    read_row (&self, &index, g_ptr_array_index (sheet->rows, r), &category, new_categories, new_category_keys);
  index_clear (&index);
  if (preview->lines->len == 0)
    {
      const PlBudgetRow *skipped = NULL;

      for (guint i = 0; i < preview->rows->len && skipped == NULL; i++)
        if (((PlBudgetRow *) g_ptr_array_index (preview->rows, i))->kind == PL_BUDGET_ROW_SKIPPED)
          skipped = g_ptr_array_index (preview->rows, i);
      if (skipped != NULL)
        {
          g_autofree char *first = pl_budget_import_describe_row (skipped);
          g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                       /* Translators: the header's row number, then the first row that could not be read */
                       _("No row under the months of row %u reads as a budget line. %s"), preview->header_row, first);
        }
      else
        g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                     /* Translators: the header's row number */
                     _("No row under the months of row %u is a budget line with amounts."), preview->header_row);
      return NULL;
    }
  {
    /* The plan's lines the sheet does not have stay: said, so that nobody expects them gone. */
    g_autoptr(GHashTable) read = g_hash_table_new (g_direct_hash, g_direct_equal);
    guint n_lines = pl_plan_get_n (plan, PL_COLLECTION_LINES), n_left;

    for (guint i = 0; i < preview->lines->len; i++)
      {
        const PlBudgetLineChange *change = g_ptr_array_index (preview->lines, i);
        if (change->line != NULL)
          g_hash_table_add (read, change->line);
      }
    n_left = n_lines - g_hash_table_size (read);
    if (n_left > 0)
      strv_builder_take (notes, g_strdup_printf (ngettext ("%u line of the plan is not in the sheet: it stays as it is.",
                                                           "%u lines of the plan are not in the sheet: they stay as they are.",
                                                           n_left), n_left));
  }
  for (guint i = 0; i < preview->lines->len; i++)
    n_mismatched += ((PlBudgetLineChange *) g_ptr_array_index (preview->lines, i))->note != NULL;
  if (n_mismatched > 0)
    strv_builder_take (notes, g_strdup_printf (ngettext ("%u line’s total in the sheet is not the sum of its months: "
                                                           "the months are imported, the total is not.",
                                                           "%u lines’ totals in the sheet are not the sum of their "
                                                           "months: the months are imported, the totals are not.",
                                                           n_mismatched), n_mismatched));
  g_ptr_array_add (new_categories, NULL);
  preview->new_categories = (GStrv) g_ptr_array_steal (new_categories, NULL);
  preview->notes = g_strv_builder_end (notes);
  return g_steal_pointer (&preview);
}

/* ---- applying ---- */

/* Where the next new line of each category goes: after the category's last line, the end
 * for a category with none. Found once, then moved along as lines go in, so that a sheet of
 * thousands of new lines is not a scan of the plan per line. */
static GHashTable *
insert_positions (PlPlan *plan)
{
  GListModel *lines = pl_plan_get_collection (plan, PL_COLLECTION_LINES);
  GHashTable *positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0, n = g_list_model_get_n_items (lines); i < n; i++)
    {
      g_autoptr(PlItem) line = g_list_model_get_item (lines, i);
      const char *category = pl_item_get_string (line, PL_BUDGET_LINE_CATEGORY);
      if (category != NULL)
        g_hash_table_insert (positions, g_strdup (category), GUINT_TO_POINTER (i + 1));
    }
  return positions;
}

/* Inserts @line at its category's place in @positions, and moves the places after it. */
static void
insert_line (PlPlan *plan, GHashTable *positions, PlItem *line, PlItem *category)
{
  gpointer found = g_hash_table_lookup (positions, pl_item_get_id (category));
  guint position = found ? GPOINTER_TO_UINT (found) : pl_plan_get_n (plan, PL_COLLECTION_LINES);
  GHashTableIter iter;
  gpointer key, value;

  pl_plan_insert (plan, line, position);
  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > position)
      g_hash_table_iter_replace (&iter, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
  g_hash_table_insert (positions, g_strdup (pl_item_get_id (category)), GUINT_TO_POINTER (position + 1));
}

guint
pl_budget_import_apply (PlPlan *plan, const PlBudgetPreview *preview, GError **error)
{
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) positions = NULL;
  guint n = preview->n_new + preview->n_changed;

  if (n == 0)
    return 0;
  pl_plan_begin_group (plan, _("Import Budget"));
  for (guint i = 0; preview->new_categories[i] != NULL; i++)
    {
      g_autoptr(PlItem) category = g_object_new (PL_TYPE_CATEGORY, NULL);
      pl_item_set_string (category, PL_CATEGORY_NAME, preview->new_categories[i]);
      pl_plan_add (plan, category);
      g_hash_table_insert (created, pl_budget_import_match_key (preview->new_categories[i]), category);
    }
  positions = insert_positions (plan);
  for (guint i = 0; i < preview->lines->len; i++)
    {
      const PlBudgetLineChange *change = g_ptr_array_index (preview->lines, i);
      GVariant *amounts;

      if (change->status == PL_BUDGET_LINE_UNCHANGED)
        continue;
      amounts = g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, change->amounts, change->n_months, sizeof (gint64));
      if (change->status == PL_BUDGET_LINE_NEW)
        {
          g_autoptr(PlItem) line = g_object_new (PL_TYPE_BUDGET_LINE, NULL);
          g_autofree char *key = pl_budget_import_match_key (change->category_name);
          PlItem *category = change->category ? PL_ITEM (change->category) : g_hash_table_lookup (created, key);

          g_variant_ref_sink (amounts);
          if (category == NULL)
            {
              g_variant_unref (amounts);
              continue;  /* cannot be: every new line's category is found or created */
            }
          pl_item_set_string (line, PL_BUDGET_LINE_NAME, change->name);
          pl_item_set_string (line, PL_BUDGET_LINE_CATEGORY, pl_item_get_id (category));
          pl_item_set_variant (line, PL_BUDGET_LINE_PLANNED, amounts);
          g_variant_unref (amounts);
          insert_line (plan, positions, line, category);
        }
      else if (!pl_plan_set_variant (plan, PL_ITEM (change->line), PL_BUDGET_LINE_PLANNED, amounts, error))
        {
          pl_plan_cancel_group (plan);
          return 0;
        }
    }
  pl_plan_end_group (plan);
  return n;
}

/* ---- in words ---- */

char *
pl_budget_import_counts_text (const PlBudgetPreview *preview)
{
  g_autofree char *added = g_strdup_printf (ngettext ("%u line new", "%u lines new", preview->n_new), preview->n_new);
  /* Translators: lines of a budget import, as in "2 lines new, 3 changed, 1 unchanged" */
  g_autofree char *changed = g_strdup_printf (ngettext ("%u changed", "%u changed", preview->n_changed), preview->n_changed);
  g_autofree char *unchanged = g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", preview->n_unchanged),
                                                preview->n_unchanged);
  g_autofree char *skipped = g_strdup_printf (ngettext ("%u row skipped", "%u rows skipped", preview->n_skipped),
                                              preview->n_skipped);

  /* Translators: "2 lines new, 3 changed, 1 unchanged, 2 rows skipped" */
  return g_strdup_printf (_("%s, %s, %s, %s"), added, changed, unchanged, skipped);
}

char *
pl_budget_import_describe_column (PlPlan *plan, const PlBudgetColumn *column)
{
  g_autofree char *letter = pl_sheet_column_name (column->column);
  g_autofree char *what = NULL;

  switch (column->kind)
    {
    case PL_BUDGET_COLUMN_NAME:
      what = g_strdup (_("line names"));
      break;
    case PL_BUDGET_COLUMN_CATEGORY:
      what = g_strdup (_("categories"));
      break;
    case PL_BUDGET_COLUMN_MONTH:
      what = month_name (plan, (guint) column->month);
      break;
    case PL_BUDGET_COLUMN_TOTAL:
      what = g_strdup (_("total (checked, not imported)"));
      break;
    default:
      /* Translators: why a column is not read */
      what = g_strdup_printf (_("not read (%s)"), column->reason ? column->reason : "");
      break;
    }
  if (*column->header != '\0')
    /* Translators: a column's letter, its heading, then how it was read: "Column B “Poste”: line names" */
    return g_strdup_printf (_("Column %s “%s”: %s"), letter, column->header, what);
  /* Translators: a column's letter, then how it was read: "Column A: categories" */
  return g_strdup_printf (_("Column %s: %s"), letter, what);
}

/* Whether @column is one of a month's other figures, which a sheet of figures side by side
 * ("Jan 2027 – Actual") has by the dozen: said once for all. */
static gboolean
is_other_figure (const PlBudgetColumn *column)
{
  return column->kind == PL_BUDGET_COLUMN_IGNORED && column->reason != NULL &&
         (g_str_equal (column->reason, _("another figure than the budget")) ||
          g_str_equal (column->reason, _("the total of another figure than the budget")));
}

GStrv
pl_budget_import_describe_columns (PlPlan *plan, const PlBudgetPreview *preview)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  const PlBudgetColumn *first_other = NULL, *last_other = NULL;
  guint n_other = 0;

  for (guint i = 0; i < preview->columns->len; i++)
    {
      const PlBudgetColumn *column = g_ptr_array_index (preview->columns, i);
      if (is_other_figure (column))
        {
          first_other = first_other ? first_other : column;
          last_other = column;
          n_other++;
        }
    }
  for (guint i = 0; i < preview->columns->len; i++)
    {
      const PlBudgetColumn *first = g_ptr_array_index (preview->columns, i);
      guint last = i;

      if (n_other > 2 && is_other_figure (first))
        continue;

      while (first->kind == PL_BUDGET_COLUMN_MONTH && last + 1 < preview->columns->len)
        {
          const PlBudgetColumn *now = g_ptr_array_index (preview->columns, last);
          const PlBudgetColumn *next = g_ptr_array_index (preview->columns, last + 1);
          if (next->kind != PL_BUDGET_COLUMN_MONTH || next->column != now->column + 1 || next->month != now->month + 1)
            break;
          last++;
        }
      if (last - i >= 2)
        {
          const PlBudgetColumn *end = g_ptr_array_index (preview->columns, last);
          g_autofree char *from = pl_sheet_column_name (first->column);
          g_autofree char *to = pl_sheet_column_name (end->column);
          g_autofree char *months = month_range (plan, (guint) first->month, (guint) end->month);
          /* Translators: the first and last columns of a run of months, their headings, then the months:
           * "C to N (“janvier” to “décembre”): January 2027 to December 2027" */
          strv_builder_take (lines, g_strdup_printf (_("Columns %s to %s (“%s” to “%s”): %s"), from, to, first->header,
                                                       end->header, months));
          i = last;
        }
      else
        strv_builder_take (lines, pl_budget_import_describe_column (plan, first));
    }
  if (n_other > 2)
    {
      g_autofree char *from = pl_sheet_column_name (first_other->column);
      g_autofree char *to = pl_sheet_column_name (last_other->column);

      strv_builder_take (lines, g_strdup_printf (
        /* Translators: how many columns, the first's letter and heading, the last's letter and heading */
        ngettext ("%u column of another figure than the budget, from %s “%s” to %s “%s”: not read",
                  "%u columns of other figures than the budget, from %s “%s” to %s “%s”: not read", n_other),
        n_other, from, first_other->header, to, last_other->header));
    }
  return g_strv_builder_end (lines);
}

char *
pl_budget_import_describe_row (const PlBudgetRow *row)
{
  switch (row->kind)
    {
    case PL_BUDGET_ROW_LINE:
      /* Translators: a row number, then a budget line's name */
      return g_strdup_printf (_("Row %u: the line “%s”."), row->row, row->label);
    case PL_BUDGET_ROW_CATEGORY:
      /* Translators: a row number, then a category's name */
      return g_strdup_printf (_("Row %u: the category “%s”, for the lines under it."), row->row, row->label);
    case PL_BUDGET_ROW_TOTAL:
      /* Translators: a row number, then the row's name ("Total Digital") */
      return g_strdup_printf (_("Row %u: “%s” is a total, left out."), row->row, row->label);
    case PL_BUDGET_ROW_IGNORED:
      if (*row->label != '\0')
        /* Translators: a row number, its text, then why nothing is imported from it */
        return g_strdup_printf (_("Row %u: “%s” left out, %s."), row->row, row->label, row->reason);
      return g_strdup_printf (_("Row %u: left out, %s."), row->row, row->reason);
    default:
      if (*row->label != '\0')
        /* Translators: a row number, its name, then why it is skipped */
        return g_strdup_printf (_("Row %u: “%s” skipped, %s."), row->row, row->label, row->reason);
      /* Translators: a row number, then why it is skipped */
      return g_strdup_printf (_("Row %u: skipped, %s."), row->row, row->reason);
    }
}

char *
pl_budget_import_describe_months (PlPlan *plan, const PlBudgetLineChange *change)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint m = 0; m < change->n_months; m++)
    if (change->amounts[m] != change->previous[m])
      {
        g_autofree char *from = format_money (plan, change->previous[m]);
        g_autofree char *to = format_money (plan, change->amounts[m]);
        g_autofree char *when = NULL;
        guint last = m;

        /* Months in a row that change alike are said once: "January 2027 to June 2027". */
        while (last + 1 < change->n_months && change->previous[last + 1] == change->previous[m] &&
               change->amounts[last + 1] == change->amounts[m])
          last++;
        when = month_range (plan, m, last);
        if (text->len > 0)
          g_string_append (text, "; ");
        /* Translators: a month or months, the amount planned now, then the amount imported */
        g_string_append_printf (text, _("%s: %s → %s"), when, from, to);
        m = last;
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
pl_budget_import_describe_line (PlPlan *plan, const PlBudgetLineChange *change)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 total = 0;
  guint n_set = 0;

  for (guint m = 0; m < change->n_months; m++)
    {
      total = pl_money_sum (total, change->amounts[m]);
      n_set += change->amounts[m] != 0;
    }
  switch (change->status)
    {
    case PL_BUDGET_LINE_NEW:
      {
        g_autofree char *amount = format_money (plan, total);
        /* Translators: a row, a new line's name, its category, its total, the months with an amount:
         * "Row 4: “Trade press” new, in Media relations: 24 000 EUR over 6 months" */
        g_string_append_printf (text, ngettext ("Row %u: “%s” new, in %s: %s over %u month",
                                                "Row %u: “%s” new, in %s: %s over %u months", n_set),
                                change->row, change->name, change->category_name, amount, n_set);
        if (change->category == NULL)
          g_string_append_printf (text, " %s", _("(a new category)"));
        break;
      }
    case PL_BUDGET_LINE_UNCHANGED:
      /* Translators: a row, then a line's name */
      g_string_append_printf (text, _("Row %u: “%s” unchanged"), change->row, change->name);
      break;
    default:
      {
        g_autofree char *months = pl_budget_import_describe_months (plan, change);
        /* Translators: a row, a line's name, then the months that change:
         * "Row 5: “Google Ads”: March 2027 19 000 EUR → 21 000 EUR" */
        g_string_append_printf (text, _("Row %u: “%s”: %s"), change->row, change->name, months);
      }
    }
  if (change->note != NULL)
    g_string_append_printf (text, " (%s)", change->note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
