/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-measurement-import"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pl-basis.h"
#include "pl-csv.h"
#include "pl-date-text.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-import-campaigns.h"
#include "pl-import-text.h"
#include "pl-kpi-period.h"
#include "pl-kpi-value.h"
#include "pl-measurement-import.h"
#include "pl-rules.h"

void
pl_import_preview_free (PlImportPreview *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->header);
  g_strfreev (self->ignored);
  g_strfreev (self->notes);
  g_array_unref (self->changes);
  g_ptr_array_unref (self->rejected);
  g_clear_pointer (&self->unmatched, g_array_unref);
  g_clear_pointer (&self->new_links, g_array_unref);
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

/* Month names as English and French exports write them, whole or cut, with or without their
 * dot and accents (casefolded: "Janv." reads as "janv"). */
static const struct { const char *name; int month; } month_names[] = {
  { "january", 1 }, { "jan", 1 }, { "janvier", 1 }, { "janv", 1 },
  { "february", 2 }, { "feb", 2 }, { "février", 2 }, { "fevrier", 2 }, { "févr", 2 }, { "fevr", 2 },
  { "fév", 2 }, { "fev", 2 },
  { "march", 3 }, { "mar", 3 }, { "mars", 3 },
  { "april", 4 }, { "apr", 4 }, { "avril", 4 }, { "avr", 4 },
  { "may", 5 }, { "mai", 5 },
  { "june", 6 }, { "jun", 6 }, { "juin", 6 },
  { "july", 7 }, { "jul", 7 }, { "juillet", 7 }, { "juil", 7 },
  { "august", 8 }, { "aug", 8 }, { "août", 8 }, { "aout", 8 },
  { "september", 9 }, { "sep", 9 }, { "sept", 9 }, { "septembre", 9 },
  { "october", 10 }, { "oct", 10 }, { "octobre", 10 },
  { "november", 11 }, { "nov", 11 }, { "novembre", 11 },
  { "december", 12 }, { "dec", 12 }, { "décembre", 12 }, { "decembre", 12 }, { "déc", 12 },
};

static int
month_of_name (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (word, month_names[i].name))
      return month_names[i].month;
  return 0;
}

/* A number of a date written in words: digits, then maybe "er", "st", "nd", "rd" or "th"
 * ("1er décembre", "December 1st"); -1 when it is not one. */
static int
word_number (const char *word)
{
  static const char * const suffixes[] = { "", "er", "st", "nd", "rd", "th" };
  const char *p = word;
  int number = 0;

  while (g_ascii_isdigit (*p) && p - word < 4)
    number = number * 10 + (*p++ - '0');
  if (p == word)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_equal (p, suffixes[i]))
      return number;
  return -1;
}

/* Reads a date whose month is a name: "Jan 2027", "janv. 2027" (@with_day FALSE, the month's
 * first day), "Dec 1, 2026", "1 déc. 2026", "1-Dec-2026" (@with_day TRUE). */
static guint32
parse_words (const char *text, gboolean with_day)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_auto(GStrv) tokens = g_strsplit_set (folded, " ,-/\t", -1);
  const char *words[4];
  guint n = 0;
  int month = 0, day = -1, year = -1;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      gsize length = strlen (tokens[i]);

      if (length > 0 && tokens[i][length - 1] == '.')
        tokens[i][--length] = '\0';
      if (length == 0)
        continue;
      if (n == G_N_ELEMENTS (words))
        return 0;
      words[n++] = tokens[i];
    }
  if (n != (with_day ? 3u : 2u))
    return 0;
  for (guint i = 0; i < n; i++)
    {
      int number = word_number (words[i]);
      int named = number < 0 ? month_of_name (words[i]) : 0;

      if (named != 0 && month == 0)
        month = named;
      else if (number >= 1000 && year < 0 && i == n - 1)
        year = number;
      else if (with_day && number >= 1 && number <= 31 && day < 0)
        day = number;
      else
        return 0;
    }
  if (month == 0 || year < 0)
    return 0;
  return julian_of (year, month, with_day ? day : 1);
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
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
      for (int f = PL_IMPORT_DATE_ISO; f <= PL_IMPORT_DATE_WORDS; f++)
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
      if (has_letter (clean))
        return parse_words (clean, FALSE);
      if (all_digits (clean, 6) && sscanf (clean, "%4d%2d", &a, &b) == 2)
        return julian_of (a, b, 1);
      if (sscanf (clean, "%4d-%2d%c", &a, &b, &rest) == 2 && strlen (clean) == 7)
        return julian_of (a, b, 1);
      /* "01/2027", as French CRMs head a month (and "1/2027", "01.2027"). */
      if (sscanf (clean, "%2d%c%4d%c", &a, &s1, &c, &rest) == 3 && (s1 == '/' || s1 == '.' || s1 == '-') &&
          c >= 1000 && strlen (strchr (clean, s1) + 1) == 4)
        return julian_of (c, a, 1);
      return 0;
    case PL_IMPORT_DATE_WORDS:
      return has_letter (clean) ? parse_words (clean, TRUE) : 0;
    default:
      return 0;
    }
}

const char *
pl_import_date_forms (void)
{
  /* Translators: the forms of dates a CSV import reads, for an error message; keep the
   * examples as they are, they are what the files hold */
  return _("2027-03-31, 31/03/2027, 03/31/2027, 20270331, 2027-03, 03/2027, Mar 2027, "
           "janv. 2027, March 2027, Dec 1, 2026 and 1 déc. 2026");
}

/* ---- numbers ---- */

typedef enum { VALUE_OK, VALUE_NOT_A_NUMBER, VALUE_NOT_PERCENT } ValueParse;

/* @number, written in C as @digits, over 100: "0.9" gives 0.009, the double a user typing
 * 0.009 gets, where 0.9 / 100 would be 0.009000000000000001. */
static double
hundredth_of (const char *digits)
{
  g_autofree char *shifted = g_strconcat (digits, "e-2", NULL);
  return g_ascii_strtod (shifted, NULL);
}

/* @text without the currency a CRM writes beside an amount ("€12,345.00", "1 234,50 €",
 * "-$500", "4 500 EUR"): a currency symbol or three capitals, before the number (after its
 * sign) or after it; NULL when it has none. */
