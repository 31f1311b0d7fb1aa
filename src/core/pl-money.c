/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pl-money"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "pl-money.h"
#include "pl-error.h"

guint
pl_currency_exponent (const char *currency)
{
  static const char *zero[] = { "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
                                "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF" };
  static const char *three[] = { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

  if (currency == NULL)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    if (strcmp (currency, zero[i]) == 0)
      return 0;
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    if (strcmp (currency, three[i]) == 0)
      return 3;
  return 2;
}

gboolean
pl_currency_is_valid (const char *code)
{
  return code != NULL && strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/* Appends a decimal digit to *@value unless the result would not fit a gint64. */
static gboolean
push_digit (guint64 *value, int digit)
{
  if (*value > ((guint64) G_MAXINT64 - (guint64) digit) / 10)
    return FALSE;
  *value = *value * 10 + (guint64) digit;
  return TRUE;
}

gboolean
pl_money_parse (const char *text, guint exponent, gint64 *out, GError **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint int_digits = 0, frac_digits = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p); p++, int_digits++)
    {
      if (!push_digit (&value, *p - '0'))
        goto too_large;
    }
  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, frac_digits++)
        {
          if (frac_digits >= exponent)
            {
              g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                           _("“%s” has more decimals than the currency allows (%u)"),
                           text, exponent);
              return FALSE;
            }
          if (!push_digit (&value, *p - '0'))
            goto too_large;
        }
    }
  if (*p != '\0' || (int_digits == 0 && frac_digits == 0))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is not an amount (expected digits, with a point before the decimals)"),
                   text);
      return FALSE;
    }
  for (; frac_digits < exponent; frac_digits++)
    {
      if (!push_digit (&value, 0))
        goto too_large;
    }
  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;

too_large:
  g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE, _("“%s” is too large an amount"), text);
  return FALSE;
}

char *
pl_money_to_string (gint64 amount, guint exponent)
{
  guint64 magnitude = amount < 0 ? (guint64) (-(amount + 1)) + 1 : (guint64) amount;
  guint64 scale = 1;

  for (guint i = 0; i < exponent; i++)
    scale *= 10;
  if (exponent == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, amount < 0 ? "-" : "", magnitude);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          amount < 0 ? "-" : "", magnitude / scale, (int) exponent,
                          magnitude % scale);
}