static char *
without_currency (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *start = copy, *end = copy + strlen (copy);
  gboolean minus = *start == '-';
  gunichar c;

  if (minus)
    start++;
  c = g_utf8_get_char (start);
  if (g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
    start = g_utf8_next_char (start);
  else if (g_ascii_isupper (start[0]) && g_ascii_isupper (start[1]) && g_ascii_isupper (start[2]))
    start += 3;
  else if (end > start)
    {
      char *last = g_utf8_prev_char (end);

      if (g_unichar_type (g_utf8_get_char (last)) == G_UNICODE_CURRENCY_SYMBOL)
        *last = '\0';
      else if (end - start > 3 && g_ascii_isupper (end[-1]) && g_ascii_isupper (end[-2]) && g_ascii_isupper (end[-3]))
        end[-3] = '\0';
      else
        return NULL;
      return g_strdup (copy);
    }
  else
    return NULL;
  /* A symbol before the number: nothing may come between the sign and the digits but spaces. */
  while (g_ascii_isspace (*start))
    start++;
  return g_strconcat (minus ? "-" : "", start, NULL);
}

/* Reads a value as the file writes it (pl_import_parse_number()), with a "%" for a percentage
 * KPI (stored as a fraction; *@signed_percent says the sign was there). *@c_number gets the
 * number as C writes it. */
static ValueParse
parse_value (const char *text, const PlImportOptions *options, PlItem *kpi, double *value, gboolean *signed_percent,
             char **c_number)
{
  g_autofree char *clean = NULL;
  g_autofree char *amount = NULL;
  gboolean percent = FALSE;
  double number;

  /* Only where money is measured: "€25" in a count's column is the wrong column. */
  if (pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_CURRENCY && (amount = without_currency (text)) != NULL)
    text = amount;
  if (!pl_import_parse_number (text, options->decimal ? options->decimal : '.', options->thousands, &number, &percent,
                               &clean))
    return VALUE_NOT_A_NUMBER;
  /* A percentage KPI holds fractions: "32.5 %" is 0.325. Without the sign, the file's
   * other values decide (see unsigned_percentages). */
  if (pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_PERCENT && percent)
    number = hundredth_of (clean);
  else if (percent)
    return VALUE_NOT_PERCENT;
  *signed_percent = percent;
  *value = number;
  *c_number = g_steal_pointer (&clean);
  return VALUE_OK;
}

/* ---- columns ---- */

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

/* A header without the percent sign exports add to it: "Monthly churn rate (%)", "Churn %".
 * NULL when it has none. Other units stay: "Revenue (k€)" is not revenue in euros. */
static char *
strip_unit (const char *header)
{
  g_autofree char *text = g_strstrip (g_strdup (header));

  if (g_str_has_suffix (text, "(%)"))
    text[strlen (text) - 3] = '\0';
  else if (g_str_has_suffix (text, "%"))
    text[strlen (text) - 1] = '\0';
  else
    return NULL;
  return g_strdup (g_strstrip (text));
}

/* The KPI a column or a cell names: by ID, or by name in any case, with or without a percent
 * sign after it. */
static PlItem *
find_kpi (GHashTable *index, const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *wanted = g_utf8_casefold (trimmed, -1);
  g_autofree char *bare = NULL;
  g_autofree char *bare_wanted = NULL;
  PlItem *kpi = g_hash_table_lookup (index, wanted);

  if (kpi != NULL || (bare = strip_unit (trimmed)) == NULL)
    return kpi;
  bare_wanted = g_utf8_casefold (bare, -1);
  return g_hash_table_lookup (index, bare_wanted);
}

/* Whether a column's header says its numbers are percent numbers: "Churn (%)", "Taux %",
 * "Conversion percent". */
static gboolean
header_says_percent (const char *header)
{
  g_autofree char *folded = NULL;

  if (header == NULL)
    return FALSE;
  if (strchr (header, '%') != NULL)
    return TRUE;
  folded = g_utf8_casefold (header, -1);
  return strstr (folded, "percent") != NULL || strstr (folded, "pourcent") != NULL || strstr (folded, "pct") != NULL;
}

/* ---- the preview ---- */

G_GNUC_PRINTF (3, 4) static void
reject (PlImportPreview *self, guint row, const char *format, ...)
{
  va_list args;
  char *reason;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->rejected, pl_import_rejection_new (row, reason));
}

/* ---- campaign results ---- */

/* The column of the campaigns in *@campaign_col (-1: none): the one @options names, or one
 * headed as exports head it unless @options say the file holds KPI measurements only. FALSE
 * with @error when the column named is not there, or holds the dates. */
static gboolean
find_campaign_column (GStrv header, const PlImportOptions *options, int date_col, int *campaign_col, GError **error)
{
  *campaign_col = -1;
  if (options->campaign_column != NULL)
    *campaign_col = pl_import_find_column (header, options->campaign_column);
  else if (!options->no_campaign)
    *campaign_col = pl_import_guess_campaign_column (header);
  if (options->campaign_column != NULL && *campaign_col < 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The file has no column “%s” for the campaigns."),
                   options->campaign_column);
      return FALSE;
    }
  if (*campaign_col >= 0 && *campaign_col == date_col)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The column “%s” holds the dates, not the campaigns."),
                   header[date_col]);
      return FALSE;
    }
  return TRUE;
}

/* Whether the row whose campaign cell is @cell is traffic from no campaign ("(direct)", an
 * empty cell): counted in @self and its cell kept in @none_seen for the note, not rejected. */
static gboolean
from_no_campaign (PlImportPreview *self, PlImportCampaigns *campaigns, const char *cell, GPtrArray *none_seen)
{
  g_autofree char *shown = g_strstrip (g_strdup (cell));

  /* A campaign of the plan named so is taken at its word. */
  if (pl_import_campaigns_find (campaigns, cell, NULL) != NULL || !pl_import_is_not_campaign (cell))
    return FALSE;
  self->n_not_campaign++;
  if (*shown == '\0')
    {
      g_free (shown);
      /* Translators: an empty campaign cell, in the list of those that name no campaign */
      shown = g_strdup (_("empty"));
    }
  if (!g_ptr_array_find_with_equal_func (none_seen, shown, g_str_equal, NULL))
    g_ptr_array_add (none_seen, g_steal_pointer (&shown));
  return TRUE;
}

static void
unmatched_clear (PlImportUnmatched *unmatched)
{
  g_free (unmatched->name);
}

/* The campaign of row @row, whose campaign cell is @cell; NULL with the row rejected (and the
 * name kept in self->unmatched, once, @unmatched_index finding it by its key) when it names none. */
static PlItem *
row_campaign (PlImportPreview *self, PlImportCampaigns *campaigns, guint row, const char *cell, GHashTable *unmatched_index)
{
  gboolean ambiguous = FALSE;
  PlItem *campaign = pl_import_campaigns_find (campaigns, cell, &ambiguous);
  g_autofree char *shown = NULL;
  g_autofree char *key = NULL;
  gpointer found;

  if (campaign != NULL)
    return campaign;
  shown = g_strstrip (g_strdup (cell));
  if (ambiguous)
    {
      reject (self, row, _("“%s” names several campaigns: give each its own code, and export the codes."), shown);
      return NULL;
    }
  reject (self, row, _("no campaign is named or coded “%s”."), shown);
  key = pl_import_campaign_key (cell);
  if (g_hash_table_lookup_extended (unmatched_index, key, NULL, &found))
    g_array_index (self->unmatched, PlImportUnmatched, GPOINTER_TO_UINT (found)).n_rows++;
  else
    {
      PlImportUnmatched fresh = { g_steal_pointer (&shown), 1, row };

      g_hash_table_insert (unmatched_index, g_steal_pointer (&key), GUINT_TO_POINTER (self->unmatched->len));
      g_array_append_val (self->unmatched, fresh);
    }
  return NULL;
}

static void
free_string (GString *string)
{
  g_string_free (string, TRUE);
}

/* What a campaign file's preview says beyond its changes: the rows from no campaign, and the
 * links of campaigns to KPIs the import adds (which it lists in self->new_links). */
static void
note_campaigns (PlImportPreview *self, GPtrArray *none_seen, GStrvBuilder *notes)
{
  g_autoptr(GString) links = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_campaign = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) free_string);
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new ();
  g_autofree char *note = NULL;

  if (self->n_not_campaign > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (none_seen, NULL);
      list = g_strjoinv (", ", (char **) none_seen->pdata);
      /* Translators: rows of a campaign export from no campaign, then what their campaign cell
       * said ("(direct), (organic), (not set)") */
      note = g_strdup_printf (ngettext ("%u row is traffic from no campaign (%s): left out, as it is no campaign’s result.",
                                        "%u rows are traffic from no campaign (%s): left out, as they are no campaign’s results.",
                                        self->n_not_campaign),
                              self->n_not_campaign, list);
      g_strv_builder_add (notes, note);
    }
  /* Each link once, the KPIs after their campaign: "Spring webinar → Sessions, Revenue; …". */
  for (guint i = 0; i < self->changes->len; i++)
    {
      const PlImportChange *change = &g_array_index (self->changes, PlImportChange, i);
      PlImportLink link = { change->campaign, change->item };
      g_autofree char *key = g_strdup_printf ("%p/%p", (void *) link.campaign, (void *) link.kpi);
      GString *kpis;

      if (change->campaign == NULL || change->link != NULL || !g_hash_table_add (seen, g_steal_pointer (&key)))
        continue;
      g_array_append_val (self->new_links, link);
      if ((kpis = g_hash_table_lookup (by_campaign, link.campaign)) == NULL)
        {
          g_ptr_array_add (campaigns, link.campaign);
          g_hash_table_insert (by_campaign, link.campaign, kpis = g_string_new (NULL));
        }
      else
        /* Translators: between two KPIs in a list */
        g_string_append (kpis, _(", "));
      g_string_append (kpis, pl_item_get_string (link.kpi, PL_KPI_NAME));
    }
  for (guint i = 0; i < campaigns->len; i++)
    {
      GString *kpis = g_hash_table_lookup (by_campaign, campaigns->pdata[i]);

      if (i > 0)
        /* Translators: between two campaigns' lists of KPIs */
        g_string_append (links, C_("list", "; "));
      /* Translators: a campaign, then the KPIs an import attaches it to ("Spring webinar → Leads, Revenue") */
      g_string_append_printf (links, _("%s → %s"), pl_item_get_display_name (campaigns->pdata[i]), kpis->str);
    }
  if (self->new_links->len > 0)
    {
      g_free (note);
      /* Translators: the campaign → KPI links an import adds, listed */
      note = g_strdup_printf (ngettext ("Importing attaches a campaign to a KPI it was not attached to, with no expected "
                                        "contribution: %s.",
                                        "Importing attaches campaigns to KPIs they were not attached to, with no expected "
                                        "contribution: %s.",
                                        self->new_links->len),
                              links->str);
      g_strv_builder_add (notes, note);
    }
}

static gboolean
is_derived (PlItem *kpi)
{
  const char *formula = pl_item_get_string (kpi, PL_KPI_FORMULA);
  return formula != NULL && *formula != '\0';
}

/* Spend has one source: where the plan records spending (the Budget page), the spend KPI is
 * derived from those records, and a figure imported beside them would be a second truth. */
static gboolean
spend_is_recorded (PlPlan *plan, PlItem *kpi)
{
  return pl_item_get_int (kpi, PL_KPI_STAGE) == PL_STAGE_SPEND &&
         g_list_model_get_n_items (pl_plan_get_collection (plan, PL_COLLECTION_SPEND)) > 0;
}

/* One cell read: a KPI's value on a date, before the values are put in their periods. */
typedef struct {
  guint    row;
  PlItem  *kpi;
  PlItem  *campaign;        /* the campaign whose result it is, or NULL */
  guint32  date;            /* as the file gives it */
  double   value;           /* a percentage written with "%" already as a fraction */
  gboolean unsigned_percent;/* a percentage KPI's number without "%": read later (decide_percent) */
  gboolean percent_header;  /* its column's header says percent */
  char    *text;            /* the cell, for messages */
  char    *digits;          /* the number as C writes it */
} Reading;

static void
reading_clear (Reading *reading)
{
  g_free (reading->text);
  g_free (reading->digits);
}

/* Reads the value for @kpi on @date from the cell @text of row @row into @readings, or
 * rejects the row saying why. */
static void
take (PlImportPreview *self, PlPlan *plan, const PlImportOptions *options, GArray *readings,
      guint row, PlItem *kpi, PlItem *campaign, guint32 date, const char *text, const char *header)
{
  const char *name = pl_item_get_string (kpi, PL_KPI_NAME);
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  Reading reading = { row, kpi, campaign, date, 0, FALSE, FALSE, NULL, NULL };
  gboolean signed_percent = FALSE;

  if (is_derived (kpi))
    {
      reject (self, row, _("“%s” is computed from its formula; import the KPIs it is computed from."), name);
      return;
    }
  if (spend_is_recorded (plan, kpi))
    {
      reject (self, row, _("“%s” comes from the spending records on the Budget page: record spend there, not by import."),
              name);
      return;
    }
  if (*copy == '\0')
    {
      reject (self, row, _("no value for “%s”."), name);
      return;
    }
  switch (parse_value (text, options, kpi, &reading.value, &signed_percent, &reading.digits))
    {
    case VALUE_NOT_A_NUMBER:
      reject (self, row, _("“%s” is not a number in this file’s format."), text);
      return;
    case VALUE_NOT_PERCENT:
      reject (self, row, _("“%s” is a percentage, and “%s” is not measured in percent."), text, name);
      return;
    case VALUE_OK:
      break;
    }
  reading.unsigned_percent = pl_item_get_int (kpi, PL_KPI_UNIT) == PL_UNIT_PERCENT && !signed_percent;
  reading.percent_header = header_says_percent (header);
  reading.text = g_steal_pointer (&copy);
  g_array_append_val (readings, reading);
  self->n_values++;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The middle of the sizes (absolute, zeros left out) in @values; 0 when there is none. */
static double
median_size (GArray *values)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < values->len; i++)
    {
      double size = fabs (g_array_index (values, double, i));
      if (size > 0)
        g_array_append_val (sizes, size);
    }
  if (sizes->len == 0)
    return 0;
  g_array_sort (sizes, compare_doubles);
  return g_array_index (sizes, double, sizes->len / 2);
}