char *
pl_group_digits (const char *plain)
{
  GString *out = g_string_new (NULL);
  const char *point = strchr (plain, '.');
  gsize integer = point ? (gsize) (point - plain) : strlen (plain);
  gsize start = plain[0] == '-' ? 1 : 0;
  const char *separator = localeconv ()->thousands_sep;

  g_string_append_len (out, plain, (gssize) start);
  /* A locale with no separator (C) still gets groups: a narrow no-break space reads in any
   * language and cannot be taken for a decimal point. */
  if (separator == NULL || *separator == '\0')
    separator = "\u202F";
  for (gsize i = start; i < integer; i++)
    {
      if (i > start && (integer - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, plain[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

const char *
pl_currency_symbol (const char *currency)
{
  static const struct { const char *code, *symbol; } symbols[] = {
    { "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "JPY", "¥" }, { "INR", "₹" }, { "KRW", "₩" },
  };

  for (guint i = 0; currency != NULL && i < G_N_ELEMENTS (symbols); i++)
    if (strcmp (currency, symbols[i].code) == 0)
      return symbols[i].symbol;
  return currency;
}

char *
pl_money_decorate (const char *number, const char *currency)
{
  const char *symbol = pl_currency_symbol (currency);
  struct lconv *conventions = localeconv ();
  gboolean code = g_strcmp0 (symbol, currency) == 0;
  gboolean negative = number[0] == '-';
  const char *digits = negative ? number + 1 : number;
  const char *sign = negative ? "-" : "";
  gboolean before;

  /* No rule in the locale (C, POSIX): the code after the number, as files write it. */
  if (conventions->p_cs_precedes == CHAR_MAX || currency == NULL)
    return currency ? g_strdup_printf ("%s\u00A0%s", number, currency) : g_strdup (number);
  before = negative && conventions->n_cs_precedes != CHAR_MAX ? conventions->n_cs_precedes
                                                              : conventions->p_cs_precedes;
  /* A code is always set apart from the digits: "CHF 1,234" rather than "CHF1,234". */
  if (before)
    return g_strdup_printf ("%s%s%s%s", sign, symbol, conventions->p_sep_by_space || code ? "\u00A0" : "", digits);
  return g_strdup_printf ("%s%s%s", number, conventions->p_sep_by_space || code ? "\u00A0" : "", symbol);
}

char *
pl_money_format (gint64 amount, guint exponent, const char *currency)
{
  g_autofree char *number = NULL;

  if (amount == PL_MONEY_OVERFLOW)
    return pl_money_to_display (amount, exponent);
  number = pl_money_to_display (amount, exponent);

  return pl_money_decorate (number, currency);
}

/* @value with @decimals digits in the user's locale, grouped from ten thousand. */
static char *
decimals_localised (double value, int decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

  g_ascii_formatd (buffer, sizeof buffer, format, value);
  return pl_number_localise (buffer, fabs (value) >= 10000);
}

char *
pl_ratio_format (double ratio, int decimals)
{
  g_autofree char *number = decimals_localised (ratio, decimals);

  /* Translators: a ratio such as LTV:CAC, "3.4×" (three point four times) */
  return g_strdup_printf (_("%s×"), number);
}

char *
pl_number_short (double value, gboolean precise)
{
  double magnitude = fabs (value);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *number = NULL;

  /* Two decimals of millions when asked: two ends of a line are often close. */
  if (magnitude >= 1e6)
    {
      g_ascii_formatd (buffer, sizeof buffer, precise ? "%.2f" : fmod (value, 1e6) == 0 ? "%.0f" : "%.1f", value / 1e6);
      number = pl_number_localise (buffer, FALSE);
      /* Translators: millions shortened after a number on a chart, "1.2M"; French writes "1,2 M" */
      return g_strdup_printf (_("%sM"), number);
    }
  if (magnitude >= 1e3)
    {
      /* "1k" on an axis rather than "1.0k". */
      g_ascii_formatd (buffer, sizeof buffer, magnitude >= 1e4 || fmod (value, 1e3) == 0 ? "%.0f" : "%.1f", value / 1e3);
      number = pl_number_localise (buffer, FALSE);
      /* Translators: thousands shortened after a number on a chart, "12k"; French writes "12 k" */
      return g_strdup_printf (_("%sk"), number);
    }
  g_ascii_formatd (buffer, sizeof buffer, magnitude >= 100 || value == floor (value) ? "%.0f" : "%.1f", value);
  return pl_number_localise (buffer, FALSE);
}

char *
pl_percent_format (double percent, int decimals)
{
  g_autofree char *number = decimals_localised (percent, decimals);

  /* Translators: a percentage, "12.5%"; French separates the sign with a narrow no-break space */
  return g_strdup_printf (_("%s%%"), number);
}

char *
pl_number_localise (const char *plain, gboolean group)
{
  const char *point = strchr (plain, '.');
  const char *decimal = localeconv ()->decimal_point;
  g_autofree char *integer = point ? g_strndup (plain, (gsize) (point - plain)) : g_strdup (plain);
  g_autofree char *grouped = group ? pl_group_digits (integer) : g_strdup (integer);

  if (point == NULL)
    return g_steal_pointer (&grouped);
  return g_strconcat (grouped, decimal != NULL && *decimal != '\0' ? decimal : ".", point + 1, NULL);
}

char *
pl_money_to_display (gint64 amount, guint exponent)
{
  g_autofree char *plain = NULL;
  char *point;

  /* A sum too large to hold is shown as such, never as a wrapped or clipped number. */
  if (amount == PL_MONEY_OVERFLOW)
    return g_strdup (_("not available"));
  plain = pl_money_to_string (amount, exponent);
  point = strchr (plain, '.');

  /* Budgets are mostly round: "12 500" reads better than "12 500.00". */
  if (point != NULL && strspn (point + 1, "0") == strlen (point + 1))
    *point = '\0';
  return pl_number_localise (plain, TRUE);
}

/* TRUE when every comma of @text is followed by exactly three digits: "12,500" and
 * "1,234,567.50" are written with thousands separators, not decimal commas. */
static gboolean
commas_group_thousands (const char *text)
{
  gboolean any = FALSE;

  for (const char *p = strchr (text, ','); p != NULL; p = strchr (p + 1, ','))
    {
      if (!(g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
            (p[4] == '\0' || p[4] == ',' || p[4] == '.')))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* Drops a currency sign or a three-letter code at either end of @text: what
 * pl_money_format() shows can be typed back. */
static void
strip_currency (GString *text)
{
  static const char *signs[] = { "€", "$", "£", "¥", "₹", "₩" };
  gboolean stripped = TRUE;
  gboolean negative = text->str[0] == '-';

  /* "-€12,500": the sign goes before the currency. */
  if (negative)
    g_string_erase (text, 0, 1);
  while (stripped && text->len > 0)
    {
      stripped = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
        {
          gsize n = strlen (signs[i]);
          if (g_str_has_prefix (text->str, signs[i]))
            g_string_erase (text, 0, (gssize) n), stripped = TRUE;
          else if (g_str_has_suffix (text->str, signs[i]))
            g_string_truncate (text, text->len - n), stripped = TRUE;
        }
      if (text->len > 3 && g_ascii_isupper (text->str[0]) && g_ascii_isupper (text->str[1]) &&
          g_ascii_isupper (text->str[2]))
        g_string_erase (text, 0, 3), stripped = TRUE;
      else if (text->len > 3 && g_ascii_isupper (text->str[text->len - 1]) &&
               g_ascii_isupper (text->str[text->len - 2]) && g_ascii_isupper (text->str[text->len - 3]))
        g_string_truncate (text, text->len - 3), stripped = TRUE;
    }
  if (negative)
    g_string_prepend_c (text, '-');
}

/* @text without the spaces typed or shown between digits. */
static GString *
without_spaces (const char *text)
{
  GString *clean = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != ' ' && c != 0x00A0 && c != 0x202F && c != '\t')
        g_string_append_unichar (clean, c);
    }
  return clean;
}

/* Makes @clean a plain decimal: drops the commas that group @thousands, and makes a lone
 * comma the decimal point when there is no point. */
static void
plain_separators (GString *clean, gboolean thousands)
{
  gboolean decimal_comma = !thousands && strchr (clean->str, '.') == NULL &&
                           strchr (clean->str, ',') == strrchr (clean->str, ',');
  char *w = clean->str;

  for (const char *r = clean->str; *r != '\0'; r++)
    {
      if (*r == ',' && thousands)
        continue;
      *w++ = *r == ',' && decimal_comma ? '.' : *r;
    }
  *w = '\0';
  clean->len = (gsize) (w - clean->str);
}

gboolean
pl_money_parse_typed (const char *text, guint exponent, gint64 *out, GError **error)
{
  g_autoptr(GString) clean = without_spaces (text);

  strip_currency (clean);
  /* Three digits after a comma are thousands when the currency has fewer decimals; a lone
   * comma otherwise is a decimal comma. */
  plain_separators (clean, exponent < 3 && commas_group_thousands (clean->str));
  if (!pl_money_parse (clean->str, exponent, out, NULL))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is not an amount. Type digits, with a point or a comma before the cents."), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_number_parse_typed (const char *text, double *out, GError **error)
{
  g_autoptr(GString) clean = without_spaces (text);
  char *end = NULL;
  double value;

  /* "1,500" is fifteen hundred only where the locale groups thousands with commas. */
  plain_separators (clean, g_strcmp0 (localeconv ()->thousands_sep, ",") == 0 &&
                           commas_group_thousands (clean->str));
  value = g_ascii_strtod (clean->str, &end);
  if (clean->len == 0 || end != clean->str + clean->len || !isfinite (value) ||
      strpbrk (clean->str, "eExXpP") != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID_VALUE,
                   _("“%s” is not a number. Type digits, with a point or a comma for decimals."), text);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
pl_money_add (gint64 *a, gint64 b)
{
  if ((b > 0 && *a > G_MAXINT64 - b) || (b < 0 && *a < G_MININT64 - b))
    return FALSE;
  *a += b;
  return TRUE;
}

gint64
pl_money_max (guint exponent)
{
  gint64 max = PL_MONEY_MAX_UNITS;

  /* ISO 4217 has no currency with more than four decimals. */
  for (guint i = 0; i < MIN (exponent, 4u); i++)
    max *= 10;
  return max;
}

gint64
pl_money_from_major (double value, guint exponent)
{
  double minor = value * pow (10, exponent);

  /* 2^63 is the first double past G_MAXINT64, which itself stands for an overflow. */
  if (!isfinite (minor) || fabs (minor) >= 9223372036854775808.0)
    return PL_MONEY_OVERFLOW;
  return (gint64) llround (minor);
}