/* Within ten times either way: the same magnitude. */
static gboolean
same_magnitude (double a, double b)
{
  return a > b / 10 && a < b * 10;
}

/* How @kpi's numbers without "%" read: what they are divided by to be stored (100 for percent
 * numbers, 1 for fractions). "0.9" may be 0.9 % or 90 %: the options say, or the column's
 * header ("Churn (%)"), or the KPI's history (the reading of the same magnitude as the values
 * it holds). With none of them, or values ten times or more away from the history under both
 * readings, the file stops with PL_ERROR_AMBIGUOUS rather than store a figure 100 times off. */
static gboolean
decide_percent (PlItem *kpi, GArray *readings, const PlImportOptions *options, double *divisor, GError **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) history = g_array_new (FALSE, FALSE, sizeof (double));
  PlSeries *stored = pl_kpi_get_measurements (PL_KPI (kpi));
  const char *example = NULL;
  double example_value = 0;
  gboolean example_is_zero = FALSE;
  double file, held;
  g_autofree char *as_percent = NULL, *as_fraction = NULL, *usual = NULL;

  *divisor = options->percent == PL_IMPORT_PERCENT_FRACTIONS ? 1 : 100;
  if (options->percent != PL_IMPORT_PERCENT_AUTO)
    return TRUE;
  for (guint i = 0; i < readings->len; i++)
    {
      const Reading *reading = &g_array_index (readings, Reading, i);

      if (reading->kpi != kpi || !reading->unsigned_percent)
        continue;
      if (reading->percent_header)
        return TRUE;
      g_array_append_val (values, reading->value);
      /* The first value that is not 0 shows the question best. */
      if (example == NULL || (example_is_zero && reading->value != 0))
        {
          example = reading->text;
          example_value = reading->value;
          example_is_zero = reading->value == 0;
        }
    }
  for (guint i = 0; i < pl_series_get_n (stored); i++)
    g_array_append_val (history, pl_series_get (stored, i)->value);
  file = median_size (values);
  held = median_size (history);
  if (file == 0)
    return TRUE; /* zeros read the same either way */
  if (held > 0 && same_magnitude (file, held))
    {
      *divisor = 1;
      return TRUE;
    }
  if (held > 0 && same_magnitude (file / 100, held))
    return TRUE;
  /* The two readings of the value the message quotes, not of the file's median. */
  as_percent = pl_kpi_value_format (PL_KPI (kpi), example_value / 100);
  as_fraction = pl_kpi_value_format (PL_KPI (kpi), example_value);
  if (held == 0)
    g_set_error (error, PL_ERROR, PL_ERROR_AMBIGUOUS,
                 /* Translators: a KPI, a number of the file, then that number read as percent and as a fraction */
                 _("“%s” is measured in percent and the file writes its values without a %% sign: “%s” may be %s or %s."),
                 pl_item_get_string (kpi, PL_KPI_NAME), example, as_percent, as_fraction);
  else
    {
      usual = pl_kpi_value_format (PL_KPI (kpi), held);
      g_set_error (error, PL_ERROR, PL_ERROR_AMBIGUOUS,
                   /* Translators: a KPI, a number of the file, that number read as percent and as a
                    * fraction, then the KPI's usual value */
                   _("“%s” is measured in percent and the file writes its values without a %% sign: “%s”, read as %s "
                     "or as %s, is 10 times or more away from the values the plan holds (about %s)."),
                   pl_item_get_string (kpi, PL_KPI_NAME), example, as_percent, as_fraction, usual);
    }
  return FALSE;
}

/* What period each row of the file covers, from its dates alone. */
typedef enum { GRAIN_UNKNOWN, GRAIN_DAY, GRAIN_WEEK, GRAIN_MONTH } Grain;

static gboolean
is_month_end (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian + 1);
  return g_date_get_day (&date) == 1;
}

static gboolean
is_month_start (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_day (&date) == 1;
}

static int
compare_days (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return (x > y) - (x < y);
}

/* Months when the file writes months (2027-01, Jan 2027), or dates all on month ends (an
 * export "by month" that dates each month by its last day, *@month_ends set) or all on the 1st;
 * days when two dates follow each other; weeks when they are all whole weeks apart. */
static Grain
file_grain (GArray *readings, PlImportDateFormat format, gboolean *month_ends)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean ends = TRUE, starts = TRUE, weeks = TRUE, daily = FALSE;
  guint n = 0;

  *month_ends = FALSE;
  for (guint i = 0; i < readings->len; i++)
    g_array_append_val (days, g_array_index (readings, Reading, i).date);
  if (days->len == 0)
    return GRAIN_UNKNOWN;
  g_array_sort (days, compare_days);
  for (guint i = 0; i < days->len; i++)
    {
      guint32 day = g_array_index (days, guint32, i);

      if (i > 0 && day == g_array_index (days, guint32, i - 1))
        continue;
      ends &= is_month_end (day);
      starts &= is_month_start (day);
      if (n > 0)
        {
          guint32 gap = day - g_array_index (days, guint32, i - 1);
          daily |= gap == 1;
          weeks &= gap % 7 == 0;
        }
      n++;
    }
  if (format == PL_IMPORT_DATE_MONTH)
    return GRAIN_MONTH;
  /* One date on a month's last day says little: the rule needs two months at least. */
  if (ends && n >= 2)
    {
      *month_ends = TRUE;
      return GRAIN_MONTH;
    }
  if (n < 2)
    return GRAIN_UNKNOWN;
  if (starts)
    return GRAIN_MONTH;
  if (daily)
    return GRAIN_DAY;
  return weeks ? GRAIN_WEEK : GRAIN_UNKNOWN;
}

/* The readings of one KPI in one of its periods (or of a campaign's results on a KPI in one
 * month), combined into one change. */
typedef struct {
  PlItem  *kpi;
  PlItem  *campaign;  /* NULL for the KPI's own values */
  PlItem  *link;      /* the campaign's link to the KPI, NULL when there is none yet */
  guint32  period;
  guint32  period_end;
  GArray  *readings;  /* indexes into the readings */
} Group;

static void
group_clear (Group *group)
{
  g_array_unref (group->readings);
}

/* @values combined as @kpi's aggregate says: summed, averaged, or the last (@values are in
 * date order). */
static double
combine (PlItem *kpi, const double *values, guint n)
{
  double total = 0;

  if (pl_item_get_int (kpi, PL_KPI_AGGREGATE) == PL_AGGREGATE_LAST)
    return values[n - 1];
  for (guint i = 0; i < n; i++)
    total += values[i];
  return pl_item_get_int (kpi, PL_KPI_AGGREGATE) == PL_AGGREGATE_MEAN ? total / n : total;
}

static int
compare_readings_by_date (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GArray *readings = user_data;
  const Reading *x = &g_array_index (readings, Reading, *(const guint *) a);
  const Reading *y = &g_array_index (readings, Reading, *(const guint *) b);

  if (x->date != y->date)
    return (x->date > y->date) - (x->date < y->date);
  return (x->row > y->row) - (x->row < y->row);
}

/* Turns @group into a change of @self, or rejects its rows saying why. @first_day
 * is the file's first date, @step the days a row covers (0 unknown). */
static void
settle_group (PlImportPreview *self, PlPlan *plan, GArray *readings, Group *group, Grain grain,
              gboolean month_ends, guint32 first_day, guint step)
{
  PlImportChange change = { .item = group->kpi, .campaign = group->campaign, .link = group->link };
  g_autofree char *name = pl_import_change_label (&change);
  PlFrequency frequency = pl_item_get_int (group->kpi, PL_KPI_FREQUENCY);
  PlAggregate aggregate = pl_item_get_int (group->kpi, PL_KPI_AGGREGATE);
  PlSeries *stored;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (double));
  const Reading *previous = NULL;

  /* Rows at odd intervals, several in one period, are taken as days. */
  if (step == 0 && group->readings->len > 1)
    step = 1;
  g_array_sort_with_data (group->readings, compare_readings_by_date, readings);
  /* A file of months says nothing of the weeks inside them: a month's figure put into one
   * week would count the whole month there. (A campaign's results are monthly.) */
  if (grain == GRAIN_MONTH && frequency == PL_FREQUENCY_WEEKLY && group->campaign == NULL)
    {
      for (guint i = 0; i < group->readings->len; i++)
        reject (self, g_array_index (readings, Reading, g_array_index (group->readings, guint, i)).row,
                month_ends ? _("“%s” takes a value a week, and this file’s dates are all month ends: it holds monthly "
                               "figures. Make “%s” monthly, or import weekly figures.")
                           : _("“%s” takes a value a week, and this file holds monthly figures. Make “%s” monthly, "
                               "or import weekly figures."),
                name, name);
      return;
    }
  /* A file that starts inside a period has only its last days: their sum or mean would
   * replace the whole period's figure. (A file ending inside one gives the period to date.) */
  if (step > 0 && (aggregate == PL_AGGREGATE_SUM || aggregate == PL_AGGREGATE_MEAN) &&
      first_day >= group->period && first_day < group->period_end && first_day - group->period >= step &&
      group->period_end - group->period > step)
    {
      g_autofree char *first = pl_date_text (first_day, PL_DATE_NUMERIC);
      PlImportChange partial = { .item = group->kpi, .period = group->period };
      g_autofree char *period = pl_import_change_period_text (plan, &partial);

      for (guint i = 0; i < group->readings->len; i++)
        reject (self, g_array_index (readings, Reading, g_array_index (group->readings, guint, i)).row,
                /* Translators: the file's first date, then a period ("June 2027"), then a KPI */
                _("the file starts on %s, inside %s: the days before would be missing from “%s” for that period. "
                  "Export whole periods."),
                first, period, name);
      return;
    }
  for (guint i = 0; i < group->readings->len; i++)
    {
      const Reading *reading = &g_array_index (readings, Reading, g_array_index (group->readings, guint, i));

      if (previous != NULL && previous->date == reading->date)
        {
          reject (self, reading->row, _("a second value for “%s” on the same date (row %u has one)."), name, previous->row);
          continue;
        }
      if (previous == NULL)
        change.row = reading->row;
      change.row = MIN (change.row, reading->row);
      g_array_append_val (values, reading->value);
      previous = reading;
    }
  change.period = group->period;
  change.period_end = group->period_end;
  change.n_rows = values->len;
  change.value = combine (group->kpi, (const double *) (void *) values->data, values->len);
  /* Every value the plan holds in the period goes, whichever day it sits on. A link the
   * import adds holds none. */
  stored = group->campaign == NULL ? pl_kpi_get_measurements (PL_KPI (group->kpi))
           : group->link != NULL   ? pl_campaign_kpi_get_results (PL_CAMPAIGN_KPI (group->link))
                                   : NULL;
  for (guint i = stored ? pl_series_lower_bound (stored, group->period) : 0; stored && i < pl_series_get_n (stored); i++)
    {
      const PlPoint *point = pl_series_get (stored, i);
      if (point->julian >= group->period_end)
        break;
      g_array_append_val (old, point->value);
    }
  change.n_previous = old->len;
  change.previous = old->len > 0 ? combine (group->kpi, (const double *) (void *) old->data, old->len) : NAN;
  change.off_period_start = old->len > 0 && (old->len > 1 || pl_series_lookup (stored, group->period) == NULL);
  g_array_append_val (self->changes, change);
}

static int
compare_rejections (gconstpointer a, gconstpointer b)
{
  const PlImportRejection *x = *(PlImportRejection * const *) a;
  const PlImportRejection *y = *(PlImportRejection * const *) b;
  return (x->row > y->row) - (x->row < y->row);
}

static const char * const date_names[] = { "date", "day", "month", "week", "period", "jour", "mois", "datum", NULL };
static const char * const kpi_names[] = { "kpi", "metric", "indicator", "name", "indicateur", NULL };
static const char * const value_names[] = { "value", "count", "total", "amount", "valeur", NULL };

PlItem *
pl_import_find_kpi (PlPlan *plan, const char *text)
{
  g_autoptr(GHashTable) index = kpi_index_new (plan);

  return find_kpi (index, text);
}

void
pl_import_guess_columns (GStrv header, int *date, int *kpi, int *value)
{
  *date = pl_import_guess_column (header, date_names);
  *kpi = pl_import_guess_column (header, kpi_names);
  *value = pl_import_guess_column (header, value_names);
}

char *
pl_import_read_file (GFile *file, gsize *length, GError **error)
{
  g_autofree char *too_large = g_strdup_printf (_("The file is larger than %u MB: too large to import."),
                                                (guint) (PL_IMPORT_MAX_FILE_SIZE / (1024 * 1024)));

  return pl_import_read_capped (file, PL_IMPORT_MAX_FILE_SIZE, _("This is a folder, not a CSV file."), too_large,
                                length, error);
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

/* The date format of the column @date_col: the first one that reads its first date. Day
 * first and month first read "01/04/2027" both: the file's other dates decide (a 13 or more
 * in first place is a day), day first when none does, as most of the world writes. */
static PlImportDateFormat
find_date_format (GPtrArray *records, int date_col)
{
  PlImportDateFormat format = PL_IMPORT_DATE_AUTO;
  gboolean day_first = FALSE, month_first = FALSE;

  for (guint r = 1; r < records->len && format == PL_IMPORT_DATE_AUTO; r++)
    {
      PlCsvRecord *record = records->pdata[r];
      const char *cell = g_strv_length (record->fields) > (guint) date_col ? record->fields[date_col] : NULL;

      for (int f = PL_IMPORT_DATE_ISO; cell && f <= PL_IMPORT_DATE_WORDS && format == PL_IMPORT_DATE_AUTO; f++)
        if (f != PL_IMPORT_DATE_MDY && pl_import_parse_date (cell, (PlImportDateFormat) f) != 0)
          format = (PlImportDateFormat) f;
      if (cell != NULL && format == PL_IMPORT_DATE_AUTO)
        break;
    }
  if (format != PL_IMPORT_DATE_DMY)
    return format;
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
  return month_first && !day_first ? PL_IMPORT_DATE_MDY : PL_IMPORT_DATE_DMY;
}

/* Finds the KPI of each column of a wide file (@column_kpis, one per column of @header): the
 * ones @options names, or else every column whose header names a KPI, the others going into
 * @ignored. FALSE with @error when a column named is not there or names no KPI. */
static gboolean
find_kpi_columns (PlImportPreview *self, GHashTable *kpi_index, const PlImportOptions *options, int date_col,
                  int campaign_col, PlItem **column_kpis, GStrvBuilder *ignored, GError **error)
{
  guint n_columns = g_strv_length (self->header);
  guint matched = 0;

  for (guint i = 0; options->kpi_columns != NULL && options->kpi_columns[i] != NULL; i++)
    {
      const char *entry = options->kpi_columns[i];
      g_autofree char *column_name = g_strdup (entry);
      const char *kpi_name = NULL;
      char *equals;
      int c = pl_import_find_column (self->header, entry);

      /* "HEADER=KPI", unless the header itself holds the "=". */
      if (c < 0 && (equals = strchr (column_name, '=')) != NULL)
        {
          *equals = '\0';
          kpi_name = entry + (equals - column_name) + 1;
          c = pl_import_find_column (self->header, column_name);
        }
      if (c < 0)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The file has no column “%s”."), column_name);
          return FALSE;
        }
      if (c == date_col)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The column “%s” holds the dates, not a KPI."), column_name);
          return FALSE;
        }
      if (c == campaign_col)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The column “%s” names the campaigns, not a KPI."), column_name);
          return FALSE;
        }
      if ((column_kpis[c] = find_kpi (kpi_index, kpi_name ? kpi_name : self->header[c])) == NULL)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("“%s” is not a KPI of this plan."),
                       kpi_name ? kpi_name : self->header[c]);
          return FALSE;
        }
      matched++;
    }
  for (guint c = 0; options->kpi_columns == NULL && c < n_columns; c++)
    if ((int) c == date_col || (int) c == campaign_col)
      continue;
    else if ((column_kpis[c] = find_kpi (kpi_index, self->header[c])) != NULL)
      matched++;
    else
      g_strv_builder_add (ignored, self->header[c]);
  if (matched == 0)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FILE,
                           _("No column of the file names a KPI of this plan: name the columns by KPI, or choose the KPI and value columns."));
      return FALSE;
    }
  return TRUE;
}

/* Puts the readings in their KPIs' periods and settles each period into one change. */
static void
settle (PlImportPreview *self, PlPlan *plan, GArray *readings, PlImportDateFormat date_format, PlImportCampaigns *campaigns,
        GStrvBuilder *notes)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  gboolean month_ends;
  Grain grain = file_grain (readings, date_format, &month_ends);
  guint step = grain == GRAIN_DAY ? 1 : grain == GRAIN_WEEK ? 7 : 0;
  guint32 first_day = G_MAXUINT32, last_day = 0, first_covered;

  g_array_set_clear_func (groups, (GDestroyNotify) group_clear);
  for (guint i = 0; i < readings->len; i++)
    {
      const Reading *reading = &g_array_index (readings, Reading, i);
      /* A campaign's results are by month, whatever the KPI's frequency. */
      guint32 period = reading->campaign ? pl_month_first_day (reading->date, 0) : pl_kpi_period_start (plan, reading->kpi, reading->date);
      g_autofree char *key = g_strdup_printf ("%p/%p@%u", (void *) reading->kpi, (void *) reading->campaign, period);
      gpointer found;
      Group *group;

      first_day = MIN (first_day, reading->date);
      last_day = MAX (last_day, reading->date);
      if (!g_hash_table_lookup_extended (index, key, NULL, &found))
        {
          Group fresh = { reading->kpi, reading->campaign, NULL, period,
                          reading->campaign ? pl_month_first_day (reading->date, 1) : pl_kpi_period_next (plan, reading->kpi, reading->date),
                          g_array_new (FALSE, FALSE, sizeof (guint)) };

          if (reading->campaign != NULL)
            fresh.link = pl_import_campaigns_link (campaigns, reading->campaign, reading->kpi);
          found = GUINT_TO_POINTER (groups->len);
          g_array_append_val (groups, fresh);
          g_hash_table_insert (index, g_steal_pointer (&key), found);
        }
      group = &g_array_index (groups, Group, GPOINTER_TO_UINT (found));
      g_array_append_val (group->readings, i);
    }
  /* Rows of months cover their whole month: one dated 31 January starts the file on the 1st. */
  first_covered = first_day;
  if (grain == GRAIN_MONTH && readings->len > 0)
    first_covered = pl_month_first_day (first_day, 0);
  for (guint g = 0; g < groups->len; g++)
    settle_group (self, plan, readings, &g_array_index (groups, Group, g), grain, month_ends, first_covered, step);
  if (month_ends && self->changes->len > 0)
    g_strv_builder_add (notes, _("The file’s dates are all month ends: each is read as its month’s figure."));
  /* A file that ends inside a period gives that period's figure so far; but a part of a
   * period never lowers a summed figure the plan holds for all of it: an export of the first
   * ten days of March does not replace March's complete count with a third of it. */
  {
    gboolean noted = FALSE;

    for (guint i = self->changes->len; step > 0 && i-- > 0;)
      {
        const PlImportChange *change = &g_array_index (self->changes, PlImportChange, i);
        g_autofree char *last = NULL;

        if (last_day < change->period || last_day + step >= change->period_end)
          continue;
        last = pl_date_text (last_day, PL_DATE_NUMERIC);
        if (pl_item_get_int (change->item, PL_KPI_AGGREGATE) == PL_AGGREGATE_SUM && !isnan (change->previous) &&
            change->value < change->previous)
          {
            g_autofree char *period = pl_import_change_period_text (plan, change);
            g_autofree char *held = pl_kpi_value_format (PL_KPI (change->item), change->previous);
            g_autofree char *label = pl_import_change_label (change);
            /* Translators: a KPI and period, the last day of the file, the value the plan keeps */
            g_autofree char *note = g_strdup_printf (_("%s, %s: the file stops on %s, so the plan keeps its %s for the "
                                                       "whole period."),
                                                     label, period, last, held);
            g_strv_builder_add (notes, note);
            g_array_remove_index (self->changes, i);
            continue;
          }
        if (!noted)
          {
            g_autofree char *note = g_strdup_printf (_("The file ends on %s: the values of the period holding that day "
                                                       "are to that day."), last);
            g_strv_builder_add (notes, note);
            noted = TRUE;
          }
      }
  }
}

char
pl_import_guess_thousands (PlPlan *plan, const char *text, gssize length, const PlImportOptions *options)
{
  PlImportOptions tried = *options;
  g_autoptr(PlImportPreview) plain = NULL;
  g_autoptr(PlImportPreview) grouped = NULL;
  char decimal;

  g_return_val_if_fail (PL_IS_PLAN (plan) && text != NULL && options != NULL, 0);
  tried.thousands = 0;
  if ((plain = pl_import_preview (plan, text, length, &tried, NULL)) == NULL)
    return 0;
  /* The decimal separator the preview took: given, or the delimiter's (see below). */
  decimal = options->decimal ? options->decimal : plain->delimiter == ';' ? ',' : '.';
  tried.thousands = decimal == ',' ? '.' : ',';
  grouped = pl_import_preview (plan, text, length, &tried, NULL);
  if (grouped != NULL && grouped->n_values > plain->n_values && grouped->rejected->len < plain->rejected->len)
    return tried.thousands;
  return 0;
}

PlImportPreview *
pl_import_preview (PlPlan *plan, const char *text, gssize length, const PlImportOptions *options, GError **error)
{
  PlCsvOptions csv = { options->delimiter, NULL };
  PlImportOptions effective = *options;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(PlImportPreview) self = NULL;
  g_autofree PlItem **column_kpis = NULL;
  g_autoptr(GArray) readings = g_array_new (FALSE, FALSE, sizeof (Reading));
  g_autoptr(GHashTable) percent_kpis = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) rejected_rows = g_hash_table_new (NULL, NULL);
  g_autoptr(GStrvBuilder) ignored = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_autoptr(GHashTable) kpi_index = kpi_index_new (plan);
  g_autoptr(PlImportCampaigns) campaigns = NULL;
  g_autoptr(GHashTable) unmatched_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) none_seen = g_ptr_array_new_with_free_func (g_free);
  PlImportDateFormat date_format = options->date_format;
  int date_col, kpi_col = -1, value_col = -1, campaign_col;
  gboolean wide = options->wide || options->kpi_columns != NULL;
  guint n_columns, n_dates = 0, n_bad_dates = 0;

  g_array_set_clear_func (readings, (GDestroyNotify) reading_clear);
  self = g_new0 (PlImportPreview, 1);
  self->changes = g_array_new (FALSE, FALSE, sizeof (PlImportChange));
  self->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_import_rejection_free);
  self->campaign_column = -1;
  self->unmatched = g_array_new (FALSE, FALSE, sizeof (PlImportUnmatched));
  g_array_set_clear_func (self->unmatched, (GDestroyNotify) unmatched_clear);
  self->new_links = g_array_new (FALSE, FALSE, sizeof (PlImportLink));
  records = pl_csv_read (text, length, &csv, &self->delimiter, error);
  if (records == NULL)
    return NULL;
  /* Files separated by ";" come from where "," is the decimal separator. */
  if (effective.decimal == 0)
    effective.decimal = self->delimiter == ';' ? ',' : '.';
  if (effective.thousands != 0 && effective.thousands == effective.decimal)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   _("“%c” cannot separate both thousands and decimals: choose another thousands separator."),
                   effective.thousands);
      return NULL;
    }
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

  date_col = options->date_column ? pl_import_find_column (self->header, options->date_column) : pl_import_guess_column (self->header, date_names);
  if (date_col < 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE,
                   options->date_column ? _("The file has no column “%s” for the dates.")
                                        : _("No column of the file looks like a date%s: choose it."),
                   options->date_column ? options->date_column : "");
      return NULL;
    }
  if (!find_campaign_column (self->header, options, date_col, &campaign_col, error))
    return NULL;
  self->campaign_column = campaign_col;
  if (campaign_col >= 0)
    campaigns = pl_import_campaigns_new (plan);
  if (!wide)
    {
      kpi_col = options->kpi_column ? pl_import_find_column (self->header, options->kpi_column) : pl_import_guess_column (self->header, kpi_names);
      value_col = options->value_column ? pl_import_find_column (self->header, options->value_column) : pl_import_guess_column (self->header, value_names);
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
  if (campaign_col >= 0 && (kpi_col == campaign_col || value_col == campaign_col))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("The column “%s” names the campaigns, not the KPIs or their values."),
                   self->header[campaign_col]);
      return NULL;
    }
  if (kpi_col < 0)
    {
      column_kpis = g_new0 (PlItem *, n_columns);
      if (!find_kpi_columns (self, kpi_index, options, date_col, campaign_col, column_kpis, ignored, error))
        return NULL;
    }

  if (date_format == PL_IMPORT_DATE_AUTO)
    date_format = find_date_format (records, date_col);
  for (guint r = 1; r < records->len; r++)
    {
      PlCsvRecord *record = records->pdata[r];
      guint n = g_strv_length (record->fields);
      PlItem *campaign = NULL;
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
      /* Traffic from no campaign is not an error: GA4 reports it beside the campaigns. */
      if (campaign_col >= 0 && from_no_campaign (self, campaigns, record->fields[campaign_col], none_seen))
        continue;
      date = pl_import_parse_date (record->fields[date_col], date_format);
      if (date == 0)
        {
          reject (self, record->line, _("“%s” is not a date in this file’s format."), record->fields[date_col]);
          n_bad_dates++;
          continue;
        }
      n_dates++;
      if (campaign_col >= 0 &&
          (campaign = row_campaign (self, campaigns, record->line, record->fields[campaign_col], unmatched_index)) == NULL)
        continue;
      if (kpi_col >= 0)
        {
          PlItem *kpi = find_kpi (kpi_index, record->fields[kpi_col]);
          if (kpi == NULL)
            {
              reject (self, record->line, _("“%s” is not a KPI of this plan."), record->fields[kpi_col]);
              continue;
            }
          take (self, plan, &effective, readings, record->line, kpi, campaign, date, record->fields[value_col],
                self->header[value_col]);
        }
      else
        for (guint c = 0; c < n_columns; c++)
          {
            g_autofree char *cell = column_kpis[c] ? g_strstrip (g_strdup (record->fields[c])) : NULL;
            /* An empty cell in a wide file is a KPI not measured that day, not an error. */
            if (cell != NULL && *cell != '\0')
              take (self, plan, &effective, readings, record->line, column_kpis[c], campaign, date, record->fields[c],
                    self->header[c]);
          }
    }
  /* No date read at all: the file's dates are in a form the import does not know, which is
   * said once with the forms it does rather than on every row. */
  if (n_dates == 0 && n_bad_dates > 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FILE, _("No date of the column “%s” reads as a date. Dates read in these forms: %s."),
                   self->header[date_col], pl_import_date_forms ());
      return NULL;
    }

  /* Percentage KPIs' numbers without "%", each KPI read one way. */
  for (guint i = 0; i < readings->len; i++)
    if (g_array_index (readings, Reading, i).unsigned_percent)
      g_hash_table_add (percent_kpis, g_array_index (readings, Reading, i).kpi);
  self->unsigned_percent = g_hash_table_size (percent_kpis) > 0;
  for (guint i = 0; i < readings->len; i++)
    {
      Reading *reading = &g_array_index (readings, Reading, i);
      double divisor;

      if (!reading->unsigned_percent || !g_hash_table_contains (percent_kpis, reading->kpi))
        continue;
      if (!decide_percent (reading->kpi, readings, options, &divisor, error))
        return NULL;
      for (guint j = i; j < readings->len; j++)
        if (g_array_index (readings, Reading, j).kpi == reading->kpi && g_array_index (readings, Reading, j).unsigned_percent)
          {
            Reading *same = &g_array_index (readings, Reading, j);
            same->value = divisor == 100 ? hundredth_of (same->digits) : same->value;
          }
      g_hash_table_remove (percent_kpis, reading->kpi);
    }

  /* A value the KPI cannot hold (negative leads, a churn of 200 %) is refused with the same
   * words as when it is typed: an import must not let in what an edit would refuse. */
  for (guint i = readings->len; i-- > 0;)
    {
      Reading *reading = &g_array_index (readings, Reading, i);
      g_autoptr(GError) refused = NULL;

      if (pl_rule_kpi_value (PL_KPI (reading->kpi), reading->value, &refused))
        continue;
      reject (self, reading->row, "%s", refused->message);
      self->n_values--;
      g_array_remove_index (readings, i);
    }

  /* First, as it says how to read the rest. */
  if (campaign_col >= 0)
    {
      g_autofree char *note = g_strdup_printf (_("The column “%s” names the campaigns: its values are imported as the "
                                                 "campaigns’ results by month, not as the KPIs’ measurements."),
                                               self->header[campaign_col]);
      g_strv_builder_add (notes, note);
    }
  settle (self, plan, readings, date_format, campaigns, notes);
  if (campaign_col >= 0)
    note_campaigns (self, none_seen, notes);
  /* Stable: a row's rejections keep their columns' order. */
  g_ptr_array_sort (self->rejected, compare_rejections);
  for (guint i = 0; i < self->rejected->len; i++)
    g_hash_table_add (rejected_rows, GUINT_TO_POINTER (((PlImportRejection *) self->rejected->pdata[i])->row));
  self->n_rejected_rows = g_hash_table_size (rejected_rows);
  self->ignored = g_strv_builder_end (ignored);
  self->notes = g_strv_builder_end (notes);
  return g_steal_pointer (&self);
}

/* The link of @change's campaign to its KPI: the one the plan holds, or one added now (with
 * no expected contribution), once per campaign and KPI (@added remembers them). */
static PlCampaignKpi *
link_for (PlPlan *plan, const PlImportChange *change, GHashTable *added)
{
  g_autofree char *key = g_strconcat (pl_item_get_id (change->campaign), "\n", pl_item_get_id (change->item), NULL);
  PlItem *link = change->link ? change->link : g_hash_table_lookup (added, key);

  if (link == NULL)
    {
      g_autoptr(PlItem) fresh = g_object_new (PL_TYPE_CAMPAIGN_KPI, NULL);

      pl_item_set_string (fresh, PL_CAMPAIGN_KPI_CAMPAIGN, pl_item_get_id (change->campaign));
      pl_item_set_string (fresh, PL_CAMPAIGN_KPI_KPI, pl_item_get_id (change->item));
      pl_plan_add (plan, fresh);
      link = fresh;
      g_hash_table_insert (added, g_steal_pointer (&key), link);
    }
  return PL_CAMPAIGN_KPI (link);
}

guint
pl_import_apply (PlPlan *plan, const PlImportPreview *preview, const char *source)
{
  g_autofree char *label = NULL;
  g_autoptr(GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PlImportCounts counts = pl_import_changes_count (preview->changes);
  guint n = counts.added + counts.replaced;

  if (n == 0)
    return 0;
  if (preview->campaign_column >= 0)
    /* Translators: the undoable step of an import of campaign results */
    label = g_strdup_printf (ngettext ("Import %u Campaign Result", "Import %u Campaign Results", n), n);
  else
    /* Translators: the undoable step of an import */
    label = g_strdup_printf (ngettext ("Import %u Measurement", "Import %u Measurements", n), n);
  pl_plan_begin_group (plan, label);
  for (guint i = 0; i < preview->changes->len; i++)
    {
      const PlImportChange *change = &g_array_index (preview->changes, PlImportChange, i);
      PlCampaignKpi *link = NULL;
      PlSeries *stored;
      g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (guint32));

      if (pl_import_change_is_unchanged (change))
        continue;
      if (change->campaign != NULL)
        {
          link = link_for (plan, change, added);
          stored = pl_campaign_kpi_get_results (link);
        }
      else
        stored = pl_kpi_get_measurements (PL_KPI (change->item));
      /* The values on the period's other days go first: the period keeps one, on its first day. */
      for (guint p = pl_series_lower_bound (stored, change->period); p < pl_series_get_n (stored); p++)
        {
          const PlPoint *point = pl_series_get (stored, p);
          if (point->julian >= change->period_end)
            break;
          if (point->julian != change->period)
            g_array_append_val (others, point->julian);
        }
      g_array_append_val (others, change->period);
      for (guint o = 0; o < others->len; o++)
        {
          guint32 day = g_array_index (others, guint32, o);
          double value = o + 1 == others->len ? change->value : NAN;

          if (link != NULL)
            pl_plan_set_result (plan, link, day, value, source);
          else
            pl_plan_set_point (plan, PL_KPI (change->item), PL_SERIES_MEASUREMENTS, day, value, source);
        }
    }
  pl_plan_end_group (plan);
  return n;
}
